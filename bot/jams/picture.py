"""A jam's results as a picture: the top ten entries with their votes, in the song card's style.

Pure Pillow: the closer gives it plain display names (never mentions) and song titles, and the
server's language, in which its fixed words are drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import ImageDraw

from bot.core import picture as style
from bot.core.i18n import translate

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


def render_leaderboard(jam_title: str, rows: list[LeaderboardRow], locale: str) -> bytes:
    """PNG bytes: the jam's theme, then rank, member, song title and votes of its top ten entries,
    with the fixed words in `locale`."""
    shown = rows[:MAX_ROWS]
    width, height = leaderboard_size(len(shown))
    image, draw = style.canvas(height)
    left = style.MARGIN + style.PADDING
    right = width - style.MARGIN - style.PADDING
    heading = translate(locale, "jams-picture-heading")
    draw.text((left, 96), heading, font=style.font(28, text=heading), fill=style.ACCENT)
    title_font = style.font(58, bold=True, text=jam_title)
    title = style.fit_text(draw, jam_title, title_font, right - left)
    if not title:
        title = translate(locale, "jams-picture-untitled-jam")
        title_font = style.font(58, bold=True, text=title)
    draw.text((left, 134), title, font=title_font, fill=style.TEXT)
    if not shown:
        empty = translate(locale, "jams-no-songs")
        draw.text((left, HEADER + 20), empty, font=style.font(40, text=empty), fill=style.MUTED)
    for index, row in enumerate(shown):
        _draw_row(draw, row, top=HEADER + index * ROW, left=left, right=right, stripe=index % 2 == 0,
                  locale=locale)
    return style.png_bytes(image)


def _draw_row(draw: ImageDraw.ImageDraw, row: LeaderboardRow, *, top: int, left: int, right: int,
              stripe: bool, locale: str) -> None:
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

    votes = translate(locale, "jams-votes", votes=row.votes)
    votes_font = style.font(36, text=votes)
    votes_width = style.text_width(draw, votes, votes_font)
    draw.text((right, middle), votes, font=votes_font, fill=style.ACCENT if row.votes else style.MUTED,
              anchor="rm")

    text_left = left + 88
    room = right - votes_width - 32 - text_left
    _draw_fitted(draw, (text_left, middle - 4), row.member_name, translate(locale, "jams-picture-member"),
                 size=38, room=room, fill=style.TEXT, anchor="ls")
    _draw_fitted(draw, (text_left, middle + 6), row.song_title, translate(locale, "jams-picture-untitled-song"),
                 size=30, room=room, fill=style.MUTED, anchor="lt")


def _draw_fitted(draw: ImageDraw.ImageDraw, at: tuple[int, int], text: str, fallback: str, *, size: int,
                 room: float, fill: tuple[int, int, int], anchor: str) -> None:
    """`text` cut to `room`, or `fallback` when nothing of it can be drawn; each in a font that has its characters."""
    face = style.font(size, text=text)
    shown = style.fit_text(draw, text, face, room)
    if not shown:
        shown, face = fallback, style.font(size, text=fallback)
    draw.text(at, shown, font=face, fill=fill, anchor=anchor)


async def leaderboard_png(jam_title: str, rows: list[LeaderboardRow], locale: str) -> bytes:
    """The same, drawn in the drawing thread so the event loop never waits on drawing."""
    return await style.drawn(render_leaderboard, jam_title, rows, locale)
