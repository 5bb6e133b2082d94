"""Schema version 3: song jams (owned by the jams module)."""

JAM_SCHEMA = """
CREATE TABLE jams (
    id INTEGER PRIMARY KEY,
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    theme TEXT NOT NULL
);
"""
