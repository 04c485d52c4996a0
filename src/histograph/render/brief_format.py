"""Briefs as data (:class:`Brief`: sections of cited sentences, with their citations) and
their renderings: Markdown (escaped), a standalone HTML page, a plain dict. Built by
:mod:`histograph.render.briefs`."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .present import one_line


class BriefError(ValueError):
    """A brief that cannot be made (unknown event, style or date)."""



@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    source: str  # uri
    title: str | None
    start: int
    end: int
    url: str | None = None  # the source's web address when known, with a text fragment

    @property
    def name(self) -> str:
        """The source as a reader names it: its title, else its file name."""
        return one_line(self.title) if self.title else self.source.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Cited:
    """One sentence as the source wrote it, with the number of its citation."""

    text: str
    n: int


@dataclass
class Item:
    sentences: list[Cited] = field(default_factory=list)
    label: str | None = None  # a date, a name: data, not a sentence
    note: str | None = None  # our own words after the quotes (a conflict's explanation)


@dataclass
class Section:
    heading: str | None
    items: list[Item] = field(default_factory=list)
    bullets: bool = False
    lead: str | None = None
    sep: str = ":"  # between an item's label and its sentences ("1933 – …" in a digest)


@dataclass
class Brief:
    style: str
    title: str
    event_id: str | None
    subtitle: str | None = None
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    date: str | None = None


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md_escape(text: str) -> str:
    """Text for Markdown: markup characters backslash-escaped, HTML characters as entities
    (a Markdown renderer would otherwise pass a source's ``<script>`` through)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_sentences(item: Item, sep: str = ":") -> str:
    parts = [f"{md_escape(s.text)} [{s.n}]" for s in item.sentences]
    if item.note:
        parts.append(md_escape(item.note))
    body = " ".join(parts)
    if item.label and body:
        return f"**{md_escape(item.label)}{sep}** {body}"
    if item.label:
        return md_escape(item.label)
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
            text = _md_sentences(item, sec.sep)
            lines.append(f"- {text}" if sec.bullets else text)
            if not sec.bullets:
                lines.append("")
        if sec.bullets and sec.items:
            lines.append("")
    if brief.citations:
        lines += ["## Sources", ""]
        for c in brief.citations:
            name = md_escape(c.name)
            if c.url:  # the link's text fragment takes the reader to the sentence
                lines.append(f"{c.n}. [{name}](<{c.url}>)")
            else:
                file = md_escape(c.source.rsplit("/", 1)[-1])
                where = f"{file}, " if c.title else ""
                lines.append(f"{c.n}. {name} ({where}characters {c.start}–{c.end})")
        lines.append("")
    return "\n".join(lines)


def to_html(brief: Brief) -> str:
    """A standalone HTML page (autoescaped Jinja2 template)."""
    from .templating import render

    return render("brief_standalone.html", brief=brief)


def to_dict(brief: Brief) -> dict[str, Any]:
    return asdict(brief)


def render_brief(brief: Brief, fmt: str = "md") -> str:
    if fmt == "md":
        return to_markdown(brief)
    if fmt == "html":
        return to_html(brief)
    raise BriefError(f"unknown brief format {fmt!r}; choose md or html")
