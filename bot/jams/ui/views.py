"""The jam buttons under delivered songs: Vote on entries, Submit to jam on a member's other songs.

Both are persistent `DynamicItem`s whose custom ids carry the ids they act on, so they keep
working after a restart.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.core.message_buttons import swapped
from bot.jams.models import Jam, JamRefused
from bot.jams.service import JamButton, Jams
from bot.jams.text import closed_button_label, entered_reply, vote_reply
from bot.songs.jobs import Job

if TYPE_CHECKING:
    from bot.app import Interaction


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"songjam:vote:(?P<jam_id>[0-9]+):(?P<job_id>[0-9]+)"
):
    """One vote for the entry in its custom id; pressing another entry's button moves the vote."""

    def __init__(self, jam_id: int, job_id: int, *, label: str = "Vote", disabled: bool = False) -> None:
        super().__init__(discord.ui.Button(
            label=label, emoji="🗳️", style=discord.ButtonStyle.primary, disabled=disabled,
            custom_id=f"songjam:vote:{jam_id}:{job_id}",
        ))
        self.jam_id = jam_id
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> VoteButton:
        return cls(int(match["jam_id"]), int(match["job_id"]))

    async def callback(self, interaction: Interaction) -> None:
        jams: Jams = interaction.client.jams
        try:
            receipt = await jams.vote(self.jam_id, self.job_id, interaction.user.id, jams.clock())
        except JamRefused as exc:
            await interaction.response.send_message(exc.user_message, ephemeral=True)
            return
        await interaction.response.send_message(vote_reply(receipt), ephemeral=True)


class JamSubmitButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"songjam:jamsubmit:(?P<job_id>[0-9]+)"):
    """Enters the song in its custom id in the open jam of its channel, then becomes its Vote button."""

    def __init__(self, job_id: int) -> None:
        super().__init__(discord.ui.Button(
            label="Submit to jam", emoji="🎤", style=discord.ButtonStyle.success,
            custom_id=f"songjam:jamsubmit:{job_id}",
        ))
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]
    ) -> JamSubmitButton:
        return cls(int(match["job_id"]))

    async def callback(self, interaction: Interaction) -> None:
        jams: Jams = interaction.client.jams
        try:
            jam = await jams.submit_song(self.job_id, interaction.user.id, jams.clock())
        except JamRefused as exc:
            await interaction.response.send_message(exc.user_message, ephemeral=True)
            return
        await interaction.response.edit_message(view=with_vote(interaction.message, jam.id, self.job_id))
        await interaction.followup.send(entered_reply(jam), ephemeral=True)


def entry_view(jam_id: int, job_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton(jam_id, job_id))
    return view


def with_vote(message: discord.Message | None, jam_id: int, job_id: int) -> discord.ui.View | None:
    """The message's buttons with the song's Submit turned into its Vote; the song's other buttons
    (the next steps under it) stay as they are."""
    if message is None:
        return entry_view(jam_id, job_id)
    return swapped(message, f"songjam:jamsubmit:{job_id}", VoteButton(jam_id, job_id))


def submit_view(job_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(JamSubmitButton(job_id))
    return view


def closed_vote_button(jam: Jam, job_id: int, votes: int) -> VoteButton:
    """The entry's button after the close: disabled, with its final count (or "Jam cancelled")."""
    return VoteButton(jam.id, job_id, label=closed_button_label(jam, votes), disabled=True)


class JamDeliveryButtons:
    """The jam button a delivered song carries, if any: Vote on an entry, Submit to jam otherwise."""

    def __init__(self, jams: Jams) -> None:
        self.jams = jams

    async def __call__(self, job: Job) -> discord.ui.View | None:
        found = await self.jams.button_for(job, self.jams.clock())
        if found is None:
            return None
        button, jam = found
        return entry_view(jam.id, job.id) if button is JamButton.VOTE else submit_view(job.id)
