"""A faithful local fake of the music gateway's ``/v2/generate/audio`` API.

It follows the contract in docs/music-api.md: Bearer auth checked before the body, per-model validation
answering the error envelope, a slow POST that really fetches ``reference_audio_url`` and checks
it with mutagen, tasks that move queued -> generating -> completed/error on a clock, and a real
MP3 served from a second port (the "CDN": a different origin, like the real gateway's CDN).

Faults are driven in-process (``add_fault``, ``on_next_task``) or over HTTP by another process
(``POST /_fake/faults``, ``POST /_fake/task-rules``; see ``_admin_routes``).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import dataclasses
import io
import random
import secrets
import socket
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from typing import Any, Literal, TypeVar, get_args

import aiohttp
import mutagen
from aiohttp import web
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.wave import WAVE

from fakes.audio import make_mp3
from fakes.service import AsyncService

__all__ = [
    "FAST",
    "REALISTIC",
    "Counters",
    "FakeMusicApi",
    "FakeTask",
    "RequestFault",
    "TaskBehaviour",
    "TaskRule",
    "Timing",
]

API_PATH = "/v2/generate/audio"
_CHUNK = 64 * 1024
_MAX_REFERENCE_BYTES = 50 * 1024 * 1024

Seconds = float | tuple[float, float]
Endpoint = Literal["submit", "poll", "download"]
Outcome = Literal["completed", "error", "never"]
ErrorShape = Literal["message", "detail"]
_T = TypeVar("_T")


@dataclass(frozen=True)
class Timing:
    """How long things take. A ``(low, high)`` pair is drawn uniformly each time."""

    post_delay_s: Seconds = 0.0
    queued_s: Seconds = 0.05
    generating_s: Seconds = 0.2


FAST = Timing()
# The seed saw a 4.5 s POST and ~20 s generation; the contract says 20 to 60 s is usual.
REALISTIC = Timing(post_delay_s=(4.5, 7.0), queued_s=(1.0, 4.0), generating_s=(20.0, 40.0))


@dataclass
class TaskBehaviour:
    """How one task behaves; chosen when it is created (see ``FakeMusicApi.on_next_task``)."""

    outcome: Outcome = "completed"  # "never": stays "generating" forever
    error_shape: ErrorShape = "message"  # {"name","message"} or {"detail":[{"loc","msg","type"}]}
    error_message: str = "Downstream service error"
    queued_s: Seconds | None = None  # None: the fake's timing
    generating_s: Seconds | None = None
    audio_seconds: float | None = None  # None: the fake's audio_seconds
    audio_min_bytes: int | None = None  # oversized output: pad the MP3 to at least this size
    audio_missing: bool = False  # completed, but the audio URL answers 404
    audio_url: str | None = None  # completed answers point here instead of the CDN (any host, e.g. a host_file)
    audio_ttl_s: float | None = None  # the audio URL expires (403) this long after completion
    placeholder_audio_file: bool = False  # poll answers carry an audio_file before completion
    submit_status: int = 201  # NestJS answers 201 to a POST; 200 has been documented too
    legacy_id_field: bool = False  # answers use "generation_id" instead of "id"
    queued_status: str = "queued"  # e.g. "waiting", an unknown pending status

    def __post_init__(self) -> None:
        _check_choice("outcome", self.outcome, Outcome)
        _check_choice("error_shape", self.error_shape, ErrorShape)
        self.queued_s = _seconds(self.queued_s)
        self.generating_s = _seconds(self.generating_s)


@dataclass
class TaskRule:
    """Give ``behaviour`` to the next ``times`` new tasks (None: all) whose prompt or lyrics
    contain ``prompt_contains`` (None: any task)."""

    behaviour: TaskBehaviour
    prompt_contains: str | None = None
    times: int | None = 1


@dataclass
class RequestFault:
    """Answer matching requests with an error instead of serving them.

    It fires on every ``every``-th matching request (so ``every=3, times=None`` makes every
    third poll fail while the task keeps progressing) until it has fired ``times`` times
    (None: forever). ``task_id`` / ``prompt_contains`` narrow it to one task (the prompt or
    lyrics of the submit body, or of the task being polled or downloaded).
    """

    endpoint: Endpoint
    status: int = 500
    times: int | None = 1
    every: int = 1
    retry_after: str | None = None  # Retry-After header value, e.g. "2"
    html: bool = False  # a proxy's text/html page instead of the JSON envelope
    message: str | None = None  # envelope message; None: the usual text for the status
    hang: bool = False  # keep the connection open and never answer (until the fake stops)
    drop: bool = False  # close the connection without answering
    commit: bool = False  # submit only: create (and charge) the task first, then fail
    task_id: str | None = None
    prompt_contains: str | None = None
    seen: int = field(default=0, init=False)  # matching requests so far

    def __post_init__(self) -> None:
        _check_choice("endpoint", self.endpoint, Endpoint)
        if not 400 <= self.status <= 599:
            raise ValueError("status must be an HTTP error status (400-599)")
        if self.every < 1 or (self.times is not None and self.times < 1):
            raise ValueError("every and times must be at least 1")
        if self.commit and self.endpoint != "submit":
            raise ValueError("commit only applies to submit faults")

    def matches(self, endpoint: Endpoint, task_id: str | None, text: str) -> bool:
        return (
            endpoint == self.endpoint
            and (self.task_id is None or self.task_id == task_id)
            and (self.prompt_contains is None or self.prompt_contains in text)
        )


@dataclass
class Counters:
    """What the fake has seen; tests use these to prove nothing was submitted twice."""

    submit_requests: int = 0  # every POST, whatever the outcome
    submits: int = 0  # tasks created (what the gateway charges for)
    submits_by_reference: Counter[str] = field(default_factory=Counter)
    submits_by_prompt: Counter[str] = field(default_factory=Counter)
    poll_requests: int = 0
    polls: Counter[str] = field(default_factory=Counter)  # by generation id as received
    download_requests: int = 0
    downloads: Counter[str] = field(default_factory=Counter)  # files served, by task id
    downloads_with_auth: int = 0  # CDN requests carrying an Authorization header (a leak)
    reference_fetches: int = 0  # reference_audio_url fetches made by the fake
    hosted_fetches: Counter[str] = field(default_factory=Counter)  # host_file files, by name
    faults_fired: int = 0

    def to_json(self) -> dict[str, Any]:
        # Not dataclasses.asdict: it rebuilds a Counter from (key, value) pairs, counting them.
        return {
            item.name: dict(value) if isinstance(value := getattr(self, item.name), Counter) else value
            for item in dataclasses.fields(self)
        }


@dataclass
class FakeTask:
    """A generation. Its status is derived from the clock, so nothing runs in the background."""

    id: str
    model: str
    body: dict[str, Any]
    behaviour: TaskBehaviour
    audio: bytes
    file_token: str
    queued_s: float
    generating_s: float
    created_at: float = field(default_factory=time.monotonic)
    created_at_wall: datetime = field(default_factory=lambda: datetime.now(UTC))
    polls: int = 0
    downloads: int = 0

    @property
    def text(self) -> str:
        """The prompt and lyrics, which faults and rules match on."""
        return _text_of(self.body)

    @property
    def finished_at(self) -> float | None:
        """``time.monotonic()`` when it reaches completed/error; None if it never finishes."""
        if self.behaviour.outcome == "never":
            return None
        return self.created_at + self.queued_s + self.generating_s

    @property
    def completed_at(self) -> float | None:
        """``time.monotonic()`` (system-wide on Linux) when it completed; None unless it does."""
        return self.finished_at if self.behaviour.outcome == "completed" else None

    @property
    def completed_at_wall(self) -> datetime | None:
        if self.completed_at is None:
            return None
        return self.created_at_wall + timedelta(seconds=self.completed_at - self.created_at)

    def status(self, now: float | None = None) -> str:
        elapsed = (time.monotonic() if now is None else now) - self.created_at
        if elapsed < self.queued_s:
            return self.behaviour.queued_status
        finished_at = self.finished_at
        if finished_at is None or self.created_at + elapsed < finished_at:
            return "generating"
        return "completed" if self.behaviour.outcome == "completed" else "error"

    def audio_expired(self, now: float | None = None) -> bool:
        ttl, done = self.behaviour.audio_ttl_s, self.completed_at
        if ttl is None or done is None:
            return False
        return (time.monotonic() if now is None else now) >= done + ttl

    def error_payload(self) -> dict[str, Any]:
        if self.behaviour.error_shape == "detail":
            return {"detail": [{"loc": ["body", "prompt"], "msg": self.behaviour.error_message, "type": "value_error"}]}
        return {"name": "GenerationError", "message": self.behaviour.error_message}

    def to_json(self, cdn_url: str) -> dict[str, Any]:
        wall = self.completed_at_wall
        return {
            "id": self.id,
            "model": self.model,
            "status": self.status(),
            "prompt": self.body.get("prompt"),
            "reference_audio_url": self.body.get("reference_audio_url"),
            "outcome": self.behaviour.outcome,
            "audio_url": _audio_url(cdn_url, self),
            "file_size": len(self.audio),
            "polls": self.polls,
            "downloads": self.downloads,
            "created_at_wall": self.created_at_wall.isoformat(),
            "completed_at_monotonic": self.completed_at,
            "completed_at_wall": wall.isoformat() if wall else None,
        }


# --- validation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _TextRule:
    name: str
    required: bool
    min_len: int
    max_len: int


@dataclass(frozen=True)
class _ReferenceRule:
    formats: tuple[type[mutagen.FileType], ...]
    min_s: float
    max_s: float | None
    strictly_longer: bool  # minimax-music: "longer than 15 seconds"
    base64_allowed: bool


@dataclass(frozen=True)
class _ModelSpec:
    texts: tuple[_TextRule, ...]
    reference: _ReferenceRule | None = None
    audio_setting: bool = False
    flags: tuple[str, ...] = ()
    needs_prompt_or_lyrics: bool = False


_MODELS: dict[str, _ModelSpec] = {
    "minimax-music": _ModelSpec(
        texts=(_TextRule("prompt", True, 1, 600),),
        reference=_ReferenceRule((MP3, WAVE), 15.0, None, True, False),
    ),
    "minimax/music-cover": _ModelSpec(
        texts=(_TextRule("prompt", True, 10, 2000), _TextRule("lyrics", False, 10, 3000)),
        reference=_ReferenceRule((MP3, WAVE, FLAC), 6.0, 360.0, False, True),
        audio_setting=True,
    ),
    "minimax/music-2.6": _ModelSpec(
        texts=(_TextRule("prompt", False, 0, 2000), _TextRule("lyrics", False, 0, 3000)),
        audio_setting=True,
        flags=("is_instrumental", "lyrics_optimizer"),
        needs_prompt_or_lyrics=True,
    ),
    "minimax/music-2.0": _ModelSpec(
        texts=(_TextRule("prompt", True, 10, 2000), _TextRule("lyrics", True, 10, 3000)),
    ),
    "minimax/music-1.5": _ModelSpec(
        texts=(_TextRule("prompt", True, 10, 300), _TextRule("lyrics", True, 10, 3000)),
    ),
}
_AUDIO_SETTING_CHOICES: dict[str, tuple[Any, ...]] = {
    "sample_rate": (16000, 24000, 32000, 44100),
    "bitrate": (32000, 64000, 128000, 256000),
    "format": ("mp3", "wav", "pcm"),
}


def _issue(name: str, msg: str, kind: str = "value_error") -> dict[str, Any]:
    return {"loc": ["body", name], "msg": msg, "type": kind}


def _validate(body: dict[str, Any]) -> list[dict[str, Any]]:
    """Problems with the body, in the upstream validator's ``detail`` shape (empty: valid)."""
    model = body.get("model")
    spec = _MODELS.get(model) if isinstance(model, str) else None
    if spec is None:
        expected = " | ".join(f"'{name}'" for name in _MODELS)
        msg = "Required" if model is None else f"Invalid enum value. Expected {expected}"
        return [_issue("model", msg)]
    issues = []
    for rule in spec.texts:
        value = body.get(rule.name)
        if value is None:
            if rule.required:
                issues.append(_issue(rule.name, "Required", "missing"))
        elif not isinstance(value, str):
            issues.append(_issue(rule.name, "Expected string", "type_error"))
        elif len(value) < rule.min_len:
            msg = f"String must contain at least {rule.min_len} character(s)"
            issues.append(_issue(rule.name, msg, "too_small"))
        elif len(value) > rule.max_len:
            msg = f"String must contain at most {rule.max_len} character(s)"
            issues.append(_issue(rule.name, msg, "too_big"))
    if spec.needs_prompt_or_lyrics and not (body.get("prompt") or body.get("lyrics")):
        issues.append(_issue("lyrics", "Either prompt or lyrics is required", "missing"))
    for flag in spec.flags:
        if flag in body and not isinstance(body[flag], bool):
            issues.append(_issue(flag, "Expected boolean", "type_error"))
    reference = body.get("reference_audio_url")
    if spec.reference is not None and not isinstance(reference, str):
        issues.append(_issue("reference_audio_url", "Required", "missing"))
    if spec.audio_setting and "audio_setting" in body:
        issues.extend(_validate_audio_setting(body["audio_setting"]))
    return issues


