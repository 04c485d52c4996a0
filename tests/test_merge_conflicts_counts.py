"""Counts of the parties to one gathering that differ across sources."""

from __future__ import annotations

from histograph.merge.conflicts import party_count_conflicts
from histograph.model import Event, EventMention, TimeValue, day_number

A = "The Bandung Conference opened in April 1955. Delegates of 29 countries took part."
B = "Some 340 delegates from 30 Asian nations attended. The Bandung Conference closed on 24 April."


def _tv() -> TimeValue:
    n = day_number(1955, 4, 18)
    return TimeValue("1955-04-18", n, n, "day")


def _conf(texts: dict[str, str]) -> Event:
    ms = tuple(
        EventMention(d, t.index("The Bandung"), t.index("The Bandung") + 22, 0, 4, "x", _tv())
        for d, t in sorted(texts.items())
    )
    return Event("e-bandung", "summit_or_conference", "Bandung Conference", _tv(), ms)


def test_two_counts_of_one_gathering_conflict_with_number_spans() -> None:
    texts = {"a": A, "b": B}
    [c] = party_count_conflicts([_conf(texts)], texts)
    assert c.subject == "e-bandung" and c.severity == "soft"
    assert [v.value for v in c.values] == ["29", "30"]
    spans = {texts[cl.doc_id][cl.start : cl.end] for v in c.values for cl in v.claims}
    assert spans == {"29 countries", "30 Asian nations"}


def test_same_count_or_one_source_is_no_conflict() -> None:
    same = {"a": A, "b": B.replace("30 Asian", "29 Asian")}
    assert party_count_conflicts([_conf(same)], same) == []
    one = {"a": A}
    assert party_count_conflicts([_conf(one)], one) == []


def test_count_without_a_gathering_is_ignored() -> None:
    texts = {"a": A, "b": B}
    ev = _conf(texts)
    other = Event(ev.id, "visit", ev.title, ev.date, ev.mentions)
    assert party_count_conflicts([other], texts) == []
