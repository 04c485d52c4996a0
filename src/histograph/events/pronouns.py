"""The person a "he"/"him"/"his" stands for where :func:`.reference.antecedent` leaves it
open, by how narratives are written: the story's subject stays the subject.

- a subject pronoun continues the person who was the main subject of the sentence before,
  though that sentence names others too, in its phrases and not as the object of its verb
  ("X served under A and B. He concluded ...", not "X met A. He ..."), and through a chain
  of such pronouns ("X served under A. He kept up ... . In 1912 he
  presided ...");
- an object pronoun stands for the person who is the subject earlier in its own sentence
  though the tagger missed the name ("On 7 August X left for Y and the assembly elected
  him": X is written as a person elsewhere), or, when the subjects there are bodies or
  states ("the Cabinet authorised him"), for the sole person the sentence before names.

A pronoun of the other gender, a sentence whose main subject is someone else, or two
people where one is needed leave it open (``None``). Also the state an "it" opening its
sentence stands for and the coordinated names a "they" does (:func:`state_antecedent`,
:func:`plural_antecedent`). Helpers of :mod:`.participants`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities.lexicon import norm
from .phrases import argument_words, entity_like, person_word
from .reference import EntityAt, LabelOf, antecedent, title_holder
from .triggers import subjects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["plural_antecedent", "pronoun_person", "state_antecedent", "swallowed_subject"]

_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: labels of names that are no person: a subject so labelled is a body, state or place
_NOT_PERSON = frozenset({"ORG", "GPE", "STATE", "NORP", "LOC", "FAC"})
#: how many sentences back the search goes (sentences naming nobody are passed over), and
#: how long a chain of pronoun subjects it follows
_REACH = 3
_CHAIN = 3


def _gender(pron: Token) -> frozenset[str]:
    low = pron.lower_
    return _MALE if low in _MALE else _FEMALE if low in _FEMALE else frozenset()


def _person(t: Token, label_of: LabelOf) -> Token | None:
    """The token standing for the person ``t`` names (itself, or the holder of a bare
    title: "the Emperor" after "Emperor X"), else ``None``."""
    if t.pos_ != "PROPN" and t.pos_ != "NOUN":
        return None
    if label_of(t) == "PERSON" or person_word(t, label_of):
        return t
    return title_holder(t, label_of)


def _fits(pron: Token, person: Token) -> bool:
    """Whether no title on the person's name ("Queen X", "the Emperor") says the sex the
    pronoun does not (``male_titles``, ``female_titles`` of participants.yaml)."""
    words = argument_words()
    other = words.female_titles if _gender(pron) is _MALE else words.male_titles
    doc = person.doc
    k = person.i
    lo = max(0, person.i - 6)
    while k > lo and doc[k - 1].pos_ in {"PROPN", "NOUN", "PUNCT"} and doc[k - 1].text != ",":
        k -= 1
    return not any(norm(t.text) in other for t in doc[k : person.i + 1])


def _main_subjects(sent: Span) -> list[Token]:
    main = [t for t in sent if t.dep_ == "ROOT"]
    main += [c for r in main for c in r.conjuncts if c.pos_ in {"VERB", "AUX"}]
    return [c for v in main for c in v.children if c.dep_ in _SUBJECT_DEPS]


def _co_actor(subjects: list[Token], label_of: LabelOf) -> bool:
    """Whether a main verb of the sentence has a person as its object ("A met B"): then B is
    as much in the story as A, and a "he" after may be either."""
    for s in subjects:
        for c in s.head.children:
            if c.dep_ in {"dobj", "obj", "dative", "attr", "oprd"} and (
                _person(c, label_of) is not None
                or any(_person(x, label_of) is not None for x in c.conjuncts)
            ):
                return True
    return False


def _people_named(sent: Span, label_of: LabelOf) -> set[str]:
    out: set[str] = set()
    for t in sent:
        if t.dep_ in {"compound", "flat"}:
            continue
        p = _person(t, label_of)
        if p is not None:
            out.add(p.text)
    return out


def pronoun_person(
    pron: Token,
    sent: Span,
    offset: int,
    label_of: LabelOf,
    entity_at: EntityAt,
    depth: int = 0,
) -> Token | None:
    """The token naming the person ``pron`` stands for (see the module docs), or ``None``."""
    gender = _gender(pron)
    if not gender or depth > _CHAIN:
        return None
    doc = pron.doc
    before = doc[sent.start : pron.i]
    if any(label_of(t) == "PERSON" for t in before):
        return None  # a person named before it in its sentence: antecedent's own case
    subject = pron.dep_ in _SUBJECT_DEPS
    if not subject:
        own = [t for t in before if t.dep_ in _SUBJECT_DEPS and t.pos_ in {"PROPN", "NOUN"}]
        people = [t for t in own if person_word(t, label_of)]
        if people:
            one = len({t.text for t in people}) == 1 and _fits(pron, people[-1])
            return people[-1] if one else None
        if any(
            t.pos_ == "PROPN"
            and label_of(t) not in _NOT_PERSON
            and not any(c.dep_ == "det" for c in t.children)
            for t in own
        ):
            return None  # an untagged name as subject may be the person meant ("the
            # Cabinet", with its article, names a body)
        if any(t.lower_ in gender for t in before):
            return None
    start = sent.start
    for _ in range(_REACH):
        if start == 0:
            return None
        prev = doc[start - 1].sent
        start = prev.start
        named = _people_named(prev, label_of)
        subjects = _main_subjects(prev)
        persons = [p for s in subjects if (p := _person(s, label_of)) is not None]
        if len({p.text for p in persons}) == 1 and (
            len(named) <= 1 or (subject and not _co_actor(subjects, label_of))
        ):
            return persons[0] if _fits(pron, persons[0]) else None
        if persons:
            return None
        chained = [s for s in subjects if s.lower_ in gender and s.dep_ in _SUBJECT_DEPS]
        if len(chained) == 1 and (subject or not named):
            first = chained[0]
            return antecedent(first, prev, offset, label_of, entity_at) or pronoun_person(
                first, prev, offset, label_of, entity_at, depth + 1
            )
        if named or any(_gender(s) for s in subjects):
            return None
    return None


def state_antecedent(pron: Token, sent: Span, label_of: LabelOf) -> Token | None:
    """ "... and the United States never joined the League. It made a separate peace with
    Germany": an "it" opening its sentence's subject stands for the state that was the
    subject of the last main clause of the sentence before (one state, no coordination)."""
    if pron.lower_ != "it" or pron.dep_ not in {"nsubj", "nsubjpass"} or sent.start == 0:
        return None
    if any(t.dep_ in {"nsubj", "nsubjpass"} for t in sent if t.i < pron.i):
        return None
    prev = sent.doc[sent.start - 1].sent
    main = [t for t in prev if t.dep_ == "ROOT"]
    main += [c for r in main for c in r.conjuncts if c.pos_ in {"VERB", "AUX"}]
    subj = [c for v in main for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj:
        return None
    last = max(subj, key=lambda t: t.i)
    if last.conjuncts or label_of(last) not in {"GPE", "STATE"}:
        return None
    return last


def plural_antecedent(verb: Token, sent: Span, label_of: LabelOf) -> list[Token]:
    """ "X and Y signed ... . In 1963 they concluded ...": a "they" stands for the
    coordinated subject of the sentence right before (two or more names), or of a verb
    before it in its own sentence ("X and Y signed A, and in 1963 they concluded B"), else
    for nobody."""
    doc = sent.doc
    pron = [s for s in subjects(verb) if s.lower_ in {"they", "them"}]
    if pron:
        for v in reversed(doc[sent.start : pron[0].i]):
            if v.pos_ not in {"VERB", "AUX"}:
                continue
            own = [c for c in v.children if c.dep_ in _SUBJECT_DEPS]
            group = [s for s in subjects(v) if entity_like(s, label_of)] if own else []
            if len(group) >= 2:
                return group
            if own:
                return []  # the nearest clause with a subject of its own decides
    if sent.start == 0:
        return []
    prev = doc[sent.start - 1].sent
    for root in (t for t in prev if t.dep_ == "ROOT"):
        group = [s for s in subjects(root) if entity_like(s, label_of)]
        if len(group) >= 2:
            return group
    return []


#: labels of names that can be a clause's actor
_ACTOR_LABELS = frozenset({"PERSON", "STATE", "GPE", "NORP", "ORG"})


def swallowed_subject(v: Token, label_of: LabelOf) -> list[Token]:
    """The subject the parser hung on a phrase before a verb that has none ("In 1453 Sultan
    X captured Y": X the object of "In" with the year; "After the murder of A, B did
    penance": B an apposition of A): the name written right before the verb (or its
    auxiliaries), the object of a dated "in"/"on" or an apposition after a comma."""
    if v.pos_ not in {"VERB", "AUX"} or any(c.dep_ in _SUBJECT_DEPS for c in v.children):
        return []
    if v.dep_ not in {"ROOT", "advcl", "ccomp"}:
        return []
    doc = v.doc
    k = v.i - 1
    while k >= 0 and doc[k].dep_ in {"aux", "auxpass", "neg", "advmod"} and doc[k].head.i == v.i:
        k -= 1
    if k < 0:
        return []
    t = doc[k]
    if label_of(t) not in _ACTOR_LABELS or t.pos_ != "PROPN":
        return []
    if t.dep_ == "appos" and doc[t.left_edge.i - 1].text == ",":
        return [t]
    prep = t.head
    if (
        t.dep_ == "pobj"
        and prep.lower_ in {"in", "on"}
        and prep.head.i == v.i
        and any(x.ent_type_ == "DATE" for x in prep.subtree)
    ):
        return [t]
    return []
