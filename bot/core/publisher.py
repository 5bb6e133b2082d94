"""The one way the bot posts on its own (outside interaction replies): channel messages, paced.

One publisher, with one pacer, serves the whole process: songs, job cards, jam results and
buttons all share Discord's global budget of about 50 requests a second, and songs go first.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

import aiohttp
import discord

from bot.core.message_buttons import swapped
from bot.core.metrics import Metrics
from bot.core.pacer import Pacer, Priority

log = logging.getLogger("songjam.publisher")

# Room for short bursts (a few posts at once) without ever passing the steady rate.
REQUEST_BURST = 5
# The largest file every channel takes: unboosted servers (and tier 1) and DMs.
DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024


def requester_only(user_id: int) -> discord.AllowedMentions:
    """The only ping a member's own song message may carry: that member."""
    return discord.AllowedMentions(everyone=False, roles=False, users=[discord.Object(id=user_id)], replied_user=False)


class NotMessageable(discord.ClientException):
    """The id names a category or a forum, not a place to post."""


# What "this channel is not ours to post in any more" looks like: deleted, closed to the bot, or not a text channel.
CHANNEL_GONE = (discord.Forbidden, discord.NotFound, NotMessageable)


class DiscordPublisher:
    """Paced channel sends and edits for every capability; Discord's errors reach the caller."""

    def __init__(self, client: discord.Client, requests_per_second: float, metrics: Metrics | None = None) -> None:
        self.client = client
        self.pacer = Pacer(requests_per_second, REQUEST_BURST)
        self.metrics = metrics

    async def _turn(self, priority: Priority) -> None:
        """One paced request (counted on /metrics)."""
        if self.metrics is not None:
            self.metrics.paced_request(priority.name.lower())
        await self.pacer.turn(priority)

    async def channel(self, channel_id: int, priority: Priority = Priority.STATUS) -> discord.abc.Messageable:
        """The channel from the cache, else from Discord (NotFound/Forbidden when it is gone or closed).

        A channel of a server on another process's shard is never cached here: it comes over REST,
        with a stand-in for its server (`guild.unavailable`; see `upload_limit`). That fetch is one
        more request against the global limit, so it waits for a turn of `priority` too.
        """
        channel = self.client.get_channel(channel_id)
        if channel is None:
            await self._turn(priority)
            channel = await self.client.fetch_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            raise NotMessageable(f"channel {channel_id} takes no messages")
        return channel

    async def upload_limit(self, channel: discord.abc.Messageable, priority: Priority) -> int:
        """The largest file `channel` takes: its server's boost limit, 10 MiB in DMs.

        A server this process does not have (another process's shard) is read over REST, one
        paced request; if that fails, 10 MiB, which every server takes.
        """
        guild = getattr(channel, "guild", None)
        if not isinstance(guild, discord.Guild):
            return DEFAULT_UPLOAD_LIMIT
        if not guild.unavailable:
            return guild.filesize_limit
        try:
            await self._turn(priority)
            fetched = await self.client.fetch_guild(guild.id, with_counts=False)
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            log.info("server %d: its upload limit is unknown (%s); assuming 10 MiB", guild.id, type(exc).__name__)
            return DEFAULT_UPLOAD_LIMIT
        return fetched.filesize_limit

    async def send(
        self, channel: discord.abc.Messageable, priority: Priority, content: str | None = None, **options: object
    ) -> discord.Message:
        """`channel.send` when the pacer allows; pings only what `allowed_mentions` says (none by default)."""
        await self._turn(priority)
        return await channel.send(content, **options)  # type: ignore[call-overload, no-any-return]

    async def send_to(self, channel_id: int, priority: Priority, content: str | None = None,
                      **options: object) -> discord.Message:
        return await self.send(await self.channel(channel_id, priority), priority, content, **options)

    async def edit(self, channel_id: int, message_id: int, priority: Priority, **changes: object) -> None:
        """Edit one of the bot's messages by id (no fetch needed: a channel this process does not
        cache, another shard's, is addressed by id, and a gone one answers the PATCH with NotFound)."""
        channel = self.client.get_channel(channel_id)
        if channel is None:
            channel = self.client.get_partial_messageable(channel_id)
        elif not isinstance(channel, discord.abc.Messageable):
            raise NotMessageable(f"channel {channel_id} takes no messages")
        message = channel.get_partial_message(message_id)  # type: ignore[attr-defined]
        await self._turn(priority)
        await message.edit(**changes)

    async def direct_message(self, user_id: int, priority: Priority, content: str | None = None,
                             **options: object) -> discord.Message:
        """A DM to one member (Forbidden when their DMs are closed)."""
        user = self.client.get_user(user_id) or await self.client.fetch_user(user_id)
        return await self.send(await user.create_dm(), priority, content, **options)

    async def history(self, channel: discord.abc.Messageable, priority: Priority, *, after: datetime,
                      limit: int) -> list[discord.Message]:
        """Up to `limit` messages after `after`, oldest first; one request (paced like a post) up to 100."""
        await self._turn(priority)
        return [message async for message in channel.history(limit=limit, after=after)]

    async def audit_log(self, guild: discord.Guild, action: discord.AuditLogAction, *, limit: int
                        ) -> list[discord.AuditLogEntry]:
        """The server's latest `limit` (up to 100) entries of one kind, newest first; one request, paced
        like a post (Forbidden without View Audit Log)."""
        await self._turn(Priority.STATUS)
        return [entry async for entry in guild.audit_logs(limit=limit, action=action)]

    async def swap_buttons(
        self, channel_id: int, message_id: int, prefix: str, replacement: discord.ui.Item[Any] | None
    ) -> None:
        """Replace (or drop) only the buttons whose custom id starts with `prefix`, keeping the others
        under the message (another capability's); reads the message first. A deleted message is left alone."""
        channel = self.client.get_channel(channel_id) or self.client.get_partial_messageable(channel_id)
        try:
            if not isinstance(channel, discord.abc.Messageable):
                raise NotMessageable(f"channel {channel_id} takes no messages")
            await self._turn(Priority.STATUS)
            message = await channel.fetch_message(message_id)
            await self.edit(channel_id, message_id, Priority.STATUS, view=swapped(message, prefix, replacement))
        except CHANNEL_GONE:
            log.info("message %d in channel %d is gone; its buttons stay as they were", message_id, channel_id)
