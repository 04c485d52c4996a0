"""Engines and stores at scale: words/s of the whole ingest, serial vs ``--jobs N`` vs Dask,
and the time to ingest a corpus into SQLite vs PostgreSQL.
With ``--events N`` it runs ``benchmarks/kbscale.py`` instead: queries at N events.

    python benchmarks/scale.py [--words 20000] [--jobs 2] [--corpus DIR ...] [--json]
    python benchmarks/scale.py --stores ../shared/eval-wide/docs --postgres postgresql://...

Engines (same documents as ``benchmarks/throughput.py``, each row in its own child process;
the process that times has run the pipeline once on a short text before the clock starts):

- ``serial``: :meth:`Histograph.add_documents` in one process;
- ``jobs N``: the process pool of ``--jobs N`` (it is created per call, so the timing
  includes starting N processes and loading spaCy in each);
- ``dask local (warm)``: a LocalCluster of N worker processes started and warmed (the
  pipeline run once on every worker) before timing, then ``add_documents(dask=engine)``;
- ``dask local (cold)``: ``add_documents(dask="local")`` as the command line runs it:
  cluster start and worker warm-up included.

Stores: ``histograph ingest DIR`` (reading, analysis, merge, writing) into a new SQLite file
and into the (empty) PostgreSQL database of ``--postgres``, serial, timed the same way.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import queue
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_CORPORA, load_texts


def run_engine(texts: list[tuple[str, str]], q: Any, engine: str, jobs: int) -> None:
    from histograph.api import Histograph
    from histograph.dask_engine import warm_up
    from histograph.ingest import read_text
    from histograph.pipeline import build

    warm_up(build())  # this process: spaCy and every stage's data loaded
    how: dict[str, Any] = {}
    cluster = None
    if engine == "jobs":
        how = {"jobs": jobs}
    elif engine == "dask-warm":
        from histograph.dask_engine import DaskEngine
        from histograph.merge.prepared import prepare_analysed
        from histograph.pipeline import build

        cluster = DaskEngine("local", workers=jobs)
        cluster.warm(build().names, task=prepare_analysed)
        how = {"dask": cluster}
    elif engine == "dask-cold":
        how = {"dask": "local", "jobs": jobs}
    with tempfile.TemporaryDirectory() as tmp:
        hg = Histograph(str(Path(tmp) / "bench.db"))
        docs = [read_text(t, uri=n) for n, t in texts]
        t0 = time.perf_counter()
        report = hg.add_documents(docs, **how)
        seconds = time.perf_counter() - t0
        hg.close()
    if cluster is not None:
        cluster.close()
    q.put({"seconds": seconds, "documents": len(report.added), "errors": len(report.errors)})


def run_store(corpus: str, q: Any, db: str) -> None:
    from histograph.api import Histograph
    from histograph.dask_engine import warm_up
    from histograph.pipeline import build

    warm_up(build())
    with tempfile.TemporaryDirectory() as tmp:
        target = db if db != "sqlite" else str(Path(tmp) / "bench.db")
        with Histograph(target) as hg:
            t0 = time.perf_counter()
            report = hg.ingest([corpus])
            seconds = time.perf_counter() - t0
            stats = hg.store.stats()
    q.put(
        {
            "seconds": seconds,
            "documents": len(report.added),
            "events": stats["events"],
            "errors": len(report.errors),
        }
    )


def measure(target: Any, *args: Any) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(args[0], q, *args[1:]))
    p.start()
    while True:  # a child that dies must not leave us waiting forever
        try:
            result: dict[str, Any] = q.get(timeout=5)
            break
        except queue.Empty:
            if not p.is_alive():
                raise SystemExit(f"{target.__name__}{args[1:]} failed (exit {p.exitcode})") from None
    p.join()
    return result


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if any(a == "--events" or a.startswith("--events=") for a in args_in):
        import kbscale  # queries over a synthetic knowledge base of N events

        return kbscale.main(args_in)
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--words", type=int, default=20_000, help="words of text to process")
    ap.add_argument("--corpus", type=Path, action="append", help="corpus folder(s)")
    ap.add_argument("--jobs", type=int, default=2, help="processes / Dask workers")
    ap.add_argument("--stores", help="instead: ingest this folder into SQLite and PostgreSQL")
    ap.add_argument("--postgres", help="an empty PostgreSQL database URL (with --stores)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result: dict[str, Any]
    if args.stores:
        rows = {"sqlite": measure(run_store, args.stores, "sqlite")}
        if args.postgres:
            rows["postgres"] = measure(run_store, args.stores, args.postgres)
        result = {"corpus": args.stores, "rows": rows}
    else:
        texts = load_texts(args.corpus or DEFAULT_CORPORA, args.words)
        words = sum(len(t.split()) for _, t in texts)
        rows = {
            "serial": measure(run_engine, texts, "serial", 1),
            f"jobs {args.jobs}": measure(run_engine, texts, "jobs", args.jobs),
            "dask local (warm)": measure(run_engine, texts, "dask-warm", args.jobs),
            "dask local (cold)": measure(run_engine, texts, "dask-cold", args.jobs),
        }
        for r in rows.values():
            r["words_per_s"] = round(words / r["seconds"], 1)
        result = {"documents": len(texts), "words": words, "rows": rows}
    for r in result["rows"].values():
        r["seconds"] = round(r["seconds"], 2)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        head = {k: v for k, v in result.items() if k != "rows"}
        print(", ".join(f"{k}: {v}" for k, v in head.items()))
        for name, r in result["rows"].items():
            print(f"{name:<20}" + "  ".join(f"{k}={v}" for k, v in r.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
