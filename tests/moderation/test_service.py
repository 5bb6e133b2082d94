"""The moderation service: quota resolution, admission rules, moderator actions and their audit."""

import pytest

from bot.config import Secret, Settings
from bot.core.i18n import message
from bot.moderation.lists import PAGE_SIZE, ListKind, load_page
from bot.moderation.reports import member_standing, server_overview
from bot.moderation.service import (
    BLOCKED_MESSAGE,
    BlockedLyrics,
    Member,
    Moderation,
    ModerationError,
    QuotaSource,
    Refused,
    RightsNeeded,
)
from bot.moderation.store import AuditRecord, Ban, ModerationStore
from bot.moderation.text import details_text
from bot.moderation.wordfilter import InvalidEntry, find_blocked, fold, make_entry
from bot.songs.jobs import JobState, NewJob
from bot.songs.quota import DAY_SECONDS, QuotaExceeded

NOW = 1_800_000_000.0
GUILD = 10
MOD = 99
ALICE = Member(GUILD, 1, frozenset({GUILD, 501}))
SONGS = 30


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def settings(**overrides) -> Settings:
    values = {"default_daily_quota": 5, "global_daily_cap": 500, "guild_daily_cap": 100,
              "max_unfinished_per_member": 2, "max_unfinished_per_server": 10, "cooldown_s": 30.0, **overrides}
    return Settings(discord_token=Secret("t"), music_api_key=Secret("k"), **values)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def mod(storage, clock):
    return Moderation(ModerationStore(storage.db), settings(), clock=clock)


async def admit(mod, member=ALICE, text="la la la", channels=(SONGS,)):
    return await mod.admit(member, set(channels), text)


async def confirmed(mod, member=ALICE):
    await mod.confirm_rights(member.guild_id, member.user_id)


def new_job(user_id: int = 1) -> NewJob:
    return NewJob(guild_id=GUILD, channel_id=SONGS, user_id=user_id, model="minimax-music", prompt_text="##la##",
                  style=None, reference_url="https://cdn.example/ref.mp3", reference_name="ref.mp3")


# --- quota resolution ----------------------------------------------------------------------------


async def test_without_any_setting_the_bots_defaults_apply(mod):
    resolved = await mod.resolve(ALICE)
    assert resolved.source is QuotaSource.BOT
    limits = resolved.limits
    assert (limits.member_daily, limits.member_unfinished, limits.guild_unfinished, limits.guild_daily,
            limits.global_daily, limits.cooldown_s, limits.free) == (5, 2, 10, 100, 500, 30.0, False)


async def test_server_default_then_highest_tier_then_member_override(mod):
    await mod.set_server_quota(MOD, GUILD, 3)
    assert (await mod.resolve(ALICE)).limits.member_daily == 3
    await mod.set_tier(MOD, GUILD, 501, 8)
    await mod.set_tier(MOD, GUILD, 502, 20)
    await mod.set_tier(MOD, GUILD, 503, 1)
    both = Member(GUILD, 1, frozenset({501, 502, 503}))
    resolved = await mod.resolve(both)
    assert resolved.limits.member_daily == 20 and resolved.source is QuotaSource.TIER and resolved.tier_role_id == 502
    assert "<@&502>" in str(resolved.describe())
    assert resolved.describe(you=False).render("es-ES") == "Este límite viene de su rol <@&502>."
    low = await mod.resolve(Member(GUILD, 1, frozenset({503})))
    assert low.limits.member_daily == 1, "a tier replaces the default, even a lower one"
    await mod.set_override(MOD, GUILD, 1, 2)
    resolved = await mod.resolve(both)
    assert resolved.limits.member_daily == 2 and resolved.source is QuotaSource.OVERRIDE
    await mod.set_override(MOD, GUILD, 1, None)
    assert (await mod.resolve(both)).limits.member_daily == 20
    assert (await mod.resolve(Member(GUILD, 2))).source is QuotaSource.SERVER


async def test_the_server_cap_is_the_smaller_of_the_moderators_and_the_operators(mod):
    await mod.set_server_cap(MOD, GUILD, 40)
    assert (await mod.resolve(ALICE)).limits.guild_daily == 40
    await mod.set_server_cap(MOD, GUILD, 400)
    assert (await mod.resolve(ALICE)).limits.guild_daily == 100
    mod.settings = settings(guild_daily_cap=None)
    assert (await mod.resolve(ALICE)).limits.guild_daily == 400


