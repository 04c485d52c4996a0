"""Queries at scale: a synthetic knowledge base of N events, then p50/p95 of every query.

    python benchmarks/scale.py --events 100000 [--db URL] [--json] [--no-add10] [--no-http]
    python benchmarks/kbscale.py --events 100000 ...          # the same

The knowledge base is built through the store's public write API, streamed: the SQL stores'
``bulk_load`` takes the chunks of :func:`synthetic.kb_chunks` (10,000 events each: documents
with their sentences and event mentions, events with mentions, claims with spans, conflicts;
people with the last chunk) in one transaction, so memory holds one chunk, not the knowledge
base (``--one-piece``: the whole in memory and one :meth:`Store.replace_knowledge`, as a merge
writes it; the memory store always). Nothing goes around the store. The text is synthetic but shaped like the real thing:
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
  the timeline's first view (``/``) and the most frequent participant's page
  (``page_person_frequent``) included;
- ``add10``: adding 10 real documents through :meth:`Histograph.add_documents` (analysis,
  then the merge of the components they reach: see :mod:`histograph.merge.incremental`),
  time and peak memory (tracemalloc). The build stores each document's component keys as a
  merge does (``keys_s``), so that the knowledge counts as merged. The synthetic events are
  not what a merge makes of their documents, so the first add rewrites the components it
  reaches; ``add10_again`` (10 more documents of the same years) shows a merged store and
  ``add10_other_era`` 10 documents of an era and people the knowledge base does not have
  (components of their own: the work of an add in proportion to what it touches, not N).

With ``--json`` the last line is one JSON object: ``events``, ``build_s`` (the store's
write, generation apart: ``generate_s``), ``build_events_per_s``, ``build_cpu_s`` (this
process's CPU seconds of generation and write), ``build_peak_rss_mb``, ``add10_s``,
``add10_peak_mb``, ``p50_ms``/``p95_ms`` (query name -> milliseconds, Python API),
``http_first_view_ms`` (the timeline page's first view, from a new app),
``http_p50_ms``/``http_p95_ms`` (the same over HTTP) and ``cpu_p95_ms``/``http_cpu_p95_ms``
(this process's CPU, p95: what a loaded machine's wall times hide).
"""

from __future__ import annotations

import argparse
import calendar
import gc
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from histograph.model import KnowledgeBase
from synthetic import CHUNK_DOCS, kb_chunks


def build_kb_from(chunks: Iterable[KnowledgeBase]) -> KnowledgeBase:
    """The chunks joined into one knowledge base (a store without a bulk path)."""
    parts = list(chunks)
    return KnowledgeBase(
        analyses=tuple(a for kb in parts for a in kb.analyses),
        events=tuple(e for kb in parts for e in kb.events),
        people=tuple(p for kb in parts for p in kb.people),
        conflicts=tuple(c for kb in parts for c in kb.conflicts),
    )


#: CPU milliseconds of this process (p95) by query, beside the wall times: on a machine
#: shared with others the wall time waits for them (SQLite works in this process; a
#: PostgreSQL server's work is not in it)
CPU_P95: dict[str, float] = {}


def _p95(times: list[float]) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def _timed(fn: Callable[[], Any], repeat: int, name: str = "") -> tuple[float, float]:
    fn()  # warm (page cache, statement cache)
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    if name:
        CPU_P95[name] = round(_p95(cpu), 1)
    return statistics.median(times), _p95(times)


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


def _day_exists(month: int, day: int) -> bool:
    """Whether some year has this month and day (29 February: leap years)."""
    return day <= calendar.monthrange(2000, month)[1]


