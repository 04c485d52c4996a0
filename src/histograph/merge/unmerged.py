"""Date conflicts between events the merge kept apart: one act told with two dates.

:func:`unmerged_date_conflicts` pairs events of different pages whose dates of one precision
lie a little apart (at most a week — or exactly the Julian-Gregorian gap of their era —, a
month or a year) and that look like one act: of one
type with sentences alike that share the act's trigger word or a person (:func:`_alike`), or,
of any types, writing one proper name of a happening next to each date ("the Battle of X" on
the 20th in one page and on the 25th in another, :func:`_dated_names`). Days exactly the
Julian-Gregorian gap of their era apart are a soft ``calendar`` conflict (Old Style / New
Style); one day apart is soft (a time zone, a report dated the next day); otherwise hard.
An act alike several others at several dates is paired only with its best reading (the
Julian-Gregorian gap first, then the nearest date; :func:`_best_pairs`): the others are acts
in sequence. Each event of a pair gets the conflict, so that the disagreement shows on both
records.

:func:`title_date_conflicts`: a page's title that dates the page's act a few days away from
the record other pages date it by, when the merge filed the title under another record.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from ..datafile import load_yaml
from ..model import (
    Claim,
    Conflict,
    ConflictKind,
    ConflictValue,
    Event,
    EventMention,
    Person,
    Severity,
    TimeValue,
    civil_from_day,
)
from ..time.compare import explain_date_difference
from .conflicts import _conflict, distinct_claims
from .names import _stem as _root

__all__ = ["dates_near", "title_date_conflicts", "unmerged_date_conflicts"]


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    raw = load_yaml(
        resources.files("histograph").joinpath("data/conflict_words.yaml").read_text("utf-8")
    )
    return frozenset(str(w).lower() for w in raw["stopwords"])


_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")

#: largest gap between two readings of one date, per precision (in days; years for "year")
_NEAR_DAYS = 7
_NEAR_MONTHS = 1
#: a word in at most this many events (or this share of them) is distinctive
_RARE = 3
_RARE_SHARE = 1 / 6
#: each event is compared with at most this many events of its type dated next after it
#: (within the window of a year): a pair of readings of one date is among the nearest, and
#: one long document (a chronicle, a repetitive page) may date thousands of events of one
#: type within a year, whose pairs would grow as the square of its length
_MAX_LATER = 64


def _content_words(e: Event, texts: Mapping[str, str]) -> list[frozenset[str]]:
    """The content words of each mention of ``e`` (one set per mention)."""
    stop = _stopwords()
    out: list[frozenset[str]] = []
    for m in e.mentions:
        text = texts.get(m.doc_id, "")[m.start : m.end]
        words = (_stem(x.lower()) for x in _WORD.findall(text))
        out.append(frozenset(w for w in words if w not in stop))
    return out


#: British spellings written the American way, so that one word spelled both ways is one
#: word ("mobilisation" / "mobilization", "organised" / "organized", "honour" / "honor")
_SPELLING = (
    (re.compile(r"is(ation|ations|e|es|ed|ing)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"our(s?)$"), r"or\1"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A plural's singular, roughly ("missiles" -> "missile"), with a British spelling
    written the American way ("mobilisations" -> "mobilization"); other words as they are.
    Memoised: the words of every mention of an unmerged event are asked for again."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 6:
        for pat, rep in _SPELLING:
            word = pat.sub(rep, word)
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


def _one_digit_apart(a: int, b: int) -> bool:
    """Two day numbers written one digit apart: one added or dropped ("8" / "18"), or two
    swapped ("12" / "21") — the shape of a misprint, not of two readings of a clock."""
    x, y = sorted((str(a), str(b)), key=len)
    if len(y) == len(x) + 1:
        return any(y[:i] + y[i + 1 :] == x for i in range(len(y)))
    return len(x) == len(y) == 2 and x == y[::-1]


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
        if gap <= _NEAR_DAYS:
            return gap
        if (ya, ma) == (yb, mb) and _one_digit_apart(
            civil_from_day(a.earliest)[2], civil_from_day(b.earliest)[2]
        ):
            return gap  # a misprinted day ("8" / "18 January")
        ex = explain_date_difference(a, b)  # the Julian-Gregorian gap of the era
        return gap if ex is not None and ex[0] == "calendar" else None
    if a.precision == "month":
        gap = abs((ya * 12 + ma) - (yb * 12 + mb))
        return gap if gap <= _NEAR_MONTHS else None
    if a.precision == "year":
        return 1 if abs(ya - yb) == 1 else None
    return None


def dates_near(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Two dates that can be readings of one act's date: either unknown, one inside the
    other, or a little apart (:func:`_near`: a week or the calendar gap, a month, a year)."""
    if a is None or b is None or a.compatible(b):
        return True
    # a time of day compares as its day ("the night of 1 May" / "2 May")
    return _near(*_days(a, b)) is not None


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
    precision a little apart (at most a week or the calendar gap, a month or a year), and either of the same
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
    alike: list[tuple[Event, Event, str]] = []
    for _typ, es in sorted(by_type.items()):
        es.sort(key=lambda e: (e.date.earliest if e.date else 0, e.id))
        starts = [e.date.earliest if e.date else 0 for e in es]
        # each distinct date once: a long document dates many events alike, and _near of
        # two dates (which may ask the calendar of the era) is asked once per pair of dates
        slot: dict[TimeValue, int] = {}
        slots = [slot.setdefault(e.date, len(slot)) for e in es if e.date is not None]
        near: dict[tuple[int, int], bool] = {}
        for i, a in enumerate(es):
            # the next events of the type within the window, at most _MAX_LATER of them:
            # bounded work per event however many one long document dates alike
            hi = min(bisect.bisect_right(starts, starts[i] + window), i + 1 + _MAX_LATER)
            for j in range(i + 1, hi):
                b = es[j]
                assert a.date is not None and b.date is not None
                pair = (slots[i], slots[j])
                if pair not in near:
                    near[pair] = _near(a.date, b.date) is not None
                if not near[pair]:
                    # dates that cannot be readings of one date: the pair would rank last
                    # in _best_pairs and give no conflict, so its sentences (the costly
                    # part: every pair of one long document's same-dated events) are not compared
                    continue
                shared = _alike(words[a.id], words[b.id], df, min_shared, rare)
                if people and not shared & (anchors[a.id] | anchors[b.id] | person_words):
                    continue  # only background words shared ("the king", a state): two acts
                if shared:
                    alike.append((a, b, f"sharing the words {', '.join(sorted(shared)[:5])}"))
    for a, b, evidence in _best_pairs(alike):
        out.extend(_pair_conflicts(a, b, evidence, done))
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
    mains = _page_mains(dated)
    main_pairs = [
        (a, b, "each the main event of its page")
        for i, a in enumerate(mains) for b in mains[i + 1 :] if _main_alike(a, b)
    ]
    for a, b, evidence in _best_pairs(main_pairs):
        out.extend(_pair_conflicts(a, b, evidence, done))
    return out


