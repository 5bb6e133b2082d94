"""Operator alerts speak the operator channel's server language; DMs and the log line stay English."""

import asyncio
import logging
import sqlite3
from types import SimpleNamespace

import pytest

from bot.core.metrics import Metrics
from bot.operations import OperatorAlerts

GUILD = 42


class Publisher:
    def __init__(self, guild_locale: str | None) -> None:
        guild = None if guild_locale is None else SimpleNamespace(id=GUILD, preferred_locale=guild_locale)
        self.channel_ = SimpleNamespace(guild=guild)
        self.sent: list[str] = []
        self.dms: list[tuple[int, str]] = []

    async def channel(self, channel_id, priority):
        return self.channel_

    async def send(self, channel, priority, content=None, **options):
        self.sent.append(content)

    async def direct_message(self, user_id, priority, content=None, **options):
        self.dms.append((user_id, content))


class Languages:
    def __init__(self, chosen: str | None = None, *, broken: bool = False) -> None:
        self.chosen, self.broken = chosen, broken

    async def guild_language(self, guild_id: int) -> str | None:
        if self.broken:
            raise sqlite3.OperationalError("database is locked")
        assert guild_id == GUILD
        return self.chosen


def alerts(publisher: Publisher, languages: Languages, *, channel_id: int | None = 7) -> OperatorAlerts:
    bot = SimpleNamespace(
        settings=SimpleNamespace(alert_interval_s=3600.0, operator_channel_id=channel_id), metrics=Metrics(),
        loops=SimpleNamespace(on_restart=None), publisher=publisher, languages=languages,
        application=SimpleNamespace(owner=SimpleNamespace(id=99)),
    )
    return OperatorAlerts(bot)


async def raise_and_wait(sender: OperatorAlerts, kind: str, **fields) -> None:
    sender.alert(kind, **fields)
    await asyncio.gather(*sender._tasks)


@pytest.mark.parametrize(("guild_locale", "languages", "expected"), [
    ("es-ES", Languages(), "ℹ️ Se ha alcanzado el límite diario global (GLOBAL_DAILY_CAP): se rechaza a los miembros "
                           "hasta que se libere."),
    ("en-US", Languages("ja"), "ℹ️ 全体の 1 日の上限（GLOBAL_DAILY_CAP）に達しました。"
                               "空きが出るまでメンバーのリクエストは断られます。"),
    ("pt-BR", Languages(broken=True), "ℹ️ O limite diário global (GLOBAL_DAILY_CAP) foi atingido: os membros são "
                                      "recusados até ele liberar."),
])
async def test_the_operator_channel_reads_its_servers_language(caplog, guild_locale, languages, expected):
    caplog.set_level(logging.INFO, "songjam.operations")
    publisher = Publisher(guild_locale)
    await raise_and_wait(alerts(publisher, languages), "global-cap")
    assert publisher.sent == [expected]
    assert "operator alert global-cap: ℹ️ The global daily cap (GLOBAL_DAILY_CAP) is reached" in caplog.text
    if languages.broken:
        assert "its server's locale is used" in caplog.text, "the database's trouble never holds the alert back"


async def test_the_owners_dm_and_a_channel_outside_a_server_are_english():
    publisher = Publisher(None)
    await raise_and_wait(alerts(publisher, Languages("ja")), "loop-restarts", loop="jams", count=3)
    assert publisher.sent == ["⚠️ Background loop `jams` keeps restarting (3 times in 10 minutes); see the logs."]
    direct = Publisher("ja")
    await raise_and_wait(alerts(direct, Languages("ja"), channel_id=None), "api-failing", count=5)
    assert direct.sent == []
    assert direct.dms == [(99, "⚠️ The music API keeps failing: 5 transient failures in a row "
                               "(busy, unreachable or timing out). Songs are retried or refunded.")]
