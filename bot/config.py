"""Settings, read from the environment (and `.env`) when the bot starts, never at import time."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from bot.core.database import is_postgres_url, sqlite_path
from bot.songs.catalog import DEFAULT_MODEL, MODELS

DISCORD_API_DEFAULT = "https://discord.com/api/v10"
DISCORD_GATEWAY_DEFAULT = "wss://gateway.discord.gg/"
MUSIC_API_DEFAULT = "https://api.apilaplas.com"
# A process name goes into every log line and /songadmin settings show, inside `code`.
PROCESS_NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line naming it."""


def default_process_name() -> str:
    """`host-pid`: tells apart processes on one machine and across machines."""
    host = re.sub(r"[^A-Za-z0-9-]", "", socket.gethostname().split(".")[0])[:40] or "songjam"
    return f"{host}-{os.getpid()}"


class Secret:
    """A value that never shows itself in a repr, a log line or a traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__


@dataclass(frozen=True)
class Settings:
    discord_token: Secret = field(repr=False)
    music_api_key: Secret = field(repr=False)
    music_api_base_url: str = MUSIC_API_DEFAULT
    music_model: str = DEFAULT_MODEL
    database_path: Path = Path("data/songjam.db")
    # DATABASE_URL when it names PostgreSQL (it may carry a password); None: SQLite at database_path.
    database_url: Secret | None = field(default=None, repr=False)
    results_dir: Path = Path("data/results")
    poll_interval_s: float = 1.0
    generation_estimate_s: float = 30.0
    card_refresh_s: float = 30.0
    submit_timeout_s: float = 120.0
    poll_timeout_s: float = 30.0
    job_timeout_s: float = 20 * 60
    delivery_deadline_s: float = 120 * 60
    delivery_max_tries: int = 10
    retention_days: float = 90.0
    reference_max_bytes: int = 25 * 1000 * 1000
    default_daily_quota: int = 5
    global_daily_cap: int | None = None
    guild_daily_cap: int | None = None
    max_unfinished_per_member: int = 2
    max_unfinished_per_server: int = 10
    cooldown_s: float = 30.0
    max_concurrent_polls: int = 8
    # Several processes may share the database: one that stops loses its jobs (and jam closes) to
    # another after this long.
    lease_s: float = 30.0
    # Discord allows a bot about 50 requests a second in all; the bot's own posts and edits stay
    # under this, which leaves room for interaction replies and discord.py's own calls.
    discord_requests_per_second: float = 40.0
    dev_guild_id: int | None = None
    discord_api_base: str = DISCORD_API_DEFAULT
    discord_gateway_url: str = DISCORD_GATEWAY_DEFAULT
    log_level: str = "INFO"
    # None: one unsharded gateway connection. A number (or "auto": Discord's recommendation) makes
    # the bot sharded; `shard_ids` are the shards this process runs (None: all of them).
    shard_count: int | Literal["auto"] | None = None
    shard_ids: tuple[int, ...] | None = None
    process_name: str = field(default_factory=default_process_name)
    # /healthz and /metrics (off unless a port is set); bound to the loopback unless METRICS_HOST says otherwise.
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    log_format: Literal["text", "json"] = "text"
    # Where operator alerts go (None: the application owner's DMs, if known); each kind at most once an interval.
    operator_channel_id: int | None = None
    alert_interval_s: float = 60 * 60

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None

    @property
    def incoming_dir(self) -> Path:
        """Where reference tracks are checked (each file is removed right after)."""
        return self.results_dir.parent / "incoming"

    @property
    def database(self) -> Secret:
        """The URL of the database to open: `sqlite:///path` or `postgresql://...`."""
        return self.database_url or Secret(f"sqlite:///{self.database_path}")

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values a log line must never show."""
        values = [self.discord_token.reveal(), self.music_api_key.reveal()]
        if self.database_url is not None:
            url = self.database_url.reveal()
            password = urlsplit(url).password
            values += [url, *((password, unquote(password)) if password else ())]
        return tuple(values)


