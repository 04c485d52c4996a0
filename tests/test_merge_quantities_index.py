"""``merge.quantities._Candidates``: the event mentions holding a quantity, or triggered in
its sentence, found by bisection (issue 10: a scan per quantity was quadratic in one long
document), with the same answers as the scan."""

from __future__ import annotations

import random

from histograph.merge.quantities import _Candidates
from histograph.model import Event, EventMention


def _cands(rng: random.Random, n: int) -> list[tuple[EventMention, Event]]:
    out = []
    for i in range(n):
        s = rng.randrange(0, 3000)
        e = s + rng.randrange(0, 200)
        t = rng.randrange(s, e + 1)
        m = EventMention("d", s, e, t, t + 3, "other")
        out.append((m, Event(f"e-{i}", "other", "x", None, (m,))))
    return out


def test_holding_and_triggered_in_agree_with_a_scan() -> None:
    rng = random.Random(5)
    cands = _cands(rng, 300)
    idx = _Candidates(cands)
    for _ in range(1000):
        a = rng.randrange(0, 3300)
        b = a + rng.randrange(0, 30)
        scan = {id(m) for m, _ in cands if m.start <= a and b <= m.end}
        assert {id(m) for m, _ in idx.holding(a, b)} == scan
        s0, s1 = a, a + rng.randrange(0, 300)
        scan = {id(m) for m, _ in cands if s0 <= m.trigger_start < s1}
        assert {id(m) for m, _ in idx.triggered_in(s0, s1)} == scan


def test_a_mention_flush_with_the_quantity_holds_it() -> None:
    m = EventMention("d", 10, 20, 12, 15, "other")
    idx = _Candidates([(m, Event("e", "other", "x", None, (m,)))])
    assert len(idx.holding(10, 20)) == 1
    assert idx.holding(9, 20) == [] and idx.holding(10, 21) == []
    assert len(idx.triggered_in(12, 13)) == 1 and idx.triggered_in(13, 20) == []
    assert _Candidates([]).holding(0, 5) == []
