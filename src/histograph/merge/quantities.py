"""Counts and amounts that sources state differently for one event (death tolls, army sizes,
sums of money, lengths, durations …).

Each :class:`~histograph.events.quantities.Quantity` a document states belongs to one event
of that document: the event whose mention contains it, else the event mentioned nearest to it
in its sentence, else the document's main event — of the events it mentions, the one told by
the most documents (a toll in an article is the toll of the article's event). A mention that
only tells a phase ("the attack commenced at 7:48") gives its figures to the main event; a
stated length that no mention contains ("the crisis lasted about two weeks", "it took 37
days") measures the page's subject: the main event. Lengths further apart than a factor of
2.5 measure different things (three days of talks, a thirteen-day crisis; a 30 km zone, a
2,600 km journey: lengths and areas alike) and are not compared; one page that restates a length in another unit ("took 37 days" … "lasted about
five weeks") gives two readings of it.
Quantities of one merged event and one measure are then compared as ranges ("about 300"
allows 270..330, "more than 3,000" 3,000 and up, "61 or 63" both):

- readings that no range reconciles make a **hard** ``unexplained`` conflict ("about 300" /
  "375" / "700" deaths);
- readings that differ only in how they are stated ("about 90 minutes" / "less than 2 hours",
  "3,000" / "more than 3,000") make a **soft** ``rounding`` conflict.

A conflict needs two documents that read the measure differently: numbers of one measure
inside one page usually count different things (eight battleships, three cruisers), so one
page alone makes a conflict only when it sets its readings against each other as estimates
or accounts, every reading's sentence saying whose figure it is ("chroniclers claimed
100,000; modern historians estimate 12,000": ``estimate_words`` in ``data/measures.yaml``);
otherwise its differing readings join a conflict the pages make. Equal readings (within 1 %:
"296 miles" and "477 km") are one value. A toll or a force stated for a whole war or
campaign ("in all, 300,000 died during the war": ``whole_scope``) is compared only with
figures of the whole, never with the toll of one clash.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..events.quantities import (
    Quantity,
    estimate_words,
    find_quantities,
    measure_label,
    phase_verbs,
    side_measure_types,
    side_measures,
    whole_scope_words,
)
from ..model import Analysis, Claim, Conflict, ConflictValue, Event, EventMention
from .conflicts import _conflict
from .unmerged import dates_near

__all__ = ["attach_quantities", "quantity_conflicts"]

_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def _paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text``."""
    return [0, *(m.end() for m in _PARAGRAPH.finditer(text))]


def attach_quantities(
    events: Sequence[Event],
    analyses: Sequence[Analysis],
    found: Mapping[str, Sequence[Quantity]] | None = None,
) -> list[tuple[Event, Quantity]]:
    """Each quantity the documents state, with the event it belongs to (see the module doc).
    ``found``: the quantities of documents read beforehand (:func:`find_quantities`), by id."""
    by_doc: dict[str, list[tuple[EventMention, Event]]] = defaultdict(list)
    for e in events:
        for m in e.mentions:
            by_doc[m.doc_id].append((m, e))
    out: list[tuple[Event, Quantity]] = []
    texts = {a.document.id: a.document.text for a in analyses}
    for a in analyses:
        cands = by_doc.get(a.document.id)
        if not cands:
            continue
        known = found.get(a.document.id) if found is not None else None
        quantities = find_quantities(a) if known is None else known
        if not quantities:
            continue
        text = a.document.text
        paras = _paragraphs(text)
        sentences = sorted((s.start, s.end) for s in a.sentences)
        main = min({id(e): e for _, e in cands}.values(), key=lambda e: _page_subject(e, a.document.id))
        index = _Candidates(cands)
        for q in quantities:
            owner = _owner(q, index, sentences, paras, main, texts)
            if owner is None:
                continue
            out.append((owner, q))
    return out


def _page_subject(e: Event, doc_id: str) -> tuple[int, int, int, bool, int, str]:
    """Sort key of a page's subject among its events: the event told by the most documents,
    then one the page gives as its own (title, headline or lead: ``EventMention.main``),
    then the most mentions, dated, and told first in the page."""
    mine = [m for m in e.mentions if m.doc_id == doc_id]
    return (
        -len({m.doc_id for m in e.mentions}),
        not any(m.main for m in mine),
        -len(e.mentions),
        e.date is None,
        min((m.start for m in mine), default=0),
        e.id,
    )


