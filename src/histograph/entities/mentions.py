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

Why one module of this size: every pass reads the same per-document evidence
(:class:`_Evidence`) and claims tokens in the same ``taken`` sets, in an order that matters
(a later pass never takes a token an earlier one kept); split into modules, each pass would
need both passed through and the order would no longer be visible in one place.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import EntityMention
from .lexicon import is_head, name_words, norm, titles, word_list
from .names import (
    PARTICLES,
    SUFFIXES,
    Name,
    compatible,
    first_name_of,
    is_regnal_numeral,
    parse_name,
)
from .states import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..state import DocState, Segment

_YEAR = re.compile(r"(?<![\d/-])(1[0-9]{3}|20[0-9]{2})(?![\d/])")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "csubj"})
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


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
class SegMention:
    """A mention in one segment, with its token range (for the roles extractor)."""

    seg: int
    tok_start: int
    tok_end: int
    start: int  # absolute character offsets
    end: int
    text: str
    label: str
    key: str | None = None


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


# ---------------------------------------------------------------- token helpers


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper()


def _title_word(tok: Token) -> bool:
    """A word that can be part of a title (not of a name)."""
    w = norm(tok.text)
    tl = titles()
    return (
        is_head(tok.text)
        or w in tl.honorifics
        or tok.text.lower() in tl.honorifics
        or w in tl.modifiers
        or w in tl.descriptors
        or w in tl.determiners
        or w in tl.head_inner
    )


_INITIAL = re.compile(r"[A-Z][a-z]?\.")


def _initials_run(doc: Doc, s: int, e: int) -> bool:
    """Token s opens a run of initials ("M. S. X": not the honorific "M."), the next token
    being an initial too."""
    return (
        s + 1 < e
        and bool(_INITIAL.fullmatch(doc[s].text))
        and bool(_INITIAL.fullmatch(doc[s + 1].text))
    )


def _titled_before(doc: Doc, s: int) -> bool:
    """A title head or an honorific right before token s ("Colonel House", "Lord Halifax",
    "Pope Pius"); "of" or "the" are no titles."""
    if s == 0:
        return False
    prev = doc[s - 1]
    hons = titles().honorifics
    return is_head(prev.text) or norm(prev.text) in hons or prev.text.lower() in hons


def _determiner(tok: Token) -> bool:
    return norm(tok.text) in titles().determiners


def _state_word(tok: Token) -> bool:
    """A demonym or state abbreviation ("Soviet", "U.S.") that can precede a title."""
    if not _is_cap(tok):
        return False
    if tok.text.isupper() or "." in tok.text:
        return bool(gazetteer().candidates(tok.text))
    return gazetteer().lookup(tok.text, forms=("adjective",)) is not None


def _dominant_script_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if c < "\u0250")
    return latin * 2 >= len(letters)


@functools.cache
def _label_words(key: str) -> tuple[tuple[str, ...], ...]:
    """The labels of word list ``key`` split into words, longest first."""
    return tuple(sorted((tuple(w.split()) for w in word_list(key)), key=lambda p: (-len(p), p)))


@functools.cache
def _label_words_by_first(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """:func:`_label_words` by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for parts in _label_words(key):
        if parts:
            out.setdefault(parts[0], []).append(parts)
    return {k: tuple(v) for k, v in out.items()}


def _label_at(doc: Doc, i: int, key: str) -> int:
    """Token length of the longest label of word list ``key`` starting at token i (the first
    word capitalised, the words lower case in the list), 0 when none."""
    if i >= len(doc) or not _is_cap(doc[i]):
        return 0
    best = 0
    for parts in _label_words_by_first(key).get(doc[i].lower_, ()):
        n = len(parts)
        if n > best and i + n <= len(doc) and all(doc[i + k].lower_ == parts[k] for k in range(n)):
            best = n
    return best


def _card_value_place(doc: Doc, s: int) -> bool:
    """Token s lies in the value of a Born/Died/Resting place card row, on its line after the
    label ("Born: 3 April 1881, Pieve Tesino"): the value is a place, not a person."""
    a, _ = _line_bounds(doc, s)
    for k in range(s - 1, max(a, s - 15) - 1, -1):
        if _label_at(doc, k, "card_labels"):
            n = _label_at(doc, k, "card_place_labels")
            if n == 0 or k + n > s or (k > a and not doc[k - 1].is_punct):
                return False  # a row label starts its line or follows punctuation
            # a card value holds no prose: "Born in Hyde Park, X studied" is a sentence; only
            # "in"/"at" right after a date are allowed ("Born 3 May 1871 in Tromsdalen")
            return all(
                not (t.is_alpha and t.is_lower)
                or (t.lower_ in {"in", "at"} and doc[t.i - 1].like_num)
                for t in doc[k + n : s]
            )
    return False


def _card_place_span(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """The capitalised place name of a Born/Died/Resting place card value inside a span the
    model tagged PERSON ("Born Pieve Tesino" -> "Pieve Tesino"); None otherwise."""
    while s < e:
        n = _label_at(doc, s, "card_labels")
        if n == 0 and not (doc[s].is_punct or doc[s].is_space):
            break
        s += max(n, 1)
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    if s >= e or not _card_value_place(doc, s):
        return None
    toks = [t for t in doc[s:e] if not t.is_punct]
    if not toks or any(any(c.isdigit() for c in t.text) for t in toks):
        return None
    if not all(_is_cap(t) or t.text in PARTICLES for t in toks):
        return None
    return (s, e)


def _clean_person(doc: Doc, s: int, e: int, latin_doc: bool) -> tuple[int, int] | None:
    """Trim a PERSON span to the name proper; None when it is no person name."""
    tl = titles()
    if (
        s > 0
        and norm(doc[s].text) in name_words().saint_words
        and doc[s - 1].lower_
        in name_words().place_prepositions | word_list("locative_prepositions")
    ):
        return None  # "sailed from St X": a town named after a saint
    slash = next((k for k in range(s + 1, e) if doc[k].text == "/"), None)
    if slash is not None:
        e = slash  # a credit: "(X Y/Agency)" names X Y
    while s < e:
        n = _label_at(doc, s, "card_labels")
        if n == 0:
            break
        s += n  # "Predecessor Ferdinand I" -> "Ferdinand I"; "Quick Facts" -> nothing
        while s < e and doc[s].text in {":", "-", "–"}:
            s += 1
    while s < e and (
        doc[s].is_punct
        or doc[s].is_space
        or (_title_word(doc[s]) and not _initials_run(doc, s, e))
        or (s + 1 < e and _plural_title(doc[s].text))  # "Earls X and Y"
        or _state_word(doc[s])
        or doc[s].text in {"-", "–"}
        or (doc[s].pos_ == "VERB" and doc[s].tag_ in _VERB_TAGS)  # "Remove Soviet Missiles"
    ):
        s += 1
    while e > s and (
        doc[e - 1].is_punct
        or doc[e - 1].is_space
        or doc[e - 1].text in _POSSESSIVE
        or (doc[e - 1].pos_ == "VERB" and doc[e - 1].tag_ in _VERB_TAGS)  # "X Agrees"
    ):
        e -= 1
    if s >= e:
        return None
    toks = list(doc[s:e])
    words = [t for t in toks if any(c.isalpha() for c in t.text)]
    if not words:
        return None
    if any(any(c.isdigit() for c in t.text) for t in toks):
        return None
    if not _is_cap(words[-1]) or not _is_cap(words[0]):
        return None
    epithet = (
        len(words) == 3
        and words[1].text == "the"
        and norm(words[0].text) in name_words().given_names
        and _is_cap(words[2])
        and not is_head(words[2].text)
    )  # "Frederick the Great"
    if not epithet and any(not _is_cap(t) and t.text not in PARTICLES for t in words):
        return None
    if any(norm(t.text) in tl.non_name_words for t in words):
        return None
    if (
        e < len(doc)
        and _is_cap(doc[e])
        and (
            _first_word(doc[e].text) in tl.non_name_words
            or _first_word(doc[e].text) in name_words().place_heads
        )
    ):
        return None  # "Molotov-Ribbentrop Pact", "Marshall Plan", "Lenin Square"
    if any(norm(t.text) in _MONTHS for t in words) and len(words) == 1:
        return None
    span_text = doc[s:e].text
    if latin_doc and len(words) == 1 and not _dominant_script_latin(span_text):
        return None
    if gazetteer().candidates(span_text):
        return None  # a state or a seat of government, not a person
    if all(_title_word(t) for t in words):
        return None
    if (
        len(words) == 1
        and s > 0
        and _title_word(doc[s - 1])
        and word_list("title_objects") & {norm(words[0].text)}
    ):
        return None  # "Chief of the General Staff": the end of a title, not a name
    if _card_value_place(doc, s):
        return None  # "Born: 3 April 1881, Pieve Tesino": a place
    return (s, e)


def _first_word(text: str) -> str:
    """The first normalised word of a token ("Time.[13" -> "time")."""
    words = norm(text).split()
    return words[0] if words else ""


def _places_of(state: DocState) -> set[str]:
    """Normalised names of the document's places (GPE/LOC/FAC entities) and of the state
    gazetteer's seats of government: evidence that a word names a place."""
    out: set[str] = set()
    for seg in state.segments:
        for ent in seg.doc.ents:
            if ent.label_ in {"GPE", "LOC", "FAC"}:
                t = norm(ent.text)
                out.add(t[4:] if t.startswith("the ") else t)
    return out


def _names_place(text: str, places: frozenset[str] | set[str]) -> bool:
    t = norm(text)
    return bool(t) and (t in places or bool(gazetteer().candidates(text)))


def _demonym_of_place(word: str, places: frozenset[str] | set[str]) -> bool:
    """ "Berliners", "Parisians", "Londoners": a plural whose stem names a place."""
    w = norm(word)
    if not w.endswith("s") or len(w) < 5:
        return False
    for end in name_words().demonym_endings:
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: -len(end)]
            for cand in (stem, stem + "e", stem + "a", stem[:-1] if stem.endswith("i") else stem):
                if cand in places or gazetteer().candidates(cand):
                    return True
    return False


