"""What adding ten documents costs as a knowledge base grows, stage by stage.

    python benchmarks/incremental.py [--events 10000 50000] [--shape episodes|giant]
                                     [--cache DIR] [--json]

For each size N it builds (once; cached in ``--cache`` by shape, size and seed) an SQLite
store of synthetic analyses merged from scratch (:meth:`Histograph.rebuild`), copies it,
stores ten two-sentence documents (their analyses, made the same way) and times
:meth:`Histograph.refresh` — the merge an ingest runs after storing what it analysed. The
analysis of the ten documents (spaCy) is the same at every N and is left out.

Shapes:

* ``episodes`` (realistic): many independent episodes. Each episode is a cast of two or three
  people of its own, a place and four events within a few weeks; five pages tell it, each in
  two sentences naming two of its events. So N events are about 1.25 N pages, and the
  components of the corpus are the episodes (and the episodes whose days and event groups
  happen to meet). Five of the ten added pages retell stored episodes, five start new ones.
* ``giant``: :func:`benchmarks.merge.generate` (a cast with Zipf-like popularity, pages
  about eras, twenty mentions each): the documents form one component, as on real corpora of
  one collection. The ten pages are two-sentence retellings of stored events.

The table gives CPU seconds (this process) of each stage, exclusive of the stages it calls:
``bookkeeping`` (which documents are new, origins), ``load`` (reading stored analyses),
``keys`` (component keys made and stored), ``closure`` (the components reached), ``copies``
(near-copies and copied passages), ``people``, ``event_merge``, ``merge_rest``
(the merge's conflict passes and assembly), ``canonical``, ``write`` (``replace_knowledge``)
and ``total``; with the number of documents re-merged.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import merge as gen
from histograph.model import (
    Analysis,
    Document,
    EntityMention,
    EventMention,
    KnowledgeBase,
    Participant,
    Region,
    TimeMention,
    TimeValue,
    civil_from_day,
    day_number,
)

STAGES = (
    "bookkeeping",
    "load",
    "keys",
    "closure",
    "copies",
    "people",
    "event_merge",
    "merge_rest",
    "canonical",
    "write",
)


# -- the episodes corpus ------------------------------------------------------------------
@dataclass
class _Episode:
    cast: list[tuple[str, str]]
    place: str
    events: list[tuple[str, int]]  # (type, day)


def _episode(rng: random.Random, serial: int) -> _Episode:
    types = sorted(gen.TYPE_WEIGHTS)
    weights = [gen.TYPE_WEIGHTS[t] for t in types]
    cast = [
        (gen._word(rng, 2), gen._word(rng, 2) + _code(serial * 3 + i))
        for i in range(rng.choice((2, 3)))
    ]
    start = rng.randint(gen._FIRST_DAY, gen._LAST_DAY)
    evs = [(rng.choices(types, weights)[0], start + rng.randint(0, 40)) for _ in range(4)]
    return _Episode(cast, gen._word(rng, 3) + _code(serial), sorted(evs, key=lambda e: e[1]))


def _code(n: int) -> str:
    """A distinct syllable tail per number (surnames and places of one episode alone)."""
    out = ""
    while True:
        n, r = divmod(n, len(gen._SYLLABLES))
        out += gen._SYLLABLES[r]
        if n == 0:
            return out


def _page(rng: random.Random, doc_id: str, ep: _Episode) -> Analysis:
    """Two sentences, each telling one event of the episode."""
    parts: list[str] = []
    pos = 0
    events: list[EventMention] = []
    times: list[TimeMention] = []
    ents: list[EntityMention] = []

    def put(s: str) -> int:
        nonlocal pos
        start = pos
        parts.append(s)
        pos += len(s)
        return start

    for typ, day in sorted(rng.sample(ep.events, 2), key=lambda e: e[1]):
        start = pos
        y, m, d = civil_from_day(day)
        tv: TimeValue
        if rng.random() < 0.7:
            tv, phrase = TimeValue(f"{y:04d}-{m:02d}-{d:02d}", day, day, "day"), (
                f"On {gen._MONTHS[m - 1]} {d}, {y}"
            )
        else:
            last = day_number(y + (m == 12), m % 12 + 1, 1) - 1
            tv = TimeValue(f"{y:04d}-{m:02d}", day_number(y, m, 1), last, "month")
            phrase = f"In {gen._MONTHS[m - 1]} {y}"
        s = put(phrase)
        times.append(TimeMention(doc_id, s, s + len(phrase), phrase, "DATE", tv, tv.value))
        put(", ")
        plist: list[Participant] = []
        for role, (given, family) in zip(("agent", "patient"), ep.cast, strict=False):
            name = f"{given} {family}" if rng.random() < 0.6 else family
            s = put(name)
            plist.append(Participant(name, role, s, s + len(name), key=f"{given} {family}"))
            ents.append(
                EntityMention(doc_id, s, s + len(name), name, "PERSON", f"{given} {family}")
            )
            put(" ")
            if len(plist) == 1:
                trig = rng.choice(gen._TRIGGERS[typ])
                tr_s = put(trig)
                tr_e = tr_s + len(trig)
                put(" ")
        put("in ")
        s = put(ep.place)
        ents.append(EntityMention(doc_id, s, s + len(ep.place), ep.place, "GPE", None))
        put(".\n")
        events.append(
            EventMention(
                doc_id,
                start,
                pos - 1,
                tr_s,
                tr_e,
                typ,
                time=tv,
                time_start=times[-1].start,
                time_end=times[-1].end,
                place=ep.place,
                participants=tuple(plist),
            )
        )
    text = "".join(parts)
    return Analysis(
        document=Document(doc_id, f"gen://{doc_id}", text, "txt"),
        regions=(Region(doc_id, 0, len(text), "narrative"),),
        times=tuple(times),
        entities=tuple(ents),
        events=tuple(events),
    )


def episodes_corpus(n_events: int, seed: int = 0) -> tuple[list[Analysis], list[Analysis]]:
    """About ``n_events`` events in episodes of five pages; and the ten pages to add."""
    rng = random.Random(seed)
    n_episodes = max(2, n_events // 4)
    eps = [_episode(rng, i) for i in range(n_episodes)]
    stored = [_page(rng, f"e{i:06d}p{j}", ep) for i, ep in enumerate(eps) for j in range(5)]
    new = [_page(rng, f"z-old{k}", eps[rng.randrange(n_episodes)]) for k in range(5)]
    new += [_page(rng, f"z-new{k}", _episode(rng, n_episodes + k)) for k in range(5)]
    return stored, new


def giant_corpus(n_events: int, seed: int = 0) -> tuple[list[Analysis], list[Analysis]]:
    """:func:`benchmarks.merge.generate` (about ``n_events`` mentions) and ten two-sentence
    retellings of its pages."""
    analyses = [  # the generator's copies keep their source's regions: their own here
        Analysis(
            document=a.document,
            regions=tuple(gen._retag(r, a.document.id) for r in a.regions),
            times=a.times,
            entities=a.entities,
            events=a.events,
        )
        for a in gen.generate(n_events, seed)[0]
    ]
    rng = random.Random(seed + 1)
    new = []
    for k in range(10):
        src = analyses[rng.randrange(len(analyses))]
        doc_id = f"z-giant{k}"
        em = [gen._retag(e, doc_id) for e in src.events[:2]]
        new.append(
            Analysis(
                document=Document(doc_id, f"gen://{doc_id}", src.document.text, "txt"),
                regions=tuple(gen._retag(r, doc_id) for r in src.regions),
                times=tuple(gen._retag(t, doc_id) for t in src.times),
                entities=tuple(gen._retag(e, doc_id) for e in src.entities),
                events=tuple(em),
            )
        )
    return analyses, new


# -- stage timing ---------------------------------------------------------------------------
@dataclass
class _Clock:
    """CPU time per stage, exclusive of the stages a stage calls."""

    spent: dict[str, float] = field(default_factory=dict)
    stack: list[str] = field(default_factory=list)
    mark: float = 0.0

    def _charge(self) -> None:
        now = time.process_time()
        if self.stack:
            top = self.stack[-1]
            self.spent[top] = self.spent.get(top, 0.0) + now - self.mark
        self.mark = now

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self._charge()
        self.stack.append(name)
        try:
            yield
        finally:
            self._charge()
            self.stack.pop()

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                return fn(*args, **kwargs)

        return timed


@contextmanager
def _patched(clock: _Clock, store: Any) -> Iterator[None]:
    import histograph.api as api
    import histograph.merge as hm
    import histograph.merge.incremental as inc

    targets: list[tuple[Any, str, str]] = [
        (api, "document_keys", "keys"),
        (api, "closure", "closure"),
        (api, "find_copies", "copies"),
        (api, "canonical", "canonical"),
        (api, "merge", "merge_rest"),
        (api, "_superseded", "bookkeeping"),
        (inc, "components", "closure"),
        (hm, "copied_passages", "copies"),
        (hm, "merge_people", "people"),
        (hm, "merge_events", "event_merge"),
    ]
    for name, stage in (
        ("analysis", "load"),
        ("analyses", "load"),
        ("analyses_of", "load"),
        ("put_merge_keys", "keys"),
        ("docs_without_merge_keys", "keys"),
        ("merge_keys", "closure"),
        ("merge_key_holders", "closure"),
        ("pending_documents", "bookkeeping"),
        ("document_origins", "bookkeeping"),
        ("incremental_ready", "bookkeeping"),
        ("generation", "bookkeeping"),
        ("replace_knowledge", "write"),
    ):
        if hasattr(store, name):
            targets.append((store, name, stage))
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in targets]
    try:
        for obj, name, stage in targets:
            setattr(obj, name, clock.wrap(stage, getattr(obj, name)))
        yield
    finally:
        for obj, name, fn in saved:
            if obj is store:
                delattr(obj, name)
            else:
                setattr(obj, name, fn)


# -- the run ----------------------------------------------------------------------------------
def _built(shape: str, n: int, seed: int, cache: Path) -> tuple[Path, list[Analysis], dict[str, Any]]:
    """The cached merged store of ``n`` events (built when missing) and the pages to add."""
    from histograph.api import Histograph

    make = episodes_corpus if shape == "episodes" else giant_corpus
    stored, new = make(n, seed)
    path = cache / f"incr-{shape}-{n}-{seed}.db"
    info: dict[str, Any] = {"documents": len(stored), "mentions": sum(len(a.events) for a in stored)}
    if path.exists():
        _rekeyed(path)
    else:
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        c0, t0 = time.process_time(), time.perf_counter()
        with Histograph(str(tmp)) as hg:
            hg.store.replace_knowledge(KnowledgeBase(analyses=tuple(stored)))  # one transaction
            hg.rebuild()
        info["build_s"] = round(time.perf_counter() - t0, 1)
        info["build_cpu_s"] = round(time.process_time() - c0, 1)
        tmp.rename(path)
    return path, new, info


def _rekeyed(path: Path) -> None:
    """Give a cached store made before a change of :data:`KEYS_VERSION` the component keys
    of this version (once, untimed): else the timed add would make the keys of every stored
    document (what a store of an older version pays once, on its first add) and read every
    stored analysis to do so. Its stored knowledge is kept: what an add costs does not
    depend on it."""
    from histograph.api import Histograph
    from histograph.merge.incremental import KEYS_VERSION, document_keys

    with Histograph(str(path)) as hg:
        store: Any = hg.store
        stale = store.docs_without_merge_keys(KEYS_VERSION)
        if stale:
            keys = {d: document_keys(a) for d in stale if (a := store.analysis(d)) is not None}
            store.put_merge_keys(keys, KEYS_VERSION, merged=True)


def warm_up(cache: Path) -> None:
    """One small add first, so that imports and caches are not timed at the first size."""
    from histograph.api import Histograph

    stored, new = episodes_corpus(40, seed=99)
    path = cache / f"incr-warm-up{os.getpid()}.db"
    path.unlink(missing_ok=True)
    with Histograph(str(path)) as hg:
        hg.store.replace_knowledge(KnowledgeBase(analyses=tuple(stored)))
        hg.rebuild()
        for a in new:
            hg.store.add_analysis(a)
        hg.refresh()
    for p in cache.glob(f"{path.name}*"):
        p.unlink()


def measure(shape: str, n: int, seed: int, cache: Path) -> dict[str, Any]:
    from histograph.api import Histograph

    path, new, info = _built(shape, n, seed, cache)
    work = path.with_name(f"{path.stem}-work{os.getpid()}.db")  # one per run
    shutil.copyfile(path, work)
    clock = _Clock()
    try:
        with Histograph(str(work)) as hg:
            events_before = hg.store.stats().get("events", 0)
            for a in new:
                hg.store.add_analysis(a)
            reached: list[int] = []
            import histograph.api as api

            real_merge_components = api.merge_components

            def counting(analyses: Any, *args: Any, **kwargs: Any) -> Any:
                reached.append(len(analyses))
                return real_merge_components(analyses, *args, **kwargs)

            api.merge_components = counting  # type: ignore[assignment]
            try:
                with _patched(clock, hg.store):
                    c0, t0 = time.process_time(), time.perf_counter()
                    clock.mark = c0
                    with clock.stage("other"):
                        hg.refresh()
                    cpu = time.process_time() - c0
                    wall = time.perf_counter() - t0
            finally:
                api.merge_components = real_merge_components  # type: ignore[assignment]
    finally:
        work.unlink(missing_ok=True)
    row: dict[str, Any] = {"shape": shape, "events": events_before, **info}
    row.update({s: round(clock.spent.get(s, 0.0), 3) for s in (*STAGES, "other")})
    row.update(
        total_cpu_s=round(cpu, 3), total_s=round(wall, 3), remerged_docs=sum(reached)
    )
    return row


def table(rows: list[dict[str, Any]]) -> str:
    cols = ["shape", "events", "documents", "remerged_docs", *STAGES, "other", "total_cpu_s"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        lines.append("| " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--events", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--shape", choices=("episodes", "giant"), default="episodes")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=Path("/tmp"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    warm_up(args.cache)
    rows = [measure(args.shape, n, args.seed, args.cache) for n in args.events]
    if len(rows) > 1 and rows[0]["total_cpu_s"]:
        ratio = rows[-1]["total_cpu_s"] / rows[0]["total_cpu_s"]
    else:
        ratio = None
    if args.json:
        print(json.dumps({"rows": rows, "ratio_last_first": ratio}))
    else:
        print(table(rows))
        if ratio is not None:
            print(f"add10 CPU ratio {rows[-1]['events']} / {rows[0]['events']} events: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
