"""Cross-document person clustering, role claims and person-attribute conflicts.

:func:`merge_people` clusters the PERSON entities of all analyses into :class:`Person`
records (kind "person", id ``"p-" + sha1(canonical name)[:10]``):
- full names join when compatible ("Franklin Delano Roosevelt" ~ "Franklin D. Roosevelt" ~
  "Franklin Roosevelt"; not "Theodore Roosevelt");
- romanisation variants join when the context agrees (given names agree and, for a surname
  alone, the roles' jurisdictions overlap): "Litvinov" ~ "Litvinoff", "al-Sadat" ~ "el-Sadat"
  ~ "Sadat" (a leading Arabic article is spelled several ways or dropped); one full name
  written with or without hyphens joins ("Lloyd-George" ~ "Lloyd George"); neither a
  romanisation nor a misspelling joins two different suffixes ("Jr." / "II"), which the same
  spelling would keep apart;
- spellings one letter apart join when the same spelled-out given names are written on
  different pages and jurisdictions and authority records agree ("Hendersen" ~ "Henderson");
- a document's surname-only person joins the one full name of the corpus with that surname; when
  the corpus has several, the roles decide, else it stays a separate, ambiguous person;
- given-name spellings of ``names.yaml`` agree ("Alexander" ~ "Aleksandr");
- an authority file (:mod:`histograph.entities.authority`) pins identities: document persons
  matching one record form one person with the record's id (``authority_id``) and name; persons
  matching different records are never joined.
States and organisations named in the documents follow the people as Person records of kind
"state"/"organisation" (:func:`merge_states`), so that event participants resolve to them.
``aliases`` are every surface form as written: the bare names and the title-prefixed forms
("Soviet Foreign Minister Maxim Litvinov") and honorific forms ("Lord Halifax"). ``roles`` are all RoleClaims of the person with
``person`` rewritten to the Person id (``mentions`` keep the document keys).

Conflicts (subject_kind "person"): the title and role-date conflicts among one person's roles
are :func:`histograph.merge.role_conflicts.person_conflicts`'s (title conflicts that need only
finished people live in :mod:`histograph.merge.person_conflicts`); this module adds
attribute "name", kind "naming", soft: one person whose surname the pages spell or romanise
two ways (:func:`spelling_conflict`), each spelling with its name spans.

Why one module (about 700 lines): the clustering passes (full names, written variants,
romanisations, spellings, surname-only persons) share the private :class:`_Clusters` index and
the spelling conflict is built from its members; the states and organisations that follow the
people are :mod:`histograph.merge.states`'s.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from rapidfuzz.distance import Levenshtein

from ..entities.authority import Authority, AuthorityRecord
from ..entities.lexicon import name_words, norm, titles
from ..entities.names import (
    Name,
    byname,
    compatible,
    first_name_of,
    given_compatible,
    given_variant,
    name_variants_key,
    parse_name,
    translit_key,
)
from ..model import (
    Analysis,
    Claim,
    Conflict,
    ConflictValue,
    CopyLink,
    EntityMention,
    Person,
    RoleClaim,
)
from .role_conflicts import conflict_id, person_conflicts
from .states import merge_states, strip_article


@dataclass
class _DocPerson:
    doc_id: str
    key: str
    name: Name
    text: str  # the document's text (for spans)
    mentions: list[EntityMention] = field(default_factory=list)
    roles: list[RoleClaim] = field(default_factory=list)
    aliases: Counter[str] = field(default_factory=Counter)

    @property
    def jurisdictions(self) -> set[str]:
        return {r.jurisdiction for r in self.roles if r.jurisdiction}

    @property
    def offices(self) -> set[str]:
        return {r.office.split("@")[0] for r in self.roles if r.office}


def _doc_people(a: Analysis) -> list[_DocPerson]:
    text = a.document.text
    by_key: dict[str, _DocPerson] = {}
    for m in a.entities:
        if m.label != "PERSON":
            continue
        key = m.key or m.text
        dp = by_key.get(key)
        if dp is None:
            dp = by_key[key] = _DocPerson(a.document.id, key, parse_name(key), text)
        dp.mentions.append(m)
        dp.aliases[m.text] += 1
    for dp in by_key.values():
        # an honorific before a name is an alias as written ("Lord Halifax", "Mr. Hull")
        for m in dp.mentions:
            hon = _honorific_before(text, m.start)
            if hon is not None:
                dp.aliases[text[hon : m.end]] += 1
    # each person's mentions by where they end: a role looks up the mentions ending with it,
    # where a scan of all the person's mentions per role was quadratic in a long document
    ends: dict[tuple[str, int], list[EntityMention]] = defaultdict(list)
    for key, dp in by_key.items():
        for m in dp.mentions:
            ends[(key, m.end)].append(m)
    for r in a.roles:
        dp = by_key.get(r.person)
        if dp is None:
            continue
        dp.roles.append(r)
        # a title written right before the name is an alias ("President Roosevelt")
        for m in ends.get((r.person, r.end), ()):
            if r.start < m.start:
                lead = text[r.start : m.start].strip()
                if lead == r.title:
                    dp.aliases[text[r.start : r.end]] += 1
    return list(by_key.values())


_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")


def _honorific_before(text: str, start: int) -> int | None:
    """Start of an honorific written right before ``start`` ("Lord ", "Mr. "), or None."""
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return None
    word = m.group(1)
    hons = titles().honorifics
    if word[:1].isupper() and (word.lower() in hons or norm(word) in hons):
        return m.start(1)
    return None


_T = TypeVar("_T")


def _kept(items: list[_T], alive: Sequence[bool]) -> list[_T]:
    return [x for x, ok in zip(items, alive, strict=True) if ok]


class _Clusters:
    """The clusters being built, with what the clustering asks of each kept up to date as
    members join (so that no question costs the size of a cluster): the representative name
    (the first of the fullest names), the distinct full names, the distinct names, and the
    union of the members' jurisdictions and offices."""

    def __init__(self) -> None:
        self.members: list[list[_DocPerson]] = []
        self.records: list[str | None] = []  # authority record id of each cluster
        self._rep: list[Name] = []
        self._full: list[dict[Name, None]] = []  # distinct full names, in order of joining
        self._names: list[dict[Name, None]] = []  # distinct names, in order of joining
        self._jur: list[set[str]] = []
        self._off: list[set[str]] = []

    def add(self, dp: _DocPerson, record: str | None = None) -> None:
        self.members.append([dp])
        self.records.append(record)
        self._rep.append(dp.name)
        self._full.append({dp.name: None} if dp.name.is_full else {})
        self._names.append({dp.name: None})
        self._jur.append(set(dp.jurisdictions))
        self._off.append(set(dp.offices))

    def append(self, ci: int, dp: _DocPerson) -> None:
        self.members[ci].append(dp)
        # max() keeps the first of equally full names: replace only a strictly fuller one
        if dp.name.fullness > self._rep[ci].fullness:
            self._rep[ci] = dp.name
        if dp.name.is_full:
            self._full[ci][dp.name] = None
        self._names[ci][dp.name] = None
        self._jur[ci] |= dp.jurisdictions
        self._off[ci] |= dp.offices

    def extend(self, ci: int, dps: Iterable[_DocPerson]) -> None:
        for dp in dps:
            self.append(ci, dp)

    def pop(self, j: int) -> tuple[list[_DocPerson], str | None]:
        for cache in (self._rep, self._full, self._names, self._jur, self._off):
            cache.pop(j)
        return self.members.pop(j), self.records.pop(j)

    def keep(self, alive: Sequence[bool]) -> None:
        """Drop the clusters whose flag is False (the order of the others is kept)."""
        self.members = _kept(self.members, alive)
        self.records = _kept(self.records, alive)
        self._rep = _kept(self._rep, alive)
        self._full = _kept(self._full, alive)
        self._names = _kept(self._names, alive)
        self._jur = _kept(self._jur, alive)
        self._off = _kept(self._off, alive)

    def rep(self, ci: int) -> Name:
        """The fullest name of the cluster (the first of equally full ones)."""
        return self._rep[ci]

    def fits(self, ci: int, n: Name) -> bool:
        """``n`` is compatible with every full name of the cluster."""
        return all(compatible(n, f) for f in self._full[ci])

    def full_surnames(self, ci: int) -> set[str]:
        return {f.surname for f in self._full[ci]}

    def all_compatible(self, ci: int, n: Name) -> bool:
        """``n`` is compatible with every name of the cluster."""
        return all(compatible(n, m) for m in self._names[ci])

    def jurisdictions(self, ci: int) -> set[str]:
        return self._jur[ci]

    def names(self, ci: int) -> list[Name]:
        """The cluster's distinct names, in order of joining."""
        return list(self._names[ci])

    def offices(self, ci: int) -> set[str]:
        return self._off[ci]