@dataclass(frozen=True)
class _Evidence:
    """What one document says about its capitalised words (built once per document)."""

    places: frozenset[str]  # names of its places (GPE/LOC/FAC) and seats of government
    other_label: frozenset[str]  # single words tagged place/organisation more than person
    of_places: frozenset[str]  # "the port of X", "the Treaty of X", "the treaties of X and Y"
    lower_words: frozenset[str]  # words and lemmas the document writes in lower case
    surnames: frozenset[str] = frozenset()  # last words of the model's multi-word PERSON names
    acting: frozenset[str] = frozenset()  # PERSON names written as a subject or a possessor


def _evidence(state: DocState) -> _Evidence:
    return _Evidence(
        frozenset(_places_of(state)),
        frozenset(_other_labels(state)),
        frozenset(_of_places(state)),
        frozenset(_lower_words(state)),
        frozenset(
            norm(ent[-1].text)
            for seg in state.segments
            for ent in seg.doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1
        ),
        frozenset(_acting_names(state)),
    )


def _acting_names(state: DocState) -> set[str]:
    """Names the model tags PERSON where they act: a subject ("X marched north"), an agent
    or a possessor ("X's army"). A name the document uses so is a person wherever it stands."""
    out: set[str] = set()
    for seg in state.segments:
        doc = seg.doc
        for ent in seg.doc.ents:
            if ent.label_ != "PERSON":
                continue
            possessed = ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE
            if ent.root.dep_ in _SUBJECT_DEPS or possessed:
                out.add(norm(ent.text))
    return out


def _place_by_context(doc: Doc, s: int, e: int, ev: _Evidence) -> bool:
    """A name the model tagged PERSON that its sentence writes as a place: the object of a
    place preposition ("landed at X", "airfields in X", "flights near X Y", "in Saint X"),
    the territory of a titled or named person ("William of X", "Bishop of X"), or a member
    of a list or apposition of places ("A, X and B" where A is a place; "the Battle of A,
    X"). Never when the document names it as a person elsewhere (a subject, a possessor,
    the surname of a full name) or it starts with a given name."""
    nw = name_words()
    words = [t for t in doc[s:e] if any(c.isalpha() for c in t.text)]
    if not words or norm(words[0].text) in nw.given_names:
        return False
    if norm(doc[s:e].text) in ev.acting or (len(words) == 1 and norm(words[0].text) in ev.surnames):
        return False
    k = s - 1
    while k >= 0 and norm(doc[k].text) in nw.saint_words and _is_cap(doc[k]):
        k -= 1  # "in Saint Petersburg", "at San Marco"
    if k < 0:
        return False
    prev = doc[k]
    if k < s - 1 and prev.lower_ not in nw.place_prepositions:
        return False  # "St X" without a place preposition is a saint
    root = doc[s:e].root
    if prev.lower_ in nw.place_prepositions and (
        root.dep_ == "pobj" or (root.head.i == prev.i) or k < s - 1
    ):
        return True
    if prev.lower_ == "of" and k >= 1:
        owner = doc[k - 1]
        if owner.ent_type_ == "PERSON" or _title_word(owner):
            return True  # "William of X", "the Duke of X"
    # a list or an apposition of places
    place_labels = {"GPE", "LOC", "FAC"}

    def placed(t: Token) -> bool:
        left = doc[t.left_edge.i] if t.left_edge.i < t.i else t
        return t.ent_type_ in place_labels or norm(left.text) in nw.place_prefixes

    if root.dep_ in {"conj", "appos"} and placed(root.head):
        return True
    if any(placed(c) for c in root.conjuncts):
        return True
    if prev.text == "(" and k >= 1:
        noun = doc[k - 1]
        if not _is_cap(noun) and (
            norm(noun.lemma_) in nw.place_nouns_after or norm(noun.text) in nw.place_of_nouns
        ):
            return True  # "the viceregal palace (X)"
    if prev.text == "," and k >= 1:
        before = doc[k - 1]
        if before.ent_type_ in place_labels or norm(before.text) in ev.of_places:
            return True  # "the Battle of A, X:"
    return False


