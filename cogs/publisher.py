"""Shows jobs in Discord for the engine: status messages, the finished song, and bad news."""

from __future__ import annotations

import logging
from pathlib import Path

import aiohttp
import discord
from discord.ext import commands

from bot.engine import DeliveryRetry
from bot.jobs import Delivery, Job, JobProgress
from bot.render import delivery_message, end_message, song_filename, status_message
from cogs.jam_views import delivery_view
from cogs.pacer import SONG, STATUS, Pacer
from cogs.song_views import job_view

log = logging.getLogger("songjam.publisher")

DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024
UPLOAD_TOO_LARGE = 40005
# Discord allows a bot about 50 requests a second in all: at most 40 a second (5 at once) go to
# channel messages, which leaves room for everything else the bot sends.
CHANNEL_REQUESTS_PER_SECOND = 40
CHANNEL_REQUEST_BURST = 5


def requester_only(user_id: int) -> discord.AllowedMentions:
    """The only ping a song message may carry: the member who asked for it."""
    return discord.AllowedMentions(everyone=False, roles=False, users=[discord.Object(id=user_id)], replied_user=False)


def _nonce(kind: str, job: Job) -> str:
    """Same job, same nonce: Discord creates a message once even if a crash makes us send twice."""
    return f"sj{kind}{job.id}"[:25]


class DiscordPublisher:
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.pacer = Pacer(CHANNEL_REQUESTS_PER_SECOND, CHANNEL_REQUEST_BURST)

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            channel = await self.bot.fetch_channel(channel_id)
        assert isinstance(channel, discord.abc.Messageable)
        return channel

    async def show(self, job: Job, progress: JobProgress | None) -> int | None:
        content = status_message(job, progress)
        view = job_view(job)
        try:
            channel = await self._channel(job.channel_id)
            await self.pacer.turn(STATUS)
            if job.status_message_id is not None:
                message = channel.get_partial_message(job.status_message_id)  # type: ignore[attr-defined]
                await message.edit(content=content, view=view)
                return None
            sent = await channel.send(content, view=view, allowed_mentions=discord.AllowedMentions.none(),
                                      nonce=_nonce("s", job))
        except (discord.Forbidden, discord.NotFound):
            # The channel is gone or closed to the bot, or a moderator deleted the message: the
            # song still arrives (by DM if need be), and /song status always shows the job.
            log.info("job %d: its status can't be shown in channel %d", job.id, job.channel_id)
            return None
        return sent.id

    async def deliver(self, job: Job) -> tuple[Delivery, int | None]:
        try:
            channel = await self._channel(job.channel_id)
            jams = self.bot.jams  # type: ignore[attr-defined]
            view = await delivery_view(jams, job, jams.clock())
            return await self._post(channel, job, reply=True, view=view)
        except (discord.Forbidden, discord.NotFound):
            log.info("job %d: channel closed to the bot; sending the song by DM", job.id)
        try:
            user = await self.bot.fetch_user(job.user_id)
            delivery, message_id = await self._post(await user.create_dm(), job, reply=False)
            return (Delivery.DM if delivery is Delivery.REPLY else delivery), message_id
        except (discord.Forbidden, discord.NotFound):
            log.warning("job %d: no channel or DM takes the song; it stays on /song status", job.id)
            return Delivery.NONE, None

    async def _post(
        self, channel: discord.abc.Messageable, job: Job, *, reply: bool, view: discord.ui.View | None = None
    ) -> tuple[Delivery, int | None]:
        reference = None
        if reply and job.status_message_id is not None:
            reference = discord.MessageReference(
                message_id=job.status_message_id, channel_id=job.channel_id, fail_if_not_exists=False
            )
        limit = getattr(getattr(channel, "guild", None), "filesize_limit", DEFAULT_UPLOAD_LIMIT)
        path = Path(job.result_path) if job.result_path else None
        try:
            if path is not None and path.exists() and path.stat().st_size <= limit:
                try:
                    await self.pacer.turn(SONG)
                    message = await channel.send(
                        delivery_message(job, as_link=False), file=discord.File(path, filename=song_filename(job)),
                        reference=reference, allowed_mentions=requester_only(job.user_id), nonce=_nonce("d", job),
                        view=view,
                    )
                    return Delivery.REPLY, message.id
                except discord.HTTPException as exc:
                    if exc.status != 413 and exc.code != UPLOAD_TOO_LARGE:
                        raise
                    log.info("job %d: Discord refused the file as too large; posting the link", job.id)
            await self.pacer.turn(SONG)
            message = await channel.send(
                delivery_message(job, as_link=True), reference=reference,
                allowed_mentions=requester_only(job.user_id), nonce=_nonce("l", job), view=view,
            )
            return Delivery.LINK, message.id
        except discord.DiscordServerError as exc:
            raise DeliveryRetry(f"Discord answered {exc.status}") from exc
        except (aiohttp.ClientError, OSError) as exc:
            raise DeliveryRetry(f"network: {type(exc).__name__}") from exc

    async def announce_end(self, job: Job) -> None:
        content = end_message(job)
        reference = None
        if job.status_message_id is not None:
            reference = discord.MessageReference(
                message_id=job.status_message_id, channel_id=job.channel_id, fail_if_not_exists=False
            )
        try:
            channel = await self._channel(job.channel_id)
            await self.pacer.turn(SONG)
            await channel.send(content, reference=reference, allowed_mentions=requester_only(job.user_id),
                               nonce=_nonce("e", job))
            return
        except (discord.Forbidden, discord.NotFound):
            pass
        except discord.DiscordServerError as exc:
            raise DeliveryRetry(f"Discord answered {exc.status}") from exc
        try:
            user = await self.bot.fetch_user(job.user_id)
            await user.send(content, nonce=_nonce("e", job))
        except (discord.Forbidden, discord.NotFound):
            log.info("job %d: the member can't be told (no channel, DMs closed)", job.id)

    async def set_buttons(self, channel_id: int, message_id: int, view: discord.ui.View | None) -> None:
        """Replace the buttons under a posted song (its jam closed); a deleted message is left alone."""
        try:
            channel = await self._channel(channel_id)
            message = channel.get_partial_message(message_id)  # type: ignore[attr-defined]
            await self.pacer.turn(STATUS)
            await message.edit(view=view)
        except (discord.Forbidden, discord.NotFound):
            log.info("message %d in channel %d is gone; its jam buttons stay as they were", message_id, channel_id)
