"""The moderator lists (tiers, bans, channels, blocked words, usage, audit log), one page at a time.

Pure text built from the store; a page is small enough for one Discord message, so a list of any
length is shown with page buttons that only need the list's kind and a page number.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from bot.core.i18n import translate
from bot.moderation.service import Moderation
from bot.moderation.text import audit_line, ban_line, usage_line
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
    locale: str  # the moderator's: every list is private
    subject: int | None = None  # the member a filtered list is about

    def render(self) -> str:
        header = (translate(self.locale, "moderation-list-header-paged", title=self.title, page=self.page + 1,
                            pages=self.pages) if self.pages > 1
                  else translate(self.locale, "moderation-list-header", title=self.title))
        return "\n".join([header, *(self.lines or [translate(self.locale, "moderation-list-empty")])])


def _clamp(page: int, total: int) -> tuple[int, int]:
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return min(max(page, 0), pages - 1), pages


def _slice(kind: ListKind, title: str, lines: list[str], page: int, locale: str) -> ListPage:
    page, pages = _clamp(page, len(lines))
    return ListPage(kind, title, lines[page * PAGE_SIZE:(page + 1) * PAGE_SIZE], page, pages, locale)


async def load_page(
    moderation: Moderation, kind: ListKind, guild_id: int, page: int, locale: str, subject: int | None = None
) -> ListPage:
    """One page of a moderator list, written in the moderator's `locale`."""
    store = moderation.store
    now = moderation.clock()
    if kind is ListKind.AUDIT:
        page, pages = _clamp(page, await store.audit_count(guild_id, user_id=subject))
        entries = await store.audit_page(guild_id, user_id=subject, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
        title = (translate(locale, "moderation-list-audit-about", user=str(subject)) if subject
                 else translate(locale, "moderation-list-audit"))
        return ListPage(kind, title, [audit_line(entry, locale) for entry in entries], page, pages, locale, subject)
    if kind is ListKind.QUOTAS:
        lines = [translate(locale, "moderation-list-tier-line", role=str(tier.role_id), count=tier.daily_quota)
                 for tier in await store.tiers(guild_id)]
        lines += [translate(locale, "moderation-list-override-line", user=str(override.user_id),
                            count=override.daily_quota)
                  for override in await store.overrides(guild_id)]
        return _slice(kind, translate(locale, "moderation-list-quotas"), lines, page, locale)
    if kind is ListKind.BANS:
        return _slice(kind, translate(locale, "moderation-list-bans"),
                      [ban_line(ban, locale) for ban in await store.active_bans(guild_id, now)], page, locale)
    if kind is ListKind.CHANNELS:
        channels = await store.song_channels(guild_id)
        lines = [translate(locale, "moderation-list-channel-line", channel=str(c.channel_id), by=str(c.added_by),
                           at=int(c.added_at)) for c in channels]
        title = translate(locale, "moderation-list-channels" if channels else "moderation-list-channels-none")
        return _slice(kind, title, lines, page, locale)
    if kind is ListKind.WORDS:
        lines = [translate(locale, "moderation-list-word-line", entry=word.entry, by=str(word.added_by),
                           at=int(word.added_at)) for word in await store.blocked_words(guild_id)]
        return _slice(kind, translate(locale, "moderation-list-words"), lines, page, locale)
    rows = await store.usage(guild_id, now - USAGE_DAYS * DAY_SECONDS)
    return _slice(kind, translate(locale, "moderation-list-usage", days=USAGE_DAYS),
                  [usage_line(row, locale) for row in rows], page, locale)