def _modifier_only(doc: Doc, s: int, e: int, ev: _Evidence) -> bool:
    """A name that only modifies a common noun after it ("the X conquest", "X accounts say",
    "our last X Y king", "captured X legislature"): an adjective or a demonym, not a person,
    unless the document names it as a person elsewhere or it starts with a given name."""
    root = doc[s:e].root
    head = root.head
    if root.dep_ not in {"compound", "amod", "nmod"} or head.i < e or _is_cap(head):
        return False
    if head.pos_ != "NOUN":
        return False
    if any(t.pos_ not in {"ADJ", "NOUN", "PROPN", "PUNCT"} for t in doc[e : head.i]):
        return False
    words = [t for t in doc[s:e] if any(c.isalpha() for c in t.text)]
    if not words or norm(words[0].text) in name_words().given_names:
        return False
    if len(words) == 1 and norm(words[0].text) in ev.surnames:
        return False
    return norm(doc[s:e].text) not in ev.acting


def _of_places(state: DocState) -> set[str]:
    """Capitalised names written as the "of"-complement of a noun that takes a place ("the
    port of X", "the Treaty of X", "the Battle of X") and the names joined to them ("the
    treaties of X with A and Y with B"): places of the document."""
    place_of = name_words().place_of_nouns
    out: set[str] = set()
    for seg in state.segments:
        doc = seg.doc
        for tok in doc:
            if tok.dep_ != "pobj" or tok.head.lower_ != "of" or not _is_cap(tok):
                continue
            noun = tok.head.head
            if norm(noun.text) not in place_of and norm(noun.lemma_) not in place_of:
                continue
            names = [tok, *tok.conjuncts]
            if noun.tag_ == "NNS":
                # "the treaties of X with A (1919) and Y with B": every name joined by "and"
                # or a comma up to the end of the clause (the parse often misattaches them)
                for t in doc[tok.i + 1 : tok.sent.end]:
                    if t.text in {";", ".", ":"} or t.pos_ in {"VERB", "AUX"}:
                        break
                    if t.i > 0 and doc[t.i - 1].lower_ in {"and", "or", ","}:
                        names.append(t)
            for t in names:
                if not _is_cap(t) or t.pos_ != "PROPN":
                    continue
                a = t.i
                while (
                    a > 0
                    and doc[a - 1].head.i == t.i
                    and doc[a - 1].dep_
                    in {
                        "compound",
                        "punct",
                    }
                ):
                    if not (_is_cap(doc[a - 1]) or doc[a - 1].text in {"-", "–"}):
                        break
                    a -= 1
                out.add(norm(doc[a : t.i + 1].text))
    return out


def _lower_words(state: DocState) -> set[str]:
    """The words (and their lemmas) the document writes in lower case: a capitalised word of a
    headline that is among them is a common word, not a name ("Agrees", "Missiles")."""
    out: set[str] = set()
    for seg in state.segments:
        for tok in seg.doc:
            if tok.is_alpha and tok.text.islower():
                out.add(tok.lower_)
                out.add(tok.lemma_.lower())
    return out


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "vs",
        "via",
        "into",
        "over",
        "under",
        "after",
        "before",
        "about",
        "against",
        "is",
        "are",
        "was",
        "were",
        "be",
        "its",
        "his",
        "her",
        "their",
    ]
)
_VERB_TAGS = frozenset({"VB", "VBZ", "VBD", "VBP"})
_ORDINAL_NUM = re.compile(r"\d+(?:st|nd|rd|th)$", re.IGNORECASE)


def _common_word(tok: Token, lower_words: frozenset[str]) -> bool:
    w = tok.lower_
    return (
        w in lower_words
        or tok.lemma_.lower() in lower_words
        or (w.endswith("s") and w[:-1] in lower_words)
    )