async def test_the_resolved_limits_are_what_the_job_storage_enforces(mod, storage, clock):
    await confirmed(mod)
    await mod.set_override(MOD, GUILD, 1, 1)
    await mod.grant_bonus(MOD, GUILD, 1, 1, "contest winner")
    limits = await admit(mod)
    await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
    with pytest.raises(QuotaExceeded, match="cooldown") as cooldown:
        await storage.create_job(new_job(), limits, now=NOW + 5, timeout_s=60)
    assert cooldown.value.lifts_at == NOW + 30
    await storage.create_job(new_job(), limits, now=NOW + 31, timeout_s=60)  # the bonus credit
    with pytest.raises(QuotaExceeded, match="in progress"):
        await storage.create_job(new_job(), limits, now=NOW + 62, timeout_s=60)


# --- admission --------------------------------------------------------------------------------------


async def test_a_member_must_confirm_their_rights_once_unless_the_server_turned_it_off(mod, storage, clock):
    with pytest.raises(RightsNeeded) as asked:
        await admit(mod)
    assert "right to use the tracks" in str(asked.value)
    clock.now = NOW + 42
    assert await mod.confirm_rights(GUILD, 1) == NOW + 42
    assert await mod.store.rights_confirmed_at(GUILD, 1) == NOW + 42
    assert (await admit(mod)).member_daily == 5
    with pytest.raises(RightsNeeded):
        await admit(mod, Member(GUILD, 2))
    await mod.set_rights_required(MOD, GUILD, False)
    await admit(mod, Member(GUILD, 2))


async def test_a_barred_member_is_told_why_and_until_when(mod, clock):
    await confirmed(mod)
    await mod.ban(MOD, GUILD, 1, "  spamming\nthe   channel ", 2)
    with pytest.raises(Refused) as refused:
        await admit(mod)
    assert "spamming the channel" in str(refused.value)
    assert refused.value.lifts_at == NOW + 2 * DAY_SECONDS
    assert refused.value.render("en").endswith(f"It lifts <t:{int(NOW + 2 * DAY_SECONDS)}:R>.")
    assert refused.value.render("pt-BR") == (
        "Um moderador impediu você de criar músicas neste servidor. Motivo: spamming the channel. "
        f"A restrição termina <t:{int(NOW + 2 * DAY_SECONDS)}:R>.")
    clock.now = NOW + 2 * DAY_SECONDS
    await admit(mod)


async def test_a_ban_comes_before_the_rights_question(mod):
    await mod.ban(MOD, GUILD, 1, "no", None)
    with pytest.raises(Refused) as refused:
        await admit(mod)
    assert not isinstance(refused.value, RightsNeeded) and refused.value.lifts_at is None


async def test_song_channels_restrict_where_songs_are_made_threads_included(mod):
    await confirmed(mod)
    await admit(mod, channels=(12345,))
    await mod.add_channel(MOD, GUILD, SONGS)
    await mod.add_channel(MOD, GUILD, 31)
    with pytest.raises(Refused) as refused:
        await admit(mod, channels=(12345,))
    assert str(refused.value) == "Songs can be made only in <#30>, <#31> on this server."
    assert refused.value.render("ja") == "このサーバーでは <#30>, <#31> でのみ曲を作れます。"
    await admit(mod, channels=(777, SONGS))  # a thread of the song channel
    await mod.remove_channel(MOD, GUILD, SONGS)
    await mod.remove_channel(MOD, GUILD, 31)
    await admit(mod, channels=(12345,))


@pytest.mark.parametrize("lyrics", [
    "this is BAD", "ｂａｄ news", "Ｂａｄ", "b\u200bad day", "so... bad!", "BAD\nline", "ᵇᵃᵈ",
])
async def test_blocked_words_match_after_nfkc_and_case_folding(mod, lyrics):
    await confirmed(mod)
    await mod.add_word(MOD, GUILD, "Bad")
    with pytest.raises(BlockedLyrics) as refused:
        await admit(mod, text=lyrics)
    assert refused.value.user_message == BLOCKED_MESSAGE
    assert "bad" not in str(refused.value).lower(), "the member is not taught which word"
    assert refused.value.entry == "bad"