def _required(env: Mapping[str, str], name: str) -> Secret:
    value = env.get(name, "").strip()
    if not value:
        raise ConfigError(f"{name} is not set: put it in .env (see .env.example)")
    return Secret(value)


def _number(env: Mapping[str, str], name: str, default: float, *, minimum: float = 0) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum:g}")
    return value


def _optional_int(env: Mapping[str, str], name: str) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise ConfigError(f"{name} must be a whole number, not {raw!r}")
    return int(raw)


def _url(env: Mapping[str, str], name: str, default: str) -> str:
    value = env.get(name, "").strip() or default
    if not value.startswith(("http://", "https://", "ws://", "wss://")):
        raise ConfigError(f"{name} must be a URL, not {value!r}")
    return value


def _shard_count(env: Mapping[str, str]) -> int | Literal["auto"] | None:
    raw = env.get("SHARD_COUNT", "").strip()
    if not raw:
        return None
    if raw.lower() == "auto":
        return "auto"
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise ConfigError(f"SHARD_COUNT must be a whole number of shards (1 or more) or 'auto', not {raw!r}")
    return int(raw)


def _shard_ids(env: Mapping[str, str], count: int | Literal["auto"] | None) -> tuple[int, ...] | None:
    """`0,1` or `0-3` (or both, `0-3,6`): this process's shards, each below SHARD_COUNT, each once."""
    raw = env.get("SHARD_IDS", "").strip()
    if not raw:
        return None
    if not isinstance(count, int):
        raise ConfigError("SHARD_IDS needs SHARD_COUNT set to a number (the total of shards across all processes)")
    ids: list[int] = []
    for part in raw.split(","):
        match = re.fullmatch(r"\s*([0-9]+)\s*(?:-\s*([0-9]+)\s*)?", part)
        if match is None or (match[2] is not None and int(match[2]) < int(match[1])):
            raise ConfigError(f"SHARD_IDS must list shards like 0,1 or 0-3, not {raw!r}")
        first, last = int(match[1]), int(match[2] or match[1])
        if last >= count:
            raise ConfigError(f"SHARD_IDS names shard {last}, but SHARD_COUNT={count} has shards 0 to {count - 1}")
        ids.extend(range(first, last + 1))
    duplicates = sorted({shard_id for shard_id in ids if ids.count(shard_id) > 1})
    if duplicates:
        raise ConfigError(f"SHARD_IDS names shard {duplicates[0]} more than once")
    return tuple(sorted(ids))


def _process_name(env: Mapping[str, str]) -> str:
    raw = env.get("PROCESS_NAME", "").strip()
    if not raw:
        return default_process_name()
    if not PROCESS_NAME_PATTERN.fullmatch(raw):
        raise ConfigError(f"PROCESS_NAME must be up to 64 letters, digits, '.', '-' or '_', not {raw!r}")
    return raw


def _metrics_port(env: Mapping[str, str]) -> int | None:
    port = _optional_int(env, "METRICS_PORT")
    if port is not None and not 1 <= port <= 65535:
        raise ConfigError(f"METRICS_PORT must be a port number (1-65535), not {port}")
    return port


