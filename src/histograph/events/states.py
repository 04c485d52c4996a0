"""States of affairs: lasting policies or conditions that negate an act.

"a policy of non-recognition", "continued to withhold official recognition", "refused to
recognise the new government": none of these asserts the act (the recognition); they state
that its absence lasted. Each becomes an *asserted* mention of type ``state`` (exported as
``other``) whose trigger ends with the act's word, so that the merge can gather the mentions
of one state across documents, while the act's own mention stays negated.

Three shapes (lexicon in ``data/event_types.yaml``, section ``states``):

1. a negative-prefixed event noun ("non-recognition", "non-intervention") that is not a
   modifier of another noun ("a non-aggression pact" names a treaty);
2. a trigger negated by a negating verb ("withhold", "refuse") under a verb of persistence
   ("continued to withhold", "maintained its refusal to");
3. a refusal ("refused to recognise") of an act listed in ``states.acts``: acts whose refusal
   is a stance that lasts (recognising a government, establishing relations).

The state takes a date range the sentence gives it: "ending 16 years of non-recognition" in a
sentence dated 16 November 1933 is 1917/1933; else the date the parse attaches, or the
structural date (a timeline entry's heading).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..model import EventMention, Participant, RegionKind, TimeMention, TimeValue, civil_from_day
from ..nlp import token_texts
from .triggers import Trigger
from .types import EventTypes

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

STATE_TYPE = "state"
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _lem(t: Token) -> str:
    return t.lemma_.lower()


def _prefixed_noun(t: Token, prefixes: Sequence[str]) -> tuple[int, str] | None:
    """(first token index, bare noun) of a negative-prefixed noun: "non-recognition" as one
    token or as "non", "-", "recognition"."""
    low = t.lower_
    for p in prefixes:
        if p.endswith("-") and low.startswith(p) and len(low) > len(p) + 2:
            return t.i, low[len(p) :]
    doc = t.doc
    i = t.i
    if i < 1:
        return None
    # the previous tokens' texts from the parse's list (no Token made for most words)
    texts = token_texts(doc)
    before = texts[i - 1]
    if i >= 2 and before in {"-", "‑"} and texts[i - 2].lower() in prefixes:
        return i - 2, _lem(t)
    if before.lower() in {"non-", "non"} and doc[i - 1].idx + len(before) == t.idx:
        return i - 1, t.lower_
    return None


def _noun_type(word: str, et: EventTypes) -> str | None:
    """The event type whose nouns include ``word`` (highest priority)."""
    best: tuple[int, str] | None = None
    for tid, typ in et.types.items():
        if any(word in spec.lemmas for spec in typ.nouns):
            cand = (typ.priority, tid)
            if best is None or cand > best:
                best = cand
    return best[1] if best else None


def _governors(t: Token, limit: int = 4) -> list[Token]:
    out: list[Token] = []
    cur = t
    for _ in range(limit):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def _forms(t: Token) -> set[str]:
    w = t.lower_
    out = {_lem(t), w}
    for suf, add in (("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            out.add(w[: -len(suf)] + add)
    return out


def _clause(t: Token, sent: Span) -> tuple[int, int]:
    """Doc-relative char span of the clause of the nearest verb governing ``t`` (without
    its conjoined clauses)."""
    cur = t
    while cur.pos_ not in {"VERB", "AUX"} and cur.head.i != cur.i:
        cur = cur.head
    skip: set[int] = set()
    for c in cur.children:
        if c.dep_ in {"conj", "cc"} and c.pos_ in {"VERB", "AUX"}:
            skip |= {x.i for x in c.subtree}
    toks = [x for x in cur.subtree if x.i not in skip and sent.start <= x.i < sent.end]
    toks = [x for x in toks if not x.is_punct or x.i != toks[-1].i] if toks else toks
    if not toks:
        return sent.start_char, sent.end_char
    s = min(x.idx for x in toks)
    last = max(toks, key=lambda x: x.idx + len(x.text))
    return s, last.idx + len(last.text)


def _years_before(
    noun: Token,
    times: Sequence[TimeMention],
    anchor: TimeValue | None,
    enders: frozenset[str],
    offset: int,
) -> tuple[TimeValue, TimeMention] | None:
    """ "ending 16 years of <noun>" in a sentence dated ``anchor``: the interval the state
    lasted (``year - 16`` to ``year``)."""
    if anchor is None:
        return None
    from ..time import parse_value
    from ..time.durations import parse_duration

    prep = noun.head
    if prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    period = prep.head  # "years"
    p_start = offset + period.idx
    for tm in times:
        if tm.kind != "DURATION" or not (tm.start <= p_start < tm.end):
            continue
        d = parse_duration(tm.text, tm.timex)
        if d is None or d.unit_months < 12:
            continue
        govs = _governors(period, 2)
        if not any(_forms(g) & enders for g in govs):
            continue
        y1 = civil_from_day(anchor.latest)[0]
        y0 = y1 - d.months // 12
        tv = parse_value(f"{y0:04d}/{y1:04d}")
        if tv is not None:
            return tv, tm
    return None


def state_mentions(
    *,
    doc_id: str,
    sent: Span,
    offset: int,
    et: EventTypes,
    mentions: Sequence[EventMention],
    heads: Sequence[int],
    times: Sequence[TimeMention],
    anchor: TimeValue | None,
    structural: TimeMention | None,
    region_kind: RegionKind,
    make_participants: Callable[[Trigger], tuple[Participant, ...]],
    text: str,
) -> list[EventMention]:
    """The state-of-affairs mentions of one sentence.

    ``mentions`` are the sentence's act mentions, ``heads`` their trigger head indices (same
    order); ``anchor`` the date of the sentence's dated act, if any; ``structural`` the
    date a timeline gives the line; ``offset`` turns Doc character offsets into document
    offsets."""
    lex = et.states
    if et.types.get(STATE_TYPE) is None:
        return []
    out: list[EventMention] = []
    used: set[int] = set()

    def emit(
        start: int,
        end: int,
        t_start: int,
        t_end: int,
        parts: tuple[Participant, ...],
        time: tuple[TimeValue, TimeMention] | None,
    ) -> None:
        while end > start and text[end - 1] in " \t\n.,;:":
            end -= 1
        tv = time[0] if time else (structural.value if structural is not None else None)
        tm = time[1] if time else structural
        out.append(
            EventMention(
                doc_id=doc_id,
                start=start,
                end=end,
                trigger_start=t_start,
                trigger_end=t_end,
                type=STATE_TYPE,
                time=tv,
                time_start=tm.start if tm is not None and tv is not None else None,
                time_end=tm.end if tm is not None and tv is not None else None,
                participants=parts,
                modality="asserted",
                region_kind=region_kind,
                confidence=1.0,
            )
        )

    # 1. "a policy of non-recognition", "16 years of non-recognition"
    for t in sent:
        if not t.is_alpha:
            continue  # (the parser often mistags "non - recognition": the word decides)
        found = _prefixed_noun(t, et.modality.negative_prefixes)
        if found is None:
            continue
        first, bare = found
        act = _noun_type(bare, et)
        if act is None or act == STATE_TYPE:
            continue
        if t.dep_ in _MODIFIER_DEPS and t.head.pos_ in {"NOUN", "PROPN"}:
            continue  # "a non-aggression pact": a modifier of another event's name
        cs, ce = _clause(t, sent)
        tr = Trigger(act, t.i, first, t.i + 1, "nominal", True)
        time = _years_before(t, times, anchor, et.durations.enders, offset)
        t_start = offset + sent.doc[first].idx
        emit(
            offset + cs,
            offset + ce,
            t_start,
            offset + t.idx + len(t.text),
            make_participants(tr),
            time,
        )
        used.add(t.i)
    # 2./3. negated acts under "withhold"/"refuse": lasting when a persistence verb governs
    # the negation, or when the act's refusal is itself a stance
    for m, h in zip(mentions, heads, strict=True):
        if m.modality != "negated" or h in used:
            continue
        head = sent.doc[h]
        govs = _governors(head)
        neg = next((g for g in govs if _forms(g) & lex.negating_verbs), None)
        if neg is None:
            continue
        above = _governors(neg, 2)
        lasting = any(_forms(g) & lex.verbs for g in above) or m.type in lex.acts
        if not lasting:
            continue
        t_start = offset + min(neg.idx, head.idx)
        t_end = offset + max(neg.idx + len(neg.text), head.idx + len(head.text))
        emit(m.start, m.end, t_start, t_end, m.participants, None)
    return out
