"""Evidence that two event mentions, or a mention and a cluster, tell one event.

The records the merge works on (:class:`_Mention`: one event mention read for merging;
:class:`_Cluster`: the mentions grouped so far) and the features of a pair: date relations
(containment, adjacent days, an explained difference), shared participants (people ids, names
that nest), identity and place clashes, zoned moments, and the pair scores used by the first
pass (:func:`_score`, :func:`_joiner_evidence`, :func:`_same_page_evidence`) and the second
(:func:`_duplicates`). The rules are described in :mod:`histograph.merge.events`; clustering
lives in :mod:`histograph.merge.cluster`, reasons shown to readers in
:mod:`histograph.merge.explain`. (One module of about 1,060 lines: the records, their features
and the scores that read them change together; split, each rule would span three files.)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ..model import (
    EventMention,
    Person,
    TimeMention,
    TimeValue,
    civil_from_day,
)
from .names import (
    _name_clash,
    _nested_place,
    _norm,
    _norm_place,
    _stem,
)

#: the score a mention needs to join a cluster
THRESHOLD = 2.0


#: an asserted mention this confident founds an event even without a date, name or entity
FOUND_WITHOUT_ANCHOR = 0.6


#: the largest gap between the Julian and Gregorian calendars (days), for explained dates
_MAX_CALENDAR_GAP = 13


_PARTIAL = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?$")


#: in :attr:`_Mention.served`: a person whose state the sources do not give
UNKNOWN_STATE = "s-?"


_TITLE_KINDS = frozenset({"title", "heading"})
#: lower-case words inside an event's name ("Treaty of Versailles", "Battle of the Somme")


class _CoreIdent:
    """The "role:person" entries that identify an event, kept as members are added: per
    role, the entries of members naming one person in that role once there is one, else
    every entry of the role. A member naming two people in one role ("the deaths of A and
    B") would otherwise let B's death join A's. Each entry enters and leaves at most once:
    linear in the members."""

    __slots__ = ("by_role", "entries", "sure")

    def __init__(self) -> None:
        self.entries: set[str] = set()
        self.by_role: dict[str, set[str]] = {}
        self.sure: set[str] = set()  # roles some member names one person in

    def add(self, ident: Iterable[str]) -> None:
        by_role: dict[str, list[str]] = {}
        for e in ident:
            by_role.setdefault(e.partition(":")[0], []).append(e)
        for role, es in by_role.items():
            if len(es) == 1:
                if role not in self.sure:
                    self.sure.add(role)
                    self.entries -= self.by_role.pop(role, set())
                self.by_role.setdefault(role, set()).add(es[0])
                self.entries.add(es[0])
            elif role not in self.sure:
                self.by_role.setdefault(role, set()).update(es)
                self.entries.update(es)


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
    #: an undated clause that says it came after ("later", "within the next few months",
    #: ``sequel_markers`` in data/coreference.yaml): a sequel of a dated act, not the act
    sequel: bool = False
    #: an undated clause whose trigger follows an addition marker ("also agreed",
    #: ``addition_markers`` in data/coreference.yaml): one more act beside its page's
    added: bool = False
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
    #: start of the chronology entry (a list item or a line opening with its date) the
    #: mention sits in; -1 when it is not in one
    entry: int = -1
    #: the number a word before the trigger gives the happening ("the second wave": 2)
    ordinal: int | None = None
    #: an undated bare name or noun ("the Cold War") inside the clause of another mention
    #: of its page: a label or backdrop of that clause, not a statement that it happened
    embedded: bool = False
    #: an undated bare name or noun its sentence does not open ("killed during the Cold
    #: War"): a label that may found an event of labels but joins none that a clause states
    passing: bool = False
    #: contrast words before the trigger as "group:value" ("partial mobilization":
    #: "extent:partial"; ``contrasts`` in data/coreference.yaml)
    contrasts: frozenset[str] = frozenset()
    #: the states the mention's people hold office in ("Soviet Premier Khrushchev": USSR)
    served: frozenset[str] = frozenset()
    #: the evidence is a name or noun phrase, no clause ("the 1822 Harbour Act"): it names
    #: a thing or an event, not what was done to it (passed, signed, given assent)
    bare: bool = False


@dataclass(slots=True)
class _Cluster:
    id: int
    group: str
    core: TimeValue | None = None
    members: list[_Mention] = field(default_factory=list)
    parts: set[str] = field(default_factory=set)
    ident: set[str] = field(default_factory=set)
    ident_names: set[str] = field(default_factory=set)
    #: the identity participants (and their names) that tell which event this is: per role,
    #: those of members naming one person in it when there are any, else all (kept as members
    #: are added: "the deaths of A and B" does not make B's death A's; :class:`_CoreIdent`)
    #: (made on the first member naming an identity participant: most events have none)
    core_ident: _CoreIdent | None = None
    core_names: _CoreIdent | None = None
    #: contrast words of the members, as "group:value" ("extent:partial")
    contrasts: set[str] = field(default_factory=set)
    #: the states the members' people hold office in (:attr:`_Mention.served`)
    served: set[str] = field(default_factory=set)
    #: the people and (as lineages, :func:`_lineage`) the states the members name
    people: set[str] = field(default_factory=set)
    lineages: set[str] = field(default_factory=set)
    #: document -> the sorted starts of the members' mentions in it
    starts: dict[str, list[int]] = field(default_factory=dict)
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
    #: document -> entry starts of the members that are chronology entries
    entries: dict[str, set[int]] = field(default_factory=dict)
    #: (document, minutes after midnight) of the members whose date carries a time of day
    clocks: dict[str, set[int]] = field(default_factory=dict)
    #: every time of day of :attr:`clocks`, whatever its page
    clock_set: set[int] = field(default_factory=set)
    #: the numbers members give the happening ("the first wave")
    ordinals: set[int] = field(default_factory=set)
    #: a member states the event (is not a label named in passing, ``_Mention.passing``)
    stated: bool = False
    #: an asserted member is a clause (not a bare name or noun, ``_Mention.bare``)
    acts: bool = False

    def add(self, x: _Mention) -> None:
        self.members.append(x)
        bisect.insort(self.starts.setdefault(x.m.doc_id, []), x.m.start)
        self.stated = self.stated or not x.passing
        if x.entry >= 0:
            self.entries.setdefault(x.m.doc_id, set()).add(x.entry)
        if x.asserted and x.time_of_day is not None:
            self.clocks.setdefault(x.m.doc_id, set()).add(x.time_of_day)
            self.clock_set.add(x.time_of_day)
        if x.ordinal is not None:
            self.ordinals.add(x.ordinal)
        self.titled = self.titled or x.in_title
        if x.asserted:
            self.words |= x.words
            if self.core is None and x.time is not None:
                self.core = x.time
            self.parts |= x.parts
            self.ident |= x.ident
            self.ident_names |= x.ident_names
            if x.ident:
                if self.core_ident is None:
                    self.core_ident = _CoreIdent()
                self.core_ident.add(x.ident)
            if x.ident_names:
                if self.core_names is None:
                    self.core_names = _CoreIdent()
                self.core_names.add(x.ident_names)
            self.contrasts |= x.contrasts
            self.served |= x.served
            for p in x.parts:
                if p.startswith("p-"):
                    self.people.add(p)
                elif p.startswith("s-"):
                    self.lineages.add(_lineage(p))
            if x.name:
                self.names.add(x.name)
            if x.m.place:
                self.places.add(_norm_place(x.m.place))
        if x.can_found or not self.lemmas:
            # a bare word too weak to found ("the treaty" after its signing) may tell a later
            # act on the same thing: it does not become the event's predicate for others
            self.lemmas.add(x.lemma)
        if x.asserted:
            self.acts = self.acts or not x.bare
            self.lemma_classes |= x.lemma_class
            self.heads |= x.heads
            if x.sole_thing is not None:
                self.sole_things.add(x.sole_thing)
            if x.instant is not None:
                self.instants.append(x.instant)
        self.docs.add(x.m.doc_id)
        self.sections.add((x.m.doc_id, x.section))


class _PeopleIndex:
    """Participants -> Person ids: by entity key, by overlapping span, and — for a
    participant written as a title ("the Soviet Commissar") — by the one person the same
    document gives that title."""

    def __init__(self, people: Sequence[Person]) -> None:
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self._by_key: dict[tuple[str, str], str] = {}
        self._titles: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.kinds: dict[str, str] = {p.id: p.kind for p in people}
        #: person id -> the states whose offices the sources give them ("Soviet Premier")
        self.served: dict[str, frozenset[str]] = {
            p.id: frozenset(f"s-{r.jurisdiction}" for r in p.roles if r.jurisdiction)
            for p in people
            if p.kind == "person" and any(r.jurisdiction for r in p.roles)
        }
        for p in people:
            for em in p.mentions:
                spans[em.doc_id].append((em.start, em.end, p.id))
                if em.key:
                    self._by_key[(em.doc_id, em.key)] = p.id
            if p.kind == "person":
                for r in p.roles:
                    t = _norm(r.title)
                    if t:
                        self._titles[r.doc_id].append((f" {t} ", p.id))
        # Per document, the spans sorted by start (each with its position in the order
        # above, which decides between overlapping spans) and the longest span's length:
        # a lookup bisects instead of scanning every mention of the document, which was
        # quadratic in the size of one long document (issue 10).
        self._spans: dict[str, tuple[list[int], list[tuple[int, int, int, str]], int]] = {}
        for doc_id, rows in spans.items():
            ordered = sorted(
                ((s, e, i, pid) for i, (s, e, pid) in enumerate(rows)), key=lambda r: r[0]
            )
            longest = max((e - s for s, e, _, _ in ordered), default=0)
            self._spans[doc_id] = ([r[0] for r in ordered], ordered, longest)
        self._titled: dict[tuple[str, str], str | None] = {}

    def find(
        self, doc_id: str, start: int, end: int, key: str | None, name: str | None = None
    ) -> str | None:
        if key and (doc_id, key) in self._by_key:
            return self._by_key[(doc_id, key)]
        pid = self._overlapping(doc_id, start, end)
        if pid is not None:
            return pid
        if name:
            n = _norm(name)
            if len(n) >= 4:
                return self._by_title(doc_id, n)
        return None

    def _overlapping(self, doc_id: str, start: int, end: int) -> str | None:
        """The person of the first-added span of ``doc_id`` overlapping [start, end)."""
        index = self._spans.get(doc_id)
        if index is None:
            return None
        starts, ordered, longest = index
        # an overlapping span starts before ``end`` and, being at most ``longest`` long,
        # after ``start - longest``
        lo = bisect.bisect_right(starts, start - longest)
        hi = bisect.bisect_left(starts, end)
        best: tuple[int, str] | None = None
        for s, e, i, pid in ordered[lo:hi]:
            if s < end and start < e and (best is None or i < best[0]):
                best = (i, pid)
        return best[1] if best is not None else None

    def _by_title(self, doc_id: str, n: str) -> str | None:
        """The one person ``doc_id`` gives a title containing the words ``n``, memoised:
        a long document asks about the same few names again and again."""
        k = (doc_id, n)
        if k not in self._titled:
            found = {pid for t, pid in self._titles.get(doc_id, ()) if f" {n} " in t}
            self._titled[k] = found.pop() if len(found) == 1 else None
        return self._titled[k]


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


def _same_span(a: TimeValue, b: TimeValue) -> bool:
    """Two dates of one extent: the same day (times of day aside), month or year."""
    if _day_level(a) and _day_level(b):
        return a.earliest == b.earliest
    return a.earliest == b.earliest and a.latest == b.latest


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


def _core_ident(c: _Cluster) -> tuple[set[str], set[str]]:
    """The identity participants (ids, "role:surname" names) that tell which event ``c``
    is (:class:`_CoreIdent`)."""
    return (
        c.core_ident.entries if c.core_ident is not None else _NO_IDENT,
        c.core_names.entries if c.core_names is not None else _NO_IDENT,
    )


#: the identity of an event no member names anyone for (never changed: a read-only value)
_NO_IDENT: set[str] = set()


def _contrast_clash(a: Iterable[str], b: Iterable[str]) -> bool:
    """Both say which of a contrast group the happening is, and no value is common:
    "partial mobilization" is not "general mobilization"."""
    ga: dict[str, set[str]] = defaultdict(set)
    gb: dict[str, set[str]] = defaultdict(set)
    for x in a:
        g, _, v = x.partition(":")
        ga[g].add(v)
    for x in b:
        g, _, v = x.partition(":")
        gb[g].add(v)
    return any(gb[g] and not (v & gb[g]) for g, v in ga.items())


@functools.lru_cache(maxsize=65536)
def _key_words(pid: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in pid[2:].split() if len(w) > 2)


def _fuzzy_shared(a: AbstractSet[str], b: AbstractSet[str]) -> int:
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
    """``place`` fits none of the cluster's ``places``: no name holds the other ("paris" /
    "paris france") and neither lies inside the other by the gazetteer ("moscow" / "soviet
    union": precision, not disagreement)."""
    if not place or not places:
        return False
    p = _norm_place(place)
    return all(not (p in q or q in p) and not _nested_place(p, q) for q in places)


def _other_entry(x: _Mention, c: _Cluster) -> bool:
    """``x`` is a chronology entry and ``c`` already holds another entry of the same page:
    the entries of one timeline (or one on-this-day page) are different happenings, even on
    one date."""
    if x.entry < 0 or (x.name is not None and x.name in c.names):
        return False
    if x.time is not None and x.time.latest - x.time.earliest > 31:
        # a wide entry may tell a lasting state across entries ("1917: ... refuses to
        # recognise", "1933: ... ending 16 years of non-recognition")
        return False
    doc = x.m.doc_id
    mine = c.entries.get(doc, set())
    if x.entry in mine:
        return False  # the cluster already tells this entry: x is its elaboration
    return bool(mine)


#: two times of day of one page further apart than this (minutes) are two moments
_CLOCK_SLACK = 5


def _other_clock(x: _Mention, c: _Cluster) -> bool:
    """``x`` states a time of day, and a member of ``c`` from the same page states another:
    a page that times two things ("01:23 - the button was pressed", "01:28 - firefighters
    arrived") tells two happenings, not one. Across pages two clocks a few minutes apart are
    as often sources disagreeing on one moment (kept as a conflict), but only when they tell
    the same predicate: "the reactor exploded at 01:23" and "the crew arrived at 01:28" are
    two moments of one night, each clock stated, no clock shared."""
    if x.time_of_day is None or not x.asserted:
        return False
    doc = x.m.doc_id
    tod = x.time_of_day
    if any(abs(t - tod) > _CLOCK_SLACK for t in c.clocks.get(doc, ())):
        return True
    return (
        (len(c.clocks) > 1 or (bool(c.clocks) and doc not in c.clocks))  # another page's
        and tod not in c.clock_set
        and not (x.name is not None and x.name in c.names)
        and not _same_predicate(x, c)
    )


def _entries_apart(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters holding different entries (or different times of day) of one page."""
    if a.names & b.names:
        return False
    for d, mine in a.entries.items():
        theirs = b.entries.get(d)
        if theirs and theirs != mine and not (theirs & mine):
            return True
    for d, times in a.clocks.items():
        theirs = b.clocks.get(d, set())
        if any(abs(t2 - t) > _CLOCK_SLACK for t in times for t2 in theirs):
            return True
    # two pages' clocks, none the same, and different predicates, of one type group
    # (:func:`_other_clock`; a catch-all typing against a specific type at another clock is
    # as often a phase of it: "the second wave came at 8:55" in "the attack began at 7:48")
    return (
        a.group == b.group
        and bool(a.clock_set and b.clock_set)
        and a.clock_set.isdisjoint(b.clock_set)
        and not _prefixes(a.lemmas) & _prefixes(b.lemmas)
        and not a.lemma_classes & b.lemma_classes
        and not a.heads & b.heads
    )


#: an undated clause this close (characters) to a mention of an event on its page may
#: elaborate it without naming its participants (the same or the next sentences)
_NEAR_ON_PAGE = 400


def _near_on_page(x: _Mention, c: _Cluster) -> bool:
    """A member of ``c`` starts within :data:`_NEAR_ON_PAGE` characters of ``x`` on its page."""
    starts = c.starts.get(x.m.doc_id)
    if not starts:
        return False
    i = bisect.bisect_left(starts, x.m.start - _NEAR_ON_PAGE)
    return i < len(starts) and starts[i] <= x.m.start + _NEAR_ON_PAGE


def _same_predicate(x: _Mention, c: _Cluster) -> bool:
    """The trigger agrees with the cluster's: the same word (its first five letters:
    "proclaim" / "proclamation"), word class, head-noun kind, or the event's name."""
    return (
        (x.name is not None and x.name in c.names)
        or x.lemma in c.lemmas
        or x.lemma[:5] in _prefixes(c.lemmas)
        or bool(x.lemma_class & c.lemma_classes)
        or bool(x.heads & c.heads)
    )


#: an event lasting longer than this many days holds many acts of its own
_LONG_EVENT_DAYS = 366


def _inside_long(fine: TimeValue, core: TimeValue) -> bool:
    """A date of a month or finer inside an event that lasts more than a year."""
    return fine.latest - fine.earliest <= 31 and core.latest - core.earliest > _LONG_EVENT_DAYS


def _actors_apart(x: _Mention, c: _Cluster) -> bool:
    """Both name who took part, of one kind (people, states), and none is common: "Britain
    declared war on Germany" is not "Austria-Hungary declared war on Serbia". Only actors
    the entity stage resolved are compared (two spellings of one unresolved name are not two
    actors), and a person is weighed against a state only through the offices the sources
    give them (one acts for the other: "Premier Khrushchev" for the Soviet Union)."""
    if x.name is not None and x.name in c.names:
        return False
    return _sides_apart(x.parts, x.served, c.parts, c.served)


def _sides_apart(
    pa: AbstractSet[str],
    a_served: AbstractSet[str],
    pb: AbstractSet[str],
    b_served: AbstractSet[str],
) -> bool:
    """The participants ``pa`` and ``pb`` (with the states their people serve) name no
    common actor and do name actors of one kind (:func:`_actors_apart`)."""
    if not pa.isdisjoint(pb):
        return False
    if _fuzzy_shared(pa, pb) or _name_words(pa) & _name_words(pb):
        return False
    for kind in ("p-", "s-"):
        mine = {p for p in pa if p.startswith(kind)}
        theirs = {p for p in pb if p.startswith(kind)}
        if kind == "s-":
            # one country under the states of its eras ("Soviet Russia" 1920, "the Soviet
            # Union" 1933) is one actor
            mine, theirs = {_lineage(p) for p in mine}, {_lineage(p) for p in theirs}
            if mine & theirs:
                return False
        if mine and theirs:
            return True
    # a state against people who hold office in other states only ("the U.S. pledged"
    # beside "Premier Khrushchev announced"): one side's act is not the other's
    return _served_apart(pa, b_served, pb) or _served_apart(pb, a_served, pa)


def _clusters_apart(a: _Cluster, b: _Cluster) -> bool:
    """:func:`_sides_apart` for two clusters, read from the sets each keeps as members
    are added (no pass over their participants: clusters told by thousands of pages meet
    many others)."""
    if not a.parts.isdisjoint(b.parts):
        return False
    if a.people and b.people:
        return True
    if a.lineages and b.lineages:
        return a.lineages.isdisjoint(b.lineages)
    for x, y in ((a, b), (b, a)):
        # a side naming states only against one naming people who all serve other states
        if (
            x.lineages
            and not x.people
            and y.people
            and not y.lineages
            and y.served
            and UNKNOWN_STATE not in y.served
            and x.lineages.isdisjoint({_lineage(p) for p in y.served})
        ):
            return True
    return False


def _served_apart(
    states_of: AbstractSet[str], served: AbstractSet[str], people_of: AbstractSet[str]
) -> bool:
    """``states_of`` names states and no person; ``people_of`` names people, no state, and
    all of them hold office in states (``served``) none of which is one of those."""
    if not served or UNKNOWN_STATE in served:
        return False  # someone holds no office the sources give: the side is unknown
    if any(p.startswith("p-") for p in states_of) or any(p.startswith("s-") for p in people_of):
        return False
    states = {_lineage(p) for p in states_of if p.startswith("s-")}
    served_l = {_lineage(p) for p in served}
    if not states or not served_l:
        return False
    return not (states & served_l)


@functools.lru_cache(maxsize=1)
def _lineages() -> dict[str, str]:
    """State id -> one id for every state that shares a name with it in the gazetteer
    (the states of one country's eras: RSFSR, USSR and Russia all answer to "Russia")."""
    from ..entities.states import gazetteer

    g = gazetteer()
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    names: list[str] = g.keys()  # the gazetteer's surface forms (a method, not a dict)
    for key in names:
        ids = sorted({n.state_id for n in g.candidates(key)})
        for other in ids[1:]:
            ra, rb = find(ids[0]), find(other)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {a: find(a) for a in list(parent)}


def _lineage(pid: str) -> str:
    sid = pid[2:]
    return "s-" + _lineages().get(sid, sid)


def _only_people_shared(x: _Mention, c: _Cluster) -> bool:
    """What ``x`` shares with ``c`` is people and nothing else (no state, thing or place)."""
    common = x.parts & c.parts
    return bool(common) and all(p.startswith("p-") for p in common)


def _person_only_rival(x: _Mention, c: _Cluster) -> bool:
    """``c`` is an event of ``x``'s page that ``x`` meets through a person alone (no
    predicate, identity participant or other actor shared)."""
    return (
        x.m.doc_id in c.docs
        and _only_people_shared(x, c)
        and not _same_predicate(x, c)
        and not (x.ident & c.ident and x.ident_joins)
    )


def _enough_evidence(
    x: _Mention, c: _Cluster, same_doc: bool, shared: int, ident_shared: bool
) -> bool:
    """Evidence beyond type and date that ``x`` tells the event of ``c`` (precision first):

    - a mention that names its actors joins no event of its own page whose actors are all
      others (another page may name other actors of the same act);
    - an undated mention of a page that shares only people with an event of that page
      joins it only with the same predicate (word, class, head noun, name) or identity
      participant: a page about a person names them in many acts, and the page and the
      person alone do not make "Kennedy replied" his "televised address"."""
    undated = x.time is None and x.partial is None
    if same_doc and _actors_apart(x, c):
        return False
    person_only = undated and same_doc and _only_people_shared(x, c)
    return not person_only or _same_predicate(x, c) or ident_shared


def _score(x: _Mention, c: _Cluster, explain_ok: bool, strict: bool = True) -> float | None:
    """How well mention ``x`` fits cluster ``c`` (None: incompatible)."""
    if x.embedded or _other_entry(x, c) or _other_clock(x, c):
        return None
    if x.ordinal is not None and c.ordinals and x.ordinal not in c.ordinals:
        return None  # "the first wave" is not "the second wave"
    same_doc = x.m.doc_id in c.docs
    if same_doc and x.section >= 0 and (x.m.doc_id, x.section) not in c.sections:
        # timeline entries under different headings are different entries
        same_doc = x.time is not None and c.core is not None and x.time.compatible(c.core)
    if x.contrasts and c.contrasts and _contrast_clash(x.contrasts, c.contrasts):
        return None  # "partial mobilization" is not "general mobilization"
    c_ident, c_ident_names = _core_ident(c)
    if x.asserted and _ident_clash(x.ident, c_ident) and not (x.ident_names & c_ident_names):
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
    ident_shared = bool(x.ident & c_ident) and x.ident_joins
    if x.asserted and not _enough_evidence(x, c, same_doc, shared, ident_shared):
        return None
    if ident_shared:
        score += 2.0
    if (
        same_doc
        and x.asserted
        and x.time is None
        and x.partial is None
        and not shared
        and not ident_shared
        and not (x.name and x.name in c.names)
        and any(p.startswith("p-") for p in x.parts)
        and not _near_on_page(x, c)
    ):
        # an undated clause naming people the event does not ("It was signed for the
        # Republic by Minister X"), far from every mention of it on the page, tells the
        # act of a nearer sentence, not this event: the page and a word are no evidence
        return None
    ds = 0.0
    if x.repeated and (x.time is None or c.core is None or not x.time.compatible(c.core)):
        return None  # "relations again broke down": a later occurrence, not this one
    if x.added and same_doc:
        return None  # "the Soviets also agreed to ..." is not the agreement its page told
    if x.sequel and c.core is not None:
        return None  # "28 crew died within the next months" is not the night's two deaths
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
            if (_inside_long(x.time, c.core) or _inside_long(c.core, x.time)) and not (
                x.name and x.name in c.names
            ):
                # a dated act inside a years-long event ("declared war on 1 August" in
                # "the war of 1914-1918") is a part of it, not the event itself
                return None
            if (
                not same_doc
                and not _same_span(x.time, c.core)
                and not (shared or ident_shared or _same_predicate(x, c))
            ):
                # another page's act on a day inside the event's month or year ("troops set
                # sail on 27 September" against "a battle in September"): type and a date
                # that merely falls inside are no evidence that the two are one
                return None
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
        if c.core.latest - c.core.earliest > _LONG_EVENT_DAYS and not (
            x.name and x.name in c.names
        ):
            return None  # a day inside a years-long event: a part of it (see above)
        if not same_doc and not (shared or _same_predicate(x, c)):
            return None  # a year-less day of another page: type and day alone are weak
        if c.core.latest - c.core.earliest > 31:
            # "on 3 August" against a year: the year is assumed, not stated; only the
            # predicate or a participant tells that the two are one
            if not (_same_predicate(x, c) and (shared or same_doc)):
                return None
            ds = 0.5
        else:
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


def _prefixes(words: Iterable[str]) -> set[str]:
    """Word stems cut to five letters: "proclaim" / "proclamation" agree."""
    return {w[:5] for w in words}


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
    return (
        _day_level_pair(a, b)
        and a is not None
        and b is not None
        and (abs(a.earliest - b.earliest) <= 31)
    )


def _day_level_pair(a: TimeValue | None, b: TimeValue | None) -> bool:
    return a is not None and b is not None and _day_level(a) and _day_level(b)


def _generic(c: _Cluster) -> bool:
    return all(x.generic for x in c.members if x.asserted)


def _duplicates(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters the first pass left apart that tell one event: the same name, or the
    same wording and actors with dates that agree, nest, or differ by an explained amount."""
    if _entries_apart(a, b):
        return False
    if a.ordinals and b.ordinals and not a.ordinals & b.ordinals:
        return False
    a_ident, a_names = _core_ident(a)
    b_ident, b_names = _core_ident(b)
    if _ident_clash(a_ident, b_ident) and not (a_names & b_names):
        return False
    if a.contrasts and b.contrasts and _contrast_clash(a.contrasts, b.contrasts):
        return False
    if not a.docs.isdisjoint(b.docs) and a.names.isdisjoint(b.names) and _clusters_apart(a, b):
        return False  # one page's acts of two sides (or two people): two happenings
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
    if (
        rel == "contains"
        and a.core is not None
        and b.core is not None
        and (_inside_long(a.core, b.core) or _inside_long(b.core, a.core))
    ):
        return False  # an act of a day or a month is a part of a years-long event
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
    if rel == "equal" and a.ordinals & b.ordinals:
        # "a second, harder message" and "the second letter" on one day: the number the
        # pages give the happening is a shared word of its own
        ww += 1
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
        # the same act typed differently (a catch-all against a specific type): the same day,
        # a shared word and a second shared word or participant
        return _day_level_pair(a.core, b.core) and ww >= 1 and ww + pp >= 2
    if _name_beside_act(a, b) or _name_beside_act(b, a):
        return False
    if rel == "contains":
        # a coarser date next to a finer one: most of the wording must agree
        fewer = min(len(_prefixes(a.words)), len(_prefixes(b.words))) or 1
        fine = (ww >= 3 and ww / fewer >= 0.3) or (person and ww >= 2 and ww + pp >= 3)
        # or one person doing the same thing ("Kennedy visited the city in June 1963" /
        # "Kennedy visits Berlin on 26 June 1963"): the shared word is the predicate itself
        fine = fine or (person and ww >= 1 and bool(_prefixes(a.lemmas) & _prefixes(b.lemmas)))
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


def _name_beside_act(label: _Cluster, act: _Cluster) -> bool:
    """``label`` holds only names or noun phrases ("the 1822 Harbour Act"), ``act`` a clause
    telling what was done ("the Act received the royal assent on 3 May"), a date of one lies
    inside the other's and their triggers share nothing: the words of the thing's name are
    all the two share, and passing, signing, assent and entry into force of one instrument
    are different acts. (The first pass joins a name to an act through the name, a
    participant or the page; this is the second pass's wording rule.)"""
    return (
        not label.acts
        and act.acts
        and _date_relation(label.core, act.core) == "contains"
        and not _shared_predicate(label, act)
    )


def _label_of(label: _Cluster, act: _Cluster) -> bool:
    """``label`` names, on a page of ``act``, the thing ``act`` tells an act on (every word
    of the name is a word of its clauses; :func:`_name_beside_act`): a heading or label of
    that page's account, which tells no act of its own."""
    return (
        bool(label.words)
        and label.docs <= act.docs
        and _name_beside_act(label, act)
        and _prefixes(label.words) <= _prefixes(act.words)
    )


def _shared_predicate(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters' triggers agree: a word (its first five letters), a word class or a
    head-noun kind."""
    return bool(
        _prefixes(a.lemmas) & _prefixes(b.lemmas)
        or a.lemma_classes & b.lemma_classes
        or a.heads & b.heads
    )


def _same_moment(x: _Mention, c: _Cluster) -> bool | None:
    """True when ``x`` states the moment a member of ``c`` states (within an hour), False
    when both state moments more than three hours apart, None when either states none."""
    if x.instant is None or not c.instants:
        return None
    gaps = [abs(x.instant - i) for i in c.instants[-16:]]
    if min(gaps) <= 60:
        return True
    return False if min(gaps) > 180 else None
