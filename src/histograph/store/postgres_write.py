"""The write path of the PostgreSQL store (a mixin of :class:`~.postgres.PostgresStore`):
analyses and knowledge written through ``COPY`` (the rows of people, events and conflicts
built by :class:`~.sqlrows.RowWriter`, as SQLite's are), the knowledge rewritten whole on
each merge (no row digests: not an incremental store) and then analysed (``ANALYZE``) when
large, the first fill of an empty database with its secondary indexes dropped and made
once at the end. Every write transaction takes a transaction-scoped advisory lock first,
so that writers queue as they do on an SQLite file (``BEGIN IMMEDIATE``) and "add unless
present" stays atomic across processes."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, cast

import psycopg

from ..model import Analysis, AuthorityRecord, Claim, KnowledgeBase
from . import redact_url
from . import serialise as S
from .common import (
    StoreError,
    facet_refresh_sql,
    knowledge_doc_ids,
    missing_documents_error,
    validate_analysis,
    validate_knowledge,
    words,
)
from .postgres_conn import Conn, enc, marks, now
from .sqlrows import RowWriter

_BULK_ROWS = 2000

#: events written at once from which the statistics are made again (``ANALYZE``): the
#: planner of a freshly filled database otherwise guesses, and picks scans
_ANALYZE_ROWS = 5000


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


class PostgresWriter(RowWriter):
    """The writes of :class:`~.postgres.PostgresStore` (its connection, lock and
    transactions are the store's)."""

    url: str
    _lock: threading.RLock

    def _transaction(self) -> AbstractContextManager[Conn]:
        raise NotImplementedError

    def _live(self) -> Conn:
        raise NotImplementedError

    @staticmethod
    def _exec(
        conn: Conn, sql: str, params: Sequence[Any] = ()
    ) -> psycopg.Cursor[dict[str, Any]]:
        return conn.execute(cast(Any, sql), [enc(p) for p in params])

    @staticmethod
    def _insert(
        conn: Conn, table: str, rows: Iterable[S.Row]
    ) -> None:
        """``COPY`` the rows (dicts with the same keys) into ``table``."""
        it = iter(rows)
        first = next(it, None)
        if first is None:
            return
        cols = list(first)
        names = ", ".join('"' + c + '"' for c in cols)
        with conn.cursor() as cur, cur.copy(cast(Any, f"COPY {table} ({names}) FROM STDIN")) as cp:
            cp.write_row([enc(first[c]) for c in cols])
            for row in it:
                cp.write_row([enc(row[c]) for c in cols])

    # ------------------------------------------------------------ documents and analyses
    def add_analysis(self, analysis: Analysis) -> bool:
        validate_analysis(analysis)
        with self._transaction() as conn:
            added = self._add_analysis(conn, analysis)
            if added:
                self._bump(conn)
            return added

    def _add_analysis(self, conn: Conn, a: Analysis) -> bool:
        new = self._new_analyses(conn, [a])
        self._add_analyses(conn, new)
        return bool(new)

    def _new_analyses(
        self, conn: Conn, analyses: Sequence[Analysis]
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
        self, conn: Conn, analyses: Sequence[Analysis]
    ) -> None:
        """Store new analyses (:meth:`_new_analyses`): one ``COPY`` a table."""
        for table, rows in S.analysis_rows(analyses, now()).items():
            if table == "sentences":  # the words the full-text index reads
                rows = [{**r, "words": " ".join(words(r["text"]))} for r in rows]
            self._insert(conn, table, rows)

    # ------------------------------------------------------------ freshness and versions
    def _state(self, conn: Conn, key: str) -> int:
        row = self._exec(conn, "SELECT value FROM store_state WHERE key = %s", (key,)).fetchone()
        return 0 if row is None else int(row["value"])

    def _set_state(self, conn: Conn, key: str, value: int) -> None:
        self._exec(
            conn,
            "INSERT INTO store_state (key, value) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _count_write(self, conn: Conn) -> None:
        """One more write of the knowledge (in its transaction): the readers' order keys of
        deep pages hold while this count holds (:meth:`PostgresStore._change_token`)."""
        self._set_state(conn, "knowledge_writes", self._state(conn, "knowledge_writes") + 1)

    def _bump(self, conn: Conn) -> int:
        value = self._state(conn, "generation") + 1
        self._set_state(conn, "generation", value)
        return value

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
            self._count_write(conn)
            for table in KNOWLEDGE_TABLES:
                conn.execute(cast(Any, f"DELETE FROM {table}"))
            with self._bulk_fill(conn, KNOWLEDGE_TABLES if bulk else ()):
                changed = self._write_knowledge(conn, kb, retire, generation, current, changed)
            for sql, params in facet_refresh_sql(None, marks):
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
            for sql, params in facet_refresh_sql(None, marks):
                self._exec(conn, sql, params)
            self._set_state(conn, "generation", current + 1)
            self._set_state(conn, "knowledge_generation", current + 1)
            self._count_write(conn)
            conn.execute("ANALYZE")
        with self._lock:  # the visibility map (see replace_knowledge)
            self._live().execute("VACUUM events")

    @staticmethod
    def _empty(conn: Conn, tables: Sequence[str]) -> bool:
        """True when none of ``tables`` holds a row."""
        return all(
            conn.execute(cast(Any, f"SELECT 1 FROM {t} LIMIT 1")).fetchone() is None
            for t in tables
        )

    @staticmethod
    @contextmanager
    def _bulk_fill(
        conn: Conn, tables: Sequence[str]
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
        conn: Conn,
        kb: KnowledgeBase,
        retire: Mapping[str, str | None],
        generation: int | None,
        current: int,
        changed: bool,
    ) -> bool:
        """The knowledge rows of :meth:`replace_knowledge` (into emptied tables)."""
        at = now()
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
                (row["uri"], old_id, new_id, "removed" if new_id is None else "replaced", at),
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
        self._write_people(conn, kb.people, 0)
        claim_ids = self._write_claims(conn, kb)
        self._write_events(conn, kb.events, claim_ids, 0)
        self._write_conflicts(conn, kb.conflicts, claim_ids, 0)
        self._insert(conn, "copies", (S.copy_row(c, i) for i, c in enumerate(kb.copies)))
        return changed

    def _write_claims(
        self, conn: Conn, kb: KnowledgeBase, first: int = 0
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

    # ------------------------------------------------------------ the authority file
    def replace_authority(self, records: Sequence[AuthorityRecord]) -> None:
        with self._transaction() as conn:
            self._bump(conn)
            conn.execute("DELETE FROM authority_aliases")
            conn.execute("DELETE FROM authority")
            main, aliases = S.authority_rows(records)
            self._insert(conn, "authority", main)
            self._insert(conn, "authority_aliases", aliases)
