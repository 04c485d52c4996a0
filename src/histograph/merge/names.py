"""Names and head nouns of event mentions: evidence the event merge compares.

- :func:`_norm`, :func:`_stem`: the normal form of a name and a rough stem of a word;
- :func:`_place_name`: the name of an event told as a place and what happened there ("the
  San Francisco earthquake", "the fall of the Berlin Wall" / "the Berlin Wall fell");
- :func:`_name_clash`: two names that cannot be one event ("World War I" / "World War II",
  "the Battle of A" / "the Battle of B"); :func:`_name_aliases`: variant names of one event;
- :func:`_heads`: the kind of happening a mention's head noun names ("earthquake" / "tremor"),
  from ``head_classes`` in ``data/conflict_words.yaml``; :func:`_verb_forms`: irregular verbs.

The names keep their leading underscore: they are the merge's own vocabulary, used by
:mod:`histograph.merge.events` and its tests, not a public API.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from importlib import resources

from ..datafile import load_yaml
from ..entities.states import gazetteer
from ..model import EventMention

__all__ = [
    "_NAME_LINKS",
    "_PLACE_LABELS",
    "_ROMAN_OR_NUM",
    "_head_classes",
    "_heads",
    "_name_aliases",
    "_name_clash",
    "_nested_place",
    "_norm",
    "_norm_place",
    "_place_name",
    "_same_place",
    "_stem",
    "_verb_forms",
]

_WORD = re.compile(r"[A-Za-z0-9]+")
_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*")

_ROMAN_OR_NUM = re.compile(r"^(?:[ivx]+|\d+(?:st|nd|rd|th)?|first|second|third)$")


_NAME_LINKS = frozenset({"of", "the", "at", "de", "von", "and", "on", "in", "for"})


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _norm(s: str) -> str:
    s = s.lower().replace("’", "'")
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    s = s.replace(".", "")
    return " ".join(_WORD.findall(s))


@functools.lru_cache(maxsize=65536)
def _norm_place(s: str) -> str:
    return _norm(s)


_NUMBER_WORD = re.compile(r"^\d+(?:st|nd|rd|th)?$")


def _same_place(a: str, b: str) -> bool:
    """Two normalised place names that name one place at two precisions ("pearl harbor" /
    "pearl harbor hawaii", "paris" / "paris france"): one's words are the other's first
    words, numbers aside (a day glued to a place, "pearl harbor 7th", is no part of it)."""
    wa = [w for w in a.split() if not _NUMBER_WORD.match(w)]
    wb = [w for w in b.split() if not _NUMBER_WORD.match(w)]
    if not wa or not wb:
        return True
    short, long_ = sorted((wa, wb), key=len)
    return long_[: len(short)] == short or " ".join(short) in " ".join(long_)


@functools.lru_cache(maxsize=65536)
def _nested_place(a: str, b: str) -> bool:
    """One place lies inside the other, by the states gazetteer: one names a country and
    the other is that country, its seat ("moscow" / "soviet union", "white house" /
    "united states") or one of its first-level subdivisions ("bavaria" / "germany"). Two
    cities, two subdivisions, or a place and a country it is not in are not nested."""
    g = gazetteer()
    return bool(g.named_states(a) & g.states_within(b) or g.named_states(b) & g.states_within(a))


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A word's crude stem (suffixes cut); memoised: the merge asks for the words of every
    title and trigger many times over."""
    w = word.lower().replace("isa", "iza").replace("ise", "ize").replace("isi", "izi")
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _name_clash(a: str, b: str) -> bool:
    """Two names of one head that differ by a number ("World War I" / "World War II"), or
    by everything after "<head> of" ("the Battle of Fulford" / "the Battle of Stamford
    Bridge"): two events."""
    if a == b:
        return False
    ta, tb = a.split(), b.split()
    na = [t for t in ta if _ROMAN_OR_NUM.match(t)]
    nb = [t for t in tb if _ROMAN_OR_NUM.match(t)]
    if na != nb:
        return True
    if ta[-1:] == tb[-1:] and set(ta) != set(tb) and len(ta) == len(tb) and bool(na):
        return True
    if not (len(ta) > 2 and ta[1] == "of" and len(tb) > 2 and tb[1] == "of"):
        # only "<head> of <place>" names: "the Russian Revolution" and "the Bolshevik
        # Revolution" may be one event under two names
        return False
    head_a, head_b = ta[0], tb[0]
    if _stem(head_a) != _stem(head_b):
        return False
    rest_a = {_stem(t) for t in ta if t not in _NAME_LINKS and t != head_a}
    rest_b = {_stem(t) for t in tb if t not in _NAME_LINKS and t != head_b}
    return bool(rest_a) and bool(rest_b) and not rest_a & rest_b


