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

``confidence`` encodes how much a mention may do in the merge: below
:data:`JOIN_ONLY_BELOW` a mention may only join an event founded by others (a bare
"the recognition", "the negotiations"); captions count less than narrative.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import textindex
from ..model import (
    EntityMention,
    EventMention,
    Participant,
    RegionKind,
    TimeMention,
    civil_from_day,
)
from ..registry import stage
from ..time.durations import parse_days
from ..time.values import make_day
from .arguments import Located, choose_time, clause_span, participants, place_of
from .fallback import OTHER_TYPE, fallback_triggers, quoted_statement
from .labels import label_events, performing_verbs, record_subjects
from .modality import immediate_governor, modality_of
from .reference import topic_person
from .salience import mark_main
from .states import STATE_TYPE, state_mentions
from .structure import Structure, usable_time
from .tenure import tenure_events
from .triggers import Trigger, find_triggers, subjects
from .types import EventTypes, format_type, load_event_types

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..state import DocState, Segment

__all__ = [
    "JOIN_ONLY_BELOW",
    "continue_date",
    "events_stage",
    "extract_events",
    "format_type",
    "load_event_types",
]

_WORD_RX = re.compile(r"[a-z]+")
#: mentions with a lower confidence only join events founded by other mentions
JOIN_ONLY_BELOW = 0.45
_KIND_WEIGHT: dict[str, float] = {
    "narrative": 1.0,
    "list_item": 1.0,
    "quote": 0.9,
    "title": 0.9,
    "heading": 0.85,
    "caption": 0.75,
}
#: the longest a sentence may be before the evidence span narrows to the trigger's clause
_LONG_SENTENCE = 160


class _Entities:
    """Entity mentions of one document, looked up by absolute offset."""

    def __init__(self, mentions: Sequence[EntityMention]) -> None:
        self._m = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self._m]
        self.topic = topic_person(self._m)  # the person the page is about, if any

    def covering(self, start: int, end: int) -> EntityMention | None:
        k = bisect.bisect_right(self._starts, start)
        best: EntityMention | None = None
        for j in range(max(0, k - 8), min(len(self._m), k + 8)):
            m = self._m[j]
            if (
                m.start < end
                and start < m.end
                and (best is None or m.end - m.start > best.end - best.start)
            ):
                best = m
        return best

    def at(self, start: int, end: int) -> tuple[int, int, str | None] | None:
        m = self.covering(start, end)
        if m is None:
            return None
        return m.start, m.end, m.key or m.text


class _TimesStarting:
    """The document's time mentions that start inside a span, in the document's order:
    built once per document, so that each sentence bisects instead of scanning them all."""

    def __init__(self, times: Sequence[TimeMention]) -> None:
        self._times = list(times)
        order = sorted(range(len(self._times)), key=lambda i: self._times[i].start)
        self._order = order
        self._starts = [self._times[i].start for i in order]

    def __call__(self, start: int, end: int) -> list[TimeMention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end, lo)
        return [self._times[i] for i in sorted(self._order[lo:hi])]


def _label_fn(seg: Segment, ents: _Entities) -> Callable[[Token], str]:
    def label_of(t: Token) -> str:
        s = seg.offset + t.idx
        m = ents.covering(s, s + len(t.text))
        if m is not None:
            return m.label
        return str(t.ent_type_)

    return label_of


def _locate(seg: Segment, tm: TimeMention) -> Located:
    rs, re_ = tm.start - seg.offset, tm.end - seg.offset
    span = (
        seg.doc.char_span(rs, re_, alignment_mode="expand")
        if 0 <= rs < re_ <= seg.region.end - seg.region.start
        else None
    )
    if span is None or not len(span):
        return Located(tm, None)
    return Located(tm, span.root, frozenset(range(span.start, span.end)))


def _under_temporal_marker(t: Token, markers: frozenset[str]) -> bool:
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


def _phrase_span(tr: Trigger, sent: Span) -> tuple[int, int]:
    """Doc-relative char span of a nominal/named trigger's noun phrase (within the sentence)."""
    doc = sent.doc
    head = doc[tr.head]
    skip: set[int] = set()
    for c in head.children:
        if c.dep_ in {"conj", "cc", "relcl", "appos"}:
            skip |= {t.i for t in c.subtree}
    toks = [
        t
        for t in head.subtree
        if sent.start <= t.i < sent.end and t.dep_ != "punct" and t.i not in skip
    ]
    toks += [doc[i] for i in range(tr.start, tr.end)]
    s = min(t.idx for t in toks)
    e = max(t.idx + len(t.text) for t in toks)
    return s, e


