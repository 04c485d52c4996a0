"""Independence of sources, and the conflicts of event attributes other than the date.

**Independence.** Sources that copy each other count once. :class:`Sources` knows the
document-level copies (:class:`~histograph.model.CopyLink`, grouped transitively) and the
passages copied between documents that are otherwise different
(:func:`histograph.ingest.dedup.find_copied_passages`). :meth:`Sources.source_of` maps a span
to the source that wrote it: the original document of its copy group, or — for a span inside
a copied passage — the source of the passage it was copied from. :func:`mark_independence`
sets ``Claim.independent``: per attribute and value, one claim per source is independent (the
original's when it is there), the others are copies.

**Conflicts** built here (subject_kind "event"; the date conflict lives in
:mod:`histograph.merge.events`):

- ``participants`` (soft, ``unexplained``): for event types whose participants form a closed
  set (``closed_participants`` in ``data/event_types.yaml``: talks, agreements, letters,
  visits …), documents that name different people, neither list containing the other
  ("conducted by A and B" vs "held talks with C and D");
- ``nature`` (soft, ``naming``): one event framed as a first act by some sources and as a
  renewal by others ("established relations" vs "restored relations", "first recognition" vs
  "resumption"), from the ``framing`` lexicon of ``data/event_types.yaml``;
- ``duration`` (``rounding`` soft, or ``unexplained`` hard): a stated length ("16 years after
  the break", "ending 16 years of X") against the length computed from the dates of the two
  events it spans (15 years 11 months): within one unit it is rounding;
- ``date`` filed under a section or page whose dates do not contain the entry's own date
  (a timeline entry "June 1941" under the heading "1939"): soft, ``unexplained``; the entry's
  own date is kept. A heading that leaves a side open ("Before 1914", "Since 1945") contains
  every entry on that side.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from ..datafile import load_yaml
from ..model import (
    Claim,
    Conflict,
    ConflictKind,
    ConflictValue,
    CopyLink,
    Event,
    Person,
    Severity,
    TimeValue,
    civil_from_day,
)
from ..time.compare import explain_date_difference
from ..time.durations import Duration, months_label
from ..time.durations import parse_duration as parse_duration  # re-exported

#: at most this many copy hops are followed from a passage to its origin
_MAX_HOPS = 4


def copy_groups(copies: Iterable[CopyLink]) -> dict[str, str]:
    """Document id -> the smallest id of its copy group (documents linked by copies)."""
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.get(a, a) != a:
            parent[a] = parent.get(parent[a], parent[a])
            a = parent[a]
        return a

    for link in sorted(copies, key=lambda c: (c.doc_id, c.source_id)):
        ra, rb = find(link.doc_id), find(link.source_id)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            parent[hi] = lo
    return {k: find(k) for k in list(parent)}


@dataclass
class Sources:
    """Who copies whom: document copy groups and copied passages."""

    group_of: dict[str, str] = field(default_factory=dict)
    copy_docs: frozenset[str] = frozenset()
    #: the original document of each copy group (a member that copies nobody)
    original_of: dict[str, str] = field(default_factory=dict)
    #: doc_b -> sorted [(start_b, end_b, doc_a, start_a)] passages doc_b took from doc_a
    _passages: dict[str, list[tuple[int, int, str, int]]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        copies: Sequence[CopyLink] = (),
        passages: Iterable[Sequence[object]] = (),
    ) -> Sources:
        group_of = copy_groups(copies)
        copy_docs = frozenset(c.doc_id for c in copies)
        original: dict[str, str] = {}
        for doc, root in sorted(group_of.items()):
            if doc not in copy_docs and root not in original:
                original[root] = doc
        by_b: dict[str, list[tuple[int, int, str, int]]] = defaultdict(list)
        for p in passages:
            doc_a, start_a, _end_a, doc_b, start_b, end_b = p
            if doc_a == doc_b:
                continue
            by_b[str(doc_b)].append((int(start_b), int(end_b), str(doc_a), int(start_a)))  # type: ignore[call-overload]
        out = cls(group_of=group_of, copy_docs=copy_docs, original_of=original)
        for doc, lst in by_b.items():
            lst.sort()
            out._passages[doc] = lst
            out._starts[doc] = [p[0] for p in lst]
        return out

    def root(self, doc_id: str) -> str:
        return self.group_of.get(doc_id, doc_id)

    def _copied_from(self, doc_id: str, start: int, end: int) -> tuple[str, int] | None:
        lst = self._passages.get(doc_id)
        if not lst:
            return None
        k = bisect.bisect_right(self._starts[doc_id], start) - 1
        # passages may overlap: look back a little for one that contains the span
        for j in range(k, max(-1, k - 8), -1):
            s, e, doc_a, s_a = lst[j]
            if s <= start and end <= e:
                return doc_a, s_a + (start - s)
        return None

    def source_of(self, doc_id: str, start: int, end: int) -> str:
        """The source that wrote this span: a copied passage's origin, else the document's
        copy group."""
        doc, s, e = doc_id, start, end
        for _ in range(_MAX_HOPS):
            hop = self._copied_from(doc, s, e)
            if hop is None:
                break
            doc, s = hop
            e = s + (end - start)
        root = self.root(doc)
        return self.original_of.get(root, root)

    def is_original(self, doc_id: str) -> bool:
        root = self.root(doc_id)
        return self.original_of.get(root, root) == doc_id


def mark_independence(claims: Sequence[Claim], sources: Sources) -> list[Claim]:
    """``claims`` with ``independent`` set: for each (attribute, value), one claim per source
    is independent — the one from the source's original document when present, else the
    first — and the claims copied from it are not."""
    key_of = [
        (c.attribute, _norm_value(c.value), sources.source_of(c.doc_id, c.start, c.end))
        for c in claims
    ]
    chosen: dict[tuple[str, str, str], int] = {}
    for i, key in enumerate(key_of):
        j = chosen.get(key)
        # the source's own document (its original, not a copy) speaks for it
        if j is None or (claims[i].doc_id == key[2] and claims[j].doc_id != key[2]):
            chosen[key] = i
    first_of = {i: True for i in chosen.values()}
    # claims of one document repeating its own statement are not copies
    docs_of_key: dict[tuple[str, str, str], str] = {k: claims[i].doc_id for k, i in chosen.items()}
    out: list[Claim] = []
    for i, (c, key) in enumerate(zip(claims, key_of, strict=True)):
        ind = first_of.get(i, False) or docs_of_key[key] == c.doc_id
        out.append(c if c.independent == ind else replace(c, independent=ind))
    return out


def independent_count(spans: Iterable[tuple[str, int, int]], sources: Sources) -> int:
    """How many distinct sources wrote these spans (copies count once)."""
    return len({sources.source_of(d, s, e) for d, s, e in spans})


def value_support(claims: Sequence[Claim], sources: Sources) -> tuple[int, int]:
    """(documents, independent sources) stating a set of claims."""
    return (
        len({c.doc_id for c in claims}),
        independent_count(((c.doc_id, c.start, c.end) for c in claims), sources),
    )


def copied_only(claims: Sequence[Claim], sources: Sources) -> bool:
    """True when a value is stated by several documents that are all copies of one source."""
    docs = {c.doc_id for c in claims}
    return (
        len(docs) >= 2
        and independent_count(((c.doc_id, c.start, c.end) for c in claims), sources) == 1
    )


# --------------------------------------------------------------------------- helpers


_WS = re.compile(r"[^a-z0-9]+")


def _norm_value(v: str) -> str:
    return " ".join(_WS.split(v.lower().replace(".", "").replace("'", ""))).strip()


def conflict_id(event_id: str, attribute: str, values: Iterable[str]) -> str:
    raw = f"{event_id}|{attribute}|{'|'.join(values)}"
    return "cf-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def _conflict(
    event_id: str,
    attribute: str,
    values: Sequence[ConflictValue],
    kind: ConflictKind,
    severity: Severity,
    explanation: str,
) -> Conflict:
    return Conflict(
        id=conflict_id(event_id, attribute, [v.value for v in values]),
        subject=event_id,
        subject_kind="event",
        attribute=attribute,
        values=tuple(values),
        kind=kind,
        severity=severity,
        explanation=explanation,
    )


# --------------------------------------------------------------------------- participants


@dataclass(frozen=True)
class NamedParticipant:
    """A person named as a participant of an event by one document."""

    person: str  # Person id
    name: str  # the person's canonical name
    claim: Claim


def participant_conflict(
    event_id: str, per_doc: Mapping[str, Sequence[NamedParticipant]], sources: Sources
) -> Conflict | None:
    """Documents naming different people for one event, neither list containing the other."""
    sets: dict[str, frozenset[str]] = {}
    for doc, named in per_doc.items():
        people = frozenset(n.person for n in named)
        if people:
            sets[doc] = people
    if len(sets) < 2:
        return None
    docs = sorted(sets)
    clashing: set[str] = set()
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            sa, sb = sets[a], sets[b]
            if sources.source_of(a, 0, 0) == sources.source_of(b, 0, 0):
                continue
            if sa - sb and sb - sa:
                clashing |= {a, b}
    if not clashing:
        return None
    by_set: dict[frozenset[str], list[str]] = defaultdict(list)
    for d in sorted(clashing):
        by_set[sets[d]].append(d)
    names = {n.person: n.name for named in per_doc.values() for n in named}
    values: list[ConflictValue] = []
    for people, ds in sorted(by_set.items(), key=lambda kv: sorted(names[p] for p in kv[0])):
        label = ", ".join(sorted(names[p] for p in people))
        claims = tuple(n.claim for d in ds for n in per_doc[d] if n.person in people)
        values.append(ConflictValue(label, claims))
    if len(values) < 2:
        return None
    explanation = (
        "The sources name different people for this event ("
        + "; ".join(v.value for v in values)
        + "). Accounts are often partial — each may name the side it follows — so this is "
        "a difference of emphasis unless the texts say the others took no part."
    )
    return _conflict(event_id, "participants", values, "participants", "soft", explanation)


# --------------------------------------------------------------------------- framing


def framing_conflict(
    event_id: str, framed: Sequence[tuple[str, Claim]], labels: Mapping[str, str]
) -> Conflict | None:
    """``framed``: (framing class, claim on the trigger). A conflict when one event is framed
    as a first act by some sources and as a renewal by others."""
    by_class: dict[str, list[Claim]] = defaultdict(list)
    for cls, claim in framed:
        by_class[cls].append(claim)
    if len(by_class) < 2:
        return None
    values = [ConflictValue(labels.get(cls, cls), tuple(by_class[cls])) for cls in sorted(by_class)]
    words = {
        cls: sorted({_norm_value(c.value) for c in claims}) for cls, claims in by_class.items()
    }
    explanation = (
        "The sources frame the act differently: "
        + "; ".join(f"{labels.get(c, c)} ({', '.join(words[c])})" for c in sorted(by_class))
        + ". Both can be true — relations with a predecessor state may be 'restored' while "
        "those with the new state are 'established' for the first time — so this is framing, "
        "not a contradiction of fact."
    )
    return _conflict(event_id, "nature", values, "framing", "soft", explanation)


# --------------------------------------------------------------------------- durations


def _full_months(a: int, b: int) -> int:
    """Whole months from day number ``a`` to day number ``b`` (b >= a)."""
    y1, m1, d1 = civil_from_day(a)
    y2, m2, d2 = civil_from_day(b)
    return (y2 - y1) * 12 + (m2 - m1) - (1 if d2 < d1 else 0)


def elapsed_months(start: TimeValue, end: TimeValue) -> tuple[int, int] | None:
    """The least and most whole months between two dates (their intervals), or None when
    the end may precede the start."""
    if end.latest < start.earliest:
        return None
    lo = _full_months(start.latest, end.earliest) if end.earliest >= start.latest else 0
    hi = _full_months(start.earliest, end.latest)
    return lo, hi


@dataclass(frozen=True)
class StatedDuration:
    duration: Duration
    claim: Claim
    start_event: str | None  # the event the period starts with, when the text says it


def duration_conflict(
    event_id: str,
    stated: Sequence[StatedDuration],
    start: TimeValue | None,
    end: TimeValue | None,
    basis: Sequence[Claim],
    start_title: str = "",
) -> Conflict | None:
    """Stated lengths of the period ending with ``event_id`` against the length computed
    from the dates of its start (``start``) and end (``end``) events; ``basis`` are the date
    claims the computation rests on."""
    if not stated or start is None or end is None:
        return None
    span = elapsed_months(start, end)
    if span is None:
        return None
    lo, hi = span
    values: list[ConflictValue] = []
    worst: tuple[ConflictKind, Severity] = ("rounding", "soft")
    by_label: dict[str, list[StatedDuration]] = defaultdict(list)
    for s in stated:
        by_label[s.duration.label].append(s)
    off: list[str] = []
    for label, ss in sorted(by_label.items()):
        d = ss[0].duration
        unit = d.unit_months
        # the statement is exact when some reading of the dates gives that many whole units
        if lo <= d.months + unit - 1 and d.months <= hi:
            continue
        gap = min(abs(d.months - hi), abs(d.months - lo))
        if gap >= 2 * unit:
            worst = ("unexplained", "hard")
        off.append(label)
        values.append(ConflictValue(label, tuple(s.claim for s in ss)))
    if not values:
        return None
    nearest = min((lo, hi), key=lambda m: min(abs(m - s.duration.months) for s in stated))
    values.append(ConflictValue(months_label(nearest), tuple(basis)))
    since = f" since {start_title}" if start_title else ""
    if worst[0] == "rounding":
        explanation = (
            f"Stated as {', '.join(off)}{since}; the dates give {months_label(lo)}"
            + (f" to {months_label(hi)}" if hi != lo else "")
            + f" ({start.value} to {end.value}): the stated figure is rounded."
        )
    else:
        explanation = (
            f"Stated as {', '.join(off)}{since}, but the dates give {months_label(lo)}"
            + (f" to {months_label(hi)}" if hi != lo else "")
            + f" ({start.value} to {end.value})."
        )
    return _conflict(event_id, "duration", values, worst[0], worst[1], explanation)


# --------------------------------------------------------------------------- filing


@lru_cache(maxsize=1)
def _open_bounds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words before a heading's date that leave one side of it open ("Before 1914", "Since
    1945"): (open before, open after), each anchored at the end of the text before the date."""
    raw = load_yaml(
        resources.files("histograph").joinpath("data/conflict_words.yaml").read_text("utf-8")
    )
    bounds = raw.get("open_bounds") or {}

    def pat(key: str) -> re.Pattern[str]:
        words = sorted((str(w) for w in bounds.get(key) or ["(?!)"]), key=len, reverse=True)
        alt = "|".join(re.escape(w) for w in words)
        return re.compile(rf"(?:^|\b)(?:{alt})[\s\W]*(?:the\s+(?:year\s+)?)?$", re.I)

    return pat("before"), pat("after")