@functools.lru_cache(maxsize=1)
def _head_classes() -> dict[str, frozenset[int]]:
    """Head noun -> the ``head_classes`` (data/conflict_words.yaml) it belongs to."""
    raw = load_yaml(
        resources.files("histograph").joinpath("data/conflict_words.yaml").read_text("utf-8")
    )
    out: dict[str, set[int]] = defaultdict(set)
    for i, words in enumerate(raw.get("head_classes") or []):
        for w in words:
            out[str(w).lower()].add(i)
    return {k: frozenset(v) for k, v in out.items()}


def _heads(text: str, m: EventMention) -> frozenset[int]:
    """Head-noun classes of a mention: of its trigger, else of a noun of one of the three
    words right before it ("the tremor shifted", "the great fire destroyed")."""
    classes = _head_classes()
    trig = _WORDS_RE.findall(text[m.trigger_start : m.trigger_end])
    if trig and trig[-1].lower() in classes:
        return classes[trig[-1].lower()]
    before = _WORDS_RE.findall(text[max(m.start, m.trigger_start - 40) : m.trigger_start])[-3:]
    for w in reversed(before):
        if w.lower() in classes:
            return classes[w.lower()]
    return frozenset()


def _place_name(text: str, m: EventMention, places: Sequence[tuple[int, int]]) -> str | None:
    """The name of an event told as a place and what happened to or at it: "the San
    Francisco earthquake", "the Berlin Wall fell", "the fall of the Berlin Wall" are all
    "berlin wall fall" / "san francisco earthquake" (the place, then the trigger's stem, its
    verb form read through ``verb_forms`` in data/conflict_words.yaml). The place must be one
    the entity stage found, right before a one-word trigger or right after "<trigger> of
    (the)"; and the mention must name no other participant ("Germany invaded Poland" is not
    a name: Germany invaded more than one country). A people's adjective ("the German
    invasion") is no place."""
    trig = _WORDS_RE.findall(text[m.trigger_start : m.trigger_end])
    if len(trig) != 1:
        return None
    word = trig[0].lower()
    head = _stem(_verb_forms().get(word, word))
    place: tuple[int, int] | None = None
    i = bisect.bisect_left(places, (m.start - 80, -1))
    near = [p for p in places[i : i + 64] if p[0] < m.trigger_end + 80]
    # where the text before the trigger ends, its spaces left out (as ``rstrip`` of the
    # whole prefix, without copying it: that was quadratic in one long document)
    end_before = min(m.trigger_start, len(text))
    while end_before > 0 and text[end_before - 1].isspace():
        end_before -= 1
    for p in near:
        if p[1] == end_before and p[0] >= m.start:
            place = p
    if place is None:
        after = re.match(r"\s+of\s+", text[m.trigger_end : m.trigger_end + 8])
        if after is not None:
            start = m.trigger_end + after.end()
            for p in near:
                if p[0] in (start, start - 4) and p[1] <= m.end + 1 and p[0] >= m.trigger_end:
                    place = p
    if place is None:
        return None
    for part in m.participants:
        if part.end <= place[0] or part.start >= place[1]:
            return None
    words = text[place[0] : place[1]].split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words):
        return None
    return _norm(" ".join(words)) + " " + head


@functools.lru_cache(maxsize=1)
def _verb_forms() -> dict[str, str]:
    raw = load_yaml(
        resources.files("histograph").joinpath("data/conflict_words.yaml").read_text("utf-8")
    )
    return {str(k).lower(): str(v).lower() for k, v in (raw.get("verb_forms") or {}).items()}


@functools.lru_cache(maxsize=1)
def _name_aliases() -> dict[str, str]:
    """Variant names of one named event -> the first name of its line
    (``named_event_aliases`` in ``data/event_types.yaml``)."""
    from importlib import resources

    text = resources.files("histograph").joinpath("data", "event_types.yaml").read_text("utf-8")
    data = load_yaml(text) or {}
    out: dict[str, str] = {}
    for line in data.get("named_event_aliases") or []:
        names = [_norm(str(n)) for n in line if _norm(str(n))]
        for n in names[1:]:
            out.setdefault(n, names[0])
    return out