def _line_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the text line holding token i (a line ends after a token whose text
    holds a line break: a token's trailing whitespace is never one)."""
    breaks = _line_breaks(doc)
    k = bisect.bisect_left(breaks, i)
    a = breaks[k - 1] + 1 if k > 0 else 0
    b = breaks[k] if k < len(breaks) else len(doc) - 1
    return a, max(b, i) + 1


#: the indices of the tokens holding a line break, of the last few parses asked about
#: (asked once per name on a line, a walk to the line's ends was quadratic on a page of
#: one long line); the parse is kept with its list, so that an id is never reused
_BREAKS: dict[int, tuple[Doc, list[int]]] = {}


def _line_breaks(doc: Doc) -> list[int]:
    hit = _BREAKS.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    if len(_BREAKS) >= 8:
        _BREAKS.clear()
    breaks = [t.i for t in doc if "\n" in t.text]
    _BREAKS[id(doc)] = (doc, breaks)
    return breaks


def _headline_line(doc: Doc, a: int, b: int, lower_words: frozenset[str]) -> bool:
    """A title-case line ("Khrushchev Agrees to Remove Soviet Missiles from Cuba"): most of
    its content words capitalised, some of them common words the document writes in lower
    case elsewhere. A list of names ("Wilson, Clemenceau and Orlando") is no headline."""
    last = next((t for t in reversed(doc[a:b]) if not t.is_space and t.text not in '"”*'), None)
    if last is not None and last.text == ".":
        return False  # a sentence, however capitalised ("X replaces Y as General Secretary.")
    content = [t for t in doc[a:b] if t.is_alpha and t.lower_ not in _FUNCTION_WORDS]
    if len(content) < 3:
        return False
    caps = [t for t in content if t.text[0].isupper()]
    if len(caps) * 4 < len(content) * 3:
        return False
    return any(_common_word(t, lower_words) for t in caps if t.i > a)


_SENTENCE_END = frozenset('.!?:;"”')


def _heading_line(doc: Doc, a: int, b: int) -> bool:
    """A heading: a short line without a sentence's final punctuation, most of its content
    words capitalised ("## Cast of Characters", "Timeline and Cast (1943-1946)")."""
    words = [t for t in doc[a:b] if t.is_alpha]
    if not words or len(words) > 14:
        return False
    last = next((t for t in reversed(doc[a:b]) if not t.is_space), None)
    if last is None or last.text[-1] in _SENTENCE_END:
        return False
    content = [t for t in words if t.lower_ not in _FUNCTION_WORDS]
    caps = sum(1 for t in content if t.text[0].isupper())
    return bool(content) and caps * 5 >= len(content) * 3


def _headline_words(doc: Doc, lower_words: frozenset[str]) -> frozenset[int]:
    """Capitalised common words of the title-case lines of a segment."""
    out: set[int] = set()
    i = 0
    while i < len(doc):
        a, b = _line_bounds(doc, i)
        if _headline_line(doc, a, b, lower_words):
            depth, inside = 0, set()
            for t in doc[a:b]:  # a parenthesis holds a title, not headline words
                depth += (t.text == "(") - (t.text == ")")
                if depth > 0:
                    inside.add(t.i)
            out.update(
                t.i
                for t in doc[a:b]
                if t.is_alpha
                and t.text[0].isupper()
                and t.i not in inside
                and _common_word(t, lower_words)
            )
        i = b
    return frozenset(out)


def _headline_trim(doc: Doc, s: int, e: int, lower_words: frozenset[str]) -> tuple[int, int] | None:
    """In a title-case line, common words are no part of a name: trim them at the edges
    ("Khrushchev Agrees" -> "Khrushchev"); None when one sits inside the name."""
    a, b = _line_bounds(doc, s)
    if not _headline_line(doc, a, b, lower_words):
        return s, e
    while s < e and _common_word(doc[s], lower_words):
        s += 1
    while e > s and _common_word(doc[e - 1], lower_words):
        e -= 1
    if s >= e or any(_common_word(t, lower_words) for t in doc[s:e] if t.is_alpha):
        return None
    return s, e


def _place_or_org(doc: Doc, s: int, e: int, ev: _Evidence) -> str | None:
    """A single name shown by its context to be a place ("LOC") or an organisation or unit
    ("ORG"): "the port of X", "the treaties of X and Y", "the Hall of Mirrors, X,", "the
    Executive Committee (X)", "the Council, or X", "the 101st X"; None otherwise."""
    if e - s != 1:
        return None
    tok = doc[s]
    w = norm(tok.text)
    if w in ev.surnames:
        return None  # the surname of a full name of the document
    if w in ev.of_places:
        return "LOC"
    # apposition to a building or a region: "the Hall of Mirrors, X, by the painter"
    head = tok.head
    if tok.dep_ == "appos" and head.i < s and head.ent_type_ in {"FAC", "LOC"}:
        return "LOC"
    prev = doc[s - 1] if s > 0 else None
    if prev is None:
        return None
    if _ORDINAL_NUM.match(prev.text) or prev.ent_type_ == "ORDINAL":
        return "ORG"  # "the 4080th Wing", "the 101st Airborne": a unit
    # an organisation's short name defined after it: "the Executive Committee (X)"
    k = s - 1
    if doc[k].text == "(" or doc[k].lower_ == "or":
        k -= 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        if k >= 0 and (norm(doc[k].text) in titles().non_name_words or doc[k].ent_type_ == "ORG"):
            return "ORG"
    return None


def _not_a_person(doc: Doc, s: int, e: int, ev: _Evidence) -> bool:
    """Context showing that a name the model tagged PERSON names a place, a structure, a
    group or an event: "the Berlin Wall", "Checkpoint Charlie", "the Schöneberg town hall",
    "most Berliners". Not applied after a title or an honorific (then it is a person)."""
    nw = name_words()
    places, other_label = ev.places, ev.other_label
    words = [t for t in doc[s:e] if any(c.isalpha() for c in t.text)]
    if not words:
        return True
    prev = doc[s - 1] if s > 0 else None
    if _titled_before(doc, s):
        return False  # "Colonel House", "Lord Halifax"
    k = s - 1
    while k >= 0 and doc[k].text in {"'", '"', "‘", "“", ":"}:
        k -= 1
    if k < s - 1 and k >= 0 and norm(doc[k].lemma_) in nw.naming_nouns:
        return True  # "the expression 'X Y'", "the term \"X\""
    first, last = norm(words[0].text), norm(words[-1].text)
    the_before = prev is not None and prev.lower_ == "the"
    root = doc[s:e].root
    head = root.head
    modifies = root.dep_ in {"compound", "nmod", "amod"} and head.i >= e and not _is_cap(head)
    # a modifier of a place noun: "the Schöneberg town hall", "Kennedy airport"
    if modifies and (
        norm(head.lemma_) in nw.place_nouns_after or norm(head.text) in nw.place_nouns_after
    ):
        return True
    if len(words) > 1 and first in nw.place_prefixes:
        return True  # "Checkpoint Charlie", "Fort Sumter"
    if the_before and not modifies:
        return True  # "the Berlin Wall", "the Wall": a name with an article is no person
    if last in nw.place_heads and (
        len(words) == 1 or _names_place(words[0].text, places) or first in nw.place_prefixes
    ):
        return True  # "Berlin Wall"; "Gate" alone
    if len(words) == 1:
        w = words[0]
        if w.tag_ == "NNS":
            return True  # a common plural ("Berliners" parsed as a noun)
        if w.text.endswith("s") and (
            _demonym_of_place(w.text, places)
            or (w.tag_ == "NNPS" and prev is not None and prev.lower_ in nw.group_determiners)
        ):
            return True
        if norm(w.text) in other_label:
            return True  # tagged a place or an organisation elsewhere in the document
    return False


def _other_labels(state: DocState) -> set[str]:
    """Single words the model tags as places/organisations more often than as people."""
    from collections import Counter

    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for seg in state.segments:
        for ent in seg.doc.ents:
            t = norm(ent.text)
            if t.startswith("the "):
                t = t[4:]
            if " " in t:
                continue
            if ent.label_ == "PERSON":
                person[t] += 1
            elif ent.label_ in {"GPE", "LOC", "FAC", "ORG"}:
                other[t] += 1
    return {t for t, n in other.items() if n > person[t]}


def _is_actor(span: Span) -> bool:
    """A seat-of-government name used for the government (an actor), not the place."""
    root = span.root
    if span.end < len(span.doc):
        nxt = span.doc[span.end]
        if nxt.text in {"D.C.", "DC"} or (
            nxt.text == ","
            and span.end + 1 < len(span.doc)
            and span.doc[span.end + 1].text in {"D.C.", "DC"}
        ):
            return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in word_list("locative_prepositions"):
        return False
    if root.dep_ in _SUBJECT_DEPS:
        return True
    if root.dep_ == "conj" and root.head.dep_ in _SUBJECT_DEPS:
        return True
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in word_list(
        "government_nouns"
    ):
        return True
    if span.end < len(span.doc) and span.doc[span.end].text in _POSSESSIVE:
        return True
    # object-control: "forced Washington to recognise"
    if root.dep_ == "dobj" and span.end + 1 < len(span.doc):
        nxt, nxt2 = span.doc[span.end], span.doc[span.end + 1]
        if nxt.lower_ == "to" and nxt2.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _state_mention(seg_i: int, seg: Segment, span: Span, year: int | None) -> SegMention | None:
    """A STATE/NORP mention for a state-naming span (trimmed to the longest state prefix)."""
    g = gazetteer()
    doc = span.doc
    s, e = span.start, span.end
    while e > s and (doc[e - 1].is_punct or doc[e - 1].text in _POSSESSIVE):
        e -= 1
    # longest prefix (after an optional "the") that names a state
    for end in range(e, s, -1):
        sub = doc[s:end]
        if end - s > g.max_words + 1:
            continue
        hit = g.lookup(sub.text, year)
        if hit is None:
            continue
        if hit.form == "adjective" and span.label_ not in {"NORP"} and end - s > 1:
            # "Soviet Union Form ..." is fine, but "Soviet Union" is a name; adjectives alone
            # inside longer ORG names are not the state
            continue
        state_rec = g.state(hit.state_id)
        label = "STATE" if state_rec is None or state_rec.kind == "state" else "ORG"
        if hit.form == "adjective":
            label = "NORP"
        elif hit.form == "government" and not _is_actor(doc[s:end]):
            label = "GPE"
        a = seg.offset + doc[s].idx
        b = seg.offset + doc[end - 1].idx + len(doc[end - 1].text)
        key = hit.state_id if label != "GPE" else sub.text
        return SegMention(seg_i, s, end, a, b, sub.text, label, key)
    return None


# ---------------------------------------------------------------- main entry


def find_mentions(state: DocState) -> DocEntities:
    """Entity mentions of one document (people clustered, states resolved)."""
    years = YearIndex(state)
    latin_doc = _dominant_script_latin(state.document.text[:20000])
    out = DocEntities()
    people: list[SegMention] = []
    taken: list[set[int]] = [set() for _ in state.segments]  # token indices already in a mention
    ev = _evidence(state)
    for si, seg in enumerate(state.segments):
        hw = _headline_words(seg.doc, ev.lower_words)
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
                h = _headline_trim(doc, ent.start, ent.end, ev.lower_words)
                r = _clean_person(doc, *h, latin_doc) if h is not None else None
                if r is None:
                    loc = _card_place_span(doc, *h) if h is not None else None
                    if loc is not None and not any(i in taken[si] for i in range(*loc)):
                        # "Born: 3 April 1881, Pieve Tesino": keep the value as a place
                        a = seg.offset + doc[loc[0]].idx
                        b = seg.offset + doc[loc[1] - 1].idx + len(doc[loc[1] - 1].text)
                        txt = doc[loc[0] : loc[1]].text
                        out.mentions.append(SegMention(si, *loc, a, b, txt, "LOC", txt))
                        taken[si].update(range(*loc))
                    continue
                s, e = r
                titled = _titled_before(doc, s)
                other = None if titled else _place_or_org(doc, s, e, ev)
                if other is None and _place_by_context(doc, s, e, ev):
                    other = "LOC"
                if other is None and not titled and _modifier_only(doc, s, e, ev):
                    continue
                if other is not None:
                    # a place or an organisation after all: keep it as one
                    a = seg.offset + doc[s].idx
                    b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
                    txt = doc[s:e].text
                    out.mentions.append(SegMention(si, s, e, a, b, txt, other, txt))
                    taken[si].update(range(s, e))
                    continue
                if _not_a_person(doc, s, e, ev):
                    continue
                e = _extend_name(doc, s, e, taken[si], titled=titled)
                s = _extend_left(doc, s, taken[si])
                if e - s == 1 and titled:
                    titled_singles.add(doc[s].text)
                if e - s == 1 and not titled and _heading_line(doc, *_line_bounds(doc, s)):
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
    people.extend(_given_name_pass(state, taken, latin_doc))
    # full names and surnames of the people found so far
    full = {
        tuple(t.text for t in state.segments[m.seg].doc[m.tok_start : m.tok_end])
        for m in people
        if m.tok_end - m.tok_start >= 2
    }
    surnames = {_surname_token(f) for f in full} | titled_singles
    # names right after a title or honorific ("Lord Halifax", "Commissar Litvinov") first: their
    # later bare occurrences are people too ("Halifax said")
    extra = _title_anchored_pass(state, taken, latin_doc)
    extra += _card_person_pass(state, taken, latin_doc)
    extra += _plural_title_pass(state, taken, latin_doc)
    surnames |= {m.text for m in extra if m.tok_end - m.tok_start == 1}
    extra += _mononym_pass(state, taken, latin_doc)
    extra += _known_name_pass(state, full, surnames, taken)
    acronyms = _acronyms(full)
    extra += _acronym_pass(state, acronyms, taken)
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
            sm = _state_mention(si, seg, ent, year)
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
    Great" -> "Frederick")."""
    if len(words) >= 3 and words[-2] == "the":
        words = words[:-2]
    for w in reversed(words):
        if is_regnal_numeral(w) or _fold_suffix(w) in SUFFIXES or not any(c.isalpha() for c in w):
            continue
        return w
    return words[-1]


def _fold_suffix(w: str) -> str:
    return w.lower().rstrip(".").rstrip(",")


def _given_only(doc: Doc, s: int, e: int) -> bool:
    """The name is given names (and initials) only: "Dean", "Vittorio Emanuele"."""
    given = name_words().given_names
    words = [t for t in doc[s:e] if any(c.isalpha() for c in t.text)]
    return (
        bool(words)
        and all(
            norm(t.text) in given or (len(norm(t.text)) == 1 and t.text[:1].isupper())
            for t in words
        )
        and norm(words[0].text) in given
    )


def _extend_name(doc: Doc, s: int, e: int, taken: set[int], *, titled: bool) -> int:
    """End of a name the model cut short: a name of given names only takes the capitalised
    surname that follows ("Dean" + "Rusk", "Vittorio Emanuele" + "Orlando", whatever the
    model tagged it); a one-word name takes a regnal number ("Wilhelm I", "Louis XIV"; "I"
    only after a given name or a title)."""
    g = gazetteer()
    tl = titles()
    nw = name_words()
    given_only = _given_only(doc, s, e)
    if given_only:
        while e < len(doc) and e - s < 4 and e not in taken:
            t = doc[e]
            if "\n" in doc[e - 1].text_with_ws or t.is_sent_start:
                break
            if (
                not _is_cap(t)
                or t.pos_ not in {"PROPN", "NOUN", "ADJ", "X"}
                or not t.is_alpha
                or t.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}
                or _title_word(t)
                or _state_word(t)
                or g.candidates(t.text)
                or norm(t.text) in tl.non_name_words
                or norm(t.text) in nw.place_heads
                or norm(t.text) in _MONTHS
                or is_regnal_numeral(t.text)
            ):
                break
            e += 1
    # "B. Ye. X": the tokenizer cut a two-letter initial from its full stop, and the model
    # ended the name there
    if (
        e + 1 < len(doc)
        and e not in taken
        and e + 1 not in taken
        and doc[e].text == "."
        and _INITIAL.fullmatch(doc[e - 1].text + ".")
        and doc[e - 1].text[:1].isupper()
        and e - s >= 2
        and _INITIAL.fullmatch(doc[s].text)
        and _is_cap(doc[e + 1])
        and doc[e + 1].is_alpha
        and len(doc[e + 1].text) > 2
        and "\n" not in doc[e].text_with_ws
    ):
        e += 2
    if e < len(doc) and e not in taken and is_regnal_numeral(doc[e].text):
        # "Louis XIV", "Victor Emmanuel III": one name or given names only, not "X Y I"
        one_word = sum(1 for t in doc[s:e] if t.is_alpha) == 1
        if (one_word or _given_only(doc, s, e)) and (doc[e].text != "I" or titled or given_only):
            e += 1
    return _extend_epithet(doc, s, e, taken)