def _fits_open_heading(tv: TimeValue, container: TimeValue, claim: Claim, text: str) -> bool:
    """The heading reads "Before 1914" / "After 1945" (words before its date on its line) and
    the entry lies on the open side: background or aftermath, filed where the page says."""
    if not text or claim.start > len(text):
        return False
    line = text.rfind("\n", 0, claim.start) + 1
    lead = text[max(line, claim.start - 40) : claim.start]
    before, after = _open_bounds()
    if before.search(lead):
        return tv.latest <= container.latest
    if after.search(lead):
        return tv.earliest >= container.earliest
    return False


def filing_conflict(
    event_id: str,
    entry: tuple[TimeValue, Claim],
    containers: Sequence[tuple[TimeValue, Claim, str]],
    text: str = "",
) -> Conflict | None:
    """A dated timeline entry filed under headings (a section's year, a page's span of
    years) whose dates do not contain its own. ``text`` is the page: a heading that leaves a
    side open ("Before 1914", "Since 1945", ``open_bounds`` in ``data/conflict_words.yaml``)
    contains every entry on that side."""
    tv, claim = entry
    outside = [
        (ctv, c, what)
        for ctv, c, what in containers
        if not tv.within(ctv) and not _fits_open_heading(tv, ctv, c, text)
    ]
    if not outside:
        return None
    values = [ConflictValue(c.value, (c,)) for _, c, _ in outside]
    values.append(ConflictValue(claim.value, (claim,)))
    where = " and ".join(f"a {what} covering {ctv.value}" for ctv, _, what in outside)
    explanation = (
        f"The entry is dated {tv.value} but is filed under {where}; the entry's own date is "
        "kept (a heading groups entries loosely, the entry states its date)."
    )
    return _conflict(event_id, "date", values, "filing", "soft", explanation)


