"""Interactions: the records the driver waits on and the INTERACTION_CREATE payloads."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fakes.discord import messages
from fakes.discord.models import FakeChannel, FakeUser, Json, StoredAttachment, StoredMessage
from fakes.discord.state import World

APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
MODAL_SUBMIT = 5

#: Time the bot has for its first response, and the token's lifetime for followups/edits.
RESPONSE_WINDOW = 3.0
TOKEN_TTL = 15 * 60.0


@dataclass
class InteractionResponse:
    """The bot's callback (POST /interactions/{id}/{token}/callback).

    ``type``: 4 message, 5 deferred (thinking), 6 deferred update, 7 update message,
    8 autocomplete choices, 9 modal. ``data`` is what the bot sent (the modal for 9,
    ``{"choices": [...]}`` for 8). ``message`` is the message a 4/5/7 created or edited.
    """

    type: int
    data: Json
    ephemeral: bool
    latency: float
    message: StoredMessage | None
    interaction: FakeInteraction = field(repr=False)


@dataclass(eq=False)
class FakeInteraction:
    """One interaction dispatched to the bot, and everything the bot answered."""

    id: int
    token: str
    type: int
    user: FakeUser
    channel_id: int
    guild_id: int | None
    payload: Json = field(repr=False)
    world: World = field(repr=False)
    created_at: float = 0.0
    message_id: int | None = None
    source: FakeInteraction | None = field(default=None, repr=False)
    delivered_at: float | None = None
    response: InteractionResponse | None = None
    original_id: int | None = None
    followup_ids: list[int] = field(default_factory=list)
    defer_pending: bool = False

    @property
    def data(self) -> Json:
        """The interaction's ``data`` object as dispatched."""
        return self.payload["data"]

    @property
    def started_at(self) -> float:
        """When the bot got the event (fake clock); the 3 s and 15 min windows start here."""
        return self.created_at if self.delivered_at is None else self.delivered_at

    @property
    def original(self) -> StoredMessage | None:
        """The original response message (for 6/7: the message the component is on)."""
        if self.original_id is None:
            return None
        msg = self.world.messages.get(self.original_id)
        return None if msg is None or msg.deleted else msg

    @property
    def followups(self) -> list[StoredMessage]:
        """Messages sent through POST /webhooks/{app}/{token}, in order (deleted ones too).

        The first followup after a defer is the edited "thinking" message, so it is also
        :attr:`original`.
        """
        return [self.world.messages[m] for m in self.followup_ids]

    async def wait_response(self, timeout: float = 5.0) -> InteractionResponse:  # noqa: ASYNC109
        """The bot's callback, once it arrives."""
        return await self.world.wait_for(lambda: self.response, timeout, f"a response to interaction {self.id}")

    async def wait_original(self, timeout: float = 5.0) -> StoredMessage:  # noqa: ASYNC109
        """The original response once it is no longer a "thinking..." placeholder."""

        def check() -> StoredMessage | None:
            msg = self.original
            return msg if msg is not None and not msg.loading else None

        return await self.world.wait_for(check, timeout, f"the original response of {self.id}")

    async def wait_followups(self, count: int = 1, timeout: float = 5.0) -> list[StoredMessage]:  # noqa: ASYNC109
        """Wait until at least ``count`` followups exist; returns all of them."""
        return await self.world.wait_for(
            lambda: self.followups if len(self.followup_ids) >= count else None,
            timeout,
            f"{count} followup(s) of interaction {self.id}",
        )


def new_interaction(
    world: World,
    *,
    type: int,
    user: FakeUser,
    channel: FakeChannel,
    data: Json,
    message: StoredMessage | None = None,
    source: FakeInteraction | None = None,
) -> FakeInteraction:
    """Build the INTERACTION_CREATE payload exactly as discord.py 2.7 reads it."""
    interaction_id = world.snowflakes.next()
    token = "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(48)
    payload: Json = {
        "id": str(interaction_id),
        "application_id": str(world.application_id),
        "type": type,
        "data": data,
        "token": token,
        "version": 1,
        "channel_id": str(channel.id),
        "channel": world.channel_payload(channel, for_user=user.id),
        "app_permissions": str(world.permissions_in(channel, world.bot.id)),
        "locale": user.locale,
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": messages.upload_limit(world, channel),
    }
    if channel.guild_id is not None:
        guild = world.guild(channel.guild_id)
        member = guild.members.get(user.id)
        if member is None:
            raise ValueError(f"{user.username} is not a member of guild {guild.name!r}")
        payload |= {
            "guild_id": str(guild.id),
            "guild": {"id": str(guild.id), "locale": guild.preferred_locale, "features": []},
            "guild_locale": guild.preferred_locale,
            "member": member.to_payload(permissions=world.permissions_in(channel, user.id)),
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
        }
    else:
        if channel.recipient_id != user.id:
            raise ValueError(f"{user.username} is not the recipient of DM channel {channel.id}")
        payload |= {
            "user": user.to_payload(),
            "authorizing_integration_owners": {"0": "0"},
            "context": 1,
        }
    if message is not None:
        payload["message"] = world.message_payload(message)
    interaction = FakeInteraction(
        id=interaction_id,
        token=token,
        type=type,
        user=user,
        channel_id=channel.id,
        guild_id=channel.guild_id,
        payload=payload,
        world=world,
        created_at=world.clock.now(),
        message_id=message.id if message is not None else None,
        source=source,
    )
    return interaction


