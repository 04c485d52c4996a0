"""Smoke test of benchmarks/merge.py at tiny sizes (no timing assertions)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "merge.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_merge", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_merge"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_generated_corpus_is_realistic_and_deterministic(bench: ModuleType) -> None:
    a = bench.generate_corpus(400, seed=3)
    b = bench.generate_corpus(400, seed=3)
    assert a.mentions == b.mentions >= 400
    assert [x.document.text for x in a.analyses] == [x.document.text for x in b.analyses]
    types = {m.type for x in a.analyses for m in x.events}
    assert len(types) >= 8
    precisions = {m.time.precision for x in a.analyses for m in x.events if m.time}
    assert {"day", "month", "year"} <= precisions
    assert any(m.time is None for x in a.analyses for m in x.events)
    assert a.copies and a.passages and a.people
    for x in a.analyses:  # every span is inside its text
        for m in x.events:
            assert 0 <= m.start <= m.trigger_start < m.trigger_end <= len(x.document.text)


def test_measure_event_merge_and_full_merge(bench: ModuleType) -> None:
    row = bench.measure(300, seed=1)
    assert row["n"] >= 300 and row["events"] > 0 and row["seconds"] >= 0
    full = bench.measure(300, seed=1, full=True)
    assert {"passages_s", "people_s", "events_s"} <= set(full)


def test_fit_and_table(bench: ModuleType) -> None:
    rows = [
        {
            "n": 1000,
            "documents": 50,
            "seconds": 1.0,
            "s_per_1k": 1.0,
            "peak_mb": 10.0,
            "events": 1,
            "conflicts": 0,
        },
        {
            "n": 10000,
            "documents": 500,
            "seconds": 10.0,
            "s_per_1k": 1.0,
            "peak_mb": 20.0,
            "events": 9,
            "conflicts": 1,
        },
    ]
    b = bench.fit_exponent(rows)
    assert b is not None and abs(b - 1.0) < 1e-9
    out = bench.table(rows, b)
    assert "fitted exponent" in out and "10000" in out
    assert bench.sizes(1000, 100000, 3) == [1000, 10000, 100000]


def test_main_runs_inline(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--min", "200", "--max", "400", "--steps", "2", "--inline"]) == 0
    assert "fitted exponent" in capsys.readouterr().out


# ---------------------------------------------------------------- bounded blocking


class _ReferenceIndex:
    """The blocking index as it was before its buckets were bounded: every append kept."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], list[int]] = {}

    def add(self, group: str, keys: list[str], cid: int) -> None:
        for k in keys:
            lst = self.by_key.setdefault((group, k), [])
            if not lst or lst[-1] != cid:
                lst.append(cid)

    def get(self, group: str, keys: list[str], cap: int) -> list[int]:
        lists = [self.by_key.get((group, k)) for k in dict.fromkeys(keys)]
        seen: dict[int, None] = {}
        for lst in sorted((x for x in lists if x), key=len):
            if seen and len(lst) > cap:
                break
            for cid in lst:
                seen.setdefault(cid, None)
                if len(seen) >= cap:
                    return list(seen)
        return list(seen)


def test_bounded_blocking_buckets_answer_every_lookup_as_unbounded_ones() -> None:
    """A bucket keeps only the clusters a lookup can reach (its first MAX_CANDIDATES
    distinct ones) and counts the rest: lookups are unchanged, memory stays bounded."""
    import random

    from histograph.merge.cluster import MAX_CANDIDATES, _Index

    rng = random.Random(11)
    keys = ["m:05", "y:1900", "p:famous", "dd:1", "dd:2", "n:a", "n:b", "d:x", "yp:00:famous"]
    weights = [40, 30, 30, 2, 2, 1, 1, 3, 8]
    index, ref = _Index(), _ReferenceIndex()
    for step in range(6000):
        group = rng.choice(("war", "treaty"))
        # mostly new clusters, sometimes a member joining an older one (a non-consecutive
        # repeat in a bucket)
        cid = step if rng.random() < 0.7 else rng.randrange(step + 1)
        ks = rng.choices(keys, weights=weights, k=rng.randint(1, 4))
        index.add(group, ks, cid)
        ref.add(group, ks, cid)
        if step % 7 == 0:
            ask = rng.sample(keys, rng.randint(1, 5))
            assert index.get(group, ask) == ref.get(group, ask, MAX_CANDIDATES)
    for by_key in index.by_group.values():
        assert max(len(v) for v in by_key.values()) <= 2 * MAX_CANDIDATES
    assert max(len(v) for v in ref.by_key.values()) > 10 * MAX_CANDIDATES