def distinct_claims(claims: Iterable[Claim]) -> list[Claim]:
    seen: dict[tuple[str, int, int, str], Claim] = {}
    for c in claims:
        seen.setdefault((c.doc_id, c.start, c.end, c.value), c)
    return list(seen.values())


# --------------------------------------------------------------------------- one page, two acts

_DAY_VALUE = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")
#: one page giving one act two days further apart than this tells two acts
_ONE_PAGE_DAYS = 7


def one_page_two_acts(values: Sequence[str], docs: Iterable[str]) -> bool:
    """True when the readings of a date conflict all come from one page and are days more
    than a week apart: a page rarely contradicts itself by weeks, it tells two acts (the
    merge joined them), so the difference is no disagreement of sources."""
    if len(set(docs)) != 1:
        return False
    days: list[tuple[str, int]] = []
    for v in values:
        m = _DAY_VALUE.match(v)
        if m is None:
            return False
        days.append((m.group(1), int(m.group(2)) * 31 + int(m.group(3))))
    years = {y for y, _ in days if y != "XXXX"}
    if len(years) > 1:
        return True
    spread = max(d for _, d in days) - min(d for _, d in days)
    return spread > _ONE_PAGE_DAYS


# --------------------------------------------------------------------------- unmerged dates


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    raw = load_yaml(
        resources.files("histograph").joinpath("data/conflict_words.yaml").read_text("utf-8")
    )
    return frozenset(str(w).lower() for w in raw["stopwords"])