def _md(month_day: tuple[int, int]) -> str:
    return f"{month_day[0]:02d}-{month_day[1]:02d}"


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
        # the builder's ids (kb_chunks numbers them), not a read of a million events
        event_ids = [f"event:{i:07d}" for i in range(args.events)]
        people_ids = [f"person:{k}" for k in range(max(50, args.events // 50))]
        n_conflicts = store.count_conflicts()
        store.close()
    else:
        store = open_store(target)
        counts = {"documents": 0, "people": 0, "conflicts": 0}
        event_ids, people_ids = [], []
        gen = [0.0]

        def stream() -> Iterator[KnowledgeBase]:
            """The chunks, counted, the time spent making them set apart."""
            t = time.perf_counter()
            for kb in kb_chunks(args.events, chunk_docs=args.chunk_docs):
                gen[0] += time.perf_counter() - t
                counts["documents"] += len(kb.analyses)
                counts["people"] += len(kb.people)
                counts["conflicts"] += len(kb.conflicts)
                event_ids.extend(e.id for e in kb.events)
                people_ids.extend(p.id for p in kb.people)
                yield kb
                t = time.perf_counter()

        t0, c0 = time.perf_counter(), time.process_time()
        bulk = getattr(store, "bulk_load", None)
        if bulk is not None and not args.one_piece:
            out["builder"] = "bulk_load (streamed chunks)"
            bulk(stream())
        else:  # the whole knowledge base in memory, one replace_knowledge
            out["builder"] = "replace_knowledge (one piece)"
            store.replace_knowledge(build_kb_from(stream()))
        build = time.perf_counter() - t0 - gen[0]
        # this process's CPU (SQLite works in it; a PostgreSQL server's work is not in it):
        # on a shared machine the wall time says as much about the others as about us
        out["build_cpu_s"] = round(time.process_time() - c0, 2)
        out["generate_s"] = round(gen[0], 2)
        out["build_s"] = round(build, 2)
        out["build_events_per_s"] = round(args.events / build)
        out["build_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        out.update(counts)
        n_conflicts = counts["conflicts"]
        if isinstance(store, IncrementalStore) and not args.no_add10:
            # what a merge writes too: component keys (only adding documents reads them),
            # chunk by chunk from the same (deterministic) stream
            t0 = time.perf_counter()
            for kb in kb_chunks(args.events, chunk_docs=args.chunk_docs):
                store.put_merge_keys(
                    {a.document.id: document_keys(a) for a in kb.analyses}, KEYS_VERSION,
                    merged=True,
                )
            out["keys_s"] = round(time.perf_counter() - t0, 2)
        gc.collect()
        store.close()

    rng = random.Random(7)
    hg = Histograph(open_store(target, readonly=not args.db))
    n = args.events
    deep = hg.timeline(limit=1, offset=max(0, n - n // 10))
    deep_id = deep[0].id if deep else None
    # the most frequent participant (in over half the events of the synthetic store): its
    # page walks the timeline for it; and the days that only some months have
    top = hg.facets(1).entities
    frequent = top[0].id if top else people_ids[0]
    late_days = [(m, d) for m in range(1, 13) for d in (29, 30, 31) if _day_exists(m, d)]
    pages: dict[str, Callable[[], Any]] = {
        "timeline_first": lambda: hg.timeline(limit=50),
        "timeline_offset": lambda: hg.timeline(limit=50, offset=rng.randrange(max(1, n - 50))),
        "timeline_after": lambda: hg.timeline(limit=50, after=deep_id),
        "decade": lambda: hg.timeline(
            start=str(y := rng.randrange(1000, 1990)), end=str(y + 9), limit=50
        ),
        "on_this_day": lambda: hg.on_this_day(f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
        "on_this_day_29_31": lambda: hg.on_this_day(_md(rng.choice(late_days))),
        "timeline_frequent_person": lambda: hg.timeline(entity=frequent, limit=50),
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
            a, b = _timed(fn, args.repeat, name)
        except (TypeError, AttributeError) as exc:  # a query this version does not offer
            print(f"{name}: skipped ({exc})", file=sys.stderr)
            continue
        p50[name], p95[name] = round(a, 1), round(b, 1)
        if not args.json:
            print(f"{name:18} p50 {a:8.1f} ms  p95 {b:8.1f} ms", flush=True)
    out["p50_ms"], out["p95_ms"] = p50, p95
    out["cpu_p95_ms"] = {k: CPU_P95[k] for k in p95}
    print(json.dumps(out), file=sys.stderr, flush=True)  # kept should a later stage fail

    if not args.no_http:
        from starlette.testclient import TestClient

        from histograph.web.app import create_app, settle

        client = TestClient(create_app(hg))
        settle()  # as `histograph serve` does once its app is made
        t0, c0 = time.perf_counter(), time.process_time()
        r = client.get("/")
        out["http_first_view_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        # this process's CPU of it (on a loaded machine the wall time waits for the others)
        out["http_first_view_cpu_ms"] = round((time.process_time() - c0) * 1000, 1)
        urls: dict[str, Callable[[], str]] = {
            "api_timeline": lambda: "/api/timeline?limit=50",
            "api_timeline_offset": lambda: f"/api/timeline?offset={rng.randrange(max(1, n - 50))}",
            "api_onthisday": lambda: f"/api/onthisday?date={rng.randint(1, 12):02d}-"
            f"{rng.randint(1, 28):02d}",
            "api_onthisday_29_31": lambda: f"/api/onthisday?date={_md(rng.choice(late_days))}",
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
            "page_person_frequent": lambda: f"/people/{frequent}",
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
                a, b = _timed(get, max(5, args.repeat // 3), name)
            except Exception as exc:  # one page's failure is reported, not fatal
                print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            h50[name], h95[name] = round(a, 1), round(b, 1)
            if not args.json:
                print(f"{name:22} p50 {a:8.1f} ms  p95 {b:8.1f} ms", flush=True)
        out["http_p50_ms"], out["http_p95_ms"] = h50, h95
        out["http_cpu_p95_ms"] = {k: CPU_P95[k] for k in h95}
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
    ap.add_argument(
        "--chunk-docs", type=int, default=CHUNK_DOCS,
        help=f"documents per chunk of the streamed build (default {CHUNK_DOCS}: 10k events)",
    )
    ap.add_argument(
        "--one-piece", action="store_true",
        help="build the whole knowledge base in memory and write it with one replace_knowledge",
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
