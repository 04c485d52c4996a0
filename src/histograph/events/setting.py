"""The place a page sets its story in, for the events whose own sentence names none.

A page about one event tells the rest of its story where that event happened unless a
sentence says otherwise: "the fires burned for three days" on a page about a city's
earthquake burned in that city. :func:`carried_places` gives an event mention of one of the
``sited_types`` (places.yaml: battles, disasters, deaths, riots; not a government's
statements, talks, treaties, laws or journeys, which happen in capitals and chambers far
from the story) whose clause and sentence state no place:

1. the place of a sited event in the same sentence or the sentence right before it, in the
   same paragraph, when the two are of one time (overlapping dates, or both undated): the
   paragraph goes on where it was;
2. else the place of the page's own main event (``EventMention.main``; or of a sited event
   stated in the main event's sentence), when the event is dated within
   :data:`_NEAR_DAYS` days of it.

A section under a heading or a title that names a sited event with its place ("Battle of
X", "The siege of X") sets the section's sited mentions there (:class:`_Sections`), before
the page's main event does.

The page's head may state the place of its own event in an infobox or catalogue line
("Location: X", "1805 · X"; :func:`stated_page_place`): the main mention (and the lead its
title restates) takes it, of any type, when its sentence names none.

Never on a chronology or on-this-day page (many main events of equal weight, each in its own
place), unless it is the timeline of one story: its dated entries all within a year and its
title or heading naming a sited event with its place ("Timeline of the siege of X"), whose
place each sited entry dated within the story takes. Never to a negated, planned or
hypothetical mention, never to a mention in a caption
or boilerplate. An event the page dates far from its main event ("800 years later") keeps no
place: it happened elsewhere as often as there.

The per-document stage keeps these apart from the places sentences state (they neither
block nor support a merge, and make no claim); the merge gives an event the carried place
only when no source states one (:mod:`histograph.merge.events`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from ..entities.lexicon import load_yaml
from ..entities.states import gazetteer
from ..model import EntityMention, EventMention, Region, TimeValue

__all__ = ["MentionKey", "carried_places", "mention_key", "stated_page_place"]

#: what identifies a mention of one document
MentionKey = tuple[str, int, int, int, int, str]

#: days around the main event within which the page's story stays in its place
_NEAR_DAYS = 31
#: this many main events make a page a chronology (each entry is its own story)
_MANY_MAINS = 3
#: region kinds whose mentions tell the page's own story
_STORY = frozenset({"narrative", "list_item", "quote"})
#: region kinds that name what a page is about
_TITLE_KINDS = frozenset({"title", "heading"})
#: a chronology whose dated entries all lie within this many days tells one story
_STORY_DAYS = 366
#: a sentence's end: its stop and the space after it
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def mention_key(m: EventMention) -> MentionKey:
    return (m.doc_id, m.start, m.end, m.trigger_start, m.trigger_end, m.type)


@functools.lru_cache(maxsize=1)
def sited_types() -> frozenset[str]:
    """Types of events that happen at the story's site (places.yaml ``sited_types``)."""
    data = load_yaml("places.yaml") or {}
    return frozenset(str(t) for t in data.get("sited_types") or ())


@functools.lru_cache(maxsize=1)
def _unsited_words() -> frozenset[str]:
    """Trigger words of acts of speech or government (places.yaml ``unsited_trigger_words``)."""
    data = load_yaml("places.yaml") or {}
    return frozenset(str(w).lower() for w in data.get("unsited_trigger_words") or ())


def _state_act(m: EventMention, text: str) -> bool:
    """Whether a mention is an act of speech or government ("declared war", "ordered
    mobilisation") or an act whose agent is a state ("X invaded", "X mobilised"): it happens
    in that state's capital or chambers, not at the page's site."""
    words = re.findall(r"[a-z]+", text[m.trigger_start : m.trigger_end].lower())
    if any(w in _unsited_words() for w in words):
        return True
    return any(
        p.role == "agent" and gazetteer().lookup(p.name, forms=("name",)) is not None
        for p in m.participants
    )


def _day_gap(a: TimeValue | None, b: TimeValue | None) -> int | None:
    """Days between two dates' intervals (0 when they overlap); ``None`` if either is
    missing."""
    if a is None or b is None:
        return None
    return max(0, b.earliest - a.latest, a.earliest - b.latest)


def _next_sentence(text: str, prev_end: int, start: int) -> bool:
    """Whether a mention starting at ``start`` is in the sentence of one ending at
    ``prev_end`` or in the sentence right after it."""
    return len(_SENTENCE_END.findall(text, prev_end, max(prev_end, start))) <= 1


def _same_sentence(text: str, a: int, b: int) -> bool:
    """Whether offsets ``a`` <= ``b`` lie in one sentence (no sentence end between)."""
    return not _SENTENCE_END.search(text, a, max(a, b))


def _paragraph_start(text: str, at: int) -> int:
    k = text.rfind("\n\n", 0, at)
    return 0 if k < 0 else k + 2