def test_spellings_join_among_many_people_of_one_given_name() -> None:
    """The spelling pass meets clusters by their given names: a crowd sharing the first
    given name neither blocks the join nor joins anyone else."""
    from histograph.merge.people import merge_people
    from test_people_merge import _analysis

    docs = [
        _analysis("a", "Admiral Edmund Hendersen sailed.", [("Edmund Hendersen", "Edmund Hendersen")]),
        _analysis("b", "Edmund Henderson landed.", [("Edmund Henderson", "Edmund Henderson")]),
    ]
    for k, surname in enumerate(("Hallorsen", "Hastingsby", "Hendricks", "Holloway", "Hunters")):
        name = f"Edmund {surname}"
        docs.append(_analysis(f"c{k}", f"{name} spoke.", [(name, name)]))
    docs.append(_analysis("d", "Walter Hendersan wrote.", [("Walter Hendersan",) * 2]))
    people, _ = merge_people(docs)
    persons = [p for p in people if p.kind == "person"]
    [joined] = [p for p in persons if "Edmund Hendersen" in p.aliases]
    assert set(joined.aliases) == {"Edmund Hendersen", "Edmund Henderson"}
    assert len(persons) == 1 + 5 + 1


def test_events_are_indexed_by_id_once_per_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the index of events by id (for stated durations) was rebuilt for every
    event that states one, a pass over all events each time (quadratic on real corpora)."""
    from histograph.merge import events as merge_events_module
    from test_merge_events_conflicts import _duration_docs, by_attr, merge

    seen: list[int] = []
    inner = merge_events_module._conflicts

    def spy(b: object, by_id: object, *rest: object) -> object:
        assert isinstance(by_id, dict) and getattr(b, "id", None) in by_id
        seen.append(id(by_id))
        return inner(b, by_id, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(merge_events_module, "_conflicts", spy)
    _events, conflicts = merge(_duration_docs("1", "1870-07"))
    assert by_attr(conflicts, "duration")  # the duration is still compared
    assert len(seen) >= 2 and len(set(seen)) == 1


def test_main_json_reports_each_size_as_it_completes(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    assert bench.main(["--min", "200", "--max", "400", "--steps", "2", "--inline", "--json"]) == 0
    out = capsys.readouterr()
    lines = [json.loads(line) for line in out.err.splitlines() if line.startswith("{")]
    assert [r["n"] for r in lines] == [r["n"] for r in json.loads(out.out)["rows"]]
    assert len(lines) == 2


# ---------------------------------------------------------------- date pre-tests


def test_date_pretests_refuse_only_what_the_full_rules_refuse(bench: ModuleType) -> None:
    """The cheap date tests asked before scoring a candidate (and before the duplicate test
    of two clusters) refuse only pairs the full rules refuse, on every pair of a generated
    corpus; and the merge is the same without them."""
    from histograph.events.types import load_event_types
    from histograph.merge import cluster as cl
    from histograph.merge.events import merge_events
    from histograph.merge.evidence import _duplicates, _score
    from histograph.merge.mentions import _prepare

    corpus = bench.generate_corpus(3000, seed=5)
    mentions = _prepare(corpus.analyses, corpus.people, load_event_types())
    clusters = cl._cluster(list(mentions))
    refused = 0
    for x in mentions[::3]:
        for c in clusters:
            if c.group == x.group and cl._dates_apart(x, c):
                refused += 1
                assert _score(x, c, explain_ok=True) is None
    assert refused > 1000
    never = 0
    for i, a in enumerate(clusters[::2]):
        for b in clusters[i * 2 + 1 :: 5]:
            if cl._never_duplicates(a, b):
                never += 1
                assert not _duplicates(a, b)
    assert never > 1000
    with_tests = merge_events(corpus.analyses, corpus.people, corpus.copies, corpus.passages)
    mp = pytest.MonkeyPatch()
    mp.setattr(cl, "_dates_apart", lambda x, c: False)
    mp.setattr(cl, "_never_duplicates", lambda a, b: False)
    try:
        without = merge_events(corpus.analyses, corpus.people, corpus.copies, corpus.passages)
    finally:
        mp.undo()
    assert with_tests == without


def test_date_pretest_keeps_a_date_inside_and_a_calendars_gap() -> None:
    from histograph.merge.cluster import _dates_apart
    from histograph.merge.evidence import _Cluster
    from histograph.model import TimeValue, day_number

    def day(d: int) -> TimeValue:
        n = day_number(1740, 5, d)
        return TimeValue(f"1740-05-{d:02d}", n, n, "day")

    month = TimeValue("1740-05", day_number(1740, 5, 1), day_number(1740, 5, 31), "month")

    class _X:
        asserted = True

        def __init__(self, t: TimeValue) -> None:
            self.time = t

    def apart(x_time: TimeValue, core: TimeValue) -> bool:
        c = _Cluster(id=0, group="war", core=core)
        return _dates_apart(_X(x_time), c)  # type: ignore[arg-type]

    assert apart(day(3), day(20))  # two days weeks apart: never one act
    assert not apart(day(3), day(14))  # Julian and Gregorian days of one act
    assert not apart(day(3), month) and not apart(month, day(3))  # a day inside a month
