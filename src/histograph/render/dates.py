"""The one date renderer: every surface a person reads (CLI tables, web pages, briefs,
TimelineJS slides, conflict values and explanations) shows dates through this module.

``15 March 44 BC``, ``c. 1450``, ``the 1920s``, ``autumn 1989``, ``November 1933``,
``16 November 1933, 11:50 p.m.``, ``27 BC – AD 14``, ``16 November (year not stated)``.
Raw TIMEX values (``BC0044-03-15``, ``192X``, ``1989-FA``) stay in ``--json`` and the
exports, where a program reads them.
"""

from __future__ import annotations

import calendar
import functools
import re

from ..model import TimeValue, civil_from_day

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_PARTS_OF_DAY = {
    "MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday", "DT": "daytime",
}
_QUARTERS = {"Q1": "first quarter of", "Q2": "second quarter of", "Q3": "third quarter of",
             "Q4": "fourth quarter of"}
_HALVES = {"H1": "first half of", "H2": "second half of"}
_APPROX = re.compile(r"^\s*(?:c\.|ca\.|circa|~)\s*", re.IGNORECASE)
_PARTIAL = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?$")
#: a TIMEX-shaped token inside running text (explanations): has a letter code, a dash or a slash
_TOKEN = re.compile(
    r"(?<![\w/-])(?:BC)?(?:\d\d[\dX]{2}|XXXX)(?:-(?:\d\d|[A-Z]{2}|W\d\d|Q\d|H\d)){0,2}"
    r"(?:T(?:\d\d:\d\d|[A-Z]{2}))?(?:/(?:BC)?\d{3}[\dX](?:-\d\d){0,2})?(?![\w/-])"
)


def year_text(y: int, *, era: bool = False) -> str:
    """An astronomical year for people: ``1989``, ``44 BC`` (year -43); ``AD 14`` when
    ``era`` asks for the era on a positive year (a range that starts BC)."""
    if y <= 0:
        return f"{1 - y} BC"
    return f"AD {y}" if era else str(y)


def _month(m: int) -> str:
    return calendar.month_name[m]


def _day(n: int, *, era: bool = False) -> str:
    y, m, d = civil_from_day(n)
    return f"{d} {_month(m)} {year_text(y, era=era)}"


def clock_text(clock: str) -> str:
    """``23:50`` -> ``11:50 p.m.``; ``AF`` -> ``afternoon``; ``12:00`` -> ``noon``."""
    if clock[:2] in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[clock[:2]]
    m = re.match(r"^(\d\d):(\d\d)", clock)
    if not m:
        return clock
    h, mi = int(m.group(1)), int(m.group(2))
    if h == 12 and mi == 0:
        return "noon"
    if h in (0, 24) and mi == 0:
        return "midnight"
    suffix = "a.m." if h % 24 < 12 else "p.m."
    h12 = h % 12 or 12
    return f"{h12}:{mi:02d} {suffix}"


def _side(tv: TimeValue, part: str, *, era: bool) -> str:
    """One end of an interval, at the precision its own value shows."""
    from ..time import parse_value

    sub = parse_value(part)
    if sub is None:
        return ""
    if sub.precision == "year":
        return year_text(civil_from_day(sub.earliest)[0], era=era)
    if sub.precision == "month":
        y, m, _ = civil_from_day(sub.earliest)
        return f"{_month(m)} {year_text(y, era=era)}"
    if sub.precision in ("day", "time"):
        return _day(sub.earliest, era=era)
    return date_text(sub)


def _interval(tv: TimeValue) -> str:
    y1, m1, d1 = civil_from_day(tv.earliest)
    y2, m2, _ = civil_from_day(tv.latest)
    era = y1 <= 0 < y2
    if "/" in tv.value and "T" not in tv.value:
        left, right = tv.value.split("/", 1)
        a, b = _side(tv, left, era=era), _side(tv, right, era=era)
        if a and b:
            return a if a == b else _range(a, b)
    if tv.earliest == tv.latest:
        return _day(tv.earliest)
    if y1 == y2 and m1 == m2:
        return f"{d1}–{_day(tv.latest)}"
    if y1 == y2:
        return f"{d1} {_month(m1)} – {_day(tv.latest)}"
    return _range(year_text(y1, era=era), year_text(y2, era=era))


def _range(a: str, b: str) -> str:
    """``1936–1938``; spaced when either end has words: ``27 BC – AD 14``."""
    return f"{a}–{b}" if " " not in a + b else f"{a} – {b}"


