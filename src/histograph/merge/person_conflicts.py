"""More title conflicts of people: one person, different office titles in different sources.

:func:`histograph.merge.role_conflicts.person_conflicts` finds title conflicts the office
data knows (one office under different names, offices of one rank). This module adds the general case:
two sources call the same person by two office titles ("Italian Prime Minister" and "Italian
Premier", "Soviet Ambassador" and "Soviet representative", "Cuban President" and "Prime
Minister of Cuba", "Foreign Secretary" and "Secretary of State for Foreign Affairs") that are
neither the same words (in any order, a one-word state as a name, an adjective or a
possessive: "US President" and "President of the United States", "Britain's Prime Minister"
and "British Prime Minister") nor one a coarser reading of the other under the same office
word ("President" and "President of the United States").

A pair is not a conflict when one document states both titles (two roles it presents side by
side), when the titles name different states or posts, or when a title names no office (a
rank, a trade, a description: "Major", "U-2 pilot", "diplomat"). Severity is hard when the
titles name offices that exclude each other (president and prime minister of one state),
otherwise soft (office naming). An ordinal that numbers the holder ("the 28th President" and
"U.S. President") makes two titles of one office differ in wording (soft); two different
ordinals of one office are hard. Word lists: ``data/title_conflicts.yaml``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..datafile import load_yaml
from ..entities.lexicon import norm
from ..entities.offices import split_jurisdiction
from ..entities.states import gazetteer
from ..model import Claim, Conflict, ConflictValue, Person, RoleClaim

__all__ = ["extra_person_conflicts", "title_pair_conflict"]

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: an office named after "to (the)" is the one the title holder serves, not the title's own
_SERVES = re.compile(r"\bto (?:the )?(?:[a-z]+ )?$")
_STOP = frozenset({"the", "of", "for", "to", "a", "an", "and", "in", "on", "at"})


@dataclass(frozen=True)
class _Data:
    heads: tuple[str, ...]
    same: tuple[tuple[re.Pattern[str], str], ...]
    groups: tuple[frozenset[str], ...]
    holder: frozenset[str]


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = load_yaml(
        resources.files("histograph").joinpath("data/title_conflicts.yaml").read_text("utf-8")
    )
    heads = tuple(sorted((norm(h) for h in raw["office_heads"]), key=len, reverse=True))
    same = tuple(
        (re.compile(rf"\b{re.escape(norm(k))}\b"), norm(v)) for k, v in raw["same_tokens"].items()
    )
    groups = tuple(frozenset(norm(h) for h in g) for g in raw["exclusive_groups"])
    holder = frozenset(norm(w) for w in raw.get("holder_words", ()))
    return _Data(heads, same, groups, holder)


_POSSESSIVE = re.compile(r"['’]s\b")


@lru_cache(maxsize=4096)
def _state_token(word: str) -> str:
    """A one-word state name or adjective as its state ("Britain's", "British" -> "@GBR"):
    "Britain's Prime Minister" and "British Prime Minister" are one title written two ways."""
    hits = {c.state_id for c in gazetteer().candidates(word) if c.text.lower() == word}
    return f"@{hits.pop()}" if len(hits) == 1 else word


def _tokens(title: str) -> frozenset[str]:
    t = norm(_POSSESSIVE.sub("", title))
    for pat, rep in _data().same:
        t = pat.sub(rep, t)
    drop = _STOP | _data().holder
    return frozenset(
        _state_token(w) for w in t.split() if w not in drop and not _ORDINAL.fullmatch(w)
    )


def _ordinals(title: str) -> frozenset[str]:
    """The ordinals that number the title's holder ("28th President" -> {"28th"})."""
    return frozenset(w for w in norm(title).split() if _ORDINAL.fullmatch(w))


def _head(title: str) -> str | None:
    """The first office word of the title (longest form first), or None; an office the
    title's holder serves ("adviser to the President") is not the title's office."""
    t = f" {norm(title)} "
    best: tuple[int, str] | None = None
    for h in _data().heads:
        i = t.find(f" {h} ")
        if i >= 0 and _SERVES.search(t[: i + 1]):
            continue  # "assistant to the Secretary of State": the office of another
        if i >= 0 and (best is None or i < best[0]):
            best = (i, h)
    return best[1] if best else None