_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")

#: largest gap between two readings of one date, per precision (in days; years for "year")
_NEAR_DAYS = 14
_NEAR_MONTHS = 1
#: a word in at most this many events (or this share of them) is distinctive
_RARE = 3
_RARE_SHARE = 1 / 6


def _content_words(e: Event, texts: Mapping[str, str]) -> list[frozenset[str]]:
    """The content words of each mention of ``e`` (one set per mention)."""
    stop = _stopwords()
    out: list[frozenset[str]] = []
    for m in e.mentions:
        text = texts.get(m.doc_id, "")[m.start : m.end]
        words = (_stem(x.lower()) for x in _WORD.findall(text))
        out.append(frozenset(w for w in words if w not in stop))
    return out


def _stem(word: str) -> str:
    """A plural's singular, roughly ("missiles" -> "missile"); other words as they are."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _alike(
    a: list[frozenset[str]],
    b: list[frozenset[str]],
    df: Mapping[str, int],
    min_shared: int,
    rare: int = _RARE,
) -> frozenset[str]:
    """The words two events' sentences share, when some sentence of each shares at least
    ``min_shared`` words, a fifth of the smaller sentence's words, and a rare word (in at
    most ``rare`` events: names of actors and the episode's main act are everywhere and say
    little); else the empty set."""
    best: frozenset[str] = frozenset()
    for wa in a:
        for wb in b:
            shared = wa & wb
            if len(shared) < min_shared or 5 * len(shared) < min(len(wa), len(wb)):
                continue
            if not any(df.get(w, 0) <= rare for w in shared):
                continue
            if len(shared) > len(best):
                best = shared
    return best


def _date_claims(e: Event) -> list[Claim]:
    """The spans of ``e``'s mentions that state its date (the date expression itself)."""
    assert e.date is not None
    out: list[Claim] = []
    for m in e.mentions:
        if m.time is None or m.time.value != e.date.value:
            continue
        s, t = (m.time_start, m.time_end) if m.time_start is not None else (m.start, m.end)
        out.append(Claim(e.id, "date", e.date.value, m.doc_id, s, t if t is not None else m.end))
    return distinct_claims(out)