def _page_place(mentions: Sequence[EventMention], sited: frozenset[str]) -> EventMention | None:
    """The mention whose place is the page's: the main event's own, else a sited event's
    stated in the main event's sentence."""
    for main in (m for m in mentions if m.main):
        if main.place:
            if main.type in sited:
                return main
            continue
        for m in mentions:
            if (
                m.place
                and m.type in sited
                and m.modality == "asserted"
                and m.doc_id == main.doc_id
                and m.start < main.end
                and main.start < m.end
            ):
                return m
    return None


def carried_places(
    mentions: Sequence[EventMention],
    text: str,
    entities: Sequence[EntityMention] = (),
    regions: Sequence[Region] = (),
) -> dict[MentionKey, str]:
    """The place the context gives each mention of one document whose own sentence names
    none (see the module docs), by :func:`mention_key`."""
    found: dict[MentionKey, str] = {}
    sited = sited_types()
    if sum(1 for m in mentions if m.main) >= _MANY_MAINS:
        return _timeline_places(mentions, sited, text)
    page = _page_place(mentions, sited)
    box = stated_page_place(text, entities)
    if box is not None:
        # "Location: X", "1805 · X": the page's own event happened there
        found.update(_boxed_places(mentions, box))
    sections = _Sections(mentions, regions, text, sited)
    last: EventMention | None = None  # the latest sited mention with a place in the paragraph
    para = -1
    for m in sorted(mentions, key=lambda m: (m.start, m.trigger_start)):
        p = _paragraph_start(text, m.start)
        if p != para:
            para, last = p, None
        if m.modality != "asserted" or m.type not in sited:
            continue
        if m.place:
            last = m
            continue
        if m.region_kind not in _STORY or _state_act(m, text):
            continue
        place: str | None = None
        if last is not None and _next_sentence(text, last.end, m.start):
            gap = _day_gap(m.time, last.time)
            if (
                gap == 0
                or (m.time is None and last.time is None)
                or (m.time is None and _same_sentence(text, last.start, m.start))
            ):
                place = last.place
        if place is None:
            place = sections.place(m)
        if place is None and page is not None and page.doc_id == m.doc_id:
            gap = _day_gap(m.time, page.time)
            if gap is not None and gap <= _NEAR_DAYS:
                place = page.place
        if place:
            found[mention_key(m)] = place
    return found


class _Sections:
    """The sections of a page under its title and headings, and the place a heading's sited
    event gives its section ("Battle of X", "The siege of X"): a sited mention of the section
    takes it when dated within :data:`_NEAR_DAYS` days of the heading's event, or, when
    either is undated, when it is told in the section's first paragraph."""

    def __init__(
        self,
        mentions: Sequence[EventMention],
        regions: Sequence[Region],
        text: str,
        sited: frozenset[str],
    ) -> None:
        self.text = text
        self.heads = sorted((r.start, r.end) for r in regions if r.kind in _TITLE_KINDS)
        self.starts = [h[0] for h in self.heads]
        self.named: dict[int, EventMention] = {}
        for m in mentions:
            if (
                m.region_kind in _TITLE_KINDS
                and m.place
                and m.type in sited
                and m.modality == "asserted"
            ):
                k = self._section(m.start)
                if k >= 0 and k not in self.named:
                    self.named[k] = m

    def _section(self, at: int) -> int:
        return bisect.bisect_right(self.starts, at) - 1

    def place(self, m: EventMention) -> str | None:
        k = self._section(m.start)
        head = self.named.get(k)
        if head is None or head.doc_id != m.doc_id:
            return None
        gap = _day_gap(m.time, head.time)
        if gap is not None:
            return head.place if gap <= _NEAR_DAYS else None
        between = self.text[self.heads[k][1] : m.start].strip()
        return head.place if "\n\n" not in between else None


def _boxed_places(mentions: Sequence[EventMention], box: str) -> dict[MentionKey, str]:
    """The place a page's infobox or catalogue line states (:func:`stated_page_place`) for
    its main event: the main mention's, and the lead's when the main is in the title (the
    first asserted mention of the page's text, dated within the main's date): the title
    restates the lead's act, and the merge may keep only one of the two."""
    found: dict[MentionKey, str] = {}
    for main in mentions:
        if not main.main or main.modality != "asserted":
            continue
        if not main.place:
            found[mention_key(main)] = box
        if main.region_kind not in _TITLE_KINDS or main.time is None:
            continue
        story = sorted(
            (m for m in mentions if m.region_kind in _STORY and m.modality == "asserted"),
            key=lambda m: m.start,
        )
        lead = next((m for m in story if m.time is not None), None)
        if lead is not None and not lead.place and _day_gap(lead.time, main.time) == 0:
            found[mention_key(lead)] = box
    return found


