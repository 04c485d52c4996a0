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

This module holds the driver (:func:`resolve_all`, with the DCT pre-pass and the news
test) and :class:`Resolver`, which joins the rule layers under a dispatcher. The rules
live in :mod:`.resolve_dates`, :mod:`.resolve_clock` and :mod:`.resolve_relative` on
:mod:`.resolve_base`; shared types and builders in :mod:`.context`; sentence and
paragraph shapes in :mod:`.discourse`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from .. import textindex
from ..model import Anchor, TimeValue, civil_from_day, day_number
from . import values as V
from .context import (
    Context,
    Ref,
    Resolved,
    _date_value,
    _dur_timex,
    _ref_from_tv,
    _x_timex,
    sentence_starts,
    sentence_time,
)
from .discourse import (
    _IRREALIS_BEFORE,
    _aside,
    _Asides,
    _embedded_event,
    _looks_back,
    _opens_sentence,
    _pluperfect,
    _ref_day,
    _sets_scene,
    _told_today,
    _YearTrack,
)
from .resolve_clock import ClockRules
from .resolve_dates import DateRules
from .resolve_relative import RelativeRules
from .tagger import Cand

# the names other modules and tests import from here (the pieces moved out stay importable)
__all__ = [
    "Context",
    "Ref",
    "Resolved",
    "Resolver",
    "_Asides",
    "_aside",
    "resolve_all",
    "sentence_starts",
    "sentence_time",
]

#: present references that can be the narrative's own present in a past-tense sentence
_NARRATIVE_NOW = re.compile(r"(?i)(?:right\s+)?now|(?:at\s+)?(?:this|the)\s+(?:time|moment)")


# ------------------------------------------------------------------ resolver
class Resolver(RelativeRules, ClockRules, DateRules):
    """The normaliser's resolver: the rule layers joined under one dispatcher."""

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
    resolver.docdate_starts = {
        c.start for c, role in zip(cands, roles, strict=True) if role == "docdate"
    }
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


#: "N years / decades / a century ago today"
_YEARS_PER_UNIT = {"Y": 1, "DE": 10, "CE": 100}


def _told_this_span(c: Cand | None) -> bool:
    """ "this week" / "this month" right after "N years ago": the told week or month."""
    return (
        c is not None
        and c.rule == "rel_unit"
        and c.f.get("rel") == "this"
        and c.f.get("unit") in ("W", "M")
        and not any(k in c.f for k in ("m", "wd", "season", "pod"))
    )


def _prepass(resolver: Resolver, cands: Sequence[Cand], roles: Sequence[str]) -> None:
    """Appositions "N years ago, on <date>": resolve the offset from the date and, when the
    document has no DCT, infer its year. "N years ago today/tonight/this week[, on <date>]":
    the "today"/"tonight"/"this week" is the told day (week) (the apposed date, else the DCT's day N years back),
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
            (_told_today(day_word) or _told_this_span(day_word))
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