def _near(a: TimeValue, b: TimeValue) -> int | None:
    """How far apart two incompatible dates of one precision are (days, months or years),
    or None when they are not near enough to be readings of one date."""
    if a.precision != b.precision or a.compatible(b):
        return None
    ya, ma, _ = civil_from_day(a.earliest)
    yb, mb, _ = civil_from_day(b.earliest)
    if a.precision == "day":
        gap = abs(a.earliest - b.earliest)
        return gap if gap <= _NEAR_DAYS else None
    if a.precision == "month":
        gap = abs((ya * 12 + ma) - (yb * 12 + mb))
        return gap if gap <= _NEAR_MONTHS else None
    if a.precision == "year":
        return 1 if abs(ya - yb) == 1 else None
    return None


#: a proper name of a happening written next to a date: "the Battle of Lepanto", "the Treaty
#: of Paris", "the Siege of Vienna" (capitalised head, "of", capitalised words)
_EVENT_NAME = re.compile(r"\b([A-Z][a-z]+ of (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")
#: how far a name may stand from its mention's date, and what may not stand between them
_NAME_REACH = 40
_SEQUENCE = re.compile(r"\b(?:after|before|following|since|until|later|earlier|prior)\b", re.I)


def _dated_names(e: Event, texts: Mapping[str, str]) -> frozenset[str]:
    """The proper names of happenings that a mention of ``e`` writes next to its own date
    ("Sep 25 Battle of Lepanto", "On 7 October 1571, the Battle of Lepanto was fought"), with
    no word of sequence between ("a week after the Battle of X"): the name the date is of."""
    out: set[str] = set()
    for m in e.mentions:
        if m.time is None or m.time_start is None or m.time_end is None:
            continue
        text = texts.get(m.doc_id, "")
        lo = max(0, min(m.start, m.time_start) - _NAME_REACH)
        hi = max(m.end, m.time_end) + _NAME_REACH
        for hit in _EVENT_NAME.finditer(text, lo, min(hi, len(text))):
            s, t = hit.span(1)
            if t <= m.time_start:
                between = text[t : m.time_start]
            elif s >= m.time_end:
                between = text[m.time_end : s]
            else:
                continue
            if len(between) <= _NAME_REACH and not _SEQUENCE.search(between) and "\n\n" not in between:
                out.add(" ".join(hit.group(1).split()))
    return frozenset(out)


