"""The PostgreSQL backend (psycopg 3): ``open_store("postgresql://user@host/dbname")``.

The same tables as the SQLite file (``migrations_pg/``, numbered and recorded in the
``migrations`` table like SQLite's), the row converters of :mod:`.serialise` and the rules
of :mod:`.common`, and the reads of :class:`~.sqlbase.SQLStore` (this class supplies the
hooks: ``%s`` placeholders, id lists as one array, a snapshot), so that it passes the same
conformance suite (``tests/test_store.py``). The knowledge is rewritten whole on each
merge (no row digests: not an incremental store), then analysed (``ANALYZE``) when large.
What is PostgreSQL's own:

- bulk writes go through ``COPY``; id lists through ``= ANY(%s)``;
- writes take a transaction-scoped advisory lock first, so that writers queue as they do
  on an SQLite file (``BEGIN IMMEDIATE``) and "add unless present" stays atomic across
  processes (several ``histograph ingest`` or Dask clients at once);
- reads of several tables run in one ``REPEATABLE READ`` snapshot;
- search is PostgreSQL full-text search: a GIN index over ``to_tsvector('simple', words)``,
  where ``words`` holds the sentence's words casefolded and without diacritics (the tokens
  of :func:`.common.words`, as the in-memory backend matches them), queried with a tsquery
  built from the user's words (``word*`` prefixes, ``"quoted phrases"``, ``OR``);
- PostgreSQL text cannot hold NUL: every string is escaped on the way in (NUL becomes
  U+0001 U+0001, U+0001 becomes U+0001 U+0002: a code that keeps the strings' order) and
  unescaped on the way out, so documents containing NUL round-trip exactly and sort as
  they do in SQLite.

One module of about 1,050 lines because the write path's methods (the bulk load among them)
share one connection, its lock, the advisory write lock and the NUL escaping; the shared
reads already live apart.
"""

from __future__ import annotations

import datetime as _dt
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import Any, Self, cast

import psycopg
from psycopg.rows import RowMaker

from ..model import (
    Analysis,
    AuthorityRecord,
    Claim,
    Conflict,
    Event,
    KnowledgeBase,
    Participant,
    Person,
)
from . import DocumentVersion, SearchHit, redact_url
from . import serialise as S
from .common import (
    StoreError,
    check_page,
    facet_refresh_sql,
    knowledge_doc_ids,
    missing_documents_error,
    query_terms,
    validate_analysis,
    validate_knowledge,
    words,
)
from .schema import Migration, available_migrations
from .sqlbase import EVENT_ORDER as _EVENT_ORDER
from .sqlbase import SQLStore

#: rows below which a first fill keeps its indexes (dropping and making them costs more)
_BULK_ROWS = 2000

#: events written at once from which the statistics are made again (``ANALYZE``): the
#: planner of a freshly filled database otherwise guesses, and picks scans
_ANALYZE_ROWS = 5000


def _marks(n: int) -> str:
    return ", ".join(["%s"] * n)


