"""The normaliser: resolve tagged candidates to values in their document context.

Context, in the order it is consulted:

* the expression itself (``16 November 1933``: absolute);
* the document creation time, DCT (``90 years ago``, ``last year``, ``today``: anchor
  ``dct``); when a document has no DCT but says "N years ago, on <date>", the DCT year is
  inferred from that apposition;
* the narrative: the last explicitly dated expression before it (``On November 16``
  after a paragraph about 1933 inherits 1933: anchor ``narrative``), or the year heading
  a timeline list (set by :func:`histograph.time.document.tag_document`);
* another event (``two days later``, ``the following year``, ``a month after <date>``:
  anchor ``event``, ``anchor_start`` = the referenced date's offset).

Nothing is guessed: what none of these resolves stays unresolved (``value=None``) with a
TIMEX3 value containing ``X`` for the unknown parts.

News vs history: when a DCT is known and the document's explicit years are mostly close
to it, year-less dates ("April 7", "Thursday") are resolved against the DCT (with the
tense of the sentence choosing past or future); otherwise against the narrative.

Told past vs the page's present: a page published long after its story (an anniversary
feature, an on-this-day page, a blog) is news-like, yet once its text has set a past
reference (a month- or day-precise date at least ``_FAR_YEARS`` before the DCT), the bare
times, year-less dates, weekdays and "now" of its past-tense sentences belong to that
narrative (anchor ``narrative``), and relative expressions chain from it; only sentences
about the page's own present or future ("today we remember", "will be unveiled") keep
the DCT. "N years ago tonight, on <date>" makes "tonight" the told night.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .. import textindex
from ..model import Anchor, TimeKind, TimeValue, civil_from_day, day_number
from . import values as V
from .calendars import julian_to_gregorian_value
from .lexicon import alternation, lexicon
from .tagger import Cand


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


_ANOTHER = re.compile(r"(?i)\banother\s+$")
_QUOTED_NAME_BEFORE = re.compile(r"['‘\"“][A-Z][a-z]+\s+$")
_QUOTE_AFTER = re.compile(r"['’\"”]")

#: present references that can be the narrative's own present in a past-tense sentence
_NARRATIVE_NOW = re.compile(r"(?i)(?:right\s+)?now|(?:at\s+)?(?:this|the)\s+(?:time|moment)")

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


#: a year-less month this many months before the reference's month is read as the next
#: year's (narratives move forward: after "December 8, 1941", "in January" is 1942)
_NEXT_YEAR_GAP = 8


#: "the winter" after a reference in this month or later is the coming winter (next year)
_WI_FROM = 8
_SEASON_MID = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


# ------------------------------------------------------------------ resolver
class Resolver:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.lx = lexicon()
        #: expressions resolved so far, in order (for "N years after <clause>")
        self.resolved_so_far: list[Resolved] = []
        #: "N years ago, on <date>": start of the offset -> (date value, date start)
        self.apposition: dict[int, tuple[TimeValue, int]] = {}
        #: "N years ago today/tonight[, on <date>]": start of "today"/"tonight" -> (day
        #: number of the told day, anchor, anchor start)
        self.ago_day: dict[int, tuple[int, Anchor, int | None]] = {}
        #: "three o'clock on the afternoon of <date>": start of the clock -> the date
        self.clock_day: dict[int, Cand] = {}
        #: starts of the publication dates (never a "that year" of the text)
        self.docdate_starts: set[int] = set()

    # -- references --------------------------------------------------------
    def _year_ref(self, c: Cand, *, prefer_heading: bool) -> Ref | None:
        if prefer_heading and self.ctx.heading is not None:
            return self.ctx.heading
        return self.ctx.ref

    def _near_ref(self, start: int) -> bool:
        """The narrative reference is in this sentence or the previous one."""
        r = self.ctx.ref
        if r is None:
            return False
        i = bisect.bisect_right(self.ctx.sent_starts, start) - 1
        j = bisect.bisect_right(self.ctx.sent_starts, r.start) - 1
        return i - j <= 1

    def _same_block(self, start: int) -> bool:
        """The narrative reference is in the same block of lines (no blank line between):
        a chronicle's date line and the entries under it."""
        r = self.ctx.ref
        return r is not None and r.start >= 0 and "\n\n" not in self.ctx.text[r.start : start]

    def _dct_tv(self) -> TimeValue | None:
        return self.ctx.dct_tv

    def _past_ref(self) -> Ref | None:
        """The narrative's reference when it is a told past: an explicitly dated event
        (a month or a day, not a bare year: "in 2010" is a side mention as often as a
        scene) well before the DCT, not a date reached from the DCT itself."""
        r = self.ctx.ref
        dct = self.ctx.dct
        if r is None or dct is None or r.from_dct or r.m is None or r.y > dct[0] - _FAR_YEARS:
            return None
        return r

    def _narrative_time(self, c: Cand) -> bool:
        """Does this expression (a bare time, a year-less date, a weekday, "now") belong
        to the told past rather than to the page's present? Yes when the text has set a
        past reference and the sentence is in the past tense (or shares the reference's
        sentence) without present deixis or future; the page's present ("today we
        remember", "this week's ceremony", "will be unveiled") keeps the DCT."""
        r = self._past_ref()
        if r is None:
            return False
        s, _ = _sentence_bounds(self.ctx, c.start)
        mode = self._sentence_mode(c)
        if mode == "present":
            return False
        if mode == "past" or r.start >= s:
            return True
        # no sign of tense: the sentence goes on with the one before it, in its paragraph
        if s > 0 and self.ctx.text[s - 1] != "\n":
            ps, _ = _sentence_bounds(self.ctx, s - 1)
            return sentence_time(self.ctx.text[ps:s]) == "past"
        return False

    def _sentence_mode(self, c: Cand) -> str | None:
        s, e = _sentence_bounds(self.ctx, c.start)
        return sentence_time(self.ctx.text[s : c.start] + " " + self.ctx.text[c.end : e])

    def _page_present(self, c: Cand) -> bool:
        """A page about its own time (news-like) has set a told past, but this sentence
        speaks of the page's present or future ("Today the town remembers ...", "will be
        unveiled"). In a history narrative, present tense is commentary on the past."""
        return (
            self.ctx.news and self._past_ref() is not None and self._sentence_mode(c) == "present"
        )

    def _sentence_ref(self, c: Cand) -> Ref | None:
        """An explicit month- or day-precise date earlier in this sentence that is not the
        narrative's reference (a date the driver kept as a side mention)."""
        s, _ = _sentence_bounds(self.ctx, c.start)
        for r in reversed(self.resolved_so_far):
            if r.start < s:
                return None
            if (
                r.value is not None
                and r.kind in ("DATE", "TIME")
                and r.value.anchor == "absolute"
                and r.value.precision in ("month", "day", "time")
                and r.end <= c.start
            ):
                if self.ctx.ref is not None and self.ctx.ref.start == r.start:
                    return None
                return _ref_from_tv(r.value, r.start)
        return None

    def _last_named_year(self, before: int) -> tuple[int, int] | None:
        """(year, start) of the last explicit year-bearing date before ``before`` (not a
        publication date, not one computed from another)."""
        for r in reversed(self.resolved_so_far):
            if r.start >= before or r.start in self.docdate_starts:
                continue
            if r.value is not None and r.value.anchor == "absolute" and r.kind in ("DATE", "TIME"):
                if r.value.precision in ("year", "month", "day", "time", "season"):
                    return civil_from_day(r.value.earliest)[0], r.start
                return None
        return None

    def _narrative_day(self) -> tuple[int, int, int] | None:
        r = self.ctx.ref
        if r is None or r.m is None or r.d is None:
            return None
        return r.y, r.m, r.d

    # -- the main entry ------------------------------------------------------
    def resolve(self, c: Cand, *, in_list: bool = False) -> Resolved:
        r = self._resolve(c, in_list)
        if r.value is not None and c.f.get("cal") == "julian":
            conv = julian_to_gregorian_value(r.value)
            r = replace(
                r, value=conv, timex=V.to_timex3(conv.value) if r.kind != "TIME" else r.timex
            )
        elif r.value is not None and c.f.get("cal") == "gregorian":
            r = replace(r, value=replace(r.value, source_calendar="gregorian"))
        if not r.parts:
            r.parts = [(r.start, r.end, r.kind, r.timex)]
        r.rule = c.rule
        return r

    def _res(
        self,
        c: Cand,
        kind: TimeKind,
        tv: TimeValue | None,
        timex: str | None = None,
        anchor: Anchor | None = None,
        anchor_start: int | None = None,
    ) -> Resolved:
        if tv is not None and anchor is not None:
            tv = V.with_anchor(tv, anchor)
        if tv is not None and c.f.get("approx"):
            tv = replace(tv, approximate=True)
        tx = timex if timex is not None else (V.to_timex3(tv.value) if tv is not None else "XXXX")
        return Resolved(c.start, c.end, kind, tv, tx, anchor_start)

    def _resolve(self, c: Cand, in_list: bool) -> Resolved:
        f = c.f
        rule = c.rule
        if rule == "range":
            return self._range(c, in_list)
        if rule == "offset_date":
            return self._offset_date(c, in_list)
        if rule == "duration_long":
            return self._res(
                c, "DURATION", None, _dur_timex("X" if f.get("u_plural") else 1, f.get("unit", "X"))
            )
        if rule in ("duration", "duration_pl", "duration_half"):
            return self._duration(c)
        if rule.startswith("set_"):
            return self._set(c)
        if rule in ("present", "past", "future"):
            ref = f["ref"]
            if (
                ref == "PRESENT_REF"
                and _NARRATIVE_NOW.fullmatch(self.ctx.text[c.start : c.end])
                and self._narrative_time(c)
            ):
                # "Now the leader also wanted ...": the narrative's now
                r0 = self.ctx.ref
                assert r0 is not None
                tvn = _date_value(r0.y, r0.m, r0.d)
                if tvn is not None:
                    return self._res(c, "DATE", tvn, ref, "narrative", r0.start)
            tv = self._dct_tv() if ref == "PRESENT_REF" else None
            return self._res(c, "DATE", tv, ref, "dct" if tv else None)
        if rule == "period":
            a, b = self.lx.periods[f["per"].removeprefix("the ").strip()]
            ta, tb = V.parse_value(a), V.parse_value(b)
            if ta is None or tb is None:
                return self._res(c, "DATE", None, "XXXX")
            tv = replace(V.make_interval(ta, tb), approximate=True)
            return self._res(c, "DATE", tv, tv.value)
        if rule in ("clock", "clock_word", "clock_oclock"):
            return self._bare_time(c)
        if rule == "time_date":
            return self._time_date(c, in_list)
        if rule == "pod_date":
            return self._pod_date(c, in_list)
        if rule == "month_of_rel":
            return self._month_of_rel(c)
        if rule in ("pod_day", "pod_rel", "tonight"):
            return self._pod(c)
        if rule == "pod_bare":
            pre = f.get("podpre")
            if pre in ("that", "the same", "same", "the next", "the following", "the previous"):
                return self._pod(
                    Cand(c.start, c.end, c.rule, {**f, "rel": "the same" if pre == "same" else pre})
                )
            nd = self._narrative_day()
            if (
                nd is not None
                and str(pre).lower() == "the"
                and (
                    self._narrative_time(c)
                    or (self._past_ref() is not None and self._sentence_mode(c) is None)
                )
                and (self._near_ref(c.start) or self._same_block(c.start))
                and not re.match(r"\s+of\b", self.ctx.text[c.end : c.end + 4])
            ):
                # "crossings followed during the night": the night of the told day
                assert self.ctx.ref is not None
                tvp = V.make_part_of_day(*nd, f["pod"])
                return self._res(c, "TIME", tvp, tvp.value, "narrative", self.ctx.ref.start)
            return self._res(c, "TIME", None, f"XXXX-XX-XXT{f['pod']}")
        if rule == "narr":
            r0 = self.ctx.ref
            if r0 is None:
                return self._res(c, "DATE", None, "XXXX")
            if "day" in f["narr"] and (r0.m is None or r0.d is None):
                return self._res(
                    c, "DATE", None, _x_timex(r0.y, r0.m, None) + ("-XX" if r0.m else "-XX-XX")
                )
            tv0 = _date_value(r0.y, r0.m, r0.d)
            return self._res(c, "DATE", tv0, anchor="event", anchor_start=r0.start)
        if rule == "named_season":
            return self._res(c, "DATE", None, "XXXX")
        if rule == "weekday":
            return self._weekday(c)
        if rule == "dctword":
            return self._dctword(c)
        if rule in ("rel_unit", "mod_unit", "rel_within"):
            return self._rel_unit(c)
        if rule in ("ago", "the_unit_rel"):
            return self._ago(c)
        if rule == "anniv":
            return self._anniv(c)
        if rule == "holiday":
            return self._holiday(c, in_list)
        return self._calendar_date(c, in_list)

    # -- absolute and year-less calendar dates ------------------------------
    def _calendar_date(self, c: Cand, in_list: bool) -> Resolved:
        f = c.f
        rule = c.rule
        mod = f.get("mod")
        if rule == "numeric":
            return self._numeric(c)
        if "decade" in f:
            dec = f["decade"]
            if f.get("dec2d"):
                cy = self._century_hint()
                if cy is None:
                    return self._res(c, "DATE", None, f"XX{dec // 10}")
                dec = cy + dec
            tv = _with_mod(V.make_decade(dec), mod)
            return self._res(c, "DATE", tv)
        if "century" in f:
            tv = _with_mod(V.make_century(f["century"], bool(f.get("bc"))), mod)
            return self._res(c, "DATE", tv)
        if "millennium" in f:
            tv = _with_mod(V.make_millennium(f["millennium"], bool(f.get("bc"))), mod)
            return self._res(c, "DATE", tv)
        if "quarter" in f:
            y = f.get("y")
            if y is None:
                ref = self._pick_year_ref(c, in_list)
                if ref is None:
                    return self._res(c, "DATE", None, f"XXXX-Q{f['quarter']}")
                y = ref.y
            return self._res(c, "DATE", V.make_quarter(y, f["quarter"]))
        if "season" in f:
            y = f.get("y")
            anchor: Anchor = "absolute"
            astart = None
            if y is None:
                got = self._year_for(c, f.get("m"), None, in_list, season=f["season"])
                if got is None:
                    return self._res(c, "DATE", None, f"XXXX-{f['season']}")
                y, anchor, astart = got
            tv = _with_mod(V.make_season(y, f["season"]), mod)
            return self._res(c, "DATE", tv, anchor=anchor, anchor_start=astart)
        y = f.get("y")
        m = f.get("m")
        d = f.get("d")
        if (rule == "apos_year" or f.get("y2d")) and y is not None:
            cy = self._century_hint()
            if cy is None:
                return self._res(c, "DATE", None, f"XX{y:02d}")
            y = (cy // 100) * 100 + y
        if y is None and m is None:
            return self._res(c, "DATE", None, "XXXX")
        if rule in ("dmy_range", "mdy_range"):
            return self._day_range(c, in_list)
        anchor = "absolute"
        astart = None
        if y is None:
            assert m is not None
            got = self._year_for(c, m, d, in_list)
            if got is None:
                return self._res(c, "DATE", None, _x_timex(None, m, d))
            y, anchor, astart = got
        tv = _date_value(y, m, d)
        if tv is None:
            return self._res(c, "DATE", None, _x_timex(y, m, d))
        if mod and d is None:
            tv = _with_mod(tv, mod)
        return self._res(c, "DATE", tv, anchor=anchor, anchor_start=astart)

    def _century_hint(self) -> int | None:
        """First year of the century the narrative (or the DCT) is in."""
        if self.ctx.ref is not None:
            return (self.ctx.ref.y // 100) * 100
        if self.ctx.dct is not None:
            return (self.ctx.dct[0] // 100) * 100
        return None

    def _pick_year_ref(self, c: Cand, in_list: bool) -> Ref | None:
        if in_list and self.ctx.heading is not None:
            return self.ctx.heading
        if self.ctx.news and self.ctx.dct is not None and not self._near_ref(c.start):
            y, m, d = self.ctx.dct
            return Ref(y, m, d, -1)
        return self.ctx.ref or (Ref(*self.ctx.dct, -1) if self.ctx.dct else None)

    def _year_for(
        self, c: Cand, m: int | None, d: int | None, in_list: bool, season: str | None = None
    ) -> tuple[int, Anchor, int | None] | None:
        """The year of a year-less date: from the list heading, the narrative or the DCT."""
        if in_list and self.ctx.heading is not None:
            h = self.ctx.heading
            return h.y, "narrative", h.start
        local = self._sentence_ref(c)
        if local is not None and m is not None:
            # "In July 1921 the president signed ..., and a treaty followed in August":
            # the year of the explicit month or day before it in its own sentence
            lm = local.m or 12
            y = local.y + 1 if lm - m >= _NEXT_YEAR_GAP else local.y
            return y, "narrative", local.start
        use_dct = self.ctx.dct is not None and (
            (self.ctx.news and not self._near_ref(c.start) and not self._narrative_time(c))
            or self.ctx.ref is None
            or self.ctx.ref.from_dct
            or self._page_present(c)
        )
        if use_dct:
            assert self.ctx.dct is not None
            if m is None and season is not None:
                dy, dm, _ = self.ctx.dct
                tense = _tense(self.ctx, c.start, c.end)
                sm = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[season]
                y = dy
                if tense == "past" and sm > dm:
                    y -= 1
                elif tense == "future" and sm + 2 < dm:
                    y += 1
                return y, "dct", None
            if m is None:
                return self.ctx.dct[0], "dct", None
            return _nearest_year(self.ctx, m, d, _tense(self.ctx, c.start, c.end)), "dct", None
        r = self.ctx.ref
        if r is None:
            return None
        rm = r.m if r.m is not None else r.pm
        if m is None and season is not None and rm is not None:
            if season == "WI" and rm >= _WI_FROM:
                # "the winter" after an August-December reference is the coming winter,
                # named by the year it mostly falls in
                return r.y + 1, "narrative", r.start
            if season != "WI" and rm - _SEASON_MID[season] >= _NEXT_YEAR_GAP:
                return r.y + 1, "narrative", r.start
        if m is not None and rm is not None and rm - m >= _NEXT_YEAR_GAP:
            # a narrative moves forward: "December 8, 1941 ... In January, ..." is 1942,
            # and so is "late 1941 ... in February"
            return r.y + 1, "narrative", r.start
        return r.y, "narrative", r.start

    def _numeric(self, c: Cand) -> Resolved:
        a, b = c.f["num"]
        y = c.f["y"]
        if c.f.get("y2d"):
            cy = self._century_hint()
            if cy is None:
                cy = 1900 if y >= 30 else 2000
            y = (cy // 100) * 100 + y
        if a > 12 and b <= 12:
            d, m = a, b
        elif b > 12 and a <= 12:
            m, d = a, b
        elif self.ctx.day_first or c.f.get("dotted"):
            # dotted numeric dates are written day first wherever they are used
            # ("02.05.1986" is 2 May); slashes follow the page's convention
            d, m = a, b
        else:
            m, d = a, b
        tv = _date_value(y, m, d)
        return self._res(c, "DATE", tv, None if tv else _x_timex(y, m, d))

    def _day_range(self, c: Cand, in_list: bool) -> Resolved:
        f = c.f
        m, d1, d2 = f["m"], f["d"], f["d2"]
        y = f.get("y")
        anchor: Anchor = "absolute"
        astart = None
        if y is None:
            got = self._year_for(c, m, d1, in_list)
            if got is None:
                return self._res(c, "DATE", None, f"XXXX-{m:02d}-{d1:02d}/XXXX-{m:02d}-{d2:02d}")
            y, anchor, astart = got
        a, b = _date_value(y, m, d1), _date_value(y, m, d2)
        if a is None or b is None or d2 <= d1:
            return self._res(c, "DATE", None, _x_timex(y, m, d1))
        tv = V.make_interval(a, b)
        res = self._res(c, "DATE", tv, anchor=anchor, anchor_start=astart)
        # TimeML tags the two ends: "12" and "14 July 1950"
        text = self.ctx.text
        if f.get("mo_start", 0) > f.get("dd2_start", 0):  # day-day month
            res.parts = [
                (c.start, f["dd_end"], "DATE", a.value),
                (f["dd2_start"], c.end, "DATE", b.value),
            ]
        else:  # month day-day
            res.parts = [
                (c.start, f["dd_end"], "DATE", a.value),
                (f["dd2_start"], c.end, "DATE", b.value),
            ]
        _ = text
        return res

    def _holiday(self, c: Cand, in_list: bool) -> Resolved:
        name = c.f["hol"]
        y = c.f.get("y")
        anchor: Anchor = "absolute"
        astart = None
        if y is None:
            got = self._year_for(c, None, None, in_list)
            if got is None:
                md = self.lx.holidays_fixed.get(name)
                return self._res(c, "DATE", None, f"XXXX-{md}" if md else "XXXX")
            y, anchor, astart = got
        md = self.lx.holidays_fixed.get(name)
        if md:
            tv = _date_value(y, int(md[:2]), int(md[3:]))
        else:
            from .calendars import movable_feast

            n = movable_feast(self.lx.holidays_movable.get(name, ""), y)
            tv = V.from_day_number(n) if n is not None else None
        return self._res(c, "DATE", tv, anchor=anchor, anchor_start=astart)

    # -- ranges ---------------------------------------------------------------
    def _range(self, c: Cand, in_list: bool) -> Resolved:
        a, b = c.parts
        # year-less first end takes the year of the second: "from March to June 1933"
        if "y" in b.f and "y" not in a.f and ("m" in a.f or "season" in a.f):
            a = Cand(a.start, a.end, a.rule, {**a.f, "y": b.f["y"]})
            if b.f.get("era"):
                a.f["era"] = True
        if "m" in b.f and "m" not in a.f and "d" in a.f and "y" not in a.f:
            a = Cand(a.start, a.end, a.rule, {**a.f, "m": b.f["m"]})
        ra = self.resolve(a, in_list=in_list)
        if ra.value is not None and "y" not in b.f and "m" in b.f:
            # "May 1 to June 3, 1933": second end inherits the first's year
            yb = civil_from_day(ra.value.earliest)[0]
            b = Cand(b.start, b.end, b.rule, {**b.f, "y": yb})
        rb = self.resolve(b, in_list=in_list)
        parts = ra.parts + rb.parts
        if ra.value is not None and rb.value is not None and rb.value.latest >= ra.value.earliest:
            tv = V.make_interval(ra.value, rb.value)
            anchor = ra.value.anchor if ra.value.anchor != "absolute" else rb.value.anchor
            tv = V.with_anchor(tv, anchor)
            res = Resolved(c.start, c.end, "DATE", tv, f"{ra.timex}/{rb.timex}", ra.anchor_start)
        else:
            res = Resolved(c.start, c.end, "DATE", None, f"{ra.timex}/{rb.timex}")
        res.parts = parts
        return res

    # -- durations and sets --------------------------------------------------
    def _duration(self, c: Cand) -> Resolved:
        f = c.f
        unit = f.get("unit", "X")
        if c.rule == "duration_half":
            return self._res(c, "DURATION", None, _half_value(1, unit))
        n = f.get("n", "X")
        if c.rule == "duration_pl":
            n = "X"
        tx = _dur_timex(n, unit, bool(f.get("half")))
        return self._res(c, "DURATION", None, tx)

    def _set(self, c: Cand) -> Resolved:
        f = c.f
        if c.rule == "set_adv":
            adv = f["adv"]
            table = {
                "annually": "XXXX",
                "yearly": "XXXX",
                "monthly": "XXXX-XX",
                "weekly": "XXXX-WXX",
                "daily": "XXXX-XX-XX",
                "nightly": "XXXX-XX-XXTNI",
                "hourly": "PT1H",
                "biannually": "P6M",
                "biennially": "P2Y",
                "quarterly": "P3M",
                "fortnightly": "P2W",
            }
            return self._res(c, "SET", None, table.get(adv, "XXXX"))
        if c.rule == "set_times":
            unit = f.get("unit", "Y")
            return self._res(c, "SET", None, _dur_timex(1, unit))
        n = f.get("n")
        every = f.get("every", "every")
        if isinstance(n, int) and n > 1 and "unit" in f:
            return self._res(c, "SET", None, _dur_timex(n, f["unit"]))
        if every == "per" and "unit" in f:
            return self._res(c, "SET", None, _dur_timex(1, f["unit"]))
        if "wd" in f:
            return self._res(c, "SET", None, f"XXXX-WXX-{f['wd']}")
        if "m" in f:
            return self._res(c, "SET", None, f"XXXX-{f['m']:02d}")
        if "season" in f:
            return self._res(c, "SET", None, f"XXXX-{f['season']}")
        if "pod" in f:
            return self._res(c, "SET", None, f"XXXX-XX-XXT{f['pod']}")
        unit = f.get("unit", "Y")
        table = {
            "Y": "XXXX",
            "M": "XXXX-XX",
            "W": "XXXX-WXX",
            "D": "XXXX-XX-XX",
            "DE": "P10Y",
            "CE": "P100Y",
            "Q": "P3M",
            "H": "PT1H",
            "MIN": "PT1M",
            "WE": "XXXX-WXX-WE",
            "SEASON": "XXXX-XX",
        }
        return self._res(c, "SET", None, table.get(unit, "XXXX"))

    # -- times ------------------------------------------------------------------
    def _clock(self, f: dict[str, Any]) -> str:
        hh, mi = f["hh"], f.get("mi")
        return f"{hh:02d}" if mi is None else f"{hh:02d}:{mi:02d}"

    def _bare_time(self, c: Cand) -> Resolved:
        # a bare clock time belongs to the day of the narrative / DCT when that is a day
        clock = self._clock(c.f)
        if c.f.get("ss") is not None and not c.f.get("ampm"):
            pass
        on = self.clock_day.get(c.start)
        if on is not None:
            rd = self.resolve(on)
            if rd.value is not None and rd.value.precision in ("day", "time"):
                hh = int(c.f["hh"])
                if on.f.get("pod") in ("AF", "EV") and hh < 12 and not c.f.get("ampm"):
                    hh += 12  # "three o'clock on the afternoon of ..." is 15:00
                y, m, d = civil_from_day(rd.value.earliest)
                tv = V.make_time(y, m, d, hh, c.f.get("mi"))
                return self._res(c, "TIME", tv, tv.value, "event", on.start)
        base = self._day_anchor(c)
        if base is None:
            return self._res(c, "TIME", None, f"XXXX-XX-XXT{clock}")
        (y, m, d), anchor, astart = base
        tv = V.make_time(y, m, d, c.f["hh"], c.f.get("mi"))
        return self._res(c, "TIME", tv, f"{tv.value}", anchor, astart)

    def _day_anchor(self, c: Cand) -> tuple[tuple[int, int, int], Anchor, int | None] | None:
        if self._narrative_time(c):
            # a bare time in the told past: the narrative's day, or unknown when the
            # narrative is not at a day ("7 p.m." after "in 1989"), never the DCT's
            day = self._narrative_day()
            if day is None:
                return None
            assert self.ctx.ref is not None
            return day, "narrative", self.ctx.ref.start
        if self.ctx.dct is not None and self._page_present(c):
            return self.ctx.dct, "dct", None
        if self.ctx.news and self.ctx.dct is not None and not self._near_ref(c.start):
            return self.ctx.dct, "dct", None
        r = self.ctx.ref
        if (
            r is not None
            and r.m is not None
            and r.d is not None
            and (self._near_ref(c.start) or "\n\n" not in self.ctx.text[r.start : c.start])
        ):
            return (r.y, r.m, r.d), "narrative", r.start
        if self.ctx.dct is not None and self.ctx.news:
            return self.ctx.dct, "dct", None
        return None

    def _time_date(self, c: Cand, in_list: bool) -> Resolved:
        f = c.f
        date_cand = Cand(
            c.start,
            c.end,
            f["date_rule"],
            {
                k: v
                for k, v in f.items()
                if k not in ("hh", "mi", "ss", "tz", "kind", "date_rule", "split")
            },
        )
        rd = self.resolve(date_cand, in_list=in_list)
        clock = self._clock(f)
        if rd.value is None or rd.value.precision != "day":
            base = rd.timex if rd.timex and rd.timex[:1] in "0123456789XB" else "XXXX-XX-XX"
            return self._res(c, "TIME", None, f"{base}T{clock}")
        y, m, d = civil_from_day(rd.value.earliest)
        tv = V.make_time(y, m, d, f["hh"], f.get("mi"))
        tv = replace(tv, anchor=rd.value.anchor)
        res = Resolved(c.start, c.end, "TIME", tv, tv.value, rd.anchor_start)
        if f.get("split"):
            # TimeML: "11 a.m." and "11 November 1918" are two expressions
            t_end, d_start = f["split"]
            res.parts = [
                (c.start, t_end, "TIME", tv.value),
                (d_start, c.end, "DATE", rd.value.value),
            ]
        return res

    def _pod_date(self, c: Cand, in_list: bool) -> Resolved:
        f = c.f
        keys = ("pod", "kind", "date_rule")
        date_cand = Cand(
            c.start, c.end, f["date_rule"], {k: v for k, v in f.items() if k not in keys}
        )
        rd = self.resolve(date_cand, in_list=in_list)
        if rd.value is None or rd.value.precision != "day":
            base = rd.timex if rd.timex[:1] in "0123456789XB" else "XXXX-XX-XX"
            return self._res(c, "TIME", None, f"{base}T{f['pod']}")
        y, m, d = civil_from_day(rd.value.earliest)
        tv = replace(V.make_part_of_day(y, m, d, f["pod"]), anchor=rd.value.anchor)
        return Resolved(c.start, c.end, "TIME", tv, tv.value, rd.anchor_start)

    def _month_of_rel(self, c: Cand) -> Resolved:
        """'August of that year', 'July 25 of the following year'."""
        f = c.f
        rel = f.get("rel", "that")
        k = {
            "the following": 1,
            "the next": 1,
            "next": 1,
            "the previous": -1,
            "the preceding": -1,
            "last": -1,
        }.get(rel, 0)
        got = self._base_for(c, rel not in ("this", "last", "next"))
        if rel in ("that", "the same", "that same"):
            named = self._last_named_year(c.start)
            if named is not None:
                # "that year" is the year the text named last, whatever the narrative's
                got = Ref(named[0], None, None, named[1]), "event", named[1]
        if got is None:
            return self._res(c, "DATE", None, _x_timex(None, f["m"], f.get("d")))
        base, anchor, astart = got
        tv = _date_value(base.y + k, f["m"], f.get("d"))
        if tv is not None and f.get("mod"):
            tv = _with_mod(tv, f["mod"])
        return self._res(
            c, "DATE", tv, None if tv else _x_timex(base.y + k, f["m"], f.get("d")), anchor, astart
        )

    def _pod(self, c: Cand) -> Resolved:
        f = c.f
        pod = f["pod"]
        day = None
        anchor: Anchor = "dct"
        astart = None
        told = self.ago_day.get(c.start)
        if told is not None:
            # "thirty years ago tonight": the night of the told day
            day, anchor, astart = told
        elif "wd" in f:
            r = self._weekday_day(c, f["wd"], f.get("rel"))
            if r is not None:
                day, anchor, astart = r
        elif f.get("dw_word") == "overnight" and (
            self._narrative_time(c) or (not self.ctx.news and self._near_ref(c.start))
        ):
            # "troops closed the border overnight": the night of the narrative's day
            nd = self._narrative_day()
            if nd is not None:
                assert self.ctx.ref is not None
                day, anchor, astart = day_number(*nd), "narrative", self.ctx.ref.start
        elif f.get("dw") or f.get("rel"):
            word = f.get("dw") or f.get("rel")
            delta = {"yesterday": -1, "today": 0, "tomorrow": 1, "this": 0, "last": -1}.get(
                str(word)
            )
            if word in ("that", "the same", "the next", "the following", "the previous"):
                r2 = self.ctx.ref
                if r2 is not None and r2.m is not None and r2.d is not None:
                    k = {
                        "that": 0,
                        "the same": 0,
                        "the next": 1,
                        "the following": 1,
                        "the previous": -1,
                    }[str(word)]
                    day = day_number(r2.y, r2.m, r2.d) + k
                    anchor, astart = "event", r2.start
            elif delta is not None and self.ctx.dct is not None:
                day = day_number(*self.ctx.dct) + delta
        if day is None:
            return self._res(c, "TIME", None, f"XXXX-XX-XXT{pod}")
        y, m, d = civil_from_day(day)
        tv = V.make_part_of_day(y, m, d, pod)
        return self._res(c, "TIME", tv, tv.value, anchor, astart)

    # -- weekdays and DCT words ------------------------------------------------
    def _weekday_day(
        self, c: Cand, wd: int, rel: str | None
    ) -> tuple[int, Anchor, int | None] | None:
        nd = self._narrative_day()
        if rel is None and nd is not None and self._narrative_time(c):
            # "On Saturday morning" in the told past of a day: the narrative's week (a
            # weekday after a month-precise reference stays the page's, as in news)
            assert self.ctx.ref is not None
            r0 = self.ctx.ref
            base = day_number(*nd)
            return base + (wd - (base % 7 + 1)) % 7, "narrative", r0.start
        if self.ctx.dct is not None and (self.ctx.news or self.ctx.ref is None):
            dn = day_number(*self.ctx.dct)
            cur = dn % 7 + 1  # ISO weekday of the DCT
            diff = wd - cur
            if rel in ("next", "coming"):
                k = diff if diff > 0 else diff + 7
            elif rel in ("last", "past", "previous"):
                k = diff if diff < 0 else diff - 7
            elif rel == "this":
                k = diff
            else:
                tense = _tense(self.ctx, c.start, c.end)
                if diff == 0:
                    k = 0
                elif tense == "future":
                    k = diff if diff > 0 else diff + 7
                elif tense == "past":
                    k = diff if diff < 0 else diff - 7
                else:
                    k = diff if abs(diff) <= 3 else (diff - 7 if diff > 0 else diff + 7)
            return dn + k, "dct", None
        r = self.ctx.ref
        if r is not None and r.m is not None and r.d is not None and self._near_ref(c.start):
            base = day_number(r.y, r.m, r.d)
            cur = base % 7 + 1
            k = (wd - cur) % 7
            return base + k, "narrative", r.start
        return None

    def _weekday(self, c: Cand) -> Resolved:
        wd = c.f["wd"]
        if _ANOTHER.search(self.ctx.text[max(0, c.start - 10) : c.start]):
            return self._res(c, "DATE", None, f"XXXX-WXX-{wd}")  # "live to see another Saturday"
        if _QUOTED_NAME_BEFORE.search(
            self.ctx.text[max(0, c.start - 20) : c.start]
        ) and _QUOTE_AFTER.match(self.ctx.text[c.end : c.end + 2]):
            return self._res(c, "DATE", None, f"XXXX-WXX-{wd}")  # a day's name: "'Black Friday'"
        got = self._weekday_day(c, wd, c.f.get("rel"))
        if got is None:
            return self._res(c, "DATE", None, f"XXXX-WXX-{wd}")
        n, anchor, astart = got
        return self._res(c, "DATE", V.from_day_number(n), anchor=anchor, anchor_start=astart)

    def _dctword(self, c: Cand) -> Resolved:
        w = c.f["dw"]
        told = self.ago_day.get(c.start)
        if told is not None:
            # "35 years ago today": the told day, not the page's
            n, anchor, astart = told
            return self._res(c, "DATE", V.from_day_number(n), anchor=anchor, anchor_start=astart)
        delta = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(w)
        if delta is None:
            delta = -2 if "before" in w else 2
        if self.ctx.dct is None:
            return self._res(c, "DATE", None, "PRESENT_REF" if delta == 0 else "XXXX-XX-XX")
        tv = V.from_day_number(day_number(*self.ctx.dct) + delta)
        if delta == 0:
            return self._res(c, "DATE", tv, "PRESENT_REF", "dct")
        return self._res(c, "DATE", tv, anchor="dct")

    # -- relative to DCT or narrative -------------------------------------------
    def _base_for(self, c: Cand, narrative_word: bool) -> tuple[Ref, Anchor, int | None] | None:
        """Reference point for 'last year' (DCT-type) or 'the following year' (narrative)."""
        ctx = self.ctx
        if narrative_word:
            if ctx.ref is not None:
                return ctx.ref, "event", ctx.ref.start
            if ctx.dct is not None and ctx.news:
                return Ref(*ctx.dct, -1), "dct", None
            return None
        if ctx.dct is not None and (ctx.news or ctx.ref is None):
            return Ref(*ctx.dct, -1), "dct", None
        if ctx.ref is not None:
            return ctx.ref, "narrative", ctx.ref.start
        if ctx.inferred_dct_year is not None:
            return Ref(ctx.inferred_dct_year, None, None, -1), "dct", None
        return None

    def _shift(self, base: Ref, unit: str, k: int) -> TimeValue | None:
        y, m, d = base.y, base.m, base.d
        if unit == "Y":
            return V.make_year(y + k)
        if unit == "DE":
            return V.make_decade(((y // 10) + k) * 10)
        if unit == "CE":
            return V.make_century(y // 100 + 1 + k)
        if unit in ("M",):
            if m is None:
                return None
            y2, m2 = add_months(y, m, k)
            return V.make_month(y2, m2)
        if unit == "Q":
            if m is None:
                return None
            q = (m - 1) // 3 + 1 + k
            return V.make_quarter(y + (q - 1) // 4, (q - 1) % 4 + 1)
        if unit in ("W", "WE"):
            if m is None or d is None:
                return None
            tv = V.make_week_of_day(day_number(y, m, d) + 7 * k)
            if unit == "WE":
                tv = replace(tv, value=tv.value + "-WE", earliest=tv.latest - 1)
            return tv
        if unit in ("D", "H", "MIN", "S"):
            if m is None or d is None:
                return None
            if unit == "D":
                return V.from_day_number(day_number(y, m, d) + k)
            return V.make_day(y, m, d)
        return None

    def _rel_unit(self, c: Cand) -> Resolved:
        f = c.f
        rel = f.get("rel", "")
        rel2 = f.get("rel2")
        narrative_words = {
            "the following",
            "the next",
            "the previous",
            "the preceding",
            "the same",
            "that",
            "the subsequent",
            "the prior",
            "the ensuing",
            "the very same",
            "the",
        }
        if c.rule == "rel_within":
            k = {"the following": 1, "the next": 1, "the previous": -1}.get(rel2 or "", 0)
            narrative = rel2 not in ("this",)
        else:
            k = 0
            if rel in (
                "last",
                "past",
                "previous",
                "the previous",
                "the preceding",
                "the prior",
                "this past",
                "the past",
                "the last",
            ):
                k = -1
            elif rel in (
                "next",
                "coming",
                "the next",
                "the following",
                "the coming",
                "the subsequent",
                "the ensuing",
            ):
                k = 1
            narrative = rel in narrative_words
        got = self._base_for(c, narrative)
        unit = f.get("unit")
        if got is None:
            tx = {"Y": "XXXX", "M": "XXXX-XX", "D": "XXXX-XX-XX", "W": "XXXX-WXX"}.get(
                str(unit), "XXXX"
            )
            if "m" in f:
                tx = f"XXXX-{f['m']:02d}"
            kind: TimeKind = "TIME" if "pod" in f else "DATE"
            return self._res(c, kind, None, tx)
        base, anchor, astart = got
        tv: TimeValue | None = None
        if "m" in f:  # "last June", "next May"
            m = f["m"]
            y = base.y
            bm = base.m or 12
            if k < 0:
                y = base.y if m < bm else base.y - 1
            elif k > 0:
                y = base.y if m > bm else base.y + 1
            tv = V.make_month(y, m)
        elif "wd" in f:
            if base.m is not None and base.d is not None:
                dn = day_number(base.y, base.m, base.d)
                diff = f["wd"] - (dn % 7 + 1)
                if k > 0:
                    diff = diff if diff > 0 else diff + 7
                elif k < 0:
                    diff = diff if diff < 0 else diff - 7
                tv = V.from_day_number(dn + diff)
        elif "season" in f:
            code = f["season"]
            y = base.y
            sbm = base.m if base.m is not None else base.pm
            if k != 0 and sbm is not None:
                sm = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
                if k < 0:
                    y = base.y if sm + 2 < sbm else base.y - 1
                else:
                    y = base.y if sm > sbm else base.y + 1
            elif k != 0:
                y += k
            tv = V.make_season(y, code)
        elif "pod" in f:
            if base.m is not None and base.d is not None:
                # "the next morning": the part of the day after the reference's day
                y2, m2, d2 = civil_from_day(day_number(base.y, base.m, base.d) + k)
                tv = V.make_part_of_day(y2, m2, d2, f["pod"])
                return self._res(c, "TIME", tv, tv.value, anchor, astart)
            return self._res(c, "TIME", None, f"XXXX-XX-XXT{f['pod']}")
        elif unit is not None:
            tv = None if unit == "SEASON" else self._shift(base, unit, k)
            if unit in ("DE", "CE") and rel in (
                "the next",
                "the following",
                "the past",
                "the last",
                "the coming",
                "the previous",
            ):
                # "the next decade": TimeML reads a length of time
                res = self._res(c, "DATE", tv, anchor=anchor, anchor_start=astart)
                res.parts = [(c.start, c.end, "DURATION", "P10Y" if unit == "DE" else "P100Y")]
                return res
        if tv is None:
            return self._res(
                c, "DATE", None, "XXXX" if unit in ("Y", None) else _x_timex(None, base.m, None)
            )
        if c.f.get("mod"):
            tv = _with_mod(tv, c.f["mod"])
        if tv is not None and c.rule == "rel_within":
            tv = replace(tv, approximate=True)
        return self._res(c, "DATE", tv, anchor=anchor, anchor_start=astart)

    def _ago(self, c: Cand) -> Resolved:
        r = self._ago_value(c)
        f = c.f
        rel = str(f.get("rel", "")).strip()
        text = self.ctx.text
        rs = f.get("rel_start")
        follow = text[c.end : c.end + 6]
        complement = not re.match(r"\s*(?:[,.;:)!?\n]|$)", follow)
        if (
            isinstance(rs, int)
            and c.rule == "ago"
            and (
                rel in ("on", "from now", "hence", "since")
                or (rel in ("after", "before", "prior to") and complement)
                or (rel in ("earlier", "later") and re.match(r"\s*than\b", follow))
            )
        ):
            # TimeML tags the length ("a month") and leaves "before"/"after" as a signal
            e = rs
            while e > c.start and text[e - 1].isspace():
                e -= 1
            r.parts = [
                (c.start, e, "DURATION", _dur_timex(f.get("n", "X"), str(f.get("unit", "Y"))))
            ]
        return r

    def _ago_value(self, c: Cand) -> Resolved:
        f = c.f
        rel = f.get("rel", "ago").strip()
        n = f.get("n", 1)
        unit = f.get("unit", "Y")
        if c.rule == "the_unit_rel":
            n = 1
        text = self.ctx.text
        after = text[c.end : c.end + 2]
        clause_follows = rel in ("after", "before", "since", "prior to") and not re.match(
            r"\s*[,.;:)!?\n]|$", after
        )
        if rel in ("ago", "back", "hence", "from now"):
            sign = -1 if rel in ("ago", "back") else 1
            if not isinstance(n, int):
                return self._res(c, "DATE", None, "PAST_REF" if sign < 0 else "FUTURE_REF")
            # apposition: "90 years ago, on November 16, 1933"
            app = self.apposition.get(c.start)
            if app is not None:
                tv_app, s_app = app
                tv = self._truncate(tv_app, unit)
                return self._res(c, "DATE", tv, anchor="event", anchor_start=s_app)
            ctx = self.ctx
            if ctx.dct is not None:
                dbase = Ref(*ctx.dct, -1)
            elif ctx.inferred_dct_year is not None and unit in ("Y", "DE", "CE"):
                dbase = Ref(ctx.inferred_dct_year, None, None, -1)
            else:
                return self._res(c, "DATE", None, _ago_x(unit))
            dtv = self._shift_n(dbase, unit, sign * n)
            return self._res(c, "DATE", dtv, None if dtv else _ago_x(unit), "dct")
        if not isinstance(n, int):
            # "a few years later": after the reference by an unknown amount, so not even
            # the reference's year is known (it may be the next one)
            return self._res(
                c,
                "DATE",
                None,
                "PAST_REF"
                if rel in ("earlier", "before", "previously", "prior to")
                else "FUTURE_REF",
            )
        sign = -1 if rel in ("earlier", "before", "previously", "prior to") else 1
        if clause_follows:
            # "16 years after breaking relations": the date of the embedded event is the
            # date of this sentence's main clause minus the offset
            main = self._main_clause_date(c)
            if main is None:
                return self._res(c, "DATE", None, _ago_x(unit))
            tv_main, s_main = main
            mbase = _ref_from_tv(tv_main, s_main)
            if mbase is None:
                return self._res(c, "DATE", None, _ago_x(unit))
            mtv = self._shift_n(mbase, unit, -sign * n)
            return self._res(c, "DATE", mtv, None if mtv else _ago_x(unit), "event", s_main)
        got = self._base_for(c, True)
        if got is None:
            return self._res(c, "DATE", None, _ago_x(unit))
        base, anchor, astart = got
        ntv = self._shift_n(base, unit, sign * n)
        return self._res(c, "DATE", ntv, None if ntv else _partial_x(base, unit), anchor, astart)

    def _truncate(self, tv: TimeValue, unit: str) -> TimeValue:
        y, m, _ = civil_from_day(tv.earliest)
        if unit in ("Y", "DE", "CE") or tv.precision == "year":
            return V.make_year(y)
        if unit in ("M", "Q") or tv.precision == "month":
            return V.make_month(y, m)
        return tv

    def _shift_n(self, base: Ref, unit: str, k: int) -> TimeValue | None:
        y, m, d = base.y, base.m, base.d
        if unit == "Y":
            return V.make_year(y + k)
        if unit == "DE":
            return V.make_year(y + 10 * k)
        if unit == "CE":
            return V.make_year(y + 100 * k)
        if unit in ("M", "Q", "FN", "W", "D", "H", "MIN", "S") and m is None:
            return V.make_year(y) if abs(k) < 1 and unit == "M" else None
        assert m is not None
        if unit in ("M", "Q"):
            y2, m2 = add_months(y, m, k * (3 if unit == "Q" else 1))
            return V.make_month(y2, m2)
        if d is None:
            return None
        dn = day_number(y, m, d)
        if unit == "W":
            return V.make_week_of_day(dn + 7 * k)
        if unit == "FN":
            return V.make_week_of_day(dn + 14 * k)
        if unit == "D":
            return V.from_day_number(dn + k)
        return V.make_day(y, m, d)

    def _main_clause_date(self, c: Cand) -> tuple[TimeValue, int] | None:
        """The explicit date of the clause this offset phrase belongs to (same sentence,
        before it, no semicolon between)."""
        found = self.resolved_so_far
        s, _ = _sentence_bounds(self.ctx, c.start)
        for r in reversed(found):
            if r.start < s:
                break
            if (
                r.end <= c.start
                and r.value is not None
                and r.kind in ("DATE", "TIME")
                and r.rule not in ("present", "past", "future")
            ):
                if ";" in self.ctx.text[r.end : c.start]:
                    return None
                return r.value, r.start
        return None

    def _anniv(self, c: Cand) -> Resolved:
        """'the 90th anniversary': the anniversary falls in the DCT's year (its event,
        N years earlier, is not this expression's value)."""
        ctx = self.ctx
        prev = self.resolved_so_far[-1] if self.resolved_so_far else None
        if (
            prev is not None
            and prev.value is not None
            and prev.kind == "DATE"
            and prev.value.precision in ("day", "month")
            and re.fullmatch(r"\s*[,(–—-]\s*", ctx.text[prev.end : c.start])
        ):
            # "On April 9, 2009, the sixth anniversary of ...": the day it is apposed to
            return self._res(c, "DATE", prev.value, anchor="event", anchor_start=prev.start)
        y = ctx.dct[0] if ctx.dct is not None else ctx.inferred_dct_year
        if y is None:
            return self._res(c, "DATE", None, "XXXX")
        return self._res(c, "DATE", V.make_year(y), anchor="dct")

    def _offset_date(self, c: Cand, in_list: bool) -> Resolved:
        f = c.f
        (target,) = c.parts
        rt = self.resolve(target, in_list=in_list)
        n = f.get("n", 1)
        unit = f.get("unit", "D")
        if rt.value is None or not isinstance(n, int):
            return self._res(c, "DATE", None, rt.timex)
        base = _ref_from_tv(rt.value, target.start)
        if base is None:
            return self._res(c, "DATE", None, rt.timex)
        sign = -1 if f.get("rel") in ("before", "prior to") else 1
        tv = self._shift_n(base, unit, sign * n)
        return self._res(c, "DATE", tv, None if tv else "XXXX", "event", target.start)


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


# ------------------------------------------------------------------ driver
_UPDATES_REF = ("day", "month", "year", "season", "time", "quarter", "interval")


def resolve_all(
    text: str,
    cands: Sequence[Cand],
    *,
    dct: TimeValue | None,
    roles: Sequence[str] | None = None,
    heading_breaks: Sequence[int] = (),
    day_first: bool | None = None,
) -> list[Resolved]:
    """Resolve ``cands`` in document order.

    ``roles[i]`` is one of ``content`` (default), ``docdate`` (a publication/byline date:
    resolved but never the narrative's reference), ``heading`` (sets the year for the list
    items under it), ``list_item``. ``heading_breaks`` are offsets of headings, where a
    heading's year stops applying."""
    ctx = Context(text=text, day_first=day_first)
    if dct is not None:
        y, m, d = civil_from_day(dct.earliest)
        if dct.precision in ("day", "time"):
            ctx.dct = (y, m, d)
        else:
            ctx.dct = (y, m, 1) if dct.precision == "month" else (y, 7, 1)
        ctx.dct_tv = (
            V.with_anchor(V.make_day(*ctx.dct), "dct")
            if dct.precision in ("day", "time")
            else V.with_anchor(dct, "dct")
        )
    ctx.sent_starts = sentence_starts(text)
    roles = list(roles) if roles is not None else ["content"] * len(cands)
    resolver = Resolver(ctx)
    resolver.docdate_starts = {c.start for c, role in zip(cands, roles, strict=True) if role == "docdate"}
    _prepass(resolver, cands, roles)
    ctx.news = _is_news(ctx, cands, roles)
    years = _YearTrack(text, cands, roles, ctx.sent_starts)
    para_seen = -1
    aside = _Asides(text)
    breaks = sorted(heading_breaks)
    bi = 0
    out = resolver.resolved_so_far
    for c, role in zip(cands, roles, strict=True):
        while bi < len(breaks) and breaks[bi] <= c.start:
            ctx.heading = None
            bi += 1
        r = resolver.resolve(c, in_list=(role == "list_item"))
        out.append(r)
        if role == "docdate":
            continue
        if (
            r.value is not None
            and r.kind in ("DATE", "TIME")
            and r.value.precision in _UPDATES_REF
            and c.rule not in ("present", "past", "future", "anniv")
            and (c.rule != "dctword" or c.start in resolver.ago_day)
        ):
            if c.rule == "ago" and r.value.anchor == "dct":
                continue
            if r.value.anchor == "dct" and resolver._past_ref() is not None:
                continue  # the page's present ("this week", "on Saturday") in a told past
            if _looks_back(c):
                continue  # "the previous year", "two years earlier": background, not progress
            if _embedded_event(text, c):
                continue  # "In December 1917, a month after <event>": the embedded event's date
            # the first date of a paragraph sets its scene, whatever its syntax ("The
            # first of the 1777 campaigns ...", "When the British planned for 1777, ...")
            para = textindex.rfind(text, "\n", 0, c.start) + 1
            opens = para != para_seen
            if opens:
                para_seen = para
            if (
                c.rule in ("year", "year_era")
                and role != "heading"
                and not opens
                and not _sets_scene(text, c)
                and ctx.ref is not None
            ):
                continue
            if role != "heading" and ctx.ref is not None:
                if not opens and _IRREALIS_BEFORE.search(text[max(0, c.start - 60) : c.start]):
                    continue  # "a campaign planned for 1976" does not move the narrative there
                if aside.at(c.start):
                    continue  # a date in parentheses or in quoted speech is an aside
                if _pluperfect(text, c, ctx.sent_starts) and r.value.latest < _ref_day(ctx.ref):
                    continue  # "had been proclaimed in 1871": background of the narrative
            ref = _ref_from_tv(r.value, r.start)
            if ref is None:
                continue
            if r.value.anchor == "dct" or (
                r.value.anchor in ("narrative", "event")
                and ctx.ref is not None
                and ctx.ref.from_dct
                and r.anchor_start == ctx.ref.start
            ):
                ref.from_dct = True
            if role == "heading":
                ctx.heading = ref
            elif (
                r.value.anchor == "absolute"
                and not (opens and _opens_sentence(text, c, ctx.sent_starts))
                and not years.confirms(ref.y, ctx.ref, c.end)
            ):
                continue  # a side mention: the narrative's next years stay where they were
            ctx.ref = ref
    return out


#: what may stand before a date that opens its sentence: "In", "Early in", "By the end of"
_OPENER_WORDS = 4


def _opens_sentence(text: str, c: Cand, sent_starts: list[int]) -> bool:
    """The date opens its sentence ("In 1681 the nobles rose", "On 3 May, ..."): as the first
    date of a paragraph it sets the paragraph's scene, whatever years follow."""
    i = bisect.bisect_right(sent_starts, c.start) - 1
    s = sent_starts[max(i, 0)]
    lead = text[s : c.start]
    return len(lead.split()) <= _OPENER_WORDS and not re.search(r"[,;:()\[\]\"“”]", lead)


def _ref_day(ref: Ref) -> int:
    """First day of a reference."""
    return day_number(ref.y, ref.m or 1, ref.d or 1)


#: a past perfect ("had been proclaimed", "had signed") in the clause before a date
_PLUPERFECT = re.compile(r"(?i)\bhad\s+(?!to\b)(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|t|d)\b")


def _pluperfect(text: str, c: Cand, sent_starts: list[int]) -> bool:
    """The date's clause is in the past perfect: it tells what had happened before the
    narrative's time, so it does not move the narrative back."""
    i = bisect.bisect_right(sent_starts, c.start) - 1
    s = sent_starts[max(i, 0)]
    # the clause: after the sentence's last ";" or ":" before the date (found from an
    # index: a sentence may be a whole page long)
    k = max(textindex.rfind(text, ";", s, c.start), textindex.rfind(text, ":", s, c.start))
    clause_start = k + 1 if k >= 0 else s
    return bool(_PLUPERFECT.search(text[max(clause_start, c.start - 90) : c.start]))


class _YearTrack:
    """The explicit years a document names, in order: lets the driver ask whether the
    narrative really moves to a newly mentioned year (the next years it names are closer
    to it than to the current reference) or only mentions it in passing ("documents found
    in 2004 proved ..." in an account of 1920; "the Estates-General of 1614" in 1788)."""

    #: how many of the following explicit years are consulted, and how far ahead (chars):
    #: a year named pages later says nothing about this passage
    LOOKAHEAD = 1
    WINDOW = 1500
    #: a following year this many years from both the new date and the reference belongs
    #: to another story (a background date, a later book) and decides nothing
    UNRELATED = 10

    def __init__(
        self, text: str, cands: Sequence[Cand], roles: Sequence[str], sent_starts: list[int]
    ) -> None:
        self.sent_starts = sent_starts
        self.text_len = len(text)
        self.pos: list[int] = []
        self.year: list[int] = []
        for c, role in zip(cands, roles, strict=True):
            if role == "docdate":
                continue
            for part in c.parts or [c]:
                y = part.f.get("y")
                if isinstance(y, int) and not part.f.get("y2d") and part.rule != "apos_year":
                    self.pos.append(part.start)
                    self.year.append(y)

    def _following(self, pos: int) -> list[int]:
        i = bisect.bisect_right(self.sent_starts, pos)
        end_of_sentence = self.sent_starts[i] if i < len(self.sent_starts) else self.text_len
        j = bisect.bisect_left(self.pos, end_of_sentence)
        return [
            y
            for p, y in zip(
                self.pos[j : j + self.LOOKAHEAD], self.year[j : j + self.LOOKAHEAD], strict=True
            )
            if p - pos <= self.WINDOW
        ]

    def confirms(self, new_y: int, ref: Ref | None, pos: int) -> bool:
        """May an absolute date of year ``new_y`` ending at ``pos`` become the narrative's
        reference? Always when it keeps the year, when there is no reference yet, or when
        no explicit year follows; otherwise when the next explicit year named after its
        sentence is at least as close to it as to the current reference."""
        if ref is None or ref.y == new_y:
            return True
        nxt = self._following(pos)
        if not nxt:
            return True
        med = sorted(nxt)[len(nxt) // 2]
        if min(abs(med - new_y), abs(med - ref.y)) > self.UNRELATED:
            return True  # the next year named is far from both: it says nothing here
        return abs(med - new_y) <= abs(med - ref.y)


_BACKWARD_RELS = frozenset(
    {
        "earlier",
        "before",
        "previously",
        "prior",
        "ago",
        "back",
        "the previous",
        "the preceding",
        "the prior",
        "previous",
        "last",
        "the last",
        "the past",
        "this past",
        "past",
    }
)


def _looks_back(c: Cand) -> bool:
    """A relative expression pointing back from the narrative's time ("the previous
    year", "two years earlier", "the day before"): it recalls the background and does not
    move the narrative there."""
    return c.rule in ("ago", "the_unit_rel", "rel_unit") and (
        str(c.f.get("rel", "")).strip() in _BACKWARD_RELS
    )


def _embedded_event(text: str, c: Cand) -> bool:
    """ "a month after the Bolsheviks seized power": the value is the date of the event in
    the clause (the sentence's date minus the offset), a background date."""
    return (
        c.rule in ("ago", "the_unit_rel")
        and str(c.f.get("rel", "")).strip() in ("after", "before", "since", "prior to")
        and not re.match(r"\s*(?:[,.;:)!?\n]|$)", text[c.end : c.end + 3])
    )


#: plans, projections and conditionals: their dates are not the narrative's present
_IRREALIS_BEFORE = re.compile(
    r"(?i)\b(?:plann?ed|plans?|projected|scheduled|expected|intended|hoped|would|could|might|"
    r"will|shall|proposed|promised|aimed|was\s+to|were\s+to|due)\b[^.;:!?\n]*$"
)


def _aside(text: str, pos: int) -> bool:
    """Is ``pos`` inside parentheses or brackets, or inside a double-quoted passage, of
    its paragraph (what is open before it and not closed)?"""
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    depth = 0
    for ch in before:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
    if depth > 0:
        return True
    opened = before.count("“") > before.count("”")
    straight = before.count('"') % 2 == 1
    return opened or straight


class _Asides:
    """:func:`_aside` of positions asked in document order, each paragraph scanned once
    (a paragraph of thousands of dates stays linear); an earlier position rescans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.para = -1
        self.pos = -1
        self.depth = 0
        self.curly_open = 0
        self.curly_close = 0
        self.straight = 0

    def at(self, pos: int) -> bool:
        text = self.text
        para = textindex.rfind(text, "\n", 0, pos) + 1
        if para != self.para or pos < self.pos:
            self.para, self.pos = para, para
            self.depth = self.curly_open = self.curly_close = self.straight = 0
        chunk = text[self.pos : pos]
        self.pos = pos
        depth = self.depth
        for ch in chunk:
            if ch in "([":
                depth += 1
            elif ch in ")]" and depth > 0:
                depth -= 1
        self.depth = depth
        self.curly_open += chunk.count("“")
        self.curly_close += chunk.count("”")
        self.straight += chunk.count('"')
        if depth > 0:
            return True
        return self.curly_open > self.curly_close or self.straight % 2 == 1


_SCENE_BEFORE = re.compile(
    r"(?i:\b(?:in|by|during|from|through|throughout|after|early|late|mid|"
    r"around|circa|c\.|ca\.|spring|summer|autumn|fall|winter|end|beginning|start|middle)\s*-?\s*)$"
)


#: the second of two coordinated dates: "late 1948 and early 1949", "1917 or 1918"
_COORDINATED = re.compile(
    r"(?i)\d{3,4}(?:\s*(?:BC|BCE|AD|CE))?,?\s+(?:and|or|to|until|till|through)\s+"
    r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of)\s*-?\s*)?$"
)


def _sets_scene(text: str, c: Cand) -> bool:
    """A bare year moves the narrative's reference time when it is a temporal adverbial
    ("In 1942, ...", "by 1943", a sentence opening with it), not a noun modifier ("the
    Estates-General of 1614", "the 2003 invasion")."""
    before = text[max(0, c.start - 20) : c.start]
    if _SCENE_BEFORE.search(before) or _COORDINATED.search(text[max(0, c.start - 40) : c.start]):
        return True
    return not before.strip() or before.rstrip()[-1:] in '.!?:\n"“(' or c.f.get("mod") is not None


def _told_today(c: Cand | None) -> bool:
    """ "today" / "tonight" (a DCT word naming the page's own day)."""
    if c is None:
        return False
    return (c.rule == "dctword" and c.f.get("dw") == "today") or (
        c.rule == "tonight" and c.f.get("dw_word") == "tonight"
    )


#: "N years / decades / a century ago today"
_YEARS_PER_UNIT = {"Y": 1, "DE": 10, "CE": 100}


def _prepass(resolver: Resolver, cands: Sequence[Cand], roles: Sequence[str]) -> None:
    """Appositions "N years ago, on <date>": resolve the offset from the date and, when the
    document has no DCT, infer its year. "N years ago today/tonight[, on <date>]": the
    "today"/"tonight" is the told day (the apposed date, else the DCT's day N years back),
    not the page's."""
    text = resolver.ctx.text
    dct = resolver.ctx.dct
    app: dict[int, tuple[TimeValue, int]] = {}
    told: dict[int, tuple[int, Anchor, int | None]] = {}
    for i, c in enumerate(cands):
        if (
            c.rule != "ago"
            or c.f.get("rel") not in ("ago", "back")
            or not isinstance(c.f.get("n"), int)
        ):
            continue
        j = i + 1
        day_word = cands[j] if j < len(cands) else None
        if (
            _told_today(day_word)
            and day_word is not None
            and not text[c.end : day_word.start].strip()
        ):
            j += 1
        else:
            day_word = None
        per_unit = _YEARS_PER_UNIT.get(str(c.f.get("unit")))
        if day_word is not None and dct is not None and per_unit is not None:
            y, m, d = dct
            y -= int(c.f["n"]) * per_unit
            if not V.valid_day(y, m, d):
                d -= 1
            told[day_word.start] = (day_number(y, m, d), "dct", None)
        last = day_word or c
        nxt = cands[j] if j < len(cands) else None
        if (
            nxt is None
            or "y" not in nxt.f
            or nxt.rule not in ("dmy", "mdy", "my", "year", "iso", "time_date")
        ):
            continue
        if not re.fullmatch(r",?\s*(?:on|in|back\s+in|back\s+on)?\s*", text[last.end : nxt.start]):
            continue
        tmp = Resolver(Context(text=text, sent_starts=resolver.ctx.sent_starts))
        r = tmp.resolve(nxt)
        if r.value is None:
            continue
        app[c.start] = (r.value, nxt.start)
        if day_word is not None and r.value.precision in ("day", "time"):
            told[day_word.start] = (r.value.earliest, "event", nxt.start)
        unit = c.f.get("unit")
        if resolver.ctx.dct is None and unit == "Y" and resolver.ctx.inferred_dct_year is None:
            resolver.ctx.inferred_dct_year = civil_from_day(r.value.earliest)[0] + int(c.f["n"])
    resolver.apposition = app
    resolver.ago_day = told
    for c, nxt in itertools.pairwise(cands):
        if (
            c.rule in ("clock", "clock_word", "clock_oclock")
            and nxt.rule in ("pod_date", "dmy", "mdy", "iso")
            and {"m", "d"} <= nxt.f.keys()
            and re.fullmatch(r"\s*(?:on|of)\s+", text[c.end : nxt.start])
        ):
            resolver.clock_day[c.start] = nxt


_DCT_WORDS = {"last", "next", "this", "coming", "past", "current", "this past"}


def _is_news(ctx: Context, cands: Sequence[Cand], roles: Sequence[str]) -> bool:
    """News-like: a DCT is known and the document talks about its own time (weekdays,
    "today", "last year", "N years ago") often compared with how many explicit years it
    names. A history narrative names many years and few DCT words."""
    if ctx.dct is None:
        return False
    years = 0
    dct_words = 0
    far_fine = 0  # month- or day-precise dates far from the DCT: a history's signature
    for c, role in zip(cands, roles, strict=True):
        if role == "docdate":
            continue
        if isinstance(c.f.get("y"), int) and not c.f.get("y2d"):
            years += 1
            if "m" in c.f and abs(c.f["y"] - ctx.dct[0]) > 5:
                far_fine += 1
        years += sum(1 for p in c.parts if isinstance(p.f.get("y"), int))
        if (
            c.rule in ("weekday", "dctword", "pod_day", "tonight")
            or (c.rule == "ago" and c.f.get("rel") == "ago")
            or (c.rule == "rel_unit" and c.f.get("rel") in _DCT_WORDS)
        ):
            dct_words += 1
    return years <= 2 or 3 * dct_words >= years or (far_fine == 0 and years <= 10)
