"""The rows of merged knowledge (people, events, conflicts), built once for both SQL
backends' write paths (:mod:`.sqlite_write`, :mod:`.postgres_write`): a backend supplies
the dialect as one hook, ``_insert(conn, table, rows)`` (SQLite ``executemany``,
PostgreSQL ``COPY``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..model import Claim, Conflict, Event, Person
from . import serialise as S


class RowWriter:
    """The rows of merged knowledge, built once for both SQL backends' write paths; a
    backend supplies ``_insert(conn, table, rows)`` (SQLite: ``executemany``; PostgreSQL:
    ``COPY``). ``seq``: the position of each record, a mapping by id (SQLite's write plan)
    or the position of the first one (the others follow it)."""

    def _insert(self, conn: Any, table: str, rows: Iterable[S.Row]) -> None:
        raise NotImplementedError

    def _write_people(
        self, conn: Any, people: Sequence[Person], seq: Mapping[str, float] | int
    ) -> None:
        at = _positions(seq)
        self._insert(
            conn,
            "entities",
            (
                {
                    "id": p.id,
                    "seq": at(i, p.id),
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

    def _write_events(
        self,
        conn: Any,
        events: Sequence[Event],
        claim_ids: Mapping[Claim, int],
        seq: Mapping[str, float] | int,
    ) -> None:
        at = _positions(seq)
        self._insert(
            conn,
            "events",
            (
                {
                    "id": e.id,
                    "seq": at(i, e.id),
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
        conn: Any,
        conflicts: Sequence[Conflict],
        claim_ids: Mapping[Claim, int],
        seq: Mapping[str, float] | int,
    ) -> None:
        at = _positions(seq)
        self._insert(
            conn,
            "conflicts",
            (
                {
                    "id": k.id,
                    "seq": at(i, k.id),
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


def _positions(seq: Mapping[str, float] | int) -> Callable[[int, str], float]:
    """The position of the ``i``-th record (id ``x``): from the mapping, or after ``seq``."""
    if isinstance(seq, int):
        first = seq
        return lambda i, x: first + i
    return lambda i, x: seq[x]
