"""Counts and amounts stated in a document: death tolls, army sizes, sums, lengths, durations.

:func:`find_quantities` reads one analysed document and returns each number that measures
something named in ``data/measures.yaml`` as a :class:`Quantity`: the measure ("deaths",
"forces", "money", "duration" …), the value as a range (``low``..``high``; "about 300" and
"more than 3,000" are ranges, "from 7.7 to 8.25" and "61 or 63" too), how it was qualified
and the span of the claim (the qualifier, the number and the measure word). A number belongs to
the measure whose word stands nearest to it in the same sentence (after it first: "2,000
people were killed"; then before it: "the death toll was about 300"). Numbers inside dates and
times of day, years, footnote markers ("[14]") and ordinals are not quantities. People
counted by a noun that names no measure ("49,000 residents", "800 villagers") take the
measure the words after the noun name ("were evacuated", "died"): ``people_nouns`` and
``people_become``; a force counted right after a verb of loss or capture ("lost 4,000 men")
is a count of losses or prisoners (``count_after_verbs``). A measure verb right before the
number ("killed 1,782 people and injured 9,000") outweighs a measure word further on; "35 of
the 97 aboard died" counts the part (35); a bracket right after a figure ("36 deaths (13
passengers, 22 crew)") breaks it down and holds no reading of it. Durations are
numbers of a time unit after a cue ("lasted about 90 minutes", "for three days"), in minutes;
offsets ("three days later") are not.

It is a pure function of one :class:`~histograph.model.Analysis` (per-document half);
:mod:`histograph.merge.quantities` attaches the quantities to events and compares them.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from ..datafile import load_yaml
from ..model import Analysis

__all__ = [
    "Quantity",
    "estimate_words",
    "find_quantities",
    "measure_label",
    "phase_verbs",
    "side_measure_types",
    "side_measures",
    "whole_scope_words",
]

Bound = Literal["exact", "approximate", "lower", "upper", "range"]

#: a measure word counts when it is at most this many words after the number ...
_AFTER = 5
#: ... or this many words before it
_BEFORE = 8


@dataclass(frozen=True)
class Quantity:
    doc_id: str
    start: int  # span of the claim: qualifier, number and measure word
    end: int
    measure: str  # a key of ``measures`` in data/measures.yaml, or "duration"
    low: float
    high: float  # math.inf for "more than N"
    bound: Bound
    text: str  # the value as written ("about 300", "$524 million", "three days")
    unit: str = ""  # currency for money, "minutes" for durations

    def range(self, slack: float = 0.1) -> tuple[float, float]:
        """The values this claim allows; an approximate value allows ``slack`` either side."""
        if self.bound == "approximate":
            if self.measure.endswith(" time"):  # "around 7:55 a.m.": minutes, not a share
                return (self.low - 10, self.high + 10)
            return (self.low * (1 - slack), self.high * (1 + slack))
        if self.bound == "lower":
            return (self.low, math.inf)
        if self.bound == "upper":
            return (0.0, self.high)
        return (self.low, self.high)


@dataclass(frozen=True)
class _Data:
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (words, measure), longest first
    before: tuple[tuple[tuple[str, ...], str], ...]  # words that may precede the number
    factors: Mapping[str, float]  # unit word -> factor to the measure's base unit
    labels: Mapping[str, str]
    units: Mapping[str, float]
    cues: tuple[tuple[str, ...], ...]
    approximate: tuple[tuple[str, ...], ...]
    lower: tuple[tuple[str, ...], ...]
    upper: tuple[tuple[str, ...], ...]
    number_words: Mapping[str, float]
    multipliers: Mapping[str, float]
    fractions: Mapping[str, float]
    currency: Mapping[str, str]
    time_cues: Mapping[str, str]  # verb -> "start time" | "end time"
    #: after a counted noun, words that make the count one of another measure ("1,500
    #: soldiers were killed": a death toll, not the size of a force)
    becomes: tuple[tuple[re.Pattern[str], str], ...] = ()
    #: verbs right before a counted force that make the count one of another measure ("lost
    #: 4,000 men": losses)
    after_verbs: Mapping[str, str] = field(default_factory=dict)
    #: nouns that count people without naming a measure ("49,000 residents") ...
    people_nouns: tuple[tuple[str, ...], ...] = ()
    #: ... and the words after them that say what the count is of ("were evacuated")
    people_become: tuple[tuple[re.Pattern[str], str], ...] = ()
    #: per counted measure (ships, aircraft), the words after it that make the count one of
    #: a fate ("4 ships sunk": ships sunk)
    fates: Mapping[str, tuple[tuple[re.Pattern[str], str], ...]] = field(default_factory=dict)
    #: per counted measure, the verbs right before it that name a fate ("sank 12 ships")
    fate_verbs: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: nouns after "N days of" that make the length the event's ("13 days of fighting")
    duration_of: frozenset[str] = frozenset()
    #: ``phrases`` and ``before`` by their first word (see :func:`_by_first_word`)
    phrases_by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = field(
        default_factory=dict
    )
    before_by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = field(
        default_factory=dict
    )


def _words(s: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(s.lower()))


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw: dict[str, Any] = load_yaml(
        resources.files("histograph").joinpath("data/measures.yaml").read_text("utf-8")
    )
    phrases: list[tuple[tuple[str, ...], str]] = []
    before: list[tuple[tuple[str, ...], str]] = []
    factors: dict[str, float] = {}
    labels: dict[str, str] = {
        "duration": "duration",
        "start time": "start time",
        "end time": "end time",
    }
    for key, spec in raw["measures"].items():
        labels[str(key)] = str(spec.get("label", key))
        for w in spec["words"]:
            phrases.append((_words(str(w)), str(key)))
        for w in spec.get("before", []):
            before.append((_words(str(w)), str(key)))
        for w, f in (spec.get("units") or {}).items():
            factors[str(w).lower()] = float(f)
    phrases.sort(key=lambda p: -len(p[0]))
    before.sort(key=lambda p: -len(p[0]))

    def seqs(name: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((_words(str(w)) for w in raw[name]), key=lambda w: -len(w)))

    return _Data(
        phrases=tuple(phrases),
        before=tuple(before),
        factors=factors,
        labels=labels,
        units={str(k): float(v) for k, v in raw["duration_units"].items()},
        cues=seqs("duration_cues"),
        approximate=seqs("approximate"),
        lower=seqs("lower_bound"),
        upper=seqs("upper_bound"),
        number_words={str(k).lower(): float(v) for k, v in raw["number_words"].items()},
        multipliers={str(k).lower(): float(v) for k, v in raw["multipliers"].items()},
        fractions={str(k).lower(): float(v) for k, v in raw["fractions"].items()},
        currency={str(k): str(v) for k, v in raw["currency_signs"].items()},
        time_cues={
            str(w).lower(): f"{kind} time"
            for kind, words in raw["time_cues"].items()
            for w in words
        },
        becomes=_becomes(raw.get("count_becomes") or {}),
        after_verbs={
            str(w).lower(): str(key)
            for key, words in (raw.get("count_after_verbs") or {}).items()
            for w in words
        },
        people_nouns=tuple(
            sorted((_words(str(w)) for w in raw.get("people_nouns") or ()), key=lambda w: -len(w))
        ),
        people_become=_becomes(raw.get("people_become") or {}),
        fates={str(k): _becomes(v or {}) for k, v in (raw.get("fates") or {}).items()},
        fate_verbs={
            str(k): {str(w).lower(): str(fate) for fate, ws in (v or {}).items() for w in ws}
            for k, v in (raw.get("fate_verbs") or {}).items()
        },
        duration_of=frozenset(str(w).lower() for w in raw.get("duration_of_nouns") or ()),
        phrases_by_first=_by_first_word(tuple(phrases)),
        before_by_first=_by_first_word(tuple(before)),
    )


def _becomes(spec: Mapping[str, Any]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Per measure, one pattern of the words (any of ``spec[measure]``) that may follow a
    counted noun."""
    return tuple(
        (
            re.compile(
                r"^\s+(?:"
                + "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
                + r")\b",
                re.I,
            ),
            str(key),
        )
        for key, words in spec.items()
    )


