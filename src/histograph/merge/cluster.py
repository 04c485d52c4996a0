"""Blocking and clustering of event mentions (the first and second merge passes).

:func:`_cluster` compares each mention only with the clusters a blocking index
(:class:`_Index`: name, day and neighbouring days, month, year, person-in-year, document,
participant) returns, founders finest date first, and joins the best-scoring one
(:func:`histograph.merge.evidence._score`); :func:`_merge_duplicates` then folds whole
clusters that tell one event (:func:`histograph.merge.evidence._duplicates`). The rules are
described in :mod:`histograph.merge.events`, which builds events from the clusters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..model import (
    TimeValue,
    civil_from_day,
)
from .evidence import (
    _MAX_CALENDAR_GAP,
    _TITLE_KINDS,
    THRESHOLD,
    _actors_apart,
    _Cluster,
    _date_relation,
    _duplicates,
    _joiner_evidence,
    _label_of,
    _Mention,
    _name_words,
    _person_only_rival,
    _same_page_evidence,
    _same_predicate,
    _score,
)

#: at most this many candidate clusters are scored per mention (blocking keeps it small)
MAX_CANDIDATES = 64


#: dates wider than this many days are not put in date blocks (decades, centuries)
BLOCK_MAX_DAYS = 366 * 12


def date_blocked(tv: TimeValue | None) -> bool:
    """True when a date is narrow enough to block on: the clustering puts it in year (and
    finer) buckets, and :mod:`histograph.merge.incremental` in day buckets. A mention without
    such a date meets others through its participants, name and document only. The one test
    both use, so that the incremental merge's blocks are the clustering's."""
    return tv is not None and tv.latest - tv.earliest <= BLOCK_MAX_DAYS


class _Index:
    """Blocking keys -> clusters, per type group.

    A lookup visits the keys smallest bucket first (a day, a name, a document, a person in a
    year are selective; a whole year or a famous person is not) and stops at
    :data:`MAX_CANDIDATES` clusters, so each mention costs a bounded amount of work however
    large the corpus grows.

    Memory stays bounded per key too: a lookup never reads a bucket past its first
    :data:`MAX_CANDIDATES` distinct clusters (it stops when it has that many), so once a
    bucket holds them it is *full*: later clusters only count towards its size (which orders
    the lookup), as ``[appends not stored, last cluster appended]``. The buckets of a
    month, a year or a famous person, which grow with the corpus, stay small."""

    def __init__(self) -> None:
        self.by_group: dict[str, dict[str, list[int]]] = defaultdict(dict)
        self.full: dict[str, dict[str, list[int]]] = defaultdict(dict)

    def add(self, group: str, keys: Iterable[str], cid: int) -> None:
        by_key = self.by_group[group]
        full = self.full[group]
        for k in keys:
            over = full.get(k)
            if over is not None:
                if over[1] != cid:
                    over[0] += 1
                    over[1] = cid
                continue
            lst = by_key.get(k)
            if lst is None:
                by_key[k] = [cid]
            elif lst[-1] != cid:
                lst.append(cid)
                if len(lst) >= MAX_CANDIDATES and len(set(lst)) >= MAX_CANDIDATES:
                    full[k] = [0, cid]

    def get(self, group: str, keys: Iterable[str]) -> list[int]:
        by_key = self.by_group.get(group)
        if by_key is None:
            return []
        full = self.full[group]
        lists: list[tuple[int, list[int]]] = []
        for k in dict.fromkeys(keys):
            lst = by_key.get(k)
            if lst:
                over = full.get(k)
                lists.append((len(lst) + over[0] if over else len(lst), lst))
        seen: dict[int, None] = {}
        for size, lst in sorted(lists, key=lambda t: t[0]):
            if seen and size > MAX_CANDIDATES:
                break  # selective keys found candidates: an unselective one adds only noise
            for cid in lst:
                seen.setdefault(cid, None)
                if len(seen) >= MAX_CANDIDATES:
                    return list(seen)
        return list(seen)


def _year_keys(tv: TimeValue | None) -> list[str]:
    if tv is None or not date_blocked(tv):
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


# --------------------------------------------------------------------------- pre-tests
# Blocking returns up to :data:`MAX_CANDIDATES` clusters per lookup, and the denser the
# calendar the more of them share only a year (or a popular person) with the mention: most
# have a date the decision rules never join across. These two tests are the date rules of
# :func:`_score` and :func:`_duplicates` alone, asked first because they cost a comparison
# of two integers where the full rules cost a walk of both clusters' participants, places
# and words: each returns True only where the full rule would refuse, so the decisions are
# the same (with them, the work per mention stops growing with the density of the calendar).


def _dates_apart(x: _Mention, c: _Cluster) -> bool:
    """:func:`_score` refuses ``x`` for ``c`` on their dates alone: both dated (``x``
    asserted), neither date inside the other, not two days within a calendar's gap, and no
    member of ``c`` states a moment (a moment joins across a date line)."""
    t, core = x.time, c.core
    if not x.asserted or t is None or core is None or c.instants:
        return False
    if core.earliest <= t.earliest and t.latest <= core.latest:
        return False
    if t.earliest <= core.earliest and core.latest <= t.latest:
        return False
    return not (
        t.latest - t.earliest <= 1
        and core.latest - core.earliest <= 1
        and abs(t.earliest - core.earliest) <= _MAX_CALENDAR_GAP
    )


def _never_duplicates(a: _Cluster, b: _Cluster) -> bool:
    """:func:`_duplicates` refuses ``a`` and ``b`` on their dates alone: incompatible dates
    (no date relation) and no name in common."""
    return a.names.isdisjoint(b.names) and _date_relation(a.core, b.core) is None


# --------------------------------------------------------------------------- participants


def _same_date(x: _Mention, c: _Cluster) -> bool:
    """``x`` states the very date of ``c`` (not a date inside or around it)."""
    return x.time is not None and c.core is not None and x.time.value == c.core.value


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


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    index = _Index()

    def best(x: _Mention) -> _Cluster | None:
        cands = index.get(x.group, _keys(x))
        top: tuple[float, int] | None = None
        for cid in cands:
            c = clusters[cid]
            if _dates_apart(x, c):
                continue
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
        if not (
            x.generic  # (a catch-all mention must share wording: :func:`_score` asks it)
            or _name_words(x.parts) & _name_words(only.parts)
            or _same_predicate(x, only)
            or x.words & only.words
            or any(len(w) >= 5 and (w in x.lemma or x.lemma in w) for w in only.lemmas)
        ):
            # being the only one of its kind is no evidence by itself: "two commissions were
            # set up" is not the founding of a state because the corpus tells no other
            # founding (an actor, the predicate or a content word must agree)
            return None
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
        if _actors_apart(x, hits[0]):
            # the one event of its word class is another side's act ("the declaration was
            # sent to Serbia" is not the ultimatum another page says was sent to Berlin)
            return None
        return hits[0] if _score(x, hits[0], explain_ok=True, strict=False) is not None else None

    # a label inside another mention's clause neither founds nor joins an event
    mentions = [x for x in mentions if not x.embedded]
    founders = [x for x in mentions if x.can_found]
    dated = sorted(
        (x for x in founders if x.time is not None or x.partial is not None), key=_founder_key
    )
    undated = sorted(
        (x for x in founders if x.time is None and x.partial is None),
        key=_founder_key,
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
        # a dated mention too weak to found ("negotiations") joins only an event it names,
        # shares a participant with, or tells with the same predicate: type and date alone
        # ("the brink of nuclear war" beside "a plane was shot down") join a label to an act
        c = best(x)
        if c is not None and (_joiner_evidence(x, c) or _same_predicate(x, c) or _same_date(x, c)):
            add(c, x)
    for x in undated:
        c = best(x) or only_lexical(x) or only_cluster(x) or most_salient(x)
        if c is not None and x.passing and c.stated:
            # a label named in passing ("killed during the X crisis") adds nothing to the
            # event clauses state, and its sentence tells another act: dropped
            continue
        if c is not None and not _same_page_evidence(x, c):
            # an undated clause that meets an event of its own page through the page and
            # a country alone ("the collapse of the Union" beside its founding revolution)
            # tells another happening the collection cannot date: neither joined nor founded
            continue
        if c is None and x.repeated:
            # an undated "relations again broke down" kept out of the earlier occurrence
            # tells no event the collection can date: dropped
            continue
        if c is None and any(
            x.m.doc_id in clusters[cid].docs and _person_only_rival(x, clusters[cid])
            for cid in index.get(x.group, [f"d:{x.m.doc_id}"])
        ):
            # an undated clause that meets an event of its page through a person alone
            # ("Kennedy replied ..." beside his dated address) tells another of that
            # person's acts, which the collection cannot date: dropped
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
        if c is not None and _joiner_evidence(x, c) and not (x.passing and c.stated):
            add(c, x)
    return _merge_duplicates(clusters)


# --------------------------------------------------------------------------- duplicates


def _dup_keys(c: _Cluster) -> list[str]:
    keys = [f"n:{n}" for n in sorted(c.names)]
    keys += _year_keys(c.core)
    if c.core is not None and c.core.latest - c.core.earliest <= 366:
        # adjacent years (a date conflict between sources: 1919 vs 1920)
        y = civil_from_day(c.core.earliest)[0]
        keys += [f"y:{y - 1}", f"y:{y + 1}"]
    keys += [f"p:{p}" for p in sorted(c.parts) if p.startswith("p-")]
    return keys


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
        label = False
        for cid in list(seen)[:MAX_CANDIDATES]:
            d = by_id[cid]
            if cid in merged_into or d is c:
                continue
            # the date pre-test stands for _duplicates only: a label is told apart below
            if not _never_duplicates(c, d) and _duplicates(c, d):
                target = d
                break
            label = label or _label_of(c, d)
        if target is None and label:
            # a name heading its page's account of an act on the thing it names, no act of
            # its own (the act's cluster keeps the page): dropped
            merged_into[c.id] = -1
            continue
        owner = c
        if target is not None:
            for x in c.members:
                target.add(x)
            merged_into[c.id] = target.id
            owner = target
        for k in _dup_keys(owner):
            bucket = index[k]
            if len(bucket) <= MAX_CANDIDATES:  # past it the key is skipped: nothing to keep
                bucket.setdefault(owner.id, None)
    return [c for c in clusters if c.id not in merged_into]
