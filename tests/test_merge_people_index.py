"""``_PeopleIndex``: participant spans resolve to people by an index, not a scan of every
mention of the document (issue 10: the merge of one long document was quadratic), with
the same answers as the scan it replaced."""

from __future__ import annotations

import random

from histograph.merge.evidence import _PeopleIndex
from histograph.model import EntityMention, Person, RoleClaim


def _person(pid: str, spans: list[tuple[str, int, int]], titles: tuple[str, ...] = ()) -> Person:
    mentions = tuple(EntityMention(d, s, e, "x", "PERSON") for d, s, e in spans)
    roles = tuple(RoleClaim(d, 0, 1, pid, t) for t in titles for d in {d for d, _, _ in spans})
    return Person(id=pid, name=pid, aliases=(), mentions=mentions, roles=roles)


def _scan(people: list[Person], doc: str, start: int, end: int) -> str | None:
    """The linear scan the index replaced: the first-added overlapping span wins."""
    for p in people:
        for em in p.mentions:
            if em.doc_id == doc and em.start < end and start < em.end:
                return p.id
    return None


def test_first_added_overlapping_span_wins_even_when_it_starts_later() -> None:
    # the person added first has a span starting after the other's: the answer follows
    # the order of the people, not the order of the offsets
    people = [_person("p-b", [("d", 10, 20)]), _person("p-a", [("d", 0, 30)])]
    idx = _PeopleIndex(people)
    assert idx.find("d", 12, 14, None) == "p-b"
    assert idx.find("d", 2, 5, None) == "p-a"
    assert idx.find("d", 30, 40, None) is None  # touching is not overlapping
    assert idx.find("other", 12, 14, None) is None


def test_long_span_still_found_from_far_after_its_start() -> None:
    people = [_person("p-long", [("d", 0, 500)]), _person("p-short", [("d", 400, 405)])]
    idx = _PeopleIndex(people)
    assert idx.find("d", 450, 460, None) == "p-long"
    assert idx.find("d", 499, 600, None) == "p-long"


def test_index_agrees_with_scan_on_random_spans() -> None:
    rng = random.Random(3)
    people = []
    for k in range(40):
        spans = []
        for _ in range(rng.randrange(1, 6)):
            s = rng.randrange(0, 2000)
            spans.append((rng.choice("de"), s, s + rng.randrange(0, 60)))
        people.append(_person(f"p-{k}", spans))
    idx = _PeopleIndex(people)
    for _ in range(2000):
        doc, s = rng.choice("def"), rng.randrange(0, 2100)
        e = s + rng.randrange(0, 40)
        assert idx.find(doc, s, e, None) == _scan(people, doc, s, e)


def test_title_lookup_one_person_and_memoised() -> None:
    people = [
        _person("p-1", [("d", 0, 5)], ("Foreign Minister of the Republic",)),
        _person("p-2", [("d", 10, 15)], ("Minister of War",)),
    ]
    idx = _PeopleIndex(people)
    assert idx.find("d", 100, 110, None, "the Foreign Minister") == "p-1"
    assert idx.find("d", 100, 110, None, "the Foreign Minister") == "p-1"  # memoised
    assert idx.find("d", 100, 110, None, "Minister") is None  # two people hold it
    assert idx.find("e", 100, 110, None, "the Foreign Minister") is None
