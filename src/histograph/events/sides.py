"""Who stands behind a participant or an act: the states and bodies behind a group, a role
or an office ("German troops", "the Danish envoy to X", "Soviet Foreign Minister X"), the
states of a hyphened pair or modifier ("US-Soviet", "U.S.-backed"), the state an act of
separation leaves, who entered an event ("the Italian entry into the war"), who was drawn
into it and who a demand is addressed to. Helpers of :mod:`.participants`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..entities.lexicon import is_head, norm
from .phrases import (
    PARTICIPANT_LABELS,
    STATE_LABELS,
    argument_words,
    entity_like,
    phrase_bounds,
    state_of_word,
    state_word,
)
from .reference import EntityAt, LabelOf
from .triggers import direct_args, prep_objects, subjects, with_conjuncts

if TYPE_CHECKING:
    from spacy.tokens import Token

#: "U.S.-backed", "Soviet-led": a state's name or demonym joined to a verb of backing
BACKED = re.compile(r"^(?P<who>[A-Z][\w.]*?)[-‑–](?P<verb>[a-z]+)$")


def states_left(host: Token, label_of: LabelOf) -> list[Token]:
    """The states an act of separation leaves: the object of "from" on a word of
    ``separation_words`` (participants.yaml; the trigger or a word on it: "independent",
    "independence", "away"), a state's name or the demonym on a noun of rule ("Spanish
    rule", "Ottoman control": ``rule_nouns``)."""
    words = argument_words()
    holders = [
        h
        for h in (host, *host.children)
        if norm(h.lemma_) in words.separation_words or norm(h.text) in words.separation_words
    ]
    if holders and holders[0] is not host:
        holders.append(host)  # "broke away from X", "won independence from X": on the verb
    if host.dep_ in {"dobj", "acomp"} and norm(host.lemma_) in words.separation_words:
        holders.append(host.head)  # the trigger is the noun: "gained independence from X"
    out: list[Token] = []
    for h in holders:
        for o in prep_objects(h, "from"):
            if label_of(o) in STATE_LABELS:
                out.append(o)
            elif norm(o.lemma_) in words.rule_nouns:
                out.extend(
                    m
                    for m in o.children
                    if m.dep_ in {"amod", "compound", "nmod", "poss"}
                    and label_of(m) in STATE_LABELS
                )
    return out


def behind(tok: Token, label_of: LabelOf) -> list[Token]:
    """Who stands behind a group written as a common noun: its possessor ("Castro's
    revolutionaries", "his army", "the king's men") or its state named by a demonym or a
    name ("German troops", "the Cuban exiles", "US-Soviet talks"): they take part too."""
    if tok.pos_ != "NOUN" or label_of(tok) in PARTICIPANT_LABELS:
        return []
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "poss" and c.i < tok.i:
            if c.pos_ == "PRON" or entity_like(c, label_of):
                out.append(c)
        elif (
            c.dep_ in {"amod", "compound", "nmod"}
            and c.i < tok.i
            and (label_of(c) in STATE_LABELS or state_word(c) is not None)
            and c.text[:1].isupper()
        ):
            out.extend([c, *(x for x in c.conjuncts if x.i > c.i)])
    return out + body_of(tok, label_of)


def body_of(tok: Token, label_of: LabelOf) -> list[Token]:
    """The body a group written as a plural common noun belongs to: "analysts at the X
    Center", "officials of the Y Ministry", "troops from the Z Regiment"."""
    if tok.tag_ != "NNS" or tok.text[:1].isupper():
        return []
    return [
        o for prep in ("at", "of", "from") for o in prep_objects(tok, prep) if label_of(o) == "ORG"
    ]


def backers(head: Token) -> list[tuple[str, int]]:
    """The states behind an act written as a hyphened modifier on it or on a noun in
    apposition to it ("the U.S.-backed landing", "the landing, a Soviet-led operation"): a
    verb of ``backing_verbs`` (participants.yaml) after a state's name or demonym. Each as
    (the name as written, its offset in the parsed text)."""
    nouns = [head, *(c for c in head.children if c.dep_ == "appos")]
    if head.dep_ == "appos":
        nouns.append(head.head)
    verbs = argument_words().backing_verbs
    doc = head.doc
    out: list[tuple[str, int]] = []
    for n in nouns:
        for c in n.children:
            if c.dep_ not in {"amod", "compound", "nmod"} or c.i > n.i:
                continue
            m = BACKED.match(c.text)
            if m is not None:  # one token: "U.S.-backed"
                who, verb, at = m.group("who"), m.group("verb"), c.idx
            elif (
                c.i >= 2
                and doc[c.i - 1].text in {"-", "‑", "–"}
                and not doc[c.i - 1].whitespace_
                and not doc[c.i - 2].whitespace_
            ):  # three: "Soviet - led"
                who, verb, at = doc[c.i - 2].text, c.lower_, doc[c.i - 2].idx
            else:
                continue
            if verb in verbs and state_of_word(who) is not None:
                out.append((who, at))
    return out


