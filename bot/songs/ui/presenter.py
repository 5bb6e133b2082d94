"""Shows jobs in Discord for the engine: status messages, the finished song, and bad news."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import discord

from bot.core.pacer import Priority
from bot.core.publisher import CHANNEL_GONE, DEFAULT_UPLOAD_LIMIT, DiscordPublisher, requester_only
from bot.songs.engine import DeliveryRetry
from bot.songs.jobs import Delivery, Job, JobProgress
from bot.songs.text import delivery_message, end_message, fetch_link, song_filename, song_marker, status_message
from bot.songs.ui.ports import DeliveryButtons
from bot.songs.ui.views import job_view

log = logging.getLogger("songjam.presenter")

UPLOAD_TOO_LARGE = 40005
# Before posting again, the messages read after the song's completion (one request), looking for a
# post an earlier try made but never heard back about; the margin covers a clock ahead of Discord's.
HISTORY_SCAN = 100
CLOCK_MARGIN_S = 60.0


def _nonce(kind: str, job: Job) -> str:
    """Same job, same nonce: Discord creates a message once even if a crash makes us send twice."""
    return f"sj{kind}{job.id}"[:25]


def is_song_post(message: discord.Message, job: Job) -> bool:
    """One of the bot's messages carrying this job's song (Discord keeps no nonce in history: by its file or words)."""
    if message.nonce is not None and str(message.nonce) in (_nonce("d", job), _nonce("l", job)):
        return True
    if any(attachment.filename == song_filename(job) for attachment in message.attachments):
        return True
    return song_marker(job) in message.content


class JobPresenter:
    """The engine's `JobPublisher`, over the process's one `DiscordPublisher`."""

    def __init__(self, publisher: DiscordPublisher, delivery_buttons: DeliveryButtons) -> None:
        self.publisher = publisher
        self.delivery_buttons = delivery_buttons

    async def show(self, job: Job, progress: JobProgress | None) -> int | None:
        content = status_message(job, progress)
        view = job_view(job)
        try:
            if job.status_message_id is not None:
                await self.publisher.edit(job.channel_id, job.status_message_id, Priority.STATUS,
                                          content=content, view=view)
                return None
            sent = await self.publisher.send_to(job.channel_id, Priority.STATUS, content, view=view,
                                                allowed_mentions=discord.AllowedMentions.none(), nonce=_nonce("s", job))
        except CHANNEL_GONE:
            # The channel is gone or closed to the bot, or a moderator deleted the message: the
            # song still arrives (by DM if need be), and /song status always shows the job.
            log.info("job %d: its status can't be shown in channel %d", job.id, job.channel_id)
            return None
        return sent.id

    async def deliver(self, job: Job) -> tuple[Delivery, int | None]:
        try:
            channel = await self.publisher.channel(job.channel_id, Priority.SONG)
            return await self._post(channel, job, reply=True, view=await self.delivery_buttons(job))
        except CHANNEL_GONE:
            log.info("job %d: channel closed to the bot; sending the song by DM", job.id)
        try:
            user = await self.publisher.client.fetch_user(job.user_id)
            delivery, message_id = await self._post(await user.create_dm(), job, reply=False)
            return (Delivery.DM if delivery is Delivery.REPLY else delivery), message_id
        except (discord.Forbidden, discord.NotFound):
            log.warning("job %d: no channel or DM takes the song; it stays on /song status", job.id)
            return Delivery.NONE, None

    async def _post(
        self, channel: discord.abc.Messageable, job: Job, *, reply: bool, view: discord.ui.View | None = None
    ) -> tuple[Delivery, int | None]:
        reference = self._reply_to(job) if reply else None
        path = Path(job.result_path) if job.result_path else None
        try:
            if job.delivery_attempts > 1:  # an earlier try may have posted it: its nonce has expired by now
                found = await self._find_post(channel, job)
                if found is not None:
                    return found
            if path is not None and path.exists() and await self._fits(channel, path.stat().st_size):
                try:
                    message = await self.publisher.send(
                        channel, Priority.SONG, delivery_message(job, as_link=False),
                        file=discord.File(path, filename=song_filename(job)), reference=reference,
                        allowed_mentions=requester_only(job.user_id), nonce=_nonce("d", job), view=view,
                    )
                    return Delivery.REPLY, message.id
                except discord.HTTPException as exc:
                    if exc.status != 413 and exc.code != UPLOAD_TOO_LARGE:
                        raise
                    log.info("job %d: Discord refused the file as too large; posting the link", job.id)
            message = await self.publisher.send(
                channel, Priority.SONG, delivery_message(job, as_link=True), reference=reference,
                allowed_mentions=requester_only(job.user_id), nonce=_nonce("l", job), view=view,
            )
            return Delivery.LINK, message.id
        except discord.DiscordServerError as exc:
            raise DeliveryRetry(f"Discord answered {exc.status}") from exc
        except (aiohttp.ClientError, OSError) as exc:
            raise DeliveryRetry(f"network: {type(exc).__name__}") from exc

    async def _fits(self, channel: discord.abc.Messageable, size: int) -> bool:
        """Whether a file of `size` bytes may be posted in `channel` (the server's limit is asked only past 10 MiB)."""
        return size <= DEFAULT_UPLOAD_LIMIT or size <= await self.publisher.upload_limit(channel, Priority.SONG)

    async def _find_post(self, channel: discord.abc.Messageable, job: Job) -> tuple[Delivery, int] | None:
        me = self.publisher.client.user
        since = datetime.fromtimestamp((job.completed_at or job.created_at) - CLOCK_MARGIN_S, tz=UTC)
        for message in await self.publisher.history(channel, Priority.SONG, after=since, limit=HISTORY_SCAN):
            if me is not None and message.author.id == me.id and is_song_post(message, job):
                log.info("job %d: its song is already posted (message %d); not posting it again", job.id, message.id)
                return (Delivery.REPLY if message.attachments else Delivery.LINK), message.id
        return None

    async def announce_end(self, job: Job) -> None:
        content = end_message(job)
        link = fetch_link(job, time.time())
        if link is not None:  # the song was made: its link goes to the member privately if their DMs allow
            try:
                await self.publisher.direct_message(job.user_id, Priority.SONG, f"{content}\n{link}",
                                                    nonce=_nonce("e", job))
                return
            except (discord.Forbidden, discord.NotFound):
                content = f"{content}\n{link}"  # DMs closed: the failure notice to them carries it
            except discord.DiscordServerError as exc:
                raise DeliveryRetry(f"Discord answered {exc.status}") from exc
        try:
            await self.publisher.send_to(job.channel_id, Priority.SONG, content, reference=self._reply_to(job),
                                         allowed_mentions=requester_only(job.user_id), nonce=_nonce("e", job))
            return
        except CHANNEL_GONE:
            pass
        except discord.DiscordServerError as exc:
            raise DeliveryRetry(f"Discord answered {exc.status}") from exc
        try:
            await self.publisher.direct_message(job.user_id, Priority.SONG, content, nonce=_nonce("e", job))
        except (discord.Forbidden, discord.NotFound):
            log.info("job %d: the member can't be told (no channel, DMs closed)", job.id)

    @staticmethod
    def _reply_to(job: Job) -> discord.MessageReference | None:
        if job.status_message_id is None:
            return None
        return discord.MessageReference(message_id=job.status_message_id, channel_id=job.channel_id,
                                        fail_if_not_exists=False)
