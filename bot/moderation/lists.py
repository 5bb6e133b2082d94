"""The moderator lists (tiers, bans, channels, blocked words, usage, audit log), one page at a time.

Pure text built from the store; a page is small enough for one Discord message, so a list of any
length is shown with page buttons that only need the list's kind and a page number.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from bot.core.text import timestamp
from bot.moderation.service import Moderation
from bot.moderation.text import audit_line, ban_line, songs, usage_line
from bot.songs.quota import DAY_SECONDS

PAGE_SIZE = 10
USAGE_DAYS = 7


class ListKind(enum.StrEnum):
    QUOTAS = "quotas"
    BANS = "bans"
    CHANNELS = "channels"
    WORDS = "words"
    USAGE = "usage"
    AUDIT = "audit"


@dataclass(frozen=True)
class ListPage:
    kind: ListKind
    title: str
    lines: list[str]
    page: int  # 0-based, within range
    pages: int  # at least 1
    subject: int | None = None  # the member a filtered list is about

    def render(self) -> str:
        header = f"**{self.title}**" + (f" · page {self.page + 1} of {self.pages}" if self.pages > 1 else "")
        return "\n".join([header, *(self.lines or ["Nothing here yet."])])


def _clamp(page: int, total: int) -> tuple[int, int]:
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return min(max(page, 0), pages - 1), pages


def _slice(kind: ListKind, title: str, lines: list[str], page: int) -> ListPage:
    page, pages = _clamp(page, len(lines))
    return ListPage(kind, title, lines[page * PAGE_SIZE:(page + 1) * PAGE_SIZE], page, pages)


async def load_page(
    moderation: Moderation, kind: ListKind, guild_id: int, page: int, subject: int | None = None
) -> ListPage:
    store = moderation.store
    now = moderation.clock()
    if kind is ListKind.AUDIT:
        page, pages = _clamp(page, await store.audit_count(guild_id, user_id=subject))
        entries = await store.audit_page(guild_id, user_id=subject, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
        title = "Moderator actions" + (f" about <@{subject}>" if subject else "") + ", newest first"
        return ListPage(kind, title, [audit_line(entry) for entry in entries], page, pages, subject)
    if kind is ListKind.QUOTAS:
        lines = [f"<@&{tier.role_id}> · {songs(tier.daily_quota)} per 24 hours"
                 for tier in await store.tiers(guild_id)]
        lines += [f"<@{override.user_id}> · {songs(override.daily_quota)} per 24 hours (override)"
                  for override in await store.overrides(guild_id)]
        return _slice(kind, "Role tiers (highest held wins) and member overrides (beat tiers)", lines, page)
    if kind is ListKind.BANS:
        return _slice(kind, "Members barred from making songs",
                      [ban_line(ban) for ban in await store.active_bans(guild_id, now)], page)
    if kind is ListKind.CHANNELS:
        channels = await store.song_channels(guild_id)
        lines = [f"<#{c.channel_id}> · added by <@{c.added_by}> {timestamp(c.added_at)}" for c in channels]
        title = "Song channels" if channels else "Song channels: none, so songs can be made in any channel"
        return _slice(kind, title, lines, page)
    if kind is ListKind.WORDS:
        lines = [f"`{word.entry}` · added by <@{word.added_by}> {timestamp(word.added_at)}"
                 for word in await store.blocked_words(guild_id)]
        return _slice(kind, "Blocked words", lines, page)
    rows = await store.usage(guild_id, now - USAGE_DAYS * DAY_SECONDS)
    return _slice(kind, f"Songs per member, last {USAGE_DAYS} days", [usage_line(row) for row in rows], page)
