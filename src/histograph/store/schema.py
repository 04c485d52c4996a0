"""Numbered SQL migrations (``migrations/NNNN_name.sql``), applied in order and recorded
in the ``migrations`` table (number, name, applied_at)."""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from .common import StoreError

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    number INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


def available_migrations(where: str = "migrations") -> list[Migration]:
    """The migrations shipped with the package, by number: ``migrations`` (SQLite) or
    ``migrations_pg`` (PostgreSQL)."""
    folder = resources.files("histograph.store").joinpath(where)
    found: list[Migration] = []
    for entry in folder.iterdir():
        m = _FILE.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda x: x.number)
    numbers = [x.number for x in found]
    if numbers != list(range(1, len(found) + 1)):
        raise StoreError(f"E015 migrations must be numbered 1, 2, 3, ... without gaps: {numbers}")
    return found


def statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    rest = "\n".join(
        ln for ln in buf.splitlines() if ln.strip() and not ln.strip().startswith("--")
    )
    if rest:
        raise StoreError(f"E015 incomplete SQL statement at the end of a migration: {rest[:80]!r}")
    return out


def applied(conn: sqlite3.Connection) -> dict[int, str]:
    """Applied migrations (number -> name); empty for a new file."""
    has = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if not _first(has):
        return {}
    return {int(r[0]): str(r[1]) for r in conn.execute("SELECT number, name FROM migrations")}


def _first(row: object) -> object:
    if isinstance(row, dict):
        return next(iter(row.values()))
    if isinstance(row, tuple | list):
        return row[0]
    return row


def pending(conn: sqlite3.Connection, upto: int | None = None) -> list[Migration]:
    done = applied(conn)
    known = available_migrations()
    newer = sorted(set(done) - {m.number for m in known})
    if newer:
        raise StoreError(
            f"E016 the database was written by a newer histograph (migration {newer[-1]}); "
            "upgrade histograph to open it"
        )
    return [m for m in known if m.number not in done and (upto is None or m.number <= upto)]


def migrate(conn: sqlite3.Connection, upto: int | None = None) -> list[int]:
    """Apply the missing migrations (up to ``upto``), each in its own transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Returns the numbers
    applied. Safe against a concurrent opener: the check is repeated under the lock.
    """
    conn.execute(MIGRATIONS_TABLE)
    done: list[int] = []
    for m in pending(conn, upto):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if m.number in applied(conn):  # another process got there first
                conn.execute("COMMIT")
                continue
            for stmt in statements(m.sql):
                conn.execute(stmt)
            conn.execute(
                "INSERT INTO migrations (number, name, applied_at) VALUES (?, ?, ?)",
                (m.number, m.name, _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"E015 migration {m.number:04d}_{m.name} failed: {exc}") from exc
            raise
        done.append(m.number)
    return done
