"""Glue: text (+ DCT, + structure roles) -> TimeMentions, and the TIMEX3 view of them."""

from __future__ import annotations

import email.utils
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from ..model import TimeMention, TimeValue
from . import values as V
from .calendars import dual_dated_mentions, julian_reading
from .normalise import Resolved, resolve_all
from .tagger import Cand, find_candidates


def coerce_dct(dct: TimeValue | str | None) -> TimeValue | None:
    if dct is None or isinstance(dct, TimeValue):
        return dct
    return V.parse_value(dct) or normalise_date_string(dct)


def apply_calendars(text: str, resolved: list[Resolved]) -> list[Resolved]:
    """Dates given for a well-known dual-dated event in its Julian form (e.g. 25 October
    1917 near "October Revolution") are stored as the Gregorian day, source calendar julian."""
    if not resolved:
        return resolved
    events = dual_dated_mentions(text)
    if not events:
        return resolved
    out = []
    for r in resolved:
        if r.value is not None and r.kind in ("DATE", "TIME"):
            for s, e, ev in events:
                if abs(s - r.start) <= 160 or abs(r.end - e) <= 160:
                    between = text[min(e, r.end) : max(s, r.start)]
                    if "\n\n" in between:
                        continue
                    fixed = julian_reading(r.value, ev)
                    if fixed is not None:
                        r = replace(r, value=fixed)
                        break
        out.append(r)
    return out


#: what may stand between a relative date and the explicit date it restates
#: ("Two weeks later, on 12 November 1216", "the following day (December 8)")
_RESTATED = re.compile(r"\s*(?:,|\(|—|–)\s*(?:on|in|at)?\s*")
_RELATIVE_RULES = frozenset({"ago", "rel_unit", "rel_day", "rel_word", "dctword"})
#: "around 1450", "c. 1450": the date is approximate
_CIRCA = re.compile(
    r"(?i)(?:\b(?:around|about|circa|approximately|roughly|some\s+time\s+in)|\bc\.|\bca\.)\s*$"
)
_COARSE = frozenset({"year", "decade", "century"})


def _restated(text: str, resolved: list[Resolved], cands: Sequence[Cand]) -> list[Resolved]:
    """A relative date followed by the explicit date it restates takes that date ("Two weeks
    later, on 12 November"), unless it is a count of years that agrees with it ("90 years ago,
    on November 16, 1933" stays a year); an expression after "around"/"circa" is approximate."""
    out = list(resolved)
    for i, r in enumerate(out):
        if (
            r.value is not None
            and not r.value.approximate
            and r.kind == "DATE"
            and _CIRCA.search(text[max(0, r.start - 24) : r.start])
        ):
            out[i] = r = replace(r, value=replace(r.value, approximate=True))
        if i + 1 >= len(out) or cands[i].rule not in _RELATIVE_RULES:
            continue
        nxt = out[i + 1]
        if nxt.value is None or nxt.kind != "DATE" or cands[i + 1].rule in _RELATIVE_RULES:
            continue
        if nxt.value.anchor != "absolute" or not _RESTATED.fullmatch(text[r.end : nxt.start]):
            continue
        if (
            r.value is not None
            and r.value.precision in _COARSE
            and r.value.earliest <= nxt.value.earliest <= nxt.value.latest <= r.value.latest
        ):
            continue
        out[i] = replace(r, value=nxt.value)
    return out


def run(
    text: str,
    dct: TimeValue | None,
    *,
    cands: Sequence[Cand] | None = None,
    roles: Sequence[str] | None = None,
    heading_breaks: Sequence[int] = (),
    day_first: bool | None = None,
) -> list[Resolved]:
    if cands is None:
        cands = find_candidates(text)
    res = resolve_all(
        text, cands, dct=dct, roles=roles, heading_breaks=heading_breaks, day_first=day_first
    )
    return apply_calendars(text, _restated(text, res, cands))


def to_mentions(
    text: str, resolved: Sequence[Resolved], doc_id: str, docdate: Sequence[bool] | None = None
) -> list[TimeMention]:
    out = []
    for i, r in enumerate(resolved):
        out.append(
            TimeMention(
                doc_id=doc_id,
                start=r.start,
                end=r.end,
                text=text[r.start : r.end],
                kind=r.kind,
                value=r.value if r.kind in ("DATE", "TIME") else None,
                timex=r.timex,
                document_date=bool(docdate[i]) if docdate is not None else False,
                anchor_start=r.anchor_start
                if r.anchor_start is not None and r.anchor_start >= 0
                else None,
            )
        )
    return out


def tag_timex3(text: str, dct: TimeValue | str | None = None) -> list[tuple[int, int, str, str]]:
    """TIMEX3 view (start, end, type, value) as TimeML annotates: a range such as
    "1933-1945" or "from 1936 to 1938" is two expressions."""
    out: list[tuple[int, int, str, str]] = []
    for r in run(text, coerce_dct(dct)):
        out.extend(r.parts)
    return out


_TZ_TAIL = re.compile(r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)$")


def normalise_date_string(s: str) -> TimeValue | None:
    """A date written in metadata -> TimeValue (time precision when a clock time is given).

    ISO 8601 (``2023-11-15``, ``2023-11-15T10:00:00Z``), RFC 2822 (``Wed, 15 Nov 2023
    10:00:00 +0000``), and prose forms (``November 16, 2011 05:00 AM``, ``16 Nov 2011``)."""
    t = s.strip()
    if not t or len(t) > 200:
        return None
    iso = t.replace("Z", "+00:00") if t.endswith("Z") else t
    try:
        dt = datetime.fromisoformat(iso)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
            return V.make_day(dt.year, dt.month, dt.day)
        return V.make_time(dt.year, dt.month, dt.day, dt.hour, dt.minute)
    except ValueError:
        pass
    pv = V.parse_value(t)
    if pv is not None:
        return pv
    if re.search(r"\d{1,2}:\d{2}", t) and "," in t[:5]:
        try:
            dt2 = email.utils.parsedate_to_datetime(t)
            return V.make_time(dt2.year, dt2.month, dt2.day, dt2.hour, dt2.minute)
        except (TypeError, ValueError, IndexError):
            pass
    res = run(t, None)
    best = None
    for r in res:
        usable = r.value is not None and r.kind in ("DATE", "TIME") and r.value.anchor == "absolute"
        if usable and (best is None or (r.end - r.start) > (best.end - best.start)):
            best = r
    if best is None:
        return None
    covered = len(re.sub(r"\W", "", t[best.start : best.end]))
    if covered < 0.6 * len(re.sub(r"\W", "", _TZ_TAIL.sub("", t))):
        return None
    return best.value
