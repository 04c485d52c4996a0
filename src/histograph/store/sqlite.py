"""The SQLite backend: one file (WAL mode, foreign keys on), numbered migrations.

The reads both SQL backends run alike live in :class:`~.sqlbase.SQLStore` (this class
supplies the hooks: ``?`` placeholders, chunked ``IN`` lists, its lock); the row converters
in :mod:`.serialise`. What is SQLite's own: the write path with its row digests
(:mod:`.diff`: only changed rows written; a first fill without secondary indexes, made
again after), the timeline's pages through the rowid of the order index, FTS5 search
(:class:`_FTS`, migrations 2 and 6).

One module (about 1,450 lines) because the write path's methods (the bulk load and the
scoped incremental write among them) share one connection, its lock and its transaction helper.
"""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import quote as _urlquote

from ..model import (
    Analysis,
    AuthorityRecord,
    Claim,
    Conflict,
    Event,
    KnowledgeBase,
    Participant,
    Person,
    conflict_order,
    entity_order,
)
from . import DocumentVersion, SearchHit
from . import diff as D
from . import serialise as S
from .common import (
    ScopeError,
    StoreError,
    check_page,
    check_repr,
    facet_keys,
    facet_refresh_sql,
    fts_safe_query,
    knowledge_doc_ids,
    missing_documents_error,
    validate_analysis,
    validate_ids,
    validate_knowledge,
)
from .schema import migrate, pending
from .sqlbase import EVENT_ORDER as _EVENT_ORDER
from .sqlbase import SQLStore

_CHUNK = 500  # ids per IN (...) list

#: merged-knowledge tables, children before parents (deleted in this order)
_KNOWLEDGE_TABLES = (
    "conflict_value_claims",
    "conflict_values",
    "conflicts",
    "event_claims",
    "claims",
    "event_evidence_participants",
    "event_evidence",
    "event_entities",
    "events",
    "entity_roles",
    "entity_evidence",
    "entity_aliases",
    "entities",
    "copies",
)


_KEPT = b"kept"  # the digest of a row a scoped merge keeps

_ANALYSIS_TABLES = S.ANALYSIS_TABLES

#: rows below which a first fill keeps its indexes (dropping and making them costs more)
_BULK_ROWS = 2000