def _role_spans(ds: Iterable[_DocPerson]) -> list[tuple[int, int]]:
    """Day intervals the person certainly lived in: the dates of their roles."""
    out: list[tuple[int, int]] = []
    for d in ds:
        for r in d.roles:
            for tv in (r.began, r.ended):
                if tv is not None:
                    out.append((tv.earliest, tv.latest))
    return out


def _names_of(ds: Iterable[_DocPerson]) -> list[str]:
    out: dict[str, None] = {}
    for d in ds:
        out[d.key] = None
        for m in d.mentions:
            out[m.text] = None
    return list(out)


def _join_full_names(cl: _Clusters, full: list[_DocPerson]) -> None:
    """Each full name joins the first cluster (in order) all of whose full names it is
    compatible with, else starts a cluster. Compatible names share the surname, so only the
    clusters whose full names all carry that surname (or that have no full name) are asked."""
    by_surname: dict[str, list[int]] = {}  # clusters whose full names all have this surname
    no_full: list[int] = []  # clusters without a full name (pinned by the authority)
    for ci in range(len(cl.members)):
        surnames = cl.full_surnames(ci)
        if not surnames:
            no_full.append(ci)
        elif len(surnames) == 1:
            by_surname.setdefault(surnames.pop(), []).append(ci)
        # several surnames: no full name is compatible with all of them
    for d in full:
        s = d.name.surname
        same = by_surname.setdefault(s, [])
        cands = sorted(same + no_full) if no_full else same
        for ci in cands:
            if cl.fits(ci, d.name):
                if no_full and ci in no_full:
                    no_full.remove(ci)
                    bisect.insort(same, ci)
                cl.append(ci, d)
                break
        else:
            same.append(len(cl.members))
            cl.add(d)