def addressed(host: Token) -> list[Token]:
    """ "an ultimatum demanding that X withdraw", "X demanded that Y pay": the subject of the
    clause a verb of ``demand_verbs`` (participants.yaml) names, on the act or on a
    participle of it, is who the demand is addressed to."""
    verbs = argument_words().demand_verbs
    nouns = [host, *(a for a in direct_args(host) if a.pos_ == "NOUN")]
    cands = [host, *(c for n in nouns for c in n.children if c.dep_ in {"acl", "relcl"})]
    out: list[Token] = []
    for v in cands:
        if v.pos_ != "VERB" or norm(v.lemma_) not in verbs:
            continue
        for cl in v.children:
            if cl.dep_ == "ccomp":
                out.extend(c for c in cl.children if c.dep_ in {"nsubj", "nsubjpass"})
    return with_conjuncts(out) if out else []


def drawn_into(noun: Token) -> list[Token]:
    """ "X forced Y into negotiations", "X drew Y into the war": the subject and object of
    the verb whose "into"/"to" leads to an event noun enter the act it names."""
    prep = noun.head
    verb = prep.head
    if (
        noun.dep_ != "pobj"
        or prep.lower_ not in {"into", "to"}
        or prep.dep_ != "prep"
        or verb.pos_ not in {"VERB", "AUX"}
    ):
        return []
    return [*subjects(verb), *(x for x in direct_args(verb) if x.i != noun.i)]


def role_states(tok: Token, label_of: LabelOf) -> list[Token]:
    """The state a role written as a common noun is sent to ("the first Danish envoy to the
    Netherlands", "ambassador to X"). (The demonyms on a plural role, "American and Soviet
    delegates", are left out: as shared participants they join talks of different days at
    the merge.)"""
    return [o for o in prep_objects(tok, "to") if label_of(o) in STATE_LABELS]


def taking_part(head: Token) -> list[Token]:
    """Who a noun of taking part (``taking_part_nouns``, participants.yaml) names before an
    event after "in"/"into" ("the Italian entry into the war", "Spain's involvement in the
    conflict", "the participation of X in the talks"): a demonym, name or possessor on the
    noun, or its "of" object."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"in", "into"}:
        return []
    noun = prep.head
    if noun.pos_ != "NOUN" or norm(noun.lemma_) not in argument_words().taking_part_nouns:
        return []
    out: list[Token] = []
    for c in noun.children:
        if (
            c.i < noun.i
            and c.dep_ in {"amod", "compound", "nmod", "poss"}
            and (c.text[:1].isupper() or c.pos_ == "PRON")
        ):
            out.extend([c, *(x for x in c.conjuncts if x.i > c.i)])
    return out + prep_objects(noun, "of")


def office_states(tok: Token) -> list[Token]:
    """The state whose office a person or a title holds, by the demonym or the state's name
    written before the title ("Soviet Foreign Minister X", "the British Prime Minister, X",
    "the French ambassador"): the official acts for it, so the state takes part too."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return []
    s, _e = phrase_bounds(tok)
    words = tok.doc[s : tok.i + 1]
    out: list[Token] = []
    for k, x in enumerate(words):
        if x.i == tok.i or not x.text[:1].isupper() or state_word(x) is None:
            continue
        if any(is_head(y.text) for y in words[k + 1 :]):
            out.append(x)
    return out


def hyphen_pair(tok: Token, label_of: LabelOf, entity_at: EntityAt, offset: int) -> list[Token]:
    """The two states of "US-Soviet" (a name or demonym joined by a hyphen to the modifier;
    not a state whose own name has a hyphen, "Austria-Hungary")."""

    def state_like(t: Token) -> bool:
        return label_of(t) in STATE_LABELS or (label_of(t) == "" and state_word(t) is not None)

    if not state_like(tok):
        return []
    doc = tok.doc
    for c in tok.children:
        if (
            c.dep_ in {"compound", "amod", "nmod"}
            and c.i + 2 == tok.i
            and doc[c.i + 1].text in {"-", "–"}
            and not c.whitespace_
            and not doc[c.i + 1].whitespace_
            and state_like(c)
            and state_of_word(doc[c.i : tok.i + 1].text) is None
        ):
            m = entity_at(offset + c.idx, offset + c.idx + len(c.text))
            if m is not None and m[1] >= offset + tok.idx + len(tok.text):
                return []  # one name tagged across the hyphen
            return [c, tok]
    return []
