"""The tagger's merging of adjacent candidates: ranges ("1933-1945", "from May to June"),
a time joined to its date, dual Old Style / New Style dates ("11/22 February"), dates
in table cells, and the compatibility test for the two ends of a range.
"""

from __future__ import annotations

import re

from .calendars import julian_to_gregorian
from .lexicon import Lexicon
from .tag_grammar import Cand, S

# ----------------------------------------------------------------- merging
_RANGE_SEP = re.compile(rf"^{S}?[-–—]{S}?$|^{S}(?i:to|until|till|through|thru|and|or){S}$")
_FROM_BEFORE = re.compile(r"(?i:\b(?:from|between|since)\s*)$")
_TIME_DATE_SEP = re.compile(
    rf"^(?:{S}(?:[A-Z][a-z]+|(?i:local)){S}(?i:time))?(?:,?{S}(?i:on|of)?{S}?|,{S}?|{S})$"
)
_DATE_TIME_SEP = re.compile(rf"^(?:,?{S}(?i:at|about|around|by)?{S}?|,{S}?|{S}|{S}?-{S}?)$")
_CAL_WORD = (
    r"O\.\s?S\.|N\.\s?S\.|O\.S|N\.S|Old\s+Style|New\s+Style|(?:old|new)\s+style|Julian|Gregorian"
)
#: a calendar mark after a date: "(O.S.)", "[N.S.]", "Old Style" (a bracket must close:
#: "9 October [O.S. 28 September] 1708" is a pair of datings, see :func:`_dual_dates`)
_OS_MARK = re.compile(
    rf"[ \t]*(?:[\(\[][ \t]*(?P<mk>{_CAL_WORD})(?:\s+(?:calendar|date))?[ \t]*[\)\]]"
    rf"|(?P<mk2>{_CAL_WORD})(?:\s+(?:calendar|date))?(?![\w\]\)]))"
)
_DUAL_OPEN = re.compile(rf"[ \t]*[\(\[][ \t]*(?:(?P<mk>{_CAL_WORD})[ \t]*[:,]?[ \t]*)?")
_DUAL_CLOSE = re.compile(rf"[ \t]*(?:(?P<mk>{_CAL_WORD})[ \t]*)?[\)\]]")
_OLD_WORDS = ("o.s", "os", "old", "julian")

_DATEISH = {
    "iso",
    "dmy",
    "mdy",
    "my",
    "month",
    "year",
    "year_era",
    "season",
    "decade",
    "century",
    "numeric",
    "holiday",
    "weekday",
    "dctword",
    "quarter",
    "quarter_q",
    "apos_year",
    "decade_word",
    "millennium",
}
_DAYISH = {"iso", "dmy", "mdy", "numeric", "weekday", "dctword", "holiday"}


def _ns_reading(
    a: Cand, b: Cand, ya: int, yb: int, mark: str | None
) -> tuple[Cand, int, Cand, int] | None:
    """Of two datings of one day, (New Style, its year, Old Style, its year): by the mark
    ("[O.S. 28 September]": the bracket is Old Style), else by the calendars' offset (the
    bracketed day must be the other's Julian reading, either way round)."""
    if mark is not None:
        old = mark.lower().replace(" ", "").startswith(_OLD_WORDS)
        return (a, ya, b, yb) if old else (b, yb, a, ya)
    try:
        if julian_to_gregorian(ya, a.f["m"], a.f["d"]) == (yb, b.f["m"], b.f["d"]):
            return b, yb, a, ya
        if julian_to_gregorian(yb, b.f["m"], b.f["d"]) == (ya, a.f["m"], a.f["d"]):
            return a, ya, b, yb
    except (ValueError, KeyError):
        return None
    return None


