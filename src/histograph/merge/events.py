"""Cross-document event coreference, claims, consensus and event conflicts.

:func:`merge_events` turns the event mentions of all analyses into :class:`Event` records.

**Who may found an event.** An *asserted* mention with confidence at least
:data:`histograph.events.JOIN_ONLY_BELOW` that has an anchor — a date (or a year-less
month/day), a name ("the Cold War") or an entity participant. Other asserted mentions (a bare
"the recognition") and every negated / hypothetical / planned mention may only *join* an event
founded by others, and their dates never count: "refused to recognize" never becomes an event.
Such a mention joins only on evidence a reader can be shown beyond its word
(:func:`_joiner_evidence`): the event's name, or, asserted, a participant it shares; a bare
"the treaty" later on a page is as often a later act on the same thing (its ratification).
An undated clause that meets an event of its own page through nothing but the page and a
state participant (:func:`_same_page_evidence`: no shared name, trigger word, head noun,
framing word or non-state participant) is dropped: "the collapse of the Union" is not its
founding revolution, and it tells no event the collection can date.

**Coreference.** Mentions are compared only within one type compatibility group
(``groups`` in ``data/event_types.yaml``) and, inside it, only with the clusters found through
a blocking index (name, day and neighbouring days, month, year, person-in-year, document,
participant). A lookup visits the smallest buckets first and stops at :data:`MAX_CANDIDATES`
clusters, skipping unselective buckets once selective ones found candidates, so each mention
costs bounded work and the merge grows near-linearly (``benchmarks/merge.py``). Founders are
processed finest date first. A mention joins the best-scoring cluster whose score reaches
:data:`THRESHOLD`:

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
An undated, unnamed mention that reaches no cluster joins the only cluster of its group when
the corpus has exactly one, or the only one sharing its trigger's word class; a definite
description ("The negotiations were conducted by ...") joins the cluster of its group told by
clearly the most documents.

**Second pass** (:func:`_merge_duplicates`): whole clusters that tell one event are folded
together, met through name / year / person keys: the same name (variants read through
``named_event_aliases`` in ``data/event_types.yaml``: "the First World War" = "World War I");
a coarser date next to a finer one with most of the wording, or a person and two words, shared;
adjacent years with the same wording and participants (a date conflict kept as a conflict);
a title one day off its own body; an undated clause restating a dated event (person and
wording); across type groups only a catch-all (``other``) typing against a specific one, on
the same day with strong agreement. Two days in a row in different documents stay apart,
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

**Why one module** (about 1,800 lines): the first pass, the second pass, consensus and the
event conflicts share the private mention and cluster records (:class:`_Mention`,
:class:`_Cluster`, :class:`_Built`) and the blocking index; split across modules they would
import each other. Everything that does not need those records lives next door: names and
head nouns (:mod:`.names`), merge reasons (:mod:`.explain`), independence and the other
attributes' conflicts (:mod:`.conflicts`), counts and amounts (:mod:`.quantities`), time
zones (:mod:`.timezones`), anachronisms (:mod:`.anachronism`).
"""

from __future__ import annotations

import bisect
import functools
import gc
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources

import yaml

from ..events import JOIN_ONLY_BELOW
from ..events.structure import Structure
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
    TimeMention,
    TimeValue,
    civil_from_day,
)
from ..time.durations import Duration, parse_duration
from ..time.zones import instant, zoned_clock
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
    participant_conflict,
)
from .explain import Evidence, merge_reasons
from .names import (
    _NAME_LINKS,
    _PLACE_LABELS,
    _heads,
    _name_aliases,
    _name_clash,
    _norm,
    _norm_place,
    _place_name,
    _stem,
)

#: the score a mention needs to join a cluster
THRESHOLD = 2.0
#: an asserted mention this confident founds an event even without a date, name or entity
FOUND_WITHOUT_ANCHOR = 0.6
#: at most this many candidate clusters are scored per mention (blocking keeps it small)
MAX_CANDIDATES = 64
#: dates wider than this many days are not put in year buckets (decades, centuries)
_BUCKET_MAX_DAYS = 366 * 12
#: the largest gap between the Julian and Gregorian calendars (days), for explained dates
_MAX_CALENDAR_GAP = 13
_PARTIAL = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?$")
_ANNOUNCE = re.compile(r"\b(announc\w*|publish\w*|report\w*|proclaim\w*|made public)\b", re.I)
_WORD = re.compile(r"[A-Za-z0-9]+")
_YEAR_WRITTEN = re.compile(r"\d{3,4}|'\d\d\b")
_TITLE_KINDS = frozenset({"title", "heading"})
#: lower-case words inside an event's name ("Treaty of Versailles", "Battle of the Somme")


@dataclass(slots=True)
class _Mention:
    m: EventMention
    order: int
    group: str
    time: TimeValue | None
    partial: tuple[int, int | None] | None  # (month, day) of a year-less date
    date_text: str | None  # the value string claimed
    parts: frozenset[str]
    ident: frozenset[str]
    name: str | None
    lemma: str
    lemma_class: frozenset[str]
    asserted: bool
    can_found: bool
    durative: bool
    ident_joins: bool
    section: int  # start of the heading a list item sits under (-1: not a list item)
    in_title: bool
    announced: bool
    time_of_day: int | None  # minutes after midnight, when the date carries a time
    #: a definite description ("The negotiations were ...", "the treaty")
    definite: bool = False
    #: the date's year was inferred from the narrative, not written ("on Nov. 16")
    guessed_year: bool = False
    #: person participants: (Person id, start, end, name as written)
    named: tuple[tuple[str, int, int, str], ...] = ()
    #: framing class of the trigger ("initial" / "renewal"), and where its wording starts
    framing: str | None = None
    framing_start: int = 0
    #: content words of the evidence (stemmed; light verbs and words common in the corpus
    #: left out): lexical evidence that two mentions of a generic type tell one event
    words: frozenset[str] = frozenset()
    #: the type is a catch-all (``other``): type and date alone never merge two mentions
    generic: bool = False
    #: identity participants as "role:surname" (as written)
    ident_names: frozenset[str] = frozenset()
    #: "16 years after X": (months, unit months, anchor date start, span start, span end)
    relative: tuple[int, int, int, int, int] | None = None
    #: "ending 16 years of X": [(months, unit months, span start, span end)]
    ended: tuple[tuple[int, int, int, int], ...] = ()
    #: the moment the mention states, when it gives a time with a zone ("11:30 p.m. EST"):
    #: minutes since day 0 in UTC (:func:`histograph.time.zones.instant`)
    instant: int | None = None
    #: the evidence says the happening is repeated ("again", ``repetition_markers``)
    repeated: bool = False
    #: (participant id, name as written) of every participant
    people_named: tuple[tuple[str, str], ...] = ()
    #: the one participant of the mention when it is a named thing, not a person ("the
    #: Berlin Wall opened"): two catch-all mentions of one thing a day apart tell one event
    sole_thing: str | None = None
    #: classes of the trigger's head noun (``head_classes`` in data/conflict_words.yaml)
    heads: frozenset[int] = frozenset()
    #: a month word naming the event ("the October revolution"): (month, start, end)
    name_month: tuple[int, int, int] | None = None
    #: a list item's own date and the headings above it that do not contain it:
    #: [(their date, start, end, what)]
    containers: tuple[tuple[TimeValue, int, int, str], ...] = ()


