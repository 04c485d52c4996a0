"""The write path of the SQLite store (a mixin of :class:`~.sqlite.SQLiteStore`): analyses
stored in one bulk insert a table; the merged knowledge written from a plan of
:mod:`.sqlite_plan` (only the new or changed rows of people, events and conflicts, with
their row digests; the rows of a scoped incremental merge placed among those kept), or
appended after the stored rows by the bulk load; the vanished rows and orphan claims
deleted. Every method runs inside the caller's transaction on its connection."""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence

from ..model import Analysis, Claim, Conflict, Event, KnowledgeBase, Person
from . import diff as D
from . import serialise as S
from . import sqlite_plan as P
from .common import (
    check_repr,
    facet_refresh_sql,
    knowledge_doc_ids,
    missing_documents_error,
    validate_analysis,
    validate_knowledge,
)
from .sqlite_conn import CHUNK, chunks, marks
from .sqlrows import RowWriter


class SQLiteWriter(RowWriter):
    """The writes of :class:`~.sqlite.SQLiteStore` on a connection in a transaction."""

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

    @staticmethod
    def _new_analyses(conn: sqlite3.Connection, analyses: Sequence[Analysis]) -> list[Analysis]:
        """Those of ``analyses`` whose document is not stored (the first of equal ids),
        validated."""
        stored: set[str] = set()
        ids = sorted({a.document.id for a in analyses})
        for chunk in chunks(ids):
            stored.update(
                str(r["id"])
                for r in conn.execute(
                    f"SELECT id FROM documents WHERE id IN ({marks(len(chunk))})", chunk
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

    def _append_knowledge(
        self, conn: sqlite3.Connection, kb: KnowledgeBase, at: dict[str, int]
    ) -> None:
        """Write the people, events and conflicts of ``kb`` after those stored (``at``: the
        next position of each kind, advanced), with their digests, as :meth:`_replace_rows`
        writes a whole knowledge base into empty tables."""
        needed = sorted(knowledge_doc_ids(kb))
        present: set[str] = set()
        for chunk in chunks(needed):
            present.update(
                str(r["id"])
                for r in conn.execute(
                    f"SELECT id FROM documents WHERE id IN ({marks(len(chunk))})", chunk
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
        inside = None if scope is None else P.scope_rows(conn, scope)
        plans = {
            "entity": P.plan(conn, "entities", "entity", kb.people, inside),
            "event": P.plan(conn, "events", "event", kb.events, inside),
            "conflict": P.plan(conn, "conflicts", "conflict", kb.conflicts, inside),
        }
        people = [p for p in kb.people if p.id in plans["entity"].insert]
        events = [e for e in kb.events if e.id in plans["event"].insert]
        conflicts = [k for k in kb.conflicts if k.id in plans["conflict"].insert]
        written = KnowledgeBase(
            analyses=(), events=tuple(events), people=tuple(people),
            conflicts=tuple(conflicts), copies=kb.copies,
        )
        validate_knowledge(KnowledgeBase(copies=kb.copies))  # the records: in _plan
        touched = None if bulk else P.changed_facet_keys(conn, plans["event"].delete, events)
        orphans = self._delete_knowledge(conn, plans)
        if scope is not None and plans["event"].insert:
            plans["event"].insert.update(P.places_by_id(conn, plans["event"].insert))
        copies = sorted(kb.copies, key=lambda c: (c.doc_id, c.source_id))
        first_copy = 0
        if scope is None:
            conn.execute("DELETE FROM copies")
        else:  # the copy links of the other documents stay (read in order of doc_id)
            gone = sorted(set(scope) | set(retire))
            for chunk in chunks(gone):
                placeholders = marks(len(chunk))
                conn.execute(
                    f"DELETE FROM copies WHERE doc_id IN ({placeholders}) OR source_id IN ({placeholders})",
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
        for chunk in chunks(needed):
            present.update(
                str(r["id"])
                for r in conn.execute(
                    f"SELECT id FROM documents WHERE id IN ({marks(len(chunk))})", chunk
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
            for chunk in chunks(sorted(scope)):
                conn.execute(
                    f"UPDATE merge_key_docs SET merged = 1 WHERE doc_id IN ({marks(len(chunk))})",
                    chunk,
                )
        self._insert(
            conn, "copies", (S.copy_row(c, first_copy + i) for i, c in enumerate(copies))
        )
        for sql, params in facet_refresh_sql(touched, marks):
            conn.execute(sql, params)
        return changed


    def _delete_knowledge(self, conn: sqlite3.Connection, plans: Mapping[str, D.Plan]) -> set[int]:
        """Delete the replaced and vanished rows; returns the claim ids they used."""
        orphans: set[int] = set()
        for chunk in chunks(list(plans["conflict"].delete)):
            placeholders = marks(len(chunk))
            orphans.update(
                int(r["claim_id"])
                for r in conn.execute(
                    f"SELECT claim_id FROM conflict_value_claims WHERE conflict_id IN ({placeholders})",
                    chunk,
                )
            )
            for t, col in (
                ("conflict_value_claims", "conflict_id"),
                ("conflict_values", "conflict_id"),
                ("conflicts", "id"),
            ):
                conn.execute(f"DELETE FROM {t} WHERE {col} IN ({placeholders})", chunk)
            conn.execute(
                f"DELETE FROM knowledge_rows WHERE kind = 'conflict' AND id IN ({placeholders})", chunk
            )
        for chunk in chunks(list(plans["event"].delete)):
            placeholders = marks(len(chunk))
            orphans.update(
                int(r["claim_id"])
                for r in conn.execute(
                    f"SELECT claim_id FROM event_claims WHERE event_id IN ({placeholders})", chunk
                )
            )
            for t, col in (
                ("event_claims", "event_id"),
                ("event_evidence_participants", "event_id"),
                ("event_evidence", "event_id"),
                ("event_entities", "event_id"),
                ("events", "id"),
            ):
                conn.execute(f"DELETE FROM {t} WHERE {col} IN ({placeholders})", chunk)
            conn.execute(
                f"DELETE FROM knowledge_rows WHERE kind = 'event' AND id IN ({placeholders})", chunk
            )
        for chunk in chunks(list(plans["entity"].delete)):
            placeholders = marks(len(chunk))
            for t, col in (
                ("entity_roles", "entity_id"),
                ("entity_evidence", "entity_id"),
                ("entity_aliases", "entity_id"),
                ("entities", "id"),
            ):
                conn.execute(f"DELETE FROM {t} WHERE {col} IN ({placeholders})", chunk)
            conn.execute(
                f"DELETE FROM knowledge_rows WHERE kind = 'entity' AND id IN ({placeholders})", chunk
            )
        return orphans

    @staticmethod
    def _drop_orphan_claims(conn: sqlite3.Connection, candidates: set[int]) -> None:
        """Delete the claims of replaced rows that no stored event or conflict uses now."""
        ids = sorted(candidates)
        for k in range(0, len(ids), CHUNK):
            chunk = ids[k : k + CHUNK]
            placeholders = marks(len(chunk))
            conn.execute(
                f"DELETE FROM claims WHERE id IN ({placeholders})"
                " AND NOT EXISTS (SELECT 1 FROM event_claims x WHERE x.claim_id = claims.id)"
                " AND NOT EXISTS (SELECT 1 FROM conflict_value_claims y"
                " WHERE y.claim_id = claims.id)",
                chunk,
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
