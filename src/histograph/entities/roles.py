"""Roles and titles of people, each with the span of the text that states it.

Constructions (token patterns over the spaCy parse of each content segment):
- pre-nominal titles: "Soviet Commissar for Foreign Affairs Maxim Litvinov";
- appositions: "Mikhail Kalinin, Chairman of the All-Russian Central Executive Committee,";
  and role nouns before the name: "sent their representative, Maxim Litvinov" (a possessive
  referring to the sentence's state subject gives "representative of the Soviet government");
- parentheticals, several roles and dates: "Joseph E. Davies (U.S. Ambassador to the Soviet
  Union, 1936-1938)", "(Head of X and Acting Secretary of the Treasury)";
- relative clauses: "William C. Bullitt, who would become the first U.S. ambassador";
- copular and change-of-role verbs: "X became / was appointed / served as Y", with the
  sentence's date as the start; "The first US Ambassador to the Soviet Union was … X";
  "X replaces Y as Z" (X's start, Y's end); "X, who took office in March 1933" dates X's role.

Titles are kept as written (leading determiners and evaluative adjectives such as "famed"
dropped); offices are normalised by :mod:`histograph.entities.offices`.

The constructions share a token view and phrase walkers (:mod:`.role_view`) and the
document's dates (:mod:`.role_dates`); those stated by a verb are in :mod:`.role_verbs`, those
of fact cards in :mod:`.role_cards`; this module holds the constructions around a person
mention (pre-nominal titles, appositions, parentheticals, relative clauses) and
:func:`extract_roles`, which runs them all and normalises the titles.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import RoleClaim
from ..nlp import token_texts
from .lexicon import load_yaml, norm, titles, word_list
from .mentions import SegMention, YearIndex, singular_head
from .offices import normalise_title
from .role_cards import card_rows
from .role_dates import RoleDates, split_interval
from .role_verbs import (
    FROM_WORDS,
    UNTIL_WORDS,
    end_role,
    interval_after,
    title_subject,
    titles_from,
    verb_role,
    word_before,
)
from .role_view import (
    CLOSE,
    LOCATIVE_CONN,
    POSSESSIVE_DETS,
    STOP_PUNCT,
    Found,
    Seg,
    left_phrase,
    page_lexicon,
    phrase_ok,
    right_phrase,
    sentence_date,
    subject_state_text,
    trim,
)

if TYPE_CHECKING:
    from ..state import DocState
    from .mentions import DocEntities

#: the name earlier code and tests import
_Dates = RoleDates


# ---------------------------------------------------------------- extraction


def _extract_segment(state: DocState, sg: Seg, dates: RoleDates) -> list[Found]:
    tl = titles()
    doc = sg.doc
    out: list[Found] = []
    for m in sg.people:
        p, q = m.tok_start, m.tok_end
        _s_lo, s_hi = sg.sent_bounds(p)
        lo = 0  # titles may run across a bad sentence split; the walk stops by itself
        # --- pre-nominal title
        left = left_phrase(sg, p, lo)
        if left is not None:
            a, b, poss = left
            f = Found(m, a, b, sg.abs(a), m.end)
            if poss:
                subj = subject_state_text(sg, b - 1)
                if subj:
                    f.title = f"{sg.text(a, b)} of {subj[0]}"
                    f.span_s = min(f.span_s, sg.abs(subj[1]))
            out.append(f)
        # --- "Truman named NAME Secretary of State": the object's complement
        if p >= 1 and q < s_hi:
            v = doc[p - 1]
            if (
                v.pos_ == "VERB"
                and norm(v.lemma_) in page_lexicon()[3]
                and not any(c.dep_ == "auxpass" for c in v.children)
            ):
                j = q + 1 if doc[q].lower_ == "as" else q
                ranges = titles_from(sg, j, s_hi)
                if ranges and ranges[0][0] == j:
                    sent_s, sent_e = sg.sent_bounds(p)
                    when = sentence_date(sg, state, dates, sg.abs(sent_s), sg.abs_end(sent_e - 1))
                    began = split_interval(when)[0] if when else None
                    for a, b in ranges:
                        out.append(Found(m, a, b, sg.abs(p - 1), sg.abs_end(b - 1), began=began))
        # --- "As Foreign Secretary, NAME negotiated ...": a fronted "as" phrase
        if p >= 3 and doc[p - 1].text == ",":
            k = p - 2
            while k > 0 and sg.cls(k) is not None and doc[k].lower_ != "as":
                k -= 1
            if doc[k].lower_ == "as" and (doc[k].is_sent_start or k == 0 or doc[k - 1].text == ","):
                r = right_phrase(sg, k + 1, p - 1, stop_and=False)
                if r is not None and r == trim(sg, k + 1, p - 1)[:2] and r[0] == k + 1:
                    out.append(Found(m, r[0], r[1], sg.abs(k), m.end))
        # --- "the Presidium dismissed NAME as TITLE": the object's role ends
        if p >= 1:
            v = doc[p - 1]
            if (
                norm(v.lemma_) in tl.verbs_end_transitive
                and v.pos_ == "VERB"
                and not any(c.dep_ == "auxpass" for c in v.children)
            ):
                out.extend(end_role(state, sg, dates, m, p - 1, s_hi, passive=False))
        # --- reverse apposition: "their representative, NAME"; also before a title of the
        # name ("a fellow pilot of the 12th Wing, Major NAME")
        pa = left[0] if left is not None else p
        while (
            pa >= 1 and norm(doc[pa - 1].text) in tl.honorifics and doc[pa - 1].text[:1].isupper()
        ):
            pa -= 1  # "the Austrian foreign minister, Count NAME"
        if pa >= 2 and doc[pa - 1].text == ",":
            j = pa - 2
            while j >= lo:
                c = sg.cls(j)
                if c in {"head", "mod", "state", "cap", "conn", "hyph"}:
                    j -= 1
                elif c == "det" and j - 1 >= lo and sg.cls(j - 1) == "conn":
                    j -= 1  # "pilot of the Wing"
                else:
                    break
            at_start = j + 1 < pa - 1 and (
                j < lo or doc[j + 1].is_sent_start or doc[j].text in {"\n", ":"}
            )
            if (j >= lo and sg.cls(j) in {"det", "desc", "poss"}) or (
                at_start and doc[j + 1].text[:1].isupper()  # "Secretary of State, X, said"
            ):
                a, b, poss = trim(sg, j if j >= lo and sg.cls(j) is not None else j + 1, pa - 1)
                if phrase_ok(sg, a, b) and any(
                    norm(doc[i].text) in tl.apposition_nouns
                    or norm(doc[i].lemma_) in tl.apposition_nouns
                    for i in range(a, b)
                ):
                    f = Found(m, a, b, sg.abs(j if poss else a), m.end)
                    if poss or norm(doc[j].text) in POSSESSIVE_DETS:
                        subj = subject_state_text(sg, b - 1)
                        if subj:
                            f.title = f"{sg.text(a, b)} of {subj[0]}"
                            f.span_s = min(f.span_s, sg.abs(subj[1]))
                    out.append(f)
        if q >= len(doc):
            continue
        # --- parenthetical
        if doc[q].text == "(":
            close = next(
                (k for k in range(q + 1, min(len(doc), q + 60)) if doc[k].text[:1] in CLOSE),
                None,
            )
            if close is not None:
                out.extend(_parenthetical(sg, dates, m, q + 1, close))
                out.extend(_colon_description(sg, m, close + 1))
                if close + 1 < len(doc) and doc[close + 1].lemma_ == "be":
                    # "X (1850–1920) was a diplomat": the copula after the life dates
                    out.extend(verb_role(state, sg, dates, m, close + 1, s_hi, relative=False))
            continue
        out.extend(_colon_description(sg, m, q))
        # --- apposition / relative clause after a comma
        if doc[q].text == ",":
            k = q + 1
            # "NAME, 54, a former diplomat": an age between commas
            if k + 2 < len(doc) and doc[k].like_num and doc[k + 1].text == ",":
                k += 2
            # "NAME, the museum's chief curator": the title after the owner's "'s"
            owner = next(
                (
                    i
                    for i in range(k, min(len(doc), k + 4))
                    if doc[i].text in {"'s", "’s"} and doc[i - 1].pos_ in {"NOUN", "PROPN"}
                ),
                None,
            )
            if (
                owner is not None
                and doc[k].lower_ in {"the", "a", "an"}
                and not any(
                    doc[i].text in STOP_PUNCT or i in sg.person_tok for i in range(k, owner)
                )
            ):
                k = owner + 1
            if k < len(doc) and doc[k].lower_ in tl.relative_pronouns:
                out.extend(verb_role(state, sg, dates, m, k + 1, s_hi, relative=True))
                continue
            ranges = titles_from(sg, k, len(doc))
            if ranges:
                ra, rb = ranges[-1]
                loc = next((i for i in range(ra + 1, rb) if doc[i].lower_ in LOCATIVE_CONN), rb)
                tail = _service_tail(sg, loc)
                if tail > ranges[-1][1]:
                    ranges[-1] = (ranges[-1][0], tail)  # "a captain in the X army"
                b = ranges[-1][1]
                _, sent_e = sg.sent_bounds(b - 1)
                began, ended = interval_after(sg, dates, b, sent_e)
                nxt = doc[b] if b < len(doc) else None
                dated_tail = nxt is not None and nxt.lower_ in FROM_WORDS | UNTIL_WORDS | {
                    "between"
                }
                if (
                    nxt is None
                    or nxt.text in STOP_PUNCT
                    or nxt.is_space
                    or (dated_tail and (began or ended))
                    or (nxt.lower_ in tl.relative_pronouns and nxt.lower_ != "that")
                ):
                    for a, b in ranges:
                        out.append(
                            Found(m, a, b, m.start, sg.abs_end(b - 1), began=began, ended=ended)
                        )
                    # "X, Prime Minister, stepped down in 1963": the verb after the apposition
                    b = ranges[-1][1]
                    if b < len(doc) and doc[b].text == "," and not (began or ended):
                        out.extend(verb_role(state, sg, dates, m, b + 1, s_hi, relative=False))
            continue
        # --- verbs: "X became Y", "X replaces Y as Z", "X took office in ..."
        out.extend(verb_role(state, sg, dates, m, q, s_hi, relative=False))
        # "X and Y served as foreign minister": the verb after the last joined name
        nxt_m = sg.person_tok.get(q + 1) if doc[q].lower_ in {"and", "&"} else None
        if nxt_m is not None and nxt_m.tok_start == q + 1 and nxt_m.tok_end < s_hi:
            for f in verb_role(state, sg, dates, nxt_m, nxt_m.tok_end, s_hi, relative=False):
                if f.title_s >= 0 and f.person is nxt_m:
                    out.append(replace(f, person=m, span_s=m.start))
    out.extend(title_subject(sg, state, dates))
    out.extend(_plural_titles(sg))
    out.extend(_tenure_roles(sg))
    out.extend(_office_noun_roles(sg))
    return out


def _office_noun_roles(sg: Seg) -> list[Found]:
    """An office named by a noun after a possessive name: "X's presidency" -> President
    (``office_nouns`` of titles.yaml)."""
    doc = sg.doc
    nouns = _office_nouns()
    out: list[Found] = []
    for m in sg.people:
        q = m.tok_end
        if q + 1 >= len(doc) or doc[q].text not in {"'s", "’s", "'", "’"}:
            continue
        k = q + 1
        while k < len(doc) and k - q <= 3 and doc[k].pos_ == "ADJ":
            k += 1  # "X's short presidency"
        if k < len(doc) and norm(doc[k].text) in nouns:
            title = nouns[norm(doc[k].text)]
            out.append(Found(m, k, k + 1, m.start, sg.abs_end(k), title=title))
    return out


@functools.lru_cache(maxsize=1)
def _office_nouns() -> dict[str, str]:
    raw = load_yaml("titles.yaml").get("office_nouns") or {}
    return {norm(str(k)): str(v) for k, v in raw.items()}


def _tenure_roles(sg: Seg) -> list[Found]:
    """A role named after a noun of tenure: "X ends his reign as TITLE", "X began her term
    as TITLE" (the person is the nearest name before it in the sentence)."""
    doc = sg.doc
    tenure = word_list("tenure_nouns")
    out: list[Found] = []
    for tok in doc[2:]:
        i = tok.i
        if tok.lower_ != "as" or doc[i - 1].lemma_.lower() not in tenure:
            continue
        if norm(doc[i - 2].text) not in POSSESSIVE_DETS:
            continue
        s_lo, s_hi = sg.sent_bounds(i)
        before = [m for m in sg.people if s_lo <= m.tok_start and m.tok_end <= i - 2]
        if not before:
            continue
        r = right_phrase(sg, i + 1, s_hi)
        if r is None or r[0] != i + 1:
            continue
        m = before[-1]
        out.append(Found(m, r[0], r[1], m.start, sg.abs_end(r[1] - 1)))
    return out


