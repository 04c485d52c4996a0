"""Modality of a trigger: asserted, negated (incl. refusal), hypothetical, planned.

Rules (lexicon in ``data/event_types.yaml``, section ``modality``):
- negated: a ``neg`` dependent ("did not recognize"), a determiner "no", a negative prefix
  ("non-recognition"), or a negating governor on the path to the clause root ("refused to
  recognize", "withheld recognition", "without recognition");
- hypothetical: a modal could/might/may/should or a conditional "if/unless" on the clause, or
  "would" under a hoping/believing governor ("hoped that recognition would ...");
- planned: an intending governor ("sought to establish", "was expected to", "willingness to
  negotiate recognition") or a purpose phrase ("paving the way for recognition").
The walk up the tree stops at a relative clause boundary: a trigger inside "who would become"
keeps its own modality, not that of the sentence around it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from ..model import Modality as ModalityValue
from .types import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

_HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "should", "shall", "must"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
#: "felt that X would collapse", "warned that X would follow": the content of a belief, a fear
#: or a forecast, not an event
_BELIEF = frozenset(
    {
        "hope",
        "believe",
        "think",
        "expect",
        "wish",
        "want",
        "fear",
        "predict",
        "feel",
        "felt",
        "suspect",
        "assume",
        "anticipate",
        "imagine",
        "suppose",
        "reckon",
        "doubt",
        "worry",
        "warn",
        "argue",
        "judge",
        "forecast",
        "calculate",
    }
)
_STOP_DEPS = frozenset({"relcl"})


def _lem(t: Token) -> str:
    return t.lemma_.lower()


def _forms(t: Token) -> set[str]:
    """The lemma plus crude stems of the word (the lemmatizer reads "hoped" as "hop")."""
    w = t.lower_
    out = {t.lemma_.lower(), w}
    for suf, add in (
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("s", ""),
        ("es", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            out.add(w[: -len(suf)] + add)
    return out


def _is(t: Token, words: frozenset[str]) -> bool:
    return not words.isdisjoint(_forms(t))


#: a trigger reached through one of these relations is an adjunct of the word above it:
#: "Following the revolution, X refused ..." does not negate the revolution
_ADJUNCT_DEPS = frozenset(
    {"prep", "advcl", "npadvmod", "advmod", "appos", "parataxis", "mark", "agent", "dep"}
)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _finite(t: Token) -> bool:
    return t.tag_ in _FINITE_TAGS


def _label_head(t: Token) -> bool:
    """True when ``t``'s head is a label before a colon ("Negotiations: ...") and ``t``
    follows the colon."""
    h = t.head
    return h.i < t.i and any(
        c.dep_ == "punct" and c.text in {":", "—", "–"} and h.i < c.i < t.i for c in h.children
    )


def _path(t: Token) -> list[Token]:
    """The trigger and the words it is a complement of, up to the root: stops at a relative
    clause head and at an adjunct boundary."""
    out = [t]
    cur = t
    while cur.head.i != cur.i:
        if cur.dep_ in _STOP_DEPS or cur.dep_ in _ADJUNCT_DEPS:
            break
        if cur.dep_ == "pobj" and cur.head.lower_ != "without":
            # "of/for/on X": the preposition's head governs only through prospective nouns
            break
        if _label_head(cur):
            break  # "Negotiations: the talks were held ...": a label does not govern its text
        if cur.dep_ == "conj" and _finite(cur) and not _finite(cur.head):
            # "refused to recognise X and took part in Y": a finite verb cannot be the
            # infinitive's conjunct; it is coordinated with the clause above (the parser
            # attaches it low), and states its own act
            break
        cur = cur.head
        out.append(cur)
    return out


_COMPLEMENT_DEPS = frozenset(
    {"dobj", "pobj", "xcomp", "acl", "ccomp", "nsubjpass", "pcomp", "advcl"}
)


def immediate_governor(t: Token) -> Token | None:
    """The word the trigger is the complement of, skipping conjunctions, prepositions and
    "to": recognition in "negotiate recognition", "negotiations on recognition",
    "the possibility of recognition", "willingness to negotiate recognition"."""
    cur = t
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ not in _COMPLEMENT_DEPS or cur.head.i == cur.i or _label_head(cur):
        return None
    gov = cur.head
    if gov.dep_ == "prep" or gov.pos_ == "ADP":
        if gov.head.i == gov.i:
            return None
        gov = gov.head
    return gov


def _coordinated(path: list[Token]) -> set[int]:
    """Indices of path tokens reached only as the head of a conjunct: "refused to X and
    declared Y" — the refusal's meaning does not reach its conjunct (its ``not`` does)."""
    out: set[int] = set()
    for a, b in itertools.pairwise(path):
        if a.dep_ == "conj" and a.head.i == b.i:
            out.add(b.i)
    return out


