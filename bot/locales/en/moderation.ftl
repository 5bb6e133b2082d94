# moderation: slash commands (names, descriptions, options). Keys: bot/core/i18n/commands.py.

cmd-songadmin = songadmin
    .description = Moderate songs: quotas, credits, bans, channels, blocked words
cmd-songadmin-settings = settings
    .description = Server-wide song settings
cmd-songadmin-settings-show = show
    .description = All of this server's song settings at a glance.
cmd-songadmin-settings-rights = rights
    .description = Turn the rights confirmation before a member's first song on or off.
cmd-songadmin-settings-rights--required = required
    .description = Ask each member once to confirm they may use the tracks they upload
cmd-songadmin-settings-moderator-role = moderator-role
    .description = Choose the role that moderates songs, besides members with Manage Server.
cmd-songadmin-settings-moderator-role--role = role
    .description = Members with this role may use /songadmin (leave out to remove)
cmd-songadmin-settings-mod-log = mod-log
    .description = Post moderator actions and refused lyrics to a channel.
cmd-songadmin-settings-mod-log--channel = channel
    .description = Where moderator actions and refused lyrics are posted (leave out to stop)
cmd-songadmin-settings-language = language
    .description = The language of this server's public posts: cards, jam announcements and results.
cmd-songadmin-settings-language--language = language
    .description = A shipped language, or the server's own (Server Settings › Community)
choice-english = English
choice-spanish = Spanish
choice-portuguese-brazil = Portuguese (Brazil)
choice-japanese = Japanese
choice-server-default = Server default
cmd-songadmin-quota = quota
    .description = How many songs members may make
cmd-songadmin-quota-default = default
    .description = Set this server's default number of songs per member per 24 hours.
