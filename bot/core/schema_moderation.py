"""Schema version 2: per-server quota policy and moderation (owned by the moderation module).

Times are Unix seconds (UTC), like the jobs table. A NULL limit means "not set here": the next
source down the chain (member override > role tier > server default > the bot's .env default)
decides.
"""

MODERATION_SCHEMA = """
CREATE TABLE guild_settings (
    guild_id INTEGER PRIMARY KEY,
    daily_quota INTEGER CHECK (daily_quota >= 0),
    daily_cap INTEGER CHECK (daily_cap >= 0),
    rights_required INTEGER NOT NULL DEFAULT 1,
    moderator_role_id INTEGER,
    modlog_channel_id INTEGER
);

CREATE TABLE role_tiers (
    guild_id INTEGER NOT NULL,
    role_id INTEGER NOT NULL,
    daily_quota INTEGER NOT NULL CHECK (daily_quota >= 0),
    PRIMARY KEY (guild_id, role_id)
) WITHOUT ROWID;

CREATE TABLE member_overrides (
    guild_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    daily_quota INTEGER NOT NULL CHECK (daily_quota >= 0),
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

CREATE TABLE bonus_credits (
    guild_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    balance INTEGER NOT NULL CHECK (balance >= 0),
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

-- A job paid with a bonus credit (the daily quota was used up): it does not count against the
-- rolling quota, and a refund puts the bonus credit back (returned_at, exactly once).
CREATE TABLE bonus_spends (
    job_id INTEGER PRIMARY KEY REFERENCES jobs (id),
    guild_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    spent_at REAL NOT NULL,
    returned_at REAL
);

CREATE TABLE bans (
    guild_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    banned_by INTEGER NOT NULL,
    banned_at REAL NOT NULL,
    expires_at REAL,
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

-- When a server has rows here, songs can be made only in these channels (and their threads).
CREATE TABLE song_channels (
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    added_by INTEGER NOT NULL,
    added_at REAL NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
) WITHOUT ROWID;

-- `entry` is stored normalised (NFKC + case folding), as lyrics are before matching.
CREATE TABLE blocked_words (
    guild_id INTEGER NOT NULL,
    entry TEXT NOT NULL,
    added_by INTEGER NOT NULL,
    added_at REAL NOT NULL,
    PRIMARY KEY (guild_id, entry)
) WITHOUT ROWID;

CREATE TABLE rights_confirmations (
    guild_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    confirmed_at REAL NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

-- Every moderator action: who (actor_id), what (action, details), when (created_at).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    guild_id INTEGER NOT NULL,
    actor_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    target_user_id INTEGER,
    details TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE INDEX audit_log_guild ON audit_log (guild_id, id);
CREATE INDEX audit_log_member ON audit_log (guild_id, target_user_id, id) WHERE target_user_id IS NOT NULL;
"""