def phase_verbs() -> frozenset[str]:
    """Verbs that tell a phase of an event ("began", "ended")."""
    return frozenset(_data().time_cues)


@lru_cache(maxsize=1)
def side_measures() -> frozenset[str]:
    """Measures an episode states once per side or clash (``side_measures`` in
    ``data/measures.yaml``): a page's lone figure of one is not another page's figure."""
    raw = load_yaml(
        resources.files("histograph").joinpath("data/measures.yaml").read_text("utf-8")
    )
    return frozenset(str(m) for m in raw.get("side_measures") or ())


@lru_cache(maxsize=1)
def estimate_words() -> re.Pattern[str]:
    """Words that say a figure is someone's estimate or account (``estimate_words`` in
    ``data/measures.yaml``), as one case-insensitive pattern of whole words."""
    raw = load_yaml(
        resources.files("histograph").joinpath("data/measures.yaml").read_text("utf-8")
    )
    words = sorted((str(w) for w in raw.get("estimate_words") or ["(?!)"]), key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I
    )


@lru_cache(maxsize=1)
def whole_scope_words() -> re.Pattern[str]:
    """Phrases that state a toll or a force for a whole war or campaign (``whole_scope`` in
    ``data/measures.yaml``), as one case-insensitive pattern."""
    raw = load_yaml(
        resources.files("histograph").joinpath("data/measures.yaml").read_text("utf-8")
    )
    words = sorted((str(w) for w in raw.get("whole_scope") or ["(?!)"]), key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I
    )


