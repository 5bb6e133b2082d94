"""The song UI: the Cancel button on job messages, the paging of `/song list` and `/song gallery`, and the
form that takes a track, lyrics and a title. The lists and the form are private: in the member's language."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord

from bot.core.i18n import private_locale, translate
from bot.core.i18n.message import localised
from bot.songs.catalog import MusicModel
from bot.songs.intake import ReferenceUpload
from bot.songs.jobs import Job
from bot.songs.lyrics import TITLE_MAX_CHARS
from bot.songs.reference import accepted
from bot.songs.store import Storage
from bot.songs.text import (
    GALLERY_KINDS,
    SONGS_PER_PAGE,
    GalleryKind,
    gallery_page,
    page_count,
    song_list_page,
)
from bot.songs.ui.ports import SongVotes

if TYPE_CHECKING:
    from bot.app import Interaction


class CancelButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"songjam:cancel:(?P<job_id>[0-9]+)"):
    """Cancels the job named in its custom id; it works after a restart, and only for the requester.

    Its label is in the card's language (the server's); its replies in the member's."""

    def __init__(self, job_id: int, *, label: str) -> None:
        super().__init__(
            discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=f"songjam:cancel:{job_id}")
        )
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> CancelButton:
        return cls(int(match["job_id"]), label=item.label or "")

    async def callback(self, interaction: Interaction) -> None:
        engine = interaction.client.engine
        locale = private_locale(interaction)
        job = await engine.storage.get_job(self.job_id)
        if job is None or job.user_id != interaction.user.id:
            await interaction.response.send_message(translate(locale, "songs-card-cancel-not-yours"), ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await engine.cancel(self.job_id, interaction.user.id)
        await interaction.followup.send(result.message.render(locale), ephemeral=True)


class SongListButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"songjam:songs:(?P<member>[0-9]{1,20}):(?P<page>[0-9]{1,6})",
):
    """Shows another page of a member's `/song list`; the server comes from the click, the member and
    the page from the id (so it works after a restart), and only that member may turn the pages."""

    def __init__(self, member_id: int, page: int, *, label: str, disabled: bool = False) -> None:
        super().__init__(discord.ui.Button(
            label=label, style=discord.ButtonStyle.secondary, disabled=disabled,
            custom_id=f"songjam:songs:{member_id}:{page}",
        ))
        self.member_id = member_id
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> SongListButton:
        return cls(int(match["member"]), int(match["page"]), label=item.label or "")

    async def interaction_check(self, interaction: Interaction) -> bool:
        if interaction.user.id != self.member_id:
            await interaction.response.send_message(translate(private_locale(interaction), "songs-list-not-yours"),
                                                    ephemeral=True)
            return False
        return True

    async def callback(self, interaction: Interaction) -> None:
        assert interaction.guild_id is not None
        content, view = await song_list(interaction.client.storage, interaction.guild_id, self.member_id, self.page,
                                        private_locale(interaction))
        await interaction.response.edit_message(content=content, view=view)


async def song_list(
    storage: Storage, guild_id: int, member_id: int, page: int, locale: str
) -> tuple[str, discord.ui.View | None]:
    """A page of the member's songs here (newest first) and its Previous/Next buttons (None for one page),
    the buttons labelled in `locale`."""
    jobs = await storage.member_jobs(guild_id, member_id, limit=SONGS_PER_PAGE, offset=page * SONGS_PER_PAGE)
    total = len(jobs) if page == 0 and len(jobs) < SONGS_PER_PAGE else await storage.member_job_count(
        guild_id, member_id)
    pages = page_count(total)
    if not jobs and page > 0:  # the list shrank (songs expired) since the buttons were made: the last page
        page = pages - 1
        jobs = await storage.member_jobs(guild_id, member_id, limit=SONGS_PER_PAGE, offset=page * SONGS_PER_PAGE)
    content = song_list_page(jobs, page, total, locale)
    if pages <= 1:
        return content, None
    view = discord.ui.View(timeout=None)
    view.add_item(SongListButton(member_id, max(page - 1, 0), label=translate(locale, "songs-page-previous"),
                                 disabled=page == 0))
    view.add_item(SongListButton(member_id, min(page + 1, pages - 1), label=translate(locale, "songs-page-next"),
                                 disabled=page >= pages - 1))
    return content, view