def not_until(trigger: Token, lex: Modality) -> bool:
    """ "did not agree until February", "was not signed till 1648": the trigger's verb is
    negated and has an "until" phrase of its own; the act happened at that time."""
    if trigger.pos_ not in {"VERB", "AUX"}:
        return False
    kids = list(trigger.children)
    return any(c.dep_ == "neg" for c in kids) and any(
        c.lower_ in lex.not_until and c.dep_ in {"prep", "mark"} for c in kids
    )


def modality_of(trigger: Token, lex: Modality) -> ModalityValue:
    path = _path(trigger)
    coord = _coordinated(path)
    until = not_until(trigger, lex)
    # "was not satisfied and opened talks", "did not meet and the treaty was signed": a
    # conjunct with a tense or a subject of its own is not under its head's "not" ("did not
    # sign or ratify it": a bare conjunct shares it)
    cut = next(
        (
            k + 1
            for k, (a, b) in enumerate(itertools.pairwise(path))
            if a.dep_ == "conj"
            and a.head.i == b.i
            and (
                a.tag_ in {"VBD", "VBZ", "VBP"}
                or (a.tag_ == "VBN" and b.pos_ == "ADJ")
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in a.children)
            )
        ),
        len(path),
    )
    # direct negation of the trigger or of the verbs governing it
    for k, tok in enumerate(path):
        for c in tok.children:
            if c.dep_ == "neg" and ((k == 0 and until) or k >= cut):
                continue
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and k == 0):
                return "negated"
        if k > 0 and tok.i not in coord and _is(tok, lex.negators):
            return "negated"
        if k > 0 and tok.dep_ == "prep" and tok.lower_ == "without":
            return "negated"
    # conditionals and modals (on the trigger's own clause head)
    clause = next((x for x in path if x.pos_ in {"VERB", "AUX"}), None)
    has_would = False
    for tok in path:
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in _CONDITIONAL:
                return "hypothetical"
            if (
                c.dep_ == "aux"
                and c.lower_ in _HYPOTHETICAL_MODALS
                and clause is not None
                and tok.i == clause.i
            ):
                return "hypothetical"
            if c.dep_ == "aux" and c.lower_ in {"would", "'d"}:
                has_would = True
    for k, tok in enumerate(path):
        if k == 0 or tok.i in coord:
            continue
        if has_would and _is(tok, _BELIEF):
            return "hypothetical"
        if has_would and k > 0 and _is(tok, lex.promising):
            return "planned"  # "announced that X would withdraw": the content of a promise
        if _is(tok, lex.intention) and not (k == 1 and path[0].dep_ == "nsubj"):
            # (the trigger as the subject of the word is no intended act: "the trial opened",
            # "the talks aimed at a settlement" happened)
            return "planned"
    gov = immediate_governor(trigger)
    if gov is not None and _is(gov, lex.prospective):
        return "planned"
    # purpose phrases: "paving the way for X", "in preparation for X"
    base = trigger
    while base.dep_ == "conj" and base.head.i != base.i:
        base = base.head
    prep = base.head
    if (
        base.dep_ == "pobj"
        and prep.lower_ in lex.purpose_preps
        and prep.head.i != prep.i
        and _is(prep.head, lex.purpose_heads)
    ):
        return "planned"
    return "asserted"
