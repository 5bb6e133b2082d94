# help: slash commands (names, descriptions, options). Keys: bot/core/i18n/commands.py.

cmd-help = help
    .description = What this bot does: songs, quotas, jams and moderator commands.

# /help pages: one message per line; bot/help/text.py joins them.
help-label-songs = Songs
help-label-quota = Quotas
help-label-jams = Jams
help-label-moderators = Moderators

help-songs-title = **Songs**: make a song from a reference track and your lyrics.
help-songs-inline = • `/song create reference:<file> lyrics:<text>`: inline lyrics; ` / ` starts a new line, ` // ` makes a pause.
help-songs-form = • `/song create` (optionally with `reference:`): a form for the file and multi-line lyrics.
help-songs-style = • `style:` describes the sound ({ $min }–{ $max } characters).
help-songs-title-option = • `title:` names the song (up to 80 characters; default: its first lyric line).
help-songs-next-steps = • Under your finished song: **Again** (a new song, same everything), **Edit lyrics**{ $cover ->
        [yes] , **Cover with a style**
       *[no] {""}
    }; each is charged as a new song.
help-songs-from-message = • On any message with an audio file: Apps › **{ cmd-make-a-song-from-this }**.
help-songs-jam = • `jam:` enters the song in a jam (default: the open jam of the channel, if any).
help-songs-status = • `/song status [job]`: where one of your songs is.
help-songs-list = • `/song list`: all your songs here, newest first, with links.
help-songs-gallery = • `/song gallery`: this server's recent songs and its top songs by jam votes, with links.
help-songs-cancel = • `/song cancel job`: cancel a song before it is posted (or use the Cancel button on its card).
help-songs-length-min = longer than { $min } seconds
help-songs-length-range = longer than { $min } seconds and up to { $max } seconds
help-songs-limits = Reference: { $formats }, { $length }, up to { $megabytes } MB. Lyrics: { $lyrics_min }–{ $lyrics_max } characters as sent. Bad input costs nothing.

help-quota-title = **Quotas**: how many songs you may make.
help-quota-command = • `/quota`: songs used and left in the rolling 24 hours, when the next frees up, songs in progress.
help-quota-cooldown = { $seconds } seconds between songs
help-quota-no-cooldown = no wait between songs
help-quota-limits = By default { $daily ->
        [one] { $daily } song
       *[other] { $daily } songs
    } a day (moderators may set another number per server, role or member, and grant bonus credits), up to { $unfinished } in progress at once, { $cooldown }; a server and the bot also have daily caps.
help-quota-refund = A song that fails for a reason that is not yours gives the credit back.
help-quota-rights = Your first song here asks you to confirm, with a button, that you may use the tracks you upload.

help-jams-title = **Jams**: a theme, a deadline, songs and votes.
help-jams-enter = • `/song create` in a jam's channel (or thread) makes an entry; each entry gets a Vote button.
help-jams-status = • `/jam status [jam]`: the open jam.
help-jams-leaderboard = • `/jam leaderboard [jam]`: live standings.
help-jams-history = • `/jam history`: past jams and their winners.
help-jams-results = Results are posted at the deadline.

help-moderators-title = **Moderators** (Manage Server, or the moderator role):
help-moderators-jams = • `/jam start theme duration [entries_per_member] [channel] [sponsored] [anonymous] [winner_role]`, `/jam end`, `/jam cancel`, `/jam settings`: run jams.
help-moderators-settings = • `/songadmin settings show|rights|moderator-role|mod-log|language`: server-wide settings.
help-moderators-quota = • `/songadmin quota default|server-cap|tier|member|list`: how many songs members may make.
help-moderators-credits = • `/songadmin credits grant|take|refund`: bonus credits and refunds.
help-moderators-bans = • `/songadmin ban|unban|bans`: bans with a reason.
help-moderators-channels = • `/songadmin channels add|remove|list`: where songs can be made.
help-moderators-words = • `/songadmin words add|remove|list`: words refused in lyrics.
help-moderators-usage = • `/songadmin usage [member] [csv]`, `/songadmin audit [member]`: usage and the audit log.
