"""The place of an event trigger as its clause or sentence states it, as finely as written
(a region after a comma kept, never a fragment of a longer name nor a meeting's name)."""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING

from ..entities.lexicon import load_yaml, name_words, norm
from .phrases import (
    CLAUSE_DEPS,
    CLAUSE_EDGES,
    PLACE_LABELS,
    PLACE_ONLY,
    PLACE_PREPS,
    argument_words,
    battle_name,
    named_after_place,
    names_person,
)
from .place_names import (
    bare_name,
    is_place,
    names_state,
    place_phrase,
    place_phrase_text,
    place_words,
    site_tagged_person,
    venue,
)
from .reference import LabelOf
from .triggers import Trigger, direct_args, prep_objects, subjects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def place_of(tr: Trigger, doc_tokens: Span, label_of: LabelOf) -> str | None:
    """The place of an event as its clause or sentence states it (see :func:`_place_of`);
    never a date or a number ("the X Hurricane of 1900")."""
    found = _place_of(tr, doc_tokens, label_of)
    if found is None or not any(ch.isalpha() for ch in found):
        return None
    if norm(found) in argument_words().never_alone:  # "East" of "East and West Germany"
        return None
    return found


def _place_of(tr: Trigger, doc_tokens: Span, label_of: LabelOf) -> str | None:
    """The place of an event as its clause or sentence states it, as finely as written:
    a place attached to the trigger ("in Washington", "at X Abbey", "to Moscow" for
    journeys; "the Battle of X" names X), else the nearest place object of "in"/"at"/"near"
    on a verb above the trigger in its clause, or on a participle clause of one ("While
    campaigning in X, Y died"). A region after a comma is kept ("X Bay, Sussex",
    "Washington, D.C.")."""
    doc = doc_tokens.doc
    head = doc[tr.head]
    preps: tuple[str, ...] = PLACE_PREPS
    if tr.type == "visit":
        preps = (*PLACE_PREPS, "to")
    # a named event: "the Battle of X", "the X Earthquake" (its own name's place)
    if tr.kind == "named" or head.pos_ in {"NOUN", "PROPN"}:
        name_root = doc[tr.start : tr.end].root if tr.kind == "named" else head
        for o in prep_objects(name_root, "of"):
            if tr.type in _between_types() and names_state(o, label_of):
                continue  # "the recognition of X": the state recognised is a party
            if (
                label_of(o) in PLACE_LABELS or named_after_place(name_root, o, label_of)
            ) and not names_person(o, label_of):
                found = place_phrase_text(o, label_of)
                if found and any(ch.isalpha() for ch in found):
                    return found
        # "the X earthquake", "the X Hurricane of 1900": a town or region naming the event
        named_after = norm(name_root.lemma_) in argument_words().named_after_place
        for c in name_root.children:
            if (
                c.dep_ == "compound"
                and c.i < name_root.i
                and not _epithet(c, name_root)
                and (
                    label_of(c) in PLACE_ONLY
                    or (
                        named_after
                        and c.pos_ == "PROPN"
                        and c.text[:1].isupper()
                        and label_of(c) in {"", "ORG", "EVENT"}
                    )
                )
            ):
                found = place_phrase_text(c, label_of)
                if found:
                    return found
    if (
        head.dep_ == "relcl"
        and any(c.lower_ == "where" for c in head.children)
        and is_place(head.head, label_of)
        and not names_person(head.head, label_of)
    ):
        # "he left for Paris, where he was crowned": the place the clause hangs on
        found = place_phrase_text(head.head, label_of)
        if found:
            return found
    if head.pos_ in {"VERB", "AUX"}:
        # "Battle of X, Y: A defeats B": the battle the line is headed with, parsed as the
        # verb's subject, is where it happened;
        # "The siege of X was fought ...", "the Battle of X lasted two days": the battle told
        # by a verb of ``battle_telling_verbs`` (places.yaml) is where it was fought
        telling = norm(head.lemma_) in place_words("battle_telling_verbs") or _light_verb(head)
        passive_subjects = [c for c in head.children if c.dep_ == "nsubjpass"]
        for subj in [*subjects(head), *passive_subjects]:
            if (
                subj.i < head.i
                and battle_name(subj)
                and (
                    telling
                    or (
                        subj.text[:1].isupper() and any(t.text == ":" for t in doc[subj.i : head.i])
                    )
                )
            ):
                for o in prep_objects(subj, "of"):
                    if named_after_place(subj, o, label_of) or label_of(o) in PLACE_LABELS:
                        found = place_phrase_text(o, label_of)
                        if found:
                            return found
        # "the National Assembly at X voted", "the garrison in X surrendered": where the
        # subject sits (also of the verb an infinitive hangs on: "the Assembly at X voted to
        # accept")
        sitters = [head]
        while sitters[-1].dep_ == "xcomp" and sitters[-1].head.pos_ in {"VERB", "AUX"}:
            sitters.append(sitters[-1].head)
        for subj in (s for v in sitters for s in subjects(v)):
            if subj.pos_ in {"NOUN", "PROPN"} and not names_person(subj, label_of):
                for prep in ("at", "in"):
                    for o in prep_objects(subj, prep):
                        if (is_place(o, label_of) or bare_name(o, label_of)) and not names_person(
                            o, label_of
                        ):
                            found = place_phrase_text(o, label_of)
                            if found:
                                return found
        # "the X earthquake struck", "X police arrested Y": a town naming the subject
        for subj in subjects(head):
            for c in subj.children:
                if (
                    c.dep_ == "compound"
                    and c.i < subj.i
                    and label_of(c) in PLACE_ONLY
                    and not _epithet(c, subj)
                ):
                    found = place_phrase_text(c, label_of)
                    if found:
                        return found
    hosts = [head]
    if head.dep_ in {"dobj", "nsubjpass"} and head.head.i != head.i:
        hosts.append(head.head)
    elif head.dep_ == "pobj" and head.head.i != head.i:
        # "landing at X" on a verb, "the signing of the treaty at X": where the act the
        # trigger's preposition hangs on happened; never another noun's place ("from the
        # shots in X to the declaration of war": the shots were in X)
        host = head.head.head
        if host.pos_ in {"VERB", "AUX"} or head.head.lower_ == "of":
            hosts.append(host)
    if head.pos_ in {"NOUN", "PROPN"}:
        # "the coronation occurring at X", "the treaty signed at X": a participle on the noun
        hosts += [c for c in head.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    for h in hosts:
        for prep in preps:
            for o in prep_objects(h, prep):
                found = place_phrase(o, label_of)
                if found:
                    return found
        if h.i == head.i and head.pos_ in {"NOUN", "PROPN"}:
            # "signed in X, after the assassination of Y in Z": the place on the act's own
            # "of" object comes before any on the verb the act hangs on
            for o in prep_objects(head, "of"):
                for prep in PLACE_PREPS:
                    for x in prep_objects(o, prep):
                        found = place_phrase(x, label_of) if is_place(x, label_of) else None
                        if found:
                            return found
    found = (
        _departure_place(head, label_of)
        or _address_venue(head, label_of)
        or _subject_state_place(head, label_of)
        or _state_act_noun_place(head, label_of)
    )
    if found:
        return found
    # the place written on the act's object: "signed a memorandum of understanding in X"
    if head.pos_ in {"VERB", "AUX"}:
        for a in direct_args(head):
            x, hops = a, 0
            while x.pos_ in {"NOUN", "PROPN"} and hops < 3:
                for prep in ("in", "at"):
                    for o in prep_objects(x, prep):
                        found = place_phrase(o, label_of) if is_place(o, label_of) else None
                        if found:
                            return found
                nxt = prep_objects(x, "of")
                if not nxt:
                    break
                x, hops = nxt[0], hops + 1
    # the place of the trigger's target: "a strike against the naval base at X"
    for h in hosts:
        for c in h.children:
            if c.dep_ not in {"prep", "agent"} or c.lower_ in preps:
                continue
            for o in (g for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}):
                for prep in PLACE_PREPS:
                    for x in prep_objects(o, prep):
                        found = place_phrase(x, label_of) if is_place(x, label_of) else None
                        if found:
                            return found
    # the verbs above the trigger in its clause ("X was crowned ... at Y", "landing at Y"),
    # and participle clauses on them ("While campaigning in Y, X died"): the nearest place
    best: tuple[int, str] | None = None
    chain: list[Token] = []
    cur = head
    while cur.head.i != cur.i and cur.dep_ not in CLAUSE_EDGES:
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            chain.append(cur)
    carriers = list(chain)
    for v in [head, *chain]:
        carriers += [c for c in v.children if c.dep_ == "advcl" and c.tag_ in {"VBG", "VBN"}]
        # "Leaders of the powers, meeting in X, pressed Y": a participle on the subject
        carriers += [
            c
            for subj in subjects(v)
            for c in subj.children
            if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"}
        ]
        if v.dep_ == "conj" and v.pos_ in {"VERB", "AUX"}:
            # "While campaigning in Y, X fell ill and died": a participle clause written
            # before the first of coordinated verbs belongs to each of them
            first = v.head
            carriers += [
                c
                for c in first.children
                if c.dep_ == "advcl" and c.tag_ in {"VBG", "VBN"} and c.i < first.i
            ]
    for v in carriers:
        if not doc_tokens.start <= v.i < doc_tokens.end:
            continue
        for prep in PLACE_PREPS:
            for o in prep_objects(v, prep):
                # "At the Battle of X, A defeated B": the battle names the place
                sited = is_place(o, label_of) or battle_name(o)
                found = place_phrase(o, label_of) if sited else None
                if found and (best is None or abs(o.i - head.i) < best[0]):
                    best = (abs(o.i - head.i), found)
    if best is not None:
        return best[1]
    return (
        _target_place(head, tr, label_of)
        or _into_place(head, label_of)
        or _chamber_place(head, label_of)
        or _clause_place(head, doc_tokens, label_of)
        or _first_conjunct_place(head, doc_tokens, label_of)
        or _when_clause_place(tr, doc_tokens, label_of)
    )


