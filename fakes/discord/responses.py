"""Discord-shaped HTTP responses."""

from __future__ import annotations

import hashlib
import json
import math

from aiohttp import web

from fakes.discord.errors import ApiError
from fakes.discord.models import Json


def json_response(body: object, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response whose Content-Type is exactly ``application/json`` (no charset).

    discord.py decodes a body as JSON only when the header is exactly that.
    """
    return web.Response(
        body=json.dumps(body).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def no_content() -> web.Response:
    """204 No Content."""
    return web.Response(status=204)


def error_response(error: ApiError) -> web.Response:
    """``{"message": ..., "code": ...}`` with the error's status."""
    return json_response(error.body(), status=error.status)


def rate_limited(body: Json, retry_after: float, *, bucket: str, is_global: bool) -> web.Response:
    """A 429 as Discord's edge sends it (discord.py retries only when ``Via`` is present)."""
    headers = {
        "Retry-After": str(math.ceil(retry_after)),
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset-After": f"{retry_after:.3f}",
        "X-RateLimit-Bucket": hashlib.sha1(bucket.encode()).hexdigest()[:16],
        "X-RateLimit-Scope": "global" if is_global else "user",
        "Via": "1.1 google",
    }
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    return json_response(body, status=429, headers=headers)
