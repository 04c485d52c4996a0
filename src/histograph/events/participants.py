"""Participants of an event trigger from the dependency parse: subjects, objects and the
parties of its prepositions; the people and states behind groups, commanders, appositions,
relative pronouns, pronouns and bare titles resolved (:mod:`.reference`, :mod:`.pronouns`);
names trimmed of what the tagger ran into them. Who took part in a list line or a headline:
:mod:`.lines`."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from ..entities.lexicon import is_head, name_words, norm
from ..model import Participant
from ..nlp import doc_text
from .bodies import qualified_body
from .lines import colon_clause_names, colon_clause_verbs, headline_subjects
from .phrases import (
    EDGE,
    PARTICIPANT_LABELS,
    PLACE_ONLY,
    argument_words,
    collective_people,
    entity_like,
    named_after_place,
    names_person,
    phrase_bounds,
    run_into_date,
    sentence_year,
    skip_epithets,
    state_of_people,
    state_of_word,
    state_word,
    title_before_name,
)
from .pronouns import (
    plural_antecedent,
    pronoun_person,
    state_antecedent,
    swallowed_subject,
)
from .reference import (
    EntityAt,
    LabelOf,
    antecedent,
    names_nobody_before,
    title_holder,
    titled_person,
)
from .sides import (
    addressed,
    backers,
    behind,
    body_of,
    drawn_into,
    hyphen_pair,
    office_states,
    role_states,
    states_left,
    taking_part,
)
from .triggers import Trigger, direct_args, prep_objects, subjects, with_conjuncts
from .types import EventType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: types of acts whose "into X" names the state they befell ("crossed into X")
_INTO_TYPES = frozenset({"war_or_invasion", "battle"})
#: relative adverbs: the clause they open tells where or when, of a place or a time
_WHERE = frozenset({"where", "when", "whereupon"})


def make_participant(
    t: Token,
    role: str,
    offset: int,
    label_of: LabelOf,
    entity_at: EntityAt,
    alone: bool = False,
) -> Participant | None:
    """The participant a token names (with its name's words, or the token ``alone``)."""
    if not entity_like(t, label_of):
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
            if c.dep_ in {"compound", "nmod", "poss"} and c.i < t.i and entity_like(c, label_of)
        ]
        if not mods:
            return None
        t = mods[-1]
    s, e = (t.i, t.i + 1) if alone else phrase_bounds(t)
    doc = t.doc
    if label_of(t) in PARTICIPANT_LABELS:
        s = skip_epithets(doc, s, e)
    while s < t.i and (doc[s].ent_type_ in {"DATE", "TIME"} or doc[s].is_punct):
        s += 1  # "On 2 June 1799 Swedish troops": the date the parser hung on the noun
    if run_into_date(t, label_of):
        s = t.i  # "On 3 August Blake": the name alone
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
        while k > s and title_before_name(doc[k - 1]):
            k -= 1
        start = min(start, offset + doc[k].idx)
    elif found is not None:
        start, end, key = min(start, found[0]), max(end, found[1]), found[2]
    elif e - s == 1 and label_of(t) == "" and state_word(t) is not None:
        key = state_word(t)
    elif collective_people(t, label_of):
        key = state_of_people(t.text, sentence_year(t))
    start, end = _trim_name(t, start, end, offset)
    name = doc_text(doc)[start - offset : end - offset]
    shared = _shared_head(t, name)
    if shared is not None:
        # "East and West Germany": "East" names East Germany, the name it shares a head with
        name, key = shared, key or state_of_word(shared)
        return Participant(name=name, role=role, start=start, end=end, key=key)
    if name.lower().startswith("the "):
        name = name[4:]
        start += 4
    lead = len(name) - len(name.lstrip(EDGE))
    name = name.strip(EDGE)
    if not name or (" " not in name and is_head(name)):
        return None  # an unresolved bare title ("the King") names nobody
    if _not_an_actor(t, name):
        return None
    start += lead
    end = start + len(name)
    body = qualified_body(t, name)  # "the Senate" on a sentence about one state
    return Participant(name=body or name, role=role, start=start, end=end, key=key)


