"""Large documents of every shape: words/s of each shape against ordinary prose, in one run.

    python benchmarks/largedoc.py [--mb 1] [--shape prose --shape dates ...] [--stages] [--json]
    python benchmarks/largedoc.py --mb 20 --shape oneline --prose-rate 3900   # prose not run again

Each shape is generated at ``--mb`` megabytes (and, with ``--grow``, at twice that too, to
show the growth exponent of each stage), then analysed in its own child process (its own
model load, excluded from the timing, and a clean peak-memory figure): reading (the
readers of ``histograph.ingest``), every stage of the per-document pipeline, and the merge
of the one document into an SQLite store. With ``--stages`` each stage's seconds are reported. The ratio of a
shape is its words/s divided by that of ``prose``; issue 10 asks for at least 0.5 at 20 MB,
or a refusal naming the limit (a shape refused at a documented limit, such as ``dates`` at
``MAX_DATES_PER_1000_WORDS``, is reported with the seconds and memory the refusal took).
Seconds are the child's CPU seconds (``time.process_time``): on a shared machine, wall
time measures the neighbours too; ``peak MB`` is the child's peak resident memory.

Shapes: ``prose`` (the sample corpus's pages concatenated), ``oneline`` (the same prose on
one line), ``repeated`` (one word), ``dates`` (nothing but numeric dates), ``front`` (a
front matter block that is most of the file), ``table`` (a Markdown table of dated rows),
``list`` (a Markdown bullet list of dated items) and ``nospace`` (one word without spaces).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ("prose", "oneline", "repeated", "dates", "front", "table", "list", "nospace")
MONTHS = ("January", "March", "May", "July", "September", "November")


def _prose(n: int) -> str:
    from histograph.ingest import IngestError, read_paths

    base = [
        d.text for d in read_paths([str(ROOT / "samples")]) if not isinstance(d, IngestError)
    ]
    out: list[str] = []
    size, i = 0, 0
    while size < n:
        t = base[i % len(base)]
        out.append(t)
        size += len(t) + 2
        i += 1
    return "\n\n".join(out)[:n]


def make(shape: str, n: int) -> tuple[str, str]:
    """(file name, text) of about ``n`` characters of the given shape."""
    rng = random.Random(7)
    if shape == "prose":
        return "prose.txt", _prose(n)
    if shape == "oneline":
        return "oneline.txt", " ".join(_prose(n).split())
    if shape == "repeated":
        return "repeated.txt", "history " * (n // 8)
    if shape == "dates":
        parts = []
        for _ in range(n // 11):
            parts.append(f"{rng.randrange(1, 29)}/{rng.randrange(1, 13)}/{rng.randrange(1000, 2100)}")
        return "dates.txt", " ".join(parts)
    if shape == "front":
        body = _prose(max(n // 20, 2000))
        front = "".join(f"k{i}: value {i}\n" for i in range((n - len(body)) // 16))
        return "front.md", "---\n" + front + "---\n" + body
    if shape == "table":
        rows = "".join(
            f"| {i % 28 + 1} {MONTHS[i % 6]} {1800 + i % 200} | row {i} | x |\n"
            for i in range(n // 34)
        )
        return "table.md", "| date | what | note |\n|---|---|---|\n" + rows
    if shape == "list":
        items = "".join(
            f"- {i % 28 + 1} {MONTHS[i % 6]} {1800 + i % 200}: the council met again.\n"
            for i in range(n // 50)
        )
        return "list.md", "# Chronology\n\n" + items
    if shape == "nospace":
        return "nospace.txt", "a" * n
    raise SystemExit(f"unknown shape {shape!r} (one of {', '.join(SHAPES)})")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(path: str, q: Any) -> None:
    """Read, analyse (stage by stage) and merge one file; put the figures (or one line
    saying what failed) on ``q``."""
    try:
        q.put(_run_one(path))
    except BaseException as exc:  # reported to the parent as one line
        q.put({"error": f"{type(exc).__name__}: {exc}"[:300], "peak_mb": _peak_mb()})


def _run_one(path: str) -> dict[str, Any]:
    from histograph.api import Histograph
    from histograph.ingest import IngestError, ReadOptions, read_paths
    from histograph.pipeline import DocumentLimitError, build, warm_up

    pipe = build()
    warm_up(pipe)
    stages: dict[str, float] = {}
    t0 = time.process_time()
    items = list(read_paths([path], ReadOptions(max_bytes=None)))
    stages["read"] = time.process_time() - t0
    doc = items[0]
    if isinstance(doc, IngestError):
        return {"error": doc.message, "peak_mb": _peak_mb()}
    words, chars = len(doc.text.split()), len(doc.text)
    # the pipeline as ingest runs it (a long document window by window), each stage's
    # seconds summed over the windows
    timed = [_timed(s, stages) for s in pipe.stages]
    pipe.stages = timed
    try:
        analysis = pipe.analyze(doc)
    except DocumentLimitError as exc:  # refused at a documented limit: how soon, and why
        return {
            "refused": str(exc),
            "seconds": time.process_time() - t0,
            "words": words,
            "chars": chars,
            "peak_mb": _peak_mb(),
            "stages": stages,
        }
    del doc, items
    t = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        hg = Histograph(str(Path(tmp) / "large.db"))
        hg.store.add_analysis(analysis)
        hg.rebuild()  # the merge and the knowledge written to SQLite
        hg.close()
    stages["store+merge"] = time.process_time() - t
    seconds = time.process_time() - t0
    return {
        "seconds": seconds,
        "words": words,
        "chars": chars,
        "peak_mb": _peak_mb(),
        "stages": stages,
    }


def _timed(info: Any, stages: dict[str, float]) -> Any:
    """The stage ``info`` with its function timed into ``stages[short name]``."""
    import dataclasses

    name = info.name.split(".")[1]
    fn = info.fn
    stages.setdefault(name, 0.0)

    def run(state: Any) -> None:
        t = time.process_time()
        fn(state)
        stages[name] += time.process_time() - t

    return dataclasses.replace(info, fn=run)


def measure(path: str, timeout: float) -> dict[str, Any]:
    """The child's figures, or an ``error`` saying why there are none (the child failed,
    died — killed for lack of memory, say — or ran past ``timeout`` seconds)."""
    import queue

    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=run_one, args=(path, q))
    start = time.monotonic()
    p.start()
    result: dict[str, Any] | None = None
    while result is None:
        try:
            result = q.get(timeout=1.0)
        except queue.Empty:
            if not p.is_alive():
                try:  # the result may have arrived just as the child ended
                    result = q.get(timeout=1.0)
                except queue.Empty:
                    code = p.exitcode
                    why = f"killed by signal {-code}" if code and code < 0 else f"exit code {code}"
                    why += " (9: most likely out of memory)" if code == -9 else ""
                    result = {"error": f"the worker ended without a result ({why})"}
            elif time.monotonic() - start > timeout:
                p.kill()
                result = {"error": f"no result within the time limit of {timeout:g} s (--timeout)"}
    p.join()
    q.close()
    q.join_thread()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mb", type=float, default=1.0, help="size of each document in MB")
    ap.add_argument("--shape", action="append", choices=SHAPES, help="shapes (default: all)")
    ap.add_argument("--grow", action="store_true", help="also at twice the size: exponents")
    ap.add_argument("--stages", action="store_true", help="seconds of each stage")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--timeout", type=float, default=3600.0, help="seconds before a document is given up"
    )
    ap.add_argument(
        "--prose-rate", type=float, metavar="WORDS_PER_S",
        help="prose's words/s from an earlier run at the same size (prose is then not run "
        "again unless asked for: at 20 MB it takes a quarter of an hour of CPU)",
    )
    args = ap.parse_args(argv)
    shapes = list(args.shape or SHAPES)
    if "prose" not in shapes and args.prose_rate is None:
        shapes.insert(0, "prose")
    sizes = [int(args.mb * 1_000_000)]
    if args.grow:
        sizes.append(sizes[0] * 2)
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for shape in shapes:
            for n in sizes:
                name, text = make(shape, n)
                path = Path(tmp) / name
                path.write_text(text, encoding="utf-8")
                r = measure(str(path), args.timeout)
                path.unlink()
                rows[f"{shape}@{n / 1e6:g}MB"] = r
                # each result as it comes (a long run stopped halfway keeps what it has)
                print(f"{shape}@{n / 1e6:g}MB {json.dumps(r)}", file=sys.stderr, flush=True)
    import math

    prose = {k.split("@")[1]: r for k, r in rows.items() if k.startswith("prose@")}
    if args.prose_rate is not None:
        for n in sizes:
            prose.setdefault(f"{n / 1e6:g}MB", {"words_per_s": args.prose_rate})
    for key, r in rows.items():
        if "error" in r:
            continue
        if "refused" in r:
            r["seconds"] = round(r["seconds"], 2)
            r["peak_mb"] = round(r["peak_mb"], 1)
            r["stages"] = {k: round(v, 2) for k, v in r["stages"].items()}
            continue
        r["words_per_s"] = round(r["words"] / max(r["seconds"], 1e-9), 1)
        p = prose[key.split("@")[1]]
        p_rate = p.get("words_per_s") or (
            p["words"] / max(p["seconds"], 1e-9) if "error" not in p else None
        )
        r["ratio_vs_prose"] = round(r["words_per_s"] / p_rate, 3) if p_rate else None
        r["seconds"] = round(r["seconds"], 2)
        r["peak_mb"] = round(r["peak_mb"], 1)
        r["stages"] = {k: round(v, 2) for k, v in r["stages"].items()}
        if args.grow and key.endswith(f"@{sizes[1] / 1e6:g}MB"):
            small = rows[key.split("@")[0] + f"@{sizes[0] / 1e6:g}MB"]
            if "error" not in small and small["seconds"] > 0 and r["seconds"] > 0:
                r["exponent"] = round(math.log(r["seconds"] / small["seconds"], 2), 2)
                r["stage_exponents"] = {
                    k: round(math.log(max(v, 1e-3) / max(small["stages"][k], 1e-3), 2), 2)
                    for k, v in r["stages"].items()
                }
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
        return 0
    print(f"{'document':<22}{'words':>10}{'seconds':>9}{'words/s':>10}{'vs prose':>9}{'peak MB':>9}")
    for key, r in rows.items():
        if "error" in r:
            print(f"{key:<22} no result: {r['error']}")
            continue
        if "refused" in r:
            print(f"{key:<22} refused after {r['seconds']} s ({r['peak_mb']} MB): {r['refused']}")
            continue
        line = (
            f"{key:<22}{r['words']:>10,}{r['seconds']:>9}{r['words_per_s']:>10,.0f}"
            f"{r['ratio_vs_prose'] if r['ratio_vs_prose'] is not None else '-':>9}"
            f"{r['peak_mb']:>9}"
        )
        if "exponent" in r:
            line += f"  exponent {r['exponent']}"
        print(line)
        if args.stages:
            st = r["stages"]
            print("    " + "  ".join(f"{k} {v}" for k, v in st.items()))
            if "stage_exponents" in r:
                print("    exp " + "  ".join(f"{k} {v}" for k, v in r["stage_exponents"].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
