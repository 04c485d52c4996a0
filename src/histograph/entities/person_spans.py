"""The span of a person's name: a PERSON span trimmed to the name proper (titles,
demonyms, card-row labels and punctuation out; no person when it names a pact, a place or a
month), and a name the model cut short extended (a surname after given names, a regnal
number, an epithet, the place it is "of", a first given name left out)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import is_head, name_words, norm, titles, word_list
from .names import (
    PARTICLES,
    is_regnal_numeral,
)
from .states import gazetteer
from .tokens import (
    INITIAL,
    MONTHS,
    POSSESSIVE,
    VERB_TAGS,
    dominant_script_latin,
    ent_len,
    first_word,
    initials_run,
    is_cap,
    label_at,
    line_bounds,
    plural_title,
    state_word,
    title_word,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _card_value_place(doc: Doc, s: int) -> bool:
    """Token s lies in the value of a Born/Died/Resting place card row, on its line after the
    label ("Born: 3 April 1881, Pieve Tesino"): the value is a place, not a person."""
    a, _ = line_bounds(doc, s)
    for k in range(s - 1, max(a, s - 15) - 1, -1):
        if label_at(doc, k, "card_labels"):
            n = label_at(doc, k, "card_place_labels")
            if n == 0 or k + n > s or (k > a and not doc[k - 1].is_punct):
                return False  # a row label starts its line or follows punctuation
            # a card value holds no prose: "Born in Hyde Park, X studied" is a sentence; only
            # "in"/"at" right after a date are allowed ("Born 3 May 1871 in Tromsdalen")
            return all(
                not (t.is_alpha and t.is_lower)
                or (t.lower_ in {"in", "at"} and doc[t.i - 1].like_num)
                for t in doc[k + n : s]
            )
    return False


def card_place_span(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """The capitalised place name of a Born/Died/Resting place card value inside a span the
    model tagged PERSON ("Born Pieve Tesino" -> "Pieve Tesino"); None otherwise."""
    while s < e:
        n = label_at(doc, s, "card_labels")
        if n == 0 and not (doc[s].is_punct or doc[s].is_space):
            break
        s += max(n, 1)
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    if s >= e or not _card_value_place(doc, s):
        return None
    toks = [t for t in doc[s:e] if not t.is_punct]
    if not toks or any(any(c.isdigit() for c in t.text) for t in toks):
        return None
    if not all(is_cap(t) or t.text in PARTICLES for t in toks):
        return None
    return (s, e)


def clean_person(doc: Doc, s: int, e: int, latin_doc: bool) -> tuple[int, int] | None:
    """Trim a PERSON span to the name proper; None when it is no person name."""
    tl = titles()
    if (
        s > 0
        and norm(doc[s].text) in name_words().saint_words
        and doc[s - 1].lower_
        in name_words().place_prepositions | word_list("locative_prepositions")
    ):
        return None  # "sailed from St X": a town named after a saint
    slash = next((k for k in range(s + 1, e) if doc[k].text == "/"), None)
    if slash is not None:
        e = slash  # a credit: "(X Y/Agency)" names X Y
    while s < e:
        n = label_at(doc, s, "card_labels")
        if n == 0:
            break
        s += n  # "Predecessor Ferdinand I" -> "Ferdinand I"; "Quick Facts" -> nothing
        while s < e and doc[s].text in {":", "-", "–"}:
            s += 1
    while s < e and (
        doc[s].is_punct
        or doc[s].is_space
        or (title_word(doc[s]) and not initials_run(doc, s, e))
        or (s + 1 < e and plural_title(doc[s].text))  # "Earls X and Y"
        or state_word(doc[s])
        or doc[s].text in {"-", "–"}
        or (doc[s].pos_ == "VERB" and doc[s].tag_ in VERB_TAGS)  # "Remove Soviet Missiles"
    ):
        s += 1
    while e > s and (
        doc[e - 1].is_punct
        or doc[e - 1].is_space
        or doc[e - 1].text in POSSESSIVE
        or (doc[e - 1].pos_ == "VERB" and doc[e - 1].tag_ in VERB_TAGS)  # "X Agrees"
    ):
        e -= 1
    if s >= e:
        return None
    toks = list(doc[s:e])
    words = [t for t in toks if any(c.isalpha() for c in t.text)]
    if not words:
        return None
    if any(any(c.isdigit() for c in t.text) for t in toks):
        return None
    if not is_cap(words[-1]) or not is_cap(words[0]):
        return None
    epithet = (
        len(words) == 3
        and words[1].text == "the"
        and norm(words[0].text) in name_words().given_names
        and is_cap(words[2])
        and not is_head(words[2].text)
    )  # "Frederick the Great"
    if not epithet and any(not is_cap(t) and t.text not in PARTICLES for t in words):
        return None
    if any(norm(t.text) in tl.non_name_words for t in words):
        return None
    if (
        e < len(doc)
        and is_cap(doc[e])
        and (
            first_word(doc[e].text) in tl.non_name_words
            or first_word(doc[e].text) in name_words().place_heads
        )
    ):
        return None  # "Molotov-Ribbentrop Pact", "Marshall Plan", "Lenin Square"
    if any(norm(t.text) in MONTHS for t in words) and len(words) == 1:
        return None
    span_text = doc[s:e].text
    if latin_doc and len(words) == 1 and not dominant_script_latin(span_text):
        return None
    if gazetteer().candidates(span_text):
        return None  # a state or a seat of government, not a person
    if all(title_word(t) for t in words):
        return None
    if (
        len(words) == 1
        and s > 0
        and title_word(doc[s - 1])
        and word_list("title_objects") & {norm(words[0].text)}
    ):
        return None  # "Chief of the General Staff": the end of a title, not a name
    if _card_value_place(doc, s):
        return None  # "Born: 3 April 1881, Pieve Tesino": a place
    return (s, e)


def _given_only(doc: Doc, s: int, e: int) -> bool:
    """The name is given names (and initials) only: "Dean", "Vittorio Emanuele"."""
    given = name_words().given_names
    words = [t for t in doc[s:e] if any(c.isalpha() for c in t.text)]
    return (
        bool(words)
        and all(
            norm(t.text) in given or (len(norm(t.text)) == 1 and t.text[:1].isupper())
            for t in words
        )
        and norm(words[0].text) in given
    )


def extend_name(doc: Doc, s: int, e: int, taken: set[int], *, titled: bool) -> int:
    """End of a name the model cut short: a name of given names only takes the capitalised
    surname that follows ("Dean" + "Rusk", "Vittorio Emanuele" + "Orlando", whatever the
    model tagged it); a one-word name takes a regnal number ("Wilhelm I", "Louis XIV"; "I"
    only after a given name or a title)."""
    g = gazetteer()
    tl = titles()
    nw = name_words()
    given_only = _given_only(doc, s, e)
    if given_only:
        while e < len(doc) and e - s < 4 and e not in taken:
            t = doc[e]
            if "\n" in doc[e - 1].text_with_ws or t.is_sent_start:
                break
            if (
                not is_cap(t)
                or t.pos_ not in {"PROPN", "NOUN", "ADJ", "X"}
                or not t.is_alpha
                or t.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}
                or title_word(t)
                or state_word(t)
                or g.candidates(t.text)
                or norm(t.text) in tl.non_name_words
                or norm(t.text) in nw.place_heads
                or norm(t.text) in MONTHS
                or is_regnal_numeral(t.text)
            ):
                break
            e += 1
    # "B. Ye. X": the tokenizer cut a two-letter initial from its full stop, and the model
    # ended the name there
    if (
        e + 1 < len(doc)
        and e not in taken
        and e + 1 not in taken
        and doc[e].text == "."
        and INITIAL.fullmatch(doc[e - 1].text + ".")
        and doc[e - 1].text[:1].isupper()
        and e - s >= 2
        and INITIAL.fullmatch(doc[s].text)
        and is_cap(doc[e + 1])
        and doc[e + 1].is_alpha
        and len(doc[e + 1].text) > 2
        and "\n" not in doc[e].text_with_ws
    ):
        e += 2
    if e < len(doc) and e not in taken and is_regnal_numeral(doc[e].text):
        # "Louis XIV", "Victor Emmanuel III": one name or given names only, not "X Y I"
        one_word = sum(1 for t in doc[s:e] if t.is_alpha) == 1
        if (one_word or _given_only(doc, s, e)) and (doc[e].text != "I" or titled or given_only):
            e += 1
    return extend_epithet(doc, s, e, taken)


def _extend_of_place(doc: Doc, s: int, e: int, taken: set[int]) -> int:
    """A lone given name, or a lone name after a title, takes the place it is "of" ("William
    of Orange", "Catherine of Aragon", "Bishop Odo of Bayeux"): "of" and one capitalised word
    that ends the name and is no title, state or month."""
    if e - s != 1 or e + 1 >= len(doc) or doc[e].lower_ != "of" or e in taken or e + 1 in taken:
        return e
    # after a rank ("Bishop X of Y"), not after a peerage ("Viscount X of Y" is a title)
    if norm(doc[s].text) not in name_words().given_names and not (
        s > 0 and is_head(doc[s - 1].text)
    ):
        return e
    w = doc[e + 1]
    if (
        not is_cap(w)
        or not w.is_alpha
        or title_word(w)
        or state_word(w)
        or norm(w.text) in MONTHS
        or norm(w.text) in titles().non_name_words
        or "\n" in doc[e].text_with_ws
        or (e + 2 < len(doc) and is_cap(doc[e + 2]) and doc[e + 2].is_alpha)
    ):
        return e
    return e + 2


def extend_epithet(doc: Doc, s: int, e: int, taken: set[int]) -> int:
    """A given name takes its epithet: "Frederick the Great", "Ivan the Terrible" (one
    capitalised word after "the" that is no title, state or place, and ends the name)."""
    if e - s == 1 and e < len(doc) and doc[e].lower_ == "of":
        return _extend_of_place(doc, s, e, taken)
    if e - s != 1 or norm(doc[s].text) not in name_words().given_names:
        return e
    if e + 1 >= len(doc) or doc[e].lower_ != "the" or e in taken or e + 1 in taken:
        return e
    ep = doc[e + 1]
    if (
        not is_cap(ep)
        or not ep.is_alpha
        or is_head(ep.text)  # "William the Conqueror", not "George the King"
        or norm(ep.text) in titles().honorifics
        or state_word(ep)
        or gazetteer().candidates(ep.text)
        or norm(ep.text) in titles().non_name_words
        or "\n" in doc[e].text_with_ws
    ):
        return e
    if e + 2 < len(doc) and is_cap(doc[e + 2]) and doc[e + 2].is_alpha:
        return e  # "William the Silent Prince ...": more than one word, not an epithet
    return e + 2


def extend_left(doc: Doc, s: int, taken: set[int]) -> int:
    """Start of a name whose first given name the model left out ("Gamal" + "Abdel
    Nasser"): known given names right before it, on the same line, untagged."""
    given = name_words().given_names
    k = s
    while (
        k > 0
        and s - k < 2
        and (k - 1) not in taken
        and is_cap(doc[k - 1])
        and (
            doc[k - 1].ent_type_ in {"", "PERSON"}
            # "Amelia" tagged a place on its own, right before the surname
            or (ent_len(doc, k - 1) == 1 and doc[k - 1].ent_type_ in {"GPE", "ORG", "NORP"})
        )
        and norm(doc[k - 1].text) in given
        and "\n" not in doc[k - 1].text_with_ws
        and not doc[k].is_sent_start
    ):
        k -= 1
    return k
