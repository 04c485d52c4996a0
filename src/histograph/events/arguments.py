"""Arguments of an event trigger from the dependency parse: participants, place, time, and
the evidence span (the clause that states the event)."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

from ..entities.lexicon import is_head, load_yaml, name_words, norm, titles
from ..entities.states import gazetteer
from ..model import Participant, TimeMention
from .reference import (
    EntityAt,
    LabelOf,
    antecedent,
    names_nobody_before,
    title_holder,
    titled_person,
)
from .triggers import MODIFIER_DEPS, Trigger, direct_args, prep_objects, subjects
from .types import EventType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: entity labels that can be participants
PARTICIPANT_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "STATE", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "STATE"})
#: places that are never participants (a state, "STATE", can be one)
_PLACE_ONLY = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = ("in", "at", "near", "inside", "outside", "aboard")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_EDGE = " ,.;:'\"’*_#()[]-–—"
CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "xcomp"})
#: a clause hanging on another: a place of the clause above is not the trigger's
_CLAUSE_EDGES = frozenset({"ccomp", "relcl", "advcl", "acl", "parataxis", "csubj", "conj"})

#: key of the segment's cached person words in ``Doc.user_data``
_PERSON_WORDS = "histograph.person_words"


@dataclass(frozen=True)
class ArgumentWords:
    """Word lists of ``participants.yaml`` and ``places.yaml`` (normalised)."""

    fighting_verbs: frozenset[str]
    command_verbs: frozenset[str]
    act_nouns: frozenset[str]
    polity_nouns: frozenset[str]


def _words(items: object) -> frozenset[str]:
    return frozenset(
        norm(str(x)) for x in (items if isinstance(items, list) else ()) if norm(str(x))
    )


@functools.lru_cache(maxsize=1)
def argument_words() -> ArgumentWords:
    parts = load_yaml("participants.yaml") or {}
    places = load_yaml("places.yaml") or {}
    return ArgumentWords(
        fighting_verbs=_words(parts.get("fighting_verbs")),
        command_verbs=_words(parts.get("command_verbs")),
        act_nouns=_words(parts.get("act_nouns")),
        polity_nouns=_words(places.get("polity_nouns")),
    )


@dataclass(frozen=True)
class Located:
    """A time mention placed in the parse: its root token (None when outside the segment)."""

    mention: TimeMention
    root: Token | None
    tokens: frozenset[int] = frozenset()  # token indices of the date expression

    @property
    def width(self) -> int:
        """Days covered (a year-less date counts as one day: it names a day)."""
        v = self.mention.value
        return 1 if v is None else v.latest - v.earliest + 1


def _person_words(doc: Doc, label_of: LabelOf) -> frozenset[str]:
    """The words of the segment written as (part of) a person's name somewhere in it."""
    cached = doc.user_data.get(_PERSON_WORDS)
    if cached is None:
        cached = frozenset(t.text for t in doc if t.text[:1].isupper() and label_of(t) == "PERSON")
        doc.user_data[_PERSON_WORDS] = cached
    return cast("frozenset[str]", cached)


def _named_person_elsewhere(t: Token, label_of: LabelOf) -> bool:
    """An untagged capitalised name that the segment writes as a person elsewhere ("King X
    ... X's excommunication"): the same person."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and not t.text.isupper()
        and label_of(t) == ""
        and t.text in _person_words(t.doc, label_of)
    )


_REGNAL = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3})$")


def _regnal_name(t: Token) -> bool:
    """A name with a regnal number ("Olaf II Tryggvason", "Harald III"): a ruler, though the
    tagger took it for nothing."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and not _battle_name(t)
        and any(_REGNAL.match(x.text) for x in t.subtree if x.i <= t.i and x.i >= t.i - 3)
    )


@functools.lru_cache(maxsize=4096)
def _state_of_word(text: str) -> str | None:
    sn = gazetteer().lookup(text, forms=("name", "adjective"))
    return sn.state_id if sn is not None else None


def _state_word(t: Token) -> str | None:
    """The state a capitalised word the tagger left alone names ("Soviet" in "US-Soviet")."""
    return _state_of_word(t.text) if t.text[:1].isupper() and not t.is_punct else None


def _entity_like(t: Token, label_of: LabelOf) -> bool:
    if label_of(t) in PARTICIPANT_LABELS or _named_person_elsewhere(t, label_of):
        return True
    if label_of(t) == "" and (_regnal_name(t) or _state_word(t) is not None):
        return True
    return any(
        label_of(c) in PARTICIPANT_LABELS
        for c in t.children
        if c.dep_ in {"compound", "amod", "flat"}
    )


def _phrase_bounds(t: Token) -> tuple[int, int]:
    """Token bounds of a participant's noun phrase (left modifiers, no determiners/clauses)."""
    left = t.i
    for c in t.lefts:
        if c.dep_ in {"compound", "amod", "flat", "nmod", "poss"} and c.i < left:
            left = min(left, c.left_edge.i if c.dep_ != "poss" else c.i)
    right = t.i
    for c in t.rights:
        if c.dep_ in {"flat", "compound"}:
            right = max(right, c.i)
    return left, right + 1


#: lower-case words before a name that locate a part of it ("western X"): they stay
_PART_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "inner",
        "outer",
        "greater",
    }
)


