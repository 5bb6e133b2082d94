"""Schema version 2: per-server quota policy and moderation (owned by the moderation module)."""

MODERATION_SCHEMA = """
CREATE TABLE guild_settings (
    guild_id INTEGER PRIMARY KEY,
    daily_quota INTEGER
);
"""
