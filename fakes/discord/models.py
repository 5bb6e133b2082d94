"""The fake's world model: users, guilds, roles, members, channels, attachments, messages."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from fakes.discord.permissions import Overwrite

Json = dict[str, Any]

MIB = 1024 * 1024

#: Message flags.
FLAG_SUPPRESS_EMBEDS = 1 << 2
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7
FLAG_SUPPRESS_NOTIFICATIONS = 1 << 12
FLAG_COMPONENTS_V2 = 1 << 15

#: Channel types.
GUILD_TEXT = 0
DM = 1
GUILD_VOICE = 2
GUILD_CATEGORY = 4
PUBLIC_THREAD = 11
PRIVATE_THREAD = 12
THREAD_TYPES = (10, PUBLIC_THREAD, PRIVATE_THREAD)


@dataclass
class FakeUser:
    """A Discord user (the bot itself, the app owner, or a member)."""

    id: int
    username: str
    bot: bool = False
    global_name: str | None = None
    accepts_dms: bool = True
    locale: str = "en-US"

    @property
    def mention(self) -> str:
        """``<@id>``."""
        return f"<@{self.id}>"

    def to_payload(self) -> Json:
        """Discord user JSON."""
        payload: Json = {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "avatar_decoration_data": None,
            "public_flags": 0,
            "flags": 0,
        }
        if self.bot:
            payload["bot"] = True
        return payload


@dataclass
class FakeRole:
    """A guild role; the @everyone role has the guild's id."""

    id: int
    guild_id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    mentionable: bool = False
    bot_id: int | None = None

    @property
    def mention(self) -> str:
        """``<@&id>``."""
        return f"<@&{self.id}>"

    def to_payload(self) -> Json:
        """Discord role JSON."""
        payload: Json = {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.bot_id is not None:
            payload["tags"] = {"bot_id": str(self.bot_id)}
        return payload


@dataclass
class FakeMember:
    """A user's membership in a guild."""

    user: FakeUser
    guild_id: int
    roles: list[int] = field(default_factory=list)
    joined_at: str = ""
    nick: str | None = None

    @property
    def id(self) -> int:
        """The user's id."""
        return self.user.id

    @property
    def mention(self) -> str:
        """``<@id>``."""
        return self.user.mention

    def to_payload(self, *, with_user: bool = True, permissions: int | None = None) -> Json:
        """Discord guild member JSON (``permissions`` only inside interactions)."""
        payload: Json = {
            "roles": [str(r) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
            "unusual_dm_activity_until": None,
        }
        if with_user:
            payload["user"] = self.user.to_payload()
        if permissions is not None:
            payload["permissions"] = str(permissions)
        return payload


@dataclass
class FakeChannel:
    """A guild text/voice/category channel, a thread, or a DM channel."""

    id: int
    type: int
    name: str | None = None
    guild_id: int | None = None
    position: int = 0
    parent_id: int | None = None
    topic: str | None = None
    nsfw: bool = False
    overwrites: list[Overwrite] = field(default_factory=list)
    recipient_id: int | None = None
    owner_id: int | None = None
    last_message_id: int | None = None
    deleted: bool = False
    created_at: str = ""

    @property
    def mention(self) -> str:
        """``<#id>``."""
        return f"<#{self.id}>"

    @property
    def is_thread(self) -> bool:
        """Whether this is a thread."""
        return self.type in THREAD_TYPES


#: Audit log action types (https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object-audit-log-events).
BOT_ADD = 28


@dataclass
class AuditLogEntry:
    """One entry of a guild's audit log: ``user_id`` did ``action_type`` to ``target_id``."""

    id: int
    action_type: int
    user_id: int | None
    target_id: int | None
    reason: str | None = None

    def to_payload(self) -> Json:
        """Discord audit log entry JSON."""
        return {
            "id": str(self.id),
            "action_type": self.action_type,
            "user_id": str(self.user_id) if self.user_id is not None else None,
            "target_id": str(self.target_id) if self.target_id is not None else None,
            "changes": [],
            "reason": self.reason,
        }


@dataclass
class FakeGuild:
    """A guild with its roles and members; channels live in the world's channel table."""

    id: int
    name: str
    owner_id: int
    premium_tier: int = 0
    preferred_locale: str = "en-US"
    joined_at: str = ""
    roles: dict[int, FakeRole] = field(default_factory=dict)
    members: dict[int, FakeMember] = field(default_factory=dict)
    channel_ids: list[int] = field(default_factory=list)
    system_channel_id: int | None = None
    #: Oldest first; the REST route answers newest first.
    audit_log: list[AuditLogEntry] = field(default_factory=list)

    @property
    def upload_limit(self) -> int:
        """Largest file a message may carry (10 MiB, 50 MiB at tier 2, 100 MiB at tier 3)."""
        return {2: 50 * MIB, 3: 100 * MIB}.get(self.premium_tier, 10 * MIB)

    @property
    def everyone(self) -> FakeRole:
        """The @everyone role."""
        return self.roles[self.id]

    def to_payload(self) -> Json:
        """Discord guild JSON (as GET /guilds/{id} answers)."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [r.to_payload() for r in sorted(self.roles.values(), key=lambda r: r.position)],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": str(self.system_channel_id) if self.system_channel_id else None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "max_members": 500000,
            "vanity_url_code": None,
            "premium_tier": self.premium_tier,
            "premium_subscription_count": {0: 0, 1: 2, 2: 7, 3: 14}.get(self.premium_tier, 0),
            "preferred_locale": self.preferred_locale,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
        }


@dataclass
class StoredAttachment:
    """A file known to the fake's CDN, uploaded by the test driver or posted by the bot."""

    id: int
    filename: str
    data: bytes
    content_type: str | None
    url: str
    description: str | None = None
    ephemeral: bool = False

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data)

    def to_payload(self) -> Json:
        """Discord attachment JSON."""
        payload: Json = {
            "id": str(self.id),
            "filename": self.filename,
            "size": self.size,
            "url": self.url,
            "proxy_url": self.url,
            "flags": 0,
        }
        if self.content_type:
            payload["content_type"] = self.content_type
        if self.description:
            payload["description"] = self.description
        if self.ephemeral:
            payload["ephemeral"] = True
        return payload


@dataclass
class MessageVersion:
    """What a message looked like before an edit."""

    content: str
    embeds: list[Json]
    components: list[Json]
    attachment_ids: list[int]
    flags: int
    edited_timestamp: str | None


@dataclass
class StoredMessage:
    """A message as the fake stores it; tests read these fields directly."""

    id: int
    channel_id: int
    guild_id: int | None
    author: FakeUser
    content: str
    timestamp: str
    type: int = 0
    embeds: list[Json] = field(default_factory=list)
    components: list[Json] = field(default_factory=list)
    attachments: list[StoredAttachment] = field(default_factory=list)
    flags: int = 0
    tts: bool = False
    nonce: str | None = None
    message_reference: Json | None = None
    allowed_mentions: Json | None = None
    mentions: list[int] = field(default_factory=list)
    mention_roles: list[int] = field(default_factory=list)
    mention_everyone: bool = False
    reactions: dict[str, list[int]] = field(default_factory=dict)
    edited_timestamp: str | None = None
    edits: list[MessageVersion] = field(default_factory=list)
    deleted: bool = False
    webhook_id: int | None = None
    interaction_id: int | None = None
    interaction_metadata: Json | None = None

    @property
    def ephemeral(self) -> bool:
        """Whether only the invoking member can see it (flag 64)."""
        return bool(self.flags & FLAG_EPHEMERAL)

    @property
    def loading(self) -> bool:
        """Whether this is a deferred "thinking..." placeholder."""
        return bool(self.flags & FLAG_LOADING)

    def snapshot(self) -> MessageVersion:
        """A copy of the editable fields, kept in :attr:`edits` before an edit."""
        return MessageVersion(
            content=self.content,
            embeds=copy.deepcopy(self.embeds),
            components=copy.deepcopy(self.components),
            attachment_ids=[a.id for a in self.attachments],
            flags=self.flags,
            edited_timestamp=self.edited_timestamp,
        )

    def custom_ids(self) -> list[str]:
        """Every ``custom_id`` in the message's components (any depth)."""
        found: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if "custom_id" in node:
                    found.append(node["custom_id"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(self.components)
        return found

    def find_component(self, custom_id: str) -> Json | None:
        """The component dict with this ``custom_id``, if any."""

        def walk(node: Any) -> Json | None:
            if isinstance(node, dict):
                if node.get("custom_id") == custom_id:
                    return node
                for value in node.values():
                    hit = walk(value)
                    if hit is not None:
                        return hit
            elif isinstance(node, list):
                for item in node:
                    hit = walk(item)
                    if hit is not None:
                        return hit
            return None

        return walk(self.components)