def _centrality(e: Event) -> tuple[int, int, int, str]:
    """Sort key: the event told by the most documents (then mentions, then dated) first."""
    return (-len({m.doc_id for m in e.mentions}), -len(e.mentions), e.date is None, e.id)


def _phase_only(e: Event, texts: Mapping[str, str]) -> bool:
    """Every mention of ``e`` is a phase verb ("the attack commenced", "the attacks ended"):
    what it measures is the larger event's."""
    verbs = phase_verbs()
    for m in e.mentions:
        words = texts.get(m.doc_id, "")[m.trigger_start : m.trigger_end].lower().split()
        if not words or words[-1] not in verbs:
            return False
    return True


class _Candidates:
    """One document's event mentions sorted by start and by trigger start, so that the
    mentions holding a quantity, or in its sentence, are found by bisection: a scan of every
    mention per quantity was quadratic in the size of one long document (issue 10)."""

    def __init__(self, cands: Sequence[tuple[EventMention, Event]]) -> None:
        self.by_start = sorted(cands, key=lambda c: c[0].start)
        self.starts = [m.start for m, _ in self.by_start]
        self.longest = max((m.end - m.start for m, _ in cands), default=0)
        self.by_trigger = sorted(cands, key=lambda c: c[0].trigger_start)
        self.triggers = [m.trigger_start for m, _ in self.by_trigger]

    def holding(self, start: int, end: int) -> list[tuple[EventMention, Event]]:
        """The mentions whose span holds [start, end)."""
        lo = bisect.bisect_left(self.starts, end - self.longest)
        hi = bisect.bisect_right(self.starts, start)
        return [(m, e) for m, e in self.by_start[lo:hi] if m.start <= start and end <= m.end]

    def triggered_in(self, s0: int, s1: int) -> list[tuple[EventMention, Event]]:
        """The mentions whose trigger starts in [s0, s1)."""
        lo = bisect.bisect_left(self.triggers, s0)
        hi = bisect.bisect_left(self.triggers, s1)
        return self.by_trigger[lo:hi]


def _owner(
    q: Quantity,
    cands: _Candidates,
    sentences: Sequence[tuple[int, int]],
    paras: Sequence[int],
    main: Event,
    texts: Mapping[str, str],
) -> Event | None:
    # the least (length, id) / (distance, id) picks one event whatever the order of the
    # candidates: equal keys are one event
    inside = [(m.end - m.start, e.id, e) for m, e in cands.holding(q.start, q.end)]
    if inside:
        owner = min(inside, key=lambda t: t[:2])[2]
        if q.measure == "duration" and len({m.doc_id for m in owner.mentions}) < 2:
            # "In less than 2 hours, the fleet lost …": a length in a clause no other page
            # tells measures the page's subject, not that clause
            return main
        return main if _phase_only(owner, texts) else owner
    if q.measure == "duration":
        # a stated length ("the crisis lasted about two weeks", "it took 37 days") measures
        # the page's subject, not the nearest small act of its sentence
        return main
    i = bisect.bisect_right(sentences, (q.start, math.inf)) - 1
    if 0 <= i < len(sentences) and sentences[i][0] <= q.start < sentences[i][1]:
        s0, s1 = sentences[i]
        same = [(abs(m.trigger_start - q.start), e.id, e) for m, e in cands.triggered_in(s0, s1)]
        if same:
            owner = min(same, key=lambda t: t[:2])[2]
            return main if _phase_only(owner, texts) else owner
    return main


#: two figures written in different units ("296 miles" / "477 km", "six months" / "26
#: weeks") are one figure when this close: a conversion rounds
_CONVERSION_SLACK = 0.01


def _converted(a: Quantity, b: Quantity) -> bool:
    """The two figures are written in different units of one measure ("296 miles" / "477
    km"), so that one may be the other converted and rounded."""
    return a.measure in _CONVERTED and _written_unit(a) != _written_unit(b)


#: measures whose figures are converted between written units before they are compared
_CONVERTED = frozenset({"length", "area", "duration"})