def _into_place(head: Token, label_of: LabelOf) -> str | None:
    """Where a movement went: the place after "into" on a verb of ``into_verbs`` (places.yaml:
    "marched into X", "crossed into X", "fled into X"). Not "divided into X and Y" or "turned
    into a republic": the object of those is what came of the act, not where it happened."""
    if head.pos_ not in {"VERB", "AUX"} or norm(head.lemma_) not in place_words("into_verbs"):
        return None
    for o in prep_objects(head, "into"):
        if (is_place(o, label_of) or bare_name(o, label_of)) and not names_person(o, label_of):
            found = place_phrase(o, label_of) or place_phrase_text(o, label_of)
            if found:
                return found
    return None


#: dependencies an act hangs on a chamber's verb by ("rejected it in votes held in May")
_CHAMBER_HOPS = frozenset({"acl", "relcl", "pobj", "prep", "dobj", "xcomp"})


def _chamber_place(head: Token, label_of: LabelOf) -> str | None:
    """Where a chamber acted: a body of ``venue_heads`` (names.yaml: "the Senate", "the
    National Assembly") as the subject of a verb of ``chamber_acts`` (places.yaml: "the
    Senate rejected the treaty", "Parliament passed the act") is where it happened; also for
    an act that hangs on such a verb ("rejected it in votes held in May"). Not the agent of
    a passive ("the act was passed by the X Parliament"): pages name one body in many ways,
    and the merge would take two such names for two places."""
    acts = place_words("chamber_acts")
    verbs = [head]
    cur = head
    while cur.head.i != cur.i and len(verbs) < 4 and cur.dep_ in _CHAMBER_HOPS:
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            verbs.append(cur)
    for v in verbs:
        if v.pos_ not in {"VERB", "AUX"} or norm(v.lemma_) not in acts:
            continue
        for b in (s for s in subjects(v) if s.dep_ != "nsubjpass"):
            if (
                venue(b, label_of)
                and not names_person(b, label_of)
                and not any(is_place(o, label_of) for o in prep_objects(b, "of"))
            ):  # "the Congress of X decided": a meeting named after its town
                found = place_phrase_text(b, label_of)
                if found:
                    return found
    return None


