"""Readable terminal tables (Rich) for the CLI's query commands."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from .dates import value_text
from .titles import plain


def short(uri: str) -> str:
    """A source's file name (or the tail of its URL) for narrow tables."""
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    return tail or uri


def _date(d: dict[str, Any] | None) -> str:
    """A serialised date as people read it (:mod:`histograph.render.dates`)."""
    if not d:
        return "—"
    return str(d.get("label") or value_text(str(d["value"])))



def tsv(table: Table) -> str:
    """A table as plain tab-separated lines for pipes and logs: the title as a ``#`` line,
    then the header, then one line per row, no markup, no wrapping."""

    def plain(cell: object) -> str:
        text = cell.plain if isinstance(cell, Text) else Text.from_markup(str(cell)).plain
        lines = (" ".join(x.replace("\t", " ").split()) for x in text.splitlines())
        return "; ".join(x for x in lines if x)  # a cell's lines, on one line

    lines = []
    if table.title:
        lines.append("# " + plain(table.title))
    if table.show_header:
        lines.append("\t".join(plain(c.header) for c in table.columns))
    cells = [list(c.cells) for c in table.columns]
    for row in zip(*cells, strict=False):
        lines.append("\t".join(plain(x) for x in row))
    return "\n".join(lines) + "\n\n"


def timeline_table(events: list[dict[str, Any]], title: str = "Timeline") -> Table:
    t = Table(title=title, show_lines=False, expand=False)
    t.add_column("date", no_wrap=True)
    t.add_column("type", style="cyan", no_wrap=True)
    t.add_column("event")
    t.add_column("src", justify="right")
    t.add_column("id", style="dim", no_wrap=True)
    for e in events:
        flag = " [bold red]⚠ disputed[/]" if e.get("disputed") else ""
        t.add_row(
            _date(e["date"]),
            e["type"],
            (e["title"] or "") + flag,
            f"{e['independent_support']}/{e['support']}",
            e["id"],
        )
    return t


def people_table(people: list[dict[str, Any]]) -> Table:
    t = Table(title="Cast of characters")
    t.add_column("name", style="bold", no_wrap=True)
    t.add_column("roles")
    t.add_column("aliases", style="dim")
    t.add_column("docs", justify="right")
    for p in people:
        roles = sorted({r["title"] for r in p["roles"]})
        others = [a for a in p["aliases"] if a != p["name"]]
        t.add_row(p["name"], "; ".join(roles), ", ".join(others[:6]), str(len(p["sources"])))
    return t


def person_tables(p: dict[str, Any]) -> list[Table]:
    head = Table(title=p["name"], show_header=False)
    head.add_column("k", style="bold")
    head.add_column("v")
    head.add_row("aliases", ", ".join(p["aliases"]))
    head.add_row("sources", ", ".join(
        str(x.get("name") or x.get("uri")) if isinstance(x, dict) else str(x) for x in p["sources"]
    ))
    roles = Table(title="Roles")
    for col in ("title", "from", "to", "source", "quote"):
        roles.add_column(col)
    for r in p["roles"]:
        roles.add_row(
            r["title"], _date(r["from"]), _date(r["to"]), short(r["source"]["uri"]), r["source"]["quote"]
        )
    out = [head, roles]
    if p.get("events"):
        out.append(timeline_table(p["events"], title="Events"))
    return out


def event_tables(e: dict[str, Any]) -> list[Table]:
    head = Table(title=f"{e['title']}", show_header=False)
    head.add_column("k", style="bold")
    head.add_column("v")
    head.add_row("id", e["id"])
    head.add_row("type", e["type"])
    head.add_row("date", _date(e["date"]))
    head.add_row("place", e["place"] or "—")
    head.add_row("sources", f"{e['support']} ({e['independent_support']} independent)")
    claims = Table(title="What each source says")
    for col in ("attribute", "value", "source", "quote"):
        claims.add_column(col)
    for c in e["claims"]:
        claims.add_row(c["attribute"], c.get("label", c["value"]), short(c["uri"]), c["quote"])
    mentions = Table(title="Mentions")
    for col in ("source", "date", "quote"):
        mentions.add_column(col)
    for m in e["mentions"]:
        mentions.add_row(short(m["uri"]), _date(m["date"]), m["quote"])
    out = [head, claims, mentions]
    if e.get("conflicts"):
        out.append(conflicts_table(e["conflicts"]))
    return out


def conflicts_table(conflicts: list[dict[str, Any]]) -> Table:
    t = Table(title="Conflicts", show_lines=True)
    t.add_column("subject", style="bold")
    t.add_column("attribute")
    t.add_column("severity")
    t.add_column("kind")
    t.add_column("values (sources)")
    t.add_column("explanation")
    for c in conflicts:
        values = "\n".join(
            f"{v.get('label', v['value'])}  ({', '.join(sorted({short(s['uri']) for s in v['sources']}))})"
            for v in c["values"]
        )
        sev = "[red]hard[/]" if c["severity"] == "hard" else "[yellow]soft[/]"
        t.add_row(
            c.get("subject_label", c["subject"]), c["attribute"], sev, c["kind"], values,
            c["explanation"],
        )
    return t


def sources_table(docs: list[dict[str, Any]]) -> Table:
    t = Table(title="Sources")
    for col in ("source", "title", "format", "published", "chars", "id"):
        t.add_column(col)
    for d in docs:
        t.add_row(
            short(d["uri"]), d["title"] or "", d["format"], _date(d["published"]), str(d["chars"]), d["id"]
        )
    return t


def search_table(hits: list[dict[str, Any]]) -> Table:
    t = Table(title="Search")
    for col in ("source", "span", "sentence"):
        t.add_column(col)
    for h in hits:
        uri = h["uri"] if "uri" in h else h["source"]["uri"]
        t.add_row(short(uri), f"{h['start']}–{h['end']}", plain(h["text"]))
    return t


def eval_table(result: dict[str, Any]) -> Table:
    t = Table(title="Evaluation (FORMAT.md §4)")
    cols = ("cluster", "ev P", "ev R", "ev F1", "main R", "main P", "date =",
            "ppl F1", "role R", "confl", "hard", "soft", "traps")
    for c in cols:
        t.add_column(c, justify="right" if c != "cluster" else "left")

    def row(name: str, r: dict[str, Any]) -> None:
        ev, main, d, p, c = r["events"], r["events_main"], r["dates"], r["people"], r["conflicts"]
        t.add_row(
            name, f"{ev['p']:.3f}", f"{ev['r']:.3f}", f"{ev['f1']:.3f}", f"{main['r']:.3f}",
            f"{main['p']:.3f}", f"{d['exact']}/{d['n']}", f"{p['f1']:.3f}", f"{p['role_recall']:.3f}",
            f"{c['found']}/{c['gold']}", str(c["found_hard"]), str(c["found_soft"]),
            str(r["traps"]["hits"]),
        )

    for name, r in sorted(result.get("clusters", {}).items()):
        if "skipped" in r:
            t.add_row(name, f"[dim]skipped: {r['skipped']}[/]", *[""] * (len(cols) - 2))
        else:
            row(name, r)
    if "micro" in result:
        row("[bold]micro[/]", result["micro"])
    return t