def _dual_dates(cands: list[Cand], text: str) -> list[Cand]:
    """A day given in both calendars is one date, the New Style one ("9 October [O.S. 28
    September] 1708", "27 June (8 July) 1709", "October 25 (November 7), 1917"): the Old
    Style reading is kept in ``f["os"]``. Without a mark, the two days must be a Julian day
    and its Gregorian equivalent."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is None or a.rule not in ("dmy", "mdy") or b.rule not in ("dmy", "mdy"):
            out.append(a)
            i += 1
            continue
        op = _DUAL_OPEN.fullmatch(text, a.end, b.start)
        cl = _DUAL_CLOSE.match(text, b.end)
        if op is None or cl is None or "d" not in a.f or "d" not in b.f:
            out.append(a)
            i += 1
            continue
        end = cl.end()
        year = None
        c = cands[i + 2] if i + 2 < len(cands) else None
        if c is not None and c.rule == "year" and re.fullmatch(r",?[ \t]*", text[end : c.start]):
            year = c.f["y"]
        ya, yb = a.f.get("y", year), b.f.get("y", year)
        if ya is None and yb is not None:
            ya = yb
        if yb is None and ya is not None:
            yb = ya
        if not isinstance(ya, int) or not isinstance(yb, int):
            out.append(a)
            i += 1
            continue
        got = _ns_reading(a, b, ya, yb, op.group("mk") or cl.group("mk"))
        if got is None:
            out.append(a)
            i += 1
            continue
        ns, ny, os_, oy = got
        # the mention keeps the first day's span (the bracket is an aside of it)
        merged = Cand(a.start, a.end, "dmy", {"y": ny, "m": ns.f["m"], "d": ns.f["d"]})
        merged.f["cal"] = "gregorian"
        merged.f["os"] = (oy, os_.f["m"], os_.f["d"])
        skip = 3 if year is not None and "y" not in a.f and "y" not in b.f else 2
        out.append(merged)
        i += skip
    return out


def _merge(cands: list[Cand], text: str, lx: Lexicon) -> list[Cand]:
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        # calendar marker right after a date: "25 October 1917 (O.S.)"
        if c.rule in _DATEISH:
            mk = _OS_MARK.match(text, c.end, min(len(text), c.end + 30))
            if mk and (nxt is None or nxt.start >= mk.end()):
                word = (mk.group("mk") or mk.group("mk2")).lower().replace(" ", "")
                c.f["cal"] = "julian" if word.startswith(_OLD_WORDS) else "gregorian"
                c.end = mk.end()
                if (
                    nxt is not None
                    and nxt.rule == "year"
                    and "y" not in c.f
                    and "d" in c.f
                    and re.fullmatch(r",?[ \t]*", text[c.end : nxt.start])
                ):
                    # "2 March (O.S.) 1917": the year after the mark is the date's
                    c.f["y"] = nxt.f["y"]
                    c.end = nxt.end
                    out.append(c)
                    i += 2
                    continue
        if nxt is not None:
            between = text[c.end : nxt.start]
            # "the night of 10 August 1792", "the morning of April 19"
            if (
                c.rule == "pod_bare"
                and nxt.rule in _DAYISH
                and re.fullmatch(rf"{S}(?i:of){S}", between)
            ):
                merged = Cand(
                    c.start,
                    nxt.end,
                    "pod_date",
                    {**nxt.f, "pod": c.f["pod"], "kind": "TIME", "date_rule": nxt.rule},
                )
                out.append(merged)
                i += 2
                continue
            # time + date: "ten minutes before midnight on Nov. 16"
            if (
                c.f.get("kind") == "TIME"
                and c.rule.startswith("clock")
                and nxt.rule in _DAYISH
                and _TIME_DATE_SEP.match(between)
            ):
                merged = Cand(
                    c.start,
                    nxt.end,
                    "time_date",
                    {
                        **nxt.f,
                        **{k: v for k, v in c.f.items() if k in ("hh", "mi", "ss", "tz", "kind")},
                    },
                )
                merged.f["date_rule"] = nxt.rule
                if re.search(r"(?i)\bon\b", between):
                    merged.f["split"] = (c.end, nxt.start)
                out.append(merged)
                i += 2
                continue
            # date + time: "November 16, 2011 05:00 AM", "Saturday at 3 p.m."
            if (
                c.rule in _DAYISH
                and nxt.rule.startswith("clock")
                and _DATE_TIME_SEP.match(between)
                and "hh" not in c.f
            ):
                merged = Cand(
                    c.start,
                    nxt.end,
                    "time_date",
                    {
                        **c.f,
                        **{k: v for k, v in nxt.f.items() if k in ("hh", "mi", "ss", "tz", "kind")},
                    },
                )
                merged.f["date_rule"] = c.rule
                out.append(merged)
                i += 2
                continue
            # "N days after 16 November 1933"
            if (
                c.rule == "ago"
                and c.f.get("rel") in ("after", "before", "since", "prior to")
                and nxt.rule in _DATEISH
                and re.fullmatch(rf"(?:{S}(?i:the))?{S}?", between)
            ):
                merged = Cand(c.start, nxt.end, "offset_date", dict(c.f))
                merged.parts = [nxt]
                out.append(merged)
                i += 2
                continue
            # two adjacent date cells of a table row ("| X War | 1853 | 1856 |"): its start
            # and end columns
            if (
                c.rule in _DATEISH
                and nxt.rule in _DATEISH
                and _CELL_SEP.fullmatch(between)
                and text[text.rfind("\n", 0, c.start) + 1 :].lstrip().startswith("|")
                and _compatible_range(c, nxt)
                and _cell_is_date(text, c.start, nxt.end)
            ):
                merged = Cand(c.start, nxt.end, "range", {})
                merged.parts = [c, nxt]
                out.append(merged)
                i += 2
                continue
            # "April 18 - 1906" (a heading's dashes): the year completes the day
            if (
                c.rule in ("dmy", "mdy")
                and "y" not in c.f
                and "d" in c.f
                and nxt.rule == "year"
                and re.fullmatch(r"[ \t]*[-–—][ \t]*", between)
            ):
                c.f["y"] = nxt.f["y"]
                c.end = nxt.end
                out.append(c)
                i += 2
                continue
            # ranges: "1936 to 1938", "from March to June 1933", "November 15-16"
            if c.rule in _DATEISH and nxt.rule in _DATEISH and _RANGE_SEP.match(between):
                sep = between.strip().lower()
                has_from = bool(_FROM_BEFORE.search(text[max(0, c.start - 10) : c.start]))
                dash = sep in ("-", "–", "—")
                ok = (
                    has_from
                    and sep in ("to", "until", "till", "through", "thru", "and", "-", "–", "—")
                ) or (dash and c.rule != "weekday")
                if ok and _compatible_range(c, nxt):
                    merged = Cand(c.start, nxt.end, "range", {})
                    merged.parts = [c, nxt]
                    out.append(merged)
                    i += 2
                    continue
        out.append(c)
        i += 1
    return out


_CELL_SEP = re.compile(r"[ \t]*\|[ \t]*")


def _cell_is_date(text: str, start: int, end: int) -> bool:
    """Each of the two cells holds nothing but its date (the row's bars around them)."""
    before = text[max(0, start - 3) : start]
    after = text[end : end + 3]
    return before.rstrip(" \t").endswith("|") and after.lstrip(" \t").startswith("|")


def _compatible_range(a: Cand, b: Cand) -> bool:
    """Both ends name the same kind of thing (two years, two days, month and month...)."""
    if a.rule in ("weekday", "dctword") or b.rule in ("weekday", "dctword"):
        return a.rule == b.rule
    if "y" in a.f and "y" in b.f and isinstance(a.f["y"], int) and isinstance(b.f["y"], int):
        return bool(b.f["y"] >= a.f["y"] or a.f.get("era") or b.f.get("era"))
    return True