def _skip_epithets(doc: Doc, s: int, e: int) -> int:
    """Skip lower-case adjectives before a name ("neutral X", "occupied X"): an epithet, not
    part of the name (a compass word, "western X", names a part and stays)."""
    while (
        s < e - 1
        and doc[s].dep_ == "amod"
        and doc[s].text[:1].islower()
        and doc[s].lower_ not in _PART_WORDS
    ):
        s += 1
    return s


def _title_before_name(t: Token) -> bool:
    """A capitalised title or honorific written before a name ("Earl", "General", "Sir")."""
    return t.text[:1].isupper() and (is_head(t.text) or norm(t.text) in titles().honorifics)


def make_participant(
    t: Token,
    role: str,
    offset: int,
    label_of: LabelOf,
    entity_at: EntityAt,
    alone: bool = False,
) -> Participant | None:
    """The participant a token names (with its name's words, or the token ``alone``)."""
    if not _entity_like(t, label_of):
        return None
    if (
        t.pos_ == "NOUN"
        and label_of(t) not in PARTICIPANT_LABELS
        and norm(t.lemma_) in argument_words().act_nouns
    ):
        # "the Serbian reply", "a German demand": an act, not who did it; a name written
        # on it is ("Tsar X orders ...", parsed as a noun)
        mods = [
            c
            for c in t.children
            if c.dep_ in {"compound", "nmod", "poss"} and c.i < t.i and _entity_like(c, label_of)
        ]
        if not mods:
            return None
        t = mods[-1]
    s, e = (t.i, t.i + 1) if alone else _phrase_bounds(t)
    doc = t.doc
    if label_of(t) in PARTICIPANT_LABELS:
        s = _skip_epithets(doc, s, e)
    while s < t.i and (doc[s].ent_type_ in {"DATE", "TIME"} or doc[s].is_punct):
        s += 1  # "On 2 June 1799 Swedish troops": the date the parser hung on the noun
    start = offset + doc[s].idx
    end = offset + doc[e - 1].idx + len(doc[e - 1].text)
    key: str | None = None
    found = entity_at(offset + t.idx, offset + t.idx + len(t.text))
    if found is not None and label_of(t) == "PERSON":
        # the name as tagged with the titles right before it ("Earl X"), not other words the
        # parser hung on it ("the United Nations X")
        start, end, key = found
        k = s
        while k < t.i and doc[k].idx + offset < start:
            k += 1
        while k > s and _title_before_name(doc[k - 1]):
            k -= 1
        start = min(start, offset + doc[k].idx)
    elif found is not None:
        start, end, key = min(start, found[0]), max(end, found[1]), found[2]
    elif e - s == 1 and label_of(t) == "":
        key = _state_word(t)
    start, end = _trim_name(t, start, end, offset)
    name = doc.text[start - offset : end - offset]
    if name.lower().startswith("the "):
        name = name[4:]
        start += 4
    lead = len(name) - len(name.lstrip(_EDGE))
    name = name.strip(_EDGE)
    if not name or (" " not in name and is_head(name)):
        return None  # an unresolved bare title ("the King") names nobody
    start += lead
    return Participant(name=name, role=role, start=start, end=start + len(name), key=key)


#: what splits a tagged span into pieces of which only the head's is the name: a pipe, a
#: colon, a spaced dash, a line break ("August | X", "Council of Four:", "X - November")
_NAME_BREAK = re.compile(r"\s*(?:\||:|\s[-–—]\s|\n\s*\n|[-–—]\s)\s*")
#: a leading date or number with its dash ("1933- X", "1914 – X")
_LEAD_NUMBER = re.compile(r"^\s*\d[\d\s./]*(?:[-–—:]\s*|\s+)")


def _trim_name(t: Token, start: int, end: int, offset: int) -> tuple[int, int]:
    """The bounds of a participant's name without what the tagger ran into it: the piece
    around the head between pipes, colons and spaced dashes, no leading date, no verb after
    the head ("X mobilises"), and the rest of a hyphened word it was cut from ("Austro")."""
    doc = t.doc
    text = doc.text
    lo, hi = start - offset, end - offset
    head = t.idx
    m = _LEAD_NUMBER.match(text, lo, hi)
    if m is not None and m.end() <= head:
        lo = m.end()
    for br in _NAME_BREAK.finditer(text, lo, hi):
        if br.end() <= head:
            lo = br.end()
        elif br.start() >= head + len(t.text):
            hi = br.start()
            break
    for x in doc[t.i + 1 :]:
        if x.idx >= hi:
            break
        if x.pos_ in {"VERB", "AUX"} and x.text.islower():
            hi = x.idx
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            break
    k = doc[min(len(doc) - 1, max(t.i, 0))]
    last = next((x for x in reversed(doc[t.i :]) if x.idx < hi), k)
    if (
        last.idx + len(last.text) == hi
        and last.i + 2 < len(doc)
        and doc[last.i + 1].text in {"-", "–"}
        and not last.whitespace_
        and not doc[last.i + 1].whitespace_
        and doc[last.i + 2].text[:1].isalpha()
    ):
        nxt = doc[last.i + 2]
        hi = nxt.idx + len(nxt.text)  # "Austro-Hungarian", not "Austro"
    return lo + offset, max(lo, hi) + offset