def _anchor_words(e: Event, texts: Mapping[str, str]) -> frozenset[str]:
    """The words that say which act a mention tells: its trigger's words."""
    out: set[str] = set()
    for m in e.mentions:
        trig = texts.get(m.doc_id, "")[m.trigger_start : m.trigger_end]
        out.update(_stem(w.lower()) for w in _WORD.findall(trig))
    return frozenset(out)


def unmerged_date_conflicts(
    events: Sequence[Event],
    texts: Mapping[str, str],
    min_shared: int = 2,
    people: Sequence[Person] = (),
) -> list[Conflict]:
    """Date conflicts between events the merge kept apart that look like one event told with
    two dates: stated by different documents (no document states both), dates of one
    precision a little apart (at most two weeks, a month or a year), and either of the same
    type with sentences alike (:func:`_alike`; given ``people``, the shared words must hold
    one side's trigger or a word of a person's name: "the king", "rebels" or a state are
    background any two acts of an episode share) or, of any types, the same proper name of a
    happening written next to each date (:func:`_dated_names`: "the Battle of X" on the 20th
    in one page and on the 25th in another).

    Each of the two events gets the conflict (its own date against the other's), so that the
    disagreement shows on both records."""
    dated = [e for e in events if e.date is not None and e.mentions]
    by_type: dict[str, list[Event]] = defaultdict(list)
    for e in dated:
        by_type[e.type].append(e)
    words = {e.id: _content_words(e, texts) for e in dated}
    df: dict[str, int] = defaultdict(int)
    for ws in words.values():
        for w in frozenset().union(*ws):
            df[w] += 1
    rare = max(_RARE, int(_RARE_SHARE * len(dated)))
    anchors = {e.id: _anchor_words(e, texts) for e in dated}
    person_words = frozenset(  # canonical names: aliases carry titles ("King John")
        _stem(w.lower()) for p in people if p.kind == "person" for w in _WORD.findall(p.name)
    )
    out: list[Conflict] = []
    done: set[tuple[str, str]] = set()
    window = max(_NEAR_DAYS, 31 * _NEAR_MONTHS, 366)
    for _typ, es in sorted(by_type.items()):
        es.sort(key=lambda e: (e.date.earliest if e.date else 0, e.id))
        starts = [e.date.earliest if e.date else 0 for e in es]
        for i, a in enumerate(es):
            hi = bisect.bisect_right(starts, starts[i] + window)
            for b in es[i + 1 : hi]:
                shared = _alike(words[a.id], words[b.id], df, min_shared, rare)
                if people and not shared & (anchors[a.id] | anchors[b.id] | person_words):
                    continue  # only background words shared ("the king", a state): two acts
                if shared:
                    out.extend(_pair_conflicts(a, b, f"sharing the words {', '.join(sorted(shared)[:5])}", done))
    by_name: dict[str, list[Event]] = defaultdict(list)
    written: dict[str, str] = {}
    for e in dated:
        for name in _dated_names(e, texts):
            key = name.lower()
            written.setdefault(key, name)
            if e not in by_name[key]:
                by_name[key].append(e)
    for name, es in sorted(by_name.items()):
        # one event per date: the best attested of the events that give the name that date
        rep: dict[str, Event] = {}
        for e in sorted(es, key=_attested):
            assert e.date is not None
            rep.setdefault(e.date.value, e)
        reps = [rep[v] for v in sorted(rep)][:_MAX_NAMED]
        for i, a in enumerate(reps):
            for b in reps[i + 1 :]:
                out.extend(_pair_conflicts(a, b, f"both dating the {written[name]}", done))
    return out


