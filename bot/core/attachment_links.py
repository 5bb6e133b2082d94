"""Keeping a Discord attachment's link alive: its signed CDN URL expires (`ex=`, about a day).

A song made again (Again, Edit lyrics, Cover) reuses the member's reference track. The music API
takes a URL and fetches it itself, and the bot has no public file host, so keeping the file's
bytes would not help: the bot asks Discord for a fresh signed URL instead
(`POST /attachments/refresh-urls`), and only when the stored one has expired or is about to.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import discord

# The music API fetches the reference while it answers the submit, which may wait in the queue
# behind other songs: a link with less than this left is refreshed first.
REFRESH_MARGIN_S = 10 * 60


def link_expires_at(url: str) -> float | None:
    """When a signed Discord CDN URL expires (its `ex=`, hex Unix seconds); None if it carries none."""
    values = parse_qs(urlsplit(url).query).get("ex")
    if not values:
        return None
    try:
        return float(int(values[0], 16))
    except ValueError:
        return None


def needs_refresh(url: str, now: float, margin_s: float = REFRESH_MARGIN_S) -> bool:
    """Whether `url` must be refreshed before the music API fetches it: expired, about to, or unsigned."""
    expires = link_expires_at(url)
    return expires is None or expires - now <= margin_s


async def refresh_links(http: discord.http.HTTPClient, urls: list[str]) -> dict[str, str]:
    """Fresh signed URLs from Discord, keyed by the URL asked about; a URL Discord does not know
    (the message or file was deleted) is left out. discord.HTTPException when Discord fails."""
    answer = await http.request(
        discord.http.Route("POST", "/attachments/refresh-urls"), json={"attachment_urls": urls}
    )
    refreshed = answer.get("refreshed_urls") if isinstance(answer, dict) else None
    return {
        str(entry["original"]): str(entry["refreshed"])
        for entry in refreshed or []
        if isinstance(entry, dict) and entry.get("original") and entry.get("refreshed")
    }
