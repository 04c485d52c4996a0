"""Event triggers in a parsed segment: verbal, nominal and named, typed through the YAML."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .types import EventTypes, NounSpec, VerbSpec

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TriggerKind = Literal["verbal", "nominal", "named"]
LabelOf = Callable[["Token"], str]

#: dependency relations of a verb's direct arguments
DIRECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative", "obj"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: prepositions introducing the complement of a nominal trigger
NOUN_COMPLEMENT_PREPS = frozenset(
    {"of", "between", "with", "on", "over", "by", "to", "from", "against"}
)
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nummod", "npadvmod"})
ENTITY_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "STATE", "EVENT"})
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|\d{1,2})$")
_NAME_LINK = frozenset({"of", "-", "–", "—", "'s", "’s", "de", "von", "at"})


@dataclass(frozen=True)
class Trigger:
    """One trigger found in a Doc: token indices are Doc-relative."""

    type: str
    head: int  # index of the head token (verb, noun, or last word of a name)
    start: int  # token span of the trigger text
    end: int
    kind: TriggerKind
    anchor: bool  # may found an event on its own
    name: str | None = None  # the name as written, for named events


def _lem(t: Token) -> str:
    return t.lemma_.lower()


def _matches(t: Token, words: frozenset[str]) -> bool:
    return _lem(t) in words or t.lower_ in words


def _phrase(t: Token) -> list[Token]:
    """A noun and its left modifiers (compound/amod/poss/nummod) and flat name parts."""
    out = [t]
    for c in t.children:
        if c.dep_ in MODIFIER_DEPS or c.dep_ in {"det", "flat", "appos"}:
            out.append(c)
            out.extend(x for x in c.children if x.dep_ in {"compound", "amod", "flat"})
    return out


#: entity labels accepted wherever the data names the key label (the entity stage may type a
#: state as STATE, a place as LOC, where the spaCy model says GPE)
LABEL_ALIASES: dict[str, frozenset[str]] = {
    "GPE": frozenset({"GPE", "STATE", "LOC"}),
    "ORG": frozenset({"ORG", "STATE"}),
}


def _expand(labels: frozenset[str]) -> frozenset[str]:
    out = set(labels)
    for lab in labels:
        out |= LABEL_ALIASES.get(lab, frozenset())
    return frozenset(out)


def _label_ok(t: Token, labels: frozenset[str], label_of: LabelOf) -> bool:
    if not labels:
        return False
    wanted = _expand(labels)
    return any(label_of(x) in wanted for x in _phrase(t))


def _word_ok(t: Token, words: frozenset[str]) -> bool:
    if not words:
        return False
    return any(_matches(x, words) for x in _phrase(t))


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """The tokens with the conjuncts coordinated after each ("X and Y")."""
    return _with_conj(tokens)


def _with_conj(tokens: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i)
    return out


def direct_args(v: Token) -> list[Token]:
    """The verb's direct arguments, including objects under a particle ("broke off X") and
    the noun a participial/relative verb modifies ("the relations now established")."""
    args = [c for c in v.children if c.dep_ in DIRECT_DEPS]
    for c in v.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in {"off", "up", "down"}):
            args.extend(g for g in c.children if g.dep_ == "pobj")
    if v.dep_ in {"acl", "relcl"} and v.head.pos_ in {"NOUN", "PROPN"}:
        has_subj = any(c.dep_ in SUBJECT_DEPS for c in v.children)
        if v.dep_ == "acl" or not has_subj:
            args.append(v.head)
    return _with_conj(args)


def subjects(v: Token) -> list[Token]:
    subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
    if not subj and v.dep_ == "conj":
        subj = [c for c in v.head.children if c.dep_ in SUBJECT_DEPS]
    if not subj and v.dep_ in {"xcomp", "advcl"}:
        subj = [c for c in v.head.children if c.dep_ in SUBJECT_DEPS]
    if not subj and v.dep_ == "relcl":
        subj = [v.head]
    return _with_conj(subj)


#: where a parse keeps :func:`_prep_index` (``Doc.user_data``)
_PREPS_KEY = "histograph.events.prep_objects"
_PREP_DEPS = frozenset({"prep", "agent", "dative"})


def _prep_index(doc: Doc) -> dict[int, list[tuple[str, list[int]]]]:
    """Per head token index, its prepositions (lower text, the indices of their "pobj"
    children), in the order of ``Token.children``: read once per parse, since prep_objects
    is asked of the same tokens for one preposition after another (tens of thousands of
    calls a page). Indices, not Tokens: a Token in the Doc's own user_data would be a
    reference cycle, the Doc freed only by the garbage collector."""
    index = doc.user_data.get(_PREPS_KEY)
    if isinstance(index, dict):
        return index
    index = {}
    preps: list[Token] = []
    pobjs: dict[int, list[int]] = {}
    for t in doc:
        dep = t.dep_
        if dep == "pobj":
            h = t.head.i
            if h != t.i:
                pobjs.setdefault(h, []).append(t.i)
        elif dep in _PREP_DEPS and t.head.i != t.i:
            preps.append(t)
    for c in preps:
        index.setdefault(c.head.i, []).append((c.lower_, pobjs.get(c.i, [])))
    doc.user_data[_PREPS_KEY] = index
    return index


def prep_objects(v: Token, prep: str) -> list[Token]:
    out: list[Token] = []
    doc = v.doc
    for low, objects in _prep_index(doc).get(v.i, ()):
        if low == prep:
            out.extend(doc[i] for i in objects)
    return _with_conj(out)


def _is_passive(v: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in v.children)


def _verb_spec_ok(v: Token, spec: VerbSpec, label_of: LabelOf) -> bool:
    if not _matches(v, spec.lemmas):
        return False
    if spec.passive_only and not _is_passive(v):
        return False
    if spec.active_only and _is_passive(v):
        return False
    if spec.intransitive and any(
        c.dep_ in DIRECT_DEPS or c.dep_ in {"ccomp", "xcomp"} for c in v.children
    ):
        return False
    if spec.particle and not any(
        c.dep_ in {"prt", "prep"} and c.lower_ in spec.particle for c in v.children
    ):
        return False
    if spec.objects or spec.object_labels:
        # (and a predicative adjective: "became independent")
        args = direct_args(v) + [c for c in v.children if c.dep_ == "acomp"]
        if not any(
            _word_ok(a, spec.objects) or _label_ok(a, spec.object_labels, label_of) for a in args
        ):
            return False
    if spec.subjects or spec.subject_labels:
        subj = subjects(v)
        if not any(
            _word_ok(s, spec.subjects) or _label_ok(s, spec.subject_labels, label_of) for s in subj
        ):
            return False
        if spec.subject_modifiers and not any(
            any(_matches(m, spec.subject_modifiers) for m in s.children if m.dep_ in MODIFIER_DEPS)
            for s in subj
        ):
            return False
    if spec.preps:
        ok = False
        for prep, wanted in spec.preps.items():
            words = frozenset(w for w in wanted if not w.isupper())
            labels = frozenset(w for w in wanted if w.isupper())
            objs = prep_objects(v, prep)
            for a in direct_args(v):
                if a.pos_ in {"NOUN", "PROPN"}:
                    objs.extend(prep_objects(a, prep))
            if any(_word_ok(o, words) or _label_ok(o, labels, label_of) for o in objs):
                ok = True
                break
        if not ok:
            return False
    return True


def noun_complements(n: Token) -> list[Token]:
    """Complements of a nominal trigger: "of/between/with ... X", possessor, compound."""
    out: list[Token] = []
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in NOUN_COMPLEMENT_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in {"poss", "compound", "amod", "nmod"}:
            out.append(c)
    return _with_conj(out)


def _has_negative_prefix(n: Token, prefixes: Sequence[str]) -> bool:
    low = n.lower_
    if any(low.startswith(p) and len(low) > len(p) + 2 and p.endswith("-") for p in prefixes):
        return True
    doc = n.doc
    if n.i >= 2 and doc[n.i - 1].text in {"-", "‑"} and doc[n.i - 2].lower_ in prefixes:
        return True
    return n.i >= 1 and doc[n.i - 1].lower_ in {"non-", "anti-"}


def _noun_spec_ok(n: Token, spec: NounSpec, label_of: LabelOf) -> bool:
    if not _matches(n, spec.lemmas):
        return False
    if not spec.constrained:
        return True
    comps = noun_complements(n)
    if spec.of and any(_word_ok(c, spec.of) for c in comps):
        return True
    if spec.of_labels and any(_label_ok(c, spec.of_labels, label_of) for c in comps):
        return True
    if spec.modifiers:
        mods = [c for c in n.children if c.dep_ in MODIFIER_DEPS or c.dep_ == "poss"]
        for m in mods:
            if _matches(m, spec.modifiers) or any(_matches(x, spec.modifiers) for x in m.children):
                return True
    return False


def _is_nounish(t: Token) -> bool:
    return t.pos_ in {"NOUN", "PROPN"} or (t.tag_.startswith("NN"))


def _is_verbish(t: Token) -> bool:
    return t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB")


_VerbIndex = dict[str, list[tuple[int, str, int, VerbSpec]]]
_NounIndex = dict[str, list[tuple[int, str, int, NounSpec]]]
#: per loaded EventTypes (by identity): trigger word -> the specs that name it, in YAML order
_INDEX: dict[int, tuple[EventTypes, _VerbIndex, _NounIndex]] = {}


def _index(et: EventTypes) -> tuple[_VerbIndex, _NounIndex]:
    """Specs by trigger word, so each token is tried only against the specs naming it."""
    hit = _INDEX.get(id(et))
    if hit is not None and hit[0] is et:
        return hit[1], hit[2]
    verbs: _VerbIndex = {}
    nouns: _NounIndex = {}
    for k, (tid, typ) in enumerate(et.types.items()):
        for j, spec in enumerate(typ.verbs):
            for w in spec.lemmas:
                verbs.setdefault(w, []).append((k, tid, j, spec))
        for j, nspec in enumerate(typ.nouns):
            for w in nspec.lemmas:
                nouns.setdefault(w, []).append((k, tid, j, nspec))
    _INDEX[id(et)] = (et, verbs, nouns)
    return verbs, nouns


def _candidates(
    t: Token, index: dict[str, list[tuple[int, str, int, VerbSpec]]]
) -> list[tuple[int, str, int, VerbSpec]]:
    out = {(c[0], c[2]): c for c in index.get(_lem(t), []) + index.get(t.lower_, [])}
    return [out[k] for k in sorted(out)]


def _noun_candidates(
    t: Token, index: dict[str, list[tuple[int, str, int, NounSpec]]]
) -> list[tuple[int, str, int, NounSpec]]:
    out = {(c[0], c[2]): c for c in index.get(_lem(t), []) + index.get(t.lower_, [])}
    return [out[k] for k in sorted(out)]


def verbal_and_nominal(doc: Doc | Span, et: EventTypes, label_of: LabelOf) -> list[Trigger]:
    """Every verbal and nominal trigger in ``doc`` (one per token: highest priority type)."""
    out: list[Trigger] = []
    prefixes = et.modality.negative_prefixes
    verb_index, noun_index = _index(et)
    for t in doc:
        best: tuple[int, int, str, bool, TriggerKind] | None = None
        if _is_verbish(t):
            for _k, tid, _j, spec in _candidates(t, verb_index):
                typ = et.types[tid]
                if _verb_spec_ok(t, spec, label_of):
                    # a reading fixed by the verb's arguments ("declared war") beats the
                    # verb alone ("declared"), as for nouns
                    cand: tuple[int, int, str, bool, TriggerKind] = (
                        typ.priority + spec.priority + 10 * spec.constrained,
                        1,
                        tid,
                        True,
                        "verbal",
                    )
                    if best is None or cand[:2] > best[:2]:
                        best = cand
        elif _is_nounish(t) and not _has_negative_prefix(t, prefixes):
            done: set[str] = set()  # the first matching spec of a type speaks for it
            for _k, tid, _j, nspec in _noun_candidates(t, noun_index):
                if tid in done:
                    continue
                typ = et.types[tid]
                if _noun_spec_ok(t, nspec, label_of):
                    done.add(tid)
                    # a constrained (anchored) spec beats an unconstrained one
                    rank = 1 if nspec.constrained else 0
                    cand = (
                        typ.priority + nspec.priority + 10 * rank,
                        0,
                        tid,
                        nspec.anchor,
                        "nominal",
                    )
                    if best is None or cand[:2] > best[:2]:
                        best = cand
        if best is not None and best[4] == "verbal" and _figurative_argument(t, et):
            best = None  # "a price war broke out": no war (the clause may still be "other")
        if best is not None:
            out.append(Trigger(best[2], t.i, t.i, t.i + 1, best[4], best[3]))
    return out


def figurative(n: Token, et: EventTypes) -> bool:
    """ "A price war", "the green revolution": a head noun made figurative by its modifier
    (``figurative_modifiers`` in the YAML)."""
    mods = (
        et.figurative_modifiers.get(n.lower_) or et.figurative_modifiers.get(_lem(n)) or frozenset()
    )
    return bool(mods) and any(
        c.dep_ in {"amod", "compound", "nmod"} and _lem(c) in mods for c in n.children
    )


def _figurative_argument(v: Token, et: EventTypes) -> bool:
    """The verb's subject or object is a figurative event noun ("a price war broke out")."""
    return any(figurative(a, et) for a in [*subjects(v), *direct_args(v)])


