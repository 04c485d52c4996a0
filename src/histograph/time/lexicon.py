"""The date engine's language data, loaded once from ``time/data/*.yaml`` (read-only)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..datafile import load_yaml


def _load(name: str) -> dict[str, Any]:
    text = resources.files("histograph.time").joinpath("data", name).read_text(encoding="utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise ValueError(f"E301 time data file {name!r} is not a mapping")
    return data


@dataclass(frozen=True)
class DualDated:
    names: tuple[str, ...]
    julian: str
    gregorian: str
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # lower-case name or abbreviation -> month
    month_names: tuple[str, ...]  # as written in the data (Title case)
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]  # lower-case -> ISO weekday 1..7
    weekday_names: tuple[str, ...]
    cardinals: dict[str, int]
    vague: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    clock_words: dict[str, str]
    approximators: tuple[str, ...]
    era_bc: tuple[str, ...]
    era_ad: tuple[str, ...]
    julian_markers: tuple[str, ...]
    gregorian_markers: tuple[str, ...]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]
    count_nouns: frozenset[str]
    identifier_nouns: frozenset[str]
    quarter_not_time_before: frozenset[str]
    narrative_refs: tuple[str, ...]
    named_seasons: tuple[str, ...]
    holidays_fixed: dict[str, str]  # lower-case name -> MM-DD
    holidays_movable: dict[str, str]  # lower-case name -> rule
    holiday_names: tuple[str, ...]
    periods: dict[str, tuple[str, str]]  # lower-case name -> (start, end)
    period_names: tuple[str, ...]
    julian_offsets: tuple[tuple[str, str, int], ...]
    adoption: dict[str, str]
    dual_dated: tuple[DualDated, ...]
    #: narrative vs document time: past forms, present deixis, present verbs, future markers
    past_verbs: tuple[str, ...] = ()
    present_deixis: tuple[str, ...] = ()
    present_verbs: tuple[str, ...] = ()
    future_markers: tuple[str, ...] = ()
    #: Roman days: lower-case name -> (day in a short month, day in a long month)
    roman_days: dict[str, tuple[int, int]] = field(default_factory=dict)
    roman_long_months: frozenset[int] = frozenset()
    #: "N years on/since" counted from the DCT look back (a retrospective's anniversary)
    retrospective_offsets: frozenset[str] = frozenset()
    #: "N years after <event>, <present clause>": look back from the DCT
    retrospective_in_present: frozenset[str] = frozenset()


def _strs(xs: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in (xs or ()))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lx = _load("lexicon.yaml")
    hol = _load("holidays.yaml")
    per = _load("periods.yaml")
    cal = _load("calendars.yaml")
    nt = lx.get("narrative_time") or {}
    months: dict[str, int] = {}
    month_names: list[str] = []
    for num, names in lx["months"].items():
        for n in names:
            months[str(n).lower()] = int(num)
            month_names.append(str(n))
    weekdays: dict[str, int] = {}
    weekday_names: list[str] = []
    for num, names in lx["weekdays"].items():
        for n in names:
            weekdays[str(n).lower()] = int(num)
            weekday_names.append(str(n))
    fixed = {str(k).lower(): str(v) for k, v in (hol.get("fixed") or {}).items()}
    movable = {str(k).lower(): str(v) for k, v in (hol.get("movable") or {}).items()}
    holiday_names = tuple(str(k) for k in (hol.get("fixed") or {})) + tuple(
        str(k) for k in (hol.get("movable") or {})
    )
    periods = {
        str(k).lower(): (str(v[0]), str(v[1])) for k, v in (per.get("periods") or {}).items()
    }
    dual = tuple(
        DualDated(
            names=_strs(e["names"]),
            julian=str(e["julian"]),
            gregorian=str(e["gregorian"]),
            context=_strs(e.get("context")),
        )
        for e in cal.get("dual_dated_events") or ()
    )
    return Lexicon(
        months=months,
        month_names=tuple(month_names),
        ambiguous_months=frozenset(_strs(lx.get("ambiguous_months"))),
        weekdays=weekdays,
        weekday_names=tuple(weekday_names),
        cardinals={str(k).lower(): int(v) for k, v in lx["cardinals"].items()},
        vague=_strs(lx.get("vague_quantities")),
        ordinals={str(k).lower(): int(v) for k, v in lx["ordinals"].items()},
        units={str(k).lower(): str(v) for k, v in lx["units"].items()},
        seasons={str(k).lower(): str(v) for k, v in lx["seasons"].items()},
        parts_of_day={str(k).lower(): str(v) for k, v in lx["parts_of_day"].items()},
        clock_words={str(k).lower(): str(v) for k, v in lx["clock_words"].items()},
        approximators=_strs(lx.get("approximators")),
        era_bc=_strs(lx.get("era_bc")),
        era_ad=_strs(lx.get("era_ad")),
        julian_markers=_strs(lx.get("julian_markers")),
        gregorian_markers=_strs(lx.get("gregorian_markers")),
        present_ref=_strs(lx.get("present_ref")),
        past_ref=_strs(lx.get("past_ref")),
        future_ref=_strs(lx.get("future_ref")),
        count_nouns=frozenset(s.lower() for s in _strs(lx.get("count_nouns"))),
        identifier_nouns=frozenset(_strs(lx.get("identifier_nouns"))),
        quarter_not_time_before=frozenset(
            s.lower() for s in _strs(lx.get("quarter_not_time_before"))
        ),
        narrative_refs=_strs(lx.get("narrative_refs")),
        named_seasons=_strs(lx.get("named_seasons")),
        holidays_fixed=fixed,
        holidays_movable=movable,
        holiday_names=holiday_names,
        periods=periods,
        period_names=tuple(str(k) for k in (per.get("periods") or {})),
        julian_offsets=tuple(
            (str(e["from"]), str(e["to"]), int(e["days"])) for e in cal.get("julian_offsets") or ()
        ),
        adoption={str(k): str(v) for k, v in (cal.get("adoption") or {}).items()},
        dual_dated=dual,
        past_verbs=_strs(nt.get("past_verbs")),
        present_deixis=_strs(nt.get("present_deixis")),
        present_verbs=_strs(nt.get("present_verbs")),
        future_markers=_strs(nt.get("future_markers")),
        roman_days={
            str(k).lower(): (int(v[0]), int(v[1]))
            for k, v in ((lx.get("roman_days") or {}).get("days") or {}).items()
        },
        roman_long_months=frozenset(
            int(x) for x in (lx.get("roman_days") or {}).get("long_months") or ()
        ),
        retrospective_offsets=frozenset(s.lower() for s in _strs(lx.get("retrospective_offsets"))),
        retrospective_in_present=frozenset(
            s.lower() for s in _strs(lx.get("retrospective_in_present"))
        ),
    )


def alternation(words: tuple[str, ...] | list[str], *, flexible_space: bool = True) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any blank run."""
    out = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        e = re.escape(w)
        if flexible_space:
            e = e.replace(r"\ ", r"\s+")
        out.append(e)
    return "(?:" + "|".join(out) + ")"