@dataclass(slots=True)
class _Cluster:
    id: int
    group: str
    core: TimeValue | None = None
    members: list[_Mention] = field(default_factory=list)
    parts: set[str] = field(default_factory=set)
    ident: set[str] = field(default_factory=set)
    ident_names: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    lemma_classes: set[str] = field(default_factory=set)
    sections: set[tuple[str, int]] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    #: a member comes from a title or headline (whose date may be a day off the body's)
    titled: bool = False
    heads: set[int] = field(default_factory=set)
    sole_things: set[str] = field(default_factory=set)
    instants: list[int] = field(default_factory=list)

    def add(self, x: _Mention) -> None:
        self.members.append(x)
        self.titled = self.titled or x.in_title
        if x.asserted:
            self.words |= x.words
            if self.core is None and x.time is not None:
                self.core = x.time
            self.parts |= x.parts
            self.ident |= x.ident
            self.ident_names |= x.ident_names
            if x.name:
                self.names.add(x.name)
            if x.m.place:
                self.places.add(_norm_place(x.m.place))
        self.lemmas.add(x.lemma)
        if x.asserted:
            self.lemma_classes |= x.lemma_class
            self.heads |= x.heads
            if x.sole_thing is not None:
                self.sole_things.add(x.sole_thing)
            if x.instant is not None:
                self.instants.append(x.instant)
        self.docs.add(x.m.doc_id)
        self.sections.add((x.m.doc_id, x.section))


class _Index:
    """Blocking keys -> clusters, per type group.

    A lookup visits the keys smallest bucket first (a day, a name, a document, a person in a
    year are selective; a whole year or a famous person is not) and stops at
    :data:`MAX_CANDIDATES` clusters, so each mention costs a bounded amount of work however
    large the corpus grows."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], list[int]] = defaultdict(list)

    def add(self, group: str, keys: Iterable[str], cid: int) -> None:
        for k in keys:
            lst = self.by_key[(group, k)]
            if not lst or lst[-1] != cid:
                lst.append(cid)

    def get(self, group: str, keys: Iterable[str]) -> list[int]:
        lists = [self.by_key.get((group, k)) for k in dict.fromkeys(keys)]
        seen: dict[int, None] = {}
        for lst in sorted((x for x in lists if x), key=len):
            if seen and len(lst) > MAX_CANDIDATES:
                break  # selective keys found candidates: an unselective one adds only noise
            for cid in lst:
                seen.setdefault(cid, None)
                if len(seen) >= MAX_CANDIDATES:
                    return list(seen)
        return list(seen)


def _year_keys(tv: TimeValue | None) -> list[str]:
    if tv is None or tv.latest - tv.earliest > _BUCKET_MAX_DAYS:
        return []
    y0 = civil_from_day(tv.earliest)[0]
    y1 = civil_from_day(tv.latest)[0]
    return [f"y:{y}" for y in range(y0, y1 + 1)]


def _md_key(tv: TimeValue | None) -> list[str]:
    if tv is None or tv.precision not in {"day", "time"}:
        return []
    _, m, d = civil_from_day(tv.earliest)
    return [f"md:{m:02d}-{d:02d}", f"m:{m:02d}"]


#: day offsets looked up around a day-level date: a day across a time zone, and the gap
#: between the Julian and Gregorian calendars (10-13 days since 1582)
_NEAR_DAYS = (0, -1, 1, -10, 10, -11, 11, -12, 12, -13, 13)
_CALENDAR_GAP_UNTIL = 704000  # about 1928: no Old Style dates after the last adoptions


def _fine_keys(tv: TimeValue | None, lookup: bool) -> list[str]:
    """Day and month keys of a date (a lookup also asks for the neighbouring days that an
    explained difference may separate)."""
    if tv is None:
        return []
    keys: list[str] = []
    if tv.latest - tv.earliest <= 31:
        y, m, _ = civil_from_day(tv.earliest)
        keys.append(f"ym:{y}-{m:02d}")
    if tv.precision in {"day", "time"}:
        if lookup:
            near = _NEAR_DAYS if tv.earliest < _CALENDAR_GAP_UNTIL else _NEAR_DAYS[:3]
            keys += [f"dd:{tv.earliest + k}" for k in near]
        else:
            keys.append(f"dd:{tv.earliest}")
    return keys


def _keys(x: _Mention, lookup: bool = True) -> list[str]:
    """Blocking keys of a mention (the index visits the smallest buckets first)."""
    keys: list[str] = []
    if x.name:
        keys.append(f"n:{x.name}")
    if x.partial is not None:
        month, day = x.partial
        keys.append(f"md:{month:02d}-{day:02d}" if day else f"m:{month:02d}")
    years = _year_keys(x.time)
    keys += _fine_keys(x.time, lookup)
    keys += years
    keys.append(f"d:{x.m.doc_id}")
    parts = sorted(x.parts)
    keys += [f"yp:{y[2:]}:{p}" for y in years for p in parts]
    keys += [f"p:{p}" for p in parts]
    return keys


def _cluster_keys(c: _Cluster, x: _Mention) -> list[str]:
    keys = _keys(x, lookup=False)
    if c.core is not None:
        keys += _md_key(c.core)
        core_years = _year_keys(c.core)
        keys += [f"yp:{y[2:]}:{p}" for y in core_years for p in sorted(x.parts)]
    return keys


# --------------------------------------------------------------------------- participants


class _PeopleIndex:
    """Participants -> Person ids: by entity key, by overlapping span, and — for a
    participant written as a title ("the Soviet Commissar") — by the one person the same
    document gives that title."""

    def __init__(self, people: Sequence[Person]) -> None:
        self._by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self._by_key: dict[tuple[str, str], str] = {}
        self._titles: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.kinds: dict[str, str] = {p.id: p.kind for p in people}
        for p in people:
            for em in p.mentions:
                self._by_doc[em.doc_id].append((em.start, em.end, p.id))
                if em.key:
                    self._by_key[(em.doc_id, em.key)] = p.id
            if p.kind == "person":
                for r in p.roles:
                    t = _norm(r.title)
                    if t:
                        self._titles[r.doc_id].append((f" {t} ", p.id))

    def find(
        self, doc_id: str, start: int, end: int, key: str | None, name: str | None = None
    ) -> str | None:
        if key and (doc_id, key) in self._by_key:
            return self._by_key[(doc_id, key)]
        for s, e, pid in self._by_doc.get(doc_id, ()):
            if s < end and start < e:
                return pid
        if name:
            n = _norm(name)
            if len(n) >= 4:
                found = {pid for t, pid in self._titles.get(doc_id, ()) if f" {n} " in t}
                if len(found) == 1:
                    return found.pop()
        return None


def _participant_ids(
    m: EventMention, people: _PeopleIndex
) -> tuple[frozenset[str], dict[str, str]]:
    """Canonical participant ids of a mention, and for each id the role it plays."""
    ids: set[str] = set()
    roles: dict[str, str] = {}
    for p in m.participants:
        pid = people.find(m.doc_id, p.start, p.end, p.key, p.name)
        cid = pid if pid is not None else "k:" + _norm(p.key or p.name)
        if cid in {"k:", "p-"}:
            continue
        ids.add(cid)
        roles.setdefault(cid, p.role)
    return frozenset(ids), roles


# --------------------------------------------------------------------------- dates


def _time_mention(
    by_span: dict[tuple[str, int, int], TimeMention], m: EventMention
) -> TimeMention | None:
    if m.time_start is None or m.time_end is None:
        return None
    return by_span.get((m.doc_id, m.time_start, m.time_end))


def _partial(tm: TimeMention | None) -> tuple[int, int | None] | None:
    if tm is None or tm.value is not None or not tm.timex:
        return None
    mm = _PARTIAL.match(tm.timex)
    if not mm:
        return None
    return int(mm.group(1)), int(mm.group(2)) if mm.group(2) else None


def _time_of_day(tv: TimeValue | None) -> int | None:
    if tv is None or "T" not in tv.value:
        return None
    mm = re.search(r"T(\d\d):(\d\d)", tv.value)
    return int(mm.group(1)) * 60 + int(mm.group(2)) if mm else None


def _partial_fits(p: tuple[int, int | None], tv: TimeValue) -> bool:
    if tv.latest - tv.earliest > 31:
        return True  # a year or coarser: any month/day may fall inside
    _, m, d = civil_from_day(tv.earliest)
    _, m2, _d2 = civil_from_day(tv.latest)
    if p[1] is None:
        return m == p[0] or m2 == p[0]
    return (tv.earliest == tv.latest and m == p[0] and d == p[1]) or (
        tv.precision == "month" and m == p[0]
    )


def _day_level(tv: TimeValue) -> bool:
    return tv.latest - tv.earliest <= 1


@functools.lru_cache(maxsize=65536)
def _explain(a: TimeValue, b: TimeValue) -> tuple[str, str] | None:
    """The date engine's explanation of two different dates (cached: it is asked often)."""
    try:
        from ..time import explain_date_difference
    except ImportError:  # pragma: no cover - the date engine is always there
        return None
    try:
        return explain_date_difference(a, b)
    except Exception:  # a faulty explanation must not stop the merge
        return None