def _backdrop(head: Token, et: EventTypes) -> bool:
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


def _person_term(text: str, t: TimeMention, ents: _Entities) -> bool:
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


def _fragment(v: Token) -> bool:
    """A finite verb without any subject: a note-style fragment ("**X (role):** Sent the
    missiles and agreed to remove them") that says what a person did, not when: it may only
    join an event founded by a full statement."""
    if any(c.dep_ in {"auxpass", "aux"} for c in v.children):
        return False
    if v.tag_ not in {"VBD", "VBZ", "VBP"} and not (v.tag_ == "VBN" and v.dep_ == "ROOT"):
        return False  # (a root participant with no auxiliary: "Presented the evidence")
    cur = v
    for _ in range(4):  # "X refused to recognise Y and took part in Z": X, two levels up
        # (Markdown emphasis "**" parsed as a subject is no subject)
        if any(any(ch.isalnum() for ch in s.text) for s in subjects(cur)):
            return False
        if cur.dep_ not in {"conj", "xcomp", "advcl", "ccomp"} or cur.head.i == cur.i:
            break
        cur = cur.head
    return True


def _noun_infinitive(v: Token) -> bool:
    """An infinitive that modifies a noun ("the only American to die", "the first president to
    travel abroad") describes a kind of person, not an act of its own."""
    if v.tag_ != "VB" or v.dep_ not in {"acl", "relcl", "ROOT"}:
        return False  # (the parser may make such a fragment the root: "X, the only Y to die")
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)


def _impersonal_subject(v: Token) -> bool:
    """An active clause whose only subject is "it" ("There it met X"): the actor is a thing
    named elsewhere (a treaty, a bill), not a party that acts."""
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    return len(subj) == 1 and subj[0].lower_ == "it"


