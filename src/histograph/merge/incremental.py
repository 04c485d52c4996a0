"""Independent components of a corpus: the unit of incremental merging.

The merge reads a document's mentions together with those of the documents they may join:
people of one surname (or of one romanisation, or full names of the same given names whose
surnames are spellings one letter apart: :func:`_spelling_keys`), states and
places of one name, and event mentions of one type group whose dates the merge may join
(:func:`_date_keys`: the same date, a day either side, a date inside another told with the
same predicate, a shared participant within a calendar's gap), or an undated or loosely
dated mention and the mentions naming the same participant. :func:`document_keys` lists
these keys for one document, each with a role:
``EMIT`` (others may join it through the key), ``REACH`` (it may join others through the
key) or both. Documents that share a key some of them reach form one component
(:func:`components`, a union-find), and :func:`merge_components` merges each component on
its own and puts the results together: the knowledge base is, by definition, the union of
its components' merges (:func:`canonical` gives the order a store keeps them in).

That definition is what makes incremental work exact: adding, replacing or removing
documents changes only the components their keys reach (:func:`closure` finds them from the
stored keys), so re-merging those components and writing their rows gives the same
knowledge base as a merge from scratch. Two components whose merges produce a record with
the same id (two people given one name by an authority file) are merged together
(deterministically, whatever the order documents arrived in).

What an add reads besides its components is bounded too: the documents still to merge, their
missing keys and the earlier versions they replace come from indexes (store migration 12),
and the store places the people and conflicts it writes among the kept ones by bisection
(:func:`histograph.store.diff.neighbours`) instead of reading every row.

Locality: a key names a pair of mentions the merge may join, never a mere closeness in
time. Day buckets (keys version 3: every dated mention in 16-day buckets) chained the pages
of a timeline through their neighbours, so a growing collection became one component:
``benchmarks/incremental.py``'s 62,500 pages of 12,500 independent episodes over three
centuries formed one component of 46,130 pages. With the keys of :func:`_date_keys` they
form 2,641, the largest 495 pages, and an add of ten pages re-merges 750 of them (55 at
12,500 pages: the denser calendar has more pages of one type, month and predicate, which the
merge does compare): add10 costs 0.24 CPU s at 9.5k events and 1.6 s at 47k (medians of
three runs; it was 113 s). Per page re-merged that is 4.4 ms at 9.5k and 2.1 ms at 47k
(fixed costs weigh more on 55 pages than on 750; the copy prints of pages read from the
store come from their stored regions, not marked again, and their analyses are read
together): what grows is the component, not the work per page. It grows with the density of the calendar: pages of one
type group meet through a month and a predicate (``m:``: without those keys ten random
pages of the 62,500 reach 355 pages instead of 725) and through one day (``e:``, 635).
The merge's figures on every evaluated corpus are unchanged. The keys pair mentions; the
merge compares a mention with a cluster, whose words, places and participants gather those
of its members: a join through a member the keys do not pair the mention with is made only
when other keys put both in one component (rare: no evaluated corpus changed).

Spelling keys (keys version 5): a key for every one-letter-shorter spelling of every surname
of four letters or more paired people the people merge never joins (different given names, a
bare surname, a short one): on the 27 pages of the shared eval-wide corpus they were 735 of
3,752 key rows, now 282 of 3,299 (:func:`_spelling_keys`); in the episodes above, where
every person has a full name and a long surname, an add of ten pages at 62,500 re-merges 695
pages instead of 750 (2,712 components instead of 2,643). What an add re-merges still grows
with the calendar's density, through keys that pair what the decision rules do join: two
mentions of one type group on the same day, or in one month with one predicate, are one event
with nothing else shared (:func:`histograph.merge.evidence._score`). Dropping the neighbour
days of mentions that state no moment, or the predicate's words other than the trigger's last
one, changes the reach of ten random pages by less than 6 %: a narrower component needs a
merge that asks more than type and date of two pages.

Still global: the unit is the document, and a page about an era names many people, states
and days: on a real collection of one subject the documents still form one component
(``--shape giant``), and there an add re-merges everything. Finer units need a merge whose
decisions are local to blocks of mentions (type group x date, people by surname) and
records written per block: an undated mention may join the only cluster of its group, the
one sharing its trigger's word class, or the one most documents tell; a page's mentions meet
through the page in any block; states and people are gathered from every document; copies
are found across all documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..entities.lexicon import norm
from ..entities.names import byname, parse_name, translit_key
from ..model import (
    Analysis,
    EventMention,
    KnowledgeBase,
    TimeValue,
    civil_from_day,
    conflict_order,
    entity_order,
)
from .cluster import date_blocked
from .names import _heads, _stem
from .people import _SPELLING_MIN

if TYPE_CHECKING:
    from ..events.types import EventTypes

#: the version of :func:`document_keys`: stored keys of another version are made again
KEYS_VERSION = 5

EMIT = 1
REACH = 2
BOTH = EMIT | REACH

#: two dates of a shared participant this many days apart may be one (a calendar's gap)
_CALENDAR_GAP = 14
#: spans this long are years: two of them a year apart may be one (with a participant)
_YEARLY = 300
_YEAR_APART = 367

_NUMERAL = re.compile(r"[ivxlc]+|\d+(?:st|nd|rd|th)?|jr|sr")
_ARTICLE = re.compile(r"^(?:the|la|le|les|el|al|die|der|das)\s+")

MergeFn = Callable[[Sequence[Analysis]], KnowledgeBase]


@lru_cache(maxsize=1)
def _types() -> EventTypes:
    from ..events.types import load_event_types

    return load_event_types()


def _group() -> Callable[[str], str]:
    return _types().group


def _surname_keys(word: str) -> list[str]:
    """A surname and its romanisation key."""
    return [f"s:{word}", f"t:{translit_key(word)}"]


def _spelling_keys(text: str) -> list[str]:
    """The keys that pair a person's name with the names the people merge may join to it as
    a spelling one letter apart (:func:`histograph.merge.people._join_spellings`): only a full
    name with a spelled-out first given name and a surname of at least
    :data:`~histograph.merge.people._SPELLING_MIN` letters joins so, and only a name with the
    very same given names. So each key holds the given names and one of the surname's
    one-letter-shorter spellings (or the surname itself): two surnames one edit apart share
    one. The merge compares only surnames with the same first letter, so the spelling without
    the first letter is left out (when the first two letters are the same, the spelling
    without the second is the same word). A surname-only mention ("Henderson") or an initial
    ("J. Henderson") never joins by spelling (its cluster's full name, on a page its surname
    key reaches, does), and shorter surnames never do: the keys of every surname of four
    letters or more, alone or not, were half the rows of the key table and paired people of
    different given names."""
    name = parse_name(text)
    word = name.surname
    if not name.given or len(name.given[0]) <= 1 or len(word) < _SPELLING_MIN:
        return []
    given = " ".join(name.given)
    keys = [f"s1:{given}|{word[:i]}{word[i + 1 :]}" for i in range(1, len(word))]
    keys.append(f"s1:{given}|{word}")
    return keys


def document_keys(a: Analysis) -> dict[str, int]:
    """The component keys of one document and their roles (see the module docstring)."""
    keys: dict[str, int] = {}

    def add(key: str, role: int) -> None:
        keys[key] = keys.get(key, 0) | role

    for m in a.entities:
        words = norm(m.text).split()
        if not words:
            continue
        if m.label == "PERSON":
            surnames = [words[-1]]
            if len(words) > 1 and _NUMERAL.fullmatch(words[-1]):
                surnames.append(words[-2])  # "Henry VIII", "Ford Jr": the name before it too
            if len(words) > 1 and byname(m.text) is not None:
                surnames.append(words[0])  # "Robert of Flanders" meets "Robert the Crusader"
            for surname in surnames:
                for k in _surname_keys(surname):
                    add(k, BOTH)
            for k in _spelling_keys(m.key or m.text):
                add(k, BOTH)
            if len(words) == 1:
                add(f"o:{words[0]}", BOTH)  # a one-word "person" the corpus may write as a place
        else:
            add(f"o:{_ARTICLE.sub('', ' '.join(words))}", BOTH)
            if m.key:
                add(f"k:{m.key}", BOTH)
    group = _group()
    for ev in a.events:
        g = group(ev.type)
        parts = {norm(p.key or p.name) for p in ev.participants if norm(p.key or p.name)}
        if ev.place:
            parts.add(f"@{norm(ev.place)}")
        t = ev.time
        if t is None or not date_blocked(t) or ev.modality != "asserted":
            for p in parts:  # reaches any mention of the same participant
                add(f"p:{g}:{p}", BOTH)
            continue
        for p in parts:
            add(f"p:{g}:{p}", EMIT)
        for k, role in _date_keys(g, t, _predicates(a.document.text, ev), parts):
            add(k, role)
    return keys


def _predicates(text: str, ev: EventMention) -> set[str]:
    """What the merge compares when two mentions share type and a date but nothing else
    (its "same predicate"): the stems of the trigger's words (cut to five letters), the
    lexical classes of its last word and the head-noun classes of the mention. A superset,
    so that every pair the merge may join on a predicate shares one."""
    words = text[ev.trigger_start : ev.trigger_end].split()
    preds = {f"w{_stem(w)[:5]}" for w in words}
    if words:
        preds |= {f"c{c}" for c in _types().lemma_classes_of(words[-1])}
    preds |= {f"h{h}" for h in _heads(text, ev)}
    return preds


def _months(first: int, last: int) -> range:
    y0, m0, _ = civil_from_day(first)
    y1, m1, _ = civil_from_day(last)
    return range(y0 * 12 + m0, y1 * 12 + m1 + 1)


def _date_keys(
    g: str, t: TimeValue, preds: Iterable[str], parts: Iterable[str]
) -> list[tuple[str, int]]:
    """The keys of a dated mention of type group ``g``: each names a pair of dates the
    merge may join, and none a mere closeness in time (which chains every page of a long
    timeline into one component):

    - the same date (``e:``): a day, or a coarser span with the same ends;
    - a day and the days either side (``d:``, reached only: a moment near midnight in two
      time zones; two days one apart are not chained through a third);
    - a date inside another with the same predicate (``m:``, by month of the coarser span;
      a finer date only emits the month it falls in);
    - a shared participant within the gap the merge explains (a calendar's days, a year
      apart for years: ``q:``, by year)."""
    out: list[tuple[str, int]] = [(f"e:{g}:{t.earliest}:{t.latest}", BOTH)]
    preds = sorted(preds)
    if t.latest - t.earliest <= 1:
        for d in range(t.earliest - 1, t.latest + 2):
            out.append((f"d:{g}:{d}", BOTH if t.earliest <= d <= t.latest else REACH))
        role = EMIT
    else:
        role = BOTH
    for month in _months(t.earliest, t.latest):
        out += [(f"m:{g}:{p}:{month}", role) for p in preds]
    pad = _YEAR_APART if t.latest - t.earliest >= _YEARLY else _CALENDAR_GAP
    y0 = civil_from_day(t.earliest - pad)[0]
    y1 = civil_from_day(t.latest + pad)[0]
    for p in sorted(parts):
        out += [(f"q:{g}:{p}:{y}", BOTH) for y in range(y0, y1 + 1)]
    return out


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return sorted((sorted(v) for v in out.values()), key=lambda v: v[0])


def _by_key(keys: Mapping[str, Mapping[str, int]]) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for doc, ks in keys.items():
        for k, role in ks.items():
            out[k].append((doc, role))
    return out


def connecting(holders: Sequence[tuple[str, int]]) -> bool:
    """True when the documents holding one key are joined by it: one of them reaches it
    and another one holds it."""
    role = 0
    for _, r in holders:
        role |= r
    return role == BOTH and len(holders) > 1 and any(r & REACH for _, r in holders)


def components(keys: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """The documents (ids of ``keys``: doc id -> its keys) partitioned into components, each
    sorted, the components in the order of their first id."""
    uf = _UnionFind(keys)
    for holders in _by_key(keys).values():
        if connecting(holders):
            first = holders[0][0]
            for doc, _ in holders[1:]:
                uf.union(first, doc)
    return uf.groups()


def closure(
    seeds: Iterable[str],
    keys_of: Callable[[Sequence[str]], Mapping[str, Mapping[str, int]]],
    holders_of: Callable[[Sequence[str]], Mapping[str, Sequence[tuple[str, int]]]],
) -> dict[str, dict[str, int]]:
    """Every document in the components of ``seeds``, with its keys, found through the
    stored keys: ``keys_of(doc ids)`` -> doc -> keys, ``holders_of(keys)`` -> key ->
    [(doc, role)]. Work in proportion to the size of those components."""
    found: dict[str, dict[str, int]] = {}
    todo = list(dict.fromkeys(seeds))
    seen_keys: set[str] = set()
    while todo:
        got = keys_of(todo)
        new_keys: list[str] = []
        for doc in todo:
            ks = dict(got.get(doc, {}))
            found[doc] = ks
            new_keys.extend(k for k in ks if k not in seen_keys)
        new_keys = list(dict.fromkeys(new_keys))
        seen_keys.update(new_keys)
        todo = []
        for holders in holders_of(new_keys).values():
            if connecting(holders):
                todo.extend(d for d, _ in holders if d not in found)
        todo = list(dict.fromkeys(todo))
    return found


def _ids(kb: KnowledgeBase) -> set[tuple[str, str]]:
    return (
        {("event", e.id) for e in kb.events}
        | {("person", p.id) for p in kb.people}
        | {("conflict", k.id) for k in kb.conflicts}
    )


def merge_components(
    analyses: Sequence[Analysis],
    merge_one: MergeFn,
    keys: Mapping[str, Mapping[str, int]] | None = None,
) -> KnowledgeBase:
    """Merge each component of ``analyses`` with ``merge_one`` and put the results together
    (components whose records share an id are merged as one)."""
    by_id = {a.document.id: a for a in analyses}
    if keys is None:
        keys = {doc: document_keys(a) for doc, a in by_id.items()}
    groups = components({d: keys.get(d, {}) for d in by_id})
    merged: dict[str, KnowledgeBase] = {}  # first doc id of a component -> its merge
    members: dict[str, list[str]] = {}
    while True:
        for g in groups:
            if g[0] not in merged or members[g[0]] != g:
                merged[g[0]] = merge_one([by_id[d] for d in g])
                members[g[0]] = g
        owner: dict[tuple[str, str], str] = {}
        uf = _UnionFind(members)
        for first in sorted(members):
            for rid in _ids(merged[first]):
                other = owner.setdefault(rid, first)
                if other != first:
                    uf.union(other, first)
        joined = uf.groups()
        if all(len(j) == 1 for j in joined):
            break
        groups = [sorted(d for first in j for d in members[first]) for j in joined]
        merged = {g[0]: merged[g[0]] for g in groups if g[0] in merged and members[g[0]] == g}
        members = {k: members[k] for k in merged}
    parts = [merged[first] for first in sorted(merged)]
    if len(parts) == 1:
        return parts[0]
    return KnowledgeBase(
        analyses=tuple(a for p in parts for a in p.analyses),
        events=tuple(e for p in parts for e in p.events),
        people=tuple(x for p in parts for x in p.people),
        conflicts=tuple(k for p in parts for k in p.conflicts),
        copies=tuple(c for p in parts for c in p.copies),
    )


def canonical(kb: KnowledgeBase) -> KnowledgeBase:
    """``kb`` with its lists in the canonical order a store keeps (events by id, people by
    kind and name, conflicts by subject, copies by document): the same order whichever
    components were merged when."""
    return KnowledgeBase(
        analyses=tuple(sorted(kb.analyses, key=lambda a: a.document.id)),
        events=tuple(sorted(kb.events, key=lambda e: e.id)),
        people=tuple(
            sorted(kb.people, key=lambda x: entity_order(x.kind, x.name, x.authority_id, x.id))
        ),
        conflicts=tuple(
            sorted(
                kb.conflicts,
                key=lambda k: conflict_order(k.subject_kind, k.subject, k.attribute, k.id),
            )
        ),
        copies=tuple(sorted(kb.copies, key=lambda c: (c.doc_id, c.source_id))),
    )
