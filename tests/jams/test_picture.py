"""A jam's results as a picture: the top ten entries, medals for the first three, in the card's style."""

import asyncio
import io

from PIL import Image

from bot.core import picture as style
from bot.jams.picture import MAX_ROWS, LeaderboardRow, leaderboard_png, leaderboard_size, render_leaderboard


def row(rank: int, votes: int, *, tied: bool = False, name: str = "alice", title: str = "Rainy days") -> LeaderboardRow:
    return LeaderboardRow(rank=rank, tied=tied, member_name=name, song_title=title, votes=votes)


def opened(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data)).convert("RGB")


def colours(picture: Image.Image) -> dict[tuple[int, int, int], int]:
    return {colour: count for count, colour in picture.getcolors(maxcolors=1 << 16)}


def test_a_leaderboard_has_its_stated_size_many_colours_and_a_small_png():
    rows = [row(1, 5), row(2, 3, name="bob"), row(3, 1, name="carol"), row(4, 0, name="dave")]
    data = render_leaderboard("Rainy days", rows, "en")
    picture = opened(data)
    assert picture.size == leaderboard_size(4) == (1200, 230 + 4 * 92 + 110)
    assert len(data) < style.MAX_PNG_BYTES
    assert len(colours(picture)) > 8, "not one flat colour"


def test_the_first_three_get_medals_only_when_they_have_votes():
    voted = colours(opened(render_leaderboard("Jam", [row(1, 2), row(2, 1, name="bob"), row(3, 1, name="c")], "en")))
    assert all(voted.get(medal, 0) > 500 for medal in (style.GOLD, style.SILVER, style.BRONZE))
    unvoted = colours(opened(render_leaderboard("Jam", [row(1, 0, tied=True), row(1, 0, tied=True, name="bob")], "en")))
    assert unvoted.get(style.GOLD, 0) == 0 and unvoted.get(style.SILVER, 0) == 0


def test_votes_change_the_picture():
    assert render_leaderboard("Jam", [row(1, 2)], "en") != render_leaderboard("Jam", [row(1, 3)], "en")


def test_only_the_top_ten_are_drawn_and_an_empty_board_still_draws():
    many = [row(rank, 30 - rank, name=f"member {rank}") for rank in range(1, 26)]
    assert opened(render_leaderboard("Jam", many, "en")).size == leaderboard_size(MAX_ROWS) == leaderboard_size(25)
    assert opened(render_leaderboard("Jam", [], "en")).size == leaderboard_size(0) == leaderboard_size(1)


def test_long_or_undrawable_names_titles_and_themes_do_not_break_it():
    rows = [row(1, 1, name="n" * 500, title="t " * 500), row(2, 0, name="🎸", title="夜の歌")]
    assert opened(render_leaderboard("theme " * 200, rows, "en")).size == leaderboard_size(2)
    assert opened(render_leaderboard("夜", rows, "en")).size == leaderboard_size(2)


async def test_the_async_leaderboard_is_drawn_off_the_event_loop():
    rows = [row(rank, 10 - rank, name=f"member {rank}", title="a title " * 20) for rank in range(1, 11)]
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0)
            ticks += 1

    task = asyncio.create_task(ticker())
    data = await leaderboard_png("Rainy days", rows, "en")
    task.cancel()
    assert ticks > 1, "the loop kept running while the picture was drawn"
    assert data == render_leaderboard("Rainy days", rows, "en")


def test_the_fixed_words_are_drawn_in_the_servers_language():
    rows = [row(1, 2), row(2, 0, name="bob", title="")]
    english, spanish, japanese = (opened(render_leaderboard("Jam", rows, locale)) for locale in ("en", "es-ES", "ja"))
    heading = (0, 80, 1200, 132)  # "SONG JAM RESULTS"
    assert len({picture.crop(heading).tobytes() for picture in (english, spanish, japanese)}) == 3
    assert render_leaderboard("Jam", rows, "es-419") == render_leaderboard("Jam", rows, "es-ES")
    assert render_leaderboard("Jam", rows, "fr") == render_leaderboard("Jam", rows, "en"), "unshipped: English"
    empty = {locale: opened(render_leaderboard("Jam", [], locale)).tobytes() for locale in ("en", "pt-BR")}
    assert empty["en"] != empty["pt-BR"], "“No songs were entered.” is said in Portuguese too"
