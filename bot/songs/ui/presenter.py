"""Shows jobs in Discord for the engine: the song's card, the finished song, and bad news.

A song leaves one message in the channel. Its card (an embed, `bot.songs.card`) is posted once
and edited only when what it shows changes (the last card shown is remembered per job, in
memory: after a restart, one redundant edit at most). The finished song is posted once as a new
message that pings the member (the only ping: Discord never notifies on an edit), with the
picture and the MP3 on it, and then the card is deleted: that delete is part of the card's life
cycle (`show` of a delivered job), so a crash between the post and the delete is repaired by the
engine's refresh of recent cards at start. A job that ends without a song keeps its card (edited
to the end, with the bot's public reason) and the member is told privately, by DM; only when
their DMs are closed is a second, short message posted in the channel (it pings only them and
carries the bot's words only: the music service's own text is never public).

Everything here is written in the server's language (`ServerLocale`): the card and the song's post
are public, and the DM about a song that ended carries no member locale (Discord gives one only
with an interaction).
"""

from __future__ import annotations

import asyncio
import io
import logging
import time
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import discord

from bot.core.i18n import translate
from bot.core.pacer import Priority
from bot.core.publisher import CHANNEL_GONE, DEFAULT_UPLOAD_LIMIT, DiscordPublisher, requester_only
from bot.core.text import one_line
from bot.songs.card import Card, job_card, song_post
from bot.songs.engine import DeliveryRetry
from bot.songs.jobs import Delivery, Job, JobProgress, JobState
from bot.songs.mpeg_frames import mp3_seconds
from bot.songs.picture import song_card_png
from bot.songs.text import delivery_message, end_channel_note, end_notice, picture_filename, song_filename
from bot.songs.ui.ports import DeliveryButtons, ServerLocale
from bot.songs.ui.views import job_view

log = logging.getLogger("songjam.presenter")

UPLOAD_TOO_LARGE = 40005
# Before posting again, the messages read after the song's completion (one request), looking for a
# post an earlier try made but never heard back about; the margin covers a clock ahead of Discord's.
HISTORY_SCAN = 100
CLOCK_MARGIN_S = 60.0
# Songs are minutes long: counting frames past this is not needed to show the length.
MAX_MEASURED_S = 60 * 60.0


def _nonce(kind: str, job: Job) -> str:
    """Same job, same nonce: Discord creates a message once even if a crash makes us send twice."""
    return f"sj{kind}{job.id}"[:25]


def is_song_post(message: discord.Message, job: Job) -> bool:
    """One of the bot's messages carrying this job's song, whatever language it was written in.

    Discord keeps no nonce in history, so by its files (the song's, or the picture of a song posted
    as a link) or, for a link posted without a picture, by the song's download link in its words.
    """
    if message.nonce is not None and str(message.nonce) in (_nonce("d", job), _nonce("l", job)):
        return True
    if any(attachment.filename in (song_filename(job), picture_filename(job)) for attachment in message.attachments):
        return True
    return bool(job.result_url) and job.result_url in message.content


def to_embed(card: Card) -> discord.Embed:
    embed = discord.Embed(title=card.title, description=card.description, colour=card.colour)
    embed.set_author(name=card.author)
    for name, value in card.fields:
        embed.add_field(name=name, value=value, inline=True)
    embed.set_footer(text=card.footer)
    if card.image is not None:
        embed.set_image(url=card.image)
    return embed


def _picture_title(job: Job, locale: str) -> str:
    """The title as drawn (no markdown escapes: a picture shows text as it is)."""
    if job.title and job.title.strip():
        return one_line(job.title, 80)
    lines = [line for line in (job.lyrics or job.prompt_text).replace("##", "").splitlines() if line.strip()]
    return one_line(lines[0], 80) if lines else translate(locale, "songs-card-untitled", job=str(job.id))


def _audio_seconds(path: Path) -> float | None:
    try:
        with path.open("rb") as handle:
            return mp3_seconds(handle, MAX_MEASURED_S)
    except OSError:
        return None