# --------------------------------------------------------------------------- scoring


def _ident_clash(a: Iterable[str], b: Iterable[str]) -> bool:
    """Identity participants ("role:person") differ in some role both name."""
    ra: dict[str, set[str]] = defaultdict(set)
    rb: dict[str, set[str]] = defaultdict(set)
    for x in a:
        r, _, p = x.partition(":")
        ra[r].add(p)
    for x in b:
        r, _, p = x.partition(":")
        rb[r].add(p)
    return any(ra[r] and rb[r] and not (ra[r] & rb[r]) for r in ra)


@functools.lru_cache(maxsize=65536)
def _key_words(pid: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in pid[2:].split() if len(w) > 2)


def _fuzzy_shared(a: frozenset[str], b: set[str]) -> int:
    """Entities that are not resolved to one id but whose names nest: "Washington" and
    "Washington DC", "Soviet government" and "the Soviet government of Russia". Only names
    without an id (``k:``) are compared; each counts once."""
    ka = [p for p in a if p.startswith("k:") and p not in b]
    if not ka:
        return 0
    kb = [p for p in b if p.startswith("k:") and p not in a]
    n = 0
    for p in ka:
        wa = _key_words(p)
        if wa and any((wb := _key_words(q)) and (wa <= wb or wb <= wa) for q in kb):
            n += 1
    return n


def _name_words(ids: Iterable[str]) -> set[str]:
    return {w for i in ids for w in i[2:].split() if len(w) > 2}


def _place_clash(places: set[str], place: str | None) -> bool:
    if not place or not places:
        return False
    p = _norm_place(place)
    return all(not (p in q or q in p) for q in places)


