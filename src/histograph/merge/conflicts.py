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
- ``name`` (soft, ``naming``): pages calling one event by different names of one line of
  ``named_event_aliases`` ("the First World War" / "the Great War"), each name the trigger
  of its mention;
- ``date`` filed under a section or page whose dates do not contain the entry's own date
  (a timeline entry "June 1941" under the heading "1939"): soft, ``unexplained``; the entry's
  own date is kept. A heading that leaves a side open ("Before 1914", "Since 1945") contains
  every entry on that side;

:func:`one_page_two_acts` tells :mod:`histograph.merge.events` when a date conflict is none:
one page giving one act days weeks apart tells two acts the merge joined.

Elsewhere in this package: dates of events the merge kept apart (:mod:`.unmerged`), counts
and stated lengths (:mod:`.quantities`), a date or time
read on two clocks (:mod:`.timezones`), names spelled two ways (:mod:`.spellings`), titles
(:mod:`.person_conflicts`, :mod:`.people`), anachronisms (:mod:`.anachronism`).
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
    Severity,
    TimeValue,
    civil_from_day,
)
from ..time.durations import Duration, months_label
from ..time.durations import parse_duration as parse_duration  # re-exported
from .names import _name_aliases
from .names import _norm as _name_norm

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
    #: source_of's answers: the merge asks again for the spans of every claim of a mention
    _source_memo: dict[tuple[str, int, int], str] = field(default_factory=dict, repr=False)

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
        key = (doc_id, start, end)
        known = self._source_memo.get(key)
        if known is not None:
            return known
        doc, s, e = doc_id, start, end
        for _ in range(_MAX_HOPS):
            hop = self._copied_from(doc, s, e)
            if hop is None:
                break
            doc, s = hop
            e = s + (end - start)
        root = self.root(doc)
        found = self._source_memo[key] = self.original_of.get(root, root)
        return found

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


#: a heading that this many of a page's dated entries fall outside does not bound them
_LOOSE_HEADING = 2


def drop_loose_filings(conflicts: Sequence[Conflict]) -> list[Conflict]:
    """``conflicts`` without the ``filing`` conflicts of headings that do not bound their
    entries. One entry filed outside a heading's span ("June 1941" under "1917-1939") is a
    slip of the page; when several entries of one page lie outside the same heading, the
    heading names the page's subject or its main years (a battle's year over a chronology of
    its background and aftermath), not a span the entries claim to lie in, and none of them
    disagrees with it."""
    outside: dict[tuple[str, int, int], int] = defaultdict(int)
    for c in conflicts:
        if c.kind != "filing":
            continue
        for key in _filing_headings(c):
            outside[key] += 1
    return [
        c
        for c in conflicts
        if c.kind != "filing"
        or all(outside[key] < _LOOSE_HEADING for key in _filing_headings(c))
    ]


def _filing_headings(c: Conflict) -> set[tuple[str, int, int]]:
    """The heading claims of a filing conflict (every value but the entry's own, the last)."""
    return {(cl.doc_id, cl.start, cl.end) for v in c.values[:-1] for cl in v.claims}


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


# --------------------------------------------------------------------------- event names


@lru_cache(maxsize=1)
def _event_name_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every variant name of a named event (``named_event_aliases`` in
    ``data/event_types.yaml``), longest first, and each name's line (its first name)."""
    line_of = dict(_name_aliases())
    for first in set(line_of.values()):
        line_of[first] = first
    alts = sorted(line_of, key=len, reverse=True)
    body = "|".join(r"[\s'’.-]+".join(re.escape(w) for w in n.split()) for n in alts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I), line_of


def event_name_conflicts(events: Sequence[Event], texts: Mapping[str, str]) -> list[Conflict]:
    """One event that pages call by different names of one line of ``named_event_aliases``
    ("the First World War" / "the Great War"): a soft ``naming`` conflict on attribute
    ``name``. A name counts when it is the trigger of the event's mention (the mention is
    the name), not when the sentence only names the event as a backdrop; two pages must each
    use a name the other does not."""
    pat, line_of = _event_name_pattern()
    out: list[Conflict] = []
    for e in events:
        found: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
        written: dict[str, str] = {}
        for m in e.mentions:
            text = texts.get(m.doc_id, "")
            for hit in pat.finditer(text, m.start, m.end):
                s, t = hit.span()
                if t <= m.trigger_start or s >= m.trigger_end:
                    continue
                key = _name_norm(hit.group())
                if key not in line_of:
                    continue
                written.setdefault(key, " ".join(hit.group().split()))
                found[line_of[key]][key].append(Claim(e.id, "name", written[key], m.doc_id, s, t))
        for _line, forms in sorted(found.items()):
            docs = {k: {c.doc_id for c in cs} for k, cs in forms.items()}
            keys = sorted(forms)
            if not any(
                docs[a] - docs[b] and docs[b] - docs[a]
                for i, a in enumerate(keys)
                for b in keys[i + 1 :]
            ):
                continue
            values = [ConflictValue(written[k], tuple(distinct_claims(forms[k]))) for k in keys]
            expl = (
                "The sources call this event by different names ("
                + ", ".join(f"“{v.value}”" for v in values)
                + "): one event under several names, a difference of naming, not of fact."
            )
            out.append(_conflict(e.id, "name", values, "naming", "soft", expl))
    return out