def _not_an_actor(t: Token, name: str) -> bool:
    """ "the X Plan", "Y missiles", "the Z Memorandum", "Radio W": a document, plan, weapon or
    broadcaster named by its head noun or first word (``non_actor_heads`` and
    ``non_actor_leads``, participants.yaml) is what was made, sent or used, not who acted."""
    words = argument_words()
    lead = norm(name.split()[0]) if " " in name else ""
    return lead in words.non_actor_leads or norm(t.text) in words.non_actor_heads


#: "North and South X" tagged as one name
_TWO_PARTS = re.compile(r"^(?P<a>\w+) and (?P<b>\w+) (?P<rest>\S.*)$")


def split_shared(p: Participant) -> list[Participant]:
    """ "North and South X" tagged as one name names two: "North X" and "South X" (both
    first words of ``never_alone``, places.yaml); else the participant as it is."""
    m = _TWO_PARTS.match(p.name)
    alone = argument_words().never_alone
    if m is None or norm(m.group("a")) not in alone or norm(m.group("b")) not in alone:
        return [p]
    first = f"{m.group('a')} {m.group('rest')}"
    second = f"{m.group('b')} {m.group('rest')}"
    return [
        Participant(first, p.role, p.start, p.end, state_of_word(first)),
        Participant(second, p.role, p.start, p.end, state_of_word(second)),
    ]


def _shared_head(t: Token, name: str) -> str | None:
    """ "East and West Germany", "North and South Korea": a word of ``never_alone``
    (places.yaml) coordinated with a name of two or more words shares that name's last
    words; the full name it stands for ("East Germany"), else ``None``."""
    if norm(name) not in argument_words().never_alone:
        return None
    for c in t.conjuncts:
        if c.i <= t.i:
            continue
        s, e = phrase_bounds(c)
        words = [x.text for x in t.doc[s:e]]
        if len(words) >= 2 and norm(words[0]) in argument_words().never_alone:
            return " ".join([name, *words[1:]])
    return None


#: what splits a tagged span into pieces of which only the head's is the name: a pipe, a
#: colon, a spaced dash, a line break ("August | X", "Council of Four:", "X - November")
_NAME_BREAK = re.compile(r"\s*(?:\||:|\s[-–—]\s|\n\s*\n|[-–—]\s)\s*")


#: a leading date or number with its dash ("1933- X", "1914 – X")
_LEAD_NUMBER = re.compile(r"^\s*\d[\d\s./]*(?:[-–—:]\s*|\s+)")


def last_before(t: Token, hi: int) -> Token:
    """The last token from ``t`` on that starts before the chunk offset ``hi`` (``t`` when
    none does). Tokens start in order: a walk forward that stops at ``hi``, not a scan back
    from the end of a chunk of one long line."""
    last = t
    for x in t.doc[t.i :]:
        if x.idx >= hi:
            break
        last = x
    return last


