"""The web UI: FastAPI + Jinja2 over a read-only knowledge base.

Every page has a JSON twin under ``/api/`` (documented at ``/docs`` and ``/openapi.json``)
built from the same :class:`~histograph.web.views.Views` data. Nothing is ever written.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles

from ..api import Histograph
from ..render import briefs as briefs_mod
from ..render import export as export_mod
from ..store import open_store
from .assets import TIMELINEJS_CSS, TIMELINEJS_JS, VIS_CSS, VIS_JS, find_node_modules, vendor_dirs
from .links import ServerLinks
from .templating import render
from .templating import warm as warm_templates
from .views import MAX_PAGE, PAGE_SIZE, BadRequest, Filters, NotFound, Views

STATIC_DIR = Path(__file__).parent / "static"

#: Content-Security-Policy of every page: our scripts only, no inline script, no plugins
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")]
#: the largest offset accepted (far beyond any knowledge base; SQLite stops at 2**63 - 1)
MAX_OFFSET = 10**12
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (pagination).")]
Id = Annotated[str, PathParam(max_length=300)]


def _parse_span(hl: str | None) -> tuple[int, int] | None:
    if not hl:
        return None
    parts = hl.split("-")
    if len(parts) != 2 or not all(p.isdigit() and len(p) < 12 for p in parts):
        raise BadRequest(f"hl must be START-END (character offsets), not {hl!r}")
    a, b = int(parts[0]), int(parts[1])
    if b < a:
        raise BadRequest("hl: END is before START")
    return a, b


def create_app(
    db: str | os.PathLike[str] | Histograph = "histograph.db",
    *,
    node_modules: str | os.PathLike[str] | None = None,
) -> FastAPI:
    """The web app over ``db`` (a path, opened read-only, or an open Histograph)."""
    hg = db if isinstance(db, Histograph) else Histograph(open_store(db, readonly=True))
    views = Views(hg)
    views.warm()  # data and templates read at the start, not at the first view
    warm_templates()
    views.warm_first_view()  # the timeline's facets and drawn items, likewise
    nm = find_node_modules(node_modules)
    vendors = vendor_dirs(nm)
    links = ServerLinks()

    app = FastAPI(
        title="histograph",
        summary="A cited, cross-checked knowledge base of historical events (read-only).",
        description=(
            "Every page of the histograph web UI has a JSON twin here. Lists are paginated "
            "with `limit`/`offset`; every fact carries its source document and character span."
        ),
        version="0.1.0",
        docs_url=None,  # FastAPI's /docs and /redoc load scripts from a CDN: offline they
        redoc_url=None,  # break, and they need a CSP exception; /docs is served below
    )
    app.state.histograph = hg
    app.state.views = views
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for name, folder in vendors.items():
        app.mount(f"/vendor/{name}", StaticFiles(directory=folder), name=f"vendor-{name}")

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> str:
        """The API reference, from the OpenAPI schema, as a plain page (no scripts)."""
        return api_reference(app.openapi())

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return HTMLResponse(
            page("error.html", "error", title="Not found", message=str(exc), status=404),
            status_code=404,
        )

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return HTMLResponse(
            page("error.html", "error", title="Bad request", message=str(exc), status=400),
            status_code=400,
        )

    def page(template: str, nav: str, **ctx: Any) -> str:
        return render(
            template,
            links=links,
            nav=nav,
            has_vis="vis-timeline" in vendors and "vis-timeline-css" in vendors,
            has_timelinejs="timelinejs" in vendors,
            vis_js=VIS_JS,
            vis_css=VIS_CSS,
            timelinejs_js=TIMELINEJS_JS,
            timelinejs_css=TIMELINEJS_CSS,
            **ctx,
        )

    # ------------------------------------------------------------------ pages
    @app.get("/", response_class=HTMLResponse, summary="Timeline page", tags=["pages"])
    def timeline_page(
        start: Annotated[str | None, Query(alias="from")] = None,
        end: Annotated[str | None, Query(alias="to")] = None,
        type: str | None = None,
        entity: str | None = None,
        source: str | None = None,
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
    ) -> str:
        f = Filters(start, end, type, entity, source)
        data = views.timeline(f, limit, offset)
        items = views.timeline_items(f)
        for it in items["items"]:
            it["url"] = links.event(it["id"])

        def page_url(off: int) -> str:
            return links.page(
                "timeline",
                **{"from": start, "to": end},
                type=type,
                entity=entity,
                source=source,
                offset=off,
                limit=limit,
            )

        return page(
            "timeline.html",
            "timeline",
            title="Timeline",
            data=data,
            facets=views.facets(),
            items=items,
            page_url=page_url,
        )

    @app.get(
        "/events/{event_id:path}/brief",
        response_class=HTMLResponse,
        summary="Brief page",
        tags=["pages"],
    )
    def brief_page(
        event_id: Id,
        style: Annotated[str, Query(pattern="^[a-z]+$")] = "explainer",
        date: Annotated[str | None, Query(max_length=20)] = None,
    ) -> str:
        e = views.event(event_id)
        b = _brief(event_id, style, date)
        return page(
            "brief.html",
            "timeline",
            title=b.title,
            e=e,
            brief=b,
            styles=briefs_mod.STYLES,
            style=style,
            date=date or "",
        )

    @app.get(
        "/events/{event_id:path}", response_class=HTMLResponse, summary="Event page", tags=["pages"]
    )
    def event_page(event_id: Id) -> str:
        data = views.event(event_id)
        return page("event.html", "timeline", title=data["title"], e=data, styles=briefs_mod.STYLES)

    @app.get("/people", response_class=HTMLResponse, summary="People page", tags=["pages"])
    def people_page(
        q: Annotated[str | None, Query(max_length=200)] = None,
        kind: Annotated[str | None, Query(max_length=40)] = "person",
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
    ) -> str:
        data = views.people(q, kind, limit, offset)
        return page(
            "people.html",
            "people",
            title="People",
            data=data,
            page_url=lambda off: links.page("people", q=q, kind=kind, offset=off, limit=limit),
        )

    @app.get(
        "/people/{person_id:path}",
        response_class=HTMLResponse,
        summary="Person page",
        tags=["pages"],
    )
    def person_page(person_id: Id) -> str:
        data = views.person(person_id)
        return page("person.html", "people", title=data["name"], p=data)

    @app.get("/onthisday", response_class=HTMLResponse, summary="On this day page", tags=["pages"])
    def onthisday_page(
        date: Annotated[str | None, Query(max_length=20)] = None,
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
    ) -> str:
        data = views.on_this_day(date, limit, offset)
        return page("onthisday.html", "onthisday", title=f"On this day: {data['label']}", data=data)

    @app.get("/sources", response_class=HTMLResponse, summary="Sources page", tags=["pages"])
    def sources_page(limit: Limit = PAGE_SIZE, offset: Offset = 0) -> str:
        return page(
            "sources.html",
            "sources",
            title="Sources",
            data=views.sources(limit, offset),
            page_url=lambda off: links.page("sources", offset=off, limit=limit),
        )

    @app.get(
        "/sources/{doc_id:path}", response_class=HTMLResponse, summary="Source page", tags=["pages"]
    )
    def source_page(doc_id: Id, hl: Annotated[str | None, Query(max_length=30)] = None) -> str:
        data = views.source(doc_id, _parse_span(hl))
        return page("source.html", "sources", title=data["document"]["name"], data=data)

    @app.get("/search", response_class=HTMLResponse, summary="Search page", tags=["pages"])
    def search_page(
        q: Annotated[str, Query(max_length=500)] = "",
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Offset = 0,
    ) -> str:
        return page(
            "search.html",
            "search",
            title="Search",
            data=views.search(q, limit, offset),
            page_url=lambda off: links.page("search", q=q, offset=off, limit=limit),
        )

    @app.get("/conflicts", response_class=HTMLResponse, summary="Conflicts page", tags=["pages"])
    def conflicts_page(limit: Limit = PAGE_SIZE, offset: Offset = 0) -> str:
        return page(
            "conflicts.html",
            "conflicts",
            title="Conflicts",
            data=views.conflicts(limit, offset),
            page_url=lambda off: links.page("conflicts", offset=off, limit=limit),
        )

    @app.get("/timelinejs", response_class=HTMLResponse, summary="TimelineJS view", tags=["pages"])
    def timelinejs_page() -> str:
        from ..render.timelinejs import timelinejs

        return page("timelinejs.html", "timeline", title="Storytelling timeline", tl=timelinejs(hg))

    # ------------------------------------------------------------------ JSON API
    @app.get("/api/stats", tags=["api"], summary="Row counts of the knowledge base")
    def api_stats() -> dict[str, Any]:
        return views.overview()

    @app.get("/api/timeline", tags=["api"], summary="Events in date order (paginated)")
    def api_timeline(
        start: Annotated[str | None, Query(alias="from", description="YYYY[-MM[-DD]]")] = None,
        end: Annotated[str | None, Query(alias="to", description="YYYY[-MM[-DD]]")] = None,
        type: Annotated[str | None, Query(description="An event type id")] = None,
        entity: Annotated[str | None, Query(description="A participant id, name or alias")] = None,
        source: Annotated[str | None, Query(description="A document id")] = None,
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
        after: Annotated[
            str | None,
            Query(
                max_length=1000,
                description="An event id: the page after it (keyset; `next_after` of a page)",
            ),
        ] = None,
    ) -> dict[str, Any]:
        return views.timeline(Filters(start, end, type, entity, source), limit, offset, after)

    @app.get(
        "/api/timeline/items",
        tags=["api"],
        summary="vis-timeline items of the filtered timeline (imprecise dates as ranges)",
    )
    def api_timeline_items(
        start: Annotated[str | None, Query(alias="from")] = None,
        end: Annotated[str | None, Query(alias="to")] = None,
        type: str | None = None,
        entity: str | None = None,
        source: str | None = None,
    ) -> dict[str, Any]:
        return views.timeline_items(Filters(start, end, type, entity, source))

    @app.get("/api/facets", tags=["api"], summary="Types, participants and sources to filter by")
    def api_facets() -> dict[str, Any]:
        return views.facets()

    @app.get("/api/events/{event_id:path}/brief", tags=["api"], summary="An extractive brief")
    def api_brief(
        event_id: Id,
        style: Annotated[str, Query(pattern="^[a-z]+$")] = "explainer",
        date: Annotated[str | None, Query(max_length=20)] = None,
        format: Annotated[str, Query(pattern="^(json|md|html)$")] = "json",
    ) -> Any:
        b = _brief(event_id, style, date)
        if format == "md":
            return PlainTextResponse(briefs_mod.to_markdown(b), media_type="text/markdown")
        if format == "html":
            return HTMLResponse(briefs_mod.to_html(b))
        return briefs_mod.to_dict(b)

    @app.get(
        "/api/events/{event_id:path}",
        tags=["api"],
        summary="One event: each source's claim with its quote, conflicts, support",
    )
    def api_event(event_id: Id) -> dict[str, Any]:
        return views.event(event_id)

    @app.get("/api/people", tags=["api"], summary="People (and other entities), paginated")
    def api_people(
        q: Annotated[
            str | None, Query(max_length=200, description="Name or alias contains")
        ] = None,
        kind: Annotated[str | None, Query(max_length=40)] = "person",
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return views.people(q, kind, limit, offset)

    @app.get(
        "/api/people/{person_id:path}",
        tags=["api"],
        summary="One person: aliases, roles over time with sources, events",
    )
    def api_person(person_id: Id) -> dict[str, Any]:
        return views.person(person_id)

    @app.get(
        "/api/onthisday",
        tags=["api"],
        summary="Events of a month and day across the years (default today)",
    )
    def api_onthisday(
        date: Annotated[str | None, Query(max_length=20, description="MM-DD or YYYY-MM-DD")] = None,
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return views.on_this_day(date, limit, offset)

    @app.get("/api/sources", tags=["api"], summary="The documents, paginated")
    def api_sources(limit: Limit = PAGE_SIZE, offset: Offset = 0) -> dict[str, Any]:
        return views.sources(limit, offset)

    @app.get(
        "/api/sources/{doc_id:path}",
        tags=["api"],
        summary="A document cut into highlighted segments (spans by kind, regions)",
    )
    def api_source(
        doc_id: Id, hl: Annotated[str | None, Query(max_length=30)] = None
    ) -> dict[str, Any]:
        return views.source(doc_id, _parse_span(hl))

    @app.get("/api/search", tags=["api"], summary="Full-text search over sentences and entities")
    def api_search(
        q: Annotated[str, Query(max_length=500)] = "",
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return views.search(q, limit, offset)

    @app.get("/api/conflicts", tags=["api"], summary="Disagreements between sources, explained")
    def api_conflicts(limit: Limit = PAGE_SIZE, offset: Offset = 0) -> dict[str, Any]:
        return views.conflicts(limit, offset)

    @app.get(
        "/api/export/{fmt}",
        tags=["api"],
        summary="The whole knowledge base as json, csv, md, timelinejs, vis or jsonld",
    )
    def api_export(fmt: Annotated[str, PathParam(pattern="^[a-z]+$")]) -> Response:
        if fmt not in export_mod.TEXT_FORMATS:
            raise NotFound(
                f"no export format {fmt!r}; choose one of {', '.join(export_mod.TEXT_FORMATS)}"
            )
        text = export_mod.export(hg, fmt)
        media = {"csv": "text/csv", "md": "text/markdown", "jsonld": "application/ld+json"}
        return Response(text, media_type=media.get(fmt, "application/json"))

    def _brief(event_id: str, style: str, date: str | None) -> briefs_mod.Brief:
        if style not in briefs_mod.STYLES:
            raise BadRequest(
                f"unknown style {style!r}; choose one of {', '.join(briefs_mod.STYLES)}"
            )
        try:
            return briefs_mod.build_brief(hg, event_id, style, date=date)
        except briefs_mod.BriefError as exc:
            if "no event" in str(exc):
                raise NotFound(str(exc)) from None
            raise BadRequest(str(exc)) from None

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:  # pragma: no cover
    """Run the web UI with uvicorn (blocking)."""
    import uvicorn

    app = create_app(db)
    settle()
    uvicorn.run(app, host=host, port=port, log_level="info")


def settle() -> None:
    """Once a server's app is made: what it has loaded (data, templates, code) is moved out
    of the cyclic garbage collector's reach (:func:`gc.freeze`), so that a full collection
    does not walk it again every few requests (about 50 ms of CPU a time, a page's p95).
    Objects freed later by reference counting still are; for a process that serves, not
    for tests that make many apps."""
    gc.collect()
    gc.freeze()


def api_reference(schema: dict[str, Any]) -> str:
    """A static HTML page listing every API route of an OpenAPI schema (escaped)."""
    from html import escape

    rows: list[str] = []
    for path, ops in sorted(schema.get("paths", {}).items()):
        for method, op in ops.items():
            params = ", ".join(
                escape(str(p.get("name", ""))) + ("*" if p.get("required") else "")
                for p in op.get("parameters", [])
            )
            rows.append(
                f"<tr><td><code>{escape(method.upper())} {escape(path)}</code></td>"
                f"<td>{escape(str(op.get('summary', '')))}</td><td>{params}</td></tr>"
            )
    info = schema.get("info", {})
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{escape(str(info.get('title', 'API')))} API</title>"
        '<link rel=stylesheet href="/static/style.css"></head><body><main>'
        f"<h1>{escape(str(info.get('title', '')))} API</h1>"
        f"<p>{escape(str(info.get('description', '')))}</p>"
        '<p>The machine-readable schema: <a href="/openapi.json">/openapi.json</a>. '
        "Parameters marked * are required.</p>"
        "<table><thead><tr><th>route</th><th>what</th><th>parameters</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></main></body></html>"
    )
