"""Synthetic knowledge bases built in one place, for the benchmarks and the tests.

- :func:`kb_chunks`: ``n`` events shaped like the real thing, at any size, as a stream of
  chunks of bounded size (the store benchmark ``benchmarks/kbscale.py``: documents with
  sentences and event mentions, people, claims with spans, conflicts); :func:`build_kb`
  joins them into one knowledge base;
- :func:`small_kb`: 130 events of every shape a query must get right (the store tests,
  ``tests/test_store_queries.py``, which import this module from ``benchmarks/``).

They are written through the store's public write API: :meth:`Store.replace_knowledge`, or
chunk by chunk through the SQL stores' bulk path ``bulk_load``.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from typing import Any

from histograph.model import (
    Analysis,
    Claim,
    Conflict,
    ConflictValue,
    Document,
    EntityMention,
    Event,
    EventMention,
    KnowledgeBase,
    Participant,
    Person,
    Sentence,
    TimeValue,
    day_number,
)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
TYPES = ("meeting", "treaty", "battle", "election", "recognition", "death", "birth", "visit")
PLACES = ("Aldmoor", "Brenholt", "Castrane", "Dunwick", "Elsford", "Farrowgate", "Gilmere")
EVENTS_PER_DOC = 20


def _date(rng: random.Random) -> tuple[TimeValue | None, str]:
    """A random date and how a sentence writes it."""
    year = rng.randint(1000, 1999)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    r = rng.random()
    if r < 0.05:
        return None, "Later"
    if r < 0.10:
        return (
            TimeValue(str(year), day_number(year, 1, 1), day_number(year, 12, 31), "year"),
            f"In {year}",
        )
    if r < 0.20:
        last = day_number(year + (month == 12), month % 12 + 1, 1) - 1
        return (
            TimeValue(f"{year}-{month:02d}", day_number(year, month, 1), last, "month"),
            f"In {MONTHS[month - 1]} {year}",
        )
    d = day_number(year, month, day)
    return (
        TimeValue(f"{year}-{month:02d}-{day:02d}", d, d, "day"),
        f"On {day} {MONTHS[month - 1]} {year}",
    )


#: documents a chunk of :func:`kb_chunks` holds (20 events each: 10,000 events a chunk)
CHUNK_DOCS = 500


def kb_chunks(n: int, seed: int = 1, chunk_docs: int = CHUNK_DOCS) -> Iterator[KnowledgeBase]:
    """A synthetic knowledge base of ``n`` events as a stream of chunks (see the module
    docstring): each chunk holds ``chunk_docs`` documents with their analyses, the events
    they state and those events' conflicts, citing only its own documents (an event stated
    twice is stated by two documents of one chunk); the people come with the last chunk
    (their mentions cite documents of earlier chunks). Memory: one chunk at a time and the
    cast (``n / 50`` people), so any ``n`` can be written through a store's
    :meth:`bulk_load`. Events are ``event:NNNNNNN`` numbered from 0, people ``person:K``."""
    rng = random.Random(seed)
    n_docs = max(10, n // EVENTS_PER_DOC)
    n_people = max(50, n // 50)
    names = [f"Person{k} Surname{k}" for k in range(n_people)]
    person_ids = [f"person:{k}" for k in range(n_people)]
    entity_mentions: dict[int, list[EntityMention]] = {}
    first_event = 0
    for c0 in range(0, n_docs, chunk_docs):
        c1 = min(n_docs, c0 + chunk_docs)
        last = c1 == n_docs
        stop = n if last else c1 * EVENTS_PER_DOC
        kb = _chunk(
            rng, range(first_event, stop), range(c0, c1), names, person_ids, entity_mentions
        )
        first_event = stop
        if last:
            people = tuple(
                Person(person_ids[k], names[k], (names[k], f"Surname{k}"),
                       tuple(entity_mentions.get(k, ())))
                for k in range(n_people)
            )
            kb = KnowledgeBase(
                analyses=kb.analyses, events=kb.events, people=people, conflicts=kb.conflicts
            )
        yield kb


def build_kb(n: int, seed: int = 1, chunk_docs: int = CHUNK_DOCS) -> KnowledgeBase:
    """A synthetic knowledge base of ``n`` events in one piece (:func:`kb_chunks` joined)."""
    analyses: list[Analysis] = []
    events: list[Event] = []
    people: list[Person] = []
    conflicts: list[Conflict] = []
    for kb in kb_chunks(n, seed, chunk_docs):
        analyses += kb.analyses
        events += kb.events
        people += kb.people
        conflicts += kb.conflicts
    return KnowledgeBase(
        analyses=tuple(analyses), events=tuple(events), people=tuple(people),
        conflicts=tuple(conflicts),
    )


def _chunk(
    rng: random.Random,
    event_range: range,
    doc_range: range,
    names: list[str],
    person_ids: list[str],
    entity_mentions: dict[int, list[EntityMention]],
) -> KnowledgeBase:
    """The documents ``doc_range`` and the events ``event_range`` (their first document
    is event // 20, the last document taking the rest), without people."""
    n_people = len(names)
    d0, nd = doc_range.start, len(doc_range)
    # per document of the chunk: list of (sentence text, event index, date stated)
    doc_sentences: list[list[tuple[str, int, Any]]] = [[] for _ in range(nd)]
    events: dict[int, dict[str, Any]] = {}
    for i in event_range:
        date, said = _date(rng)
        a = min(int(rng.paretovariate(1.2)) - 1, n_people - 1)  # a few very frequent people
        b = rng.randrange(n_people)
        etype = TYPES[i % len(TYPES)]
        place = PLACES[rng.randrange(len(PLACES))]
        ev = {"date": date, "type": etype, "place": place, "who": (a, b), "mentions": []}
        events[i] = ev
        docs = [min(i // EVENTS_PER_DOC - d0, nd - 1)]
        if nd > 1 and rng.random() < 0.2:
            docs.append((docs[0] + 1 + rng.randrange(nd - 1)) % nd)
        for k, d in enumerate(docs):
            conflicting = k == 1 and date is not None and rng.random() < 0.1
            use_date, use_said = (date, said)
            if conflicting:
                assert date is not None
                use_date = TimeValue(
                    date.value + "", date.earliest + 1, date.latest + 1, date.precision
                )
                use_said = said + " (or the day after)"
            text = f"{use_said}, {names[a]} met {names[b]} in {place} ({etype})."
            doc_sentences[d].append((text, i, use_date))
            ev["mentions"].append((d, len(doc_sentences[d]) - 1, conflicting))
    mention_objs: dict[tuple[int, int], EventMention] = {}
    analyses_out: list[Analysis] = []
    for d, sents in enumerate(doc_sentences):
        head = f"Synthetic chronicle {d0 + d}\n\n"
        text = head + "\n".join(s for s, _, _ in sents) + "\n"
        doc_id = hashlib.sha256(text.encode()).hexdigest()[:32]
        spans = []
        pos = len(head)
        for s, _, _ in sents:
            spans.append((pos, pos + len(s)))
            pos += len(s) + 1
        doc = Document(
            doc_id, f"synthetic/chronicle-{d0 + d:07d}.txt", text, "txt", f"Chronicle {d0 + d}"
        )
        evs = []
        ents = []
        for j, ((s, i, tv), (st, en)) in enumerate(zip(sents, spans, strict=True)):
            a, b = events[i]["who"]
            pa = s.index(names[a])
            pb = s.index(names[b], pa + len(names[a]))
            trig = s.index(" met ") + 1
            parts = (
                Participant(names[a], "agent", st + pa, st + pa + len(names[a]), person_ids[a]),
                Participant(names[b], "patient", st + pb, st + pb + len(names[b]), person_ids[b]),
            )
            m = EventMention(
                doc_id, st, en, st + trig, st + trig + 3, events[i]["type"], tv,
                place=events[i]["place"], participants=parts,
            )
            mention_objs[(d, j)] = m
            evs.append(m)
            for p, k in ((parts[0], a), (parts[1], b)):
                em = EntityMention(doc_id, p.start, p.end, p.name, "PERSON", person_ids[k])
                ents.append(em)
                if len(entity_mentions.setdefault(k, [])) < 3:
                    entity_mentions[k].append(em)
        analyses_out.append(
            Analysis(
                document=doc,
                sentences=tuple(Sentence(doc_id, st, en) for st, en in spans),
                entities=tuple(ents),
                events=tuple(evs),
            )
        )
    out_events: list[Event] = []
    conflicts: list[Conflict] = []
    for i, ev in events.items():
        eid = f"event:{i:07d}"
        mentions = tuple(mention_objs[(d, j)] for d, j, _ in ev["mentions"])
        claims: list[Claim] = []
        by_value: dict[str, list[Claim]] = {}
        for m in mentions:
            if m.time is not None:
                c = Claim(eid, "date", m.time.value + ("+1" if m.time.earliest != (
                    ev["date"].earliest if ev["date"] else 0) else ""), m.doc_id, m.start, m.end)
                claims.append(c)
                by_value.setdefault(c.value, []).append(c)
            for p in m.participants:
                claims.append(Claim(eid, "participant", str(p.key), m.doc_id, p.start, p.end))
        if len(by_value) > 1:
            conflicts.append(
                Conflict(
                    f"conflict:{i:07d}", eid, "event", "date",
                    tuple(ConflictValue(v, tuple(cs)) for v, cs in by_value.items()),
                    explanation="The sources give different days.",
                )
            )
        a, b = ev["who"]
        docs = {m.doc_id for m in mentions}
        out_events.append(
            Event(
                eid, ev["type"], f"{names[a]} met {names[b]}", ev["date"], mentions,
                tuple(claims), ev["place"], (person_ids[a], person_ids[b]),
                support=len(docs), independent_support=len(docs),
            )
        )
    return KnowledgeBase(
        analyses=tuple(analyses_out), events=tuple(out_events), conflicts=tuple(conflicts)
    )


N_DOCS = 6
N_EVENTS = 130  # more than two default pages
NAMES = ["Ada Quill", "Bram Otter", "Cleo Marsh", "Dov Ferrant", "Esme Vale"]


def _shaped_date(i: int) -> TimeValue | None:
    """A spread of shapes: day, month, year, short interval, a long interval, undated."""
    y = 1700 + (i * 7) % 90
    m = 1 + i % 12
    d = 1 + (i * 5) % 28
    kind = i % 10
    if kind == 0:
        return None
    if kind == 1:
        first = day_number(y, m, 1)
        last = day_number(y + (m == 12), m % 12 + 1, 1) - 1
        return TimeValue(f"{y}-{m:02d}", first, last, "month")
    if kind == 2:
        return TimeValue(str(y), day_number(y, 1, 1), day_number(y, 12, 31), "year")
    if kind == 3:
        a = day_number(y, m, d)
        return TimeValue(f"{y}-{m:02d}-{d:02d}/P10D", a, a + 10, "interval")
    n = day_number(y, m, d)
    return TimeValue(f"{y}-{m:02d}-{d:02d}", n, n, "day")


def small_kb() -> KnowledgeBase:
    """A small knowledge base of every shape a query must handle: day, month, year and
    interval dates, undated events, an event lasting two centuries, events stated by two
    documents, conflicts (the correctness checks of ``tests/test_store_queries.py``)."""
    lines: list[list[tuple[str, int]]] = [[] for _ in range(N_DOCS)]
    for i in range(N_EVENTS):
        a, b = NAMES[i % 5], NAMES[(i * 3 + 1) % 5]
        lines[i % N_DOCS].append((f"Line {i}: {a} wrote to {b}.", i))
        if i % 4 == 0:  # stated again by another document
            lines[(i + 1) % N_DOCS].append((f"Also {i}: {a} wrote to {b}.", i))
    # one event lasting two centuries, so a late date range must still find it
    analyses: list[Analysis] = []
    mentions: dict[int, list[EventMention]] = {}
    people_mentions: dict[int, list[EntityMention]] = {}
    for d, rows in enumerate(lines):
        text = "\n".join(t for t, _ in rows) + "\n"
        doc = Document(f"doc{d}", f"notes/{d}.txt", text, "txt", f"Notes {d}")
        sents, evs, ents = [], [], []
        pos = 0
        for t, i in rows:
            sents.append(Sentence(doc.id, pos, pos + len(t)))
            a, b = NAMES[i % 5], NAMES[(i * 3 + 1) % 5]
            pa = pos + t.index(a)
            pb = pos + t.index(b, t.index(a) + len(a))
            trig = pos + t.index("wrote")
            parts = (
                Participant(a, "agent", pa, pa + len(a), f"p{i % 5}"),
                Participant(b, "recipient", pb, pb + len(b), f"p{(i * 3 + 1) % 5}"),
            )
            m = EventMention(
                doc.id, pos, pos + len(t), trig, trig + 5, "letter", _shaped_date(i), participants=parts
            )
            evs.append(m)
            mentions.setdefault(i, []).append(m)
            for p in parts:
                em = EntityMention(doc.id, p.start, p.end, p.name, "PERSON", p.key)
                ents.append(em)
                people_mentions.setdefault(int(str(p.key)[1:]), []).append(em)
            pos += len(t) + 1
        analyses.append(
            Analysis(doc, sentences=tuple(sents), entities=tuple(ents), events=tuple(evs))
        )
    events: list[Event] = []
    conflicts: list[Conflict] = []
    for i in range(N_EVENTS):
        ms = tuple(mentions[i])
        date = _shaped_date(i)
        if i == 5:
            date = TimeValue("1600/1800", day_number(1600, 1, 1), day_number(1800, 1, 1), "interval")
        claims = tuple(
            Claim(f"e{i:03d}", "participant", str(p.key), m.doc_id, p.start, p.end)
            for m in ms
            for p in m.participants
        )
        events.append(
            Event(
                f"e{i:03d}", "letter" if i % 3 else "treaty", f"Letter {i}", date, ms, claims,
                participants=(f"p{i % 5}", f"p{(i * 3 + 1) % 5}"),
                support=len({m.doc_id for m in ms}),
                independent_support=len({m.doc_id for m in ms}),
            )
        )
        if i % 4 == 0 and i % 8 == 0:
            conflicts.append(
                Conflict(
                    f"k{i:03d}", f"e{i:03d}", "event", "participant",
                    tuple(ConflictValue(c.value, (c,)) for c in claims[:2]),
                )
            )
    people = [
        Person(f"p{k}", NAMES[k], (NAMES[k],), tuple(people_mentions.get(k, ())[:3]))
        for k in range(5)
    ]
    return KnowledgeBase(
        analyses=tuple(analyses), events=tuple(events), people=tuple(people),
        conflicts=tuple(conflicts),
    )