def _same_reading(a: Quantity, b: Quantity) -> bool:
    """One reading: the same bound and the same figure — exactly, as counts are written
    ("1,198" and "1,201" dead are two readings), or within :data:`_CONVERSION_SLACK` when
    one is the other converted to another unit."""
    if a.bound != b.bound:
        return False
    tol = _CONVERSION_SLACK if _converted(a, b) else 1e-9
    return all(math.isclose(x, y, rel_tol=tol) for x, y in ((a.low, b.low), (a.high, b.high)))


def _disjoint(a: Quantity, b: Quantity) -> bool:
    """No value is allowed by both readings (as ranges: "about 300" allows 270..330); two
    exact counts that differ at all are disjoint, figures converted between units only
    beyond :data:`_CONVERSION_SLACK`."""
    if a.unit != b.unit:
        return False  # "132 billion marks" / "$33 billion": not comparable
    (a0, a1), (b0, b1) = a.range(), b.range()
    keep = 1 - _CONVERSION_SLACK if _converted(a, b) else 1.0
    return a1 < b0 * keep or b1 < a0 * keep


def _readings(qs: Sequence[Quantity]) -> list[list[Quantity]]:
    groups: list[list[Quantity]] = []
    for q in qs:
        for g in groups:
            if _same_reading(g[0], q):
                g.append(q)
                break
        else:
            groups.append([q])
    return groups


#: two stated lengths further apart than this factor measure different things ("three days"
#: of talks and "13 days" of crisis), not one length read two ways
_LENGTH_FACTOR = 2.5
#: one page's lengths in two units this close are one length restated
_RESTATED = 1.25


#: measures of lengths (of time, of distance, of ground) whose figures further apart than
#: :data:`_LENGTH_FACTOR` measure different things
_LENGTHS = frozenset({"duration", "length", "area"})


def _comparable_lengths(qs: Sequence[Quantity]) -> list[Quantity]:
    """The stated lengths that another document's length comes near (within
    :data:`_LENGTH_FACTOR`): the ones that can be readings of one duration."""
    out = []
    for q in qs:
        lo, hi = q.range()
        for r in qs:
            r_lo, r_hi = r.range()
            if r.doc_id == q.doc_id:
                # one page restating a length in another unit ("37 days" / "about five
                # weeks") gives two readings of it
                if _written_unit(r) == _written_unit(q) or not (
                    hi * _RESTATED >= r_lo and r_hi * _RESTATED >= lo
                ):
                    continue
            elif not (hi * _LENGTH_FACTOR >= r_lo and r_hi * _LENGTH_FACTOR >= lo):
                continue
            out.append(q)
            break
    return out


def _written_unit(q: Quantity) -> str:
    words = q.text.lower().split("-")[-1].split()
    return words[-1].rstrip("s") if words else ""


def _named(title: str) -> str:
    """How an explanation names the event: a short title as it is ("the Great Fire"), a
    title that is a whole clause ("On 7 May 1915, a U-boat sank the Lusitania.") quoted and
    cut, so the sentence still reads."""
    words = title.split()
    if len(words) <= 6 and not title.rstrip().endswith((".", "…")) and (
        title[:1].isupper() or words[0].lower() in ("the", "a", "an")
    ):
        return title  # a name ("the Great Fire"), not a piece of a clause ("for the ship to sink")
    short = " ".join(words[:8]).rstrip(".,;:…")
    return f"the event told as “{short}…”"


#: two figures of one measure this close (the larger end over the smaller) can be readings
#: of one figure; further apart they count different things
_NEAR_FACTOR = 1.2


#: two lengths of one event this close can be readings of one length ("four days" / "five
#: days", "34 seconds" / "about half a minute")
_NEAR_LENGTH = 1.5
#: two small counts this far apart at most can be readings of one count ("six" / "eight"
#: recorded deaths), whatever their ratio
_NEAR_COUNT = 2


#: measures whose figures are no counts of things
_NOT_COUNTS = frozenset({"duration", "share", "magnitude", "length", "area", "money"})


