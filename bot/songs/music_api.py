"""The bot's client for the music gateway's ``/v2/generate/audio`` API.

See docs/music-api.md. Every failure is a ``MusicApiError`` whose class tells the caller
what to do; ``user_message`` is the bot's own words, safe to show anyone. Whatever the service (or
the network) said is in ``detail`` and ``Generation.error``, and only ever as ``upstream_text``:
secrets and internal addresses masked, capped, escaped. The API key never appears in messages,
reprs or logs: it is only put in the ``Authorization`` header, and only for the API's origin.

A result is fetched only from an http(s) URL whose host resolves to public addresses (checked
again at every redirect, and the connection made to the checked addresses), and only kept if its
first bytes are MP3 or WAV audio: see ``UrlPolicy`` and ``MusicApiBadResult``.

Retrying a submit: only ``MusicApiNotSent`` and a ``MusicApiBusy`` with ``status == 429``
prove that no task was created. A 5xx ``MusicApiBusy`` or ``MusicApiOutcomeUnknown`` at submit
may have created (and charged) one, so the contract says not to submit again.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import logging
import pathlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any
from urllib.parse import quote

import aiohttp
from yarl import URL

from bot.core.text import UpstreamText, upstream_text, without_secrets
from bot.core.urls import PinnedResolver, UrlPolicy, UrlRefused

__all__ = [
    "Generation",
    "MusicApiBadResult",
    "MusicApiBusy",
    "MusicApiClient",
    "MusicApiError",
    "MusicApiGenerationFailed",
    "MusicApiNotSent",
    "MusicApiOutcomeUnknown",
    "MusicApiRejected",
    "MusicApiUnavailable",
]

log = logging.getLogger("songjam.music_api")

API_PATH = "/v2/generate/audio"
_CHUNK = 64 * 1024
_UNAVAILABLE = "The music service is unavailable right now. The server admins have been told."
_BUSY = "The music service is busy right now. Please try again in a little while."
_UNKNOWN = "The music service did not answer in time."
_NOT_SENT = "Could not reach the music service."
_EXPIRED = "The finished song expired before it could be downloaded."
_NOT_DOWNLOADABLE = "The finished song could not be downloaded."
_REJECTED = "The music service refused the request."
_FAILED = "The music service could not make this song."
_BAD_RESULT = "The music service sent back something that can't be posted as a song."
_REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 3


class MusicApiError(Exception):
    """Base class. ``str(exc)`` is for logs; ``user_message`` is the bot's words for anyone.

    ``detail`` is what the service or the network said, always made safe here (``upstream_text``),
    so no caller can show, store or log it raw: give it to the member privately, if at all.
    """

    def __init__(self, user_message: str, *, status: int | None = None, detail: str = "") -> None:
        self.user_message = user_message
        self.status = status
        self.detail: UpstreamText = upstream_text(detail)
        text = self.detail or user_message
        super().__init__(f"HTTP {status}: {text}" if status is not None else text)


class MusicApiRejected(MusicApiError):
    """400-class: the request is wrong (bad input or a bug). Do not retry."""


class MusicApiUnavailable(MusicApiError):
    """401/402/403: bad key or out of credits. An operator problem; members see a generic text."""


class MusicApiBusy(MusicApiError):
    """429, 500/502/503 or a non-JSON error page: transient. ``retry_after`` in seconds."""

    def __init__(
        self,
        user_message: str,
        *,
        status: int | None = None,
        detail: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(user_message, status=status, detail=detail)
        self.retry_after = retry_after


class MusicApiNotSent(MusicApiError):
    """The request certainly did not reach the API (refused, DNS, connect timeout)."""


class MusicApiOutcomeUnknown(MusicApiError):
    """Timeout or disconnect after the request may have arrived: never resubmit."""


class MusicApiGenerationFailed(MusicApiError):
    """The generation failed (504 "Generation timeout", status error) or its result is gone."""


class MusicApiBadResult(MusicApiError):
    """The result can't be used: its URL is refused (not http(s), not public, too many redirects) or
    the file is not MP3/WAV audio. Not the member's fault; do not retry."""


@dataclass(frozen=True)
class Generation:
    """One poll answer. ``audio_url``/``audio_size`` are only set once completed."""

    id: str
    status: str
    audio_url: str | None
    audio_size: int | None
    error: str | None

    def __post_init__(self) -> None:
        if self.error is not None:  # the service's words: never kept raw
            object.__setattr__(self, "error", upstream_text(self.error))

    @property
    def is_completed(self) -> bool:
        # "completed" without a URL cannot be delivered yet: it stays pending until it has one
        # or the job's own timeout gives up.
        return self.status == "completed" and self.audio_url is not None

    @property
    def is_failed(self) -> bool:
        return self.status in ("error", "failed")

    @property
    def is_pending(self) -> bool:
        return not (self.is_completed or self.is_failed)