def _group(head: str) -> int | None:
    for i, g in enumerate(_data().groups):
        if head in g:
            return i
    return None


def title_pair_conflict(a: str, b: str) -> str | None:
    """How two titles of one person disagree: "naming", "exclusive", or None (no conflict:
    the same title, a coarser reading, different states or posts, or not offices)."""
    ha, hb = _head(a), _head(b)
    if ha is None or hb is None:
        return None
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return None
    oa, ob = _ordinals(a), _ordinals(b)
    if oa != ob and (ta <= tb or tb <= ta) and ha == hb:
        # "the 28th President" / "U.S. President": one source numbers the holder (a
        # difference of wording); two numbers ("27th" / "28th") cannot both be true
        return "exclusive" if oa and ob else "naming"
    if ta == tb:
        return None  # one title in two word orders ("US President" / "President of the US")
    if (ta <= tb or tb <= ta) and ha == hb:
        return None  # a coarser reading of one office ("President" / "President of X")
    _, ja, da = split_jurisdiction(a)
    _, jb, db = split_jurisdiction(b)
    if ja and jb and ja != jb:
        return None  # offices of two states
    if da and db and da != db:
        return None  # posts to two destinations
    ga, gb = _group(ha), _group(hb)
    if ga is not None and gb is not None and ga != gb:
        return "exclusive"
    return "naming"


def _title_span(r: RoleClaim, texts: dict[str, str]) -> tuple[int, int]:
    text = texts.get(r.doc_id, "")
    i = text.find(r.title, r.start, r.end)
    if i >= 0:
        return i, i + len(r.title)
    return r.start, r.end


def _cid(pid: str, values: Iterable[str]) -> str:
    h = hashlib.sha1("|".join([pid, "title", *sorted(values)]).encode("utf-8"))
    return "c-" + h.hexdigest()[:10]


def _person_conflict(p: Person, texts: dict[str, str], copy_docs: set[str]) -> Conflict | None:
    roles = [r for r in p.roles if _head(r.title) is not None]
    titles: dict[str, list[RoleClaim]] = {}
    for r in roles:
        titles.setdefault(norm(r.title), []).append(r)
    docs_of = {k: {r.doc_id for r in rs} for k, rs in titles.items()}
    keys = sorted(titles)
    involved: set[str] = set()
    kinds: set[str] = set()
    for i, ka in enumerate(keys):
        for kb in keys[i + 1 :]:
            if docs_of[ka] & docs_of[kb]:
                continue  # one source gives both: two roles, not a disagreement
            kind = title_pair_conflict(titles[ka][0].title, titles[kb][0].title)
            if kind is None:
                continue
            involved.update((ka, kb))
            kinds.add(kind)
    if len(involved) < 2:
        return None
    values = []
    for k in sorted(involved):
        rs = titles[k]
        shown = rs[0].title
        claims = tuple(
            Claim(p.id, "title", shown, r.doc_id, *_title_span(r, texts), r.doc_id not in copy_docs)
            for r in rs
        )
        values.append(ConflictValue(shown, claims))
    hard = "exclusive" in kinds
    shown_titles = ", ".join(f"'{v.value}'" for v in values)
    expl = (
        f"{p.name}: sources give offices that exclude each other: {shown_titles}"
        if hard
        else f"{p.name}: one office under different names across sources: {shown_titles}"
    )
    return Conflict(
        _cid(p.id, (v.value for v in values)),
        p.id,
        "person",
        "title",
        tuple(values),
        "unexplained" if hard else "naming",
        "hard" if hard else "soft",
        expl,
    )


def extra_person_conflicts(
    people: Sequence[Person],
    texts: dict[str, str],
    existing: Sequence[Conflict] = (),
    copy_docs: Iterable[str] = (),
) -> list[Conflict]:
    """Title conflicts for the people that ``existing`` gives none: one per person, over the
    office titles that disagree across sources (each value with its claims' title spans)."""
    covered = {c.subject for c in existing if c.subject_kind == "person" and c.attribute == "title"}
    cd = set(copy_docs)
    out: list[Conflict] = []
    for p in people:
        if p.kind != "person" or p.id in covered:
            continue
        c = _person_conflict(p, texts, cd)
        if c is not None:
            out.append(c)
    return out