def _trim_name(t: Token, start: int, end: int, offset: int) -> tuple[int, int]:
    """The bounds of a participant's name without what the tagger ran into it: the piece
    around the head between pipes, colons and spaced dashes, no leading date, no verb after
    the head ("X mobilises"), and the rest of a hyphened word it was cut from ("Austro")."""
    doc = t.doc
    text = doc_text(doc)
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
    last = last_before(t, hi)
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
        inherited = coordinated_subjects(head)
        if inherited:  # "X arrived, met Y and signed Z", "X lost ... and was removed"
            passive = is_passive(head)
        for s in (
            inherited or subjects(head) or _controller(head) or swallowed_subject(head, label_of)
        ):
            found.append(
                (s, roles.get("nsubjpass", "patient") if passive else roles.get("nsubj", "agent"))
            )
        if head.dep_ == "xcomp":
            # "X authorised Y to assure Z", "X forced Y to cede": Y does the act
            found.extend(
                (o, roles.get("nsubj", "agent"))
                for o in head.head.children
                if o.dep_ == "dobj" and o.i < head.i
            )
        for a in direct_args(head):
            found.append((a, roles.get(a.dep_, "patient")))
        found.extend((a, "patient") for a in reduced_objects(head))
        for a in prep_objects(head, "by"):
            found.append((a, roles.get("agent", "agent")))
        found.extend((x, "party") for x in _held_in(head))
        clause = _participle_clause(head)
        if clause is not None:
            # "A surprised B, forcing a retreat": the participle's act befalls B too
            found.extend(
                (o, "patient")
                for o in (*direct_args(clause), *reduced_objects(clause))
                if o.pos_ != "PRON"
            )
        # "forced X into negotiations, mediated by Y": the act a participle on an event noun
        # tells of was between the verb's subject and object
        if head.dep_ == "acl" and head.head.pos_ == "NOUN":
            found.extend((x, "party") for x in drawn_into(head.head))
        elif head.dep_ == "advcl" and head.tag_ == "VBN" and not _own_subjects(head):
            for prep in ("into", "to"):  # the parser hung the participle on the verb
                for n in prep_objects(head.head, prep):
                    found.extend((x, "party") for x in drawn_into(n))
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
            found.extend((x, "agent") for x in plural_antecedent(head, doc_tokens, label_of))
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
                label_of(a) in PLACE_ONLY or named_after_place(head, a, label_of)
            ) and not names_person(a, label_of):
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
        verbs = colon_clause_verbs(doc[tr.start : tr.end].root, doc_tokens)
        for v in verbs:
            found.extend((x, "party") for x in subjects(v))
            found.extend((x, "party") for x in direct_args(v))
        if not verbs:
            found.extend(
                (x, "party") for x in colon_clause_names(doc[tr.start : tr.end].root, label_of)
            )
        found.extend((x, "party") for x in _fronted_battle_parties(tr, doc))
        found.extend((x, "agent") for x in headline_subjects(head, label_of))
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
                for s in coordinated_subjects(gov) or subjects(gov) or _participle_subject(gov):
                    found.append((s, "agent"))
                if any(s.lower_ in {"they", "them"} for s in subjects(gov)):
                    found.extend((x, "agent") for x in plural_antecedent(gov, doc_tokens, label_of))
            for a in prep_objects(gov, "by"):
                found.append((a, "agent"))
            for prep, role in (("to", "recipient"), ("with", "party"), ("between", "party")):
                for a in prep_objects(gov, prep):
                    found.append((a, role))
        # "contacts increased between X and Y", "talks resumed with X": the parties of an
        # act that is the subject of a verb without an object hang on the verb
        if (
            head.dep_ == "nsubj"
            and gov.pos_ == "VERB"
            and not any(c.dep_ in {"dobj", "obj"} for c in gov.children)
        ):
            for prep in ("with", "between"):
                found.extend((x, "party") for x in prep_objects(gov, prep))
        found.extend((x, "party") for x in taking_part(head))
        # "X presided over the conference", "X took part in the talks": who did the act
        # the verb's place-like preposition names took part in it
        verb = gov.head
        if (
            head.dep_ == "pobj"
            and gov.dep_ == "prep"
            and gov.lower_ in {"over", "in", "at", "into"}
            and verb.pos_ in {"VERB", "AUX"}
            and norm(verb.lemma_) in argument_words().taking_part_verbs
        ):
            found.extend((x, "party") for x in coordinated_subjects(verb) or subjects(verb))
        # "X forced Y into negotiations", "X drew Y into the war": the verb's subject and
        # object enter the act its preposition leads to
        found.extend((x, "party") for x in drawn_into(head))
        # "X and Y at the Z Conference" (a caption, a list line): who is written at a meeting
        # took part in it
        if (
            head.dep_ == "pobj"
            and gov.lower_ == "at"
            and verb.pos_ == "PROPN"
            and label_of(verb) == "PERSON"
        ):
            found.extend((x, "party") for x in [verb, *verb.conjuncts])
    found.extend((x, "recipient") for x in addressed(host))
    for prep, role in (
        ("to", "recipient"),
        ("with", "party"),
        ("between", "party"),
        ("against", "patient"),
        ("before", "party"),  # "set out before Congress": a body that hears the act
    ):
        for a in prep_objects(host, prep):
            found.append((a, role))
    # "troops crossed into X", "marched into X": the state an act of war goes into
    if typ.id in _INTO_TYPES:
        found.extend((a, "patient") for a in prep_objects(host, "into") if _a_state(a, label_of))
    # "captured X from the Portuguese", "took X from Y": the state it was taken from
    if norm(host.lemma_) in argument_words().taking_verbs:
        found.extend((a, "patient") for a in prep_objects(host, "from") if _a_state(a, label_of))
    # "hosted a lunch for X", "held a reception for X": a person the act is done for
    for h in (host, *(a for a in direct_args(host) if a.pos_ == "NOUN")):
        found.extend((a, "recipient") for a in prep_objects(h, "for") if _a_person(a, label_of))
    # "became independent from Spain", "won independence from Ottoman rule", "broke away
    # from the Crown of X": the state left takes part
    found.extend((a, "patient") for a in states_left(host, label_of))
    # "concluded the treaty together with X", "signed it along with X"
    for c in host.children:
        if c.dep_ == "advmod" and c.lower_ in {"together", "along", "jointly"}:
            found.extend((a, "party") for a in prep_objects(c, "with"))
    # "French forces under Marshal X", "an army led by X", "the Saxons commanded by X": the
    # commander takes part too
    command = argument_words().command_verbs
    for tok, role in list(found):
        if tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        # "soldiers of the garrison under Captain X": the unit a common noun is part of
        units = (
            [u for u in prep_objects(tok, "of") if u.pos_ == "NOUN"] if tok.pos_ == "NOUN" else []
        )
        for t in (tok, *units):
            found.extend((x, role) for x in prep_objects(t, "under"))
            for c in t.children:
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
        pair = hyphen_pair(tok, label_of, entity_at, offset)
        if pair:
            alone.update(x.i for x in pair)
            found.extend((x, role) for x in pair)
    where = -1
    if head.dep_ == "relcl" and any(c.lower_ in _WHERE for c in head.children):
        # "Paris, where he was crowned": the noun the clause hangs on is where or when, never
        # who (nor what a pronoun in the clause stands for)
        where = head.head.i
        found = [(t, r) for t, r in found if t.i != where]
    out: list[Participant] = []
    seen: set[tuple[int, int]] = set()
    has_person = False
    for tok, role in found:
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
            tok = tok.head.head  # "Bullitt, who would become ..." -> Bullitt
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and entity_like(tok.head, label_of):
            tok = tok.head  # "Mr X, a barrister who was born in Y": the relative's antecedent
        appos = [
            c
            for c in tok.children
            if c.dep_ == "appos"
            and entity_like(c, label_of)
            and (
                tok.pos_ != "PROPN"
                or c.doc[c.left_edge.i - 1].text in {",", "(", ":", "–", "—", "-"}
            )
            and c not in swallowed_subject(c.doc[c.i + 1] if c.i + 1 < len(c.doc) else c, label_of)
        ]  # (a name's run-on epithet is none: "Augustus the Strong"; nor the next verb's
        # subject the parser hung on a fronted phrase: "After the murder of X, Y did ...")
        office: list[Token] = []
        if label_of(tok) == "PERSON":
            # "X, the British Prime Minister,": the office of a person, not another one
            titles = [c for c in appos if label_of(c) != "PERSON" and is_head(c.text)]
            office = [x for c in titles for x in office_states(c)]
            appos = [c for c in appos if c not in titles]
        holder = None if appos else title_holder(tok, label_of) or titled_person(tok, label_of)
        office += office_states(tok)
        if appos:
            tok = appos[0]  # "their representative, Maxim Litvinov" -> Litvinov
            office += office_states(tok)
        elif holder is not None:
            tok = holder  # "the King" after "King John": John
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in role_nouns:
            # "the first US ambassador": a role, not a participant; the state whose office
            # it is takes part ("told the Austrian ambassador")
            for x in (*office, *role_states(tok, label_of), *body_of(tok, label_of)):
                p = make_participant(x, role, offset, label_of, entity_at, True)
                if p is not None and (p.start, p.end) not in seen:
                    seen.add((p.start, p.end))
                    out.append(p)
            continue
        if tok.pos_ == "PRON":
            ante = (
                antecedent(tok, doc_tokens, offset, label_of, entity_at)
                or pronoun_person(tok, doc_tokens, offset, label_of, entity_at)
                or state_antecedent(tok, doc_tokens, label_of)
            )
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
        if tok.i == where:
            continue
        for x in (tok, *behind(tok, label_of), *office):
            if x.pos_ == "PRON":
                ante = antecedent(x, doc_tokens, offset, label_of, entity_at) or pronoun_person(
                    x, doc_tokens, offset, label_of, entity_at
                )
                if ante is None:
                    continue
                x = ante
            p = make_participant(x, role, offset, label_of, entity_at, x.i in alone)
            if p is None or (p.start, p.end) in seen:
                continue
            seen.add((p.start, p.end))
            out.append(p)
            has_person = has_person or label_of(x) == "PERSON"
    for who, at in backers(head):
        start = offset + at
        if (start, start + len(who)) not in seen:
            seen.add((start, start + len(who)))
            out.append(Participant(who, "agent", start, start + len(who), state_of_word(who)))
    if typ.identity and not has_person:
        # "The first US Ambassador ... was ... William Bullitt": the person named in the clause
        for tok in _clause_tokens(head, doc_tokens):
            if label_of(tok) == "PERSON" and tok.dep_ != "compound":
                p = make_participant(tok, typ.identity[0], offset, label_of, entity_at)
                if p is not None and (p.start, p.end) not in seen:
                    seen.add((p.start, p.end))
                    out.append(p)
                    break
    return tuple(x for p in out for x in split_shared(p))


