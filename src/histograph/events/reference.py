"""Who a pronoun or a bare title stands for, when the text leaves no doubt: "he" for the one
person named before it in its sentence, or for the sole person the sentence before names
(sentences naming nobody passed over); "the King" for the person named
before with that title ("King X"). Used for the participants of events."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..entities.lexicon import is_head, titles
from ..model import EntityMention, Participant

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "EntityAt",
    "LabelOf",
    "antecedent",
    "names_nobody_before",
    "title_holder",
    "titled_person",
    "topic_person",
]

LabelOf = Callable[["Token"], str]
#: (absolute start, absolute end) -> (surface, entity key) of an entity mention, or None
EntityAt = Callable[[int, int], "tuple[int, int, str | None] | None"]

#: personal pronouns that stand for one person named before them
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})


def _person_heads(toks: Iterable[Token], label_of: LabelOf) -> list[Token]:
    """The last word of each person's name among ``toks`` (in text order)."""
    return [
        t
        for t in toks
        if label_of(t) == "PERSON"
        and t.dep_ not in {"compound", "flat"}
        and not (t.i + 1 < len(t.doc) and label_of(t.doc[t.i + 1]) == "PERSON")
    ]


def titled_person(tok: Token, label_of: LabelOf) -> Token | None:
    """The person a title phrase ends with ("U.S. Ambassador to the United Nations X":
    the parser made the title the head and hung the name on its "to")."""
    if label_of(tok) == "PERSON" or not is_head(tok.text):
        return None
    for t in tok.subtree:
        if t.i > tok.i and label_of(t) == "PERSON" and t.dep_ not in {"compound", "flat"}:
            return t
    return None


#: how many sentences back a subject pronoun looks for the person it stands for (sentences
#: that name nobody are passed over: "X sailed in May. The crossing was rough. He landed ...")
_PRONOUN_REACH = 3
#: how far back (in tokens) "the King" looks for the "King X" it stands for
_TITLE_REACH = 600


def title_holder(tok: Token, label_of: LabelOf) -> Token | None:
    """The person a bare definite title stands for ("the King", "the president", "the
    Emperor"): the nearest person named before it with that title before the name ("King
    John ... the King"). None when the title has words of its own ("the first president",
    "the King of X") or no such name comes before."""
    if tok.pos_ not in {"NOUN", "PROPN"} or label_of(tok) == "PERSON":
        return None
    word = tok.lower_
    if word not in titles().heads and tok.lemma_.lower() not in titles().heads:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ not in {"det", "punct"} for c in tok.children if c.i < tok.i) or any(
        c.dep_ == "prep" for c in tok.children
    ):
        return None
    doc = tok.doc
    for k in range(tok.i - 1, max(-1, tok.i - _TITLE_REACH), -1):
        t = doc[k]
        if t.lower_ != word:
            continue
        j = k + 1
        while j < len(doc) and label_of(doc[j]) == "PERSON":
            j += 1
        if j > k + 1:
            return doc[j - 1]
    return None


def antecedent(
    pron: Token, sent: Span, offset: int, label_of: LabelOf, entity_at: EntityAt
) -> Token | None:
    """The person a "he"/"she"/"his"/"her"/"him" stands for, when the text leaves no doubt:
    the one person named before it in its sentence; else the one person named in the nearest
    sentence before that names anyone, who for a subject pronoun must be that sentence's
    subject ("X arrived on 3 May. He left ...", "X was born in 1862. In 1890 the assembly
    elected him")."""
    if pron.lower_ not in _PERSON_PRONOUNS:
        return None
    doc = pron.doc
    heads = _person_heads(doc[sent.start : pron.i], label_of)
    if heads:
        keys = set()
        for h in heads:
            found = entity_at(offset + h.idx, offset + h.idx + len(h.text))
            keys.add(found[2] if found and found[2] else h.text)
        return heads[-1] if len(keys) == 1 else None
    if pron.dep_ not in {"nsubj", "nsubjpass"} and any(
        t.pos_ == "PROPN"
        and t.dep_ in {"nsubj", "nsubjpass"}
        and label_of(t) not in {"GPE", "STATE", "NORP", "LOC", "FAC"}
        for t in doc[sent.start : pron.i]
    ):
        return None  # "X left for Y and the assembly elected him": X, though untagged
    start = sent.start
    for _ in range(_PRONOUN_REACH):
        if start == 0:
            return None
        prev = doc[start - 1].sent
        start = prev.start
        named = {h.i for h in _person_heads(prev, label_of)}
        people: list[Token] = []  # each person named, as the token standing for them
        subj: list[Token] = []
        for t in prev:
            # "the president" standing for a person named earlier counts as that person
            person = t if t.i in named else title_holder(t, label_of)
            if person is None:
                continue
            people.append(person)
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT":
                subj.append(person)
        if people:
            # one person named: "he", "him" or "his" stands for them (as a subject pronoun
            # does for the sole person who was the subject there)
            if len({h.text for h in people}) == 1:
                if subj:
                    return subj[0]
                if pron.dep_ not in {"nsubj", "nsubjpass"}:
                    return people[-1]
            return None
    return None


#: how often the page's own person must be named, and how many times more than anyone else
_TOPIC_MIN = 3
_TOPIC_LEAD = 2


def topic_person(mentions: Sequence[EntityMention]) -> Participant | None:
    """The person a page is about: named at least three times, and at least twice as often
    as anyone else (a biography, a page on one leader's act). A "he" opening a passage that
    names nobody before it stands for them. The participant is the first full mention."""
    people = [m for m in mentions if m.label == "PERSON" and m.key]
    counts = Counter(m.key for m in people)
    if not counts:
        return None
    (key, n), *rest = counts.most_common(2)
    if n < _TOPIC_MIN or (rest and n < _TOPIC_LEAD * rest[0][1]):
        return None
    first = max((m for m in people if m.key == key), key=lambda m: (len(m.text.split()), -m.start))
    return Participant(name=first.text, role="", start=first.start, end=first.end, key=key)


def names_nobody_before(pron: Token, label_of: LabelOf) -> bool:
    """A "he"/"she" with no person named before it in its passage (the parsed region), nor a
    title standing for one ("the president")."""
    if pron.lower_ not in _PERSON_PRONOUNS:
        return False
    return not any(
        label_of(t) == "PERSON"
        or (t.pos_ in {"NOUN", "PROPN"} and t.text[:1].isupper() and is_head(t.text))
        for t in pron.doc[: pron.i]
    )