def _light_verb(head: Token) -> bool:
    """A verb that only says something happened ("took place", "occurred"; places.yaml
    ``light_verbs``)."""
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    words = place_words("light_verbs")
    lemma = norm(head.lemma_)
    return lemma in words or any(
        c.dep_ == "dobj" and f"{lemma} {norm(c.lemma_)}" in words for c in head.children
    )


def _when_clause_place(tr: Trigger, doc_tokens: Span, label_of: LabelOf) -> str | None:
    """The place of the "when" clause of a verb that only says something happened: "the
    worst fire took place when a blaze killed 90 people at the X Theatre in Y"."""
    head = doc_tokens.doc[tr.head]
    if tr.kind == "named" or not _light_verb(head):
        return None
    for c in head.children:
        if c.dep_ != "advcl" or c.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(g.lower_ == "when" and g.i < c.i for g in c.children):
            continue
        found = _place_of(dataclasses.replace(tr, head=c.i), doc_tokens, label_of)
        if found:
            return found
    return None


def _first_conjunct_place(head: Token, sent: Span, label_of: LabelOf) -> str | None:
    """The place of the first of coordinated verbs with one subject, for a later one whose
    clause names none: "the delegates met in X and signed the accord", "In X, the minister
    read the note and told the envoy". After a verb of ``moving_verbs`` (places.yaml) only
    where the journey went, even for a later clause of its own subject ("left X for Y and the
    assembly elected him": Y); never where it set out or what was no journey ("was born in X
    and died in 1900", "left X and sailed home"; ``arrival_blind_verbs``)."""
    if head.pos_ not in {"VERB", "AUX"} or head.dep_ != "conj":
        return None
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in head.children)
    if any(
        t.ent_type_ in {"DATE", "TIME"}
        for c in head.children
        if c.dep_ != "conj"
        for t in c.subtree
    ):
        return (
            None  # a date of its own: another episode ("elected in X in 1901 and resigned in 1905")
        )
    first = head.head
    while first.dep_ == "conj" and first.head.pos_ in {"VERB", "AUX"}:
        first = first.head
    if first.pos_ not in {"VERB", "AUX"} or not sent.start <= first.i < sent.end:
        return None
    if norm(first.lemma_) in _moving_verbs():
        # "X left A for B and the assembly elected him", "fled to B and was arrested": the
        # next act happened where the journey went (not "left A and sailed home")
        if norm(first.lemma_) in place_words("arrival_blind_verbs"):
            return None
        goal = _destination([first, *(a for a in direct_args(first) if a.pos_ == "NOUN")], label_of)
        return place_phrase_text(goal, label_of) if goal is not None else None
    if own_subject:
        return None  # a subject of its own: another clause
    for prep in PLACE_PREPS:
        for o in prep_objects(first, prep):
            if is_place(o, label_of) and not names_person(o, label_of):
                found = place_phrase(o, label_of)
                if found:
                    return found
    return None


