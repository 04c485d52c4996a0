"""Untyped events: an asserted, eventive predicate with no typed trigger becomes ``other``.

History pages state many happenings that no trigger list names: a reconnaissance flight
photographs a site, a leader resigns, a fleet is scuttled, forces go on alert, a system goes
into operation. A predicate is such an event when it is

- a verb heading a clause of its own: the sentence's root, a verb coordinated with another
  clause's verb, or an adverbial clause ("until he collapsed in X on <date>");
- eventive: not a state or a relation (``fallback.stative``: be, have, remain, represent, ...),
  not the page speaking (``fallback.reporting``: say, write, recall, ...), not a verb that only
  says when a typed event happened ("the conference opened on <date>": the conference is the
  event; ``fallback.aspectual``);
- in the past, a passive or perfect, or the historical present;
- with a subject of its own or shared with the verb it is coordinated with, and not the page's
  own voice (we, you, I);
- not coordinated, without a subject of its own, with a typed verbal trigger ("revealed the
  missiles and announced a blockade": one act, the typed one).

The caller keeps such a mention only when it has a date of its own (the clause's date, or a
dated timeline item): an undated clause of narrative is commentary more often than an event.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from .labels import result_verbs
from .triggers import SUBJECT_DEPS, Trigger
from .types import EventTypes

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OTHER_TYPE = "other"
STATEMENT_TYPE = "letter_or_statement"
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl"})
_TENSE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_PAGE_VOICE = frozenset({"we", "you", "i", "us", "me"})
#: "led to X", "turned into X", "ended in X": what a verb of course or cause results in
_RESULT_PREPS = ("to", "into", "in")


def _subjects(v: Token) -> list[Token]:
    subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"]
    if not subj and v.dep_ == "conj":
        subj = [c for c in v.head.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"]
    return subj


def _dated_speaker(v: Token, dates: Collection[int]) -> bool:
    """A reporting verb whose subject is a named person and whose own clause holds a date."""
    subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
    if not subj or not all(s.ent_type_ == "PERSON" for s in subj):
        return False
    if any(c.dep_ == "agent" for c in v.children):
        return False  # "Supernova observed by astronomers": a headline's passive
    said = set()
    for c in v.children:
        if c.dep_ in {"ccomp", "xcomp", "parataxis"} or c.dep_ in SUBJECT_DEPS:
            # a date inside what was said, or in a clause about the speaker, is not its day
            said |= {t.i for t in c.subtree}
    own = _own_tokens(v) - said
    return bool(own & set(dates)) and _tensed(v) and not _has_modal(v)


def _evaluative_comparison(v: Token, scope: Collection[str]) -> bool:
    """A clause compared with every other time ("closer to war than at any other point",
    "more than ever before") weighs a situation; it does not tell a new happening."""
    for c in v.children:
        if c.dep_ in {"advmod", "acomp", "dobj", "prep"} and c.tag_ in {"RBR", "JJR", "IN"}:
            for t in c.subtree:
                if t.lower_ == "than" and any(x.lower_ in scope for x in t.subtree):
                    return True
    return False


def _tensed(v: Token) -> bool:
    """Past, historical present, passive or perfect: a finite verb, or a participle with a
    passive or perfect auxiliary (of its own or of the verb it is coordinated with)."""
    if v.tag_ in _TENSE_TAGS:
        return True
    if v.tag_ != "VBN":
        return False
    aux = [c for c in v.children if c.dep_ in {"auxpass", "aux"}]
    if not aux and v.dep_ == "conj":
        aux = [c for c in v.head.children if c.dep_ in {"auxpass", "aux"}]
    return any(a.lemma_.lower() in {"be", "have", "get"} for a in aux)


def _has_modal(v: Token) -> bool:
    """A modal on the verb or, for a coordinated verb, on the verb it shares it with
    ("would be dismantled, crated and returned")."""
    cur = v
    for _ in range(4):
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in cur.children):
            return True
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _typed_within(
    t: Token, by_head: dict[int, Trigger], covered: dict[int, Trigger]
) -> Trigger | None:
    """A typed trigger inside a noun phrase, not inside its clauses ("a separate peace with
    Germany, the Treaty of X")."""
    stack = [t]
    while stack:
        cur = stack.pop()
        tr = _typed(cur, by_head, covered)
        if tr is not None:
            return tr
        stack.extend(c for c in cur.children if c.dep_ not in {"relcl", "acl", "advcl", "ccomp"})
    return None


def _own_tokens(v: Token) -> set[int]:
    """Token indices of a verb's own clause: its subtree without coordinated verbs."""
    skip: set[int] = set()
    for c in v.children:
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}:
            skip |= {t.i for t in c.subtree}
    return {t.i for t in v.subtree} - skip


