"""``histograph export --format site``: a static, offline copy of the web UI in a folder.

The pages are rendered with the web UI's own templates and data (:mod:`histograph.web`),
with relative links, so the folder works from ``file://`` or any static host. The browser
assets the pages need (vis-timeline, TimelineJS) are copied from ``node_modules`` into the
output folder at export time; without them the timeline is a plain list.

Safety: file names come from ids through :func:`~histograph.render.present.safe_name`
(no separators, no dot segments), every write is checked to stay inside the output
folder, and a non-empty folder is only overwritten when it holds an earlier site export.
"""

from __future__ import annotations

import datetime as _dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..render.present import safe_name, script_json
from ..render.titles import headline
from ..store import exact_on

if TYPE_CHECKING:
    from ..api import Histograph

MARKER = ".histograph-site"
MAX_SEARCH_SENTENCES = 50_000


class SiteError(ValueError):
    """The output folder cannot be used."""


def _prepare(out: Path) -> Path:
    out = out.expanduser()
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SiteError(
            f"{out} is not empty and holds no earlier site export ({MARKER}); "
            "choose a new or empty folder"
        )
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("histograph static site export\n", encoding="utf-8")
    return out.resolve()


def _writer(root: Path) -> Callable[[str, str], None]:
    def write(rel: str, text: str) -> None:
        target = (root / rel).resolve()
        if root != target and root not in target.parents:
            raise SiteError(f"refusing to write outside {root}: {rel!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    return write


def export_site(
    hg: Histograph, out: str | Path, *, node_modules: str | Path | None = None
) -> dict[str, Any]:
    """Write the site into ``out``; returns counts of what was written."""
    from ..render.timelinejs import timelinejs
    from .assets import (
        TIMELINEJS_CSS,
        TIMELINEJS_JS,
        VIS_CSS,
        VIS_JS,
        copy_vendor,
        find_node_modules,
    )
    from .links import SiteLinks
    from .templating import render
    from .views import MAX_PAGE, Filters, Views, source_name

    root = _prepare(Path(out))
    write = _writer(root)
    nm = find_node_modules(node_modules)
    vendors = set(copy_vendor(nm, root / "vendor"))
    static_src = Path(__file__).resolve().parents[1] / "web" / "static"
    shutil.copytree(static_src, root / "static", dirs_exist_ok=True)
    views = Views(hg)
    counts: dict[str, Any] = {"vendor": sorted(vendors)}

    def page(rel: str, template: str, nav: str, depth: int, **ctx: Any) -> None:
        write(
            rel,
            render(
                template,
                links=SiteLinks(depth),
                nav=nav,
                has_vis={"vis-timeline", "vis-timeline-css"} <= vendors,
                has_timelinejs="timelinejs" in vendors,
                vis_js=VIS_JS,
                vis_css=VIS_CSS,
                timelinejs_js=TIMELINEJS_JS,
                timelinejs_css=TIMELINEJS_CSS,
                **ctx,
            ),
        )

    # the timeline: every event on one page
    total = hg.count_events()
    everything = Filters()
    data = (
        views.timeline(everything, max(1, min(total, MAX_PAGE)), 0)
        if total
        else {
            "filters": everything.as_dict(),
            "total": 0,
            "items": [],
            "limit": 1,
            "offset": 0,
            "next_offset": None,
            "prev_offset": None,
        }
    )
    if total > MAX_PAGE:
        data["items"] = [views.summary(e) for e in hg.iter_events()]
        data["next_offset"] = None
    items = views.timeline_items(everything)
    root_links = SiteLinks(0)
    for it in items["items"]:
        it["url"] = root_links.event(it["id"])
    page(
        "index.html",
        "timeline.html",
        "timeline",
        0,
        title="Timeline",
        data=data,
        facets=views.facets(),
        items=items,
    )

    n_events = 0
    for e in hg.iter_events():
        page(
            f"events/{safe_name(e.id)}.html",
            "event.html",
            "timeline",
            1,
            title=headline(e, hg.quote),
            e=views.event(e.id),
            styles=(),
        )
        n_events += 1
    counts["events"] = n_events

    people = hg.people(None, limit=None)
    page(
        "people.html",
        "people.html",
        "people",
        0,
        title="People",
        data=views.people(None, "person", max(1, len(people)), 0)
        if people
        else {
            "query": None,
            "kind": "person",
            "items": [],
            "total": 0,
            "limit": 1,
            "offset": 0,
            "next_offset": None,
            "prev_offset": None,
        },
    )
    for p in people:
        page(
            f"people/{safe_name(p.id)}.html",
            "person.html",
            "people",
            1,
            title=p.name,
            p=views.person(p.id),
        )
    counts["people"] = len(people)

    docs = hg.sources()
    page(
        "sources.html",
        "sources.html",
        "sources",
        0,
        title="Sources",
        data=views.sources(max(1, min(len(docs), MAX_PAGE)), 0),
    )
    for d in docs:
        sdata = views.source(d.id)
        page(
            f"sources/{safe_name(d.id)}.html",
            "source.html",
            "sources",
            1,
            title=sdata["document"]["name"],
            data=sdata,
        )
    counts["sources"] = len(docs)

    conflicts = hg.conflicts(limit=None)
    page(
        "conflicts.html",
        "conflicts.html",
        "conflicts",
        0,
        title="Conflicts",
        data=views.conflicts(max(1, len(conflicts)), 0)
        if conflicts
        else {
            "items": [],
            "total": 0,
            "limit": 1,
            "offset": 0,
            "next_offset": None,
            "prev_offset": None,
        },
    )
    counts["conflicts"] = len(conflicts)

    # on this day: every month-day with an event
    days: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for e in hg.iter_events():
        if e.date is None or e.date.latest - e.date.earliest > 31:
            continue
        seen: set[tuple[int, int]] = set()
        for n in range(e.date.earliest, e.date.latest + 1):
            d0 = _dt.date.fromordinal(n + 1) if n >= 0 else None
            if d0 is None or (d0.month, d0.day) in seen:
                continue
            seen.add((d0.month, d0.day))
            row = views.summary(e)
            row["exact"] = exact_on(e.date, d0.month, d0.day)
            days.setdefault((d0.month, d0.day), []).append(row)
    day_list = [
        {"key": f"{m:02d}-{d:02d}", "label": _dt.date(2000, m, d).strftime("%-d %B"), "items": rows}
        for (m, d), rows in sorted(days.items())
    ]
    page("onthisday.html", "onthisday_all.html", "onthisday", 0, title="On this day", days=day_list)

    # search: a small client-side index of sentences and names
    sentences: list[dict[str, Any]] = []
    for a in hg.analyses():
        text = a.document.text
        name = source_name(a.document.uri, a.document.title)
        for s in a.sentences:
            if len(sentences) >= MAX_SEARCH_SENTENCES:
                break
            sentences.append(
                {
                    "text": " ".join(text[s.start : s.end].split()),
                    "url": root_links.source(a.document.id, s.start, s.end),
                    "source": name,
                }
            )
    names = [
        {"name": p.name, "aliases": list(p.aliases), "url": root_links.person(p.id)} for p in people
    ]
    write(
        "data/search.js",
        "window.HISTOGRAPH_SEARCH = "
        + script_json({"sentences": sentences, "entities": names})
        + ";\n",
    )
    page(
        "search.html",
        "search.html",
        "search",
        0,
        title="Search",
        data={"query": "", "sentences": [], "entities": []},
    )

    page(
        "timelinejs.html",
        "timelinejs.html",
        "timeline",
        0,
        title="Storytelling timeline",
        tl=timelinejs(hg),
    )
    counts["folder"] = str(root)
    return counts
