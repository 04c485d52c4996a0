"""Large documents of every shape: words/s of each shape against ordinary prose, in one run.

    python benchmarks/largedoc.py [--mb 1] [--shape prose --shape dates ...] [--stages] [--json]

Each shape is generated at ``--mb`` megabytes (and, with ``--grow``, at twice that too, to
show the growth exponent of each stage), then analysed in its own child process (its own
model load, excluded from the timing, and a clean peak-memory figure): reading (the
readers of ``histograph.ingest``), every stage of the per-document pipeline, and the merge
of the one document. With ``--stages`` each stage's seconds are reported. The ratio of a
shape is its words/s divided by that of ``prose``; issue 10 asks for at least 0.5 at 20 MB.

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
    """Read, analyse (stage by stage) and merge one file; put the figures on ``q``."""
    from histograph.ingest import IngestError, ReadOptions, read_paths
    from histograph.merge import merge
    from histograph.nlp import get_nlp
    from histograph.pipeline import build
    from histograph.state import DocState

    get_nlp()("warm up")
    pipe = build()
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    items = list(read_paths([path], ReadOptions(max_bytes=None)))
    stages["read"] = time.perf_counter() - t0
    doc = items[0]
    if isinstance(doc, IngestError):
        q.put({"error": doc.message})
        return
    state = DocState(document=doc, config={})
    for s in pipe.stages:
        t = time.perf_counter()
        s.fn(state)
        stages[s.name.split(".")[1]] = time.perf_counter() - t
    t = time.perf_counter()
    analysis = state.freeze()
    merge([analysis], [])
    stages["merge"] = time.perf_counter() - t
    seconds = time.perf_counter() - t0
    q.put(
        {
            "seconds": seconds,
            "words": len(doc.text.split()),
            "chars": len(doc.text),
            "peak_mb": _peak_mb(),
            "stages": stages,
        }
    )


def measure(path: str) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=run_one, args=(path, q))
    p.start()
    result: dict[str, Any] = q.get()
    p.join()
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
    args = ap.parse_args(argv)
    shapes = list(args.shape or SHAPES)
    if "prose" not in shapes:
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
                r = measure(str(path))
                path.unlink()
                rows[f"{shape}@{n / 1e6:g}MB"] = r
    import math

    prose = {k.split("@")[1]: r for k, r in rows.items() if k.startswith("prose@")}
    for key, r in rows.items():
        if "error" in r:
            continue
        r["words_per_s"] = round(r["words"] / max(r["seconds"], 1e-9), 1)
        p = prose[key.split("@")[1]]
        r["ratio_vs_prose"] = round(r["words_per_s"] / p["words_per_s"], 3)
        r["seconds"] = round(r["seconds"], 2)
        r["peak_mb"] = round(r["peak_mb"], 1)
        r["stages"] = {k: round(v, 2) for k, v in r["stages"].items()}
        if args.grow and key.endswith(f"@{sizes[1] / 1e6:g}MB"):
            small = rows[key.split("@")[0] + f"@{sizes[0] / 1e6:g}MB"]
            if "error" not in small:
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
            print(f"{key:<22} refused: {r['error']}")
            continue
        line = (
            f"{key:<22}{r['words']:>10,}{r['seconds']:>9}{r['words_per_s']:>10,.0f}"
            f"{r['ratio_vs_prose']:>9}{r['peak_mb']:>9}"
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
