"""Arguments of an event trigger from the dependency parse: its time (the date the parse
attaches to it) and the evidence span (the clause that states the event). Participants are
in :mod:`.participants`, places in :mod:`.places`; both are re-exported here."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import TimeMention
from .participants import make_participant, participants
from .phrases import CLAUSE_DEPS
from .places import place_of
from .triggers import MODIFIER_DEPS, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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
    "make_participant",
    "participants",
    "place_of",
    "tree_distance",
]