@functools.lru_cache(maxsize=1)
def _moving_verbs() -> frozenset[str]:
    data = load_yaml("places.yaml") or {}
    return frozenset(norm(str(w)) for w in data.get("moving_verbs") or ())


_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT"})


def _epithet(c: Token, head: Token) -> bool:
    """A word before ``head`` that is never a place alone ("Great" of "the Great Flood",
    "First" of "the First Riot", places.yaml ``never_alone``): part of the event's name,
    no place naming it."""
    return c.i < head.i and norm(c.text) in argument_words().never_alone


def _departure_place(head: Token, label_of: LabelOf) -> str | None:
    """Where an act of sending away happened: the place after "from" on a verb of
    ``departure_verbs`` (places.yaml), or on its object: "recalled its envoy from X", "the
    consuls were expelled from X" (a lone name the tagger took for a person counts)."""
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    hosts = [head, *(a for a in direct_args(head) if a.pos_ == "NOUN")]
    if norm(head.lemma_) not in argument_words().departure_verbs:
        # not a journey's start ("set sail from X"): another page tells where it went, and
        # two such places would keep the two tellings apart
        return None
    for o in (o for h in hosts for o in prep_objects(h, "from")):
        site = (is_place(o, label_of) or bare_name(o, label_of)) and not names_person(o, label_of)
        if site or site_tagged_person(o, o.head, label_of):
            found = place_phrase(o, label_of) or place_phrase_text(o, label_of)
            if found:
                return found
    return None