def _about_the_record(v: Token) -> bool:
    """A clause whose subject is a figure, an estimate or a source ("other values have been
    proposed", "Russian sources date the order to X", "estimates range from ..."): the
    record discussing an event, not an event (``record_subjects`` in
    ``data/event_labels.yaml``)."""
    subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj and v.dep_ == "conj":
        subj = [c for c in v.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    words = record_subjects()
    return bool(subj) and all(s.lemma_.lower() in words or s.lower_ in words for s in subj)


def _timeless_present(v: Token, kind: str) -> bool:
    """An undated verb in the simple present in running prose ("they protect the right to a
    lawful judgment", "the clause declares that ...") tells what something is or says, not a
    dated act (a chronology's historical present comes with its entries' dates)."""
    if kind != "narrative":
        return False
    if v.dep_ == "conj" and v.tag_ == "VB" and v.head.pos_ in {"VERB", "AUX"}:
        if any(c.dep_ in {"aux", "auxpass"} for c in v.children):
            return False
        v = v.head  # "they protect X and declare Y": the tense of the first verb
    if v.tag_ not in {"VBZ", "VBP"}:
        return False
    return not any(c.dep_ in {"aux", "auxpass"} for c in v.children)


def _pronoun_subject(v: Token) -> bool:
    subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj and v.dep_ == "conj":
        subj = [c for c in v.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subj) and all(c.pos_ == "PRON" for c in subj)


#: a range of less than this many days ("5–6 July", "the night of 4 to 5 June") may date an
#: event that is not durative: one happening told across a night or a few days
_SHORT_RANGE_DAYS = 7


def _is_range(t: TimeMention) -> bool:
    """A range of dates too long to be the date of one momentary happening."""
    v = t.value
    if v is None or not (v.precision == "interval" or "/" in v.value):
        return False
    return v.latest - v.earliest >= _SHORT_RANGE_DAYS


def _region_kind(seg: Segment, line_kind: str) -> RegionKind:
    kind = seg.region.kind
    if kind == "narrative" and line_kind in {"heading", "list_item"}:
        return "heading" if line_kind == "heading" else "list_item"
    return kind


_INDEFINITE = frozenset({"a", "an", "another", "any", "some", "no", "every", "each"})


def _generic(head: Token, tr: Trigger) -> bool:
    """A bare plural noun ("trade agreements", "arrests and executions") names a kind of event,
    not one event; so does an indefinite singular ("an air strike", "another mission").
    (A bare singular is left alone: "industrialization", "Japanese expansionism" name processes.)"""
    if tr.kind != "nominal":
        return False
    if head.tag_ == "NN":
        dets = [c for c in head.children if c.dep_ in {"det", "poss", "nummod"}]
        if any(c.dep_ == "poss" or c.dep_ == "nummod" for c in dets):
            return False
        return any(c.lower_ in _INDEFINITE for c in dets)
    if head.tag_ not in {"NNS", "NNPS"}:
        return False
    gov = head.head
    if (
        head.dep_ == "pobj"
        and gov.lower_ == "of"
        and (
            gov.head.tag_ in {"JJS", "CD"}
            or gov.head.lower_ in {"one", "some", "many"}
            or any(c.tag_ == "RBS" for c in gov.head.children)
        )
    ):
        return True  # "the most important of the peace settlements", "one of the treaties"
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.pos_ == "NOUN":
        return False  # "the introduction of market reforms": a definite event
    return not any(c.dep_ in {"det", "poss", "nummod"} for c in head.children)


_WH_TAGS = frozenset({"WP", "WDT", "WP$"})


#: counts from this size up are tolls and totals (attributes), below they count people or
#: things an event happened to ("two workers died that night")
_FIGURE_MIN = 100
_APPROX = frozenset(
    {
        "about",
        "some",
        "around",
        "over",
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "estimated",
        "least",
        "more",
        "than",
        "up",
    }
)


def _count(t: Token) -> int | None:
    digits = t.text.replace(",", "").replace(".", "")
    return int(digits) if digits.isdigit() else None


def _numeric(t: Token, dates: Collection[int] = ()) -> bool:
    """A noun phrase that is a figure: "3,000 people", "about 28 buildings", "$250 million",
    "at least 13 copies" (a large or approximate count, or an amount of money)."""
    nums = [t] if t.like_num or t.tag_ == "CD" else []
    nums += [c for c in t.children if c.dep_ in {"nummod", "quantmod"} or c.tag_ == "CD"]
    nums = [n for n in nums if n.i not in dates]  # "1862 The ship ...": a year, not a count
    if t.text == "$" or any(c.text == "$" for c in t.subtree):
        return True
    for n in nums:
        if any(x.lower_ in _APPROX for x in n.subtree) or any(
            x.lower_ in _APPROX for x in t.children
        ):
            return True
        value = _count(n)
        if value is not None and value >= _FIGURE_MIN:
            return True
    return False


def _not_an_event(tr: Trigger, head: Token, et: EventTypes, dates: Collection[int] = ()) -> bool:
    """Mentions that are not events of their own (``not_events`` in the YAML):

    - a war named as the backdrop ("during the X War", "amid the war") or as a label ("X War:
      Battle of Y", "the X War memorial"), or a bare war noun naming a kind ("the use of
      aircraft in war");
    - a figure ("3,000 people died", "destroyed 28,000 buildings"): an attribute of an event;
    - a clause whose subject is a question word ("What happened in 1066"): a page heading."""
    ne = et.not_events
    if tr.kind in {"named", "nominal"} and et.group(tr.type) in ne.backdrop_groups:
        root = head
        while tr.start <= root.head.i < tr.end and root.head.i != root.i:
            root = root.head  # the name's own head ("World War I": the parser may pick "I")
        if root.dep_ == "compound" and not tr.start <= root.head.i < tr.end:
            return True  # "World War II veterans", "a war centenary": a label of a noun
        gov = root.head if root.dep_ == "pobj" else None
        if gov is not None and gov.lower_ in ne.backdrop_preps:
            return True
        k = tr.start - 1
        while k >= 0 and head.doc[k].lower_ in {"the", "a", "an"}:
            k -= 1
        if tr.kind == "named" and k >= 0 and head.doc[k].lower_ in ne.backdrop_preps:
            return True  # "during World War I." (whatever the parse made of it)
        if (
            gov is not None
            and gov.lower_ in ne.generic_preps
            and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in head.children)
            and tr.kind == "nominal"
            and not head.text[:1].isupper()
        ):
            return True
        nxt = head.doc[tr.end] if tr.end < len(head.doc) else None
        if tr.kind == "named" and nxt is not None and nxt.text.startswith(":"):
            return True  # "Franco-Prussian War: Battle of X": a label
    if (
        tr.kind == "nominal"
        and head.dep_ in {"amod", "compound", "nmod"}
        and head.head.i > head.i
        and head.i >= 2
        and head.doc[head.i - 1].text in {"-", "‐", "‑"}
        and not head.doc[head.i - 2].whitespace_
        and not head.doc[head.i - 1].whitespace_
    ):
        return True  # "a red-letter day", "a cross-border trade": a word of a compound modifier
    if tr.kind == "nominal" and head.lower_ in ne.tops:
        tops = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if any(
            g.ent_type_ in {"LOC", "GPE", "FAC"} or g.lemma_.lower() in ne.landforms for g in tops
        ):
            return True  # "the summit of Everest": the top of a place
    if tr.kind == "verbal" and _about_the_record(head):
        return True  # "other values have been proposed", "later sources date it to X"
    top = head
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head  # "subjecting the king to the law and promising justice"
    if tr.kind == "verbal" and (top.dep_ == "amod" or (top.dep_ == "acl" and head.tag_ == "VBG")):
        return True  # "the most widely accepted estimate", "a charter promising justice"
    if tr.kind == "verbal" and tr.type in ne.document_types:
        subj = [c for c in top.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if top.dep_ == "relcl" and (not subj or subj[0].tag_ in {"WDT", "WP"}):
            subj = [top.head]  # "an agreement that ... outlined rights"
        if (
            subj
            and subj[0].lemma_.lower() in ne.document_subjects
            and not any(c.dep_ == "nsubjpass" for c in top.children)
        ):
            return True  # "the charter outlined rights": the text's terms, not an act
    if (
        et.group(tr.type) == "office"
        and head.lemma_.lower() == "become"
        and any(
            c.dep_ in {"attr", "oprd"}
            and any(
                g.dep_ in {"acl", "relcl"} and any(a.tag_ == "TO" for a in g.children)
                for g in c.children
            )
            for c in head.children
        )
    ):
        return True  # "became the first pope to visit X": the visit is the event
    if tr.type in ne.figure_types and head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() in ne.figure_verbs and any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj"} and _numeric(c, dates) for c in head.children
        ):
            return True
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in _WH_TAGS for c in head.children):
            return True
    return False


