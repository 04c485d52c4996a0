"""The knowledge base as JSON-LD with schema.org ``Event``, ``Person`` and ``Role`` nodes,
every property used within its schema.org domain.

Every event is ``subjectOf`` one ``Quotation`` per mention: the exact text, ``isPartOf``
the source document, and a ``url`` whose RFC 5147 fragment (``#char=start,end``) gives
the character span. People are the event's ``actor``s; states and organisations are what
it is ``about``. Dates are ISO 8601 at the precision the sources give (``1989``,
``1989-11``, ``1989-11-09``), with ``endDate`` for ranges; the source counts and the date
as the sources wrote it are in the ``description``. Titles of people are ``hasOccupation``
roles (schema.org's Role pattern) with their dates, each ``subjectOf`` its quotation.
Documents carry their ``url`` and ``datePublished`` where known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Document, RoleClaim
from .dates import date_text
from .present import existed, iso_partial, type_label
from .titles import headline, plain

if TYPE_CHECKING:
    from ..api import Histograph

BASE = "urn:histograph:"
KINDS = {"person": "Person", "state": "Country", "organisation": "Organization", "place": "Place"}


def _web_url(d: Document | None) -> str | None:
    if d is None:
        return None
    if d.uri.startswith(("http://", "https://")):
        return d.uri
    url = d.meta.get("url") if isinstance(d.meta, dict) else None
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def _doc_node(hg: Histograph, doc_id: str) -> dict[str, Any]:
    d = hg.document(doc_id)
    node: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": f"{BASE}doc:{doc_id}",
        "identifier": doc_id,
    }
    if d is not None:
        if d.title:
            node["name"] = plain(d.title)
        url = _web_url(d)
        if url:
            node["url"] = url
        if not d.uri.startswith(("http://", "https://")):
            node["alternateName"] = d.uri
        if d.published is not None:
            node["datePublished"] = iso_partial(d.published)[0]
    return node


def _quote(hg: Histograph, doc_id: str, start: int, end: int) -> dict[str, Any]:
    base = _web_url(hg.document(doc_id)) or f"{BASE}doc:{doc_id}"
    return {
        "@type": "Quotation",
        "text": plain(hg.quote(doc_id, start, end)),
        "isPartOf": {"@id": f"{BASE}doc:{doc_id}"},
        "url": f"{base.split('#', 1)[0]}#char={start},{end}",
    }


def _role(hg: Histograph, r: RoleClaim) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Role",
        "roleName": r.title,
        "hasOccupation": {"@type": "Occupation", "name": r.title},
        "subjectOf": _quote(hg, r.doc_id, r.start, r.end),
    }
    if r.began:
        node["startDate"] = iso_partial(r.began)[0]
    if r.ended:
        node["endDate"] = iso_partial(r.ended)[1] or iso_partial(r.ended)[0]
    return node


def jsonld(hg: Histograph) -> dict[str, Any]:
    graph: list[dict[str, Any]] = []
    docs: set[str] = set()
    kinds = {p.id: p.kind for p in hg.people(None, limit=None)}
    for e in hg.iter_events():
        node: dict[str, Any] = {
            "@type": "Event",
            "@id": f"{BASE}event:{e.id}",
            "identifier": e.id,
            "name": headline(e, hg.quote),
            "additionalType": type_label(e.type),
            "keywords": e.type,
        }
        about = ""
        if e.date is not None:
            start, end = iso_partial(e.date)
            node["startDate"] = start
            if end:
                node["endDate"] = end
            about = f"Dated {date_text(e.date)} ({e.date.precision}). "
        node["description"] = (
            f"{about}Stated by {e.support} source{'s' if e.support != 1 else ''}, "
            f"{e.independent_support} independent."
        )
        if e.place:
            node["location"] = {"@type": "Place", "name": e.place}
        people = [p for p in e.participants if kinds.get(p, "person") == "person"]
        others = [
            p for p in e.participants if kinds.get(p, "person") != "person" and existed(p, e.date)
        ]
        if people:
            node["actor"] = [{"@id": f"{BASE}entity:{p}"} for p in people]
        if others:
            node["about"] = [{"@id": f"{BASE}entity:{p}"} for p in others]
        node["subjectOf"] = [_quote(hg, m.doc_id, m.start, m.end) for m in e.mentions]
        docs.update(m.doc_id for m in e.mentions)
        graph.append(node)
    for p in hg.people(None, limit=None):
        pnode: dict[str, Any] = {
            "@type": KINDS.get(p.kind, "Thing"),
            "@id": f"{BASE}entity:{p.id}",
            "identifier": p.id,
            "name": p.name,
        }
        others = [a for a in p.aliases if a != p.name]
        if others:
            pnode["alternateName"] = others
        if p.authority_id:
            pnode["sameAs"] = p.authority_id
        if p.roles and p.kind == "person":
            pnode["hasOccupation"] = [_role(hg, r) for r in p.roles]
            docs.update(r.doc_id for r in p.roles)
        graph.append(pnode)
    graph.extend(_doc_node(hg, d) for d in sorted(docs))
    return {"@context": "https://schema.org", "@graph": graph}