def _timeline_places(
    mentions: Sequence[EventMention], sited: frozenset[str], text: str
) -> dict[MentionKey, str]:
    """On a chronology of one story (its dated main entries all within
    :data:`_STORY_DAYS` days) whose title or heading names a sited event with its place ("Timeline
    of the siege of X"), the place of each sited entry whose own line names none and whose
    date lies within the story. A chronology of many stories (an on-this-day page, a
    timeline over centuries) or a title naming no place carries nothing."""
    found: dict[MentionKey, str] = {}
    dated = [m.time for m in mentions if m.main and m.time is not None]
    if not dated:
        return found
    first, last = min(t.earliest for t in dated), max(t.latest for t in dated)
    if last - first > _STORY_DAYS:
        return found
    titles = [
        m
        for m in mentions
        if m.region_kind in _TITLE_KINDS
        and m.place
        and m.type in sited
        and m.modality == "asserted"
    ]
    if not titles:
        return found
    page = titles[0]
    for m in mentions:
        if (
            m.place
            or m.doc_id != page.doc_id
            or m.modality != "asserted"
            or m.type not in sited
            or m.region_kind not in _STORY
            or _state_act(m, text)
            or m.time is None
            or m.time.earliest < first - _NEAR_DAYS
            or m.time.latest > last + _NEAR_DAYS
        ):
            continue
        found[mention_key(m)] = page.place or ""
    return {k: v for k, v in found.items() if v}


#: lines of a page's head in which an infobox or a catalogue card states its place
_HEAD_LINES = 40
#: the most words a stated place may have
_PLACE_WORDS = 12
#: a date as a catalogue card writes it ("1805", "12 May 1805", "May 12, 1805", "44 BC")
_CARD_DATE = (
    r"(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:[A-Z][a-z]+\.?,?\s+)?"
    r"(?:\d{3,4}|\d{1,4}\s*(?:BC|BCE|AD|CE))"
)
#: a catalogue card's line (stripped): a date and a place on either side of a dot, bullet
#: or bar
_CARD = re.compile(
    rf"(?:(?P<d1>{_CARD_DATE}) ?[·•|] ?(?P<p1>[^·•|]+)|(?P<p2>[^·•|]+?) ?[·•|] ?(?P<d2>{_CARD_DATE}))"
)
#: the longest line read as an infobox field or a catalogue card
_FIELD_CHARS = 160
#: what ends a stated place: a footnote mark, coordinates, a second field
_PLACE_END = re.compile(r"\s*(?:\[|\d+\s*°|\d+°|;|\t|\s{3,}).*$", re.S)
#: place-like entity labels
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "STATE"})


@functools.lru_cache(maxsize=1)
def _place_labels() -> frozenset[str]:
    """Field names of an infobox line that states the page's place (places.yaml
    ``place_field_labels``), lower case."""
    data = load_yaml("places.yaml") or {}
    return frozenset(" ".join(str(w).lower().split()) for w in data.get("place_field_labels") or ())


def _clean_place(value: str) -> str | None:
    v = _PLACE_END.sub("", value.strip()).strip(" ,.:-–—")
    words = v.split()
    if not words or len(words) > _PLACE_WORDS or not v[:1].isupper():
        return None
    return v if any(ch.isalpha() for ch in v) else None


def stated_page_place(text: str, entities: Sequence[EntityMention] = ()) -> str | None:
    """The place a page's head states for its own event: an infobox or catalogue field
    ("Location: X", or the name and the value apart by a tab; a field name of
    ``place_field_labels``, places.yaml), or the field name alone on its line and the value on
    the next, or a catalogue card's line of a date and a place ("1805 · X, Y"); on those two
    the place must begin with a name the entity stage took for a place (a menu's "Location"
    then "Contact" is none). Not a news dateline ("X, 12 May —"): it says where the report
    was written."""
    lines = text.split("\n")[:_HEAD_LINES]
    head_end = sum(len(x) + 1 for x in lines)
    labels = _place_labels()
    places = [e for e in entities if e.label in _PLACE_LABELS and e.start < head_end]
    at = 0
    for k, line in enumerate(lines):
        at += len(line) + 1
        if len(line) > _FIELD_CHARS:
            continue
        field, sep, value = line.strip().partition(":")
        if not sep:
            field, sep, value = line.strip().partition("\t")
        if " ".join(field.lower().split()) not in labels:
            continue
        if not value.strip() and not sep:
            # the field name alone on its line, its value on the next if it is a place
            nxt = at
            for x in lines[k + 1 : k + 3]:
                if x.strip():
                    begin = nxt + len(x) - len(x.lstrip())
                    if any(e.start == begin for e in places):
                        value = x
                    break
                nxt += len(x) + 1
        found = _clean_place(value)
        if found:
            return found
    at = 0
    for line in lines:
        line_start, at = at, at + len(line) + 1
        card = line.strip()
        if not card or len(card) > _FIELD_CHARS:
            continue
        m = _CARD.fullmatch(card)
        if m is None:
            continue
        group = "p1" if m.group("p1") else "p2"
        start = line_start + len(line) - len(line.lstrip()) + m.start(group)
        if any(e.start == start for e in places):
            found = _clean_place(m.group(group))
            if found:
                return found
    return None
