"""What a place name is and the text it is written with: the names an event's place is
taken from (a place the tagger found, a building or a chamber, a lone name after a
preposition of place, a state), with its region after a comma, never a fragment of a longer
name nor a meeting's name. :mod:`histograph.events.places` reads the clause around them."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ..entities.lexicon import load_yaml, name_words, norm
from .phrases import (
    EDGE,
    PLACE_LABELS,
    PLACE_PREPS,
    argument_words,
    battle_name,
    names_person,
    phrase_bounds,
    skip_epithets,
    state_of_word,
)
from .reference import LabelOf
from .triggers import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def is_place(t: Token, label_of: LabelOf) -> bool:
    """A place name: tagged a place, or a building or a chamber the model tagged as an
    organisation ("the House of X", "the X Palace"; a head word of ``names.yaml``). The name
    of a meeting is none ("the X Peace Conference": its town is the place)."""
    if norm(t.lemma_) in name_words().meeting_nouns or (
        battle_name(t) and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
    ):
        return False  # "the Battle of X": X is the place (see place_phrase)
    if polity_place(t, label_of):
        return True
    if label_of(t) in PLACE_LABELS or any(
        label_of(c) in PLACE_LABELS for c in t.children if c.dep_ == "compound"
    ):
        return True
    return (
        label_of(t) in {"ORG", "FAC"}
        and t.text[:1].isupper()
        and norm(t.text) in name_words().place_heads
    )


def polity_place(t: Token, label_of: LabelOf) -> bool:
    """A common noun of ``polity_nouns`` (places.yaml) that a demonym or a name modifies:
    "the Irish republic", "the Ottoman province"."""
    return (
        t.pos_ == "NOUN"
        and t.text.islower()
        and norm(t.lemma_) in argument_words().polity_nouns
        and any(
            c.dep_ in {"amod", "compound"} and label_of(c) in {"NORP", "GPE", "STATE", "LOC"}
            for c in t.children
        )
    )


def unlabelled_name(t: Token, label_of: LabelOf) -> bool:
    """A capitalised proper noun that names no person, group or organisation (in "the
    Battle of X" it is the place the event is named after)."""
    return (
        t.pos_ == "PROPN" and t.text[:1].isupper() and label_of(t) not in {"PERSON", "ORG", "NORP"}
    )


def region_after(doc: Doc, e: int, label_of: LabelOf) -> int:
    """End of a place phrase with the region named after a comma: "X Bay, Sussex",
    "Washington, D.C.", "X, Wales" (not the next member of a list: "X, Y and Z")."""
    if e + 1 >= len(doc) or doc[e].text != ",":
        return e
    r = doc[e + 1]
    abbrev = r.text.isupper() and len(r.text.replace(".", "")) <= 3 and r.text[:1].isalpha()
    if not (r.pos_ == "PROPN" and (label_of(r) in PLACE_LABELS or abbrev)):
        return e
    k = e + 2
    while k < len(doc) and doc[k].pos_ == "PROPN" and label_of(doc[k]) == label_of(r):
        k += 1
    if k < len(doc) and doc[k].lower_ in {"and", "or", "&"}:
        return e  # a list of places
    if k + 1 < len(doc) and doc[k].text == "," and is_place(doc[k + 1], label_of):
        return e
    return k


def place_phrase(o: Token, label_of: LabelOf) -> str | None:
    """The place named by a preposition's object: the name with its region ("X Bay, Sussex"),
    or the place an event noun names ("at the Battle of X" -> X; "at the X Conference" -> X)."""
    if norm(o.lemma_) in name_words().meeting_nouns:
        for c in o.children:
            if c.dep_ == "compound" and c.i < o.i and label_of(c) in PLACE_LABELS:
                return place_phrase_text(c, label_of)
    if not is_place(o, label_of):
        town = norm(o.lemma_) in name_words().place_of_nouns and not o.text[:1].isupper()
        for of in prep_objects(o, "of"):
            if (
                is_place(of, label_of)
                or (o.text[:1].isupper() and unlabelled_name(of, label_of))
                or (town and of.pos_ == "PROPN" and label_of(of) not in {"PERSON", "NORP"})
            ):  # "at the Battle of X", "in the city of X"
                return place_phrase_text(of, label_of)
        if o.pos_ == "NOUN" and o.text.islower():
            # "in a railway carriage in the Forest of X", "at a farm near X"
            for prep in PLACE_PREPS:
                for x in prep_objects(o, prep):
                    if is_place(x, label_of) and not names_person(x, label_of):
                        return place_phrase_text(x, label_of)
        return None
    return place_phrase_text(o, label_of)


def place_phrase_text(o: Token, label_of: LabelOf) -> str | None:
    doc = o.doc
    s, e = phrase_bounds(o)
    while s < e and (
        doc[s].lower_ == "the"
        or doc[s].pos_ == "DET"
        or (s < o.i and doc[s].ent_type_ in {"DATE", "TIME"})
    ):
        s += 1  # "On 9 May 1920 X held ...": the date the parser hung on the name
    s = skip_epithets(doc, s, e)
    if s >= e:
        return None
    # "the Hall of Mirrors of the Palace of X": capitalised "of"-complements belong to it
    while e + 1 < len(doc) and doc[e].lower_ == "of":
        k = e + 1
        if doc[k].lower_ == "the":
            k += 1
        if k >= len(doc) or doc[k].pos_ != "PROPN" or not doc[k].text[:1].isupper():
            break
        if doc[k].head.i != e and doc[k].head.head.i != e:
            break
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].head.i > k:
            k += 1
        e = k + 1
    if (
        label_of(o) in {"FAC", "ORG", "LOC"}
        and e + 1 < len(doc)
        and doc[e].lower_ == "in"
        and s <= doc[e].head.i < e
        and doc[e + 1].head.i == e
        and doc[e + 1].pos_ == "PROPN"
        and label_of(doc[e + 1]) in {"GPE", "LOC", "FAC", ""}
    ):
        # "at the X Theatre in Y, Z": a building with the town it stands in
        _, town_end = phrase_bounds(doc[e + 1])
        e = max(e, town_end)
    e = region_after(doc, e, label_of)
    text = doc[s:e].text.strip(EDGE.replace(".", ""))
    return text or None


