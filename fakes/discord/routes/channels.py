"""Channel, message, reaction, thread and DM routes."""

from __future__ import annotations

from aiohttp import web

from fakes.discord import errors, events, messages
from fakes.discord import permissions as perm
from fakes.discord.cdn import url_path
from fakes.discord.events import Event
from fakes.discord.messages import UploadedFile
from fakes.discord.models import DM, PRIVATE_THREAD, PUBLIC_THREAD, FakeChannel, Json, StoredMessage
from fakes.discord.responses import json_response, no_content
from fakes.discord.routes.common import API, query_int, require, snowflake
from fakes.discord.state import World

CREATE_PRIVATE_THREADS = 1 << 36


class ChannelRoutes:
    """``/channels/...``, ``/users/@me/channels`` and ``/attachments/refresh-urls``."""

    def __init__(self, world: World) -> None:
        self.world = world

    def routes(self) -> list[web.RouteDef]:
        """The route table."""
        ch = f"{API}/channels/{{channel_id}}"
        msg = f"{ch}/messages/{{message_id}}"
        return [
            web.get(ch, self.get_channel),
            web.delete(ch, self.delete_channel),
            web.get(f"{ch}/messages", self.list_messages),
            web.post(f"{ch}/messages", self.create_message),
            web.get(msg, self.get_message),
            web.patch(msg, self.edit_message),
            web.delete(msg, self.delete_message),
            web.put(f"{msg}/reactions/{{emoji}}/{{user}}", self.add_reaction),
            web.delete(f"{msg}/reactions/{{emoji}}/{{user}}", self.remove_reaction),
            web.post(f"{ch}/typing", self.typing),
            web.post(f"{ch}/threads", self.create_thread),
            web.post(f"{msg}/threads", self.create_thread),
            web.post(f"{API}/users/@me/channels", self.open_dm),
            web.post(f"{API}/attachments/refresh-urls", self.refresh_urls),
        ]

    # ------------------------------------------------------------------ channels

    async def get_channel(self, request: web.Request) -> web.Response:
        """GET /channels/{id}."""
        channel = self.world.channel(snowflake(request, "channel_id"))
        require(self.world, channel)
        return json_response(self.world.channel_payload(channel))

    async def delete_channel(self, request: web.Request) -> web.Response:
        """DELETE /channels/{id} (MANAGE_CHANNELS, or MANAGE_THREADS for a thread)."""
        channel = self.world.channel(snowflake(request, "channel_id"))
        if channel.type == DM:
            return json_response(self.world.channel_payload(channel))
        require(self.world, channel, perm.MANAGE_THREADS if channel.is_thread else perm.MANAGE_CHANNELS)
        self.world.delete_channel(channel)
        return json_response(self.world.channel_payload(channel))

    async def typing(self, request: web.Request) -> web.Response:
        """POST /channels/{id}/typing."""
        channel = self.world.channel(snowflake(request, "channel_id"))
        self._check_can_send(channel, {})
        return no_content()

    async def create_thread(self, request: web.Request) -> web.Response:
        """POST /channels/{id}/threads and /channels/{id}/messages/{mid}/threads."""
        parent = self.world.channel(snowflake(request, "channel_id"))
        if parent.guild_id is None or parent.is_thread:
            raise errors.invalid_form("type", "CHANNEL_TYPE_INVALID", "Cannot create a thread here")
        payload, _ = await messages.read_body(request)
        starter: StoredMessage | None = None
        if "message_id" in request.match_info:
            starter = self.world.message(parent.id, snowflake(request, "message_id"))
        kind = PUBLIC_THREAD if starter is not None else int(payload.get("type") or PRIVATE_THREAD)
        needed = CREATE_PRIVATE_THREADS if kind == PRIVATE_THREAD else perm.CREATE_PUBLIC_THREADS
        require(self.world, parent, needed)
        name = str(payload.get("name") or "")
        if not 1 <= len(name) <= 100:
            raise errors.invalid_form("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
        thread = self.world.add_channel(
            self.world.guild(parent.guild_id),
            name,
            type=kind,
            parent_id=parent.id,
            owner_id=self.world.bot.id,
            channel_id=starter.id if starter is not None else None,
        )
        return json_response(self.world.channel_payload(thread), status=201)

    async def open_dm(self, request: web.Request) -> web.Response:
        """POST /users/@me/channels {recipient_id}."""
        payload, _ = await messages.read_body(request)
        try:
            user = self.world.users[int(payload.get("recipient_id") or 0)]
        except (KeyError, ValueError):
            raise errors.ApiError(400, 50033, "Invalid Recipient(s)") from None
        return json_response(self.world.channel_payload(self.world.dm_channel(user)))

    async def refresh_urls(self, request: web.Request) -> web.Response:
        """POST /attachments/refresh-urls: fresh signed URLs for known attachments."""
        payload, _ = await messages.read_body(request)
        refreshed: list[Json] = []
        for url in payload.get("attachment_urls") or []:
            path = url_path(url)
            parts = path.strip("/").split("/")
            known = self.world.attachments.get(int(parts[2])) if len(parts) == 4 and parts[2].isdigit() else None
            if known is not None and known.filename == parts[3]:  # unknown or deleted files are left out
                refreshed.append({"original": url, "refreshed": self.world.signed_url(path)})
        return json_response({"refreshed_urls": refreshed})

    # ------------------------------------------------------------------ messages

    def _check_can_send(self, channel: FakeChannel, files: dict[int, UploadedFile]) -> None:
        if channel.type == DM:
            recipient = self.world.users.get(channel.recipient_id or 0)
            if recipient is None or not recipient.accepts_dms or recipient.bot:
                raise errors.cannot_dm()
            return
        send = perm.SEND_MESSAGES_IN_THREADS if channel.is_thread else perm.SEND_MESSAGES
        bits = [send, perm.ATTACH_FILES] if files else [send]
        require(self.world, channel, *bits)

    async def create_message(self, request: web.Request) -> web.Response:
        """POST /channels/{id}/messages (JSON or multipart with payload_json + files[n])."""
        channel = self.world.channel(snowflake(request, "channel_id"))
        payload, files = await messages.read_body(request)
        self._check_can_send(channel, files)
        if payload.get("message_reference") and channel.guild_id is not None:
            require(self.world, channel, perm.READ_MESSAGE_HISTORY)
        duplicate = messages.find_nonce_duplicate(self.world, channel, self.world.bot, payload)
        if duplicate is not None:
            return json_response(self.world.message_payload(duplicate, with_nonce=True))
        msg = messages.create_message(self.world, channel, self.world.bot, payload, files)
        return json_response(self.world.message_payload(msg, with_nonce=True))

    async def list_messages(self, request: web.Request) -> web.Response:
        """GET /channels/{id}/messages?before|after|around&limit (newest first)."""
        channel = self.world.channel(snowflake(request, "channel_id"))
        require(self.world, channel)
        if not self.world.permissions_in(channel, self.world.bot.id) & perm.READ_MESSAGE_HISTORY:
            return json_response([])
        limit = query_int(request, "limit") or 50
        if not 1 <= limit <= 100:
            raise errors.invalid_form("limit", "NUMBER_TYPE_MAX", "int value should be <= 100 and >= 1.")
        history = [m for m in self.world.channel_history(channel.id) if not m.ephemeral]
        before, after, around = (query_int(request, k) for k in ("before", "after", "around"))
        if after is not None:
            picked = [m for m in history if m.id > after][:limit]
        elif around is not None:
            older = [m for m in history if m.id < around][-(limit // 2) :] if limit > 1 else []
            newer = [m for m in history if m.id >= around][: limit - len(older)]
            picked = older + newer
        else:
            if before is not None:
                history = [m for m in history if m.id < before]
            picked = history[-limit:]
        picked.sort(key=lambda m: m.id, reverse=True)
        return json_response([self.world.message_payload(m) for m in picked])

    def _message(self, request: web.Request) -> StoredMessage:
        channel = self.world.channel(snowflake(request, "channel_id"))
        require(self.world, channel)
        msg = self.world.message(channel.id, snowflake(request, "message_id"))
        if msg.ephemeral:
            raise errors.unknown_message()
        return msg

    async def get_message(self, request: web.Request) -> web.Response:
        """GET /channels/{id}/messages/{mid}."""
        channel = self.world.channel(snowflake(request, "channel_id"))
        require(self.world, channel, perm.READ_MESSAGE_HISTORY)
        return json_response(self.world.message_payload(self._message(request)))

    async def edit_message(self, request: web.Request) -> web.Response:
        """PATCH /channels/{id}/messages/{mid} (only the bot's own messages)."""
        msg = self._message(request)
        payload, files = await messages.read_body(request)
        if msg.author.id != self.world.bot.id:
            if set(payload) - {"flags"}:
                raise errors.not_author()
        messages.edit_message(self.world, msg, payload, files)
        return json_response(self.world.message_payload(msg))

    async def delete_message(self, request: web.Request) -> web.Response:
        """DELETE /channels/{id}/messages/{mid} (own messages, or MANAGE_MESSAGES)."""
        msg = self._message(request)
        channel = self.world.channel(msg.channel_id)
        if msg.author.id != self.world.bot.id and channel.guild_id is not None:
            require(self.world, channel, perm.MANAGE_MESSAGES)
        messages.delete_message(self.world, msg)
        return no_content()

    # ------------------------------------------------------------------ reactions

    async def add_reaction(self, request: web.Request) -> web.Response:
        """PUT .../reactions/{emoji}/@me."""
        msg = self._message(request)
        if request.match_info["user"] != "@me":
            raise errors.method_not_allowed()
        channel = self.world.channel(msg.channel_id)
        emoji = request.match_info["emoji"]
        users = msg.reactions.get(emoji)
        needed = [perm.READ_MESSAGE_HISTORY] + ([] if users else [perm.ADD_REACTIONS])
        if channel.guild_id is not None:
            require(self.world, channel, *needed)
        if not emoji or emoji.count(":") > 1:
            raise errors.unknown_emoji()
        users = msg.reactions.setdefault(emoji, [])
        if self.world.bot.id not in users:
            users.append(self.world.bot.id)
            self._emit_reaction("MESSAGE_REACTION_ADD", msg, emoji, self.world.bot.id)
        return no_content()

    async def remove_reaction(self, request: web.Request) -> web.Response:
        """DELETE .../reactions/{emoji}/@me or /{user_id} (others' need MANAGE_MESSAGES)."""
        msg = self._message(request)
        channel = self.world.channel(msg.channel_id)
        emoji = request.match_info["emoji"]
        who = request.match_info["user"]
        user_id = self.world.bot.id if who == "@me" else snowflake(request, "user")
        if user_id != self.world.bot.id and channel.guild_id is not None:
            require(self.world, channel, perm.MANAGE_MESSAGES)
        users = msg.reactions.get(emoji, [])
        if user_id in users:
            users.remove(user_id)
            if not users:
                del msg.reactions[emoji]
            self._emit_reaction("MESSAGE_REACTION_REMOVE", msg, emoji, user_id)
        return no_content()

    def _emit_reaction(self, name: str, msg: StoredMessage, emoji: str, user_id: int) -> None:
        emoji_name, _, emoji_id = emoji.partition(":")
        data: Json = {
            "user_id": str(user_id),
            "channel_id": str(msg.channel_id),
            "message_id": str(msg.id),
            "emoji": {"id": emoji_id or None, "name": emoji_name},
            "burst": False,
            "type": 0,
        }
        if msg.guild_id is not None:
            data["guild_id"] = str(msg.guild_id)
        if name == "MESSAGE_REACTION_ADD":
            data["message_author_id"] = str(msg.author.id)
            data["burst_colors"] = []
        intent = events.DIRECT_MESSAGE_REACTIONS
        if msg.guild_id is not None:
            intent = events.GUILD_MESSAGE_REACTIONS
        self.world.emit(Event(name, data, intent=intent))
        self.world.notify()