@lru_cache(maxsize=1)
def side_measure_types() -> frozenset[str]:
    """Event types that have tolls and forces of their own (``side_measure_types`` in
    ``data/measures.yaml``): the only events a lone toll of another clause may join."""
    raw = load_yaml(
        resources.files("histograph").joinpath("data/measures.yaml").read_text("utf-8")
    )
    return frozenset(str(m) for m in raw.get("side_measure_types") or ())


def measure_label(measure: str) -> str:
    """The reader's name of a measure ("deaths", "size of the force")."""
    return _data().labels.get(measure, measure)


_TOKEN = re.compile(r"%|[a-z]+(?:-[a-z]+)*|\d+(?:[.,]\d+)*", re.I)
#: a written number: digits with thousands separators or a decimal part
_DIGITS = re.compile(
    r"(?<![\d:.,/\[-])([$£€¥]\s?)?(\d{1,3}(?:,\d{3})+|\d{1,3},\d{2}(?!\d)|\d+)(\.\d+)?(\+)?"
    r"(?![\w:/\]]|\.\d|,\d)"
)


@dataclass
class _Num:
    start: int
    end: int
    value: float
    currency: str = ""
    plus: bool = False
    year_like: bool = False
    word: bool = False  # written as a word ("three")
    high: float | None = None  # the upper end of a range ("61 or 63")
    range_end: int | None = None


def _numbers(text: str, s0: int, s1: int, d: _Data) -> list[_Num]:
    out: list[_Num] = []
    sent = text[s0:s1]
    for m in _DIGITS.finditer(sent):
        raw = m.group(2).replace(",", "")
        value = float(raw + (m.group(3) or ""))
        start, end = s0 + m.start(), s0 + m.end()
        # "3,00" style typos still read as written
        tail = re.match(r"\s*(thousand|million|billion|bn|m|k)\b", text[end:s1], re.I)
        if tail:
            value *= d.multipliers.get(tail.group(1).lower(), 1.0)
            end += tail.end()
        currency = d.currency.get((m.group(1) or "").strip(), "")
        year_like = (
            m.group(1) is None and m.group(3) is None and "," not in m.group(2)
            and len(raw) == 4 and not tail
        )
        out.append(_Num(start, end, value, currency, bool(m.group(4)), year_like))
    low = sent.lower()
    words_re, values = _number_words_re()
    for m in words_re.finditer(low):
        v = values[m.group()]
        start, end = s0 + m.start(), s0 + m.end()
        if any(n.start < end and start < n.end for n in out):
            continue
        if v < 0 and not re.match(r"\s+of\b", text[end:s1]):
            continue  # a share is "three quarters of" something
        value = v
        # "two hundred", "three hundred thousand", "twelve thousand"
        while v > 0 and (
            tail := re.match(r"\s*(hundred|thousand|million|billion)\b", text[end:s1], re.I)
        ):
            value *= d.multipliers[tail.group(1).lower()]
            end += tail.end()
        out.append(_Num(start, end, value, word=True))
    # "in less than an hour", "lasted half a day": one (or half) of a unit of time
    for m in _ONE_UNIT.finditer(sent):
        start, end = s0 + m.start(), s0 + m.end(1)
        if any(n.start < end and start < n.end for n in out):
            continue
        out.append(_Num(start, end, 0.5 if m.group(1).lower().startswith("half") else 1.0, word=True))
    out.sort(key=lambda n: n.start)
    return _ranges(text, s0, out)


