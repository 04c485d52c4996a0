"""What a write of the SQLite store changes (:mod:`.diff` applied to the stored rows): the
plan of each table (rows to delete, insert, move), for a scoped incremental merge the rows
in scope, the places of new events and the facet keys whose counts change. Reads only."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from ..model import Conflict, Event, Person, conflict_order, entity_order
from . import diff as D
from .common import ScopeError, check_repr, facet_keys
from .sqlite_conn import chunks, marks

KEPT = b"kept"  # the digest of a row a scoped merge keeps


def check_scope(
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
    for chunk in chunks(fresh):
        row = conn.execute(
            f"SELECT id FROM {table} WHERE id IN ({marks(len(chunk))}) LIMIT 1", chunk
        ).fetchone()
        if row is not None:
            raise ScopeError(
                f"E035 {kind} {row['id']!r} is built from documents outside the merge"
            )


def changed_facet_keys(
    conn: sqlite3.Connection, deleted: Sequence[str], written: Sequence[Event]
) -> dict[str, set[str]]:
    """The facet keys (type, entities, sources) of the events about to be deleted and
    of those written: the counts that change."""
    out = facet_keys(written)
    for chunk in chunks(list(deleted)):
        placeholders = marks(len(chunk))
        for facet, sql in (
            ("type", f"SELECT DISTINCT type AS k FROM events WHERE id IN ({placeholders})"),
            ("entity", "SELECT DISTINCT entity_id AS k FROM event_entities"
             f" WHERE event_id IN ({placeholders})"),
            ("source", "SELECT DISTINCT doc_id AS k FROM event_evidence"
             f" WHERE event_id IN ({placeholders})"),
        ):
            out[facet].update(str(r["k"]) for r in conn.execute(sql, chunk))
    return out


def scope_rows(conn: sqlite3.Connection, scope: Collection[str]) -> dict[str, set[str]]:
    """The stored events, entities and conflicts that cite a document of ``scope``."""
    docs = sorted(scope)
    out: dict[str, set[str]] = {"event": set(), "entity": set(), "conflict": set()}
    for chunk in chunks(docs):
        placeholders = marks(len(chunk))
        for kind, sql in (
            ("event", f"SELECT DISTINCT event_id AS i FROM event_evidence WHERE doc_id IN ({placeholders})"),
            ("event", f"SELECT DISTINCT c.event_id AS i FROM event_claims c JOIN claims x"
             f" ON x.id = c.claim_id WHERE x.doc_id IN ({placeholders})"),
            ("entity", f"SELECT DISTINCT entity_id AS i FROM entity_evidence"
             f" WHERE doc_id IN ({placeholders})"),
            ("entity", f"SELECT DISTINCT entity_id AS i FROM entity_roles"
             f" WHERE doc_id IN ({placeholders})"),
            ("conflict", f"SELECT DISTINCT v.conflict_id AS i FROM conflict_value_claims v"
             f" JOIN claims x ON x.id = v.claim_id WHERE x.doc_id IN ({placeholders})"),
        ):
            out[kind].update(str(r["i"]) for r in conn.execute(sql, chunk).fetchall())
    subjects = sorted(out["event"] | out["entity"])
    for chunk in chunks(subjects):
        out["conflict"].update(
            str(r["id"])
            for r in conn.execute(
                f"SELECT id FROM conflicts WHERE subject IN ({marks(len(chunk))})", chunk
            ).fetchall()
        )
    return out


def plan(
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
        for chunk in chunks(sorted(inside["event"])):
            rows += conn.execute(
                "SELECT t.id, t.seq, k.digest FROM events t LEFT JOIN knowledge_rows k"
                f" ON k.kind = 'event' AND k.id = t.id WHERE t.id IN ({marks(len(chunk))})",
                chunk,
            ).fetchall()
        stored = {str(r["id"]): (r["digest"], r["seq"]) for r in rows}
        check_scope(kind, digests, stored, conn, table, inside)
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
            return plan_part(
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
            digests[rid] = KEPT  # outside the scope: kept as it is
            stored[rid] = (KEPT, r["seq"])
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


def plan_part(
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
    for chunk in chunks(sorted(inside[kind])):
        rows += conn.execute(
            f"SELECT t.id, t.seq, k.digest FROM {table} t LEFT JOIN knowledge_rows k"
            f" ON k.kind = ? AND k.id = t.id WHERE t.id IN ({marks(len(chunk))})",
            (kind, *chunk),
        ).fetchall()
    stored = {str(r["id"]): (r["digest"], r["seq"]) for r in rows}
    check_scope(kind, digests, stored, conn, table, inside)
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


def places_by_id(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, float]:
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