class MusicApiClient:
    """Submit, poll and download over one shared ``aiohttp.ClientSession`` (not owned)."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        api_key: str,
        *,
        submit_timeout: float = 120.0,
        poll_timeout: float = 30.0,
        download_timeout: float = 300.0,
        url_policy: UrlPolicy | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        self._session = session
        self._base = URL(base_url.rstrip("/"))
        self._api_key = api_key
        # Blanked out of everything the service answers, before anything reads it: the key, and
        # any other secret the bot holds (the Discord token), should the service echo them back.
        self._secrets = (api_key, *secrets)
        # Results may come from loopback only when the API itself is there (the tests' fakes).
        self._url_policy = url_policy or UrlPolicy.for_api(base_url)
        self._submit_timeout = _timeout(submit_timeout)
        self._poll_timeout = _timeout(poll_timeout)
        self._download_timeout = aiohttp.ClientTimeout(
            total=download_timeout, sock_connect=min(poll_timeout, 10.0), sock_read=poll_timeout
        )

    def __repr__(self) -> str:
        return f"MusicApiClient(base_url={str(self._base)!r})"

    # --- public API ----------------------------------------------------------------------

    async def submit(self, body: dict[str, Any]) -> str:
        """POST a generation; returns its id. See the module docstring before retrying."""
        log.info(
            "submitting model=%s prompt_chars=%d",
            body.get("model"),
            len(body.get("prompt") or ""),
        )
        status, payload, headers = await self._request("POST", self._base / API_PATH[1:], body)
        if not 200 <= status < 300:
            raise self._http_error(status, payload, headers, submitting=True)
        generation_id = None
        if isinstance(payload, dict):
            generation_id = payload.get("id") or payload.get("generation_id")
        if not isinstance(generation_id, str) or not generation_id:
            # Accepted, maybe charged, but we cannot tell which task is ours.
            raise MusicApiOutcomeUnknown(_UNKNOWN, status=status, detail=f"no id in the answer: {_as_text(payload)}")
        log.info("submitted generation %s (HTTP %d)", generation_id, status)
        return generation_id

    async def poll(self, generation_id: str) -> Generation:
        """GET the generation's state. A failed generation is returned (``is_failed``), not
        raised; a 504 raises ``MusicApiGenerationFailed``, an unknown id ``MusicApiRejected``.
        Transport problems raise ``MusicApiNotSent``/``MusicApiOutcomeUnknown`` (both just mean
        "poll again later" here)."""
        url = URL(f"{self._base}{API_PATH}?generation_id={quote(generation_id, safe='')}", encoded=True)
        status, payload, headers = await self._request("GET", url, None)
        if status == 404:
            raise MusicApiRejected(
                "The music service does not know this generation.",
                status=status,
                detail=f"unknown generation {generation_id}",
            )
        if not 200 <= status < 300:
            raise self._http_error(status, payload, headers, submitting=False)
        if not isinstance(payload, dict):
            raise MusicApiBusy(_BUSY, status=status, detail="unreadable poll answer")
        generation = _parse_generation(generation_id, payload)
        log.debug("poll %s -> %s", generation.id, generation.status)
        return generation

    async def download(self, url: str, dest: pathlib.Path, *, max_bytes: int) -> int:
        """Stream ``url`` into ``dest`` (via ``dest.with_suffix('.part')``); returns its size.

        Every hop (the URL, then each redirect, at most ``MAX_REDIRECTS``) must pass the URL policy,
        and is fetched from exactly the addresses checked. The file is kept only if it is MP3 or WAV
        audio; otherwise ``MusicApiBadResult``.
        """
        part = dest.with_suffix(".part")
        resolver = PinnedResolver()
        connector = aiohttp.TCPConnector(resolver=resolver, use_dns_cache=False)
        try:
            async with aiohttp.ClientSession(connector=connector, timeout=self._download_timeout) as fetcher:
                target = self._checked(url)
                for _hop in range(MAX_REDIRECTS + 1):
                    resolver.pin(target.raw_host or "", await self._resolve(target))
                    headers = self._auth_headers() if target.origin() == self._base.origin() else {}
                    async with fetcher.get(target, headers=headers, allow_redirects=False) as response:
                        location = response.headers.get("Location") if response.status in _REDIRECTS else None
                        if location is None:
                            self._check_download_status(response)
                            if response.content_length is not None and response.content_length > max_bytes:
                                raise _too_big(max_bytes, response.content_length)
                            size = await _stream_to(response, part, max_bytes)
                            break
                    target = self._checked(location, base=target)
                else:
                    raise MusicApiBadResult(_BAD_RESULT, detail=f"more than {MAX_REDIRECTS} redirects")
            head = await asyncio.to_thread(_read_head, part)
            if audio_format(head) is None:
                raise MusicApiBadResult(_BAD_RESULT, detail=f"the file is not MP3 or WAV audio (it starts {head!r})")
            await asyncio.to_thread(part.replace, dest)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise MusicApiBusy(_BUSY, detail=f"download failed: {type(exc).__name__}") from exc
        finally:
            await _remove(part)  # only still there if something failed
        log.info("downloaded %d bytes to %s", size, dest)
        return size

    # --- internals -----------------------------------------------------------------------

    def _auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._api_key}"}

    def _checked(self, url: str, *, base: URL | None = None) -> URL:
        """The URL (a redirect's relative to ``base``) if the policy takes its form; MusicApiBadResult if not."""
        try:
            target = self._url_policy.check(base.join(URL(url)) if base is not None else url)
        except (UrlRefused, ValueError) as exc:
            raise MusicApiBadResult(_BAD_RESULT, detail=f"the result URL was refused: {exc}") from None
        return target

    async def _resolve(self, target: URL) -> list[Any]:
        """The checked addresses of the URL's host: MusicApiBadResult if one is not public."""
        try:
            return await self._url_policy.resolve(target)
        except UrlRefused as exc:
            log.warning("refused to fetch a result from %s: %s", target.host, exc)
            raise MusicApiBadResult(_BAD_RESULT, detail=f"the result URL was refused: {exc}") from None
        except OSError as exc:  # the name did not resolve: a passing fault, like any lookup failure
            raise MusicApiBusy(_BUSY, detail=f"download failed: {type(exc).__name__}") from exc

    async def _request(self, method: str, url: URL, body: dict[str, Any] | None) -> tuple[int, Any, dict[str, str]]:
        """Send one API request; returns (status, JSON payload or raw text, headers)."""
        submitting = method == "POST"
        timeout = self._submit_timeout if submitting else self._poll_timeout
        try:
            async with self._session.request(
                method,
                url,
                json=body,
                headers=self._auth_headers(),
                timeout=timeout,
                allow_redirects=False,
            ) as response:
                raw = without_secrets(await response.text(errors="replace"), self._secrets)
                status, headers = response.status, dict(response.headers)
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            # Raised while connecting: nothing was sent.
            log.warning("%s %s not sent: %s", method, url.path, type(exc).__name__)
            detail = without_secrets(f"{type(exc).__name__}: {exc}", self._secrets)
            raise MusicApiNotSent(_NOT_SENT, detail=detail) from exc
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("%s %s outcome unknown: %s", method, url.path, type(exc).__name__)
            raise MusicApiOutcomeUnknown(_UNKNOWN, detail=f"{method} {url.path}: {type(exc).__name__}") from exc
        try:
            payload: Any = json.loads(raw)
        except ValueError:
            payload = raw
        return status, payload, headers

    def _http_error(self, status: int, payload: Any, headers: dict[str, str], *, submitting: bool) -> MusicApiError:
        is_json = isinstance(payload, dict)
        detail = _envelope_text(payload) if is_json else _as_text(payload)
        if status in (401, 402, 403):  # a bad key; out of credits (402 Payment Required, or 403)
            unavailable = MusicApiUnavailable(_UNAVAILABLE, status=status, detail=detail)
            log.error("music API refused the key (HTTP %d): %s", status, unavailable.detail)
            return unavailable
        if status == 504 and is_json:
            return MusicApiGenerationFailed(_FAILED, status=status, detail=detail or "Generation timeout")
        if status == 429 or status >= 500 or not is_json:
            retry_after = _retry_after(headers.get("Retry-After"))
            log.warning(
                "music API busy (HTTP %d, retry after %s)%s",
                status,
                retry_after,
                " at submit: the task may exist" if submitting and status >= 500 else "",
            )
            return MusicApiBusy(_BUSY, status=status, detail=detail, retry_after=retry_after)
        rejected = MusicApiRejected(_REJECTED, status=status, detail=detail or f"Request rejected (HTTP {status}).")
        log.warning("music API rejected the request (HTTP %d): %s", status, rejected.detail)
        return rejected

    def _check_download_status(self, response: aiohttp.ClientResponse) -> None:
        status = response.status
        if status in (403, 404, 410):
            raise MusicApiGenerationFailed(_EXPIRED, status=status, detail="result expired")
        if status == 429 or status >= 500:
            retry_after = _retry_after(response.headers.get("Retry-After"))
            raise MusicApiBusy(_BUSY, status=status, detail="download", retry_after=retry_after)
        if not 200 <= status < 300:
            raise MusicApiRejected(_NOT_DOWNLOADABLE, status=status, detail="download")


def _timeout(total: float) -> aiohttp.ClientTimeout:
    # A separate connect timeout raises ConnectionTimeoutError, which proves nothing was sent.
    return aiohttp.ClientTimeout(total=total, sock_connect=min(total, 10.0))


def _as_text(value: Any) -> str:
    """An answer as text, raw: ``MusicApiError`` makes it safe (``upstream_text``)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def audio_format(head: bytes) -> str | None:
    """"mp3" or "wav" when the first bytes say so (an ID3 tag or an MPEG frame sync; RIFF....WAVE)."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[:3] == b"ID3":
        return "mp3"
    # MPEG audio frame sync (11 set bits) with a real layer (layer bits 00 would be AAC/ADTS).
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return "mp3"
    return None


def _read_head(path: pathlib.Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(12)


def _too_big(max_bytes: int, size: int | None) -> MusicApiRejected:
    return MusicApiRejected(
        "The finished song is larger than allowed.",
        detail=f"result is over {max_bytes} bytes" + (f" ({size})" if size is not None else ""),
    )


async def _stream_to(response: aiohttp.ClientResponse, part: pathlib.Path, max_bytes: int) -> int:
    """Write the body to ``part`` chunk by chunk, stopping as soon as it exceeds ``max_bytes``."""
    size = 0
    handle: IO[bytes] = await asyncio.to_thread(part.open, "wb")
    try:
        async for chunk in response.content.iter_chunked(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise _too_big(max_bytes, response.content_length)
            await asyncio.to_thread(handle.write, chunk)
    finally:
        await asyncio.to_thread(handle.close)
    return size


async def _remove(path: pathlib.Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        await asyncio.to_thread(path.unlink)


def _parse_generation(requested_id: str, payload: dict[str, Any]) -> Generation:
    status = str(payload.get("status") or "unknown").strip().lower()
    audio_url: str | None = None
    audio_size: int | None = None
    audio_file = payload.get("audio_file")
    # Before completion audio_file may be a placeholder: only trust it once completed.
    if status == "completed" and isinstance(audio_file, dict):
        url = audio_file.get("url")
        audio_url = url if isinstance(url, str) and url else None
        size = audio_file.get("file_size")
        audio_size = size if isinstance(size, int) and size >= 0 else None
    error = None
    if status in ("error", "failed"):
        error = _error_text(payload.get("error")) or "The generation failed."
    generation_id = payload.get("id") or payload.get("generation_id") or requested_id
    return Generation(str(generation_id), status, audio_url, audio_size, error)


def _error_text(error: Any) -> str:
    """A failed generation's ``error``: ``message``, else the first ``detail[].msg``, else JSON."""
    if error is None:
        return ""
    if isinstance(error, str):
        return error
    if isinstance(error, dict):
        message = error.get("message")
        if isinstance(message, str) and message:
            return message
        detail = error.get("detail")
        if isinstance(detail, list) and detail and isinstance(detail[0], dict):
            msg = detail[0].get("msg")
            if isinstance(msg, str) and msg:
                return msg
    return json.dumps(error, ensure_ascii=False)


def _envelope_text(payload: dict[str, Any]) -> str:
    """An HTTP error envelope's message, plus the validator's first problem if it sent one."""
    message = payload.get("message")
    if isinstance(message, list):  # NestJS validation pipes send a list of messages
        message = "; ".join(str(item) for item in message)
    message = message if isinstance(message, str) else ""
    problem = ""
    detail = payload.get("detail")
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        loc = [str(part) for part in detail[0].get("loc") or () if part not in ("body", "query")]
        problem = str(detail[0].get("msg") or "")
        problem = f"{'.'.join(loc)}: {problem}" if loc else problem
    elif isinstance(detail, str):
        problem = detail
    if message and problem:
        return f"{message} ({problem})"
    return message or problem or json.dumps(payload, ensure_ascii=False)


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
