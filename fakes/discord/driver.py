"""FakeDiscord: starts the server and is the test driver's whole API."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from aiohttp import web

from fakes.discord import commands, interactions, messages
from fakes.discord import permissions as perm
from fakes.discord.cdn import DEFAULT_TTL
from fakes.discord.events import Event
from fakes.discord.faults import Fault
from fakes.discord.gateway import Gateway, Session, shard_of
from fakes.discord.interactions import FakeInteraction, InteractionResponse
from fakes.discord.messages import UploadedFile
from fakes.discord.models import (
    GUILD_TEXT,
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
from fakes.discord.server import FakeServer, RequestRecord
from fakes.discord.state import World
from fakes.service import AsyncService

UserLike = FakeUser | FakeMember
ChannelLike = FakeChannel | int
GuildLike = FakeGuild | int
MessageLike = StoredMessage | int
MessagePredicate = Callable[[StoredMessage], bool]


class FakeDiscord(AsyncService):
    """A local Discord (gateway + REST + CDN) and the driver tests use to act as members.

    Use from the event loop that runs the bot. See ``fakes/discord/README.md``.
    """

    def __init__(
        self,
        token: str = "test-token",
        *,
        bot_name: str = "songjam",
        privileged_intents: int = 0,
        heartbeat_interval_ms: int = 41250,
        global_rate_limit: int | None = 50,
        shards: int = 1,
        max_concurrency: int = 1,
        guilds_per_shard: int = 2500,
        enforce_identify_rate: bool = False,
    ) -> None:
        self.world = World(token=token, bot_name=bot_name, privileged_intents=privileged_intents)
        self.gateway = Gateway(
            self.world, heartbeat_interval_ms=heartbeat_interval_ms, enforce_identify_rate=enforce_identify_rate
        )
        self.shards = shards
        self.max_concurrency = max_concurrency
        self.guilds_per_shard = guilds_per_shard
        self.server = FakeServer(self.world, self.gateway, global_rate_limit=global_rate_limit)
        self.port = 0
        self._runner: web.AppRunner | None = None

    # ------------------------------------------------------------------ lifecycle

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1 (a free port unless given)."""
        self._runner = web.AppRunner(
            self.server.build_app(), handle_signals=False, access_log=None, shutdown_timeout=2.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self.world.base_url = f"http://127.0.0.1:{self.port}"
        self.gateway.ws_base = f"ws://127.0.0.1:{self.port}"

    async def stop(self) -> None:
        """Close gateway connections (1001) and stop listening."""
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------------ addresses and logs

    @property
    def token(self) -> str:
        """The bot token the fake accepts."""
        return self.world.token

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return self.world.base_url

    @property
    def api_base(self) -> str:
        """Set ``discord.http.Route.BASE`` to this."""
        return f"{self.world.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        """Set ``DiscordWebSocket.DEFAULT_GATEWAY`` to ``yarl.URL(this)``."""
        return f"{self.gateway.ws_base}/"

    @property
    def bot(self) -> FakeUser:
        """The bot's user (its id is also the application id)."""
        return self.world.bot

    @property
    def owner(self) -> FakeUser:
        """The application owner (member of every guild; owns guilds made without ``owner``)."""
        return self.world.owner

    @property
    def application_id(self) -> int:
        """The application id."""
        return self.world.application_id

    @property
    def requests(self) -> list[RequestRecord]:
        """Every HTTP request handled: ``(method, path, status)``; API paths drop ``/api/v10``."""
        return self.server.requests

    @property
    def unknown_routes(self) -> list[tuple[str, str]]:
        """``(method, path)`` of requests no route matched (also logged at ERROR)."""
        return self.server.unknown_routes

    @property
    def internal_errors(self) -> list[str]:
        """Exceptions raised inside the fake's handlers (answered 400 "FAKE DISCORD BUG")."""
        return self.server.internal_errors

    @property
    def identifies(self) -> int:
        """Gateway IDENTIFYs accepted so far."""
        return self.gateway.identifies

    @property
    def resumes(self) -> int:
        """Gateway RESUMEs accepted so far."""
        return self.gateway.resumes

    @property
    def identify_refusals(self) -> int:
        """IDENTIFYs answered INVALID_SESSION for coming too fast (``enforce_identify_rate``)."""
        return self.gateway.identify_refusals

    @property
    def connected(self) -> bool:
        """Whether a bot session is attached to an open gateway connection."""
        return self.gateway.connected

    async def wait_until_connected(
        self, timeout: float = 5.0, *, shards: Iterable[int] | None = None  # noqa: ASYNC109
    ) -> None:
        """Wait until a bot session is live on the gateway (with ``shards``: one for each of those shard ids)."""
        wanted = set(shards) if shards is not None else None

        def check() -> bool | None:
            if wanted is None:
                return True if self.connected else None
            return True if wanted <= set(self.connected_shards) else None

        what = "a gateway session" if wanted is None else f"sessions for shards {sorted(wanted)}"
        await self.world.wait_for(check, timeout, what)

    # ------------------------------------------------------------------ shards

    @property
    def shards(self) -> int:
        """The shard count ``GET /gateway/bot`` recommends (and :meth:`add_guild`'s ``shard`` counts in)."""
        return self.world.shard_count

    @shards.setter
    def shards(self, count: int) -> None:
        if count < 1:
            raise ValueError("shards must be 1 or more")
        self.world.shard_count = count

    @property
    def max_concurrency(self) -> int:
        """``session_start_limit.max_concurrency``: identify buckets (shard id % it) that may start at once."""
        return self.world.max_concurrency

    @max_concurrency.setter
    def max_concurrency(self, value: int) -> None:
        self.world.max_concurrency = max(1, value)

    @property
    def guilds_per_shard(self) -> int:
        """The most guilds one session may carry; IDENTIFY for more is closed with 4011 (Discord: 2500)."""
        return self.world.guilds_per_shard

    @guilds_per_shard.setter
    def guilds_per_shard(self, value: int) -> None:
        self.world.guilds_per_shard = value

    def shard_of(self, guild: GuildLike, shard_count: int | None = None) -> int:
        """The shard a guild belongs to among ``shard_count`` (default: :attr:`shards`)."""
        guild_id = guild if isinstance(guild, int) else guild.id
        return shard_of(guild_id, shard_count or self.shards)

    @property
    def sessions(self) -> list[Session]:
        """Every gateway session identified so far, oldest first: ``shard``, ``ready_guild_ids``, ``live``."""
        return list(self.gateway.sessions.values())

    @property
    def connected_shards(self) -> list[int]:
        """Shard ids with a live session, sorted (``[0]`` for an unsharded bot)."""
        return sorted({s.shard_id for s in self.gateway.sessions.values() if s.live})

    def advance_time(self, seconds: float) -> None:
        """Move the fake's clock: expires CDN links, interaction tokens, nonce windows."""
        self.world.clock.advance(seconds)

    # ------------------------------------------------------------------ world building

    def add_user(self, username: str, *, accepts_dms: bool = True, locale: str = "en-US") -> FakeUser:
        """A user who is in no guild yet."""
        user = self.world.add_user(username, accepts_dms=accepts_dms)
        user.locale = locale
        return user

    def add_guild(
        self,
        name: str,
        *,
        premium_tier: int = 0,
        owner: UserLike | None = None,
        bot_permissions: int = perm.DEFAULT_BOT,
        locale: str = "en-US",
        shard: int | None = None,
        with_bot: bool = True,
    ) -> FakeGuild:
        """A guild with @everyone, the bot (managed role with ``bot_permissions``) and the owner.

        ``shard``: mint its id so it belongs to that shard of :attr:`shards` (ids are time-based, so
        otherwise the shard is whatever the clock gives). Added while the bot is connected, its
        GUILD_CREATE carries ``unavailable: false``: to discord.py a known guild becoming available
        (``on_guild_available``). ``with_bot=False``: a guild the bot is not in, whose events and routes
        it never sees, until :meth:`join_guild` adds it (``on_guild_join``).
        """
        owner_user = self._user(owner) if owner is not None else self.world.owner
        guild_id = None if shard is None else self.world.snowflakes.next_on_shard(shard, self.shards)
        guild = self.world.add_guild(
            name, premium_tier=premium_tier, owner=owner_user, bot_permissions=bot_permissions, guild_id=guild_id,
            with_bot=with_bot,
        )
        guild.preferred_locale = locale
        return guild

    def join_guild(self, guild: GuildLike, *, added_by: UserLike | None = None,
                   bot_permissions: int = perm.DEFAULT_BOT) -> None:
        """The bot is added to a guild made with ``with_bot=False`` by ``added_by`` (default: the owner),
        who needs Manage Server there: the bot's managed role and member, a BOT_ADD (28) audit log entry,
        and GUILD_CREATE (without ``unavailable``, as for a join) to the guild's shard."""
        g = self._guild(guild)
        adder = self._user(added_by) if added_by is not None else self.world.users[g.owner_id]
        self.world.join_guild(g, added_by=adder, bot_permissions=bot_permissions)

    def set_system_channel(self, guild: GuildLike, channel: ChannelLike | None) -> None:
        """The guild's system channel (Discord's join and boost messages); GUILD_UPDATE is sent."""
        self.world.set_system_channel(self._guild(guild), self._channel(channel).id if channel is not None else None)

    def add_channel(
        self,
        guild: GuildLike,
        name: str,
        *,
        bot_can_view: bool = True,
        bot_can_send: bool = True,
        bot_can_attach: bool = True,
        type: int = GUILD_TEXT,
        parent: ChannelLike | None = None,
        topic: str | None = None,
        overwrites: Iterable[Overwrite] = (),
    ) -> FakeChannel:
        """A guild channel; ``bot_can_*=False`` adds a member overwrite denying the bot that bit."""
        g = self._guild(guild)
        rules = list(overwrites)
        deny = (
            (0 if bot_can_view else perm.VIEW_CHANNEL)
            | (0 if bot_can_send else perm.SEND_MESSAGES | perm.SEND_MESSAGES_IN_THREADS)
            | (0 if bot_can_attach else perm.ATTACH_FILES)
        )
        if deny:
            rules.append(Overwrite(id=self.world.bot.id, type=1, deny=deny))
        parent_id = self._channel(parent).id if parent is not None else None
        return self.world.add_channel(g, name, type=type, parent_id=parent_id, topic=topic, overwrites=rules)

    def add_role(self, guild: GuildLike, name: str, *, permissions: int = 0, mentionable: bool = False) -> FakeRole:
        """A role placed just above @everyone (below the bot's role)."""
        return self.world.add_role(self._guild(guild), name, permissions_value=permissions, mentionable=mentionable)

    def add_member(
        self,
        guild: GuildLike,
        user: str | UserLike,
        *,
        roles: Iterable[FakeRole | int] = (),
        permissions: int | None = None,
        accepts_dms: bool = True,
        locale: str = "en-US",
    ) -> FakeMember:
        """A member (a new user when ``user`` is a name). ``permissions`` adds a personal role."""
        g = self._guild(guild)
        if isinstance(user, str):
            target = self.add_user(user, accepts_dms=accepts_dms, locale=locale)
        else:
            target = self._user(user)
        role_ids = [r.id if isinstance(r, FakeRole) else int(r) for r in roles]
        if permissions is not None:
            role_ids.append(self.add_role(g, f"{target.username} permissions", permissions=permissions).id)
        return self.world.add_member(g, target, role_ids)

    def set_bot_permissions(
        self,
        channel: ChannelLike,
        *,
        can_view: bool | None = None,
        can_send: bool | None = None,
        can_attach: bool | None = None,
    ) -> None:
        """Change the bot's member overwrite in a channel (CHANNEL_UPDATE is sent)."""
        ch = self._channel(channel)
        rule = next((o for o in ch.overwrites if o.type == 1 and o.id == self.world.bot.id), None)
        if rule is None:
            rule = Overwrite(id=self.world.bot.id, type=1)
            ch.overwrites.append(rule)
        for allowed, bits in (
            (can_view, perm.VIEW_CHANNEL),
            (can_send, perm.SEND_MESSAGES | perm.SEND_MESSAGES_IN_THREADS),
            (can_attach, perm.ATTACH_FILES),
        ):
            if allowed is True:
                rule.deny &= ~bits
            elif allowed is False:
                rule.deny |= bits
        self.world.update_channel(ch)

    def set_overwrite(
        self, channel: ChannelLike, target: FakeRole | UserLike, *, allow: int = 0, deny: int = 0
    ) -> None:
        """Set (replace) a role or member overwrite on a channel (CHANNEL_UPDATE is sent)."""
        ch = self._channel(channel)
        kind, target_id = (0, target.id) if isinstance(target, FakeRole) else (1, self._user(target).id)
        ch.overwrites = [o for o in ch.overwrites if (o.type, o.id) != (kind, target_id)]
        ch.overwrites.append(Overwrite(id=target_id, type=kind, allow=allow, deny=deny))
        self.world.update_channel(ch)

    def delete_channel(self, channel: ChannelLike) -> None:
        """Delete a channel: CHANNEL_DELETE is sent, later requests get 404 / 10003."""
        self.world.delete_channel(self._channel(channel))

    def dm_channel(self, user: UserLike | int) -> FakeChannel:
        """The bot's DM channel with a user."""
        return self.world.dm_channel(self._user(user))

    def upload_attachment(
        self,
        filename: str,
        data: bytes,
        *,
        content_type: str | None = None,
        expires_in: float = DEFAULT_TTL,
    ) -> StoredAttachment:
        """A file a member attaches to a command or modal; its signed URL serves ``data``.

        ``content_type`` is the uploader's claim (guessed from the name if None).
        """
        return self.world.make_attachment(
            filename,
            data,
            content_type=content_type,
            channel_id=None,
            ephemeral=True,
            ttl=expires_in,
        )

    # ------------------------------------------------------------------ acting as members

    async def slash_command(
        self,
        *,
        user: UserLike,
        channel: ChannelLike,
        name: str | Sequence[str],
        subcommand: str | Sequence[str] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> FakeInteraction:
        """Run ``/name [group] [subcommand] options...`` as ``user`` in ``channel``.

        ``name`` may be "song", "song create", or ["songadmin", "quota", "set"]; ``subcommand``
        appends more parts. Option types come from the synced definition (else inferred).
        Raises ValueError for input the Discord client refuses, CommandUnavailable when the
        member could not see the command.
        """
        member, ch = self._user(user), self._channel(channel)
        data = commands.build_command_data(
            self.world, path=_path(name, subcommand), options=options or {}, user=member, channel=ch
        )
        interaction = interactions.new_interaction(
            self.world, type=interactions.APPLICATION_COMMAND, user=member, channel=ch, data=data
        )
        await self._dispatch(interaction)
        return interaction

    async def message_command(
        self, *, user: UserLike, message: MessageLike, name: str, channel: ChannelLike | None = None
    ) -> FakeInteraction:
        """Use the message context-menu command ``name`` ("Apps" > name) on ``message`` as ``user``.

        The interaction is a type 2 APPLICATION_COMMAND whose data (type 3) carries ``target_id``
        and the message in ``resolved.messages``. ValueError if no such command was synced.
        """
        msg = self._message(message)
        member = self._user(user)
        ch = self._channel(channel if channel is not None else msg.channel_id)
        data = commands.build_message_command_data(self.world, name=name, message=msg, user=member, channel=ch)
        interaction = interactions.new_interaction(
            self.world, type=interactions.APPLICATION_COMMAND, user=member, channel=ch, data=data
        )
        await self._dispatch(interaction)
        return interaction

    async def autocomplete(
        self,
        *,
        user: UserLike,
        channel: ChannelLike,
        name: str | Sequence[str],
        focused: str,
        subcommand: str | Sequence[str] | None = None,
        options: Mapping[str, Any] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> list[Json]:
        """Type into option ``focused`` (its text is ``options[focused]``); returns the choices."""
        values = dict(options or {})
        values.setdefault(focused, "")
        member, ch = self._user(user), self._channel(channel)
        data = commands.build_command_data(
            self.world,
            path=_path(name, subcommand),
            options=values,
            user=member,
            channel=ch,
            focused=focused,
        )
        interaction = interactions.new_interaction(
            self.world, type=interactions.AUTOCOMPLETE, user=member, channel=ch, data=data
        )
        await self._dispatch(interaction)
        response = await interaction.wait_response(timeout)
        return list(response.data.get("choices") or [])

    async def submit_modal(
        self,
        modal: InteractionResponse | FakeInteraction | Json,
        *,
        values: Mapping[str, Any] | None = None,
        files: Mapping[str, StoredAttachment | Sequence[StoredAttachment]] | None = None,
        user: UserLike | None = None,
        channel: ChannelLike | None = None,
    ) -> FakeInteraction:
        """Fill in and submit a modal the bot showed; ``values``/``files`` are keyed by custom_id.

        ``modal`` is the response (``await ix.wait_response()``), the interaction, or the modal
        dict (``response.data``). User and channel default to the interaction that opened it.
        """
        source = self._modal_source(modal)
        if source is not None and (source.response is None or source.response.type != 9):
            raise ValueError(f"interaction {source.id} was not answered with a modal")
        modal_data = source.response.data if source is not None and source.response else modal
        if not isinstance(modal_data, dict):
            raise TypeError("submit_modal needs the bot's modal response")
        member = self._user(user) if user is not None else (source.user if source else None)
        ch = (
            self._channel(channel)
            if channel is not None
            else (self.world.channel(source.channel_id) if source else None)
        )
        if member is None or ch is None:
            raise ValueError("submit_modal: pass user= and channel= for a modal not shown by the fake")
        data = interactions.modal_submit_data(modal_data, values or {}, files or {})
        message = None
        if source is not None and source.message_id is not None:
            message = self.world.messages.get(source.message_id)
        interaction = interactions.new_interaction(
            self.world,
            type=interactions.MODAL_SUBMIT,
            user=member,
            channel=ch,
            data=data,
            message=message,
            source=source,
        )
        await self._dispatch(interaction)
        return interaction

    async def click_button(self, *, user: UserLike, message: MessageLike, custom_id: str) -> FakeInteraction:
        """Click an enabled button on a message (ValueError if it is not there or disabled)."""
        msg = self._message(message)
        component = msg.find_component(custom_id)
        if component is None or component.get("type") != 2:
            raise ValueError(f"message {msg.id} has no button {custom_id!r} (has {msg.custom_ids()})")
        if component.get("disabled"):
            raise ValueError(f"button {custom_id!r} is disabled")
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._component(user, msg, data)

    async def select_menu(
        self, *, user: UserLike, message: MessageLike, custom_id: str, values: Sequence[str]
    ) -> FakeInteraction:
        """Pick ``values`` in a string select menu on a message."""
        msg = self._message(message)
        component = msg.find_component(custom_id)
        if component is None or component.get("type") != 3:
            raise ValueError(f"message {msg.id} has no string select {custom_id!r}")
        offered = [o["value"] for o in component.get("options") or []]
        low = interactions.component_field(component, "min_values", 1)
        high = interactions.component_field(component, "max_values", 1)
        if any(v not in offered for v in values) or not low <= len(values) <= high:
            raise ValueError(f"select {custom_id!r} takes {low}-{high} of {offered}")
        data = {"custom_id": custom_id, "component_type": 3, "values": list(values)}
        return await self._component(user, msg, data)

    async def post_user_message(
        self,
        *,
        user: UserLike,
        channel: ChannelLike,
        content: str = "",
        attachments: Sequence[StoredAttachment] = (),
    ) -> StoredMessage:
        """A member writes in a channel (or, with :meth:`dm_channel`, to the bot)."""
        ch = self.world.channel(self._channel(channel).id)
        files = {i: UploadedFile(a.filename, a.data) for i, a in enumerate(attachments)}
        msg = messages.create_message(self.world, ch, self._user(user), {"content": content}, files)
        await asyncio.sleep(0)
        return msg

    # ------------------------------------------------------------------ reading what the bot did

    def messages(
        self, channel: ChannelLike, *, include_ephemeral: bool = True, include_deleted: bool = False
    ) -> list[StoredMessage]:
        """Messages in a channel, oldest first (ephemeral interaction responses included)."""
        ids = self.world.channel_messages.get(self._channel(channel).id, [])
        found = [self.world.messages[i] for i in ids]
        return [m for m in found if (include_deleted or not m.deleted) and (include_ephemeral or not m.ephemeral)]

    def message(self, message_id: int) -> StoredMessage:
        """A stored message by id (deleted ones too)."""
        return self.world.messages[message_id]

    def dm_messages(self, user: UserLike | int) -> list[StoredMessage]:
        """Messages in the bot's DM channel with a user."""
        channel_id = self.world.dm_channels.get(self._user(user).id)
        return [] if channel_id is None else self.messages(channel_id)

    def commands(self, guild: GuildLike | None = None) -> list[Json]:
        """Commands synced globally (``guild=None``) or to a guild, as the fake stored them."""
        key = None if guild is None else self._guild(guild).id
        return list(self.world.commands.get(key, []))

    def interaction(self, interaction_id: int) -> FakeInteraction:
        """A dispatched interaction by id."""
        return self.server.interactions.interactions[interaction_id]

    async def wait_for_message(
        self,
        channel: ChannelLike,
        predicate: MessagePredicate | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        include_existing: bool = True,
    ) -> StoredMessage:
        """The first live message in ``channel`` matching ``predicate``.

        With ``include_existing=False`` only messages created or edited after the call count.
        """
        channel_id = self._channel(channel).id
        return await self._wait_message(lambda: self.messages(channel_id), predicate, timeout, include_existing)

    async def wait_for_dm(
        self,
        user: UserLike | int,
        predicate: MessagePredicate | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        include_existing: bool = True,
    ) -> StoredMessage:
        """Like :meth:`wait_for_message`, for the bot's DMs with ``user``."""
        target = self._user(user)
        return await self._wait_message(lambda: self.dm_messages(target), predicate, timeout, include_existing)

    async def _wait_message(
        self,
        source: Callable[[], list[StoredMessage]],
        predicate: MessagePredicate | None,
        within: float,
        include_existing: bool,
    ) -> StoredMessage:
        baseline = {} if include_existing else {m.id: len(m.edits) for m in source()}

        def check() -> StoredMessage | None:
            for msg in source():
                if baseline.get(msg.id) == len(msg.edits):
                    continue
                if predicate is None or predicate(msg):
                    return msg
            return None

        return await self.world.wait_for(check, within, "a matching message")

    # ------------------------------------------------------------------ faults

    def fail_next(
        self,
        method: str,
        path: str,
        status: int,
        *,
        times: int | None = 1,
        retry_after: float = 0.5,
        code: int | None = None,
        message: str | None = None,
        is_global: bool = False,
        handled: bool = False,
        delay: float = 0.0,
    ) -> Fault:
        """The next ``times`` requests whose path fully matches the regex ``path`` fail.

        ``path`` is relative to ``/api/v10`` (e.g. ``r"/channels/\\d+/messages"``); ``method``
        may be ``"*"``. Bodies: 429 rate limit (with ``retry_after``), 403 50013, 404 10003,
        413 40005, 5xx; ``code``/``message`` override. ``times=None`` fails until cleared.
        ``handled=True``: the request is carried out (the message is created) and only its answer
        fails, after ``delay`` seconds (the answer lost on the way; a client killed meanwhile never sees it).
        """
        fault = Fault(
            method=method.upper(),
            path=re.compile(path),
            status=status,
            times=times,
            retry_after=retry_after,
            is_global=is_global,
            code=code,
            message=message,
            handled=handled,
            delay=delay,
        )
        self.server.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        """Remove every pending fault."""
        self.server.faults.clear()

    async def drop_gateway(self, code: int | None = None, *, shard: int | None = None) -> None:
        """Drop the bot's gateway connections (only ``shard``'s if given): TCP abort, or close with ``code``.

        The bot should RESUME.
        """
        await self.gateway.drop(code, shard=shard)

    def invalidate_session(self, *, resumable: bool = False) -> None:
        """Send INVALID_SESSION; discord.py waits ~5 s and re-IDENTIFYs when not resumable."""
        self.gateway.invalidate(resumable=resumable)

    def request_reconnect(self) -> None:
        """Send RECONNECT (op 7): the bot closes and RESUMEs."""
        self.gateway.request_reconnect()

    # ------------------------------------------------------------------ internals

    async def _component(self, user: UserLike, msg: StoredMessage, data: Json) -> FakeInteraction:
        interaction = interactions.new_interaction(
            self.world,
            type=interactions.MESSAGE_COMPONENT,
            user=self._user(user),
            channel=self.world.channel(msg.channel_id),
            data=data,
            message=msg,
        )
        await self._dispatch(interaction)
        return interaction

    async def _dispatch(self, interaction: FakeInteraction) -> None:
        if not self.gateway.has_session_for(interaction.guild_id):
            where = "DMs (shard 0)" if interaction.guild_id is None else f"guild {interaction.guild_id}'s shard"
            raise RuntimeError(f"fake discord: no bot session on the gateway for {where} to send the interaction to")
        self.server.interactions.register(interaction)

        def delivered() -> None:
            interaction.delivered_at = self.world.clock.now()

        self.world.emit(Event("INTERACTION_CREATE", interaction.payload, on_delivered=delivered))
        await asyncio.sleep(0)

    def _modal_source(self, modal: InteractionResponse | FakeInteraction | Json) -> FakeInteraction | None:
        if isinstance(modal, InteractionResponse):
            return modal.interaction
        if isinstance(modal, FakeInteraction):
            return modal
        for candidate in reversed(list(self.server.interactions.interactions.values())):
            response = candidate.response
            if response is not None and response.type == 9 and response.data is modal:
                return candidate
        return None

    def _user(self, user: UserLike | int) -> FakeUser:
        if isinstance(user, int):
            return self.world.users[user]
        return user.user if isinstance(user, FakeMember) else user

    def _guild(self, guild: GuildLike) -> FakeGuild:
        return self.world.guilds[guild if isinstance(guild, int) else guild.id]

    def _channel(self, channel: ChannelLike) -> FakeChannel:
        return self.world.channels[channel if isinstance(channel, int) else channel.id]

    def _message(self, message: MessageLike) -> StoredMessage:
        msg = self.world.messages[message if isinstance(message, int) else message.id]
        if msg.deleted:
            raise ValueError(f"message {msg.id} was deleted")
        return msg


def _path(name: str | Sequence[str], subcommand: str | Sequence[str] | None) -> list[str]:
    parts = name.split() if isinstance(name, str) else list(name)
    if subcommand is not None:
        parts += subcommand.split() if isinstance(subcommand, str) else list(subcommand)
    return parts