#: merged-knowledge tables, children before parents (deleted in this order)
KNOWLEDGE_TABLES = (
    "facet_counts",
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

#: analyses read per batch by :meth:`PostgresStore.analyses` (one query per table each)
_ANALYSES_BATCH = 100


#: the advisory lock every write transaction takes (any constant: "histgrph" in ASCII)
_WRITE_LOCK = 0x6869737467727068 & 0x7FFFFFFFFFFFFFFF

# ---------------------------------------------------------------- NUL-safe strings

# An order-preserving, prefix-free code: NUL -> \x01\x01, \x01 -> \x01\x02, every other
# character itself. Stored strings then sort (COLLATE "C": by code point) exactly as the
# Python strings do, so ORDER BY id / uri agrees with the other backends.
_ESC = "\x01"
_TO_DB = re.compile("[\x00\x01]")
_FROM_DB = re.compile("\x01[\x01\x02]")


def _enc(value: Any) -> Any:
    """A value as stored: strings without NUL (reversibly escaped), lists element-wise."""
    if isinstance(value, str):
        if "\x00" in value or _ESC in value:
            return _TO_DB.sub(lambda m: "\x01\x02" if m.group() == _ESC else "\x01\x01", value)
        return value
    if isinstance(value, list | tuple):
        return [_enc(v) for v in value]
    return value


def _dec(value: Any) -> Any:
    if isinstance(value, str) and _ESC in value:
        return _FROM_DB.sub(lambda m: _ESC if m.group() == "\x01\x02" else "\x00", value)
    return value


def _dict_rows(cursor: psycopg.Cursor[Any]) -> RowMaker[dict[str, Any]]:
    """psycopg row factory: rows as dicts keyed by column name, strings unescaped."""
    names = [c.name for c in cursor.description or ()]

    def make(values: Sequence[Any]) -> dict[str, Any]:
        return {n: _dec(v) for n, v in zip(names, values, strict=True)}

    return make


# ---------------------------------------------------------------- search queries

_PHRASE = re.compile(r'"([^"]*)"')
_OR = re.compile(r"\s+OR\s+")


def tsquery(query: str) -> str:
    """A ``to_tsquery('simple', ...)`` text for a free-form query; '' when it has no words.

    Upper-case ``OR`` separates alternatives; in each, ``"quoted words"`` must follow one
    another and every other word must occur (``word*``: as a prefix), as in the SQLite and
    in-memory backends. Lexemes are the casefolded, diacritic-free ``\\w+`` tokens of
    :func:`.common.words`, quoted, so no user input is ever tsquery syntax.
    """
    alternatives: list[str] = []
    for group in _OR.split(query):
        parts = [
            "(" + " <-> ".join(f"'{w}'" for w in ws) + ")"
            for ws in (words(m.group(1)) for m in _PHRASE.finditer(group))
            if ws
        ]
        parts += [
            f"'{w}'" + (":*" if prefix else "")
            for w, prefix in query_terms(_PHRASE.sub(" ", group))
        ]
        if parts:
            alternatives.append("(" + " & ".join(parts) + ")")
    return " | ".join(alternatives)


_SEARCH_SQL = """
    SELECT s.doc_id, s.start, s."end", s.text, s.region_kind, d.uri, d.title,
           ts_rank(to_tsvector('simple', s.words), q) AS score
    FROM sentences s JOIN documents d ON d.id = s.doc_id,
         to_tsquery('simple', %s) AS q
    WHERE to_tsvector('simple', s.words) @@ q
    ORDER BY score DESC, s.doc_id, s.start
    LIMIT %s OFFSET %s
"""


class PostgresStore(SQLStore):
    """A knowledge base in a PostgreSQL database, created and upgraded on open."""

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self._lock = threading.RLock()
        self._conn = self._connect()

    # ------------------------------------------------------------ connection and schema
    def _connect(self) -> psycopg.Connection[dict[str, Any]]:
        where = redact_url(self.url)
        try:
            conn = psycopg.connect(self.url, autocommit=True, row_factory=_dict_rows)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise StoreError(f"E015 {where}: cannot connect to PostgreSQL: {reason}") from None
        try:
            if self.readonly:
                todo = self._pending(conn)
                if todo:
                    raise StoreError(
                        f"E017 {where} needs migration {todo[0].number:04d}_{todo[0].name}; "
                        "open it once for writing to upgrade it"
                    )
                conn.execute("SET default_transaction_read_only = on")
            else:
                self._migrate(conn)
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

    @staticmethod
    def _applied(conn: psycopg.Connection[dict[str, Any]]) -> dict[int, str]:
        row = conn.execute("SELECT to_regclass('migrations') IS NOT NULL AS present").fetchone()
        if not row or not row["present"]:
            return {}
        return {
            int(r["number"]): str(r["name"])
            for r in conn.execute("SELECT number, name FROM migrations")
        }

    def _pending(self, conn: psycopg.Connection[dict[str, Any]]) -> list[Migration]:
        done = self._applied(conn)
        known = available_migrations("migrations_pg")
        newer = sorted(set(done) - {m.number for m in known})
        if newer:
            raise StoreError(
                f"E016 {redact_url(self.url)} was written by a newer histograph (migration "
                f"{newer[-1]}); upgrade histograph to open it"
            )
        return [m for m in known if m.number not in done]

    def _migrate(self, conn: psycopg.Connection[dict[str, Any]]) -> list[int]:
        """Apply the missing migrations, each in its own transaction, under the write lock
        (two processes opening a new database at once apply each migration once)."""
        applied: list[int] = []
        if not self._pending(conn):
            return applied
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (number BIGINT PRIMARY KEY,"
                " name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        for m in self._pending(conn):
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                if m.number in self._applied(conn):  # another process got there first
                    continue
                try:
                    conn.execute(cast(Any, m.sql))
                except psycopg.Error as exc:
                    reason = " ".join(str(exc).split())
                    raise StoreError(
                        f"E015 migration {m.number:04d}_{m.name} failed on "
                        f"{redact_url(self.url)}: {reason}"
                    ) from None
                conn.execute(
                    "INSERT INTO migrations (number, name, applied_at) VALUES (%s, %s, %s)",
                    (m.number, m.name, _now()),
                )
            applied.append(m.number)
        return applied

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
    def _live(self) -> psycopg.Connection[dict[str, Any]]:
        """The connection, opened again first when the server dropped it (a restart, an
        idle timeout): the command that met the break failed, the next one works (the
        web UI keeps serving)."""
        if self._conn.broken:
            self._conn = self._connect()
        return self._conn

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        """A write transaction (rolled back on any exception), after the other writers."""
        if self.readonly:
            raise StoreError(f"E017 {redact_url(self.url)} is open read-only")
        with self._lock, self._live().transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            yield self._conn

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that must see one state of the database."""
        with self._lock:
            if self._live().info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                yield  # already inside a transaction
                return
            with self._conn.transaction():
                self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield

    _ph = "%s"

    def _reading(self) -> AbstractContextManager[None]:
        return self._snapshot()

    def _in(self, sql: str, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Run ``sql`` with its ``IN ({ids})`` list as one array parameter."""
        return self._all(sql.replace("IN ({ids})", "= ANY(%s)"), (list(ids),))

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return self._live().execute(cast(Any, sql), [_enc(p) for p in params]).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        with self._lock:
            return self._live().execute(cast(Any, sql), [_enc(p) for p in params]).fetchone()

    @staticmethod
    def _exec(
        conn: psycopg.Connection[dict[str, Any]], sql: str, params: Sequence[Any] = ()
    ) -> psycopg.Cursor[dict[str, Any]]:
        return conn.execute(cast(Any, sql), [_enc(p) for p in params])

    @staticmethod
    def _insert(
        conn: psycopg.Connection[dict[str, Any]], table: str, rows: Iterable[S.Row]
    ) -> None:
        """``COPY`` the rows (dicts with the same keys) into ``table``."""
        it = iter(rows)
        first = next(it, None)
        if first is None:
            return
        cols = list(first)
        names = ", ".join('"' + c + '"' for c in cols)
        with conn.cursor() as cur, cur.copy(cast(Any, f"COPY {table} ({names}) FROM STDIN")) as cp:
            cp.write_row([_enc(first[c]) for c in cols])
            for row in it:
                cp.write_row([_enc(row[c]) for c in cols])

    @staticmethod
    def _page(limit: int | None, offset: int) -> str:
        check_page(limit, offset)
        if limit is None and offset == 0:
            return ""
        return f" LIMIT {'ALL' if limit is None else int(limit)} OFFSET {int(offset)}"

    # ------------------------------------------------------------ documents and analyses
    def add_analysis(self, analysis: Analysis) -> bool:
        validate_analysis(analysis)
        with self._transaction() as conn:
            added = self._add_analysis(conn, analysis)
            if added:
                self._bump(conn)
            return added

    def _add_analysis(self, conn: psycopg.Connection[dict[str, Any]], a: Analysis) -> bool:
        new = self._new_analyses(conn, [a])
        self._add_analyses(conn, new)
        return bool(new)

    def _new_analyses(
        self, conn: psycopg.Connection[dict[str, Any]], analyses: Sequence[Analysis]
    ) -> list[Analysis]:
        """Those of ``analyses`` whose document is not stored (the first of equal ids),
        validated."""
        ids = sorted({a.document.id for a in analyses})
        stored = {
            str(r["id"])
            for r in self._exec(conn, "SELECT id FROM documents WHERE id = ANY(%s)", (ids,))
        }
        out = []
        for a in analyses:
            if a.document.id not in stored:
                validate_analysis(a)
                stored.add(a.document.id)
                out.append(a)
        return out

    def _add_analyses(
        self, conn: psycopg.Connection[dict[str, Any]], analyses: Sequence[Analysis]
    ) -> None:
        """Store new analyses (:meth:`_new_analyses`): one ``COPY`` a table."""
        for table, rows in S.analysis_rows(analyses, _now()).items():
            if table == "sentences":  # the words the full-text index reads
                rows = [{**r, "words": " ".join(words(r["text"]))} for r in rows]
            self._insert(conn, table, rows)

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

            parts: dict[tuple[str, int], list[Participant]] = defaultdict(list)
            for doc_id, found in rows("event_mention_participants", "mention_seq, seq").items():
                for p in found:
                    parts[(doc_id, int(p["mention_seq"]))].append(S.participant_from_row(p))
            regions, sentences, times = rows("regions"), rows("sentences"), rows("time_mentions")
            entities, roles, events = rows("entity_mentions"), rows("roles"), rows("event_mentions")
        return [
            Analysis(
                document=S.document_from_row(row),
                regions=tuple(S.region_from_row(r) for r in regions[i]),
                sentences=tuple(S.sentence_from_row(r) for r in sentences[i]),
                times=tuple(S.time_mention_from_row(r) for r in times[i]),
                entities=tuple(S.entity_mention_from_row(r) for r in entities[i]),
                roles=tuple(S.role_from_row(r) for r in roles[i]),
                events=tuple(
                    S.event_mention_from_row(r, tuple(parts.get((i, int(r["seq"])), ())))
                    for r in events[i]
                ),
                published=S.time_from_row(row, "analysis_published_"),
            )
            for i, row in ((i, docs[i]) for i in ids if i in docs)
        ]

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

    # ------------------------------------------------------------ freshness and versions
    def _state(self, conn: psycopg.Connection[dict[str, Any]], key: str) -> int:
        row = self._exec(conn, "SELECT value FROM store_state WHERE key = %s", (key,)).fetchone()
        return 0 if row is None else int(row["value"])

    def _set_state(self, conn: psycopg.Connection[dict[str, Any]], key: str, value: int) -> None:
        self._exec(
            conn,
            "INSERT INTO store_state (key, value) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _bump(self, conn: psycopg.Connection[dict[str, Any]]) -> int:
        value = self._state(conn, "generation") + 1
        self._set_state(conn, "generation", value)
        return value

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

    # ------------------------------------------------------------ merged knowledge: write
    def replace_knowledge(
        self,
        kb: KnowledgeBase,
        *,
        generation: int | None = None,
        retire: Mapping[str, str | None] | None = None,
    ) -> None:
        validate_knowledge(kb)
        retire = dict(retire or {})
        self._replace_knowledge(kb, generation, retire)
        if len(kb.events) >= _ANALYZE_ROWS:
            # outside the transaction: the visibility map, so that the order index is
            # walked without visiting the rows of the skipped events (a deep page)
            with self._lock:
                self._live().execute("VACUUM events")

    def _replace_knowledge(
        self, kb: KnowledgeBase, generation: int | None, retire: Mapping[str, str | None]
    ) -> None:
        with self._transaction() as conn:
            current = self._state(conn, "generation")
            new = self._new_analyses(conn, [a for a in kb.analyses if a.document.id not in retire])
            first = 20 * len(new) >= _BULK_ROWS and self._empty(conn, S.ANALYSIS_TABLES)
            with self._bulk_fill(conn, S.ANALYSIS_TABLES if first else ()):
                self._add_analyses(conn, new)
            changed = bool(new)
            bulk = len(kb.events) >= _BULK_ROWS and self._empty(conn, KNOWLEDGE_TABLES)
            for table in KNOWLEDGE_TABLES:
                conn.execute(cast(Any, f"DELETE FROM {table}"))
            with self._bulk_fill(conn, KNOWLEDGE_TABLES if bulk else ()):
                changed = self._write_knowledge(conn, kb, retire, generation, current, changed)
            for sql, params in facet_refresh_sql(None, _marks):
                self._exec(conn, sql, params)
            if len(kb.events) >= _ANALYZE_ROWS:  # the planner's statistics of the new rows
                conn.execute("ANALYZE")

    def bulk_load(self, chunks: Iterable[KnowledgeBase]) -> None:
        """Fill an empty store from a stream of knowledge bases in one transaction, through
        the bulk path of :meth:`replace_knowledge` (indexes dropped and made once at the
        end): a builder of a very large knowledge base holds one chunk in memory. Each
        chunk's analyses are stored, then its people, events and conflicts appended in the
        order given. A chunk may cite the documents of its own and of earlier chunks (else
        E013); ids are unique (E014 within a chunk, the primary keys across). Raises
        StoreError (E036) when the store already holds documents or knowledge; on any
        error the store is unchanged."""
        with self._transaction() as conn:
            tables = (*S.ANALYSIS_TABLES, *KNOWLEDGE_TABLES)
            if not self._empty(conn, tables):
                raise StoreError(
                    f"E036 {redact_url(self.url)}: bulk_load fills an empty store only"
                )
            current = self._state(conn, "generation")
            at = {"entity": 0, "event": 0, "conflict": 0, "claim": 0, "copy": 0}
            with self._bulk_fill(conn, tables):
                for kb in chunks:
                    validate_knowledge(kb)
                    self._add_analyses(conn, self._new_analyses(conn, list(kb.analyses)))
                    needed = sorted(knowledge_doc_ids(kb))
                    present = {
                        str(r["id"])
                        for r in self._exec(
                            conn, "SELECT id FROM documents WHERE id = ANY(%s)", (needed,)
                        )
                    }
                    if missing := set(needed) - present:
                        raise missing_documents_error(missing)
                    self._write_people(conn, kb.people, at["entity"])
                    claim_ids = self._write_claims(conn, kb, at["claim"])
                    self._write_events(conn, kb.events, claim_ids, at["event"])
                    self._write_conflicts(conn, kb.conflicts, claim_ids, at["conflict"])
                    self._insert(
                        conn,
                        "copies",
                        (S.copy_row(c, at["copy"] + i) for i, c in enumerate(kb.copies)),
                    )
                    at["entity"] += len(kb.people)
                    at["claim"] += len(claim_ids)
                    at["event"] += len(kb.events)
                    at["conflict"] += len(kb.conflicts)
                    at["copy"] += len(kb.copies)
            for sql, params in facet_refresh_sql(None, _marks):
                self._exec(conn, sql, params)
            self._set_state(conn, "generation", current + 1)
            self._set_state(conn, "knowledge_generation", current + 1)
            conn.execute("ANALYZE")
        with self._lock:  # the visibility map (see replace_knowledge)
            self._live().execute("VACUUM events")

    @staticmethod
    def _empty(conn: psycopg.Connection[dict[str, Any]], tables: Sequence[str]) -> bool:
        """True when none of ``tables`` holds a row."""
        return all(
            conn.execute(cast(Any, f"SELECT 1 FROM {t} LIMIT 1")).fetchone() is None
            for t in tables
        )

    @staticmethod
    @contextmanager
    def _bulk_fill(
        conn: psycopg.Connection[dict[str, Any]], tables: Sequence[str]
    ) -> Iterator[None]:
        """Fill empty ``tables`` faster (inside the caller's transaction): their indexes
        other than the primary keys and unique constraints (the full-text GIN index among
        them) are dropped and made again at the end, one sorted build each instead of an
        insert per row. Only for a first fill: ``DROP INDEX`` locks out readers until the
        commit, and there is nothing to read yet. DDL is transactional: a failure keeps
        the indexes."""
        if not tables:
            yield
            return
        found = conn.execute(
            "SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i"
            " WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname"
            " AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = i.schemaname))"
            " ORDER BY i.indexname",
            (list(tables),),
        ).fetchall()
        for r in found:
            conn.execute(cast(Any, f'DROP INDEX "{r["name"]}"'))
        yield
        conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for r in found:
            conn.execute(cast(Any, r["sql"]))

    def _write_knowledge(
        self,
        conn: psycopg.Connection[dict[str, Any]],
        kb: KnowledgeBase,
        retire: Mapping[str, str | None],
        generation: int | None,
        current: int,
        changed: bool,
    ) -> bool:
        """The knowledge rows of :meth:`replace_knowledge` (into emptied tables)."""
        now = _now()
        for old_id, new_id in sorted(retire.items()):
            row = self._exec(
                conn, "SELECT uri FROM documents WHERE id = %s", (old_id,)
            ).fetchone()
            if row is None:
                continue
            self._exec(conn, "DELETE FROM documents WHERE id = %s", (old_id,))
            self._exec(
                conn,
                "INSERT INTO document_versions (uri, old_id, new_id, change, at)"
                " VALUES (%s, %s, %s, %s, %s)",
                (row["uri"], old_id, new_id, "removed" if new_id is None else "replaced", now),
            )
            changed = True
        if changed:
            self._set_state(conn, "generation", current + 1)
        if generation is None or generation == current:
            self._set_state(conn, "knowledge_generation", current + 1 if changed else current)
        needed = sorted(knowledge_doc_ids(kb))
        present = {
            str(r["id"])
            for r in self._exec(conn, "SELECT id FROM documents WHERE id = ANY(%s)", (needed,))
        }
        if missing := set(needed) - present:
            raise missing_documents_error(missing)
        self._write_people(conn, kb.people)
        claim_ids = self._write_claims(conn, kb)
        self._write_events(conn, kb.events, claim_ids)
        self._write_conflicts(conn, kb.conflicts, claim_ids)
        self._insert(conn, "copies", (S.copy_row(c, i) for i, c in enumerate(kb.copies)))
        return changed

    def _write_people(
        self, conn: psycopg.Connection[dict[str, Any]], people: Sequence[Person], first: int = 0
    ) -> None:
        self._insert(
            conn,
            "entities",
            (
                {
                    "id": p.id,
                    "seq": first + i,
                    "name": p.name,
                    "name_fold": S.fold(p.name),
                    "kind": p.kind,
                    "authority_id": p.authority_id,
                }
                for i, p in enumerate(people)
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

    def _write_claims(
        self, conn: psycopg.Connection[dict[str, Any]], kb: KnowledgeBase, first: int = 0
    ) -> dict[Claim, int]:
        """Claim rows numbered from ``first + 1`` (the claims of earlier chunks below)."""
        ids: dict[Claim, int] = {}
        for e in kb.events:
            for c in e.claims:
                ids.setdefault(c, first + len(ids) + 1)
        for k in kb.conflicts:
            for v in k.values:
                for c in v.claims:
                    ids.setdefault(c, first + len(ids) + 1)
        self._insert(conn, "claims", (S.claim_row(c, i) for c, i in ids.items()))
        return ids

    def _write_events(
        self,
        conn: psycopg.Connection[dict[str, Any]],
        events: Sequence[Event],
        claim_ids: dict[Claim, int],
        first: int = 0,
    ) -> None:
        self._insert(
            conn,
            "events",
            (
                {
                    "id": e.id,
                    "seq": first + i,
                    "type": e.type,
                    "title": e.title,
                    **S.event_date_row(e.date),
                    "place": e.place,
                    "support": e.support,
                    "independent_support": e.independent_support,
                }
                for i, e in enumerate(events)
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
        conn: psycopg.Connection[dict[str, Any]],
        conflicts: Sequence[Conflict],
        claim_ids: dict[Claim, int],
        first: int = 0,
    ) -> None:
        self._insert(
            conn,
            "conflicts",
            (
                {
                    "id": k.id,
                    "seq": first + i,
                    "subject": k.subject,
                    "subject_kind": k.subject_kind,
                    "attribute": k.attribute,
                    "kind": k.kind,
                    "severity": k.severity,
                    "explanation": k.explanation,
                }
                for i, k in enumerate(conflicts)
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

    # ------------------------------------------------------------ the authority file
    def replace_authority(self, records: Sequence[AuthorityRecord]) -> None:
        with self._transaction() as conn:
            self._bump(conn)
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

    def _ordered_page_sql(self, where: str, limit: int | None, offset: int) -> str:
        """The page's ids from the order index (it includes them: an index-only walk past
        the offset, migration 5), then only those rows."""
        return (
            f"SELECT * FROM events e WHERE e.id IN (SELECT e.id FROM events e{where}"
            f" ORDER BY {_EVENT_ORDER}{self._page(limit, offset)}) ORDER BY {_EVENT_ORDER}"
        )

    def _change_token(self) -> object:
        """The snapshot's transaction ids: a commit of any writer changes them (reads do
        not take a transaction id)."""
        row = self._one("SELECT txid_current_snapshot()::text AS s")
        return row["s"] if row else None

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
            for r in self._all(_SEARCH_SQL, (q, limit, offset))
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


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
