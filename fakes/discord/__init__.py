"""A faithful local fake of Discord (gateway, REST, CDN) with a driver for tests.

See README.md in this directory for the driver API.
"""

from fakes.discord.commands import CommandUnavailable
from fakes.discord.driver import FakeDiscord
from fakes.discord.faults import Fault
from fakes.discord.interactions import FakeInteraction, InteractionResponse
from fakes.discord.models import (
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeRole,
    FakeUser,
    StoredAttachment,
    StoredMessage,
)
from fakes.discord.permissions import Overwrite
from fakes.discord.server import RequestRecord

__all__ = [
    "CommandUnavailable",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeInteraction",
    "FakeMember",
    "FakeRole",
    "FakeUser",
    "Fault",
    "InteractionResponse",
    "Overwrite",
    "RequestRecord",
    "StoredAttachment",
    "StoredMessage",
]