def participants(
    tr: Trigger,
    doc_tokens: Span,
    typ: EventType,
    offset: int,
    label_of: LabelOf,
    entity_at: EntityAt,
    role_nouns: Collection[str] = (),
    topic: Participant | None = None,
) -> tuple[Participant, ...]:
    """Participants of one trigger (agent, patient, recipient, party). ``topic`` is the
    person the page is about (:func:`~.reference.topic_person`): a "he" opening a passage
    that names nobody before it stands for them."""
    doc = doc_tokens.doc
    head = doc[tr.head]
    roles = typ.argument_roles
    found: list[tuple[Token, str]] = []
    if tr.kind == "verbal" or (tr.kind == "named" and head.pos_ in {"VERB", "AUX"}):
        passive = any(c.dep_ == "auxpass" for c in head.children)
        for s in subjects(head):
            found.append((s, roles.get("nsubjpass" if passive else "nsubj", "agent")))
        for a in direct_args(head):
            found.append((a, roles.get(a.dep_, "patient")))
        for a in prep_objects(head, "by"):
            found.append((a, roles.get("agent", "agent")))
        # "declared war on X" (the preposition on the verb), "held talks with X" (on the noun)
        if any(a.pos_ == "NOUN" for a in direct_args(head)):
            found.extend((x, "patient") for x in prep_objects(head, "on"))
        for a in direct_args(head):
            if a.pos_ == "NOUN":
                for prep, role in (
                    ("with", "party"),
                    ("between", "party"),
                    ("of", "patient"),
                    ("on", "patient"),  # "declared war on X", "imposed sanctions on X"
                ):
                    found.extend((x, role) for x in prep_objects(a, prep))
            elif a.pos_ == "PROPN":  # "concluded the X Treaty (together) with Y"
                for prep in ("with", "between"):
                    found.extend((x, "party") for x in prep_objects(a, prep))
        if any(s.lower_ in {"they", "them"} for s in subjects(head)):
            found.extend((x, "agent") for x in _plural_antecedent(head, doc_tokens, label_of))
        host = head
    else:
        for c in head.children:
            # "France and Germany's mobilisation": every member of a coordinated modifier
            members = [c, *(x for x in c.conjuncts if x.i > c.i)]
            if c.dep_ == "poss":
                found.extend((x, roles.get("poss", "agent")) for x in members)
            elif c.dep_ in {"compound", "amod", "nmod"}:
                found.extend((x, "agent") for x in members)
        for a in prep_objects(head, "of"):
            if (
                label_of(a) in _PLACE_ONLY or _named_after_place(head, a, label_of)
            ) and not _names_person(a, label_of):
                continue  # "the Battle of X": X is the event's place
            found.append((a, roles.get("of", "patient")))
        for a in prep_objects(head, "by"):
            found.append((a, "agent"))
        # "the conference attended by X and Y", "a plan drafted by X": a participle on the
        # event noun names who took part
        for c in head.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                found.extend((a, "agent") for a in prep_objects(c, "by"))
        host = head
        # "Battle of X, Y: A defeats B": the clause after the colon tells who fought
        for v in _colon_clause_verbs(doc[tr.start : tr.end].root, doc_tokens):
            found.extend((x, "party") for x in subjects(v))
            found.extend((x, "party") for x in direct_args(v))
        found.extend((x, "party") for x in _fronted_battle_parties(tr, doc))
        gov = head.head
        # "the X Conference attended by Y": the parser made the name the subject of the
        # participle
        if (
            head.dep_ == "nsubj"
            and gov.tag_ == "VBN"
            and not any(c.dep_ in {"aux", "auxpass"} for c in gov.children)
        ):
            found.extend((a, "agent") for a in prep_objects(gov, "by"))
        # light verbs: "X extended recognition to Y", "X held talks with Y"
        if head.dep_ in {"dobj", "nsubjpass"} and gov.i != head.i and gov.pos_ in {"VERB", "AUX"}:
            if head.dep_ == "dobj":
                for s in subjects(gov):
                    found.append((s, "agent"))
                if any(s.lower_ in {"they", "them"} for s in subjects(gov)):
                    found.extend(
                        (x, "agent") for x in _plural_antecedent(gov, doc_tokens, label_of)
                    )
            for a in prep_objects(gov, "by"):
                found.append((a, "agent"))
            for prep, role in (("to", "recipient"), ("with", "party"), ("between", "party")):
                for a in prep_objects(gov, prep):
                    found.append((a, role))
        # "X forced Y into negotiations", "X drew Y into the war": the verb's subject and
        # object enter the act its preposition leads to
        verb = gov.head
        if (
            head.dep_ == "pobj"
            and gov.lower_ in {"into", "to"}
            and gov.dep_ == "prep"
            and verb.pos_ in {"VERB", "AUX"}
        ):
            found.extend((x, "party") for x in subjects(verb))
            found.extend((x, "party") for x in direct_args(verb) if x.i != head.i)
    for prep, role in (
        ("to", "recipient"),
        ("with", "party"),
        ("between", "party"),
        ("against", "patient"),
        ("before", "party"),  # "set out before Congress": a body that hears the act
    ):
        for a in prep_objects(host, prep):
            found.append((a, role))
    # "concluded the treaty together with X", "signed it along with X"
    for c in host.children:
        if c.dep_ == "advmod" and c.lower_ in {"together", "along", "jointly"}:
            found.extend((a, "party") for a in prep_objects(c, "with"))
    # "French forces under Marshal X", "an army led by X", "the Saxons commanded by X": the
    # commander takes part too
    command = argument_words().command_verbs
    for tok, role in list(found):
        if tok.pos_ in {"NOUN", "PROPN"}:
            found.extend((x, role) for x in prep_objects(tok, "under"))
            for c in tok.children:
                if c.dep_ == "acl" and norm(c.lemma_) in command:
                    found.extend((x, role) for x in prep_objects(c, "by"))
    # "X and Y, who were both killed": the relative pronoun stands for every member
    for tok, role in list(found):
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
            ante = _who_antecedent(tok, label_of)
            if ante is not None:
                group = [ante.head] if ante.dep_ == "conj" else [ante]
                group += [x for x in group[0].conjuncts if x.i != ante.i]
                found.extend((x, role) for x in [ante, *group] if x.i != tok.head.head.i)
            else:
                found.extend((x, role) for x in tok.head.head.conjuncts if x.i > tok.head.head.i)
    # "US-Soviet talks", "Franco-Prussian war": each state of a hyphened pair on its own
    alone: set[int] = set()
    for tok, role in list(found):
        pair = _hyphen_pair(tok, label_of, entity_at, offset)
        if pair:
            alone.update(x.i for x in pair)
            found.extend((x, role) for x in pair)
    out: list[Participant] = []
    seen: set[tuple[int, int]] = set()
    has_person = False
    for tok, role in found:
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
            tok = tok.head.head  # "Bullitt, who would become ..." -> Bullitt
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and _entity_like(tok.head, label_of):
            tok = tok.head  # "Mr X, a barrister who was born in Y": the relative's antecedent
        appos = [
            c
            for c in tok.children
            if c.dep_ == "appos"
            and _entity_like(c, label_of)
            and (
                tok.pos_ != "PROPN"
                or c.doc[c.left_edge.i - 1].text in {",", "(", ":", "–", "—", "-"}
            )
        ]  # (a name's run-on epithet is none: "Augustus the Strong")
        holder = None if appos else title_holder(tok, label_of) or titled_person(tok, label_of)
        if appos:
            tok = appos[0]  # "their representative, Maxim Litvinov" -> Litvinov
        elif holder is not None:
            tok = holder  # "the King" after "King John": John
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in role_nouns:
            continue  # "the first US ambassador": a role, not a participant
        if tok.pos_ == "PRON":
            ante = antecedent(tok, doc_tokens, offset, label_of, entity_at)
            if ante is None:
                if (
                    topic is not None
                    and (topic.start, topic.end) not in seen
                    and names_nobody_before(tok, label_of)
                ):
                    seen.add((topic.start, topic.end))
                    out.append(replace(topic, role=role))
                    has_person = True
                continue
            tok = ante
        for x in (tok, *_behind(tok, label_of)):
            if x.pos_ == "PRON":
                ante = antecedent(x, doc_tokens, offset, label_of, entity_at)
                if ante is None:
                    continue
                x = ante
            p = make_participant(x, role, offset, label_of, entity_at, x.i in alone)
            if p is None or (p.start, p.end) in seen:
                continue
            seen.add((p.start, p.end))
            out.append(p)
            has_person = has_person or label_of(x) == "PERSON"
    if typ.identity and not has_person:
        # "The first US Ambassador ... was ... William Bullitt": the person named in the clause
        for tok in _clause_tokens(head, doc_tokens):
            if label_of(tok) == "PERSON" and tok.dep_ != "compound":
                p = make_participant(tok, typ.identity[0], offset, label_of, entity_at)
                if p is not None and (p.start, p.end) not in seen:
                    seen.add((p.start, p.end))
                    out.append(p)
                    break
    return tuple(out)


