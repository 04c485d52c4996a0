"""Check a corpus in the shared gold format (FORMAT.md v1.1): schema, dates and exact quotes.

Usage: python3 corpora/wide/tools/verify_corpus.py [CORPUS_DIR] [--max-bytes N]
(default: corpora/wide, pages of at most 2,000 bytes)

Checks: index.jsonl lines and files; every gold key and type; every date against the date
grammar; every mention, role quote, conflict quote and non_event quote is an exact substring
of its file; aliases occur in a cluster file; no non_event span overlaps a gold mention span;
every conflict has two distinct base values; ids are unique and part_of points to an id.
Exits 1 and prints one line per failure when anything is wrong.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

TYPES = {
    "recognition", "establish_relations", "break_relations", "appoint_ambassador", "negotiation",
    "agreement_signed", "treaty_signed", "visit", "summit_or_conference", "letter_or_statement",
    "revolution_or_coup", "war_or_invasion", "assassination", "purge_or_repression", "took_office",
    "economic_event", "other",
}
FORMATS = {"news", "encyclopedia", "onthisday", "blog", "gov", "timeline", "social"}
SALIENCE = {"main", "secondary", "minor"}
_YEAR = r"(?:-\d{4}|\d{4})"
_POINT = rf"(?:{_YEAR}(?:-\d{{2}}(?:-\d{{2}})?)?|\d{{3}}X|\d{{2}}XX)"
_END = rf"{_YEAR}(?:-\d{{2}}(?:-\d{{2}})?)?"
DATE_RE = re.compile(rf"^{_POINT}(?:/{_END})?$")


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def spans(text: str, quote: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = text.find(quote)
    while start >= 0 and quote:
        out.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return out


def base(value: str) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", value).strip()


def valid_date(value: Any) -> bool:
    return value is None or (isinstance(value, str) and DATE_RE.match(value) is not None)


def check_cluster(gold: dict[str, Any], docs: Path, fail: list[str], where: str) -> int:
    checks = 0
    for key in ("cluster", "files", "events", "people", "conflicts", "non_events"):
        if key not in gold:
            fail.append(f"{where}: missing key {key!r}")
    texts: dict[str, str] = {}
    for name in gold.get("files", []):
        path = docs / name
        if not path.is_file():
            fail.append(f"{where}: listed file {name} does not exist")
            continue
        texts[name] = read(path)
        if not name.startswith(gold.get("cluster", "") + "/"):
            fail.append(f"{where}: file {name} is outside cluster {gold.get('cluster')!r}")

    def quote_ok(file: str, quote: str, what: str) -> list[tuple[int, int]]:
        nonlocal checks
        checks += 1
        if file not in texts:
            fail.append(f"{where}: {what}: file {file} is not in files[]")
            return []
        found = spans(texts[file], quote)
        if not found:
            fail.append(f"{where}: {what}: quote not found in {file}: {quote!r}")
        return found

    ids = [e.get("id") for e in gold.get("events", [])]
    if len(ids) != len(set(ids)):
        fail.append(f"{where}: duplicate event ids")
    mention_spans: dict[str, list[tuple[int, int]]] = {}
    for ev in gold.get("events", []):
        eid = ev.get("id")
        for key in ("id", "summary", "type", "date", "mentions", "salience"):
            if key not in ev:
                fail.append(f"{where}: event {eid}: missing {key!r}")
        if ev.get("type") not in TYPES:
            fail.append(f"{where}: event {eid}: bad type {ev.get('type')!r}")
        for alt in ev.get("type_alternatives", []):
            if alt not in TYPES:
                fail.append(f"{where}: event {eid}: bad alternative type {alt!r}")
        if ev.get("salience") not in SALIENCE:
            fail.append(f"{where}: event {eid}: bad salience {ev.get('salience')!r}")
        for d in [ev.get("date"), *ev.get("acceptable_dates", [])]:
            checks += 1
            if not valid_date(d):
                fail.append(f"{where}: event {eid}: bad date {d!r}")
        if ev.get("part_of") is not None and ev["part_of"] not in ids:
            fail.append(f"{where}: event {eid}: part_of {ev['part_of']!r} is not an event id")
        if not ev.get("mentions"):
            fail.append(f"{where}: event {eid}: no mentions")
        for m in ev.get("mentions", []):
            found = quote_ok(m["file"], m["quote"], f"event {eid} mention")
            mention_spans.setdefault(m["file"], []).extend(found)
    all_text = "\n".join(texts.values())
    for per in gold.get("people", []):
        name = per.get("name")
        for key in ("name", "aliases", "roles"):
            if key not in per:
                fail.append(f"{where}: person {name}: missing {key!r}")
        for alias in per.get("aliases", []):
            checks += 1
            if alias not in all_text:
                fail.append(f"{where}: person {name}: alias not in any file: {alias!r}")
        for role in per.get("roles", []):
            for key in ("title", "from", "to", "files", "quote"):
                if key not in role:
                    fail.append(f"{where}: person {name}: role missing {key!r}")
            for d in (role.get("from"), role.get("to")):
                if not valid_date(d):
                    fail.append(f"{where}: person {name}: bad role date {d!r}")
            checks += 1
            if not any(role.get("quote", "") in texts.get(f, "") for f in role.get("files", [])):
                fail.append(f"{where}: person {name}: role quote not in its files: {role.get('quote')!r}")
    for con in gold.get("conflicts", []):
        fact = con.get("fact")
        if con.get("severity") not in {"hard", "soft"}:
            fail.append(f"{where}: conflict {fact!r}: bad severity")
        values = con.get("values", [])
        if len({base(v["value"]) for v in values}) < 2:
            fail.append(f"{where}: conflict {fact!r}: fewer than two distinct base values")
        for v in values:
            quote_ok(v["file"], v["quote"], f"conflict {fact!r}")
    for ne in gold.get("non_events", []):
        found = quote_ok(ne["file"], ne["quote"], "non_event")
        for s, e in found:
            for ms, me in mention_spans.get(ne["file"], []):
                if s < me and ms < e:
                    fail.append(f"{where}: non_event overlaps a gold mention in {ne['file']}: {ne['quote']!r}")
                    break
    return checks


def main(argv: list[str]) -> int:
    args = list(argv[1:])
    max_bytes = 2000
    if "--max-bytes" in args:
        i = args.index("--max-bytes")
        max_bytes = int(args[i + 1])
        del args[i : i + 2]
    root = Path(args[0]) if args else Path("corpora/wide")
    docs, gold_dir = root / "docs", root / "gold"
    if not (docs / "index.jsonl").is_file() or not gold_dir.is_dir():
        print(f"{root}: not a corpus (needs docs/index.jsonl and gold/)")
        return 2
    try:
        return _verify(docs, gold_dir, max_bytes)
    except (KeyError, TypeError, AttributeError) as exc:
        print(f"{root}: malformed index or gold file ({type(exc).__name__}: {exc})")
        return 1


def _verify(docs: Path, gold_dir: Path, max_bytes: int) -> int:
    fail: list[str] = []
    checks = 0
    index_files: set[str] = set()
    for n, line in enumerate(read(docs / "index.jsonl").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            fail.append(f"index.jsonl:{n}: not valid JSON ({exc})")
            continue
        checks += 1
        for key in ("file", "url", "title", "cluster", "format"):
            if key not in row:
                fail.append(f"index.jsonl:{n}: missing {key!r}")
        if row.get("format") not in FORMATS:
            fail.append(f"index.jsonl:{n}: bad format {row.get('format')!r}")
        if not (docs / row.get("file", "")).is_file():
            fail.append(f"index.jsonl:{n}: no such file {row.get('file')}")
        if row.get("file", "").split("/")[0] != row.get("cluster"):
            fail.append(f"index.jsonl:{n}: cluster does not match the file path")
        index_files.add(row.get("file", ""))
    gold_files: set[str] = set()
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold = json.loads(read(path))
        except json.JSONDecodeError as exc:
            fail.append(f"{path.name}: not valid JSON ({exc})")
            continue
        gold_files.update(gold.get("files", []))
        checks += check_cluster(gold, docs, fail, path.name)
    for missing in sorted(index_files ^ gold_files):
        fail.append(f"{missing}: in index.jsonl or gold but not both")
    for txt in sorted(docs.glob("*/*.txt")):
        rel = f"{txt.parent.name}/{txt.name}"
        if rel not in index_files:
            fail.append(f"{rel}: not in index.jsonl")
        if len(txt.read_bytes()) > max_bytes:
            fail.append(f"{rel}: longer than {max_bytes:,} bytes")
    for line in fail:
        print(line)
    print(f"{checks} checks, {len(fail)} failures")
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