@contextmanager
def _bulk_fill(conn: sqlite3.Connection, tables: Sequence[str]) -> Iterator[None]:
    """Fill empty ``tables`` faster (inside the caller's transaction): their secondary
    indexes and triggers are dropped first and made again at the end (one sort per index
    instead of a B-tree insert per row), and the full-text index is rebuilt in one pass.
    The primary keys stay (``INSERT OR IGNORE`` relies on them); DDL is transactional
    in SQLite, so a failure leaves the schema as it was."""
    if not tables:
        yield
        return
    marks = _marks(len(tables))
    saved = [
        (str(r["type"]), str(r["name"]), str(r["sql"]))
        for r in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            f" AND tbl_name IN ({marks}) AND sql IS NOT NULL ORDER BY type, name",
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


def _empty(conn: sqlite3.Connection, tables: Iterable[str]) -> list[str]:
    """Those of ``tables`` that hold no row."""
    return [
        t for t in tables if conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is None
    ]


def _check_scope(
    kind: str,
    digests: Mapping[str, bytes],
    stored: Mapping[str, object],
    conn: sqlite3.Connection,
    table: str,
    inside: Mapping[str, set[str]] | None,
) -> None:
    """A record of a scoped merge must not have the id of a record kept outside the scope."""
    if inside is None:
        return
    fresh = sorted(k for k in digests if k not in stored)
    for chunk in _chunks(fresh):
        row = conn.execute(
            f"SELECT id FROM {table} WHERE id IN ({_marks(len(chunk))}) LIMIT 1", chunk
        ).fetchone()
        if row is not None:
            raise ScopeError(
                f"E035 {kind} {row['id']!r} is built from documents outside the merge"
            )


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


class _FTS:
    """Full-text search over sentences: SQLite FTS5 (external-content index)."""

    SQL = """
        SELECT s.doc_id, s.start, s."end", s.text, s.region_kind, d.uri, d.title,
               -bm25(sentences_fts) AS score
        FROM sentences_fts
        JOIN sentences s ON s.id = sentences_fts.rowid
        JOIN documents d ON d.id = s.doc_id
        WHERE sentences_fts MATCH ?
        ORDER BY bm25(sentences_fts), s.doc_id, s.start
        LIMIT ? OFFSET ?
    """

    @classmethod
    def search(
        cls, conn: sqlite3.Connection, query: str, limit: int, offset: int
    ) -> list[dict[str, Any]]:
        if not query.strip():
            return []
        try:
            return conn.execute(cls.SQL, (query, limit, offset)).fetchall()
        except sqlite3.OperationalError:
            # FTS5 syntax error ("foo, AND, col:x, ...): search the plain words instead;
            # a real database error will recur below and propagate
            safe = fts_safe_query(query)
            if not safe:
                return []
            return conn.execute(cls.SQL, (safe, limit, offset)).fetchall()


class SQLiteStore(SQLStore):
    """The default store: one SQLite file, created and upgraded on open."""

    def __init__(self, path: str | os.PathLike[str] = "histograph.db", *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        self._conn = self._connect()

    # ------------------------------------------------------------ connection
    def _connect(self) -> sqlite3.Connection:
        where = str(self.path)
        try:
            if self.readonly:
                if not self.path.exists():
                    raise StoreError(f"E015 {where}: no such database file")
                conn = self._connect_readonly()
            else:
                if self.path.parent and not self.path.parent.exists():
                    raise StoreError(f"E015 {where}: the folder {self.path.parent} does not exist")
                conn = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"E015 {where}: cannot open the database: {exc}") from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if self.readonly:
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
        conn.row_factory = _dict_row
        return conn

    def _connect_readonly(self) -> sqlite3.Connection:
        """``mode=ro``; on read-only media, where SQLite cannot create the WAL side files
        (``-wal``/``-shm``), ``immutable=1`` (nothing else can write there either)."""
        base = f"file:{_urlquote(str(self.path.resolve()))}"
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

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def schema_version(self) -> int:
        """The highest applied migration number."""
        with self._lock:
            row = self._conn.execute("SELECT max(number) AS n FROM migrations").fetchone()
        return int(row["n"] or 0)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise StoreError(f"E017 {self.path} is open read-only")
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                # SQLite rolls back by itself on some errors (a full disk, SQLITE_FULL): a
                # second ROLLBACK would fail and hide the cause
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _reading(self) -> threading.RLock:
        """Several reads under the connection's lock (one SQLite connection, one state)."""
        return self._lock

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        with self._lock:
            row: dict[str, Any] | None = self._conn.execute(sql, params).fetchone()
        return row

    def _in(self, sql: str, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Run ``sql`` (with one ``{ids}`` placeholder) over ``ids`` in chunks."""
        rows: list[dict[str, Any]] = []
        for chunk in _chunks(ids):
            rows.extend(self._all(sql.format(ids=_marks(len(chunk))), chunk))
        return rows

    @staticmethod
    def _insert(conn: sqlite3.Connection, table: str, rows: Iterable[S.Row]) -> None:
        rows = list(rows)
        if not rows:
            return
        cols = list(rows[0])
        names = ", ".join('"' + c + '"' for c in cols)
        values = ", ".join(":" + c for c in cols)
        sql = f"INSERT INTO {table} ({names}) VALUES ({values})"
        conn.executemany(sql, rows)

    @staticmethod
    def _page(limit: int | None, offset: int) -> str:
        check_page(limit, offset)
        if limit is None and offset == 0:
            return ""
        return f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"

    # ------------------------------------------------------------ documents and analyses
    def add_analysis(self, analysis: Analysis) -> bool:
        validate_analysis(analysis)
        with self._transaction() as conn:
            added = self._add_analysis(conn, analysis)
            if added:
                self._bump(conn)
            return added

    # ------------------------------------------------------------ freshness and versions
    @staticmethod
    def _state(conn: sqlite3.Connection, key: str) -> int:
        row = conn.execute("SELECT value FROM store_state WHERE key = ?", (key,)).fetchone()
        if row is None:
            return 0
        return int(row["value"] if isinstance(row, dict) else row[0])

    @staticmethod
    def _set_state(conn: sqlite3.Connection, key: str, value: int) -> None:
        conn.execute(
            "INSERT INTO store_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _bump(self, conn: sqlite3.Connection) -> int:
        """Record a change of the stored documents (or authority): the knowledge is stale."""
        value = self._state(conn, "generation") + 1
        self._set_state(conn, "generation", value)
        return value

    def generation(self) -> int:
        with self._lock:
            return self._state(self._conn, "generation")

    def knowledge_stale(self) -> bool:
        with self._lock:
            conn = self._conn
            return self._state(conn, "knowledge_generation") != self._state(conn, "generation")

    def document_origins(self) -> list[tuple[str, str | None]]:
        return [
            (str(r["id"]), None if r["origin"] is None else str(r["origin"]))
            for r in self._all(
                "SELECT id, json_extract(meta, '$.origin') AS origin FROM documents ORDER BY rowid"
            )
        ]

    def versions(self) -> list[DocumentVersion]:
        return [
            DocumentVersion(
                uri=str(r["uri"]),
                old_id=str(r["old_id"]),
                new_id=r["new_id"],
                change=str(r["change"]),
                at=str(r["at"]),
            )
            for r in self._all("SELECT * FROM document_versions ORDER BY seq")
        ]

    def _add_analysis(self, conn: sqlite3.Connection, a: Analysis) -> bool:
        new = self._new_analyses(conn, [a])
        self._add_analyses(conn, new)
        return bool(new)

    @staticmethod
    def _new_analyses(conn: sqlite3.Connection, analyses: Sequence[Analysis]) -> list[Analysis]:
        """Those of ``analyses`` whose document is not stored (the first of equal ids),
        validated."""
        stored: set[str] = set()
        ids = sorted({a.document.id for a in analyses})
        for chunk in _chunks(ids):
            stored.update(
                str(r["id"])
                for r in conn.execute(
                    f"SELECT id FROM documents WHERE id IN ({_marks(len(chunk))})", chunk
                )
            )
        out = []
        for a in analyses:
            if a.document.id not in stored:
                validate_analysis(a)
                stored.add(a.document.id)
                out.append(a)
        return out

    def _add_analyses(self, conn: sqlite3.Connection, analyses: Sequence[Analysis]) -> None:
        """Store new analyses (:meth:`_new_analyses`): one bulk insert a table."""
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        for table, rows in S.analysis_rows(analyses, now).items():
            self._insert(conn, table, rows)
        conn.executemany(  # to be merged, no component keys yet (migration 12)
            "INSERT INTO merge_key_docs (doc_id, version, merged) VALUES (?, 0, 0)"
            " ON CONFLICT (doc_id) DO NOTHING",
            [(a.document.id,) for a in analyses],
        )

    def analysis(self, doc_id: str) -> Analysis | None:
        with self._lock:
            row = self._one("SELECT * FROM documents WHERE id = ?", (doc_id,))
            if row is None:
                return None

            def rows(table: str, order: str = "seq") -> list[dict[str, Any]]:
                return self._all(
                    f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY {order}", (doc_id,)
                )

            parts: dict[int, list[Participant]] = defaultdict(list)
            for p in rows("event_mention_participants", "mention_seq, seq"):
                parts[int(p["mention_seq"])].append(S.participant_from_row(p))
            return Analysis(
                document=S.document_from_row(row),
                regions=tuple(S.region_from_row(r) for r in rows("regions")),
                sentences=tuple(S.sentence_from_row(r) for r in rows("sentences")),
                times=tuple(S.time_mention_from_row(r) for r in rows("time_mentions")),
                entities=tuple(S.entity_mention_from_row(r) for r in rows("entity_mentions")),
                roles=tuple(S.role_from_row(r) for r in rows("roles")),
                events=tuple(
                    S.event_mention_from_row(r, tuple(parts.get(int(r["seq"]), ())))
                    for r in rows("event_mentions")
                ),
                published=S.time_from_row(row, "analysis_published_"),
            )

    def analyses(self) -> Iterator[Analysis]:
        ids = [str(r["id"]) for r in self._all("SELECT id FROM documents ORDER BY id")]
        for doc_id in ids:
            a = self.analysis(doc_id)
            if a is not None:
                yield a

    def quote(self, doc_id: str, start: int, end: int) -> str | None:
        # sliced in Python: substr() would stop counting at an embedded NUL
        row = self._one("SELECT text FROM documents WHERE id = ?", (doc_id,))
        return None if row is None else str(row["text"])[start:end]

    # ------------------------------------------------------------ merged knowledge: write
    def replace_knowledge(
        self,
        kb: KnowledgeBase,
        *,
        generation: int | None = None,
        retire: Mapping[str, str | None] | None = None,
        scope: Collection[str] | None = None,
    ) -> None:
        """Make the stored knowledge that of ``kb``, in one transaction, writing only the
        events, people and conflicts that are new or differ from the stored ones (their
        digests, :mod:`.diff`) and deleting those ``kb`` no longer has.

        ``scope``: the documents ``kb`` is the knowledge of (an incremental merge of some
        components of the corpus): only the stored records citing them are replaced, the
        others are kept. Raises :class:`~.common.ScopeError` when a record of ``kb`` has the
        id of a kept one (the caller merges everything instead). People are listed by kind
        and name, conflicts by subject and attribute, events by date (ties by a digest of
        the id): the same order however the knowledge was built."""
        validate_ids(kb)
        retire = dict(retire or {})
        with self._transaction() as conn:
            current = self._state(conn, "generation")
            big = len(kb.events) + 20 * len(kb.analyses) >= _BULK_ROWS
            fresh = _empty(conn, _ANALYSIS_TABLES) if big and kb.analyses else []
            new = self._new_analyses(conn, [a for a in kb.analyses if a.document.id not in retire])
            with _bulk_fill(conn, fresh if len(fresh) == len(_ANALYSIS_TABLES) else []):
                self._add_analyses(conn, new)
            changed = bool(new)
            bulk = _empty(conn, _KNOWLEDGE_TABLES) if big and scope is None else []
            if len(bulk) != len(_KNOWLEDGE_TABLES):
                bulk = []
            with _bulk_fill(conn, bulk):
                self._replace_rows(
                    conn, kb, retire, scope, generation, current, changed, bool(bulk)
                )

    def bulk_load(self, chunks: Iterable[KnowledgeBase]) -> None:
        """Fill an empty store from a stream of knowledge bases, in one transaction, through
        the bulk path of :meth:`replace_knowledge` (secondary indexes dropped and made once at
        the end, the full-text index and the facets built in one pass): a builder of a very
        large knowledge base holds one chunk in memory, not the whole. Each chunk's analyses
        are stored, then its people, events and conflicts appended in the order given (their
        positions continue from chunk to chunk). A chunk may cite the documents of its own and
        of earlier chunks (else E013); ids are unique per chunk (E014) and across chunks (the
        primary keys). Raises StoreError (E036) when the store already holds documents or
        knowledge; on any error the store is unchanged."""
        with self._transaction() as conn:
            tables = (*_ANALYSIS_TABLES, *_KNOWLEDGE_TABLES)
            if len(_empty(conn, tables)) != len(tables):
                raise StoreError(f"E036 {self.path}: bulk_load fills an empty store only")
            current = self._state(conn, "generation")
            at = {"entity": 0, "event": 0, "conflict": 0, "copy": 0}
            with _bulk_fill(conn, tables):
                for kb in chunks:
                    validate_ids(kb)
                    self._add_analyses(conn, self._new_analyses(conn, kb.analyses))
                    self._append_knowledge(conn, kb, at)
            conn.execute("UPDATE merge_key_docs SET merged = 1 WHERE merged = 0")
            self._set_state(conn, "full_merge", 0)
            for sql, params in facet_refresh_sql(None, _marks):
                conn.execute(sql, params)
            self._set_state(conn, "generation", current + 1)
            self._set_state(conn, "knowledge_generation", current + 1)

    def _append_knowledge(
        self, conn: sqlite3.Connection, kb: KnowledgeBase, at: dict[str, int]
    ) -> None:
        """Write the people, events and conflicts of ``kb`` after those stored (``at``: the
        next position of each kind, advanced), with their digests, as :meth:`_replace_rows`
        writes a whole knowledge base into empty tables."""
        needed = sorted(knowledge_doc_ids(kb))
        present: set[str] = set()
        for chunk in _chunks(needed):
            present.update(
                str(r["id"])
                for r in conn.execute(
                    f"SELECT id FROM documents WHERE id IN ({_marks(len(chunk))})", chunk
                )
            )
        if missing := set(needed) - present:
            raise missing_documents_error(missing)
        seqs: dict[str, dict[str, float]] = {}
        groups: tuple[tuple[str, Sequence[Person | Event | Conflict]], ...] = (
            ("entity", kb.people), ("event", kb.events), ("conflict", kb.conflicts)
        )
        for kind, records in groups:
            digests: dict[str, bytes] = {}
            for r in records:
                text = repr(r)
                check_repr(text, r, f"knowledge base {kind}")
                digests[r.id] = D.digest(r, text)
            seqs[kind] = {r.id: float(at[kind] + j) for j, r in enumerate(records)}
            at[kind] += len(records)
            conn.executemany(
                "INSERT INTO knowledge_rows (kind, id, digest) VALUES (?, ?, ?)",
                [(kind, key, d) for key, d in digests.items()],
            )
        self._write_people(conn, kb.people, seqs["entity"])
        claim_ids = self._write_claims(conn, kb)
        self._write_events(conn, kb.events, claim_ids, seqs["event"])
        self._write_conflicts(conn, kb.conflicts, claim_ids, seqs["conflict"])
        self._insert(
            conn, "copies", (S.copy_row(c, at["copy"] + i) for i, c in enumerate(kb.copies))
        )
        at["copy"] += len(kb.copies)

    def _replace_rows(
        self,
        conn: sqlite3.Connection,
        kb: KnowledgeBase,
        retire: Mapping[str, str | None],
        scope: Collection[str] | None,
        generation: int | None,
        current: int,
        changed: bool,
        bulk: bool,
    ) -> bool:
        """The knowledge rows of :meth:`replace_knowledge` (its documents stored; ``bulk``:
        into empty tables, the facets counted afresh)."""
        inside = None if scope is None else self._scope_rows(conn, scope)
        plans = {
            "entity": self._plan(conn, "entities", "entity", kb.people, inside),
            "event": self._plan(conn, "events", "event", kb.events, inside),
            "conflict": self._plan(conn, "conflicts", "conflict", kb.conflicts, inside),
        }
        people = [p for p in kb.people if p.id in plans["entity"].insert]
        events = [e for e in kb.events if e.id in plans["event"].insert]
        conflicts = [k for k in kb.conflicts if k.id in plans["conflict"].insert]
        written = KnowledgeBase(
            analyses=(), events=tuple(events), people=tuple(people),
            conflicts=tuple(conflicts), copies=kb.copies,
        )
        validate_knowledge(KnowledgeBase(copies=kb.copies))  # the records: in _plan
        touched = None if bulk else self._facet_keys(conn, plans["event"].delete, events)
        orphans = self._delete_knowledge(conn, plans)
        if scope is not None and plans["event"].insert:
            plans["event"].insert.update(self._places_by_id(conn, plans["event"].insert))
        copies = sorted(kb.copies, key=lambda c: (c.doc_id, c.source_id))
        first_copy = 0
        if scope is None:
            conn.execute("DELETE FROM copies")
        else:  # the copy links of the other documents stay (read in order of doc_id)
            gone = sorted(set(scope) | set(retire))
            for chunk in _chunks(gone):
                marks = _marks(len(chunk))
                conn.execute(
                    f"DELETE FROM copies WHERE doc_id IN ({marks}) OR source_id IN ({marks})",
                    (*chunk, *chunk),
                )
            top = conn.execute("SELECT max(seq) AS m FROM copies").fetchone()
            first_copy = 0 if top is None or top["m"] is None else int(top["m"]) + 1
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        for old_id, new_id in sorted(retire.items()):
            row = conn.execute("SELECT uri FROM documents WHERE id = ?", (old_id,)).fetchone()
            if row is None:
                continue
            # its claims: every row that used them was replaced (its evidence changed)
            conn.execute("DELETE FROM claims WHERE doc_id = ?", (old_id,))
            conn.execute("DELETE FROM documents WHERE id = ?", (old_id,))
            conn.execute(
                "INSERT INTO document_versions (uri, old_id, new_id, change, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (row["uri"], old_id, new_id, "removed" if new_id is None else "replaced", now),
            )
            changed = True
        if changed:
            self._set_state(conn, "generation", current + 1)
        if generation is None or generation == current:
            # built from the documents stored now: the knowledge is fresh
            self._set_state(
                conn, "knowledge_generation", current + 1 if changed else current
            )
        needed = sorted(knowledge_doc_ids(written))
        present: set[str] = set()
        for chunk in _chunks(needed):
            present.update(
                str(r["id"])
                for r in conn.execute(
                    f"SELECT id FROM documents WHERE id IN ({_marks(len(chunk))})", chunk
                )
            )
        if missing := set(needed) - present:
            raise missing_documents_error(missing)
        self._write_people(conn, people, plans["entity"].insert)
        claim_ids = self._write_claims(conn, written)
        self._write_events(conn, events, claim_ids, plans["event"].insert)
        self._write_conflicts(conn, conflicts, claim_ids, plans["conflict"].insert)
        for table, kind in (("entities", "entity"), ("events", "event"), ("conflicts", "conflict")):
            moves = plans[kind].move
            conn.executemany(
                f"UPDATE {table} SET seq = ? WHERE id = ?",
                [(seq, key) for key, seq in moves.items()],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO knowledge_rows (kind, id, digest) VALUES (?, ?, ?)",
                [(kind, key, d) for key, d in plans[kind].digests.items()],
            )
        self._drop_orphan_claims(conn, orphans)
        if scope is None:
            conn.execute("UPDATE merge_key_docs SET merged = 1 WHERE merged = 0")
            self._set_state(conn, "full_merge", 0)
        else:
            for chunk in _chunks(sorted(scope)):
                conn.execute(
                    f"UPDATE merge_key_docs SET merged = 1 WHERE doc_id IN ({_marks(len(chunk))})",
                    chunk,
                )
        self._insert(
            conn, "copies", (S.copy_row(c, first_copy + i) for i, c in enumerate(copies))
        )
        for sql, params in facet_refresh_sql(touched, _marks):
            conn.execute(sql, params)
        return changed

    @staticmethod
    def _facet_keys(
        conn: sqlite3.Connection, deleted: Sequence[str], written: Sequence[Event]
    ) -> dict[str, set[str]]:
        """The facet keys (type, entities, sources) of the events about to be deleted and
        of those written: the counts that change."""
        out = facet_keys(written)
        for chunk in _chunks(list(deleted)):
            marks = _marks(len(chunk))
            for facet, sql in (
                ("type", f"SELECT DISTINCT type AS k FROM events WHERE id IN ({marks})"),
                ("entity", "SELECT DISTINCT entity_id AS k FROM event_entities"
                 f" WHERE event_id IN ({marks})"),
                ("source", "SELECT DISTINCT doc_id AS k FROM event_evidence"
                 f" WHERE event_id IN ({marks})"),
            ):
                out[facet].update(str(r["k"]) for r in conn.execute(sql, chunk))
        return out

    @staticmethod
    def _scope_rows(conn: sqlite3.Connection, scope: Collection[str]) -> dict[str, set[str]]:
        """The stored events, entities and conflicts that cite a document of ``scope``."""
        docs = sorted(scope)
        out: dict[str, set[str]] = {"event": set(), "entity": set(), "conflict": set()}
        for chunk in _chunks(docs):
            marks = _marks(len(chunk))
            for kind, sql in (
                ("event", f"SELECT DISTINCT event_id AS i FROM event_evidence WHERE doc_id IN ({marks})"),
                ("event", f"SELECT DISTINCT c.event_id AS i FROM event_claims c JOIN claims x"
                 f" ON x.id = c.claim_id WHERE x.doc_id IN ({marks})"),
                ("entity", f"SELECT DISTINCT entity_id AS i FROM entity_evidence"
                 f" WHERE doc_id IN ({marks})"),
                ("entity", f"SELECT DISTINCT entity_id AS i FROM entity_roles"
                 f" WHERE doc_id IN ({marks})"),
                ("conflict", f"SELECT DISTINCT v.conflict_id AS i FROM conflict_value_claims v"
                 f" JOIN claims x ON x.id = v.claim_id WHERE x.doc_id IN ({marks})"),
            ):
                out[kind].update(str(r["i"]) for r in conn.execute(sql, chunk).fetchall())
        subjects = sorted(out["event"] | out["entity"])
        for chunk in _chunks(subjects):
            out["conflict"].update(
                str(r["id"])
                for r in conn.execute(
                    f"SELECT id FROM conflicts WHERE subject IN ({_marks(len(chunk))})", chunk
                ).fetchall()
            )
        return out

    @staticmethod
    def _plan(
        conn: sqlite3.Connection,
        table: str,
        kind: str,
        records: Sequence[Event | Person | Conflict],
        inside: Mapping[str, set[str]] | None,
    ) -> D.Plan:
        """What to write for one table. Events: positions are digests of their ids (the
        order is by date), so only the rows in scope are read. People and conflicts: their
        order gives the positions: the order given, or in a scoped merge the canonical
        order (:func:`~histograph.model.entity_order`) of every row, kept and new."""
        digests: dict[str, bytes] = {}
        for r in records:
            text = repr(r)
            check_repr(text, r, f"knowledge base {table}")
            digests[r.id] = D.digest(r, text)
        if kind == "event" and inside is not None:
            # only the rows in scope are read; new rows find their places by id afterwards
            rows: list[Any] = []
            for chunk in _chunks(sorted(inside["event"])):
                rows += conn.execute(
                    "SELECT t.id, t.seq, k.digest FROM events t LEFT JOIN knowledge_rows k"
                    f" ON k.kind = 'event' AND k.id = t.id WHERE t.id IN ({_marks(len(chunk))})",
                    chunk,
                ).fetchall()
            stored = {str(r["id"]): (r["digest"], r["seq"]) for r in rows}
            _check_scope(kind, digests, stored, conn, table, inside)
            same = {k for k in digests if k in stored and stored[k][0] == digests[k]}
            return D.Plan(
                tuple(sorted(k for k in stored if k not in same)),
                {k: 0.0 for k in sorted(digests) if k not in same},  # placed after deletion
                {},
                {k: d for k, d in digests.items() if k not in same},
            )
        if kind == "event":
            rows = conn.execute(
                "SELECT t.id, t.seq, k.digest FROM events t"
                " LEFT JOIN knowledge_rows k ON k.kind = 'event' AND k.id = t.id"
            ).fetchall()
            stored = {str(r["id"]): (r["digest"], r["seq"]) for r in rows}
            return D.plan([r.id for r in records], digests, stored)
        cols = "t.kind, t.name, t.authority_id" if kind == "entity" else (
            "t.subject_kind AS kind, t.subject AS name, t.attribute AS authority_id"
        )
        order_of = entity_order if kind == "entity" else conflict_order
        if inside is not None:
            try:
                return SQLiteStore._plan_part(
                    conn, table, kind, records, digests, inside, cols, order_of
                )
            except D.NoRoom:
                pass  # the whole list is read and renumbered where needed
        rows = conn.execute(
            f"SELECT t.id, t.seq, k.digest, {cols} FROM {table} t"
            " LEFT JOIN knowledge_rows k ON k.kind = ? AND k.id = t.id",
            (kind,),
        ).fetchall()
        mine = None if inside is None else inside[kind]
        stored = {}
        keys: dict[str, tuple[object, ...]] = {}
        for r in rows:
            rid = str(r["id"])
            stored[rid] = (r["digest"], r["seq"])
            if mine is not None and rid not in mine:
                if rid in digests:
                    raise ScopeError(f"E035 {kind} {rid!r} is built from documents outside the merge")
                digests[rid] = _KEPT  # outside the scope: kept as it is
                stored[rid] = (_KEPT, r["seq"])
                keys[rid] = order_of(r["kind"], r["name"], r["authority_id"], rid)
        if mine is None:  # the whole knowledge: the order given
            return D.plan([r.id for r in records], digests, stored)
        for rec in records:
            if isinstance(rec, Person):
                keys[rec.id] = entity_order(rec.kind, rec.name, rec.authority_id, rec.id)
            elif isinstance(rec, Conflict):
                keys[rec.id] = conflict_order(rec.subject_kind, rec.subject, rec.attribute, rec.id)
        order = sorted(keys, key=keys.__getitem__)
        return D.plan(order, digests, stored)

    @staticmethod
    def _plan_part(
        conn: sqlite3.Connection,
        table: str,
        kind: str,
        records: Sequence[Event | Person | Conflict],
        digests: dict[str, bytes],
        inside: Mapping[str, set[str]],
        cols: str,
        order_of: Callable[..., tuple[object, ...]],
    ) -> D.Plan:
        """The plan of a scoped merge for people or conflicts reading only the rows in
        scope and, for each new or changed record, the O(log n) rows of a bisection that
        find its stored neighbours (:func:`.diff.neighbours`)."""
        rows: list[Any] = []
        for chunk in _chunks(sorted(inside[kind])):
            rows += conn.execute(
                f"SELECT t.id, t.seq, k.digest FROM {table} t LEFT JOIN knowledge_rows k"
                f" ON k.kind = ? AND k.id = t.id WHERE t.id IN ({_marks(len(chunk))})",
                (kind, *chunk),
            ).fetchall()
        stored = {str(r["id"]): (r["digest"], r["seq"]) for r in rows}
        _check_scope(kind, digests, stored, conn, table, inside)
        keys: dict[str, tuple[object, ...]] = {}
        for rec in records:
            if isinstance(rec, Person):
                keys[rec.id] = entity_order(rec.kind, rec.name, rec.authority_id, rec.id)
            elif isinstance(rec, Conflict):
                keys[rec.id] = conflict_order(rec.subject_kind, rec.subject, rec.attribute, rec.id)
        select = f"SELECT t.id, t.seq, {cols} FROM {table} t"

        def row(r: Any) -> D.Row | None:
            if r is None:
                return None
            return order_of(r["kind"], r["name"], r["authority_id"], str(r["id"])), r["seq"]

        first = row(conn.execute(f"{select} ORDER BY t.seq LIMIT 1").fetchone())
        last = row(conn.execute(f"{select} ORDER BY t.seq DESC LIMIT 1").fetchone())

        def ends() -> tuple[D.Row, D.Row] | None:
            return None if first is None or last is None else (first, last)

        def between(lo: float, mid: float, hi: float) -> D.Row | None:
            got = row(
                conn.execute(
                    f"{select} WHERE t.seq > ? AND t.seq >= ? AND t.seq < ?"
                    " ORDER BY t.seq LIMIT 1",
                    (lo, mid, hi),
                ).fetchone()
            )
            if got is None:
                got = row(
                    conn.execute(
                        f"{select} WHERE t.seq > ? AND t.seq < ? ORDER BY t.seq DESC LIMIT 1",
                        (lo, mid),
                    ).fetchone()
                )
            return got

        return D.scoped_plan(keys, digests, stored, lambda k: D.neighbours(k, ends, between))

    @staticmethod
    def _places_by_id(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, float]:
        """Positions for new events among the stored ones, in id order (the order a merge
        from scratch lists them in): each run of new ids between two stored neighbours
        shares the room between their positions."""
        runs: dict[tuple[float | None, float | None], list[str]] = defaultdict(list)
        for key in sorted(ids):
            lo = conn.execute(
                "SELECT seq FROM events WHERE id < ? ORDER BY id DESC LIMIT 1", (key,)
            ).fetchone()
            hi = conn.execute("SELECT seq FROM events WHERE id > ? ORDER BY id LIMIT 1", (key,)).fetchone()
            runs[(None if lo is None else lo["seq"], None if hi is None else hi["seq"])].append(key)
        out: dict[str, float] = {}
        for (lo, hi), keys in runs.items():
            n = len(keys)
            if lo is None and hi is None:
                values = [float(i) for i in range(n)]
            elif hi is None:
                assert lo is not None
                values = [float(int(lo)) + 1.0 + i for i in range(n)]
            elif lo is None:
                values = [float(int(hi)) - n - 1.0 + i for i in range(n)]
            else:
                step = (hi - lo) / (n + 1)
                if step <= 1e-9:
                    raise ScopeError("E035 no room left between stored events: merge everything")
                values = [lo + step * (i + 1) for i in range(n)]
            out.update(zip(keys, values, strict=True))
        return out

    def _delete_knowledge(self, conn: sqlite3.Connection, plans: Mapping[str, D.Plan]) -> set[int]:
        """Delete the replaced and vanished rows; returns the claim ids they used."""
        orphans: set[int] = set()
        for chunk in _chunks(list(plans["conflict"].delete)):
            marks = _marks(len(chunk))
            orphans.update(
                int(r["claim_id"])
                for r in conn.execute(
                    f"SELECT claim_id FROM conflict_value_claims WHERE conflict_id IN ({marks})",
                    chunk,
                )
            )
            for t, col in (
                ("conflict_value_claims", "conflict_id"),
                ("conflict_values", "conflict_id"),
                ("conflicts", "id"),
            ):
                conn.execute(f"DELETE FROM {t} WHERE {col} IN ({marks})", chunk)
            conn.execute(
                f"DELETE FROM knowledge_rows WHERE kind = 'conflict' AND id IN ({marks})", chunk
            )
        for chunk in _chunks(list(plans["event"].delete)):
            marks = _marks(len(chunk))
            orphans.update(
                int(r["claim_id"])
                for r in conn.execute(
                    f"SELECT claim_id FROM event_claims WHERE event_id IN ({marks})", chunk
                )
            )
            for t, col in (
                ("event_claims", "event_id"),
                ("event_evidence_participants", "event_id"),
                ("event_evidence", "event_id"),
                ("event_entities", "event_id"),
                ("events", "id"),
            ):
                conn.execute(f"DELETE FROM {t} WHERE {col} IN ({marks})", chunk)
            conn.execute(
                f"DELETE FROM knowledge_rows WHERE kind = 'event' AND id IN ({marks})", chunk
            )
        for chunk in _chunks(list(plans["entity"].delete)):
            marks = _marks(len(chunk))
            for t, col in (
                ("entity_roles", "entity_id"),
                ("entity_evidence", "entity_id"),
                ("entity_aliases", "entity_id"),
                ("entities", "id"),
            ):
                conn.execute(f"DELETE FROM {t} WHERE {col} IN ({marks})", chunk)
            conn.execute(
                f"DELETE FROM knowledge_rows WHERE kind = 'entity' AND id IN ({marks})", chunk
            )
        return orphans

    @staticmethod
    def _drop_orphan_claims(conn: sqlite3.Connection, candidates: set[int]) -> None:
        """Delete the claims of replaced rows that no stored event or conflict uses now."""
        ids = sorted(candidates)
        for k in range(0, len(ids), _CHUNK):
            chunk = ids[k : k + _CHUNK]
            marks = _marks(len(chunk))
            conn.execute(
                f"DELETE FROM claims WHERE id IN ({marks})"
                " AND NOT EXISTS (SELECT 1 FROM event_claims x WHERE x.claim_id = claims.id)"
                " AND NOT EXISTS (SELECT 1 FROM conflict_value_claims y"
                " WHERE y.claim_id = claims.id)",
                chunk,
            )

    def _write_people(
        self, conn: sqlite3.Connection, people: Sequence[Person], seqs: Mapping[str, float]
    ) -> None:
        self._insert(
            conn,
            "entities",
            (
                {
                    "id": p.id,
                    "seq": seqs[p.id],
                    "name": p.name,
                    "name_fold": S.fold(p.name),
                    "kind": p.kind,
                    "authority_id": p.authority_id,
                }
                for p in people
            ),
        )
        self._insert(
            conn,
            "entity_aliases",
            (
                {"entity_id": p.id, "seq": j, "alias": a, "alias_fold": S.fold(a)}
                for p in people
                for j, a in enumerate(p.aliases)
            ),
        )
        self._insert(
            conn,
            "entity_evidence",
            (
                {**S.entity_mention_row(m), "entity_id": p.id, "seq": j}
                for p in people
                for j, m in enumerate(p.mentions)
            ),
        )
        self._insert(
            conn,
            "entity_roles",
            (
                {**S.role_row(r), "entity_id": p.id, "seq": j}
                for p in people
                for j, r in enumerate(p.roles)
            ),
        )

    def _write_claims(self, conn: sqlite3.Connection, kb: KnowledgeBase) -> dict[Claim, int]:
        """Claim rows of the events and conflicts of ``kb``, ids derived from the content
        (a claim an unchanged row already stored is not written again)."""
        ids: dict[Claim, int] = {}
        for e in kb.events:
            for c in e.claims:
                if c not in ids:
                    ids[c] = D.claim_id(c)
        for k in kb.conflicts:
            for v in k.values:
                for c in v.claims:
                    if c not in ids:
                        ids[c] = D.claim_id(c)
        rows = [S.claim_row(c, i) for c, i in ids.items()]
        if rows:
            cols = list(rows[0])
            names = ", ".join('"' + c + '"' for c in cols)
            values = ", ".join(":" + c for c in cols)
            conn.executemany(f"INSERT OR IGNORE INTO claims ({names}) VALUES ({values})", rows)
        return ids

    def _write_events(
        self,
        conn: sqlite3.Connection,
        events: Sequence[Event],
        claim_ids: dict[Claim, int],
        seqs: Mapping[str, float],
    ) -> None:
        self._insert(
            conn,
            "events",
            (
                {
                    "id": e.id,
                    "seq": seqs[e.id],
                    "type": e.type,
                    "title": e.title,
                    **S.event_date_row(e.date),
                    "place": e.place,
                    "support": e.support,
                    "independent_support": e.independent_support,
                }
                for e in events
            ),
        )
        self._insert(
            conn,
            "event_entities",
            (
                {"event_id": e.id, "seq": j, "entity_id": p}
                for e in events
                for j, p in enumerate(e.participants)
            ),
        )
        self._insert(
            conn,
            "event_evidence",
            (
                {**S.event_mention_row(m), "event_id": e.id, "seq": j}
                for e in events
                for j, m in enumerate(e.mentions)
            ),
        )
        self._insert(
            conn,
            "event_evidence_participants",
            (
                {
                    **S.participant_row(p),
                    "name_fold": S.fold(p.name),
                    "event_id": e.id,
                    "evidence_seq": j,
                    "seq": k,
                }
                for e in events
                for j, m in enumerate(e.mentions)
                for k, p in enumerate(m.participants)
            ),
        )
        self._insert(
            conn,
            "event_claims",
            (
                {"event_id": e.id, "seq": j, "claim_id": claim_ids[c]}
                for e in events
                for j, c in enumerate(e.claims)
            ),
        )

    def _write_conflicts(
        self,
        conn: sqlite3.Connection,
        conflicts: Sequence[Conflict],
        claim_ids: dict[Claim, int],
        seqs: Mapping[str, float],
    ) -> None:
        self._insert(
            conn,
            "conflicts",
            (
                {
                    "id": k.id,
                    "seq": seqs[k.id],
                    "subject": k.subject,
                    "subject_kind": k.subject_kind,
                    "attribute": k.attribute,
                    "kind": k.kind,
                    "severity": k.severity,
                    "explanation": k.explanation,
                }
                for k in conflicts
            ),
        )
        self._insert(
            conn,
            "conflict_values",
            (
                {"conflict_id": k.id, "seq": j, "value": v.value}
                for k in conflicts
                for j, v in enumerate(k.values)
            ),
        )
        self._insert(
            conn,
            "conflict_value_claims",
            (
                {"conflict_id": k.id, "value_seq": j, "seq": n, "claim_id": claim_ids[c]}
                for k in conflicts
                for j, v in enumerate(k.values)
                for n, c in enumerate(v.claims)
            ),
        )

    # ------------------------------------------------------------ incremental merging
    def incremental_ready(self) -> bool:
        """True when a merge of some components can replace their rows alone: the stored
        knowledge was written with row digests (or is empty), and nothing since (a new
        authority file) asks for a merge of everything."""
        row = self._one(
            "SELECT EXISTS (SELECT 1 FROM knowledge_rows) AS k,"
            " (SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1)) AS e,"
            " (SELECT value FROM store_state WHERE key = 'full_merge') AS f"
        )
        if row is None or int(row["f"] or 0):
            return False
        return int(row["k"]) > 0 or int(row["e"]) == 0

    def pending_documents(self) -> list[str]:
        """Stored documents the stored knowledge does not include yet (every document has
        its ``merge_key_docs`` row from the moment it is stored: migration 12)."""
        return [
            str(r["doc_id"])
            for r in self._all(
                "SELECT doc_id FROM merge_key_docs WHERE merged = 0 ORDER BY doc_id"
            )
        ]

    def docs_without_merge_keys(self, version: int) -> list[str]:
        """Stored documents whose component keys are missing or of another version."""
        return [
            str(r["doc_id"])
            for r in self._all(
                "SELECT doc_id FROM merge_key_docs WHERE version < ? OR version > ?"
                " ORDER BY doc_id",
                (version, version),
            )
        ]

    def same_origin(self, doc_ids: Sequence[str]) -> list[tuple[str, str | None]]:
        """The documents (id, origin) sharing an origin with one of ``doc_ids``, in the order
        they were stored (those of ``doc_ids`` included): :meth:`document_origins` for the
        origins an add touches, read through the index on origin."""
        origins = sorted(
            {
                str(r["o"])
                for r in self._in(
                    "SELECT json_extract(meta, '$.origin') AS o FROM documents"
                    " WHERE id IN ({ids})",
                    list(doc_ids),
                )
                if r["o"] is not None
            }
        )
        rows = self._in(
            "SELECT rowid AS r, id, json_extract(meta, '$.origin') AS origin FROM documents"
            " WHERE json_extract(meta, '$.origin') IN ({ids})",
            origins,
        )
        return [(str(r["id"]), str(r["origin"])) for r in sorted(rows, key=lambda r: r["r"])]

    def put_merge_keys(
        self, keys: Mapping[str, Mapping[str, int]], version: int, *, merged: bool = False
    ) -> None:
        """Store the component keys of documents (replacing earlier ones); ``merged``: the
        stored knowledge already includes these documents (a store built in one piece)."""
        with self._transaction() as conn:
            stored: set[str] = set()
            for chunk in _chunks(sorted(keys)):
                stored.update(
                    str(r["id"])
                    for r in conn.execute(
                        f"SELECT id FROM documents WHERE id IN ({_marks(len(chunk))})", chunk
                    )
                )
            docs = [d for d in sorted(keys) if d in stored]
            fresh = _empty(conn, ("merge_keys",)) if len(docs) * 20 >= _BULK_ROWS else []
            with _bulk_fill(conn, fresh):
                if not fresh:
                    conn.executemany(
                        "DELETE FROM merge_keys WHERE doc_id = ?", [(d,) for d in docs]
                    )
                conn.executemany(
                    "INSERT INTO merge_keys (key, doc_id, role) VALUES (?, ?, ?)",
                    sorted((k, d, r) for d in docs for k, r in keys[d].items()),  # key order
                )
            conn.executemany(
                "INSERT INTO merge_key_docs (doc_id, version, merged) VALUES (?, ?, ?)"
                " ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version,"
                " merged = max(merged, excluded.merged)",
                [(d, version, int(merged)) for d in docs],
            )

    def merge_keys(self, doc_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """Document id -> its stored component keys (key -> role)."""
        out: dict[str, dict[str, int]] = {}
        for r in self._in(
            "SELECT doc_id, key, role FROM merge_keys WHERE doc_id IN ({ids})", list(doc_ids)
        ):
            out.setdefault(str(r["doc_id"]), {})[str(r["key"])] = int(r["role"])
        return out

    def merge_key_holders(self, keys: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
        """Key -> the documents holding it, with their roles."""
        out: dict[str, list[tuple[str, int]]] = {}
        for r in self._in(
            "SELECT key, doc_id, role FROM merge_keys WHERE key IN ({ids})", list(keys)
        ):
            out.setdefault(str(r["key"]), []).append((str(r["doc_id"]), int(r["role"])))
        return out

    # ------------------------------------------------------------ the authority file
    def replace_authority(self, records: Sequence[AuthorityRecord]) -> None:
        with self._transaction() as conn:
            self._bump(conn)
            self._set_state(conn, "full_merge", 1)  # every component may change
            conn.execute("DELETE FROM authority_aliases")
            conn.execute("DELETE FROM authority")
            self._insert(
                conn,
                "authority",
                (
                    {
                        "id": r.id,
                        "seq": i,
                        "name": r.name,
                        "name_fold": S.fold(r.name),
                        "kind": r.kind,
                        "earliest": r.earliest,
                        "latest": r.latest,
                        "description": r.description,
                    }
                    for i, r in enumerate(records)
                ),
            )
            self._insert(
                conn,
                "authority_aliases",
                (
                    {"authority_id": r.id, "seq": j, "alias": a}
                    for r in records
                    for j, a in enumerate(r.aliases)
                ),
            )

    def authority(self) -> list[AuthorityRecord]:
        aliases: dict[str, list[str]] = defaultdict(list)
        for r in self._all(
            "SELECT authority_id, alias FROM authority_aliases ORDER BY authority_id, seq"
        ):
            aliases[str(r["authority_id"])].append(str(r["alias"]))
        return [
            AuthorityRecord(
                id=str(r["id"]),
                name=str(r["name"]),
                aliases=tuple(aliases.get(str(r["id"]), ())),
                earliest=r["earliest"],
                latest=r["latest"],
                kind=str(r["kind"]),
                description=str(r["description"]),
            )
            for r in self._all("SELECT * FROM authority ORDER BY seq")
        ]

    # ------------------------------------------------------------ merged knowledge: read
    def events(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        source: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        after: str | None = None,
    ) -> list[Event]:
        with self._reading():
            return self._load_events(
                self._event_rows(earliest, latest, entity, type, source, limit, offset, after)
            )

    def _event_rows(
        self,
        earliest: int | None,
        latest: int | None,
        entity: str | None,
        type: str | None,
        source: str | None,
        limit: int | None,
        offset: int,
        after: str | None,
    ) -> list[dict[str, Any]]:
        """The event rows of :meth:`events`, in timeline order (see :meth:`event_summaries`)."""
        check_page(limit, offset)
        where, params = self._event_filter(earliest, latest, entity, type, source)
        if earliest is not None:
            # an overlap with [earliest, ...] starts at most `width` days before it: seek there
            where += " AND e.date_earliest >= ?"
            params.append(earliest - self._max_width())
        if after is not None:
            return self._events_after(where, params, after, limit, offset)
        if limit is None and offset == 0:
            sql = f"SELECT * FROM events e{where} ORDER BY {_EVENT_ORDER}"
            return self._all(sql, params)
        # the page's rowids from the (covering) order index, then only those rows
        sql = (
            f"SELECT * FROM events WHERE rowid IN (SELECT e.rowid FROM events e{where}"
            f" ORDER BY {_EVENT_ORDER}{self._page(limit, offset)})"
            f" ORDER BY {_EVENT_ORDER.replace('e.', '')}"
        )
        return self._all(sql, params)

    def _max_width(self) -> int:
        """Days between the first and last day of the longest dated event (an index lookup)."""
        row = self._one("SELECT max(date_latest - date_earliest) AS w FROM events")
        return int(row["w"]) if row and row["w"] is not None else 0

    def _events_after(
        self, where: str, params: list[Any], after: str, limit: int | None, offset: int
    ) -> list[dict[str, Any]]:
        """Keyset page: the events after event ``after`` in timeline order (two index seeks:
        the dated events after it, then the undated ones)."""
        cursor = self._one(
            "SELECT date_earliest, date_latest, seq FROM events WHERE id = ?", (after,)
        )
        if cursor is None:
            raise ValueError(f"E031 unknown cursor: no event with id {after!r}")
        want = None if limit is None else limit + offset
        tail = "" if want is None else f" LIMIT {int(want)}"
        conj = " AND " if where else " WHERE "
        rows: list[dict[str, Any]] = []
        if cursor["date_earliest"] is not None:
            rows = self._all(
                f"SELECT * FROM events e{where}{conj}e.date_earliest IS NOT NULL AND"
                " (e.date_earliest, e.date_latest, e.seq) > (?, ?, ?)"
                " ORDER BY e.date_earliest, e.date_latest, e.seq" + tail,
                [*params, cursor["date_earliest"], cursor["date_latest"], cursor["seq"]],
            )
            after_seq = ""
            seq_params: list[Any] = []
        else:
            after_seq = " AND e.seq > ?"
            seq_params = [cursor["seq"]]
        if want is None or len(rows) < want:
            more = "" if want is None else f" LIMIT {int(want) - len(rows)}"
            rows += self._all(
                f"SELECT * FROM events e{where}{conj}e.date_earliest IS NULL{after_seq}"
                " ORDER BY e.seq" + more,
                [*params, *seq_params],
            )
        return rows[offset:]

    # ------------------------------------------------------------ search and status
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        check_page(limit, offset)
        with self._lock:
            rows = _FTS.search(self._conn, query, limit, offset)
        return [
            SearchHit(
                doc_id=str(r["doc_id"]),
                start=int(r["start"]),
                end=int(r["end"]),
                text=str(r["text"]),
                score=float(r["score"]),
                region_kind=str(r["region_kind"]),
                uri=str(r["uri"]),
                title=r["title"],
            )
            for r in rows
        ]

    def stats(self) -> dict[str, int]:
        counts = {
            table: f"SELECT count(*) AS n FROM {table}"
            for table in (
                "documents",
                "regions",
                "sentences",
                "time_mentions",
                "entity_mentions",
                "roles",
                "event_mentions",
                "entities",
                "events",
                "claims",
                "conflicts",
                "copies",
            )
        }
        counts["people"] = "SELECT count(*) AS n FROM entities WHERE kind = 'person'"
        out: dict[str, int] = {}
        with self._lock:
            for name, sql in counts.items():
                row = self._one(sql)
                out[name] = int(row["n"]) if row else 0
        return out
