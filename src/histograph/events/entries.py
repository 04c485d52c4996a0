"""Entry events: a chronology entry that opens with its own date states an event even when no
trigger names it ("1181 Supernova seen by ...", "Sep 27 Troops set sail")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import EventMention, Participant, TimeMention
from .arguments import participants, place_of
from .confidence import JOIN_ONLY_BELOW
from .fallback import OTHER_TYPE
from .lookups import Entities, label_fn
from .states import STATE_TYPE
from .structure import usable_time
from .triggers import Trigger
from .types import load_event_types

if TYPE_CHECKING:
    from ..state import DocState, Segment


_TERMINAL_END = re.compile(r"[.!?…)\]\"'”’]\s*$")

_ENTRY_LEAD = re.compile(r"[ \t]*(?:[-*+•▪◦‣][ \t]+|\|[ \t]*)?(?:\*\*|__)?[ \t]*")
_ENTRY_SEP = re.compile(r"(?:\*\*|__)?[ \t]*(?:[-–—:|][ \t]*)?(?:\*\*|__)?[ \t]*")
_ENTRY_WORD = re.compile(r"[A-Za-z]")
#: a word of approximation the date engine leaves out of the date it opens ("Around 1470")
_CIRCA_LEAD = re.compile(r"(?i:c\.|ca\.|circa|around|about|approximately)[ \t]*")
#: an entry event weighs like a typed verbal mention of a list item, a little below
_ENTRY_CONFIDENCE = 0.8


def _day_above(times: Sequence[TimeMention], k: int, text: str) -> TimeMention | None:
    """An entry opening with a year under a date line giving the day in that year ("3 June
    1947", blank, "1947 X Act"): the year belongs to the entry's name or repeats the line
    above; the entry's date is that day."""
    v = times[k].value
    if k == 0 or v is None or v.precision != "year":
        return None
    above = times[k - 1]
    av = above.value
    if av is None or av.precision != "day" or not av.within(v):
        return None
    if text[above.end : times[k].start].strip():
        return None  # something stands between the date line and the entry
    line_start = text.rfind("\n", 0, above.start) + 1
    return above if not text[line_start : above.start].strip() else None


def entry_events(
    state: DocState, mentions: Sequence[EventMention], absorbed: set[int] | None = None
) -> list[EventMention]:
    """A chronology entry that opens with its own date ("1181 Supernova seen by ...",
    "1931- The first aerial refuelling is achieved", "Sep 27 Troops set sail") states an
    event even when no trigger names it, or when its only trigger names a war it happened in
    ("1911- Aircraft are first used during the X War"): when no dated, asserted mention states
    the entry (spans much of it, is a confident trigger, is the subject's head, or is a
    capitalised name), the entry itself is an ``other`` event of the entry's date. An entry
    cut off by the end of the page (no final punctuation, no line break) is a fragment whose
    predicate may be lost: it is left alone."""
    text = state.document.text
    times = sorted((t for t in state.times if usable_time(t)), key=lambda t: t.start)
    starts = [t.start for t in times]
    out: list[EventMention] = []
    if absorbed is None:
        absorbed = set()
    ents: Entities | None = None
    seg_at: dict[int, Segment] = {}
    for sg in state.segments:
        seg_at.setdefault(sg.region.start, sg)
    # the mentions by start, so that each entry reads those inside it (not every mention of
    # the page per entry: a chronology of thousands of entries)
    by_start = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    m_starts = [mentions[k].start for k in by_start]
    for region in state.regions:
        if region.kind != "list_item":
            continue
        lead = _ENTRY_LEAD.match(text, region.start)
        at = lead.end() if lead else region.start
        k = bisect.bisect_left(starts, at)
        if k < len(times) and times[k].start != at:
            circa = _CIRCA_LEAD.match(text, at)  # "Around 1470 – ...": the date after it
            if circa is not None and times[k].start == circa.end():
                at = circa.end()
        if k >= len(times) or times[k].start != at or times[k].end >= region.end:
            continue
        date = _day_above(times, k, text) or times[k]
        body_m = _ENTRY_SEP.match(text, times[k].end)
        body = body_m.end() if body_m else times[k].end
        end = region.end
        while end > body and text[end - 1].isspace():
            end -= 1
        if end <= body or not _ENTRY_WORD.search(text, body, end):
            continue
        if end == len(text) and not _TERMINAL_END.search(text[body:end]):
            continue  # cut off by the page end
        t_start, t_end, subject = _entry_trigger(state, seg_at.get(region.start), body, end)
        # the mentions that start inside the entry, in the order of ``mentions``
        lo = bisect.bisect_left(m_starts, region.start)
        inside = sorted(by_start[lo : bisect.bisect_left(m_starts, region.end, lo)])
        if any(
            m.modality == "asserted"
            and m.time is not None
            and (
                (m.end - m.start) * 5 >= (end - body) * 2
                or m.confidence >= JOIN_ONLY_BELOW
                or (m.trigger_start < subject[1] and subject[0] < m.trigger_end)
                or text[m.start : m.start + 1].isupper()
            )
            for m in (mentions[k] for k in inside)
        ):
            continue  # a dated mention states the entry (not a bare word of it: "in war"),
            # or names it ("The X invasion ... collapses")
        typ = OTHER_TYPE
        named = next(
            (
                k
                for k, m in ((k, mentions[k]) for k in inside)
                if m.time is None
                and m.modality == "asserted"
                and m.type != OTHER_TYPE
                and m.type != STATE_TYPE
                and (
                    (m.trigger_start < subject[1] and subject[0] < m.trigger_end)
                    or _opens(text, body, m.trigger_start)
                    or m.trigger_start <= t_start < m.trigger_end
                )
            ),
            None,
        )
        if named is not None:
            # "1912–1913 – Two X Wars double the kingdom's territory": the entry tells of
            # the event its subject names (README: the war as the entry's content)
            typ = mentions[named].type
            absorbed.add(named)
        if ents is None:
            ents = Entities(state.entities)
        place, parts = _entry_arguments(seg_at.get(region.start), t_start, typ, ents)
        out.append(
            EventMention(
                doc_id=state.document.id,
                start=region.start
                + (len(text[region.start : at]) - len(text[region.start : at].lstrip())),
                end=end,
                trigger_start=t_start,
                trigger_end=t_end,
                type=typ,
                time=date.value,
                time_start=date.start,
                time_end=date.end,
                place=place,
                participants=parts,
                modality="asserted",
                region_kind="list_item",
                confidence=_ENTRY_CONFIDENCE,
            )
        )
    return out


def _entry_arguments(
    seg: Segment | None, t_start: int, typ: str, ents: Entities
) -> tuple[str | None, tuple[Participant, ...]]:
    """Place and participants of an entry event, read from the parse around its predicate
    ("| 29 July | The port of X is shelled by the fleet": the fleet, X)."""
    if seg is None:
        return None, ()
    rel = t_start - seg.offset
    tok = next((t for t in seg.doc if t.idx == rel), None)
    if tok is None or tok.pos_ not in {"VERB", "AUX", "NOUN", "PROPN"}:
        return None, ()
    et = load_event_types()
    label_of = label_fn(seg, ents)
    tr = Trigger(
        typ, tok.i, tok.i, tok.i + 1, "verbal" if tok.pos_ in {"VERB", "AUX"} else "nominal", True
    )
    sent = tok.sent
    return (
        place_of(tr, sent, label_of),
        participants(
            tr, sent, et.types[typ], seg.offset, label_of, ents.at, et.role_nouns, ents.topic
        ),
    )


def _opens(text: str, body: int, start: int) -> bool:
    """The mention at ``start`` opens the entry whose text begins at ``body`` (after at most
    an article): "Two X Wars double ...", "The X Congress redraws ..."."""
    lead = text[body:start]
    return start >= body and (not lead.strip() or lead.strip().lower() in {"the", "a", "an"})


def _entry_trigger(
    state: DocState, seg: Segment | None, body: int, end: int
) -> tuple[int, int, tuple[int, int]]:
    """The entry's predicate (the root of its first clause after the date), else its first
    word; and the span of the head word of that predicate's subject ((0, 0) when none)."""
    if seg is not None:
        for tok in seg.doc:
            s = seg.offset + tok.idx
            if s < body or s >= end:
                continue
            if tok.dep_ == "ROOT" or tok.head.i == tok.i:
                subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
                span = (0, 0)
                if subj:
                    head = subj[0]
                    span = (seg.offset + head.idx, seg.offset + head.idx + len(head.text))
                return s, s + len(tok.text), span
    word = re.match(r"\S+", state.document.text[body:end])
    return body, body + (word.end() if word else 1), (0, 0)
