"""The evaluation runner: KnowledgeBase -> §3 system output, and run_eval end to end."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from histograph.eval import run_eval, system_output
from histograph.eval.runner import looks_like_markdown
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
    RoleClaim,
    TimeValue,
    day_number,
)

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def em(doc: str, start: int, end: int, type: str = "recognition") -> EventMention:
    return EventMention(doc, start, end, start, start + 1, type)


def day(y: int, m: int, d: int, value: str | None = None) -> TimeValue:
    n = day_number(y, m, d)
    return TimeValue(value or f"{y:04d}-{m:02d}-{d:02d}", n, n, "day")


def role(doc: str, title: str) -> RoleClaim:
    return RoleClaim(doc, 0, 5, "p", title)


def claim(doc: str, start: int, end: int, value: str) -> Claim:
    return Claim("e1", "date", value, doc, start, end)


def hand_kb() -> KnowledgeBase:
    unmapped = Document("d3", "somewhere/else.txt", "x" * 50, "txt", meta={"file": "c/04.txt"})
    return KnowledgeBase(
        analyses=(Analysis(unmapped),),
        events=(
            Event(
                "e1",
                "recognition",
                "Recognition",
                day(1933, 11, 16),
                mentions=(
                    em("d1", 10, 20),
                    em("d1", 10, 20),
                    em("d2", 5, 9),
                    em("d1", 0, 4),
                    em("d3", 1, 2),
                    em("d9", 1, 2),
                    em("d1", 7, 7),
                ),
            ),
            Event(
                "e2",
                "visit",
                "Visit",
                None,
                mentions=(em("d1", 30, 40, "visit"),),
                claims=(
                    Claim("e2", "participant", "Litvinov", "d1", 31, 39),
                    Claim("e2", "participant", "the Moscow delegation", "d1", 31, 39),
                ),
                place="Geneva",
                participants=("p1", "k:moscow delegation"),
            ),
            Event(
                "e3",
                "other",
                "Late",
                day(1933, 11, 16, "1933-11-16T23:50"),
                mentions=(em("d2", 1, 3, "other"),),
            ),
        ),
        people=(
            Person(
                "p1",
                "Maxim Litvinov",
                ("Litvinov", "Maxim Litvinov", "Litvinov"),
                roles=(
                    role("d1", "Foreign Minister"),
                    role("d2", "Commissar"),
                    role("d1", "Foreign Minister"),
                ),
            ),
            Person("p2", "Soviet Union", ("USSR",), kind="state"),
            Person("p3", "Cordell Hull", ()),
        ),
        conflicts=(
            Conflict(
                "c1",
                "e1",
                "event",
                "date",
                values=(
                    ConflictValue(
                        "1933-11-16",
                        (claim("d1", 10, 20, "1933-11-16"), claim("d2", 5, 9, "1933-11-16")),
                    ),
                    ConflictValue("1933-11-17", (claim("d1", 0, 4, "1933-11-17"),)),
                    ConflictValue("unsourced", ()),
                ),
            ),
            Conflict(
                "c2",
                "p1",
                "person",
                "title",
                values=(
                    ConflictValue("Foreign Minister", (claim("d1", 0, 5, "FM"),)),
                    ConflictValue("Commissar", (claim("d2", 0, 5, "C"),)),
                ),
                severity="soft",
            ),
        ),
    )


FILE_OF_DOC: dict[str, Any] = {"d1": "c/01.txt", "d2": ["c/03.txt", "c/02.txt"]}


def test_system_output_on_a_hand_built_kb() -> None:
    out = system_output(hand_kb(), FILE_OF_DOC)
    assert out["events"] == [
        {
            "id": "e1",
            "type": "recognition",
            "date": "1933-11-16",
            "mentions": [
                {"file": "c/01.txt", "start": 0, "end": 4},
                {"file": "c/01.txt", "start": 10, "end": 20},
                {"file": "c/02.txt", "start": 5, "end": 9},  # identical texts: every file
                {"file": "c/03.txt", "start": 5, "end": 9},
                {"file": "c/04.txt", "start": 1, "end": 2},  # from Document.meta["file"]
            ],
            "place": None,
            "participants": [],
        },
        {
            "id": "e2",
            "type": "visit",
            "date": None,
            "mentions": [{"file": "c/01.txt", "start": 30, "end": 40}],
            # participants: resolved people by name, then every name as written
            "place": "Geneva",
            "participants": [
                {"name": "Maxim Litvinov"},
                {"name": "Litvinov"},
                {"name": "the Moscow delegation"},
            ],
        },
        {
            "id": "e3",
            "type": "other",
            "date": "1933-11-16",
            "mentions": [
                {"file": "c/02.txt", "start": 1, "end": 3},
                {"file": "c/03.txt", "start": 1, "end": 3},
            ],
            "place": None,
            "participants": [],
        },
    ]
    assert out["people"] == [
        {
            "name": "Maxim Litvinov",
            "aliases": ["Litvinov", "Maxim Litvinov"],
            "roles": [{"title": "Foreign Minister"}, {"title": "Commissar"}],
        },
        {"name": "Cordell Hull", "aliases": [], "roles": []},
    ]
    assert out["conflicts"] == [
        {
            "event": "e1",
            "attribute": "date",
            "values": [
                {"value": "1933-11-16", "file": "c/01.txt", "start": 10, "end": 20},
                {"value": "1933-11-16", "file": "c/02.txt", "start": 5, "end": 9},
                {"value": "1933-11-16", "file": "c/03.txt", "start": 5, "end": 9},
                {"value": "1933-11-17", "file": "c/01.txt", "start": 0, "end": 4},
                {"value": "unsourced"},
            ],
        },
        {
            "person": "Maxim Litvinov",
            "attribute": "title",
            "values": [
                {"value": "Foreign Minister", "file": "c/01.txt", "start": 0, "end": 5},
                {"value": "Commissar", "file": "c/02.txt", "start": 0, "end": 5},
                {"value": "Commissar", "file": "c/03.txt", "start": 0, "end": 5},
            ],
        },
    ]
    # deterministic and JSON-serialisable
    assert json.dumps(out) == json.dumps(system_output(hand_kb(), FILE_OF_DOC))


def test_system_output_of_an_empty_kb() -> None:
    assert system_output(KnowledgeBase(), {}) == {"events": [], "people": [], "conflicts": []}


def test_looks_like_markdown() -> None:
    assert looks_like_markdown("---\ntitle: x\n---\nBody text.\n")
    assert looks_like_markdown("# Title\n\n**1933:** something happened.\n")
    assert looks_like_markdown("Intro\n\n- item one\n- see [the page](http://x.org)\n")
    assert not looks_like_markdown("A plain page.\n\n- a dash list\n- another\n")
    assert not looks_like_markdown("Just text, with a # hash inside and 2 * 3 * 4.\n")
    assert not looks_like_markdown("")


# --------------------------------------------------------------------- run_eval, fast


def write_corpus(root: Path) -> tuple[Path, Path]:
    docs, gold = root / "docs", root / "gold"
    (docs / "a").mkdir(parents=True)
    (docs / "b").mkdir(parents=True)
    gold.mkdir()
    texts = {
        "a/01.txt": "The king was crowned in 1066.\r\nHe ruled well.\n",
        "a/02.txt": "# Coronation\n\n**1066:** The king was crowned.\n",
        "a/03.txt": "The king was crowned in 1066.\r\nHe ruled well.\n",  # same text as 01
        "b/01.txt": "Nothing to see.\n",
    }
    for f, t in texts.items():
        (docs / f).write_bytes(t.encode("utf-8"))
    index = [
        {"file": f, "title": f"T {f}", "format": "news", "url": None, "extra": 1} for f in texts
    ]
    index.insert(1, {"file": "a/99.txt", "title": "missing", "format": "blog", "url": None})
    (docs / "index.jsonl").write_text(
        "\n".join(json.dumps(e) for e in index) + "\nnot json\n", encoding="utf-8"
    )
    g = {
        "cluster": "a",
        "files": ["a/01.txt", "a/02.txt", "a/03.txt"],
        "events": [
            {
                "id": "g1",
                "type": "other",
                "date": "1066",
                "salience": "main",
                "mentions": [{"file": "a/03.txt", "quote": "The king was crowned in 1066."}],
            }
        ],
        "people": [],
        "conflicts": [],
        "non_events": [],
    }
    (gold / "a.json").write_text(json.dumps(g), encoding="utf-8")
    return docs, gold


def fake_build(seen: list[list[Document]]) -> Any:
    def build(documents: Iterable[Document], pipeline: object = None) -> KnowledgeBase:
        docs = list(documents)
        seen.append(docs)
        events = tuple(
            Event(
                f"ev{i}",
                "other",
                d.uri,
                TimeValue("1066", day_number(1066, 1, 1), day_number(1066, 12, 31), "year"),
                mentions=(em(d.id, 0, d.text.index("\n"), "other"),),
            )
            for i, d in enumerate(docs)
        )
        return KnowledgeBase(analyses=tuple(Analysis(d) for d in docs), events=events)

    return build


def test_run_eval_with_a_fake_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, gold = write_corpus(tmp_path)
    seen: list[list[Document]] = []
    monkeypatch.setattr("histograph.api.build_knowledge", fake_build(seen))
    messages: list[str] = []
    out_dir = tmp_path / "out"
    report = run_eval(docs, gold, out_dir, progress=messages.append)

    # one fresh KB per cluster, in cluster order; identical texts are one document
    assert [[d.uri for d in batch] for batch in seen] == [["a/01.txt", "a/02.txt"], ["b/01.txt"]]
    d1, d2 = seen[0]
    assert d1.text == "The king was crowned in 1066.\r\nHe ruled well.\n"  # no newline translation
    assert (d1.format, d2.format) == ("txt", "md")
    assert dict(d1.meta) == {
        "title": "T a/01.txt",
        "genre": "news",
        "url": None,
        "file": "a/01.txt",
    }

    # the system output of every cluster is written; the copy's spans go to both files
    a = json.loads((out_dir / "a.json").read_text(encoding="utf-8"))
    assert a["events"][0]["mentions"] == [
        {"file": "a/01.txt", "start": 0, "end": 30},
        {"file": "a/03.txt", "start": 0, "end": 30},
    ]
    assert (out_dir / "b.json").exists()

    # only clusters with gold are scored; the gold quote in 03 matches through the copy
    assert list(report["clusters"]) == ["a"]
    scores = report["clusters"]["a"]
    assert scores["events"] == {"tp": 1, "fp": 1, "fn": 0, "p": 0.5, "r": 1.0, "f1": 0.6667}
    assert scores["dates"]["exact"] == 1
    assert report["micro"]["events"] == scores["events"]
    # a missing file and a bad index line are reported, and do not stop the batch
    assert len(report["errors"]) == 2 and any("a/99.txt" in e for e in report["errors"])
    assert messages == ["a", "b"]  # progress: each cluster's name as it starts
    json.dumps(report)


def test_run_eval_survives_a_failing_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, gold = write_corpus(tmp_path)

    def boom(documents: Iterable[Document], pipeline: object = None) -> KnowledgeBase:
        raise RuntimeError("stage exploded")

    monkeypatch.setattr("histograph.api.build_knowledge", boom)
    report = run_eval(docs, gold)
    assert report["clusters"]["a"]["events"]["fn"] == 1
    assert any("stage exploded" in e for e in report["errors"])


def test_run_eval_skips_malformed_gold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, gold = write_corpus(tmp_path)
    (gold / "a.json").write_text(json.dumps({"cluster": "a", "events": []}), encoding="utf-8")
    (gold / "b.json").write_text("{broken", encoding="utf-8")
    monkeypatch.setattr("histograph.api.build_knowledge", fake_build([]))
    report = run_eval(docs, gold)
    assert "skipped" in report["clusters"]["a"]
    assert "b" not in report["clusters"]
    assert report["micro"]["clusters"] == 0
    assert any("b.json" in e for e in report["errors"])


# --------------------------------------------------------------------- run_eval, real pipeline


@pytest.mark.slow
def test_run_eval_end_to_end_on_the_fixture_corpus(tmp_path: Path) -> None:
    docs, gold = FIXTURES / "docs", FIXTURES / "gold"
    first = run_eval(docs, gold, tmp_path / "one")
    second = run_eval(docs, gold, tmp_path / "two")
    assert json.dumps(first) == json.dumps(second)  # deterministic
    assert (tmp_path / "one" / "moon.json").read_text(encoding="utf-8") == (
        tmp_path / "two" / "moon.json"
    ).read_text(encoding="utf-8")

    assert set(first) >= {"clusters", "micro"} and "errors" not in first
    scores = first["clusters"]["moon"]
    for section, keys in {
        "events": {"tp", "fp", "fn", "p", "r", "f1"},
        "events_main": {"tp", "fp", "fn", "p", "r", "f1"},
        "dates": {"n", "exact", "within"},
        "people": {"tp", "fp", "fn", "p", "r", "f1", "role_recall"},
        "conflicts": {"gold", "found", "found_hard", "found_soft"},
        "traps": {"hits", "non_events_hit"},
    }.items():
        assert keys <= set(scores[section]), section
        assert keys <= set(first["micro"][section]), section
    assert scores["events"]["tp"] + scores["events"]["fn"] == 3
    assert scores["people"]["tp"] + scores["people"]["fn"] == 2
    assert scores["conflicts"]["gold"] == 1
    assert scores["details"]["warnings"] == []

    system = json.loads((tmp_path / "one" / "moon.json").read_text(encoding="utf-8"))
    assert set(system) == {"events", "people", "conflicts"}
    texts = {f: (docs / f).read_text(encoding="utf-8") for f in ("moon/01.txt", "moon/02.txt")}
    for ev in system["events"]:
        assert set(ev) == {"id", "type", "date", "mentions", "place", "participants"}
        for m in ev["mentions"]:
            assert m["file"] in texts and 0 <= m["start"] < m["end"] <= len(texts[m["file"]])
    for p in system["people"]:
        assert set(p) == {"name", "aliases", "roles"}
