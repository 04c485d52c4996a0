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


def test_one_moment_on_two_clocks_across_midnight_is_a_soft_timezone_conflict() -> None:
    a = "The ship went down at 11:30 p.m. EST on 3 March 1942."
    b = "The ship sank at 04:30 GMT on 4 March 1942."
    d3, d4 = day_number(1942, 3, 3), day_number(1942, 3, 4)

    def m(doc: str, text: str, when: str, day: int, value: str) -> EventMention:
        s = text.index(when)
        return EventMention(doc, 0, len(text), 0, 3, "other", TimeValue(value, day, day, "time"),
                            s, s + len(when))

    ev = Event(
        "e-ship", "other", "ship", TimeValue("1942-03-04", d4, d4, "day"),
        (m("a", a, "11:30 p.m.", d3, "1942-03-03T23:30"), m("b", b, "04:30", d4, "1942-03-04T04:30")),
    )
    [c] = hour_conflicts([ev], {"a": a, "b": b})
    assert (c.attribute, c.kind, c.severity) == ("time", "timezone", "soft")
    assert sorted(v.value for v in c.values) == ["04:30 GMT", "11:30 p.m. EST"]
    # another moment (an hour and a quarter apart) is no reading of this one
    b2 = b.replace("04:30", "05:45")
    ev2 = Event(ev.id, ev.type, ev.title, ev.date,
                (ev.mentions[0], m("b", b2, "05:45", d4, "1942-03-04T05:45")))
    assert hour_conflicts([ev2], {"a": a, "b": b2}) == []