@functools.lru_cache(maxsize=1)
def _places_data() -> dict[str, Any]:
    """places.yaml parsed once for every word list asked of it (read only): a list first
    asked by a page's text after the warm-up did not parse the file again."""
    data: dict[str, Any] = load_yaml("places.yaml") or {}
    return data


@functools.cache
def place_words(key: str) -> frozenset[str]:
    return frozenset(norm(str(w)) for w in _places_data().get(key) or ())


def venue(o: Token, label_of: LabelOf) -> bool:
    """A body that sits in one building ("the House of X", "the Senate", "Congress")."""
    return (
        o.pos_ in {"PROPN", "NOUN"}
        and o.text[:1].isupper()
        and label_of(o) in {"ORG", "FAC", ""}
        and norm(o.text) in (name_words().venue_heads | name_words().place_heads)
    )


def bare_name(t: Token, label_of: LabelOf) -> bool:
    """A lone capitalised name with no words of its own ("at X"): after a preposition of
    place it is a town even when the tagger took it for an organisation."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and not t.text.isupper()
        and label_of(t) in {"ORG", ""}
        and not any(
            c.dep_ in {"compound", "amod", "flat", "det"} and not hyphened(c, t) for c in t.children
        )
    )


def hyphened(c: Token, t: Token) -> bool:
    """``c`` is joined to ``t`` by a hyphen with no space: one word ("Brest-Litovsk")."""
    doc = t.doc
    return (
        c.i == t.i - 2
        and doc[c.i + 1].text in {"-", "‑"}
        and not c.whitespace_
        and not doc[c.i + 1].whitespace_
    )


def site_tagged_person(o: Token, prep: Token, label_of: LabelOf) -> bool:
    """A lone one-word name the tagger took for a person (or, after "at"/"near", for a
    people), after "in"/"at"/"near" on a verb that aims at no one (places.yaml
    ``aim_verbs``: "fired at X", "laughed at X"), written nowhere on the page as part of a
    longer person's name: a site ("gathered at X"). "In" a people's word is a language."""
    label = label_of(o)
    if not (
        o.pos_ == "PROPN"
        and o.text[:1].isupper()
        and not o.text.isupper()
        and (label == "PERSON" or (label == "NORP" and prep.lower_ != "in"))
        and not any(c.dep_ in {"compound", "amod", "flat", "det", "poss"} for c in o.children)
        and prep.head.pos_ in {"VERB", "AUX"}
        and norm(prep.head.lemma_) not in aim_verbs()
    ):
        return False
    # "John Smith ... at Smith": a person's surname
    return not any(
        x.i != o.i
        and x.text == o.text
        and (
            x.dep_ in {"compound", "flat"}
            or any(c.dep_ in {"compound", "flat"} for c in x.children)
        )
        for x in o.doc
    )


@functools.lru_cache(maxsize=1)
def aim_verbs() -> frozenset[str]:
    data = load_yaml("places.yaml") or {}
    return frozenset(norm(str(w)) for w in data.get("aim_verbs") or ())


def names_state(o: Token, label_of: LabelOf) -> bool:
    return label_of(o) == "STATE" or (
        o.pos_ == "PROPN" and state_of_word(place_phrase_text(o, label_of) or o.text) is not None
    )