#: labels of a modifier that names the state or people a group belongs to
_STATE_LABELS = frozenset({"NORP", "GPE", "STATE"})


def _behind(tok: Token, label_of: LabelOf) -> list[Token]:
    """Who stands behind a group written as a common noun: its possessor ("Castro's
    revolutionaries", "his army", "the king's men") or its state named by a demonym or a
    name ("German troops", "the Cuban exiles", "US-Soviet talks"): they take part too."""
    if tok.pos_ != "NOUN" or label_of(tok) in PARTICIPANT_LABELS:
        return []
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "poss" and c.i < tok.i:
            if c.pos_ == "PRON" or _entity_like(c, label_of):
                out.append(c)
        elif (
            c.dep_ in {"amod", "compound", "nmod"}
            and c.i < tok.i
            and (label_of(c) in _STATE_LABELS or _state_word(c) is not None)
            and c.text[:1].isupper()
        ):
            out.extend([c, *(x for x in c.conjuncts if x.i > c.i)])
    return out


def _plural_antecedent(verb: Token, sent: Span, label_of: LabelOf) -> list[Token]:
    """ "X and Y signed ... . In 1963 they concluded ...": a "they" stands for the
    coordinated subject of the sentence right before (two or more names), else for nobody."""
    if sent.start == 0:
        return []
    prev = sent.doc[sent.start - 1].sent
    for root in (t for t in prev if t.dep_ == "ROOT"):
        group = [s for s in subjects(root) if _entity_like(s, label_of)]
        if len(group) >= 2:
            return group
    return []


def _who_antecedent(rel: Token, label_of: LabelOf) -> Token | None:
    """ "the army of X and Y, who were both killed": the parser hung the relative clause on
    the group noun; "who" stands for the people named right before its comma."""
    if rel.lower_ not in {"who", "whom"}:
        return None
    noun = rel.head.head
    if noun.pos_ != "NOUN" or _entity_like(noun, label_of):
        return None
    k = rel.i - 1
    if k < 1 or rel.doc[k].text != ",":
        return None
    t = rel.doc[k - 1]
    return t if label_of(t) == "PERSON" and t.i > noun.i else None