def _near(a: Sequence[Quantity], b: Sequence[Quantity]) -> bool:
    """Some figure of ``a`` and some of ``b`` can be readings of one figure: near
    (:data:`_NEAR_FACTOR`; lengths :data:`_NEAR_LENGTH`; small counts a difference of
    :data:`_NEAR_COUNT`), or sums in two currencies ("132 billion marks" / "$33 billion"),
    which cannot be told apart as written."""
    for x in a:
        x0, x1 = x.range()
        for y in b:
            if x.unit != y.unit:
                if x.measure == y.measure == "money" and x.unit and y.unit:
                    return True
                continue
            y0, y1 = y.range()
            lo, hi = max(x0, y0), min(x1, y1)
            factor = _NEAR_LENGTH if x.measure == "duration" else _NEAR_FACTOR
            if lo <= hi * factor and lo > 0:
                return True
            if x.measure not in _NOT_COUNTS and not x.unit and 0 < lo <= hi + _NEAR_COUNT:
                return True
    return False


def _pages_differ(readings: Sequence[Sequence[Quantity]]) -> bool:
    """Two pages each state a reading the other does not. A page that only repeats one of
    another page's figures ("two workers died" where the other adds "28 firefighters died
    later") does not disagree with it."""
    by_doc: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(readings):
        for q in r:
            by_doc[q.doc_id].add(i)
    sets = list(by_doc.values())
    return any(a - b and b - a for i, a in enumerate(sets) for b in sets[i + 1 :])


def _join_lonely(
    grouped: Mapping[tuple[str, str], list[Quantity]], owners: Mapping[str, Event]
) -> dict[tuple[str, str], list[Quantity]]:
    """A page that states a measure once ("a charter of 63 clauses", "some 49,000 residents")
    states the figure of its subject, even when the sentence is told by an event no other page
    tells: such a lone figure joins the figures of that measure other pages give to another
    event when the two are near (:data:`_NEAR_FACTOR`), under the event more pages tell.
    Times of day are left where they are (they belong to one phase). Tolls and army sizes
    (the ``side_measures`` of ``data/measures.yaml``: one episode has one for each side and
    each clash) join only an event of a type that has them (``side_measure_types``: an
    attack, a battle, a disaster): a page's lone toll told in a clause of its own ("2,400
    sailors and soldiers were killed") is the toll other pages give the attack, never the
    toll of the treaty that ended the war."""
    out = {k: list(v) for k, v in grouped.items()}
    per_doc: dict[tuple[str, str], int] = defaultdict(int)
    for (_eid, measure), qs in grouped.items():
        for q in qs:
            per_doc[(q.doc_id, measure)] += 1
    for (eid, measure), qs in sorted(  # the least told first
        grouped.items(), key=lambda kv: (_centrality(owners[kv[0][0]]), kv[0]), reverse=True
    ):
        if measure.endswith(" time") or (eid, measure) not in out:
            continue
        docs = {q.doc_id for q in qs}
        if len(docs) != 1 or per_doc[(next(iter(docs)), measure)] != 1:
            continue
        if len({m.doc_id for m in owners[eid].mentions}) > 1:
            continue  # an event other pages tell too keeps its figure
        cands = [
            k
            for k, other in out.items()
            if k[1] == measure and k != (eid, measure)
            and not docs & {q.doc_id for q in other} and _near(qs, other)
        ]
        cands = [k for k in cands if len({m.doc_id for m in owners[k[0]].mentions}) >= 2]
        if measure.removesuffix(_OVERALL) in side_measures():
            # a toll or a force joins only an event that has tolls and forces (an attack,
            # a battle, a disaster; never the treaty that ended the war)
            cands = [k for k in cands if owners[k[0]].type in side_measure_types()]
        if not cands:
            continue
        best = min(cands, key=lambda k: (_centrality(owners[k[0]]), k))
        out[best].extend(out.pop((eid, measure)))
    return out


#: event types that a page may use for its subject when another page types it otherwise
_GENERIC_TYPES = frozenset({"other"})


def _one_subject(a: Event, b: Event) -> bool:
    """Two pages' main events that can be one act told twice: types alike (equal, one of
    them generic, or both of the kinds that have tolls and forces: a disaster and an attack)
    and dates that can be readings of one date (:func:`~histograph.merge.unmerged.dates_near`)."""
    kinds = side_measure_types()
    typed = (
        a.type == b.type
        or a.type in _GENERIC_TYPES
        or b.type in _GENERIC_TYPES
        or (a.type in kinds and b.type in kinds)
    )
    return typed and dates_near(a.date, b.date)


