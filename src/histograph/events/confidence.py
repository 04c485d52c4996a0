"""How much an event mention may do in the merge: the weight of the region it is told in and
of its trigger's kind, and the shapes of a clause or noun phrase that make it only able to
join an event founded by others (below :data:`JOIN_ONLY_BELOW`): a kind of event rather
than one ("trade agreements"), a note-style fragment, an impersonal or timeless clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .triggers import Trigger, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token


#: mentions with a lower confidence only join events founded by other mentions
JOIN_ONLY_BELOW = 0.45
KIND_WEIGHT: dict[str, float] = {
    "narrative": 1.0,
    "list_item": 1.0,
    "quote": 0.9,
    "title": 0.9,
    "heading": 0.85,
    "caption": 0.75,
}


def fragment(v: Token) -> bool:
    """A finite verb without any subject: a note-style fragment ("**X (role):** Sent the
    missiles and agreed to remove them") that says what a person did, not when: it may only
    join an event founded by a full statement."""
    if any(c.dep_ in {"auxpass", "aux"} for c in v.children):
        return False
    if v.tag_ not in {"VBD", "VBZ", "VBP"} and not (v.tag_ == "VBN" and v.dep_ == "ROOT"):
        return False  # (a root participant with no auxiliary: "Presented the evidence")
    if _subject_in_date(v):
        return False
    cur = v
    for _ in range(4):  # "X refused to recognise Y and took part in Z": X, two levels up
        # (Markdown emphasis "**" parsed as a subject is no subject)
        if any(any(ch.isalnum() for ch in s.text) for s in subjects(cur)):
            return False
        if cur.dep_ not in {"conj", "xcomp", "advcl", "ccomp"} or cur.head.i == cur.i:
            break
        cur = cur.head
    return True


def _subject_in_date(v: Token) -> bool:
    """ "In April 1815 Mount Tambora erupted": a leading date with no comma after it, the
    parser having hung the subject's name on the date as an apposition."""
    for c in v.lefts:
        if c.dep_ != "prep":
            continue
        for t in c.subtree:
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ != "DATE":
                return True
    return False


def noun_infinitive(v: Token) -> bool:
    """An infinitive that modifies a noun ("the only American to die", "the first president to
    travel abroad") describes a kind of person, not an act of its own."""
    if v.tag_ != "VB" or v.dep_ not in {"acl", "relcl", "ROOT"}:
        return False  # (the parser may make such a fragment the root: "X, the only Y to die")
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)


def impersonal_subject(v: Token) -> bool:
    """An active clause whose only subject is "it" ("There it met X"): the actor is a thing
    named elsewhere (a treaty, a bill), not a party that acts."""
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    return len(subj) == 1 and subj[0].lower_ == "it"


def timeless_present(v: Token, kind: str) -> bool:
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


def pronoun_subject(v: Token) -> bool:
    subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj and v.dep_ == "conj":
        subj = [c for c in v.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subj) and all(c.pos_ == "PRON" for c in subj)


_INDEFINITE = frozenset({"a", "an", "another", "any", "some", "no", "every", "each"})


def generic_noun(head: Token, tr: Trigger) -> bool:
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


def trigger_confidence(tr: Trigger, kind: str, generic: bool = False) -> float:
    base = 1.0 if tr.kind in {"verbal", "named"} else (0.8 if tr.anchor else 0.4)
    if generic:
        base = min(base, 0.4)
    return round(base * KIND_WEIGHT.get(kind, 0.7), 3)