def _figurative(tr: Trigger, head: Token, et: EventTypes) -> Trigger:
    """ "A price war", "the green revolution": a head noun made figurative by its modifier
    names no war or coup; the mention is typed ``other``."""
    if tr.kind not in {"nominal", "named"} or OTHER_TYPE not in et.types:
        return tr
    mods = et.figurative_modifiers.get(head.lower_) or et.figurative_modifiers.get(
        head.lemma_.lower()
    )
    if mods and any(
        c.dep_ in {"amod", "compound", "nmod"} and c.lemma_.lower() in mods for c in head.children
    ):
        return dataclasses.replace(tr, type=OTHER_TYPE)
    return tr


_SCORE = re.compile(r"^\d{1,3}[–—-]\d{1,3}$")


def _contest(tr: Trigger, head: Token, et: EventTypes, dates: Collection[int]) -> Trigger:
    """ "England defeated Germany 4–2 to win the Cup", "beat the champion to take the title":
    a war verb in a clause naming a game, a title or a score is a contest (``contests`` in
    the YAML), not a battle."""
    cs = et.contests
    if tr.kind != "verbal" or "contest" not in et.types or et.group(tr.type) not in cs.groups:
        return tr
    toks = list(head.subtree)
    text = " ".join(t.text for t in toks if t.i not in dates)
    if any(
        t.pos_ in {"NOUN", "PROPN"} and (t.lemma_.lower() in cs.words or t.lower_ in cs.words)
        for t in toks
    ) or any(_SCORE.match(w) for w in text.split()):
        return dataclasses.replace(tr, type="contest")
    return tr


