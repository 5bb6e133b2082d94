"""Numbered schema migrations; each runs once, all pending ones in one transaction."""

from __future__ import annotations

import aiosqlite

from bot.core.schema_jams import JAM_SCHEMA
from bot.core.schema_moderation import MODERATION_SCHEMA

# 1: jobs, with the quota charge carried on the job itself.
JOBS_SCHEMA = """
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        guild_id INTEGER NOT NULL,
        channel_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        model TEXT NOT NULL,
        prompt_text TEXT NOT NULL,
        style TEXT,
        reference_url TEXT NOT NULL,
        reference_name TEXT NOT NULL,
        jam_id INTEGER,
        state TEXT NOT NULL DEFAULT 'pending',
        api_status TEXT,
        generation_id TEXT UNIQUE,
        status_message_id INTEGER,
        result_url TEXT,
        result_path TEXT,
        result_bytes INTEGER,
        delivery TEXT,
        delivery_message_id INTEGER,
        failure_reason TEXT,
        charged INTEGER NOT NULL DEFAULT 0,
        refunded INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        submitted_at REAL,
        completed_at REAL,
        finished_at REAL,
        expires_at REAL NOT NULL,
        next_attempt_at REAL,
        poll_count INTEGER NOT NULL DEFAULT 0,
        fault_streak INTEGER NOT NULL DEFAULT 0,
        member_notified INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX jobs_due ON jobs (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
    CREATE INDEX jobs_member ON jobs (guild_id, user_id, created_at);
    CREATE INDEX jobs_unfinished ON jobs (state, created_at)
        WHERE state IN ('pending', 'submitting', 'submitted', 'completed');
    CREATE INDEX jobs_created ON jobs (created_at);
"""

# 4: the job engine asks for due jobs one state at a time.
DUE_BY_STATE = "CREATE INDEX jobs_state_due ON jobs (state, next_attempt_at) WHERE next_attempt_at IS NOT NULL"

# 5: delivery tries: posts started (before each post, so a restart knows one may have gone out)
# and failed tries, which bound how long a finished song is retried.
DELIVERY_TRIES = """
    ALTER TABLE jobs ADD COLUMN delivery_attempts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN delivery_attempted_at REAL;
    ALTER TABLE jobs ADD COLUMN delivery_faults INTEGER NOT NULL DEFAULT 0
"""

# 6: per-member daily totals of the jobs pruned after RETENTION_DAYS, so usage reports still add
# up over pruned days (`day` is the UTC date of the jobs' creation, YYYY-MM-DD).
USAGE_DAILY = """
    CREATE TABLE usage_daily (
        guild_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        jobs INTEGER NOT NULL DEFAULT 0,
        charged INTEGER NOT NULL DEFAULT 0,
        bonus INTEGER NOT NULL DEFAULT 0,
        refunded INTEGER NOT NULL DEFAULT 0,
        delivered INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        cancelled INTEGER NOT NULL DEFAULT 0,
        last_at REAL NOT NULL,
        PRIMARY KEY (guild_id, user_id, day)
    ) WITHOUT ROWID;
    CREATE INDEX audit_log_created ON audit_log (created_at)
"""

# 7: the music service's own words about a failure, kept apart from the public reason.
FAILURE_DETAIL = "ALTER TABLE jobs ADD COLUMN failure_detail TEXT"

# 8: leases, so several processes share one database: a job's step, and a jam's close, is run by
# the process named in `lease_owner` until `lease_until` (Unix seconds); another takes over after that.
LEASES = """
    ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
    ALTER TABLE jobs ADD COLUMN lease_until REAL;
    CREATE INDEX jobs_lease ON jobs (lease_until) WHERE lease_until IS NOT NULL;
    ALTER TABLE jams ADD COLUMN lease_owner TEXT;
    ALTER TABLE jams ADD COLUMN lease_until REAL
"""

# 9: songs waiting on their member's rights click, so that a click in any process, before or after
# a restart, resumes the song: what `/song create` needs to run again (no Discord objects, plain
# fields), until `expires_at` (Unix seconds); taken once by DELETE ... RETURNING.
HELD_SONGS = """
    CREATE TABLE held_songs (
        ticket TEXT PRIMARY KEY,
        guild_id INTEGER NOT NULL,
        channel_id INTEGER NOT NULL,
        parent_id INTEGER,
        user_id INTEGER NOT NULL,
        reference_url TEXT NOT NULL,
        reference_name TEXT NOT NULL,
        reference_size INTEGER NOT NULL,
        reference_type TEXT,
        lyrics TEXT NOT NULL,
        style TEXT,
        jam_id INTEGER,
        created_at REAL NOT NULL,
        expires_at REAL NOT NULL
    );
    CREATE INDEX held_songs_member ON held_songs (guild_id, user_id);
    CREATE INDEX held_songs_expiry ON held_songs (expires_at)
"""

# 10: what a song card and the next-step buttons show and reuse: the member's title, their lyrics as
# written (`prompt_text` is formatted for the model), their display name, and the reference's size and
# claimed type (a song made again checks its reference again); a held song keeps its title too.
SONG_CARD = """
    ALTER TABLE jobs ADD COLUMN title TEXT;
    ALTER TABLE jobs ADD COLUMN lyrics TEXT;
    ALTER TABLE jobs ADD COLUMN member_name TEXT;
    ALTER TABLE jobs ADD COLUMN reference_size INTEGER;
    ALTER TABLE jobs ADD COLUMN reference_type TEXT;
    ALTER TABLE held_songs ADD COLUMN title TEXT
"""

# 11: the language of a server's public posts, chosen by a moderator (`/songadmin settings language`):
# a shipped locale code ("es-ES"); NULL follows the server's own preferred locale, else English.
GUILD_LANGUAGE = "ALTER TABLE guild_settings ADD COLUMN language TEXT"

# 12: `/song gallery`'s recent songs: a server's posted songs, newest first, read a page at a time
# from the index (the condition is the gallery's own, word for word, so both planners use it).
GALLERY = """
    CREATE INDEX jobs_gallery ON jobs (guild_id, id)
    WHERE state = 'delivered' AND delivery IN ('reply', 'link') AND delivery_message_id IS NOT NULL
"""

MIGRATIONS: list[str] = [
    JOBS_SCHEMA, MODERATION_SCHEMA, JAM_SCHEMA, DUE_BY_STATE, DELIVERY_TRIES, USAGE_DAILY, FAILURE_DETAIL, LEASES,
    HELD_SONGS, SONG_CARD, GUILD_LANGUAGE, GALLERY,
]


async def apply_migrations(conn: aiosqlite.Connection) -> int:
    """Bring the schema up to date; returns the version now in force."""
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    current = int(row[0]) if row else 0
    if current > len(MIGRATIONS):
        raise RuntimeError(f"database schema {current} is newer than this bot ({len(MIGRATIONS)})")
    if current == len(MIGRATIONS):
        return current
    await conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(current + 1, len(MIGRATIONS) + 1):
            for statement in _statements(MIGRATIONS[version - 1]):
                await conn.execute(statement)
        await conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
    except BaseException:
        await conn.execute("ROLLBACK")
        raise
    await conn.execute("COMMIT")
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    return [part.strip() for part in script.split(";") if part.strip()]
