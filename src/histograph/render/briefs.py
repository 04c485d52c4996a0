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
import re
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from ..model import CONTENT_REGIONS, Analysis, Event, civil_from_day
from .present import EXACT_PRECISIONS, date_label, is_imprecise, one_line, type_label, year_label

if TYPE_CHECKING:
    from ..api import Histograph

STYLES = ("explainer", "card", "onthisday", "anniversary", "guide")
FORMATS = ("md", "html")

#: longest sentence quoted in a brief (characters); longer ones are skipped when possible
MAX_SENTENCE = 600


class BriefError(ValueError):
    """A brief that cannot be made (unknown event, style or date)."""


@functools.lru_cache(maxsize=1)
def brief_data() -> dict[str, Any]:
    text = resources.files("histograph").joinpath("data", "briefs.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    source: str  # uri
    title: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Cited:
    """One sentence as the source wrote it, with the number of its citation."""

    text: str
    n: int


@dataclass
class Item:
    sentences: list[Cited] = field(default_factory=list)
    label: str | None = None  # a date, a name: data, not a sentence


@dataclass
class Section:
    heading: str | None
    items: list[Item] = field(default_factory=list)
    bullets: bool = False
    lead: str | None = None


@dataclass
class Brief:
    style: str
    title: str
    event_id: str | None
    subtitle: str | None = None
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    date: str | None = None


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
        self._analyses: dict[str, Analysis | None] = {}
        self._used: set[str] = set()
        data = brief_data()
        self.heads: dict[str, str] = data.get("headings", {})
        self.significance = [str(c).lower() for c in data.get("significance_cues", ())]
        self.background = [str(c).lower() for c in data.get("background_cues", ())]

    # -- sentences -------------------------------------------------------------
    def analysis(self, doc_id: str) -> Analysis | None:
        if doc_id not in self._analyses:
            self._analyses[doc_id] = self.hg.store.analysis(doc_id)
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
                )
            )
        self._used.add(_norm(s.text))
        return Cited(s.text, self._numbers[key])

    def fresh(self, s: _Sentence) -> bool:
        return _norm(s.text) not in self._used and 0 < len(s.text) <= MAX_SENTENCE

    def has(self, s: _Sentence, cues: list[str]) -> bool:
        low = " " + s.text.lower() + " "
        return any(_cue(c).search(low) for c in cues)

    # -- events ----------------------------------------------------------------
    def evidence(self, e: Event) -> list[_Sentence]:
        """One sentence per mention, asserted and independent first, distinct texts."""
        indep = {c.doc_id for c in e.claims if c.independent}
        mentions = sorted(
            e.mentions,
            key=lambda m: (
                m.modality != "asserted",
                m.doc_id not in indep,
                m.region_kind not in CONTENT_REGIONS,
                m.doc_id,
                m.start,
            ),
        )
        out: list[_Sentence] = []
        seen: set[str] = set()
        for m in mentions:
            s = self.sentence_at(m.doc_id, m.start, m.end)
            if _norm(s.text) in seen or not s.text:
                continue
            seen.add(_norm(s.text))
            out.append(s)
        return out

    def context(self, e: Event, window: int = 4) -> list[_Sentence]:
        """Sentences near the event's mentions in its sources, nearest first."""
        scored: list[tuple[int, int, _Sentence]] = []
        for m in e.mentions:
            sents = self.sentences(m.doc_id)
            idx = next((i for i, s in enumerate(sents) if s.start <= m.start < s.end), None)
            if idx is None:
                continue
            for j in range(max(0, idx - window), min(len(sents), idx + window + 1)):
                if j != idx:
                    scored.append((abs(j - idx), j - idx, sents[j]))
        scored.sort(key=lambda t: (t[0], t[1] < 0, t[2].doc_id, t[2].start))
        out: list[_Sentence] = []
        seen: set[tuple[str, int]] = set()
        for _, _, s in scored:
            if (s.doc_id, s.start) not in seen:
                seen.add((s.doc_id, s.start))
                out.append(s)
        return out

    def related(self, e: Event, limit: int = 200) -> list[Event]:
        """Events sharing a source or a participant with ``e`` (``e`` included), by date."""
        found: dict[str, Event] = {e.id: e}
        store = self.hg.store
        for doc in sorted({m.doc_id for m in e.mentions}):
            for x in store.events(source=doc, limit=limit):
                found.setdefault(x.id, x)
        for p in e.participants:
            for x in store.events(entity=p, limit=limit):
                found.setdefault(x.id, x)
        order = {x.id: i for i, x in enumerate(store.events(limit=None))} if len(found) > 1 else {}
        return sorted(found.values(), key=lambda x: order.get(x.id, 0))[:limit]

    def head(self, key: str, default: str) -> str:
        return str(self.heads.get(key, default))