def _hyphen_pair(tok: Token, label_of: LabelOf, entity_at: EntityAt, offset: int) -> list[Token]:
    """The two states of "US-Soviet" (a name or demonym joined by a hyphen to the modifier;
    not a state whose own name has a hyphen, "Austria-Hungary")."""

    def state_like(t: Token) -> bool:
        return label_of(t) in _STATE_LABELS or (label_of(t) == "" and _state_word(t) is not None)

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
            and _state_of_word(doc[c.i : tok.i + 1].text) is None
        ):
            m = entity_at(offset + c.idx, offset + c.idx + len(c.text))
            if m is not None and m[1] >= offset + tok.idx + len(tok.text):
                return []  # one name tagged across the hyphen
            return [c, tok]
    return []


def _fronted_battle_parties(tr: Trigger, doc: Doc) -> list[Token]:
    """ "At the Battle of X, A defeated B": a battle named in a phrase on a verb of fighting
    (``fighting_verbs`` of participants.yaml) was fought by the verb's subject and object
    (and by a noun the parser hung on the battle's name as its apposition)."""
    root = doc[tr.start : tr.end].root if tr.kind == "named" else doc[tr.head]
    if norm(root.lemma_) not in name_words().battle_nouns or root.dep_ != "pobj":
        return []
    prep, verb = root.head, root.head.head
    if prep.dep_ != "prep" or verb.pos_ != "VERB":
        return []
    if norm(verb.lemma_) not in argument_words().fighting_verbs:
        return []
    out = [*subjects(verb), *(a for a in direct_args(verb) if a.i != root.i)]
    out += [
        t
        for t in root.subtree
        if t.dep_ == "appos" and t.pos_ in {"NOUN", "PROPN"} and t.i >= tr.end
    ]
    return out


def _colon_clause_verbs(head: Token, sent: Span) -> list[Token]:
    """For a named event that heads its own line ("Battle of X, Y:"), the verb of the clause
    written after the colon on the same line (a parse root of its own)."""
    doc = head.doc
    if head.dep_ != "ROOT" and not (head.dep_ == "nsubj" and head.head.i > head.i):
        return []
    k = head.i + 1
    while k < sent.end and k - head.i <= 8 and doc[k].text != ":" and "\n" not in doc[k].text:
        k += 1
    if k >= sent.end or doc[k].text != ":":
        return []
    out: list[Token] = []
    if head.dep_ == "nsubj":  # the model made the name the subject of the clause's verb
        v = head.head
        return [v] if v.i > k and v.pos_ == "VERB" and "\n" not in doc[k : v.i].text else []
    for t in doc[k + 1 : min(len(doc), k + 40)]:  # the line may be parsed as a new sentence
        if "\n" in t.text_with_ws:
            if t.dep_ == "ROOT" and t.pos_ == "VERB":
                out.append(t)
            break
        if t.dep_ == "ROOT" and t.pos_ == "VERB" and t.i != head.i:
            out.append(t)
    return out


def _clause_tokens(head: Token, sent: Span) -> list[Token]:
    """Tokens of the trigger's clause (its verb's subtree without relative clauses)."""
    clause = head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    skip: set[int] = set()
    for t in clause.subtree:
        if t.dep_ == "relcl" and t.i != head.i:
            skip |= {x.i for x in t.subtree}
    return [t for t in clause.subtree if t.i not in skip and sent.start <= t.i < sent.end]


def _is_place(t: Token, label_of: LabelOf) -> bool:
    """A place name: tagged a place, or a building or a chamber the model tagged as an
    organisation ("the House of X", "the X Palace"; a head word of ``names.yaml``). The name
    of a meeting is none ("the X Peace Conference": its town is the place)."""
    if norm(t.lemma_) in name_words().meeting_nouns:
        return False
    if _polity_place(t, label_of):
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


def _named_after_place(noun: Token, o: Token, label_of: LabelOf) -> bool:
    """ "the Battle of X", "the Siege of X": a noun of fighting whose "of"-complement is a
    place (``battle_nouns`` of names.yaml) and a capitalised name there that is no state."""
    return (
        norm(noun.lemma_) in name_words().battle_nouns
        and o.pos_ == "PROPN"
        and o.text[:1].isupper()
        and label_of(o) not in {"PERSON", "STATE", "NORP"}
    )


def _battle_name(t: Token) -> bool:
    return norm(t.lemma_) in name_words().battle_nouns


def _polity_place(t: Token, label_of: LabelOf) -> bool:
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


def _names_person(t: Token, label_of: LabelOf) -> bool:
    """A word of the noun phrase of ``t`` is a person ("King Edward the Confessor" with only
    "Edward" tagged a person)."""
    s, e = _phrase_bounds(t)
    return any(label_of(x) == "PERSON" for x in t.doc[s:e])


def _unlabelled_name(t: Token, label_of: LabelOf) -> bool:
    """A capitalised proper noun that names no person, group or organisation (in "the
    Battle of X" it is the place the event is named after)."""
    return (
        t.pos_ == "PROPN" and t.text[:1].isupper() and label_of(t) not in {"PERSON", "ORG", "NORP"}
    )


