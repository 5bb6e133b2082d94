"""The moderators' screens in every shipped language: each fits one Discord message, however full the server."""

import pytest

from bot.core.i18n import SHIPPED_LOCALES, translate
from bot.core.text import MESSAGE_LIMIT
from bot.moderation.lists import PAGE_SIZE, ListKind, load_page
from bot.moderation.reports import member_standing, server_overview
from bot.moderation.service import MAX_BAN_REASON, MAX_NOTE, Member, Moderation, RightsNeeded
from bot.moderation.store import ModerationStore
from bot.songs.jobs import NewJob
from bot.songs.quota import QuotaLimits
from tests.moderation.test_service import NOW, Clock, settings

GUILD = 10
MOD = 9_999_999_999_999_999_999 // 1000  # a long snowflake, as Discord's are
MEMBER = 1_234_567_890_123_456_789


@pytest.fixture
async def full(storage):
    """A server with every setting used to its longest: role, mod log, channels, tiers, bans, words, audit."""
    mod = Moderation(ModerationStore(storage.db), settings(), clock=Clock())
    await mod.set_moderator_role(MOD, GUILD, MEMBER + 1)
    await mod.set_modlog_channel(MOD, GUILD, MEMBER + 2)
    await mod.set_server_quota(MOD, GUILD, 1000)
    await mod.set_server_cap(MOD, GUILD, 999)
    await mod.set_language(MOD, GUILD, "pt-BR")
    for n in range(12):
        await mod.add_channel(MOD, GUILD, MEMBER + 100 + n)
        await mod.set_tier(MOD, GUILD, MEMBER + 200 + n, 1000)
        await mod.set_override(MOD, GUILD, MEMBER + 300 + n, 999)
        await mod.ban(MOD, GUILD, MEMBER + 400 + n, "ｗ" * MAX_BAN_REASON, 365)
        await mod.add_word(MOD, GUILD, "x" * 99 + str(n % 10))
        await mod.grant_bonus(MOD, GUILD, MEMBER, 100, "n" * MAX_NOTE)
    member = Member(GUILD, MEMBER, frozenset({MEMBER + 200}))
    await mod.ban(MOD, GUILD, MEMBER, "ｗ" * MAX_BAN_REASON, 365)
    for n in range(5):
        await storage.create_job(
            NewJob(guild_id=GUILD, channel_id=MEMBER + 100, user_id=MEMBER, model="minimax-music", prompt_text="x",
                   style=None, reference_url="https://cdn.example/r.mp3", reference_name="r" * 200 + ".mp3"),
            QuotaLimits(member_daily=None), now=NOW + n, timeout_s=60)
    return mod, member


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
async def test_the_overview_and_a_members_standing_fit_one_message(full, storage, locale):
    mod, member = full
    overview = await server_overview(mod, GUILD, locale, served_by="Served by process `bot-1`, shards 0-15")
    assert 0 < len(overview) <= MESSAGE_LIMIT
    for you in (True, False):
        assert 0 < len(await member_standing(mod, storage, member, locale, you=you)) <= MESSAGE_LIMIT


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
@pytest.mark.parametrize("kind", list(ListKind))
async def test_every_full_list_page_fits_one_message(full, locale, kind):
    mod, _member = full
    page = await load_page(mod, kind, GUILD, 0, locale)
    assert page.lines and len(page.lines) <= PAGE_SIZE
    assert len(page.render()) <= MESSAGE_LIMIT


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
async def test_the_rights_question_fits_with_its_note(locale):
    question = RightsNeeded().render(locale) + "\n" + translate(locale, "moderation-rights-too-many-held")
    assert len(question) <= MESSAGE_LIMIT


async def test_the_overview_speaks_the_moderators_language(full):
    mod, _member = full
    spanish = await server_overview(mod, GUILD, "es-ES")
    assert spanish.startswith("**Ajustes de canciones de este servidor**\nCanciones por miembro cada 24 horas: "
                              "1.000 canciones (valor de este servidor)")
    assert "Idioma de las publicaciones: portugués (Brasil)" in spanish
    japanese = await server_overview(mod, GUILD, "ja")
    assert "禁止語: 10(`/曲管理 禁止語 一覧`)" in japanese, "commands named as the Japanese client shows them"