def _attested(e: Event) -> tuple[int, int, str]:
    """Sort key: the event told by the most documents, then mentions, first."""
    return (-len({m.doc_id for m in e.mentions}), -len(e.mentions), e.id)


#: at most this many dates of one name are compared pairwise (bounded work)
_MAX_NAMED = 12


def _pair_conflicts(a: Event, b: Event, evidence: str, done: set[tuple[str, str]]) -> list[Conflict]:
    """The conflict on each of two events kept apart whose dates differ a little (see
    :func:`unmerged_date_conflicts`), or nothing."""
    assert a.date is not None and b.date is not None
    key = (min(a.id, b.id), max(a.id, b.id))
    if key in done:
        return []
    gap = _near(a.date, b.date)
    if gap is None:
        return []
    if {m.doc_id for m in a.mentions} & {m.doc_id for m in b.mentions}:
        return []  # one document tells both: two events
    ca, cb = _date_claims(a), _date_claims(b)
    if not ca or not cb:
        return []
    done.add(key)
    one_day = a.date.precision == "day" and gap == 1
    kind: ConflictKind = "unexplained"
    severity: Severity = "soft" if one_day or a.date.precision != "day" else "hard"
    why = (
        "one day apart: a time zone or a report dated the next day may explain it"
        if one_day
        else "no explanation found"
    )
    if not one_day and a.date.precision == "day":
        ex = explain_date_difference(a.date, b.date)
        if ex is not None and ex[0] == "calendar":
            kind, severity, why = "calendar", "soft", ex[1].rstrip(".")
    out: list[Conflict] = []
    for subj, own, other in ((a, ca, cb), (b, cb, ca)):
        assert subj.date is not None
        values = [
            ConflictValue(subj.date.value, tuple(own)),
            ConflictValue(other[0].value, tuple(other)),
        ]
        expl = (
            f"Sources date this event {a.date.value} and {b.date.value} (two records kept "
            f"apart, {evidence}): {why}."
        )
        out.append(_conflict(subj.id, "date", values, kind, severity, expl))
    return out