def _cap(t: Token) -> bool:
    return bool(t.text) and t.text[0].isupper()


def is_title_case(tokens: Sequence[Token], label_of: LabelOf | None = None) -> bool:
    """A headline-style line where most words are capitalised (names cannot be told apart):
    most non-name words capitalised, and a capitalised verb or many such words.
    Words inside entity names do not count: a caption full of names is not a headline."""
    words = [
        t
        for t in tokens
        if t.is_alpha
        and len(t.text) > 3
        and not (label_of is not None and label_of(t) in ENTITY_LABELS)
    ]
    if len(words) < 3:
        return False
    caps = [t for t in words if _cap(t)]
    if len(caps) / len(words) < 0.7:
        return False
    first = tokens[0].i if tokens else -1
    cap_verb = any(
        t.i != first and (t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB")) for t in caps
    )
    return cap_verb or len(caps) >= 5


def named_events(doc: Doc | Span, et: EventTypes, label_of: LabelOf) -> list[Trigger]:
    """Capitalised multiword names whose head word names an event: "the Cold War",
    "World War II", "the Molotov-Ribbentrop Pact", "Treaty of Versailles", "Battle of X"."""
    tokens = list(doc)
    if is_title_case(tokens, label_of):
        return []
    out: list[Trigger] = []
    n = len(tokens)
    verbless = not any(_is_verbish(x) and x.pos_ != "PROPN" for x in tokens)
    for k, t in enumerate(tokens):
        head = t.lower_
        if verbless and head in et.named_of_heads and _cap(t) and head not in et.named_heads:
            named_of = _name_of(tokens, k, et, label_of)
            if named_of is not None:
                out.append(named_of)
            continue
        if head not in et.named_heads or not _cap(t):
            continue
        # extend left over capitalised words and hyphen links
        s = k
        while s > 0:
            p = tokens[s - 1]
            if p.pos_ == "VERB" and p.tag_ in {"VBZ", "VBD", "VBP"}:
                break  # a headline's verb ("X Declares War on Y") is no part of a name
            if (_cap(p) and p.is_alpha and p.lower_ not in {"the", "a", "an"}) or (
                p.text in {"-", "–"} and s >= 2 and _cap(tokens[s - 2])
            ):
                s -= 1
            else:
                break
        e = k + 1
        # "World War II"
        if e < n:
            nxt = tokens[e].text.rstrip(".") if tokens[e].text != "." else ""
            if _ROMAN.match(nxt) and (nxt != "I" or head in {"war", "wars"}):
                e += 1
        # "Treaty of Versailles", "Battle of the Somme"
        if e + 1 < n and tokens[e].lower_ in {"of", "at"}:
            j = e + 1
            if j < n and tokens[j].lower_ == "the":
                j += 1
            if j < n and _cap(tokens[j]):
                while j < n and (_cap(tokens[j]) or tokens[j].text in {"-", "–"}):
                    j += 1
                e = j
        name_tokens = tokens[s:e]
        if len(name_tokens) < 2:
            continue
        if any(x.lower_ in et.named_blockers for x in name_tokens):
            continue
        if e < n and tokens[e].lower_ in et.named_blockers and _cap(tokens[e]):
            continue
        # a person's name that merely ends in a head word is not an event
        if label_of(t) == "PERSON":
            continue
        name = t.doc[name_tokens[0].i : name_tokens[-1].i + 1].text
        # "the Cold War": an era named like an event is not of its head's type
        period = " ".join(x.lower_ for x in name_tokens) in et.named_periods
        typ = "other" if period and "other" in et.types else et.named_heads[head]
        if (
            head in et.named_placed_meetings
            and e + 1 < n
            and tokens[e].lower_ in {"in", "at"}
            and label_of(tokens[e + 1]) in {"GPE", "LOC", "FAC"}
            and "summit_or_conference" in et.types
        ):
            typ = "summit_or_conference"  # "the X Convention in Philadelphia": a meeting
        out.append(
            Trigger(
                typ,
                t.i,
                name_tokens[0].i,
                name_tokens[-1].i + 1,
                "named",
                True,
                name,
            )
        )
    return out


def _name_of(tokens: Sequence[Token], k: int, et: EventTypes, label_of: LabelOf) -> Trigger | None:
    """A verbless line's "<Head> of [the] <Name>" ("Sack of X", "The Relief of Y"): the name,
    typed by ``named_of_heads``; None when a capitalised name does not follow, when the
    name is a person's or ends in a word that names no place ("Fall of the X Empire")."""
    n = len(tokens)
    t = tokens[k]
    j = k + 1
    if j >= n or tokens[j].lower_ != "of":
        return None
    j += 1
    if j < n and tokens[j].lower_ == "the":
        j += 1
    e = j
    while (
        e < n
        and (_cap(tokens[e]) or tokens[e].text in {"-", "–"})
        and tokens[e].is_alpha | (tokens[e].text in {"-", "–"})
    ):
        e += 1
    if e == j:
        return None
    name_tokens = tokens[j:e]
    if any(label_of(x) == "PERSON" for x in name_tokens):
        return None
    if name_tokens[-1].lower_ in et.named_of_blockers:
        return None
    name = t.doc[t.i : tokens[e - 1].i + 1].text
    return Trigger(et.named_of_heads[t.lower_], t.i, t.i, tokens[e - 1].i + 1, "named", True, name)


def find_triggers(doc: Doc | Span, et: EventTypes, label_of: LabelOf) -> list[Trigger]:
    """All triggers of a sentence or segment, overlaps resolved: a name wins over the nominal
    triggers inside it; a verbal trigger absorbs a nominal/named object of the same group
    ("signed the X Pact", "exchanged letters"), keeping the name as its trigger."""
    named = named_events(doc, et, label_of)
    covered = {i for tr in named for i in range(tr.start, tr.end)}
    rest = [tr for tr in verbal_and_nominal(doc, et, label_of) if tr.head not in covered]
    triggers = sorted(named + rest, key=lambda tr: (tr.start, tr.end))
    tokens = list(doc)
    if not tokens:
        return []
    underlying = tokens[0].doc
    verbal = [tr for tr in triggers if tr.kind == "verbal"]
    absorbed: set[int] = set()
    replaced: dict[int, Trigger] = {}
    for v in verbal:
        vtok = underlying[v.head]
        args = {a.i for a in direct_args(vtok)}
        args.update(a.i for prep in ("as", "to", "in") for a in prep_objects(vtok, prep))
        for tr in triggers:
            if tr is v or tr.kind == "verbal":
                continue
            if tr.head in args or (
                tr.kind == "named" and any(tr.start <= a < tr.end for a in args)
            ):
                same_group = et.compatible(tr.type, v.type) or et.group(tr.type) in (
                    et.types[v.type].absorbs if v.type in et.types else ()
                )
                if tr.kind == "named" and same_group:
                    replaced[v.head] = Trigger(
                        _pick_type(et, v.type, tr.type),
                        v.head,
                        tr.start,
                        tr.end,
                        "verbal",
                        True,
                        tr.name,
                    )
                    absorbed.add(id(tr))
                elif tr.kind == "nominal" and (same_group or not tr.anchor):
                    absorbed.add(id(tr))
    out: list[Trigger] = []
    for tr in triggers:
        if id(tr) in absorbed:
            continue
        out.append(replaced.get(tr.head, tr) if tr.kind == "verbal" else tr)
    return out


def _pick_type(et: EventTypes, a: str, b: str) -> str:
    pa, pb = et.types[a].priority, et.types[b].priority
    return a if pa >= pb else b


#: the names other modules of the stage use
trigger_index = _index
expand_labels = _expand