#: "a" or "an" (or "half a") right before a unit of time: one of that unit
_ONE_UNIT = re.compile(
    r"(?<![\w-])(an?|half an?|half of an?)\s+(?=(?:second|minute|hour|day|week|month|year)\b)",
    re.I,
)


#: after a length, words that make it a distance to a place
_DISTANCE_TO = re.compile(
    r"[\s)]*(?:\([^)]*\)\s*)?(?:away|from|off|short of|outside|beyond|inland|"
    r"(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?(?:wards?)?\b)",
    re.I,
)
@lru_cache(maxsize=1)
def _number_words_re() -> tuple[re.Pattern[str], dict[str, float]]:
    """One pattern for every number word and fraction (longest first), and their values
    (fractions negative: they are shares)."""
    d = _data()
    values = {**d.number_words, **{k: -x for k, x in d.fractions.items()}}
    # compound numbers written with a hyphen: "thirty-five", "ninety-nine"
    tens = [(k, v) for k, v in d.number_words.items() if v in range(20, 100, 10) and " " not in k]
    units = [(k, v) for k, v in d.number_words.items() if v in range(1, 10) and " " not in k]
    values.update({f"{t}-{u}": tv + uv for t, tv in tens for u, uv in units})
    alts = "|".join(re.escape(k) for k in sorted(values, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])"), values


_RANGE_GAP = re.compile(r"\s*(?:or|to|-|–|and)\s*(?:as high as\s*|as many as\s*)?", re.I)


def _ranges(text: str, s0: int, nums: list[_Num]) -> list[_Num]:
    """Join "61 or 63", "from 7.7 to as high as 8.25", "7,000-8,000", "between 5 and 6"
    into one number with a ``high`` end."""
    out: list[_Num] = []
    i = 0
    while i < len(nums):
        n = nums[i]
        if i + 1 < len(nums):
            nxt = nums[i + 1]
            gap = text[n.end : nxt.start]
            joined = _RANGE_GAP.fullmatch(gap) and n.value > 0 and n.value < nxt.value < n.value * 10
            if joined and gap.strip().lower() == "and":
                joined = text[max(s0, n.start - 9) : n.start].lower().strip().endswith("between")
            if joined:
                n.high, n.range_end = nxt.value, nxt.end
                out.append(n)
                i += 2
                continue
        out.append(n)
        i += 1
    return out


def _ends_with(words: Sequence[str], seqs: Sequence[tuple[str, ...]]) -> int:
    """Length of the longest entry of ``seqs`` that ``words`` ends with (0 when none)."""
    for s in seqs:
        if len(s) <= len(words) and tuple(words[len(words) - len(s) :]) == s:
            return len(s)
    return 0


_WORD_SPANS = re.compile(r"%|[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:[.,]\d+)*")


