"""People named in bylines and credits, outside the parsed narrative.

Bylines ("By Jane Roe"), picture credits ("Photo: Jane Roe", "(Jane Roe/Agency)") and
possessive credits ("Jane Roe's photograph of ...") are often in regions the pipeline does
not parse (byline, caption debris, boilerplate, source lines). Their people are people of the
document all the same (they wrote or pictured it), so they are found here with plain patterns
over those regions' text; the word lists are ``credit_*`` in ``data/titles.yaml``. A name is
two to four capitalised words; a word that names a desk, a staff, an archive or an agency
("Staff Writer", "News Service") or a title makes it no person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from ..model import CONTENT_REGIONS, EntityMention, Region, RoleClaim
from .lexicon import is_head, load_yaml, norm, titles
from .names import PARTICLES
from .states import gazetteer

__all__ = ["credit_people", "credit_roles"]

_WORD = r"[A-ZÀ-Þ][a-zß-ÿ'’-]+"
_NAME = (
    rf"{_WORD}(?:[ \t]+(?:[A-Z]\.|{_WORD}|(?:{'|'.join(sorted(PARTICLES))})(?=[ \t]+[A-Z])))"
    r"{1,3}"
)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    d = load_yaml("titles.yaml")
    markers = sorted((str(m) for m in d.get("credit_markers", ())), key=len, reverse=True)
    works = sorted(str(w) for w in d.get("credit_works", ()))
    marker = "|".join(re.escape(m) for m in markers)
    work = "|".join(re.escape(w) for w in works)
    return (
        # "By Jane Roe", "Photo: Jane Roe", "Photograph by Jane Roe"
        re.compile(rf"(?:^|(?<=[\s(\[|•·]))(?i:{marker})[ \t]+(?P<name>{_NAME})"),
        # "(Jane Roe/Agency)", "Jane Roe / Agency"
        re.compile(rf"(?:^|(?<=[\s(\[]))(?P<name>{_NAME})[ \t]*/[ \t]*[A-Z]"),
        # "Jane Roe's famous photograph"
        re.compile(rf"(?P<name>{_NAME})['’]s(?:[ \t]+[a-z]+)?[ \t]+(?:{work})\b"),
    )


@functools.lru_cache(maxsize=1)
def _non_names() -> frozenset[str]:
    d = load_yaml("titles.yaml")
    return frozenset(norm(str(w)) for w in d.get("credit_non_names", ()))


def _is_name(text: str) -> bool:
    words = text.split()
    if len(words) < 2:
        return False
    bad = _non_names() | titles().non_name_words
    for w in words:
        n = norm(w)
        if n in bad or is_head(w) or n in titles().honorifics:
            return False
    return not gazetteer().candidates(text)


def _regions(regions: Sequence[Region]) -> Iterable[Region]:
    return (r for r in regions if r.kind not in CONTENT_REGIONS)


def credit_people(
    doc_id: str, text: str, regions: Sequence[Region], taken: Sequence[EntityMention]
) -> list[EntityMention]:
    """PERSON mentions of bylines and credits in the regions the pipeline does not parse,
    none overlapping a mention in ``taken``; each name is its own key."""
    spans = sorted((m.start, m.end) for m in taken)
    out: list[EntityMention] = []
    seen: set[tuple[int, int]] = set()
    for r in _regions(regions):
        chunk = text[r.start : r.end]
        for pat in _patterns():
            for m in pat.finditer(chunk):
                name = m.group("name").rstrip("'’-")
                s = r.start + m.start("name")
                e = s + len(name)
                if (s, e) in seen or not _is_name(name):
                    continue
                if any(a < e and s < b for a, b in spans):
                    continue
                seen.add((s, e))
                out.append(EntityMention(doc_id, s, e, name, "PERSON", name))
    return sorted(out, key=lambda m: (m.start, m.end))


@functools.lru_cache(maxsize=1)
def _role_markers() -> tuple[tuple[re.Pattern[str], str], ...]:
    d = load_yaml("titles.yaml")
    roles = {str(k).lower(): str(v) for k, v in (d.get("credit_roles") or {}).items()}
    out: list[tuple[re.Pattern[str], str]] = []
    for marker in sorted(roles, key=len, reverse=True):
        # a bare "by" is a byline only at the start of a line; the others anywhere
        lead = r"(?:^|\n)[ \t]*" if marker == "by" else r"(?:^|(?<=[\s(\[|•·,;]))"
        out.append((re.compile(rf"{lead}{re.escape(marker)}[ \t]+$", re.IGNORECASE), roles[marker]))
    return tuple(out)


def credit_roles(doc_id: str, text: str, people: Sequence[EntityMention]) -> list[RoleClaim]:
    """The role a byline or credit gives the person named right after it ("By X": author,
    "Photo: X": photographer; ``credit_roles`` in ``data/titles.yaml``)."""
    out: list[RoleClaim] = []
    for m in people:
        if m.label != "PERSON":
            continue
        before = text[max(0, m.start - 24) : m.start]
        for pat, role in _role_markers():
            hit = pat.search(before)
            if hit is not None:
                start = m.start - len(before) + hit.start()
                start += len(text[start : m.start]) - len(text[start : m.start].lstrip())
                out.append(RoleClaim(doc_id, start, m.end, m.key or m.text, role))
                break
    return out
