"""The people merge's indexed clustering gives exactly what the plain all-against-all clustering
gives (random small corpora, with and without an authority file). No timing here: the growth
is measured by ``benchmarks/merge.py --full``."""

from __future__ import annotations

from collections.abc import Sequence
from unittest.mock import patch

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from histograph.entities.authority import Authority, AuthorityRecord
from histograph.entities.lexicon import name_words, norm
from histograph.entities.names import (
    Name,
    byname,
    compatible,
    first_name_of,
    given_compatible,
    name_variants_key,
    translit_key,
)
from histograph.merge import people
from histograph.merge.people import (
    _cluster,
    _doc_people,
    _DocPerson,
    _names_of,
    _role_spans,
    _surname_key,
    _titles_of,
)
from histograph.model import (
    Analysis,
    Document,
    EntityMention,
    RoleClaim,
    TimeValue,
    day_number,
)

# ------------------------------------------------------------ the reference (no index, no cache)

Clustering = list[tuple[list[_DocPerson], str | None]]


def _rep(members: list[_DocPerson]) -> Name:
    return max((d.name for d in members), key=lambda n: n.fullness)


def _jur(members: list[_DocPerson]) -> set[str]:
    return set().union(*(d.jurisdictions for d in members))


def _suffixes_agree(a: Name, b: Name) -> bool:
    return not (a.suffix and b.suffix and a.suffix != b.suffix)


def _context_agrees(
    members: list[list[_DocPerson]], records: list[str | None], i: int, j: int
) -> bool:
    """Neither the authority records nor the roles' jurisdictions say: two people."""
    ri, rj = records[i], records[j]
    if ri and rj and ri != rj:
        return False
    ja, jb = _jur(members[i]), _jur(members[j])
    return not (ja and jb and not ja & jb)


def _join(members: list[list[_DocPerson]], records: list[str | None], i: int, j: int) -> None:
    members[i].extend(members.pop(j))
    rj = records.pop(j)
    records[i] = records[i] or rj


def _reference_written_variants(members: list[list[_DocPerson]], records: list[str | None]) -> None:
    """The first cluster of each spelling key (of the representatives as they are before
    this step) takes every later one of that key whose context agrees."""
    keys = [name_variants_key(_rep(ms).text) if _rep(ms).is_full else "" for ms in members]
    i = 0
    while i < len(members):
        if keys[i] and keys[i] not in keys[:i]:
            j = i + 1
            while j < len(members):
                if keys[j] == keys[i] and _context_agrees(members, records, i, j):
                    _join(members, records, i, j)
                    keys.pop(j)
                    continue
                j += 1
        i += 1


def _reference_spellings(members: list[list[_DocPerson]], records: list[str | None]) -> None:
    """Every pair, in order: the same spelled-out given names, surnames of at least six
    letters one edit apart with the same first letter and no suffixes that differ, on
    different pages, the context agreeing."""
    from rapidfuzz.distance import Levenshtein

    i = 0
    while i < len(members):
        j = i + 1
        while j < len(members):
            a, b = _rep(members[i]), _rep(members[j])
            if (
                a.given
                and len(a.given[0]) > 1
                and a.given == b.given
                and min(len(a.surname), len(b.surname)) >= 6
                and a.surname[:1] == b.surname[:1]
                and Levenshtein.distance(a.surname, b.surname) == 1
                and _suffixes_agree(a, b)
                and not {d.doc_id for d in members[i]} & {d.doc_id for d in members[j]}
                and _context_agrees(members, records, i, j)
            ):
                _join(members, records, i, j)
                continue
            j += 1
        i += 1


def _reference_bynames(members: list[list[_DocPerson]], records: list[str | None]) -> None:
    """Each pair of bynames of one given name, in order: joined when the regnal numbers are
    one, or (no two numbers) one office of a place is both's; never two numbers, two places,
    two records or disjoint jurisdictions."""
    info: list[tuple[str, set[str], set[str]] | None] = []
    for ms in members:
        rep = _rep(ms)
        names = list(dict.fromkeys(m.name for m in ms))
        readings = [b for n in names if (b := byname(n.text)) is not None]
        if (rep.is_full and not byname(rep.text)) or not readings:
            info.append(None)
        else:
            info.append(
                (
                    readings[0].given,
                    {b.numeral for b in readings if b.numeral},
                    {b.place for b in readings if b.place},
                )
            )
    alive = [True] * len(members)
    for i in range(len(members)):
        if info[i] is None or not alive[i]:
            continue
        gi, num_i, place_i = info[i]  # type: ignore[misc]
        for j in range(i + 1, len(members)):
            if info[j] is None or not alive[j] or info[j][0] != gi:  # type: ignore[index]
                continue
            _, num_j, place_j = info[j]  # type: ignore[misc]
            if (num_i and num_j and num_i != num_j) or (
                place_i and place_j and not place_i & place_j
            ):
                continue
            ri, rj = records[i], records[j]
            ja, jb = _jur(members[i]), _jur(members[j])
            if (ri and rj and ri != rj) or (ja and jb and not ja & jb):
                continue
            if not num_i & num_j and not _titles_of(members[i]) & _titles_of(members[j]):
                continue
            members[i].extend(members[j])
            records[i] = ri or rj
            num_i |= num_j
            place_i |= place_j
            alive[j] = False
    members[:] = [ms for ms, a in zip(members, alive, strict=True) if a]
    records[:] = [r for r, a in zip(records, alive, strict=True) if a]