GALLERY_TABS: dict[GalleryKind, str] = {"recent": "songs-gallery-tab-recent", "top": "songs-gallery-tab-top"}


class GalleryButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"songjam:gallery:(?P<kind>recent|top):(?P<page>[0-9]{1,6})(?::(?:prev|next))?",
):
    """Shows a page of `/song gallery`'s Recent or Top view. The server comes from the click, the view
    and the page from the id, so it works after a restart. Whoever clicks may turn the pages: the gallery
    is private, seen only by the member who ran it, and holds nothing of theirs alone anyway.

    Previous/Next carry a `:prev`/`:next` tail only so their ids never equal a tab's (ids in one message
    must differ)."""

    def __init__(self, kind: GalleryKind, page: int, *, label: str, tail: str = "", disabled: bool = False,
                 current: bool = False) -> None:
        super().__init__(discord.ui.Button(
            label=label, disabled=disabled or current, custom_id=f"songjam:gallery:{kind}:{page}{tail}",
            style=discord.ButtonStyle.primary if current else discord.ButtonStyle.secondary,
        ))
        self.kind: GalleryKind = kind
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> GalleryButton:
        kind: GalleryKind = "top" if match["kind"] == "top" else "recent"
        return cls(kind, int(match["page"]), label=item.label or "")

    async def callback(self, interaction: Interaction) -> None:
        assert interaction.guild_id is not None
        client = interaction.client
        content, view = await gallery(client.storage, client.song_votes, interaction.guild_id, self.kind, self.page,
                                      private_locale(interaction))
        await interaction.response.edit_message(content=content, view=view,
                                                allowed_mentions=discord.AllowedMentions.none())


async def gallery(
    storage: Storage, votes: SongVotes, guild_id: int, kind: GalleryKind, page: int, locale: str
) -> tuple[str, discord.ui.View]:
    """A page of the server's songs posted in its channels: newest first (Recent), or by jam votes (Top);
    with the tabs that switch views and, past one page, Previous/Next (labelled in `locale`)."""
    total = await (storage.guild_song_count(guild_id) if kind == "recent" else votes.voted_song_count(guild_id))
    pages = page_count(total)
    page = min(page, pages - 1)  # the list shrank (songs expired) since the buttons were made: the last page
    offset = page * SONGS_PER_PAGE
    songs: list[tuple[Job, int | None]]
    if kind == "recent":
        songs = [(job, None) for job in await storage.guild_songs(guild_id, limit=SONGS_PER_PAGE, offset=offset)]
    else:
        ranked = await votes.top_voted(guild_id, limit=SONGS_PER_PAGE, offset=offset)
        found = {job.id: job for job in await storage.guild_songs_by_id(guild_id, [job_id for job_id, _ in ranked])}
        songs = [(found[job_id], count) for job_id, count in ranked if job_id in found]
    view = discord.ui.View(timeout=None)
    for tab in GALLERY_KINDS:
        view.add_item(GalleryButton(tab, 0, label=translate(locale, GALLERY_TABS[tab]), current=tab == kind))
    if pages > 1:
        view.add_item(GalleryButton(kind, max(page - 1, 0), label=translate(locale, "songs-page-previous"),
                                    tail=":prev", disabled=page == 0))
        view.add_item(GalleryButton(kind, min(page + 1, pages - 1), label=translate(locale, "songs-page-next"),
                                    tail=":next", disabled=page >= pages - 1))
    return gallery_page(kind, songs, page, total, locale), view


