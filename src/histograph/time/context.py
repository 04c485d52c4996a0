"""Shared pieces of the normaliser: the resolved-value and reference types, the document
context, sentence boundaries and tense, and small builders of TIMEX3 strings and time
values. Every resolver layer (:mod:`.resolve_base` and the rule modules on it) and the
driver in :mod:`.normalise` import from here; this module imports none of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..model import TimeKind, TimeValue, civil_from_day, day_number
from . import values as V
from .lexicon import alternation, lexicon


@dataclass
class Ref:
    """A reference date of the narrative: year and, when known, month and day."""

    y: int
    m: int | None
    d: int | None
    start: int
    season: str | None = None
    #: for a year- or season-precise reference, the month its span centres on ("late
    #: 1942" -> October): how far into its year the narrative has got
    pm: int | None = None
    #: the reference was reached from the DCT ("on Tuesday", "the next day" after it): it
    #: is the page's own time, not a told past
    from_dct: bool = False


@dataclass
class Resolved:
    start: int
    end: int
    kind: TimeKind
    value: TimeValue | None
    timex: str
    anchor_start: int | None = None
    #: TIMEX3 view of the parts (ranges are two TIMEX3 expressions): (start, end, kind, timex)
    parts: list[tuple[int, int, str, str]] = field(default_factory=list)
    rule: str = ""


@dataclass
class Context:
    text: str
    dct: tuple[int, int, int] | None = None
    dct_tv: TimeValue | None = None
    news: bool = False
    ref: Ref | None = None
    heading: Ref | None = None
    inferred_dct_year: int | None = None
    sent_starts: list[int] = field(default_factory=list)
    day_first: bool | None = None


_SENT = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“(\[]?[A-Z])|\n")


def sentence_starts(text: str) -> list[int]:
    out = [0]
    for m in _SENT.finditer(text):
        out.append(m.end())
    return out


def _sentence_bounds(ctx: Context, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(ctx.sent_starts, pos) - 1
    s = ctx.sent_starts[max(i, 0)]
    e = ctx.sent_starts[i + 1] if i + 1 < len(ctx.sent_starts) else len(ctx.text)
    return s, e


_FUTURE = re.compile(
    r"(?i)\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planned|expects?|expected|scheduled|upcoming|set\s+to|due\s+to|would|next|until|coming|aims?\s+to|intends?)\b"
)
_PAST = re.compile(r"(?i)\b(?:was|were|had|did|said|ago|last|earlier|since|ended|began|\w{3,}ed)\b")


def _tense(ctx: Context, start: int, end: int) -> str | None:
    s, e = _sentence_bounds(ctx, start)
    sent = ctx.text[s:start] + " " + ctx.text[end:e]
    fut = _FUTURE.search(sent)
    past = _PAST.search(sent) or _sentence_time_res()[0].search(sent)
    if fut and not past:
        return "future"
    if past and not fut:
        return "past"
    if fut and past:
        # the verb nearest to the expression decides
        before = ctx.text[s:start]
        lf = max((m.end() for m in _FUTURE.finditer(before)), default=-1)
        lp = max(
            (m.end() for rx in (_PAST, _sentence_time_res()[0]) for m in rx.finditer(before)),
            default=-1,
        )
        if lf >= 0 or lp >= 0:
            return "future" if lf > lp else "past"
    return None


#: a narrative reference at least this many years before the DCT is a told past: the page
#: (an anniversary feature, an on-this-day page, a blog post) was written long after it
_FAR_YEARS = 2


@lru_cache(maxsize=1)
def _sentence_time_res() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    lx = lexicon()

    def words(ws: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile(rf"(?i)(?<![\w'’]){alternation(ws)}(?![\w'’])")

    past = re.compile(rf"(?i)(?<![\w'’])(?:{alternation(lx.past_verbs)}|\w{{3,}}ed)(?![\w'’])")
    return past, words(lx.present_deixis), words(lx.present_verbs), words(lx.future_markers)


_AGO_BEFORE = re.compile(r"(?i)\bago\s*,?\s*$")


def sentence_time(sent: str) -> str | None:
    """Whose time a sentence (without the expression being resolved) speaks of:
    ``present`` (the page's own present or future: "today we remember", "will be
    unveiled", "this week's ceremony", or a present verb with no past form), ``past`` (a
    past form: the told past), or None (no sign)."""
    past, deixis, present, future = _sentence_time_res()
    if future.search(sent):
        return "present"
    for m in deixis.finditer(sent):
        if not _AGO_BEFORE.search(sent[max(0, m.start() - 12) : m.start()]):
            return "present"  # "thirty years ago today" is the told day, not the page's
    if past.search(sent):
        return "past"
    if present.search(sent):
        return "present"
    return None


# ------------------------------------------------------------------ arithmetic
def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _dur_timex(n: Any, unit: str, half: bool = False) -> str:
    """TIMEX3 duration value: (16, 'Y') -> P16Y, ('X', 'D') -> PXD, (2, 'H') -> PT2H."""
    if half and isinstance(n, int):
        # "a year and a half" -> P18M
        conv = {
            "Y": (n * 12 + 6, "M"),
            "D": (n * 24 + 12, "H"),
            "H": (n * 60 + 30, "MIN"),
            "DE": (n * 10 + 5, "Y"),
            "CE": (n * 100 + 50, "Y"),
        }
        if unit in conv:
            n, unit = conv[unit]
    if unit == "FN":
        n, unit = (n * 2 if isinstance(n, int) else n), "W"
    if unit == "Q":
        n, unit = (n * 3 if isinstance(n, int) else n), "M"
    if unit == "DE" and isinstance(n, int):
        n, unit = n * 10, "Y"
    num = str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{num}{'M' if unit == 'MIN' else unit}"
    return f"P{num}{unit}"


def _half_value(n: Any, unit: str) -> str:
    """'half a century' -> P50Y, 'half an hour' -> PT30M."""
    table = {
        "Y": "P6M",
        "M": "P2W",
        "D": "PT12H",
        "H": "PT30M",
        "MIN": "PT30S",
        "DE": "P5Y",
        "CE": "P50Y",
        "W": "P3D",
    }
    return table.get(unit, f"P0.5{unit}")


# ------------------------------------------------------------------ building values
def _date_value(y: int, m: int | None, d: int | None) -> TimeValue | None:
    if m is None:
        return V.make_year(y)
    if d is None:
        return V.make_month(y, m)
    if not V.valid_day(y, m, d):
        return None
    return V.make_day(y, m, d)


def _with_mod(tv: TimeValue | None, mod: str | None) -> TimeValue | None:
    if tv is None or not mod:
        return tv
    if mod.startswith("season:"):
        y = civil_from_day(tv.earliest)[0]
        return V.make_season(y, mod.split(":")[1]) if tv.precision == "year" else tv
    if mod == "turn":
        return replace(tv, approximate=True)
    if mod.startswith("half:"):
        if tv.precision == "year":
            return V.make_half(civil_from_day(tv.earliest)[0], int(mod[5:]))
        return V.narrowed(tv, "early" if mod == "half:1" else "late")
    return V.narrowed(tv, mod)


def _x_timex(y: int | None, m: int | None, d: int | None) -> str:
    ys = V.year_str(y) if y is not None else "XXXX"
    if m is None:
        return ys
    ms = f"{m:02d}"
    if d is None:
        return f"{ys}-{ms}"
    return f"{ys}-{ms}-{d:02d}"


def _ref_from_tv(tv: TimeValue, start: int) -> Ref | None:
    if tv.precision in ("day", "time"):
        y, m, d = civil_from_day(tv.earliest)
        return Ref(y, m, d, start)
    if tv.precision == "month":
        y, m, _ = civil_from_day(tv.earliest)
        return Ref(y, m, None, start)
    if tv.precision in ("year", "season", "quarter"):
        y = int(tv.value[:4]) if tv.value[:4].isdigit() else civil_from_day(tv.earliest)[0]
        my, mm, _ = civil_from_day((tv.earliest + tv.latest) // 2)
        if tv.precision == "season" and tv.value.endswith("WI"):
            my, mm = y, 1  # a winter is named by the year of its January
        return Ref(
            y,
            None,
            None,
            start,
            season=tv.value[5:] if tv.precision == "season" else None,
            pm=mm if my == y else None,
        )
    if tv.precision == "interval" and "/" in tv.value:
        # a range moves the narrative to its end: "from November 1948 to January 1949"
        end = V.parse_value(tv.value.split("/", 1)[1])
        if end is not None and end.precision != "interval":
            return _ref_from_tv(end, start)
    return None


def _nearest_year(ctx: Context, m: int, d: int | None, tense: str | None) -> int:
    assert ctx.dct is not None
    dy, dm, dd = ctx.dct
    dn = day_number(dy, dm, dd)
    best: tuple[int, int] | None = None
    for y in (dy - 1, dy, dy + 1):
        day = d if d is not None and V.valid_day(y, m, d) else (15 if d is None else 28)
        n = day_number(y, m, day) if d is not None else day_number(y, m, 1)
        lo = day_number(y, m, 1)
        hi = day_number(y, m, V.days_in_month(y, m))
        if tense == "past" and lo > dn:
            continue
        if tense == "future" and hi < dn:
            continue
        dist = 0 if lo <= dn <= hi and d is None else abs(n - dn)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else dy


def _partial_x(base: Ref, unit: str) -> str:
    """What is known of "N days later" when the reference is coarser: 1915-XX-XX, 1792-WXX."""
    ys = V.year_str(base.y)
    if unit in ("D", "H", "MIN", "S"):
        return f"{ys}-{base.m:02d}-XX" if base.m is not None else f"{ys}-XX-XX"
    if unit in ("W", "FN"):
        return f"{ys}-WXX"
    if unit in ("M", "Q"):
        return f"{ys}-XX"
    return ys


def _ago_x(unit: str) -> str:
    return {"Y": "XXXX", "DE": "XXXX", "CE": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(
        unit, "XXXX-XX-XX"
    )
