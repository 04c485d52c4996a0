"""Cross-document person clustering, role claims and person-attribute conflicts.

STUB: the entities owner replaces this.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..model import Analysis, Conflict, CopyLink, EntityMention, Person


def merge_people(
    analyses: Sequence[Analysis], copies: Sequence[CopyLink] = ()
) -> tuple[list[Person], list[Conflict]]:
    by_key: dict[str, list[EntityMention]] = {}
    for a in analyses:
        for m in a.entities:
            if m.label == "PERSON":
                by_key.setdefault(m.key or m.text, []).append(m)
    people = [
        Person(
            id="p-" + hashlib.sha1(k.encode()).hexdigest()[:10],
            name=k,
            aliases=tuple(sorted({m.text for m in ms})),
            mentions=tuple(ms),
        )
        for k, ms in sorted(by_key.items())
    ]
    return people, []
