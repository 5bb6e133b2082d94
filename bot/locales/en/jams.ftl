# jams: slash commands (names, descriptions, options). Keys: bot/core/i18n/commands.py.

cmd-jam = jam
    .description = Song jams: a theme, a deadline, songs and votes
cmd-jam-start = start
    .description = Start a song jam: members make songs for a theme until a deadline and vote (moderators).
cmd-jam-start--theme = theme
    .description = What the songs should be about
cmd-jam-start--duration = duration
    .description = How long entries and votes stay open, e.g. 90m, 2d or 1h30m
cmd-jam-start--entries_per_member = entries_per_member
    .description = How many songs each member may enter (default 1)
cmd-jam-start--channel = channel
    .description = Where to hold the jam (default: here)
cmd-jam-start--sponsored = sponsored
    .description = Entries cost members nothing from their daily songs (default: they do)
cmd-jam-start--anonymous = anonymous
    .description = Hide the vote counts until the close (default: counts are public)
cmd-jam-start--winner_role = winner_role
    .description = A role to give the winners
cmd-jam-status = status
    .description = The jam's theme, deadline and rules, and your entries and vote.
cmd-jam-status--jam = jam
    .description = Which jam (default: the one in this channel)
cmd-jam-leaderboard = leaderboard
    .description = The standings: live while the jam runs, final after.
cmd-jam-leaderboard--jam = jam
    .description = Which jam (default: the one in this channel)
cmd-jam-end = end
    .description = End a jam now and post its results (moderators).
cmd-jam-end--jam = jam
    .description = Which jam (default: the one in this channel)
cmd-jam-cancel = cancel
    .description = Stop a jam without results (moderators).
cmd-jam-cancel--jam = jam
    .description = Which jam (default: the one in this channel)
cmd-jam-history = history
    .description = This server's past jams and their winners.
cmd-jam-settings = settings
    .description = How jams run in this server (moderators).
cmd-jam-settings--threads = threads
    .description = Open a thread for each new jam
cmd-jam-settings--private_standings = private_standings
    .description = Show /jam leaderboard only to the member who asks while a jam runs

# Jam messages: bot/jams/text.py, service.py (refusals), ui/ (replies, buttons) and picture.py.
# Ids, channels, roles and members are strings; $at, $ends are Unix seconds for DISCORD_TIME.

jams-left-days = { $days }d { $hours }h
jams-left-hours = { $hours }h { $minutes }m
jams-left-minutes = { $minutes }m
jams-choice-open = closes in { $left }
jams-choice-cancelled = cancelled
jams-choice-ended = ended

# $ordinal is the CLDR ordinal category of $rank (Babel): one, two, few, other in English.
jams-rank = { $ordinal ->
        [one] { $rank }st
        [two] { $rank }nd
        [few] { $rank }rd
       *[other] { $rank }th
    }
jams-rank-tied = { $place } (tie)
jams-votes = { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    }
jams-entries = { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }

jams-entries-rule = { $allowed ->
        [one] One entry
       *[other] Up to { $allowed } entries
    } per member. { $sponsored ->
        [yes] Entries are free: this jam is sponsored.
       *[no] Entries count toward your daily songs.
    }
jams-rule-make = • Make a song for the theme with `/song create` { $thread ->
        [yes] in this channel or the jam's thread
       *[no] in this channel
    } (or anywhere, with its `jam` option), or press **{ jams-button-submit }** under a song of yours posted here during the jam.
jams-rule-entries = • { $rule }
jams-rule-vote = • Vote with the **{ jams-button-vote }** button under an entry: one vote per member, changeable until the deadline, never for your own song.
jams-rule-standings = • { $anonymous ->
        [yes] Votes stay secret until the close.
       *[no] See the standings any time with `/jam leaderboard`.
    } Only songs finished before the deadline can get votes.