_OFFSET = re.compile(r"(?i)\b((?:\d{1,3}|[a-z]+)\s+(?:days?|weeks?))\s+(after|before)\s+")


def _offset_dates(
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


def _inside_happening(head: Token, untyped: Sequence[Trigger], et: EventTypes) -> bool:
    """ "The worst accident took place when an explosion killed the crew": the happening and
    the clause that tells it are one event (the outer, whose subject names it)."""
    outer_heads = {tr.head for tr in untyped if tr.head != head.i}
    cur = head
    while cur.head.i != cur.i:
        if cur.dep_ in {"advcl", "relcl"} and any(g.lower_ == "when" for g in cur.children):
            up = cur.head
            if up.i in outer_heads and up.lemma_.lower() in et.fallback.aspectual:
                return True
        cur = cur.head
    return False


def _frame(head: Token, triggers: Sequence[Trigger], et: EventTypes) -> bool:
    """An untyped frame clause around a typed event: "the turning point came on 6 May, when
    the treaty was signed", "a new chapter opened in 1955 when ...": one event, the embedded
    one (the frame's date reaches it through the parse)."""
    ne = et.not_events
    subj = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj or subj[0].lemma_.lower() not in ne.frame_subjects:
        return False
    for c in head.subtree:
        if c.dep_ not in {"advcl", "relcl"}:
            continue  # ("..., when X": attached to the verb or to its date)
        if not any(g.dep_ in {"mark", "advmod"} and g.lower_ in ne.frame_marks for g in c.children):
            continue
        inside = {t.i for t in c.subtree}
        if any(tr.head in inside for tr in triggers):
            return True
    return False


def _objects_of_acts(triggers: list[Trigger], doc: Doc, et: EventTypes) -> list[Trigger]:
    """ "declared war on X", "ordered the mobilisation of the army", "announced the birth of
    a prince": an event noun that is the direct object of a typed verb is one event with the
    verb, told once. A verb that performs or makes known its object (``performs`` in
    ``data/event_labels.yaml``: declare, order, announce, ...) takes the noun's type, the
    event being what was declared or ordered; any other verb keeps its own ("refused the
    demand": a refusal)."""
    verbs = {tr.head: k for k, tr in enumerate(triggers) if tr.kind == "verbal"}
    if not verbs:
        return triggers
    out = list(triggers)
    drop: set[int] = set()
    performs = performing_verbs()
    for k, tr in enumerate(triggers):
        head = doc[tr.head]
        hv = _headline_passive(tr, head, verbs, triggers, et)
        if hv is not None:
            # "Treaty of X signed", "Fortress stormed": a headline's passive without its
            # auxiliary; the name is the verb's patient, one event
            v = verbs[hv]
            a, b = out[v].type, tr.type
            keep = a if et.types[a].priority >= et.types[b].priority else b
            out[v] = dataclasses.replace(out[v], type=keep, name=tr.name or out[v].name)
            drop.add(k)
            continue
        if tr.kind != "nominal" or head.dep_ not in {"dobj", "obj"} or head.head.i not in verbs:
            continue
        v = verbs[head.head.i]
        drop.add(k)
        if head.head.lemma_.lower() in performs:
            out[v] = dataclasses.replace(out[v], type=tr.type)
    return [tr for k, tr in enumerate(out) if k not in drop]


def _headline_passive(
    tr: Trigger, head: Token, verbs: dict[int, int], triggers: Sequence[Trigger], et: EventTypes
) -> int | None:
    """A named or nominal event as the subject of a past-tense verb of its own kind that has
    no object ("Treaty of X signed", "Armistice signed at Y"): the verb tells the name's
    event. Returns the verb's token index."""
    if tr.kind not in {"named", "nominal"}:
        return None
    root = head
    while tr.start <= root.head.i < tr.end and root.head.i != root.i:
        root = root.head
    if root.dep_ != "nsubj" or root.head.i not in verbs:
        return None
    v = root.head
    if v.tag_ not in {"VBD", "VBN"} or any(c.dep_ in {"dobj", "obj"} for c in v.children):
        return None
    return v.i if et.compatible(triggers[verbs[v.i]].type, tr.type) else None


def _result_state(head: Token, loc: Located, others: Collection[int]) -> bool:
    """ "By the time the war ended in 1945, the empire had lost its hold": a clause in the
    past perfect whose only date lies in a subordinate clause telling another event states
    what had come about by then; the dated event is the subordinate one."""
    if not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ == "VBD" for c in head.children
    ):
        return False
    if loc.root is None:
        return False
    for c in head.children:
        if c.dep_ not in {"advcl", "ccomp", "prep", "npadvmod"}:
            continue
        inside = {t.i for t in c.subtree}
        if loc.root.i in inside and any(o in inside for o in others):
            return True
    return False


