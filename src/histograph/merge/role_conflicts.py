"""Title and role-date conflicts among one person's role claims (:func:`person_conflicts`):
one office under different names, different offices of one rank family, similar titles of
offices the data does not know, incompatible dates of one role. Each value carries a
:class:`~histograph.model.Claim` per source (span = the title as written);
``Claim.independent`` is False for documents that are near-copies of another. More title
conflicts, the general case, are in :mod:`histograph.merge.person_conflicts`."""

from __future__ import annotations

import hashlib

from ..entities.lexicon import norm
from ..entities.offices import normalise_title, office, office_data, split_jurisdiction
from ..model import Claim, Conflict, ConflictValue, RoleClaim, civil_from_day

_STOP = frozenset({"the", "of", "for", "to", "a", "an", "and", "in", "on", "at"})


def _title_span(r: RoleClaim, texts: dict[str, str]) -> tuple[int, int]:
    text = texts.get(r.doc_id, "")
    i = text.find(r.title, r.start, r.end)
    if i >= 0:
        return i, i + len(r.title)
    return r.start, r.end


def _claim(
    pid: str, attribute: str, value: str, r: RoleClaim, texts: dict[str, str], copy_docs: set[str]
) -> Claim:
    s, e = _title_span(r, texts) if attribute == "title" else (r.start, r.end)
    return Claim(pid, attribute, value, r.doc_id, s, e, r.doc_id not in copy_docs)


def _year(r: RoleClaim) -> int | None:
    tv = r.began or r.ended
    return civil_from_day(tv.earliest)[0] if tv else None


def _resolved_offices(roles: list[RoleClaim]) -> list[str | None]:
    """Office id (with destination) per role; a generic office ("president") becomes the one
    specific office of that kind the person holds ("USA.president"), when there is one."""
    bases = {r.office.split("@")[0] for r in roles if r.office}
    dests: dict[str, set[str]] = {}
    for r in roles:
        if r.office and "@" in r.office:
            b, _, d = r.office.partition("@")
            dests.setdefault(b, set()).add(d)
    out: list[str | None] = []
    for r in roles:
        if not r.office:
            out.append(None)
            continue
        base, _, dest = r.office.partition("@")
        o = office(base)
        if o is not None and o.jurisdiction is None:
            specific = sorted(
                b
                for b in bases
                if (ob := office(b)) is not None
                and ob.generic == base
                and (r.jurisdiction is None or ob.jurisdiction == r.jurisdiction)
            )
            if len(specific) == 1:
                base = specific[0]
        if not dest and len(dests.get(base, ())) == 1:
            dest = next(iter(dests[base]))  # "the first ambassador" = the one post named
        out.append(f"{base}@{dest}" if dest else base)
    return out


def conflict_id(pid: str, attribute: str, values: list[str]) -> str:
    h = hashlib.sha1("|".join([pid, attribute, *sorted(values)]).encode("utf-8"))
    return "c-" + h.hexdigest()[:10]


def _values(
    pid: str,
    attribute: str,
    roles: list[RoleClaim],
    texts: dict[str, str],
    copy_docs: set[str],
    value_of: dict[int, str] | None = None,
) -> list[ConflictValue]:
    by_val: dict[str, list[RoleClaim]] = {}
    shown: dict[str, str] = {}
    for r in roles:
        v = value_of[id(r)] if value_of else r.title
        k = norm(v)
        by_val.setdefault(k, []).append(r)
        shown.setdefault(k, v)
    return [
        ConflictValue(
            shown[k], tuple(_claim(pid, attribute, shown[k], r, texts, copy_docs) for r in rs)
        )
        for k, rs in sorted(by_val.items())
    ]


def _overlap(a: RoleClaim, b: RoleClaim) -> bool | None:
    """True/False when both roles are dated, None when either is undated."""

    def span(r: RoleClaim) -> tuple[int, int] | None:
        if r.began is None and r.ended is None:
            return None
        lo = r.began.earliest if r.began else -(10**9)
        hi = r.ended.latest if r.ended else 10**9
        return lo, hi

    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return None
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def _content_tokens(title: str) -> frozenset[str]:
    core, _, _ = split_jurisdiction(title)
    return frozenset(w for w in core.split() if w not in _STOP)