def _score(x: _Mention, c: _Cluster, explain_ok: bool, strict: bool = True) -> float | None:
    """How well mention ``x`` fits cluster ``c`` (None: incompatible)."""
    same_doc = x.m.doc_id in c.docs
    if same_doc and x.section >= 0 and (x.m.doc_id, x.section) not in c.sections:
        # timeline entries under different headings are different entries
        same_doc = x.time is not None and c.core is not None and x.time.compatible(c.core)
    if x.asserted and _ident_clash(x.ident, c.ident) and not (x.ident_names & c.ident_names):
        # (the same surname in the same role is the same person split by the people merge,
        # not a different person)
        return None
    if x.asserted and _place_clash(c.places, x.m.place):
        return None
    if x.name and any(_name_clash(x.name, n) for n in c.names):
        return None
    shared = len(x.parts & c.parts)
    if shared < 3:
        shared += _fuzzy_shared(x.parts, c.parts)
    if x.m.place and c.places and not _place_clash(c.places, x.m.place):
        shared += 1
    score = min(shared, 3) * 1.0
    ident_shared = bool(x.ident & c.ident) and x.ident_joins
    if ident_shared:
        score += 2.0
    ds = 0.0
    if x.repeated and (x.time is None or c.core is None or not x.time.compatible(c.core)):
        return None  # "relations again broke down": a later occurrence, not this one
    moment = _same_moment(x, c) if x.asserted else None
    if moment is False:
        return None  # two acts of one night: 23:30 EST and 01:10 GMT are hours apart
    if moment and x.time is not None and c.core is not None and not x.time.compatible(c.core):
        # one moment on two calendar days: 11:30 p.m. EST on the 3rd is 04:30 GMT on the 4th
        ds = 2.5
    elif (
        x.asserted
        and x.instant is None
        and x.time is not None
        and c.core is not None
        and not x.time.compatible(c.core)
        and _day_level(x.time)
        and any(i // 1440 == x.time.earliest for i in c.instants)
    ):
        # a page without a time that dates the act by the day its moment fell on in UTC
        ds = 2.0
        moment = True
    elif x.asserted and x.time is not None and c.core is not None:
        if x.time.compatible(c.core):
            wide = max(x.time.latest - x.time.earliest, c.core.latest - c.core.earliest)
            ds = 3.0 if x.time.value == c.core.value else 2.0 if x.durative and wide <= 366 else 1.5
        elif _day_level(x.time) and _day_level(c.core):
            gap = abs(x.time.earliest - c.core.earliest)
            near = gap <= 1 or (
                explain_ok and gap <= _MAX_CALENDAR_GAP and _explain(x.time, c.core) is not None
            )
            if not near:
                return None
            # two different days: only a page's own title against its body (the same act
            # told by both), or an explained difference with shared participants
            if same_doc and (x.in_title or c.titled) and (shared or x.lemma in c.lemmas):
                ds = 0.5
            elif (
                explain_ok
                and shared >= 2
                and x.lemma in c.lemmas
                and (gap <= 1 or _explain(x.time, c.core))
            ):
                ds = 0.0
            else:
                return None
        else:
            return None
    elif x.asserted and x.partial is not None and c.core is not None:
        if not _partial_fits(x.partial, c.core):
            return None
        ds = 2.5 if x.partial[1] is not None and _day_level(c.core) else 1.0
    score += ds
    if same_doc:
        score += 1.5
    if x.name and x.name in c.names:
        score += 3.0
    if x.lemma in c.lemmas:
        score += 0.5
    if x.generic and not (x.name and x.name in c.names):
        # a catch-all type says nothing about what happened: the words must agree
        # shared wording, and each shared participant (the same thing happening to the same
        # people or places) counts as one word
        lex = len(x.words & c.words) + len(x.parts & c.parts) + _fuzzy_shared(x.parts, c.parts)
        same_date = (
            x.time is not None
            and c.core is not None
            and x.time.latest - x.time.earliest <= 31
            and x.time.earliest == c.core.earliest
            and x.time.latest == c.core.latest
        ) or (
            x.time is not None
            and c.core is not None
            and _day_level(x.time)
            and _day_level(c.core)
            and x.time.earliest == c.core.earliest
        )
        same_kind_inside = (
            same_doc
            and bool(x.heads & c.heads)
            and x.time is not None
            and c.core is not None
            and x.time.compatible(c.core)
        )
        if lex < 2 and not (lex >= 1 and (same_date or moment)) and not same_kind_inside:
            return None
    undated = ds == 0.0 and (x.time is None or not x.asserted)
    if strict and undated and not same_doc and not (x.name and x.name in c.names):
        # across documents an undated mention needs strong evidence
        # ... and states alone are weak evidence in a corpus about them: one shared person
        people_shared = any(p.startswith("p-") for p in x.parts & c.parts)
        if not ident_shared and (shared < 2 or not people_shared):
            return None
    return score


# --------------------------------------------------------------------------- main


def _prepare(
    analyses: Sequence[Analysis], people: Sequence[Person], et: EventTypes
) -> list[_Mention]:
    pidx = _PeopleIndex(people)
    out: list[_Mention] = []
    order = 0
    for a in sorted(analyses, key=lambda a: a.document.id):
        text = a.document.text
        by_span = {(t.doc_id, t.start, t.end): t for t in a.times}
        structure = Structure(text, a.regions, a.times) if a.events else None
        times_idx = _TimesIndex(a.times)
        places = sorted(
            (e.start, e.end) for e in a.entities if e.label in _PLACE_LABELS
        )
        for m in sorted(a.events, key=lambda e: (e.start, e.trigger_start, e.type)):
            typ = et.types.get(m.type)
            if typ is None:
                continue
            tm = _time_mention(by_span, m)
            parts, roles = _participant_ids(m, pidx)
            ident = frozenset(
                f"{roles[p]}:{p}"
                for p in parts
                if p.startswith("p-") and roles.get(p) in set(typ.identity)
            )
            trig = text[m.trigger_start : m.trigger_end]
            words = trig.split()
            name = (
                _norm(trig)
                if len(words) >= 2
                and words[0][:1].isupper()
                and all(
                    w[:1].isupper() or not w[:1].isalpha() or w.lower() in _NAME_LINKS
                    for w in words
                )
                else None
            )
            if name is None:
                name = _place_name(text, m, places)
            if name:
                name = _name_aliases().get(name, name)
            lemma = _stem(words[-1]) if words else ""
            if name:
                # the head word: "treaty" in "treaty of versailles", "war" in "cold war"
                nw = name.split()
                lemma = _stem(nw[0] if len(nw) > 2 and nw[1] == "of" else nw[-1])
            asserted = m.modality == "asserted"
            time = m.time if asserted else None
            partial = _partial(tm) if asserted and time is None else None
            date_text = time.value if time is not None else (tm.timex if partial and tm else None)
            ctx = text[max(0, m.start - 40) : m.end]
            anchor = time is not None or partial is not None or name is not None or bool(parts)
            extras = _extras(m, a, text, tm, structure, times_idx, et, pidx) if asserted else {}
            guessed = (
                time is not None
                and time.anchor in {"narrative", "dct"}
                and time.precision in {"day", "time"}
                and tm is not None
                and not _YEAR_WRITTEN.search(tm.text)
            )
            out.append(
                _Mention(
                    **extras,  # type: ignore[arg-type]
                    guessed_year=guessed,
                    definite=_definite(text, m, et),
                    m=m,
                    order=order,
                    group=et.group(m.type),
                    time=time,
                    partial=partial,
                    date_text=date_text,
                    parts=parts,
                    ident=ident,
                    ident_names=frozenset(
                        f"{p.role}:{p.name.split()[-1].lower()}"
                        for p in m.participants
                        if p.role in typ.identity and p.name.split()
                    ),
                    name=name,
                    lemma=lemma,
                    lemma_class=et.lemma_classes_of(trig.split()[-1] if trig.split() else ""),
                    heads=_heads(text, m),
                    people_named=_people_named(m, pidx),
                    instant=_instant(text, m, time),
                    repeated=bool(_repetition().search(text[m.start : m.end])),
                    sole_thing=next(iter(parts))
                    if len(parts) == 1
                    and len(m.participants) == 1
                    and pidx.kinds.get(next(iter(parts)), "thing") != "person"
                    else None,
                    asserted=asserted,
                    can_found=asserted
                    and m.confidence >= JOIN_ONLY_BELOW
                    and (anchor or m.confidence >= FOUND_WITHOUT_ANCHOR),
                    durative=typ.durative,
                    ident_joins=typ.identity_joins,
                    section=structure.section_of(m.start)
                    if structure is not None and m.region_kind == "list_item"
                    else -1,
                    in_title=m.region_kind in _TITLE_KINDS
                    or (m.start == 0 and "\n" not in text[: m.end]),
                    announced=bool(_ANNOUNCE.search(ctx)),
                    time_of_day=_time_of_day(time),
                    words=_content_words(text, m, et) if asserted else frozenset(),
                    generic=m.type in et.fallback.generic_types,
                )
            )
            order += 1
    _drop_common_words(out)
    return out


def _content_words(text: str, m: EventMention, et: EventTypes) -> frozenset[str]:
    """Stemmed content words of a mention's evidence, without its date expression, light
    verbs, function words and month names."""
    skip = et.fallback.function_words | et.fallback.light
    months = _month_words()
    out: set[str] = set()
    # the date and the participants' names are evidence of their own, not of the wording
    taken = [(p.start, p.end) for p in m.participants]
    if m.time_start is not None and m.time_end is not None:
        taken.append((m.time_start, m.time_end))
    for w in _WORD.finditer(text[m.start : m.end]):
        a = m.start + w.start()
        if any(s <= a < e for s, e in taken):
            continue
        word = w.group()
        low = word.lower()
        if len(low) < 3 or not low.isalpha() or low in skip or word in months:
            continue
        if low.endswith("ly") and len(low) > 5:
            continue  # manner adverbs ("quietly", "formally") say how, not what
        out.add(_stem(low))
    return frozenset(out)


def _drop_common_words(mentions: list[_Mention]) -> None:
    """Words found in a large share of the mentions (the episode's own vocabulary: its
    places, its weapons) are no evidence that two mentions tell one event."""
    df: Counter[str] = Counter()
    for x in mentions:
        df.update(x.words)
    limit = max(10, len(mentions) // 7)
    common = {w for w, n in df.items() if n > limit}
    if common:
        for x in mentions:
            if x.words & common:
                x.words = x.words - common


class _TimesIndex:
    """The DURATION mentions of one document, by start offset."""

    def __init__(self, times: Sequence[TimeMention]) -> None:
        self.durations = sorted((t for t in times if t.kind == "DURATION"), key=lambda t: t.start)
        self.starts = [t.start for t in self.durations]

    def within(self, start: int, end: int) -> list[TimeMention]:
        k = bisect.bisect_left(self.starts, start)
        out: list[TimeMention] = []
        while k < len(self.durations) and self.durations[k].start < end:
            if self.durations[k].end <= end:
                out.append(self.durations[k])
            k += 1
        return out


@functools.lru_cache(maxsize=1)
def _month_words() -> dict[str, int]:
    """Full English month names (from the date engine's lexicon) -> month number."""
    from ..time.lexicon import lexicon

    lex = lexicon()
    out: dict[str, int] = {}
    for name in lex.month_names:
        n = lex.months.get(name.lower())
        if n is not None and (len(name) > 3 or name.lower() == "may"):
            out[name] = n
    return out


_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_NAME_TOKENS = re.compile(r"[A-Za-z]+|\d{3,4}")
_NAME_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "this", "that", "s"})
_RELATIVE_RE = re.compile(r"^\s*(.+?)\s+([A-Za-z]+)\s*$")