async def test_blocked_words_are_whole_words_phrases_or_wildcards(mod):
    await confirmed(mod)
    for word in ("ass", "hate*", "very  Evil", "悪魔"):
        await mod.add_word(MOD, GUILD, word)
    for fine in ("a class of grass", "whatever", "evil is very", "passion"):
        await admit(mod, text=fine)
    for blocked in ("kick ass", "hateful words", "so very\nevil", "これは悪魔です", "VERY-EVIL"):
        with pytest.raises(BlockedLyrics):
            await admit(mod, text=blocked)


def test_blocked_word_entries_are_normalised_and_validated():
    assert make_entry("  ＢＡＤ   Word ") == "bad word"
    assert make_entry("ha**te") == "ha*te"
    assert fold("Straße") == "strasse"
    with pytest.raises(InvalidEntry):
        make_entry("***")
    with pytest.raises(InvalidEntry):
        make_entry("x" * 101)
    assert find_blocked("nothing here", ["bad"]) is None


# --- moderators ------------------------------------------------------------------------------------


async def test_moderators_are_server_managers_or_hold_the_moderator_role(mod):
    assert await mod.is_moderator(Member(GUILD, 5), can_manage_guild=True)
    assert not await mod.is_moderator(Member(GUILD, 5, frozenset({777})), can_manage_guild=False)
    await mod.set_moderator_role(MOD, GUILD, 777)
    assert await mod.is_moderator(Member(GUILD, 5, frozenset({777})), can_manage_guild=False)
    assert not await mod.is_moderator(Member(GUILD + 1, 5, frozenset({777})), can_manage_guild=False)


async def test_every_change_is_audited_with_who_what_when_and_no_op_is_not(mod, clock):
    outcome = await mod.set_server_quota(MOD, GUILD, 3)
    assert outcome.audit.actor_id == MOD and outcome.audit.created_at == NOW
    assert details_text(outcome.audit.details, "en") == "set the server's default to 3 songs per 24 hours"
    assert details_text(outcome.audit.details, "ja") == "サーバーの既定を 24 時間に 3 曲にしました"
    assert (await mod.set_server_quota(MOD, GUILD, 3)).audit is None
    clock.now = NOW + 60
    actions = [
        await mod.set_tier(MOD, GUILD, 501, 10),
        await mod.set_override(MOD, GUILD, 1, 4),
        await mod.grant_bonus(MOD, GUILD, 1, 2, "won the jam"),
        await mod.take_bonus(MOD, GUILD, 1, 5),
        await mod.ban(MOD, GUILD, 1, "spam", None),
        await mod.unban(MOD, GUILD, 1),
        await mod.add_channel(MOD, GUILD, SONGS),
        await mod.remove_channel(MOD, GUILD, SONGS),
        await mod.add_word(MOD, GUILD, "bad"),
        await mod.remove_word(MOD, GUILD, "BAD"),
        await mod.set_rights_required(MOD, GUILD, False),
        await mod.set_moderator_role(MOD, GUILD, 777),
        await mod.set_modlog_channel(MOD, GUILD, 40),
        await mod.set_server_cap(MOD, GUILD, 50),
    ]
    assert all(a.audit is not None for a in actions)
    entries = await mod.store.audit_page(GUILD, limit=100)
    assert [e.action for e in reversed(entries)] == [
        "quota.default", "quota.tier", "quota.member", "credits.grant", "credits.take", "ban", "unban",
        "channel.add", "channel.remove", "word.add", "word.remove", "settings.rights", "settings.moderator_role",
        "settings.mod_log", "quota.cap",
    ]
    assert details_text(entries[-4].details, "en") == "granted <@1> 2 bonus credits (won the jam)"
    assert details_text(entries[-5].details, "es-ES") == "retiró 2 créditos extra a <@1>"
    assert all(e.actor_id == MOD and e.created_at == NOW + 60 for e in entries[:-1])
    about_alice = ("credits", "ban", "unban", "quota.member")
    assert {e.target_user_id for e in entries if e.action.startswith(about_alice)} == {1}
    repeats = [
        await mod.unban(MOD, GUILD, 1), await mod.remove_word(MOD, GUILD, "bad"),
        await mod.remove_channel(MOD, GUILD, SONGS), await mod.set_tier(MOD, GUILD, 501, 10),
        await mod.take_bonus(MOD, GUILD, 1, 1), await mod.set_modlog_channel(MOD, GUILD, 40),
    ]
    assert all(r.audit is None for r in repeats)
    assert await mod.store.audit_count(GUILD) == 15


