"""Faults on demand: the next N matching requests fail with a chosen status."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aiohttp import web

from fakes.discord import errors
from fakes.discord.models import Json
from fakes.discord.responses import json_response, rate_limited


@dataclass(eq=False)
class Fault:
    """Answer the next ``times`` requests matching ``method`` + ``path`` (fullmatch) with ``status``.

    ``hits`` counts how often it fired. ``times=None`` fails forever (until cleared).
    ``handled``: the request is carried out first (a message is created), and only its answer
    fails, ``delay`` seconds later: as when Discord acts but the answer is lost on the way.
    """

    method: str
    path: re.Pattern[str]
    status: int
    times: int | None = 1
    retry_after: float = 0.5
    is_global: bool = False
    code: int | None = None
    message: str | None = None
    handled: bool = False
    delay: float = 0.0
    hits: int = 0
    paths: list[str] = field(default_factory=list)

    @property
    def exhausted(self) -> bool:
        """Whether it has fired ``times`` times."""
        return self.times is not None and self.hits >= self.times

    def matches(self, method: str, path: str) -> bool:
        """Whether this fault applies to a request."""
        return not self.exhausted and self.method in ("*", method.upper()) and self.path.fullmatch(path) is not None

    def response(self, path: str) -> web.Response:
        """The failing response (429s carry Retry-After, X-RateLimit-* and Via)."""
        if not self.handled:
            self.hits += 1
        self.paths.append(path)
        if self.status == 429:
            body: Json = {
                "message": self.message or "You are being rate limited.",
                "retry_after": self.retry_after,
                "global": self.is_global,
            }
            if self.code is not None:
                body["code"] = self.code
            return rate_limited(body, self.retry_after, bucket=f"{self.method} {path}", is_global=self.is_global)
        error = errors.default_for_status(self.status)
        if self.code is not None:
            error.code = self.code
        if self.message is not None:
            error.message = self.message
        return json_response(error.body(), status=self.status)
