"""The member-facing text of `/help`: one short page per capability, limits from the settings.

Every line is a message of `bot/locales/<locale>/help.ftl`; this module picks the lines and their
values, so a page reads the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.core.i18n import translate
from bot.songs.catalog import MusicModel

Page = Literal["songs", "quota", "jams", "moderators"]
PAGES: tuple[Page, ...] = ("songs", "quota", "jams", "moderators")


@dataclass(frozen=True)
class HelpFacts:
    """What the pages say about this bot's limits (from its settings and its model)."""

    model: MusicModel
    daily_quota: int
    cooldown_s: float
    unfinished_per_member: int
    reference_max_bytes: int


def page_label(page: Page, locale: str) -> str:
    """The page's button label."""
    return translate(locale, f"help-label-{page}")


def _formats(model: MusicModel) -> str:
    return ", ".join(f".{name}" for name in sorted(model.reference_formats))


def _songs(facts: HelpFacts, locale: str) -> list[str]:
    model = facts.model

    def line(key: str, **args: object) -> str:
        return translate(locale, f"help-songs-{key}", **args)

    if model.reference_max_seconds is None:
        length = line("length-min", min=model.reference_min_seconds)
    else:
        length = line("length-range", min=model.reference_min_seconds, max=model.reference_max_seconds)
    max_bytes = min(facts.reference_max_bytes, model.reference_max_bytes or facts.reference_max_bytes)
    lines = [line("title"), line("inline"), line("form")]
    if model.wants_style:
        lines.append(line("style", min=model.style_min_chars, max=model.style_max_chars))
    lines += [line("title-option"), line("next-steps", cover="yes" if model.wants_style else "no"),
              line("from-message"), line("jam"), line("status"), line("list"), line("gallery"), line("cancel")]
    lines.append(line("limits", formats=_formats(model), length=length, megabytes=max_bytes / 1_000_000,
                      lyrics_min=model.lyrics_min_chars, lyrics_max=model.lyrics_max_chars))
    return lines


def _quota(facts: HelpFacts, locale: str) -> list[str]:
    cooldown = (translate(locale, "help-quota-cooldown", seconds=facts.cooldown_s) if facts.cooldown_s > 0
                else translate(locale, "help-quota-no-cooldown"))
    return [
        translate(locale, "help-quota-title"),
        translate(locale, "help-quota-command"),
        translate(locale, "help-quota-limits", daily=facts.daily_quota, unfinished=facts.unfinished_per_member,
                  cooldown=cooldown),
        translate(locale, "help-quota-refund"),
        translate(locale, "help-quota-rights"),
    ]


_FIXED_LINES: dict[Page, tuple[str, ...]] = {
    "jams": ("title", "enter", "status", "leaderboard", "history", "results"),
    "moderators": ("title", "jams", "settings", "quota", "credits", "bans", "channels", "words", "usage"),
}


def help_page(page: Page, facts: HelpFacts, locale: str) -> str:
    """The text of one `/help` page in `locale` (a shipped locale or a Discord code)."""
    if page == "songs":
        lines = _songs(facts, locale)
    elif page == "quota":
        lines = _quota(facts, locale)
    else:
        lines = [translate(locale, f"help-{page}-{name}") for name in _FIXED_LINES[page]]
    return "\n".join(lines)
