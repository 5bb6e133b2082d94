"""Text helpers for everything the bot writes in Discord: escaping, limits, links and times.

Anything a person typed (lyrics, jam themes, ban reasons, notes, file names) goes through `plain`
(or `code_safe` inside backticks) before it is shown, whoever typed it. `allowed_mentions` is the
real guard against pings; escaping keeps the text from even looking like a ping or formatting.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from yarl import URL

from bot.core.i18n.catalogue import translate
from bot.core.urls import is_internal_host, is_public, parse_ip

MESSAGE_LIMIT = 2000  # characters of content in one message
UPSTREAM_LIMIT = 300  # characters of the music service's (or the network's) own words, once made safe
REDACTED = "[redacted]"
INTERNAL = "[internal address]"

_ZWSP = "\u200b"
# Backslash-escaping any of these makes Discord show it literally instead of as formatting.
_MARKDOWN_SPECIAL = frozenset("\\*_~`|>#[]()-")
_NUMBERED_LIST = re.compile(r"\d+\.")


def message_link(guild_id: int, channel_id: int, message_id: int) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"


def one_line(text: str, limit: int) -> str:
    """Typed text on one line (control characters and runs of white space folded), cut to `limit`."""
    visible = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    flat = " ".join(visible.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def plain(text: str, limit: int = 300) -> str:
    """Typed text made safe to show on one line: markdown shown literally, mentions defused.

    `limit` counts the escaped text, so the result always fits where it is put. Not for use inside
    code spans, where escapes would show: use `code_safe` there.
    """
    units = _escaped_units(one_line(text, len(text) + 1))
    if sum(map(len, units)) <= limit:
        return "".join(units)
    kept: list[str] = []
    used = 0
    for unit in units:
        if used + len(unit) > limit - 1:
            break
        kept.append(unit)
        used += len(unit)
    return "".join(kept).rstrip() + "…"


def code_safe(text: str, limit: int = 80) -> str:
    """Typed text fit to show inside backticks (a file name, a blocked entry)."""
    return one_line(text, limit).replace("`", "'")


def fit(lines: list[str], limit: int = MESSAGE_LIMIT, *, locale: str | None = None) -> str:
    """Join lines, leaving off the last ones (and saying how many, in `locale`) if the message would be too long."""
    text = "\n".join(lines)
    dropped = 0
    while len(text) > limit and len(lines) > 1:
        lines = lines[:-1]
        dropped += 1
        text = "\n".join([*lines, translate(locale, "core-more-lines", count=dropped)])
    return truncate(text, limit)


def truncate(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """At most `limit` characters, marked with … when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escaped_units(text: str) -> list[str]:
    """Each character of `text` as it must be written so Discord shows it literally."""
    numbered = _NUMBERED_LIST.match(text)
    units: list[str] = []
    for index, ch in enumerate(text):
        if ch in _MARKDOWN_SPECIAL or (numbered is not None and index == numbered.end() - 1):
            units.append("\\" + ch)
        elif ch == "<" and text.startswith(("@", "#"), index + 1):
            units.append(ch + _ZWSP)
        elif ch == "@" and text[index + 1 : index + 9].lower().startswith(("everyone", "here")):
            units.append(ch + _ZWSP)
        else:
            units.append(ch)
    return units


# --- text from outside the bot ----------------------------------------------------------------------