def job_view(job: Job, locale: str) -> discord.ui.View | None:
    """The buttons under a job message: Cancel while it is unfinished, none after; in the card's language."""
    if job.is_terminal:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(CancelButton(job.id, label=translate(locale, "songs-card-cancel-button")))
    return view


def upload_of(attachment: discord.Attachment) -> ReferenceUpload:
    """The attachment's fields (all a song needs of it, and all a held song keeps)."""
    return ReferenceUpload(filename=attachment.filename, url=attachment.url, size=attachment.size,
                           content_type=attachment.content_type)


# What a filled-in form hands on: the reference, the lyrics, the style (None: the model takes none) and the title.
SubmitHandler = Callable[["Interaction", ReferenceUpload, str, str | None, str | None], Awaitable[None]]


class SongModal(discord.ui.Modal):
    """One form for the reference track (unless it is known already), the lyrics, a style and a title,
    written in `locale` (the member's: only they see it).

    `lyrics` and `title` pre-fill the form (Edit lyrics); a known `style` is kept without asking.
    """

    def __init__(
        self, model: MusicModel, on_submit: SubmitHandler, *, reference: ReferenceUpload | None,
        style: str | None, locale: str, lyrics: str | None = None, title: str | None = None,
    ) -> None:
        super().__init__(title=translate(locale, "songs-form"), timeout=15 * 60)
        self._handler = on_submit
        self._reference = reference
        self._style = style
        self.upload: discord.ui.FileUpload[Any] | None = None
        if reference is None:
            self.upload = discord.ui.FileUpload(custom_id="reference", min_values=1, max_values=1)
            self.add_item(discord.ui.Label(
                text=translate(locale, "songs-form-reference"), component=self.upload,
                description=translate(locale, "songs-form-reference-hint", formats=localised(accepted(model), locale)),
            ))
        max_lyrics = min(4000, model.lyrics_max_chars)
        self.lyrics = discord.ui.TextInput(
            custom_id="lyrics", style=discord.TextStyle.paragraph, max_length=max_lyrics,
            placeholder=translate(locale, "songs-form-lyrics-placeholder"),
            default=lyrics[:max_lyrics] if lyrics else None,
        )
        self.add_item(discord.ui.Label(
            text=translate(locale, "songs-form-lyrics"), component=self.lyrics,
            description=translate(locale, "songs-form-lyrics-hint", max=model.lyrics_max_chars),
        ))
        self.style_input: discord.ui.TextInput[Any] | None = None
        if model.wants_style and style is None:
            self.style_input = style_input(model, None, locale)
            self.add_item(discord.ui.Label(text=translate(locale, "songs-form-style"), component=self.style_input))
        self.title_input = discord.ui.TextInput(
            custom_id="title", style=discord.TextStyle.short, required=False, max_length=TITLE_MAX_CHARS,
            placeholder=translate(locale, "songs-form-title-placeholder"), default=title,
        )
        self.add_item(discord.ui.Label(text=translate(locale, "songs-form-title"), component=self.title_input))

    async def on_submit(self, interaction: Interaction) -> None:
        reference = self._reference
        if self.upload is not None:
            reference = upload_of(self.upload.values[0]) if self.upload.values else None
        if reference is None:
            await interaction.response.send_message(
                translate(private_locale(interaction), "songs-form-reference-needed"), ephemeral=True)
            return
        style = self.style_input.value if self.style_input is not None else self._style
        await self._handler(interaction, reference, self.lyrics.value, style, self.title_input.value or None)


def style_input(model: MusicModel, style: str | None, locale: str) -> discord.ui.TextInput[Any]:
    """The style field of a form, pre-filled with `style`, its example in `locale`."""
    return discord.ui.TextInput(
        custom_id="style", style=discord.TextStyle.short, max_length=min(4000, model.style_max_chars),
        placeholder=translate(locale, "songs-form-style-placeholder"), default=style,
    )