def _join_written_variants(cl: _Clusters) -> None:
    """Full names that are one name written two ways — hyphens or spaces, accents, an
    article's spelling, a romanisation of every word (:func:`name_variants_key`: "David
    Lloyd-George" / "David Lloyd George", "Jean-Paul Marat" / "Jean Paul Marat") — are one
    person unless the authority records or the roles' jurisdictions say otherwise."""
    groups: dict[str, list[int]] = {}
    for ci in range(len(cl.members)):
        r = cl.rep(ci)
        if r.is_full:
            key = name_variants_key(r.text)
            if key:
                groups.setdefault(key, []).append(ci)
    alive = [True] * len(cl.members)
    for ids in groups.values():
        first = ids[0]
        for j in ids[1:]:
            ri, rj = cl.records[first], cl.records[j]
            if ri and rj and ri != rj:
                continue
            ja, jb = cl.jurisdictions(first), cl.jurisdictions(j)
            if ja and jb and not ja & jb:
                continue
            cl.extend(first, cl.members[j])
            cl.records[first] = ri or rj
            alive[j] = False
    if not all(alive):
        cl.keep(alive)


_ARTICLE = re.compile(r"^([a-z]+)[\s\-\u2010-\u2015]+(?=\w)")


def _surname_key(surname: str) -> str:
    """The transliteration key of a surname without a leading Arabic article or connector
    ("al-Sadat" = "el-Sadat" = "Sadat"; ``name_particle_variants`` in ``names.yaml``): the
    article is often dropped or spelled differently across pages."""
    m = _ARTICLE.match(surname)
    if m and m.group(1) in name_words().particle_variants and name_words().particle_variants[
        m.group(1)
    ] == name_words().particle_variants.get("al"):
        surname = surname[m.end() :]
    return translit_key(surname)


def _suffixes_agree(a: Name, b: Name) -> bool:
    """No two different suffixes ("Jr." / "II"): as :func:`compatible` asks of two spellings
    of one surname, so that a romanisation or a misspelling never joins what the same
    spelling would keep apart."""
    return not (a.suffix and b.suffix and a.suffix != b.suffix)


