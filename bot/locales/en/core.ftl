# Texts shared by every capability.

# The language names moderators pick from (/songadmin settings language, /songadmin settings show).
language-en = English
language-es-ES = Spanish
language-pt-BR = Portuguese (Brazil)
language-ja = Japanese

# Why a command could not run (bot/core/interactions.py `friendly_message`): said privately to the member.
core-error-cooldown = Slow down a little: try again { DISCORD_TIME($at, style: "R") }.
core-error-server-only = This command works in a server, not in direct messages.
core-error-no-permission = You don't have permission to use this command.
core-error-bot-permissions = I need these permissions here first: { $permissions }.
core-error-not-here = You can't use this command here.
core-error-bad-value = I couldn't understand `{ $value }` there.
core-error-database-busy = I'm busy for a moment (my database is in use). Please try again shortly.
core-error-outdated-command = This command has just been updated. Please try again in a minute.
core-error-unexpected = Something went wrong on my side; it has been logged. Please try again later.
core-not-moderator = Only this server's song moderators can do that.

# The last line of a list cut to fit one message (bot/core/text.py `fit`).
core-more-lines = …and { $count } more

# Permission names as Discord's own settings show them (`core-permission-<flag>`); other flags are shown as written.
core-permission-administrator = Administrator
core-permission-manage-guild = Manage Server
core-permission-manage-roles = Manage Roles
core-permission-manage-channels = Manage Channels
core-permission-manage-messages = Manage Messages
core-permission-manage-threads = Manage Threads
core-permission-view-channel = View Channels
core-permission-send-messages = Send Messages
core-permission-send-messages-in-threads = Send Messages in Threads
core-permission-create-public-threads = Create Public Threads
core-permission-embed-links = Embed Links
core-permission-attach-files = Attach Files
core-permission-read-message-history = Read Message History
core-permission-add-reactions = Add Reactions
core-permission-use-external-emojis = Use External Emoji

# Which process answers for a server (/songadmin settings show). $own: the process's shards ("0, 1"), $own_count of them.
core-served-by-unsharded = Served by process `{ $process }` (one gateway connection, no shards)
core-served-by-shards = Served by process `{ $process }`, { $own_count ->
        [one] shard
       *[other] shards
    } { $own } of { $count }
core-served-by-other-shard = Served by process `{ $process }` ({ $own_count ->
        [one] shard
       *[other] shards
    } { $own } of { $count }); this server is on shard { $shard }
core-served-by-this-shard = Served by process `{ $process }`, shard { $shard } of { $count } (this server's shard)
core-served-by-this-shard-of-several = Served by process `{ $process }`, shard { $shard } of { $count } (this server's shard); the process runs shards { $own }

# Operator alerts (bot/operations.py), in the operator channel's server language; a DM to the owner is English.
core-alert-api-refused = ⚠️ The music API refused the bot (HTTP { $status }): it is out of credits or MUSIC_API_KEY is wrong. Songs fail (refunded) until this is fixed.
core-alert-api-failing = ⚠️ The music API keeps failing: { $count ->
        [one] { $count } transient failure
       *[other] { $count } transient failures
    } in a row (busy, unreachable or timing out). Songs are retried or refunded.
core-alert-global-cap = ℹ️ The global daily cap (GLOBAL_DAILY_CAP) is reached: members are refused until it frees up.
core-alert-loop-restarts = ⚠️ Background loop `{ $loop }` keeps restarting ({ $count ->
        [one] { $count } time
       *[other] { $count } times
    } in 10 minutes); see the logs.
