"""`histograph eval --errors`: each missed gold event by cause, each false positive by kind."""

from __future__ import annotations

from typing import Any

from histograph.eval.diagnose import diagnose_cluster, format_diagnosis

F = "c/01.txt"
TEXT = (
    "In 1933 the two states established relations. The envoy arrived in March 1934. "
    "A fleet sailed in 1935. Published November 16, 2011 by Staff. The fort fell in 1936."
)


def _m(quote: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"file": F, "start": start, "end": start + len(quote)}


def _g(gid: str, typ: str, date: str | None, quote: str) -> dict[str, Any]:
    return {
        "id": gid,
        "type": typ,
        "date": date,
        "salience": "main",
        "mentions": [{"file": F, "quote": quote}],
    }


GOLD = {
    "cluster": "c",
    "files": [F],
    "events": [
        _g("g1", "establish_relations", "1933", "the two states established relations"),
        _g("g2", "visit", "1934-03", "The envoy arrived in March 1934"),
        _g("g3", "other", "1935", "A fleet sailed in 1935"),
        _g("g4", "war_or_invasion", "1936", "The fort fell in 1936"),
    ],
    "non_events": [{"file": F, "quote": "Published November 16, 2011 by Staff", "why": "dateline"}],
}


def test_causes_and_kinds() -> None:
    system = {
        "events": [
            {
                "id": "s1",
                "type": "establish_relations",
                "date": "1933",
                "mentions": [_m("established relations")],
            },
            {
                "id": "s2",
                "type": "establish_relations",
                "date": "1933",
                "mentions": [_m("two states")],
            },
            {
                "id": "s3",
                "type": "appoint_ambassador",
                "date": "1934-03",
                "mentions": [_m("The envoy arrived")],
            },
            {"id": "s4", "type": "other", "date": "1940", "mentions": [_m("A fleet sailed")]},
            {"id": "s5", "type": "other", "date": "2011", "mentions": [_m("Published November")]},
        ]
    }
    d = diagnose_cluster(GOLD, system, {F: TEXT})
    causes = {m["gold"]: m["cause"] for m in d["missed"]}
    assert causes == {"g2": "wrong type", "g3": "wrong date", "g4": "not detected"}
    kinds = {fp["id"]: fp["kind"] for fp in d["false_positives"]}
    assert kinds == {"s2": "duplicate", "s3": "wrong-typed twin", "s4": "wrong date", "s5": "trap"}
    text = format_diagnosis({"c": d})
    assert "MISSED [not detected] g4" in text
    assert "'The fort fell in 1936'" in text
    assert "FP [trap]" in text and "missed: wrong type 1" in text


def test_taken_by_another() -> None:
    gold = {
        **GOLD,
        "events": [*GOLD["events"], _g("g5", "establish_relations", None, "states established")],
    }
    system = {
        "events": [
            {
                "id": "s1",
                "type": "establish_relations",
                "date": "1933",
                "mentions": [_m("the two states established relations")],
            },
        ]
    }
    d = diagnose_cluster(gold, system, {F: TEXT})
    assert {m["gold"]: m["cause"] for m in d["missed"]}["g5"] == "taken by another"


def test_skipped_gold_gives_empty_lists() -> None:
    assert diagnose_cluster({"cluster": "c"}, {}, {}) == {
        "cluster": "c",
        "missed": [],
        "false_positives": [],
    }


def test_cli_eval_errors_lists_the_misses(tmp_path: Any) -> None:
    import json

    from typer.testing import CliRunner

    from histograph.cli import app

    docs, gold = tmp_path / "docs", tmp_path / "gold"
    (docs / "c").mkdir(parents=True)
    gold.mkdir()
    text = "On 3 May 1791 the diet adopted a constitution.\n"
    (docs / "c" / "01.txt").write_text(text, encoding="utf-8")
    (docs / "index.jsonl").write_text(json.dumps({"file": "c/01.txt", "title": "x"}) + "\n")
    g = {
        "cluster": "c",
        "files": ["c/01.txt"],
        "events": [
            {
                "id": "g1",
                "type": "summit_or_conference",
                "date": "1791-05-03",
                "salience": "main",
                "mentions": [{"file": "c/01.txt", "quote": "the diet adopted a constitution"}],
            }
        ],
    }
    (gold / "c.json").write_text(json.dumps(g), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--docs", str(docs), "--gold", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    assert "MISSED [" in result.output and "g1" in result.output
