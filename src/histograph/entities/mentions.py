"""Entity mentions from the spaCy parse, with the small model's systematic errors repaired.

Repairs (general, not tied to any document):
- title words, honorifics and demonyms swallowed into a PERSON name are moved out of it
  ("Soviet Commissar" is no person; "President Roosevelt" -> "Roosevelt"); trailing punctuation
  and possessives are trimmed; lower-case "names" (keyword lines) and phrases that name a pact,
  a war or an institution are rejected;
- once a person's full name has appeared in a document, later occurrences of the full name or
  the surname are PERSON mentions whatever the model said ("Litvinov" tagged GPE);
- a capitalised name right after a title ("Commissar Litvinov") is a PERSON even when untagged;
- states: every historical name, adjective and collective of ``states.yaml`` becomes a STATE
  (or NORP) mention keyed by the state id; seats of government ("Washington", "the Kremlin")
  are the government only when they act (subject, possessor, "the Moscow government"),
  otherwise they are places (GPE).
People are clustered within the document: each PERSON mention's ``key`` is the fullest
compatible name form of the document ("Roosevelt" -> "Franklin D. Roosevelt").

The passes live by concern in modules below this one, which runs them in an order that
matters (a later pass never takes a token an earlier one kept; the order is visible here, in
:func:`find_mentions`): token tests and the mention record (:mod:`.tokens`), title-case
lines (:mod:`.headlines`), the document's evidence about its capitalised words
(:mod:`.evidence`), the span of a person's name (:mod:`.person_spans`), the passes for
people the model missed (:mod:`.passes`), state mentions (:mod:`.state_mentions`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import EntityMention
from .evidence import (
    document_evidence,
    modifier_only,
    not_a_person,
    place_by_context,
    place_or_org,
)
from .headlines import heading_line, headline_trim, headline_words
from .lexicon import name_words, norm
from .names import (
    SUFFIXES,
    Name,
    compatible,
    first_name_of,
    is_regnal_numeral,
    parse_name,
)
from .passes import (
    acronym_pass,
    card_person_pass,
    find_acronyms,
    given_name_pass,
    known_name_pass,
    mononym_pass,
    plural_title_pass,
    title_anchored_pass,
)
from .person_spans import card_place_span, clean_person, extend_left, extend_name
from .state_mentions import state_mention
from .tokens import SegMention, dominant_script_latin, line_bounds, singular_head, titled_before

if TYPE_CHECKING:
    from ..state import DocState

__all__ = ["DocEntities", "SegMention", "YearIndex", "find_mentions", "singular_head"]

_YEAR = re.compile(r"(?<![\d/-])(1[0-9]{3}|20[0-9]{2})(?![\d/])")


class YearIndex:
    """The year in force at a character offset (for names whose meaning changed over time)."""

    def __init__(self, state: DocState) -> None:
        pts: list[tuple[int, int]] = []
        for t in state.times:
            if t.document_date or t.value is None:
                continue
            from ..model import civil_from_day

            y0 = civil_from_day(t.value.earliest)[0]
            y1 = civil_from_day(t.value.latest)[0]
            if y1 - y0 <= 10:
                pts.append((t.start, y0))
        if not pts:
            text = state.document.text
            for seg in state.segments:
                a, b = seg.region.start, seg.region.end
                for m in _YEAR.finditer(text, a, b):
                    pts.append((m.start(), int(m.group(1))))
        pts.sort()
        self._offsets = [p[0] for p in pts]
        self._years = [p[1] for p in pts]
        ys = sorted(self._years)
        self.default: int | None = ys[len(ys) // 2] if ys else None

    def at(
        self, offset: int, window: int = 600, sentence: tuple[int, int] | None = None
    ) -> int | None:
        """The year of the date nearest to ``offset`` inside ``sentence`` (absolute bounds)
        when it has one, else of the nearest preceding date within ``window`` characters,
        else of a date just after, else the document's median year."""
        if sentence is not None:
            lo = bisect.bisect_left(self._offsets, sentence[0])
            hi = bisect.bisect_left(self._offsets, sentence[1])
            if lo < hi:
                k = min(range(lo, hi), key=lambda n: abs(self._offsets[n] - offset))
                return self._years[k]
        i = bisect.bisect_right(self._offsets, offset) - 1
        if i >= 0 and offset - self._offsets[i] <= window:
            return self._years[i]
        if i + 1 < len(self._offsets) and self._offsets[i + 1] - offset <= 120:
            return self._years[i + 1]
        return self.default