def interaction_metadata(interaction: FakeInteraction) -> Json:
    """``interaction_metadata`` of a message created by a response to this interaction."""
    meta: Json = {
        "id": str(interaction.id),
        "type": interaction.type,
        "user": interaction.user.to_payload(),
        "authorizing_integration_owners": interaction.payload["authorizing_integration_owners"],
    }
    if interaction.type == APPLICATION_COMMAND:
        meta["name"] = interaction.data.get("name", "")
        meta["command_type"] = interaction.data.get("type", 1)
    if interaction.message_id is not None:
        meta["interacted_message_id"] = str(interaction.message_id)
    return meta


# ---------------------------------------------------------------------- modal submits

_TEXT_INPUT = 4
_LABEL = 18
_FILE_UPLOAD = 19
_TEXT_DISPLAY = 10
_ACTION_ROW = 1
_SELECTS = (3, 5, 6, 7, 8)
_RADIO_GROUP = 21
_CHECKBOX_GROUP = 22
_CHECKBOX = 23


def modal_submit_data(
    modal: Json,
    values: Mapping[str, Any],
    files: Mapping[str, StoredAttachment | Sequence[StoredAttachment]],
) -> Json:
    """The ``data`` of a MODAL_SUBMIT for ``modal`` (as the bot sent it) filled with values.

    Raises ValueError for what the Discord client would not let a member submit: missing
    required fields, lengths out of range, line breaks in a short text input, unknown ids.
    """
    unknown = (set(values) | set(files)) - set(_custom_ids(modal.get("components") or []))
    if unknown:
        raise ValueError(f"modal {modal.get('custom_id')!r} has no inputs {sorted(unknown)}")
    resolved: dict[str, Json] = {}
    counter = 0

    def submit(component: Json) -> Json:
        nonlocal counter
        counter += 1
        cid = component.get("custom_id")
        kind = component["type"]
        base: Json = {"type": kind, "id": component.get("id", counter)}
        if kind == _TEXT_INPUT:
            value = str(values.get(cid, component.get("value") or ""))
            _check_text(component, value)
            return base | {"custom_id": cid, "value": value}
        if kind == _FILE_UPLOAD:
            uploads = files.get(cid, [])
            chosen = [uploads] if isinstance(uploads, StoredAttachment) else list(uploads)
            _check_count(component, len(chosen), "file(s)")
            for att in chosen:
                resolved[str(att.id)] = att.to_payload() | {"ephemeral": True}
            return base | {"custom_id": cid, "values": [str(a.id) for a in chosen]}
        if kind in _SELECTS or kind == _CHECKBOX_GROUP:
            raw = values.get(cid, [])
            picked = [str(v) for v in ([raw] if isinstance(raw, str | int) else raw)]
            _check_count(component, len(picked), "value(s)")
            return base | {"custom_id": cid, "values": picked}
        if kind == _RADIO_GROUP:
            choice = values.get(cid)
            if choice is None and component_field(component, "required", True):
                raise ValueError(f"modal input {cid!r} is required")
            return base | {"custom_id": cid, "value": choice}
        if kind == _CHECKBOX:
            return base | {"custom_id": cid, "value": bool(values.get(cid, False))}
        return base

    components: list[Json] = []
    for top in modal.get("components") or []:
        if top["type"] == _ACTION_ROW:
            counter += 1
            row_id = top.get("id", counter)
            children = [submit(c) for c in top.get("components") or []]
            components.append({"type": _ACTION_ROW, "id": row_id, "components": children})
        elif top["type"] == _LABEL:
            counter += 1
            label_id = top.get("id", counter)
            inner = submit(top["component"])
            components.append({"type": _LABEL, "id": label_id, "component": inner})
        elif top["type"] == _TEXT_DISPLAY:
            counter += 1
            components.append({"type": _TEXT_DISPLAY, "id": top.get("id", counter)})
    data: Json = {"custom_id": modal["custom_id"], "components": components}
    if resolved:
        data["resolved"] = {"attachments": resolved}
    return data


def _custom_ids(components: list[Json]) -> list[str]:
    found: list[str] = []
    for comp in components:
        if "custom_id" in comp:
            found.append(comp["custom_id"])
        found += _custom_ids(comp.get("components") or [])
        if isinstance(comp.get("component"), dict):
            found += _custom_ids([comp["component"]])
    return found


def component_field(component: Json, key: str, default: Any) -> Any:
    """A component field, with Discord's default when absent or null."""
    value = component.get(key)
    return default if value is None else value


def _check_text(component: Json, value: str) -> None:
    cid = component.get("custom_id")
    if component_field(component, "required", True) and not value:
        raise ValueError(f"modal text input {cid!r} is required")
    if component_field(component, "style", 1) == 1 and "\n" in value:
        raise ValueError(f"modal text input {cid!r} is a short input: it cannot hold line breaks")
    max_length = component_field(component, "max_length", 4000)
    if len(value) > max_length:
        raise ValueError(f"modal text input {cid!r} holds at most {max_length} characters")
    min_length = component_field(component, "min_length", 0)
    if value and len(value) < min_length:
        raise ValueError(f"modal text input {cid!r} needs at least {min_length} characters")


def _check_count(component: Json, count: int, what: str) -> None:
    cid = component.get("custom_id")
    required = component_field(component, "required", True)
    low = component_field(component, "min_values", 1)
    high = component_field(component, "max_values", 1)
    if count == 0 and required:
        raise ValueError(f"modal input {cid!r} is required")
    if count and not low <= count <= high:
        raise ValueError(f"modal input {cid!r} takes {low} to {high} {what}, got {count}")
