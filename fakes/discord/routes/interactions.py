"""Interaction callbacks and the interaction webhook (original response, followups)."""

from __future__ import annotations

from aiohttp import web

from fakes.discord import errors, messages
from fakes.discord.interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    RESPONSE_WINDOW,
    TOKEN_TTL,
    FakeInteraction,
    InteractionResponse,
    interaction_metadata,
)
from fakes.discord.messages import UploadedFile
from fakes.discord.models import FLAG_EPHEMERAL, FLAG_LOADING, Json, StoredMessage
from fakes.discord.responses import json_response, no_content
from fakes.discord.routes.common import API, snowflake
from fakes.discord.state import World

#: Callback types each interaction type accepts.
ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: (4, 5, 9),
    MESSAGE_COMPONENT: (4, 5, 6, 7, 9),
    AUTOCOMPLETE: (8,),
    MODAL_SUBMIT: (4, 5, 6, 7),
}

#: Flags an interaction response may set (EPHEMERAL included).
RESPONSE_FLAGS = messages.CREATE_FLAGS | FLAG_EPHEMERAL


class InteractionRoutes:
    """``/interactions/{id}/{token}/callback`` and ``/webhooks/{app_id}/{token}/...``."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.interactions: dict[int, FakeInteraction] = {}
        self.by_token: dict[str, FakeInteraction] = {}

    def register(self, interaction: FakeInteraction) -> None:
        """Make an interaction answerable."""
        self.interactions[interaction.id] = interaction
        self.by_token[interaction.token] = interaction

    def routes(self) -> list[web.RouteDef]:
        """The route table."""
        hook = f"{API}/webhooks/{{application_id}}/{{token}}"
        return [
            web.post(f"{API}/interactions/{{interaction_id}}/{{token}}/callback", self.callback),
            web.post(hook, self.followup),
            web.get(f"{hook}/messages/{{message_id}}", self.get_webhook_message),
            web.patch(f"{hook}/messages/{{message_id}}", self.edit_webhook_message),
            web.delete(f"{hook}/messages/{{message_id}}", self.delete_webhook_message),
        ]

    # ------------------------------------------------------------------ callback

    async def callback(self, request: web.Request) -> web.Response:
        """POST /interactions/{id}/{token}/callback[?with_response=true]."""
        interaction = self.interactions.get(snowflake(request, "interaction_id"))
        if interaction is None or interaction.token != request.match_info["token"]:
            raise errors.unknown_interaction()
        if interaction.response is not None:
            raise errors.already_acknowledged()
        if self.world.clock.now() - interaction.started_at > RESPONSE_WINDOW:
            raise errors.unknown_interaction()
        body, files = await messages.read_body(request)
        kind = body.get("type")
        if kind not in ALLOWED_CALLBACKS[interaction.type]:
            raise errors.invalid_form("type", "INTERACTION_RESPONSE_TYPE_INVALID", f"Invalid response type {kind}")
        data: Json = body.get("data") or {}
        if kind == 7 and interaction.message_id is None:
            raise errors.invalid_form("type", "INTERACTION_RESPONSE_TYPE_INVALID", "No message to update")
        message = self._apply_callback(interaction, kind, data, files)
        ephemeral = (
            bool(message.ephemeral) if message is not None else bool(int(data.get("flags") or 0) & FLAG_EPHEMERAL)
        )
        interaction.response = InteractionResponse(
            type=kind,
            data=data,
            ephemeral=ephemeral,
            latency=self.world.clock.now() - interaction.started_at,
            message=message,
            interaction=interaction,
        )
        self.world.notify()
        if request.query.get("with_response") not in ("1", "true", "True"):
            return no_content()
        result: Json = {"id": str(interaction.id), "type": interaction.type}
        if kind in (4, 5, 7) and message is not None:
            result |= {
                "response_message_id": str(message.id),
                "response_message_loading": message.loading,
                "response_message_ephemeral": message.ephemeral,
            }
        body_out: Json = {"interaction": result}
        if kind in (4, 5, 7) and message is not None:
            body_out["resource"] = {"type": kind, "message": self.world.message_payload(message)}
        return json_response(body_out)

    def _apply_callback(
        self, interaction: FakeInteraction, kind: int, data: Json, files: dict[int, UploadedFile]
    ) -> StoredMessage | None:
        channel = self.world.channel(interaction.channel_id)
        if kind == 4:
            msg = self._create(interaction, data, files, extra_flags=0)
            interaction.original_id = msg.id
            return msg
        if kind == 5:
            flags = int(data.get("flags") or 0) & FLAG_EPHEMERAL
            msg = self._create(interaction, {"flags": flags}, {}, extra_flags=FLAG_LOADING)
            interaction.original_id = msg.id
            interaction.defer_pending = True
            return msg
        if kind in (6, 7):
            interaction.original_id = interaction.message_id
            if kind == 6 or interaction.message_id is None:
                return None
            target = self.world.message(channel.id, interaction.message_id)
            return messages.edit_message(self.world, target, data, files)
        if kind == 8:
            choices = data.get("choices") or []
            if len(choices) > 25:
                raise errors.invalid_form("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
            return None
        title = str(data.get("title") or "")
        if not data.get("custom_id") or not 1 <= len(title) <= 45:
            raise errors.invalid_form("data", "MODAL_INVALID", "A modal needs a custom_id and a 1-45 character title")
        if not 1 <= len(data.get("components") or []) <= 5:
            raise errors.invalid_form("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
        return None

    def _create(
        self,
        interaction: FakeInteraction,
        payload: Json,
        files: dict[int, UploadedFile],
        *,
        extra_flags: int,
    ) -> StoredMessage:
        channel = self.world.channel(interaction.channel_id)
        return messages.create_message(
            self.world,
            channel,
            self.world.bot,
            payload,
            files,
            type=20 if interaction.type == APPLICATION_COMMAND else 0,
            allowed_flags=RESPONSE_FLAGS,
            webhook_id=self.world.application_id,
            interaction_metadata=interaction_metadata(interaction),
            interaction_id=interaction.id,
            extra_flags=extra_flags,
            allow_empty=bool(extra_flags & FLAG_LOADING),
        )

    # ------------------------------------------------------------------ webhook

    def _interaction(self, request: web.Request) -> FakeInteraction:
        if snowflake(request, "application_id") != self.world.application_id:
            raise errors.unknown_webhook()
        interaction = self.by_token.get(request.match_info["token"])
        if interaction is None:
            raise errors.unknown_webhook()
        if self.world.clock.now() - interaction.started_at > TOKEN_TTL:
            raise errors.invalid_webhook_token()
        if interaction.response is None:
            raise errors.unknown_webhook()
        return interaction

    def _target(self, interaction: FakeInteraction, request: web.Request) -> StoredMessage:
        raw = request.match_info["message_id"]
        if raw == "@original":
            msg = interaction.original
            if msg is None:
                raise errors.unknown_message()
            return msg
        message_id = snowflake(request, "message_id")
        if message_id not in interaction.followup_ids and message_id != interaction.original_id:
            raise errors.unknown_message()
        msg = self.world.messages.get(message_id)
        if msg is None or msg.deleted:
            raise errors.unknown_message()
        return msg

    async def followup(self, request: web.Request) -> web.Response:
        """POST /webhooks/{app}/{token}[?wait=true]: the first one after a defer fills it in."""
        interaction = self._interaction(request)
        payload, files = await messages.read_body(request)
        original = interaction.original
        if interaction.defer_pending and original is not None and original.loading:
            edit = {k: v for k, v in payload.items() if k != "flags"}
            msg = messages.edit_message(self.world, original, edit, files)
        else:
            msg = self._create(interaction, payload, files, extra_flags=0)
        interaction.defer_pending = False
        interaction.followup_ids.append(msg.id)
        self.world.notify()
        if request.query.get("wait") in ("1", "true", "True"):
            return json_response(self.world.message_payload(msg))
        return no_content()

    async def get_webhook_message(self, request: web.Request) -> web.Response:
        """GET /webhooks/{app}/{token}/messages/{id|@original}."""
        interaction = self._interaction(request)
        return json_response(self.world.message_payload(self._target(interaction, request)))

    async def edit_webhook_message(self, request: web.Request) -> web.Response:
        """PATCH /webhooks/{app}/{token}/messages/{id|@original}."""
        interaction = self._interaction(request)
        msg = self._target(interaction, request)
        payload, files = await messages.read_body(request)
        if msg.loading:
            interaction.defer_pending = False
        messages.edit_message(self.world, msg, payload, files)
        return json_response(self.world.message_payload(msg))

    async def delete_webhook_message(self, request: web.Request) -> web.Response:
        """DELETE /webhooks/{app}/{token}/messages/{id|@original}."""
        interaction = self._interaction(request)
        messages.delete_message(self.world, self._target(interaction, request))
        return no_content()
