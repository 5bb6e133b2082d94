"""The World: every entity the fake knows, lookups, permissions and Discord JSON payloads."""

from __future__ import annotations

import asyncio
import mimetypes
import os
from collections.abc import Callable
from typing import Any, TypeVar

from fakes.discord import errors, events, permissions
from fakes.discord.cdn import DEFAULT_TTL, CdnSigner
from fakes.discord.events import Event, EventSink
from fakes.discord.models import (
    BOT_ADD,
    DM,
    GUILD_CATEGORY,
    GUILD_VOICE,
    AuditLogEntry,
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeRole,
    FakeUser,
    Json,
    StoredAttachment,
    StoredMessage,
)
from fakes.discord.permissions import Overwrite
from fakes.discord.snowflakes import Clock, SnowflakeGenerator

T = TypeVar("T")


class World:
    """All state of the fake Discord, shared by the gateway, REST routes, CDN and driver."""

    def __init__(self, *, token: str, bot_name: str, privileged_intents: int) -> None:
        self.clock = Clock()
        self.snowflakes = SnowflakeGenerator(self.clock)
        self.cdn = CdnSigner(os.urandom(16))
        self.token = token
        self.base_url = ""
        self.privileged_intents = privileged_intents
        self.bot = FakeUser(id=self.snowflakes.next(), username=bot_name, bot=True)
        self.owner = FakeUser(id=self.snowflakes.next(), username="owner")
        self.users: dict[int, FakeUser] = {self.bot.id: self.bot, self.owner.id: self.owner}
        self.guilds: dict[int, FakeGuild] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.messages: dict[int, StoredMessage] = {}
        self.channel_messages: dict[int, list[int]] = {}
        self.attachments: dict[int, StoredAttachment] = {}
        self.dm_channels: dict[int, int] = {}
        #: Synced application commands: key None = global, else guild id.
        self.commands: dict[int | None, list[Json]] = {}
        #: Ids handed out for commands used before any sync (stable per name).
        self.unsynced_command_ids: dict[str, int] = {}
        #: (channel id, author id, nonce) -> (message id, created at)
        self.nonces: dict[tuple[int, int, str], tuple[int, float]] = {}
        self.emit: EventSink = lambda event: None
        self._changed = asyncio.Event()
        #: Sharding: the count GET /gateway/bot recommends, how many buckets may identify at once,
        #: the most guilds one session may carry (more: IDENTIFY is closed with 4011), sessions started.
        self.shard_count = 1
        self.max_concurrency = 1
        self.guilds_per_shard = 2500
        self.session_starts = 0

    @property
    def application_id(self) -> int:
        """Modern applications share the bot user's id."""
        return self.bot.id

    # ------------------------------------------------------------------ change notification

    def notify(self) -> None:
        """Wake everything waiting in :meth:`wait_for`."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for(self, check: Callable[[], T | None], within: float, what: str) -> T:
        """Wait until ``check()`` returns something other than None (re-checked on every change)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            result = check()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"fake discord: timed out after {within}s waiting for {what}")
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), timeout=remaining)
            except TimeoutError:
                continue

    # ------------------------------------------------------------------ lookups

    def guild(self, guild_id: int) -> FakeGuild:
        """A guild the bot is in, else 404 10004."""
        guild = self.guilds.get(guild_id)
        if guild is None or not self.has_bot(guild):
            raise errors.unknown_guild()
        return guild

    def has_bot(self, guild: FakeGuild | int) -> bool:
        """Whether the bot is a member of the guild (its events and REST routes are the bot's only then)."""
        found = self.guilds.get(guild) if isinstance(guild, int) else guild
        return found is not None and self.bot.id in found.members

    def channel(self, channel_id: int) -> FakeChannel:
        """A live channel, else 404 10003."""
        channel = self.channels.get(channel_id)
        if channel is None or channel.deleted:
            raise errors.unknown_channel()
        if channel.guild_id is not None and not self.has_bot(channel.guild_id):
            raise errors.missing_access()  # a channel of a guild the bot is not in
        return channel

    def user(self, user_id: int) -> FakeUser:
        """A known user, else 404 10013."""
        try:
            return self.users[user_id]
        except KeyError:
            raise errors.unknown_user() from None

    def member(self, guild_id: int, user_id: int) -> FakeMember:
        """A guild member, else 404 10007."""
        try:
            return self.guild(guild_id).members[user_id]
        except KeyError:
            raise errors.unknown_member() from None

    def message(self, channel_id: int, message_id: int) -> StoredMessage:
        """A live message in a channel, else 404 10008."""
        msg = self.messages.get(message_id)
        if msg is None or msg.deleted or msg.channel_id != channel_id:
            raise errors.unknown_message()
        return msg

    def channel_history(self, channel_id: int) -> list[StoredMessage]:
        """Live messages of a channel, oldest first."""
        return [
            self.messages[mid] for mid in self.channel_messages.get(channel_id, []) if not self.messages[mid].deleted
        ]

    # ------------------------------------------------------------------ permissions

    def guild_permissions(self, guild: FakeGuild, user_id: int) -> int:
        """A member's guild-level permissions (0 if not a member)."""
        member = guild.members.get(user_id)
        if member is None:
            return 0
        return permissions.base_permissions(
            everyone=guild.everyone.permissions,
            role_permissions=[guild.roles[r].permissions for r in member.roles if r in guild.roles],
            is_owner=guild.owner_id == user_id,
        )

    def permissions_in(self, channel: FakeChannel, user_id: int) -> int:
        """A user's permissions in a channel, overwrites applied (threads use their parent's)."""
        if channel.guild_id is None:
            return (
                permissions.VIEW_CHANNEL
                | permissions.SEND_MESSAGES
                | permissions.ATTACH_FILES
                | (permissions.EMBED_LINKS | permissions.READ_MESSAGE_HISTORY | permissions.ADD_REACTIONS)
            )
        guild = self.guild(channel.guild_id)
        source = channel
        if channel.is_thread and channel.parent_id in self.channels:
            source = self.channels[channel.parent_id]
        member = guild.members.get(user_id)
        base = self.guild_permissions(guild, user_id)
        return permissions.channel_permissions(
            base,
            guild_id=guild.id,
            member_id=user_id,
            member_roles=member.roles if member else [],
            overwrites=source.overwrites,
        )

    def top_role_position(self, guild: FakeGuild, user_id: int) -> int:
        """Position of a member's highest role (0 = only @everyone)."""
        member = guild.members.get(user_id)
        if member is None:
            return -1
        return max([guild.roles[r].position for r in member.roles if r in guild.roles], default=0)

    # ------------------------------------------------------------------ entities

    def add_user(self, username: str, *, bot: bool = False, accepts_dms: bool = True) -> FakeUser:
        """Register a new user."""
        user = FakeUser(id=self.snowflakes.next(), username=username, bot=bot, accepts_dms=accepts_dms)
        self.users[user.id] = user
        return user

    def add_guild(
        self, name: str, *, premium_tier: int, owner: FakeUser, bot_permissions: int, guild_id: int | None = None,
        with_bot: bool = True,
    ) -> FakeGuild:
        """A guild with @everyone, the bot's managed role, the bot and the owner as members.

        ``with_bot=False``: without the bot (nothing is emitted); :meth:`join_guild` adds it later.
        """
        guild = FakeGuild(
            id=guild_id or self.snowflakes.next(),
            name=name,
            owner_id=owner.id,
            premium_tier=premium_tier,
            joined_at=self.clock.iso(),
        )
        guild.roles[guild.id] = FakeRole(
            id=guild.id, guild_id=guild.id, name="@everyone", permissions=permissions.DEFAULT_EVERYONE
        )
        self.guilds[guild.id] = guild
        if with_bot:
            self._add_bot(guild, bot_permissions)
        self._join(guild, owner, [])
        if with_bot:
            self.emit(Event("GUILD_CREATE", self.guild_create_payload(guild, with_members=False)))
        return guild

    def join_guild(self, guild: FakeGuild, *, added_by: FakeUser, bot_permissions: int) -> None:
        """The bot is added to a guild by ``added_by`` (OAuth2 ``bot`` scope): its managed role and member,
        a BOT_ADD audit log entry, then GUILD_CREATE as Discord sends it for a join (no ``unavailable``
        key, which discord.py reads as a new guild: ``on_guild_join``)."""
        if self.has_bot(guild):
            raise ValueError(f"the bot is already in guild {guild.id}")
        if not self.guild_permissions(guild, added_by.id) & (permissions.MANAGE_GUILD | permissions.ADMINISTRATOR):
            raise ValueError(f"{added_by.username} needs Manage Server in guild {guild.id} to add a bot")
        guild.joined_at = self.clock.iso()
        self._add_bot(guild, bot_permissions)
        guild.audit_log.append(
            AuditLogEntry(id=self.snowflakes.next(), action_type=BOT_ADD, user_id=added_by.id, target_id=self.bot.id)
        )
        payload = self.guild_create_payload(guild, with_members=False)
        del payload["unavailable"]
        self.emit(Event("GUILD_CREATE", payload))
        self.notify()

    def set_system_channel(self, guild: FakeGuild, channel_id: int | None) -> None:
        """Where Discord posts join messages and boosts (GUILD_UPDATE is sent)."""
        guild.system_channel_id = channel_id
        self.emit(Event("GUILD_UPDATE", guild.to_payload(), intent=events.GUILDS))
        self.notify()

    def _add_bot(self, guild: FakeGuild, bot_permissions: int) -> None:
        """The bot's managed role (just above @everyone, as a new integration's role is) and its member."""
        for other in guild.roles.values():
            if other.id != guild.id:
                other.position += 1
        bot_role = FakeRole(
            id=self.snowflakes.next(),
            guild_id=guild.id,
            name=self.bot.username,
            permissions=bot_permissions,
            position=1,
            managed=True,
            bot_id=self.bot.id,
        )
        guild.roles[bot_role.id] = bot_role
        self._join(guild, self.bot, [bot_role.id])

    def _join(self, guild: FakeGuild, user: FakeUser, roles: list[int]) -> FakeMember:
        member = FakeMember(user=user, guild_id=guild.id, roles=roles, joined_at=self.clock.iso())
        guild.members[user.id] = member
        return member

    def add_member(self, guild: FakeGuild, user: FakeUser, roles: list[int]) -> FakeMember:
        """Add a user to a guild (GUILD_MEMBER_ADD needs the members intent)."""
        member = self._join(guild, user, roles)
        payload = member.to_payload() | {"guild_id": str(guild.id)}
        self.emit(Event("GUILD_MEMBER_ADD", payload, intent=events.GUILD_MEMBERS))
        return member

    def add_role(self, guild: FakeGuild, name: str, *, permissions_value: int, mentionable: bool) -> FakeRole:
        """A new role placed just above @everyone (others shift up), like Discord."""
        shifted = [r for r in guild.roles.values() if r.id != guild.id]
        for other in shifted:
            other.position += 1
        role = FakeRole(
            id=self.snowflakes.next(),
            guild_id=guild.id,
            name=name,
            permissions=permissions_value,
            position=1,
            mentionable=mentionable,
        )
        guild.roles[role.id] = role
        for changed in [*shifted, role]:
            event_name = "GUILD_ROLE_CREATE" if changed is role else "GUILD_ROLE_UPDATE"
            data = {"guild_id": str(guild.id), "role": changed.to_payload()}
            self.emit(Event(event_name, data, intent=events.GUILDS))
        return role

    def add_channel(
        self,
        guild: FakeGuild,
        name: str,
        *,
        type: int,
        parent_id: int | None = None,
        topic: str | None = None,
        overwrites: list[Overwrite] | None = None,
        owner_id: int | None = None,
        channel_id: int | None = None,
    ) -> FakeChannel:
        """A guild channel or thread; emits CHANNEL_CREATE / THREAD_CREATE.

        ``channel_id`` is given for a thread started from a message (it takes the message's id).
        """
        channel = FakeChannel(
            id=channel_id or self.snowflakes.next(),
            type=type,
            name=name,
            guild_id=guild.id,
            position=len(guild.channel_ids),
            parent_id=parent_id,
            topic=topic,
            overwrites=list(overwrites or []),
            owner_id=owner_id,
            created_at=self.clock.iso(),
        )
        self.channels[channel.id] = channel
        guild.channel_ids.append(channel.id)
        name_ = "THREAD_CREATE" if channel.is_thread else "CHANNEL_CREATE"
        payload = self.channel_payload(channel)
        if channel.is_thread:
            payload["newly_created"] = True
        self.emit(Event(name_, payload, intent=events.GUILDS))
        return channel

    def update_channel(self, channel: FakeChannel) -> None:
        """Announce a changed channel (CHANNEL_UPDATE)."""
        self.emit(Event("CHANNEL_UPDATE", self.channel_payload(channel), intent=events.GUILDS))
        self.notify()

    def delete_channel(self, channel: FakeChannel) -> None:
        """Delete a channel: later requests get 404 10003; emits CHANNEL_DELETE."""
        channel.deleted = True
        name = "THREAD_DELETE" if channel.is_thread else "CHANNEL_DELETE"
        self.emit(Event(name, self.channel_payload(channel), intent=events.GUILDS))
        self.notify()

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        """The bot's DM channel with a user (created on first use)."""
        channel_id = self.dm_channels.get(user.id)
        if channel_id is not None:
            return self.channels[channel_id]
        channel = FakeChannel(id=self.snowflakes.next(), type=DM, recipient_id=user.id, created_at=self.clock.iso())
        self.channels[channel.id] = channel
        self.dm_channels[user.id] = channel.id
        return channel

    def update_member(self, guild: FakeGuild, member: FakeMember) -> None:
        """Announce changed member roles (GUILD_MEMBER_UPDATE needs the members intent)."""
        payload = member.to_payload() | {"guild_id": str(guild.id)}
        self.emit(Event("GUILD_MEMBER_UPDATE", payload, intent=events.GUILD_MEMBERS))
        self.notify()

    def make_attachment(
        self,
        filename: str,
        data: bytes,
        *,
        content_type: str | None,
        channel_id: int | None,
        description: str | None = None,
        ephemeral: bool = False,
        ttl: float = DEFAULT_TTL,
    ) -> StoredAttachment:
        """Store bytes on the CDN and return the attachment with a signed, expiring URL."""
        attachment_id = self.snowflakes.next()
        filename = filename.replace(" ", "_")
        prefix = "ephemeral-attachments" if ephemeral else "attachments"
        path = f"/{prefix}/{channel_id or 0}/{attachment_id}/{filename}"
        attachment = StoredAttachment(
            id=attachment_id,
            filename=filename,
            data=data,
            content_type=content_type or mimetypes.guess_type(filename)[0],
            url="",
            description=description,
            ephemeral=ephemeral,
        )
        attachment.url = self.signed_url(path, ttl=ttl)
        self.attachments[attachment_id] = attachment
        return attachment

    def signed_url(self, path: str, *, ttl: float = DEFAULT_TTL) -> str:
        """An absolute CDN URL for ``path`` that expires after ``ttl`` seconds."""
        if not self.base_url:
            raise RuntimeError("fake discord: start() the server before making attachments")
        return f"{self.base_url}{path}?{self.cdn.sign(path, now=self.clock.now(), ttl=ttl)}&"

    # ------------------------------------------------------------------ payloads

    def channel_payload(self, channel: FakeChannel, *, for_user: int | None = None) -> Json:
        """Discord channel JSON; ``for_user`` adds the ``permissions`` field interactions carry."""
        payload: Json = {"id": str(channel.id), "type": channel.type, "flags": 0}
        payload["last_message_id"] = str(channel.last_message_id) if channel.last_message_id else None
        if channel.type == DM:
            recipient = self.users[channel.recipient_id or 0]
            payload["recipients"] = [recipient.to_payload()]
        elif channel.is_thread:
            count = len(self.channel_history(channel.id))
            payload |= {
                "guild_id": str(channel.guild_id),
                "parent_id": str(channel.parent_id),
                "owner_id": str(channel.owner_id or self.bot.id),
                "name": channel.name,
                "rate_limit_per_user": 0,
                "message_count": count,
                "member_count": 1,
                "total_message_sent": count,
                "thread_metadata": {
                    "archived": False,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": channel.created_at,
                    "locked": False,
                    "invitable": True,
                    "create_timestamp": channel.created_at,
                },
            }
        else:
            payload |= {
                "guild_id": str(channel.guild_id),
                "name": channel.name,
                "position": channel.position,
                "permission_overwrites": [o.to_payload() for o in channel.overwrites],
                "parent_id": str(channel.parent_id) if channel.parent_id else None,
                "nsfw": channel.nsfw,
            }
            if channel.type == GUILD_VOICE:
                payload |= {"bitrate": 64000, "user_limit": 0, "rtc_region": None}
            elif channel.type != GUILD_CATEGORY:
                payload |= {"topic": channel.topic, "rate_limit_per_user": 0}
        if for_user is not None:
            payload["permissions"] = str(self.permissions_in(channel, for_user))
        return payload

    def guild_create_payload(self, guild: FakeGuild, *, with_members: bool) -> Json:
        """GUILD_CREATE data; without the members intent only the bot's own member is sent."""
        live = [self.channels[c] for c in guild.channel_ids if not self.channels[c].deleted]
        members = [m for m in guild.members.values() if with_members or m.user.id == self.bot.id]
        return guild.to_payload() | {
            "joined_at": guild.joined_at,
            "large": False,
            "unavailable": False,
            "member_count": len(guild.members),
            "voice_states": [],
            "members": [m.to_payload() for m in members],
            "channels": [self.channel_payload(c) for c in live if not c.is_thread],
            "threads": [self.channel_payload(c) for c in live if c.is_thread],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def message_payload(self, msg: StoredMessage, *, gateway: bool = False, with_nonce: bool = False) -> Json:
        """Discord message JSON; ``gateway`` adds ``guild_id`` and ``member`` as events carry.

        Discord does not store a message's ``nonce``: it is echoed only in the answer to the create
        request and in MESSAGE_CREATE (``with_nonce``), never when the message is read back.
        """
        payload: Json = {
            "id": str(msg.id),
            "channel_id": str(msg.channel_id),
            "type": msg.type,
            "author": msg.author.to_payload(),
            "content": msg.content,
            "timestamp": msg.timestamp,
            "edited_timestamp": msg.edited_timestamp,
            "tts": msg.tts,
            "mention_everyone": msg.mention_everyone,
            "mentions": [self.users[u].to_payload() for u in msg.mentions if u in self.users],
            "mention_roles": [str(r) for r in msg.mention_roles],
            "attachments": [a.to_payload() for a in msg.attachments],
            "embeds": msg.embeds,
            "components": msg.components,
            "pinned": False,
            "flags": msg.flags,
        }
        if msg.reactions:
            payload["reactions"] = [self._reaction_payload(emoji, users) for emoji, users in msg.reactions.items()]
        if msg.nonce is not None and with_nonce:
            payload["nonce"] = msg.nonce
        if msg.webhook_id is not None:
            payload["webhook_id"] = str(msg.webhook_id)
            payload["application_id"] = str(self.application_id)
        if msg.interaction_metadata is not None:
            payload["interaction_metadata"] = msg.interaction_metadata
        if msg.message_reference is not None:
            payload["message_reference"] = msg.message_reference
            ref = self.messages.get(int(msg.message_reference.get("message_id", 0)))
            payload["referenced_message"] = None if ref is None or ref.deleted else self.message_payload(ref)
        if gateway and msg.guild_id is not None:
            payload["guild_id"] = str(msg.guild_id)
            member = self.guilds[msg.guild_id].members.get(msg.author.id)
            if member is not None and msg.webhook_id is None:
                payload["member"] = member.to_payload(with_user=False)
        return payload

    def _reaction_payload(self, emoji: str, users: list[int]) -> Json:
        name, _, emoji_id = emoji.partition(":")
        return {
            "emoji": {"id": emoji_id or None, "name": name},
            "count": len(users),
            "count_details": {"burst": 0, "normal": len(users)},
            "me": self.bot.id in users,
            "me_burst": False,
            "burst_me": False,
            "burst_colors": [],
            "burst_count": 0,
        }

    def user_guild_payload(self, guild: FakeGuild) -> Json:
        """The ``{id, unavailable}`` stub READY lists."""
        return {"id": str(guild.id), "unavailable": True}

    def application_payload(self) -> Json:
        """GET /oauth2/applications/@me."""
        return {
            "id": str(self.application_id),
            "name": self.bot.username,
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "rpc_origins": [],
            "bot_public": True,
            "bot_require_code_grant": False,
            "bot": self.bot.to_payload(),
            "owner": self.owner.to_payload(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": self.application_flags,
            "tags": [],
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "approximate_guild_count": len(self.guilds),
            "integration_types_config": {"0": {}},
        }

    @property
    def application_flags(self) -> int:
        """GATEWAY_*_LIMITED flags for the privileged intents switched on."""
        flags = 0
        if self.privileged_intents & events.GUILD_PRESENCES:
            flags |= 1 << 13
        if self.privileged_intents & events.GUILD_MEMBERS:
            flags |= 1 << 15
        if self.privileged_intents & events.MESSAGE_CONTENT:
            flags |= 1 << 19
        return flags

    def emit_message(self, name: str, msg: StoredMessage) -> None:
        """MESSAGE_CREATE / MESSAGE_UPDATE for a non-ephemeral message."""
        if msg.ephemeral:
            return
        intent = events.DIRECT_MESSAGES if msg.guild_id is None else events.GUILD_MESSAGES
        visible = msg.guild_id is None or msg.author.id == self.bot.id or self.bot.id in msg.mentions
        self.emit(
            Event(
                name,
                self.message_payload(msg, gateway=True, with_nonce=name == "MESSAGE_CREATE"),
                intent=intent,
                content_gated=True,
                content_visible=visible,
            )
        )

    def emit_message_delete(self, msg: StoredMessage) -> None:
        """MESSAGE_DELETE."""
        if msg.ephemeral:
            return
        data: dict[str, Any] = {"id": str(msg.id), "channel_id": str(msg.channel_id)}
        if msg.guild_id is not None:
            data["guild_id"] = str(msg.guild_id)
        intent = events.DIRECT_MESSAGES if msg.guild_id is None else events.GUILD_MESSAGES
        self.emit(Event("MESSAGE_DELETE", data, intent=intent))