@dataclass
class DocEntities:
    mentions: list[SegMention] = field(default_factory=list)
    #: per segment, the tokens of title-case lines that are common words ("Meet", "Agrees"):
    #: no part of a name or of a title
    headline_words: dict[int, frozenset[int]] = field(default_factory=dict)

    def in_segment(self, seg: int) -> list[SegMention]:
        return [m for m in self.mentions if m.seg == seg]

    def to_entity_mentions(self, doc_id: str) -> list[EntityMention]:
        out = [
            EntityMention(doc_id, m.start, m.end, m.text, m.label, m.key)
            for m in sorted(self.mentions, key=lambda m: (m.start, m.end, m.label))
        ]
        return out


# ---------------------------------------------------------------- main entry


def find_mentions(state: DocState) -> DocEntities:
    """Entity mentions of one document (people clustered, states resolved)."""
    years = YearIndex(state)
    latin_doc = dominant_script_latin(state.document.text[:20000])
    out = DocEntities()
    people: list[SegMention] = []
    taken: list[set[int]] = [set() for _ in state.segments]  # token indices already in a mention
    ev = document_evidence(state)
    for si, seg in enumerate(state.segments):
        hw = headline_words(seg.doc, ev.lower_words)
        if hw:
            out.headline_words[si] = hw
    titled_singles: set[str] = set()  # "Commissar Litvinov": "Litvinov" is a known name
    deferred: list[tuple[int, int, int]] = []  # one-word names in headings
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                if any(i in taken[si] for i in range(ent.start, ent.end)):
                    continue  # already part of a name extended over it
                h = headline_trim(doc, ent.start, ent.end, ev.lower_words)
                r = clean_person(doc, *h, latin_doc) if h is not None else None
                if r is None:
                    loc = card_place_span(doc, *h) if h is not None else None
                    if loc is not None and not any(i in taken[si] for i in range(*loc)):
                        # "Born: 3 April 1881, Pieve Tesino": keep the value as a place
                        a = seg.offset + doc[loc[0]].idx
                        b = seg.offset + doc[loc[1] - 1].idx + len(doc[loc[1] - 1].text)
                        txt = doc[loc[0] : loc[1]].text
                        out.mentions.append(SegMention(si, *loc, a, b, txt, "LOC", txt))
                        taken[si].update(range(*loc))
                    continue
                s, e = r
                titled = titled_before(doc, s)
                other = None if titled else place_or_org(doc, s, e, ev)
                if other is None and place_by_context(doc, s, e, ev):
                    other = "LOC"
                if other is None and not titled and modifier_only(doc, s, e, ev):
                    continue
                if other is not None:
                    # a place or an organisation after all: keep it as one
                    a = seg.offset + doc[s].idx
                    b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
                    txt = doc[s:e].text
                    out.mentions.append(SegMention(si, s, e, a, b, txt, other, txt))
                    taken[si].update(range(s, e))
                    continue
                if not_a_person(doc, s, e, ev):
                    continue
                e = extend_name(doc, s, e, taken[si], titled=titled)
                s = extend_left(doc, s, taken[si])
                if e - s == 1 and titled:
                    titled_singles.add(doc[s].text)
                if e - s == 1 and not titled and heading_line(doc, *line_bounds(doc, s)):
                    deferred.append((si, s, e))
                    continue
                a = seg.offset + doc[s].idx
                b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
                m = SegMention(si, s, e, a, b, doc[s:e].text, "PERSON")
                people.append(m)
                taken[si].update(range(s, e))
    # a one-word name in a heading ("Timeline and Cast (1943-1946)") is a person only when the
    # prose names that person too
    named = {state.segments[m.seg].doc[m.tok_end - 1].text for m in people}
    for si, s, e in deferred:
        doc = state.segments[si].doc
        if doc[s].text not in named or any(i in taken[si] for i in range(s, e)):
            continue
        a = state.segments[si].offset + doc[s].idx
        b = a + len(doc[s].text)
        people.append(SegMention(si, s, e, a, b, doc[s].text, "PERSON"))
        taken[si].update(range(s, e))
    people.extend(given_name_pass(state, taken, latin_doc))
    # full names and surnames of the people found so far
    full = {
        tuple(t.text for t in state.segments[m.seg].doc[m.tok_start : m.tok_end])
        for m in people
        if m.tok_end - m.tok_start >= 2
    }
    surnames = {_surname_token(f) for f in full} | titled_singles
    # names right after a title or honorific ("Lord Halifax", "Commissar Litvinov") first: their
    # later bare occurrences are people too ("Halifax said")
    extra = title_anchored_pass(state, taken, latin_doc)
    extra += card_person_pass(state, taken, latin_doc)
    extra += plural_title_pass(state, taken, latin_doc)
    surnames |= {m.text for m in extra if m.tok_end - m.tok_start == 1}
    extra += mononym_pass(state, taken, latin_doc)
    extra += known_name_pass(state, full, surnames, taken)
    acronyms = find_acronyms(full)
    extra += acronym_pass(state, acronyms, taken)
    people.extend(extra)
    # states, places, organisations (not overlapping people)
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for ent in doc.ents:
            if ent.label_ not in {"GPE", "LOC", "ORG", "NORP", "FAC"}:
                continue
            if any(i in taken[si] for i in range(ent.start, ent.end)):
                continue
            sent = ent.sent
            year = years.at(
                seg.offset + ent.start_char,
                sentence=(seg.offset + sent.start_char, seg.offset + sent.end_char),
            )
            sm = state_mention(si, seg, ent, year)
            if sm is not None:
                out.mentions.append(sm)
                continue
            if ent.label_ in {"GPE", "LOC", "ORG", "NORP"}:
                a = seg.offset + ent.start_char
                txt = ent.text
                out.mentions.append(
                    SegMention(si, ent.start, ent.end, a, a + len(txt), txt, ent.label_, txt)
                )
    _cluster_people(people)
    # "FDR" joins the full name whose initials it is
    key_of = {m.text: m.key for m in people if m.text not in acronyms}
    for m in people:
        if m.text in acronyms and acronyms[m.text] in key_of:
            m.key = key_of[acronyms[m.text]]
    out.mentions.extend(people)
    out.mentions.sort(key=lambda m: (m.start, m.end))
    return out