def _by_first_word(
    phrases: tuple[tuple[tuple[str, ...], str], ...],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The phrases by their first word, each list in the order of ``phrases`` (only the
    phrases a word can start are tried: a measure costs the same with a long word list)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, key in phrases:
        if phrase:
            out.setdefault(phrase[0], []).append((phrase, key))
    return {w: tuple(v) for w, v in out.items()}


def _measure_near(
    text: str, n: _Num, s0: int, s1: int, others: Sequence[_Num], d: _Data
) -> tuple[str, int, int] | None:
    """The measure named nearest to ``n`` in its sentence: (measure, start, end of the word).
    A number written as a word takes only a measure after it ("three ships")."""
    n_end = n.range_end or n.end
    stop = [o.start for o in others if o.start >= n_end]
    limit = min(stop) if stop else s1
    after = [(m.start() + n_end, m.end() + n_end, m.group().lower())
             for m in _WORD_SPANS.finditer(text[n_end:limit])]
    if after and after[0][2] == "times":  # "ten times as high": a ratio, not a value
        return None
    best: tuple[int, str, int, int] | None = None
    starting = d.phrases_by_first
    for i in range(min(len(after), _AFTER if not n.word else 3)):
        for phrase, key in starting.get(after[i][2], ()):
            seg = after[i : i + len(phrase)]
            if tuple(w[2] for w in seg) == phrase:
                if key == "length" and i > 0 and after[i - 1][2] == "square":
                    key = "area"
                best = (i, key, n.start, seg[-1][1])
                break
        if best:
            break
    stop_b = [o.end for o in others if o.end <= n.start]
    floor = max(stop_b) if stop_b else s0
    before = [(m.start() + floor, m.end() + floor, m.group().lower())
              for m in _WORD_SPANS.finditer(text[floor : n.start])][-_BEFORE:]
    if n.word:
        if best:
            return best[1:]
        # "the death toll was six": a number word after a copula takes the measure before it
        if len(before) >= 2 and before[-1][2] in _COPULAS:
            return _adjacent_before(text, replace(n, start=before[-1][0]), before[:-1], s0, d)
        return None
    if best is not None and best[0] <= 2:  # "1,178 others were wounded": close after wins
        if best[0] == 0:
            return best[1:]
        # ... unless a measure verb stands right before the number (or its qualifier): the
        # number is its object, and a measure word further on belongs to a next clause or
        # to a description of the people counted ("killed 1,782 people and injured 9,000",
        # "killing 35 people on board")
        adjacent = _adjacent_before(text, n, before, s0, d)
        return adjacent if adjacent is not None else best[1:]
    starting_before = d.before_by_first
    for j in range(len(before) - 1, -1, -1):
        dist = len(before) - 1 - j
        if best is not None and dist >= best[0]:
            break
        for phrase, key in starting_before.get(before[j][2], ()):
            seg = before[j : j + len(phrase)]
            if len(seg) == len(phrase) and tuple(w[2] for w in seg) == phrase:
                return key, seg[0][0], n_end
    return best[1:] if best else None


#: verbs that set a figure equal to the measure named before them ("the toll was six")
_COPULAS = frozenset({"was", "were", "is", "are", "stood", "reached", "totalled", "totaled",
                      "numbered"})


def _adjacent_before(
    text: str, n: _Num, before: Sequence[tuple[int, int, str]], s0: int, d: _Data
) -> tuple[str, int, int] | None:
    """The measure of a ``before`` phrase that ends right before ``n`` or its qualifier
    ("killing 35", "killed about 2,000"): (measure, start of the phrase, end of the number)."""
    qstart = _qualifier(text, n, s0, d)[1]
    last = [j for j, w in enumerate(before) if w[1] <= qstart and not text[w[1] : qstart].strip()]
    if not last:
        return None
    j = last[-1]
    for k in range(j, max(-1, j - 4), -1):  # phrases of up to four words ending at word j
        for phrase, key in d.before_by_first.get(before[k][2], ()):
            if tuple(w[2] for w in before[k : j + 1]) == phrase:
                return key, before[k][0], n.range_end or n.end
    return None


def _qualifier(text: str, n: _Num, s0: int, d: _Data) -> tuple[Bound, int]:
    """How the words before ``n`` qualify it, and where the qualifier starts."""
    before = list(_WORD_SPANS.finditer(text[max(s0, n.start - 40) : n.start]))
    base = max(s0, n.start - 40)
    words = [m.group().lower() for m in before]
    for seqs, bound in ((d.lower, "lower"), (d.upper, "upper"), (d.approximate, "approximate")):
        k = _ends_with(words, seqs)
        if k:
            # the qualifier must touch the number ("about 300", not "about the 300 men")
            return bound, base + before[len(before) - k].start()  # type: ignore[return-value]
    return "exact", n.start


class _Spans:
    """Spans of a document, indexed once so that "does any span overlap [start, end)?" is a
    bisection instead of a scan of every span (a long dated table made that quadratic)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end = list(itertools.accumulate((e for _, e in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        # of the spans starting before ``end``, the one that ends last ends after ``start``
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start


def find_quantities(analysis: Analysis) -> list[Quantity]:
    """Every count or amount the document states about a known measure, in text order."""
    d = _data()
    text = analysis.document.text
    doc_id = analysis.document.id
    dates = _Spans([(t.start, t.end) for t in analysis.times if t.kind in ("DATE", "TIME")])
    sentences = [(s.start, s.end) for s in analysis.sentences] or [(0, len(text))]
    out: list[Quantity] = []
    for s0, s1 in sentences:
        out.extend(_times_of_day(text, doc_id, s0, s1, d))
        nums = _numbers(text, s0, s1, d)
        used: set[int] = set()
        aside = -1  # end of a bracket that breaks down the figure before it
        for i, n in enumerate(nums):
            if i in used or (dates.overlap(n.start, n.end) and not _duration_unit(text, n, s1, d)):
                continue
            if n.start < aside:
                continue  # "36 deaths (13 passengers, 22 crew)": parts of the figure
            q = _part_of_whole(text, doc_id, i, nums, s0, s1, d)
            if q is not None:
                used.add(i + 1)
            else:
                q = _duration(text, doc_id, n, s0, s1, d) or _measured(
                    text, doc_id, n, nums, s0, s1, d
                )
            if q is None:
                continue
            bracket = _BRACKET_AFTER.match(text, q.end, s1)
            if bracket:
                aside = bracket.end()
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.measure == q.measure
                and re.fullmatch(r"\s*\(\s*", text[prev.end : q.start])
            ):
                continue  # "30 km (19 miles)": the same figure converted
            out.append(q)
    return out


#: a bracket right after a figure (what it holds breaks the figure down or converts it)
_BRACKET_AFTER = re.compile(r"\s*\([^()]*\)")
#: between a part and the whole it is counted of: "35 of the 97 people aboard"
_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|those\s+)?")
#: what a part of a counted whole may count (what befell some of the people counted)
_PART_MEASURES = frozenset({"deaths", "wounded", "survivors", "prisoners", "homeless"})


def _part_of_whole(
    text: str, doc_id: str, i: int, nums: Sequence[_Num], s0: int, s1: int, d: _Data
) -> Quantity | None:
    """"35 of the 97 people aboard died": the part (35) counts what the sentence says befell
    them (deaths), and the whole (97) is no reading of that measure. None when ``nums[i]`` is
    not followed by "of (the) N" or the whole's words name no such fate."""
    n = nums[i]
    if i + 1 >= len(nums) or n.value < 2 or n.currency:
        return None
    whole = nums[i + 1]
    gap = _OF_WHOLE.fullmatch(text, n.range_end or n.end, whole.start)
    if gap is None:
        return None
    q = _measured(text, doc_id, whole, nums, s0, s1, d)
    if q is None or q.measure not in _PART_MEASURES:
        return None
    bound, qstart = _qualifier(text, n, s0, d)
    end = n.range_end or n.end
    high = n.high if n.high is not None else n.value
    return Quantity(doc_id, qstart, max(end, q.end), q.measure, n.value, high,
                    "range" if n.high is not None else bound,
                    " ".join(text[qstart:end].split()), q.unit)


_CLOCK = re.compile(
    r"\b(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap])\.?\s?m\b\.?"
    # a 24-hour time after "at" ("at 23:40", "at 02.20 hours"), with no a.m./p.m.
    r"|(?<=\bat )([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*[ap]\.?\s?m\b)(?:\s*hours\b)?",
    re.I,
)


def _times_of_day(text: str, doc_id: str, s0: int, s1: int, d: _Data) -> list[Quantity]:
    """Start and end times ("began at 7:53 a.m."), in minutes after midnight."""
    out: list[Quantity] = []
    sent = text[s0:s1]
    prev = 0
    for m in _CLOCK.finditer(sent):
        after_prev, prev = prev, m.end()
        if m.group(1) is None:  # 24-hour clock
            minutes = int(m.group(4)) * 60 + int(m.group(5))
        else:
            h, mi = int(m.group(1)), int(m.group(2))
            if not (1 <= h <= 12 and mi < 60):
                continue
            minutes = (h % 12 + (12 if m.group(3).lower() == "p" else 0)) * 60 + mi
        # the cue stands after the sentence's previous time ("began at 7:53; the second
        # wave came at 8:55": 8:55 is no start time)
        words = [w.group().lower() for w in _WORD_SPANS.finditer(sent[after_prev : m.start()])]
        measure = next((d.time_cues[w] for w in reversed(words) if w in d.time_cues), None)
        if measure is None:
            continue
        n = _Num(s0 + m.start(), s0 + m.end(), float(minutes))
        bound, qstart = _qualifier(text, n, s0, d)
        end = s0 + m.end()
        out.append(
            Quantity(doc_id, qstart, end, measure, minutes, minutes, bound,
                     " ".join(text[qstart:end].split()), "minutes")
        )
    return out


def _people_count(text: str, n_end: int, s1: int, d: _Data) -> tuple[str, int, int] | None:
    """A count of people by a noun that names no measure, and what the words after the noun
    say the count is of: "49,000 residents were evacuated" (people left homeless), "2,000
    villagers died" (deaths). None when the noun is not followed by such words."""
    after = list(_WORD_SPANS.finditer(text[n_end : min(s1, n_end + 60)]))
    words = [w.group().lower() for w in after]
    for noun in d.people_nouns:
        # the noun right after the number, or after one describing word ("2,000 Jewish
        # residents")
        for skip in (0, 1):
            if tuple(words[skip : skip + len(noun)]) != noun:
                continue
            noun_end = n_end + after[skip + len(noun) - 1].end()
            for pat, key in d.people_become:
                hit = pat.match(text[noun_end:s1])
                if hit:
                    return key, n_end, noun_end + hit.end()
            return None
    return None


def _duration_unit(text: str, n: _Num, s1: int, d: _Data) -> str | None:
    m = re.match(r"[\s-]*([A-Za-z]+)", text[n.end : s1])
    if m and m.group(1).lower() in d.units:
        return m.group(1).lower()
    return None


def _duration(
    text: str, doc_id: str, n: _Num, s0: int, s1: int, d: _Data
) -> Quantity | None:
    unit = _duration_unit(text, n, s1, d)
    if unit is None or n.value <= 0:
        return None
    bound, qstart = _qualifier(text, n, s0, d)
    hyphen = re.match(r"-([A-Za-z]+)\s+([a-z]+)", text[n.end : s1])
    if hyphen and hyphen.group(1).lower() in d.units and not text[n.start].isupper():
        # "the 13-day standoff": the length of the event the noun names (never a name:
        # "the Six-Day War")
        end = n.end + hyphen.end()
        minutes = n.value * d.units[hyphen.group(1).lower()]
        return Quantity(doc_id, qstart, end, "duration", minutes, minutes, bound,
                        " ".join(text[qstart : n.end + 1 + len(hyphen.group(1))].split()),
                        "minutes")
    of_noun = re.match(r"[\s-]*[A-Za-z]+\s+of\s+([A-Za-z-]+)", text[n.end : s1])
    if of_noun and of_noun.group(1).lower() in d.duration_of:
        # "after 13 days of fighting", "almost six months of negotiation": the length of
        # the event the noun names
        return _duration_quantity(text, doc_id, n, qstart, bound, unit, s1, d)
    if re.fullmatch(r"\s*(?:for|in|within)\s*", text[s0:qstart], re.I):
        # a sentence that opens "For thirteen days, ..." or "In under an hour, ..." tells how
        # long its story lasted
        return _duration_quantity(text, doc_id, n, qstart, bound, unit, s1, d)
    cue_words = [
        m.group().lower() for m in _WORD_SPANS.finditer(text[max(s0, qstart - 40) : n.start])
    ]
    # the cue stands before the number or before its qualifier ("in less than 2 hours")
    if not any(_ends_with(cue_words[: len(cue_words) - k], d.cues) for k in range(0, 4)):
        return None
    if re.match(r"[\s-]*[A-Za-z]+\s+(?:later|after|before|earlier|ago)\b", text[n.end : s1]):
        return None
    return _duration_quantity(text, doc_id, n, qstart, bound, unit, s1, d)


def _duration_quantity(
    text: str, doc_id: str, n: _Num, qstart: int, bound: Bound, unit: str, s1: int, d: _Data
) -> Quantity:
    m = re.match(r"[\s-]*[A-Za-z]+", text[n.end : s1])
    end = n.end + (m.end() if m else 0)
    minutes = n.value * d.units[unit]
    return Quantity(doc_id, qstart, end, "duration", minutes, minutes, bound,
                    " ".join(text[qstart:end].split()), "minutes")


#: a four-digit number after one of these words and before a verb is a year ("the earthquake
#: of 1755 killed", "in 1916 died"), not a count ("an army of 1500 men")
_YEAR_BEFORE = re.compile(r"\b(?:of|in|since|until|till|during|from|by)\s+$", re.I)
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ed|died|fell|sank|struck|took|saw|left)\b")


