"""The passes that find the people the model missed or mislabelled, each claiming tokens in
the per-segment ``taken`` sets (in the order :func:`histograph.entities.mentions.find_mentions`
runs them): known full names and surnames, mononyms, known given names, names after a plural
title, initials of a full name, names after a title, card rows naming a person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp import token_texts
from .lexicon import is_head, name_words, norm, titles, word_list
from .names import (
    PARTICLES,
    is_regnal_numeral,
)
from .person_spans import clean_person, extend_epithet, extend_name
from .states import gazetteer
from .tokens import (
    POSSESSIVE,
    SegMention,
    ent_at,
    is_cap,
    label_at,
    line_bounds,
    plural_title,
    state_word,
    title_word,
    titled_before,
)

if TYPE_CHECKING:
    from ..state import DocState


def known_name_pass(
    state: DocState, full: set[tuple[str, ...]], surnames: set[str], taken: list[set[int]]
) -> list[SegMention]:
    """Occurrences of known full names and surnames that the model missed or mislabelled."""
    g = gazetteer()
    tl = titles()
    out: list[SegMention] = []
    # known full names by their first word, longest first: a token is compared only with
    # the names it can start (linear in the document, whatever the number of names)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for f in sorted(full, key=len, reverse=True):
        if f:
            by_first.setdefault(f[0], []).append(f)
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        texts = token_texts(doc)  # each token's text without making its Token
        i = 0
        while i < len(doc):
            if i in taken[si]:
                i += 1
                continue
            hit: tuple[int, int] | None = None
            for f in by_first.get(texts[i], ()):
                n = len(f)
                if tuple(texts[i : i + n]) == f:
                    hit = (i, i + n)
                    break
            if hit is None and texts[i] in surnames:
                tok = doc[i]
                prev = doc[i - 1] if i > 0 else None
                titled = prev is not None and (
                    is_head(prev.text) or norm(prev.text) in tl.honorifics
                )
                if g.candidates(tok.text) and not titled:
                    i += 1
                    continue  # "Washington" the place/government, not Mr Washington
                hit = (i, i + 1)
            if hit is None:
                i += 1
                continue
            s, e = hit
            if any(k in taken[si] for k in range(s, e)):
                i += 1
                continue
            # not inside hyphenated compounds or names of pacts and institutions
            if (s > 0 and doc[s - 1].text in {"-", "–"}) or (
                e < len(doc) and doc[e].text in {"-", "–"}
            ):
                i = e
                continue
            if e < len(doc) and norm(doc[e].text) in tl.non_name_words and is_cap(doc[e]):
                i = e
                continue
            ent = ent_at(doc, s)
            if ent is not None and ent.label_ != "PERSON":
                inner = doc[ent.start : ent.end]
                rest = [
                    t
                    for t in inner
                    if not (s <= t.i < e) and t.text not in POSSESSIVE and not t.is_punct
                ]
                possessive_lead = ent.start == s and e < ent.end and doc[e].text in POSSESSIVE
                if rest and not possessive_lead:
                    i = e
                    continue
            a = seg.offset + doc[s].idx
            b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
            out.append(SegMention(si, s, e, a, b, doc[s:e].text, "PERSON"))
            taken[si].update(range(s, e))
            if ent is not None and ent.label_ != "PERSON":
                taken[si].update(range(ent.start, ent.end))
            i = e
    return out


def mononym_pass(state: DocState, taken: list[set[int]], latin_doc: bool) -> list[SegMention]:
    """People known by one name (``mononyms`` of ``names.yaml``: "Saladin", "Charlemagne")
    wherever the model missed them, with a regnal number, an epithet or the place they are
    "of" ("Mehmed II", "Suleiman the Magnificent"); not inside a hyphenated word or the name
    of a thing ("the Charlemagne Prize")."""
    mononyms = name_words().mononyms
    if not mononyms:
        return []
    tl = titles()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for i, text in enumerate(token_texts(doc)):
            # is_cap and the token's text, without a Token made for every word
            if i in taken[si] or not text[:1].isupper() or norm(text) not in mononyms:
                continue
            tok = doc[i]
            if (i > 0 and doc[i - 1].text in {"-", "–"}) or (
                i + 1 < len(doc) and doc[i + 1].text in {"-", "–"}
            ):
                continue
            if i > 0 and doc[i - 1].lower_ == "the" and not titled_before(doc, i):
                continue  # "the Napoleon of crime", "the Caesar": a type, not the person
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if (
                nxt is not None
                and is_cap(nxt)
                and (
                    norm(nxt.text) in tl.non_name_words
                    or norm(nxt.text) in name_words().place_heads
                    or norm(nxt.text) in name_words().place_nouns_after
                )
            ):
                continue
            e = extend_name(doc, i, i + 1, taken[si], titled=True)
            if (
                e == i + 1
                and nxt is not None
                and is_head(nxt.text)
                and is_cap(nxt)
                and i + 1 not in taken[si]
                and not (i + 2 < len(doc) and is_cap(doc[i + 2]))
            ):
                # "Genghis Khan": a title written after a one-word name is part of it
                a = seg.offset + tok.idx
                b = seg.offset + nxt.idx + len(nxt.text)
                out.append(SegMention(si, i, i + 2, a, b, doc[i : i + 2].text, "PERSON"))
                taken[si].update(range(i, i + 2))
                continue
            r = clean_person(doc, i, e, latin_doc)
            if r is None:
                continue
            a = seg.offset + doc[r[0]].idx
            b = seg.offset + doc[r[1] - 1].idx + len(doc[r[1] - 1].text)
            out.append(SegMention(si, r[0], r[1], a, b, doc[r[0] : r[1]].text, "PERSON"))
            taken[si].update(range(r[0], r[1]))
    return out


_NAME_LABELS = frozenset({"", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def given_name_pass(state: DocState, taken: list[set[int]], latin_doc: bool) -> list[SegMention]:
    """People the model missed or mislabelled, found by a known given name: a run of
    capitalised proper nouns (initials and particles allowed) that starts with a given name of
    ``names.yaml`` ("Vyacheslav Molotov" tagged ORG, "Nikita Khrushchev" untagged)."""
    given = name_words().given_names
    g = gazetteer()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        texts = token_texts(doc)
        i = 0
        while i < len(doc):
            text = texts[i]
            if i in taken[si] or not text[:1].isupper() or norm(text) not in given:
                i += 1
                continue
            tok = doc[i]
            ep = extend_epithet(doc, i, i + 1, taken[si])
            if ep == i + 3 and not any(k in taken[si] for k in range(i, ep)):
                # "Frederick the Great", whatever the model tagged it
                a = seg.offset + tok.idx
                b = seg.offset + doc[ep - 1].idx + len(doc[ep - 1].text)
                out.append(SegMention(si, i, ep, a, b, doc[i:ep].text, "PERSON"))
                taken[si].update(range(i, ep))
                i = ep
                continue
            if tok.ent_type_ not in _NAME_LABELS:
                i += 1
                continue
            j = i + 1
            while j < len(doc) and j - i < 4 and j not in taken[si]:
                t = doc[j]
                if t.text in PARTICLES and j + 1 < len(doc) and is_cap(doc[j + 1]):
                    j += 1
                    continue
                if is_regnal_numeral(t.text) and t.text != "I" and j == i + 1:
                    j += 1  # "Ludwig XIV"
                    break
                if not is_cap(t) or t.pos_ not in {"PROPN", "NOUN", "ADJ", "X"}:
                    break
                if t.ent_type_ not in _NAME_LABELS or title_word(t) or state_word(t):
                    break
                j += 1
            last = norm(doc[j - 1].text)
            if (
                j - i < 2
                or g.candidates(doc[i:j].text)
                or last in name_words().place_heads
                or last in titles().non_name_words
            ):
                i = j  # "Victoria Station", "Charles de Gaulle Airport"
                continue
            r = clean_person(doc, i, j, latin_doc)
            if r is None:
                i = j
                continue
            s, e = r
            a = seg.offset + doc[s].idx
            b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
            out.append(SegMention(si, s, e, a, b, doc[s:e].text, "PERSON"))
            taken[si].update(range(s, e))
            i = e
    return out


def plural_title_pass(state: DocState, taken: list[set[int]], latin_doc: bool) -> list[SegMention]:
    """Names listed after a plural title are people, whatever the model said: "Foreign
    Ministers Vyacheslav Molotov and Joachim von Ribbentrop", "Presidents Roosevelt and
    Kalinin"."""
    g = gazetteer()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for ti, text in enumerate(token_texts(doc)):
            if not plural_title(text):
                continue
            tok = doc[ti]
            j = tok.i + 1
            if j < len(doc) and doc[j].text == ",":
                j += 1
            found: list[tuple[int, int]] = []
            while j < len(doc):
                k = j
                while k < len(doc) and k - j < 4 and is_cap(doc[k]) and doc[k].pos_ == "PROPN":
                    k += 1
                while k < len(doc) and k - j < 4 and doc[k].text in PARTICLES:
                    k += 1
                    while k < len(doc) and is_cap(doc[k]) and doc[k].pos_ == "PROPN":
                        k += 1
                if k == j:
                    break
                found.append((j, k))
                j = k
                if j < len(doc) and doc[j].text == ",":
                    j += 1
                if j < len(doc) and doc[j].lower_ in {"and", "&"}:
                    j += 1
                elif j > 0 and doc[j - 1].text != ",":
                    break
            if len(found) < 2:
                continue
            for s0, e0 in found:
                if any(i in taken[si] for i in range(s0, e0)) or g.candidates(doc[s0:e0].text):
                    continue
                r = clean_person(doc, s0, e0, latin_doc)
                if r is None:
                    continue
                s, e = r
                a = seg.offset + doc[s].idx
                b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
                out.append(SegMention(si, s, e, a, b, doc[s:e].text, "PERSON"))
                taken[si].update(range(s, e))
                ent = ent_at(doc, s)
                if ent is not None:
                    taken[si].update(range(ent.start, ent.end))
    return out


