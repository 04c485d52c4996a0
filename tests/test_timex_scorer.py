"""The TIMEX3 scorer of benchmarks/timex.py on hand-made cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import timex as bench

T = bench.Timex


def test_match_is_one_to_one_largest_overlap() -> None:
    gold = [T(0, 10, "DATE", "1933")]
    sys_ = [T(0, 4, "DATE", "1933"), T(2, 10, "DATE", "1933")]
    pairs = bench.match(gold, sys_)
    assert pairs == [(gold[0], sys_[1])]


def test_scores_strict_relaxed_value_type() -> None:
    gold = [T(0, 4, "DATE", "1933"), T(10, 20, "DURATION", "P16Y"), T(30, 35, "DATE", "1917")]
    system = [T(0, 4, "DATE", "1933"), T(12, 20, "DATE", "P16Y"), T(40, 45, "DATE", "2000")]
    c = bench.Counts()
    c.add("d", " " * 50, gold, system)
    s = c.scores()
    assert (c.strict, c.relaxed, c.value, c.type) == (1, 2, 2, 1)
    assert s["strict"]["P"] == pytest.approx(1 / 3)
    assert s["relaxed"]["F1"] == pytest.approx(2 / 3)
    assert s["value"]["accuracy"] == 1.0
    assert s["value"]["F1"] == pytest.approx(2 / 3)
    assert s["type"]["F1"] == pytest.approx(0.5 * 2 / 3)


def test_empty_system_and_gold() -> None:
    c = bench.Counts()
    c.add("d", "", [], [])
    assert c.scores()["strict"]["F1"] == 0.0
    c.add("d", "abc", [T(0, 3, "DATE", "1933")], [])
    assert c.scores()["relaxed"]["R"] == 0.0


def test_read_tml_offsets(tmp_path: Path) -> None:
    p = tmp_path / "doc.tml"
    p.write_text(
        '<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22</TIMEX3></DCT>'
        '<TEXT>\nOn <TIMEX3 tid="t1" type="DATE" value="2013-03-21"> Thursday </TIMEX3> it <EVENT eid="e1">rained</EVENT>'
        ' for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    d = bench.read_tml(p)
    assert d.dct == "2013-03-22"
    assert [d.text[t.start : t.end] for t in d.timexes] == ["Thursday", "two days"]
    assert d.text.startswith("\nOn  Thursday  it rained")


def test_timeml_output_alignment() -> None:
    gold_text = "On Thursday it rained."
    raw = '<TimeML>On <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> it rained.</TimeML>'
    (t,) = bench._timeml_output(raw, gold_text)
    assert gold_text[t.start : t.end] == "Thursday" and t.value == "2013-03-21"


def test_jsonl_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    bench.write_jsonl(out, {"a": [T(1, 2, "DATE", "1933")]})
    assert '"doc": "a"' in out.read_text()


def test_offset_map_shifted_and_edited() -> None:
    gold = "On Thursday it rained."
    shifted = bench._offset_map("\n\n" + gold + "\n", gold)
    assert shifted[2] == 0 and shifted[2 + 3] == 3
    edited = bench._offset_map("On Thursday it  rained.", gold)  # one extra blank
    assert edited[3] == 3 and edited[len("On Thursday it  ")] == len("On Thursday it ")


def test_timeml_output_with_heideltime_newlines() -> None:
    gold_text = "On Thursday it rained."
    raw = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        'On <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> it rained.\n</TimeML>'
    )
    (t,) = bench._timeml_output(raw, gold_text)
    assert gold_text[t.start : t.end] == "Thursday"


def test_peer_skipped_with_a_reason_when_java_is_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench.shutil, "which", lambda _name: None)
    ok, why = bench.heideltime_available()
    assert not ok and "java" in why
    doc = bench.GoldDoc("d", "On Thursday.", "2013-03-22", [])
    assert bench.run_heideltime([doc], "news") == why


def test_markdown_table_rows() -> None:
    c = bench.Counts()
    c.add("d", "abcd", [T(0, 4, "DATE", "1933")], [T(0, 4, "DATE", "1933")])
    res = {
        "corpus": {"histograph": {"label": "histograph", **c.scores(), "chars_per_second": 10.0}}
    }
    table = bench.markdown_table(res)
    assert "| corpus | histograph | 100.00 | 100.00 | 100.00 | 100.00 | 10 |" in table