def _coordinator(v: Token) -> str | None:
    """The conjunction joining a coordinated verb to the verb before it ("and", "or")."""
    if v.dep_ != "conj":
        return None
    cc = [c for c in v.head.children if c.dep_ == "cc" and v.head.i < c.i < v.i]
    cc += [c for c in v.children if c.dep_ == "cc" and c.i < v.i]
    return cc[-1].lower_ if cc else None


def _typed(t: Token, by_head: dict[int, Trigger], covered: dict[int, Trigger]) -> Trigger | None:
    """The typed trigger ``t`` heads or lies in, if any (states do not count)."""
    tr = by_head.get(t.i) or covered.get(t.i)
    if tr is None or tr.type == "state":
        return None
    return tr


def _instrument(
    v: Token,
    by_head: dict[int, Trigger],
    covered: dict[int, Trigger],
    preps: Collection[str],
) -> tuple[str, Trigger] | None:
    """(preposition, typed trigger) the verb acts through: "in a letter", "with the
    armistice", "on a speaking tour"."""
    # the parser often hangs the phrase on the object ("revealed the decision in an address")
    hosts = [v, *(c for c in v.children if c.dep_ == "dobj")]
    for c in (c for h in hosts for c in h.children):
        if c.dep_ == "prep" and c.lower_ in preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    tr = _typed(o, by_head, covered)
                    if tr is not None:
                        return c.lower_, tr
    return None


_QUOTES = frozenset({'"', "“", "”", "``", "''", "«", "»"})


def _quoted(sent: Span) -> set[int]:
    """Token indices inside quotation marks: quoted words are speech, not narrative."""
    out: set[int] = set()
    inside = False
    for t in sent:
        if t.text in _QUOTES:
            inside = not inside
            continue
        if inside:
            out.add(t.i)
    return out


def quoted_statement(sent: Span, label_of: Callable[[Token], str]) -> Trigger | None:
    """ "Secretary of State X: "We are ..."": a person's words quoted after a colon are a
    statement (the trigger is the person's name)."""
    toks = [t for t in sent if not (t.is_punct and t.text not in {":"} | _QUOTES)]
    for k in range(1, min(len(toks) - 1, 12)):
        if toks[k].text == ":" and toks[k + 1].text in _QUOTES:
            who = toks[k - 1]
            if label_of(who) == "PERSON":
                return Trigger(STATEMENT_TYPE, who.i, who.i, who.i + 1, "verbal", True)
            return None
    return None


