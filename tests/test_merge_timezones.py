"""One moment on two calendar days (zoned times), and two acts of one night kept apart.
Hand-written pages about an invented dam explosion."""

from __future__ import annotations

from test_merge_events import Doc, merge


def _uk() -> Doc:
    d = Doc("uk", "An explosion destroyed the Halden dam at 04:30 GMT on 4 March 1950.")
    d.event("An explosion destroyed the Halden dam at 04:30 GMT on 4 March 1950", "destroyed",
            "other", "1950-03-04", "4 March 1950", confidence=0.6)
    return d


def test_one_moment_in_two_zones_is_one_event_with_a_soft_timezone_conflict() -> None:
    us = Doc("us", "An explosion destroyed the Halden dam at 11:30 p.m. EST on March 3, 1950.")
    us.event("An explosion destroyed the Halden dam at 11:30 p.m. EST on March 3, 1950",
             "destroyed", "other", "1950-03-03", "March 3, 1950", confidence=0.6)
    tl = Doc("tl", "4 March 1950: an explosion destroyed the Halden dam.")
    tl.event("an explosion destroyed the Halden dam", "destroyed", "other", "1950-03-04",
             "4 March 1950", confidence=0.6)
    events, conflicts = merge([_uk(), us, tl])
    [e] = events
    assert e.support == 3
    [c] = [c for c in conflicts if c.attribute == "date"]
    assert (c.kind, c.severity) == ("timezone", "soft")


def test_two_acts_of_one_night_hours_apart_stay_apart() -> None:
    us = Doc("us", "An explosion destroyed the Halden dam at 9:10 p.m. EST on March 3, 1950.")
    us.event("An explosion destroyed the Halden dam at 9:10 p.m. EST on March 3, 1950",
             "destroyed", "other", "1950-03-03", "March 3, 1950", confidence=0.6)
    events, _ = merge([_uk(), us])
    assert len(events) == 2