#: prepositions whose place object is where a journey went
_TOWARD_PREPS = ("to", "for", "towards", "toward", "into", "onto")


def _destination(hosts: list[Token], label_of: LabelOf) -> Token | None:
    """The place a journey went to: a place or a name after "to"/"for"/"into"/... on the
    verb or its object ("left X for Y", "sailed for the Canaries"; not "for the conquest of
    Y", a purpose)."""
    for h in hosts:
        for prep in _TOWARD_PREPS:
            for o in prep_objects(h, prep):
                named = o.pos_ == "PROPN" and o.text[:1].isupper()
                if (is_place(o, label_of) or named) and not names_person(o, label_of):
                    return o
    return None


def _subject_state_place(head: Token, label_of: LabelOf) -> str | None:
    """Where a state underwent an act of ``subject_place_acts`` (places.yaml): the state
    itself ("India became independent", "X came into being", "X was founded in 1822"). A
    verb given alone ("found *") counts in the passive only: the active subject founded
    something elsewhere."""
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    acts = argument_words().subject_place_acts
    lemma = norm(head.lemma_)
    words = {
        w
        for c in head.children
        for x in (c, *(g for g in c.children if c.dep_ == "prep"))
        if c.dep_ in {"acomp", "attr", "dobj", "prep", "prt", "oprd", "advmod"}
        for w in (norm(x.lemma_), norm(x.text))
    }
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in head.children)
    # "found *" is read as ("found", ""): the YAML's words are normalised, "*" to nothing
    alone = (lemma, "*") in acts or (lemma, "") in acts
    if not ((passive and alone) or any((lemma, w) in acts for w in words if w)):
        return None
    undergoers = [c for c in head.children if c.dep_ == "nsubjpass"] if passive else []
    for subj in [*undergoers, *subjects(head)]:
        if names_person(subj, label_of):
            continue
        if label_of(subj) == "GPE" or names_state(subj, label_of) or _town_by_apposition(subj):
            found = place_phrase_text(subj, label_of)
            if found:
                return found
        if subj.pos_ == "NOUN" and subj.text.islower():
            # "the nations of X and Y were created", "the kingdoms of X and Y were united"
            found = _named_state(prep_objects(subj, "of")[:1], label_of)
            if found:
                return found
    return None


def _town_by_apposition(t: Token) -> bool:
    """A capitalised name that an apposition calls a town, a port or a like place ("X, the
    plant's company town, was emptied"; ``place_of_nouns`` of names.yaml), whatever the
    tagger took it for."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and any(
            c.dep_ == "appos" and norm(c.lemma_) in name_words().place_of_nouns for c in t.children
        )
    )


def _named_state(objs: list[Token], label_of: LabelOf) -> str | None:
    """The first state a noun's "of"-object names: the object itself ("of X"), or the first
    in apposition to it ("of two dominions, X and Y"); never an organisation."""
    for o in objs:
        cands = [o] if o.pos_ == "PROPN" else [c for c in o.children if c.dep_ == "appos"]
        for c in cands:
            if names_person(c, label_of):
                continue
            label = label_of(c)
            if c.pos_ == "PROPN" and (
                label in {"GPE", "STATE"} or (label in {"", "LOC"} and names_state(c, label_of))
            ):  # not an organisation ("the creation of the League of X")
                found = place_phrase_text(c, label_of)
                if found:
                    return found
    return None


def _state_act_noun_place(head: Token, label_of: LabelOf) -> str | None:
    """Where a state underwent an act told by a noun of ``state_act_nouns`` (places.yaml):
    the state after "of" ("the partition of X", "the independence of X"), or the first state
    in apposition to that object ("the creation of two dominions, X and Y"). The noun form
    of ``subject_place_acts``."""
    if head.pos_ != "NOUN" or norm(head.lemma_) not in place_words("state_act_nouns"):
        return None
    return _named_state(prep_objects(head, "of")[:1], label_of)


def _address_venue(head: Token, label_of: LabelOf) -> str | None:
    """Where words were said to a body: a verb of ``address_verbs`` (places.yaml) whose hearer,
    after "to"/"before" on the verb or on its object or as the object itself, is a body of
    ``venue_heads`` ("set out the policy to the House of X", "spoke before Congress",
    "addressed the Senate"): the body's seat is the place."""
    if head.pos_ not in {"VERB", "AUX"} or norm(head.lemma_) not in argument_words().address_verbs:
        return None
    args = direct_args(head)
    cands = [a for a in args if a.dep_ == "dobj"] if norm(head.lemma_) == "address" else []
    for h in (head, *args):
        for prep in ("to", "before"):
            cands += prep_objects(h, prep)
    for o in cands:
        if venue(o, label_of) and not names_person(o, label_of):
            found = place_phrase_text(o, label_of)
            if found:
                return found
    return None


