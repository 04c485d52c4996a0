"""The PostgreSQL backend (psycopg 3): ``open_store("postgresql://user@host/dbname")``.

The same tables as the SQLite file (``migrations_pg/``, numbered and recorded in the
``migrations`` table like SQLite's), the row converters of :mod:`.serialise` and the rules
of :mod:`.common`, and the reads of :class:`~.sqlbase.SQLStore` (this class supplies the
hooks: ``%s`` placeholders, id lists as one array, a snapshot), so that it passes the same
conformance suite (``tests/test_store.py``). Split by concern, as the SQLite backend is:

- :mod:`.postgres_conn`: the connection, its migrations, and the NUL-safe string code
  (PostgreSQL text cannot hold NUL: NUL becomes U+0001 U+0001, U+0001 becomes U+0001
  U+0002, a code that keeps the strings' order, undone on the way out);
- :mod:`.postgres_fts`: full-text search (a GIN index over ``to_tsvector('simple',
  words)``, a tsquery built from the user's words);
- :mod:`.postgres_write`: the write path (``COPY``, the advisory write lock, the bulk
  load);
- here: the store itself, its reads of several tables in one ``REPEATABLE READ``
  snapshot, and id lists through ``= ANY(%s)``.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import Any, Self, cast

import psycopg

from ..model import Analysis, AuthorityRecord, Event
from . import DocumentVersion, SearchHit, redact_url
from . import serialise as S
from .common import StoreError, check_page
from .postgres_conn import WRITE_LOCK, Conn, connect, enc
from .postgres_fts import SEARCH_SQL, tsquery
from .postgres_write import KNOWLEDGE_TABLES, PostgresWriter
from .sqlbase import EVENT_ORDER as _EVENT_ORDER
from .sqlbase import SEGMENT_ORDER as _DATED_ORDER
from .sqlbase import SQLStore

__all__ = ["KNOWLEDGE_TABLES", "PostgresStore", "tsquery"]

#: analyses read per batch by :meth:`PostgresStore.analyses` (one query per table each)
_ANALYSES_BATCH = 100


class PostgresStore(PostgresWriter, SQLStore):
    """A knowledge base in a PostgreSQL database, created and upgraded on open."""

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self._lock = threading.RLock()
        self._conn = self._connect()

    # ------------------------------------------------------------ connection and schema
    def _connect(self) -> Conn:
        return connect(self.url, self.readonly)

    def schema_version(self) -> int:
        """The highest applied migration number."""
        row = self._one("SELECT max(number) AS n FROM migrations")
        return int(row["n"] or 0) if row else 0

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

    # ------------------------------------------------------------ SQL helpers
    def _live(self) -> Conn:
        """The connection, opened again first when the server dropped it (a restart, an
        idle timeout): the command that met the break failed, the next one works (the
        web UI keeps serving)."""
        if self._conn.broken:
            self._conn = self._connect()
        return self._conn

    @contextmanager
    def _transaction(self) -> Iterator[Conn]:
        """A write transaction (rolled back on any exception), after the other writers."""
        if self.readonly:
            raise StoreError(f"E017 {redact_url(self.url)} is open read-only")
        with self._lock, self._live().transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield self._conn

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that must see one state of the database."""
        with self._lock:
            if self._live().info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                yield  # already inside a transaction
                return
            # one BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY: not a BEGIN and then a
            # SET TRANSACTION (a round trip less on every page; the setters are local)
            conn = self._conn
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            conn.read_only = True
            try:
                with conn.transaction():
                    yield
            finally:
                if conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                    conn.isolation_level = None
                    conn.read_only = None

    _ph = "%s"

    def _reading(self) -> AbstractContextManager[None]:
        return self._snapshot()

    def _in(self, sql: str, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Run ``sql`` with its ``IN ({ids})`` list as one array parameter."""
        return self._all(sql.replace("IN ({ids})", "= ANY(%s)"), (list(ids),))

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return self._live().execute(cast(Any, sql), [enc(p) for p in params]).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        with self._lock:
            return self._live().execute(cast(Any, sql), [enc(p) for p in params]).fetchone()

    @staticmethod
    def _page(limit: int | None, offset: int) -> str:
        check_page(limit, offset)
        if limit is None and offset == 0:
            return ""
        return f" LIMIT {'ALL' if limit is None else int(limit)} OFFSET {int(offset)}"

    def _load_analyses(self, ids: Sequence[str]) -> list[Analysis]:
        """The analyses of ``ids`` (unknown ids left out), in the order of ``ids``: one
        query per table for the whole batch, not per document."""
        with self._snapshot():
            docs = {
                str(r["id"]): r
                for r in self._all("SELECT * FROM documents WHERE id = ANY(%s)", (list(ids),))
            }
            if not docs:
                return []
            wanted = list(docs)

            def rows(table: str, order: str = "seq") -> dict[str, list[dict[str, Any]]]:
                by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
                for r in self._all(
                    f"SELECT * FROM {table} WHERE doc_id = ANY(%s) ORDER BY doc_id, {order}",
                    (wanted,),
                ):
                    by_doc[str(r["doc_id"])].append(r)
                return by_doc

            return S.analyses_from_rows(docs, [i for i in ids if i in docs], rows)

    def analysis(self, doc_id: str) -> Analysis | None:
        found = self._load_analyses([doc_id])
        return found[0] if found else None

    def analyses(self) -> Iterator[Analysis]:
        ids = [str(r["id"]) for r in self._all("SELECT id FROM documents ORDER BY id")]
        for start in range(0, len(ids), _ANALYSES_BATCH):
            yield from self._load_analyses(ids[start : start + _ANALYSES_BATCH])

    def quote(self, doc_id: str, start: int, end: int) -> str | None:
        row = self._one("SELECT text FROM documents WHERE id = %s", (doc_id,))
        return None if row is None else str(row["text"])[start:end]

    def document_origins(self) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for r in self._all("SELECT id, meta FROM documents ORDER BY ord"):
            origin = S.meta_from_json(r["meta"]).get("origin")
            out.append((str(r["id"]), origin if isinstance(origin, str) else None))
        return out

    def generation(self) -> int:
        with self._lock:
            return self._state(self._live(), "generation")

    def knowledge_stale(self) -> bool:
        with self._snapshot():
            conn = self._conn
            return self._state(conn, "knowledge_generation") != self._state(conn, "generation")

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

    def authority(self) -> list[AuthorityRecord]:
        with self._snapshot():
            aliases: dict[str, list[str]] = defaultdict(list)
            for r in self._all(
                "SELECT authority_id, alias FROM authority_aliases ORDER BY authority_id, seq"
            ):
                aliases[str(r["authority_id"])].append(str(r["alias"]))
            rows = self._all("SELECT * FROM authority ORDER BY seq")
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
            for r in rows
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
        with self._snapshot():
            return self._load_events(
                self._event_rows(earliest, latest, entity, type, source, limit, offset, after)
            )

    def _ordered_page_sql(
        self, where: str, limit: int | None, offset: int, dated: bool = False
    ) -> str:
        """The page's ids from an order index that includes them (an index-only walk past
        the offset, migrations 5 and 8), then only those rows. Of dated events only (a date
        range) by ``events_dated``: the range is a seek there, whereas ``events_order``
        leads with ``date_earliest IS NULL``, which a range does not bound (every event
        before the range was read)."""
        order = _DATED_ORDER if dated else _EVENT_ORDER
        return (
            f"SELECT * FROM events e WHERE e.id IN (SELECT e.id FROM events e{where}"
            f" ORDER BY {order}{self._page(limit, offset)}) ORDER BY {order}"
        )

    def _segment_sql(self, cols: str, body: str, order: str, want: int | None, skip: int) -> str:
        """Whole rows past ``skip`` others: the ids from the index alone (``events_dated``
        includes them, migration 8), then only the rows kept, not the rows skipped."""
        if cols != "*" or skip == 0:
            return super()._segment_sql(cols, body, order, want, skip)
        return (
            f"SELECT * FROM events e WHERE e.id IN (SELECT e.id{body} ORDER BY {order}"
            f"{self._page(want, skip)}) ORDER BY {order}"
        )

    def _change_token(self) -> object:
        """The count of knowledge writes (every write of the events bumps it, in its
        transaction: :meth:`PostgresWriter._count_write`), read in the caller's snapshot.
        Not the server's transaction ids: any transaction of any database on the server
        moves them, and the kept order keys were thrown away at almost every page."""
        row = self._one(
            "SELECT coalesce(max(value), 0) AS n FROM store_state WHERE key = 'knowledge_writes'"
        )
        return row["n"] if row else None

    def _participant_filter(self, entity: str, walk: bool) -> tuple[str, list[Any]]:
        """As :meth:`SQLStore._participant_filter`, with the entity ids resolved first (the
        id itself, the entities of that name or alias: index reads) and matched by one
        ``entity_id = ANY(...)``: PostgreSQL does not turn an OR of IN-subqueries into a
        join, and ran the subquery again for every event (a person's page took minutes at
        a million events). Collected: one ``UNION ALL`` of index-only scans (migration 8),
        which the planner joins to the events by id."""
        if not walk:
            union, params = self._participant_events(entity)
            return f"e.id IN ({union})", params
        ids, f = self._entity_ids(entity)
        # probed event by event along the order index (a frequent participant)
        sql = (
            "(EXISTS (SELECT 1 FROM event_entities ee WHERE ee.event_id = e.id"
            " AND ee.entity_id = ANY(?)) OR EXISTS (SELECT 1 FROM"
            " event_evidence_participants p WHERE p.event_id = e.id"
            " AND (p.name_fold = ? OR p.key = ?)))"
        )
        return sql, [ids, f, entity]

    def _entity_ids(self, entity: str) -> tuple[tuple[str, ...], str]:
        """The ids ``entity`` names (itself, the entities of that name or alias) and its
        folded form."""
        f = S.fold(entity)
        found = self._all(
            "SELECT n.id AS id FROM entities n WHERE n.name_fold = %s"
            " UNION SELECT a.entity_id AS id FROM entity_aliases a WHERE a.alias_fold = %s",
            (f, f),
        )
        return tuple(sorted({entity, *(str(r["id"]) for r in found)})), f

    def _participant_events(self, entity: str) -> tuple[str, list[Any]]:
        """The ids of the events ``entity`` takes part in, with repeats: SQL (with ``?``)
        of index-only scans and its parameters."""
        ids, f = self._entity_ids(entity)
        sql = (
            "SELECT ee.event_id FROM event_entities ee WHERE ee.entity_id = ANY(?)"
            " UNION ALL SELECT p.event_id FROM event_evidence_participants p"
            " WHERE p.name_fold = ? UNION ALL SELECT p.event_id FROM"
            " event_evidence_participants p WHERE p.key = ?"
        )
        return sql, [ids, f, entity]

    def count_events(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        source: str | None = None,
    ) -> int:
        """As :meth:`SQLStore.count_events`; a participant's count alone is the number of
        distinct event ids of its index-only scans (every row there belongs to a stored
        event: the foreign keys), not a probe of the events for each (750 ms for twenty
        thousand events at a million)."""
        if entity is None or (earliest, latest, type, source) != (None, None, None, None):
            return super().count_events(
                earliest=earliest, latest=latest, entity=entity, type=type, source=source
            )
        union, params = self._participant_events(entity)
        row = self._one(
            self._sql(f"SELECT count(DISTINCT t.event_id) AS n FROM ({union}) t"), params
        )
        return int(row["n"]) if row else 0

    # ------------------------------------------------------------ search and status
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        check_page(limit, offset)
        q = tsquery(query)
        if not q:
            return []
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
            for r in self._all(SEARCH_SQL, (q, limit, offset))
        ]

    def stats(self) -> dict[str, int]:
        tables = (
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
        sql = ", ".join(f"(SELECT count(*) FROM {t}) AS {t}" for t in tables)
        sql += ", (SELECT count(*) FROM entities WHERE kind = 'person') AS people"
        row = self._one("SELECT " + sql) or {}
        return {name: int(row[name]) for name in (*tables, "people")}
