"""Resolver rules for calendar dates: absolute and year-less dates (choosing the year from
the narrative, the DCT or the sentence's tense), numeric dates, day ranges, holidays,
ranges of two expressions, durations and sets. The year of a year-less date moves
forward with the narrative (``_NEXT_YEAR_GAP``, the seasons).
"""

from __future__ import annotations

from ..model import Anchor, civil_from_day
from . import values as V
from .context import (
    Ref,
    Resolved,
    _date_value,
    _dur_timex,
    _half_value,
    _nearest_year,
    _tense,
    _with_mod,
    _x_timex,
)
from .resolve_base import ResolverBase
from .tagger import Cand

#: a year-less month this many months before the reference's month is read as the next
#: year's (narratives move forward: after "December 8, 1941", "in January" is 1942)
_NEXT_YEAR_GAP = 8


#: "the winter" after a reference in this month or later is the coming winter (next year)
_WI_FROM = 8
_SEASON_MID = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


class DateRules(ResolverBase):
    """Absolute and year-less calendar dates, day ranges, holidays, ranges, durations, sets."""

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