def person_conflicts(
    pid: str,
    name: str,
    roles: list[RoleClaim],
    texts: dict[str, str],
    copy_docs: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Conflict]:
    """Title and role-date conflicts among one person's role claims."""
    out: list[Conflict] = []
    resolved = _resolved_offices(roles)
    data = office_data()
    groups: dict[str, list[RoleClaim]] = {}
    for r, o in zip(roles, resolved, strict=True):
        if o:
            groups.setdefault(o, []).append(r)
    # 1. one office, different names
    for oid, rs in sorted(groups.items()):
        off = office(oid)
        if off is None or len({r.doc_id for r in rs}) < 2:
            continue
        naming: dict[str, str] = {}
        for r in rs:
            g = off.group_of(normalise_title(r.title, _year(r)).core)
            if g:
                naming[r.title] = g
        if len(set(naming.values())) < 2:
            continue
        vals = _values(pid, "title", rs, texts, copy_docs)
        names = sorted({f"'{t}' ({g})" for t, g in naming.items()})
        out.append(
            Conflict(
                conflict_id(pid, "title", [v.value for v in vals]),
                pid,
                "person",
                "title",
                tuple(vals),
                "naming",
                "soft",
                f"{name}: one office, {off.label}, under different names: {', '.join(names)}",
            )
        )
    # 2. different offices of one rank family
    by_rank: dict[str, list[str]] = {}
    for oid in groups:
        off = office(oid)
        if off is not None:
            by_rank.setdefault(off.rank, []).append(oid)
    for rank_id, oids in sorted(by_rank.items()):
        if len(oids) < 2:
            continue
        rank = data.ranks[rank_id]
        for i, a in enumerate(sorted(oids)):
            for b in sorted(oids)[i + 1 :]:
                ra, rb = groups[a], groups[b]
                if {r.doc_id for r in ra} == {r.doc_id for r in rb} and len(
                    {r.doc_id for r in ra + rb}
                ) < 2:
                    continue
                oa, ob = office(a), office(b)
                assert oa is not None and ob is not None
                dest_a, dest_b = a.partition("@")[2], b.partition("@")[2]
                if rank.per_destination and dest_a and dest_b and dest_a != dest_b:
                    continue
                overl = [_overlap(x, y) for x in ra for y in rb]
                if overl and all(o is False for o in overl):
                    continue  # held one after the other
                same_place = oa.jurisdiction == ob.jurisdiction or None in (
                    oa.jurisdiction,
                    ob.jurisdiction,
                )
                hard = rank.exclusive and same_place and any(o is True for o in overl)
                value_of = {id(r): r.title for r in ra + rb}
                vals = _values(pid, "title", ra + rb, texts, copy_docs, value_of)
                if len(vals) < 2:
                    continue
                expl = (
                    f"{name}: {oa.label} and {ob.label} are different offices of one rank "
                    f"({rank.label})"
                    + (
                        ", claimed for the same period"
                        if hard
                        else "; both may have been held, or held at different times"
                    )
                )
                out.append(
                    Conflict(
                        conflict_id(pid, "title", [v.value for v in vals]),
                        pid,
                        "person",
                        "title",
                        tuple(vals),
                        "unexplained",
                        "hard" if hard else "soft",
                        expl,
                    )
                )
    # 3. similar titles of offices the data does not know
    unknown = [r for r, o in zip(roles, resolved, strict=True) if o is None]
    done: set[tuple[str, str]] = set()
    for i, ua in enumerate(unknown):
        ta = _content_tokens(ua.title)
        for ub in unknown[i + 1 :]:
            if ua.doc_id == ub.doc_id:
                continue
            tb = _content_tokens(ub.title)
            if not ta or not tb or ta <= tb or tb <= ta:
                continue  # the same title, or one a coarser reading of the other
            if len(ta & tb) / len(ta | tb) < 0.5:
                continue
            key = tuple(sorted((norm(ua.title), norm(ub.title))))
            if key in done:
                continue
            done.add((key[0], key[1]))
            rs = [r for r in unknown if norm(r.title) in key]
            vals = _values(pid, "title", rs, texts, copy_docs)
            out.append(
                Conflict(
                    conflict_id(pid, "title", [v.value for v in vals]),
                    pid,
                    "person",
                    "title",
                    tuple(vals),
                    "naming",
                    "soft",
                    f"{name}: similar titles '{ua.title}' and '{ub.title}' (an office the data does not "
                    "know): different names of one office, or two offices",
                )
            )
    # 4. dates of one role
    for oid, rs in sorted(groups.items()):
        for attr in ("role_start", "role_end"):
            dated = [r for r in rs if (r.began if attr == "role_start" else r.ended)]
            if len({r.doc_id for r in dated}) < 2:
                continue
            tvs = {id(r): (r.began if attr == "role_start" else r.ended) for r in dated}
            clash = False
            for x in dated:
                for y in dated:
                    vx, vy = tvs[id(x)], tvs[id(y)]
                    if vx is not None and vy is not None and not vx.compatible(vy):
                        clash = True
            if not clash:
                continue
            value_of = {id(r): tv.value for r in dated if (tv := tvs[id(r)]) is not None}
            vals = _values(pid, attr, dated, texts, copy_docs, value_of)
            off = office(oid)
            label = off.label if off else oid
            out.append(
                Conflict(
                    conflict_id(pid, attr, [v.value for v in vals]),
                    pid,
                    "person",
                    attr,
                    tuple(vals),
                    "unexplained",
                    "hard",
                    f"{name}: sources disagree on when the role {label} "
                    f"{'began' if attr == 'role_start' else 'ended'}",
                )
            )
    return out