#: a page with more main mentions than this is a chronology (about its entries): its main
#: events are many acts, not one page's subject
_MAX_PAGE_MAINS = 2


def _page_mains(dated: Sequence[Event]) -> list[Event]:
    """The dated events that are a page's own main event (its title, headline or lead:
    ``EventMention.main``), of pages that are not chronologies, each told by one page only
    (events several pages tell were kept apart on evidence), in id order."""
    per_doc: dict[str, set[str]] = defaultdict(set)
    for e in dated:
        for m in e.mentions:
            if m.main:
                per_doc[m.doc_id].add(e.id)
    keep = {i for ids in per_doc.values() if len(ids) <= _MAX_PAGE_MAINS for i in ids}
    return sorted(
        (e for e in dated if e.id in keep and len({m.doc_id for m in e.mentions}) == 1),
        key=lambda e: e.id,
    )


def _main_alike(a: Event, b: Event) -> bool:
    """Two pages' main events that can be one act: of one type,
    dated to the day a few days apart (at most a week, or the calendar gap of their era)."""
    if a.type != b.type:
        return False
    if a.date is None or b.date is None:
        return False
    da, db = _as_day(a.date), _as_day(b.date)
    if da is None or db is None:
        return False
    return _near(da, db) is not None


def _days(a: TimeValue, b: TimeValue) -> tuple[TimeValue, TimeValue]:
    """Two dates as days when one is to the day and the other to a time of that precision
    or finer ("1915-05-07T14" and "1915-05-08" compare as days); else as they are."""
    da, db = _as_day(a), _as_day(b)
    if da is not None and db is not None and a.precision != b.precision:
        return da, db
    return a, b