def find_acronyms(full: set[tuple[str, ...]]) -> dict[str, str]:
    """Initials of the document's full names of three or more words ("Franklin D. Roosevelt"
    -> "FDR", "John F. Kennedy" -> "JFK"), when only one full name has them."""
    found: dict[str, set[str]] = {}
    for f in full:
        words = [w for w in f if any(c.isalpha() for c in w) and w not in PARTICLES]
        if len(words) < 3 or not all(w[0].isupper() for w in words):
            continue
        ac = "".join(w[0] for w in words)
        found.setdefault(ac, set()).add(" ".join(f).replace(" .", "."))
    return {ac: next(iter(ns)) for ac, ns in found.items() if len(ns) == 1}


def acronym_pass(
    state: DocState, acronyms: dict[str, str], taken: list[set[int]]
) -> list[SegMention]:
    """Occurrences of a full name's initials ("FDR") in a document that writes the full name."""
    if not acronyms:
        return []
    g = gazetteer()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        for tok in doc:
            if tok.i in taken[si] or tok.text not in acronyms or g.candidates(tok.text):
                continue
            ent = ent_at(doc, tok.i)
            if ent is not None and ent.end - ent.start > 1:
                continue
            a = seg.offset + tok.idx
            out.append(SegMention(si, tok.i, tok.i + 1, a, a + len(tok.text), tok.text, "PERSON"))
            taken[si].add(tok.i)
    return out


