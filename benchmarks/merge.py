"""Cross-document merge time vs number of event mentions (generated corpora).

    python benchmarks/merge.py [--max 1000000] [--min 10000] [--steps 5] [--seed 0]
                               [--full] [--inline] [--json]

Each size runs in its own child process (a clean peak-memory figure per size): the child
generates synthetic :class:`~histograph.model.Analysis` objects (see :func:`generate`) and
times the event merge over them — :func:`histograph.merge.events.merge_events`: event
coreference with blocking, claims, independence, consensus and conflicts — given the people
and copied passages the generator knows. ``--full`` times :func:`histograph.merge.merge`
end to end instead, with its stages reported apart (copied-passage detection, people merge,
event merge). The table gives n (event mentions), seconds, CPU seconds of the process,
seconds per 1,000 mentions, peak resident memory of the child, events and conflicts found;
then the exponent *b* of the least-squares fit ``seconds = a * n**b`` over the sizes (1.0 =
linear), and the same for CPU time (``cpu_exponent`` in JSON): on a shared machine the wall
clock also counts the time other processes held the CPU, so the CPU figure is the steadier.

The generated corpus imitates real collections of history pages rather than uniform noise:

* a pool of real events, their types drawn from a skewed distribution over the packaged
  event types (wars, statements, visits and appointments common; coups and treaties rare),
  their days spread over three centuries; some carry a name ("Treaty of Varnel");
* a pool of people whose popularity is Zipf-like (a few appear everywhere);
* documents about one era each (their mentions draw events near one point in time), with
  event popularity also skewed (a few events are told by many documents);
* each mention states its event's date at a random precision (day, month, year, a year-less
  "March 4", or none), occasionally wrong by a day or a year, names some of the event's
  participants (full name or surname), and is now and then negated or only planned;
* a few documents are verbatim copies of others (with a :class:`CopyLink`).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import random
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from histograph.model import (
    Analysis,
    CopyLink,
    Document,
    EntityMention,
    EventMention,
    Participant,
    Person,
    Region,
    TimeMention,
    TimeValue,
    civil_from_day,
    day_number,
)

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SYLLABLES = [
    "ka",
    "ri",
    "to",
    "len",
    "mar",
    "vol",
    "dan",
    "es",
    "ber",
    "gor",
    "il",
    "na",
    "sta",
    "pol",
    "vin",
    "ter",
    "ol",
    "fen",
    "ru",
    "sk",
    "al",
    "dor",
    "mi",
]
#: relative frequency of event types in narrative history (rough, for the generator only)
TYPE_WEIGHTS: dict[str, float] = {
    "war_or_invasion": 14,
    "letter_or_statement": 12,
    "visit": 10,
    "appoint_ambassador": 6,
    "took_office": 8,
    "negotiation": 8,
    "agreement_signed": 6,
    "treaty_signed": 4,
    "summit_or_conference": 5,
    "battle": 6,
    "death": 6,
    "birth": 3,
    "election": 4,
    "economic_event": 4,
    "revolution_or_coup": 2,
    "assassination": 1,
    "purge_or_repression": 2,
    "protest": 3,
    "recognition": 1,
    "establish_relations": 1,
    "break_relations": 1,
    "founding": 2,
    "disaster": 2,
}
#: trigger words per type as they would be written (a verb form or an event noun)
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "war_or_invasion": ("invaded", "attacked", "the invasion of"),
    "letter_or_statement": ("sent a letter to", "wrote to", "a declaration to"),
    "visit": ("visited", "arrived in", "travelled to"),
    "appoint_ambassador": ("appointed as envoy", "named ambassador"),
    "took_office": ("took office with", "was sworn in with"),
    "negotiation": ("negotiated with", "held talks with"),
    "agreement_signed": ("signed an agreement with", "reached an accord with"),
    "treaty_signed": ("signed a treaty with", "concluded a pact with"),
    "summit_or_conference": ("met", "held a conference with"),
    "battle": ("defeated", "routed"),
    "death": ("died", "perished"),
    "birth": ("was born",),
    "election": ("was elected over",),
    "economic_event": ("imposed an embargo on", "nationalized the mines of"),
    "revolution_or_coup": ("overthrew", "seized power from"),
    "assassination": ("assassinated", "murdered"),
    "purge_or_repression": ("purged", "deported"),
    "protest": ("protested against", "marched against"),
    "recognition": ("recognized", "the recognition of"),
    "establish_relations": ("established relations with",),
    "break_relations": ("broke off relations with", "severed ties with"),
    "founding": ("founded the league with",),
    "disaster": ("the earthquake struck",),
}
_NAME_HEADS: dict[str, str] = {
    "treaty_signed": "Treaty of",
    "battle": "Battle of",
    "summit_or_conference": "Conference of",
    "war_or_invasion": "War of",
    "revolution_or_coup": "Revolution of",
}
_FIRST_DAY = day_number(1700, 1, 1)
_LAST_DAY = day_number(2020, 12, 31)


@dataclass(frozen=True)
class _RealEvent:
    type: str
    day: int
    people: tuple[int, ...]
    place: int
    name: str | None


def _word(rng: random.Random, k: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(k)).capitalize()


def _zipf(rng: random.Random, n: int, s: float = 1.1) -> int:
    """An index in [0, n) with a heavy head (Pareto-distributed ranks)."""
    return min(n - 1, int(rng.paretovariate(s)) - 1)


class _Values:
    """Shared TimeValue objects (one per value string): keeps a million mentions small."""

    def __init__(self) -> None:
        self._cache: dict[str, TimeValue] = {}

    def day(self, n: int) -> TimeValue:
        y, m, d = civil_from_day(n)
        v = f"{y:04d}-{m:02d}-{d:02d}"
        tv = self._cache.get(v)
        if tv is None:
            tv = self._cache[v] = TimeValue(v, n, n, "day")
        return tv

    def month(self, n: int) -> TimeValue:
        y, m, _ = civil_from_day(n)
        v = f"{y:04d}-{m:02d}"
        tv = self._cache.get(v)
        if tv is None:
            last = day_number(y + (m == 12), m % 12 + 1, 1) - 1
            tv = self._cache[v] = TimeValue(v, day_number(y, m, 1), last, "month")
        return tv

    def year(self, n: int) -> TimeValue:
        y = civil_from_day(n)[0]
        v = f"{y:04d}"
        tv = self._cache.get(v)
        if tv is None:
            tv = self._cache[v] = TimeValue(v, day_number(y, 1, 1), day_number(y, 12, 31), "year")
        return tv


def _real_events(
    rng: random.Random, n_events: int, n_people: int, n_places: int
) -> list[_RealEvent]:
    types = sorted(TYPE_WEIGHTS)
    weights = [TYPE_WEIGHTS[t] for t in types]
    out: list[_RealEvent] = []
    for _ in range(n_events):
        typ = rng.choices(types, weights)[0]
        k = 1 if typ in {"death", "birth", "assassination"} else rng.choice((1, 2, 2, 3))
        people = tuple(sorted({_zipf(rng, n_people) for _ in range(k)}))
        name = None
        if typ in _NAME_HEADS and rng.random() < 0.3:
            name = f"{_NAME_HEADS[typ]} {_word(rng, 2)}"
        out.append(
            _RealEvent(typ, rng.randint(_FIRST_DAY, _LAST_DAY), people, _zipf(rng, n_places), name)
        )
    out.sort(key=lambda e: e.day)
    return out


@dataclass
class Corpus:
    """A generated corpus: analyses plus what the generator knows about them."""

    analyses: list[Analysis]
    copies: list[CopyLink]
    passages: list[tuple[str, int, int, str, int, int]]
    people: list[Person]

    @property
    def mentions(self) -> int:
        return sum(len(a.events) for a in self.analyses)


def generate_corpus(n_mentions: int, seed: int = 0, per_doc: int = 20) -> Corpus:
    """:func:`generate` plus the copied passages and the people (one :class:`Person` per
    generated person, holding its entity mentions) the generator knows."""
    analyses, copies = generate(n_mentions, seed, per_doc)
    texts = {a.document.id: len(a.document.text) for a in analyses}
    passages = [(c.source_id, 0, texts[c.source_id], c.doc_id, 0, texts[c.doc_id]) for c in copies]
    by_key: dict[str, list[EntityMention]] = {}
    for a in analyses:
        for em in a.entities:
            if em.key:
                by_key.setdefault(em.key, []).append(em)
    people = [
        Person(
            id=f"p-{i:08d}",
            name=key,
            aliases=tuple(sorted({em.text for em in ems})),
            mentions=tuple(ems),
        )
        for i, (key, ems) in enumerate(sorted(by_key.items()))
    ]
    return Corpus(analyses, copies, passages, people)


def generate(
    n_mentions: int, seed: int = 0, per_doc: int = 20
) -> tuple[list[Analysis], list[CopyLink]]:
    """Synthetic analyses holding about ``n_mentions`` event mentions (see the module doc)."""
    rng = random.Random(seed)
    n_events = max(5, n_mentions // 6)
    n_people = max(20, n_mentions // 25)
    n_places = max(10, n_mentions // 200)
    people = [(_word(rng, 2), _word(rng, 3)) for _ in range(n_people)]
    places = [_word(rng, 3) for _ in range(n_places)]
    events = _real_events(rng, n_events, n_people, n_places)
    values = _Values()
    analyses: list[Analysis] = []
    copies: list[CopyLink] = []
    made = 0
    d = 0
    while made < n_mentions:
        doc_id = f"d{d:07d}"
        if analyses and rng.random() < 0.03:
            src = analyses[rng.randrange(len(analyses))]
            doc = Document(doc_id, f"gen://{doc_id}", src.document.text, "txt")
            analyses.append(
                Analysis(
                    document=doc,
                    regions=src.regions,
                    times=tuple(_retag(t, doc_id) for t in src.times),
                    entities=tuple(_retag(e, doc_id) for e in src.entities),
                    events=tuple(_retag(m, doc_id) for m in src.events),
                )
            )
            copies.append(CopyLink(doc_id, src.document.id, 0.97))
            made += len(src.events)
            d += 1
            continue
        k = min(per_doc, n_mentions - made)
        analyses.append(_document(rng, doc_id, k, events, people, places, values))
        made += k
        d += 1
    return analyses, copies


def _retag(x: Any, doc_id: str) -> Any:
    from dataclasses import replace

    return replace(x, doc_id=doc_id)


def _document(
    rng: random.Random,
    doc_id: str,
    k: int,
    events: Sequence[_RealEvent],
    people: Sequence[tuple[str, str]],
    places: Sequence[str],
    values: _Values,
) -> Analysis:
    centre = rng.randrange(len(events))
    window = max(30, len(events) // 2000)
    parts: list[str] = []
    pos = 0
    ev_out: list[EventMention] = []
    tm_out: list[TimeMention] = []
    en_out: list[EntityMention] = []

    def put(s: str) -> int:
        nonlocal pos
        start = pos
        parts.append(s)
        pos += len(s)
        return start

    for i in range(k):
        j = min(len(events) - 1, max(0, centre + int(rng.gauss(0, window))))
        if rng.random() < 0.2:  # popular events are told again and again
            j = min(len(events) - 1, max(0, centre + _zipf(rng, 20) - 10))
        ev = events[j]
        start = pos
        day = ev.day
        r = rng.random()
        if r < 0.03:
            day += rng.choice((-1, 1, -365, 365))
        y, m, dd = civil_from_day(day)
        p = rng.random()
        tv: TimeValue | None = None
        timex: str | None = None
        phrase: str | None = None
        if p < 0.45:
            tv, phrase = values.day(day), f"On {_MONTHS[m - 1]} {dd}, {y}"
        elif p < 0.65:
            tv, phrase = values.month(day), f"In {_MONTHS[m - 1]} {y}"
        elif p < 0.80:
            tv, phrase = values.year(day), f"In {y}"
        elif p < 0.85:
            timex, phrase = f"XXXX-{m:02d}-{dd:02d}", f"On {_MONTHS[m - 1]} {dd}"
        t_start = t_end = None
        if phrase is not None:
            s = put(phrase)
            t_start, t_end = s, s + len(phrase)
            tm_out.append(
                TimeMention(doc_id, s, t_end, phrase, "DATE", tv, tv.value if tv else timex)
            )
            put(", ")
        plist: list[Participant] = []
        for role, pi in zip(("agent", "patient", "party"), ev.people, strict=False):
            if rng.random() < 0.3 and plist:
                continue
            given, family = people[pi]
            name = f"{given} {family}" if rng.random() < 0.6 else family
            s = put(name)
            key = f"{given} {family}"
            plist.append(Participant(name, role, s, s + len(name), key=key))
            en_out.append(EntityMention(doc_id, s, s + len(name), name, "PERSON", key))
            put(" ")
            if len(plist) == 1:
                trig = ev.name or rng.choice(_TRIGGERS[ev.type])
                tr_s = put(trig)
                tr_e = tr_s + len(trig)
                put(" ")
        if not plist:
            trig = ev.name or rng.choice(_TRIGGERS[ev.type])
            tr_s = put(trig)
            tr_e = tr_s + len(trig)
            put(" ")
        place = places[ev.place]
        put("in ")
        put(place)
        put(".\n")
        modality = "asserted"
        q = rng.random()
        if q < 0.04:
            modality = "negated"
        elif q < 0.08:
            modality = "planned"
        ev_out.append(
            EventMention(
                doc_id,
                start,
                pos - 1,
                tr_s,
                tr_e,
                ev.type,
                time=tv,
                time_start=t_start,
                time_end=t_end,
                place=place if rng.random() < 0.5 else None,
                participants=tuple(plist),
                modality=modality,  # type: ignore[arg-type]
                region_kind="list_item" if i % 10 == 9 else "narrative",
                confidence=1.0 if rng.random() < 0.8 else 0.8,
            )
        )
    text = "".join(parts)
    doc = Document(doc_id, f"gen://{doc_id}", text, "txt")
    return Analysis(
        document=doc,
        regions=(Region(doc_id, 0, len(text), "narrative"),),
        times=tuple(tm_out),
        entities=tuple(en_out),
        events=tuple(ev_out),
    )


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int, seed: int = 0, full: bool = False) -> dict[str, Any]:
    """Generate ``n`` mentions and time one merge over them (in this process)."""
    from histograph.merge import copied_passages, merge_people
    from histograph.merge.events import merge_events

    t0 = time.perf_counter()
    corpus = generate_corpus(n, seed)
    gen_s = time.perf_counter() - t0
    row: dict[str, Any] = {"n": corpus.mentions, "documents": len(corpus.analyses)}
    if full:
        analyses = sorted(corpus.analyses, key=lambda a: a.document.id)
        c0 = time.process_time()
        t0 = time.perf_counter()
        passages = copied_passages([a.document for a in analyses])
        t1 = time.perf_counter()
        people, person_conflicts = merge_people(analyses, corpus.copies)
        t2 = time.perf_counter()
        events, conflicts = merge_events(analyses, people, corpus.copies, passages)
        t3 = time.perf_counter()
        row.update(
            passages_s=round(t1 - t0, 3),
            people_s=round(t2 - t1, 3),
            events_s=round(t3 - t2, 3),
        )
        seconds = t3 - t0
        n_conflicts = len(conflicts) + len(person_conflicts)
    else:
        c0 = time.process_time()
        t0 = time.perf_counter()
        events, conflicts = merge_events(
            corpus.analyses, corpus.people, corpus.copies, corpus.passages
        )
        seconds = time.perf_counter() - t0
        n_conflicts = len(conflicts)
    row.update(
        generate_s=round(gen_s, 3),
        seconds=round(seconds, 3),
        cpu_s=round(time.process_time() - c0, 3),
        s_per_1k=round(seconds / row["n"] * 1000, 4) if row["n"] else 0.0,
        peak_mb=round(_peak_mb(), 1),
        events=len(events),
        conflicts=n_conflicts,
    )
    return row


def _child(n: int, seed: int, full: bool, q: Any) -> None:
    try:
        q.put(measure(n, seed, full))
    except Exception as exc:  # report, never hang the parent
        q.put({"n": n, "error": repr(exc)})


def run_isolated(n: int, seed: int = 0, full: bool = False) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(n, seed, full, q))
    p.start()
    row: dict[str, Any] = q.get()
    p.join()
    return row


def sizes(lo: int, hi: int, steps: int) -> list[int]:
    """``steps`` sizes from ``lo`` to ``hi``, evenly spaced on a log scale."""
    if hi <= lo or steps <= 1:
        return [hi]
    r = (hi / lo) ** (1 / (steps - 1))
    return sorted({int(round(lo * r**i, -2)) or lo for i in range(steps)})


def fit_exponent(rows: Sequence[dict[str, Any]], field: str = "seconds") -> float | None:
    """Least-squares slope of log(``field``: seconds) on log(n): the growth exponent."""
    pts = [(math.log(r["n"]), math.log(r[field])) for r in rows if r.get(field, 0) > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in pts) / sxx


def table(rows: Sequence[dict[str, Any]], exponent: float | None) -> str:
    full = any("people_s" in r for r in rows)
    head = (
        f"{'n':>10} {'docs':>8} {'seconds':>9} {'cpu s':>9} {'s/1k':>8} {'peak MB':>9} "
        f"{'events':>9} {'conflicts':>9}"
    )
    if full:
        head += f" {'passages':>9} {'people':>9} {'events_s':>9}"
    lines = [head, "-" * len(head)]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['n']:>10} error: {r['error']}")
            continue
        lines.append(
            f"{r['n']:>10} {r['documents']:>8} {r['seconds']:>9.2f} {r.get('cpu_s', 0):>9.2f} "
            f"{r['s_per_1k']:>8.4f} {r['peak_mb']:>9.0f} {r['events']:>9} {r['conflicts']:>9}"
            + (
                f" {r['passages_s']:>9.2f} {r['people_s']:>9.2f} {r['events_s']:>9.2f}"
                if full
                else ""
            )
        )
    lines.append(
        "fitted exponent b (seconds ~ n^b): "
        + (f"{exponent:.3f}" if exponent is not None else "n/a (one size)")
    )
    cpu = fit_exponent([r for r in rows if "error" not in r], "cpu_s")
    if cpu is not None:
        # on a shared machine the wall clock also counts the time other processes held the
        # CPU: the exponent of the process's own CPU time is the steadier figure
        lines.append(f"fitted exponent of CPU time: {cpu:.3f}")
    if full:
        for stage in ("passages_s", "people_s", "events_s"):
            b = fit_exponent([{"n": r["n"], "seconds": r[stage]} for r in rows if "error" not in r])
            lines.append(f"  {stage[:-2]:>8}: b = " + (f"{b:.3f}" if b is not None else "n/a"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--max", type=int, default=1_000_000, help="largest number of mentions")
    ap.add_argument("--min", type=int, default=10_000, help="smallest number of mentions")
    ap.add_argument("--steps", type=int, default=5, help="number of sizes (log-spaced)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--inline", action="store_true", help="run in this process (no children)")
    ap.add_argument(
        "--full",
        action="store_true",
        help="time the whole merge (passage detection, people, events) instead of the event merge",
    )
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    lo = min(args.min, args.max)
    rows: list[dict[str, Any]] = []
    for n in sizes(lo, args.max, args.steps):
        row = (
            measure(n, args.seed, args.full)
            if args.inline
            else run_isolated(n, args.seed, args.full)
        )
        rows.append(row)
        if args.json:
            # each size as it completes (one line on stderr): a long run stopped before its
            # end keeps the sizes it measured
            print(json.dumps(row), file=sys.stderr, flush=True)
        else:
            print(f"  n={row['n']}: {row.get('seconds', row.get('error'))} s", file=sys.stderr)
    exponent = fit_exponent([r for r in rows if "error" not in r])
    if args.json:
        good = [r for r in rows if "error" not in r]
        print(
            json.dumps(
                {"rows": rows, "exponent": exponent, "cpu_exponent": fit_exponent(good, "cpu_s")},
                indent=2,
            )
        )
    else:
        print(table(rows, exponent))
    return 1 if any("error" in r for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
