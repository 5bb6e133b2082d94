"""The fake CDN: signed, expiring attachment URLs and the handler that serves their bytes."""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web

if TYPE_CHECKING:
    from fakes.discord.state import World

log = logging.getLogger("fakes.discord.cdn")

#: Discord's CDN links last about a day.
DEFAULT_TTL = 24 * 3600.0


class CdnSigner:
    """Builds and checks ``?ex=<hex expiry>&is=<hex issued>&hm=<hex hmac>`` query strings."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, path: str, ex: str, issued: str) -> str:
        msg = f"{path}|{ex}|{issued}".encode()
        return hmac.new(self._secret, msg, hashlib.sha256).hexdigest()

    def sign(self, path: str, *, now: float, ttl: float = DEFAULT_TTL) -> str:
        """The signed query string for ``path``, valid for ``ttl`` seconds from ``now``."""
        ex = format(int(now + ttl), "x")
        issued = format(int(now), "x")
        return f"ex={ex}&is={issued}&hm={self._mac(path, ex, issued)}"

    def check(self, path: str, query: dict[str, str], *, now: float) -> bool:
        """Whether the query signs ``path`` and has not expired."""
        try:
            ex, issued, mac = query["ex"], query["is"], query["hm"]
            expires = int(ex, 16)
        except (KeyError, ValueError):
            return False
        if not hmac.compare_digest(mac, self._mac(path, ex, issued)):
            return False
        return now < expires


def url_path(url: str) -> str:
    """The path of an absolute URL."""
    return urlsplit(url).path


def routes(world: World) -> list[web.RouteDef]:
    """CDN routes: ``/attachments/...`` and ``/ephemeral-attachments/...``."""

    async def serve(request: web.Request) -> web.Response:
        try:
            attachment = world.attachments[int(request.match_info["attachment_id"])]
        except (KeyError, ValueError):
            attachment = None
        ok = (
            attachment is not None
            and attachment.filename == request.match_info["filename"]
            and world.cdn.check(request.path, dict(request.query), now=world.clock.now())
        )
        if attachment is None or not ok:
            log.info("CDN refused %s (unknown, unsigned or expired)", request.path_qs)
            return web.Response(status=404, text="This content is no longer available.")
        return web.Response(
            body=attachment.data,
            headers={"Content-Type": attachment.content_type or "application/octet-stream"},
        )

    return [
        web.get("/attachments/{channel_id}/{attachment_id}/{filename}", serve),
        web.get("/ephemeral-attachments/{channel_id}/{attachment_id}/{filename}", serve),
    ]