def _singular_honorific(word: str) -> str | None:
    """The singular of a plural rank of nobility or honorific ("Earls" -> "earl")."""
    w = norm(word)
    if len(w) > 3 and w.endswith("s") and w[:-1] in titles().honorifics and word[:1].isupper():
        return w[:-1]
    return None


def _service_tail(sg: Seg, b: int) -> int:
    """End of the body a title serves in, written after it: "a captain in the X army",
    "a clerk at the Y bank" (a locative word, then up to six words ending in a common noun
    before a comma, a full stop or a relative pronoun); ``b`` when there is none."""
    doc = sg.doc
    if b >= len(doc) or doc[b].lower_ not in LOCATIVE_CONN:
        return b
    k = b + 1
    while k < len(doc) and k - b <= 6 and doc[k].pos_ in {"DET", "ADJ", "NOUN", "PROPN"}:
        if k in sg.person_tok:
            return b
        k += 1
    end_ok = (
        k >= len(doc) or doc[k].text in STOP_PUNCT or doc[k].lower_ in titles().relative_pronouns
    )
    if k - b < 2 or not end_ok or doc[k - 1].pos_ != "NOUN":
        return b
    return k


def _plural_titles(sg: Seg) -> list[Found]:
    """A plural role noun shared by joined names: "the intermediaries Boris Skvirsky and
    William Bullitt", "Foreign Ministers Molotov and Ribbentrop": each name gets the title in
    the singular ("intermediary", "Foreign Minister")."""
    doc = sg.doc
    out: list[Found] = []
    for ti, text in enumerate(token_texts(doc)):
        sing = singular_head(text) or _singular_honorific(text)
        if sing is None:
            continue
        tok = doc[ti]
        # the names that follow: NAME (, NAME)* (,)? and NAME
        j = tok.i + 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
        names: list[SegMention] = []
        while j < len(doc) and j in sg.person_tok:
            pm = sg.person_tok[j]
            names.append(pm)
            j = pm.tok_end
            if j < len(doc) and doc[j].text == ",":
                j += 1
            if j < len(doc) and doc[j].lower_ in {"and", "&"}:
                j += 1
            elif not (j - 1 >= 0 and doc[j - 1].text == ","):
                break
        if len(names) < 2:
            continue
        # modifiers of the title before the plural head ("Foreign", "Soviet")
        a = tok.i
        while a > 0 and sg.cls(a - 1) in {"mod", "state", "cap", "head"}:
            if (a - 1) in sg.person_tok:
                break
            a -= 1
        written = tok.text[: len(sing)] if norm(tok.text[: len(sing)]) == sing else sing
        head = written[:1].upper() + written[1:] if tok.text[:1].isupper() else written.lower()
        title = (sg.text(a, tok.i) + " " + head).strip() if a < tok.i else head
        for pm in names:
            out.append(Found(pm, a, tok.i + 1, sg.abs(a), names[-1].end, title=title))
    return out