jams-rule-winners = • The winners are announced here at the deadline.
jams-rule-winners-role = • The winners are announced here at the deadline and get the <@&{ $role }> role.
jams-announcement-title = 🎤 **Song jam: { $theme }**
jams-announcement-host = Hosted by <@{ $host }> · closes { DISCORD_TIME($ends, style: "R") } ({ DISCORD_TIME($ends, style: "f") })
jams-thread-name = Jam: { $theme }

jams-state-open = open, closes { DISCORD_TIME($at, style: "R") }
jams-state-cancelled = cancelled { DISCORD_TIME($at, style: "R") }
jams-state-ended = ended { DISCORD_TIME($at, style: "R") }

jams-status-title = 🎤 **{ $theme }** · { $state }
jams-status-entries = { jams-entries } so far · { $rule }
jams-status-votes = { $visible ->
        [yes] Votes are public: see `/jam leaderboard`.
       *[no] Votes are secret until the close.
    }
jams-status-mine = Your entries: { $mine } of { $allowed } · you haven't voted.
jams-status-mine-voted = Your entries: { $mine } of { $allowed } · you voted for job { $job }.
jams-status-announcement = Announcement: { $link }

jams-entry-unposted = job { $job } (not posted in the server)
jams-entry-link = [job { $job }]({ $link })
jams-standing-entry = • <@{ $user }> · { $link }
jams-standing = { $medal } **{ $place }** · <@{ $user }> · { jams-votes } · { $link }

jams-leaderboard-cancelled = 🚫 The jam **{ $theme }** was cancelled, so it has no standings.
jams-leaderboard-title = 📊 **Standings: { $theme }** · { $state }
jams-leaderboard-empty = No entries yet.
jams-leaderboard-secret = Votes stay secret until the close. The entries so far:
jams-no-songs = No songs were entered.

jams-no-winner-no-songs = No songs were entered, so there is no winner.
jams-no-winner-no-votes = No votes were cast, so there is no winner.
jams-winners = 🏆 { $count ->
        [1] Winner
       *[other] Winners, tied for first
    }: { $names }! Congratulations 🎉
jams-results-title = 🏁 **Song jam results: { $theme }**
jams-results-summary = { jams-entries } · { jams-votes } · closed { DISCORD_TIME($at, style: "f") }
jams-cancelled = 🚫 The song jam **{ $theme }** was cancelled. Voting is closed and there are no results.
jams-cancelled-by = 🚫 The song jam **{ $theme }** was cancelled by <@{ $by }>. Voting is closed and there are no results.
jams-thread-cancelled = 🚫 This jam was cancelled.
jams-thread-over = 🏁 This jam is over.
jams-thread-over-results = 🏁 This jam is over: results { $link }

jams-history-empty = No jams have ended in this server yet.
jams-history-title = 📜 **Past jams**
jams-history-cancelled = • **{ $theme }** · cancelled { DISCORD_TIME($at, style: "D") }
jams-history-ended = • **{ $theme }** · ended { DISCORD_TIME($at, style: "D") } · { jams-entries } · 🏆 { $winners }
jams-history-no-winner = no winner

jams-vote-on = 🗳️ Your vote is on <@{ $user }>'s entry (job { $job }).
jams-vote-moved = I moved it from job { $previous }.
jams-vote-count = It has { jams-votes } now.
jams-vote-until = You can change it until { DISCORD_TIME($at, style: "R") }.
jams-entered = 🎤 Your song is entered in the jam **{ $theme }**. Voting closes { DISCORD_TIME($at, style: "R") }.
jams-entry-note = It's an entry in the jam **{ $theme }**.{ $sponsored ->
        [yes] {" "}It's free: the jam is sponsored.
       *[no] {""}
    }

jams-button-vote = Vote
jams-button-submit = Submit to jam
jams-button-closed = Voting closed · { jams-votes }
jams-button-cancelled = Jam cancelled