def _confidence(tr: Trigger, kind: str, generic: bool = False) -> float:
    base = 1.0 if tr.kind in {"verbal", "named"} else (0.8 if tr.anchor else 0.4)
    if generic:
        base = min(base, 0.4)
    return round(base * _KIND_WEIGHT.get(kind, 0.7), 3)


def _sentence_mentions(
    state: DocState,
    seg: Segment,
    sent: Span,
    et: EventTypes,
    structure: Structure,
    ents: _Entities,
    times_at: _TimesStarting,
) -> list[EventMention]:
    doc_id = state.document.id
    label_of = _label_fn(seg, ents)
    triggers = find_triggers(sent, et, label_of)
    abs_s = seg.offset + sent.start_char
    abs_e = seg.offset + sent.end_char
    label = structure.label_date(abs_s)
    text = state.document.text
    times = [
        t
        for t in structure.times_in(abs_s, abs_e)
        if (label is None or t is not label) and not _person_term(text, t, ents)
    ]
    located = [_locate(seg, t) for t in times]
    untyped = fallback_triggers(sent, et, triggers, {i for x in located for i in x.tokens})
    said = quoted_statement(sent, label_of) if et.fallback.enabled else None
    if said is not None and not any(tr.head == said.head for tr in triggers):
        untyped.append(said)
    spans = [(tm.start, tm.end) for tm in structure.times_in(abs_s, abs_e)] + [
        (tm.start, tm.end) for tm in times
    ]
    date_toks = {t.i for t in sent if any(a <= seg.offset + t.idx < b for a, b in spans)}
    triggers = [_figurative(tr, seg.doc[tr.head], et) for tr in triggers]
    triggers = [_contest(tr, seg.doc[tr.head], et, date_toks) for tr in triggers]
    #: typed triggers the sentence names (a long sentence with several narrows each mention's
    #: evidence to its clause, even when some are only labels or objects of another)
    found = len(triggers)
    triggers = _objects_of_acts(triggers, seg.doc, et)
    triggers = [tr for tr in triggers if not _not_an_event(tr, seg.doc[tr.head], et, date_toks)]
    untyped = [tr for tr in untyped if not _not_an_event(tr, seg.doc[tr.head], et, date_toks)]
    untyped = [tr for tr in untyped if not _frame(seg.doc[tr.head], triggers, et)]
    untyped = [tr for tr in untyped if not _inside_happening(seg.doc[tr.head], untyped, et)]
    if (
        not triggers
        and not untyped
        and not any(t.lower_.startswith(et.modality.negative_prefixes) for t in sent)
    ):
        return []  # no act, and no "non-X" that could name a state
    heads = {tr.head for tr in triggers} | {tr.head for tr in untyped}
    untyped_heads = {tr.head for tr in untyped}
    #: bare event nouns ("the treaty"): they name, but do not date, another act's object
    weak = {tr.head for tr in triggers if tr.kind == "nominal" and not tr.anchor}
    #: several clauses state events: each mention's evidence is its own clause
    clauses = len({tr.head for tr in triggers if tr.kind == "verbal"} | untyped_heads) > 1
    markers = et.modality.temporal_markers
    #: a question ("Where were you when the wall fell?", "Did the fleet sail in 1588?") asks,
    #: it does not state: its events are never asserted by it
    question = sent.text.rstrip(" \t\n\"'”’)*_").endswith("?")
    line_kind = structure.line_kind(abs_s)
    rkind = _region_kind(seg, line_kind)
    out: list[EventMention] = []
    for tr in [*triggers, *untyped]:
        typ = et.types[tr.type]
        head = seg.doc[tr.head]
        modality = "hypothetical" if question else modality_of(head, et.modality)
        fallback = tr.head in untyped_heads
        if fallback and modality != "asserted":
            continue
        others = heads - {tr.head}
        time: TimeMention | None = None
        own_time: TimeMention | None = None
        gov = immediate_governor(head)
        referenced = gov is not None and gov.lemma_.lower() in et.modality.reference_heads
        if not referenced:
            cands = located if typ.durative else [x for x in located if not _is_range(x.mention)]
            loc = choose_time(
                tr,
                cands,
                markers,
                others,
                max_distance=3 if tr.kind == "named" else None,
                weak=weak,
            )
            time = loc.mention if loc is not None else None
            own_time = time
            if fallback and loc is not None and _result_state(head, loc, others):
                continue
            if time is None:
                # a table row's first cell ("| X War | 1853 | 1856 |"): the row's dates
                at = seg.offset + seg.doc[tr.start].idx
                time = structure.row_date(at) or structure.card_head_date(at)
            if time is None and not _under_temporal_marker(head, markers):
                # a name ("the Battle of X") takes only its own entry's date: the line's
                # leading label or the date line right above it
                structurals = (
                    ((label, structure.card_date(abs_s)) if not _backdrop(head, et) else ())
                    if tr.kind == "named"
                    else (
                        label,
                        structure.heading_date(abs_s),
                        structure.card_date(abs_s),
                        structure.lead_date(abs_s),
                    )
                )
                for structural in structurals:
                    if structural is not None and (typ.durative or not _is_range(structural)):
                        time = structural
                        break
        if fallback and (
            time is None or time.value is None or (own_time is None and _pronoun_subject(head))
        ):
            # an untyped clause is an event only with a date of its own; "He sends ..." in
            # a dated timeline entry elaborates the entry's event
            continue
        if tr.kind in {"nominal", "named"}:
            cs, ce = _phrase_span(tr, sent)
        elif clauses or (len(sent.text) > _LONG_SENTENCE and found > 1):
            cs, ce = clause_span(tr, sent, others)
        else:
            cs, ce = sent.start_char, sent.end_char
        start, end = seg.offset + cs, seg.offset + ce
        while end > start and text[end - 1].isspace():
            end -= 1
        t_start = seg.offset + seg.doc[tr.start].idx
        last = seg.doc[tr.end - 1]
        t_end = seg.offset + last.idx + len(last.text)
        out.append(
            EventMention(
                doc_id=doc_id,
                start=start,
                end=end,
                trigger_start=t_start,
                trigger_end=t_end,
                type=tr.type,
                time=time.value if time is not None else None,
                time_start=time.start if time is not None else None,
                time_end=time.end if time is not None else None,
                place=place_of(tr, sent, label_of),
                participants=participants(
                    tr, sent, typ, seg.offset, label_of, ents.at, et.role_nouns, ents.topic
                ),
                modality=modality,
                region_kind=rkind,
                confidence=round(et.fallback.confidence * _KIND_WEIGHT.get(rkind, 0.7), 3)
                if fallback
                else _confidence(
                    tr,
                    rkind,
                    generic=(
                        time is None
                        and (
                            _generic(seg.doc[tr.head], tr)
                            or (tr.kind == "verbal" and _impersonal_subject(head))
                            or (tr.kind == "verbal" and _timeless_present(head, rkind))
                            # "the 200th anniversary of the Battle of X": named in passing
                            or (tr.kind != "verbal" and referenced)
                        )
                    )
                    or (tr.kind == "verbal" and (_fragment(head) or _noun_infinitive(head))),
                ),
            )
        )
    out = _offset_dates(out, text, abs_s, abs_e)
    typed_out = out[: len(triggers)]  # one per typed trigger, in order (none is skipped)
    anchor = next(
        (m.time for m in typed_out if m.time is not None and m.modality == "asserted"),
        label.value if label is not None else None,
    )
    typ_of = et.types
    out.extend(
        state_mentions(
            doc_id=doc_id,
            sent=sent,
            offset=seg.offset,
            et=et,
            mentions=typed_out,
            heads=[tr.head for tr in triggers],
            times=times_at(abs_s, abs_e),
            anchor=anchor,
            structural=label or structure.heading_date(abs_s) or structure.card_date(abs_s),
            region_kind=rkind,
            make_participants=lambda tr: participants(
                tr, sent, typ_of[tr.type], seg.offset, label_of, ents.at, et.role_nouns, ents.topic
            ),
            text=state.document.text,
        )
    )
    return out


