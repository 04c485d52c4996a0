"""The data model: small frozen dataclasses, nothing else.

Every span is a half-open ``[start, end)`` pair of Python ``str`` indices into the
stored text of one :class:`Document` (for ``.txt``/``.md`` inputs, the file's exact text).

Dates are :class:`TimeValue` objects: a TIMEX3-style ``value`` string plus the closed
interval of days it covers (``earliest``..``latest``, as proleptic-Gregorian day
numbers from :func:`day_number`, so that BC years work), its precision, the calendar
the source wrote it in and how it was anchored. Compare them as intervals, never as
strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal[
    "time", "day", "month", "season", "quarter", "year", "decade", "century",
    "millennium", "interval", "unknown",
]
Anchor = Literal["absolute", "dct", "narrative", "event", "unresolved"]
TimeKind = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "negated", "hypothetical", "planned", "reported"]
RegionKind = Literal[
    "title", "heading", "narrative", "list_item", "caption", "boilerplate", "byline",
    "dateline", "metadata", "quote", "source", "tags",
]
#: region kinds whose text is the document's own narrative (events may be asserted there)
CONTENT_REGIONS: frozenset[str] = frozenset(
    {"title", "heading", "narrative", "list_item", "caption", "quote"}
)
ConflictKind = Literal[
    "precision", "timezone", "calendar", "announced_vs_occurred", "naming", "copy",
    "rounding", "framing", "participants", "filing", "anachronism", "unexplained",
]
Severity = Literal["hard", "soft"]


def day_number(year: int, month: int, day: int) -> int:
    """Days since 0001-01-01 in the proleptic Gregorian calendar (astronomical years:
    1 BC is year 0, 2 BC is year -1). Equals ``datetime.date.toordinal() - 1`` for AD."""
    y = year - (1 if month <= 2 else 0)
    era = y // 400  # floor division: no C-style correction needed
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468 + 719162


def civil_from_day(n: int) -> tuple[int, int, int]:
    """Inverse of :func:`day_number`: ``(year, month, day)``."""
    z = n - 719162 + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (1 if m <= 2 else 0), m, d)


@dataclass(frozen=True)
class TimeValue:
    """A normalised date: TIMEX3-style value plus the day interval it covers."""

    value: str  # e.g. 1933-11-16, 1933-11, 1933, 193X, 19XX, 1936/1938, 1933-11-16T23:50
    earliest: int  # day_number of the first day covered
    latest: int  # day_number of the last day covered (closed interval)
    precision: Precision
    calendar: str = "gregorian"  # calendar of ``value`` (always proleptic Gregorian)
    source_calendar: str = "gregorian"  # calendar the source wrote it in (e.g. julian)
    anchor: Anchor = "absolute"
    approximate: bool = False  # circa, early/mid/late, about

    def within(self, other: TimeValue) -> bool:
        """True when every day of self lies inside other (self is as fine or finer)."""
        return other.earliest <= self.earliest and self.latest <= other.latest

    def compatible(self, other: TimeValue) -> bool:
        """True when one value contains the other: a finer date inside a coarser one."""
        return self.within(other) or other.within(self)

    def overlaps(self, other: TimeValue) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest


@dataclass(frozen=True)
class Document:
    id: str  # content hash of ``text``
    uri: str
    text: str
    format: str  # txt | md | html | pdf | json | jsonl | social
    title: str | None = None
    published: TimeValue | None = None
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Region:
    doc_id: str
    start: int
    end: int
    kind: RegionKind


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    region_kind: RegionKind = "narrative"


@dataclass(frozen=True)
class TimeMention:
    doc_id: str
    start: int
    end: int
    text: str
    kind: TimeKind
    value: TimeValue | None  # None = not resolvable, or not a date (DURATION/SET)
    #: the TIMEX3 value string for every kind (1933-11-16, P16Y, XXXX-XX-XX, PRESENT_REF)
    timex: str | None = None
    #: True for publication/byline/copyright/access dates: the document's date, never an event's
    document_date: bool = False
    #: for anchor "event"/"narrative": start offset of the mention it was resolved from
    anchor_start: int | None = None


@dataclass(frozen=True)
class EntityMention:
    doc_id: str
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | NORP | STATE | EVENT | ...
    #: within-document cluster key (canonical name of the entity this mention refers to)
    key: str | None = None


@dataclass(frozen=True)
class RoleClaim:
    doc_id: str
    start: int  # span of the text stating the role (title and name, or the clause)
    end: int
    person: str  # within-document person key (EntityMention.key)
    title: str  # as written, e.g. "Soviet Commissar for Foreign Affairs"
    office: str | None = None  # normalised office id from data/offices.yaml
    jurisdiction: str | None = None  # state id, e.g. "USSR"
    began: TimeValue | None = None
    ended: TimeValue | None = None


@dataclass(frozen=True)
class Participant:
    name: str  # as written
    role: str  # agent | patient | recipient | party | ...
    start: int
    end: int
    key: str | None = None  # entity key (within-document; cross-document after merge)


@dataclass(frozen=True)
class EventMention:
    doc_id: str
    start: int  # evidence span: the clause, sentence or list item stating the event
    end: int
    trigger_start: int
    trigger_end: int
    type: str  # an event type id from data/event_types.yaml
    time: TimeValue | None = None
    time_start: int | None = None  # span of the date expression used
    time_end: int | None = None
    place: str | None = None
    participants: tuple[Participant, ...] = ()
    modality: Modality = "asserted"
    region_kind: RegionKind = "narrative"
    confidence: float = 1.0
    main: bool = False  # the document's own main event (its title, headline or lead)


@dataclass(frozen=True)
class Analysis:
    """Everything the per-document half of the pipeline learns from one document."""

    document: Document
    regions: tuple[Region, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    times: tuple[TimeMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    roles: tuple[RoleClaim, ...] = ()
    events: tuple[EventMention, ...] = ()
    published: TimeValue | None = None  # the document's date, however found


@dataclass(frozen=True)
class Claim:
    """The unit of provenance: one source's statement of one attribute's value."""

    subject: str  # event id or person id
    attribute: str  # date | place | participant | title | type | count | ...
    value: str
    doc_id: str
    start: int
    end: int
    independent: bool = True  # False when the document is a near-copy of another source


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    title: str
    date: TimeValue | None
    mentions: tuple[EventMention, ...]
    claims: tuple[Claim, ...] = ()
    place: str | None = None
    participants: tuple[str, ...] = ()  # entity ids
    support: int = 0  # number of documents stating it
    independent_support: int = 0  # the same, counting copies once


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[EntityMention, ...] = ()
    roles: tuple[RoleClaim, ...] = ()
    kind: str = "person"  # person | state | organisation | place
    authority_id: str | None = None


@dataclass(frozen=True)
class ConflictValue:
    value: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Conflict:
    id: str
    subject: str  # event id or person id
    subject_kind: Literal["event", "person"]
    attribute: str
    values: tuple[ConflictValue, ...]
    kind: ConflictKind = "unexplained"
    severity: Severity = "hard"
    explanation: str = ""


@dataclass(frozen=True)
class CopyLink:
    """``doc_id`` is a near-duplicate of ``source_id`` (MinHash Jaccard estimate)."""

    doc_id: str
    source_id: str
    similarity: float


_KIND_RANK = {"person": 0, "state": 1, "organisation": 2, "place": 3}


def entity_order(kind: str, name: str, authority_id: str | None, pid: str) -> tuple[object, ...]:
    """The canonical list order of people (a :class:`Person`'s fields): by kind, then name."""
    return (_KIND_RANK.get(kind, 9), kind, name, authority_id or "", pid)


def conflict_order(
    subject_kind: str, subject: str, attribute: str, cid: str
) -> tuple[object, ...]:
    """The canonical list order of conflicts (a :class:`Conflict`'s fields): by subject."""
    return (subject_kind, subject, attribute, cid)


@dataclass(frozen=True)
class KnowledgeBase:
    analyses: tuple[Analysis, ...] = ()
    events: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    copies: tuple[CopyLink, ...] = ()


_AUTHORITY_OPEN_LOW = -(10**9)
_AUTHORITY_OPEN_HIGH = 10**9


def _day_iso(n: int | None) -> str:
    if n is None:
        return ""
    y, m, d = civil_from_day(n)
    return f"{y:04d}-{m:02d}-{d:02d}"


@dataclass(frozen=True)
class AuthorityRecord:
    """One identity of the user's authority file: id (e.g. a Wikidata Q id), canonical
    name, aliases and dates. Read by :mod:`histograph.entities.authority`, persisted by
    the stores (which therefore depend on this module only).

    ``earliest``/``latest`` are day numbers (:func:`histograph.model.day_number`) bounding the
    entity's existence (a person's life); None when open."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    earliest: int | None = None
    latest: int | None = None
    kind: str = "person"
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def dates(self) -> str:
        """The dates as ``YYYY[-MM-DD]/YYYY[-MM-DD]`` (empty sides open)."""
        return f"{_day_iso(self.earliest)}/{_day_iso(self.latest)}" if self.has_dates else ""

    @property
    def has_dates(self) -> bool:
        return self.earliest is not None or self.latest is not None

    def alive(self, lo: int, hi: int) -> bool:
        """True when the closed day interval ``[lo, hi]`` meets the record's dates."""
        a = self.earliest if self.earliest is not None else _AUTHORITY_OPEN_LOW
        b = self.latest if self.latest is not None else _AUTHORITY_OPEN_HIGH
        return a <= hi and lo <= b
