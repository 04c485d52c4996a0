"""Dates an event mention takes from beyond its own clause, and dates it must not take: a
temporal marker or a backdrop phrase, a person's term in parentheses, a long range for a
momentary event; "two days after X" counted back from the sentence's day; the date of the
sentence before (``continuation`` in ``data/event_types.yaml``) or of the same day on both
sides."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import textindex
from ..model import EventMention, TimeMention, civil_from_day
from ..time.durations import parse_days
from ..time.values import make_day
from .lookups import Entities
from .states import STATE_TYPE
from .types import EventTypes

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .arguments import Located


_WORD_RX = re.compile(r"[a-z]+")


def outside_participle_clauses(head: Token, cands: Sequence[Located]) -> list[Located]:
    """The dates an event may take when a participle clause before or after its clause has
    a date of its own ("Having crossed the river on 3 May, the army took the town on 5 May";
    "Having secured support in early spring, the envoy presented the note on 23 March"): the
    participle's date is its own act's, told as earlier; the main clause takes another date
    of the sentence, and the participle's only when nothing else dates it (the caller tries
    these first, then all)."""
    keep: list[Located] = []
    for loc in cands:
        t = loc.root
        inside = False
        while t is not None and t.head.i != t.i:
            if t.dep_ == "advcl" and t.tag_ in {"VBG", "VBN"}:
                inside = not (t.left_edge.i <= head.i <= t.right_edge.i)
                break
            t = t.head
        if not inside:
            keep.append(loc)
    return keep


def under_temporal_marker(t: Token, markers: frozenset[str]) -> bool:
    cur = t
    while True:
        if (
            cur.i != t.i
            and cur.lower_ in markers
            and (cur.dep_ in {"prep", "mark"} or cur.pos_ == "ADP")
        ):
            return True
        if any(c.dep_ == "mark" and c.lower_ in markers for c in cur.children):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head


def backdrop(head: Token, et: EventTypes) -> bool:
    """A name in a backdrop phrase ("during the X Revolution", "amid the Y Crisis"): the
    entry's date belongs to what happened against it, not to the name."""
    cur = head
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ in et.not_events.backdrop_preps:
            return True
        if cur.head.i == cur.i or cur.dep_ not in {"compound", "amod", "pobj", "appos", "conj"}:
            return False
        cur = cur.head
    return False


def person_term(text: str, t: TimeMention, ents: Entities) -> bool:
    """A date in parentheses right after a person's name ("Kennedy (President, 1961-1963)")
    gives the person's term or life, not the date of an event in the sentence."""
    line_start = textindex.rfind(text, "\n", 0, t.start) + 1
    k = textindex.rfind(text, "(", line_start, t.start)
    if k < 0 or textindex.find(text, ")", k, t.start) >= 0:
        return False
    j = k
    while j > line_start and text[j - 1] in " \t*_":
        j -= 1
    if j <= line_start:
        return False
    m = ents.covering(j - 1, j)
    return m is not None and m.label == "PERSON" and m.end >= j


#: a range of less than this many days ("5–6 July", "the night of 4 to 5 June") may date an
#: event that is not durative: one happening told across a night or a few days
_SHORT_RANGE_DAYS = 7


def is_range(t: TimeMention) -> bool:
    """A range of dates too long to be the date of one momentary happening."""
    v = t.value
    if v is None or not (v.precision == "interval" or "/" in v.value):
        return False
    return v.latest - v.earliest >= _SHORT_RANGE_DAYS


_OFFSET = re.compile(r"(?i)\b((?:\d{1,3}|[a-z]+)\s+(?:days?|weeks?))\s+(after|before)\s+")