def _measured(
    text: str, doc_id: str, n: _Num, nums: Sequence[_Num], s0: int, s1: int, d: _Data
) -> Quantity | None:
    n_end = n.range_end or n.end
    if n.value < 0:  # a fraction word: a share
        measure: tuple[str, int, int] | None = ("share", n.start, n.end)
        value = -n.value
    else:
        measure = _measure_near(text, n, s0, s1, [o for o in nums if o is not n], d)
        value = n.value
        if n.currency:
            measure = ("money", n.start, measure[2] if measure and measure[0] == "money" else n_end)
    if measure is None and not n.currency:
        measure = _people_count(text, n_end, s1, d)
    if measure is None:
        return None
    key, m0, m1 = measure
    if key == "forces" and m1 > n_end:
        for pat, other in d.becomes:
            hit = pat.match(text[m1:s1])
            if hit:
                key, m1 = other, m1 + hit.end()
                break
        else:
            verb = re.search(r"([A-Za-z]+)\W*$", text[s0 : _qualifier(text, n, s0, d)[1]])
            if verb and verb.group(1).lower() in d.after_verbs:
                key = d.after_verbs[verb.group(1).lower()]  # "lost 4,000 men": losses
    if key in d.fates and m1 > n_end:
        # "4 ships sunk", "188 planes were destroyed": a count of that fate
        for pat, other in d.fates[key]:
            hit = pat.match(text[m1:s1])
            if hit:
                key, m1 = other, m1 + hit.end()
                break
        else:
            verb = re.search(r"([A-Za-z]+)\W*$", text[s0 : _qualifier(text, n, s0, d)[1]])
            fate = d.fate_verbs.get(key, {}).get(verb.group(1).lower()) if verb else None
            if fate is not None:
                key = fate  # "sank 12 ships"
    if n.year_like and not (
        key in ("money", "share", "magnitude") or (m0 == n.start and m1 - n_end < 12)
    ):
        return None  # "killed in 1914" is a year; "1500 men" a count
    if n.year_like and _YEAR_BEFORE.search(text[s0 : n.start]) and _VERB_AFTER.match(text[n_end:s1]):
        return None  # "the earthquake of 1755 killed 60,000": the year, then the verb
    if key == "share" and n.value >= 0 and not re.match(r"\s*(%|per\s?cent)", text[n_end:s1], re.I):
        return None
    bound, qstart = _qualifier(text, n, s0, d)
    if n.plus:
        bound = "lower"
    high = n.high if n.high is not None else value
    if n.high is not None:
        bound = "range"
    if key in ("length", "area") and _DISTANCE_TO.match(text[m1:s1]):
        return None  # "60 miles north of the city": where, not how long
    if n.word and text[n.start].isupper() and text[m0 if m0 > n.start else n.end :].lstrip()[:1].isupper():
        return None  # "Three Mile Island": a name
    factor = 1.0
    unit = n.currency
    if key == "money" and not unit and text[n_end:m1].split():
        unit = text[n_end:m1].split()[-1].lower()  # "132 billion gold marks"
    if key == "length":
        word = text[n_end:m1].split()[-1].lower().strip("-") if text[n_end:m1].split() else ""
        factor = d.factors.get(word, 1.0)
        unit = "m"
    start = min(qstart, m0)
    end = max(n_end, m1)
    written = " ".join(text[qstart:n_end].split())
    if key in ("length", "money"):
        written = " ".join(text[qstart:end].split()) if m1 > n_end else written
    return Quantity(doc_id, start, end, key, value * factor, high * factor, bound, written, unit)