def _region_after(doc: Doc, e: int, label_of: LabelOf) -> int:
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
    if k + 1 < len(doc) and doc[k].text == "," and _is_place(doc[k + 1], label_of):
        return e
    return k


def _place_phrase(o: Token, label_of: LabelOf) -> str | None:
    """The place named by a preposition's object: the name with its region ("X Bay, Sussex"),
    or the place an event noun names ("at the Battle of X" -> X; "at the X Conference" -> X)."""
    if norm(o.lemma_) in name_words().meeting_nouns:
        for c in o.children:
            if c.dep_ == "compound" and c.i < o.i and label_of(c) in PLACE_LABELS:
                return _place_phrase_text(c, label_of)
    if not _is_place(o, label_of):
        town = norm(o.lemma_) in name_words().place_of_nouns and not o.text[:1].isupper()
        for of in prep_objects(o, "of"):
            if (
                _is_place(of, label_of)
                or (o.text[:1].isupper() and _unlabelled_name(of, label_of))
                or (town and of.pos_ == "PROPN" and label_of(of) not in {"PERSON", "NORP"})
            ):  # "at the Battle of X", "in the city of X"
                return _place_phrase_text(of, label_of)
        return None
    return _place_phrase_text(o, label_of)


def _place_phrase_text(o: Token, label_of: LabelOf) -> str | None:
    doc = o.doc
    s, e = _phrase_bounds(o)
    while s < e and (doc[s].lower_ == "the" or doc[s].pos_ == "DET"):
        s += 1
    s = _skip_epithets(doc, s, e)
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
    e = _region_after(doc, e, label_of)
    text = doc[s:e].text.strip(_EDGE.replace(".", ""))
    return text or None


def place_of(tr: Trigger, doc_tokens: Span, label_of: LabelOf) -> str | None:
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
            if (
                label_of(o) in PLACE_LABELS or _named_after_place(name_root, o, label_of)
            ) and not _names_person(o, label_of):
                found = _place_phrase_text(o, label_of)
                if found:
                    return found
        # "the X earthquake", "the X Hurricane of 1900": a town or region naming the event
        for c in name_root.children:
            if c.dep_ == "compound" and c.i < name_root.i and label_of(c) in _PLACE_ONLY:
                found = _place_phrase_text(c, label_of)
                if found:
                    return found
    if head.pos_ in {"VERB", "AUX"}:
        # "Battle of X, Y: A defeats B": the battle the line is headed with, parsed as the
        # verb's subject, is where it happened
        for subj in subjects(head):
            if (
                subj.i < head.i
                and subj.text[:1].isupper()
                and _battle_name(subj)
                and any(t.text == ":" for t in doc[subj.i : head.i])
            ):
                for o in prep_objects(subj, "of"):
                    if _named_after_place(subj, o, label_of) or label_of(o) in PLACE_LABELS:
                        found = _place_phrase_text(o, label_of)
                        if found:
                            return found
        # "the X earthquake struck", "X police arrested Y": a town naming the subject
        for subj in subjects(head):
            for c in subj.children:
                if c.dep_ == "compound" and c.i < subj.i and label_of(c) in _PLACE_ONLY:
                    found = _place_phrase_text(c, label_of)
                    if found:
                        return found
    hosts = [head]
    if head.dep_ in {"dobj", "nsubjpass", "pobj"} and head.head.i != head.i:
        hosts.append(head.head if head.dep_ != "pobj" else head.head.head)
    if head.pos_ in {"NOUN", "PROPN"}:
        # "the coronation occurring at X", "the treaty signed at X": a participle on the noun
        hosts += [c for c in head.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    for h in hosts:
        for prep in preps:
            for o in prep_objects(h, prep):
                found = _place_phrase(o, label_of)
                if found:
                    return found
    # the place written on the act's object: "signed a memorandum of understanding in X"
    if head.pos_ in {"VERB", "AUX"}:
        for a in direct_args(head):
            x, hops = a, 0
            while x.pos_ in {"NOUN", "PROPN"} and hops < 3:
                for prep in ("in", "at"):
                    for o in prep_objects(x, prep):
                        found = _place_phrase(o, label_of) if _is_place(o, label_of) else None
                        if found:
                            return found
                nxt = prep_objects(x, "of")
                if not nxt:
                    break
                x, hops = nxt[0], hops + 1
    # the place of the trigger's target: "a strike against the naval base at X"
    for h in hosts:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ in preps:
                continue
            for o in (g for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}):
                for prep in PLACE_PREPS:
                    for x in prep_objects(o, prep):
                        found = _place_phrase(x, label_of) if _is_place(x, label_of) else None
                        if found:
                            return found
    # the verbs above the trigger in its clause ("X was crowned ... at Y", "landing at Y"),
    # and participle clauses on them ("While campaigning in Y, X died"): the nearest place
    best: tuple[int, str] | None = None
    chain: list[Token] = []
    cur = head
    while cur.head.i != cur.i and cur.dep_ not in _CLAUSE_EDGES:
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            chain.append(cur)
    carriers = list(chain)
    for v in [head, *chain]:
        carriers += [c for c in v.children if c.dep_ == "advcl" and c.tag_ in {"VBG", "VBN"}]
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
                found = _place_phrase(o, label_of) if _is_place(o, label_of) else None
                if found and (best is None or abs(o.i - head.i) < best[0]):
                    best = (abs(o.i - head.i), found)
    if best is not None:
        return best[1]
    return _target_place(head, tr, label_of) or _clause_place(head, doc_tokens, label_of)


