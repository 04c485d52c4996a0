"""JSON-LD export: a pyld round-trip (expansion against schema.org's vocabulary), and every
property used within its schema.org domain (what a schema.org validator warns about)."""

from __future__ import annotations

from typing import Any

import pytest

from histograph.render.jsonld import jsonld
from test_web import memory_hg

pyld = pytest.importorskip("pyld")
from pyld import jsonld as ld  # noqa: E402

S = "https://schema.org/"
#: schema.org's type hierarchy, as far as the export uses it
PARENT = {
    "Quotation": "CreativeWork", "CreativeWork": "Thing", "Event": "Thing", "Person": "Thing",
    "Country": "AdministrativeArea", "AdministrativeArea": "Place", "Place": "Thing",
    "Organization": "Thing", "Role": "Intangible", "Occupation": "Intangible",
    "Intangible": "Thing",
}
#: the domains (schema.org "used on these types") of every property the export writes
DOMAINS = {
    "name": {"Thing"}, "identifier": {"Thing"}, "additionalType": {"Thing"},
    "alternateName": {"Thing"}, "description": {"Thing"}, "sameAs": {"Thing"},
    "url": {"Thing"}, "subjectOf": {"Thing"},
    "keywords": {"CreativeWork", "Event", "Organization", "Place"},
    "startDate": {"Event", "Role"}, "endDate": {"Event", "Role"},
    "location": {"Event", "Organization"}, "actor": {"Event", "CreativeWork"},
    "about": {"Event", "CreativeWork"}, "text": {"CreativeWork"},
    "isPartOf": {"CreativeWork"}, "datePublished": {"CreativeWork"},
    "hasOccupation": {"Person"}, "roleName": {"Role"},
}


def _ancestors(t: str) -> set[str]:
    out = {t}
    while t in PARENT:
        t = PARENT[t]
        out.add(t)
    return out


def _loader(url: str, options: Any = None) -> dict[str, Any]:
    """schema.org's context, offline: every term is a schema.org IRI."""
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": S}}}


def test_jsonld_expands_and_stays_in_domain() -> None:
    doc = jsonld(memory_hg())
    expanded = ld.expand(doc, {"documentLoader": _loader})
    assert expanded, "nothing expanded"
    bad: list[str] = []
    by_id: dict[str, set[str]] = {}

    def types(node: dict[str, Any]) -> set[str]:
        return {t.removeprefix(S) for t in node.get("@type", [])}

    def walk(node: dict[str, Any], via_role: bool = False) -> None:
        ts = types(node)
        if "@id" in node and ts:
            by_id[node["@id"]] = ts
        allowed = set().union(*(_ancestors(t) for t in ts)) if ts else set()
        for key, values in node.items():
            if key.startswith("@"):
                continue
            assert key.startswith(S), f"{key} is not a schema.org term"
            prop = key.removeprefix(S)
            assert prop in DOMAINS, f"the export writes {prop}: add its domain to the test"
            # schema.org's Role pattern: a Role stands in for the value of the property
            if ts and not (allowed & DOMAINS[prop]) and not ("Role" in ts and prop == "hasOccupation"):
                bad.append(f"{sorted(ts)}.{prop}")
            for v in values:
                if isinstance(v, dict) and "@value" not in v:
                    walk(v)

    for n in expanded:
        walk(n)
    assert sorted(set(bad)) == []
    # round trip: compacting with the same context gives the same graph size
    compact = ld.compact(expanded, {"@vocab": S})
    assert len(compact.get("@graph", [compact])) == len(doc["@graph"])
