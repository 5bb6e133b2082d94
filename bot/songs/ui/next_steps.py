"""What to do next with a delivered song: Again, Edit lyrics, Cover with a style (buttons on its message).

The buttons are persistent `DynamicItem`s whose custom ids carry the job id, so they work after a
restart and in any process; what they do lives in `NextSteps` (bot/songs/ui/remake.py, held by the
songs cog). The song's post is public, so its buttons are labelled in the server's language; the
private Confirm/Cancel question before a last credit in the member's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import discord

from bot.core.i18n import translate
from bot.core.i18n.locales import DEFAULT_LOCALE
from bot.songs.catalog import MusicModel
from bot.songs.jobs import Job
from bot.songs.ui.ports import DeliveryButtons, ServerLocale

if TYPE_CHECKING:
    from bot.app import Interaction

MAX_PER_ROW = 5


class NextStepHandler(Protocol):
    """What the buttons call (the songs cog's `NextSteps`)."""

    async def again(self, interaction: Interaction, job_id: int, *, confirmed: bool) -> None: ...
    async def edit_lyrics(self, interaction: Interaction, job_id: int) -> None: ...
    async def cover(self, interaction: Interaction, job_id: int) -> None: ...
    async def cancel_again(self, interaction: Interaction, job_id: int) -> None: ...


def handler(interaction: Interaction) -> NextStepHandler:
    """The songs cog's next steps (the buttons are registered while it is loaded)."""
    cog: Any = interaction.client.get_cog("Songs")
    handlers: NextStepHandler = cog.next_steps
    return handlers


class _JobButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"songjam:next:(?P<job_id>[0-9]+)"):
    """A button acting on the job in its custom id (`songjam:<action>:<job id>`).

    discord.py wants a template on every DynamicItem class; this base is never registered, only its
    subclasses (PERSISTENT_ITEMS), each with its own.
    """

    action = "next"
    label_key = ""  # the label's message in songs.ftl
    emoji: str | None = None
    style = discord.ButtonStyle.secondary

    def __init__(self, job_id: int, *, locale: str = DEFAULT_LOCALE, label: str | None = None) -> None:
        super().__init__(discord.ui.Button(
            label=label or translate(locale, self.label_key), emoji=self.emoji, style=self.style,
            custom_id=f"songjam:{self.action}:{job_id}",
        ))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> _JobButton:
        return cls(int(match["job_id"]), label=item.label)  # the label as posted, in its language


class AgainButton(_JobButton, template=r"songjam:again:(?P<job_id>[0-9]+)"):
    """The same reference, lyrics, style and title, charged as a new song."""

    action, label_key, emoji = "again", "songs-button-again", "🔁"

    async def callback(self, interaction: Interaction) -> None:
        await handler(interaction).again(interaction, self.job_id, confirmed=False)


class EditLyricsButton(_JobButton, template=r"songjam:edit:(?P<job_id>[0-9]+)"):
    """The form, pre-filled with the song's lyrics and title, on the same reference."""

    action, label_key, emoji = "edit", "songs-button-edit-lyrics", "✏️"

    async def callback(self, interaction: Interaction) -> None:
        await handler(interaction).edit_lyrics(interaction, self.job_id)


class CoverButton(_JobButton, template=r"songjam:cover:(?P<job_id>[0-9]+)"):
    """The same song in another style (only for a model that takes a style)."""

    action, label_key, emoji = "cover", "songs-button-cover", "🎨"

    async def callback(self, interaction: Interaction) -> None:
        await handler(interaction).cover(interaction, self.job_id)


class ConfirmAgainButton(_JobButton, template=r"songjam:again-yes:(?P<job_id>[0-9]+)"):
    """On the private question before the member's last credit: make it."""

    action, label_key, style = "again-yes", "songs-button-confirm", discord.ButtonStyle.success

    async def callback(self, interaction: Interaction) -> None:
        await handler(interaction).again(interaction, self.job_id, confirmed=True)


class CancelAgainButton(_JobButton, template=r"songjam:again-no:(?P<job_id>[0-9]+)"):
    """On the private question before the member's last credit: don't."""

    action, label_key = "again-no", "songs-button-cancel"

    async def callback(self, interaction: Interaction) -> None:
        await handler(interaction).cancel_again(interaction, self.job_id)


PERSISTENT_ITEMS = (AgainButton, EditLyricsButton, CoverButton, ConfirmAgainButton, CancelAgainButton)


def next_step_items(job: Job, model: MusicModel, locale: str) -> list[_JobButton]:
    """The buttons a delivered song gets: Again and Edit lyrics, and Cover where the model takes a style;
    labelled in `locale` (the server's: everyone sees them)."""
    items: list[_JobButton] = [AgainButton(job.id, locale=locale), EditLyricsButton(job.id, locale=locale)]
    if model.wants_style:
        items.append(CoverButton(job.id, locale=locale))
    return items


def confirm_view(job_id: int, locale: str) -> discord.ui.View:
    """Confirm/Cancel under the private question before a last credit, in the member's `locale`."""
    view = discord.ui.View(timeout=None)
    view.add_item(ConfirmAgainButton(job_id, locale=locale))
    view.add_item(CancelAgainButton(job_id, locale=locale))
    return view


def compose(first: Sequence[discord.ui.Item[Any]], then: discord.ui.View | None) -> discord.ui.View:
    """`first` on row 0, then `then`'s items on the rows below (each keeps its row, one lower)."""
    if len(first) > MAX_PER_ROW:
        raise ValueError(f"a row holds at most {MAX_PER_ROW} buttons")
    view = discord.ui.View(timeout=None)
    for item in first:
        item.row = 0
        view.add_item(item)
    for item in then.children if then is not None else ():
        item.row = (item.row or 0) + 1
        view.add_item(item)
    return view


class NextStepButtons:
    """The songs' `DeliveryButtons`: the next steps on row 0, and another capability's (the jams') below.

    The song is posted without an interaction (by the engine), so `server_locale` says the server's language.
    """

    def __init__(self, model: MusicModel, then: DeliveryButtons, server_locale: ServerLocale) -> None:
        self.model = model
        self.then = then
        self.server_locale = server_locale

    async def __call__(self, job: Job) -> discord.ui.View | None:
        locale = await self.server_locale(job.guild_id)
        return compose(next_step_items(job, self.model, locale), await self.then(job))


class Named(Protocol):
    filename: str
    content_type: str | None


NamedT = TypeVar("NamedT", bound=Named)


def first_audio(attachments: Sequence[NamedT], formats: frozenset[str]) -> NamedT | None:
    """The first attachment that is audio: by its extension (one the model takes) or its claimed type."""
    for attachment in attachments:
        extension = attachment.filename.rsplit(".", 1)[-1].lower() if "." in attachment.filename else ""
        claimed = (attachment.content_type or "").split(";", 1)[0].strip().lower()
        if extension in formats or claimed.startswith("audio/"):
            return attachment
    return None
