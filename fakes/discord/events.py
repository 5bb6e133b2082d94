"""Gateway events the world emits, and the intents that gate them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

GUILDS = 1 << 0
GUILD_MEMBERS = 1 << 1
GUILD_PRESENCES = 1 << 8
GUILD_MESSAGES = 1 << 9
GUILD_MESSAGE_REACTIONS = 1 << 10
DIRECT_MESSAGES = 1 << 12
DIRECT_MESSAGE_REACTIONS = 1 << 13
MESSAGE_CONTENT = 1 << 15

#: Intents an application must have switched on in the developer portal.
PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT


@dataclass
class Event:
    """One DISPATCH (op 0) event.

    ``intent`` is the intent a session needs to receive it (None: always sent). When
    ``content_gated`` is set and the session lacks MESSAGE_CONTENT, the message's content,
    embeds, attachments and components are blanked, as Discord does (unless ``content_visible``).
    ``on_delivered`` runs once, when the first session writes the event to its socket.
    """

    name: str
    data: dict[str, Any]
    intent: int | None = None
    content_gated: bool = False
    content_visible: bool = False
    on_delivered: Callable[[], None] | None = field(default=None, repr=False)


EventSink = Callable[[Event], None]
