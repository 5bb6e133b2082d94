"""Making a delivered song again from its own reference: Again, Edit lyrics, Cover with a style.

Each goes through the songs cog's `start_job` (moderation gate, jam admission, reference check,
charge), so it is a new song in every way. The reference is the one the member gave: its stored
Discord link is renewed through `POST /attachments/refresh-urls` when it has expired or is about
to (bot/core/attachment_links.py says why a URL and not kept bytes).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Literal, Protocol

import aiohttp
import discord

from bot.core.attachment_links import needs_refresh, refresh_links
from bot.core.database import DATABASE_ERRORS
from bot.core.i18n import message, private_locale, translate
from bot.core.interactions import reply_privately
from bot.songs.catalog import MusicModel
from bot.songs.intake import ReferenceUpload
from bot.songs.jobs import Job
from bot.songs.lyrics import style_refusal
from bot.songs.store import Storage
from bot.songs.ui.next_steps import confirm_view
from bot.songs.ui.ports import SongGate
from bot.songs.ui.views import SongModal, style_input

if TYPE_CHECKING:
    from bot.app import Interaction

log = logging.getLogger("songjam.songs.remake")

# Said privately to the member who clicked, in their language (bot/locales/*/songs.ftl).
SONG_GONE = message("songs-remake-song-gone")
REFERENCE_GONE = message("songs-remake-reference-gone")
REFERENCE_UNKNOWN = message("songs-remake-reference-unknown")
DISCORD_DOWN = message("songs-remake-discord-down")

# What the member tried on someone else's song (the `$action` of `songs-remake-not-yours`).
Action = Literal["again", "edit", "cover"]


class StartJob(Protocol):
    """The songs cog's `start_job`."""

    async def __call__(self, interaction: Interaction, upload: ReferenceUpload, lyrics: str, style: str | None,
                       *, jam: int | None = None, title: str | None = None) -> None: ...


# The songs cog's answer when another program holds the database (it re-raises anything else).
Busy = Callable[["Interaction", BaseException], Awaitable[None]]


def reference_of(job: Job) -> ReferenceUpload | None:
    """The job's reference as the member gave it (its link maybe stale); None for a job from before
    the reference's size was kept (migration 10)."""
    if job.reference_size is None:
        return None
    return ReferenceUpload(filename=job.reference_name, url=job.reference_url, size=job.reference_size,
                           content_type=job.reference_type)


def lyrics_of(job: Job) -> str:
    """The lyrics as the member wrote them (older jobs: as sent, which the checks read the same way)."""
    return job.lyrics if job.lyrics is not None else job.prompt_text


class CoverModal(discord.ui.Modal):
    """The style for a cover of a song, pre-filled with the song's own; in the member's `locale`."""

    def __init__(self, model: MusicModel, job: Job, on_submit: functools.partial[Any], locale: str) -> None:
        super().__init__(title=translate(locale, "songs-cover-form"), timeout=15 * 60)
        self._handler = on_submit
        self.style = style_input(model, job.style, locale)
        self.add_item(discord.ui.Label(
            text=translate(locale, "songs-form-style"), component=self.style,
            description=translate(locale, "songs-cover-form-style-hint", min=model.style_min_chars,
                                  max=model.style_max_chars),
        ))

    async def on_submit(self, interaction: Interaction) -> None:
        await self._handler(interaction, style=self.style.value)