def _extend_of_place(doc: Doc, s: int, e: int, taken: set[int]) -> int:
    """A lone given name, or a lone name after a title, takes the place it is "of" ("William
    of Orange", "Catherine of Aragon", "Bishop Odo of Bayeux"): "of" and one capitalised word
    that ends the name and is no title, state or month."""
    if e - s != 1 or e + 1 >= len(doc) or doc[e].lower_ != "of" or e in taken or e + 1 in taken:
        return e
    # after a rank ("Bishop X of Y"), not after a peerage ("Viscount X of Y" is a title)
    if norm(doc[s].text) not in name_words().given_names and not (
        s > 0 and is_head(doc[s - 1].text)
    ):
        return e
    w = doc[e + 1]
    if (
        not _is_cap(w)
        or not w.is_alpha
        or _title_word(w)
        or _state_word(w)
        or norm(w.text) in _MONTHS
        or norm(w.text) in titles().non_name_words
        or "\n" in doc[e].text_with_ws
        or (e + 2 < len(doc) and _is_cap(doc[e + 2]) and doc[e + 2].is_alpha)
    ):
        return e
    return e + 2


def _extend_epithet(doc: Doc, s: int, e: int, taken: set[int]) -> int:
    """A given name takes its epithet: "Frederick the Great", "Ivan the Terrible" (one
    capitalised word after "the" that is no title, state or place, and ends the name)."""
    if e - s == 1 and e < len(doc) and doc[e].lower_ == "of":
        return _extend_of_place(doc, s, e, taken)
    if e - s != 1 or norm(doc[s].text) not in name_words().given_names:
        return e
    if e + 1 >= len(doc) or doc[e].lower_ != "the" or e in taken or e + 1 in taken:
        return e
    ep = doc[e + 1]
    if (
        not _is_cap(ep)
        or not ep.is_alpha
        or is_head(ep.text)  # "William the Conqueror", not "George the King"
        or norm(ep.text) in titles().honorifics
        or _state_word(ep)
        or gazetteer().candidates(ep.text)
        or norm(ep.text) in titles().non_name_words
        or "\n" in doc[e].text_with_ws
    ):
        return e
    if e + 2 < len(doc) and _is_cap(doc[e + 2]) and doc[e + 2].is_alpha:
        return e  # "William the Silent Prince ...": more than one word, not an epithet
    return e + 2