def _extras(
    m: EventMention,
    a: Analysis,
    text: str,
    tm: TimeMention | None,
    structure: Structure | None,
    times_idx: _TimesIndex,
    et: EventTypes,
    pidx: _PeopleIndex,
) -> dict[str, object]:
    """What an asserted mention says beyond its date: people named, framing, stated
    lengths, a month in its name, its place in a timeline."""
    out: dict[str, object] = {}
    named = []
    for p in m.participants:
        pid = pidx.find(m.doc_id, p.start, p.end, p.key, p.name)
        if pid is not None and pid.startswith("p-"):
            named.append((pid, p.start, p.end, p.name))
    if named:
        out["named"] = tuple(named)
    trig_words = _WORDS_RE.findall(text[m.trigger_start : m.trigger_end])
    if trig_words:
        lo = max(m.start, m.trigger_start - 40)
        before_m = list(_WORDS_RE.finditer(text[lo : m.trigger_start]))[-2:]
        framing = et.framing_of(trig_words[-1], [w.group() for w in before_m])
        out["framing"] = framing
        if framing is not None:
            # the claim spans the word that frames the act ("First U.S. acknowledgement")
            mods = et.framing[framing].modifiers
            hit = next((w for w in before_m if w.group().lower().strip(".") in mods), None)
            out["framing_start"] = lo + hit.start() if hit is not None else m.trigger_start
    # "16 years after X": a relative date anchored on another event's date
    if tm is not None and tm.anchor_start is not None:
        rm = _RELATIVE_RE.match(tm.text)
        if rm and rm.group(2).lower() in et.durations.relative:
            d = parse_duration(rm.group(1))
            if d is not None:
                s0 = tm.start + tm.text.index(rm.group(1))
                out["relative"] = (
                    d.months,
                    d.unit_months,
                    tm.anchor_start,
                    s0,
                    s0 + len(rm.group(1)),
                )
    # "ending 16 years of X"
    ended = []
    for t in times_idx.within(m.start, m.end):
        d = parse_duration(t.text, t.timex)
        if d is None:
            continue
        before_w = [
            w.lower() for w in _WORDS_RE.findall(text[max(m.start, t.start - 30) : t.start])[-2:]
        ]
        after = text[t.end : t.end + 6].lstrip().lower()
        if any(w in et.durations.enders for w in before_w) and after.startswith("of "):
            ended.append((d.months, d.unit_months, t.start, t.end))
    if ended:
        out["ended"] = tuple(ended)
    # "the October revolution", "the 1917 February Revolution": a month word naming the
    # event, right before its head noun and after a determiner or a year (never a date:
    # "on 5 March signed" is the date engine's business)
    base = max(m.start, m.trigger_start - 24)
    window = list(_NAME_TOKENS.finditer(text[base : m.trigger_end]))
    if len(window) >= 3:
        month = _month_words().get(window[-2].group())
        prev_word = window[-3].group().lower()
        if month is not None and (prev_word in _NAME_DETERMINERS or prev_word.isdigit()):
            out["name_month"] = (month, base + window[-2].start(), base + window[-2].end())
    # a timeline entry's own date vs the headings above it
    if (
        structure is not None
        and m.region_kind == "list_item"
        and tm is not None
        and tm.value is not None
        and structure.label_date(m.start) is tm
    ):
        containers = []
        heading = structure.heading_date(m.start)
        if heading is not None and heading.value is not None and not tm.value.within(heading.value):
            containers.append((heading.value, heading.start, heading.end, "section heading"))
        page = structure.page_range(m.start)
        if page is not None and page.value is not None and not tm.value.within(page.value):
            containers.append((page.value, page.start, page.end, "page title"))
        if containers:
            out["containers"] = tuple(containers)
    return out


