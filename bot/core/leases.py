"""Who holds a lease: one name per process run, so several processes can share one database."""

from __future__ import annotations

import os
import secrets
import socket


def new_owner_id(prefix: str | None = None) -> str:
    """A name unique to this process run (host, pid, random), e.g. for `jobs.lease_owner`."""
    parts = [prefix] if prefix else []
    parts += [socket.gethostname()[:40], str(os.getpid()), secrets.token_hex(4)]
    return "-".join(parts)