def _parenthetical(sg: Seg, dates: RoleDates, m: SegMention, s: int, e: int) -> list[Found]:
    """Roles inside "(…)" after a name: split on "and", "&", ";"; dates give the interval."""
    doc = sg.doc
    began = ended = None
    ds = dates.within(sg.abs(s), sg.abs_end(e - 1)) if e > s else []
    if ds:
        began, ended = split_interval(ds[0].value)
        if "/" not in ds[0].value.value and len(ds) > 1:
            ended = split_interval(ds[1].value)[0]
        elif "/" not in ds[0].value.value and word_before(sg, ds[0].start) in UNTIL_WORDS:
            began, ended = None, began  # "(General Secretary until October 1989)"
    parts: list[tuple[int, int]] = []
    k = s
    start = s
    while k < e:
        t = doc[k].text
        # "and" splits only when a new title follows
        if t in {";", ","} or (
            doc[k].lower_ in {"and", "&"}
            and sg.cls(k + 1) in {"head", "mod", "state", "cap", "det"}
        ):
            parts.append((start, k))
            start = k + 1
        k += 1
    parts.append((start, e))
    out: list[Found] = []
    for a0, b0 in parts:
        r = right_phrase(sg, a0, b0, stop_and=False)
        if r is None:
            # "(Major, U.S. Air Force)": the service or body of the title before the comma
            last = out[-1] if out else None
            if (
                last is not None
                and last.title_e == a0 - 1
                and doc[a0 - 1].text == ","
                and b0 > a0
                and all(
                    sg.cls(i) in {"state", "cap", "mod", "conn", "det", "hyph"}
                    for i in range(a0, b0)
                )
                and sg.cls(b0 - 1) in {"state", "cap"}
            ):
                last.title_e = b0
            continue
        a, b = r
        out.append(Found(m, a, b, m.start, sg.abs_end(e - 1) + 1, began=began, ended=ended))
    # "Head of X and Acting Y" where "and" is inside a proper name must not split it wrongly:
    # if splitting lost the head of a part, fall back to the whole parenthetical
    if not out:
        r = right_phrase(sg, s, e, stop_and=False)
        if r is not None:
            out.append(
                Found(m, r[0], r[1], m.start, sg.abs_end(e - 1) + 1, began=began, ended=ended)
            )
    return out


