"""Extractive briefs of an event: every sentence is quoted from a source, with its citation.

Five shapes (``STYLES``), after the kinds of page the sources themselves are:

- ``explainer``: title, key points, "What happened?", "Why does it matter?";
- ``card``: title with date, "year · place", headline, actors, background sections;
- ``onthisday``: a digest of the events of one month and day across the years;
- ``anniversary``: "N years ago today…" relative to a reference date;
- ``guide``: a study guide: related events grouped by year, then the cast of characters.

:func:`build_brief` returns a :class:`Brief` (sections of cited sentences); :func:`to_markdown`,
:func:`to_html` and :func:`to_dict` render it. The framing words (headings) come from
``data/briefs.yaml``; sentences are chosen from the stored sentences of the event's sources
(never from boilerplate regions) and shown exactly as written, whitespace collapsed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..datafile import load_yaml
from ..model import CONTENT_REGIONS, Analysis, ConflictValue, Event, EventMention, civil_from_day
from .brief_format import (
    Brief,
    BriefError,
    Citation,
    Cited,
    Item,
    Section,
    md_escape,
    render_brief,
    to_dict,
    to_html,
    to_markdown,
)
from .dates import heading_text, humanise, value_text
from .present import (
    EXACT_PRECISIONS,
    date_label,
    existed,
    is_imprecise,
    type_label,
    year_label,
)
from .titles import headline, plain

if TYPE_CHECKING:
    from ..api import Histograph

__all__ = [
    "FORMATS",
    "STYLES",
    "Brief",
    "BriefError",
    "Citation",
    "Cited",
    "Item",
    "Section",
    "build_brief",
    "md_escape",
    "render_brief",
    "to_dict",
    "to_html",
    "to_markdown",
]

STYLES = ("explainer", "card", "onthisday", "anniversary", "guide")
FORMATS = ("md", "html")

#: longest sentence quoted in a brief (characters); longer ones are skipped when possible
MAX_SENTENCE = 600


@functools.lru_cache(maxsize=1)
def brief_data() -> dict[str, Any]:
    text = resources.files("histograph").joinpath("data", "briefs.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


@dataclass(frozen=True)
class _Sentence:
    doc_id: str
    start: int
    end: int
    text: str
    region: str


class _Builder:
    """Finds, numbers and de-duplicates cited sentences for one brief."""

    def __init__(self, hg: Histograph) -> None:
        self.hg = hg
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, int, int], int] = {}
        self._others: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self._analyses: dict[str, Analysis | None] = {}
        self._used: set[str] = set()
        self._used_words: list[set[str]] = []
        data = brief_data()
        self.heads: dict[str, str] = data.get("headings", {})
        self.significance = [str(c).lower() for c in data.get("significance_cues", ())]
        weak = {str(c).lower() for c in data.get("weak_significance_cues", ())}
        self.why = [c for c in self.significance if c not in weak]
        self.background = [str(c).lower() for c in data.get("background_cues", ())]

    # -- sentences -------------------------------------------------------------
    def analysis(self, doc_id: str) -> Analysis | None:
        if doc_id not in self._analyses:
            self._analyses[doc_id] = self.hg.analysis(doc_id)
        return self._analyses[doc_id]

    def sentences(self, doc_id: str) -> list[_Sentence]:
        """The content sentences of a document, in order (boilerplate left out); a sentence
        that only introduces the next one ("- **9 November 1989:**") is joined to it."""
        a = self.analysis(doc_id)
        if a is None:
            return []
        text = a.document.text
        raw = [
            s
            for s in a.sentences
            if s.region_kind in CONTENT_REGIONS
            and s.region_kind != "title"
            and text[s.start : s.end].strip()
        ]
        out: list[_Sentence] = []
        i = 0
        while i < len(raw):
            s = raw[i]
            start, end = s.start, s.end
            while (
                _display(text[start:end]).endswith(":")
                and i + 1 < len(raw)
                and "\n" not in text[end : raw[i + 1].start]
            ):
                i += 1
                end = raw[i].end
            out.append(_Sentence(doc_id, start, end, _display(text[start:end]), s.region_kind))
            i += 1
        return out

    def sentence_at(self, doc_id: str, start: int, end: int) -> _Sentence:
        """The stored sentence holding ``[start, end)``, else the span itself."""
        for s in self.sentences(doc_id):
            if s.start <= start < s.end and (end <= s.end or s.end - s.start > 40):
                return s
        text = self.hg.quote(doc_id, start, end)
        return _Sentence(doc_id, start, end, _display(text), "narrative")

    def cite(self, s: _Sentence) -> Cited:
        key = (s.doc_id, s.start, s.end)
        if key not in self._numbers:
            doc = self.hg.document(s.doc_id)
            n = len(self.citations) + 1
            self._numbers[key] = n
            self.citations.append(
                Citation(
                    n,
                    s.doc_id,
                    doc.uri if doc else s.doc_id,
                    doc.title if doc else None,
                    s.start,
                    s.end,
                    _source_url(doc.uri, doc.meta, s.text) if doc else None,
                )
            )
        self._used.add(_norm(s.text))
        self._used_words.append(_words_of(s.text))
        return Cited(s.text, self._numbers[key])

    def fresh(self, s: _Sentence) -> bool:
        """Not quoted yet, nor anything nearly the same (a headline and its sentence)."""
        if _norm(s.text) in self._used or not 0 < len(s.text) <= MAX_SENTENCE:
            return False
        words = _words_of(s.text)
        return not any(_similar(words, w) for w in self._used_words)

    def title(self, e: Event) -> str:
        return headline(e, self.hg.quote)

    def has(self, s: _Sentence, cues: list[str]) -> bool:
        low = " " + s.text.lower() + " "
        return any(_cue(c).search(low) for c in cues)

    # -- events ----------------------------------------------------------------
    def evidence(self, e: Event) -> list[_Sentence]:
        """One sentence per mention, distinct texts: asserted, independent, body text (not a
        title or heading), agreeing with the event's date and saying more than a date come
        first, taken from each source in turn so that several sources speak."""
        indep = {c.doc_id for c in e.claims if c.independent}

        def rank(m: EventMention) -> tuple[bool, ...]:
            agrees = m.time is None or e.date is None or m.time.compatible(e.date)
            return (
                m.modality != "asserted",
                m.doc_id not in indep,
                m.region_kind not in CONTENT_REGIONS,
                m.region_kind in _HEAD_REGIONS,
                not agrees,
            )

        ranked = sorted(e.mentions, key=lambda m: (rank(m), m.doc_id, m.start))
        out: list[tuple[tuple[bool, ...], _Sentence]] = []
        seen: set[str] = set()
        for m in ranked:
            s = self.sentence_at(m.doc_id, m.start, m.end)
            if _norm(s.text) in seen or not s.text:
                continue
            seen.add(_norm(s.text))
            out.append(((*rank(m), len(_words_of(s.text)) < 4), s))
        # best rank first; within a rank, one sentence per source in turn
        out.sort(key=lambda t: t[0])
        result: list[_Sentence] = []
        for _, group in itertools.groupby(out, key=lambda t: t[0]):
            result.extend(_round_robin([s for _, s in group]))
        return result

    def context(self, e: Event, window: int = 4) -> list[_Sentence]:
        """Sentences near the event's mentions in its sources, nearest first; a sentence
        that states another event of another date (the next line of a chronology, the
        summit a month later) is that event's, not context of this one."""
        scored: list[tuple[int, int, _Sentence]] = []
        for m in e.mentions:
            sents = self.sentences(m.doc_id)
            idx = next((i for i, s in enumerate(sents) if s.start <= m.start < s.end), None)
            if idx is None:
                continue
            others = self._other_events(e, m.doc_id)
            for j in range(max(0, idx - window), min(len(sents), idx + window + 1)):
                if j != idx and not _states_any(sents[j], others):
                    scored.append((abs(j - idx), j - idx, sents[j]))
        scored.sort(key=lambda t: (t[0], t[1] < 0, t[2].doc_id, t[2].start))
        out: list[_Sentence] = []
        seen: set[tuple[str, int]] = set()
        for _, _, s in scored:
            if (s.doc_id, s.start) not in seen:
                seen.add((s.doc_id, s.start))
                out.append(s)
        return out

    def _other_events(self, e: Event, doc_id: str) -> list[tuple[int, int]]:
        """Spans in ``doc_id`` of mentions of other events whose date is not ``e``'s."""
        key = (e.id, doc_id)
        if key not in self._others:
            spans: list[tuple[int, int]] = []
            for x in self.hg.events(source=doc_id, limit=500):
                if x.id == e.id or x.date is None or e.date is None or x.date.compatible(e.date):
                    continue
                spans.extend((m.start, m.end) for m in x.mentions if m.doc_id == doc_id)
            self._others[key] = spans
        return self._others[key]

    def related(self, e: Event, limit: int = 200) -> list[Event]:
        """Events sharing a source or a participant with ``e`` (``e`` included), by date
        (the knowledge base's order: undated last, then earliest and latest day)."""
        found: dict[str, Event] = {e.id: e}
        store = self.hg
        for doc in sorted({m.doc_id for m in e.mentions}):
            for x in store.events(source=doc, limit=limit):
                found.setdefault(x.id, x)
        for p in e.participants:
            for x in store.events(entity=p, limit=limit):
                found.setdefault(x.id, x)
        return sorted(found.values(), key=_by_date)[:limit]

    def head(self, key: str, default: str) -> str:
        return str(self.heads.get(key, default))


