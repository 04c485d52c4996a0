"""What one document says about its capitalised words (:class:`Evidence`, built once per
document: its places, the names it writes as places or organisations, in lower case, as
subjects), and the context tests that read it to tell a name the model tagged PERSON that
names a place, an organisation, a structure or a group."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import is_head, name_words, norm, titles
from .states import gazetteer
from .tokens import POSSESSIVE, SUBJECT_DEPS, is_cap, title_word, titled_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..state import DocState


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
class Evidence:
    """What one document says about its capitalised words (built once per document)."""

    places: frozenset[str]  # names of its places (GPE/LOC/FAC) and seats of government
    other_label: frozenset[str]  # single words tagged place/organisation more than person
    of_places: frozenset[str]  # "the port of X", "the Treaty of X", "the treaties of X and Y"
    lower_words: frozenset[str]  # words and lemmas the document writes in lower case
    surnames: frozenset[str] = frozenset()  # last words of the model's multi-word PERSON names
    acting: frozenset[str] = frozenset()  # PERSON names written as a subject or a possessor


def document_evidence(state: DocState) -> Evidence:
    return Evidence(
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
            possessed = ent.end < len(doc) and doc[ent.end].text in POSSESSIVE
            if ent.root.dep_ in SUBJECT_DEPS or possessed:
                out.add(norm(ent.text))
    return out


def place_by_context(doc: Doc, s: int, e: int, ev: Evidence) -> bool:
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
    while k >= 0 and norm(doc[k].text) in nw.saint_words and is_cap(doc[k]):
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
        if owner.ent_type_ == "PERSON" or title_word(owner):
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
        if not is_cap(noun) and (
            norm(noun.lemma_) in nw.place_nouns_after or norm(noun.text) in nw.place_of_nouns
        ):
            return True  # "the viceregal palace (X)"
    if prev.text == "," and k >= 1:
        before = doc[k - 1]
        if before.ent_type_ in place_labels or norm(before.text) in ev.of_places:
            return True  # "the Battle of A, X:"
    return False


def modifier_only(doc: Doc, s: int, e: int, ev: Evidence) -> bool:
    """A name that only modifies a common noun after it ("the X conquest", "X accounts say",
    "our last X Y king", "captured X legislature"): an adjective or a demonym, not a person,
    unless the document names it as a person elsewhere or it starts with a given name."""
    root = doc[s:e].root
    head = root.head
    if root.dep_ not in {"compound", "amod", "nmod"} or head.i < e or is_cap(head):
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
            if tok.dep_ != "pobj" or tok.head.lower_ != "of" or not is_cap(tok):
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
                if not is_cap(t) or t.pos_ != "PROPN":
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
                    if not (is_cap(doc[a - 1]) or doc[a - 1].text in {"-", "–"}):
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


_ORDINAL_NUM = re.compile(r"\d+(?:st|nd|rd|th)$", re.IGNORECASE)


def place_or_org(doc: Doc, s: int, e: int, ev: Evidence) -> str | None:
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


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _listed_with_places(root: Token, first: Token) -> bool:
    """True when a name ending in a place word ("Telegraph Hill") whose first word is no
    given name stands where places stand: in a list with a place name, or (itself or a
    conjunct) the object of a place preposition ("to Chinatown, Telegraph Hill and ...")."""
    nw = name_words()
    if norm(first.text) in nw.given_names:
        return False
    near = [root, *root.conjuncts]
    if any(t.ent_type_ == "PERSON" for t in root.conjuncts):
        return False
    if any(t.ent_type_ in _PLACE_LABELS for t in root.conjuncts):
        return True
    return any(
        t.dep_ == "pobj" and norm(t.head.text) in nw.place_prepositions | _TOWARDS for t in near
    )


#: prepositions of movement that take a place as readily as the place prepositions
_TOWARDS = frozenset({"to", "from", "through", "towards", "toward"})


def not_a_person(doc: Doc, s: int, e: int, ev: Evidence) -> bool:
    """Context showing that a name the model tagged PERSON names a place, a structure, a
    group or an event: "the Berlin Wall", "Checkpoint Charlie", "the Schöneberg town hall",
    "most Berliners". Not applied after a title or an honorific (then it is a person)."""
    nw = name_words()
    places, other_label = ev.places, ev.other_label
    words = [t for t in doc[s:e] if any(c.isalpha() for c in t.text)]
    if not words:
        return True
    prev = doc[s - 1] if s > 0 else None
    if titled_before(doc, s):
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
    modifies = root.dep_ in {"compound", "nmod", "amod"} and head.i >= e and not is_cap(head)
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
        len(words) == 1
        or _names_place(words[0].text, places)
        or first in nw.place_prefixes
        or _listed_with_places(root, words[0])
    ):
        return True  # "Berlin Wall"; "Gate" alone; "Chinatown, Telegraph Hill and North Beach"
    if (
        prev is not None
        and prev.lower_ == "of"
        and s >= 2
        and norm(doc[s - 2].lemma_) in nw.time_of_nouns
    ):
        return True  # "the month of Ramadan", "the feast of Pentecost"
    if (
        prev is not None
        and prev.lower_ == "of"
        and s >= 2
        and doc[s - 2].text[:1].isupper()
        and (is_head(doc[s - 2].text) or norm(doc[s - 2].text) in titles().honorifics)
    ):
        return True  # the land of a title: "Earl of Mercia", "Bishop of Bayeux"
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} and c.i < s for c in root.children):
        return True  # "a Bosnian Serb": a noun with an indefinite article names no one
    if len(words) == 1:
        w = words[0]
        if w.tag_ == "NNS":
            return True  # a common plural ("Berliners" parsed as a noun)
        if (
            norm(w.text) in nw.combining_forms
            and not w.whitespace_
            and w.i + 1 < len(doc)
            and doc[w.i + 1].text in {"-", "‐", "–"}
        ):
            return True  # "Austro" of "Austro-Hungarian"
        k = e + (1 if e < len(doc) and doc[e].lower_ == "of" else 0)
        if k > e and k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k > e and k < len(doc) and norm(doc[k].lemma_) in nw.battle_nouns | nw.event_of_nouns:
            return True  # "the Song of the Battle of X": the first word of a work's title
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