def _night_before(a: TimeValue, b: TimeValue) -> bool:
    """One date is a night ("the night of 1 May": ``TNI``) and the other the next day."""
    for x, y in ((a, b), (b, a)):
        if x.value.endswith("TNI") and y.earliest == x.earliest + 1:
            return True
    return False


def _as_day(t: TimeValue) -> TimeValue | None:
    """A date to the day or finer as its day ("1915-05-07T14" -> 1915-05-07); else None."""
    if t.precision == "day":
        return t
    if t.precision == "time" and t.earliest == t.latest:
        return replace(t, value=t.value[:10], precision="day")
    return None


def _pair_rank(a: Event, b: Event) -> tuple[int, int]:
    """How well two dates read as one date told two ways: the Julian-Gregorian gap of their
    era first (an explained difference), then the nearest."""
    assert a.date is not None and b.date is not None
    gap = _near(a.date, b.date)
    if gap is None:
        return (2, 0)
    if a.date.precision == "day" and gap > 1:
        ex = explain_date_difference(a.date, b.date)
        if ex is not None and ex[0] == "calendar":
            return (0, gap)
    return (1, gap)


def _best_pairs(pairs: Sequence[tuple[Event, Event, str]]) -> list[tuple[Event, Event, str]]:
    """The pairs that are the best reading (:func:`_pair_rank`) for both of their events: an
    act alike two others at two dates ("20 September" like both "25 September" and "27
    September") is one date told two ways at most once — the others are acts in sequence."""
    best: dict[str, tuple[int, int]] = {}
    ranks = [_pair_rank(a, b) for a, b, _ in pairs]
    for (a, b, _), r in zip(pairs, ranks, strict=True):
        for e in (a, b):
            if e.id not in best or r < best[e.id]:
                best[e.id] = r
    return [p for p, r in zip(pairs, ranks, strict=True) if best[p[0].id] == r == best[p[1].id]]


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
    gap = _near(*_days(a.date, b.date))
    if gap is None:
        return []
    ca, cb = _date_claims(a), _date_claims(b)
    if not ca or not cb:
        return []
    if {c.doc_id for c in ca} & {c.doc_id for c in cb}:
        return []  # one document dates both: two events (an undated aside does not count)
    done.add(key)
    da, db = _days(a.date, b.date)
    one_day = da.precision == "day" and gap == 1
    kind: ConflictKind = "unexplained"
    severity: Severity = "soft" if one_day or da.precision != "day" else "hard"
    why = (
        "one day apart: a time zone or a report dated the next day may explain it"
        if one_day
        else "no explanation found"
    )
    if one_day and _night_before(a.date, b.date):
        why = "one day apart: the night of one day is the small hours of the next"
    if not one_day and da.precision == "day":
        ex = explain_date_difference(da, db)
        if ex is not None and ex[0] == "calendar":
            kind, severity, why = "calendar", "soft", ex[1].rstrip(".")
        elif gap > _NEAR_DAYS:
            why = "the day numbers differ by one digit, the shape of a misprint in one source"
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


