"""The incremental contract: documents ingested in several batches (each one a merge that
writes only what changed), then some removed, give the same knowledge base -- the same
``export --format json`` -- as one merge of the same documents from scratch."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import shared_path
from histograph.api import Histograph
from histograph.ingest import read_paths, read_text
from histograph.model import Analysis, Document
from histograph.render.export import export

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _hash(hg: Histograph) -> str:
    return hashlib.sha256(export(hg, "json").encode("utf-8")).hexdigest()


def _documents(folder: Path) -> list[Document]:
    return [d for d in read_paths([str(folder)]) if isinstance(d, Document)]


def _from_scratch(tmp: Path, name: str, source: Histograph, keep: set[str]) -> str:
    """A new store holding the analyses of ``keep`` (taken from ``source``), merged once."""
    with Histograph(str(tmp / name)) as hg:
        for a in source.analyses():
            if a.document.id in keep:
                hg.store.add_analysis(a)
        hg.rebuild()
        return _hash(hg)


def _check(folder: Path, tmp: Path) -> None:
    docs = _documents(folder)
    assert docs, folder
    batches = [docs[k::3] for k in range(3)]
    with Histograph(str(tmp / "inc.db")) as hg:
        for batch in batches:
            report = hg.add_documents(batch)
            assert report.failure is None and not report.errors
        everything = {d.id for d in docs}
        assert _hash(hg) == _from_scratch(tmp, "all.db", hg, everything)
        gone = batches[1][:2]
        hg.remove([d.id for d in gone])
        assert _hash(hg) == _from_scratch(tmp, "rest.db", hg, everything - {d.id for d in gone})


@pytest.mark.parametrize("corpus", ["heldout", "test", "wide", "fresh", "fresh2"])
def test_batches_equal_one_merge_on_the_project_corpora(corpus: str, tmp_path: Path) -> None:
    _check(ROOT / "corpora" / corpus / "docs", tmp_path)


@pytest.mark.shared
@pytest.mark.parametrize("corpus", ["eval", "eval-wide"])
def test_batches_equal_one_merge_on_the_shared_corpora(corpus: str, tmp_path: Path) -> None:
    _check(shared_path(corpus, "docs"), tmp_path)


def test_a_new_version_of_a_file_equals_a_merge_of_the_versions_kept(tmp_path: Path) -> None:
    first = (
        "On 3 May 1712 the envoy Anton Keller signed a treaty with the duchy of Varnia in "
        "Hollstadt. On 9 June 1712 Keller met the duke in Ostrel."
    )
    other = "On 4 May 1712 the council of Varnia ratified the treaty that Anton Keller signed."
    changed = first.replace("9 June", "19 June")
    with Histograph(str(tmp_path / "inc.db")) as hg:
        hg.add_documents([read_text(first, uri="a.txt", meta={"origin": "a.txt"})])
        hg.add_documents([read_text(other, uri="b.txt", meta={"origin": "b.txt"})])
        report = hg.add_documents([read_text(changed, uri="a.txt", meta={"origin": "a.txt"})])
        assert report.replaced
        kept = {d.id for d in hg.sources()}
        assert len(kept) == 2
        assert _hash(hg) == _from_scratch(tmp_path, "all.db", hg, kept)


# ---------------------------------------------------------------- components

_NORTH = (
    "On 3 May 1712 the envoy Anton Keller signed a treaty with the duchy of Varnia in "
    "Hollstadt. On 9 June 1712 Keller met Duke Ernst Brauer in Ostrel."
)
_NORTH_2 = "On 4 May 1712 the council of Varnia ratified the treaty that Anton Keller signed."
_SOUTH = (
    "On 14 October 1488 the admiral Tomas Ferrandi landed at Calvera. On 2 November 1488 "
    "Ferrandi besieged the fortress of Montalba."
)
_SOUTH_2 = "Tomas Ferrandi took Montalba on 20 November 1488 after a siege of three weeks."


def test_unrelated_documents_are_separate_components() -> None:
    from histograph.merge.incremental import components, document_keys
    from histograph.pipeline import build

    pipe = build()
    docs = [
        read_text(t, uri=f"{k}.txt") for k, t in enumerate((_NORTH, _NORTH_2, _SOUTH, _SOUTH_2))
    ]
    analyses = list(pipe.analyze_many(docs))
    keys = {a.document.id: document_keys(a) for a in analyses}
    groups = components(keys)
    assert sorted(len(g) for g in groups) == [2, 2]
    north = {docs[0].id, docs[1].id}
    assert any(set(g) == north for g in groups)


def test_adding_a_document_rewrites_only_its_component(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    with Histograph(str(tmp_path / "inc.db")) as hg:
        hg.add_documents([read_text(_NORTH, uri="n1.txt"), read_text(_SOUTH, uri="s1.txt")])
        merged: list[int] = []
        one = hg._merge_one
        monkeypatch.setattr(hg, "_merge_one", lambda a: merged.append(len(a)) or one(a))
        monkeypatch.setattr(hg, "_merge", lambda *a: pytest.fail("merged everything"))
        with sqlite3.connect(tmp_path / "inc.db") as conn:
            south = conn.execute(
                "SELECT e.rowid, e.id FROM events e JOIN event_evidence v ON v.event_id = e.id"
                " JOIN documents d ON d.id = v.doc_id WHERE d.uri = 's1.txt' ORDER BY e.id"
            ).fetchall()
        assert south
        hg.add_documents([read_text(_NORTH_2, uri="n2.txt")])
        with sqlite3.connect(tmp_path / "inc.db") as conn:
            after = conn.execute(
                f"SELECT rowid, id FROM events WHERE id IN ({','.join('?' * len(south))})"
                " ORDER BY id",
                [i for _, i in south],
            ).fetchall()
        assert after == south  # the other component's rows were not written again
        assert merged == [2]  # the new document and the one it joins, nothing else
        hg.add_documents([read_text(_SOUTH_2, uri="s2.txt")])
        hg.remove(["n1.txt"])
        kept = {d.id for d in hg.sources()}
        assert _hash(hg) == _from_scratch(tmp_path, "all.db", hg, kept)


# ---------------------------------------------------------------- date keys
# Each page below is one sentence built from model objects (no pipeline): the keys of a
# dated mention join two pages only through a pair of dates the merge may join.


def _page(
    doc_id: str,
    sentence: str,
    trigger: str,
    when: tuple[int, int, int | None],
    typ: str = "battle",
    person: str | None = None,
) -> Analysis:
    from histograph.model import (
        EntityMention,
        EventMention,
        Participant,
        TimeValue,
        day_number,
    )

    y, m, d = when
    if d is None:
        last = day_number(y + (m == 12), m % 12 + 1, 1) - 1
        tv = TimeValue(f"{y:04d}-{m:02d}", day_number(y, m, 1), last, "month")
    else:
        tv = TimeValue(f"{y:04d}-{m:02d}-{d:02d}", day_number(y, m, d), day_number(y, m, d), "day")
    ts = sentence.index(trigger)
    parts: tuple[Participant, ...] = ()
    ents: tuple[EntityMention, ...] = ()
    if person is not None:
        ps = sentence.index(person)
        parts = (Participant(person, "agent", ps, ps + len(person), key=person),)
        ents = (EntityMention(doc_id, ps, ps + len(person), person, "PERSON", person),)
    ev = EventMention(
        doc_id, 0, len(sentence), ts, ts + len(trigger), typ, time=tv, participants=parts
    )
    return Analysis(
        document=Document(doc_id, f"t://{doc_id}", sentence, "txt"), entities=ents, events=(ev,)
    )


def _joined(*pages: Analysis) -> bool:
    from histograph.merge.incremental import components, document_keys

    return len(components({a.document.id: document_keys(a) for a in pages})) == 1


def test_pages_some_days_apart_are_not_chained_by_the_calendar() -> None:
    # regression: 16-day buckets joined every page of a timeline through its neighbours
    a = _page("a", "On 3 May 1740 the rebels fought at the ford.", "fought", (1740, 5, 3))
    b = _page("b", "On 9 May 1740 the garrison fought at the bridge.", "fought", (1740, 5, 9))
    c = _page("c", "On 15 May 1740 the militia fought at the mill.", "fought", (1740, 5, 15))
    assert not _joined(a, b) and not _joined(b, c) and not _joined(a, b, c)


def test_the_same_day_joins_pages_that_share_nothing_else() -> None:
    a = _page("a", "On 3 May 1740 the rebels fought at the ford.", "fought", (1740, 5, 3))
    b = _page("b", "A battle took place on 3 May 1740.", "battle", (1740, 5, 3))
    assert _joined(a, b)


def test_the_next_day_is_reached_but_does_not_chain() -> None:
    a = _page("a", "On 3 May 1740 the rebels fought at the ford.", "fought", (1740, 5, 3))
    b = _page("b", "On 4 May 1740 the garrison fought at the bridge.", "fought", (1740, 5, 4))
    c = _page("c", "On 5 May 1740 the militia fought at the mill.", "fought", (1740, 5, 5))
    assert _joined(a, b) and _joined(b, c)
    assert not _joined(a, c)


def test_a_month_joins_a_day_inside_it_with_the_same_predicate_only() -> None:
    month = _page("m", "In May 1740 the rebels fought the garrison.", "fought", (1740, 5, None))
    day = _page("d", "On 20 May 1740 the militia fought at the mill.", "fought", (1740, 5, 20))
    other = _page("o", "On 20 May 1740 the militia landed at the mill.", "landed", (1740, 5, 20))
    june = _page("j", "On 2 June 1740 the militia fought at the mill.", "fought", (1740, 6, 2))
    assert _joined(month, day)
    assert not _joined(month, other) and not _joined(month, june)


def test_a_shared_participant_within_a_calendars_gap_joins() -> None:
    a = _page(
        "a",
        "On 3 May 1740 Jorin Vask fought at the ford.",
        "fought",
        (1740, 5, 3),
        person="Jorin Vask",
    )
    b = _page(
        "b", "On 14 May 1740 Vask attacked the ford.", "attacked", (1740, 5, 14), person="Vask"
    )
    assert _joined(a, b)


# ---------------------------------------------------------------- spelling keys
# A page naming one person (entities only): the keys pair two names one letter apart only
# where the people merge may join them as one person spelled two ways.


def _person_page(doc_id: str, name: str) -> Analysis:
    from histograph.model import EntityMention

    text = f"{name} wrote to the council."
    return Analysis(
        document=Document(doc_id, f"t://{doc_id}", text, "txt"),
        entities=(EntityMention(doc_id, 0, len(name), name, "PERSON", name),),
    )


def _people(*pages: Analysis) -> int:
    from histograph.merge.people import merge_people

    people, _ = merge_people(list(pages))
    return sum(1 for p in people if p.kind == "person")


def test_a_spelling_one_letter_apart_joins_pages_of_the_same_given_name() -> None:
    a = _person_page("a", "Johann Hendersen")
    b = _person_page("b", "Johann Henderson")
    c = _person_page("c", "Johann Hendreson")  # two letters swapped: two edits
    assert _joined(a, b) and _people(a, b) == 1
    assert not _joined(a, c) and _people(a, c) == 2


def test_a_spelling_key_needs_the_same_given_names() -> None:
    a = _person_page("a", "Johann Hendersen")
    b = _person_page("b", "Maria Henderson")
    assert not _joined(a, b) and _people(a, b) == 2


def test_short_surnames_and_bare_surnames_make_no_spelling_keys() -> None:
    from histograph.merge.incremental import document_keys

    short_a = _person_page("a", "Johann Vask")
    short_b = _person_page("b", "Johann Vesk")  # too short to be one name misspelt
    assert not _joined(short_a, short_b) and _people(short_a, short_b) == 2
    bare = _person_page("c", "Hendersen")  # a surname alone joins by its surname only
    initial = _person_page("d", "J. Henderson")
    assert not any(k.startswith("s1:") for k in document_keys(bare))
    assert not any(k.startswith("s1:") for k in document_keys(initial))
    assert not _joined(bare, _person_page("e", "Johann Henderson"))


def test_a_spelling_key_pairs_a_letter_dropped_after_a_doubled_first_letter() -> None:
    # the spelling without its first letter is no key: "Llewelyn" / "Lewelyn" still meet
    a = _person_page("a", "Johann Llewelyn")
    b = _person_page("b", "Johann Lewelyn")
    c = _person_page("c", "Johann Kewelyn")  # another first letter: never one name
    assert _joined(a, b) and _people(a, b) == 1
    assert not _joined(b, c) and _people(b, c) == 2