_LEAD_MARK = re.compile(r"^\s*(?:[-*+>]|#{1,6}|\d{1,3}[.)])\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def _display(text: str) -> str:
    """A quoted sentence for reading: whitespace collapsed, a leading list/heading marker
    and Markdown bold markers dropped (the citation keeps the exact span)."""
    text = one_line(text)
    text = _LEAD_MARK.sub("", text)
    return _EMPHASIS.sub(r"\2", text).strip()


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


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
    # the shortest full sentence among the first sources reads best as a headline
    return min(ev[:4], key=lambda s: (len(s.text) < 30, len(s.text)))


def _participants(b: _Builder, e: Event) -> Section:
    sec = Section(b.head("actors", "Who"), bullets=True)
    for pid in e.participants:
        p = b.hg.person(pid)
        if p is None:
            continue
        item = Item(label=p.name)
        for r in p.roles[:2]:
            s = b.sentence_at(r.doc_id, r.start, r.end)
            if b.fresh(s):
                item.sentences.append(b.cite(s))
        sec.items.append(item)
    return sec


def _disagreements(b: _Builder, e: Event) -> Section | None:
    conflicts = b.hg.conflicts(e.id)
    if not conflicts:
        return None
    sec = Section(b.head("disagreements", "Where the sources disagree"), bullets=True)
    for c in conflicts:
        for v in c.values:
            item = Item(label=f"{c.attribute}: {v.value}")
            for cl in v.claims[:3]:
                s = b.sentence_at(cl.doc_id, cl.start, cl.end)
                item.sentences.append(b.cite(s))
            sec.items.append(item)
        if c.explanation:
            sec.lead = (sec.lead + " " if sec.lead else "") + c.explanation
    return sec


def _explainer(b: _Builder, e: Event) -> Brief:
    brief = Brief(
        "explainer",
        e.title,
        e.id,
        subtitle=f"{type_label(e.type)} · {date_label(e.date)}"
        + (f" · {e.place}" if e.place else ""),
    )
    evidence = b.evidence(e)
    context = [s for s in b.context(e) if b.fresh(s)]
    key = Section(b.head("key_points", "Key points"), bullets=True)
    for s in evidence[:3]:
        key.items.append(Item([b.cite(s)]))
    for s in context:
        if len(key.items) >= 5:
            break
        if b.fresh(s) and b.has(s, b.significance) and len(s.text) < 220:
            key.items.append(Item([b.cite(s)]))
    what = Section(b.head("what_happened", "What happened?"))
    para = Item()
    for s in evidence[3:8]:
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
    for s in context:
        if len(para.sentences) >= 4:
            break
        if b.fresh(s) and (b.has(s, b.significance) or b.has(s, b.background)):
            para.sentences.append(b.cite(s))
    if not para.sentences:  # the events that followed, in their sources' words
        for x in b.related(e):
            if x.date and e.date and x.date.earliest > e.date.latest:
                for s in b.evidence(x)[:1]:
                    if b.fresh(s):
                        para.sentences.append(b.cite(s))
            if len(para.sentences) >= 3:
                break
    if para.sentences:
        why.items.append(para)
    brief.sections = [s for s in (key, what, why, _disagreements(b, e)) if s and s.items]
    return brief


def _card(b: _Builder, e: Event) -> Brief:
    y0 = _year_of(e)
    year = year_label(y0) if y0 is not None else "undated"
    brief = Brief(
        "card",
        f"{e.title} — {date_label(e.date)}",
        e.id,
        subtitle=f"{year} · {e.place or 'place not stated'}",
    )
    head = _headline(b, e)
    top = Section(None)
    if head:
        top.items.append(Item([b.cite(head)]))
    when = Section(b.head("when", "When"), bullets=True)
    seen: set[str] = set()
    for c in e.claims:
        if c.attribute == "date" and c.value not in seen:
            seen.add(c.value)
            s = b.sentence_at(c.doc_id, c.start, c.end)
            when.items.append(Item([b.cite(s)], label=c.value))
    actors = _participants(b, e)
    background = Section(b.head("background", "Background"), bullets=True)
    after = Section(b.head("aftermath", "What came next"), bullets=True)
    for x in b.related(e):
        if x.id == e.id or x.date is None or e.date is None:
            continue
        target = (
            background
            if x.date.latest < e.date.earliest
            else (after if x.date.earliest > e.date.latest else None)
        )
        if target is None or len(target.items) >= 6:
            continue
        for s in b.evidence(x)[:1]:
            if b.fresh(s):
                target.items.append(Item([b.cite(s)], label=date_label(x.date)))
    if not background.items:
        for s in b.context(e):
            if b.fresh(s) and b.has(s, b.background) and len(background.items) < 4:
                background.items.append(Item([b.cite(s)]))
    brief.sections = [
        s for s in (top, when, actors, background, after, _disagreements(b, e)) if s and s.items
    ]
    return brief


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
    events = b.hg.store.on_this_day(month, day)
    if e is not None:
        events = sorted(events, key=lambda x: x.id != e.id)
    sec = Section(None, bullets=True)
    disputed = {c.subject for c in b.hg.conflicts() if c.attribute == "date"}
    for x in events:
        ev = b.evidence(x)
        if not ev:
            continue
        flag = ""
        if is_imprecise(x.date):
            flag = " (date imprecise)"
        elif x.id in disputed:
            flag = " (date disputed)"
        sec.items.append(Item([b.cite(ev[0])], label=date_label(x.date) + flag))
    if not sec.items:
        sec.lead = f"Nothing in the knowledge base is dated to {label}."
    brief.sections = [sec]
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
        f"{ago} {when}".strip().capitalize() + f": {e.title}",
        e.id,
        subtitle=lead,
        date=ref.isoformat(),
    )
    sec = Section(None)
    item = Item()
    for s in b.evidence(e)[:2]:
        item.sentences.append(b.cite(s))
    for s in b.context(e):
        if len(item.sentences) >= 4:
            break
        if b.fresh(s) and (b.has(s, b.significance) or b.has(s, b.background)):
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
        f"{b.head('timeline', 'Timeline')}: {e.title}{span}",
        e.id,
        subtitle=f"{len(related)} events from the sources of this one",
    )
    by_year: dict[str, Section] = {}
    for x in related:
        y = _year_of(x)
        key = year_label(y) if y is not None else "Undated"
        sec = by_year.setdefault(key, Section(key, bullets=True))
        ev = b.evidence(x)
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


