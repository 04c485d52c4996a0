"""A title used before its holder took the office (merge/anachronism.py)."""

from __future__ import annotations

from events_helpers import tv
from histograph.merge.anachronism import anachronism_conflicts
from histograph.model import Event, EventMention, Person, RoleClaim

A = "John Whitmore became Prime Minister of Canada in 1931."
B = "In 1925, Prime Minister John Whitmore signed the Harbour Treaty."


def _case(year: str) -> tuple[list[Event], list[Person]]:
    held = RoleClaim("a", 0, 45, "whitmore", "Prime Minister of Canada", "pm@CA", "CA", tv("1931"))
    used = RoleClaim("b", 9, 37, "whitmore", "Prime Minister", "pm@CA", "CA")
    person = Person("p-whitmore", "John Whitmore", ("John Whitmore",), roles=(held, used))
    m = EventMention("b", 0, len(B) - 1, B.index("signed"), B.index("signed") + 6,
                     "treaty_signed", time=tv(year))
    return [Event("e-harbour", "treaty_signed", "Harbour Treaty", tv(year), (m,))], [person]


def test_a_title_before_the_office_began_is_a_soft_anachronism() -> None:
    [c] = anachronism_conflicts(*_case("1925"))
    assert (c.subject, c.attribute, c.kind, c.severity) == ("p-whitmore", "title", "anachronism", "soft")
    assert [v.value for v in c.values] == [
        "Prime Minister in 1925", "Prime Minister of Canada from 1931"
    ]
    [used] = c.values[0].claims
    assert B[used.start : used.end] == "Prime Minister John Whitmore"


def test_a_title_in_or_after_the_office_is_no_anachronism() -> None:
    assert anachronism_conflicts(*_case("1931")) == []
    assert anachronism_conflicts(*_case("1950")) == []
