"""The aiohttp application: middleware (logging, auth, faults, global rate limit) and routes."""

from __future__ import annotations

import asyncio
import logging
import re
from collections import deque
from collections.abc import Awaitable, Callable
from typing import NamedTuple

from aiohttp import web

from fakes.discord import cdn, errors
from fakes.discord.faults import Fault
from fakes.discord.gateway import Gateway
from fakes.discord.responses import error_response, rate_limited
from fakes.discord.routes.channels import ChannelRoutes
from fakes.discord.routes.common import API
from fakes.discord.routes.guilds import GuildRoutes
from fakes.discord.routes.interactions import InteractionRoutes
from fakes.discord.state import World

log = logging.getLogger("fakes.discord.server")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: Paths that take no bot token: the interaction webhook, callbacks and the gateway lookup.
_NO_AUTH = re.compile(r"/(webhooks|interactions)/.*|/gateway")

#: Largest request body accepted (the biggest upload limit is 100 MiB).
MAX_BODY = 256 * 1024 * 1024


class RequestRecord(NamedTuple):
    """One handled HTTP request: ``path`` is relative to ``/api/v10`` for API routes."""

    method: str
    path: str
    status: int
    at: float = 0.0  # when it arrived (the fake's clock, Unix seconds)
    counted: bool = False  # subject to the global rate limit (authorized API routes; a 429 counts too)


class FakeServer:
    """Holds the routes, the request log, faults, and the global rate limiter."""

    def __init__(self, world: World, gateway: Gateway, *, global_rate_limit: int | None) -> None:
        self.world = world
        self.gateway = gateway
        self.global_rate_limit = global_rate_limit
        self.requests: list[RequestRecord] = []
        self.unknown_routes: list[tuple[str, str]] = []
        self.internal_errors: list[str] = []
        self.faults: list[Fault] = []
        self.interactions = InteractionRoutes(world)
        self._recent: deque[float] = deque()

    def build_app(self) -> web.Application:
        """The aiohttp application."""
        app = web.Application(middlewares=[self._middleware], client_max_size=MAX_BODY)
        app.add_routes(self.gateway.routes())
        app.add_routes(cdn.routes(self.world))
        app.add_routes(ChannelRoutes(self.world).routes())
        app.add_routes(GuildRoutes(self.world, lambda: self.gateway.ws_base + "/").routes())
        app.add_routes(self.interactions.routes())
        return app

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path in ("/", "/resume"):
            return await handler(request)
        arrived = self.world.clock.now()
        is_api = request.path.startswith(API + "/")
        path = request.path[len(API) :] if is_api else request.path
        try:
            response = self._precheck(request, path, is_api)
            if isinstance(response, Fault):  # carried out, then the answer is lost
                fault, response = response, await handler(request)
                await asyncio.sleep(fault.delay)
                if response.status < 400:
                    response = fault.response(path)
            elif response is None:
                response = await handler(request)
        except errors.ApiError as exc:
            response = error_response(exc)
        except web.HTTPNotFound:
            response = self._unknown(request, path, errors.not_found_route(), is_api)
        except web.HTTPMethodNotAllowed:
            response = self._unknown(request, path, errors.method_not_allowed(), is_api)
        except ConnectionResetError:
            # The client went away while sending its request (a bot killed mid-upload): as on Discord,
            # nothing was made, and there is no one to answer.
            log.info("client gone during %s %s; nothing done", request.method, path)
            raise
        except Exception as exc:  # a bug in the fake: fail fast (400), never a retried 500
            log.exception("FAKE DISCORD BUG while handling %s %s", request.method, request.path)
            self.internal_errors.append(f"{request.method} {path}: {exc!r}")
            response = error_response(errors.ApiError(400, 0, f"FAKE DISCORD BUG: {exc!r}"))
        counted = is_api and not _NO_AUTH.fullmatch(path)
        self.requests.append(RequestRecord(request.method, path, response.status, arrived, counted))
        return response

    def _precheck(self, request: web.Request, path: str, is_api: bool) -> web.Response | Fault | None:
        """Auth, then injected faults, then the global rate limit; None or a ``handled`` fault: the handler runs."""
        needs_auth = is_api and not _NO_AUTH.fullmatch(path)
        if needs_auth and request.headers.get("Authorization") != f"Bot {self.world.token}":
            raise errors.unauthorized()
        for fault in self.faults:
            if fault.matches(request.method, path):
                log.info("fault: %s %s -> %s", request.method, path, fault.status)
                if fault.handled:
                    fault.hits += 1  # counted now: the answer comes only after ``delay``
                    return fault
                return fault.response(path)
        if needs_auth and self.global_rate_limit is not None:
            return self._global_limit()
        return None

    def _global_limit(self) -> web.Response | None:
        now = self.world.clock.now()
        while self._recent and now - self._recent[0] >= 1.0:
            self._recent.popleft()
        if self.global_rate_limit is not None and len(self._recent) >= self.global_rate_limit:
            retry = max(0.05, 1.0 - (now - self._recent[0]))
            log.warning("global rate limit hit: more than %s requests/s", self.global_rate_limit)
            body = {"message": "You are being rate limited.", "retry_after": retry, "global": True}
            return rate_limited(body, retry, bucket="global", is_global=True)
        self._recent.append(now)
        return None

    def _unknown(self, request: web.Request, path: str, error: errors.ApiError, is_api: bool) -> web.StreamResponse:
        if not is_api:
            return web.Response(status=error.status, text=error.message)
        self.unknown_routes.append((request.method, path))
        log.error("FAKE DISCORD: unknown route %s %s%s", request.method, API, path)
        return error_response(error)