# ---------------------------------------------------------------- rendering
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md_escape(text: str) -> str:
    """Text for Markdown: markup characters backslash-escaped, HTML characters as entities
    (a Markdown renderer would otherwise pass a source's ``<script>`` through)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_sentences(item: Item) -> str:
    parts = [f"{md_escape(s.text)} [{s.n}]" for s in item.sentences]
    body = " ".join(parts)
    if item.label:
        return f"**{md_escape(item.label)}:** {body}".rstrip()
    return body


def to_markdown(brief: Brief) -> str:
    lines = [f"# {md_escape(brief.title)}", ""]
    if brief.subtitle:
        lines += [f"*{md_escape(brief.subtitle)}*", ""]
    for sec in brief.sections:
        if sec.heading:
            lines += [f"## {md_escape(sec.heading)}", ""]
        if sec.lead:
            lines += [md_escape(sec.lead), ""]
        for item in sec.items:
            text = _md_sentences(item)
            lines.append(f"- {text}" if sec.bullets else text)
            if not sec.bullets:
                lines.append("")
        if sec.bullets and sec.items:
            lines.append("")
    if brief.citations:
        lines += ["## Sources", ""]
        for c in brief.citations:
            name = f" — {md_escape(c.title)}" if c.title else ""
            lines.append(f"{c.n}. {md_escape(c.source)}{name}, characters {c.start}–{c.end}")
        lines.append("")
    return "\n".join(lines)


def to_html(brief: Brief) -> str:
    """A standalone HTML page (autoescaped Jinja2 template)."""
    from ..web.templating import render

    return render("brief_standalone.html", brief=brief)


def to_dict(brief: Brief) -> dict[str, Any]:
    return asdict(brief)


def render_brief(brief: Brief, fmt: str = "md") -> str:
    if fmt == "md":
        return to_markdown(brief)
    if fmt == "html":
        return to_html(brief)
    raise BriefError(f"unknown brief format {fmt!r}; choose md or html")
