"""The gateway: a WebSocket speaking Discord's v10 JSON protocol (zlib-stream / zstd-stream)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import zlib
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from fakes.discord import events
from fakes.discord.events import Event
from fakes.discord.models import Json
from fakes.discord.state import World

log = logging.getLogger("fakes.discord.gateway")

DISPATCH = 0
HEARTBEAT = 1
IDENTIFY = 2
PRESENCE_UPDATE = 3
VOICE_STATE_UPDATE = 4
RESUME = 6
RECONNECT = 7
REQUEST_GUILD_MEMBERS = 8
INVALID_SESSION = 9
HELLO = 10
HEARTBEAT_ACK = 11

#: Close codes after which a client must not resume.
CLEAN_CLOSES = (1000, 1001)

#: Each identify bucket (shard id % max_concurrency) may start one session per this many seconds.
IDENTIFY_WINDOW_S = 5.0

_zstd: Any = None
with contextlib.suppress(ImportError):
    import zstandard as _zstd
if _zstd is None:
    with contextlib.suppress(ImportError):
        from compression import zstd as _zstd  # type: ignore[import-not-found, no-redef]


class Encoder:
    """Turns payloads into frames: text, or one compression stream per connection.

    zlib-stream: one compressor, every message flushed with Z_SYNC_FLUSH (ends 00 00 ff ff).
    zstd-stream: one zstd frame for the whole connection, every message flushed as a block
    (``zstandard`` or Python 3.14's ``compression.zstd``, as discord.py uses either).
    """

    def __init__(self, compress: str | None) -> None:
        self._zlib = zlib.compressobj() if compress == "zlib-stream" else None
        self._zstd: Any = None
        if compress == "zstd-stream":
            if _zstd is None:
                raise ValueError("zstd-stream asked for, but neither zstandard nor compression.zstd is importable")
            is_zstandard = hasattr(_zstd, "COMPRESSOBJ_FLUSH_BLOCK")
            self._zstd = _zstd.ZstdCompressor().compressobj() if is_zstandard else _zstd.ZstdCompressor()
        elif compress not in (None, "zlib-stream"):
            raise ValueError(f"unknown compress={compress!r}")

    def encode(self, payload: Json) -> str | bytes:
        """One frame: JSON text, or bytes the client can decode on their own."""
        text = json.dumps(payload, separators=(",", ":"))
        if self._zlib is not None:
            return self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
        if self._zstd is None:
            return text
        if hasattr(_zstd, "COMPRESSOBJ_FLUSH_BLOCK"):
            return self._zstd.compress(text.encode()) + self._zstd.flush(_zstd.COMPRESSOBJ_FLUSH_BLOCK)
        return self._zstd.compress(text.encode(), mode=self._zstd.FLUSH_BLOCK)


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that carries a guild's events: ``(guild_id >> 22) % shard_count``."""
    return (guild_id >> 22) % shard_count


def event_guild_id(event: Event) -> int | None:
    """The guild an event belongs to (None: a DM or the user's own; those go to shard 0)."""
    if event.name in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"):
        return int(event.data["id"])
    guild_id = event.data.get("guild_id")
    return int(guild_id) if guild_id else None


@dataclass(eq=False)
class Session:
    """A gateway session: survives dropped connections and replays missed events on RESUME.

    ``shard`` is ``[shard_id, num_shards]`` as identified (None: unsharded, which is ``[0, 1]``);
    ``ready_guild_ids`` are the guilds its READY listed.
    """

    id: str
    intents: int
    shard: list[int] | None
    seq: int = 0
    buffer: deque[tuple[int, Json, Event | None]] = field(default_factory=lambda: deque(maxlen=5000))
    connection: Connection | None = None
    invalid: bool = False
    ready_guild_ids: list[int] = field(default_factory=list)

    @property
    def shard_id(self) -> int:
        """This session's shard (0 when unsharded)."""
        return self.shard[0] if self.shard else 0

    @property
    def shard_count(self) -> int:
        """How many shards it identified with (1 when unsharded)."""
        return self.shard[1] if self.shard else 1

    @property
    def live(self) -> bool:
        """Valid and attached to an open connection."""
        return self.connection is not None and not self.invalid

    def owns(self, guild_id: int | None) -> bool:
        """Whether this session carries the guild's events (``None``: DMs, which go to shard 0)."""
        if guild_id is None:
            return self.shard_id == 0
        return shard_of(guild_id, self.shard_count) == self.shard_id

    def next_frame(self, name: str, data: Json, event: Event | None) -> Json:
        """Number and buffer a DISPATCH frame."""
        self.seq += 1
        frame: Json = {"op": DISPATCH, "t": name, "s": self.seq, "d": data}
        self.buffer.append((self.seq, frame, event))
        return frame


@dataclass(eq=False)
class Connection:
    """One WebSocket; a single writer task keeps frames (and the compression stream) in order."""

    ws: web.WebSocketResponse
    request: web.Request
    encoder: Encoder
    queue: asyncio.Queue[tuple[Json | None, Event | None, int | None]] = field(default_factory=asyncio.Queue)
    session: Session | None = None
    writer: asyncio.Task[None] | None = None

    def send(self, frame: Json, event: Event | None = None) -> None:
        """Queue a frame."""
        self.queue.put_nowait((frame, event, None))

    def close_after_queue(self, code: int) -> None:
        """Close with ``code`` once queued frames are written."""
        self.queue.put_nowait((None, None, code))

    async def run_writer(self) -> None:
        """Write queued frames until closed."""
        while True:
            frame, event, close_code = await self.queue.get()
            if frame is None:
                await self.ws.close(code=close_code or 1000)
                return
            encoded = self.encoder.encode(frame)
            try:
                if isinstance(encoded, bytes):
                    await self.ws.send_bytes(encoded)
                else:
                    await self.ws.send_str(encoded)
            except (ConnectionError, RuntimeError):
                return
            if event is not None and event.on_delivered is not None:
                callback, event.on_delivered = event.on_delivered, None
                callback()


class Gateway:
    """Accepts connections, runs sessions, and fans world events out to them."""

    def __init__(self, world: World, *, heartbeat_interval_ms: int, enforce_identify_rate: bool = False) -> None:
        self.world = world
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.enforce_identify_rate = enforce_identify_rate
        self.sessions: dict[str, Session] = {}
        self.connections: set[Connection] = set()
        self.identifies = 0
        self.identify_refusals = 0
        self.resumes = 0
        #: identify bucket -> fake-clock time of its last accepted IDENTIFY
        self._bucket_identified_at: dict[int, float] = {}
        self.ws_base = ""
        self.closing = False
        world.emit = self.dispatch

    @property
    def resume_url(self) -> str:
        """What READY names as ``resume_gateway_url``."""
        return f"{self.ws_base}/resume"

    def routes(self) -> list[web.RouteDef]:
        """``/`` (the gateway) and ``/resume`` (the resume gateway)."""
        return [web.get("/", self.handle), web.get("/resume", self.handle)]

    # ------------------------------------------------------------------ connection lifecycle

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Serve one gateway WebSocket."""
        ws = web.WebSocketResponse(max_msg_size=0, timeout=1.0)
        if self.closing:
            return web.Response(status=503, text="fake discord is shutting down")
        if not ws.can_prepare(request).ok:
            return web.Response(status=400, text="expected a websocket")
        await ws.prepare(request)
        try:
            encoder = Encoder(request.query.get("compress"))
        except ValueError as exc:
            log.error("FAKE DISCORD gateway: %s", exc)
            await ws.close(code=4000, message=str(exc).encode()[:120])
            return ws
        if request.query.get("encoding", "json") != "json":
            log.error("FAKE DISCORD gateway: only encoding=json is supported")
            await ws.close(code=4002, message=b"only json encoding")
            return ws
        conn = Connection(ws=ws, request=request, encoder=encoder)
        conn.writer = asyncio.create_task(conn.run_writer())
        self.connections.add(conn)
        conn.send({"op": HELLO, "s": None, "t": None, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_message(conn, json.loads(msg.data))
                elif msg.type is WSMsgType.BINARY:
                    conn.close_after_queue(4002)
        finally:
            self._detach(conn)
        return ws

    def _detach(self, conn: Connection) -> None:
        self.connections.discard(conn)
        if conn.writer is not None:
            conn.writer.cancel()
        session = conn.session
        if session is None or session.connection is not conn:
            return
        session.connection = None
        if conn.ws.close_code in CLEAN_CLOSES:
            session.invalid = True
            log.debug("session %s closed cleanly", session.id)
        else:
            log.debug("session %s dropped (%s); resumable", session.id, conn.ws.close_code)
        self.world.notify()

    async def _on_message(self, conn: Connection, msg: Json) -> None:
        op, data = msg.get("op"), msg.get("d")
        if op == HEARTBEAT:
            conn.send({"op": HEARTBEAT_ACK, "s": None, "t": None, "d": None})
        elif op == IDENTIFY:
            self._identify(conn, data or {})
        elif op == RESUME:
            self._resume(conn, data or {})
        elif conn.session is None:
            conn.close_after_queue(4003)
        elif op == REQUEST_GUILD_MEMBERS:
            self._member_chunk(conn, data or {})
        elif op in (PRESENCE_UPDATE, VOICE_STATE_UPDATE):
            return
        else:
            log.error("FAKE DISCORD gateway: unknown opcode %s", op)
            conn.close_after_queue(4001)

    def _identify(self, conn: Connection, data: Json) -> None:
        if conn.session is not None:
            conn.close_after_queue(4005)
            return
        if data.get("token") != self.world.token:
            log.info("IDENTIFY with a wrong token: closing 4004")
            conn.close_after_queue(4004)
            return
        intents = data.get("intents")
        if not isinstance(intents, int):
            conn.close_after_queue(4013)
            return
        if intents & events.PRIVILEGED & ~self.world.privileged_intents:
            log.info("IDENTIFY asks for privileged intents not enabled: closing 4014")
            conn.close_after_queue(4014)
            return
        shard = data.get("shard")
        if shard is not None and not _valid_shard(shard):
            log.info("IDENTIFY with an invalid shard %r: closing 4010", shard)
            conn.close_after_queue(4010)
            return
        session = Session(id=secrets.token_hex(16), intents=intents, shard=shard)
        guilds = [g for g in self.world.guilds.values() if session.owns(g.id) and self.world.has_bot(g)]
        if len(guilds) > self.world.guilds_per_shard:
            log.info("IDENTIFY for %d guilds on one shard (limit %d): closing 4011 (sharding required)",
                     len(guilds), self.world.guilds_per_shard)
            conn.close_after_queue(4011)
            return
        if not self._identify_allowed(session.shard_id):
            log.info("IDENTIFY of shard %d too soon after another in its bucket: INVALID_SESSION", session.shard_id)
            self.identify_refusals += 1
            conn.send({"op": INVALID_SESSION, "s": None, "t": None, "d": False})
            return
        self.sessions[session.id] = session
        self.identifies += 1
        self.world.session_starts += 1
        conn.session = session
        session.connection = conn
        session.ready_guild_ids = [g.id for g in guilds]
        ready: Json = {
            "v": 10,
            "user": self.world.bot.to_payload() | {"verified": True, "mfa_enabled": False, "email": None},
            "guilds": [self.world.user_guild_payload(g) for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_url,
            "application": {"id": str(self.world.application_id), "flags": self.world.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["local"],
            "user_settings": {},
            "auth": {},
            "_trace": ['["fake-discord"]'],
        }
        if shard is not None:
            ready["shard"] = shard
        conn.send(session.next_frame("READY", ready, None))
        with_members = bool(intents & events.GUILD_MEMBERS)
        for guild in guilds:
            payload = self.world.guild_create_payload(guild, with_members=with_members)
            conn.send(session.next_frame("GUILD_CREATE", payload, None))
        self.world.notify()

    def _identify_allowed(self, shard_id: int) -> bool:
        """Discord's identify rate: one session start per bucket per 5 s (only when enforced)."""
        bucket = shard_id % max(1, self.world.max_concurrency)
        now = self.world.clock.now()
        last = self._bucket_identified_at.get(bucket)
        if self.enforce_identify_rate and last is not None and now - last < IDENTIFY_WINDOW_S:
            return False
        self._bucket_identified_at[bucket] = now
        return True

    def _resume(self, conn: Connection, data: Json) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or session.invalid or data.get("token") != self.world.token:
            log.info("RESUME of an unknown or invalid session: INVALID_SESSION")
            conn.send({"op": INVALID_SESSION, "s": None, "t": None, "d": False})
            return
        old = session.connection
        if old is not None and old is not conn:
            old.session = None
            old.close_after_queue(4000)
        after = data.get("seq") or 0
        for seq, frame, event in list(session.buffer):
            if seq > after:
                conn.send(frame, event)
        conn.session = session
        session.connection = conn
        conn.send(session.next_frame("RESUMED", {"_trace": ["fake-discord"]}, None))
        self.resumes += 1
        self.world.notify()

    def _member_chunk(self, conn: Connection, data: Json) -> None:
        session = conn.session
        guild = self.world.guilds.get(int(data.get("guild_id") or 0))
        if session is None or guild is None or not session.owns(guild.id):
            return
        members = list(guild.members.values())
        if data.get("user_ids"):
            wanted = {int(u) for u in data["user_ids"]}
            members = [m for m in members if m.id in wanted]
        elif data.get("query"):
            members = [m for m in members if m.user.username.startswith(data["query"])]
        limit = data.get("limit") or 0
        if limit:
            members = members[:limit]
        chunk: Json = {
            "guild_id": str(guild.id),
            "members": [m.to_payload() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        conn.send(session.next_frame("GUILD_MEMBERS_CHUNK", chunk, None))

    # ------------------------------------------------------------------ events

    def dispatch(self, event: Event) -> None:
        """Send an event to every session of the guild's shard (DMs: shard 0) whose intents allow it."""
        guild_id = event_guild_id(event)
        if guild_id is not None and not self.world.has_bot(guild_id):
            return  # a guild the bot is not in (yet): nothing of it reaches the bot
        for session in self.sessions.values():
            if session.invalid or not session.owns(guild_id):
                continue
            if event.intent is not None and not session.intents & event.intent:
                continue
            data = event.data
            if event.content_gated and not event.content_visible and not session.intents & events.MESSAGE_CONTENT:
                data = data | {"content": "", "embeds": [], "attachments": [], "components": []}
            frame = session.next_frame(event.name, data, event)
            if session.connection is not None:
                session.connection.send(frame, event)

    @property
    def connected(self) -> bool:
        """Whether a session is attached to an open connection."""
        return any(s.live for s in self.sessions.values())

    def has_session_for(self, guild_id: int | None) -> bool:
        """Whether a valid session (connected or resumable) carries this guild's events (None: DMs)."""
        return any(not s.invalid and s.owns(guild_id) for s in self.sessions.values())

    # ------------------------------------------------------------------ faults

    async def drop(self, code: int | None = None, *, shard: int | None = None) -> int:
        """Drop every connection (or the given shard's): abort the TCP stream (``code`` None) or close with ``code``."""
        dropped = 0
        for conn in list(self.connections):
            session = conn.session
            if shard is not None and (session is None or session.shard_id != shard):
                continue
            dropped += 1
            if session is not None and session.connection is conn:
                session.connection = None
            if code is None:
                if conn.writer is not None:
                    conn.writer.cancel()
                transport = conn.request.transport
                if transport is not None:
                    transport.abort()
            else:
                conn.close_after_queue(code)
        await asyncio.sleep(0)
        return dropped

    def invalidate(self, *, resumable: bool) -> None:
        """Send INVALID_SESSION (op 9) to every connection with a session."""
        for conn in list(self.connections):
            if conn.session is None:
                continue
            if not resumable:
                conn.session.invalid = True
            conn.send({"op": INVALID_SESSION, "s": None, "t": None, "d": resumable})

    def request_reconnect(self) -> None:
        """Send RECONNECT (op 7): the client should close and RESUME."""
        for conn in list(self.connections):
            conn.send({"op": RECONNECT, "s": None, "t": None, "d": None})

    async def close_all(self) -> None:
        """Refuse new connections and close every open one with 1001 (server going away)."""
        self.closing = True
        for conn in list(self.connections):
            if conn.writer is not None:
                conn.writer.cancel()
            with contextlib.suppress(Exception):
                await conn.ws.close(code=1001)


def _valid_shard(shard: object) -> bool:
    """``[shard_id, num_shards]`` with ``0 <= shard_id < num_shards``."""
    return (
        isinstance(shard, list)
        and len(shard) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in shard)
        and 0 <= shard[0] < shard[1]
    )
