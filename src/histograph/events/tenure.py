"""Tenures: a person holding an office from a stated start is the event of taking it.

Cast lists, infobox lines and biographies state when an office was held rather than how it
was taken: "**X** – Chancellor of Bavaria, 1909–1917", "X (President of the Republic,
1921-1925)", "Queen of Saxony since 1848", "X was Secretary of State for War from 10 May 1905
to 2 June 1916", "who would rule the country between 1962 and 1970". Each is one event of
taking the office (``took_office``; ``appoint_ambassador`` for an envoy's post), dated by the
start of the tenure. The office words come from ``tenure`` in ``data/event_types.yaml``.

Guards: the title must begin with an office word and hold no person's name ("King George V
(1910–1936)" gives a reign or a life, told apart by nothing on the page), a person must be
named before it on the same line (or a relative "who" before a verb of ruling), and a
title followed by a lone date after a comma ("Chancellor, 1909") is no tenure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import EntityMention, EventMention, Participant, RegionKind, TimeMention, TimeValue
from ..time.values import parse_value
from .types import Tenure

__all__ = ["tenure_events"]

#: what joins a title to its tenure: ", 1909–1917", " (1921-1925)", " since 1848", " from X to Y"
_CONNECTOR = re.compile(r"(?:(?P<punct>,|\()|\b(?P<word>since|from|between))\s*$", re.IGNORECASE)
#: where a title starts: after a bracket, a dash, a colon, Markdown emphasis or a list bullet
_BOUNDARY = re.compile(r"[(\[:;|\n–—]|\*\*|__|\s-\s|[.!?]\s+(?=[A-Z])")
_WORD = re.compile(r"[^\s,]+")
#: words that may link the words of a title ("Secretary of State for War")
_LINKS = frozenset({"of", "the", "for", "to", "and", "in", "de", "von", "van", "der", "al", "&"})
#: the longest title read, in words
_MAX_WORDS = 12
_PLACE_LABELS = frozenset({"GPE", "STATE", "LOC"})
#: confidence of a tenure mention: it founds an event, below a typed verbal trigger
_CONFIDENCE = 0.6


def _start_value(t: TimeMention, word: str | None) -> TimeValue | None:
    """The first date of a tenure: the start of a range ("1909–1917", "from X to Y"), or the
    date after "since" / "from" / "between" (a page cut off after "between 1978 and 1")."""
    v = t.value
    if v is None:
        return None
    if "/" in v.value:
        return parse_value(v.value.split("/", 1)[0])
    if word is not None and word.lower() in {"since", "from", "between"}:
        return v
    return None


def _clean(w: str) -> str:
    return w.lower().strip(".,;:'\"’*_()")


def _ruling(words: Sequence[re.Match[str]], j: int, cfg: Tenure) -> bool:
    """``words[j]`` is a finite verb of ruling ("reigned"), or its base form after a modal
    ("would rule"); the noun "rule" ("British rule from X") is neither."""
    w = _clean(words[j].group())
    if w in cfg.verbs:
        return True
    return w in cfg.verb_bases and j > 0 and _clean(words[j - 1].group()) in cfg.modals


def _title_start(words: Sequence[re.Match[str]], cfg: Tenure) -> int | None:
    """Index of the word that opens a title in ``words`` (which run up to the tenure's date):
    an office word (or the word before one: "Prime Minister", "U.S. Ambassador"), followed
    only by capitalised words and links; ``None`` when the words end in no title."""
    n = len(words)
    for i in range(max(0, n - _MAX_WORDS), n):
        w = _clean(words[i].group())
        nxt = _clean(words[i + 1].group()) if i + 1 < n else ""
        if w not in cfg.offices and not (nxt in cfg.offices and words[i].group()[:1].isupper()):
            continue
        rest = words[i + 1 :]
        if all(_clean(x.group()) in _LINKS or x.group()[:1].isupper() for x in rest):
            return i
    return None


def tenure_events(
    doc_id: str,
    text: str,
    times: Sequence[TimeMention],
    entities: Sequence[EntityMention],
    mentions: Sequence[EventMention],
    kind_at: Callable[[int], RegionKind],
    cfg: Tenure,
) -> list[EventMention]:
    """Events of taking office stated by tenures (module docstring)."""
    if not cfg.offices:
        return []
    people = sorted((m for m in entities if m.label == "PERSON"), key=lambda m: m.start)
    out: list[EventMention] = []
    for t in times:
        line_start = text.rfind("\n", 0, t.start) + 1
        before = text[max(line_start, t.start - 200) : t.start]
        conn = _CONNECTOR.search(before)
        if conn is None:
            continue
        start = _start_value(t, conn.group("word"))
        if start is None:
            continue
        head = before[: conn.start()]
        cut = max((m.end() for m in _BOUNDARY.finditer(head)), default=0)
        clause = head[cut:]
        base = t.start - len(before) + cut
        words = list(_WORD.finditer(clause))
        if not words:
            continue
        k = _title_start(words, cfg)
        verb = None
        if k is None and conn.group("word"):
            # "who would rule the country between 1962 and 1970": a verb of ruling
            k = next(
                (j for j in range(max(0, len(words) - 5), len(words)) if _ruling(words, j, cfg)),
                None,
            )
            verb = k
        if k is None:
            continue
        t_start, t_end = base + words[k].start(), base + words[-1].end()
        if (
            verb is None
            and k > 0
            and _clean(words[k - 1].group()) not in cfg.holding
            and not clause[: words[k].start()].rstrip().endswith(",")
        ):
            # a title after other words of its clause must follow a verb of holding ("was",
            # "served as"), unless a name precedes it ("Sir X, Governor of Y, 1920–1925")
            continue
        if any(p.start < t_end and t_start < p.end for p in people):
            continue  # "King George V (1910–1936)": a name, not a title
        lead = base + words[k].start()
        person = next(
            (p for p in reversed(people) if line_start <= p.start and p.end <= lead),
            None,
        )
        if person is None and not (
            verb is not None
            and any(_clean(w.group()) in cfg.relatives for w in words[max(0, k - 2) : k])
        ):
            continue
        first = _clean(words[k].group())
        second = _clean(words[k + 1].group()) if k + 1 < len(words) else ""
        typ = "appoint_ambassador" if {first, second} & cfg.envoys else "took_office"
        if any(
            m.start < t.end and t_start < m.end and m.type in {"took_office", "appoint_ambassador"}
            for m in mentions
        ):
            continue  # the tenure's clause already tells how the office was taken
        # the office's land: "Chancellor of Bavaria", "rule the country X"
        place = next(
            (
                m.text
                for m in sorted(entities, key=lambda m: m.start)
                if m.label in _PLACE_LABELS and t_start <= m.start and m.end <= t.start
            ),
            None,
        )
        parts: tuple[Participant, ...] = ()
        if person is not None:
            parts = (Participant(person.text, "agent", person.start, person.end, person.key),)
        out.append(
            EventMention(
                doc_id=doc_id,
                start=t_start,
                end=t.end,
                trigger_start=t_start,
                trigger_end=base + words[k].end(),
                type=typ,
                time=start,
                time_start=t.start,
                time_end=t.end,
                place=place,
                participants=parts,
                modality="asserted",
                region_kind=kind_at(t.start),
                confidence=_CONFIDENCE,
            )
        )
    return out