# --------------------------------------------------------------------------- page titles

#: words of a title that say nothing of its act
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")


def _roots(text: str) -> frozenset[str]:
    stop = _stopwords()
    return frozenset(
        _verb_root(w) for w in _TITLE_WORD.findall(text) if w.lower() not in stop
    )


def _verb_root(word: str) -> str:
    return _root(word)  # "Declares" / "declared" -> "declar"


#: a heading this near the start of its page is the page's title
_TITLE_REACH = 400


def _is_title(m: EventMention, texts: Mapping[str, str]) -> bool:
    """The mention is the page's title: its title region, or a heading before any paragraph
    of text (the first lines of the page)."""
    if m.region_kind == "title":
        return True
    if m.region_kind != "heading" or m.start > _TITLE_REACH:
        return False
    before = texts.get(m.doc_id, "")[: m.start]
    return not any(len(line) > 120 for line in before.splitlines())


def title_date_conflicts(events: Sequence[Event], texts: Mapping[str, str]) -> list[Conflict]:
    """A page's title that dates the page's act differently from the pages that tell it
    ("X Declares War on Y - July 29" over sources saying 28 July), when the merge filed the
    title under another record: the title's mention (region ``title``, dated to the day) of
    an event and a record of the title's type that other pages date a few days away
    (:func:`_near`), whose sentences share the title's verb and one more of its words. The
    conflict is on that record: its date against the title's; one day apart is soft."""
    dated = [e for e in events if e.date is not None and e.date.precision == "day"]
    roots: dict[str, frozenset[str]] = {}
    out: list[Conflict] = []
    for f in events:
        for m in f.mentions:
            if m.time is None or m.time.precision != "day" or not _is_title(m, texts):
                continue
            if m.time_start is None or m.time_end is None:
                continue
            text = texts.get(m.doc_id, "")
            words = _roots(text[m.start : m.end])
            verb = _roots(text[m.trigger_start : m.trigger_end])
            # the words the title shares with the other mentions of its own record: a record
            # that shares no more is not the title's act told elsewhere
            home = len(words & frozenset().union(
                *(_roots(texts.get(x.doc_id, "")[x.start : x.end]) for x in f.mentions if x != m)
            ))
            best: Event | None = None
            for e in dated:
                assert e.date is not None
                if e.id == f.id or _near(e.date, m.time) is None:
                    continue
                if e.id not in roots:
                    roots[e.id] = frozenset().union(
                        *(_roots(texts.get(x.doc_id, "")[x.start : x.end]) for x in e.mentions)
                    )
                shared = words & roots[e.id]
                # the title's verb and another word; a title typed otherwise (a headline's
                # verb read as a noun) needs two more
                if not (verb & shared) or len(shared) < (2 if e.type == m.type else 3):
                    continue
                if len(shared) <= home:
                    continue
                if len({c.doc_id for c in _date_claims(e)}) < 2:
                    continue  # one page's record: no better attested than the title
                if best is None or _attested(e) < _attested(best):
                    best = e
            if best is None:
                continue
            assert best.date is not None
            own = _date_claims(best)
            title = Claim(best.id, "date", m.time.value, m.doc_id, m.time_start, m.time_end)
            gap = abs(best.date.earliest - m.time.earliest)
            severity: Severity = "soft" if gap == 1 else "hard"
            values = [
                ConflictValue(best.date.value, tuple(own)),
                ConflictValue(m.time.value, (title,)),
            ]
            expl = (
                f"The sources date this event {best.date.value}; a page's title dates it "
                f"{m.time.value}" + (" (one day apart: a time zone or a report dated the next "
                "day may explain it)." if gap == 1 else ".")
            )
            out.append(_conflict(best.id, "date", values, "unexplained", severity, expl))
    return out
