"""States and organisations named in the documents, as :class:`~histograph.model.Person`
records of kind "state"/"organisation" (:func:`merge_states`), so that event participants
resolve to them; they follow the people of :mod:`histograph.merge.people`."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from ..entities.lexicon import norm
from ..entities.states import gazetteer
from ..model import Analysis, EntityMention, Person


def merge_states(analyses: Sequence[Analysis]) -> list[Person]:
    """States and organisations named in the documents as :class:`Person` records.

    States (and international organisations) of ``data/states.yaml``/pycountry have the id
    ``"s-" + state id`` ("s-USSR"), the gazetteer's name, kind "state" or "organisation", and as
    aliases every form written (plus the state id, so that ``--entity USSR`` finds them); other
    organisations the model tags ORG are grouped by their normalised name (id ``"o-" + hash``).
    Their ``mentions`` carry the document keys, so that event participants resolve to them."""
    g = gazetteer()
    groups: dict[tuple[str, str], list[EntityMention]] = {}
    for a in analyses:
        pkeys = {norm(m.key or m.text) for m in a.entities if m.label == "PERSON"}
        for m in a.entities:
            if m.label in {"STATE", "NORP", "ORG"} and m.key and g.state(m.key) is not None:
                groups.setdefault(("s", m.key), []).append(m)
            elif m.label == "ORG":
                k = strip_article(norm(m.text))
                if not k or k in pkeys or norm(m.key or "") in pkeys:
                    continue
                if not any(c.isupper() for c in m.text) or not any(c.isalpha() for c in k):
                    continue
                groups.setdefault(("o", k), []).append(m)
    out: list[Person] = []
    for (t, k), ms in sorted(groups.items()):
        ms.sort(key=lambda m: (m.doc_id, m.start))
        forms: Counter[str] = Counter(_strip_article_text(m.text) for m in ms)
        if t == "s":
            st = g.state(k)
            assert st is not None
            eid, name, kind = "s-" + k, st.name, st.kind
            forms[k] += 0
        else:
            eid = "o-" + hashlib.sha1(k.encode("utf-8")).hexdigest()[:10]
            name = min(forms, key=lambda f: (-forms[f], f))
            kind = "organisation"
        forms[name] += 0
        out.append(
            Person(
                id=eid,
                name=name,
                aliases=tuple(sorted(forms, key=lambda f: (-forms[f], f))),
                mentions=tuple(ms),
                kind=kind,
            )
        )
    return out


def strip_article(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def _strip_article_text(text: str) -> str:
    t = text.strip()
    return t[4:] if t[:4].lower() == "the " else t