_LIST_DASHES = frozenset({"–", "—", "-", "--"})


def _colon_description(sg: Seg, m: SegMention, k: int) -> list[Found]:
    """A cast-list entry: "NAME (role): U-2 pilot, the only ..."; "**NAME:** Secretary of
    State, ...". A title phrase opening the description after the colon, ended by a comma,
    a full stop or a semicolon, is a role of the name."""
    doc = sg.doc
    # "):" and ":*" may be single tokens
    seen_colon = k > 0 and ":" in doc[k - 1].text and set(doc[k - 1].text) <= set("):*")
    # "- **NAME** – role": a dash after a name that opens its line (a cast list)
    line_start = all(not any(c.isalnum() for c in t.text) for t in doc[: m.tok_start]) or (
        m.tok_start > 0 and "\n" in doc[m.tok_start - 1].text
    )
    while k < len(doc) and (
        set(doc[k].text) <= set(":*")
        or doc[k].is_space
        or (line_start and doc[k].text in _LIST_DASHES)
    ):
        seen_colon = seen_colon or ":" in doc[k].text or doc[k].text in _LIST_DASHES
        k += 1
    if not seen_colon or k >= len(doc):
        return []
    r = right_phrase(sg, k, len(doc))
    if r is None or r[0] != k:
        return []
    a, b = r
    if b < len(doc) and doc[b].text not in {",", ".", ";"} and not doc[b].is_space:
        return []
    return [Found(m, a, b, m.start, sg.abs_end(b - 1))]


