"""The knowledge base as JSON-LD with schema.org ``Event`` and ``Person`` nodes.

Every event cites its sources: ``citation`` lists one ``Quotation`` per mention (the exact
text, ``isPartOf`` the source document, and the character span as ``position``-like
``startOffset``/``endOffset`` properties). Dates are ISO 8601 at the precision the sources
give (``1989``, ``1989-11``, ``1989-11-09``), with ``endDate`` for ranges; the precision is
kept as an ``additionalProperty``. Titles of people become ``hasOccupation`` roles with
their dates and citations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import RoleClaim
from .present import iso_partial, type_label
from .titles import headline, plain

if TYPE_CHECKING:
    from ..api import Histograph

BASE = "urn:histograph:"


def _doc_node(hg: Histograph, doc_id: str) -> dict[str, Any]:
    d = hg.document(doc_id)
    node: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": f"{BASE}doc:{doc_id}",
        "identifier": doc_id,
    }
    if d is not None:
        if d.title:
            node["name"] = d.title
        if d.uri.startswith(("http://", "https://")):
            node["url"] = d.uri
        else:
            node["alternateName"] = d.uri
    return node


def _quote(hg: Histograph, doc_id: str, start: int, end: int) -> dict[str, Any]:
    return {
        "@type": "Quotation",
        "text": plain(hg.quote(doc_id, start, end)),
        "isPartOf": {"@id": f"{BASE}doc:{doc_id}"},
        "startOffset": start,
        "endOffset": end,
    }


def _role(hg: Histograph, r: RoleClaim) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Role",
        "roleName": r.title,
        "citation": _quote(hg, r.doc_id, r.start, r.end),
    }
    if r.began:
        node["startDate"] = iso_partial(r.began)[0]
    if r.ended:
        node["endDate"] = iso_partial(r.ended)[1] or iso_partial(r.ended)[0]
    return node


def jsonld(hg: Histograph) -> dict[str, Any]:
    graph: list[dict[str, Any]] = []
    docs: set[str] = set()
    for e in hg.iter_events():
        node: dict[str, Any] = {
            "@type": "Event",
            "@id": f"{BASE}event:{e.id}",
            "identifier": e.id,
            "name": headline(e, hg.quote),
            "additionalType": type_label(e.type),
            "keywords": e.type,
        }
        if e.date is not None:
            start, end = iso_partial(e.date)
            node["startDate"] = start
            if end:
                node["endDate"] = end
            node["additionalProperty"] = [
                {"@type": "PropertyValue", "name": "datePrecision", "value": e.date.precision},
                {"@type": "PropertyValue", "name": "dateValue", "value": e.date.value},
            ]
        if e.place:
            node["location"] = {"@type": "Place", "name": e.place}
        if e.participants:
            node["actor"] = [{"@id": f"{BASE}entity:{p}"} for p in e.participants]
        node["citation"] = [_quote(hg, m.doc_id, m.start, m.end) for m in e.mentions]
        node["interactionStatistic"] = {
            "@type": "InteractionCounter",
            "name": "independent sources",
            "userInteractionCount": e.independent_support,
        }
        docs.update(m.doc_id for m in e.mentions)
        graph.append(node)
    for p in hg.store.people():
        kinds = {
            "person": "Person",
            "state": "Country",
            "organisation": "Organization",
            "place": "Place",
        }
        pnode: dict[str, Any] = {
            "@type": kinds.get(p.kind, "Thing"),
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