_DEFINITE = re.compile(r"^[\W_]*(?:the|these|those|this)\s+", re.I)


def _definite(text: str, m: EventMention, et: EventTypes) -> bool:
    """The evidence opens with a definite description of an event ("The negotiations were
    conducted ...", "the treaty"): a determiner followed within three words by the trigger
    or by an event word."""
    head = text[m.start : m.trigger_end]
    d = _DEFINITE.match(head)
    if d is None:
        return False
    words = _WORDS_RE.findall(head[d.end() :])[:3]
    if not words:
        return False
    trig = text[m.trigger_start : m.trigger_end]
    return trig in " ".join(words) or any(et.lemma_classes_of(w) for w in words)


def _without_year(x: _Mention) -> _Mention:
    """The mention with its inferred year dropped: a year-less month/day claim."""
    assert x.time is not None
    _, month, day = civil_from_day(x.time.earliest)
    rest = x.time.value[10:] if len(x.time.value) > 10 else ""
    return replace(
        x,
        time=None,
        partial=(month, day),
        date_text=f"XXXX-{month:02d}-{day:02d}{rest}",
        guessed_year=False,
    )


def _founder_key(x: _Mention) -> tuple[int, int, int, str, int]:
    if x.guessed_year:
        width, rank = 0, 1
    elif x.time is not None:
        width = x.time.latest - x.time.earliest
        rank = 0
    elif x.partial is not None:
        width, rank = 0, 1
    elif x.name is not None:
        width, rank = 0, 2
    else:
        width, rank = 0, 3
    return (rank, width, 0 if x.m.region_kind not in _TITLE_KINDS else 1, x.m.doc_id, x.order)


def _joiner_evidence(x: _Mention, c: _Cluster) -> bool:
    """A mention that may not found an event joins ``c`` only on evidence a reader can be
    shown beyond its word: the event's name, or (asserted) a participant of the event."""
    if x.name is not None and x.name in c.names:
        return True
    return x.asserted and bool(x.parts & c.parts or _fuzzy_shared(x.parts, c.parts))