def offset_dates(
    mentions: list[EventMention], text: str, start: int, end: int
) -> list[EventMention]:
    """ "Two days after the kingdom declared war, ..." in a sentence dated to a day: the
    embedded event lies that many days before (after "before") the sentence's date."""
    m = _OFFSET.search(text, start, end)
    if m is None:
        return mentions
    days = parse_days(m.group(1))
    if days is None:
        return mentions
    stop = text.find(",", m.end(), end)
    stop = end if stop < 0 else stop
    inside = [k for k, x in enumerate(mentions) if m.end() <= x.trigger_start < stop]
    outside = [
        x
        for k, x in enumerate(mentions)
        if k not in inside and x.time is not None and x.time.precision == "day"
    ]
    frame = outside[0].time if outside else None
    if frame is None:
        frame = next(
            (x.time for x in mentions if x.time is not None and x.time.precision == "day"), None
        )
    if frame is None or not inside:
        return mentions
    k = inside[0]
    own = mentions[k].time_start
    if own is not None and m.start() <= own < m.end() and mentions[k].time is not None:
        return mentions  # the date engine resolved "two days after" itself
    y, mo, d = civil_from_day(
        frame.earliest - days if m.group(2).lower() == "after" else frame.earliest + days
    )
    out = list(mentions)
    out[k] = dataclasses.replace(
        out[k], time=make_day(y, mo, d), time_start=m.start(1), time_end=m.end(2)
    )
    return out


def continue_date(
    mentions: Sequence[EventMention],
    previous: Sequence[EventMention],
    text: str,
    bounds: tuple[int, int],
    own_dates: Sequence[TimeMention],
    et: EventTypes,
) -> list[EventMention]:
    """Undated mentions of a sentence that continues the dated event of the sentence
    before take that event's date, only with a strong cue (``continuation`` in
    ``data/event_types.yaml``): an expression of the same time ("that evening"), or a
    back-reference to that event ("the relations now established"); never when the sentence
    has a date of its own or a sign of a later time ("later", "years")."""
    out = list(mentions)
    src = next(
        (
            m
            for m in reversed(previous)
            if m.modality == "asserted"
            and m.time is not None
            and m.time.precision in {"day", "time"}
            and m.type != STATE_TYPE
        ),
        None,
    )
    if src is None or own_dates or not any(m.time is None for m in out):
        return out
    lex = et.continuation
    low = text[bounds[0] : bounds[1]].lower()
    words = set(_WORD_RX.findall(low))
    if words & lex.blockers:
        return out
    same_time = any(re.search(rf"\b{re.escape(p)}\b", low) for p in lex.same_time)
    # "the relations now established": the previous sentence's event, referred back to
    back_ref = any(
        m.time is None
        and et.compatible(m.type, src.type)
        and (
            _WORD_RX.findall(text[max(bounds[0], m.trigger_start - 24) : m.trigger_start].lower())[
                -1:
            ]
            or [""]
        )[0]
        in lex.back_reference
        for m in out
    )
    if not (same_time or back_ref):
        return out
    return [
        replace(m, time=src.time, time_start=src.time_start, time_end=src.time_end)
        if m.time is None and m.modality == "asserted" and m.type != STATE_TYPE
        else m
        for m in out
    ]


def _day_of(ms: Sequence[EventMention], last: bool) -> EventMention | None:
    """The last (or first) asserted mention of a sentence dated to a day or a time of day."""
    seq = list(reversed(ms)) if last else list(ms)
    return next(
        (
            m
            for m in seq
            if m.modality == "asserted"
            and m.time is not None
            and m.time.precision in {"day", "time"}
            and m.type != STATE_TYPE
        ),
        None,
    )


def between_one_day(
    told: Sequence[tuple[tuple[int, int], list[EventMention], bool]],
    k: int,
    text: str,
    et: EventTypes,
) -> list[EventMention]:
    """An undated narrative sentence between two sentences of the same day ("On 27 October
    a second letter came. X decided to answer the first. That evening Y met Z.") tells an
    event of that day: the story does not leave the day and come back. Not across a blank
    line, and not when the sentence signals another time ("later", "years")."""
    (s, e), ms, undated = told[k]
    (_ps, pe), before, _ = told[k - 1]
    (ns, _ne), after, _ = told[k + 1]
    if not undated or not any(m.time is None for m in ms):
        return list(ms)
    if "\n\n" in text[pe:ns]:
        return list(ms)
    a, b = _day_of(before, last=True), _day_of(after, last=False)
    if a is None or b is None or a.time is None or b.time is None:
        return list(ms)
    if a.time.earliest != b.time.earliest:
        return list(ms)
    if set(_WORD_RX.findall(text[s:e].lower())) & et.continuation.blockers:
        return list(ms)
    day = make_day(*civil_from_day(a.time.earliest))
    return [
        replace(m, time=day, time_start=a.time_start, time_end=a.time_end)
        if m.time is None and m.modality == "asserted" and m.type != STATE_TYPE
        else m
        for m in ms
    ]
