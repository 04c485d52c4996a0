"""Hours of one event that pages give differently (histograph.merge.timezones.hour_conflicts)."""

from __future__ import annotations

from histograph.merge.timezones import hour_conflicts
from histograph.model import Event, EventMention, TimeValue, day_number

_DAY = day_number(1940, 6, 14)


def _mention(doc: str, text: str, when: str, value: str) -> EventMention:
    s = text.index(when)
    tv = TimeValue(value, _DAY, _DAY, "time")
    return EventMention(doc, 0, len(text), 0, 3, "other", tv, s, s + len(when))


def _event(*ms: EventMention) -> Event:
    return Event("e-fall", "other", "fall", TimeValue("1940-06-14", _DAY, _DAY, "day"), ms)


A = "The garrison surrendered at 11 p.m. on 14 June 1940."
B = "At midnight on 14 June 1940 the garrison surrendered."
C = "The garrison surrendered on 14 June 1940 at 3 a.m. after a night of shelling."


def test_two_pages_giving_the_hour_an_hour_apart_is_a_soft_time_conflict() -> None:
    texts = {"a": A, "b": B}
    ev = _event(
        _mention("a", A, "11 p.m.", "1940-06-14T23"),
        _mention("b", B, "midnight", "1940-06-14T24:00"),
    )
    [c] = hour_conflicts([ev], texts)
    assert (c.attribute, c.severity) == ("time", "soft")
    assert [v.value for v in c.values] == ["11 p.m.", "midnight"]


def test_hours_far_apart_tell_phases_and_one_page_alone_tells_a_sequence() -> None:
    texts = {"a": A, "c": C}
    far = _event(
        _mention("a", A, "11 p.m.", "1940-06-14T23"),
        _mention("c", C, "3 a.m.", "1940-06-14T03"),
    )
    assert hour_conflicts([far], texts) == []
    both = A + " " + B
    one = _event(
        _mention("a", both, "11 p.m.", "1940-06-14T23"),
        _mention("a", both, "midnight", "1940-06-14T24:00"),
    )
    assert hour_conflicts([one], {"a": both}) == []
