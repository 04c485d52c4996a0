"""Reading event mentions for the merge: each :class:`~histograph.model.EventMention` of an
analysis becomes a :class:`histograph.merge.evidence._Mention` (:func:`_prepare`) with what
the merge compares: its date (or year-less month/day, or the narrative's guessed year), its
name, participants as people ids, trigger word and class, content words, framing, zoned
moment, definiteness, repetition, and the dates of the headings a list item sits under.
The rules that use them are described in :mod:`histograph.merge.events`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources

from ..datafile import load_yaml
from ..events import JOIN_ONLY_BELOW
from ..events.structure import Structure
from ..events.types import EventTypes
from ..model import (
    Analysis,
    EventMention,
    Person,
    TimeMention,
    TimeValue,
)
from ..time.durations import parse_duration
from ..time.zones import instant, zoned_clock
from .evidence import (
    _TITLE_KINDS,
    FOUND_WITHOUT_ANCHOR,
    UNKNOWN_STATE,
    _day_level,
    _Mention,
    _partial,
    _participant_ids,
    _PeopleIndex,
    _time_mention,
    _time_of_day,
)
from .names import (
    _NAME_LINKS,
    _PLACE_LABELS,
    _heads,
    _name_aliases,
    _norm,
    _place_name,
    _stem,
)

_ANNOUNCE = re.compile(r"\b(announc\w*|publish\w*|report\w*|proclaim\w*|made public)\b", re.I)


_WORD = re.compile(r"[A-Za-z0-9]+")


_YEAR_WRITTEN = re.compile(r"\d{3,4}|'\d\d\b")


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
        places = sorted((e.start, e.end) for e in a.entities if e.label in _PLACE_LABELS)
        backdrop = _backdrop(text, a)
        sentence_of = _Sentences(a)
        embedded = _embedded(text, a.events) | backdrop
        passing = _in_passing(text, a)
        dates = _DatesIndex(a.times)
        for m0 in sorted(a.events, key=lambda e: (e.start, e.trigger_start, e.type)):
            typ = et.types.get(m0.type)
            if typ is None:
                continue
            own = dates.own_date(m0)
            m = (
                m0
                if own is None
                else replace(m0, time=own.value, time_start=own.start, time_end=own.end)
            )
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
            # a label beside another clause of its sentence ("The X crisis ends as ... agrees
            # on 28 October") does not take the date the sentence gives that clause
            # (a date written in the sentence stays: "at the Battle of X in September")
            borrowed = m0 in backdrop and not (
                m.time_start is not None
                and m.time_end is not None
                and sentence_of(m.start)[0] <= m.time_start
                and m.time_end <= sentence_of(m.start)[1]
            )
            time = m.time if asserted and not borrowed else None
            partial = _partial(tm) if asserted and time is None and not borrowed else None
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
                    sequel=time is None
                    and partial is None
                    and bool(_sequel().search(text[m.start : m.end])),
                    added=time is None and partial is None and _added(text, m),
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
                    in_title=m.region_kind in _TITLE_KINDS or _first_line(text, m.start, m.end),
                    announced=bool(_ANNOUNCE.search(ctx)),
                    time_of_day=_time_of_day(time),
                    words=_content_words(text, m, et) if asserted else frozenset(),
                    generic=m.type in et.fallback.generic_types,
                    entry=_entry(structure, m),
                    ordinal=_ordinal(text, m) if name is None else None,
                    contrasts=_contrasts(text, m) if name is None else frozenset(),
                    served=frozenset(
                        s
                        for p in parts
                        if p.startswith("p-")
                        for s in pidx.served.get(p, (UNKNOWN_STATE,))
                    ),
                    embedded=m0 in embedded and time is None and partial is None,
                    passing=m0 in passing and time is None and partial is None,
                    bare=_bare(text, m),
                )
            )
            order += 1
    _drop_common_words(out)
    return out


@functools.lru_cache(maxsize=1)
def _coreference_words() -> dict[str, object]:
    raw = load_yaml(
        resources.files("histograph").joinpath("data/coreference.yaml").read_text("utf-8")
    )
    return raw if isinstance(raw, dict) else {}


@functools.lru_cache(maxsize=1)
def _sequel() -> re.Pattern[str]:
    """``sequel_markers`` of data/coreference.yaml as one pattern."""
    raw = _coreference_words().get("sequel_markers") or []
    assert isinstance(raw, list)
    words = sorted((str(w) for w in raw), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


@functools.lru_cache(maxsize=1)
def _addition() -> re.Pattern[str]:
    """``addition_markers`` of data/coreference.yaml, ending right before a trigger."""
    raw = _coreference_words().get("addition_markers") or []
    assert isinstance(raw, list)
    words = sorted((str(w) for w in raw), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+$", re.I)


def _added(text: str, m: EventMention) -> bool:
    """The trigger follows an addition marker ("also agreed"): one more act."""
    return bool(_addition().search(text, max(m.start, m.trigger_start - 20), m.trigger_start))


@functools.lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    raw = _coreference_words().get("ordinals") or {}
    assert isinstance(raw, dict)
    return {str(k).lower(): int(v) for k, v in raw.items()}


@functools.lru_cache(maxsize=1)
def _ordinal_not() -> frozenset[str]:
    raw = _coreference_words().get("ordinal_not_counting") or []
    assert isinstance(raw, list)
    return frozenset(str(w).lower() for w in raw)


@functools.lru_cache(maxsize=1)
def _contrast_words() -> dict[str, str]:
    """``contrasts`` of data/coreference.yaml: word -> "group:value"."""
    raw = _coreference_words().get("contrasts") or {}
    assert isinstance(raw, dict)
    out: dict[str, str] = {}
    for group, words in raw.items():
        assert isinstance(words, dict)
        for w, v in words.items():
            out[str(w).lower()] = f"{group}:{v}"
    return out


_CONTRAST_RE = re.compile(r"\b([a-z]+)(?=\s+[a-z])")


def _contrasts(text: str, m: EventMention) -> frozenset[str]:
    """The contrast words qualifying a noun of the clause ("ordered partial mobilization":
    "extent:partial"), written in lower case (a capital is a title or a name: "General X's
    offensive"). A group the clause gives two values of ("partial, then general") is left
    out: the clause tells both happenings."""
    table = _contrast_words()
    found: dict[str, set[str]] = {}
    for hit in _CONTRAST_RE.finditer(text, m.start, m.end):
        v = table.get(hit.group(1))
        if v is not None:
            found.setdefault(v.partition(":")[0], set()).add(v)
    return frozenset(next(iter(vs)) for vs in found.values() if len(vs) == 1)


_ORDINAL_RE = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+([A-Za-z0-9]+)\s+([A-Za-z]+)", re.I)


def _ordinal(text: str, m: EventMention) -> int | None:
    """The number an ordinal gives the happening the clause tells: "in the first wave",
    "a second, harder message" ("the first time" is not a count of the happening)."""
    ords = _ordinals()
    ev = text[m.start : m.end].replace(",", " ")
    for hit in _ORDINAL_RE.finditer(ev):
        n = ords.get(hit.group(1).lower())
        if n is not None and hit.group(2).lower() not in _ordinal_not():
            return n
    return None


def _entry(structure: Structure | None, m: EventMention) -> int:
    """Start of the chronology entry holding ``m`` (a list item, or a line that opens with
    its date: "1844 The first ...", "01:23 - the button ..."); -1 when there is none."""
    if structure is None:
        return -1
    k = structure.line_at(m.start)
    if k is None:
        return -1
    line = structure.lines[k]
    if line.kind == "list_item" or line.label is not None:
        return line.start
    # a table row ("| 3 August | ... |") is an entry of the table
    return line.start if structure.text[line.start : line.end].lstrip().startswith("|") else -1


#: a bare mention is a name or noun phrase of at most this many words
_BARE_WORDS = 6


_NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w'’.-]*|[IVXLC]+|of|the|a|an|and|on|in|at|for|de|la|von)$")


def _bare(text: str, m: EventMention) -> bool:
    """The evidence is a name or a noun phrase ending in its trigger ("the Cold War", "the
    Battle of Hastings", "World War II", "civil war", "the treaty"), not a clause."""
    ev = text[m.start : m.end].strip(" \t\n.,;:!?")
    words = ev.split()
    if not words or len(words) > _BARE_WORDS:
        return bool(words) and _noun_of_name(text, m)
    trig = text[m.trigger_start : m.trigger_end].strip()
    if trig and ev.endswith(trig):
        return True
    return all(_NAME_WORD.match(w) for w in words) or _noun_of_name(text, m)


#: "the death of King Aldric the Bold": a noun, "of", and a name (at most this many words)
_OF_NAME_WORDS = 8
_OF_NAME = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z]")


def _noun_of_name(text: str, m: EventMention) -> bool:
    """The evidence is a noun phrase whose trigger noun is followed by "of" and a name, and
    nothing else ("the death of King Aldric the Bold", "the fall of Tarsk"): a name of its
    event as much as "the Battle of Tarsk" is."""
    if not (m.start <= m.trigger_start and m.trigger_end <= m.end):
        return False
    before = text[m.start : m.trigger_start].split()
    after = text[m.trigger_end : m.end].rstrip(" \t\n.,;:!?")
    words = after.split()
    if len(before) > 2 or any(not w.islower() for w in before) or not words:
        return False
    if len(before) + 1 + len(words) > _OF_NAME_WORDS or not _OF_NAME.match(after):
        return False
    return all(_NAME_WORD.match(w) for w in words[1:])


def _backdrop(text: str, a: Analysis) -> set[EventMention]:
    """Bare mentions (:func:`_bare`) in a running-text sentence that also tells another
    happening: "as the Cold War deepened, the two sides signed ...", "... the worst day of the
    Cuban Missile Crisis, when a plane was shot down". A name used in passing is the label
    or backdrop of what the sentence tells, not a statement that it happened there."""
    sents = sorted((s.start, s.end) for s in a.sentences)
    starts = [s for s, _ in sents]
    by_sentence: dict[int, list[EventMention]] = {}
    for m in a.events:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.end <= sents[k][1]:
            by_sentence.setdefault(k, []).append(m)
    out: set[EventMention] = set()
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        bare = [_bare(text, m) for m in group]
        clauses = [y for y, b in zip(group, bare, strict=True) if not b]
        if not clauses:
            continue
        for m, b in zip(group, bare, strict=True):
            if not b or m.region_kind != "narrative":
                continue
            # another clause of the sentence, with its own trigger (almost always the first)
            if any(
                not (y.trigger_start < m.trigger_end and m.trigger_start < y.trigger_end)
                for y in clauses
            ):
                out.add(m)
    return out


class _Sentences:
    """The sentence around an offset: (start, end), or the whole text when none holds it."""

    def __init__(self, a: Analysis) -> None:
        self.spans = sorted((s.start, s.end) for s in a.sentences)
        self.starts = [s for s, _ in self.spans]
        self.size = len(a.document.text)

    def __call__(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self.spans[k][1]:
            return self.spans[k]
        return (0, self.size)


_OPENER = re.compile(r"^[\W_]*$")


def _in_passing(text: str, a: Analysis) -> set[EventMention]:
    """Bare mentions (:func:`_bare`) that their running-text sentence does not open: the
    object or complement of what the sentence tells ("he was killed during the Cuban
    Missile Crisis", "a rivalry that culminated in the Battle of Hastings", "under the
    weight of near civil war"). Such a mention names its event in passing: it may tell an
    event no statement tells (with other such labels), but it adds nothing to an event that
    statements tell, and joined to one it would print the sentence about another act as a
    source of that event."""
    sents = sorted((s.start, s.end) for s in a.sentences)
    starts = [s for s, _ in sents]
    out: set[EventMention] = set()
    for m in a.events:
        if m.region_kind != "narrative":
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0 or m.end > sents[k][1]:
            continue
        if not _OPENER.match(text[sents[k][0] : m.start]) and _bare(text, m):
            out.add(m)
    return out


def _embedded(text: str, events: Sequence[EventMention]) -> set[EventMention]:
    """The bare mentions (:func:`_bare`) whose evidence lies inside the clause of another
    mention of the page with another trigger: "the crisis ended as the Soviets agreed",
    "the men who would write the Treaty of X". Such a mention is the label or backdrop of
    that clause; it does not tell that its event happened there."""
    out: set[EventMention] = set()
    spans = sorted(events, key=lambda e: (e.start, -e.end))
    starts = [e.start for e in spans]
    for m in events:
        width = m.end - m.start
        if width <= 0 or not _bare(text, m):
            continue
        # the clauses that open before it and are wider (a page's mentions rarely nest deep)
        k = bisect.bisect_right(starts, m.start)
        for y in reversed(spans[max(0, k - _NEST_LOOKBACK) : k]):
            if (
                y is not m
                and y.end >= m.end
                and y.end - y.start > width
                and not (y.trigger_start < m.trigger_end and m.trigger_start < y.trigger_end)
            ):
                out.add(m)
                break
    return out


#: how many earlier-opening mentions are looked at for one that holds a bare mention
_NEST_LOOKBACK = 12


def _content_words(text: str, m: EventMention, et: EventTypes) -> frozenset[str]:
    """Stemmed content words of a mention's evidence, without its date expression, light
    verbs, function words and month names."""
    skip = _skip_words(et.fallback.function_words, et.fallback.light)
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


#: (function words, light verbs) -> their union, made once per vocabulary, not per mention
#: (the two sets are kept as well, so that their ids stay theirs)
_SKIP: dict[tuple[int, int], tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}


def _skip_words(function_words: frozenset[str], light: frozenset[str]) -> frozenset[str]:
    key = (id(function_words), id(light))
    hit = _SKIP.get(key)
    if hit is None:
        hit = _SKIP[key] = (function_words, light, function_words | light)
    return hit[2]


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


class _DatesIndex:
    """The resolved DATE mentions of one document (not the page's own date), by start."""

    def __init__(self, times: Sequence[TimeMention]) -> None:
        self.dates = sorted(
            (t for t in times if t.kind == "DATE" and t.value is not None and not t.document_date),
            key=lambda t: t.start,
        )
        self.starts = [t.start for t in self.dates]

    def own_date(self, m: EventMention) -> TimeMention | None:
        """The one date written inside the mention's evidence, when the date the events
        stage gave it is written outside and disagrees ("the treaty with A (10 May 1701);
        the treaty with B was signed in 1702": the first is of 1701, not 1702)."""
        if m.time is None or m.time_start is None or m.time_end is None:
            return None
        if m.start <= m.time_start and m.time_end <= m.end:
            return None  # its date is written in its evidence
        k = bisect.bisect_left(self.starts, m.start)
        inside: list[TimeMention] = []
        while k < len(self.dates) and self.dates[k].start < m.end:
            if self.dates[k].end <= m.end:
                inside.append(self.dates[k])
            k += 1
        if len(inside) != 1:
            return None
        value = inside[0].value
        assert value is not None
        return None if value.compatible(m.time) else inside[0]


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


@functools.lru_cache(maxsize=1)
def _repetition() -> re.Pattern[str]:
    raw = load_yaml(
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


def _people_named(m: EventMention, pidx: _PeopleIndex) -> tuple[tuple[str, str], ...]:
    out = []
    for p in m.participants:
        pid = pidx.find(m.doc_id, p.start, p.end, p.key, p.name)
        cid = pid if pid is not None else "k:" + _norm(p.key or p.name)
        if cid not in {"k:", "p-"}:
            out.append((cid, p.name))
    return tuple(out)


def _first_line(text: str, start: int, end: int) -> bool:
    """A mention that is the document's first line, standing alone above more text (a
    headline), not the first sentence of a paragraph (a post or a letter that opens with it)."""
    if start != 0:
        return False
    nl = text.find("\n")
    return nl != -1 and "\n" not in text[:end] and not text[end:nl].strip()