def title_anchored_pass(
    state: DocState, taken: list[set[int]], latin_doc: bool
) -> list[SegMention]:
    """A capitalised proper name right after a capitalised title is a person ("Commissar X")."""
    tl = titles()
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        texts = token_texts(doc)
        for i in range(len(texts) - 1):
            text = texts[i]
            if not text[:1].isupper() or not (is_head(text) or text.lower() in tl.honorifics):
                continue
            tok = doc[i]
            w = norm(text)
            if w in name_words().saint_words and (
                (
                    i > 0
                    and doc[i - 1].lower_
                    in name_words().place_prepositions | word_list("locative_prepositions")
                )
                or doc[i + 1].ent_type_ in {"GPE", "LOC", "FAC"}
            ):
                continue  # "founded in Saint X", "sailed from St X": a place named after a saint
            j = i + 1
            while (
                j < len(doc)
                and j - i <= 3
                and doc[j].pos_ == "PROPN"
                and is_cap(doc[j])
                and j not in taken[si]
                and not title_word(doc[j])
                and not state_word(doc[j])
                and not is_regnal_numeral(doc[j].text)
            ):
                j += 1
            if j == i + 1:
                continue
            if j < len(doc) and j not in taken[si] and is_regnal_numeral(doc[j].text):
                j += 1  # "Pope Pius XI", "King Louis XIV", "Kaiser Wilhelm II"
            # after an honorific ("Lord Halifax", "Mr. Hull") a name the model tagged as a
            # place or organisation is still a person; after a title ("General Motors") not,
            # unless the name starts with a given name ("Marshal Ferdinand Foch" tagged ORG)
            honorific = tok.text.lower() in tl.honorifics or w in tl.honorifics
            named = j - i > 2 and norm(doc[i + 1].text) in name_words().given_names
            # (a run of title and names tagged WORK_OF_ART, "Prince X to Queen Y", is the
            # model's mistake, never a title of a work after a title)
            ents = [ent_at(doc, k) for k in range(i + 1, j)]
            if any(
                e is not None
                and e.label_ != "WORK_OF_ART"
                and (not (honorific or named) or e.label_ not in {"GPE", "ORG", "NORP", "LOC"})
                for e in ents
            ):
                continue
            r = clean_person(doc, i + 1, j, latin_doc)
            if r is None:
                continue
            s, e = r
            a = seg.offset + doc[s].idx
            b = seg.offset + doc[e - 1].idx + len(doc[e - 1].text)
            out.append(SegMention(si, s, e, a, b, doc[s:e].text, "PERSON"))
            taken[si].update(range(s, e))
    return out


