"""Queries at scale: a synthetic knowledge base of N events, then p50/p95 of every query.

    python benchmarks/scale.py --events 100000 [--db URL] [--json] [--no-add10] [--no-http]
    python benchmarks/kbscale.py --events 100000 ...          # the same

The knowledge base is built through the store's public write API in one
:meth:`Store.replace_knowledge` call (documents with their sentences and event mentions,
people with mentions, events with mentions, claims with spans, conflicts), as a merge writes
it; nothing goes around the store. The text is synthetic but shaped like the real thing:
about 20 events a document, each stated by one sentence ("On 3 May 1712, A met B in C."),
a fifth of them stated again by a second document, 2% with a date conflict between the two;
dates over a thousand years, mostly to the day, some to the month or year, some undated;
participants drawn from a cast of N/50 people with a few very frequent ones.

Then it measures, each query repeated (``--repeat``, default 30) at random positions:

- Python API (:class:`histograph.Histograph`): a timeline page of 50 at the start, at a
  random offset and by keyset (``after``) deep in the list, a decade, on-this-day, a people
  page, one person, one event, a search, a conflicts page, the facets;
- HTTP (the FastAPI app in-process through Starlette's TestClient: routing, serialising and
  templates included, sockets not): the same endpoints under ``/api/`` and the web pages,
  the timeline's first view (``/``) included;
- ``add10``: adding 10 real documents through :meth:`Histograph.add_documents` (analysis,
  then the merge of the components they reach: see :mod:`histograph.merge.incremental`),
  time and peak memory (tracemalloc). The build stores each document's component keys as a
  merge does (``keys_s``), so that the knowledge counts as merged. The synthetic events are
  not what a merge makes of their documents, so the first add rewrites the components it
  reaches; ``add10_again`` (10 more documents of the same years) shows a merged store and
  ``add10_other_era`` 10 documents of an era and people the knowledge base does not have
  (components of their own: the work of an add in proportion to what it touches, not N).

With ``--json`` the last line is one JSON object: ``events``, ``build_s``,
``build_events_per_s``, ``build_cpu_s`` (this process's CPU seconds of the build), ``add10_s``, ``add10_peak_mb``, ``p50_ms``/``p95_ms`` (query name ->
milliseconds, Python API) and ``http_p50_ms``/``http_p95_ms`` (the same over HTTP).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
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


def build_kb(n: int, seed: int = 1) -> KnowledgeBase:
    """A synthetic knowledge base of ``n`` events (see the module docstring)."""
    rng = random.Random(seed)
    n_docs = max(10, n // EVENTS_PER_DOC)
    n_people = max(50, n // 50)
    names = [f"Person{k} Surname{k}" for k in range(n_people)]
    person_ids = [f"person:{k}" for k in range(n_people)]
    # per document: list of (sentence text, event index, is second mention)
    doc_sentences: list[list[tuple[str, int, Any]]] = [[] for _ in range(n_docs)]
    events: list[dict[str, Any]] = []
    for i in range(n):
        date, said = _date(rng)
        a = min(int(rng.paretovariate(1.2)) - 1, n_people - 1)  # a few very frequent people
        b = rng.randrange(n_people)
        etype = TYPES[i % len(TYPES)]
        place = PLACES[rng.randrange(len(PLACES))]
        ev = {"date": date, "type": etype, "place": place, "who": (a, b), "mentions": []}
        events.append(ev)
        docs = [i // EVENTS_PER_DOC % n_docs]
        if rng.random() < 0.2:
            docs.append((docs[0] + 1 + rng.randrange(n_docs - 1)) % n_docs)
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
    # documents: the text is the sentences one a line
    analyses: list[Analysis] = []
    spans: list[list[tuple[int, int]]] = []
    doc_ids: list[str] = []
    for d, sents in enumerate(doc_sentences):
        text = f"Synthetic chronicle {d}\n\n" + "\n".join(s for s, _, _ in sents) + "\n"
        doc_ids.append(hashlib.sha256(text.encode()).hexdigest()[:32])
        pos = len(f"Synthetic chronicle {d}\n\n")
        sp = []
        for s, _, _ in sents:
            sp.append((pos, pos + len(s)))
            pos += len(s) + 1
        spans.append(sp)
        analyses.append((text, d))  # type: ignore[arg-type]  # replaced below
    mention_objs: dict[tuple[int, int], EventMention] = {}
    entity_mentions: dict[int, list[EntityMention]] = {}
    analyses_out: list[Analysis] = []
    for (text, d), sents in zip(analyses, doc_sentences, strict=True):  # type: ignore[misc]
        doc_id = doc_ids[d]
        doc = Document(doc_id, f"synthetic/chronicle-{d:07d}.txt", text, "txt", f"Chronicle {d}")
        evs = []
        ents = []
        for j, ((s, i, tv), (st, en)) in enumerate(zip(sents, spans[d], strict=True)):
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
                sentences=tuple(Sentence(doc_id, st, en) for st, en in spans[d]),
                entities=tuple(ents),
                events=tuple(evs),
            )
        )
    out_events: list[Event] = []
    conflicts: list[Conflict] = []
    for i, ev in enumerate(events):
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
    people = [
        Person(person_ids[k], names[k], (names[k], f"Surname{k}"),
               tuple(entity_mentions.get(k, ())))
        for k in range(n_people)
    ]
    return KnowledgeBase(
        analyses=tuple(analyses_out), events=tuple(out_events), people=tuple(people),
        conflicts=tuple(conflicts),
    )


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    fn()  # warm (page cache, statement cache)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


_CASTS = {
    "a": ("Karl Brandt", "Brandt", "Lusatia", "Dresden", "King Otto", "Leipzig"),
    "b": ("Karl Brandt", "Brandt", "Lusatia", "Dresden", "King Otto", "Leipzig"),
    "c": ("Aldo Verin", "Verin", "Tarsia", "Velmont", "Queen Ilse", "Norra"),
}


def _add10_docs(first_year: int = 1850, tag: str = "a") -> list[Any]:
    from histograph.ingest import read_text

    envoy, surname, state, city, ruler, town = _CASTS[tag]
    texts = []
    for k in range(10):
        y = first_year + k
        texts.append(
            f"Report {tag}{k}\n\nOn 12 March {y}, the envoy {envoy} signed a treaty with the"
            f" kingdom of {state} in {city}. Two days later the council of {state} ratified"
            f" it. On 2 April {y} {surname} met {ruler} in {town}."
        )
    return [read_text(t, uri=f"add10{tag}/{k}.txt") for k, t in enumerate(texts)]


def _timed_add(hg: Any, docs: list[Any]) -> tuple[float, float]:
    """Seconds and peak MB (tracemalloc) of one ``add_documents`` call."""
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    hg.add_documents(docs)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return round(seconds, 2), round(peak, 1)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from histograph.api import Histograph
    from histograph.merge.incremental import KEYS_VERSION, document_keys
    from histograph.store import IncrementalStore, open_store

    tmp = tempfile.TemporaryDirectory()
    target = args.db or str(Path(tmp.name) / "scale.db")
    out: dict[str, Any] = {"events": args.events, "db": "sqlite" if not args.db else args.db}
    if args.reuse:  # the store of an earlier run with the same --events: queries only
        store = open_store(target)
        out["reused"] = True
        event_ids = [r.id for r in store.events()]
        people_ids = [p.id for p in store.people()]
        n_conflicts = len(store.conflicts())
        store.close()
    else:
        t0 = time.perf_counter()
        kb = build_kb(args.events)
        out["generate_s"] = round(time.perf_counter() - t0, 2)
        store = open_store(target)
        t0, c0 = time.perf_counter(), time.process_time()
        store.replace_knowledge(kb)
        build = time.perf_counter() - t0
        # this process's CPU (SQLite works in it; a PostgreSQL server's work is not in it):
        # on a shared machine the wall time says as much about the others as about us
        out["build_cpu_s"] = round(time.process_time() - c0, 2)
        if isinstance(store, IncrementalStore):  # what a merge writes too: component keys
            t0 = time.perf_counter()
            store.put_merge_keys(
                {a.document.id: document_keys(a) for a in kb.analyses}, KEYS_VERSION, merged=True
            )
            out["keys_s"] = round(time.perf_counter() - t0, 2)
        out["build_s"] = round(build, 2)
        out["build_events_per_s"] = round(args.events / build)
        out["documents"] = len(kb.analyses)
        out["people"] = len(kb.people)
        out["conflicts"] = len(kb.conflicts)
        event_ids = [e.id for e in kb.events]
        people_ids = [p.id for p in kb.people]
        n_conflicts = len(kb.conflicts)
        del kb
        gc.collect()
        store.close()
        out["build_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

    rng = random.Random(7)
    hg = Histograph(open_store(target, readonly=not args.db))
    n = args.events
    deep = hg.timeline(limit=1, offset=max(0, n - n // 10))
    deep_id = deep[0].id if deep else None
    pages: dict[str, Callable[[], Any]] = {
        "timeline_first": lambda: hg.timeline(limit=50),
        "timeline_offset": lambda: hg.timeline(limit=50, offset=rng.randrange(max(1, n - 50))),
        "timeline_after": lambda: hg.timeline(limit=50, after=deep_id),
        "decade": lambda: hg.timeline(
            start=str(y := rng.randrange(1000, 1990)), end=str(y + 9), limit=50
        ),
        "on_this_day": lambda: hg.on_this_day(f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
        "people_page": lambda: hg.people(
            "person", limit=50, offset=rng.randrange(max(1, len(people_ids) - 50))
        ),
        "person": lambda: hg.person(rng.choice(people_ids)),
        "event": lambda: hg.event(rng.choice(event_ids)),
        "search": lambda: hg.search(f"Surname{rng.randrange(len(people_ids))}", 20),
        "conflicts_page": lambda: hg.conflicts(
            limit=50, offset=rng.randrange(max(1, n_conflicts - 50))
        ),
        "facets": lambda: hg.facets(200),
    }
    p50: dict[str, float] = {}
    p95: dict[str, float] = {}
    for name, fn in pages.items():
        try:
            a, b = _timed(fn, args.repeat)
        except (TypeError, AttributeError) as exc:  # a query this version does not offer
            print(f"{name}: skipped ({exc})", file=sys.stderr)
            continue
        p50[name], p95[name] = round(a, 1), round(b, 1)
        if not args.json:
            print(f"{name:18} p50 {a:8.1f} ms  p95 {b:8.1f} ms", flush=True)
    out["p50_ms"], out["p95_ms"] = p50, p95
    print(json.dumps(out), file=sys.stderr, flush=True)  # kept should a later stage fail

    if not args.no_http:
        from starlette.testclient import TestClient

        from histograph.web.app import create_app

        client = TestClient(create_app(hg))
        t0 = time.perf_counter()
        r = client.get("/")
        out["http_first_view_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        urls: dict[str, Callable[[], str]] = {
            "api_timeline": lambda: "/api/timeline?limit=50",
            "api_timeline_offset": lambda: f"/api/timeline?offset={rng.randrange(max(1, n - 50))}",
            "api_onthisday": lambda: f"/api/onthisday?date={rng.randint(1, 12):02d}-"
            f"{rng.randint(1, 28):02d}",
            "api_people": lambda: f"/api/people?offset={rng.randrange(max(1, len(people_ids) - 50))}",
            "api_person": lambda: f"/api/people/{rng.choice(people_ids)}",
            "api_event": lambda: f"/api/events/{rng.choice(event_ids)}",
            "api_search": lambda: f"/api/search?q=Surname{rng.randrange(len(people_ids))}",
            "api_conflicts": lambda: f"/api/conflicts?offset={rng.randrange(max(1, n_conflicts - 50))}",
            "api_facets": lambda: "/api/facets",
            "page_timeline": lambda: "/",
            "page_timeline_offset": lambda: f"/?offset={rng.randrange(max(1, n - 50))}",
            "page_onthisday": lambda: "/onthisday?date=05-14",
            "page_people": lambda: "/people",
            "page_person": lambda: f"/people/{rng.choice(people_ids)}",
            "page_event": lambda: f"/events/{rng.choice(event_ids)}",
            "page_search": lambda: f"/search?q=Surname{rng.randrange(len(people_ids))}",
            "page_conflicts": lambda: "/conflicts",
        }
        h50: dict[str, float] = {}
        h95: dict[str, float] = {}
        for name, url in urls.items():

            def get(url: Callable[[], str] = url, name: str = name) -> None:
                r = client.get(url())
                if r.status_code != 200:
                    raise RuntimeError(f"{name}: HTTP {r.status_code}")

            try:
                a, b = _timed(get, max(5, args.repeat // 3))
            except Exception as exc:  # one page's failure is reported, not fatal
                print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            h50[name], h95[name] = round(a, 1), round(b, 1)
            if not args.json:
                print(f"{name:22} p50 {a:8.1f} ms  p95 {b:8.1f} ms", flush=True)
        out["http_p50_ms"], out["http_p95_ms"] = h50, h95
        del r

    if not args.no_add10:
        hg.close()
        hg = Histograph(open_store(target))
        from histograph.pipeline import warm_up

        warm_up(hg.pipeline)  # spaCy and every stage's data loaded before the clock starts
        # the synthetic events are not what a merge makes of their documents: the first
        # add rewrites the components it reaches; the second shows a merged store
        out["add10_s"], out["add10_peak_mb"] = _timed_add(hg, _add10_docs(1850, "a"))
        out["add10_again_s"], out["add10_again_peak_mb"] = _timed_add(
            hg, _add10_docs(1860, "b")
        )
        # an era and a cast the knowledge base does not have: components of their own
        out["add10_other_era_s"], out["add10_other_era_peak_mb"] = _timed_add(
            hg, _add10_docs(712, "c")
        )
    else:
        out["add10_s"] = None
        out["add10_peak_mb"] = None
    hg.close()
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    tmp.cleanup()
    return out


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, required=True, help="events in the knowledge base")
    ap.add_argument("--db", help="a PostgreSQL URL (an empty database); default a new SQLite file")
    ap.add_argument("--repeat", type=int, default=30, help="timings per query (default 30)")
    ap.add_argument(
        "--reuse", action="store_true",
        help="--db holds the knowledge base of an earlier run: skip the build",
    )
    ap.add_argument("--no-add10", action="store_true", help="skip adding 10 documents")
    ap.add_argument("--no-http", action="store_true", help="skip the HTTP timings")
    ap.add_argument("--json", action="store_true", help="last line: one JSON object")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out = run(args)
    if args.json:
        print(json.dumps(out))
    else:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
