"""`python -m bot migrate-db --to postgresql://...`: copy an existing SQLite database into PostgreSQL.

Stop the bot first. The SQLite file (the settings' one, or `--from sqlite:///path`) is opened
read-only and read in one snapshot. The target is opened with the bot's own PostgreSQL migrations,
so it is at the current schema version; the source must be at that same version (start the bot
once on it to migrate it), or nothing is copied.

Every table SQLite has (found in sqlite_master, never a hand-kept list) is copied, parents before
the tables whose foreign keys name them, the columns both sides have, in one transaction under the
bot's write lock, with `ON CONFLICT DO NOTHING`: a second run copies nothing new. A target with
rows in any bot table is refused unless `--into-nonempty` says to copy into it. Identity sequences
then continue past the copied ids. What is printed never shows the URL's password.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import aiosqlite
import asyncpg

from bot.core.database import is_postgres_url, sqlite_path
from bot.core.migrations import MIGRATIONS as SQLITE_MIGRATIONS
from bot.core.migrations_postgres import MIGRATIONS as POSTGRES_MIGRATIONS
from bot.core.migrations_postgres import apply_postgres_migrations
from bot.core.postgres import WRITE_LOCK

STOP_THE_BOT = "Stop the bot before migrating: it must not write to either database while they are copied."
# PostgreSQL's own bookkeeping, not a bot table.
SKIP_TARGET_TABLES = frozenset({"schema_version"})
BATCH = 5000


class MigrationError(Exception):
    """The copy cannot go ahead; the message is one line and never holds a password."""


@dataclass
class TableCopy:
    name: str
    source_rows: int = 0
    copied: int = 0


@dataclass
class MigrationReport:
    source: str
    target: str
    version: int
    tables: list[TableCopy] = field(default_factory=list)
    skipped_columns: dict[str, list[str]] = field(default_factory=dict)

    @property
    def source_rows(self) -> int:
        return sum(table.source_rows for table in self.tables)

    @property
    def copied(self) -> int:
        return sum(table.copied for table in self.tables)

    def lines(self) -> list[str]:
        width = max([len(table.name) for table in self.tables] + [5])
        out = [f"copied {self.source} into {self.target} (schema version {self.version}):"]
        for table in self.tables:
            already = table.source_rows - table.copied
            note = f" ({already} already there)" if already else ""
            out.append(f"  {table.name:<{width}}  {table.copied:>7} of {table.source_rows:>7} rows{note}")
        for name, columns in self.skipped_columns.items():
            out.append(f"  note: {name}: columns PostgreSQL does not have were left out: {', '.join(columns)}")
        out.append(f"  {'total':<{width}}  {self.copied:>7} of {self.source_rows:>7} rows, "
                   f"{len(self.tables)} tables")
        return out


def mask_url(url: str) -> str:
    """The URL with any password (in the user part or a `password=` parameter) replaced by ***."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if parts.password is not None:
            userinfo, _, hostinfo = netloc.rpartition("@")
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}:***@{hostinfo}"
        query = parts.query
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            query = urlencode([(k, "***" if k.lower() in ("password", "passfile") else v) for k, v in pairs],
                              safe="*")
        return urlunsplit(parts._replace(netloc=netloc, query=query))
    except ValueError:
        return "(a database URL that could not be read)"


def _source_url(path: str) -> str:
    return f"sqlite:///{path}"


# --- the source ---------------------------------------------------------------------------------------


def _order_by_foreign_keys(tables: list[str], parents: dict[str, set[str]]) -> list[str]:
    """Tables with every table their foreign keys name before them (creation order otherwise)."""
    ordered: list[str] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in placed or name in visiting:  # a cycle: it is placed where it was first seen
            return
        visiting.add(name)
        for parent in sorted(parents.get(name, ())):
            if parent in tables and parent != name:
                visit(parent)
        visiting.discard(name)
        placed.add(name)
        ordered.append(name)

    for name in tables:
        visit(name)
    return ordered


async def _source_tables(conn: aiosqlite.Connection) -> list[tuple[str, list[str]]]:
    """(table, its columns) for every table of the bot's, in foreign key order."""
    names = [row[0] for row in await conn.execute_fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "ORDER BY rowid")]
    parents: dict[str, set[str]] = {}
    columns: dict[str, list[str]] = {}
    for name in names:
        quoted = _quote(name)
        parents[name] = {row[2] for row in await conn.execute_fetchall(f"PRAGMA foreign_key_list({quoted})")}
        columns[name] = [row[1] for row in await conn.execute_fetchall(f"PRAGMA table_info({quoted})")]
    return [(name, columns[name]) for name in _order_by_foreign_keys(names, parents)]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- the target ---------------------------------------------------------------------------------------