#: dependencies by which a verb has a subject of its own
_OWN_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_VERBAL = frozenset({"VERB", "AUX"})


def _own_subjects(v: Token) -> list[Token]:
    return [c for c in v.children if c.dep_ in _OWN_SUBJECT]


def coordinated_subjects(v: Token) -> list[Token]:
    """The subject a verb coordinated with an earlier one shares with it when it has none of
    its own ("X arrived, met Y and signed Z": X signed; "X lost ... and was removed": X),
    through chains of coordination, from the nearest coordinated clause that has one (never
    across it: "X arrived, Y fled and signed": Y signed). A relative clause's pronoun or the
    noun it hangs on ("the treaty, which was signed ... and ratified ...") is returned as is."""
    if v.dep_ != "conj" or v.pos_ not in _VERBAL or _own_subjects(v):
        return []
    x = v
    for _ in range(12):
        gov = x.head
        if x.dep_ != "conj" or gov.pos_ not in _VERBAL or gov.i >= x.i:
            return []
        nearer = [
            c
            for c in gov.children
            if c.dep_ == "conj" and gov.i < c.i < x.i and c.pos_ in _VERBAL and _own_subjects(c)
        ]
        x = nearer[-1] if nearer else gov
        own = _own_subjects(x)
        if own:
            return with_conjuncts(own)
        if x.dep_ != "conj":
            return subjects(x)  # a relative, complement or adverbial clause's own fallback
    return []