# --------------------------------------------------------------------------- party counts


@lru_cache(maxsize=1)
def _party_data() -> tuple[re.Pattern[str], tuple[str, ...]]:
    raw = load_yaml(
        resources.files("histograph").joinpath("data/conflict_words.yaml").read_text("utf-8")
    )
    nouns = "|".join(re.escape(str(n)) for n in raw["party_nouns"])
    pat = re.compile(rf"\b(\d{{1,3}})\s+(?:[A-Z][a-z]+\s+)?(?:{nouns})\b")
    return pat, tuple(str(t) for t in raw["party_count_types"])


def party_count_conflicts(events: Sequence[Event], texts: Mapping[str, str]) -> list[Conflict]:
    """Counts of the parties to one gathering that differ across documents ("delegations from
    32 countries" vs "27 nations attended"). A count belongs to the event of a
    ``party_count_types`` type that its document mentions (the first type of that list the
    document has, a gathering before a treaty), nearest to it; the conflict is
    soft (countries vs nationalities, delegations vs signatories are often counted
    differently)."""
    pat, types = _party_data()
    by_doc: dict[str, list[tuple[int, Event]]] = defaultdict(list)
    for e in events:
        if e.type in types:
            for m in e.mentions:
                by_doc[m.doc_id].append(((m.start + m.end) // 2, e))
    counts: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    subjects: dict[str, Event] = {}
    for doc_id, cands in sorted(by_doc.items()):
        for hit in pat.finditer(texts.get(doc_id, "")):
            n = int(hit.group(1))
            pos = hit.start()
            _, ev = min(
                cands, key=lambda c: (types.index(c[1].type), abs(c[0] - pos), c[1].id)
            )
            subjects[ev.id] = ev
            s, t = hit.span()
            counts[ev.id].append((n, Claim(ev.id, "count", str(n), doc_id, s, t)))
    out: list[Conflict] = []
    for eid, cs in sorted(counts.items()):
        docs_by_n: dict[int, set[str]] = defaultdict(set)
        for n, c in cs:
            docs_by_n[n].add(c.doc_id)
        if len(docs_by_n) < 2 or len({c.doc_id for _, c in cs}) < 2:
            continue
        values = [
            ConflictValue(str(n), tuple(c for m, c in cs if m == n)) for n in sorted(docs_by_n)
        ]
        expl = (
            f"Sources count the parties to {subjects[eid].title or eid} differently: "
            f"{', '.join(v.value for v in values)} (countries, nationalities, delegations and "
            "signatories are often counted differently)."
        )
        out.append(_conflict(eid, "participant_count", values, "unexplained", "soft", expl))
    return out