def _join_romanisations(cl: _Clusters) -> None:
    """Romanisation variants ("Litvinov" / "Litvinoff") join when the context agrees: the
    first joinable pair (in cluster order) joins, again and again until none is left.

    Only clusters whose representatives' surnames share a transliteration key can join, and
    a join keeps that key (the joined cluster's representative is one of the two), so each
    group of one key is settled on its own, with the same pairs in the same order."""
    groups: dict[str, list[int]] = {}
    for ci in range(len(cl.members)):
        groups.setdefault(_surname_key(cl.rep(ci).surname), []).append(ci)
    alive = [True] * len(cl.members)
    for ids in groups.values():
        if len(ids) < 2 or len({cl.rep(ci).surname for ci in ids}) < 2:
            continue
        merged = True
        while merged:
            merged = False
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    i, j = ids[x], ids[y]
                    a, b = cl.rep(i), cl.rep(j)
                    if a.surname == b.surname or _surname_key(a.surname) != _surname_key(b.surname):
                        continue
                    if not _suffixes_agree(a, b) or not given_compatible(a, b, translit=True):
                        continue
                    ri, rj = cl.records[i], cl.records[j]
                    if ri and rj and ri != rj:
                        continue  # the authority says: two people
                    ja, jb = cl.jurisdictions(i), cl.jurisdictions(j)
                    if ja and jb and not ja & jb:
                        continue
                    cl.extend(i, cl.members[j])
                    cl.records[i] = cl.records[i] or rj
                    alive[j] = False
                    ids.pop(y)
                    merged = True
                    break
                if merged:
                    break
    if not all(alive):
        cl.keep(alive)


#: a surname this long may be misspelt by one letter on another page
_SPELLING_MIN = 6


def _join_spellings(cl: _Clusters) -> None:
    """Full names whose surnames are one edit apart ("Goodwinson" / "Godwinson"), with the
    same spelled-out given names, named on different pages (a page that spells both names
    two people), whose jurisdictions and authority records agree, are one person. Clusters
    meet only by their given names and the first letter of the surname: a join keeps both (the
    given names must be equal, the first letters are), so each group is settled on its own and
    a popular first name does not make one group of many people to compare pairwise."""
    groups: dict[tuple[tuple[str, ...], str], list[int]] = {}
    for ci in range(len(cl.members)):
        r = cl.rep(ci)
        if r.given and len(r.given[0]) > 1 and len(r.surname) >= _SPELLING_MIN:
            groups.setdefault((r.given, r.surname[:1]), []).append(ci)
    alive = [True] * len(cl.members)
    for ids in groups.values():
        for x, i in enumerate(ids):
            if not alive[i]:
                continue
            for j in ids[x + 1 :]:
                if not alive[j]:
                    continue
                a, b = cl.rep(i), cl.rep(j)
                if a.surname == b.surname or a.given != b.given or not _suffixes_agree(a, b):
                    continue
                if Levenshtein.distance(a.surname, b.surname) != 1:
                    continue
                if {d.doc_id for d in cl.members[i]} & {d.doc_id for d in cl.members[j]}:
                    continue
                ri, rj = cl.records[i], cl.records[j]
                if ri and rj and ri != rj:
                    continue
                ja, jb = cl.jurisdictions(i), cl.jurisdictions(j)
                if ja and jb and not ja & jb:
                    continue
                cl.extend(i, cl.members[j])
                cl.records[i] = ri or rj
                alive[j] = False
    if not all(alive):
        cl.keep(alive)


def _titles_of(members: Iterable[_DocPerson]) -> set[str]:
    """The members' titles naming an office of a place ("duke of normandy"), folded."""
    out: set[str] = set()
    for d in members:
        for r in d.roles:
            t = re.sub(r"^(?:the|a|an)\s+", "", norm(r.title))
            if " of " in t:
                out.add(t)
    return out