async def test_moderator_input_that_cannot_be_done_is_refused_with_a_reason(mod):
    with pytest.raises(ModerationError, match="reason"):
        await mod.ban(MOD, GUILD, 1, "   ", None)
    with pytest.raises(ModerationError, match="yourself"):
        await mod.ban(MOD, GUILD, MOD, "oops", None)
    with pytest.raises(ModerationError, match="letter"):
        await mod.add_word(MOD, GUILD, "!!!")
    with pytest.raises(ModerationError, match="no job 7"):
        await mod.refund(MOD, GUILD, 7, None)


async def test_an_entry_with_too_many_wildcards_is_refused_but_an_old_one_can_be_removed(mod):
    with pytest.raises(ModerationError) as refused:
        await mod.add_word(MOD, GUILD, "a*a*a*a*a*b")
    assert str(refused.value) == "A blocked word can have at most 4 `*` wildcards."
    assert await mod.store.blocked_entries(GUILD) == ()
    assert (await mod.add_word(MOD, GUILD, "a*a*a*a*b")).audit is not None
    # Entries stored before the limit existed are still matched, and can be removed.
    legacy = "a*a*a*a*a*a*b"
    blocked = mod._audit(MOD, GUILD, "word.add", message("moderation-audit-word-add", entry=legacy))
    await mod.store.add_blocked_word(GUILD, legacy, blocked)
    await confirmed(mod)
    with pytest.raises(BlockedLyrics) as blocked:
        await admit(mod, text="a" * 590 + "b")
    assert blocked.value.entry in {"a*a*a*a*b", legacy}
    assert (await mod.remove_word(MOD, GUILD, legacy)).audit is not None
    assert await mod.store.blocked_entries(GUILD) == ("a*a*a*a*b",)


async def test_a_moderator_refund(mod, storage):
    job = await storage.create_job(new_job(), (await mod.resolve(ALICE)).limits, now=NOW, timeout_s=60)
    await storage.finish_job(job.id, JobState.DELIVERED, None, now=NOW + 1, refund=False, expect=(JobState.PENDING,))
    outcome = await mod.refund(MOD, GUILD, job.id, "the song was silent")
    assert "Refunded job 1" in str(outcome.message)
    assert details_text(outcome.audit.details, "en") == "refunded job 1 of <@1> (the song was silent)"
    assert outcome.audit.target_user_id == 1
    assert "already" in str((await mod.refund(MOD, GUILD, job.id, None)).message)
    assert (await storage.member_usage(GUILD, 1, now=NOW + 2)).used == 0


# --- lists and reports ------------------------------------------------------------------------------


async def test_long_lists_are_paged_and_pages_are_clamped(mod):
    for n in range(25):
        await mod.add_word(MOD, GUILD, f"word{n:02d}")
    first = await load_page(mod, ListKind.WORDS, GUILD, 0, "en")
    assert (first.page, first.pages, len(first.lines)) == (0, 3, PAGE_SIZE)
    assert first.lines[0].startswith("`word00`") and "page 1 of 3" in first.render()
    last = await load_page(mod, ListKind.WORDS, GUILD, 99, "en")
    assert (last.page, len(last.lines)) == (2, 5)
    assert all(len(page.render()) < 2000 for page in (first, last))
    audit = await load_page(mod, ListKind.AUDIT, GUILD, 1, "en")
    assert audit.pages == 3 and "blocked `word14`" in audit.lines[0]
    empty = await load_page(mod, ListKind.BANS, GUILD, 0, "en")
    assert empty.pages == 1 and "Nothing here yet." in empty.render()
    spanish = await load_page(mod, ListKind.WORDS, GUILD, 0, "es-419")
    assert spanish.render().startswith("**Palabras bloqueadas** · página 1 de 3\n`word00` · añadida por <@99>")
    assert "desbloqueó" not in (await load_page(mod, ListKind.AUDIT, GUILD, 0, "es-ES")).render()
    assert "bloqueó `word24`" in (await load_page(mod, ListKind.AUDIT, GUILD, 0, "es-ES")).lines[0]