def _extend_left(doc: Doc, s: int, taken: set[int]) -> int:
    """Start of a name whose first given name the model left out ("Gamal" + "Abdel
    Nasser"): known given names right before it, on the same line, untagged."""
    given = name_words().given_names
    k = s
    while (
        k > 0
        and s - k < 2
        and (k - 1) not in taken
        and _is_cap(doc[k - 1])
        and (
            doc[k - 1].ent_type_ in {"", "PERSON"}
            # "Amelia" tagged a place on its own, right before the surname
            or (_ent_len(doc, k - 1) == 1 and doc[k - 1].ent_type_ in {"GPE", "ORG", "NORP"})
        )
        and norm(doc[k - 1].text) in given
        and "\n" not in doc[k - 1].text_with_ws
        and not doc[k].is_sent_start
    ):
        k -= 1
    return k


def _ent_len(doc: Doc, i: int) -> int:
    ent = _ent_at(doc, i)
    return 0 if ent is None else len(ent)


def _ent_at(doc: Doc, i: int) -> Span | None:
    for ent in doc.ents:
        if ent.start <= i < ent.end:
            return ent
    return None


def _known_name_pass(
    state: DocState, full: set[tuple[str, ...]], surnames: set[str], taken: list[set[int]]
) -> list[SegMention]:
    """Occurrences of known full names and surnames that the model missed or mislabelled."""
    g = gazetteer()
    tl = titles()
    out: list[SegMention] = []
    # known full names by their first word, longest first: a token is compared only with
    # the names it can start (linear in the document, whatever the number of names)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for f in sorted(full, key=len, reverse=True):
        if f:
            by_first.setdefault(f[0], []).append(f)
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        i = 0
        while i < len(doc):
            if i in taken[si]:
                i += 1
                continue
            hit: tuple[int, int] | None = None
            for f in by_first.get(doc[i].text, ()):
                n = len(f)
                if tuple(t.text for t in doc[i : i + n]) == f:
                    hit = (i, i + n)
                    break
            if hit is None and doc[i].text in surnames:
                tok = doc[i]
                prev = doc[i - 1] if i > 0 else None
                titled = prev is not None and (
                    is_head(prev.text) or norm(prev.text) in tl.honorifics
                )
                if g.candidates(tok.text) and not titled:
                    i += 1
                    continue  # "Washington" the place/government, not Mr Washington
                hit = (i, i + 1)
            if hit is None:
                i += 1
                continue
            s, e = hit
            if any(k in taken[si] for k in range(s, e)):
                i += 1
                continue
            # not inside hyphenated compounds or names of pacts and institutions
            if (s > 0 and doc[s - 1].text in {"-", "–"}) or (
                e < len(doc) and doc[e].text in {"-", "–"}
            ):
                i = e
                continue
            if e < len(doc) and norm(doc[e].text) in tl.non_name_words and _is_cap(doc[e]):
                i = e
                continue
            ent = _ent_at(doc, s)
            if ent is not None and ent.label_ != "PERSON":
                inner = doc[ent.start : ent.end]
                rest = [
                    t
                    for t in inner
                    if not (s <= t.i < e) and t.text not in _POSSESSIVE and not t.is_punct
                ]
                possessive_lead = ent.start == s and e < ent.end and doc[e].text in _POSSESSIVE
                if rest and not possessive_lead:
                    i = e
                    continue
            a = seg.offset + doc[s].idx
            b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
            out.append(SegMention(si, s, e, a, b, doc[s:e].text, "PERSON"))
            taken[si].update(range(s, e))
            if ent is not None and ent.label_ != "PERSON":
                taken[si].update(range(ent.start, ent.end))
            i = e
    return out