_URL = re.compile(r"(?i)\b(?:https?|wss?|ftp)://[^\s<>\"'`]+")
_BEARER = re.compile(r"(?i)\b(bearer|basic)(\s+)(?!\[redacted)\S+")
_CREDENTIAL = re.compile(
    r"(?i)\b((?:x-)?api[_-]?key|apikey|(?:access|refresh|id|auth|session)[_-]?token|token|secret|"
    r"client[_-]?secret|password|passwd|pwd|authorization|signature|sig|credentials?|private[_-]?key)"
    r"(\\?[\"']?\s*[:=]\s*\\?[\"']?)(?!\[redacted)([^\s\"',;&}\\]+)"
)
_TOKEN_SHAPES = re.compile(
    r"[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{20,}"  # Discord tokens, JWTs
    r"|\b(?:sk|pk|rk)[-_][A-Za-z0-9_-]{8,}"  # API keys (sk-..., sk_live_...)
    r"|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{20,}|\bxox[abpr]-[A-Za-z0-9-]{10,}|\bAIza[0-9A-Za-z_-]{30,}"
)
_RANDOM_LOOKING = re.compile(r"[A-Za-z0-9_+/-]{32,}={0,2}")
_UUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])")
_IPV6 = re.compile(r"(?<![\w:.])\[?[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?:%\w+)?\]?(?![\w:])")
_INTERNAL_NAME = re.compile(
    r"(?i)\b(?:[a-z0-9-]+\.)*(?:localhost|[a-z0-9-]+\.(?:internal|local|localdomain|lan|corp|intranet|svc|consul"
    r"|home\.arpa))\b"
)


class UpstreamText(str):
    """Text from outside the bot made fit to show, store and log; only `upstream_text` makes one."""

    __slots__ = ()


def masked(text: str) -> str:
    """`text` without anything that looks like a credential or token, and
    internal addresses (private or loopback IPs, `localhost`, internal zones, single-label hosts).
    Public URLs keep their host and path, never their credentials or query."""
    text = _URL.sub(_public_url, text)
    text = _BEARER.sub(lambda m: f"{m[1]}{m[2]}{REDACTED}", text)
    text = _CREDENTIAL.sub(lambda m: f"{m[1]}{m[2]}{REDACTED}", text)
    text = _TOKEN_SHAPES.sub(REDACTED, text)
    text = _RANDOM_LOOKING.sub(_random_looking, text)
    text = _IPV4.sub(_internal_ip, text)
    text = _IPV6.sub(_internal_ip, text)
    return _INTERNAL_NAME.sub(INTERNAL, text)


def upstream_text(value: object, limit: int = UPSTREAM_LIMIT) -> UpstreamText:
    """The one way text from the music service (or the network) goes anywhere: logs, errors, the
    database, Discord. Secrets, credentials and internal addresses masked, folded onto one line,
    markdown and mentions escaped (`plain`), cut to `limit`. Text already made safe comes back as is."""
    if isinstance(value, UpstreamText):
        return value
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    # Judged on a generous head of the text (an error page can be megabytes), far more than
    # survives the cut. Known secrets were taken out where the text came in (`without_secrets`).
    return UpstreamText(plain(masked(text[: limit * 16]), limit))


def without_secrets(text: str, secrets: Iterable[str]) -> str:
    """`text` with each of `secrets` (and its URL-encoded form) blanked out, longest first."""
    for secret in sorted((s for s in secrets if len(s) >= 6), key=len, reverse=True):
        text = text.replace(secret, REDACTED)
        encoded = quote(secret, safe="")
        if encoded != secret:
            text = text.replace(encoded, REDACTED)
    return text


def _public_url(match: re.Match[str]) -> str:
    raw = match[0].rstrip(".,;:!?)]}")
    tail = match[0][len(raw):]
    try:
        url = URL(raw)
        host = url.raw_host or ""
    except ValueError:
        return INTERNAL + tail
    if is_internal_host(host):
        return INTERNAL + tail
    port = f":{url.explicit_port}" if url.explicit_port is not None else ""
    path = "" if url.raw_path == "/" and not raw.endswith("/") else url.raw_path
    query = "?…" if url.raw_query_string or url.raw_fragment else ""
    return f"{url.scheme}://{host}{port}{path}{query}{tail}"


def _random_looking(match: re.Match[str]) -> str:
    word = match[0]
    if _UUID.fullmatch(word) or not (any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)):
        return word
    return REDACTED


def _internal_ip(match: re.Match[str]) -> str:
    ip = parse_ip(match[0])
    return INTERNAL if ip is not None and not is_public(ip) else match[0]