cmd-songadmin-quota-default--songs = songs
    .description = Songs per member per 24 hours (leave out to use the bot's default)
cmd-songadmin-quota-server-cap = server-cap
    .description = Cap the songs this whole server makes per 24 hours.
cmd-songadmin-quota-server-cap--songs = songs
    .description = Songs per 24 hours for the whole server (leave out to remove the cap)
cmd-songadmin-quota-tier = tier
    .description = Give a role its own daily songs; a member's highest tier wins.
cmd-songadmin-quota-tier--role = role
    .description = The role
cmd-songadmin-quota-tier--songs = songs
    .description = Songs per 24 hours for members with it (leave out to remove)
cmd-songadmin-quota-member = member
    .description = Set one member's daily songs; it beats role tiers.
cmd-songadmin-quota-member--member = member
    .description = The member
cmd-songadmin-quota-member--songs = songs
    .description = Their songs per 24 hours, whatever their roles (leave out to remove)
cmd-songadmin-quota-list = list
    .description = The role tiers and member overrides.
cmd-songadmin-credits = credits
    .description = Bonus credits and refunds
cmd-songadmin-credits-grant = grant
    .description = Give a member one-off bonus songs, used once their daily songs run out.
cmd-songadmin-credits-grant--member = member
    .description = Who gets them
cmd-songadmin-credits-grant--amount = amount
    .description = How many one-off songs
cmd-songadmin-credits-grant--note = note
    .description = Why (kept in the audit log)
cmd-songadmin-credits-take = take
    .description = Take back bonus credits that have not been used.
cmd-songadmin-credits-take--member = member
    .description = Whose bonus credits
cmd-songadmin-credits-take--amount = amount
    .description = How many to take back
cmd-songadmin-credits-refund = refund
    .description = Give a member back the credit a song cost (failed songs are refunded automatically).
cmd-songadmin-credits-refund--job = job
    .description = The job to refund
cmd-songadmin-credits-refund--note = note
    .description = Why (kept in the audit log)
cmd-songadmin-channels = channels
    .description = Where songs can be made
cmd-songadmin-channels-add = add
    .description = Allow songs in a channel; once any is set, only song channels take songs.
cmd-songadmin-channels-add--channel = channel
    .description = Songs can then be made only in the song channels (and their threads)
cmd-songadmin-channels-remove = remove
    .description = Stop allowing songs in a channel; with none left, every channel takes songs.
cmd-songadmin-channels-remove--channel = channel
    .description = A song channel
cmd-songadmin-channels-list = list
    .description = The channels where songs can be made.
cmd-songadmin-words = words
    .description = Words refused in lyrics
cmd-songadmin-words-add = add
    .description = Refuse lyrics containing a word or phrase (members are not told which).
cmd-songadmin-words-add--word = word
    .description = A word or phrase; whole words match, * matches any letters (e.g. hate*)
cmd-songadmin-words-remove = remove
    .description = Allow a blocked word again.
cmd-songadmin-words-remove--word = word
    .description = A blocked word or phrase
cmd-songadmin-words-list = list
    .description = The blocked words and phrases (only you see them).
cmd-songadmin-ban = ban
    .description = Bar a member from making songs in this server.
cmd-songadmin-ban--member = member
    .description = The member
cmd-songadmin-ban--reason = reason
    .description = Why; the member sees it when refused
cmd-songadmin-ban--days = days
    .description = For how many days (leave out: until unbanned)
cmd-songadmin-unban = unban
    .description = Let a barred member make songs again.
cmd-songadmin-unban--member = member
    .description = The member
cmd-songadmin-bans = bans
    .description = Members barred from making songs.
cmd-songadmin-usage = usage
    .description = Songs per member over the last 7 days.
cmd-songadmin-usage--member = member
    .description = One member in detail (leave out for everyone)
cmd-songadmin-usage--csv = csv
    .description = Also attach every member's last 7 days as a CSV file
cmd-songadmin-audit = audit
    .description = Every moderator action: who, what and when, newest first.
cmd-songadmin-audit--member = member
    .description = Only actions by or about this member
cmd-quota = quota
    .description = How many songs you have left, and when the next one frees up.

# /songadmin settings language
moderation-language-set = This server's public posts (song cards, jam announcements and results) are now in { $language }. Private replies stay in each member's own Discord language.
moderation-language-cleared = This server's public posts now follow its own language (Server Settings › Community), or English for one the bot does not speak.
moderation-language-unchanged = That is already this server's language setting.
moderation-language-audit-set = set the language of public posts to { $language }
moderation-language-audit-cleared = made public posts follow the server's own language
moderation-overview-language = Language of public posts: { $language }
moderation-overview-language-server = the server's own (Server Settings › Community)

# Refusals a member reads privately (the song gate, and the limits the job storage checks)
moderation-refusal-lifts = { $refusal } It lifts { DISCORD_TIME($at, style: "R") }.
moderation-refusal-frees-up = { $refusal } It frees up { DISCORD_TIME($at, style: "R") }.
moderation-refusal-banned = A moderator has barred you from making songs in this server. Reason: { $reason }.
moderation-refusal-channels = Songs can be made only in { $channels } on this server.
moderation-refusal-channels-more = Songs can be made only in { $channels } and { $more } more on this server.
moderation-refusal-blocked = Your lyrics contain a word or phrase this server doesn't allow, so nothing was sent or charged. Please change them and try again.
moderation-refusal-global-cap = The bot has reached its daily song limit for all servers.
moderation-refusal-guild-cap = This server has reached its daily song limit.
moderation-refusal-member-unfinished = { $count ->
    [one] You already have { $count } song in progress; wait for it to finish.
   *[other] You already have { $count } songs in progress; wait for one to finish.
}
moderation-refusal-guild-unfinished = This server has too many songs in progress; try again in a few minutes.
moderation-refusal-cooldown = You're on cooldown between songs.
moderation-refusal-jam-closed = The jam closed before your song could be entered, so nothing was made.
moderation-refusal-jam-entries = { $count ->
    [one] You've already entered { $count } song in this jam, the most it takes.
   *[other] You've already entered { $count } songs in this jam, the most it takes.
}
moderation-refusal-member-daily = { $count ->
    [one] You've used your { $count } song for the last 24 hours.
   *[other] You've used all { $count } of your songs for the last 24 hours.
}

# The rights confirmation before a member's first song
moderation-rights-question = Before your first song in this server: please confirm that you have the right to use the tracks you upload as references (you made them, or whoever owns them allowed it). I'll remember your answer.
moderation-rights-too-many-held = (You already have songs waiting for this answer, so this one is not kept: once you confirm, run `/{ cmd-song } { cmd-song-create }` again.)
moderation-rights-button = I have the right to use my tracks
moderation-rights-confirmed = ✅ You confirmed { DISCORD_TIME($at, style: "f") } that you may use the tracks you upload here.
moderation-rights-confirmed-again = ✅ You confirmed { DISCORD_TIME($at, style: "f") } that you may use the tracks you upload here. Run `/{ cmd-song } { cmd-song-create }` again to make your song.

# Where a member's daily quota comes from
moderation-limit-override-you = This is a limit set just for you.
moderation-limit-override-them = This is a limit set just for them.
moderation-limit-tier-you = This limit comes from your role <@&{ $role }>.
moderation-limit-tier-them = This limit comes from their role <@&{ $role }>.
moderation-limit-server = This is the server's default limit.
moderation-limit-bot = This is the bot's default limit.

# /{ cmd-songadmin } answers (private) and the audit details (stored as keys; shown in the reader's language)
moderation-not-owner = Only members with Manage Server can choose the moderator role.
moderation-audit-quota-default-reset = { $count ->
    [one] reset the server's default to the bot's ({ $count } song per 24 hours)
   *[other] reset the server's default to the bot's ({ $count } songs per 24 hours)
}
moderation-audit-quota-default = { $count ->
    [one] set the server's default to { $count } song per 24 hours
   *[other] set the server's default to { $count } songs per 24 hours
}
moderation-quota-default-bot = { $count ->
    [one] Members here now get the bot's default, { $count } song per 24 hours. Role tiers and member overrides still come first.
   *[other] Members here now get the bot's default, { $count } songs per 24 hours. Role tiers and member overrides still come first.
}
moderation-quota-default-set = { $count ->
    [one] Members here now get { $count } song per 24 hours. Role tiers and member overrides still come first.
   *[other] Members here now get { $count } songs per 24 hours. Role tiers and member overrides still come first.
}
moderation-quota-default-unchanged = That is already the server's default.
moderation-audit-cap-removed = removed the server's daily cap
moderation-audit-cap-set = { $count ->
    [one] set the server's daily cap to { $count } song per 24 hours
   *[other] set the server's daily cap to { $count } songs per 24 hours
}
moderation-cap-removed = This server has no daily cap of its own.
moderation-cap-removed-operator = { $operator ->
    [one] This server has no daily cap of its own (the bot's operator caps every server at { $operator } song).
   *[other] This server has no daily cap of its own (the bot's operator caps every server at { $operator } songs).
}
moderation-cap-set = { $count ->
    [one] This server can now make at most { $count } song per 24 hours.
   *[other] This server can now make at most { $count } songs per 24 hours.
}
moderation-cap-set-operator = { $count ->
    [one] This server can now make at most { $count } song per 24 hours
   *[other] This server can now make at most { $count } songs per 24 hours
} { $operator ->
    [one] (the bot's operator caps every server at { $operator } song).
   *[other] (the bot's operator caps every server at { $operator } songs).
}
moderation-cap-unchanged = That is already the server's cap.
moderation-audit-tier-removed = removed the tier of <@&{ $role }>
moderation-tier-none = <@&{ $role }> has no tier.
moderation-tier-removed = <@&{ $role }> no longer has a tier.
moderation-error-too-many-tiers = A server can have at most { $max } role tiers; remove one first.
moderation-audit-tier-set = { $count ->
    [one] set the tier of <@&{ $role }> to { $count } song per 24 hours
   *[other] set the tier of <@&{ $role }> to { $count } songs per 24 hours
}
moderation-tier-unchanged = <@&{ $role }> already has that tier.
moderation-tier-set = { $count ->
    [one] Members with <@&{ $role }> now get { $count } song per 24 hours (the highest tier a member holds wins; a member override beats tiers).
   *[other] Members with <@&{ $role }> now get { $count } songs per 24 hours (the highest tier a member holds wins; a member override beats tiers).
}
moderation-audit-override-removed = removed the override of <@{ $user }>
moderation-override-none = <@{ $user }> has no override.
moderation-override-removed = <@{ $user }> is back to their role tier or the server default.
moderation-audit-override-set = { $count ->
    [one] set the limit of <@{ $user }> to { $count } song per 24 hours
   *[other] set the limit of <@{ $user }> to { $count } songs per 24 hours
}
moderation-override-unchanged = <@{ $user }> already has that limit.
moderation-override-set = { $count ->
    [one] <@{ $user }> now gets { $count } song per 24 hours, whatever their roles.
   *[other] <@{ $user }> now gets { $count } songs per 24 hours, whatever their roles.
}
moderation-audit-grant = { $count ->
    [one] granted <@{ $user }> { $count } bonus credit
   *[other] granted <@{ $user }> { $count } bonus credits
}
moderation-audit-grant-note = { $count ->
    [one] granted <@{ $user }> { $count } bonus credit ({ $note })
   *[other] granted <@{ $user }> { $count } bonus credits ({ $note })
}
moderation-grant-done = { $count ->
    [one] <@{ $user }> now has { $count } bonus credit; they are used once the daily songs run out.
   *[other] <@{ $user }> now has { $count } bonus credits; they are used once the daily songs run out.
}
moderation-take-none = <@{ $user }> has no bonus credits.
moderation-audit-take = { $count ->
    [one] took { $count } bonus credit from <@{ $user }>
   *[other] took { $count } bonus credits from <@{ $user }>
}
moderation-take-done = { $count ->
    [one] Took { $count } bonus credit;
   *[other] Took { $count } bonus credits;
} { $left ->
    [one] <@{ $user }> has { $left } bonus credit left.
   *[other] <@{ $user }> has { $left } bonus credits left.
}
moderation-error-no-job = There is no job { $job } in this server.
moderation-refund-free = Job { $job } was free; there is nothing to refund.
moderation-refund-already = Job { $job } has already been refunded.
moderation-audit-refund = refunded job { $job } of <@{ $user }>
moderation-audit-refund-note = refunded job { $job } of <@{ $user }> ({ $note })
moderation-refund-bonus = Refunded job { $job }: their bonus credit is back (<@{ $user }>).
moderation-refund-quota = Refunded job { $job }: the song no longer counts against their quota (<@{ $user }>).
moderation-error-ban-reason = Please give a reason; the member will see it.
moderation-error-ban-self = You can't bar yourself.
moderation-audit-ban = barred <@{ $user }>: { $reason }
moderation-audit-ban-until = barred <@{ $user }> until { DISCORD_TIME($at, style: "f") }: { $reason }
moderation-ban-done = <@{ $user }> can no longer make songs here until unbarred. They'll see: { $reason }
moderation-ban-done-until = <@{ $user }> can no longer make songs here until { DISCORD_TIME($at, style: "f") }. They'll see: { $reason }
moderation-audit-unban = lifted the bar on <@{ $user }>
moderation-unban-none = <@{ $user }> is not barred.
moderation-unban-done = <@{ $user }> can make songs here again.
moderation-error-too-many-channels = At most { $max } song channels; remove one first.
moderation-audit-channel-add = allowed songs in <#{ $channel }>
moderation-channel-already = <#{ $channel }> is already a song channel.
moderation-channel-added = Songs can now be made only in: { $channels } (and their threads).
moderation-audit-channel-remove = no longer allows songs in <#{ $channel }>
moderation-channel-not = <#{ $channel }> is not a song channel.
moderation-channel-none-left = No song channels are left, so songs can be made in any channel again.
moderation-channel-removed = Songs can now be made only in: { $channels }.
moderation-error-too-many-words = The list holds at most { $max } entries; remove some first.
moderation-error-word-empty = A blocked word needs at least one letter or digit.
moderation-error-word-long = A blocked word can be at most { $max } characters.
moderation-error-word-wildcards = A blocked word can have at most { $max } `*` wildcards.
moderation-audit-word-add = blocked `{ $entry }`
moderation-word-already = `{ $entry }` is already blocked.
moderation-word-added = Blocked `{ $entry }`: lyrics containing it are refused (without naming it).
moderation-audit-word-remove = unblocked `{ $entry }`
moderation-word-not = `{ $entry }` is not on the list.
moderation-word-removed = Unblocked `{ $entry }`.
moderation-audit-rights-on = turned on the rights confirmation
moderation-audit-rights-off = turned off the rights confirmation
moderation-rights-on = Members must confirm once that they may use the tracks they upload before their first song.
moderation-rights-off = Members no longer have to confirm their rights to their reference tracks.
moderation-rights-unchanged-on = The rights confirmation is already on.
moderation-rights-unchanged-off = The rights confirmation is already off.
moderation-audit-role-removed = removed the moderator role
moderation-role-removed = Only members with Manage Server can moderate songs now.
moderation-audit-role-set = made <@&{ $role }> the moderator role
moderation-role-set = Members with <@&{ $role }> can now use /{ cmd-songadmin }. To show them the command, allow it for the role in Server Settings › Integrations.
moderation-role-unchanged = That is already the moderator role.
moderation-audit-modlog-off = turned off the mod log
moderation-modlog-off = Moderator actions are no longer posted to a channel.
moderation-audit-modlog-set = set the mod log to <#{ $channel }>
moderation-modlog-set = Moderator actions and refused lyrics will be posted in <#{ $channel }>.
moderation-modlog-unchanged = That is already the mod log setting.
moderation-usage-csv = { $count ->
    [one] Songs per member, last { $days } days ({ $count } member); times are UTC.
   *[other] Songs per member, last { $days } days ({ $count } members); times are UTC.
}

# The mod log (public, in the server's language)
moderation-modlog-action = 🛡️ <@{ $actor }> { $details }
moderation-modlog-blocked = 🚫 Refused lyrics from <@{ $user }> in <#{ $channel }>: they match the blocked entry `{ $entry }`.

# Moderator lists (private, one page at a time)
moderation-list-header = **{ $title }**
moderation-list-header-paged = **{ $title }** · page { $page } of { $pages }
moderation-list-empty = Nothing here yet.
moderation-list-previous = ‹ Previous
moderation-list-next = Next ›
moderation-list-audit = Moderator actions, newest first
moderation-list-audit-about = Moderator actions about <@{ $user }>, newest first
moderation-audit-line = { DISCORD_TIME($at, style: "f") } <@{ $actor }> { $details }
moderation-list-quotas = Role tiers (highest held wins) and member overrides (beat tiers)
moderation-list-tier-line = { $count ->
    [one] <@&{ $role }> · { $count } song per 24 hours
   *[other] <@&{ $role }> · { $count } songs per 24 hours
}
moderation-list-override-line = { $count ->
    [one] <@{ $user }> · { $count } song per 24 hours (override)
   *[other] <@{ $user }> · { $count } songs per 24 hours (override)
}
moderation-list-bans = Members barred from making songs
moderation-ban-line = <@{ $user }> · { $until } · by <@{ $by }> { DISCORD_TIME($at, style: "R") } · { $reason }
moderation-ban-until = until { DISCORD_TIME($at, style: "R") }
moderation-ban-no-end = no end date
moderation-list-channels = Song channels
moderation-list-channels-none = Song channels: none, so songs can be made in any channel
moderation-list-channel-line = <#{ $channel }> · added by <@{ $by }> { DISCORD_TIME($at, style: "R") }
moderation-list-words = Blocked words
moderation-list-word-line = `{ $entry }` · added by <@{ $by }> { DISCORD_TIME($at, style: "R") }
moderation-list-usage = Songs per member, last { $days } days
moderation-usage-charged = { $count ->
    [one] { $count } song
   *[other] { $count } songs
}
moderation-usage-charged-bonus = { $count ->
    [one] { $count } song
   *[other] { $count } songs
} ({ $bonus } bonus)
moderation-usage-refunded = { $count } refunded
moderation-usage-failed = { $count } failed
moderation-usage-unfinished = { $count } in progress
moderation-usage-last = last { DISCORD_TIME($at, style: "R") }

# /quota and a moderator's view of one member (private)
moderation-quota-used-unlimited = Used **{ $used }** in the last 24 hours (no daily limit)
moderation-quota-used = Used **{ $used }** of **{ $limit }** in the last 24 hours · **{ $left }** left
moderation-quota-bonus-you = { $count ->
    [one] You have **{ $count } bonus credit**, used once the daily songs run out
   *[other] You have **{ $count } bonus credits**, used once the daily songs run out
}
moderation-quota-bonus-them = { $count ->
    [one] They have **{ $count } bonus credit**, used once the daily songs run out
   *[other] They have **{ $count } bonus credits**, used once the daily songs run out
}
moderation-quota-next-free = Next credit frees up { DISCORD_TIME($at, style: "R") }
moderation-quota-in-progress = In progress: **{ $count }**
moderation-quota-in-progress-limited = In progress: **{ $count }** (at most { $limit } at once)
moderation-quota-cooldown = Cooldown: the next song can start { DISCORD_TIME($at, style: "R") }
moderation-standing-title-you = **Your songs in this server**
moderation-standing-title-them = **Songs of <@{ $user }>**
moderation-standing-server-cap = { $count ->
    [one] The server has made { $used } of its { $count } song for the last 24 hours.
   *[other] The server has made { $used } of its { $count } songs for the last 24 hours.
}
moderation-standing-barred-you = ⛔ You are barred from making songs here: { $reason }
moderation-standing-barred-you-until = ⛔ You are barred from making songs here until { DISCORD_TIME($at, style: "R") }: { $reason }
moderation-standing-barred-them = ⛔ Barred from making songs here: { $reason }
moderation-standing-barred-them-until = ⛔ Barred from making songs here until { DISCORD_TIME($at, style: "R") }: { $reason }
moderation-standing-channels = Songs can be made in: { $channels }
moderation-standing-rights = Rights confirmed { DISCORD_TIME($at, style: "f") }
moderation-standing-no-rights = Has not confirmed rights yet
moderation-standing-week = { $count ->
    [one] Last { $days } days: { $count } song charged
   *[other] Last { $days } days: { $count } songs charged
} ({ $bonus ->
    [one] { $bonus } bonus credit used
   *[other] { $bonus } bonus credits used
}), { $refunded } refunded, { $delivered } delivered, { $failed } failed
moderation-standing-recent = Recent jobs:

# /{ cmd-songadmin } settings show
moderation-overview-title = **Song settings for this server**
moderation-overview-songs = { $count ->
    [one] { $count } song
   *[other] { $count } songs
}
moderation-overview-default-server = { $count ->
    [one] { $count } song (this server's default)
   *[other] { $count } songs (this server's default)
}
moderation-overview-default-bot = { $count ->
    [one] { $count } song (the bot's default)
   *[other] { $count } songs (the bot's default)
}
moderation-overview-none-here = none set here
moderation-overview-none = none
moderation-overview-default = Songs per member per 24 hours: { $default }
moderation-overview-tiers = Role tiers: { $tiers } · member overrides: { $overrides } (`/{ cmd-songadmin } { cmd-songadmin-quota } { cmd-songadmin-quota-list }`)
moderation-overview-caps = Daily cap for this server: { $server } · set by the bot's operator: { $operator_server } per server, { $operator_all } in all
moderation-overview-unfinished = In progress at once: { $member } per member, { $server } per server · { $cooldown } s between a member's songs
moderation-overview-channels = Song channels: { $channels }
moderation-overview-channels-any = Song channels: any channel
moderation-overview-words = Blocked words: { $count } (`/{ cmd-songadmin } { cmd-songadmin-words } { cmd-songadmin-words-list }`)
moderation-overview-rights-on = Rights confirmation before a member's first song: on
moderation-overview-rights-off = Rights confirmation before a member's first song: off
moderation-overview-role = Moderator role: <@&{ $role }>
moderation-overview-role-none = Moderator role: none (members with Manage Server)
moderation-overview-modlog = Mod log: <#{ $channel }>
moderation-overview-modlog-off = Mod log: off

# The one welcome when the bot joins a server (bot/moderation/ui/welcome.py), in the server's language.
# Posted in the server (-here) or sent by DM to who added the bot (-to, naming the server).
moderation-welcome-here = 👋 Thanks for adding songjam here! Members turn a reference track and their lyrics into a song with `/song create`, and can enter songs in jams.
moderation-welcome-to = 👋 Thanks for adding songjam to **{ $server }**! Members turn a reference track and their lyrics into a song with `/song create`, and can enter songs in jams.
moderation-welcome-steps = Moderators (Manage Server), three steps to set it up:
moderation-welcome-channels = **1. Song channels**: `/songadmin channels add channel:` picks where songs can be made (until you add one, every channel takes songs).
moderation-welcome-quotas = **2. Quotas**: `/songadmin quota default songs:` sets each member's songs per 24 hours; `/songadmin quota tier` gives a role its own, `/songadmin quota server-cap` caps the whole server.
moderation-welcome-modlog = **3. Mod log**: `/songadmin settings mod-log channel:` posts moderator actions and refused lyrics to a channel.
moderation-welcome-more = `/songadmin settings show` shows every setting, and `/help` explains everything else.
