"""Cross-document event coreference, claims, consensus and event conflicts.

:func:`merge_events` turns the event mentions of all analyses into :class:`Event` records.

**Who may found an event.** An *asserted* mention with confidence at least
:data:`histograph.events.JOIN_ONLY_BELOW` that has an anchor — a date (or a year-less
month/day), a name ("the Cold War") or an entity participant. Other asserted mentions (a bare
"the recognition") and every negated / hypothetical / planned mention may only *join* an event
founded by others, and their dates never count: "refused to recognize" never becomes an event.
Such a mention joins only on evidence a reader can be shown beyond its word
(:func:`.evidence._joiner_evidence`): the event's name, or, asserted, a participant it shares; a bare
"the treaty" later on a page is as often a later act on the same thing (its ratification).
An undated clause that meets an event of its own page through nothing but the page and a
state participant (:func:`.evidence._same_page_evidence`: no shared name, trigger word, head noun,
framing word or non-state participant) is dropped: "the collapse of the Union" is not its
founding revolution, and it tells no event the collection can date.

**Coreference.** Mentions are compared only within one type compatibility group
(``groups`` in ``data/event_types.yaml``) and, inside it, only with the clusters found through
a blocking index (name, day and neighbouring days, month, year, person-in-year, document,
participant). A lookup visits the smallest buckets first and stops at :data:`.cluster.MAX_CANDIDATES`
clusters, skipping unselective buckets once selective ones found candidates, so each mention
costs bounded work and the merge grows near-linearly (``benchmarks/merge.py``). Founders are
processed finest date first. A mention joins the best-scoring cluster whose score reaches
:data:`.evidence.THRESHOLD`:

- date: containment (a finer date inside a coarser one) scores, an incompatible date blocks,
  except two different days, which may join only inside one document (a page's title and its
  body), or when the date engine explains the difference (time zone, calendar), and then only
  with shared participants; a year-less "November 16" matches a day with that month and day;
  a day whose year the date engine only inferred from the narrative ("on Nov. 16" after a
  paragraph about 1917) falls back to its month and day when its full date fits nowhere;
- shared participants (people mapped to :class:`Person` ids through their mentions, or — a
  participant written as a title, "the Foreign Secretary" — through the one person the same
  document gives that title; other entities by key, names that nest counting as shared:
  "Washington" / "Washington DC"); identity participants (the person appointed, killed,
  taking office) that differ block; places that differ block;
- same document, same name, same trigger word.
Precision rules (:mod:`.evidence`, data in ``data/coreference.yaml``): two entries of one
chronology (list items, lines opening with their date, table rows) dated to a month or finer
never merge, nor two lines of one page timed more than a few minutes apart; a bare name or
noun inside another mention's clause, or beside another happening in its sentence ("as the
Cold War deepened, ..."), is a label and neither founds nor joins; a mention of a page whose
resolved actors (people, states) are all others than an event's of that page is another
act; an undated clause that meets an event of its page through a person alone, without the
same predicate, is another of that person's acts (dropped: the collection cannot date it);
an act of a day or a month is never the years-long event around it; a year-less day of
another page needs the same predicate or a participant; happenings numbered differently
("the first wave" / "a second wave") are two; type and a date inside another page's event, or
(for a mention too weak to found) around it, are no evidence; an undated sequel ("within the
next months", ``sequel_markers``) joins no dated event; a bare name its sentence does not open
("killed during the X crisis") joins no event a clause states, nor takes the context's date;
the identity participants of an event are those its members name alone in a role ("the deaths
of A and B" does not make B's death A's); contrast words give kinds that exclude each other
("partial" / "general mobilization", ``contrasts`` in ``data/coreference.yaml``); a state is
not a person who holds office only in other states ("the U.S. pledged" / "Premier X
announced", the offices' jurisdictions); an undated clause naming people an event lacks joins
it on its page only near one of its mentions; an undated mention joins the only event of its
word class only if their actors are not all different; "the death of King X" (a noun, "of" and
a name) is a label like a name; a mention whose evidence writes one date takes it over a
disagreeing date found outside its span (:class:`.mentions._DatesIndex`).
An undated, unnamed mention that reaches no cluster joins the only cluster of its group when
the corpus has exactly one and an actor, the predicate or a content word agrees, or the only one sharing its trigger's word class; a definite
description ("The negotiations were conducted by ...") joins the cluster of its group told by
clearly the most documents.

**Second pass** (:func:`.cluster._merge_duplicates`): whole clusters that tell one event are folded
together, met through name / year / person keys (a cluster of names alone beside a clause
telling an act on the thing named, with no predicate in common, is not that act, and dropped
when it heads that act's account on its page: :func:`.evidence._name_beside_act`): the same name (variants read through
``named_event_aliases`` in ``data/event_types.yaml``: "the First World War" = "World War I");
a coarser date next to a finer one with most of the wording, or a person and two words, or a
person and the predicate ("visited" / "visits"), shared;
adjacent years with the same wording and participants (a date conflict kept as a conflict);
a title one day off its own body; an undated clause restating a dated event (person and
wording); one day and one number ("a second message" / "the second letter") counting as a
shared word; contrast words, identities and one page's two sides keeping clusters apart; across type groups only a catch-all (``other``) typing against a specific one, on
the same day with a shared word and a second shared word or participant. Two days in a row in different documents stay apart,
except: one name on two days of one month ("the Battle of X" on the 20th and on the 25th: one
event, its date disputed); one named thing that is the only participant of catch-all mentions
a day apart ("the Wall opened" / "the Wall fell"); and, inside one page, a dated clause whose
head noun is of the kind of the page's named event ("the San Francisco earthquake of 1906" /
"the tremor struck on 18 April"; ``head_classes`` in ``data/conflict_words.yaml``).

**Names** (:mod:`histograph.merge.names`): a capitalised trigger ("the Treaty of Versailles"),
or a place the entity stage found and what happened there ("the San Francisco earthquake",
"the fall of the Berlin Wall" = "the Berlin Wall fell"). Names of one head whose complements
share no word ("the Battle of A" / "the Battle of B") or differ by a number never merge.

**Why** (:mod:`histograph.merge.explain`): every mention of an event told by two or more
mentions carries a ``merged`` claim saying what it shares with the best-agreeing mention of
another page (type, date relation, name, people, place, clause similarity).

**Consensus date.** Among the distinct date values claimed by asserted mentions, the one
*consistent* (equal, containing or contained) with the most independent sources; on a tie the
finest, then the one stated by more sources overall, then the earliest. A date contradicted by
a majority of independent sources is therefore never chosen. A lasting event (``durative``)
takes the widest stated range consistent with as many sources. Dates read from a name (the
month of "the October revolution") are claims but never vote.

**Claims and independence.** Every asserted mention gives claims (date, place, participant,
type, nature, duration) with their spans; :mod:`histograph.merge.conflicts` marks
``Claim.independent`` (copies, whole documents or passages, count once) and
``Event.independent_support`` counts distinct sources.

**Conflicts** (subject_kind "event"): for each attribute, values that neither contain nor equal
each other. A date conflict lists every incompatible value with its claims. Kind and severity:
``calendar`` (Old Style/New Style, from :func:`histograph.time.explain_date_difference`, or
adjacent months of an event in a country that still kept the Julian calendar) soft;
``announced_vs_occurred`` when one value is stated only in titles/headlines or next to
"announced/published/reported" (hard at day level: it is a hypothesis, not a reconciliation);
``copy`` when the only sources of one value copy each other; ``timezone`` when the dates are
one day apart — soft when a source gives a time of day close to midnight, else hard;
otherwise ``unexplained`` (hard at day or month level, soft when a side is only a year).
Place conflicts are soft. Participants, framing ("nature"), durations and timeline filing:
see :mod:`histograph.merge.conflicts`.

**Layout** (modules import downward: evidence <- mentions, cluster <- events):
:mod:`.evidence` holds the records (:class:`~.evidence._Mention`, :class:`~.evidence._Cluster`)
and the features of a pair (date relations, shared participants, clashes, the pair scores of
both passes); :mod:`.mentions` reads an analysis's mentions into records; :mod:`.cluster`
does blocking and clustering (first and second pass); this module orchestrates and builds
events: consensus dates, claims, date and place conflicts. Next door, needing none of the
records: names and head nouns (:mod:`.names`), merge reasons (:mod:`.explain`),
independence and the other attributes' conflicts (:mod:`.conflicts`), counts and amounts
(:mod:`.quantities`), time zones (:mod:`.timezones`), anachronisms (:mod:`.anachronism`).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..events.setting import MentionKey, carried_places, mention_key
from ..events.types import EventTypes, load_event_types
from ..model import (
    Analysis,
    Claim,
    Conflict,
    ConflictKind,
    ConflictValue,
    CopyLink,
    Event,
    EventMention,
    Person,
    Severity,
    TimeValue,
    civil_from_day,
)
from ..time.durations import Duration
from .cluster import (
    _cluster,
)
from .conflicts import (
    NamedParticipant,
    Sources,
    StatedDuration,
    copied_only,
    distinct_claims,
    duration_conflict,
    filing_conflict,
    framing_conflict,
    independent_count,
    mark_independence,
    one_page_two_acts,
    participant_conflict,
)
from .evidence import (
    _MAX_CALENDAR_GAP,
    _TITLE_KINDS,
    _Cluster,
    _day_level,
    _explain,
    _Mention,
    _partial_fits,
)
from .explain import Evidence, merge_reasons
from .mentions import (
    _prepare,
)
from .names import (
    _nested_place,
    _norm,
    _same_place,
)
from .standing import states


def _by_span(claims: list[tuple[TimeValue, str]]) -> dict[tuple[int, int], tuple[TimeValue, set[str]]]:
    """The claims' source groups per distinct span (earliest, latest) of their dates, with a
    date of that span: whether two dates are compatible depends on their spans alone, so a
    cluster's support of a date is counted once per distinct span, not once per claim (the
    clusters of a long repetitive document hold thousands of claims of a few dates)."""
    out: dict[tuple[int, int], tuple[TimeValue, set[str]]] = {}
    for c, g in claims:
        out.setdefault((c.earliest, c.latest), (c, set()))[1].add(g)
    return out


def _consistent(
    spans: dict[tuple[int, int], tuple[TimeValue, set[str]]], tv: TimeValue
) -> set[str]:
    """The source groups of the claims (:func:`_by_span`) compatible with ``tv``."""
    out: set[str] = set()
    for c, groups in spans.values():
        if c.compatible(tv):
            out |= groups
    return out


def _consensus(claims: list[tuple[TimeValue, str]]) -> TimeValue | None:
    """``claims``: (date, source group). See the module docstring for the rule."""
    if not claims:
        return None
    values: dict[str, TimeValue] = {}
    for tv, _ in claims:
        values.setdefault(tv.value, tv)

    spans = _by_span(claims)
    by_value: dict[str, set[str]] = {}
    for c, g in claims:
        by_value.setdefault(c.value, set()).add(g)

    def pick(candidates: dict[str, TimeValue]) -> TimeValue | None:
        best: tuple[tuple[int, int, int, int, str], TimeValue] | None = None
        for v, tv in candidates.items():
            consistent = _consistent(spans, tv)
            direct = len(by_value.get(v, ()))  # independent sources
            key = (-len(consistent), tv.latest - tv.earliest, -direct, tv.earliest, v)
            if best is None or key < best[0]:
                best = (key, tv)
        return best[1] if best else None

    chosen = pick(values)
    # Precision is kept: a coarser value that wins only because the finer ones disagree
    # ("November" over 9 and 10 November) gives way to the best-supported finer value; the
    # disagreement itself is recorded as a conflict. A stated interval is kept as it is.
    while chosen is not None and "/" not in chosen.value:
        inside = {
            v: tv
            for v, tv in values.items()
            if tv.latest - tv.earliest < chosen.latest - chosen.earliest
            and chosen.earliest <= tv.earliest
            and tv.latest <= chosen.latest
        }
        if not inside:
            break
        chosen = pick(inside)
    return chosen


def _span_consensus(claims: list[tuple[TimeValue, str]], chosen: TimeValue) -> TimeValue:
    """For lasting events: the widest stated range (``A/B``) that is consistent with as many
    sources as ``chosen``, else ``chosen``."""

    spans = _by_span(claims)
    memo: dict[tuple[int, int], int] = {}

    def support(tv: TimeValue) -> int:
        key = (tv.earliest, tv.latest)
        if key not in memo:
            memo[key] = len(_consistent(spans, tv))
        return memo[key]

    base = support(chosen)
    ranges = [tv for tv, _ in claims if "/" in tv.value and support(tv) >= base]
    if not ranges:
        return chosen
    return max(ranges, key=lambda tv: (tv.latest - tv.earliest, -tv.earliest, tv.value))


def _title(x: _Mention, text: str) -> str:
    s = text[x.m.start : x.m.end]
    s = re.sub(r"^\s*(?:[-*+•]\s+)?", "", s)
    s = s.replace("**", "").replace("__", "")
    s = re.sub(r"^#+\s*", "", s)
    s = " ".join(s.split())
    if len(s) > 100:
        cut = s.rfind(" ", 0, 97)
        s = s[: cut if cut > 40 else 97].rstrip(",;: ") + "…"
    return s


def _event_id(type_id: str, date: TimeValue | None, first: EventMention) -> str:
    raw = f"{type_id}|{date.value if date else '-'}|{first.doc_id}:{first.start}:{first.trigger_start}"
    return "ev-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def _date_claim_span(x: _Mention) -> tuple[int, int]:
    if x.m.time_start is not None and x.m.time_end is not None:
        return x.m.time_start, x.m.time_end
    return x.m.start, x.m.end


def _compatible_values(a: _Mention, b: _Mention) -> bool:
    if a.time is not None and b.time is not None:
        return a.time.compatible(b.time)
    if a.time is not None and b.partial is not None:
        return _partial_fits(b.partial, a.time)
    if b.time is not None and a.partial is not None:
        return _partial_fits(a.partial, b.time)
    if a.partial is not None and b.partial is not None:
        return a.partial[0] == b.partial[0] and (
            a.partial[1] is None or b.partial[1] is None or a.partial[1] == b.partial[1]
        )
    return True


def _date_conflict(
    event_id: str,
    dated: list[_Mention],
    claims_of: dict[int, Claim],
    sources: Sources,
    context: str = "",
) -> Conflict | None:
    by_value: dict[str, list[_Mention]] = {}
    for x in dated:
        if x.date_text:
            by_value.setdefault(x.date_text, []).append(x)
    if len(by_value) < 2:
        return None
    reps = {v: xs[0] for v, xs in by_value.items()}
    bad_pairs: list[tuple[str, str]] = []
    vals = sorted(by_value)
    for i, a in enumerate(vals):
        for b in vals[i + 1 :]:
            if not _compatible_values(reps[a], reps[b]):
                bad_pairs.append((a, b))
    if not bad_pairs:
        return None
    involved = sorted({v for p in bad_pairs for v in p})
    notes: list[str] = []
    kinds: list[tuple[ConflictKind, Severity]] = []
    for a, b in bad_pairs:
        pk, ps, note = _explain_pair(a, b, by_value, claims_of, sources, context)
        kinds.append((pk, ps))
        notes.append(note)
    kind_set = {k for k, _ in kinds}
    kind: ConflictKind = kinds[0][0] if len(kind_set) == 1 else "unexplained"
    if kind == "unexplained" and one_page_two_acts(
        involved, (x.m.doc_id for v in involved for x in by_value[v])
    ):
        return None  # one page, weeks apart: two acts the merge joined, not two sources
    severity: Severity = "hard" if any(s == "hard" for _, s in kinds) else "soft"
    values = tuple(
        ConflictValue(v, tuple(claims_of[x.order] for x in by_value[v] if x.order in claims_of))
        for v in involved
    )
    cid = "cf-" + hashlib.sha1(f"{event_id}|date|{'|'.join(involved)}".encode()).hexdigest()[:12]
    return Conflict(
        id=cid,
        subject=event_id,
        subject_kind="event",
        attribute="date",
        values=values,
        kind=kind,
        severity=severity,
        explanation=" ".join(dict.fromkeys(notes)),
    )


@functools.lru_cache(maxsize=1)
def _adoptions() -> tuple[tuple[re.Pattern[str], int, str], ...]:
    """(name pattern, first Gregorian day, name) of the countries that switched late."""
    from ..time import parse_value
    from ..time.lexicon import lexicon

    out = []
    for name, first in lexicon().adoption.items():
        tv = parse_value(first)
        if tv is not None:
            out.append((re.compile(rf"\b{re.escape(name)}", re.I), tv.earliest, name))
    return tuple(out)


def _old_style(ta: TimeValue, tb: TimeValue, context: str) -> str | None:
    """An explanation when two month (or day) readings may be the Old Style and New Style
    dates of one event: adjacent within the calendar gap, in a country that kept the Julian
    calendar then (named in the event's context)."""
    early, late = (ta, tb) if ta.earliest <= tb.earliest else (tb, ta)
    if late.earliest - early.latest > _MAX_CALENDAR_GAP or late.earliest <= early.latest:
        return None
    for rx, first_day, name in _adoptions():
        if late.earliest < first_day + _MAX_CALENDAR_GAP and rx.search(context):
            return (
                f"{early.value} and {late.value} are adjacent: {name} still used the Julian "
                f"(Old Style) calendar then, {_MAX_CALENDAR_GAP - 3}-{_MAX_CALENDAR_GAP} days "
                f"behind the Gregorian one, so a date late in one month (Old Style) falls early "
                f"in the next (New Style)."
            )
    return None


def _one_moment(a: str, b: str, xa: list[_Mention], xb: list[_Mention]) -> str | None:
    """Why two days are one moment, when a side states a time with a zone: both sides'
    moments coincide, or one side's day is the UTC day of the other's moment."""
    ia = [x.instant for x in xa if x.instant is not None]
    ib = [x.instant for x in xb if x.instant is not None]
    if ia and ib and min(abs(i - j) for i in ia for j in ib) <= 60:
        return (
            f"{a} and {b} are one moment: the sources give the time in different zones, and "
            "the instant falls on different calendar days in them."
        )
    for v, xs, other in ((a, xa, ib), (b, xb, ia)):
        days = {x.time.earliest for x in xs if x.time is not None and x.instant is None}
        if other and days and all(any(i // 1440 == d for i in other) for d in days):
            return (
                f"{v} is the day in Coordinated Universal Time of the moment another source "
                "gives with its time zone: one moment, two calendar days."
            )
    return None


def _explain_pair(
    a: str,
    b: str,
    by_value: dict[str, list[_Mention]],
    claims_of: dict[int, Claim],
    sources: Sources,
    context: str = "",
) -> tuple[ConflictKind, Severity, str]:
    xa, xb = by_value[a], by_value[b]
    ta, tb = xa[0].time, xb[0].time
    if ta is not None and tb is not None:
        ex = _explain(ta, tb)
        if ex is not None and ex[0] == "calendar":
            return "calendar", "soft", ex[1]
        if ex is not None and ex[0] == "precision":
            return "precision", "soft", ex[1]
        if abs(ta.earliest - tb.earliest) > 1:
            old = _old_style(ta, tb, context)
            if old is not None:
                return "calendar", "soft", old
    zoned = _one_moment(a, b, xa, xb)
    if zoned is not None:
        return "timezone", "soft", zoned
    day_level = ta is not None and tb is not None and _day_level(ta) and _day_level(tb)
    coarse = (ta is not None and ta.latest - ta.earliest > 31) or (
        tb is not None and tb.latest - tb.earliest > 31
    )
    hard: Severity = "soft" if coarse else "hard"
    for v, xs, other in ((a, xa, b), (b, xb, a)):
        if all(x.in_title for x in xs) and not all(x.in_title for x in by_value[other]):
            return (
                "announced_vs_occurred",
                hard,
                f"{v} is stated only in a title or headline, {other} in the body: the headline "
                "may give the day the act was announced or reported rather than the day it occurred.",
            )
        if all(x.announced for x in xs) and not all(x.announced for x in by_value[other]):
            return (
                "announced_vs_occurred",
                hard,
                f"{v} comes from an announcement/report context, {other} from the account of the act.",
            )
    for v, xs in ((a, xa), (b, xb)):
        if copied_only([claims_of[x.order] for x in xs if x.order in claims_of], sources):
            return (
                "copy",
                hard,
                f"{v} is stated only by documents that copy one another: one source's reading "
                "(possibly its error) repeated, not independent confirmation.",
            )
    if day_level and ta is not None and tb is not None and abs(ta.earliest - tb.earliest) == 1:
        near_midnight = any(
            x.time_of_day is not None and (x.time_of_day >= 21 * 60 or x.time_of_day <= 3 * 60)
            for x in xa + xb
        )
        ex = _explain(ta, tb)
        text = (
            ex[1]
            if ex is not None
            else (
                "The dates are one day apart: an act late at night in one time zone is already the next "
                "day in another."
            )
        )
        return "timezone", ("soft" if near_midnight else "hard"), text
    return "unexplained", hard, f"The sources disagree: {a} vs {b}."


def _place_conflict(
    event_id: str, members: list[_Mention], claims_of: dict[int, Claim]
) -> Conflict | None:
    by_value: dict[str, list[_Mention]] = {}
    for x in members:
        if x.asserted and x.m.place:
            by_value.setdefault(_norm(x.m.place), []).append(x)
    vals = sorted(by_value)
    # a city and its country are one place told at two precisions: no conflict
    clash = [
        (a, b)
        for i, a in enumerate(vals)
        for b in vals[i + 1 :]
        if not _same_place(a, b) and not _nested_place(a, b)
    ]
    if not clash:
        return None
    involved = sorted({v for p in clash for v in p})
    values = tuple(
        ConflictValue(
            by_value[v][0].m.place or v,
            tuple(claims_of[x.order] for x in by_value[v] if x.order in claims_of),
        )
        for v in involved
    )
    cid = "cf-" + hashlib.sha1(f"{event_id}|place|{'|'.join(involved)}".encode()).hexdigest()[:12]
    return Conflict(
        cid,
        event_id,
        "event",
        "place",
        values,
        "unexplained",
        "soft",
        "The sources place the event differently.",
    )


@dataclass(slots=True)
class _Built:
    """An event under construction (first pass), before its cross-event conflicts."""

    cluster: _Cluster
    id: str
    type: str
    date: TimeValue | None
    members: list[_Mention]
    asserted: list[_Mention]
    claims: list[Claim]
    claims_of: dict[int, Claim]
    title: str
    place: str | None
    durations: list[StatedDuration] = field(default_factory=list)


def merge_events(
    analyses: Sequence[Analysis],
    people: Sequence[Person],
    copies: Sequence[CopyLink] = (),
    passages: Iterable[Sequence[object]] = (),
) -> tuple[list[Event], list[Conflict]]:
    """Merge the event mentions of all documents into events with claims and conflicts.

    ``copies`` are whole-document copies, ``passages`` the passages copied between
    documents (:func:`histograph.ingest.dedup.find_copied_passages`): both count once."""
    # the merge builds millions of small acyclic objects: the cyclic collector would walk
    # them again and again (a quarter of the time at 200,000 mentions) and frees nothing
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _merge_events(analyses, people, copies, passages)
    finally:
        if was_enabled:
            gc.enable()


def _merge_events(
    analyses: Sequence[Analysis],
    people: Sequence[Person],
    copies: Sequence[CopyLink],
    passages: Iterable[Sequence[object]],
) -> tuple[list[Event], list[Conflict]]:
    et = load_event_types()
    mentions = _prepare(analyses, people, et)
    clusters = _cluster(mentions)
    sources = Sources.build(copies, passages)
    texts = {a.document.id: a.document.text for a in analyses}
    names = {p.id: p.name for p in people}
    # the place each page's context gives a mention whose sentence names none
    settings: dict[MentionKey, str] = {}
    for a in analyses:
        settings.update(carried_places(a.events, a.document.text, a.entities, a.regions))
    built: list[_Built] = []
    cluster_of: dict[int, int] = {}  # mention order -> index in built
    for c in clusters:
        b = _build(c, et, sources, texts, settings)
        if b is None:
            continue
        for x in b.members:
            cluster_of[x.order] = len(built)
        built.append(b)
    _attach_durations(mentions, built, cluster_of)
    events: list[Event] = []
    conflicts: list[Conflict] = []
    by_id = {b.id: b for b in built}  # once: per event it made the merge quadratic
    for b in built:
        conflicts.extend(_conflicts(b, by_id, cluster_of, sources, texts, names))
        claims = mark_independence(b.claims, sources)
        spans = [(x.m.doc_id, x.m.start, x.m.end) for x in b.members]
        events.append(
            Event(
                id=b.id,
                type=b.type,
                title=b.title,
                date=b.date,
                mentions=tuple(x.m for x in b.members),
                claims=tuple(claims),
                place=b.place,
                participants=tuple(sorted(b.cluster.parts)),
                support=len({x.m.doc_id for x in b.members}),
                independent_support=independent_count(spans, sources),
            )
        )
    events.sort(key=lambda e: (e.date.earliest if e.date else 10**9, e.id))
    conflicts.sort(key=lambda c: c.id)
    return events, conflicts


def _build(
    c: _Cluster,
    et: EventTypes,
    sources: Sources,
    texts: dict[str, str],
    settings: Mapping[MentionKey, str] | None = None,
) -> _Built | None:
    members = sorted(c.members, key=lambda x: (x.m.doc_id, x.m.start, x.m.trigger_start))
    asserted = [x for x in members if x.asserted]
    if not asserted:
        return None
    # type: the most supported among asserted mentions, then priority, then name
    votes: Counter[str] = Counter()
    for x in asserted:
        votes[x.m.type] += 1
    type_id = min(votes, key=lambda t: (-votes[t], -et.types[t].priority, t))
    dated = [x for x in asserted if x.date_text]
    voted = [
        (x.time, sources.source_of(x.m.doc_id, *_date_claim_span(x)))
        for x in dated
        if x.time is not None
    ]
    date = _consensus(voted)
    if date is not None and et.types[type_id].durative:
        # a lasting event spans its stated range: a date inside it ("in the 1920s") dates a
        # part of it, so a range consistent with as many sources wins
        date = _span_consensus(voted, date)
    rep = min(
        asserted,
        key=lambda x: (
            x.m.type != type_id,
            x.time is None,
            x.m.region_kind in _TITLE_KINDS,
            # a mention stating the event in its own main clause (or entry line) over one
            # telling it inside a relative, parenthetical or subordinate clause or only
            # naming it (see merge.standing)
            not states(texts.get(x.m.doc_id, ""), x.m),
            -x.m.confidence,
            x.m.doc_id,
            x.m.start,
        ),
    )
    eid = _event_id(type_id, date, members[0].m)
    claims: list[Claim] = []
    claims_of: dict[int, Claim] = {}
    for x in asserted:
        m = x.m
        if x.date_text:
            s, e = _date_claim_span(x)
            cl = Claim(eid, "date", x.date_text, m.doc_id, s, e)
            claims.append(cl)
            claims_of[x.order] = cl
        if m.place:
            claims.append(Claim(eid, "place", m.place, m.doc_id, m.start, m.end))
        for p in m.participants:
            claims.append(Claim(eid, "participant", p.name, m.doc_id, p.start, p.end))
        claims.append(Claim(eid, "type", m.type, m.doc_id, m.trigger_start, m.trigger_end))
        if x.framing is not None:
            claims.append(_nature_claim(eid, x, texts))
    reasons = merge_reasons([_evidence(x, texts) for x in asserted])
    for x in asserted:
        if x.order in reasons:
            claims.append(Claim(eid, "merged", reasons[x.order], x.m.doc_id, x.m.start, x.m.end))
    place_votes = Counter(x.m.place for x in asserted if x.m.place)
    if not place_votes and settings:
        # no source states a place: the one the pages' context sets the event in
        # (events.setting); it makes no place claim and no conflict
        place_votes = Counter(
            sp for x in asserted if (sp := settings.get(mention_key(x.m))) is not None
        )
    place = min(place_votes, key=lambda p: (-place_votes[p], p)) if place_votes else None
    return _Built(
        cluster=c,
        id=eid,
        type=type_id,
        date=date,
        members=members,
        asserted=asserted,
        claims=claims,
        claims_of=claims_of,
        title=_title(rep, texts.get(rep.m.doc_id, "")),
        place=place,
    )


def _evidence(x: _Mention, texts: dict[str, str]) -> Evidence:
    m = x.m
    return Evidence(
        key=x.order,
        doc_id=m.doc_id,
        start=m.start,
        end=m.end,
        type=m.type,
        date=x.time,
        name=x.name,
        people=tuple(sorted((pid, name) for pid, name in x.people_named)),
        place=m.place,
        clause=texts.get(m.doc_id, "")[m.start : m.end],
    )


def _attach_durations(
    mentions: list[_Mention], built: list[_Built], cluster_of: dict[int, int]
) -> None:
    """Stated lengths: "16 years after X" ties the event dated by the relative date to the
    event its anchor dates; "ending 16 years of X" ends with the mention's event."""
    by_time: dict[tuple[str, int], int] = {}
    for x in mentions:
        if x.m.time_start is not None and x.order in cluster_of:
            by_time.setdefault((x.m.doc_id, x.m.time_start), cluster_of[x.order])
    # one relative date may have been given to several mentions: it belongs to the one it
    # governs, the nearest after it ("16 years after breaking relations")
    relative_owner: dict[tuple[str, int], _Mention] = {}
    for x in mentions:
        if x.relative is not None and x.order in cluster_of:
            key = (x.m.doc_id, x.relative[3])
            cur = relative_owner.get(key)
            dist = abs(x.m.trigger_start - x.relative[4])
            if cur is None or dist < abs(cur.m.trigger_start - x.relative[4]):
                relative_owner[key] = x
    for x in mentions:
        k = cluster_of.get(x.order)
        if k is None:
            continue
        b = built[k]
        if x.relative is not None and relative_owner.get((x.m.doc_id, x.relative[3])) is x:
            months, unit, anchor, s, e = x.relative
            j = by_time.get((x.m.doc_id, anchor))
            if j is not None and j != k:
                other = built[j]
                if b.date is not None and other.date is not None:
                    later, earlier = (
                        (other, b) if other.date.earliest >= b.date.earliest else (b, other)
                    )
                    d = Duration(months, unit)
                    claim = Claim(later.id, "duration", d.label, x.m.doc_id, s, e)
                    later.claims.append(claim)
                    later.durations.append(StatedDuration(d, claim, earlier.id))
        for months, unit, s, e in x.ended:
            d = Duration(months, unit)
            claim = Claim(b.id, "duration", d.label, x.m.doc_id, s, e)
            b.claims.append(claim)
            b.durations.append(StatedDuration(d, claim, None))


def _conflicts(
    b: _Built,
    by_id: dict[str, _Built],
    cluster_of: dict[int, int],
    sources: Sources,
    texts: dict[str, str],
    names: dict[str, str],
) -> list[Conflict]:
    out: list[Conflict] = []
    eid = b.id
    context = " ".join(texts.get(x.m.doc_id, "")[x.m.start : x.m.end] for x in b.asserted[:50])
    # dates, with the months named in the event's name ("the October revolution")
    dated = [x for x in b.asserted if x.date_text]
    claims_of = dict(b.claims_of)
    extra: list[_Mention] = []
    base_year = b.date if b.date is not None and b.date.latest - b.date.earliest <= 366 else None
    for x in b.asserted:
        if x.name_month is None:
            continue
        month, s, e = x.name_month
        anchor = (
            x.time if x.time is not None and x.time.latest - x.time.earliest <= 366 else base_year
        )
        if anchor is None:
            continue
        y = civil_from_day(anchor.earliest)[0]
        if civil_from_day(anchor.latest)[0] != y:
            continue
        tv = _month_value(y, month)
        if tv is None or (x.time is not None and x.time.within(tv)):
            continue
        order = -1 - len(extra) - 1000 * x.order
        value = f"{y:04d}-{month:02d}"
        extra.append(replace(x, order=order, time=tv, date_text=value, partial=None))
        claims_of[order] = Claim(eid, "date", value, x.m.doc_id, s, e)
    if extra:
        b.claims.extend(claims_of[x.order] for x in extra)
    dc = _date_conflict(eid, dated + extra, claims_of, sources, context)
    if dc is not None:
        out.append(dc)
    place_claims = {
        x.order: Claim(eid, "place", x.m.place or "", x.m.doc_id, x.m.start, x.m.end)
        for x in b.asserted
        if x.m.place
    }
    pc = _place_conflict(eid, b.asserted, place_claims)
    if pc is not None:
        out.append(pc)
    et = load_event_types()
    if any(et.types[t].closed_participants for t in {x.m.type for x in b.asserted}):
        per_doc: dict[str, list[NamedParticipant]] = {}
        for x in b.asserted:
            if not et.types[x.m.type].closed_participants:
                continue
            for pid, s, e, written in x.named:
                per_doc.setdefault(x.m.doc_id, []).append(
                    NamedParticipant(
                        pid,
                        names.get(pid, written),
                        Claim(eid, "participant", written, x.m.doc_id, s, e),
                    )
                )
        pcf = participant_conflict(eid, per_doc, sources)
        if pcf is not None:
            out.append(pcf)
    framed = [(x.framing, _nature_claim(eid, x, texts)) for x in b.asserted if x.framing]
    fc = framing_conflict(eid, framed, {f.id: f.label for f in et.framing.values()})
    if fc is not None:
        out.append(fc)
    for start_id in sorted({d.start_event for d in b.durations if d.start_event is not None}):
        start = by_id[start_id]
        stated = [d for d in b.durations if d.start_event in {start_id, None}]
        basis = [
            c
            for c in start.claims
            if c.attribute == "date" and start.date is not None and c.value == start.date.value
        ][:3]
        basis += [
            c
            for c in b.claims
            if c.attribute == "date" and b.date is not None and c.value == b.date.value
        ][:2]
        dur = duration_conflict(
            eid, stated, start.date, b.date, distinct_claims(basis), start.title
        )
        if dur is not None:
            out.append(dur)
    for x in b.asserted:
        if not x.containers or x.time is None or x.order not in claims_of:
            continue
        containers = [
            (tv, Claim(eid, "date", tv.value, x.m.doc_id, s, e), what)
            for tv, s, e, what in x.containers
        ]
        fl = filing_conflict(
            eid, (x.time, claims_of[x.order]), containers, texts.get(x.m.doc_id, "")
        )
        if fl is not None:
            out.append(fl)
    return out


def _nature_claim(eid: str, x: _Mention, texts: dict[str, str]) -> Claim:
    """The claim of how a mention frames its act: the trigger with its framing word."""
    m = x.m
    s = min(x.framing_start or m.trigger_start, m.trigger_start)
    word = " ".join(texts.get(m.doc_id, "")[s : m.trigger_end].split())
    return Claim(eid, "nature", word, m.doc_id, s, m.trigger_end)


def _month_value(y: int, month: int) -> TimeValue | None:
    from ..time import parse_value

    return parse_value(f"{y:04d}-{month:02d}")
