"""Who is asking: a member of one server with their role ids (no Discord types, so rules can use it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Member:
    guild_id: int
    user_id: int
    role_ids: frozenset[int] = frozenset()