def _mononym_pass(state: DocState, taken: list[set[int]], latin_doc: bool) -> list[SegMention]:
    """People known by one name (``mononyms`` of ``names.yaml``: "Saladin", "Charlemagne")
    wherever the model missed them, with a regnal number, an epithet or the place they are
    "of" ("Mehmed II", "Suleiman the Magnificent"); not inside a hyphenated word or the name
    of a thing ("the Charlemagne Prize")."""
    mononyms = name_words().mononyms
    if not mononyms:
        return []
    tl = titles()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for i, tok in enumerate(doc):
            if i in taken[si] or not _is_cap(tok) or norm(tok.text) not in mononyms:
                continue
            if (i > 0 and doc[i - 1].text in {"-", "–"}) or (
                i + 1 < len(doc) and doc[i + 1].text in {"-", "–"}
            ):
                continue
            if i > 0 and doc[i - 1].lower_ == "the" and not _titled_before(doc, i):
                continue  # "the Napoleon of crime", "the Caesar": a type, not the person
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if (
                nxt is not None
                and _is_cap(nxt)
                and (
                    norm(nxt.text) in tl.non_name_words
                    or norm(nxt.text) in name_words().place_heads
                    or norm(nxt.text) in name_words().place_nouns_after
                )
            ):
                continue
            e = _extend_name(doc, i, i + 1, taken[si], titled=True)
            if (
                e == i + 1
                and nxt is not None
                and is_head(nxt.text)
                and _is_cap(nxt)
                and i + 1 not in taken[si]
                and not (i + 2 < len(doc) and _is_cap(doc[i + 2]))
            ):
                # "Genghis Khan": a title written after a one-word name is part of it
                a = seg.offset + tok.idx
                b = seg.offset + nxt.idx + len(nxt.text)
                out.append(SegMention(si, i, i + 2, a, b, doc[i : i + 2].text, "PERSON"))
                taken[si].update(range(i, i + 2))
                continue
            r = _clean_person(doc, i, e, latin_doc)
            if r is None:
                continue
            a = seg.offset + doc[r[0]].idx
            b = seg.offset + doc[r[1] - 1].idx + len(doc[r[1] - 1].text)
            out.append(SegMention(si, r[0], r[1], a, b, doc[r[0] : r[1]].text, "PERSON"))
            taken[si].update(range(r[0], r[1]))
    return out


