"""Writing only the knowledge that changed: positions, digests, and the store's result equal
to a rewrite of every table."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from histograph.model import (
    Analysis,
    Claim,
    Conflict,
    ConflictValue,
    Document,
    Event,
    EventMention,
    KnowledgeBase,
    Person,
    TimeValue,
    day_number,
)
from histograph.store import open_store
from histograph.store.diff import claim_id, digest, plan, stable_positions


def _check_order(order: list[str], seqs: dict[str, float]) -> None:
    assert set(seqs) == set(order)
    values = [seqs[k] for k in order]
    assert values == sorted(values) and len(set(values)) == len(values)


def test_positions_keep_the_stored_order_and_fit_new_ids_between() -> None:
    old = {"a": 0.0, "b": 1.0, "c": 2.0, "d": 3.0}
    seqs = stable_positions(["x", "a", "b", "y", "c", "d", "z"], old)
    _check_order(["x", "a", "b", "y", "c", "d", "z"], seqs)
    assert {k: seqs[k] for k in old} == old  # nothing stored moves
    assert seqs["z"] == 4.0  # appended: the next whole number


def test_positions_move_the_fewest_ids_when_the_order_changes() -> None:
    old = {k: float(i) for i, k in enumerate("abcdef")}
    order = list("abdcef")  # c and d swapped: one of them moves
    seqs = stable_positions(order, old)
    _check_order(order, seqs)
    assert sum(1 for k in order if seqs[k] != old[k]) == 1


def test_positions_renumber_when_no_room_is_left() -> None:
    old = {"a": 0.0, "b": 1e-12}
    order = ["a", "n", "b"]
    seqs = stable_positions(order, old)
    _check_order(order, seqs)


def test_plan_writes_only_new_or_changed_records() -> None:
    stored = {"a": (b"1", 0.0), "b": (b"2", 1.0), "c": (b"3", 2.0)}
    p = plan(["a", "b2", "c"], {"a": b"1", "b2": b"9", "c": b"4"}, stored)
    assert p.delete == ("b", "c")
    assert set(p.insert) == {"b2", "c"}
    assert p.move == {}


def test_claim_ids_and_digests_come_from_the_content() -> None:
    c = Claim("e1", "date", "1901", "d1", 0, 4)
    assert claim_id(c) == claim_id(Claim("e1", "date", "1901", "d1", 0, 4)) > 0
    assert claim_id(c) != claim_id(replace(c, independent=False))
    assert digest(c) == digest(Claim("e1", "date", "1901", "d1", 0, 4))


# ---------------------------------------------------------------- the store


def _tv(y: int) -> TimeValue:
    return TimeValue(str(y), day_number(y, 1, 1), day_number(y, 12, 31), "year")


def _kb(events: dict[str, int], people: list[str], conflict_on: str | None) -> KnowledgeBase:
    text = "Something happened in a year. " * 20
    doc = Document("doc1", "a.txt", text, "txt")
    evs = []
    for eid, year in sorted(events.items()):
        i = int(eid[1:])
        m = EventMention("doc1", i * 30, i * 30 + 29, i * 30 + 10, i * 30 + 18, "meeting", _tv(year))
        claims = (Claim(eid, "date", str(year), "doc1", i * 30, i * 30 + 29),)
        evs.append(Event(eid, "meeting", f"title {eid}", _tv(year), (m,), claims, support=1))
    conflicts: tuple[Conflict, ...] = ()
    if conflict_on is not None:
        e = next(e for e in evs if e.id == conflict_on)
        other = Claim(e.id, "date", "1", "doc1", 0, 5)
        conflicts = (
            Conflict(
                "k1", e.id, "event", "date",
                (ConflictValue(e.claims[0].value, e.claims), ConflictValue("1", (other,))),
            ),
        )
    return KnowledgeBase(
        analyses=(Analysis(document=doc),),
        events=tuple(evs),
        people=tuple(Person(f"p-{n}", n, (n,)) for n in people),
        conflicts=conflicts,
    )


def _content(path: Path) -> tuple[object, ...]:
    s = open_store(str(path), readonly=True)
    try:
        return (
            [(e.id, e.title, e.date, e.claims, e.mentions) for e in s.events()],
            [(p.id, p.name, p.aliases) for p in s.people()],
            s.conflicts(),
            s.count_events(),
        )
    finally:
        s.close()


def _claims(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT * FROM claims").fetchall())


def test_a_second_merge_writes_the_same_knowledge_as_a_fresh_store(tmp_path: Path) -> None:
    first = _kb({"e1": 1901, "e2": 1902, "e3": 1903}, ["Ann", "Bob"], "e2")
    second = _kb({"e1": 1901, "e3": 1899, "e4": 1950, "e0": 1902}, ["Bob", "Cy", "Al"], "e3")
    inc = open_store(str(tmp_path / "inc.db"))
    inc.replace_knowledge(first)
    with sqlite3.connect(tmp_path / "inc.db") as conn:
        rowid_e1 = conn.execute("SELECT rowid FROM events WHERE id = 'e1'").fetchone()
    inc.replace_knowledge(second)
    inc.close()
    fresh = open_store(str(tmp_path / "fresh.db"))
    fresh.replace_knowledge(second)
    fresh.close()
    assert _content(tmp_path / "inc.db") == _content(tmp_path / "fresh.db")
    assert _claims(tmp_path / "inc.db") == _claims(tmp_path / "fresh.db")  # no orphans
    with sqlite3.connect(tmp_path / "inc.db") as conn:  # the unchanged event was not rewritten
        assert conn.execute("SELECT rowid FROM events WHERE id = 'e1'").fetchone() == rowid_e1


def test_an_unchanged_merge_writes_nothing(tmp_path: Path) -> None:
    kb = _kb({"e1": 1901, "e2": 1902}, ["Ann"], "e1")
    s = open_store(str(tmp_path / "s.db"))
    s.replace_knowledge(kb)
    s.close()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        before = conn.total_changes
        rows = conn.execute("SELECT rowid, * FROM events").fetchall()
    s = open_store(str(tmp_path / "s.db"))
    s.replace_knowledge(kb)
    s.close()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("SELECT rowid, * FROM events").fetchall() == rows
        assert conn.total_changes == before