# ---------------------------------------------------------------- public


def extract_roles(state: DocState, ents: DocEntities) -> list[RoleClaim]:
    """RoleClaims of every person mention of the document."""
    dates = RoleDates(state)
    years = YearIndex(state)
    doc_id = state.document.id
    text = state.document.text
    found: list[Found] = []
    segs: list[Seg] = []
    # grouped once: asking ``ents.in_segment`` per segment scans every mention each time
    by_seg: dict[int, list[SegMention]] = {}
    for m in ents.mentions:
        by_seg.setdefault(m.seg, []).append(m)
    for si in range(len(state.segments)):
        sg = Seg(state, si, by_seg.get(si, []), dates)
        sg.headline_words = ents.headline_words.get(si, frozenset())
        segs.append(sg)
        found.extend(_extract_segment(state, sg, dates))
    found.extend(card_rows(state, segs, dates))
    claims: list[RoleClaim] = []
    dated: list[Found] = []
    for f in found:
        if f.title_abs is not None:
            a, b = f.title_abs
        elif f.title_s < 0:
            dated.append(f)
            continue
        else:
            sg_doc = state.segments[f.person.seg]
            a = sg_doc.offset + sg_doc.doc[f.title_s].idx
            last = sg_doc.doc[f.title_e - 1]
            b = sg_doc.offset + last.idx + len(last.text)
        title = f.title or text[a:b]
        title = title.strip(" ,;:*")
        if not title:
            continue
        year = years.at(a)
        match = normalise_title(title, year)
        claims.append(
            RoleClaim(
                doc_id=doc_id,
                start=min(f.span_s, a),
                end=max(f.span_e, b),
                person=f.person.key or f.person.text,
                title=title,
                office=match.office,
                jurisdiction=match.jurisdiction,
                began=f.began,
                ended=f.ended,
            )
        )
    # "X was recalled in 1938": the person's latest role stated before ends then
    for f in [f for f in dated if f.title_s == -2]:
        key = f.person.key or f.person.text
        prior = [
            n
            for n, c in enumerate(claims)
            if c.person == key
            and c.start <= f.span_s
            and c.ended is None
            and (c.began is None or f.ended is None or c.began.earliest <= f.ended.latest)
        ]
        if prior and f.ended is not None:
            newest = max(prior, key=lambda n: claims[n].start)
            office_id = claims[newest].office
            for n in prior:
                if n == newest or (office_id is not None and claims[n].office == office_id):
                    claims[n] = replace(claims[n], ended=f.ended)
    dated = [f for f in dated if f.title_s == -1]
    # "took office": date the roles the same person holds in that sentence
    for f in dated:
        for i, c in enumerate(claims):
            if (
                c.person == (f.person.key or f.person.text)
                and c.began is None
                and abs(c.start - f.person.start) < 200
                and c.start <= f.span_e
            ):
                claims[i] = replace(c, began=f.began)
    # one claim per (person, title span)
    seen: set[tuple[str, int, int, str]] = set()
    out: list[RoleClaim] = []
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.title)):
        k = (c.person, c.start, c.end, c.title)
        if k in seen:
            continue
        seen.add(k)
        out.append(c)
    return out
