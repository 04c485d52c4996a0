"""Label lines: an infobox or fact-sheet line that states an event through its label.

"Born: 3 March 1821, Bremen", "**Founded:** 1602", "Died: 9 June 1890, Hamburg" have no verb
and no event noun a trigger list could read, yet each states a dated event: the label names
the event's kind (``data/event_labels.yaml``) and the date right after the colon is its date.
Such a line yields one mention of the label's type, evidence the whole line; a weaker mention
the parse found on the label word ("Died" read as a noun) gives way to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..datafile import load_yaml
from ..model import EventMention, Participant
from .structure import usable_time

if TYPE_CHECKING:
    from ..state import DocState

__all__ = [
    "label_events",
    "label_types",
    "performing_verbs",
    "record_subjects",
    "result_verbs",
]

#: "Born:", "- **Died:**", "Date of birth :" (a label of at most four words, then a colon)
_LABEL = re.compile(
    r"[ \t]*(?:[-*+•▪◦‣][ \t]+)?(?:\*\*|__)?[ \t]*([A-Za-z][A-Za-z ]{1,30}?)[ \t]*"
    r"(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*"
)
#: regions whose lines may be label lines
_KINDS = frozenset({"heading", "narrative", "list_item", "metadata"})
_CONFIDENCE = 0.8


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: types whose label line tells of the page's own subject ("Born: ...", "Died: ...")
_LIFE_TYPES = frozenset({"birth", "death"})


def _page_person(state: DocState) -> Participant | None:
    """The person the page is about: a person named in its title."""
    for r in state.regions:
        if r.kind != "title":
            continue
        for m in state.entities:
            if r.start <= m.start < r.end and m.label == "PERSON":
                return Participant(m.text, "patient", m.start, m.end, m.key)
    return None


def _place_after(state: DocState, start: int, end: int) -> str | None:
    """ "Died: 9 June 1890, Hamburg": the place named after the date, as written (with a
    region after a comma: "Fallow Hall, Norfolk")."""
    text = state.document.text
    if not text[start:end].lstrip().startswith((",", "in ", "at ", "–", "-")):
        return None
    places = sorted(
        (m for m in state.entities if start <= m.start < end and m.label in _PLACE_LABELS),
        key=lambda m: m.start,
    )
    if not places:
        return None
    stop = places[0].end
    for m in places[1:]:
        if text[stop : m.start].strip() != ",":
            break
        stop = m.end
    return text[places[0].start : stop]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw: dict[str, Any] = load_yaml(
        resources.files("histograph").joinpath("data/event_labels.yaml").read_text("utf-8")
    )
    return raw


@lru_cache(maxsize=1)
def performing_verbs() -> frozenset[str]:
    """Verb lemmas whose event-noun object is the event they tell ("declared war")."""
    return frozenset(str(v).lower() for v in _data().get("performs") or ())


@lru_cache(maxsize=1)
def record_subjects() -> frozenset[str]:
    """Subject nouns of the record (figures, estimates, sources), not of actors."""
    return frozenset(str(v).lower() for v in _data().get("record_subjects") or ())


@lru_cache(maxsize=1)
def result_verbs() -> frozenset[str]:
    """Verb lemmas that tell what brought an event about ("led to the war")."""
    return frozenset(str(v).lower() for v in _data().get("results_in") or ())


@lru_cache(maxsize=1)
def label_types() -> Mapping[str, str]:
    """Label (lower case) -> event type id, from ``data/event_labels.yaml``."""
    raw = _data()
    return {" ".join(str(k).lower().split()): str(v) for k, v in (raw.get("labels") or {}).items()}


def label_events(
    state: DocState, mentions: Sequence[EventMention], types: Mapping[str, object]
) -> tuple[list[EventMention], set[int]]:
    """The label lines' mentions, and the indices of ``mentions`` they replace (mentions of
    the same type inside the line that lack its date or its confidence)."""
    text = state.document.text
    labels = label_types()
    times = sorted((t for t in state.times if usable_time(t) and t.value), key=lambda t: t.start)
    starts = [t.start for t in times]
    out: list[EventMention] = []
    replaced: set[int] = set()
    for region in state.regions:
        if region.kind not in _KINDS:
            continue
        m = _LABEL.match(text, region.start, region.end)
        if m is None:
            continue
        typ = labels.get(" ".join(m.group(1).lower().split()))
        if typ is None or typ not in types:
            continue
        k = bisect.bisect_left(starts, m.end())
        if k >= len(times) or times[k].start != m.end() or times[k].end > region.end:
            continue
        date = times[k]
        line_end = text.find("\n", m.end(), region.end)
        end = region.end if line_end < 0 else line_end
        while end > region.start and text[end - 1].isspace():
            end -= 1
        inside = [
            i for i, x in enumerate(mentions) if region.start <= x.start < end and x.type == typ
        ]
        if any(
            mentions[i].time is not None and mentions[i].confidence >= _CONFIDENCE for i in inside
        ):
            continue  # the line's own clause states it already
        replaced.update(inside)
        place = _place_after(state, date.end, end)
        who = _page_person(state) if typ in _LIFE_TYPES else None
        start = (
            region.start
            + len(text[region.start : m.start(1)])
            - len(text[region.start : m.start(1)].lstrip(" \t"))
        )
        out.append(
            EventMention(
                doc_id=state.document.id,
                start=start,
                end=end,
                trigger_start=m.start(1),
                trigger_end=m.end(1),
                type=typ,
                time=date.value,
                time_start=date.start,
                time_end=date.end,
                place=place,
                participants=(who,) if who is not None else (),
                modality="asserted",
                region_kind=region.kind if region.kind != "metadata" else "heading",
                confidence=_CONFIDENCE,
            )
        )
    return out, replaced