#: prepositions whose place object, anywhere in the trigger's own clause, locates the event
_CLAUSE_PLACE_PREPS = (
    *PLACE_PREPS,
    "over",
    "across",
    "throughout",
    "within",
    "through",
    "along",
    "on",
    "off",
)

#: prepositions whose object is a site only when it is a land feature, a building or a town
#: ("on the beach at X", "on the Somme", "on Java"), never a state ("declared war on X")
_FEATURE_PREPS = frozenset({"on"})


#: prepositions after which a lone name the tagger took for an organisation is a site
_SITE_PREPS = frozenset({"at", "in", "near", "outside", "off"})


def _target_place(head: Token, tr: Trigger, label_of: LabelOf) -> str | None:
    """The place an act is done to ("invaded X", "X was evacuated", "the attack on X", "the
    occupation of X"): the object of a verb or noun of ``place_target_words`` (names.yaml)."""
    if norm(head.lemma_) not in name_words().place_target_words:
        return None
    if head.pos_ in {"VERB", "AUX"}:
        passive = any(c.dep_ == "auxpass" for c in head.children)
        objs = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        if passive:
            objs += [c for c in head.children if c.dep_ == "nsubjpass"]
    else:
        objs = [
            *prep_objects(head, "on"),
            *prep_objects(head, "of"),
            *prep_objects(head, "against"),
        ]
    for o in objs:
        if is_place(o, label_of) and not names_person(o, label_of):
            found = place_phrase_text(o, label_of)
            if found:
                return found
    return None


def _own_clause(head: Token, sent: Span) -> list[Token]:
    """The tokens of the clause that states the trigger, without the sub-clauses and noun
    clauses hanging on it that do not contain the trigger."""
    clause = head
    while (
        clause.pos_ not in {"VERB", "AUX"}
        and clause.head.i != clause.i
        and clause.dep_ not in CLAUSE_DEPS
    ):
        clause = clause.head
    excluded: set[int] = set()
    tree = list(clause.subtree)  # walked once, read twice
    for t in tree:
        if t.i != clause.i and t.dep_ in _SUB_CLAUSE_DEPS:
            sub = {x.i for x in t.subtree}
            if head.i not in sub:
                excluded |= sub
    return [t for t in tree if t.i not in excluded and sent.start <= t.i < sent.end]


#: marks that open an aside ("— 1 p.m. in X —", "(1 p.m. in X)")
_ASIDE_OPEN = frozenset({"—", "–", "-", "--", "(", "["})


def _aside(t: Token) -> bool:
    """A phrase written as an aside between dashes or brackets: a clock time told in
    another place's zone ("— 1 p.m. in X —") says nothing of where the act happened."""
    start = min(x.i for x in t.subtree)
    doc = t.doc
    return doc[start].text in _ASIDE_OPEN or (start > 0 and doc[start - 1].text in _ASIDE_OPEN)


#: the dependencies that hang a sub-clause or a noun clause on a clause
_SUB_CLAUSE_DEPS = CLAUSE_EDGES | CLAUSE_DEPS


