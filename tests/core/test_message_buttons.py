"""Swapping one capability's buttons under a message while the others stay."""

from types import SimpleNamespace
from typing import Any

import discord

from bot.core.message_buttons import swapped


def message(*rows: list[str]) -> Any:
    """A message as discord.py reads it from Discord: rows of buttons by custom id."""
    return SimpleNamespace(components=[
        discord.ActionRow({"type": 1, "components": [{"type": 2, "style": 2, "label": cid, "custom_id": cid}
                                                     for cid in row]})
        for row in rows
    ])


def rows(view: discord.ui.View | None) -> list[list[str]]:
    assert view is not None
    return [[c["custom_id"] for c in row["components"]] for row in view.to_components()]


def test_the_matching_button_is_replaced_in_its_row_and_the_others_stay():
    vote = discord.ui.Button(label="Vote", custom_id="songjam:vote:1:7")
    view = swapped(message(["songjam:again:7", "songjam:edit:7"], ["songjam:jamsubmit:7"]), "songjam:jamsubmit:", vote)
    assert rows(view) == [["songjam:again:7", "songjam:edit:7"], ["songjam:vote:1:7"]]
    assert view is not None and view.timeout is None


def test_a_dropped_button_leaves_the_rest_and_nothing_left_means_none():
    assert rows(swapped(message(["songjam:again:7"], ["songjam:jamsubmit:7"]), "songjam:jamsubmit:", None)) == [
        ["songjam:again:7"]]
    assert swapped(message(["songjam:jamsubmit:7"]), "songjam:jamsubmit:", None) is None
