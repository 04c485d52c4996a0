"""The SQLite connection: opened (read-only too) with its pragmas, migrated on open for
writing, rows read as dicts; the helpers every SQLite module shares (ids in chunks of
``IN`` lists, the first fill of empty tables without their secondary indexes)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote as _urlquote

from .common import StoreError
from .schema import migrate, pending

CHUNK = 500  # ids per IN (...) list


def dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    """The row factory of every connection: a row as a dict by column name."""
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    """``items`` in slices of at most :data:`CHUNK` (one ``IN`` list each)."""
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def marks(n: int) -> str:
    """``n`` placeholders of an ``IN`` list."""
    return ", ".join("?" * n)


def open_connection(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection to the file ``path`` (StoreError E015/E017 when it cannot be used)."""
    where = str(path)
    try:
        if readonly:
            if not path.exists():
                raise StoreError(f"E015 {where}: no such database file")
            conn = open_readonly(path)
        else:
            if path.parent and not path.parent.exists():
                raise StoreError(f"E015 {where}: the folder {path.parent} does not exist")
            conn = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"E015 {where}: cannot open the database: {exc}") from exc
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        if readonly:
            todo = pending(conn)
            if todo:
                raise StoreError(
                    f"E017 {where} needs migration {todo[0].number:04d}_{todo[0].name}; "
                    "open it once for writing to upgrade it"
                )
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB: bulk writes, big indexes
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"E015 {where} is not a usable histograph database: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    conn.row_factory = dict_row
    return conn


def open_readonly(path: Path) -> sqlite3.Connection:
    """``mode=ro``; on read-only media, where SQLite cannot create the WAL side files
    (``-wal``/``-shm``), ``immutable=1`` (nothing else can write there either)."""
    base = f"file:{_urlquote(str(path.resolve()))}"
    conn = sqlite3.connect(
        base + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error:
        conn.close()
    return sqlite3.connect(
        base + "?immutable=1", uri=True, isolation_level=None, check_same_thread=False
    )


@contextmanager
def bulk_fill(conn: sqlite3.Connection, tables: Sequence[str]) -> Iterator[None]:
    """Fill empty ``tables`` faster (inside the caller's transaction): their secondary
    indexes and triggers are dropped first and made again at the end (one sort per index
    instead of a B-tree insert per row), and the full-text index is rebuilt in one pass.
    The primary keys stay (``INSERT OR IGNORE`` relies on them); DDL is transactional
    in SQLite, so a failure leaves the schema as it was."""
    if not tables:
        yield
        return
    placeholders = marks(len(tables))
    saved = [
        (str(r["type"]), str(r["name"]), str(r["sql"]))
        for r in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            f" AND tbl_name IN ({placeholders}) AND sql IS NOT NULL ORDER BY type, name",
            list(tables),
        ).fetchall()
    ]
    for kind, name, _ in saved:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    yield
    for _, _, sql in saved:  # indexes first ('index' < 'trigger')
        conn.execute(sql)
    if "sentences" in tables:
        conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")


def empty_tables(conn: sqlite3.Connection, tables: Iterable[str]) -> list[str]:
    """Those of ``tables`` that hold no row."""
    return [
        t for t in tables if conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is None
    ]