def _reference_cluster(
    docpeople: list[_DocPerson], authority: Authority | None = None
) -> Clustering:
    """Every question asked of every cluster, from scratch (the clustering as specified)."""
    members: list[list[_DocPerson]] = []
    records: list[str | None] = []
    assigned: set[int] = set()
    if authority:
        seeds: dict[str, int] = {}
        for d in sorted(docpeople, key=lambda d: (d.doc_id, d.key)):
            rec = authority.match(_names_of([d]), _role_spans([d]))
            if rec is None:
                continue
            assigned.add(id(d))
            if rec.id in seeds:
                members[seeds[rec.id]].append(d)
            else:
                seeds[rec.id] = len(members)
                members.append([d])
                records.append(rec.id)
    full = sorted(
        (d for d in docpeople if d.name.is_full and id(d) not in assigned),
        key=lambda d: (d.name.fullness, d.key),
        reverse=True,
    )
    for d in full:
        for ms in members:
            if all(compatible(d.name, m.name) for m in ms if m.name.is_full):
                ms.append(d)
                break
        else:
            members.append([d])
            records.append(None)
    _reference_written_variants(members, records)
    merged = True
    while merged:
        merged = False
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, b = _rep(members[i]), _rep(members[j])
                if a.surname == b.surname or _surname_key(a.surname) != _surname_key(b.surname):
                    continue
                if not _suffixes_agree(a, b) or not given_compatible(a, b, translit=True):
                    continue
                if not _context_agrees(members, records, i, j):
                    continue
                _join(members, records, i, j)
                merged = True
                break
            if merged:
                break
    _reference_spellings(members, records)
    singles = (d for d in docpeople if not d.name.is_full and id(d) not in assigned)
    for d in sorted(singles, key=lambda d: (d.doc_id, d.key)):
        regnal = bool(d.name.suffix) and d.name.suffix.rstrip(".") not in {"jr", "sr"}
        cands = [
            ci
            for ci, ms in enumerate(members)
            if not regnal
            and _rep(ms).is_full
            and (
                _rep(ms).surname == d.name.surname
                or (
                    translit_key(_rep(ms).surname) == translit_key(d.name.surname)
                    and d.jurisdictions & _jur(ms)
                )
            )
        ]
        if len(cands) > 1:
            by_office = [
                ci for ci in cands if d.offices & set().union(*(m.offices for m in members[ci]))
            ]
            cands = by_office if len(by_office) == 1 else cands
        if len(cands) > 1 and authority:
            spans = _role_spans([d])
            alive = [
                ci
                for ci in cands
                if (rid := records[ci]) is not None
                and spans
                and all(authority.by_id[rid].alive(lo, hi) for lo, hi in spans)
            ]
            cands = alive if len(alive) == 1 else cands
        if len(cands) == 1:
            members[cands[0]].append(d)
            continue
        if not cands:
            same = [
                ci
                for ci, ms in enumerate(members)
                if not _rep(ms).is_full
                and _rep(ms).surname == d.name.surname
                and all(compatible(d.name, m.name) for m in ms)
            ]
            if same:
                members[same[0]].append(d)
                continue
            if not regnal and norm(d.key) in name_words().given_names:
                firsts = [ci for ci, ms in enumerate(members) if first_name_of(d.name, _rep(ms))]
                if len(firsts) == 1:
                    members[firsts[0]].append(d)
                    continue
        members.append([d])
        records.append(None)
    _reference_bynames(members, records)
    if authority:
        for ci, ms in enumerate(members):
            if records[ci] is None:
                rec = authority.match(_names_of(ms), _role_spans(ms))
                if rec is not None:
                    records[ci] = rec.id
        first: dict[str, int] = {}
        ci = 0
        while ci < len(members):
            rid = records[ci]
            if rid is not None and rid in first:
                records.pop(ci)
                members[first[rid]].extend(members.pop(ci))
                continue
            if rid is not None:
                first[rid] = ci
            ci += 1
    return list(zip(members, records, strict=True))