def _join_bynames(cl: _Clusters) -> None:
    """Rulers' and medieval names have no surname, so the passes above keep "Harald III" and
    "Harald III Hardrada", or "William of Normandy" and "William the Conqueror", apart. Two
    such clusters with one given name are one person when their regnal numbers are one and
    the same, or, without two different numbers, when they hold the same office of a place
    ("Duke of Normandy") — never with two different numbers or places ("Henry IV of France",
    "Henry IV of England"), different authority records or disjoint jurisdictions."""
    groups: dict[str, list[tuple[int, set[str], set[str]]]] = {}
    for ci in range(len(cl.members)):
        if cl.rep(ci).is_full and not byname(cl.rep(ci).text):
            continue  # an ordinary given name and surname
        readings = [b for n in cl.names(ci) if (b := byname(n.text)) is not None]
        if readings:
            numerals = {b.numeral for b in readings if b.numeral}
            places = {b.place for b in readings if b.place}
            groups.setdefault(readings[0].given, []).append((ci, numerals, places))
    alive = [True] * len(cl.members)
    for group in groups.values():
        for x, (i, num_i, place_i) in enumerate(group):
            if not alive[i]:
                continue
            for j, num_j, place_j in group[x + 1 :]:
                if not alive[j] or (num_i and num_j and num_i != num_j):
                    continue
                if place_i and place_j and not place_i & place_j:
                    continue
                ri, rj = cl.records[i], cl.records[j]
                ja, jb = cl.jurisdictions(i), cl.jurisdictions(j)
                if (ri and rj and ri != rj) or (ja and jb and not ja & jb):
                    continue
                same_number = bool(num_i & num_j)
                if not same_number and not _titles_of(cl.members[i]) & _titles_of(cl.members[j]):
                    continue
                cl.extend(i, cl.members[j])
                cl.records[i] = ri or rj
                num_i |= num_j
                place_i |= place_j
                alive[j] = False
    if not all(alive):
        cl.keep(alive)


def _cluster(
    docpeople: list[_DocPerson], authority: Authority | None = None
) -> list[tuple[list[_DocPerson], str | None]]:
    cl = _Clusters()
    assigned: dict[int, str] = {}
    if authority:
        # identities pinned by the authority file: one cluster per record
        seeds: dict[str, int] = {}
        for d in sorted(docpeople, key=lambda d: (d.doc_id, d.key)):
            rec = authority.match(_names_of([d]), _role_spans([d]))
            if rec is None:
                continue
            assigned[id(d)] = rec.id
            if rec.id in seeds:
                cl.append(seeds[rec.id], d)
            else:
                seeds[rec.id] = len(cl.members)
                cl.add(d, rec.id)
    full = sorted(
        (d for d in docpeople if d.name.is_full and id(d) not in assigned),
        key=lambda d: (d.name.fullness, d.key),
        reverse=True,
    )
    _join_full_names(cl, full)
    # one full name written with or without hyphens ("Lloyd-George" / "Lloyd George")
    _join_written_variants(cl)
    # romanisation variants ("Litvinov" / "Litvinoff") when the context agrees
    _join_romanisations(cl)
    # spellings one letter apart ("Hendersen" / "Henderson") on different pages
    _join_spellings(cl)
    # surname-only (or single-name) document people. From here on, the clusters with a full
    # representative keep it (the people joining them have no full name) and the new clusters
    # have none: the indexes below stay valid (new clusters are added to ``single_by_surname``).
    full_by_key: dict[str, list[int]] = {}  # full representatives by transliteration key
    single_by_surname: dict[str, list[int]] = {}  # the other clusters, by surname
    for ci in range(len(cl.members)):
        r = cl.rep(ci)
        if r.is_full:
            full_by_key.setdefault(translit_key(r.surname), []).append(ci)
        else:
            single_by_surname.setdefault(r.surname, []).append(ci)
    by_first: dict[str, list[int]] | None = None  # full representatives by first given name
    singles = (d for d in docpeople if not d.name.is_full and id(d) not in assigned)
    for d in sorted(singles, key=lambda d: (d.doc_id, d.key)):
        # "Wilhelm I", "Louis XIV": a regnal name is no surname of a full name
        regnal = bool(d.name.suffix) and d.name.suffix.rstrip(".") not in {"jr", "sr"}
        cands = (
            []
            if regnal
            else [
                ci
                for ci in full_by_key.get(translit_key(d.name.surname), ())
                if cl.rep(ci).surname == d.name.surname or d.jurisdictions & cl.jurisdictions(ci)
            ]
        )
        if len(cands) > 1:
            # the roles decide: the same office, else role dates within the record's life
            by_office = [ci for ci in cands if d.offices & cl.offices(ci)]
            cands = by_office if len(by_office) == 1 else cands
        if len(cands) > 1 and authority:
            spans = _role_spans([d])
            alive = [
                ci
                for ci in cands
                if (rid := cl.records[ci]) is not None
                and spans
                and all(authority.by_id[rid].alive(lo, hi) for lo, hi in spans)
            ]
            cands = alive if len(alive) == 1 else cands
        if len(cands) == 1:
            cl.append(cands[0], d)
            continue
        if not cands:
            same = [
                ci
                for ci in single_by_surname.get(d.name.surname, ())
                if cl.all_compatible(ci, d.name)
            ]
            if same:
                cl.append(same[0], d)
                continue
            if not regnal and norm(d.key) in name_words().given_names:
                # a given name alone ("Dean") names the one full name it starts ("Dean Rusk")
                if by_first is None:
                    by_first = {}
                    for ci in sorted(i for ids in full_by_key.values() for i in ids):
                        g = cl.rep(ci).given
                        if len(g[0]) > 1:
                            by_first.setdefault(given_variant(g[0]), []).append(ci)
                firsts = [
                    ci
                    for ci in by_first.get(given_variant(d.name.surname), ())
                    if first_name_of(d.name, cl.rep(ci))
                ]
                if len(firsts) == 1:
                    cl.append(firsts[0], d)
                    continue
        # no full name, or ambiguous between several: a person of its own
        single_by_surname.setdefault(d.name.surname, []).append(len(cl.members))
        cl.add(d)
    # rulers' names without a surname ("Harald III" / "Harald III Hardrada")
    _join_bynames(cl)
    # clusters the authority did not pin at the document level: match them as a whole
    if authority:
        for ci in range(len(cl.members)):
            if cl.records[ci] is None:
                rec = authority.match(_names_of(cl.members[ci]), _role_spans(cl.members[ci]))
                if rec is not None:
                    cl.records[ci] = rec.id
        # one record, one person
        first: dict[str, int] = {}
        ci = 0
        while ci < len(cl.members):
            rid = cl.records[ci]
            if rid is not None and rid in first:
                members, _ = cl.pop(ci)
                cl.extend(first[rid], members)
                continue
            if rid is not None:
                first[rid] = ci
            ci += 1
    return list(zip(cl.members, cl.records, strict=True))