def _converter(data_type: str) -> Callable[[Any], Any]:
    """SQLite keeps whatever it was given; PostgreSQL's column type decides (asyncpg is strict)."""
    if data_type in ("bigint", "integer", "smallint"):
        return lambda v: int(v) if isinstance(v, float) and v.is_integer() else v
    if data_type in ("double precision", "real", "numeric"):
        return lambda v: float(v) if isinstance(v, int) and not isinstance(v, bool) else v
    if data_type == "text":
        return lambda v: v if v is None or isinstance(v, str) else (
            v.decode() if isinstance(v, bytes) else str(v))
    return lambda v: v


async def _target_columns(conn: asyncpg.Connection) -> dict[str, dict[str, str]]:
    rows = await conn.fetch(
        "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
        "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY c.ordinal_position")
    tables: dict[str, dict[str, str]] = {}
    for row in rows:
        if row["table_name"] not in SKIP_TARGET_TABLES:
            tables.setdefault(row["table_name"], {})[row["column_name"]] = row["data_type"]
    return tables


async def _nonempty_tables(conn: asyncpg.Connection, tables: Iterable[str]) -> list[str]:
    return [name for name in sorted(tables)
            if await conn.fetchval(f"SELECT EXISTS (SELECT 1 FROM {_quote(name)})")]


async def _reset_sequences(conn: asyncpg.Connection) -> None:
    """Every identity/serial sequence continues after the highest id its column holds (never goes back)."""
    rows = await conn.fetch(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')")
    for row in rows:
        table, column = row["table_name"], row["column_name"]
        sequence = await conn.fetchval("SELECT pg_get_serial_sequence($1, $2)", _quote(table), column)
        if sequence is None:
            continue
        highest = await conn.fetchval(f"SELECT MAX({_quote(column)}) FROM {_quote(table)}")
        last_value, is_called = await conn.fetchrow(f"SELECT last_value, is_called FROM {sequence}")
        value = max(int(highest or 0), int(last_value) if is_called else 0)
        if value > 0:
            await conn.execute("SELECT setval($1, $2, true)", sequence, value)


async def _copy_table(conn: asyncpg.Connection, source: aiosqlite.Connection, name: str, columns: list[str],
                      types: dict[str, str]) -> TableCopy:
    """The rows of one table, through a temporary table, into the real one (ON CONFLICT DO NOTHING)."""
    result = TableCopy(name)
    convert = [_converter(types[column]) for column in columns]
    staging = f"songjam_migrate_{name}"
    column_list = ", ".join(_quote(column) for column in columns)
    await conn.execute(f"CREATE TEMP TABLE {_quote(staging)} (LIKE {_quote(name)} INCLUDING DEFAULTS)")
    try:
        async with source.execute(f"SELECT {column_list} FROM {_quote(name)}") as cursor:
            while batch := await cursor.fetchmany(BATCH):
                records = [tuple(fn(value) for fn, value in zip(convert, row, strict=True)) for row in batch]
                await conn.copy_records_to_table(staging, records=records, columns=columns)
                result.source_rows += len(records)
        status = await conn.execute(
            f"INSERT INTO {_quote(name)} ({column_list}) SELECT {column_list} FROM {_quote(staging)} "
            "ON CONFLICT DO NOTHING")
        result.copied = int(status.rsplit(" ", 1)[-1])
    finally:
        await conn.execute(f"DROP TABLE {_quote(staging)}")
    return result


# --- the copy -----------------------------------------------------------------------------------------


async def migrate(source_path: str | Path, target_url: str, *, into_nonempty: bool = False) -> MigrationReport:
    """Copy the SQLite database at `source_path` into the PostgreSQL database `target_url`."""
    if not is_postgres_url(target_url):
        raise MigrationError("--to must be a postgresql:// URL")
    path = Path(source_path)
    if not path.is_file():
        raise MigrationError(f"no SQLite database at {path}")
    target_shown = mask_url(target_url)
    try:
        source = await aiosqlite.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise MigrationError(f"cannot open {path} read-only: {exc}") from None
    try:
        version = (await source.execute_fetchall("PRAGMA user_version"))[0][0]
        if version != len(SQLITE_MIGRATIONS):
            raise MigrationError(
                f"{path} is at schema version {version}, this bot's is {len(SQLITE_MIGRATIONS)}: "
                + ("start this version of the bot once on it (it migrates the file), then migrate again"
                   if version < len(SQLITE_MIGRATIONS) else "migrate with the bot version that wrote it"))
        try:
            conn = await asyncpg.connect(target_url, timeout=30)
        except (OSError, asyncpg.exceptions.PostgresError, asyncpg.exceptions.InterfaceError) as exc:
            raise MigrationError(f"cannot connect to {target_shown}: {type(exc).__name__}") from None
        try:
            target_version = await apply_postgres_migrations(conn)
            if target_version != version or len(POSTGRES_MIGRATIONS) != version:
                raise MigrationError(f"the schemas differ: SQLite at version {version}, PostgreSQL at "
                                     f"{target_version}")
            return await _copy(source, conn, _source_url(path), target_shown, version, into_nonempty)
        finally:
            await conn.close()
    finally:
        await source.close()


async def _copy(source: aiosqlite.Connection, conn: asyncpg.Connection, source_shown: str, target_shown: str,
                version: int, into_nonempty: bool) -> MigrationReport:
    report = MigrationReport(source_shown, target_shown, version)
    await source.execute("BEGIN")  # one read snapshot of the whole file
    try:
        tables = await _source_tables(source)
        target = await _target_columns(conn)
        missing = [name for name, _ in tables if name not in target]
        if missing:
            raise MigrationError(f"PostgreSQL has no table {', '.join(missing)}: the schemas differ")
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)  # no bot writes meanwhile
            full = await _nonempty_tables(conn, target)
            if full and not into_nonempty:
                raise MigrationError(
                    f"{target_shown} is not empty ({', '.join(full)} have rows): nothing copied; "
                    "add --into-nonempty to copy only the rows it lacks")
            for name, columns in tables:
                shared = [column for column in columns if column in target[name]]
                left_out = [column for column in columns if column not in target[name]]
                if left_out:
                    report.skipped_columns[name] = left_out
                report.tables.append(await _copy_table(conn, source, name, shared, target[name]))
            await _reset_sequences(conn)
    finally:
        await source.execute("ROLLBACK")
    return report