def extract_events(state: DocState) -> list[EventMention]:
    """All event mentions of one document (pure: reads the state, returns mentions)."""
    et = load_event_types()
    structure = Structure(state.document.text, state.regions, state.times)
    ents = _Entities(state.entities)
    times_at = _TimesStarting(state.times)
    out: list[EventMention] = []
    text = state.document.text
    told: list[tuple[tuple[int, int], list[EventMention], bool]] = []
    for seg in state.segments:
        if seg.region.kind not in _KIND_WEIGHT:
            continue
        prev: list[EventMention] = []
        prev_end = -1
        for sent in seg.doc.sents:
            if not sent.text.strip():
                continue
            ms = _sentence_mentions(state, seg, sent, et, structure, ents, times_at)
            abs_s, abs_e = seg.offset + sent.start_char, seg.offset + sent.end_char
            own = structure.times_in(abs_s, abs_e)
            if prev and seg.region.kind == "narrative" and "\n\n" not in text[prev_end:abs_s]:
                ms = continue_date(ms, prev, text, (abs_s, abs_e), own, et)
            told.append(((abs_s, abs_e), ms, seg.region.kind == "narrative" and not own))
            prev, prev_end = ms, abs_e
    for k, (_bounds, ms, _undated) in enumerate(told):
        out.extend(_between_one_day(told, k, text, et) if 0 < k < len(told) - 1 else ms)
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


