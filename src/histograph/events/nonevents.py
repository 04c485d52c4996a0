"""Triggers that tell no event of their own, and triggers retyped or merged by their clause
(``not_events``, ``figurative_modifiers`` and ``contests`` in ``data/event_types.yaml``): a
backdrop or label war, a figure, the record discussing an event, a frame clause around the
event it introduces, an event noun that is the object of a typed verb."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from .arguments import Located
from .fallback import OTHER_TYPE
from .labels import performing_verbs, record_subjects
from .triggers import Trigger
from .types import EventTypes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _about_the_record(v: Token) -> bool:
    """A clause whose subject is a figure, an estimate or a source ("other values have been
    proposed", "Russian sources date the order to X", "estimates range from ..."): the
    record discussing an event, not an event (``record_subjects`` in
    ``data/event_labels.yaml``)."""
    subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj and v.dep_ == "conj":
        subj = [c for c in v.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    words = record_subjects()
    return bool(subj) and all(s.lemma_.lower() in words or s.lower_ in words for s in subj)


_WH_TAGS = frozenset({"WP", "WDT", "WP$"})


#: counts from this size up are tolls and totals (attributes), below they count people or
#: things an event happened to ("two workers died that night")
_FIGURE_MIN = 100
_APPROX = frozenset(
    {
        "about",
        "some",
        "around",
        "over",
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "estimated",
        "least",
        "more",
        "than",
        "up",
    }
)


def _count(t: Token) -> int | None:
    digits = t.text.replace(",", "").replace(".", "")
    return int(digits) if digits.isdigit() else None


def _numeric(t: Token, dates: Collection[int] = ()) -> bool:
    """A noun phrase that is a figure: "3,000 people", "about 28 buildings", "$250 million",
    "at least 13 copies" (a large or approximate count, or an amount of money)."""
    nums = [t] if t.like_num or t.tag_ == "CD" else []
    nums += [c for c in t.children if c.dep_ in {"nummod", "quantmod"} or c.tag_ == "CD"]
    nums = [n for n in nums if n.i not in dates]  # "1862 The ship ...": a year, not a count
    if t.text == "$" or any(c.text == "$" for c in t.subtree):
        return True
    for n in nums:
        if any(x.lower_ in _APPROX for x in n.subtree) or any(
            x.lower_ in _APPROX for x in t.children
        ):
            return True
        value = _count(n)
        if value is not None and value >= _FIGURE_MIN:
            return True
    return False


def _backdrop_period(tr: Trigger, head: Token, et: EventTypes) -> bool:
    """An era named like an event ("the Cold War", ``named_periods``) that the text names as a
    backdrop: it is an event only as the subject of a phase verb ("the X ended") or the "of" of a
    phase noun ("the end of the X"; ``not_events.period_phases``)."""
    doc = head.doc
    words = " ".join(doc[i].lower_ for i in range(tr.start, tr.end))
    if words not in et.named_periods:
        return False
    root = head
    while tr.start <= root.head.i < tr.end and root.head.i != root.i:
        root = root.head  # the name's own head
    phases = et.not_events.period_phases
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in phases:
        return False  # "the Cold War ended in 1991"
    gov = root.head
    if root.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in phases:
        return False  # "the end of the Cold War"
    return root.dep_ != "ROOT"  # a heading or a list entry naming the era alone stays


def not_an_event(tr: Trigger, head: Token, et: EventTypes, dates: Collection[int] = ()) -> bool:
    """Mentions that are not events of their own (``not_events`` in the YAML):

    - a war named as the backdrop ("during the X War", "amid the war") or as a label ("X War:
      Battle of Y", "the X War memorial"), or a bare war noun naming a kind ("the use of
      aircraft in war");
    - a figure ("3,000 people died", "destroyed 28,000 buildings"): an attribute of an event;
    - a clause whose subject is a question word ("What happened in 1066"): a page heading."""
    ne = et.not_events
    if tr.kind == "named" and _backdrop_period(tr, head, et):
        return True
    if tr.kind in {"named", "nominal"} and et.group(tr.type) in ne.backdrop_groups:
        root = head
        while tr.start <= root.head.i < tr.end and root.head.i != root.i:
            root = root.head  # the name's own head ("World War I": the parser may pick "I")
        if root.dep_ == "compound" and not tr.start <= root.head.i < tr.end:
            return True  # "World War II veterans", "a war centenary": a label of a noun
        gov = root.head if root.dep_ == "pobj" else None
        if gov is not None and gov.lower_ in ne.backdrop_preps:
            return True
        k = tr.start - 1
        while k >= 0 and head.doc[k].lower_ in {"the", "a", "an"}:
            k -= 1
        if tr.kind == "named" and k >= 0 and head.doc[k].lower_ in ne.backdrop_preps:
            return True  # "during World War I." (whatever the parse made of it)
        if (
            gov is not None
            and gov.lower_ in ne.generic_preps
            and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in head.children)
            and tr.kind == "nominal"
            and not head.text[:1].isupper()
        ):
            return True
        nxt = head.doc[tr.end] if tr.end < len(head.doc) else None
        if tr.kind == "named" and nxt is not None and nxt.text.startswith(":"):
            return True  # "Franco-Prussian War: Battle of X": a label
    if (
        tr.kind == "nominal"
        and head.dep_ in {"amod", "compound", "nmod"}
        and head.head.i > head.i
        and head.i >= 2
        and head.doc[head.i - 1].text in {"-", "‐", "‑"}
        and not head.doc[head.i - 2].whitespace_
        and not head.doc[head.i - 1].whitespace_
    ):
        return True  # "a red-letter day", "a cross-border trade": a word of a compound modifier
    if tr.kind == "nominal" and head.lower_ in ne.tops:
        tops = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if any(
            g.ent_type_ in {"LOC", "GPE", "FAC"} or g.lemma_.lower() in ne.landforms for g in tops
        ):
            return True  # "the summit of Everest": the top of a place
    if tr.kind == "verbal" and _about_the_record(head):
        return True  # "other values have been proposed", "later sources date it to X"
    top = head
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head  # "subjecting the king to the law and promising justice"
    if tr.kind == "verbal" and (top.dep_ == "amod" or (top.dep_ == "acl" and head.tag_ == "VBG")):
        return True  # "the most widely accepted estimate", "a charter promising justice"
    if tr.kind == "verbal" and tr.type in ne.document_types:
        subj = [c for c in top.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if top.dep_ == "relcl" and (not subj or subj[0].tag_ in {"WDT", "WP"}):
            subj = [top.head]  # "an agreement that ... outlined rights"
        if (
            subj
            and subj[0].lemma_.lower() in ne.document_subjects
            and not any(c.dep_ == "nsubjpass" for c in top.children)
        ):
            return True  # "the charter outlined rights": the text's terms, not an act
    if (
        et.group(tr.type) == "office"
        and head.lemma_.lower() == "become"
        and any(
            c.dep_ in {"attr", "oprd"}
            and any(
                g.dep_ in {"acl", "relcl"} and any(a.tag_ == "TO" for a in g.children)
                for g in c.children
            )
            for c in head.children
        )
    ):
        return True  # "became the first pope to visit X": the visit is the event
    if tr.type in ne.figure_types and head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() in ne.figure_verbs and any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj"} and _numeric(c, dates) for c in head.children
        ):
            return True
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in _WH_TAGS for c in head.children):
            return True
    return False


def retype_figurative(tr: Trigger, head: Token, et: EventTypes) -> Trigger:
    """ "A price war", "the green revolution": a head noun made figurative by its modifier
    names no war or coup; the mention is typed ``other``."""
    if tr.kind not in {"nominal", "named"} or OTHER_TYPE not in et.types:
        return tr
    mods = et.figurative_modifiers.get(head.lower_) or et.figurative_modifiers.get(
        head.lemma_.lower()
    )
    if mods and any(
        c.dep_ in {"amod", "compound", "nmod"} and c.lemma_.lower() in mods for c in head.children
    ):
        return dataclasses.replace(tr, type=OTHER_TYPE)
    return tr


_SCORE = re.compile(r"^\d{1,3}[–—-]\d{1,3}$")


def retype_contest(tr: Trigger, head: Token, et: EventTypes, dates: Collection[int]) -> Trigger:
    """ "England defeated Germany 4–2 to win the Cup", "beat the champion to take the title":
    a war verb in a clause naming a game, a title or a score is a contest (``contests`` in
    the YAML), not a battle."""
    cs = et.contests
    if tr.kind != "verbal" or "contest" not in et.types or et.group(tr.type) not in cs.groups:
        return tr
    toks = list(head.subtree)
    text = " ".join(t.text for t in toks if t.i not in dates)
    if any(t.lemma_.lower() in cs.armed or t.lower_ in cs.armed for t in toks):
        return tr  # "the League's fleet defeated the navy": armed bodies fight
    if any(
        t.pos_ in {"NOUN", "PROPN"} and (t.lemma_.lower() in cs.words or t.lower_ in cs.words)
        for t in toks
    ) or any(_SCORE.match(w) for w in text.split()):
        return dataclasses.replace(tr, type="contest")
    return tr


def inside_happening(head: Token, untyped: Sequence[Trigger], et: EventTypes) -> bool:
    """ "The worst accident took place when an explosion killed the crew": the happening and
    the clause that tells it are one event (the outer, whose subject names it)."""
    outer_heads = {tr.head for tr in untyped if tr.head != head.i}
    cur = head
    while cur.head.i != cur.i:
        if cur.dep_ in {"advcl", "relcl"} and any(g.lower_ == "when" for g in cur.children):
            up = cur.head
            if up.i in outer_heads and up.lemma_.lower() in et.fallback.aspectual:
                return True
        cur = cur.head
    return False


def frame_clause(head: Token, triggers: Sequence[Trigger], et: EventTypes) -> bool:
    """An untyped frame clause around a typed event: "the turning point came on 6 May, when
    the treaty was signed", "a new chapter opened in 1955 when ...": one event, the embedded
    one (the frame's date reaches it through the parse)."""
    ne = et.not_events
    subj = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj or subj[0].lemma_.lower() not in ne.frame_subjects:
        return False
    for c in head.subtree:
        if c.dep_ not in {"advcl", "relcl"}:
            continue  # ("..., when X": attached to the verb or to its date)
        if not any(g.dep_ in {"mark", "advmod"} and g.lower_ in ne.frame_marks for g in c.children):
            continue
        inside = {t.i for t in c.subtree}
        if any(tr.head in inside for tr in triggers):
            return True
    return False


def objects_of_acts(triggers: list[Trigger], doc: Doc, et: EventTypes) -> list[Trigger]:
    """ "declared war on X", "ordered the mobilisation of the army", "announced the birth of
    a prince": an event noun that is the direct object of a typed verb is one event with the
    verb, told once. A verb that performs or makes known its object (``performs`` in
    ``data/event_labels.yaml``: declare, order, announce, ...) takes the noun's type, the
    event being what was declared or ordered; any other verb keeps its own ("refused the
    demand": a refusal)."""
    verbs = {tr.head: k for k, tr in enumerate(triggers) if tr.kind == "verbal"}
    if not verbs:
        return triggers
    out = list(triggers)
    drop: set[int] = set()
    performs = performing_verbs()
    for k, tr in enumerate(triggers):
        head = doc[tr.head]
        hv = _headline_passive(tr, head, verbs, triggers, et)
        if hv is not None:
            # "Treaty of X signed", "Fortress stormed": a headline's passive without its
            # auxiliary; the name is the verb's patient, one event
            v = verbs[hv]
            a, b = out[v].type, tr.type
            keep = a if et.types[a].priority >= et.types[b].priority else b
            out[v] = dataclasses.replace(out[v], type=keep, name=tr.name or out[v].name)
            drop.add(k)
            continue
        if tr.kind != "nominal" or head.dep_ not in {"dobj", "obj"} or head.head.i not in verbs:
            continue
        v = verbs[head.head.i]
        drop.add(k)
        if head.head.lemma_.lower() in performs:
            out[v] = dataclasses.replace(out[v], type=tr.type)
    return [tr for k, tr in enumerate(out) if k not in drop]


def _headline_passive(
    tr: Trigger, head: Token, verbs: dict[int, int], triggers: Sequence[Trigger], et: EventTypes
) -> int | None:
    """A named or nominal event as the subject of a past-tense verb of its own kind that has
    no object ("Treaty of X signed", "Armistice signed at Y"): the verb tells the name's
    event. Returns the verb's token index."""
    if tr.kind not in {"named", "nominal"}:
        return None
    root = head
    while tr.start <= root.head.i < tr.end and root.head.i != root.i:
        root = root.head
    if root.dep_ != "nsubj" or root.head.i not in verbs:
        return None
    v = root.head
    if v.tag_ not in {"VBD", "VBN"} or any(c.dep_ in {"dobj", "obj"} for c in v.children):
        return None
    return v.i if et.compatible(triggers[verbs[v.i]].type, tr.type) else None


def result_state(head: Token, loc: Located, others: Collection[int]) -> bool:
    """ "By the time the war ended in 1945, the empire had lost its hold": a clause in the
    past perfect whose only date lies in a subordinate clause telling another event states
    what had come about by then; the dated event is the subordinate one."""
    if not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ == "VBD" for c in head.children
    ):
        return False
    if loc.root is None:
        return False
    for c in head.children:
        if c.dep_ not in {"advcl", "ccomp", "prep", "npadvmod"}:
            continue
        inside = {t.i for t in c.subtree}
        if loc.root.i in inside and any(o in inside for o in others):
            return True
    return False


#: determiners that point back to an event the reader already knows ("the establishment of
#: relations", "this agreement")
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: prepositions that set a known event beside the clause ("despite the recognition")
_CONCESSIVE = frozenset({"despite", "notwithstanding"})
#: modifiers that make a definite noun a new event, not the one told before ("the second
#: treaty", "the new talks")
_NEW_ONE = frozenset({"first", "second", "third", "new", "another", "next", "final", "last"})


def demanded_act(head: Token, et: EventTypes) -> bool:
    """A verb in the clausal complement of a demand ("demanded that X stop mobilising",
    "ordered the garrison to withdraw", "called on the king to abdicate"): the act demanded,
    not one that happened; the sentence's event is the demand (``directives`` in the
    modality lexicon). A "that" clause counts only in the subjunctive ("demanded that X
    stop"), for "told them that X had fallen" reports; a nominal object is the act itself
    ("ordered a mobilisation")."""
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    cur = head
    for _ in range(5):
        if cur.dep_ not in {"ccomp", "xcomp", "conj"} or cur.head.i == cur.i:
            return False
        gov = cur.head
        if (
            cur.dep_ != "conj"
            and gov.pos_ == "VERB"
            and gov.lemma_.lower() in et.modality.directives
        ):
            if cur.dep_ == "xcomp" or cur.tag_ == "VB":
                return True
            return any(c.dep_ == "aux" and c.lower_ in {"should", "must"} for c in cur.children)
        cur = gov
    return False


def told_key(type_id: str, word: str) -> str:
    """What makes a later noun a repeat of an event told before: its type and the first
    letters of its word ("established" ... "the establishment", "recognized" ... "the
    recognition"; "the collapse" does not repeat "the revolution")."""
    w = word.lower()
    if len(w) > 3 and w.endswith("s"):
        w = w[:-1]
    return f"{type_id}|{w[:6]}"


def back_reference(
    tr: Trigger,
    head: Token,
    et: EventTypes,
    date_toks: Collection[int],
    stated: Collection[str],
    others: Collection[int] = (),
) -> bool:
    """An undated definite event noun that repeats an event the page has already stated
    (``stated``: :func:`told_key` of each), as the subject of a verb telling another event ("The establishment of relations
    allowed the exchange of envoys"), after a preposition of time or concession ("despite
    the recognition"), or inside a phrase describing another noun ("the issues surrounding
    the establishment of relations"); or an undated participle describing a noun ("the
    relations now established"): it points back to the event told before and states
    nothing new of it. Not when its clause has a date ("the war ended in 1945"). ``others``:
    the token indices of the sentence's other event triggers."""
    if told_key(tr.type, head.text) not in stated:
        return False
    clause = head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    if any(t.i in date_toks for t in clause.subtree):
        return False
    if tr.kind == "verbal":
        return (
            head.dep_ == "acl"
            and head.tag_ == "VBN"
            and head.head.pos_ == "NOUN"
            and not any(
                c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "agent"} for c in head.children
            )
        )
    if tr.kind != "nominal":
        return False
    if head.dep_ in {"ROOT", "appos", "nsubj"}:
        # "X allowed for Y" (also parsed with "allowed" as a participle hung on the noun, and
        # after a label: "Impact: X allowed for Y"): the verb tells another event
        if head.dep_ == "appos" and head.head.dep_ != "ROOT":
            return False
        verb = (
            head.head
            if head.dep_ == "nsubj"
            else next(
                (
                    c
                    for c in head.subtree
                    if c.dep_ == "acl" and c.tag_ in {"VBD", "VBN"} and c.i > head.i
                ),
                None,
            )
        )
        if verb is None or verb.pos_ != "VERB":
            return False
        if not any(t.i in others for t in verb.subtree if t.i > verb.i):
            return False
    elif head.dep_ == "dobj":
        # "the issues surrounding the establishment of X": the object of a participle that
        # describes another noun
        if head.head.dep_ != "acl" or head.head.tag_ != "VBG":
            return False
    elif head.dep_ == "pobj":
        prep = head.head
        if not (
            prep.head.pos_ == "NOUN"
            or prep.lower_ in et.modality.temporal_markers
            or prep.lower_ in _CONCESSIVE
        ):
            return False
    else:
        return False
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    return (
        bool(dets)
        and dets[0] in _DEFINITE
        and not any(c.lower_ in _NEW_ONE for c in head.children if c.dep_ in {"amod", "nummod"})
    )
