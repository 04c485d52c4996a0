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


def test_in_one_long_page_only_the_roles_inside_each_mention_count() -> None:
    # issue 10: roles are found inside a mention by bisection, not by a scan of the page;
    # a role flush with the mention's edges counts, one a character outside does not
    held = RoleClaim("a", 0, 45, "whitmore", "Prime Minister of Canada", "pm@CA", "CA", tv("1931"))
    roles = [held]
    mentions = []
    for i in range(50):  # fifty sentences of one page, the title used at each
        base = 100 * i
        roles.append(RoleClaim("b", base + 10, base + 24, "whitmore", "Prime Minister", "pm@CA", "CA"))
        mentions.append(EventMention("b", base + 10, base + 24, base + 10, base + 14, "treaty_signed",
                                     time=tv("1925")))
    # a mention ending one character before the next role: that role is outside it
    mentions.append(EventMention("b", 5000, 5109, 5000, 5004, "treaty_signed", time=tv("1925")))
    roles.append(RoleClaim("b", 5100, 5110, "whitmore", "Premier", "pm@CA", "CA"))
    person = Person("p-whitmore", "John Whitmore", ("John Whitmore",), roles=tuple(roles))
    events = [Event(f"e-{i}", "treaty_signed", "x", tv("1925"), (m,)) for i, m in enumerate(mentions)]
    out = anachronism_conflicts(events, [person])
    # one conflict per (title used, title held): the fifty uses are one conflict, and the
    # last use written in its record is the last sentence's
    [c] = out
    [used] = c.values[0].claims
    assert (used.start, used.end) == (4910, 4924)
