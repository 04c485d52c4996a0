"""prep_objects reads a parse's prepositions once (an index per Doc): the same objects, in
the same order, as walking each token's children."""

from __future__ import annotations

from typing import Any

from histograph.events.triggers import prep_objects


def _walk(v: Any, prep: str) -> list[int]:
    out: list[int] = []
    for c in v.children:
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ == prep:
            out.extend(g.i for g in c.children if g.dep_ == "pobj")
    conj: list[int] = []
    for i in out:
        conj.append(i)
        conj.extend(c.i for c in v.doc[i].conjuncts if c.i > i)
    return conj


def test_prep_objects_same_as_children(nlp: Any) -> None:
    doc = nlp(
        "The envoy travelled from Lisbon and Porto to the capital of the kingdom in May. "
        "The treaty was signed by the king at the palace near the river."
    )
    seen = 0
    for v in doc:
        for prep in ("from", "to", "of", "in", "by", "at", "near"):
            got = [t.i for t in prep_objects(v, prep)]
            assert got == _walk(v, prep)
            seen += len(got)
    assert seen >= 6
    # asked again of the same parse: the kept index gives the same answer
    travelled = next(t for t in doc if t.lower_ == "travelled")
    assert [t.text for t in prep_objects(travelled, "from")] == ["Lisbon", "Porto"]
