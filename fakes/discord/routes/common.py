"""Helpers shared by the REST route modules."""

from __future__ import annotations

from aiohttp import web

from fakes.discord import errors, permissions
from fakes.discord.models import FakeChannel
from fakes.discord.state import World

API = "/api/v10"


def snowflake(request: web.Request, name: str) -> int:
    """An id path parameter (400 / 50035 when it is not a number)."""
    raw = request.match_info[name]
    try:
        return int(raw)
    except ValueError:
        raise errors.invalid_form(name, "NUMBER_TYPE_COERCE", f'Value "{raw}" is not snowflake.') from None


def query_int(request: web.Request, name: str) -> int | None:
    """An optional integer query parameter."""
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise errors.invalid_form(name, "NUMBER_TYPE_COERCE", f'Value "{raw}" is not int.') from None


def require(world: World, channel: FakeChannel, *bits: int) -> None:
    """The bot must see the channel (else 403 / 50001) and hold every bit (else 403 / 50013)."""
    perms = world.permissions_in(channel, world.bot.id)
    if not perms & permissions.VIEW_CHANNEL:
        raise errors.missing_access()
    for bit in bits:
        if not perms & bit:
            raise errors.missing_permissions()