# ---------------------------------------------------------------- random corpora

# name parts that collide in every way the clustering cares about: initials, spelling variants
# of given names, romanisations of surnames, particles, suffixes and regnal numbers
_GIVEN = ["Franklin", "F.", "Frank", "Alexander", "Aleksandr", "A.", "Andrei", "Andrew", "Dean"]
_GIVEN += ["D.", "Maxim", "Maksim", "M.", "Woodrow", "Thomas", "T.", "Wilhelm"]
_SURNAMES = ["Roosevelt", "Litvinov", "Litvinoff", "Litvinow", "Rusk", "Wilson", "Gromyko"]
_SURNAMES += ["Gromiko", "de Gaulle", "Troyanovsky", "Troyanovskii"]
# invented: an Arabic article written two ways or dropped, and two spellings one letter apart
_SURNAMES += ["al-Marzuqi", "el-Marzuqi", "Marzuqi", "Brandvik", "Brandvek"]
_SUFFIXES = ["", "", "", " Jr.", " II", " I", " XIV"]
_JURISDICTIONS = [None, None, "USA", "USSR", "FRA"]
_OFFICES = [None, None, "head_of_state", "foreign_minister", "ambassador"]


def _year(y: int) -> TimeValue:
    return TimeValue(str(y), day_number(y, 1, 1), day_number(y, 12, 31), "year")


@st.composite
def _names(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["full", "full", "full", "surname", "given"]))
    if kind == "given":
        return draw(st.sampled_from(_GIVEN[:-1]).filter(lambda g: not g.endswith(".")))
    surname = draw(st.sampled_from(_SURNAMES)) + draw(st.sampled_from(_SUFFIXES))
    if kind == "surname":
        return surname
    given = draw(st.lists(st.sampled_from(_GIVEN), min_size=1, max_size=3))
    return " ".join([*given, surname])


@st.composite
def _corpora(draw: st.DrawFn) -> tuple[list[Analysis], list[AuthorityRecord]]:
    analyses: list[Analysis] = []
    for di in range(draw(st.integers(1, 6))):
        doc_id = f"d{di}"
        keys = draw(st.lists(_names(), min_size=1, max_size=5, unique=True))
        parts: list[str] = []
        ents: list[EntityMention] = []
        roles: list[RoleClaim] = []
        pos = 0
        for key in keys:
            for _ in range(draw(st.integers(1, 2))):
                surface = key if draw(st.booleans()) else key.split()[-1]
                ents.append(EntityMention(doc_id, pos, pos + len(surface), surface, "PERSON", key))
                parts.append(surface + ". ")
                pos += len(surface) + 2
            for _ in range(draw(st.integers(0, 2))):
                title = draw(st.sampled_from(["President", "Ambassador", "Foreign Minister"]))
                began = draw(st.one_of(st.none(), st.integers(1900, 1960)))
                ended = draw(st.one_of(st.none(), st.integers(1900, 1960)))
                roles.append(
                    RoleClaim(
                        doc_id,
                        pos,
                        pos + len(title),
                        key,
                        title,
                        draw(st.sampled_from(_OFFICES)),
                        draw(st.sampled_from(_JURISDICTIONS)),
                        _year(began) if began else None,
                        _year(ended) if ended else None,
                    )
                )
                parts.append(title + ". ")
                pos += len(title) + 2
        text = "".join(parts)
        doc = Document(doc_id, f"mem:{doc_id}", text, "txt")
        analyses.append(Analysis(doc, entities=tuple(ents), roles=tuple(roles)))
    records: list[AuthorityRecord] = []
    for ri in range(draw(st.integers(0, 3))):
        name = draw(_names())
        aliases = tuple(draw(st.lists(_names(), max_size=2)))
        lo = draw(st.one_of(st.none(), st.integers(1850, 1930)))
        records.append(
            AuthorityRecord(
                f"Q{ri}",
                name,
                aliases,
                day_number(lo, 1, 1) if lo else None,
                day_number(lo + 70, 12, 31) if lo else None,
            )
        )
    return analyses, records


def _written(docs: Sequence[Sequence[tuple[str, str]]]) -> list[Analysis]:
    """One document per list of (key, surface as written) person mentions, as ``_corpora``
    writes them."""
    out = []
    for di, mentions in enumerate(docs):
        doc_id, pos, parts, ents = f"d{di}", 0, [], []
        for key, surface in mentions:
            ents.append(EntityMention(doc_id, pos, pos + len(surface), surface, "PERSON", key))
            parts.append(surface + ". ")
            pos += len(surface) + 2
        out.append(
            Analysis(Document(doc_id, f"mem:{doc_id}", "".join(parts), "txt"), entities=tuple(ents))
        )
    return out


