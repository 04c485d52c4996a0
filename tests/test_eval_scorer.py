"""The evaluation scorer (FORMAT.md §4) on small hand-made gold/system cases."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import shared_path
from histograph.eval import base, date_range, micro, norm, score_cluster, to_gold_date
from histograph.eval.dates import within
from histograph.eval.scorer import gold_skip_reason, role_tokens, roles_match
from histograph.model import TimeValue, day_number

F1 = "c/01.txt"
F2 = "c/02.txt"
TEXTS = {
    F1: (
        "In 1933 the two states established relations. The envoy arrived in March. "
        "Relations were good; relations stayed calm. Published November 16, 2011 by Staff."
    ),
    F2: "The treaty was signed in 1939. Relations were good. Share this story.",
}


def span(file: str, quote: str, nth: int = 0) -> dict[str, Any]:
    """A system mention with the offsets of the nth occurrence of quote."""
    text = TEXTS[file]
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return {"file": file, "start": start, "end": start + len(quote)}


def gev(
    gid: str,
    quote: str,
    *,
    type: str = "other",
    date: str | None = None,
    file: str = F1,
    salience: str = "main",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": gid,
        "type": type,
        "date": date,
        "mentions": [{"file": file, "quote": quote}],
        "salience": salience,
        **extra,
    }


def sev(
    sid: str, *mentions: dict[str, Any], type: str = "other", date: str | None = None
) -> dict[str, Any]:
    return {"id": sid, "type": type, "date": date, "mentions": list(mentions)}


def gold(**parts: Any) -> dict[str, Any]:
    g: dict[str, Any] = {
        "cluster": "c",
        "files": [F1, F2],
        "events": [],
        "people": [],
        "conflicts": [],
        "non_events": [],
    }
    g.update(parts)
    return g


def score(g: dict[str, Any], s: dict[str, Any]) -> dict[str, Any]:
    return score_cluster(g, s, TEXTS)


def matched(result: dict[str, Any]) -> dict[str, Any]:
    """gold id -> system id of the matched pairs."""
    return {d["gold"]: d["system"] for d in result["details"]["events"] if d["system"] is not None}


# --------------------------------------------------------------------- norm / base


def test_norm() -> None:
    assert norm("U.S. President") == "us president"
    assert norm("  O’Brien's  Jean-Paul\tSartre ") == "obriens jean paul sartre"
    assert norm("Commissar (for) Foreign_Affairs!") == "commissar for foreign affairs"
    assert norm("") == ""


@given(st.text())
def test_norm_is_idempotent(s: str) -> None:
    assert norm(norm(s)) == norm(s)


def test_base() -> None:
    assert base("1933-11-17 (page title)") == "1933-11-17"
    assert base("15 years 11 months (December 1917 to 16 November 1933)") == "15 years 11 months"
    assert base("a (b (c))") == "a"
    assert base("a (b) c") == "a (b) c"  # not trailing
    assert base("x(y)") == "x(y)"  # no space before the parenthesis
    assert base("a (b) (c)") == "a (b)"  # only one is removed
    assert base("plain") == "plain"


# --------------------------------------------------------------------- dates


def days(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int]:
    return day_number(*a), day_number(*b)


def test_date_ranges() -> None:
    assert date_range("1933") == days((1933, 1, 1), (1933, 12, 31))
    assert date_range("1933-11") == days((1933, 11, 1), (1933, 11, 30))
    assert date_range("1933-02") == days((1933, 2, 1), (1933, 2, 28))
    assert date_range("1932-02") == days((1932, 2, 1), (1932, 2, 29))
    assert date_range("1933-11-16") == days((1933, 11, 16), (1933, 11, 16))
    assert date_range("192X") == days((1920, 1, 1), (1929, 12, 31))
    assert date_range("19XX") == days((1900, 1, 1), (1999, 12, 31))
    assert date_range("1917/1933") == days((1917, 1, 1), (1933, 12, 31))
    assert date_range("192X/1933-11") == days((1920, 1, 1), (1933, 11, 30))
    assert date_range("1933-11-16/1933-11-17") == days((1933, 11, 16), (1933, 11, 17))


@pytest.mark.parametrize(
    "bad",
    [
        None,
        1933,
        "",
        " 1933",
        "1933 ",
        "193x",
        "19xx",
        "1933-13",
        "1933-00",
        "1933-02-29",
        "1900-02-29",
        "1933-11-31",
        "1933-11-16T10:00",
        "Nov 1933",
        "1933/1932",
        "1933/192X",
        "1933/1934/1935",
        "33",
        "1933-1",
        "c. 1933",
        "-004X",  # v1.1: BC years take no decade form
        "BC0044",
    ],
)
def test_bad_dates_do_not_parse(bad: object) -> None:
    assert date_range(bad) is None


@given(st.dates())
def test_finer_dates_fit_coarser(d: Any) -> None:
    day = d.isoformat()
    forms = [day, day[:7], day[:4], day[:3] + "X", day[:2] + "XX"]
    ranges = [date_range(f) for f in forms]
    assert all(r is not None for r in ranges)
    for finer, coarser in itertools.pairwise(ranges):
        assert finer is not None and coarser is not None
        assert within(finer, coarser)
        assert not within(coarser, finer)


def test_to_gold_date() -> None:
    def tv(value: str, a: tuple[int, int, int], b: tuple[int, int, int]) -> TimeValue:
        return TimeValue(value, day_number(*a), day_number(*b), "day")

    assert to_gold_date(None) is None
    assert to_gold_date(tv("1933-11-16", (1933, 11, 16), (1933, 11, 16))) == "1933-11-16"
    assert to_gold_date(tv("193X", (1930, 1, 1), (1939, 12, 31))) == "193X"
    assert to_gold_date(tv("1933-11-16T23:50", (1933, 11, 16), (1933, 11, 16))) == "1933-11-16"
    assert to_gold_date(tv("1933-SU", (1933, 6, 1), (1933, 8, 31))) == "1933-06-01/1933-08-31"
    assert to_gold_date(tv("1933-W46", (1933, 11, 13), (1933, 11, 19))) == "1933-11-13/1933-11-19"
    assert to_gold_date(tv("THIS-YEAR", (1933, 1, 1), (1933, 12, 31))) == "1933"
    # v1.1: BC years are astronomical expanded years
    assert to_gold_date(tv("BC0044", (-43, 1, 1), (-43, 12, 31))) == "-0043"


# --------------------------------------------------------------------- 4.1 events


def test_type_and_type_alternatives() -> None:
    g = gold(
        events=[
            gev(
                "g1",
                "established relations",
                type="recognition",
                type_alternatives=["establish_relations"],
            )
        ]
    )
    q = span(F1, "established relations")
    assert score(g, {"events": [sev("s", q, type="recognition")]})["events"]["tp"] == 1
    assert score(g, {"events": [sev("s", q, type="establish_relations")]})["events"]["tp"] == 1
    assert score(g, {"events": [sev("s", q, type="visit")]})["events"]["tp"] == 0


@pytest.mark.parametrize(
    ("gold_date", "system_date", "ok"),
    [
        ("1933-11", "1933-11-16", True),  # finer fits coarser
        ("1933-11", "1933-11", True),
        ("1933-11", "1933", False),  # coarser does not fit finer
        ("1933-11", "1933-12-01", False),
        ("1933-11", None, False),
        ("1933-11", "November 1933", False),  # unparseable = null
        (None, None, True),  # null gold takes any system date
        (None, "1066", True),
        (None, "garbage", True),
        ("192X", "1925-03", True),  # decade
        ("192X", "1930", False),
        ("19XX", "1933", True),  # century
        ("19XX", "2001", False),
        ("1917/1933", "192X", True),  # interval
        ("1917/1933", "1916/1920", False),
        ("1917/1933", "1934", False),
        ("1933-11-16/1933-11-17", "1933-11-17", True),
    ],
)
def test_date_containment(gold_date: str | None, system_date: str | None, ok: bool) -> None:
    g = gold(events=[gev("g1", "established relations", date=gold_date)])
    s = {"events": [sev("s", span(F1, "established relations"), date=system_date)]}
    assert score(g, s)["events"]["tp"] == int(ok)


def test_acceptable_dates_string_match_and_intervals() -> None:
    g = gold(
        events=[
            gev(
                "g1",
                "established relations",
                date="1933-11-16",
                acceptable_dates=["1933-11-17", "1933", "1933-11-10/1933-11-20"],
            )
        ]
    )
    q = span(F1, "established relations")

    def run(d: str) -> dict[str, Any]:
        return score(g, {"events": [sev("s", q, date=d)]})

    r = run("1933-11-16")
    assert r["events"]["tp"] == 1 and r["dates"] == {
        "n": 1,
        "exact": 1,
        "within": 1,
        "exact_rate": 1.0,
        "within_rate": 1.0,
    }
    # (b) string match: matched, but never exact (and not within)
    r = run("1933-11-17")
    assert r["events"]["tp"] == 1
    assert (r["dates"]["n"], r["dates"]["exact"], r["dates"]["within"]) == (1, 0, 0)
    r = run("1933")
    assert r["events"]["tp"] == 1 and r["dates"]["exact"] == 0
    # a non-interval entry only matches as a string: 1933-06 is inside 1933 but no match
    assert run("1933-06")["events"]["tp"] == 0
    # (c) containment in an interval entry
    r = run("1933-11-12")
    assert r["events"]["tp"] == 1 and r["dates"]["exact"] == 0 and r["dates"]["within"] == 0
    assert run("1933-11")["events"]["tp"] == 0  # the month is wider than the interval
    assert run("1933-11-21")["events"]["tp"] == 0


def test_acceptable_match_with_gold_month_is_within_not_exact() -> None:
    g = gold(events=[gev("g1", "established relations", date="1933-11", acceptable_dates=["1933"])])
    r = score(g, {"events": [sev("s", span(F1, "established relations"), date="1933-11-16")]})
    assert (r["dates"]["n"], r["dates"]["exact"], r["dates"]["within"]) == (1, 0, 1)
    r = score(g, {"events": [sev("s", span(F1, "established relations"), date="1933")]})
    assert r["events"]["tp"] == 1
    assert (r["dates"]["n"], r["dates"]["exact"], r["dates"]["within"]) == (1, 0, 0)


def test_date_accuracy_ignores_null_gold_dates() -> None:
    g = gold(events=[gev("g1", "established relations")])
    r = score(g, {"events": [sev("s", span(F1, "established relations"), date="1933")]})
    assert r["events"]["tp"] == 1 and r["dates"]["n"] == 0 and r["dates"]["exact_rate"] == 0.0


def test_evidence_needs_one_overlapping_character_in_the_same_file() -> None:
    g = gold(events=[gev("g1", "established relations")])
    text = TEXTS[F1]
    start = text.index("established relations")
    end = start + len("established relations")

    def tp(*mentions: dict[str, Any]) -> int:
        return int(score(g, {"events": [sev("s", *mentions)]})["events"]["tp"])

    assert tp({"file": F1, "start": end - 1, "end": end + 5}) == 1  # one character
    assert tp({"file": F1, "start": end, "end": end + 5}) == 0  # adjacent, half-open
    assert tp({"file": F1, "start": 0, "end": start}) == 0
    assert tp({"file": F2, "start": start, "end": end}) == 0  # other file
    assert tp({"file": "other/01.txt", "start": start, "end": end}) == 0  # outside the cluster
    assert tp({"file": F1, "quote": "two states established"}) == 1  # system quote
    assert tp({"file": F1, "start": "3", "end": end}) == 0  # malformed offsets are ignored
    assert tp() == 0


def test_quotes_resolve_to_all_occurrences() -> None:
    # "Relations were good" occurs in both files; the system span is in F2
    g = gold(events=[gev("g1", "Relations were good", file=F1)])
    g["events"][0]["mentions"].append({"file": F2, "quote": "Relations were good"})
    assert score(g, {"events": [sev("s", span(F2, "Relations were good"))]})["events"]["tp"] == 1
    # "relations" occurs twice in F1 (case-sensitive): the second occurrence counts too
    g = gold(events=[gev("g1", "relations", file=F1)])
    second = span(F1, "relations", nth=1)
    assert TEXTS[F1].count("relations") == 2
    assert score(g, {"events": [sev("s", second)]})["events"]["tp"] == 1
    # a system quote also resolves to all occurrences (here: the second one overlaps)
    g = gold(events=[gev("g1", "relations were", file=F1)])
    g["events"][0]["mentions"] = [{"file": F1, "quote": "Relations were"}]
    assert score(g, {"events": [sev("s", {"file": F1, "quote": "Relations"})]})["events"]["tp"] == 1


def test_greedy_by_overlap_then_salience_then_gold_then_system_order() -> None:
    # s overlaps g_small by 5 chars and g_big by 21: the larger overlap wins
    g = gold(
        events=[
            gev("g_small", "established", salience="main"),
            gev("g_big", "established relations", salience="minor"),
        ]
    )
    r = score(g, {"events": [sev("s", span(F1, "established relations"))]})
    assert matched(r) == {"g_big": "s"}
    # equal overlap: main beats secondary beats minor, whatever the gold order
    g = gold(
        events=[
            gev("g_minor", "established", salience="minor"),
            gev("g_sec", "established", salience="secondary"),
            gev("g_main", "established", salience="main"),
        ]
    )
    r = score(g, {"events": [sev("s", span(F1, "established"))]})
    assert matched(r) == {"g_main": "s"}
    r = score(
        g, {"events": [sev("s1", span(F1, "established")), sev("s2", span(F1, "established"))]}
    )
    assert matched(r) == {"g_main": "s1", "g_sec": "s2"}
    # equal overlap and salience: gold order, then system order
    g = gold(events=[gev("a", "established"), gev("b", "established")])
    r = score(
        g, {"events": [sev("s1", span(F1, "established")), sev("s2", span(F1, "established"))]}
    )
    assert matched(r) == {"a": "s1", "b": "s2"}


def test_assignment_is_one_to_one_and_greedy_not_optimal() -> None:
    # s1 overlaps g1 by 21 and g2 by 11; s2 overlaps only g1 (by 3).
    g = gold(events=[gev("g1", "established relations"), gev("g2", "established")])
    s = {
        "events": [
            sev("s1", span(F1, "established relations")),
            sev(
                "s2",
                {
                    "file": F1,
                    "start": TEXTS[F1].index("relations") + 2,
                    "end": TEXTS[F1].index("relations") + 5,
                },
            ),
        ]
    }
    r = score(g, s)
    # greedy takes (s1, g1) first; then s2 can only go to g1 (taken): one pair, not two
    assert matched(r) == {"g1": "s1"}
    assert r["events"] == {"tp": 1, "fp": 1, "fn": 1, "p": 0.5, "r": 0.5, "f1": 0.5}
    # one system event never matches two gold events
    r = score(g, {"events": [sev("s1", span(F1, "established relations"))]})
    assert r["events"]["tp"] == 1 and r["events"]["fn"] == 1


def test_prf_and_main_event_precision() -> None:
    g = gold(
        events=[
            gev("m", "established relations", salience="main"),
            gev("sec", "envoy arrived", salience="secondary"),
            gev("m2", "treaty was signed", file=F2, salience="main"),
        ]
    )
    s = {
        "events": [
            sev("s1", span(F1, "established relations")),
            sev("s2", span(F1, "envoy arrived")),
            sev("s3", span(F1, "Relations were good")),
            sev("s4", span(F2, "Share this")),
        ]
    }
    r = score(g, s)
    assert r["events"] == {"tp": 2, "fp": 2, "fn": 1, "p": 0.5, "r": 0.6667, "f1": 0.5714}
    # P_main = TP_main / (|S| - system events matched to non-main gold) = 1 / (4 - 1)
    assert r["events_main"] == {"tp": 1, "fp": 2, "fn": 1, "p": 0.3333, "r": 0.5, "f1": 0.4}


def test_empty_system_and_empty_gold() -> None:
    r = score(gold(events=[gev("g", "envoy arrived")]), {})
    assert r["events"] == {"tp": 0, "fp": 0, "fn": 1, "p": 0.0, "r": 0.0, "f1": 0.0}
    r = score(gold(), {"events": [sev("s", span(F1, "envoy"))]})
    assert r["events"] == {"tp": 0, "fp": 1, "fn": 0, "p": 0.0, "r": 0.0, "f1": 0.0}
    assert r["events_main"]["fp"] == 1


# --------------------------------------------------------------------- 4.3 people


def person(
    name: str, aliases: list[str] | None = None, roles: list[str] | None = None
) -> dict[str, Any]:
    return {"name": name, "aliases": aliases or [], "roles": [{"title": t} for t in roles or []]}


def test_people_keys_use_norm() -> None:
    g = gold(people=[person("Franklin D. Roosevelt", ["President Roosevelt"])])
    r = score(g, {"people": [person("president  ROOSEVELT.")]})
    assert (r["people"]["tp"], r["people"]["p"], r["people"]["r"]) == (1, 1.0, 1.0)
    r = score(g, {"people": [person("Eleanor Roosevelt")]})
    assert r["people"]["tp"] == 0


def test_people_greedy_largest_intersection_in_gold_order() -> None:
    g = gold(
        people=[
            person("Maxim Litvinov", ["Litvinov", "Commissar Litvinov"]),
            person("Pavel Litvinov", ["Litvinov"]),
        ]
    )
    s = {"people": [person("Litvinov"), person("Maxim Litvinov", ["Commissar Litvinov"])]}
    r = score(g, s)
    # gold 1 takes the system person with the larger intersection (2 keys), gold 2 the other
    assert [(d["gold"], d["system"]) for d in r["details"]["people"]] == [
        ("Maxim Litvinov", "Maxim Litvinov"),
        ("Pavel Litvinov", "Litvinov"),
    ]
    # ties go to the first in output order; a taken system person is not reused
    s = {"people": [person("Litvinov", ["X"]), person("Litvinov", ["Y"])]}
    r = score(gold(people=[person("Maxim Litvinov", ["Litvinov"])]), s)
    assert r["details"]["people"][0]["system"] == "Litvinov"
    assert r["people"] == {
        "tp": 1,
        "fp": 1,
        "fn": 0,
        "p": 0.5,
        "r": 1.0,
        "f1": 0.6667,
        "role_recall": 0.0,
        "roles_matched": 0,
        "roles_gold": 0,
    }
    # greedy in gold order: gold 1 takes the only candidate even if gold 2 fits it better
    g = gold(people=[person("Litvinov"), person("Maxim Litvinov", ["Litvinov"])])
    r = score(g, {"people": [person("Maxim Litvinov", ["Litvinov"])]})
    assert [d["system"] for d in r["details"]["people"]] == ["Maxim Litvinov", None]


def test_role_tokens() -> None:
    assert role_tokens("President of the United States") == {"president", "us"}
    assert role_tokens("U.S. President") == {"us", "president"}
    assert role_tokens("President of the USA") == {"president", "us"}
    assert role_tokens("U. S. Ambassador to the Soviet Union") == {"us", "ambassador", "ussr"}
    assert role_tokens("USSR ambassador") == {"ussr", "ambassador"}
    assert role_tokens("Secretary of State") == {"secretary", "state"}
    assert role_tokens("Ambassador to Russia and in Moscow") == {"ambassador", "russia", "moscow"}
    # replacements are whole words only
    assert role_tokens("Musa's usage") == {"musas", "usage"}


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("President of the United States", "U.S. President", True),  # equal sets
        ("Soviet Foreign Minister", "Foreign Minister", True),  # Jaccard 2/3
        ("Soviet Commissar for Foreign Affairs", "Soviet Commissar of Foreign Affairs", True),
        ("Soviet Foreign Minister", "Soviet Commissar of Foreign Affairs", False),  # 2/5
        # containment with >= 2 tokens in the smaller set (Jaccard 2/5 alone would fail)
        ("First US Ambassador to the Soviet Union in Moscow", "US Ambassador", True),
        # containment with a 1-token smaller set and Jaccard 1/3: no
        ("US Ambassador to the USSR", "Ambassador", False),
        ("Ambassador", "Ambassador", True),
        ("of the", "the of", False),  # empty token sets never match
    ],
)
def test_roles_match(a: str, b: str, ok: bool) -> None:
    assert roles_match(role_tokens(a), role_tokens(b)) is ok


def test_role_recall_one_to_one_and_unmatched_people() -> None:
    g = gold(
        people=[
            person("Maxim Litvinov", roles=["Soviet Foreign Minister", "Foreign Minister"]),
            person("Cordell Hull", roles=["Secretary of State"]),
        ]
    )
    # one system role could match both gold roles but matches at most one
    r = score(g, {"people": [person("Maxim Litvinov", roles=["Foreign Minister"])]})
    assert (r["people"]["roles_matched"], r["people"]["roles_gold"]) == (1, 3)
    assert r["people"]["role_recall"] == 0.3333  # Hull's role is missed with Hull
    r = score(
        g,
        {
            "people": [
                person("Maxim Litvinov", roles=["Foreign Minister", "Foreign Minister"]),
                person("Hull", ["Cordell Hull"], roles=["State Secretary"]),
            ]
        },
    )
    assert r["people"]["role_recall"] == 1.0
    # a maximum matching: the second system role only fits the first gold role
    g = gold(people=[person("A", roles=["Soviet Foreign Minister", "Foreign Minister"])])
    r = score(g, {"people": [person("A", roles=["Foreign Minister", "Soviet Foreign Minister"])]})
    assert r["people"]["roles_matched"] == 2


# --------------------------------------------------------------------- 4.4 conflicts


def date_conflict(severity: str = "hard") -> dict[str, Any]:
    return {
        "fact": "date of the establishment",
        "severity": severity,
        "values": [
            {"value": "1933 (year only)", "file": F1, "quote": "In 1933 the two states"},
            {"value": "1939", "file": F2, "quote": "The treaty was signed in 1939"},
            {"value": "1939", "file": F2, "quote": "Share this story"},
        ],
    }


def conflict_gold(*conflicts: dict[str, Any]) -> dict[str, Any]:
    return gold(
        events=[gev("g1", "established relations")],
        people=[person("Maxim Litvinov")],
        conflicts=list(conflicts),
    )


SYS_EVENT = sev("e1", span(F1, "established relations"))


def sys_conflict(*values: dict[str, Any], subject: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "events": [SYS_EVENT],
        "people": [person("Litvinov", ["Maxim Litvinov"])],
        "conflicts": [
            {**(subject or {"event": "e1"}), "attribute": "date", "values": list(values)}
        ],
    }


def val(value: str, file: str | None = None, quote: str | None = None) -> dict[str, Any]:
    v: dict[str, Any] = {"value": value}
    if file and quote:
        v.update(span(file, quote))
    return v


def test_conflict_found_by_spans() -> None:
    g = conflict_gold(date_conflict())
    s = sys_conflict(val("1933", F1, "1933 the two"), val("1939", F2, "signed in 1939"))
    r = score(g, s)["conflicts"]
    assert (r["gold"], r["found"], r["found_hard"], r["found_soft"]) == (1, 1, 1, 0)
    assert (r["recall"], r["recall_hard"], r["system"], r["precision"]) == (1.0, 1.0, 1, 1.0)


def test_conflict_span_coverage_does_not_look_at_the_value() -> None:
    # spans cover the two readings; system values are distinct but unrelated strings
    s = sys_conflict(val("A", F1, "In 1933"), val("B", F2, "1939"))
    assert score(conflict_gold(date_conflict()), s)["conflicts"]["found"] == 1
    # a value with a span that misses the quote is not covered, even with the right value
    s = sys_conflict(val("1933", F1, "envoy"), val("1939", F2, "1939"))
    assert score(conflict_gold(date_conflict()), s)["conflicts"]["found"] == 0


def test_conflict_found_by_values_without_spans() -> None:
    s = sys_conflict(val("1933."), val(" 1939 "))  # norm(w) == norm(base(v))
    assert score(conflict_gold(date_conflict()), s)["conflicts"]["found"] == 1
    s = sys_conflict(val("1933 (year only)"), val("1939"))  # system values are not base()d
    assert score(conflict_gold(date_conflict()), s)["conflicts"]["found"] == 0


def test_conflict_needs_two_distinct_gold_bases_and_two_distinct_system_values() -> None:
    g = conflict_gold(date_conflict())
    # both system values cover gold entries with the same base "1939"
    s = sys_conflict(val("x", F2, "signed in 1939"), val("y", F2, "Share this"))
    assert score(g, s)["conflicts"]["found"] == 0
    # two distinct bases covered, but by system values with the same norm(value)
    s = sys_conflict(val("Same", F1, "In 1933"), val("same.", F2, "1939"))
    assert score(g, s)["conflicts"]["found"] == 0
    # a single system value covering both bases is not enough either
    one_file = {
        "fact": "when",
        "severity": "soft",
        "values": [
            {"value": "1933", "file": F1, "quote": "In 1933"},
            {"value": "March", "file": F1, "quote": "arrived in March"},
        ],
    }
    whole = {"value": "x", "file": F1, "start": 0, "end": len(TEXTS[F1])}
    assert score(conflict_gold(one_file), sys_conflict(whole))["conflicts"]["found"] == 0
    s = sys_conflict(whole, val("y", F1, "March"))
    assert score(conflict_gold(one_file), s)["conflicts"]["found"] == 1


def test_conflict_subject_must_be_matched() -> None:
    g = conflict_gold(date_conflict("soft"))
    vals = (val("1933", F1, "In 1933"), val("1939", F2, "1939"))
    assert score(g, sys_conflict(*vals, subject={"event": "nope"}))["conflicts"]["found"] == 0
    r = score(g, sys_conflict(*vals, subject={"person": "Litvinov"}))["conflicts"]
    assert (r["found"], r["found_hard"], r["found_soft"]) == (1, 0, 1)
    assert score(g, sys_conflict(*vals, subject={"person": "Stalin"}))["conflicts"]["found"] == 0
    # an event conflict whose event matched no gold event
    s = sys_conflict(*vals)
    s["events"] = [sev("e1", span(F1, "envoy"))]
    assert score(g, s)["conflicts"]["found"] == 0


def test_conflict_precision_and_counts() -> None:
    g = conflict_gold(date_conflict("hard"), date_conflict("soft"))
    s = sys_conflict(val("1933", F1, "In 1933"), val("1939", F2, "1939"))
    s["conflicts"].append({"event": "e1", "attribute": "place", "values": [val("x"), val("y")]})
    r = score(g, s)["conflicts"]
    assert (r["gold"], r["found"], r["found_hard"], r["found_soft"]) == (2, 2, 1, 1)
    assert (r["system"], r["system_finding"], r["precision"]) == (2, 1, 0.5)


# --------------------------------------------------------------------- 4.5 traps


def test_traps_only_for_unmatched_system_events() -> None:
    g = gold(
        events=[gev("g1", "Relations were good;")],
        non_events=[
            {"file": F1, "quote": "Published November 16, 2011", "why": "date"},
            {"file": F1, "quote": "by Staff", "why": "byline"},
            {"file": F2, "quote": "Share this story", "why": "UI"},
        ],
    )
    s = {
        "events": [
            sev("trap", span(F1, "November 16, 2011")),
            sev(
                "ok",
                {
                    "file": F1,
                    "start": TEXTS[F1].index("Relations were"),
                    "end": TEXTS[F1].index("Published") + 3,
                },
            ),  # matched: not a trap hit
            sev("trap2", span(F2, "Share")),
            sev("trap3", span(F2, "this story")),
        ]
    }
    r = score(g, s)
    assert matched(r) == {"g1": "ok"}
    assert r["traps"] == {
        "hits": 3,
        "non_events_hit": [
            {"file": F1, "quote": "Published November 16, 2011"},
            {"file": F2, "quote": "Share this story"},
        ],
    }
    assert r["events"]["fp"] == 3  # trap hits are already false positives, once


# --------------------------------------------------------------------- skipping, micro


@pytest.mark.parametrize(
    "broken",
    [
        {"cluster": "c", "events": []},  # no files
        {"cluster": "c", "files": [F1], "events": [{"id": "e", "type": "other", "date": None}]},
        {"cluster": "c", "files": [F1], "events": [{"id": "e", "type": "other", "mentions": []}]},
        {"cluster": "c", "files": [F1], "events": [], "links": [{"a": "x", "b": "y"}]},
        "not a dict",
    ],
)
def test_malformed_gold_is_skipped(broken: Any) -> None:
    assert gold_skip_reason(broken) is not None
    r = score_cluster(broken, {"events": [sev("s", span(F1, "envoy"))]}, TEXTS)
    assert "skipped" in r and "events" not in r
    good = score(gold(events=[gev("g", "envoy")]), {"events": [sev("s", span(F1, "envoy"))]})
    m = micro([r, good])
    assert m["clusters"] == 1 and m["events"]["tp"] == 1


def test_unresolvable_gold_quotes_warn_and_count() -> None:
    g = gold(events=[gev("g", "not in the text"), gev("h", "envoy", date="March 1933")])
    r = score(g, {"events": [sev("s", span(F1, "envoy"), date="1066")]})
    assert r["events"]["fn"] == 1 and r["events"]["tp"] == 1  # bad gold date = null
    assert len(r["details"]["warnings"]) == 2


def test_micro_sums_counts_then_divides() -> None:
    g = gold(
        events=[gev("g", "envoy", date="1933-03")],
        people=[person("A", roles=["King"])],
        conflicts=[date_conflict()],
    )
    a = score(
        g,
        {
            "events": [sev("s", span(F1, "envoy"), date="1933-03")],
            "people": [person("A", roles=["King"])],
        },
    )
    b = score(
        g,
        {"events": [sev("s", span(F1, "envoy"), date="1933-03-02"), sev("t", span(F2, "treaty"))]},
    )
    m = micro([a, b])
    assert m["clusters"] == 2
    assert m["events"] == {"tp": 2, "fp": 1, "fn": 0, "p": 0.6667, "r": 1.0, "f1": 0.8}
    assert (m["dates"]["n"], m["dates"]["exact"], m["dates"]["within"]) == (2, 1, 2)
    assert m["dates"]["exact_rate"] == 0.5
    assert (m["people"]["tp"], m["people"]["fn"], m["people"]["role_recall"]) == (1, 1, 0.5)
    assert (m["conflicts"]["gold"], m["conflicts"]["found"]) == (2, 0)
    assert micro([])["events"] == {"tp": 0, "fp": 0, "fn": 0, "p": 0.0, "r": 0.0, "f1": 0.0}


def test_result_is_deterministic_json() -> None:
    g = conflict_gold(date_conflict())
    s = sys_conflict(val("1933", F1, "In 1933"), val("1939", F2, "1939"))
    one = json.dumps(score(g, s), sort_keys=False)
    assert one == json.dumps(score(g, s), sort_keys=False)
    for key in ("events", "events_main", "dates", "people", "conflicts", "traps"):
        assert key in json.loads(one)
    assert set(json.loads(one)["events"]) >= {"tp", "fp", "fn", "p", "r", "f1"}
    assert set(json.loads(one)["people"]) >= {"tp", "fp", "fn", "p", "r", "f1", "role_recall"}
    assert set(json.loads(one)["traps"]) >= {"hits", "non_events_hit"}


# --------------------------------------------------------------------- the real gold


def perfect_system(g: dict[str, Any], texts: dict[str, str], *, quotes: bool) -> dict[str, Any]:
    """A system output copied from the gold itself: it must score perfectly."""

    def mention(file: str, quote: str) -> dict[str, Any]:
        if quotes:
            return {"file": file, "quote": quote}
        start = texts[file].index(quote)
        return {"file": file, "start": start, "end": start + len(quote)}

    return {
        "events": [
            {
                "id": e["id"],
                "type": e["type"],
                "date": e["date"],
                "mentions": [mention(m["file"], m["quote"]) for m in e["mentions"]],
            }
            for e in g["events"]
        ],
        "people": [
            {
                "name": p["name"],
                "aliases": p["aliases"],
                "roles": [{"title": r["title"]} for r in p["roles"]],
            }
            for p in g["people"]
        ],
        "conflicts": [
            {
                "event": g["events"][0]["id"],
                "attribute": "fact",
                "values": [
                    {"value": base(v["value"]), **mention(v["file"], v["quote"])}
                    for v in c["values"]
                ],
            }
            for c in g["conflicts"]
        ],
    }


@pytest.mark.parametrize("quotes", [True, False])
def test_real_gold_against_a_perfect_system(quotes: bool) -> None:
    gold_dir = shared_path("eval", "gold")
    docs = shared_path("eval", "docs")
    for path in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        texts = {}
        for f in g["files"]:
            with open(docs / f, encoding="utf-8", newline="") as fh:
                texts[f] = fh.read()
        r = score_cluster(g, perfect_system(g, texts, quotes=quotes), texts)
        assert r["details"]["warnings"] == []
        n_events, n_people = len(g["events"]), len(g["people"])
        n_main = sum(1 for e in g["events"] if e["salience"] == "main")
        assert r["events"] == {"tp": n_events, "fp": 0, "fn": 0, "p": 1.0, "r": 1.0, "f1": 1.0}
        assert r["events_main"] == {"tp": n_main, "fp": 0, "fn": 0, "p": 1.0, "r": 1.0, "f1": 1.0}
        n_dated = sum(1 for e in g["events"] if e["date"] is not None)
        assert (r["dates"]["n"], r["dates"]["exact"], r["dates"]["within"]) == (n_dated,) * 3
        assert r["people"]["tp"] == n_people and r["people"]["f1"] == 1.0
        assert r["people"]["role_recall"] == 1.0
        c = r["conflicts"]
        assert c["found"] == c["gold"] == len(g["conflicts"]) and c["precision"] == 1.0
        assert c["found_hard"] + c["found_soft"] == c["found"]
        assert r["traps"] == {"hits": 0, "non_events_hit": []}
        # an empty system scores zero everywhere and hits no trap
        empty = score_cluster(g, {}, texts)
        assert empty["events"]["tp"] == 0 and empty["events"]["fn"] == n_events
        assert empty["people"]["fn"] == n_people and empty["conflicts"]["found"] == 0
