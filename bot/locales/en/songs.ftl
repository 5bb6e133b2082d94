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

# /song gallery (private).
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

# songs: a member's input and the private answers of /song (bot/songs/lyrics.py, reference.py, ui/cog.py,
# ui/views.py, ui/remake.py, ui/next_steps.py). Every refusal here is private and charges nothing.

## Lyrics, style and title (bot/songs/lyrics.py). $model: the music model's name; $limit, $min: its limits.
songs-input-control-character = { $field ->
        [lyrics] Your lyrics contain
        [style] Your style description contains
       *[title] Your title contains
    } a control character (U+{ $code }), an invisible character that can't be sent. Remove it (retyping the line usually does) and try again.
songs-lyrics-empty = Your lyrics are empty. Write at least one line and try again.
songs-lyrics-too-long = Your lyrics are { $over ->
        [one] { $over } character
       *[other] { $over } characters
    } over the { NUMBER($limit, useGrouping: 0) }-character limit for { $model } (the count includes { $markers ->
        [yes] line breaks and the ## markers
       *[no] line breaks
    }).
songs-lyrics-too-short = Your lyrics are too short: { $model } needs at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }, and yours have { $length }.
songs-style-not-taken = This bot's music model, `{ $model }`, takes no style description: only lyrics and a reference track. Leave the style out and try again; nothing was charged.
songs-style-not-taken-only = This bot's music model, `{ $model }`, takes no style description (only { $takers } take one): only lyrics and a reference track. Leave the style out and try again; nothing was charged.
songs-style-missing = { $model } needs a style description, for example "dreamy synth-pop, soft female vocals". Add one and try again.
songs-style-too-short = Your style description is too short: { $model } needs at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }, and yours has { $length }.
songs-style-too-long = Your style description is { $over ->
        [one] { $over } character
       *[other] { $over } characters
    } over the { NUMBER($limit, useGrouping: 0) }-character limit for { $model }.
songs-title-line-break = Your title must fit on one line. Remove the line break and try again.
songs-title-mention = Your title can't mention anyone (no @everyone, @here, members, roles or channels). Write it as plain text and try again.
songs-title-too-long = Your title is { $over ->
        [one] { $over } character
       *[other] { $over } characters
    } over the { $limit }-character limit.

## The reference track (bot/songs/reference.py). $formats: `songs-formats-or` (".mp3 or .wav") or one format;
## $extension: the file's own (mp3); $kind: the real format in capitals (WAV).
songs-formats-or = { $rest } or { $last }
songs-reference-wrong-extension = Use a { $formats } file for the reference track.
songs-reference-not-audio = Discord says your file isn't audio. Use a { $formats } file for the reference track.
songs-reference-claimed-other = Your file is named .{ $extension } but Discord says it is { $kind } audio. Export it again as a { $formats } file and retry.
songs-reference-empty = Your reference file is empty. Please upload it again.
songs-reference-too-large = Your reference file is too large: the limit is { $megabytes } MB. Upload a shorter clip or a smaller export.
songs-reference-unreadable = That file isn't an audio file we can read. Export it again as a { $formats } file and retry.
songs-reference-misnamed = Your file is named .{ $extension } but it is really { $kind } audio. Rename it to .{ $real } or export it again as .{ $extension }.
songs-reference-misnamed-unsupported = Your file is named .{ $extension } but it is really { $kind } audio. { $model } doesn't take { $kind }; use a { $formats } file.
songs-reference-fetch-failed = Discord couldn't give me your file; please upload it again.
# $min, $max: a `songs-span-*`; $length: a `songs-length-*`.
songs-reference-too-short = The reference must be longer than { $min }; yours is { $length }.
songs-reference-too-long = The reference can be at most { $max }; yours is longer. Trim it and upload it again.
songs-span-seconds = { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }
songs-span-minutes = { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
songs-length-seconds = { NUMBER($seconds, minimumFractionDigits: 1) } s
songs-length-minutes = { $minutes } min { $seconds } s

## /song create and "Make a song from this" (bot/songs/ui/cog.py)
songs-reference-missing = Attach a reference track with `{ cmd-song-create--reference }:`, or run `/{ cmd-song } { cmd-song-create }` alone to use the form.
songs-no-audio-in-message = That message has no audio file to make a song from: I need a { $formats } file attached to it.
songs-database-busy = I'm busy for a moment (my database is in use), so nothing was charged. Please try again shortly.
# $refusal: the quota's refusal, already written; $at: when it lifts.
# $note: the jam entry's note (starts with a space), or nothing.
songs-queued = Queued as job { $job }.{ $note } I'll post the song in this channel when it's ready.

## /song status, list, gallery, cancel (bot/songs/ui/cog.py, ui/views.py)
# An entry of the `job:` option's list (at most 100 characters are shown). $state: the job's state
# (pending, submitting, submitted, completed, delivered, failed, expired, cancelled).
songs-job-choice = { $job }: { $state } · { $reference }
songs-job-not-found = I can't find that job among yours.
songs-list-not-yours = Only the member whose songs these are can turn the pages: run `/{ cmd-song } { cmd-song-list }` for yours.
songs-page-previous = ‹ Previous
songs-page-next = Next ›
songs-gallery-tab-recent = Recent
songs-gallery-tab-top = Top

## The form (bot/songs/ui/views.py SongModal, ui/remake.py CoverModal). Discord's limits: a form's title and a
## field's label at most 45 characters, a description or placeholder at most 100.
songs-form = Make a song
songs-form-reference = Reference track
songs-form-reference-hint = A { $formats } file with music and vocals
songs-form-lyrics = Lyrics
songs-form-lyrics-hint = Up to { $max } characters
songs-form-lyrics-placeholder = One line per line; a blank line makes a pause.
songs-form-style = Style
songs-form-style-placeholder = e.g. upbeat synth-pop, female vocals
songs-form-title = Title
songs-form-title-placeholder = Leave empty to use the first line of the lyrics
songs-form-reference-needed = Please attach a reference track.
songs-cover-form = Cover with a style
songs-cover-form-style-hint = From { $min } to { $max } characters

## Under a delivered song (public: the server's language) and the question before a last credit (private).
## Discord's limit: 80 characters a label.
songs-button-again = Again
songs-button-edit-lyrics = Edit lyrics
songs-button-cover = Cover with a style
songs-button-confirm = Confirm
songs-button-cancel = Cancel

## What those buttons answer, privately (bot/songs/ui/remake.py)
# $action: what the member tried on another member's song.
songs-remake-not-yours = Only <@{ $user }> can { $action ->
        [again] make this song again
        [edit] edit this song's lyrics
       *[cover] cover this song
    }. Run `/{ cmd-song } { cmd-song-create }` to make your own.
songs-remake-song-gone = I no longer have that song in my records, so nothing was made. Run `/{ cmd-song } { cmd-song-create }` to make a new one.
songs-remake-reference-gone = That reference is no longer on Discord: run `/{ cmd-song } { cmd-song-create }` with the file again. Nothing was charged.
songs-remake-reference-unknown = That song was made before I kept its reference's details: run `/{ cmd-song } { cmd-song-create }` with the file again. Nothing was charged.
songs-remake-discord-down = I couldn't reach Discord to renew the link to your reference, so nothing was made or charged. Try again in a moment.
songs-remake-last-credit = This uses your last credit today — make it?
songs-remake-making-again = Making it again…
songs-remake-not-made = Nothing was made, and nothing charged.