class JobPresenter:
    """The engine's `JobPublisher`, over the process's one `DiscordPublisher`."""

    def __init__(
        self, publisher: DiscordPublisher, delivery_buttons: DeliveryButtons, server_locale: ServerLocale
    ) -> None:
        self.publisher = publisher
        self.delivery_buttons = delivery_buttons
        self.server_locale = server_locale
        self._shown: dict[int, Card] = {}  # job id -> the card last shown (posted or edited)
        # job id -> its server's language, while the job is unfinished: looked up once per job, not
        # per card edit (for a server on another shard, the lookup may ask Discord).
        self._locales: dict[int, str] = {}

    async def _locale(self, job: Job) -> str:
        """The language of what this job shows: its server's."""
        locale = self._locales.get(job.id)
        if locale is None:
            locale = await self.server_locale(job.guild_id)
            if not job.is_terminal:
                self._locales[job.id] = locale
        return locale

    async def show(self, job: Job, progress: JobProgress | None) -> int | None:
        if job.state is JobState.DELIVERED and job.delivery in (Delivery.REPLY, Delivery.LINK):
            await self._remove_card(job)
            return None
        locale = await self._locale(job)
        card = job_card(job, progress, locale)
        if job.status_message_id is not None and self._shown.get(job.id) == card:
            return None  # the card already shows exactly this: no request
        if job.status_message_id is None and job.state is JobState.DELIVERED:
            return None  # posted elsewhere (a DM) before any card: none is needed now
        view = job_view(job, locale)
        try:
            if job.status_message_id is not None:
                await self.publisher.edit(job.channel_id, job.status_message_id, Priority.STATUS,
                                          content=None, embed=to_embed(card), view=view)
                message_id = None
            else:
                sent = await self.publisher.send_to(
                    job.channel_id, Priority.STATUS, embed=to_embed(card), view=view,
                    allowed_mentions=discord.AllowedMentions.none(), nonce=_nonce("s", job))
                message_id = sent.id
        except CHANNEL_GONE:
            # The channel is gone or closed to the bot, or a moderator deleted the card: the song
            # still arrives (by DM if need be), and /song status always shows the job.
            log.info("job %d: its card can't be shown in channel %d", job.id, job.channel_id)
            return None
        if job.is_terminal:
            self._shown.pop(job.id, None)
            self._locales.pop(job.id, None)
        else:
            self._shown[job.id] = card
        return message_id

    async def _remove_card(self, job: Job) -> None:
        """The song is posted: its card goes (one message per song stays in the channel)."""
        self._shown.pop(job.id, None)
        self._locales.pop(job.id, None)
        if job.status_message_id is None:
            return
        try:
            await self.publisher.delete(job.channel_id, job.status_message_id, Priority.STATUS)
        except CHANNEL_GONE:  # already deleted (a refresh after a restart), or the channel is gone
            log.info("job %d: its card %d is already gone", job.id, job.status_message_id)

    async def deliver(self, job: Job) -> tuple[Delivery, int | None]:
        try:
            channel = await self.publisher.channel(job.channel_id, Priority.SONG)
            return await self._post(channel, job, view=await self.delivery_buttons(job))
        except CHANNEL_GONE:
            log.info("job %d: channel closed to the bot; sending the song by DM", job.id)
        try:
            user = await self.publisher.client.fetch_user(job.user_id)
            delivery, message_id = await self._post(await user.create_dm(), job)
            return (Delivery.DM if delivery is Delivery.REPLY else delivery), message_id
        except (discord.Forbidden, discord.NotFound):
            log.warning("job %d: no channel or DM takes the song; it stays on /song status", job.id)
            return Delivery.NONE, None

    async def _post(
        self, channel: discord.abc.Messageable, job: Job, *, view: discord.ui.View | None = None
    ) -> tuple[Delivery, int | None]:
        path = Path(job.result_path) if job.result_path else None
        try:
            locale = await self._locale(job)  # may ask Discord: its faults are retried as the post's
            if job.delivery_attempts > 1:  # an earlier try may have posted it: its nonce has expired by now
                found = await self._find_post(channel, job)
                if found is not None:
                    return found
            picture = await self._picture(job, path, locale)
            seconds = await asyncio.to_thread(_audio_seconds, path) if path is not None and path.exists() else None
            if path is not None and path.exists() and await self._fits(channel, path.stat().st_size):
                try:
                    message = await self.publisher.send(
                        channel, Priority.SONG, delivery_message(job, as_link=False, locale=locale),
                        **self._song_parts(job, picture, seconds, path, locale), view=view,
                        allowed_mentions=requester_only(job.user_id), nonce=_nonce("d", job),
                    )
                    return Delivery.REPLY, message.id
                except discord.HTTPException as exc:
                    if exc.status != 413 and exc.code != UPLOAD_TOO_LARGE:
                        raise
                    log.info("job %d: Discord refused the file as too large; posting the link", job.id)
            message = await self.publisher.send(
                channel, Priority.SONG, delivery_message(job, as_link=True, locale=locale),
                **self._song_parts(job, picture, seconds, None, locale), view=view,
                allowed_mentions=requester_only(job.user_id), nonce=_nonce("l", job),
            )
            return Delivery.LINK, message.id
        except discord.DiscordServerError as exc:
            raise DeliveryRetry(f"Discord answered {exc.status}") from exc
        except (aiohttp.ClientError, OSError) as exc:
            raise DeliveryRetry(f"network: {type(exc).__name__}") from exc

    @staticmethod
    def _song_parts(
        job: Job, picture: bytes | None, seconds: float | None, audio: Path | None, locale: str
    ) -> dict[str, object]:
        """The song post's embed and files (fresh `discord.File`s: a refused upload consumes them)."""
        files = []
        if audio is not None:
            files.append(discord.File(audio, filename=song_filename(job)))
        image = None
        if picture is not None:
            name = picture_filename(job)
            files.append(discord.File(io.BytesIO(picture), filename=name))
            image = f"attachment://{name}"
        parts: dict[str, object] = {"embed": to_embed(song_post(job, audio_seconds=seconds, image=image,
                                                                locale=locale))}
        if files:
            parts["files"] = files
        return parts

    @staticmethod
    async def _picture(job: Job, path: Path | None, locale: str) -> bytes | None:
        """The song's picture; None (and a log line) when it can't be drawn: the song goes out without it."""
        if path is None or not path.exists():
            return None
        try:
            return await song_card_png(path, title=_picture_title(job, locale), member_name=job.member_name or "",
                                       locale=locale)
        except Exception:
            log.warning("job %d: its picture could not be drawn; posting the song without it", job.id, exc_info=True)
            return None

    async def _fits(self, channel: discord.abc.Messageable, size: int) -> bool:
        """Whether a file of `size` bytes may be posted in `channel` (the server's limit is asked only past 10 MiB)."""
        return size <= DEFAULT_UPLOAD_LIMIT or size <= await self.publisher.upload_limit(channel, Priority.SONG)

    async def _find_post(self, channel: discord.abc.Messageable, job: Job) -> tuple[Delivery, int] | None:
        me = self.publisher.client.user
        since = datetime.fromtimestamp((job.completed_at or job.created_at) - CLOCK_MARGIN_S, tz=UTC)
        for message in await self.publisher.history(channel, Priority.SONG, after=since, limit=HISTORY_SCAN):
            if me is not None and message.author.id == me.id and is_song_post(message, job):
                log.info("job %d: its song is already posted (message %d); not posting it again", job.id, message.id)
                found = any(a.filename == song_filename(job) for a in message.attachments)
                return (Delivery.REPLY if found else Delivery.LINK), message.id
        return None

    async def announce_end(self, job: Job) -> None:
        """Tell the member privately why their song ended (a cancel needs no notice: they clicked it)."""
        if job.state is JobState.CANCELLED:
            return
        locale = await self._locale(job)
        try:
            await self.publisher.direct_message(job.user_id, Priority.SONG, end_notice(job, time.time(), locale),
                                                nonce=_nonce("e", job))
            return
        except (discord.Forbidden, discord.NotFound):
            log.info("job %d: the member's DMs are closed; a short note goes to the channel", job.id)
        except discord.DiscordServerError as exc:
            raise DeliveryRetry(f"Discord answered {exc.status}") from exc
        try:
            await self.publisher.send_to(job.channel_id, Priority.SONG, end_channel_note(job, locale),
                                         reference=self._reply_to(job), allowed_mentions=requester_only(job.user_id),
                                         nonce=_nonce("e", job))
        except CHANNEL_GONE:
            log.info("job %d: the member can't be told (no channel, DMs closed)", job.id)
        except discord.DiscordServerError as exc:
            raise DeliveryRetry(f"Discord answered {exc.status}") from exc

    @staticmethod
    def _reply_to(job: Job) -> discord.MessageReference | None:
        if job.status_message_id is None:
            return None
        return discord.MessageReference(message_id=job.status_message_id, channel_id=job.channel_id,
                                        fail_if_not_exists=False)
