"""Resolver rules for times within a day: clock times (with the day they fall on, and the
small hours after a late evening), parts of the day ("that evening", "the morning of
<date>"), and weekdays resolved against the narrative's day or the DCT.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import Anchor, civil_from_day, day_number
from . import values as V
from .context import Resolved, _tense
from .resolve_base import ResolverBase
from .tagger import Cand

#: a clock time before this hour, told after a time from this late hour on the same day
#: and at least this many hours earlier, is in the small hours of the next day
_SMALL_HOURS_END = 6
_LATE_HOUR = 20
_NIGHT_GAP = 12
#: the hour a part of the day stands for
_POD_HOUR = {"MO": 9, "AF": 15, "EV": 20, "NI": 22, "DT": 12}

#: "another Saturday", "early on a Saturday", "every Friday": no particular day of the page's week
_ANOTHER = re.compile(r"(?i)\b(?:another|a|an|one|every|each|any)\s+$")
_QUOTED_NAME_BEFORE = re.compile(r"['‘\"“][A-Z][a-z]+\s+$")
_QUOTE_AFTER = re.compile(r"['’\"”]")


class ClockRules(ResolverBase):
    """Clock times, parts of the day and weekdays."""

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
        if anchor == "narrative" and self._past_midnight(int(c.f["hh"]), c):
            # "after midnight ... at 1:23 a.m.": the small hours of the next day
            y, m, d = civil_from_day(day_number(y, m, d) + 1)
        tv = V.make_time(y, m, d, c.f["hh"], c.f.get("mi"))
        return self._res(c, "TIME", tv, f"{tv.value}", anchor, astart)

    def _past_midnight(self, hh: int, c: Cand) -> bool:
        """A clock time of the small hours told after a late time of the same narrative day
        ("in the evening", "midnight", "23:10", then "1:23 a.m."): the night has passed."""
        if hh >= _SMALL_HOURS_END or str(c.f.get("ampm") or "").lower().startswith("p"):
            return False
        r = self.ctx.ref
        if r is None:
            return False
        last = next((x for x in reversed(self.resolved_so_far) if x.start == r.start), None)
        if last is None or last.value is None or last.value.precision != "time":
            return False
        tail = last.value.value.partition("T")[2]
        ref_hour = int(tail[:2]) if tail[:2].isdigit() else _POD_HOUR.get(tail[:2], 12)
        return ref_hour >= _LATE_HOUR and ref_hour - hh >= _NIGHT_GAP

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
            return self._res(c, "DATE", None, f"XXXX-WXX-{wd}")  # "on a Saturday"
        if _QUOTED_NAME_BEFORE.search(
            self.ctx.text[max(0, c.start - 20) : c.start]
        ) and _QUOTE_AFTER.match(self.ctx.text[c.end : c.end + 2]):
            return self._res(c, "DATE", None, f"XXXX-WXX-{wd}")  # a day's name: "'Black Friday'"
        got = self._weekday_day(c, wd, c.f.get("rel"))
        if got is None:
            return self._res(c, "DATE", None, f"XXXX-WXX-{wd}")
        n, anchor, astart = got
        return self._res(c, "DATE", V.from_day_number(n), anchor=anchor, anchor_start=astart)