_ENTRY_LEAD = re.compile(r"[ \t]*(?:[-*+•▪◦‣][ \t]+|\|[ \t]*)?(?:\*\*|__)?[ \t]*")
_ENTRY_SEP = re.compile(r"(?:\*\*|__)?[ \t]*(?:[-–—:|][ \t]*)?(?:\*\*|__)?[ \t]*")
_ENTRY_WORD = re.compile(r"[A-Za-z]")
#: an entry event weighs like a typed verbal mention of a list item, a little below
_ENTRY_CONFIDENCE = 0.8


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
    ents: _Entities | None = None
    seg_at: dict[int, Segment] = {}
    for sg in state.segments:
        seg_at.setdefault(sg.region.start, sg)
    for region in state.regions:
        if region.kind != "list_item":
            continue
        lead = _ENTRY_LEAD.match(text, region.start)
        at = lead.end() if lead else region.start
        k = bisect.bisect_left(starts, at)
        if k >= len(times) or times[k].start != at or times[k].end >= region.end:
            continue
        date = times[k]
        body_m = _ENTRY_SEP.match(text, date.end)
        body = body_m.end() if body_m else date.end
        end = region.end
        while end > body and text[end - 1].isspace():
            end -= 1
        if end <= body or not _ENTRY_WORD.search(text, body, end):
            continue
        if end == len(text) and not _TERMINAL_END.search(text[body:end]):
            continue  # cut off by the page end
        t_start, t_end, subject = _entry_trigger(state, seg_at.get(region.start), body, end)
        if any(
            region.start <= m.start < region.end
            and m.modality == "asserted"
            and m.time is not None
            and (
                (m.end - m.start) * 5 >= (end - body) * 2
                or m.confidence >= JOIN_ONLY_BELOW
                or (m.trigger_start < subject[1] and subject[0] < m.trigger_end)
                or text[m.start : m.start + 1].isupper()
            )
            for m in mentions
        ):
            continue  # a dated mention states the entry (not a bare word of it: "in war"),
            # or names it ("The X invasion ... collapses")
        typ = OTHER_TYPE
        named = next(
            (
                k
                for k, m in enumerate(mentions)
                if region.start <= m.start < region.end
                and m.time is None
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
            ents = _Entities(state.entities)
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
    seg: Segment | None, t_start: int, typ: str, ents: _Entities
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
    label_of = _label_fn(seg, ents)
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


_TERMINAL_END = re.compile(r"[.!?…)\]\"'”’]\s*$")


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


def _between_one_day(
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


@stage(
    "histograph.events.v1",
    requires=("segments", "sentences", "times", "entities"),
    assigns=("events",),
)
def events_stage(state: DocState) -> None:
    state.events = extract_events(state)