def fallback_triggers(
    sent: Span,
    et: EventTypes,
    typed: Collection[Trigger],
    date_tokens: Collection[int] = (),
) -> list[Trigger]:
    """``other`` (or, for "X told Y that ...", ``letter_or_statement``) triggers of a
    sentence: eventive clause heads no typed trigger covers. ``date_tokens`` are the token
    indices of the sentence's date expressions (a coordinated verb with a date of its own is
    an event of its own)."""
    lex = et.fallback
    if not lex.enabled or OTHER_TYPE not in et.types:
        return []
    dates = set(date_tokens)
    lasting = et.states.verbs
    refusals = et.states.negating_verbs
    by_head = {tr.head: tr for tr in typed}
    typed_verbal = {tr.head for tr in typed if tr.kind == "verbal"}
    covered = {i: tr for tr in typed for i in range(tr.start, tr.end)}
    out: list[Trigger] = []
    out_heads: set[int] = set()
    quoted = _quoted(sent)
    for v in sent:
        if v.pos_ != "VERB" or v.i in by_head or v.i in covered or v.i in quoted:
            continue
        if v.dep_ not in _CLAUSE_DEPS and not (v.dep_ == "ccomp" and v.i < v.head.i):
            # (a clause before the verb it hangs on is a clause of its own: "X voted on
            # <date>: the treaty failed")
            continue
        if v.dep_ == "conj" and v.head.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = v.lemma_.lower()
        if lemma in lex.reporting and STATEMENT_TYPE in et.types and _dated_speaker(v, dates):
            # "As Gandhi said on 14 August, ...", "Churchill wrote to him on 3 May": a person
            # speaking on a stated day is a statement, not the page reporting its sources
            out.append(Trigger(STATEMENT_TYPE, v.i, v.i, v.i + 1, "verbal", True))
            out_heads.add(v.i)
            continue
        if lemma in lex.stative or lemma in lex.reporting or v.lower_ in lex.stative:
            continue
        if lemma in lasting:
            continue  # "maintained the policy": a state, told by the state mentions
        if not _tensed(v) or _has_modal(v):
            continue
        subj = _subjects(v)
        if not subj or any(s.lower_ in _PAGE_VOICE for s in subj):
            continue
        if all(
            s.lemma_.lower() in lex.abstract_subjects or s.lower_ in lex.abstract_subjects
            for s in subj
        ):
            continue  # "that assumption had collapsed": commentary on a thought, not an act
        if _evaluative_comparison(v, lex.comparison_scope):
            continue  # "came closer to war than at any other point": a judgement, not an act
        own_subject = any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in v.children)
        # "revealed X and announced Y": one subject, one act, told by its typed trigger
        if not own_subject and v.dep_ == "conj" and v.head.i in typed_verbal:
            continue
        if any(
            c.dep_ == "conj"
            and c.i in typed_verbal
            and not any(g.dep_ in SUBJECT_DEPS or g.dep_ == "nsubjpass" for g in c.children)
            for c in v.children
        ):
            continue
        if any(_typed_within(s, by_head, covered) is not None for s in subj if s.head.i == v.i):
            # "a second letter demands X", "the invasion collapsed": the typed event is the
            # event; the verb tells what became of it
            continue
        complement = next(
            (
                by_head[c.i]
                for c in v.children
                if c.dep_ == "xcomp" and c.i in by_head and by_head[c.i].kind == "verbal"
            ),
            None,
        )
        if complement is not None and (lemma not in refusals or complement.type in et.states.acts):
            # "voted to accept the treaty", "decided to answer": the typed act is the event;
            # but "refused to ratify the treaty" is a refusal, an event of its own
            continue
        typ = OTHER_TYPE
        result = (
            _instrument(v, by_head, covered, _RESULT_PREPS) if lemma in result_verbs() else None
        )
        objects = [c for c in v.children if c.dep_ in {"dobj", "attr", "oprd"}]
        typed_obj = next(
            (t for t in (_typed_within(o, by_head, covered) for o in objects) if t is not None),
            None,
        )
        if result is not None:
            # "in 1412 the quarrel led to the X War", "the riot turned into a revolt": the
            # clause tells the typed event's coming about, and dates it
            typ = result[1].type
        elif typed_obj is not None and (lemma in lex.aspectual or lemma in lex.light):
            if typed_obj.kind == "nominal" and typed_obj.anchor:
                continue  # "made the first solo flight": the flight is the event, told once
            # "made a separate peace, the Treaty of X", "extended recognition to X": the verb
            # performs the typed event
            typ = typed_obj.type
        else:
            via = _instrument(v, by_head, covered, lex.instrument_preps)
            if via is not None and et.group(via[1].type) in lex.instrument_preps[via[0]]:
                # "proposed in a letter", "revealed in a televised address", "ended with the
                # armistice": the act is performed through the typed event
                typ = via[1].type
        own = _own_tokens(v)
        own_date = bool(own & dates)
        # "stopped short of the line or turned back": one happening told twice
        if (
            not own_subject
            and not own_date
            and v.dep_ == "conj"
            and v.head.i in out_heads
            and (_coordinator(v) == "or" or not any(c.dep_ == "dobj" for c in v.children))
        ):
            continue
        if typ == OTHER_TYPE and any(
            c.dep_ == "ccomp"
            and not any(t.text in {":", ";"} for t in v.doc[min(v.i, c.i) : max(v.i, c.i)])
            for c in v.children
        ):
            # "assured X that ...": a statement when told to someone, else a thought
            told = [c for c in v.children if c.dep_ in {"dobj", "dative"}]
            after = all(c.i > v.i for c in v.children if c.dep_ == "ccomp")
            # (a clause before the verb is no content: "X took place, this left Y as heir")
            if told and after and STATEMENT_TYPE in et.types:
                out.append(Trigger(STATEMENT_TYPE, v.i, v.i, v.i + 1, "verbal", True))
                out_heads.add(v.i)
            continue
        end = v.i + 1
        prt = [c for c in v.children if c.dep_ == "prt" and c.i == v.i + 1]
        if prt:
            end = prt[0].i + 1
        out.append(Trigger(typ, v.i, v.i, min(end, sent.end), "verbal", True))
        out_heads.add(v.i)
    return out


__all__ = ["OTHER_TYPE", "STATEMENT_TYPE", "fallback_triggers", "quoted_statement"]