def _validate_audio_setting(setting: Any) -> list[dict[str, Any]]:
    if not isinstance(setting, dict):
        return [_issue("audio_setting", "Expected object", "type_error")]
    return [
        _issue("audio_setting", f"{key} must be one of {list(choices)}")
        for key, choices in _AUDIO_SETTING_CHOICES.items()
        if key in setting and setting[key] not in choices
    ]


def _text_of(body: dict[str, Any]) -> str:
    return "\n".join(str(body.get(key) or "") for key in ("prompt", "lyrics"))


def _check_choice(name: str, value: object, choices: Any) -> None:
    if value not in get_args(choices):
        raise ValueError(f"{name} must be one of {get_args(choices)}")


def _seconds(value: Seconds | list[float] | None) -> Seconds | None:
    """Normalise a duration from Python or JSON (a JSON pair arrives as a list)."""
    if isinstance(value, list | tuple):
        low, high = value
        return (float(low), float(high))
    return None if value is None else float(value)


def _audio_url(cdn_url: str, task: FakeTask) -> str:
    return task.behaviour.audio_url or f"{cdn_url}/files/{task.file_token}/output.mp3"


class _ReferenceProblem(Exception):
    """The reference audio is unusable; the message is shown in the 400's detail."""


_DEFAULT_MESSAGES = {
    400: "Body validation error!",
    401: "Unauthorized: this endpoint requires a valid API key",
    403: "You've run out of credits. Please top up your balance.",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal server error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Generation timeout",
}
_HTML_PAGE = (
    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


class FakeMusicApi(AsyncService):
    """The fake gateway. Use ``async with FakeMusicApi() as fake:`` or ``start()``/``stop()``.

    ``base_url`` is the API origin; audio and ``host_file`` files are served from
    ``cdn_url``, another port of the same server, so a client that sends its key to the CDN
    shows up in ``counters.downloads_with_auth``.
    """

    def __init__(
        self,
        *,
        api_key: str = "test-key",
        timing: Timing = FAST,
        audio_seconds: float = 30.0,
        host: str = "127.0.0.1",
        port: int = 0,
        cdn_port: int = 0,
        seed: int | None = None,
        reference_timeout_s: float = 10.0,
        song_audio: Callable[[float], bytes] | None = None,
    ) -> None:
        self.api_key = api_key
        # The MP3 a finished task serves; by default a tone of that length, encoded with lameenc.
        self.song_audio = song_audio
        self.api_keys: set[str] = {api_key}
        self.keys_without_credits: set[str] = set()  # 403 on submit (polling stays free)
        self.timing = timing
        self.audio_seconds = audio_seconds
        self.reference_timeout_s = reference_timeout_s
        self.tasks: dict[str, FakeTask] = {}
        self.faults: list[RequestFault] = []
        self.task_rules: list[TaskRule] = []
        self.counters = Counters()
        self._host = host
        self._ports = (port, cdn_port)
        self._rng = random.Random(seed)
        self._by_token: dict[str, FakeTask] = {}
        self._hosted: dict[str, tuple[str, bytes, str]] = {}  # token -> (name, data, type)
        self._urls: tuple[str, str] | None = None
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._stopping = asyncio.Event()

    # --- lifecycle ---------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The API origin, e.g. ``http://127.0.0.1:41234`` (no trailing slash)."""
        return self._started_urls()[0]

    @property
    def cdn_url(self) -> str:
        return self._started_urls()[1]

    def _started_urls(self) -> tuple[str, str]:
        if self._urls is None:
            raise RuntimeError("FakeMusicApi is not started")
        return self._urls

    async def start(self) -> None:
        app = web.Application(middlewares=[self._envelope_errors], client_max_size=2 * _MAX_REFERENCE_BYTES)
        app.router.add_post(API_PATH, self._submit)
        app.router.add_get(API_PATH, self._poll, allow_head=False)
        app.router.add_get("/files/{token}/{name}", self._download, allow_head=False)
        app.router.add_get("/hosted/{token}/{name}", self._hosted_file, allow_head=False)
        self._admin_routes(app)
        self._stopping.clear()
        self._session = aiohttp.ClientSession()
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        urls = []
        for port in self._ports:
            sock = socket.create_server((self._host, port))
            await web.SockSite(self._runner, sock).start()
            urls.append(f"http://{self._host}:{sock.getsockname()[1]}")
        self._urls = (urls[0], urls[1])

    async def stop(self) -> None:
        self._stopping.set()  # releases hanging requests and slow POSTs
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self._urls = None

    # --- Python control API ------------------------------------------------------------

    def add_fault(self, fault: RequestFault) -> RequestFault:
        """Queue a request fault; faults are checked in the order they were added."""
        self.faults.append(fault)
        return fault

    def on_next_task(
        self,
        behaviour: TaskBehaviour,
        *,
        prompt_contains: str | None = None,
        times: int | None = 1,
    ) -> TaskRule:
        """Give ``behaviour`` to the next ``times`` matching new tasks (None: every task)."""
        rule = TaskRule(behaviour, prompt_contains, times)
        self.task_rules.append(rule)
        return rule

    def clear_faults(self) -> None:
        """Drop all request faults and task rules (existing tasks keep their behaviour)."""
        self.faults.clear()
        self.task_rules.clear()

    def reset(self) -> None:
        """Forget faults, rules, tasks and counters (hosted files and keys stay)."""
        self.clear_faults()
        self.tasks.clear()
        self._by_token.clear()
        self.counters = Counters()

    def host_file(self, name: str, data: bytes, content_type: str | None = None) -> str:
        """Serve ``data`` on the CDN origin (e.g. a reference track) and return its URL."""
        if content_type is None:
            suffix = name.rsplit(".", 1)[-1].lower()
            content_type = {"mp3": "audio/mpeg", "wav": "audio/wav", "png": "image/png"}.get(
                suffix, "application/octet-stream"
            )
        token = secrets.token_urlsafe(8)
        self._hosted[token] = (name, data, content_type)
        return f"{self.cdn_url}/hosted/{token}/{name}"

    def only_task(self) -> FakeTask:
        """The single task created so far (fails loudly if there are none or several)."""
        if len(self.tasks) != 1:
            raise AssertionError(f"expected exactly one task, found {len(self.tasks)}")
        return next(iter(self.tasks.values()))

    # --- helpers -----------------------------------------------------------------------

    def _draw(self, value: Seconds) -> float:
        if isinstance(value, tuple):
            return self._rng.uniform(*value)
        return value

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but wake up early when the fake stops."""
        if seconds > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), seconds)

    def _error(
        self,
        request: web.Request,
        status: int,
        message: str | None = None,
        *,
        detail: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> web.Response:
        """The gateway's error envelope (plus the validator's ``detail`` for 400s)."""
        body: dict[str, Any] = {
            "message": message or _DEFAULT_MESSAGES.get(status, "Error"),
            "path": request.path,
            "requestId": str(uuid.uuid4()),
            "statusCode": status,
            "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds"),
        }
        if detail:
            body["detail"] = detail
        return web.json_response(body, status=status, headers=headers)

    @web.middleware
    async def _envelope_errors(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Unknown paths and wrong methods get the envelope too."""
        try:
            return await handler(request)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return self._error(request, exc.status, exc.reason)

    def _auth_problem(self, request: web.Request, *, charging: bool) -> web.Response | None:
        scheme, _, key = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or key.strip() not in self.api_keys:
            return self._error(request, 401)
        if charging and key.strip() in self.keys_without_credits:
            return self._error(request, 403)
        return None

    def _take_fault(self, endpoint: Endpoint, *, task_id: str | None, text: str) -> RequestFault | None:
        for fault in self.faults:
            if not fault.matches(endpoint, task_id, text):
                continue
            fault.seen += 1
            if fault.seen % fault.every:
                continue
            if fault.times is not None:
                fault.times -= 1
                if fault.times == 0:
                    self.faults.remove(fault)
            self.counters.faults_fired += 1
            return fault
        return None

    async def _fault_response(self, request: web.Request, fault: RequestFault) -> web.StreamResponse:
        if fault.hang:
            await self._stopping.wait()  # the caller has long given up by then
        if fault.drop or fault.hang:
            if request.transport is not None:
                request.transport.close()
            return web.Response(status=fault.status)  # never reaches the closed socket
        headers = {"Retry-After": fault.retry_after} if fault.retry_after else None
        if fault.html:
            page = _HTML_PAGE.format(status=fault.status, reason=HTTPStatus(fault.status).phrase)
            return web.Response(status=fault.status, text=page, content_type="text/html", headers=headers)
        return self._error(request, fault.status, fault.message, headers=headers)

    def _behaviour_for(self, text: str) -> TaskBehaviour:
        for rule in self.task_rules:
            if rule.prompt_contains is None or rule.prompt_contains in text:
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times == 0:
                        self.task_rules.remove(rule)
                # A copy, so a test can change one task without touching the rule.
                return dataclasses.replace(rule.behaviour)
        return TaskBehaviour()

    # --- the API -----------------------------------------------------------------------

    async def _submit(self, request: web.Request) -> web.StreamResponse:
        self.counters.submit_requests += 1
        if problem := self._auth_problem(request, charging=True):
            return problem
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            detail = [{"loc": ["body"], "msg": "Expected a JSON object", "type": "type_error"}]
            return self._error(request, 400, detail=detail)
        fault = self._take_fault("submit", task_id=None, text=_text_of(body))
        if fault is not None and not fault.commit:
            return await self._fault_response(request, fault)
        if issues := _validate(body):
            return self._error(request, 400, detail=issues)
        started = time.monotonic()
        reference_rule = _MODELS[body["model"]].reference
        try:
            if reference_rule is not None:
                await self._check_reference(body["reference_audio_url"], reference_rule)
        except _ReferenceProblem as exc:
            return self._error(request, 400, detail=[_issue("reference_audio_url", str(exc))])
        finally:
            await self._sleep(self._draw(self.timing.post_delay_s) - (time.monotonic() - started))
        task = self._create_task(body)
        if fault is not None:
            return await self._fault_response(request, fault)
        id_field = "generation_id" if task.behaviour.legacy_id_field else "id"
        return web.json_response(
            {id_field: task.id, "status": task.behaviour.queued_status},
            status=task.behaviour.submit_status,
        )

    def _create_task(self, body: dict[str, Any]) -> FakeTask:
        behaviour = self._behaviour_for(_text_of(body))
        seconds = self.audio_seconds if behaviour.audio_seconds is None else behaviour.audio_seconds
        queued_s = self.timing.queued_s if behaviour.queued_s is None else behaviour.queued_s
        generating_s = self.timing.generating_s if behaviour.generating_s is None else behaviour.generating_s
        task = FakeTask(
            id=f"{uuid.uuid4()}:{body['model']}",
            model=body["model"],
            body=body,
            behaviour=behaviour,
            audio=(self.song_audio(seconds) if self.song_audio is not None
                   else make_mp3(seconds, pad_to_bytes=behaviour.audio_min_bytes)),
            file_token=secrets.token_urlsafe(16),
            queued_s=self._draw(queued_s),
            generating_s=self._draw(generating_s),
        )
        self.tasks[task.id] = task
        self._by_token[task.file_token] = task
        self.counters.submits += 1
        self.counters.submits_by_prompt[str(body.get("prompt"))] += 1
        if isinstance(body.get("reference_audio_url"), str):
            self.counters.submits_by_reference[body["reference_audio_url"]] += 1
        return task

    async def _check_reference(self, source: str, rule: _ReferenceRule) -> None:
        """Fetch and inspect the reference like the gateway does before it answers."""
        if source.startswith(("http://", "https://")):
            data = await self._fetch_reference(source)
        elif rule.base64_allowed:
            try:
                data = base64.b64decode(source.split(",", 1)[-1], validate=True)
            except binascii.Error as exc:
                raise _ReferenceProblem("must be an http(s) URL or base64 audio") from exc
        else:
            raise _ReferenceProblem("must be an http(s) URL")
        if len(data) > _MAX_REFERENCE_BYTES:
            raise _ReferenceProblem("the reference audio is larger than 50 MB")
        try:
            audio = mutagen.File(io.BytesIO(data), options=list(rule.formats))
        except mutagen.MutagenError:
            audio = None
        if audio is None:
            kinds = ", ".join(kind.__name__.lower() for kind in rule.formats)
            raise _ReferenceProblem(f"the reference is not a supported audio file ({kinds})")
        length = audio.info.length
        too_short = length <= rule.min_s if rule.strictly_longer else length < rule.min_s
        if too_short:
            raise _ReferenceProblem(
                f"the reference audio is {length:.1f} s long; it must be "
                f"{'longer than' if rule.strictly_longer else 'at least'} {rule.min_s:g} s"
            )
        if rule.max_s is not None and length > rule.max_s:
            raise _ReferenceProblem(f"the reference audio is {length:.1f} s long; at most {rule.max_s:g} s")

    async def _fetch_reference(self, url: str) -> bytes:
        assert self._session is not None
        self.counters.reference_fetches += 1
        timeout = aiohttp.ClientTimeout(total=self.reference_timeout_s)
        try:
            async with self._session.get(url, timeout=timeout) as response:
                if response.status != 200:
                    raise _ReferenceProblem(f"could not fetch the reference (HTTP {response.status})")
                data = bytearray()
                async for chunk in response.content.iter_chunked(_CHUNK):
                    data += chunk
                    if len(data) > _MAX_REFERENCE_BYTES:
                        raise _ReferenceProblem("the reference audio is larger than 50 MB")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise _ReferenceProblem("could not fetch the reference audio") from exc
        return bytes(data)

    async def _poll(self, request: web.Request) -> web.StreamResponse:
        self.counters.poll_requests += 1
        if problem := self._auth_problem(request, charging=False):
            return problem
        generation_id = request.query.get("generation_id")  # aiohttp percent-decodes it
        if not generation_id:
            detail = [{"loc": ["query", "generation_id"], "msg": "Required", "type": "missing"}]
            return self._error(request, 400, "Query validation error!", detail=detail)
        self.counters.polls[generation_id] += 1
        task = self.tasks.get(generation_id)
        text = task.text if task else ""
        if fault := self._take_fault("poll", task_id=generation_id, text=text):
            return await self._fault_response(request, fault)
        if task is None:
            return self._error(request, 404, "Generation not found")
        task.polls += 1
        return web.json_response(self._poll_answer(task))

    def _poll_answer(self, task: FakeTask) -> dict[str, Any]:
        status = task.status()
        audio_file = None
        if status == "completed" or (task.behaviour.placeholder_audio_file and status != "error"):
            audio_file = {
                "url": _audio_url(self.cdn_url, task),
                "content_type": "audio/mpeg",
                "file_name": "output.mp3",
                "file_size": len(task.audio) if status == "completed" else 0,
            }
        id_field = "generation_id" if task.behaviour.legacy_id_field else "id"
        return {
            id_field: task.id,
            "status": status,
            "audio_file": audio_file,
            "error": task.error_payload() if status == "error" else None,
        }

    # --- the CDN -----------------------------------------------------------------------

    async def _download(self, request: web.Request) -> web.StreamResponse:
        self.counters.download_requests += 1
        if "Authorization" in request.headers:
            self.counters.downloads_with_auth += 1
        task = self._by_token.get(request.match_info["token"])
        text = task.text if task else ""
        task_id = task.id if task else None
        if fault := self._take_fault("download", task_id=task_id, text=text):
            return await self._fault_response(request, fault)
        if (
            task is None
            or request.match_info["name"] != "output.mp3"
            or task.status() != "completed"
            or task.behaviour.audio_missing
        ):
            return _cdn_error(404, "NoSuchKey", "The specified key does not exist.")
        if task.audio_expired():
            return _cdn_error(403, "AccessDenied", "Request has expired")
        self.counters.downloads[task.id] += 1
        task.downloads += 1
        return await _stream(request, task.audio, "audio/mpeg")

    async def _hosted_file(self, request: web.Request) -> web.StreamResponse:
        hosted = self._hosted.get(request.match_info["token"])
        if hosted is None or hosted[0] != request.match_info["name"]:
            return _cdn_error(404, "NoSuchKey", "The specified key does not exist.")
        self.counters.hosted_fetches[hosted[0]] += 1
        return await _stream(request, hosted[1], hosted[2])

    # --- admin endpoints, for a sandbox or benchmark in another process -----------------

    def _admin_routes(self, app: web.Application) -> None:
        """``POST /_fake/faults`` (RequestFault fields) · ``POST /_fake/task-rules``
        (TaskBehaviour fields + ``prompt_contains``, ``times``) · ``DELETE /_fake/faults`` ·
        ``POST /_fake/reset`` · ``GET /_fake/state`` · ``POST /_fake/config`` (``api_keys``,
        ``keys_without_credits``, ``timing``, ``audio_seconds``) · ``POST /_fake/files/{name}``
        (raw body; answers ``{"url"}``)."""
        app.router.add_post("/_fake/faults", self._admin_add_fault)
        app.router.add_delete("/_fake/faults", self._admin_clear_faults)
        app.router.add_post("/_fake/task-rules", self._admin_add_rule)
        app.router.add_post("/_fake/reset", self._admin_reset)
        app.router.add_get("/_fake/state", self._admin_state, allow_head=False)
        app.router.add_post("/_fake/config", self._admin_config)
        app.router.add_post("/_fake/files/{name}", self._admin_host_file)

    async def _admin_add_fault(self, request: web.Request) -> web.Response:
        data = await _json_object(request)
        fault = self.add_fault(_build(RequestFault, data))
        return web.json_response({"fault": dataclasses.asdict(fault)}, status=201)

    async def _admin_add_rule(self, request: web.Request) -> web.Response:
        data = await _json_object(request)
        prompt_contains = data.pop("prompt_contains", None)
        times = data.pop("times", 1)
        rule = self.on_next_task(_build(TaskBehaviour, data), prompt_contains=prompt_contains, times=times)
        return web.json_response({"rule": dataclasses.asdict(rule)}, status=201)

    async def _admin_clear_faults(self, request: web.Request) -> web.Response:
        self.clear_faults()
        return web.json_response({"ok": True})

    async def _admin_reset(self, request: web.Request) -> web.Response:
        self.reset()
        return web.json_response({"ok": True})

    async def _admin_state(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "counters": self.counters.to_json(),
                "tasks": [task.to_json(self.cdn_url) for task in self.tasks.values()],
                "faults": [dataclasses.asdict(fault) for fault in self.faults],
                "task_rules": [dataclasses.asdict(rule) for rule in self.task_rules],
                "monotonic_now": time.monotonic(),
            }
        )

    async def _admin_config(self, request: web.Request) -> web.Response:
        data = await _json_object(request)
        unknown = set(data) - {"api_keys", "keys_without_credits", "timing", "audio_seconds"}
        if unknown:
            raise web.HTTPBadRequest(reason=f"unknown fields: {sorted(unknown)}")
        if "api_keys" in data:
            self.api_keys = set(data["api_keys"])
        if "keys_without_credits" in data:
            self.keys_without_credits = set(data["keys_without_credits"])
        if "timing" in data:
            timing = {key: _seconds(value) for key, value in data["timing"].items()}
            self.timing = _build(Timing, {**dataclasses.asdict(self.timing), **timing})
        if "audio_seconds" in data:
            self.audio_seconds = float(data["audio_seconds"])
        return web.json_response({"ok": True})

    async def _admin_host_file(self, request: web.Request) -> web.Response:
        data = await request.read()
        content_type = request.content_type
        if content_type == "application/octet-stream":
            content_type = None  # guess from the name
        url = self.host_file(request.match_info["name"], data, content_type)
        return web.json_response({"url": url}, status=201)


def _cdn_error(status: int, code: str, message: str) -> web.Response:
    """The CDN is object storage, not the gateway: it answers S3-style XML."""
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>'
    return web.Response(status=status, text=body, content_type="application/xml")


async def _stream(request: web.Request, data: bytes, content_type: str) -> web.StreamResponse:
    """Send ``data`` in chunks of a memoryview: big files are never copied per request."""
    response = web.StreamResponse(headers={"Content-Type": content_type})
    response.content_length = len(data)
    await response.prepare(request)
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            await response.write(view[start : start + _CHUNK])
        await response.write_eof()
    except ConnectionError:
        pass  # the client stopped reading (e.g. a size cap); nothing to clean up
    return response


async def _json_object(request: web.Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(reason="expected a JSON object")
    return data


def _build(cls: type[_T], data: dict[str, Any]) -> _T:
    """Build a dataclass from admin JSON, answering 400 for unknown or invalid fields."""
    try:
        return cls(**data)
    except (TypeError, ValueError) as exc:
        raise web.HTTPBadRequest(reason=str(exc)) from exc