def _same_page_evidence(x: _Mention, c: _Cluster) -> bool:
    """Whether an undated mention found ``c``, an event its own page tells, through more
    than the page and a state participant: the event's name, the trigger's word (its first
    five letters: "proclaim" / "proclamation"), the kind of head noun, a framing word
    ("restored relations"), or a participant that is not a state (a person, a named thing
    or place, names that nest counting). Mentions of other pages, or dated, are not judged
    here (:func:`_score` asks more of them)."""
    if x.time is not None or x.partial is not None or x.m.doc_id not in c.docs:
        return True
    if (x.name is not None and x.name in c.names) or x.framing is not None:
        return True
    if x.lemma[:5] in _prefixes(c.lemmas) or x.heads & c.heads:
        return True
    if x.ident & c.ident and x.ident_joins:
        return True
    shared = x.parts & c.parts
    return any(not p.startswith("s-") for p in shared) or _fuzzy_shared(x.parts, c.parts) > 0


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    index = _Index()

    def best(x: _Mention) -> _Cluster | None:
        cands = index.get(x.group, _keys(x))
        top: tuple[float, int] | None = None
        for cid in cands:
            c = clusters[cid]
            s = _score(x, c, explain_ok=True)
            if s is None or s < THRESHOLD:
                continue
            if top is None or (s, -cid) > (top[0], -top[1]):
                top = (s, cid)
        if top is None and x.guessed_year and x.time is not None:
            # the year came from the narrative, not the text: try the month and day alone
            alt = _without_year(x)
            found = best(alt)
            if found is not None:
                x.time, x.partial, x.date_text = alt.time, alt.partial, alt.date_text
                x.guessed_year = False
            return found
        return clusters[top[1]] if top else None

    #: (group, lexical class) -> the first two clusters holding it (one is all we look for)
    by_class: dict[tuple[str, str], list[int]] = {}

    def add(c: _Cluster, x: _Mention) -> None:
        c.add(x)
        index.add(c.group, _cluster_keys(c, x), c.id)
        note_support(c)
        if x.asserted:
            for cls in x.lemma_class:
                lst = by_class.setdefault((c.group, cls), [])
                if c.id not in lst and len(lst) < 2:
                    lst.append(c.id)

    per_group: dict[str, list[int]] = defaultdict(list)
    #: group -> its two clusters told by the most documents: [(documents, -id)], best first
    top2: dict[str, list[tuple[int, int]]] = {}

    def note_support(c: _Cluster) -> None:
        lst = [t for t in top2.get(c.group, []) if t[1] != -c.id]
        lst.append((len(c.docs), -c.id))
        lst.sort(reverse=True)
        top2[c.group] = lst[:2]

    def most_salient(x: _Mention) -> _Cluster | None:
        """An undated, unnamed definite description ("The negotiations were conducted by
        ...") refers to the instance of its kind the collection tells most: the cluster of
        its group stated by the most documents, when it clearly dominates (at least two
        documents, twice the next)."""
        if not x.definite or x.name is not None or x.time is not None or x.partial is not None:
            return None
        lst = top2.get(x.group, [])
        if not lst or lst[0][0] < 2 or (len(lst) > 1 and lst[1][0] * 2 > lst[0][0]):
            return None
        c = clusters[-lst[0][1]]
        if x.m.doc_id in c.docs:
            return None  # within its own document the mention would have found it
        return c if _score(x, c, explain_ok=True, strict=False) is not None else None

    def only_cluster(x: _Mention) -> _Cluster | None:
        """An undated, unnamed mention joins the only cluster of its group, if compatible."""
        if x.name is not None or x.time is not None or len(per_group[x.group]) != 1:
            return None
        only = clusters[per_group[x.group][0]]
        if x.parts and only.parts and not (_name_words(x.parts) & _name_words(only.parts)):
            return None  # different actors: not the same event
        return only if _score(x, only, explain_ok=True, strict=False) is not None else None

    def only_lexical(x: _Mention) -> _Cluster | None:
        """An undated, unnamed mention joins the only cluster of its group that shares its
        trigger word class ("a severe economic crisis" -> "the Great Depression")."""
        if x.name is not None or x.time is not None or not x.lemma_class:
            return None
        found: set[int] = set()
        for cls in x.lemma_class:
            found.update(by_class.get((x.group, cls), ()))
            if len(found) > 1:
                return None
        if len(found) != 1:
            return None
        hits = [clusters[found.pop()]]
        return hits[0] if _score(x, hits[0], explain_ok=True, strict=False) is not None else None

    founders = [x for x in mentions if x.can_found]
    dated = sorted(
        (x for x in founders if x.time is not None or x.partial is not None), key=_founder_key
    )
    undated = sorted(
        (x for x in founders if x.time is None and x.partial is None), key=_founder_key
    )
    joiners = [x for x in mentions if not x.can_found]
    dated_joiners = sorted(
        (x for x in joiners if x.asserted and (x.time is not None or x.partial is not None)),
        key=lambda x: x.order,
    )
    # dated founders, then dated joiners (their dates tie their documents to events), then
    # undated founders, then the rest
    for x in dated:
        c = best(x)
        if c is None:
            c = _Cluster(id=len(clusters), group=x.group)
            clusters.append(c)
            per_group[x.group].append(c.id)
        add(c, x)
    for x in dated_joiners:
        c = best(x)
        if c is not None:
            add(c, x)
    for x in undated:
        c = best(x) or only_lexical(x) or only_cluster(x) or most_salient(x)
        if c is not None and not _same_page_evidence(x, c):
            # an undated clause that meets an event of its own page through the page and
            # a country alone ("the collapse of the Union" beside its founding revolution)
            # tells another happening the collection cannot date: neither joined nor founded
            continue
        if c is None and x.repeated:
            # an undated "relations again broke down" kept out of the earlier occurrence
            # tells no event the collection can date: dropped
            continue
        if c is None:
            c = _Cluster(id=len(clusters), group=x.group)
            clusters.append(c)
            per_group[x.group].append(c.id)
        add(c, x)
    done = {id(x) for x in dated_joiners}
    for x in sorted((x for x in joiners if id(x) not in done), key=lambda x: x.order):
        # the rest (not asserted, or too weak to found: "the treaty", "refused to
        # recognize", "an invasion") join only an event they name or, asserted, one whose
        # participants they share: the same word on one page ("the treaty" after its
        # signing) is as often a later act on the same thing (its ratification), and two
        # events printed as one are a false sentence
        c = best(x) or only_lexical(x) or only_cluster(x) or most_salient(x)
        if c is not None and _joiner_evidence(x, c):
            add(c, x)
    return _merge_duplicates(clusters)


# --------------------------------------------------------------------------- duplicates


def _prefixes(words: Iterable[str]) -> set[str]:
    """Word stems cut to five letters: "proclaim" / "proclamation" agree."""
    return {w[:5] for w in words}


def _dup_keys(c: _Cluster) -> list[str]:
    keys = [f"n:{n}" for n in sorted(c.names)]
    keys += _year_keys(c.core)
    if c.core is not None and c.core.latest - c.core.earliest <= 366:
        # adjacent years (a date conflict between sources: 1919 vs 1920)
        y = civil_from_day(c.core.earliest)[0]
        keys += [f"y:{y - 1}", f"y:{y + 1}"]
    keys += [f"p:{p}" for p in sorted(c.parts) if p.startswith("p-")]
    return keys


def _date_relation(a: TimeValue | None, b: TimeValue | None) -> str | None:
    """How two cluster dates relate: "equal", "contains", "near" (a day or a year apart),
    "none" (one is undated) or None (incompatible)."""
    if a is None or b is None:
        return "none"
    if a.value == b.value or (_day_level(a) and _day_level(b) and a.earliest == b.earliest):
        return "equal"
    if a.compatible(b):
        return "contains"
    if _day_level(a) and _day_level(b):
        return "near" if abs(a.earliest - b.earliest) <= 1 else None
    wa, wb = a.latest - a.earliest, b.latest - b.earliest
    if 300 <= wa <= 366 and 300 <= wb <= 366:
        ya, yb = civil_from_day(a.earliest)[0], civil_from_day(b.earliest)[0]
        return "near" if abs(ya - yb) == 1 else None
    return None


