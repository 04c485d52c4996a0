"""Resolver rules for relative expressions: the DCT's own words ("today", "last year"),
shifts by a unit from the DCT or the narrative ("the following year", "two days later",
"August of that year"), "N years ago" (with its apposed date), anniversaries and
offsets from another event ("a month after <date>").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Anchor, TimeKind, TimeValue, civil_from_day, day_number
from . import values as V
from .context import (
    Ref,
    Resolved,
    _ago_x,
    _date_value,
    _dur_timex,
    _partial_x,
    _ref_from_tv,
    _sentence_bounds,
    _with_mod,
    _x_timex,
    add_months,
    sentence_time,
)
from .lexicon import lexicon
from .resolve_base import ResolverBase
from .tagger import Cand


class RelativeRules(ResolverBase):
    """Relative expressions: DCT words, shifts by units, "ago", anniversaries, offsets."""

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
        told = self.ago_day.get(c.start) if rel == "this" else None
        if told is not None:
            # "25 years ago this week": the week (month) of the told day, not the page's
            ty, tm, td = civil_from_day(told[0])
            got = (Ref(ty, tm, td, told[2] if told[2] is not None else -1), told[1], told[2])
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
            if rel in lexicon().retrospective_offsets and (
                main is None or _ref_from_tv(main[0], main[1]) is None
            ):
                # "This week marks 40 years since the flood": no main clause dated to a
                # day, month or year, so the span runs up to the reference (the page's date
                # or the narrative's)
                got_r = self._base_for(c, True)
                if got_r is None:
                    return self._res(c, "DATE", None, _ago_x(unit))
                rbase, ranchor, rstart = got_r
                rtv = self._shift_n(rbase, unit, -n)
                return self._res(c, "DATE", rtv, None if rtv else _ago_x(unit), ranchor, rstart)
            if main is None and rel in lexicon().retrospective_in_present:
                # "Fifty years after the flood, the town still grieves": told in the
                # page's own present, the span runs up to the page's date
                dct = self.ctx.dct
                s_s, e_s = _sentence_bounds(self.ctx, c.start)
                rest = self.ctx.text[s_s : c.start] + " " + self.ctx.text[c.end : e_s]
                if dct is not None and self.ctx.ref is None and sentence_time(rest) == "present":
                    ptv = self._shift_n(Ref(*dct, -1), unit, -n)
                    return self._res(c, "DATE", ptv, None if ptv else _ago_x(unit), "dct")
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
        if anchor == "dct" and rel in lexicon().retrospective_offsets:
            # "Remembering the flood, 100 years on": the page's date is the anniversary,
            # the event lies N units before it (from a stated past date it counts forward)
            sign = -1
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