def is_passive(v: Token) -> bool:
    """Whether a verb is passive: with its own passive auxiliary or subject, or a bare
    participle coordinated with a passive verb ("X was arrested and executed")."""
    if any(c.dep_ in {"auxpass", "nsubjpass", "csubjpass"} for c in v.children):
        return True
    if any(c.dep_ in {"aux", "nsubj", "csubj"} for c in v.children):
        return False
    if v.dep_ != "conj" or v.head.pos_ not in _VERBAL or not is_passive(v.head):
        return False
    # the tagger often reads a bare participle after "was arrested and" as a past tense:
    # a regular one with no object of its own is the participle
    return v.tag_ == "VBN" or (
        v.tag_ == "VBD"
        and v.lower_.endswith("ed")
        and not any(c.dep_ in {"dobj", "obj", "dative", "prt"} for c in v.children)
    )


def _held_in(v: Token) -> list[Token]:
    """ "X rejected the treaty in votes held in May", "X spoke at the congress held in Y": a
    bare participle on the noun of an act that a verb of ``taking_part_verbs`` names after
    in/at; the verb's subject took part in what the participle tells."""
    noun = v.head
    if v.dep_ != "acl" or v.tag_ != "VBN" or _own_subjects(v) or noun.dep_ != "pobj":
        return []
    prep, verb = noun.head, noun.head.head
    if verb.dep_ == "dobj":
        verb = verb.head  # the parser hung the phrase on the object ("the treaty in votes")
    if prep.lower_ not in {"in", "at"} or verb.pos_ not in _VERBAL:
        return []
    if norm(verb.lemma_) not in argument_words().taking_part_verbs:
        return []
    return coordinated_subjects(verb) or subjects(verb)