def card_person_pass(state: DocState, taken: list[set[int]], latin_doc: bool) -> list[SegMention]:
    """The value of a card row naming a person ("Preceded by: X", "Spouse Y") is a person even
    when the model tagged it as a place or organisation, or left it untagged."""
    out: list[SegMention] = []
    for si, seg in enumerate(state.segments):
        doc = seg.doc
        texts = token_texts(doc)
        for i in range(len(doc) - 1):
            if not texts[i][:1].isupper():
                continue  # label_at: a label starts with a capital
            n = label_at(doc, i, "card_person_labels")
            if n == 0 or i in taken[si]:
                continue
            a, _ = line_bounds(doc, i)
            if i > a and not doc[i - 1].is_punct:
                continue  # a row label starts its line or follows punctuation
            j = i + n
            while j < len(doc) and doc[j].text in {":", "-", "–"}:
                j += 1
            k = j
            while (
                k < len(doc)
                and k - j < 4
                and k not in taken[si]
                and "\n" not in doc[k - 1].text_with_ws[len(doc[k - 1].text) :]
                and (is_cap(doc[k]) or doc[k].text in PARTICLES)
                and doc[k].pos_ in {"PROPN", "NOUN", "ADP"}
                and not label_at(doc, k, "card_labels")
            ):
                k += 1
            if k < len(doc) and k not in taken[si] and is_regnal_numeral(doc[k].text):
                k += 1
            if k - j < 2 and not (k - j == 1 and is_regnal_numeral(doc[k - 1].text)):
                continue  # a full name (or a regnal name) only
            r = clean_person(doc, j, k, latin_doc)
            if r is None or gazetteer().candidates(doc[r[0] : r[1]].text):
                continue
            ps, pe = r
            b0 = seg.offset + doc[ps].idx
            b1 = seg.offset + doc[pe - 1].idx + len(doc[pe - 1].text)
            out.append(SegMention(si, ps, pe, b0, b1, doc[ps:pe].text, "PERSON"))
            taken[si].update(range(ps, pe))
    return out