# Replies to moderators (bot/jams/ui/cog.py).
jams-started = Jam #{ $jam } is open in { $channel } and closes { DISCORD_TIME($at, style: "R") }.
jams-not-a-text-channel = Jams run in text channels: pick one with `channel:`.
jams-cannot-post = I can't post in { $channel }; give me Send Messages there first.
jams-role-not-givable = { $role } can't be given to members; pick another winner role.
jams-role-above-host = To offer { $role } as a prize you need Manage Roles yourself, and it must be below your top role.
jams-announcement-failed = I couldn't post the announcement in { $channel }, so the jam did not start. Please try again.
jams-role-not-yet = ⚠️ I can't give { $role } yet: I need Manage Roles and a role above it before the close.
jams-no-thread = I couldn't open a thread for it: I need Create Public Threads there.
jams-closed-cancelled = Jam #{ $jam } is cancelled in <#{ $channel }>.
jams-closed-ended = Jam #{ $jam } is closed; the results are being posted in <#{ $channel }>.
jams-settings-saved = Threads for new jams: **{ $threads ->
        [yes] on
       *[no] off
    }** · standings while a jam runs: **{ $private ->
        [yes] private
       *[no] public
    }**.

# The winner role, said in the results.
jams-role-gone = ⚠️ The winner role no longer exists, so nobody got it.
jams-role-forbidden = ⚠️ I couldn't give <@{ $user }> the { $role } role: I need Manage Roles and a role above it.
jams-role-left = <@{ $user }> has left the server, so they didn't get the { $role } role.
jams-role-given = 🎖️ { $names } now { $count ->
        [1] has
       *[other] have
    } the { $role } role.
jams-role-audit-reason = Won song jam #{ $jam }

# The results picture (bot/jams/picture.py) and its description.
jams-picture-heading = SONG JAM RESULTS
jams-picture-untitled-jam = Song jam
jams-picture-member = a member
jams-picture-untitled-song = Untitled song
jams-picture-description = Results of the song jam { $theme }
jams-former-member = a former member

# Refusals (bot/jams/service.py): said privately to the member.
jams-duration-help = use a number and a unit (w, d, h or m), like `90m`, `2d` or `1h30m`
jams-refused-duration-missing = Give the jam a duration: { jams-duration-help }.
jams-refused-duration-unreadable = I couldn't read `{ $text }` as a duration: { jams-duration-help }.
jams-refused-duration-unit-twice = `{ $text }` names a unit twice: { jams-duration-help }.
jams-refused-duration-short = A jam needs at least { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
jams-refused-duration-long = A jam can last at most { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
jams-refused-theme-missing = Give the jam a theme.
jams-refused-theme-long = Keep the theme to { $max } characters.
jams-refused-entries-range = Entries per member must be between 1 and { $max }.
jams-refused-entry-limit = This jam takes { $allowed ->
        [one] one entry
       *[other] { $allowed } entries
    } per member, and you've entered { $entries } already.
jams-refused-jam-gone = That jam no longer exists.
jams-refused-voting-closed = Voting in this jam has closed.
jams-refused-not-an-entry = That song isn't an entry in this jam.
jams-refused-own-entry = You can't vote for your own entry.
jams-refused-same-entry = Your vote is already on this entry. Press { jams-button-vote } on another one to move it.
jams-refused-not-your-song = Only the member who made this song can enter it.
jams-refused-already-entry = This song is already a jam entry.
jams-refused-not-finished = Only finished songs can be entered.
jams-refused-no-jam-any-more = There's no open jam in this channel any more.
jams-refused-too-early = Only songs posted while the jam is open can enter it.
jams-refused-just-ended = The last jam there has just ended and its results are on the way; try again in a minute.
jams-refused-already-open = There's already an open jam there: end or cancel it first (`/jam end`, `/jam cancel`).
jams-refused-already-ended = That jam has already ended.
jams-refused-not-found = I can't find that jam in this server.
jams-refused-no-jam-here = There's no open jam in this channel. Pick one with the `jam` option.
