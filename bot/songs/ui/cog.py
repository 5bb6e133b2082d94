"""`/song create|status|list|gallery|cancel`, "Make a song from this" on a message, the next steps under a
delivered song, and the job engine's life cycle.

Every answer here is private, so it is in the member's language (`private_locale`); the command texts
above (`REFERENCE_HELP`...) are the English source that CatalogueTranslator localises (`cmd-*` keys).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.database import DATABASE_ERRORS, is_database_busy
from bot.core.i18n import message, private_locale, translate
from bot.core.i18n.message import localised
from bot.core.interactions import reply_privately
from bot.core.log_context import log_fields
from bot.core.text import message_link
from bot.jams.models import JamRefused
from bot.jams.text import choice_labels, entry_note
from bot.songs.intake import InputRejected, ReferenceUpload, SongOrder, prepare_request, verify_reference
from bot.songs.jobs import NewJob
from bot.songs.lyrics import from_inline, style_refusal
from bot.songs.quota import QuotaExceeded, refusal_reason
from bot.songs.reference import accepted
from bot.songs.text import job_details
from bot.songs.ui.next_steps import PERSISTENT_ITEMS, first_audio
from bot.songs.ui.remake import NextSteps
from bot.songs.ui.views import (
    CancelButton,
    GalleryButton,
    SongListButton,
    SongModal,
    gallery,
    song_list,
    upload_of,
)

if TYPE_CHECKING:
    from bot.app import Interaction, SongjamBot

log = logging.getLogger("songjam.songs")

REFERENCE_HELP = "The reference track (.mp3 or .wav, longer than 15 seconds); leave out to use the form"
LYRICS_HELP = "Your lyrics; ' / ' starts a new line and ' // ' makes a pause. Leave out to use the form"
STYLE_HELP = "The style of the song (e.g. 'dreamy lo-fi, soft vocals')"
JAM_HELP = "Enter the song in this jam (default: the open jam of this channel, if any)"
TITLE_HELP = "A title for the song (up to 80 characters; default: its first lyric line)"
MAKE_FROM_THIS = "Make a song from this"

DATABASE_BUSY_MESSAGE = message("songs-database-busy")


class Songs(commands.Cog):
    song = app_commands.Group(name="song", description="Make a song from a reference track and your lyrics",
                              guild_only=True)

    def __init__(self, bot: SongjamBot) -> None:
        self.bot = bot
        self.model = bot.model
        self.engine = bot.engine
        self.gate = bot.song_gate
        self._engine_task: asyncio.Task[None] | None = None
        self.song.add_command(self._create_command())
        self.next_steps = NextSteps(self.model, bot.storage, self.gate, self.start_job, self._busy)
        self.make_from_this = app_commands.ContextMenu(name=MAKE_FROM_THIS, callback=self.make_from_message)
        self.make_from_this.guild_only = True

    async def cog_load(self) -> None:
        self.bot.settings.incoming_dir.mkdir(parents=True, exist_ok=True)
        self.gate.resume_with(self.resume)  # a song held by the gate (the rights click) comes back here
        self.bot.add_dynamic_items(CancelButton, SongListButton, GalleryButton, *PERSISTENT_ITEMS)
        self.bot.tree.add_command(self.make_from_this)
        self._engine_task = asyncio.create_task(self._run_engine(), name="songjam-engine")

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(CancelButton, SongListButton, GalleryButton, *PERSISTENT_ITEMS)
        self.bot.tree.remove_command(self.make_from_this.name, type=self.make_from_this.type)
        if self._engine_task is not None:
            self._engine_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._engine_task

    async def _run_engine(self) -> None:
        await self.bot.wait_until_ready()
        await self.engine.loops.supervise("engine-recover", self.engine.recover, repeat=False)
        await self.engine.run()

    async def open_jam_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[int]]:
        """The open jams of this server, for `jam:`."""
        if interaction.guild_id is None:
            return []
        now = self.bot.jams.clock()
        jams = await self.bot.jams.open_jams(interaction.guild_id, now)
        labels = choice_labels(jams, current, now, private_locale(interaction))
        return [app_commands.Choice(name=label, value=jam_id) for label, jam_id in labels]

    # --- /song create -------------------------------------------------------------------------

    @app_commands.describe(reference=REFERENCE_HELP, lyrics=LYRICS_HELP, style=STYLE_HELP, jam=JAM_HELP,
                           title=TITLE_HELP)
    async def create_with_style(
        self, interaction: Interaction, reference: discord.Attachment | None = None,
        lyrics: str | None = None, style: str | None = None, jam: int | None = None, title: str | None = None,
    ) -> None:
        """`/song create` where the model takes a style."""
        await self.create(interaction, reference, lyrics, style, jam, title)

    @app_commands.describe(reference=REFERENCE_HELP, lyrics=LYRICS_HELP, jam=JAM_HELP, title=TITLE_HELP)
    async def create_without_style(
        self, interaction: Interaction, reference: discord.Attachment | None = None,
        lyrics: str | None = None, jam: int | None = None, title: str | None = None,
    ) -> None:
        """`/song create` where the model takes no style; a style sent anyway (an old client) is refused."""
        await self.create(interaction, reference, lyrics, interaction.namespace.style, jam, title)

    def _create_command(self) -> app_commands.Command[Songs, ..., None]:
        """`/song create` as this bot's model wants it: `style:` only when the model takes one.

        The command tree is built once per bot and the model is a setting, so the command is made
        here from one of two bound callbacks rather than declared on the class.
        """
        callback = self.create_with_style if self.model.wants_style else self.create_without_style
        command: app_commands.Command[Songs, ..., None] = app_commands.Command(
            name="create", description="Make a song from a reference track and your lyrics", callback=callback,
            parent=self.song,
        )
        command.autocomplete("jam")(self.open_jam_choices)
        return command

    async def create(
        self, interaction: Interaction, reference: discord.Attachment | None,
        lyrics: str | None, style: str | None, jam: int | None, title: str | None = None,
    ) -> None:
        """Make a song from a reference track and your lyrics."""
        if style is not None and not self.model.wants_style:
            await reply_privately(interaction, style_refusal(self.model))  # before the form: nothing to fill in
            return
        if lyrics is None:
            if await self._refused_before_form(interaction):
                return
            await interaction.response.send_modal(
                SongModal(self.model, functools.partial(self._start_from_form, jam=jam),
                          reference=upload_of(reference) if reference is not None else None, style=style, title=title,
                          locale=private_locale(interaction))
            )
            return
        if reference is None:
            await interaction.response.send_message(
                translate(private_locale(interaction), "songs-reference-missing"), ephemeral=True,
            )
            return
        await self.start_job(interaction, upload_of(reference), from_inline(lyrics), style, jam=jam, title=title)

    async def _refused_before_form(self, interaction: Interaction) -> bool:
        """True once a member who may not make songs here (or a busy database) has been answered:
        checked before the form opens, so nobody fills one in for nothing."""
        try:
            return await self.gate.refuse_if_barred(interaction)
        except DATABASE_ERRORS as exc:
            await self._busy(interaction, exc)
            return True

    async def _start_from_form(
        self, interaction: Interaction, upload: ReferenceUpload, lyrics: str, style: str | None, title: str | None,
        *, jam: int | None = None,
    ) -> None:
        await self.start_job(interaction, upload, lyrics, style, jam=jam, title=title)

    # --- "Make a song from this" (a message's context menu) -------------------------------------

    async def make_from_message(self, interaction: Interaction, message: discord.Message) -> None:
        """The form, with the message's first audio file as the reference."""
        attachment = first_audio(message.attachments, self.model.reference_formats)
        if attachment is None:
            locale = private_locale(interaction)
            await interaction.response.send_message(
                translate(locale, "songs-no-audio-in-message", formats=localised(accepted(self.model), locale)),
                ephemeral=True,
            )
            return
        if await self._refused_before_form(interaction):
            return
        await interaction.response.send_modal(
            SongModal(self.model, self._start_from_form, reference=upload_of(attachment), style=None,
                      locale=private_locale(interaction))
        )

    async def resume(self, interaction: Interaction, order: SongOrder) -> None:
        """A held order, released by `interaction` (the rights click, which may have answered already)."""
        await self.start_job(interaction, order.reference, order.lyrics, order.style, jam=order.jam_id,
                             title=order.title)

    async def start_job(
        self, interaction: Interaction, upload: ReferenceUpload, lyrics: str, style: str | None,
        *, jam: int | None = None, title: str | None = None,
    ) -> None:
        """Check what needs no I/O, answer at once, then moderation, the file, the charge; refusals are private."""
        with log_fields(guild_id=interaction.guild_id, member_id=interaction.user.id):
            await self._start_job(interaction, upload, lyrics, style, jam=jam, title=title)

    async def _start_job(
        self, interaction: Interaction, upload: ReferenceUpload, lyrics: str, style: str | None,
        *, jam: int | None = None, title: str | None = None,
    ) -> None:
        settings = self.bot.settings
        locale = private_locale(interaction)
        try:
            request = prepare_request(
                self.model, upload, lyrics, style, max_reference_bytes=settings.reference_max_bytes, title=title,
            )
        except InputRejected as exc:
            await reply_privately(interaction, exc.user_message)
            return
        # Answer Discord before any database read: under a burst those reads queue up, and an
        # interaction must be answered within 3 s. Every answer from here on is a private followup.
        # (A held song resumed by the rights click comes with the click answered already.)
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            limits = await self.gate.admit(interaction, SongOrder(upload, lyrics, style, jam, request.title))
        except DATABASE_ERRORS as exc:
            await self._busy(interaction, exc)
            return
        if limits is None:
            return
        try:
            assert interaction.guild_id is not None and interaction.channel_id is not None
            admission = await self.bot.jams.admit(guild_id=interaction.guild_id, channel_id=interaction.channel_id,
                                                  user_id=interaction.user.id, jam_id=jam, now=self.bot.jams.clock())
            await verify_reference(self.bot.session, request, self.model, max_bytes=settings.reference_max_bytes,
                                   work_dir=settings.incoming_dir)
            job = await self.engine.enqueue(
                NewJob(guild_id=interaction.guild_id, channel_id=interaction.channel_id, user_id=interaction.user.id,
                       model=self.model.name, prompt_text=request.prompt_text, style=request.style,
                       reference_url=upload.url, reference_name=upload.filename, jam_id=admission.jam_id,
                       title=request.title, lyrics=lyrics, member_name=interaction.user.display_name,
                       reference_size=upload.size, reference_type=upload.content_type),
                admission.limits(limits),
            )
        except (InputRejected, JamRefused) as exc:
            await interaction.followup.send(exc.render(locale), ephemeral=True)
            return
        except QuotaExceeded as exc:
            self.bot.metrics.quota_refused(refusal_reason(exc))
            await interaction.followup.send(exc.render(locale), ephemeral=True)  # with when it frees up
            return
        except DATABASE_ERRORS as exc:  # the charge is one transaction: rolled back, nothing recorded
            await self._busy(interaction, exc)
            return
        note = entry_note(admission.jam, locale) if admission.jam else ""
        await interaction.followup.send(translate(locale, "songs-queued", job=str(job.id), note=note), ephemeral=True)

    async def _busy(self, interaction: Interaction, exc: BaseException) -> None:
        """Another program holds the database (a backup, an operator's shell): say so privately."""
        if not is_database_busy(exc):
            raise exc
        log.warning("/song create by user %d: the database is busy (%s); nothing charged", interaction.user.id, exc)
        await reply_privately(interaction, DATABASE_BUSY_MESSAGE)

    # --- /song status, list, gallery, cancel -------------------------------------------------------------

    async def own_job_choices(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        jobs = await self.bot.storage.member_jobs(interaction.guild_id, interaction.user.id, limit=25,
                                                  search=current.strip() or None)
        locale = private_locale(interaction)
        return [app_commands.Choice(name=translate(locale, "songs-job-choice", job=str(job.id), state=job.state.value,
                                                   reference=job.reference_name)[:100], value=job.id)
                for job in jobs]

    @song.command(name="status")
    @app_commands.describe(job="One of your jobs (default: the latest)")
    @app_commands.autocomplete(job=own_job_choices)
    async def status(self, interaction: Interaction, job: int | None = None) -> None:
        """Where one of your songs is."""
        assert interaction.guild_id is not None
        if job is None:
            latest = await self.bot.storage.member_jobs(interaction.guild_id, interaction.user.id, limit=1)
            found = latest[0] if latest else None
        else:
            found = await self.bot.storage.get_job(job)
        if found is None or found.user_id != interaction.user.id or found.guild_id != interaction.guild_id:
            await interaction.response.send_message(translate(private_locale(interaction), "songs-job-not-found"),
                                                    ephemeral=True)
            return
        link = None
        if found.delivery_message_id is not None:
            link = message_link(found.guild_id, found.channel_id, found.delivery_message_id)
        await interaction.response.send_message(
            job_details(found, await self.engine.progress(found), link, private_locale(interaction)),
            ephemeral=True
        )

    @song.command(name="list")
    async def list_jobs(self, interaction: Interaction) -> None:
        """Your songs in this server, newest first, with links to them."""
        assert interaction.guild_id is not None
        content, view = await song_list(self.bot.storage, interaction.guild_id, interaction.user.id, 0,
                                        private_locale(interaction))
        extra: dict[str, Any] = {"view": view} if view is not None else {}
        await interaction.response.send_message(content, ephemeral=True, **extra)

    @song.command(name="gallery")
    async def show_gallery(self, interaction: Interaction) -> None:
        """This server's recent songs and its top songs by jam votes, with links to them.

        Answered privately: it is a list to browse, and every page turned in public would be one more
        message in the channel for everyone. A member shares a song by its post, which the links open.
        """
        assert interaction.guild_id is not None
        content, view = await gallery(self.bot.storage, self.bot.song_votes, interaction.guild_id, "recent", 0,
                                      private_locale(interaction))
        await interaction.response.send_message(content, view=view, ephemeral=True,
                                                allowed_mentions=discord.AllowedMentions.none())

    @song.command(name="cancel")
    @app_commands.describe(job="One of your unfinished jobs")
    @app_commands.autocomplete(job=own_job_choices)
    async def cancel(self, interaction: Interaction, job: int) -> None:
        """Cancel one of your songs before it is posted."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.engine.cancel(job, interaction.user.id)
        await interaction.followup.send(localised(result.message, private_locale(interaction)), ephemeral=True)
