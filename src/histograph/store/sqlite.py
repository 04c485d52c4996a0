"""The SQLite backend: one file (WAL mode, foreign keys on), numbered migrations.

The reads both SQL backends run alike live in :class:`~.sqlbase.SQLStore` (this class
supplies the hooks: ``?`` placeholders, chunked ``IN`` lists, its lock); the row converters
in :mod:`.serialise`. SQLite's own parts, one concern a module, importing downward:

- :mod:`.sqlite_conn`: the connection (pragmas, migrations on open, read-only opening),
  chunked ``IN`` lists, the first fill of empty tables without their secondary indexes;
- :mod:`.sqlite_fts`: FTS5 search over the sentences (migrations 2 and 6);
- :mod:`.sqlite_plan`: what a write changes (row digests of :mod:`.diff`; the rows in
  scope of an incremental merge and the places of new ones);
- :mod:`.sqlite_write`: the write path (:class:`~.sqlite_write.SQLiteWriter`, a mixin);
- this module: :class:`SQLiteStore`, its transactions and locks, the public writes
  (``replace_knowledge``, ``bulk_load``, merge keys, authority) and SQLite's own reads
  (the timeline's pages through the rowid of the order index, search, stats).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from ..model import Analysis, AuthorityRecord, Event, KnowledgeBase, Participant
from . import DocumentVersion, SearchHit
from . import serialise as S
from .common import (
    StoreError,
    check_page,
    facet_refresh_sql,
    validate_analysis,
    validate_ids,
)
from .sqlbase import EVENT_ORDER as _EVENT_ORDER
from .sqlbase import SQLStore
from .sqlite_conn import bulk_fill, chunks, empty_tables, marks, open_connection, open_readonly
from .sqlite_fts import FTS
from .sqlite_write import SQLiteWriter

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


_ANALYSIS_TABLES = S.ANALYSIS_TABLES

#: rows below which a first fill keeps its indexes (dropping and making them costs more)
_BULK_ROWS = 2000


class SQLiteStore(SQLiteWriter, SQLStore):
    """The default store: one SQLite file, created and upgraded on open."""

    def __init__(self, path: str | os.PathLike[str] = "histograph.db", *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        self._conn = self._connect()

    # ------------------------------------------------------------ connection
    def _connect(self) -> sqlite3.Connection:
        """The connection of this store (:func:`.sqlite_conn.open_connection`)."""
        return open_connection(self.path, self.readonly)

    def _connect_readonly(self) -> sqlite3.Connection:
        """A read-only connection to the file (:func:`.sqlite_conn.open_readonly`)."""
        return open_readonly(self.path)

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
        for chunk in chunks(ids):
            rows.extend(self._all(sql.format(ids=marks(len(chunk))), chunk))
        return rows

    def _in_tuples(self, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """:meth:`_in` with rows as plain tuples: the component keys an incremental merge
        reads are tens of thousands of rows, a dict each a quarter of the read's time."""
        rows: list[tuple[Any, ...]] = []
        with self._lock:
            cur = self._conn.cursor()
            cur.row_factory = None
            for chunk in chunks(ids):
                rows.extend(cur.execute(sql.format(ids=marks(len(chunk))), chunk).fetchall())
        return rows

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
            fresh = empty_tables(conn, _ANALYSIS_TABLES) if big and kb.analyses else []
            new = self._new_analyses(conn, [a for a in kb.analyses if a.document.id not in retire])
            with bulk_fill(conn, fresh if len(fresh) == len(_ANALYSIS_TABLES) else []):
                self._add_analyses(conn, new)
            changed = bool(new)
            bulk = empty_tables(conn, _KNOWLEDGE_TABLES) if big and scope is None else []
            if len(bulk) != len(_KNOWLEDGE_TABLES):
                bulk = []
            with bulk_fill(conn, bulk):
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
            if len(empty_tables(conn, tables)) != len(tables):
                raise StoreError(f"E036 {self.path}: bulk_load fills an empty store only")
            current = self._state(conn, "generation")
            at = {"entity": 0, "event": 0, "conflict": 0, "copy": 0}
            with bulk_fill(conn, tables):
                for kb in chunks:
                    validate_ids(kb)
                    self._add_analyses(conn, self._new_analyses(conn, kb.analyses))
                    self._append_knowledge(conn, kb, at)
            conn.execute("UPDATE merge_key_docs SET merged = 1 WHERE merged = 0")
            self._set_state(conn, "full_merge", 0)
            for sql, params in facet_refresh_sql(None, marks):
                conn.execute(sql, params)
            self._set_state(conn, "generation", current + 1)
            self._set_state(conn, "knowledge_generation", current + 1)

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
            for chunk in chunks(sorted(keys)):
                stored.update(
                    str(r["id"])
                    for r in conn.execute(
                        f"SELECT id FROM documents WHERE id IN ({marks(len(chunk))})", chunk
                    )
                )
            docs = [d for d in sorted(keys) if d in stored]
            fresh = empty_tables(conn, ("merge_keys",)) if len(docs) * 20 >= _BULK_ROWS else []
            with bulk_fill(conn, fresh):
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
        for doc, key, role in self._in_tuples(
            "SELECT doc_id, key, role FROM merge_keys WHERE doc_id IN ({ids})", list(doc_ids)
        ):
            out.setdefault(str(doc), {})[str(key)] = int(role)
        return out

    def analyses_of(self, doc_ids: Sequence[str]) -> list[Analysis]:
        """The stored analyses of ``doc_ids`` (unknown ids left out), in the order given, each
        equal to :meth:`analysis`'s: one query per table for a chunk of documents, not seven
        per document (an incremental merge reads its components' analyses)."""
        ids = list(dict.fromkeys(doc_ids))
        with self._lock:
            docs = {
                str(r["id"]): r
                for r in self._in("SELECT * FROM documents WHERE id IN ({ids})", ids)
            }
            wanted = [d for d in ids if d in docs]

            def rows(table: str, order: str = "seq") -> dict[str, list[dict[str, Any]]]:
                by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
                for r in self._in(
                    f"SELECT * FROM {table} WHERE doc_id IN ({{ids}}) ORDER BY doc_id, {order}",
                    wanted,
                ):
                    by_doc[str(r["doc_id"])].append(r)
                return by_doc

            return S.analyses_from_rows(docs, wanted, rows)

    def merge_key_holders(self, keys: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
        """Key -> the documents holding it, with their roles."""
        out: dict[str, list[tuple[str, int]]] = {}
        for key, doc, role in self._in_tuples(
            "SELECT key, doc_id, role FROM merge_keys WHERE key IN ({ids})", list(keys)
        ):
            out.setdefault(str(key), []).append((str(doc), int(role)))
        return out

    # ------------------------------------------------------------ the authority file
    def replace_authority(self, records: Sequence[AuthorityRecord]) -> None:
        with self._transaction() as conn:
            self._bump(conn)
            self._set_state(conn, "full_merge", 1)  # every component may change
            conn.execute("DELETE FROM authority_aliases")
            conn.execute("DELETE FROM authority")
            main, aliases = S.authority_rows(records)
            self._insert(conn, "authority", main)
            self._insert(conn, "authority_aliases", aliases)

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

    def _ordered_page_sql(
        self, where: str, limit: int | None, offset: int, dated: bool = False
    ) -> str:
        """The page's rowids from the (covering) order index, then only those rows."""
        return (
            f"SELECT * FROM events WHERE rowid IN (SELECT e.rowid FROM events e{where}"
            f" ORDER BY {_EVENT_ORDER}{self._page(limit, offset)})"
            f" ORDER BY {_EVENT_ORDER.replace('e.', '')}"
        )

    def _change_token(self) -> object:
        """Another connection's commit changes ``data_version``, this one's its changes."""
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return (row["data_version"], self._conn.total_changes)

    # ------------------------------------------------------------ search and status
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        check_page(limit, offset)
        with self._lock:
            rows = FTS.search(self._conn, query, limit, offset)
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