def _clause_place(head: Token, sent: Span, label_of: LabelOf) -> str | None:
    """The place the trigger's own clause names when nothing ties one to the trigger: the
    nearest place object of "in"/"at"/"over"/... in the clause ("the residents fled, in
    panic, across X"), else the nearest town or region the clause names that is no state
    ("X said nothing", "the residents of X awoke"). A state names a place only after a
    preposition: written as a subject or an object it is a party."""
    toks = _own_clause(head, sent)
    ids = {t.i for t in toks}
    best: tuple[int, str] | None = None
    for t in toks:
        if t.dep_ != "prep" or t.lower_ not in _CLAUSE_PLACE_PREPS:
            continue
        h = t.head
        if h.dep_ == "prep" and (h.head.i == head.i or h.head.pos_ in {"VERB", "AUX"}):
            h = h.head  # "on 4 March at X": the place hangs on the date's preposition
        elif (
            t.lower_ in _SITE_PREPS
            and h.dep_ == "pobj"
            and h.head.dep_ == "prep"
            and h.head.lower_ in place_words("occasion_preps")
            and h.head.head.i == head.i
            and h.head.i < head.i
        ):
            h = h.head.head  # "Over lunch at X, the king promised": the occasion's place
        if h.ent_type_ == "TIME" and _aside(h):
            continue  # "that Monday (1 p.m. in X) the news read ...": a clock's place
        on_act = h.i == head.i or h.pos_ in {"VERB", "AUX"} or h.ent_type_ in {"DATE", "TIME"}
        if not on_act and not (h.dep_ in {"dobj", "nsubjpass"} and h.head.i == head.i):
            continue  # "the rise of regimes in X": the place of another noun
        for o in (g for g in t.children if g.dep_ == "pobj" and g.i in ids):
            if t.lower_ in _FEATURE_PREPS:
                feature = label_of(o) in {"LOC", "FAC"} or (
                    label_of(o) == "GPE" and not names_state(o, label_of)
                )
                if feature and not names_person(o, label_of):
                    found = place_phrase_text(o, label_of)
                    if found and (best is None or abs(o.i - head.i) < best[0]):
                        best = (abs(o.i - head.i), found)
                continue
            site = (
                is_place(o, label_of)
                or (t.lower_ in _SITE_PREPS and bare_name(o, label_of))
                or (
                    t.lower_ in {"at", "in", "inside"}
                    and label_of(o) == "ORG"
                    and o.text[:1].isupper()
                    and norm(o.text) in name_words().venue_heads
                )  # "spoke at the X Assembly": the body's seat
            ) and not names_person(o, label_of)
            if site or (t.lower_ in _SITE_PREPS and site_tagged_person(o, t, label_of)):
                found = place_phrase_text(o, label_of)
                if found and (best is None or abs(o.i - head.i) < best[0]):
                    best = (abs(o.i - head.i), found)
            elif t.lower_ == "off" and o.pos_ == "NOUN" and o.text.islower():
                # "sank off the coast of X": the place the coast or the cape is "of"
                found = place_phrase(o, label_of)
                if found and (best is None or abs(o.i - head.i) < best[0]):
                    best = (abs(o.i - head.i), found)
    if best is not None:
        return best[1]
    for t in sorted(toks, key=lambda x: abs(x.i - head.i)):
        if t.dep_ == "pobj" and not (t.head.lower_ == "of" and t.head.head.dep_ in _ARG_DEPS):
            continue  # "the residents of X", not "the rise of regimes in X"
        if t.dep_ == "nsubj" and t.head.i == head.i and head.pos_ in {"VERB", "AUX"}:
            continue  # "X declared war": the active subject acts, it is no place
        if (
            (t.dep_ in _ARG_DEPS or t.dep_ == "pobj")
            and t.pos_ == "PROPN"
            and label_of(t) in PLACE_ONLY
            and not names_person(t, label_of)
        ):
            found = place_phrase_text(t, label_of)
            if found:
                return found
    return None


@functools.lru_cache(maxsize=1)
def _between_types() -> frozenset[str]:
    """Acts between states (places.yaml ``between_states_types``)."""
    data = load_yaml("places.yaml") or {}
    return frozenset(str(t) for t in data.get("between_states_types") or ())
