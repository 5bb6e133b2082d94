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
cmd-song-create--title = title
    .description = A title for the song (up to 80 characters; default: its first lyric line)
cmd-make-a-song-from-this = Make a song from this

# The song's output (bot/songs/card.py, text.py, engine.py, picture.py, ui/presenter.py and views.py):
# the public card and song post in the server's language; /song status, list, gallery and the
# member's notices in the reader's. $job: a job number (text).

# The card. $user: the member (a mention that pings nobody).
songs-card-label-queued = Queued
songs-card-label-making = Being made
songs-card-label-done = Done
songs-card-label-failed = Failed
songs-card-label-expired = Expired
songs-card-label-cancelled = Cancelled
songs-card-state-queued = queued
songs-card-state-making = being made
songs-card-state-done = done
songs-card-state-failed = failed
songs-card-state-expired = expired
songs-card-state-cancelled = cancelled
songs-card-heading = { $icon } **{ $state }** · song for <@{ $user }>
songs-card-ahead = { $count ->
        [one] { $count } song ahead of yours in this server
       *[other] { $count } songs ahead of yours in this server
    }
# $total: a rough length (songs-card-seconds or songs-card-minutes).
songs-card-progress = Started { DISCORD_TIME($started, style: "R") } · about { $total } in all · ready { DISCORD_TIME($ready, style: "R") }
songs-card-seconds = { $seconds } s
songs-card-minutes = { $minutes } min
songs-card-minutes-seconds = { $minutes } min { $seconds } s
songs-card-cancelled = Cancelled by the member who asked for it.
songs-card-took = Took { $duration }.
songs-card-reference = Reference
songs-card-length = Length
songs-card-footer = Job { $job } · { $state }
songs-card-untitled = Song { $job }
songs-card-a-member = A member
songs-card-song-for = Song for <@{ $user }>
songs-card-cancel-button = Cancel
songs-card-cancel-not-yours = Only the member who asked for this song can cancel it.
# The post that carries the finished song; $url: the music service's download link.
songs-card-post = <@{ $user }> your song from job { $job } is ready! 🎶
songs-card-post-link = <@{ $user }> your song from job { $job } is ready, but it is too large to upload here. Download it (the link expires within a day): { $url }
# Drawn on the song's picture.
songs-card-picture-new = NEW SONG
songs-card-picture-by = by
songs-card-picture-untitled = Untitled song
songs-card-picture-member = a songjam member

# Why a song ended without being posted: stored with the job, shown on its card and to the member.
songs-failure-busy = The music service is busy right now, so nothing was charged. Please try again in a few minutes.
songs-failure-unavailable = Song generation is unavailable right now, so nothing was charged. The bot's operator is on it.
songs-failure-unknown-outcome = I lost contact with the music service while submitting your song. To make sure you are never charged twice I did not resend it; your credit is back. Please try again.
songs-failure-interrupted = The bot restarted while submitting your song. To make sure you are never charged twice it was not resent; your credit is back. Please try again.
songs-failure-cancelled = cancelled by you
songs-failure-expired = The music service did not finish your song in time; your credit is back.
songs-failure-result-lost = The finished song expired before I could fetch it; your credit is back.
songs-failure-submit-refused = The music service refused this song. Your credit is back.
songs-failure-generation-failed = The music service could not make this song. Your credit is back.
songs-failure-lost-track = The music service lost track of this song. Your credit is back.
songs-failure-bad-result = The music service sent back something that isn't a song I can post. Your credit is back.
songs-failure-undeliverable = Your song was made, but Discord would not take it, so your credit is back.
songs-failure-unfetchable = Your song was made, but I could not fetch it from the music service, so your credit is back.
# The member's DM when their song ended ($state: failed, expired, cancelled); $reason: one of the above.
songs-failure-notice = { $state ->
        [expired] Your song from job { $job } expired. { $reason }
        [cancelled] Your song from job { $job } was cancelled. { $reason }
       *[failed] Your song from job { $job } failed. { $reason }
    }
# $detail: what the music service said, only ever to the member.
songs-failure-service-said = The music service said: { $detail }
songs-failure-fetch-link = You can still download it while the link lasts (it expires { DISCORD_TIME($at, style: "R") }): { $url }
# In the channel when the member's DMs are closed.
songs-failure-channel-note = <@{ $user }> your song from job { $job } did not work out: `/song status job:{ $job }` tells you why.

# /song status (private). $state: a songs-status-state-… text; $elapsed: songs-status-started or -took.
songs-status-state-pending = queued
songs-status-state-submitting = sending to the music service
songs-status-state-submitted = queued at the music service
songs-status-state-generating = generating
songs-status-state-completed = finishing up
songs-status-state-delivered = done
songs-status-state-failed = failed
songs-status-state-expired = expired
songs-status-state-cancelled = cancelled
songs-status-head = **Job { $job }**: { $state } · { $elapsed }
songs-status-started = started { DISCORD_TIME($at, style: "R") }
songs-status-took = took { $duration }
songs-status-ready = Ready about { DISCORD_TIME($at, style: "R") }
songs-status-download = Download (expires within a day of completion): { $url }
songs-status-sent-by-dm = Sent to you by direct message.
songs-status-posted = Posted here: { $link }
songs-status-lyrics = Lyrics: { $lyrics }
songs-status-reference = Reference: `{ $name }`
# /song cancel and the card's Cancel button (private).
songs-status-cancel-not-found = I can't find that job among yours.
songs-status-cancel-already = Job { $job } is already { $state }.
songs-status-cancel-finished = Job { $job } finished meanwhile.
songs-status-cancelled-refunded = Job { $job } is cancelled and will not be posted. Your credit is back.
songs-status-cancelled-charged = Job { $job } is cancelled and will not be posted. The song was already being made, so the credit is used.

# /song list (private). $at: when the song was asked for; $lyrics: the start of its lyrics.
songs-list-line = `{ $job }` { $icon } { $state } · { DISCORD_TIME($at, style: "R") } · { $lyrics }
songs-list-song-link = [song]({ $link })
songs-list-card-link = [card]({ $link })
songs-list-empty = You have no songs here yet: try `/song create`.
songs-list-head = **Your songs here** ({ $first }–{ $last } of { $total }, page { $page } of { $pages })
songs-list-not-yours = Only the member whose songs these are can turn the pages: run `/song list` for yours.
songs-list-previous = ‹ Previous
songs-list-next = Next ›

# /song gallery (private).
songs-gallery-tab-recent = Recent
songs-gallery-tab-top = Top
songs-gallery-title-recent = Recent songs here
songs-gallery-title-top = Top songs here, by jam votes
songs-gallery-empty-recent = No song has been posted in this server yet: make the first with `/song create`.
songs-gallery-empty-top = No song here has jam votes yet: the entries of a `/jam` get Vote buttons.
songs-gallery-head = **{ $title }** ({ $first }–{ $last } of { $total }, page { $page } of { $pages })
songs-gallery-untitled = untitled
songs-gallery-line = **{ $rank }.** [{ $title }]({ $link }) · <@{ $user }> · { DISCORD_TIME($at, style: "R") }
songs-gallery-votes = { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