def date_text(tv: TimeValue | None, *, article: bool = False) -> str:
    """A date as a reader wants it, saying no more than the value knows.

    ``article=True`` puts ``the`` before a decade or century, for running prose."""
    if tv is None:
        return "undated"
    y1, m1, _ = civil_from_day(tv.earliest)
    y2, _, _ = civil_from_day(tv.latest)
    p = tv.precision
    value = tv.value
    the = "the " if article else ""
    if p in ("day", "time"):
        text = _day(tv.earliest)
        if p == "time" and "T" in value:
            text += ", " + clock_text(value.split("T", 1)[1])
    elif p == "month":
        text = f"{_month(m1)} {year_text(y1)}"
    elif p == "season":
        code = value.rsplit("-", 1)[-1]
        text = f"{_SEASONS.get(code, 'a season of')} {year_text(y1)}"
    elif p == "quarter":
        code = value.rsplit("-", 1)[-1]
        text = f"{_QUARTERS.get(code) or _HALVES.get(code) or code} {year_text(y1)}"
    elif p == "year":
        text = year_text(y1)
    elif p == "decade":
        text = f"{the}{y1}s" if y1 > 0 else f"{the}{1 - y2}s BC"
    elif p == "century" and y1 > 0 and y1 % 100 == 0:
        text = f"{the}{y1}s"
    elif p in ("century", "millennium"):
        text = _range(year_text(y1, era=y1 <= 0 < y2), year_text(y2, era=y1 <= 0 < y2))
    else:
        text = _interval(tv)
    if tv.approximate:
        text = "c. " + text
    if tv.source_calendar != "gregorian":
        text += f" ({tv.source_calendar.capitalize()} calendar in the source)"
    return text


def heading_text(tv: TimeValue | None) -> str:
    """A date as a section heading: ``1920s`` (no article), ``November 1933``."""
    return date_text(tv, article=False)


@functools.lru_cache(maxsize=4096)
def value_text(value: str) -> str:
    """A raw date value (a claim's or a conflict's, possibly ``c. ``-prefixed or year-less:
    ``XXXX-11-16``) as text for people; anything that is not a date comes back unchanged."""
    from ..time import parse_value

    raw = value.strip()
    approx = _APPROX.match(raw)
    core = raw[approx.end():] if approx else raw
    partial = _PARTIAL.match(core)
    if partial:
        month, day = int(partial.group(1)), partial.group(2)
        if not 1 <= month <= 12:
            return value
        text = f"{int(day)} {_month(month)}" if day else _month(month)
        return ("c. " if approx else "") + text + " (year not stated)"
    if not _TOKEN.fullmatch(core):
        return value
    tv = parse_value(core)
    if tv is None:
        return value
    text = date_text(tv, article=True)
    if approx and not text.startswith("c. "):
        text = "c. " + text
    return text


def humanise(text: str) -> str:
    """Running text (a conflict's explanation) with every raw date value written out;
    plain four-digit years are left as they are."""
    if not text:
        return text

    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        if token.isdigit():
            return token
        shown = value_text(token)
        if shown.startswith("the ") and m.start() == 0:
            shown = "The " + shown[4:]
        return shown

    return _TOKEN.sub(sub, text)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"])")


def explanation_text(text: str) -> str:
    """A conflict's explanation for readers: raw date values written out, and a sentence
    that only repeats an earlier one for another pair of values said once."""
    shown = humanise(text)
    out: list[str] = []
    shapes: set[str] = set()
    for sentence in _SENTENCE_END.split(shown):
        shape = _TOKEN.sub("#", humanise_shape(sentence))
        if shape in shapes:
            continue
        shapes.add(shape)
        out.append(sentence)
    return " ".join(out)


def humanise_shape(sentence: str) -> str:
    """The sentence with every written-out date reduced to ``#`` (for comparing shapes)."""
    months = "|".join(m for m in calendar.month_name if m)
    s = re.sub(
        rf"(?:c\. )?(?:\d{{1,2}} )?(?:{months})(?: \d{{1,4}}(?: BC)?)?(?:, \d{{1,2}}:\d\d [ap]\.m\.|, (?:noon|midnight|morning|afternoon|evening|night))?"
        r"(?: \(year not stated\))?",
        "#",
        sentence,
    )
    return re.sub(r"\b\d{1,4}s?\b", "#", s)
