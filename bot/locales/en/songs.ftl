# songs: slash commands (names, descriptions, options). Keys: bot/core/i18n/commands.py.

cmd-song = song
    .description = Make a song from a reference track and your lyrics
cmd-song-status = status
    .description = Where one of your songs is.
cmd-song-status--job = job
    .description = One of your jobs (default: the latest)
cmd-song-list = list
    .description = Your songs in this server, newest first, with links to them.
cmd-song-gallery = gallery
    .description = This server's recent songs and its top songs by jam votes, with links to them.
cmd-song-cancel = cancel
    .description = Cancel one of your songs before it is posted.
cmd-song-cancel--job = job
    .description = One of your unfinished jobs
cmd-song-create = create
    .description = Make a song from a reference track and your lyrics
cmd-song-create--reference = reference
    .description = The reference track (.mp3 or .wav, longer than 15 seconds); leave out to use the form
cmd-song-create--lyrics = lyrics
    .description = Your lyrics; ' / ' starts a new line and ' // ' makes a pause. Leave out to use the form
cmd-song-create--style = style
    .description = The style of the song (e.g. 'dreamy lo-fi, soft vocals')
cmd-song-create--jam = jam
    .description = Enter the song in this jam (default: the open jam of this channel, if any)