async def test_member_standing_and_server_overview(mod, storage, clock):
    await mod.grant_bonus(MOD, GUILD, 1, 1, None)
    await mod.ban(MOD, GUILD, 1, "spam", 1)
    await storage.create_job(new_job(), (await mod.resolve(ALICE)).limits, now=NOW, timeout_s=60)
    clock.now = NOW + 10
    mine = await member_standing(mod, storage, ALICE, "en-GB", you=True)
    assert "Used **1** of **5** in the last 24 hours · **4** left" in mine
    assert "You have **1 bonus credit**" in mine
    assert f"Next credit frees up <t:{int(NOW + DAY_SECONDS)}:R>" in mine
    assert "In progress: **1** (at most 2 at once)" in mine
    assert f"the next song can start <t:{int(NOW + 30)}:R>" in mine
    assert "The server has made 1 of its 100 songs" in mine
    assert "You are barred from making songs here" in mine and "spam" in mine
    theirs = await member_standing(mod, storage, ALICE, "en-US", you=False)
    assert "**Songs of <@1>**" in theirs and "Has not confirmed rights yet" in theirs and "Recent jobs:" in theirs
    overview = await server_overview(mod, GUILD, "en")
    assert "5 songs (the bot's default)" in overview
    assert "Rights confirmation before a member's first song: on" in overview
    assert "Daily cap for this server: none set here · set by the bot's operator: 100 songs per server" in overview
    portuguese = await member_standing(mod, storage, ALICE, "pt-BR", you=True)
    assert portuguese.startswith("**Suas músicas neste servidor**\nUsadas **1** de **5** nas últimas 24 horas")
    assert "Você tem **1 crédito extra**" in portuguese and "Você está impedido de criar músicas aqui até" in portuguese
    japanese = await server_overview(mod, GUILD, "ja")
    assert "5 曲(ボットの既定)" in japanese and "メンバーの曲の間隔 30 秒" in japanese


async def test_a_moderator_sets_the_public_language_and_the_audit_row_reads_in_each_readers_language(mod):
    outcome = await mod.set_language(MOD, GUILD, "es-ES")
    told = outcome.message.render("pt-BR")
    assert told.startswith("As publicações deste servidor") and "espanhol" in told
    assert outcome.audit is not None and outcome.audit.action == "settings.language"
    assert details_text(outcome.audit.details, "en") == "set the language of public posts to Spanish"
    assert details_text(outcome.audit.details, "es-ES") == "puso el idioma de las publicaciones en español"
    assert await mod.store.guild_language(GUILD) == "es-ES"
    again = await mod.set_language(MOD, GUILD, "es-419")
    assert again.audit is None and str(again.message) == "That is already this server's language setting."
    cleared = await mod.set_language(MOD, GUILD, None)
    assert cleared.audit is not None and "サーバー自身の言語" in cleared.message.render("ja")
    assert await mod.store.guild_language(GUILD) is None


async def test_audit_rows_written_before_the_catalogue_still_show_their_english_text(mod):
    old = AuditRecord(guild_id=GUILD, actor_id=MOD, action="ban", details="barred <@1>: {spam}", created_at=NOW,
                      target_user_id=1)
    await mod.store.ban(GUILD, Ban(1, "spam", MOD, NOW, None), old)
    await mod.unban(MOD, GUILD, 1)
    page = await load_page(mod, ListKind.AUDIT, GUILD, 0, "pt-BR")
    assert page.lines[0].endswith("<@99> desbloqueou <@1>")
    assert page.lines[1].endswith("<@99> barred <@1>: {spam}"), "old English details are shown as they are"
    assert details_text('{"key": "moderation-audit-unban"}', "en") == '{"key": "moderation-audit-unban"}'