def _within_month(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Two dates of day precision at most 31 days apart."""
    return _day_level_pair(a, b) and a is not None and b is not None and (
        abs(a.earliest - b.earliest) <= 31
    )


def _day_level_pair(a: TimeValue | None, b: TimeValue | None) -> bool:
    return a is not None and b is not None and _day_level(a) and _day_level(b)


def _generic(c: _Cluster) -> bool:
    return all(x.generic for x in c.members if x.asserted)


def _duplicates(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters the first pass left apart that tell one event: the same name, or the
    same wording and actors with dates that agree, nest, or differ by an explained amount."""
    if _ident_clash(a.ident, b.ident) and not (a.ident_names & b.ident_names):
        return False
    if any(_place_clash(a.places, p) for p in b.places):
        return False
    if any(_name_clash(x, y) for x in a.names for y in b.names):
        return False
    rel = _date_relation(a.core, b.core)
    if rel is None and a.names & b.names and _within_month(a.core, b.core):
        # one name, two days of one month ("the Battle of X" on the 20th and on the 25th):
        # one event whose date the sources dispute (kept as a date conflict)
        return True
    if rel is None:
        return False
    if a.names & b.names:
        return True
    if a.docs & b.docs and a.heads & b.heads and rel in ("equal", "contains"):
        # one page's "the X earthquake of 1850" and its "the tremor struck on 3 May 1850"
        return True
    if (
        rel == "near"
        and _day_level_pair(a.core, b.core)
        and not a.docs & b.docs
        and _generic(a)
        and _generic(b)
        and len(a.sole_things) == 1
        and a.sole_things == b.sole_things
    ):
        # two pages tell what happened to one named thing, a day apart ("the Wall opened"
        # on the 9th, "the Wall fell" on the 10th): one event with a date conflict
        return True
    ww = len(_prefixes(a.words) & _prefixes(b.words))
    pp = len(a.parts & b.parts)
    person = any(p.startswith("p-") for p in a.parts & b.parts)
    same_group = a.group == b.group
    if not same_group and not (_generic(a) or _generic(b)):
        # across groups only a catch-all typing (``other``) against a specific one: two
        # specific types on one day ("letters exchanged", "relations established") are two acts
        return False
    if rel == "equal":
        if same_group:
            return ww >= 2 or (ww >= 1 and pp >= 1)
        # the same act typed differently: the same day, and strong agreement
        return _day_level_pair(a.core, b.core) and ww >= 2 and ww + pp >= 3
    if rel == "contains":
        # a coarser date next to a finer one: most of the wording must agree
        fewer = min(len(_prefixes(a.words)), len(_prefixes(b.words))) or 1
        fine = (ww >= 3 and ww / fewer >= 0.3) or (person and ww >= 2 and ww + pp >= 3)
        return fine if same_group else fine and person
    if rel == "near":
        if _day_level_pair(a.core, b.core):
            # two days in a row are often two acts (a first and a second letter): only a
            # page's title against its own body (announced / published vs occurred)
            titled = bool(a.docs & b.docs) and (a.titled or b.titled)
            return titled and same_group and ww >= 2
        return same_group and ww >= 2 and pp >= 1 and (person or ww >= 3)
    # one undated: a clause that restates a dated event
    return same_group and ww >= 2 and person and ww + pp >= 4


def _merge_duplicates(clusters: list[_Cluster]) -> list[_Cluster]:
    """Second pass over whole clusters: fold a cluster into an earlier one that tells the
    same event (:func:`_duplicates`), across type groups too. Clusters meet only through
    blocking keys (name, year, person), each lookup bounded by :data:`MAX_CANDIDATES`."""
    live = [c for c in clusters if any(x.asserted for x in c.members)]
    index: dict[str, dict[int, None]] = defaultdict(dict)
    merged_into: dict[int, int] = {}
    by_id = {c.id: c for c in live}
    for c in live:
        seen: dict[int, None] = {}
        for k in _dup_keys(c):
            lst = index.get(k)
            if not lst or len(lst) > MAX_CANDIDATES:
                continue
            for cid in lst:
                seen.setdefault(cid, None)
        target: _Cluster | None = None
        for cid in list(seen)[:MAX_CANDIDATES]:
            d = by_id[cid]
            if cid in merged_into or d is c:
                continue
            if _duplicates(c, d):
                target = d
                break
        owner = c
        if target is not None:
            for x in c.members:
                target.add(x)
            merged_into[c.id] = target.id
            owner = target
        for k in _dup_keys(owner):
            index[k].setdefault(owner.id, None)
    return [c for c in clusters if c.id not in merged_into]


def _consensus(claims: list[tuple[TimeValue, str]]) -> TimeValue | None:
    """``claims``: (date, source group). See the module docstring for the rule."""
    if not claims:
        return None
    values: dict[str, TimeValue] = {}
    for tv, _ in claims:
        values.setdefault(tv.value, tv)
    best: tuple[tuple[int, int, int, int, str], TimeValue] | None = None
    for v, tv in values.items():
        consistent = {g for c, g in claims if c.compatible(tv)}
        direct = len({g for c, g in claims if c.value == v})  # independent sources
        key = (-len(consistent), tv.latest - tv.earliest, -direct, tv.earliest, v)
        if best is None or key < best[0]:
            best = (key, tv)
    return best[1] if best else None


def _span_consensus(claims: list[tuple[TimeValue, str]], chosen: TimeValue) -> TimeValue:
    """For lasting events: the widest stated range (``A/B``) that is consistent with as many
    sources as ``chosen``, else ``chosen``."""

    def support(tv: TimeValue) -> int:
        return len({g for c, g in claims if c.compatible(tv)})

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
    clash = [(a, b) for i, a in enumerate(vals) for b in vals[i + 1 :] if not (a in b or b in a)]
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
    built: list[_Built] = []
    cluster_of: dict[int, int] = {}  # mention order -> index in built
    for c in clusters:
        b = _build(c, et, sources, texts)
        if b is None:
            continue
        for x in b.members:
            cluster_of[x.order] = len(built)
        built.append(b)
    _attach_durations(mentions, built, cluster_of)
    events: list[Event] = []
    conflicts: list[Conflict] = []
    for b in built:
        conflicts.extend(_conflicts(b, built, cluster_of, sources, texts, names))
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


def _build(c: _Cluster, et: EventTypes, sources: Sources, texts: dict[str, str]) -> _Built | None:
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


@functools.lru_cache(maxsize=1)
def _repetition() -> re.Pattern[str]:
    raw = yaml.safe_load(
        resources.files("histograph").joinpath("data/conflict_words.yaml").read_text("utf-8")
    )
    words = sorted((str(w) for w in raw.get("repetition_markers") or []), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _instant(text: str, m: EventMention, time: TimeValue | None) -> int | None:
    """The UTC moment of a mention dated to the day that writes a time with a zone."""
    if time is None or not _day_level(time):
        return None
    found = zoned_clock(text[m.start : m.end])
    if found is None:
        return None
    minutes, zone, _, _ = found
    return instant(time.earliest, minutes, zone)


def _same_moment(x: _Mention, c: _Cluster) -> bool | None:
    """True when ``x`` states the moment a member of ``c`` states (within an hour), False
    when both state moments more than three hours apart, None when either states none."""
    if x.instant is None or not c.instants:
        return None
    gaps = [abs(x.instant - i) for i in c.instants[-16:]]
    if min(gaps) <= 60:
        return True
    return False if min(gaps) > 180 else None


def _people_named(m: EventMention, pidx: _PeopleIndex) -> tuple[tuple[str, str], ...]:
    out = []
    for p in m.participants:
        pid = pidx.find(m.doc_id, p.start, p.end, p.key, p.name)
        cid = pid if pid is not None else "k:" + _norm(p.key or p.name)
        if cid not in {"k:", "p-"}:
            out.append((cid, p.name))
    return tuple(out)


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
    built: list[_Built],
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
    by_id = {o.id: o for o in built} if b.durations else {}
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
        fl = filing_conflict(eid, (x.time, claims_of[x.order]), containers)
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