def _page_mains(events: Sequence[Event]) -> dict[str, Event]:
    """Per document, its main event as :func:`attach_quantities` picks it."""
    by_doc: dict[str, dict[str, Event]] = defaultdict(dict)
    for e in events:
        for m in e.mentions:
            by_doc[m.doc_id][e.id] = e
    return {d: min(es.values(), key=lambda e: _page_subject(e, d)) for d, es in by_doc.items()}


def _subject_rank(e: Event) -> tuple[bool, int, int, str]:
    """Sort key of the record that carries the figures of a subject several pages tell apart:
    dated first (an undated record stands for no dated act), then told by the most pages,
    then by the most text."""
    return (
        e.date is None,
        -len({m.doc_id for m in e.mentions}),
        -sum(m.end - m.start for m in e.mentions),
        e.id,
    )


def _root(parent: dict[str, str], x: str) -> str:
    """The representative of ``x``'s set in a union-find forest."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _join_page_mains(
    grouped: Mapping[tuple[str, str], list[Quantity]],
    owners: Mapping[str, Event],
    mains: Mapping[str, Event],
) -> dict[tuple[str, str], list[Quantity]]:
    """Pages of one episode whose accounts of their subject the merge kept apart state the
    figures of one subject. Measure by measure, the figures of pages' main events join when
    the two events can be one act (:func:`_one_subject`), no page gives figures to both, one
    of them is told by its own page alone (two records other pages tell too were kept apart
    on evidence), and some figure of each is near one of the other (:data:`_NEAR_FACTOR`:
    further apart they count different things). The joined figures go to the record that
    best stands for the act (:func:`_subject_rank`). Times of day stay where they are (they
    belong to one phase)."""
    out = {k: list(v) for k, v in grouped.items()}
    main_events = sorted({e.id: e for e in mains.values()}.values(), key=lambda e: e.id)
    lone = {e.id for e in main_events if len({m.doc_id for m in e.mentions}) == 1}
    side_types = side_measure_types() | _GENERIC_TYPES
    for measure in sorted({k[1] for k in out}):
        if measure.endswith(" time"):
            continue
        nodes = [e for e in main_events if (e.id, measure) in out]
        if len(nodes) < 2:
            continue
        parent = {e.id: e.id for e in nodes}
        side = measure.removesuffix(_OVERALL) in side_measures()
        docs = {e.id: {q.doc_id for q in out[(e.id, measure)]} for e in nodes}
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                if a.id not in lone and b.id not in lone:
                    continue
                if docs[a.id] & docs[b.id] or not _one_subject(a, b):
                    continue
                if side and not {a.type, b.type} <= side_types:
                    continue  # a toll or a force is an attack's or a disaster's, not a treaty's
                if _near(out[(a.id, measure)], out[(b.id, measure)]):
                    parent[_root(parent, a.id)] = _root(parent, b.id)
        parts: dict[str, list[Event]] = defaultdict(list)
        for e in nodes:
            parts[_root(parent, e.id)].append(e)
        for part in parts.values():
            if len(part) < 2:
                continue
            rep = min(part, key=_subject_rank)
            for e in part:
                if e.id != rep.id:
                    out[(rep.id, measure)].extend(out.pop((e.id, measure)))
    return out


class _SentenceText:
    """The text of the sentence a quantity stands in (lower case), by bisection."""

    def __init__(self, analyses: Sequence[Analysis]) -> None:
        self._texts = {a.document.id: a.document.text for a in analyses}
        self._sents = {
            a.document.id: sorted((s.start, s.end) for s in a.sentences) for a in analyses
        }

    def __call__(self, q: Quantity) -> str:
        text = self._texts.get(q.doc_id, "")
        sents = self._sents.get(q.doc_id) or [(0, len(text))]
        i = bisect.bisect_right(sents, (q.start, math.inf)) - 1
        s0, s1 = sents[i] if i >= 0 else (0, len(text))
        if not s0 <= q.start < s1:
            s0, s1 = q.start, q.end
        return text[s0:s1].lower()


#: the suffix of a side measure stated for a whole war or campaign ("deaths overall")
_OVERALL = " overall"


#: one page's readings of a measure that it weighs as estimates: at most this many
_MAX_WEIGHED = 3


def _page_weighs_estimates(
    readings: Sequence[Sequence[Quantity]], sentence_of: _SentenceText
) -> bool:
    """One page sets readings of one figure against each other as estimates or accounts
    ("contemporary chroniclers claimed 100,000 men; modern historians estimate 10,000"): a
    disagreement inside the page. Every reading's sentence must say whose estimate or account
    it is (``estimate_words`` in ``data/measures.yaml``), so that a page listing the figures
    of two sides or two clashes ("the English had 7,000 men, the Normans 10,000") is none."""
    by_doc: dict[str, list[Quantity]] = defaultdict(list)
    for r in readings:
        for q in r:
            by_doc[q.doc_id].append(q)
    words = estimate_words()
    for qs in by_doc.values():
        distinct = _readings(qs)
        if not 2 <= len(distinct) <= _MAX_WEIGHED:
            continue
        if all(any(words.search(sentence_of(q)) for q in r) for r in distinct):
            return True
    return False


def quantity_conflicts(
    events: Sequence[Event],
    analyses: Sequence[Analysis],
    found: Mapping[str, Sequence[Quantity]] | None = None,
) -> list[Conflict]:
    """The count and amount conflicts of the merged events (see the module doc); ``found``
    as :func:`attach_quantities` takes it."""
    grouped: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    titles: dict[str, str] = {}
    owners: dict[str, Event] = {}
    sentence_of = _SentenceText(analyses)
    scope = whole_scope_words()
    for e, q in attach_quantities(events, analyses, found):
        if q.measure in side_measures() and scope.search(sentence_of(q)):
            # "in all, 90,000 died over the course of the war": the toll of the whole, never
            # compared with the toll of one clash
            q = replace(q, measure=f"{q.measure}{_OVERALL}")
        grouped[(e.id, q.measure)].append(q)
        titles[e.id] = e.title or e.id
        owners[e.id] = e
    grouped = _join_page_mains(grouped, owners, _page_mains(events))
    grouped = _join_lonely(grouped, owners)
    out: list[Conflict] = []
    for (eid, measure), qs in sorted(grouped.items()):
        if measure in _LENGTHS:
            # lengths far apart measure different things (a 30 km zone, a 2,600 km journey)
            qs = _comparable_lengths(qs)
        readings = _readings(sorted(qs, key=lambda q: (q.low, q.high, q.doc_id, q.start)))
        if len(readings) < 2:
            continue
        if (
            measure != "duration"
            and not _pages_differ(readings)
            and not _page_weighs_estimates(readings, sentence_of)
        ):
            continue
        values: list[ConflictValue] = []
        seen: set[str] = set()
        for r in readings:
            label = r[0].text
            if label in seen:
                label = f"{label} ({r[0].low:g})"
            seen.add(label)
            claims = tuple(
                Claim(eid, measure, label, q.doc_id, q.start, q.end)
                for q in sorted(r, key=lambda q: (q.doc_id, q.start))
            )
            values.append(ConflictValue(label, claims))
        hard = any(
            _disjoint(a[0], b[0]) for i, a in enumerate(readings) for b in readings[i + 1 :]
        )
        what = measure_label(measure.removesuffix(_OVERALL)) + (
            " over the whole" if measure.endswith(_OVERALL) else ""
        )
        listed = ", ".join(v.value for v in values)
        units = sorted({q.unit for q in qs if q.unit})
        if not hard and len(units) > 1:
            expl = (
                f"Sources state the {what} of {_named(titles[eid])} in different units "
                f"({', '.join(units)}: {listed}); the figures cannot be compared as written."
            )
        elif hard:
            expl = (
                f"Sources disagree on the {what} of {_named(titles[eid])}: {listed}; "
                "no reading of these figures as ranges or approximations reconciles them."
            )
        else:
            expl = (
                f"Sources state the {what} of {_named(titles[eid])} differently ({listed}); "
                "the figures are compatible as ranges or approximations."
            )
        out.append(
            _conflict(eid, measure, values, "unexplained" if hard else "rounding",
                      "hard" if hard else "soft", expl)
        )
    return out