def reduced_objects(v: Token) -> list[Token]:
    """ "A surprised the B commanded by X" parsed as a clause ("B" the subject of a bare
    participle): the participle's subject is the verb's object, and the commander of a verb
    of ``command_verbs`` takes part with it."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ != "ccomp" or c.tag_ != "VBN" or c.i < v.i:
            continue
        if any(x.dep_ in {"aux", "auxpass", "mark"} for x in c.children):
            continue
        subj = [x for x in c.children if x.dep_ in {"nsubj", "nsubjpass"}]
        if not subj:
            continue
        out += with_conjuncts(subj)
        if norm(c.lemma_) in argument_words().command_verbs:
            out += prep_objects(c, "by")
    return out


def _participle_clause(v: Token) -> Token | None:
    """The verb of the clause an active participle without a subject of its own hangs on
    ("X surprised Y, overwhelming them and forcing a retreat": surprised), else ``None``."""
    if v.tag_ != "VBG" or _own_subjects(v):
        return None
    if v.dep_ == "conj" and v.head.tag_ == "VBG" and not _own_subjects(v.head):
        v = v.head  # "..., overwhelming them and forcing a retreat"
    return v.head if v.dep_ == "advcl" and v.head.pos_ in _VERBAL else None


def _participle_subject(v: Token) -> list[Token]:
    """The subject of the clause an active participle without one of its own hangs on ("X
    was crowned at Y, completing the conquest of Z": X completed it)."""
    clause = _participle_clause(v)
    if clause is None:
        return []
    return with_conjuncts([c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}])


def _a_state(t: Token, label_of: LabelOf) -> bool:
    """A state's name (tagged a state, or a name of the gazetteer the tagger left alone)."""
    return (
        label_of(t) == "STATE"
        or (label_of(t) in {"", "GPE", "NORP"} and state_word(t) is not None)
        or collective_people(t, label_of)
    )


def _a_person(t: Token, label_of: LabelOf) -> bool:
    """Tagged a person, or a name with a title before it ("Lord X")."""
    return label_of(t) == "PERSON" or (
        t.pos_ == "PROPN"
        and any(c.dep_ == "compound" and c.i < t.i and is_head(c.text) for c in t.children)
    )


def _controller(v: Token) -> list[Token]:
    """The subject of a passive verb that an infinitive completes ("X was required to pay",
    "X was forced to cede"): the one who does the infinitive's act."""
    if v.dep_ != "xcomp":
        return []
    return [c for c in v.head.children if c.dep_ == "nsubjpass"]


def _who_antecedent(rel: Token, label_of: LabelOf) -> Token | None:
    """ "the army of X and Y, who were both killed": the parser hung the relative clause on
    the group noun; "who" stands for the people named right before its comma."""
    if rel.lower_ not in {"who", "whom"}:
        return None
    noun = rel.head.head
    if noun.pos_ != "NOUN" or entity_like(noun, label_of):
        return None
    k = rel.i - 1
    if k < 1 or rel.doc[k].text != ",":
        return None
    t = rel.doc[k - 1]
    return t if label_of(t) == "PERSON" and t.i > noun.i else None


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
    out += reduced_objects(verb)
    out += [
        t
        for t in root.subtree
        if t.dep_ == "appos" and t.pos_ in {"NOUN", "PROPN"} and t.i >= tr.end
    ]
    return out


def _clause_tokens(head: Token, sent: Span) -> list[Token]:
    """Tokens of the trigger's clause (its verb's subtree without relative clauses)."""
    clause = head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "relcl" and clause.i != head.i:
        return []  # the clause is itself a relative clause on the trigger's noun
    # one walk down the tree that does not enter relative clauses: linear in the clause
    out: list[Token] = []
    stack = [clause]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ != "relcl" or c.i == head.i)
    out.sort(key=lambda t: t.i)
    return [t for t in out if sent.start <= t.i < sent.end]
