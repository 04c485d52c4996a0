"""Where a page links to: server routes (``/events/ID``) or the static site's relative files
(``events/ID.html``). Templates only ever call these; ids are quoted, never trusted."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from ..render.present import safe_name


def _q(identifier: str) -> str:
    return quote(identifier, safe="")


def _query(params: dict[str, Any]) -> str:
    clean = {k: v for k, v in params.items() if v is not None and v != ""}
    return ("?" + urlencode(clean)) if clean else ""


class ServerLinks:
    """Links for ``histograph serve``."""

    static_site = False

    def page(self, name: str, **params: Any) -> str:
        path = {
            "timeline": "/",
            "people": "/people",
            "onthisday": "/onthisday",
            "sources": "/sources",
            "conflicts": "/conflicts",
            "search": "/search",
            "timelinejs": "/timelinejs",
            "about": "/about",
        }[name]
        return path + _query(params)

    def event(self, event_id: str) -> str:
        return f"/events/{_q(event_id)}"

    def person(self, person_id: str) -> str:
        return f"/people/{_q(person_id)}"

    def source(self, doc_id: str, start: int | None = None, end: int | None = None) -> str:
        if start is None:
            return f"/sources/{_q(doc_id)}"
        end = start if end is None else end
        return f"/sources/{_q(doc_id)}?hl={int(start)}-{int(end)}#o-{int(start)}"

    def static(self, name: str) -> str:
        return f"/static/{_q(name)}"

    def vendor(self, path: str) -> str:
        return "/vendor/" + "/".join(_q(p) for p in path.split("/"))

    def api(self, path: str) -> str:
        return "/api/" + path.lstrip("/")

    def data(self, name: str) -> str:
        return "/api/" + name


class SiteLinks:
    """Relative links between the files of a static site; ``depth`` is how many folders
    below the site root the current page is."""

    static_site = True

    def __init__(self, depth: int = 0) -> None:
        self.root = "../" * depth

    def page(self, name: str, **params: Any) -> str:
        file = {
            "timeline": "index.html",
            "people": "people.html",
            "onthisday": "onthisday.html",
            "sources": "sources.html",
            "conflicts": "conflicts.html",
            "search": "search.html",
            "timelinejs": "timelinejs.html",
            "about": "index.html",
        }[name]
        return self.root + file

    def event(self, event_id: str) -> str:
        return f"{self.root}events/{safe_name(event_id)}.html"

    def person(self, person_id: str) -> str:
        return f"{self.root}people/{safe_name(person_id)}.html"

    def source(self, doc_id: str, start: int | None = None, end: int | None = None) -> str:
        base = f"{self.root}sources/{safe_name(doc_id)}.html"
        return base if start is None else f"{base}#o-{int(start)}"

    def static(self, name: str) -> str:
        return f"{self.root}static/{_q(name)}"

    def vendor(self, path: str) -> str:
        return self.root + "vendor/" + "/".join(_q(p) for p in path.split("/"))

    def api(self, path: str) -> str:
        return ""

    def data(self, name: str) -> str:
        return f"{self.root}data/{_q(name)}"


Links = ServerLinks | SiteLinks
