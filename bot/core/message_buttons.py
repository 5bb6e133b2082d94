"""Changing some of the buttons under a message while keeping the rest.

A delivered song carries buttons of two capabilities (the songs' next steps, the jams' Submit or
Vote); each changes only its own, found by the start of their custom ids.
"""

from __future__ import annotations

from typing import Any

import discord


def swapped(message: discord.Message, prefix: str, replacement: discord.ui.Item[Any] | None) -> discord.ui.View | None:
    """The message's buttons with those whose custom id starts with `prefix` replaced by `replacement`
    (in the same row) or dropped; None when no button is left."""
    view = discord.ui.View.from_message(message, timeout=None)
    for item in list(view.children):
        if isinstance(item, discord.ui.Button) and (item.custom_id or "").startswith(prefix):
            view.remove_item(item)
            if replacement is not None:
                replacement.row = item.row
                view.add_item(replacement)
                replacement = None
    return view if view.children else None
