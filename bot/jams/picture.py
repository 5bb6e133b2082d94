"""A jam's results as a picture: the top ten entries with their votes, in the song card's style.

Pure Pillow: the closer gives it plain display names (never mentions) and song titles.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from PIL import ImageDraw

from bot.core import picture as style
from bot.core.text import plural

MAX_ROWS = 10
HEADER = 230  # from the top of the picture to the first row
ROW = 92
FOOTER = 110  # from the last row to the bottom (room for the brand line)
MEDAL_COLOURS = {1: style.GOLD, 2: style.SILVER, 3: style.BRONZE}


@dataclass(frozen=True)
class LeaderboardRow:
    """One entry as the picture shows it: `member_name` is a plain display name, not a mention."""

    rank: int
    tied: bool
    member_name: str
    song_title: str
    votes: int


def leaderboard_size(rows: int) -> tuple[int, int]:
    """The picture's size for `rows` entries (at most MAX_ROWS are drawn; none draws one line saying so)."""
    return style.WIDTH, HEADER + ROW * max(1, min(rows, MAX_ROWS)) + FOOTER


def render_leaderboard(jam_title: str, rows: list[LeaderboardRow]) -> bytes:
    """PNG bytes: the jam's theme, then rank, member, song title and votes of its top ten entries."""
    shown = rows[:MAX_ROWS]
    width, height = leaderboard_size(len(shown))
    image, draw = style.canvas(height)
    left = style.MARGIN + style.PADDING
    right = width - style.MARGIN - style.PADDING
    draw.text((left, 96), "SONG JAM RESULTS", font=style.font(28), fill=style.ACCENT)
    title_font = style.font(58, bold=True)
    draw.text((left, 134), style.fit_text(draw, jam_title, title_font, right - left) or "Song jam",
              font=title_font, fill=style.TEXT)
    if not shown:
        draw.text((left, HEADER + 20), "No songs were entered.", font=style.font(40), fill=style.MUTED)
    for index, row in enumerate(shown):
        _draw_row(draw, row, top=HEADER + index * ROW, left=left, right=right, stripe=index % 2 == 0)
    return style.png_bytes(image)


def _draw_row(draw: ImageDraw.ImageDraw, row: LeaderboardRow, *, top: int, left: int, right: int,
              stripe: bool) -> None:
    if stripe:
        draw.rounded_rectangle((left - 16, top + 4, right + 16, top + ROW - 4), radius=18, fill=style.PANEL_EDGE)
    middle = top + ROW // 2
    medal = MEDAL_COLOURS.get(row.rank) if row.votes > 0 else None
    rank_text = f"{row.rank}=" if row.tied else str(row.rank)
    if medal is not None:
        draw.ellipse((left, middle - 30, left + 60, middle + 30), fill=medal)
        draw.text((left + 30, middle), rank_text, font=style.font(30), fill=style.BACKGROUND, anchor="mm")
    else:
        draw.text((left + 30, middle), rank_text, font=style.font(32), fill=style.MUTED, anchor="mm")

    votes_font = style.font(36)
    votes = plural(row.votes, "vote")
    votes_width = style.text_width(draw, votes, votes_font)
    draw.text((right, middle), votes, font=votes_font, fill=style.ACCENT if row.votes else style.MUTED,
              anchor="rm")

    text_left = left + 88
    room = right - votes_width - 32 - text_left
    name_font = style.font(38)
    draw.text((text_left, middle - 4), style.fit_text(draw, row.member_name, name_font, room) or "a member",
              font=name_font, fill=style.TEXT, anchor="ls")
    song_font = style.font(30)
    draw.text((text_left, middle + 6), style.fit_text(draw, row.song_title, song_font, room) or "Untitled song",
              font=song_font, fill=style.MUTED, anchor="lt")


async def leaderboard_png(jam_title: str, rows: list[LeaderboardRow]) -> bytes:
    """The same, drawn in a worker thread so the event loop never waits on drawing."""
    return await asyncio.to_thread(render_leaderboard, jam_title, rows)