#: found by a random run: "Jr." spelled two ways (joined as written variants) and a romanisation
#: of the surname with "II" (joined to them by the romanisation pass, which let suffixes differ)
_SUFFIX_EXAMPLE = [
    [
        ("Franklin Roosevelt", "Roosevelt"),
        ("F. Roosevelt", "Roosevelt"),
        ("Franklin Franklin Litvinov II", "II"),
    ],
    [("Franklin Roosevelt", "Roosevelt"), ("Franklin Litvinov Jr.", "Jr.")],
    [("Franklin Litvinoff Jr.", "Jr.")],
]


def _shape(clusters: Clustering) -> list[tuple[list[int], str | None]]:
    return [([id(d) for d in ms], rid) for ms, rid in clusters]


def _docpeople(analyses: Sequence[Analysis]) -> list[_DocPerson]:
    return [dp for a in analyses for dp in _doc_people(a)]


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(_corpora())
@example((_written(_SUFFIX_EXAMPLE), []))
def test_cluster_equals_reference(corpus: tuple[list[Analysis], list[AuthorityRecord]]) -> None:
    analyses, records = corpus
    dps = _docpeople(analyses)
    assert _shape(_cluster(dps)) == _shape(_reference_cluster(dps))
    if records:
        index = Authority(records)
        assert _shape(_cluster(dps, index)) == _shape(_reference_cluster(dps, index))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpora())
def test_merge_people_equals_reference(
    corpus: tuple[list[Analysis], list[AuthorityRecord]],
) -> None:
    analyses, records = corpus
    got = people.merge_people(analyses, (), records)
    with patch.object(people, "_cluster", _reference_cluster):
        want = people.merge_people(analyses, (), records)
    assert got == want


def test_romanisation_chain_joins_in_order() -> None:
    """Three spellings of one full name, joined pair by pair (the first pair first)."""
    a = [
        Analysis(
            Document(f"d{i}", f"mem:d{i}", key, "txt"),
            entities=(EntityMention(f"d{i}", 0, len(key), key, "PERSON", key),),
        )
        for i, key in enumerate(["Maxim Litvinov", "Maksim Litvinoff", "M. Litvinow", "Litvinov"])
    ]
    dps = _docpeople(a)
    got = _cluster(dps)
    assert _shape(got) == _shape(_reference_cluster(dps))
    assert sorted(d.key for d in got[0][0]) == ["M. Litvinow", "Maksim Litvinoff", "Maxim Litvinov"]


def _one_mention_docs(keys: Sequence[str]) -> list[Analysis]:
    return [
        Analysis(
            Document(f"d{i}", f"mem:d{i}", key, "txt"),
            entities=(EntityMention(f"d{i}", 0, len(key), key, "PERSON", key),),
        )
        for i, key in enumerate(keys)
    ]


def test_equally_full_names_keep_the_first_as_representative() -> None:
    """Two romanisations of one length: the cluster's representative is the first one (as
    ``max`` picks it), and a surname alone follows that one's spelling only."""
    for keys in (
        ["Andrei Gromyko", "Andrei Gromiko", "Gromiko"],
        ["Andrei Gromyko", "Andrei Gromiko", "Gromyko"],
        ["Maxim Litvinov", "Maxim Litvinow", "Litvinow", "Litvinov"],
    ):
        dps = _docpeople(_one_mention_docs(keys))
        assert _shape(_cluster(dps)) == _shape(_reference_cluster(dps))


def test_a_romanisation_never_joins_two_different_suffixes() -> None:
    """Two spellings of "Litvinov Jr." are one name written two ways; "Litvinov II" is kept
    apart from both, as the same spelling keeps "Litvinov II" and "Litvinov Jr." apart."""
    dps = _docpeople(_written(_SUFFIX_EXAMPLE))
    got = _cluster(dps)
    assert _shape(got) == _shape(_reference_cluster(dps))
    keys = sorted(sorted(d.key for d in ms) for ms, _ in got)
    assert ["Franklin Franklin Litvinov II"] in keys
    assert ["Franklin Litvinoff Jr.", "Franklin Litvinov Jr."] in keys
    # a misspelling one letter apart does not join them either
    dps = _docpeople(
        _written([[("Franklin Brandvik II", "Brandvik")], [("Franklin Brandvek Jr.", "Jr.")]])
    )
    assert len(_cluster(dps)) == 2 and _shape(_cluster(dps)) == _shape(_reference_cluster(dps))
    dps = _docpeople(
        _written([[("Franklin Brandvik", "Brandvik")], [("Franklin Brandvek Jr.", "Jr.")]])
    )
    assert len(_cluster(dps)) == 1 and _shape(_cluster(dps)) == _shape(_reference_cluster(dps))
