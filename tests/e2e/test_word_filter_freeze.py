"""A long list of wildcard entries cannot freeze the bot: other members are answered while lyrics are checked.

The bot's old regex matcher backtracked for minutes on these entries, on the event loop, so every
server's commands stopped; 2 s is a bound only a frozen bot misses.
"""

import time

from bot.moderation.service import BLOCKED_MESSAGE
from fakes.audio import make_mp3
from tests.e2e.harness import running_stack
from tests.support.databases import execute

LYRICS_CHARS = 600
STYLE = "dreamy lo-fi, soft vocals"
FROZEN_S = 2.0


def worst_case_entries(count: int = 200) -> list[str]:
    """Four wildcards between `a`s, each a near miss for a long run of `a` (stored form, as make_entry gives)."""
    tails = [a + b for a in "bcdefghijklmnopqrstuvwxyz" for b in "bcdefghijklmnopqrstuvwxyz0123456789"]
    shapes = ("a*a*a*a*{}", "*a*a*a*a{}", "a*a*a*{}*", "a*aa*a*a*{}", "a*a a*a {}", "*a*a*a{}*")
    return [shapes[n % len(shapes)].format(tails[n]) for n in range(count)]


async def admin_words_add(stack, word):
    ix = await stack.discord.slash_command(user=stack.discord.owner, channel=stack.channel,
                                           name=["songadmin", "words", "add"], options={"word": word})
    response = await ix.wait_response()
    assert response.ephemeral
    return response.data["content"]


def seed_entries(stack, entries, added_by):
    """Straight into the bot's database (WAL: the bot keeps running); it reads the list on every request."""
    rows = [(stack.guild.id, entry, added_by, time.time()) for entry in entries]
    execute(stack.data_dir / "songjam.db",
            "INSERT INTO blocked_words (guild_id, entry, added_by, added_at) VALUES "
            + ", ".join(["(?, ?, ?, ?)"] * len(rows)), [value for row in rows for value in row])


async def song_and_quota_at_once(stack, lyrics):
    """Alice runs `/song create` and Bob `/quota` right after; Bob's answer and Alice's interaction."""
    ref = stack.attach("ref.mp3", make_mp3(20.0))
    song = await stack.discord.slash_command(user=stack.alice, channel=stack.channel, name="song create",
                                             options={"reference": ref, "lyrics": lyrics, "style": STYLE})
    quota = await stack.discord.slash_command(user=stack.bob, channel=stack.channel, name="quota")
    answer = await quota.wait_response(timeout=FROZEN_S + 5)
    assert answer.ephemeral and "songs" in answer.data["content"]
    assert answer.latency < FROZEN_S, f"/quota waited {answer.latency:.1f} s while lyrics were checked"
    return song


async def test_a_long_wildcard_list_does_not_stop_other_members_commands(tmp_path):
    # minimax/music-cover takes 600 characters of lyrics as they are (no ## markers added).
    async with running_stack(tmp_path, MUSIC_MODEL="minimax/music-cover") as stack:
        refused = await admin_words_add(stack, "a*a*a*a*a*b")
        assert refused == "A blocked word can have at most 4 `*` wildcards."
        assert "Blocked `zebra*`" in await admin_words_add(stack, "Zebra*")
        seed_entries(stack, worst_case_entries(), stack.discord.owner.id)

        # Every entry but the last (`zebra*`, listed after the others) is a near miss for the long run of `a`.
        lyrics = "a" * (LYRICS_CHARS - len(" zebras")) + " zebras"
        assert len(lyrics) == LYRICS_CHARS
        song = await song_and_quota_at_once(stack, lyrics)
        assert (await song.wait_response()).type == 5  # answered at once; the check follows
        refusal = await song.wait_original(timeout=10)
        assert refusal.ephemeral and refusal.content == str(BLOCKED_MESSAGE)

        # Nothing matches: the song goes ahead (after the member's one-off rights confirmation).
        song = await song_and_quota_at_once(stack, "a" * LYRICS_CHARS)
        carry_on = await stack.confirm_rights_if_asked(stack.alice, song)
        [queued] = await carry_on.wait_followups(1, timeout=10)
        assert queued.ephemeral and "Queued as job 1" in queued.content
        await stack.wait_song(1)
        assert stack.api.counters.submits == 1 and stack.job_count() == 1
