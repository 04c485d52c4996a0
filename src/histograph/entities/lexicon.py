"""Language data of the entities stage, loaded once from ``histograph/data/*.yaml``.

Everything here is read-only after loading (cached per process); nothing is mutated.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from ..datafile import load_yaml as _parse_yaml

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=1 << 16)
def norm(s: str) -> str:
    """Lowercase, drop dots and apostrophes, every other non-alphanumeric -> space.

    The same normalisation as the evaluation's ``norm()``, plus accent folding
    ("chargé" = "charge").
    """
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace(".", "").replace("'", "").replace("’", "").replace("‘", "")
    return _NON_ALNUM.sub(" ", s).strip()


def load_yaml(name: str) -> Any:
    """Load ``histograph/data/<name>``; a clear error names the file."""
    ref = resources.files("histograph").joinpath("data", name)
    try:
        with ref.open("r", encoding="utf-8") as fh:
            return _parse_yaml(fh)
    except (OSError, yaml.YAMLError) as exc:  # pragma: no cover - packaging error
        raise RuntimeError(f"E101 cannot read data file histograph/data/{name}: {exc}") from exc


@dataclass(frozen=True)
class Titles:
    """Word lists of ``titles.yaml``, all normalised with :func:`norm`."""

    heads: frozenset[str]  # single-word heads and the last word of multi-word heads
    heads_cap: frozenset[str]  # heads only when capitalised ("Major", "Maj.")
    head_phrases: frozenset[str]  # every head as a normalised phrase
    head_inner: frozenset[str]  # non-final words of multi-word heads ("prime", "charge")
    honorifics: frozenset[str]
    modifiers: frozenset[str]
    descriptors: frozenset[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    verbs_start: frozenset[str]
    verbs_hold: frozenset[str]
    verbs_end: frozenset[str]
    verbs_end_transitive: frozenset[str]
    verbs_end_needs: dict[str, tuple[str, ...]]
    relative_pronouns: frozenset[str]
    took_office: tuple[str, ...]
    replace_verbs: frozenset[str]
    apposition_nouns: frozenset[str]
    non_name_words: frozenset[str]


def _nset(items: Any) -> frozenset[str]:
    return frozenset(norm(str(x)) for x in (items or ()) if norm(str(x)))


def is_head(text: str) -> bool:
    """A title head as written: "President", "minister"; "Major"/"Maj." only capitalised."""
    w = norm(text)
    tl = titles()
    return w in tl.heads or (text[:1].isupper() and w in tl.heads_cap)


@functools.lru_cache(maxsize=1)
def titles() -> Titles:
    d = load_yaml("titles.yaml")
    heads_raw = [norm(str(h)) for h in d.get("heads", ())]
    heads = {h.split()[-1] for h in heads_raw if h}
    inner = {w for h in heads_raw for w in h.split()[:-1]}
    verbs = d.get("role_verbs", {})
    return Titles(
        heads=frozenset(heads),
        heads_cap=_nset(d.get("heads_capitalised")),
        head_phrases=frozenset(heads_raw),
        head_inner=frozenset(inner),
        honorifics=_nset(d.get("honorifics")),
        modifiers=_nset(d.get("modifiers")),
        descriptors=_nset(d.get("descriptors")),
        determiners=_nset(d.get("determiners")),
        connectors=frozenset(str(x).lower() for x in d.get("connectors", ())),
        verbs_start=_nset(verbs.get("starts")),
        verbs_hold=_nset(verbs.get("holds")),
        verbs_end=_nset(verbs.get("ends")),
        verbs_end_transitive=_nset(verbs.get("ends_transitive")),
        verbs_end_needs={
            norm(str(k)): tuple(norm(str(x)) for x in v)
            for k, v in (verbs.get("ends_needs") or {}).items()
        },
        relative_pronouns=_nset(d.get("relative_pronouns")),
        took_office=tuple(norm(str(x)) for x in d.get("took_office", ())),
        replace_verbs=_nset(d.get("replace_verbs")),
        apposition_nouns=_nset(d.get("role_nouns_apposition")),
        non_name_words=_nset(d.get("non_name_words")),
    )


@dataclass(frozen=True)
class NameWords:
    """Word lists of ``names.yaml`` (normalised with :func:`norm`)."""

    place_heads: frozenset[str]
    time_of_nouns: frozenset[str]
    combining_forms: frozenset[str]
    event_of_nouns: frozenset[str]
    place_prefixes: frozenset[str]
    place_nouns_after: frozenset[str]
    group_determiners: frozenset[str]
    demonym_endings: tuple[str, ...]  # longest first
    given_variants: dict[str, str]  # folded given name -> the group's first spelling
    given_names: frozenset[str]
    place_of_nouns: frozenset[str]
    particle_variants: dict[str, str]  # "el" -> "al", "bin" -> "ibn"
    place_prepositions: frozenset[str] = frozenset()
    saint_words: frozenset[str] = frozenset()
    naming_nouns: frozenset[str] = frozenset()
    battle_nouns: frozenset[str] = frozenset()
    place_target_words: frozenset[str] = frozenset()
    mononyms: frozenset[str] = frozenset()
    venue_heads: frozenset[str] = frozenset()
    meeting_nouns: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def name_words() -> NameWords:
    d = load_yaml("names.yaml")
    variants: dict[str, str] = {}
    for group in d.get("given_name_variants", ()) or ():
        names = [norm(str(n)) for n in group if norm(str(n))]
        for n in names:
            variants.setdefault(n, names[0])
    particles: dict[str, str] = {}
    for group in d.get("name_particle_variants", ()) or ():
        words = [norm(str(n)) for n in group if norm(str(n))]
        for n in words:
            particles.setdefault(n, words[0])
    endings = sorted({norm(str(x)) for x in d.get("demonym_endings", ())}, key=len, reverse=True)
    return NameWords(
        place_heads=_nset(d.get("place_heads")),
        time_of_nouns=_nset(d.get("time_of_nouns")),
        combining_forms=_nset(d.get("combining_forms")),
        event_of_nouns=_nset(d.get("event_of_nouns")),
        place_prefixes=_nset(d.get("place_prefixes")),
        place_nouns_after=_nset(d.get("place_nouns_after")),
        group_determiners=_nset(d.get("group_determiners")),
        demonym_endings=tuple(e for e in endings if e),
        given_variants=variants,
        given_names=_nset(d.get("given_names")) | frozenset(variants) | _nset(d.get("mononyms")),
        place_of_nouns=_nset(d.get("place_of_nouns")),
        particle_variants=particles,
        place_prepositions=_nset(d.get("place_prepositions")),
        saint_words=_nset(d.get("saint_words")),
        naming_nouns=_nset(d.get("naming_nouns")),
        battle_nouns=_nset(d.get("battle_nouns")),
        place_target_words=_nset(d.get("place_target_words")),
        mononyms=_nset(d.get("mononyms")),
        venue_heads=_nset(d.get("venue_heads")),
        meeting_nouns=_nset(d.get("meeting_nouns")),
    )


@functools.lru_cache(maxsize=1)
def _titles_data() -> Any:
    """titles.yaml parsed once for every word list asked of it (read only): a list first
    asked by a page's text after the warm-up did not parse the file again."""
    return load_yaml("titles.yaml")


@functools.cache
def word_list(key: str) -> frozenset[str]:
    """A plain word list of ``titles.yaml`` (lower case, as written there)."""
    data = _titles_data()
    if key not in data:
        raise KeyError(f"E102 titles.yaml has no word list {key!r}")
    return frozenset(str(w).lower() for w in data[key])