def _log_format(env: Mapping[str, str]) -> Literal["text", "json"]:
    raw = (env.get("LOG_FORMAT", "").strip() or "text").lower()
    if raw not in ("text", "json"):
        raise ConfigError(f"LOG_FORMAT must be text or json, not {raw!r}")
    return "json" if raw == "json" else "text"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build the settings from `env` (default: the process environment after loading `.env`)."""
    if env is None:
        from dotenv import load_dotenv

        load_dotenv()
        env = os.environ
    model = env.get("MUSIC_MODEL", "").strip() or DEFAULT_MODEL
    if model not in MODELS:
        raise ConfigError(f"MUSIC_MODEL {model!r} is not supported; choose one of: {', '.join(sorted(MODELS))}")
    log_level = (env.get("LOG_LEVEL", "").strip() or "INFO").upper()
    if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {log_level!r}")
    database_path = Path(env.get("DATABASE_PATH", "").strip() or "data/songjam.db")
    database_url = None
    raw_url = env.get("DATABASE_URL", "").strip()
    if raw_url:
        path = sqlite_path(raw_url)
        if path is not None:
            database_path = Path(path)
        elif is_postgres_url(raw_url):
            database_url = Secret(raw_url)
        else:  # the value is not repeated: it may hold a password
            raise ConfigError("DATABASE_URL must start with sqlite:/// or postgresql:// (see .env.example)")
    global_cap = _optional_int(env, "GLOBAL_DAILY_CAP")
    shard_count = _shard_count(env)
    return Settings(
        discord_token=_required(env, "DISCORD_TOKEN"),
        music_api_key=_required(env, "MUSIC_API_KEY"),
        music_api_base_url=_url(env, "MUSIC_API_BASE_URL", MUSIC_API_DEFAULT).rstrip("/"),
        music_model=model,
        database_path=database_path,
        database_url=database_url,
        results_dir=Path(env.get("RESULTS_DIR", "").strip() or database_path.parent / "results"),
        poll_interval_s=_number(env, "POLL_INTERVAL_SECONDS", 1.0, minimum=0.05),
        generation_estimate_s=_number(env, "GENERATION_ESTIMATE_SECONDS", 30.0, minimum=0.05),
        card_refresh_s=_number(env, "CARD_REFRESH_SECONDS", 30.0, minimum=0.5),
        submit_timeout_s=_number(env, "SUBMIT_TIMEOUT_SECONDS", 120.0, minimum=0.1),
        poll_timeout_s=_number(env, "POLL_TIMEOUT_SECONDS", 30.0, minimum=0.1),
        job_timeout_s=_number(env, "JOB_TIMEOUT_MINUTES", 20.0, minimum=0.01) * 60,
        delivery_deadline_s=_number(env, "DELIVERY_DEADLINE_MINUTES", 120.0, minimum=0.01) * 60,
        delivery_max_tries=int(_number(env, "DELIVERY_MAX_TRIES", 10, minimum=1)),
        retention_days=_number(env, "RETENTION_DAYS", 90.0, minimum=1),
        reference_max_bytes=int(_number(env, "REFERENCE_MAX_MB", 25.0, minimum=0.001) * 1000 * 1000),
        default_daily_quota=int(_number(env, "DEFAULT_DAILY_QUOTA", 5, minimum=0)),
        global_daily_cap=global_cap,
        guild_daily_cap=_optional_int(env, "GUILD_DAILY_CAP"),
        max_unfinished_per_member=int(_number(env, "MAX_UNFINISHED_PER_MEMBER", 2, minimum=1)),
        max_unfinished_per_server=int(_number(env, "MAX_UNFINISHED_PER_SERVER", 10, minimum=1)),
        cooldown_s=_number(env, "COOLDOWN_SECONDS", 30.0),
        max_concurrent_polls=int(_number(env, "MAX_CONCURRENT_POLLS", 8, minimum=1)),
        lease_s=_number(env, "LEASE_SECONDS", 30.0, minimum=1),
        discord_requests_per_second=_number(env, "DISCORD_REQUESTS_PER_SECOND", 40.0, minimum=0.1),
        dev_guild_id=_optional_int(env, "DEV_GUILD_ID"),
        discord_api_base=_url(env, "DISCORD_API_BASE", DISCORD_API_DEFAULT).rstrip("/"),
        discord_gateway_url=_url(env, "DISCORD_GATEWAY_URL", DISCORD_GATEWAY_DEFAULT),
        log_level=log_level,
        shard_count=shard_count,
        shard_ids=_shard_ids(env, shard_count),
        process_name=_process_name(env),
        metrics_port=_metrics_port(env),
        metrics_host=env.get("METRICS_HOST", "").strip() or "127.0.0.1",
        log_format=_log_format(env),
        operator_channel_id=_optional_int(env, "OPERATOR_CHANNEL_ID"),
        alert_interval_s=_number(env, "ALERT_INTERVAL_MINUTES", 60.0, minimum=0.01) * 60,
    )