_OTHER_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "STATE", "NORP"})


def _other_label_counts(analyses: Sequence[Analysis]) -> Counter[str]:
    """How often each name is written as a place, a state or an organisation in the corpus."""
    out: Counter[str] = Counter()
    for a in analyses:
        for m in a.entities:
            if m.label in _OTHER_LABELS:
                out[strip_article(norm(m.text))] += 1
    return out


def _names_other(members: list[_DocPerson], other: Counter[str]) -> bool:
    """A one-word "person" with no role, no title and no honorific that the corpus writes as a
    place or an organisation at least as often ("Alsace-Lorraine" tagged PERSON in one source
    and a place or organisation in another): not a person."""
    if any(d.name.is_full or d.name.suffix or d.roles for d in members):
        return False
    names = {norm(d.key) for d in members}
    if any(norm(a) not in names for d in members for a in d.aliases):
        return False  # "Lord X", "President X"
    n_person = sum(len(d.mentions) for d in members)
    n_other = sum(other[n] for n in names)
    return n_other >= max(1, n_person)


def _pid(name: str, used: set[str]) -> str:
    base = "p-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
    pid, n = base, 2
    while pid in used:
        pid = f"{base}-{n}"
        n += 1
    used.add(pid)
    return pid


def _canonical(members: list[_DocPerson]) -> str:
    counts: Counter[str] = Counter()
    for d in members:
        counts[d.key] += len(d.mentions)
    # the most used of the forms with the most names ("Franklin D. Roosevelt")
    return max(
        counts, key=lambda k: (parse_name(k).fullness[0], counts[k], parse_name(k).fullness, k)
    )


def merge_people(
    analyses: Sequence[Analysis],
    copies: Sequence[CopyLink] = (),
    authority: Sequence[AuthorityRecord] = (),
) -> tuple[list[Person], list[Conflict]]:
    """Cluster the PERSON mentions of all analyses into people; find their title conflicts.

    ``authority`` records pin identities: a person matching one gets its id
    (``Person.authority_id``) and its name. The states and organisations the documents name
    follow the people as :class:`Person` records of kind "state"/"organisation"."""
    # many small acyclic objects: the cyclic collector would walk them again and again and
    # free nothing (as in :func:`histograph.merge.events.merge_events`)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _merge_people(analyses, copies, authority)
    finally:
        if was_enabled:
            gc.enable()