_NAME_LABELS = frozenset({"", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def _given_name_pass(state: DocState, taken: list[set[int]], latin_doc: bool) -> list[SegMention]:
    """People the model missed or mislabelled, found by a known given name: a run of
    capitalised proper nouns (initials and particles allowed) that starts with a given name of
    ``names.yaml`` ("Vyacheslav Molotov" tagged ORG, "Nikita Khrushchev" untagged)."""
    given = name_words().given_names
    g = gazetteer()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        i = 0
        while i < len(doc):
            tok = doc[i]
            if i in taken[si] or not _is_cap(tok) or norm(tok.text) not in given:
                i += 1
                continue
            ep = _extend_epithet(doc, i, i + 1, taken[si])
            if ep == i + 3 and not any(k in taken[si] for k in range(i, ep)):
                # "Frederick the Great", whatever the model tagged it
                a = seg.offset + tok.idx
                b = seg.offset + doc[ep - 1].idx + len(doc[ep - 1].text)
                out.append(SegMention(si, i, ep, a, b, doc[i:ep].text, "PERSON"))
                taken[si].update(range(i, ep))
                i = ep
                continue
            if tok.ent_type_ not in _NAME_LABELS:
                i += 1
                continue
            j = i + 1
            while j < len(doc) and j - i < 4 and j not in taken[si]:
                t = doc[j]
                if t.text in PARTICLES and j + 1 < len(doc) and _is_cap(doc[j + 1]):
                    j += 1
                    continue
                if is_regnal_numeral(t.text) and t.text != "I" and j == i + 1:
                    j += 1  # "Ludwig XIV"
                    break
                if not _is_cap(t) or t.pos_ not in {"PROPN", "NOUN", "ADJ", "X"}:
                    break
                if t.ent_type_ not in _NAME_LABELS or _title_word(t) or _state_word(t):
                    break
                j += 1
            last = norm(doc[j - 1].text)
            if (
                j - i < 2
                or g.candidates(doc[i:j].text)
                or last in name_words().place_heads
                or last in titles().non_name_words
            ):
                i = j  # "Victoria Station", "Charles de Gaulle Airport"
                continue
            r = _clean_person(doc, i, j, latin_doc)
            if r is None:
                i = j
                continue
            s, e = r
            a = seg.offset + doc[s].idx
            b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
            out.append(SegMention(si, s, e, a, b, doc[s:e].text, "PERSON"))
            taken[si].update(range(s, e))
            i = e
    return out


def singular_head(word: str) -> str | None:
    """The singular of a plural title head ("Ministers" -> "minister", "secretaries" ->
    "secretary"), normalised; None when the word is no plural of a head."""
    w = norm(word)
    heads = titles().heads
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(cut) and len(w) > len(cut) + 2 and w[: -len(cut)] + add in heads:
            return w[: -len(cut)] + add
    return None


def _plural_title(word: str) -> bool:
    """A plural title head or honorific ("Ministers", "Earls", "Lords")."""
    w = norm(word)
    return singular_head(word) is not None or (
        len(w) > 3 and w.endswith("s") and w[:-1] in titles().honorifics
    )


def _plural_title_pass(state: DocState, taken: list[set[int]], latin_doc: bool) -> list[SegMention]:
    """Names listed after a plural title are people, whatever the model said: "Foreign
    Ministers Vyacheslav Molotov and Joachim von Ribbentrop", "Presidents Roosevelt and
    Kalinin"."""
    g = gazetteer()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for tok in doc:
            if not _plural_title(tok.text):
                continue
            j = tok.i + 1
            if j < len(doc) and doc[j].text == ",":
                j += 1
            found: list[tuple[int, int]] = []
            while j < len(doc):
                k = j
                while k < len(doc) and k - j < 4 and _is_cap(doc[k]) and doc[k].pos_ == "PROPN":
                    k += 1
                while k < len(doc) and k - j < 4 and doc[k].text in PARTICLES:
                    k += 1
                    while k < len(doc) and _is_cap(doc[k]) and doc[k].pos_ == "PROPN":
                        k += 1
                if k == j:
                    break
                found.append((j, k))
                j = k
                if j < len(doc) and doc[j].text == ",":
                    j += 1
                if j < len(doc) and doc[j].lower_ in {"and", "&"}:
                    j += 1
                elif j > 0 and doc[j - 1].text != ",":
                    break
            if len(found) < 2:
                continue
            for s0, e0 in found:
                if any(i in taken[si] for i in range(s0, e0)) or g.candidates(doc[s0:e0].text):
                    continue
                r = _clean_person(doc, s0, e0, latin_doc)
                if r is None:
                    continue
                s, e = r
                a = seg.offset + doc[s].idx
                b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
                out.append(SegMention(si, s, e, a, b, doc[s:e].text, "PERSON"))
                taken[si].update(range(s, e))
                ent = _ent_at(doc, s)
                if ent is not None:
                    taken[si].update(range(ent.start, ent.end))
    return out


def _acronyms(full: set[tuple[str, ...]]) -> dict[str, str]:
    """Initials of the document's full names of three or more words ("Franklin D. Roosevelt"
    -> "FDR", "John F. Kennedy" -> "JFK"), when only one full name has them."""
    found: dict[str, set[str]] = {}
    for f in full:
        words = [w for w in f if any(c.isalpha() for c in w) and w not in PARTICLES]
        if len(words) < 3 or not all(w[0].isupper() for w in words):
            continue
        ac = "".join(w[0] for w in words)
        found.setdefault(ac, set()).add(" ".join(f).replace(" .", "."))
    return {ac: next(iter(ns)) for ac, ns in found.items() if len(ns) == 1}


def _acronym_pass(
    state: DocState, acronyms: dict[str, str], taken: list[set[int]]
) -> list[SegMention]:
    """Occurrences of a full name's initials ("FDR") in a document that writes the full name."""
    if not acronyms:
        return []
    g = gazetteer()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for tok in doc:
            if tok.i in taken[si] or tok.text not in acronyms or g.candidates(tok.text):
                continue
            ent = _ent_at(doc, tok.i)
            if ent is not None and ent.end - ent.start > 1:
                continue
            a = seg.offset + tok.idx
            out.append(SegMention(si, tok.i, tok.i + 1, a, a + len(tok.text), tok.text, "PERSON"))
            taken[si].add(tok.i)
    return out


def _title_anchored_pass(
    state: DocState, taken: list[set[int]], latin_doc: bool
) -> list[SegMention]:
    """A capitalised proper name right after a capitalised title is a person ("Commissar X")."""
    tl = titles()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for i, tok in enumerate(doc[:-1]):
            w = norm(tok.text)
            if not _is_cap(tok) or not (is_head(tok.text) or tok.text.lower() in tl.honorifics):
                continue
            if w in name_words().saint_words and (
                (
                    i > 0
                    and doc[i - 1].lower_
                    in name_words().place_prepositions | word_list("locative_prepositions")
                )
                or doc[i + 1].ent_type_ in {"GPE", "LOC", "FAC"}
            ):
                continue  # "founded in Saint X", "sailed from St X": a place named after a saint
            j = i + 1
            while (
                j < len(doc)
                and j - i <= 3
                and doc[j].pos_ == "PROPN"
                and _is_cap(doc[j])
                and j not in taken[si]
                and not _title_word(doc[j])
                and not _state_word(doc[j])
                and not is_regnal_numeral(doc[j].text)
            ):
                j += 1
            if j == i + 1:
                continue
            if j < len(doc) and j not in taken[si] and is_regnal_numeral(doc[j].text):
                j += 1  # "Pope Pius XI", "King Louis XIV", "Kaiser Wilhelm II"
            # after an honorific ("Lord Halifax", "Mr. Hull") a name the model tagged as a
            # place or organisation is still a person; after a title ("General Motors") not,
            # unless the name starts with a given name ("Marshal Ferdinand Foch" tagged ORG)
            honorific = tok.text.lower() in tl.honorifics or w in tl.honorifics
            named = j - i > 2 and norm(doc[i + 1].text) in name_words().given_names
            # (a run of title and names tagged WORK_OF_ART, "Prince X to Queen Y", is the
            # model's mistake, never a title of a work after a title)
            ents = [_ent_at(doc, k) for k in range(i + 1, j)]
            if any(
                e is not None
                and e.label_ != "WORK_OF_ART"
                and (not (honorific or named) or e.label_ not in {"GPE", "ORG", "NORP", "LOC"})
                for e in ents
            ):
                continue
            r = _clean_person(doc, i + 1, j, latin_doc)
            if r is None:
                continue
            s, e = r
            a = seg.offset + doc[s].idx
            b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
            out.append(SegMention(si, s, e, a, b, doc[s:e].text, "PERSON"))
            taken[si].update(range(s, e))
    return out


def _card_person_pass(state: DocState, taken: list[set[int]], latin_doc: bool) -> list[SegMention]:
    """The value of a card row naming a person ("Preceded by: X", "Spouse Y") is a person even
    when the model tagged it as a place or organisation, or left it untagged."""
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for i in range(len(doc) - 1):
            n = _label_at(doc, i, "card_person_labels")
            if n == 0 or i in taken[si]:
                continue
            a, _ = _line_bounds(doc, i)
            if i > a and not doc[i - 1].is_punct:
                continue  # a row label starts its line or follows punctuation
            j = i + n
            while j < len(doc) and doc[j].text in {":", "-", "–"}:
                j += 1
            k = j
            while (
                k < len(doc)
                and k - j < 4
                and k not in taken[si]
                and "\n" not in doc[k - 1].text_with_ws[len(doc[k - 1].text) :]
                and (_is_cap(doc[k]) or doc[k].text in PARTICLES)
                and doc[k].pos_ in {"PROPN", "NOUN", "ADP"}
                and not _label_at(doc, k, "card_labels")
            ):
                k += 1
            if k < len(doc) and k not in taken[si] and is_regnal_numeral(doc[k].text):
                k += 1
            if k - j < 2 and not (k - j == 1 and is_regnal_numeral(doc[k - 1].text)):
                continue  # a full name (or a regnal name) only
            r = _clean_person(doc, j, k, latin_doc)
            if r is None or gazetteer().candidates(doc[r[0] : r[1]].text):
                continue
            ps, pe = r
            b0 = seg.offset + doc[ps].idx
            b1 = seg.offset + doc[pe - 1].idx + len(doc[pe - 1].text)
            out.append(SegMention(si, ps, pe, b0, b1, doc[ps:pe].text, "PERSON"))
            taken[si].update(range(ps, pe))
    return out


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
