"""Event mentions: triggers (as data), arguments from the parse, modality, structure.

The stage reads the parsed content segments, the date mentions and the entity mentions of one
document and emits :class:`~histograph.model.EventMention` objects:

- triggers: verbal ("recognized the Soviet Union"), nominal ("the recognition of X",
  "the assassination of X") and named ("the Cold War", "the X Pact", "Treaty of X"), typed
  through ``data/event_types.yaml`` (:mod:`.triggers`);
- arguments: participants from the dependency parse with entity keys, place (:mod:`.arguments`);
- date: the date expression attached by the parse in the same sentence (never a publication
  date); else the line's leading date label ("**June 1941:** ..."), else for a list item the
  date of its heading, else an event card's date line (:mod:`.structure`);
- modality: negated / hypothetical / planned (:mod:`.modality`); such mentions are kept but
  the merge never founds an event on them.
- mentioned, not stated: an act demanded ("demanded that X stop mobilising"), the event an
  anniversary remembers, and an undated definite noun pointing back to an event the page
  told before ("The establishment of relations allowed ...") are no mentions: at the merge
  they would carry their sentence into that event (:mod:`.nonevents`).

``confidence`` encodes how much a mention may do in the merge: below
:data:`JOIN_ONLY_BELOW` a mention may only join an event founded by others (a bare
"the recognition", "the negotiations"); captions count less than narrative.

The stage is split by concern, each module importing only those below it: per-document
lookups (:mod:`.lookups`), the weight of a mention (:mod:`.confidence`), triggers that are
no event (:mod:`.nonevents`), dates from beyond the clause (:mod:`.dating`), the mentions
of one sentence (:mod:`.sentences`), dated chronology entries (:mod:`.entries`); this
module runs them over a document and registers the stage.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import EventMention, RegionKind
from ..registry import stage
from .confidence import JOIN_ONLY_BELOW, KIND_WEIGHT
from .dating import between_one_day, continue_date
from .entries import entry_events
from .labels import label_events
from .lookups import Entities, TimesStarting
from .nonevents import told_key
from .salience import mark_main
from .sentences import sentence_mentions
from .structure import Structure, usable_time
from .tenure import tenure_events
from .types import format_type, load_event_types

if TYPE_CHECKING:
    from ..state import DocState

__all__ = [
    "JOIN_ONLY_BELOW",
    "continue_date",
    "entry_events",
    "events_stage",
    "extract_events",
    "format_type",
    "load_event_types",
]

#: the name earlier code and tests import
_TimesStarting = TimesStarting


def extract_events(state: DocState) -> list[EventMention]:
    """All event mentions of one document (pure: reads the state, returns mentions)."""
    et = load_event_types()
    structure = Structure(state.document.text, state.regions, state.times)
    ents = Entities(state.entities)
    times_at = TimesStarting(state.times)
    out: list[EventMention] = []
    text = state.document.text
    told: list[tuple[tuple[int, int], list[EventMention], bool]] = []
    #: the events the page has stated so far (asserted, able to found an event): their
    #: type and word (:func:`.nonevents.told_key`)
    stated: set[str] = set()
    for seg in state.segments:
        if seg.region.kind not in KIND_WEIGHT:
            continue
        prev: list[EventMention] = []
        prev_end = -1
        for sent in seg.doc.sents:
            if not sent.text.strip():
                continue
            refs: list[EventMention] = []
            ms = sentence_mentions(state, seg, sent, et, structure, ents, times_at, stated, refs)
            ms0 = ms
            abs_s, abs_e = seg.offset + sent.start_char, seg.offset + sent.end_char
            own = structure.times_in(abs_s, abs_e)
            if prev and seg.region.kind == "narrative" and "\n\n" not in text[prev_end:abs_s]:
                ms = continue_date(ms, prev, text, (abs_s, abs_e), own, et)
            if refs:
                # (by position: carrying a date over rebuilds the mentions)
                gone = {k for k, m in enumerate(ms0) if any(m is r for r in refs)}
                ms = [m for k, m in enumerate(ms) if k not in gone]
            told.append(((abs_s, abs_e), ms, seg.region.kind == "narrative" and not own))
            stated.update(
                told_key(m.type, w)
                for m in ms
                if m.modality == "asserted" and m.confidence >= JOIN_ONLY_BELOW
                for w in text[m.trigger_start : m.trigger_end].split()
            )
            prev, prev_end = ms, abs_e
    for k, (_bounds, ms, _undated) in enumerate(told):
        out.extend(between_one_day(told, k, text, et) if 0 < k < len(told) - 1 else ms)
    absorbed: set[int] = set()
    entries = entry_events(state, out, absorbed)
    out = [m for k, m in enumerate(out) if k not in absorbed] + entries
    out += tenure_events(
        state.document.id,
        text,
        [t for t in state.times if usable_time(t)],
        state.entities,
        out,
        _kind_at(state),
        et.tenure,
    )
    labelled, replaced = label_events(state, out, et.types)
    if labelled:
        out = [m for i, m in enumerate(out) if i not in replaced] + labelled
    out.sort(key=lambda m: (m.start, m.trigger_start, m.type))
    return mark_main(out, state.regions)


def _kind_at(state: DocState) -> Callable[[int], RegionKind]:
    """The kind of the region holding an offset (``narrative`` outside every region)."""
    regions = sorted(state.regions, key=lambda r: r.start)
    starts = [r.start for r in regions]

    def kind_at(offset: int) -> RegionKind:
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < regions[k].end:
            return regions[k].kind
        return "narrative"

    return kind_at


@stage(
    "histograph.events.v1",
    requires=("segments", "sentences", "times", "entities"),
    assigns=("events",),
)
def events_stage(state: DocState) -> None:
    state.events = extract_events(state)