def _by_date(e: Event) -> tuple[bool, int, int]:
    if e.date is None:
        return (True, 0, 0)
    return (False, e.date.earliest, e.date.latest)


def _states_any(s: _Sentence, spans: list[tuple[int, int]]) -> bool:
    """True when a mention span lies mostly inside the sentence ``s``."""
    for start, end in spans:
        inside = min(end, s.end) - max(start, s.start)
        if inside > 0 and inside * 2 >= end - start:
            return True
    return False


_LEAD_MARK = re.compile(r"^\s*(?:[-*+>]|#{1,6}|\d{1,3}[.)])\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def _display(text: str) -> str:
    """A quoted sentence for reading: whitespace collapsed, a leading list/heading marker
    and Markdown bold markers dropped (the citation keeps the exact span)."""
    text = plain(text)
    text = _LEAD_MARK.sub("", text)
    text = _EMPHASIS.sub(r"\2", text).strip()
    m = _LABEL.match(text)
    if m and len(text[m.end():].split()) >= 4:
        text = text[m.end():]
    return text


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


_HEAD_REGIONS = frozenset({"title", "heading", "caption", "byline", "dateline", "metadata"})
#: a leading section or date label: "Formal Recognition: …", "March 1918: …"
_LABEL = re.compile(r"^(?:[A-Z0-9][\w’'.,-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z0-9][\w’'.,-]*){0,4}):\s+(?=[A-Z\"“])")


def _words_of(text: str) -> set[str]:
    return {w for w in _norm(text).split() if len(w) > 2}


def _similar(a: set[str], b: set[str]) -> bool:
    """Nearly the same sentence: most of the shorter one's words are in the other."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.8


def _round_robin(sentences: list[_Sentence]) -> list[_Sentence]:
    by_doc: dict[str, list[_Sentence]] = {}
    for s in sentences:
        by_doc.setdefault(s.doc_id, []).append(s)
    out: list[_Sentence] = []
    for row in itertools.zip_longest(*by_doc.values()):
        out.extend(s for s in row if s is not None)
    return out


def _source_url(uri: str, meta: Any, text: str) -> str | None:
    """The source's web address (its URI or a ``url`` it carries), with a text fragment
    (``#:~:text=``) that takes a browser to the quoted sentence."""
    from urllib.parse import quote

    url = uri if uri.startswith(("http://", "https://")) else None
    if url is None and isinstance(meta, dict):
        cand = meta.get("url") or meta.get("source_url")
        url = str(cand) if isinstance(cand, str) and cand.startswith(("http://", "https://")) else None
    if url is None:
        return None
    words = text.split()
    if len(words) > 8:
        frag = quote(" ".join(words[:4]), safe="") + "," + quote(" ".join(words[-4:]), safe="")
    else:
        frag = quote(" ".join(words), safe="")
    return url.split("#", 1)[0] + "#:~:text=" + frag


@functools.lru_cache(maxsize=256)
def _cue(cue: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])" + re.escape(cue))


def _year_of(e: Event) -> int | None:
    return civil_from_day(e.date.earliest)[0] if e.date else None


def _parse_ref_date(date: str | None) -> _dt.date:
    if not date:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(date.strip())
    except ValueError:
        raise BriefError(f"not a date: {date!r} (use YYYY-MM-DD)") from None


def _headline(b: _Builder, e: Event) -> _Sentence | None:
    ev = b.evidence(e)
    if not ev:
        return None
    # the best-ranked full sentence reads best as a lede (evidence() ranks body text first)
    full = [s for s in ev[:4] if len(_words_of(s.text)) >= 4]
    return full[0] if full else ev[0]


def _dated_evidence(b: _Builder, x: Event) -> list[_Sentence]:
    """The sentences stating ``x`` whose own date is the event's (a sentence about the
    talks that led to an appointment does not stand for the appointment)."""
    if x.date is None:
        return b.evidence(x)
    good = {
        (m.doc_id, m.start) for m in x.mentions if m.time is not None and m.time.compatible(x.date)
    }
    ev = b.evidence(x)
    dated = [s for s in ev if any(d == s.doc_id and s.start <= a < s.end for d, a in good)]
    return dated or ev


def _valid_at(pid: str, e: Event) -> bool:
    return existed(pid, e.date)


def _role_at(p: Any, e: Event) -> str | None:
    """The person's title at the event's date, as a source states it."""
    if e.date is None:
        return None
    for r in p.roles:
        lo = r.began.earliest if r.began else None
        hi = r.ended.latest if r.ended else None
        if (lo is None or lo <= e.date.latest) and (hi is None or e.date.earliest <= hi) and (
            lo is not None or hi is not None
        ):
            return str(r.title)
    return None


def _participants(b: _Builder, e: Event) -> Section:
    sec = Section(b.head("actors", "Who"), bullets=True)
    states: list[str] = []
    for pid in e.participants:
        p = b.hg.person(pid)
        if p is None or not _valid_at(pid, e):
            continue
        if p.kind != "person":
            states.append(p.name)
            continue
        role = _role_at(p, e)
        item = Item(label=p.name + (f", {role}" if role else ""))
        for r in p.roles[:2]:
            s = b.sentence_at(r.doc_id, r.start, r.end)
            if b.fresh(s):
                item.sentences.append(b.cite(s))
                break
        sec.items.append(item)
    if states:
        sec.items.append(Item(label=", ".join(dict.fromkeys(states))))
    return sec


def _first_sentence(text: str) -> str:
    m = re.search(r"(?<=[.!?])\s+(?=[A-Z0-9])", text)
    return text[: m.start()] if m else text


def _disagreements(b: _Builder, e: Event) -> Section | None:
    """One line per disagreement: each value with one source sentence, and one sentence of
    explanation."""
    conflicts = b.hg.conflicts(e.id, limit=None)
    if not conflicts:
        return None
    sec = Section(b.head("disagreements", "Where the sources disagree"), bullets=True)
    for c in conflicts:
        values = []
        item = Item()
        within = _within_other(c.values) if c.attribute == "date" else {}
        sources: dict[str, set[str]] = {}
        for v in c.values:
            sources.setdefault(within.get(v.value, v.value), set()).update(
                cl.doc_id for cl in v.claims
            )
        for v in c.values:
            if v.value in sources:
                shown = value_text(v.value) if c.attribute == "date" else v.value
                docs = len(sources[v.value])
                values.append(f"{shown} ({docs} source{'s' if docs != 1 else ''})")
            for cl in v.claims:
                st = b.sentence_at(cl.doc_id, cl.start, cl.end)
                if len(_words_of(st.text)) >= 3 or cl is v.claims[-1]:
                    item.sentences.append(b.cite(st))
                    break
        item.label = f"{c.attribute.capitalize()}: " + " or ".join(values)
        if c.explanation:
            item.note = _first_sentence(humanise(c.explanation))
        sec.items.append(item)
    return sec


def _within_other(values: Sequence[ConflictValue]) -> dict[str, str]:
    """Date values that lie inside another value of the same disagreement ("9 November,
    10:45 p.m." inside "9 November"), each with the coarser value it counts under: a reader
    sees the days that disagree, not each precision a source gave (a time of day counts
    under its bare day)."""
    from ..time import parse_value

    parsed = {v.value: parse_value(v.value) for v in values}
    out: dict[str, str] = {}
    for v in values:
        tv = parsed[v.value]
        if tv is None:
            continue
        hosts = [
            (o.value, ov)
            for o in values
            if o.value != v.value
            and (ov := parsed[o.value]) is not None
            and tv.within(ov)
            and (not ov.within(tv) or ("T" in tv.value and "T" not in ov.value))
        ]
        if hosts:
            # the coarsest host that is itself inside no other value
            out[v.value] = max(hosts, key=lambda h: (h[1].latest - h[1].earliest, h[0]))[0]
    return out


def _cap_per_source(sentences: list[_Sentence], cap: int) -> list[_Sentence]:
    seen: dict[str, int] = {}
    out = []
    for s in sentences:
        if seen.get(s.doc_id, 0) < cap:
            seen[s.doc_id] = seen.get(s.doc_id, 0) + 1
            out.append(s)
    return out


def _explainer(b: _Builder, e: Event) -> Brief:
    brief = Brief(
        "explainer",
        b.title(e),
        e.id,
        subtitle=f"{type_label(e.type)} · {date_label(e.date)}"
        + (f" · {_place(b, e)}" if _place(b, e) else ""),
    )
    evidence = b.evidence(e)
    context = _round_robin(_cap_per_source([s for s in b.context(e) if b.fresh(s)], 3))
    # "Why does it matter?" is chosen first (consequence and significance, never mere
    # background or a "first"), so the key points do not take its sentences; the citations
    # are still numbered in reading order
    reasons = [s for s in context if b.has(s, b.why)][:3]
    context = [s for s in context if s not in reasons]
    key = Section(b.head("key_points", "Key points"), bullets=True)
    for s in evidence:
        if len(key.items) >= 3:
            break
        if b.fresh(s) and len(_words_of(s.text)) >= 4:
            key.items.append(Item([b.cite(s)]))
    for s in context:
        if len(key.items) >= 5:
            break
        if b.fresh(s) and b.has(s, b.significance) and len(s.text) < 220:
            key.items.append(Item([b.cite(s)]))
    what = Section(b.head("what_happened", "What happened?"))
    para = Item()
    for s in evidence[3:8]:
        if b.fresh(s) and len(_words_of(s.text)) >= 4:
            para.sentences.append(b.cite(s))
    for s in context:
        if len(para.sentences) >= 5:
            break
        if b.fresh(s) and not b.has(s, b.significance):
            para.sentences.append(b.cite(s))
    if para.sentences:
        what.items.append(para)
    why = Section(b.head("why_it_matters", "Why does it matter?"))
    para = Item()
    for s in reasons:
        if b.fresh(s):
            para.sentences.append(b.cite(s))
    if para.sentences:
        why.items.append(para)
    brief.sections = [s for s in (key, what, why, _disagreements(b, e)) if s and s.items]
    return brief


def _place(b: _Builder, e: Event) -> str | None:
    """The event's place, else the place most of its sources state."""
    if e.place:
        return e.place
    counts: dict[str, int] = {}
    for c in e.claims:
        if c.attribute == "place":
            counts[c.value] = counts.get(c.value, 0) + 1
    for m in e.mentions:
        if m.place:
            counts[m.place] = counts.get(m.place, 0) + 1
    return max(counts, key=lambda k: (counts[k], -len(k))) if counts else None


def _card(b: _Builder, e: Event) -> Brief:
    y0 = _year_of(e)
    year = year_label(y0) if y0 is not None else "undated"
    place = _place(b, e)
    brief = Brief(
        "card",
        f"{b.title(e)} — {date_label(e.date)}",
        e.id,
        subtitle=f"{year} · {place}" if place else year,
    )
    head = _headline(b, e)
    top = Section(None)
    if head:
        top.items.append(Item([b.cite(head)]))
    when = Section(b.head("when", "When"), bullets=True)
    seen: set[str] = set()
    dates = sorted(
        (c for c in e.claims if c.attribute == "date"),
        key=lambda c: (e.date is not None and not _agrees(c.value, e), c.doc_id, c.start),
    )
    for c in dates:
        shown = value_text(c.value)
        if shown in seen:
            continue
        seen.add(shown)
        st = b.sentence_at(c.doc_id, c.start, c.end)
        when.items.append(Item([b.cite(st)], label=shown))
    actors = _participants(b, e)
    background = Section(b.head("background", "Background"), bullets=True)
    after = Section(b.head("aftermath", "What came next"), bullets=True)
    related = [x for x in b.related(e) if x.id != e.id and x.date is not None]
    related.sort(key=lambda x: (x.date.earliest if x.date else 0, x.id))
    for x in related:
        if x.date is None or e.date is None:
            continue
        target = (
            background
            if x.date.latest < e.date.earliest
            else (after if x.date.earliest > e.date.latest else None)
        )
        if target is None or len(target.items) >= 6:
            continue
        for st in _dated_evidence(b, x)[:1]:
            if b.fresh(st):
                target.items.append(Item([b.cite(st)], label=date_label(x.date)))
    if not background.items:
        for st in b.context(e):
            if b.fresh(st) and b.has(st, b.background) and len(background.items) < 4:
                background.items.append(Item([b.cite(st)]))
    brief.sections = [
        s for s in (top, when, actors, background, after, _disagreements(b, e)) if s and s.items
    ]
    return brief


def _agrees(value: str, e: Event) -> bool:
    from ..time import parse_value

    tv = parse_value(value)
    return tv is None or e.date is None or tv.compatible(e.date)


def _onthisday(b: _Builder, e: Event | None, date: str | None) -> Brief:
    if date:
        ref = _parse_ref_date(date)
        month, day = ref.month, ref.day
    elif e is not None and e.date is not None and e.date.precision in EXACT_PRECISIONS:
        _, month, day = civil_from_day(e.date.earliest)
    else:
        today = _dt.date.today()
        month, day = today.month, today.day
    label = _dt.date(2000, month, day).strftime("%-d %B")
    brief = Brief(
        "onthisday",
        f"{b.head('on_this_day', 'On this day')}: {label}",
        e.id if e else None,
        date=f"--{month:02d}-{day:02d}",
    )
    events = sorted(
        b.hg.on_day(month, day),
        key=lambda x: (x.date.earliest if x.date else 0, x.id),
    )
    exact = Section(None, bullets=True, sep=" –")
    loose = Section(b.head("also_this_month", "Dated only to the month or year"), bullets=True)
    disputed = {c.subject for c in b.hg.conflicts(limit=None) if c.attribute == "date"}
    for x in events:
        ev = b.evidence(x)
        if not ev or x.date is None:
            continue
        st = _dated_evidence(b, x)[0]
        if not b.fresh(st):  # two events told by one sentence: the sentence once
            continue
        if is_imprecise(x.date):
            loose.items.append(Item([b.cite(st)], label=date_label(x.date)))
            continue
        flag = " (date disputed)" if x.id in disputed else ""
        y = _year_of(x)
        exact.items.append(Item([b.cite(st)], label=(year_label(y) if y is not None else "") + flag))
    if not exact.items and not loose.items:
        exact.lead = f"Nothing in the knowledge base is dated to {label}."
    brief.sections = [s for s in (exact, loose) if s.items or s.lead]
    return brief


def _anniversary(b: _Builder, e: Event, date: str | None) -> Brief:
    ref = _parse_ref_date(date)
    if e.date is None:
        raise BriefError(f"event {e.id} has no date: no anniversary to count")
    y, m, d = civil_from_day(e.date.earliest)
    years = ref.year - y
    if e.date.precision in EXACT_PRECISIONS and (m, d) == (ref.month, ref.day):
        when = "today"
    elif e.date.precision in EXACT_PRECISIONS | {"month"} and m == ref.month:
        when = "this month"
    else:
        when = ""
    ago = (
        f"{years} year{'s' if abs(years) != 1 else ''} ago" if years >= 0 else f"in {-years} years"
    )
    lead = f"{ago} {when}".strip() + f", on {date_label(e.date)}"
    brief = Brief(
        "anniversary",
        f"{ago} {when}".strip().capitalize() + f": {b.title(e)}",
        e.id,
        subtitle=lead,
        date=ref.isoformat(),
    )
    sec = Section(None)
    item = Item()
    lede = _headline(b, e)
    if lede is not None:
        item.sentences.append(b.cite(lede))
    for s in b.evidence(e):
        if len(item.sentences) >= 2:
            break
        if b.fresh(s) and len(_words_of(s.text)) >= 4:
            item.sentences.append(b.cite(s))
    for s in _round_robin(_cap_per_source(b.context(e), 2)):
        if len(item.sentences) >= 4:
            break
        if b.fresh(s) and b.has(s, b.significance):
            item.sentences.append(b.cite(s))
    sec.items.append(item)
    brief.sections = [s for s in (sec, _disagreements(b, e)) if s and s.items]
    return brief


def _guide(b: _Builder, e: Event) -> Brief:
    related = b.related(e)
    years = [y for y in (_year_of(x) for x in related) if y is not None]
    span = f" ({year_label(min(years))}–{year_label(max(years))})" if years else ""
    brief = Brief(
        "guide",
        f"{b.head('timeline', 'Timeline')}: {b.title(e)}{span}",
        e.id,
        subtitle=f"{len(related)} events from the sources of this one",
    )
    by_year: dict[str, Section] = {}
    for x in related:
        y = _year_of(x)
        coarse = x.date is not None and x.date.precision in ("decade", "century", "millennium")
        key = heading_text(x.date) if coarse else (year_label(y) if y is not None else "Undated")
        sec = by_year.setdefault(key, Section(key, bullets=True))
        ev = _dated_evidence(b, x)
        if ev and b.fresh(ev[0]):
            sec.items.append(Item([b.cite(ev[0])], label=date_label(x.date) if x.date else None))
    sections = [s for s in by_year.values() if s.items]
    cast = Section(b.head("cast", "Cast of characters"), bullets=True)
    seen: set[str] = set()
    for x in related:
        for pid in x.participants:
            if pid in seen:
                continue
            seen.add(pid)
            p = b.hg.person(pid)
            if p is None or p.kind != "person":
                continue
            titles = sorted({r.title for r in p.roles})
            item = Item(label=p.name + (f" ({'; '.join(titles[:3])})" if titles else ""))
            for r in p.roles[:1]:
                s = b.sentence_at(r.doc_id, r.start, r.end)
                item.sentences.append(b.cite(s))
            cast.items.append(item)
    if cast.items:
        sections.append(cast)
    brief.sections = sections
    return brief


def build_brief(
    hg: Histograph, event_id: str | None, style: str = "explainer", *, date: str | None = None
) -> Brief:
    """A brief of ``event_id`` in ``style`` (``onthisday`` may omit the event)."""
    if style not in STYLES:
        raise BriefError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    e = hg.event(event_id) if event_id else None
    if event_id and e is None:
        raise BriefError(f"no event with id {event_id!r} (see `histograph timeline`)")
    b = _Builder(hg)
    if style == "onthisday":
        brief = _onthisday(b, e, date)
    elif e is None:
        raise BriefError(f"the {style} brief needs an event id")
    elif style == "explainer":
        brief = _explainer(b, e)
    elif style == "card":
        brief = _card(b, e)
    elif style == "anniversary":
        brief = _anniversary(b, e, date)
    else:
        brief = _guide(b, e)
    brief.citations = b.citations
    return brief