class NextSteps:
    """What the next-step buttons do; every refusal is private and charges nothing."""

    def __init__(self, model: MusicModel, storage: Storage, gate: SongGate, start_job: StartJob, busy: Busy) -> None:
        self.model = model
        self.storage = storage
        self.gate = gate
        self.start_job = start_job
        self.busy = busy

    async def _own_job(self, interaction: Interaction, job_id: int, action: Action) -> Job | None:
        """The member's job, or None once they have been told why not."""
        job = await self.storage.get_job(job_id)
        if job is None or job.guild_id != interaction.guild_id:
            await reply_privately(interaction, SONG_GONE)
            return None
        if job.user_id != interaction.user.id:
            await reply_privately(interaction, message("songs-remake-not-yours", user=str(job.user_id), action=action))
            return None
        return job

    async def again(self, interaction: Interaction, job_id: int, *, confirmed: bool) -> None:
        """Same reference, lyrics, style and title; before the member's last credit, ask first."""
        locale = private_locale(interaction)
        if confirmed:  # the private question's Confirm: it becomes the answer
            await interaction.response.edit_message(content=translate(locale, "songs-remake-making-again"), view=None)
        else:  # the reads below may queue under load: answer Discord first
            await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            job = await self._own_job(interaction, job_id, "again")
            if job is None:
                return
            if not confirmed and await self.gate.credits_left(interaction) == 1:
                await interaction.followup.send(translate(locale, "songs-remake-last-credit"),
                                                view=confirm_view(job.id, locale), ephemeral=True)
                return
        except DATABASE_ERRORS as exc:
            await self.busy(interaction, exc)
            return
        await self._make(interaction, job, lyrics_of(job), job.style, job.title)

    async def cancel_again(self, interaction: Interaction, job_id: int) -> None:
        """The private question's Cancel (only its member sees it): nothing happens."""
        await interaction.response.edit_message(content=translate(private_locale(interaction), "songs-remake-not-made"),
                                                view=None)

    async def edit_lyrics(self, interaction: Interaction, job_id: int) -> None:
        """The form with the song's lyrics and title, on its reference (renewed when the form comes back)."""
        try:
            job = await self._own_job(interaction, job_id, "edit")
            if job is None or await self.gate.refuse_if_barred(interaction):
                return
        except DATABASE_ERRORS as exc:
            await self.busy(interaction, exc)
            return
        reference = reference_of(job)
        if reference is None:
            await reply_privately(interaction, REFERENCE_UNKNOWN)
            return
        await interaction.response.send_modal(SongModal(
            self.model, self._submitted, reference=reference, style=job.style, lyrics=lyrics_of(job), title=job.title,
            locale=private_locale(interaction),
        ))

    async def cover(self, interaction: Interaction, job_id: int) -> None:
        """A form for the style; the song is made again with it."""
        if not self.model.wants_style:  # a button from before the model was changed
            await reply_privately(interaction, style_refusal(self.model))
            return
        try:
            job = await self._own_job(interaction, job_id, "cover")
            if job is None or await self.gate.refuse_if_barred(interaction):
                return
        except DATABASE_ERRORS as exc:
            await self.busy(interaction, exc)
            return
        await interaction.response.send_modal(CoverModal(self.model, job, functools.partial(self._covered, job),
                                                         private_locale(interaction)))

    async def _covered(self, job: Job, interaction: Interaction, *, style: str) -> None:
        await self._make(interaction, job, lyrics_of(job), style, job.title)

    async def _submitted(self, interaction: Interaction, upload: ReferenceUpload, lyrics: str, style: str | None,
                         title: str | None) -> None:
        await self._start(interaction, upload, lyrics, style, title)

    async def _make(self, interaction: Interaction, job: Job, lyrics: str, style: str | None,
                    title: str | None) -> None:
        reference = reference_of(job)
        if reference is None:
            await reply_privately(interaction, REFERENCE_UNKNOWN)
            return
        await self._start(interaction, reference, lyrics, style, title)

    async def _start(self, interaction: Interaction, upload: ReferenceUpload, lyrics: str, style: str | None,
                     title: str | None) -> None:
        """Renew the reference's link if it needs it (after answering Discord), then the normal path."""
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)
        url = await self._fresh_link(interaction, upload.url)
        if url is not None:
            await self.start_job(interaction, dataclasses.replace(upload, url=url), lyrics, style, title=title)

    async def _fresh_link(self, interaction: Interaction, url: str) -> str | None:
        """`url`, or a renewed one when it has expired or soon will; None once the member is told why not."""
        if not needs_refresh(url, time.time()):
            return url
        try:
            fresh = await refresh_links(interaction.client.http, [url])
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            log.warning("attachment link refresh failed: %s", type(exc).__name__)
            await reply_privately(interaction, DISCORD_DOWN)
            return None
        if url not in fresh:
            await reply_privately(interaction, REFERENCE_GONE)
            return None
        return fresh[url]
