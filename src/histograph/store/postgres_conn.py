"""The PostgreSQL connection of :class:`~.postgres.PostgresStore`: opened (read-only too),
migrated on open under the advisory write lock (``migrations_pg/``, recorded in the
``migrations`` table like SQLite's), and the NUL-safe string code every value goes through
(PostgreSQL text cannot hold NUL)."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Any, cast

import psycopg
from psycopg.rows import RowMaker

from . import redact_url
from .common import StoreError
from .schema import Migration, available_migrations

Conn = psycopg.Connection[dict[str, Any]]

#: the advisory lock every write transaction takes (any constant: "histgrph" in ASCII)
_WRITE_LOCK = 0x6869737467727068 & 0x7FFFFFFFFFFFFFFF
WRITE_LOCK = _WRITE_LOCK


def marks(n: int) -> str:
    """``n`` placeholders of an ``IN`` list."""
    return ", ".join(["%s"] * n)


# ---------------------------------------------------------------- NUL-safe strings

# An order-preserving, prefix-free code: NUL -> \x01\x01, \x01 -> \x01\x02, every other
# character itself. Stored strings then sort (COLLATE "C": by code point) exactly as the
# Python strings do, so ORDER BY id / uri agrees with the other backends.
_ESC = "\x01"
_TO_DB = re.compile("[\x00\x01]")
_FROM_DB = re.compile("\x01[\x01\x02]")


def enc(value: Any) -> Any:
    """A value as stored: strings without NUL (reversibly escaped), lists element-wise."""
    if isinstance(value, str):
        if "\x00" in value or _ESC in value:
            return _TO_DB.sub(lambda m: "\x01\x02" if m.group() == _ESC else "\x01\x01", value)
        return value
    if isinstance(value, list | tuple):
        return [enc(v) for v in value]
    return value


def dec(value: Any) -> Any:
    if isinstance(value, str) and _ESC in value:
        return _FROM_DB.sub(lambda m: _ESC if m.group() == "\x01\x02" else "\x00", value)
    return value


def dict_rows(cursor: psycopg.Cursor[Any]) -> RowMaker[dict[str, Any]]:
    """psycopg row factory: rows as dicts keyed by column name, strings unescaped."""
    names = [c.name for c in cursor.description or ()]

    def make(values: Sequence[Any]) -> dict[str, Any]:
        return {n: dec(v) for n, v in zip(names, values, strict=True)}

    return make


# ---------------------------------------------------------------- connection and schema


def connect(url: str, readonly: bool) -> Conn:
    """A connection to ``url``, migrated (or, read-only, checked to need no migration):
    StoreError (E015/E016/E017) naming the database when it cannot be used."""
    where = redact_url(url)
    try:
        # no server-side prepared statements: after a few runs PostgreSQL plans one for any
        # value (a generic plan), and the plans here depend on the values (a participant of
        # half the events is walked for; a rare one collected): 4 s instead of 2 ms at 1M
        conn = psycopg.connect(
            url, autocommit=True, row_factory=dict_rows, prepare_threshold=None
        )
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise StoreError(f"E015 {where}: cannot connect to PostgreSQL: {reason}") from None
    try:
        if readonly:
            todo = pending(conn, url)
            if todo:
                raise StoreError(
                    f"E017 {where} needs migration {todo[0].number:04d}_{todo[0].name}; "
                    "open it once for writing to upgrade it"
                )
            conn.execute("SET default_transaction_read_only = on")
        else:
            migrate(conn, url)
    except psycopg.Error as exc:
        conn.close()
        reason = " ".join(str(exc).split())
        raise StoreError(
            f"E015 {where} is not a usable histograph database: {reason}"
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


def applied(conn: Conn) -> dict[int, str]:
    row = conn.execute("SELECT to_regclass('migrations') IS NOT NULL AS present").fetchone()
    if not row or not row["present"]:
        return {}
    return {
        int(r["number"]): str(r["name"])
        for r in conn.execute("SELECT number, name FROM migrations")
    }


def pending(conn: Conn, url: str) -> list[Migration]:
    done = applied(conn)
    known = available_migrations("migrations_pg")
    newer = sorted(set(done) - {m.number for m in known})
    if newer:
        raise StoreError(
            f"E016 {redact_url(url)} was written by a newer histograph (migration "
            f"{newer[-1]}); upgrade histograph to open it"
        )
    return [m for m in known if m.number not in done]


def migrate(conn: Conn, url: str) -> list[int]:
    """Apply the missing migrations, each in its own transaction, under the write lock
    (two processes opening a new database at once apply each migration once)."""
    done: list[int] = []
    if not pending(conn, url):
        return done
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (number BIGINT PRIMARY KEY,"
            " name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
    for m in pending(conn, url):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            if m.number in applied(conn):  # another process got there first
                continue
            try:
                conn.execute(cast(Any, m.sql))
            except psycopg.Error as exc:
                reason = " ".join(str(exc).split())
                raise StoreError(
                    f"E015 migration {m.number:04d}_{m.name} failed on "
                    f"{redact_url(url)}: {reason}"
                ) from None
            conn.execute(
                "INSERT INTO migrations (number, name, applied_at) VALUES (%s, %s, %s)",
                (m.number, m.name, now()),
            )
        done.append(m.number)
    return done


def execute(conn: Conn, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[dict[str, Any]]:
    """``sql`` run with its parameters encoded (:func:`enc`)."""
    return conn.execute(cast(Any, sql), [enc(p) for p in params])


def now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