def _surname_token(words: tuple[str, ...]) -> str:
    """The surname word of a full name as written: the last word that is no suffix or regnal
    number ("Rudolf Anderson Jr." -> "Anderson"; "Wilhelm I" -> "Wilhelm"; "Frederick the
    Great" -> "Frederick"; "Robert of Flanders" -> "Robert": the place of a byname is no
    surname, and its later mentions are the place's)."""
    if len(words) >= 3 and words[-2] == "the":
        words = words[:-2]
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    for w in reversed(words):
        if is_regnal_numeral(w) or _fold_suffix(w) in SUFFIXES or not any(c.isalpha() for c in w):
            continue
        return w
    return words[-1]


def _fold_suffix(w: str) -> str:
    return w.lower().rstrip(".").rstrip(",")


def _cluster_people(people: list[SegMention]) -> None:
    """Within-document clustering: key = the fullest compatible name of the document.

    A surname-only (or partial) mention joins the compatible full name; when two full names
    share the surname, the nearest preceding one is taken (else the nearest following)."""
    people.sort(key=lambda m: m.start)
    parsed = [parse_name(m.text) for m in people]
    clusters: list[list[int]] = []
    reps: list[Name] = []
    # first the mentions with given names, fullest first
    order = sorted(range(len(people)), key=lambda i: parsed[i].fullness, reverse=True)
    assign: dict[int, int] = {}
    for i in order:
        n = parsed[i]
        if not n.is_full:
            continue
        for ci, rep in enumerate(reps):
            if compatible(n, rep):
                clusters[ci].append(i)
                assign[i] = ci
                break
        else:
            reps.append(n)
            clusters.append([i])
            assign[i] = len(reps) - 1
    for i, n in enumerate(parsed):
        if n.is_full:
            continue
        cands = [ci for ci, rep in enumerate(reps) if compatible(n, rep)]
        if not cands and norm(n.text) in name_words().given_names:
            # a given name alone ("Dean") names the one full name it starts ("Dean Rusk")
            firsts = [ci for ci, rep in enumerate(reps) if first_name_of(n, rep)]
            cands = firsts if len(firsts) == 1 else []
        if not cands:
            reps.append(n)
            clusters.append([i])
            assign[i] = len(reps) - 1
            continue
        if len(cands) == 1:
            assign[i] = cands[0]
            clusters[cands[0]].append(i)
            continue
        before = [
            (people[j].start, ci)
            for ci in cands
            for j in clusters[ci]
            if people[j].start < people[i].start and parsed[j].is_full
        ]
        after = [
            (people[j].start, ci)
            for ci in cands
            for j in clusters[ci]
            if people[j].start > people[i].start and parsed[j].is_full
        ]
        ci = max(before)[1] if before else min(after)[1]
        assign[i] = ci
        clusters[ci].append(i)
    for i, m in enumerate(people):
        m.key = reps[assign[i]].text