# --- the command line ---------------------------------------------------------------------------------


def settings_source(env: dict[str, str] | os._Environ[str]) -> str:
    """The SQLite file the settings name: DATABASE_URL when it is sqlite:///, else DATABASE_PATH."""
    url = env.get("DATABASE_URL", "").strip()
    path = sqlite_path(url) if url else None
    if path is not None:
        return path
    return env.get("DATABASE_PATH", "").strip() or "data/songjam.db"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot migrate-db",
        description="Copy the bot's SQLite database into PostgreSQL (stop the bot first).")
    parser.add_argument("--to", required=True, metavar="postgresql://...", help="the PostgreSQL database")
    parser.add_argument("--from", dest="source", metavar="sqlite:///path",
                        help="the SQLite database (default: DATABASE_URL if sqlite:///, else DATABASE_PATH)")
    parser.add_argument("--into-nonempty", action="store_true",
                        help="copy into a database that already has rows (only the rows it lacks)")
    args = parser.parse_args(argv)
    if args.source is not None:
        source = sqlite_path(args.source)
        if source is None:
            print("songjam migrate-db: --from must be a sqlite:///path URL", file=sys.stderr)
            return 2
    else:
        from dotenv import load_dotenv

        load_dotenv()
        source = settings_source(os.environ)
    print(STOP_THE_BOT, flush=True)
    try:
        report = asyncio.run(migrate(source, args.to, into_nonempty=args.into_nonempty))
    except MigrationError as exc:
        print(f"songjam migrate-db: {exc}", file=sys.stderr)
        return 1
    except (OSError, asyncpg.exceptions.PostgresError, asyncpg.exceptions.InterfaceError, sqlite3.Error) as exc:
        # Never the URL: the error's own words are shown with any password taken out.
        message = str(exc).replace(args.to, mask_url(args.to))
        password = urlsplit(args.to).password
        if password:
            message = message.replace(password, "***")
        print(f"songjam migrate-db: the copy failed, nothing was kept: {type(exc).__name__}: {message}",
              file=sys.stderr)
        return 1
    print("\n".join(report.lines()))
    print("Done. Set DATABASE_URL to the PostgreSQL URL and start the bot.")
    return 0
