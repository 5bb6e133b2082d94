"""The member-facing text of `/help`: one short page per capability, limits from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.core.text import plural
from bot.songs.catalog import MusicModel

Page = Literal["songs", "quota", "jams", "moderators"]
PAGES: tuple[Page, ...] = ("songs", "quota", "jams", "moderators")
PAGE_LABELS: dict[Page, str] = {"songs": "Songs", "quota": "Quotas", "jams": "Jams", "moderators": "Moderators"}


@dataclass(frozen=True)
class HelpFacts:
    """What the pages say about this bot's limits (from its settings and its model)."""

    model: MusicModel
    daily_quota: int
    cooldown_s: float
    unfinished_per_member: int
    reference_max_bytes: int


def _formats(model: MusicModel) -> str:
    return ", ".join(f".{name}" for name in sorted(model.reference_formats))


def _seconds(value: float) -> str:
    return f"{value:g} seconds"


def _songs(facts: HelpFacts) -> list[str]:
    model = facts.model
    length = f"longer than {_seconds(model.reference_min_seconds)}"
    if model.reference_max_seconds is not None:
        length += f" and up to {_seconds(model.reference_max_seconds)}"
    max_bytes = min(facts.reference_max_bytes, model.reference_max_bytes or facts.reference_max_bytes)
    lines = [
        "**Songs**: make a song from a reference track and your lyrics.",
        "• `/song create reference:<file> lyrics:<text>`: inline lyrics; ` / ` starts a new line, "
        "` // ` makes a pause.",
        "• `/song create` (optionally with `reference:`): a form for the file and multi-line lyrics.",
    ]
    if model.wants_style:
        lines.append(f"• `style:` describes the sound ({model.style_min_chars}–{model.style_max_chars} characters).")
    lines += [
        "• `title:` names the song (up to 80 characters; default: its first lyric line).",
        "• Under your finished song: **Again** (a new song, same everything), **Edit lyrics**"
        + (", **Cover with a style**" if model.wants_style else "") + "; each is charged as a new song.",
        "• On any message with an audio file: Apps › **Make a song from this**.",
        "• `jam:` enters the song in a jam (default: the open jam of the channel, if any).",
        "• `/song status [job]`: where one of your songs is.",
        "• `/song list`: all your songs here, newest first, with links.",
        "• `/song cancel job`: cancel a song before it is posted (or use the Cancel button on its card).",
        f"Reference: {_formats(model)}, {length}, up to {max_bytes / 1_000_000:g} MB. "
        f"Lyrics: {model.lyrics_min_chars}–{model.lyrics_max_chars} characters as sent. "
        "Bad input costs nothing.",
    ]
    return lines


def _quota(facts: HelpFacts) -> list[str]:
    cooldown = f"{_seconds(facts.cooldown_s)} between songs" if facts.cooldown_s > 0 else "no wait between songs"
    return [
        "**Quotas**: how many songs you may make.",
        "• `/quota`: songs used and left in the rolling 24 hours, when the next frees up, songs in progress.",
        f"By default {plural(facts.daily_quota, 'song')} a day (moderators may set another number per server, "
        f"role or member, and grant bonus credits), up to {facts.unfinished_per_member} in progress at once, "
        f"{cooldown}; a server and the bot also have daily caps.",
        "A song that fails for a reason that is not yours gives the credit back.",
        "Your first song here asks you to confirm, with a button, that you may use the tracks you upload.",
    ]


def _jams() -> list[str]:
    return [
        "**Jams**: a theme, a deadline, songs and votes.",
        "• `/song create` in a jam's channel (or thread) makes an entry; each entry gets a Vote button.",
        "• `/jam status [jam]`: the open jam.",
        "• `/jam leaderboard [jam]`: live standings.",
        "• `/jam history`: past jams and their winners.",
        "Results are posted at the deadline.",
    ]


def _moderators() -> list[str]:
    return [
        "**Moderators** (Manage Server, or the moderator role):",
        "• `/jam start theme duration [entries_per_member] [channel] [sponsored] [anonymous] [winner_role]`, "
        "`/jam end`, `/jam cancel`, `/jam settings`: run jams.",
        "• `/songadmin settings show|rights|moderator-role|mod-log`: server-wide settings.",
        "• `/songadmin quota default|server-cap|tier|member|list`: how many songs members may make.",
        "• `/songadmin credits grant|take|refund`: bonus credits and refunds.",
        "• `/songadmin ban|unban|bans`: bans with a reason.",
        "• `/songadmin channels add|remove|list`: where songs can be made.",
        "• `/songadmin words add|remove|list`: words refused in lyrics.",
        "• `/songadmin usage [member] [csv]`, `/songadmin audit [member]`: usage and the audit log.",
    ]


def help_page(page: Page, facts: HelpFacts) -> str:
    """The text of one `/help` page."""
    if page == "songs":
        lines = _songs(facts)
    elif page == "quota":
        lines = _quota(facts)
    elif page == "jams":
        lines = _jams()
    else:
        lines = _moderators()
    return "\n".join(lines)