_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT"})
#: prepositions whose place object, anywhere in the trigger's own clause, locates the event
_CLAUSE_PLACE_PREPS = (*PLACE_PREPS, "over", "across", "throughout", "within")


#: prepositions after which a lone name the tagger took for an organisation is a site
_SITE_PREPS = frozenset({"at", "in", "near", "outside"})


def _bare_name(t: Token, label_of: LabelOf) -> bool:
    """A lone capitalised name with no words of its own ("at X"): after a preposition of
    place it is a town even when the tagger took it for an organisation."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and not t.text.isupper()
        and label_of(t) in {"ORG", ""}
        and not any(c.dep_ in {"compound", "amod", "flat", "det"} for c in t.children)
    )


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
        if _is_place(o, label_of) and not _names_person(o, label_of):
            found = _place_phrase_text(o, label_of)
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
    for t in clause.subtree:
        if t.i != clause.i and t.dep_ in _CLAUSE_EDGES | CLAUSE_DEPS:
            sub = {x.i for x in t.subtree}
            if head.i not in sub:
                excluded |= sub
    return [t for t in clause.subtree if t.i not in excluded and sent.start <= t.i < sent.end]


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
        on_act = h.i == head.i or h.pos_ in {"VERB", "AUX"} or h.ent_type_ in {"DATE", "TIME"}
        if not on_act and not (h.dep_ in {"dobj", "nsubjpass"} and h.head.i == head.i):
            continue  # "the rise of regimes in X": the place of another noun
        for o in (g for g in t.children if g.dep_ == "pobj" and g.i in ids):
            if (
                _is_place(o, label_of)
                or (t.lower_ in _SITE_PREPS and _bare_name(o, label_of))
                or (
                    t.lower_ == "at"
                    and label_of(o) == "ORG"
                    and o.text[:1].isupper()
                    and norm(o.text) in name_words().venue_heads
                )  # "spoke at the X Assembly": the body's seat
            ) and not _names_person(o, label_of):
                found = _place_phrase_text(o, label_of)
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
            and label_of(t) in _PLACE_ONLY
            and not _names_person(t, label_of)
        ):
            found = _place_phrase_text(t, label_of)
            if found:
                return found
    return None


def _chain(t: Token) -> list[Token]:
    out = [t]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _marked(t: Token, markers: Collection[str]) -> bool:
    if t.lower_ in markers or (t.dep_ == "prep" and t.lemma_.lower() in markers):
        return t.dep_ in {"prep", "mark", "advmod", "pcomp", "advcl", "agent"} or t.pos_ == "ADP"
    return any(c.dep_ == "mark" and c.lower_ in markers for c in t.children)


def _fronted(t: Token, date_tokens: Collection[int], markers: Collection[str]) -> bool:
    """The parser hung a fronted date on a subordinate clause: "In December 1917, a month
    after X seized power, Y broke off relations" (the clause's temporal marker comes after the
    date, so the date belongs to the sentence around the clause, not to X)."""
    last = max(date_tokens)
    return any(c.dep_ == "mark" and c.lower_ in markers and c.i > last for c in t.children)


def tree_distance(
    a: Token,
    b: Token,
    markers: Collection[str],
    other_heads: Collection[int],
    inside: Collection[int] = (),
    weak: Collection[int] = (),
) -> tuple[bool, int]:
    """(blocked, distance) between a trigger ``a`` and a date root ``b`` in one parse.

    Blocked when the trigger sits inside a temporal-relation phrase the date is outside of
    ("16 years after breaking relations", "following the revolution"), or the date sits inside
    one, inside a relative clause, or under another trigger that is not above ``a``."""
    ca, cb = _chain(a), _chain(b)
    ids_b = {t.i: k for k, t in enumerate(cb)}
    lca_k = next((k for k, t in enumerate(ca) if t.i in ids_b), None)
    if lca_k is None:
        return True, 10**6
    lca = ca[lca_k]
    kb = ids_b[lca.i]
    blocked = any(_marked(t, markers) for t in ca[:lca_k])
    if (
        kb == 1
        and lca.i != a.i
        and lca.i in other_heads
        and b.dep_ in {"nummod", "compound", "amod", "npadvmod", "poss", "nmod"}
    ):
        blocked = True  # "the 1959 revolution and the landing": the year is the revolution's
    for t in cb[:kb]:
        if t.i in inside:  # "ten minutes before midnight": the date's own words never block
            continue
        if t.lower_ in markers and (t.dep_ in {"prep", "mark"} or t.pos_ == "ADP"):
            blocked = True
        if any(c.dep_ == "mark" and c.lower_ in markers and c.i not in inside for c in t.children):
            blocked = True  # "... died since it went up in 1961": the date is the clause's
        if (
            t.dep_ in {"relcl", "acl"}
            and t.i != b.i
            and not _manner_phrase(t, a, lca, set(other_heads) - set(weak))
        ):
            blocked = True
        if (
            t.i in other_heads
            and t.i != a.i
            and not _fronted(t, inside or {b.i}, markers)
            and not (t.i in weak and t.head.i == a.i and t.dep_ in {"dobj", "nsubjpass"})
        ):
            # (a bare event noun that is the trigger's own object does not hold the date:
            # "rejected the treaty in votes held in <date>")
            blocked = True
    return blocked, lca_k + kb


def _manner_phrase(clause: Token, a: Token, lca: Token, other_heads: Collection[int]) -> bool:
    """ "rejected the treaty in votes held in November 1919": a participle clause on a noun
    that only says how the trigger's act happened dates the act (the noun is no event of its
    own and hangs on a preposition of the trigger)."""
    noun = clause.head
    if clause.dep_ != "acl" or lca.i != a.i or noun.i in other_heads:
        return False
    prep = noun.head
    host = prep.head
    on_trigger = host.i == a.i or (host.head.i == a.i and host.dep_ in {"dobj", "nsubjpass"})
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and on_trigger


def choose_time(
    tr: Trigger,
    sentence_times: Sequence[Located],
    markers: Collection[str],
    other_heads: Collection[int],
    max_distance: int | None = None,
    weak: Collection[int] = (),
) -> Located | None:
    """The date attached to the trigger by the parse: nearest unblocked date in the sentence."""
    if not sentence_times:
        return None
    head = sentence_times[0].root.doc[tr.head] if sentence_times[0].root is not None else None
    found: list[tuple[tuple[int, int, int], Located]] = []
    for loc in sentence_times:
        if loc.root is None or head is None:
            continue
        if loc.tokens and tr.head in loc.tokens:
            continue
        rel = _relational_marker(loc, markers)
        if rel is not None:
            # "a month after X", "16 years after X": the value dates X, the event inside
            # the phrase the marker governs, and no other event of the sentence
            if _governed_by(head, rel):
                found.append(((0, loc.width, abs(loc.root.i - tr.head)), loc))
            continue
        blocked, dist = tree_distance(head, loc.root, markers, other_heads, loc.tokens, weak)
        if blocked:
            continue
        if max_distance is not None and dist > max_distance:
            continue
        # nearest in the tree (a date counted from the publication date, "90 years ago",
        # counts two steps further); on a tie the finer date, then the nearer in the text
        v = loc.mention.value
        relative = 2 if v is not None and v.anchor == "dct" else 0
        found.append(((dist + relative, loc.width, abs(loc.root.i - tr.head)), loc))
    if not found:
        return None
    found.sort(key=lambda kv: kv[0])
    best = found[0][1]
    # a date counted from the publication date ("on the 90th anniversary", "90 years ago") is
    # refined by an absolute, finer date inside it in the same sentence ("November 15, 2023")
    bv = best.mention.value
    if bv is not None and bv.anchor == "dct":
        finer = [
            loc
            for loc in sentence_times
            if loc is not best
            and loc.mention.value is not None
            and loc.mention.value.anchor != "dct"
            and loc.mention.value.within(bv)
            and loc.width < best.width
        ]
        if finer:
            return min(
                finer,
                key=lambda loc: (
                    loc.width,
                    abs((loc.root.i if loc.root is not None else 0) - tr.head),
                ),
            )
    return best


def _relational_marker(loc: Located, markers: Collection[str]) -> Token | None:
    """The marker token ending an event-anchored date ("16 years after"), if any."""
    v = loc.mention.value
    if loc.root is None or not loc.tokens or v is None or v.anchor != "event":
        return None
    last = loc.root.doc[max(loc.tokens)]
    return last if last.lower_ in markers else None


def _governed_by(t: Token, marker: Token) -> bool:
    """True when ``t`` lies in the phrase the marker introduces (after the marker, and the
    marker is an ancestor of ``t`` or the ``mark`` of one of its ancestors)."""
    if t.i <= marker.i:
        return False
    chain = _chain(t)
    ids = {x.i for x in chain}
    return marker.i in ids or (marker.dep_ == "mark" and marker.head.i in ids)


def clause_span(tr: Trigger, sent: Span, other_heads: Collection[int]) -> tuple[int, int]:
    """Doc-relative char span of the clause stating the event: the clause head's subtree
    without the sub-clauses that carry other triggers (for long multi-event sentences)."""
    doc = sent.doc
    head = doc[tr.head]
    clause = head
    while (
        clause.pos_ not in {"VERB", "AUX"}
        and clause.head.i != clause.i
        and clause.dep_ not in CLAUSE_DEPS
    ):
        clause = clause.head
    excluded: set[int] = set()
    for c in clause.children:
        if c.dep_ in CLAUSE_DEPS:
            sub = {t.i for t in c.subtree}
            if head.i not in sub and sub & set(other_heads):
                excluded |= sub
    # the run of the clause around the trigger: an excluded sub-clause in the middle cuts it
    # (a closing full stop must not stretch it over the sub-clause again)
    lo = max((i for i in excluded if i < head.i), default=-1)
    hi = min((i for i in excluded if i > head.i), default=len(doc))
    toks = [
        t
        for t in clause.subtree
        if t.i not in excluded and sent.start <= t.i < sent.end and lo < t.i < hi
    ]
    while len(toks) > 1 and toks[-1].is_punct and toks[-1].i != head.i:
        toks.pop()
    if not toks:
        return sent.start_char, sent.end_char
    # the span must cover the trigger itself (a named trigger may reach beyond the clause)
    s = min(min(t.idx for t in toks), doc[tr.start].idx)
    last = max(toks, key=lambda t: t.idx + len(t.text))
    e = max(last.idx + len(last.text), doc[tr.end - 1].idx + len(doc[tr.end - 1].text))
    return s, e


__all__ = [
    "MODIFIER_DEPS",
    "Located",
    "choose_time",
    "clause_span",
    "participants",
    "place_of",
    "tree_distance",
]