def _merge_people(
    analyses: Sequence[Analysis],
    copies: Sequence[CopyLink],
    authority: Sequence[AuthorityRecord],
) -> tuple[list[Person], list[Conflict]]:
    index = Authority(authority) if authority else None
    docpeople = [dp for a in analyses for dp in _doc_people(a)]
    other = _other_label_counts(analyses)
    clusters = [
        (m, rid) for m, rid in _cluster(docpeople, index) if rid or not _names_other(m, other)
    ]
    copy_docs = {c.doc_id for c in copies}
    texts = {a.document.id: a.document.text for a in analyses}
    used: set[str] = set()
    people: list[Person] = []
    conflicts: list[Conflict] = []
    named = sorted(
        (
            (index.by_id[rid].name if (index and rid) else _canonical(m), m, rid)
            for m, rid in clusters
        ),
        key=lambda x: (x[0], x[2] or ""),
    )
    for name, members, rid in named:
        pid = _pid(name, used)
        aliases: Counter[str] = Counter()
        mentions: list[EntityMention] = []
        roles: list[RoleClaim] = []
        for d in members:
            aliases.update(d.aliases)
            mentions.extend(d.mentions)
            roles.extend(replace(r, person=pid) for r in d.roles)
        aliases[name] += 0
        roles.sort(key=lambda r: (r.doc_id, r.start, r.end, r.title))
        mentions.sort(key=lambda m: (m.doc_id, m.start))
        people.append(
            Person(
                id=pid,
                name=name,
                aliases=tuple(sorted(aliases, key=lambda s: (-aliases[s], s))),
                mentions=tuple(mentions),
                roles=tuple(roles),
                authority_id=rid,
            )
        )
        conflicts.extend(person_conflicts(pid, name, roles, texts, copy_docs))
        spelled = spelling_conflict(pid, name, members)
        if spelled is not None:
            conflicts.append(spelled)
    people.extend(merge_states(analyses))
    return people, conflicts


def spelling_conflict(pid: str, name: str, members: Sequence[_DocPerson]) -> Conflict | None:
    """One person whose surname the pages write two ways ("Litvinov" / "Litvinoff",
    "Godwinson" / "Goodwinson"): a soft ``naming`` conflict, each spelling with the spans of
    the names that use it."""
    by_spelling: dict[str, list[Claim]] = {}
    shown: dict[str, str] = {}
    same_name: dict[str, str] = {}
    for d in members:
        if not d.name.is_full:
            continue
        for m in d.mentions:
            # the surname's last word ("sadat" of "al-sadat"): norm() splits hyphens
            if re.split(r"[\s\-\u2010-\u2015]+", d.name.surname)[-1] not in norm(m.text).split():
                continue
            # a hyphen or a space is typography, not a spelling: "Lloyd-George" (surname
            # "lloyd-george") and "Lloyd George" (surname "george") are one written name
            compact = re.sub(r"[\s\-\u2010-\u2015.]+", "", d.name.text.lower())
            spelling = same_name.setdefault(
                compact, re.sub(r"[\s\-\u2010-\u2015]+", "", d.name.surname)
            )
            by_spelling.setdefault(spelling, []).append(
                Claim(pid, "name", m.text, m.doc_id, m.start, m.end)
            )
            shown.setdefault(spelling, " ".join(m.text.split()))
    if len(by_spelling) < 2:
        return None
    values = [
        ConflictValue(shown[k], tuple(dict.fromkeys(cl))) for k, cl in sorted(by_spelling.items())
    ]
    listed = " / ".join(v.value for v in values)
    return Conflict(
        id=conflict_id(pid, "name", [v.value for v in values]),
        subject=pid,
        subject_kind="person",
        attribute="name",
        values=tuple(values),
        kind="naming",
        severity="soft",
        explanation=(
            f"{name}: the sources spell the name differently ({listed}); the same given "
            "names, roles and context make them one person, the variant is kept as an alias."
        ),
    )
