"""Schema version 3: song jams (owned by the jams module).

A jam's entries are the jobs that carry its id (`jobs.jam_id`); votes are one row per member per
jam, so changing a vote is an update of that row. No semicolons inside the SQL below: the
migration runner splits on them.
"""

JAM_SCHEMA = """
CREATE TABLE jams (
    id INTEGER PRIMARY KEY,
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    thread_id INTEGER,
    announcement_message_id INTEGER,
    host_id INTEGER NOT NULL,
    theme TEXT NOT NULL,
    entries_per_member INTEGER NOT NULL CHECK (entries_per_member >= 1),
    sponsored INTEGER NOT NULL DEFAULT 0,
    anonymous INTEGER NOT NULL DEFAULT 0,
    winner_role_id INTEGER,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'cancelled')),
    started_at REAL NOT NULL,
    ends_at REAL NOT NULL,
    closed_at REAL,
    closed_by INTEGER,
    results_message_id INTEGER,
    results_posted_at REAL,
    finalized_at REAL
);
CREATE UNIQUE INDEX jams_one_open_per_channel ON jams (channel_id) WHERE state = 'open';
CREATE INDEX jams_open_thread ON jams (thread_id) WHERE state = 'open' AND thread_id IS NOT NULL;
CREATE INDEX jams_deadline ON jams (ends_at) WHERE state = 'open';
CREATE INDEX jams_unfinalized ON jams (closed_at) WHERE state != 'open' AND finalized_at IS NULL;
CREATE INDEX jams_guild ON jams (guild_id, id);

CREATE TABLE jam_votes (
    jam_id INTEGER NOT NULL REFERENCES jams (id),
    voter_id INTEGER NOT NULL,
    job_id INTEGER NOT NULL REFERENCES jobs (id),
    voted_at REAL NOT NULL,
    PRIMARY KEY (jam_id, voter_id)
);
CREATE INDEX jam_votes_entry ON jam_votes (jam_id, job_id);

CREATE TABLE jam_settings (
    guild_id INTEGER PRIMARY KEY,
    use_threads INTEGER NOT NULL DEFAULT 0,
    private_standings INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX jobs_jam_entries ON jobs (jam_id, user_id) WHERE jam_id IS NOT NULL
"""
