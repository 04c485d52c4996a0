"""Personal names: parsing, compatibility ("Roosevelt" ~ "Franklin D. Roosevelt"), fullness and
transliteration keys ("Litvinov" ~ "Litvinoff", "Troyanovsky" ~ "Troyanovskii")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: lower-case particles that belong to the surname ("de Gaulle", "von Ribbentrop")
PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "ter",
        "bin",
        "ibn",
        "al",
        "el",
        "ben",
        "zu",
        "dos",
        "das",
    }
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
_TOKEN = re.compile(r"[^\s]+")
#: a regnal number written after a name ("Wilhelm I", "Louis XIV", "Pius XII"), I to XXXIX
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


def is_regnal_numeral(token: str) -> bool:
    """True for an upper-case Roman numeral of a regnal name ("I", "XIV"), not "" nor "MCM"."""
    return bool(token) and _ROMAN.fullmatch(token) is not None


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c) and (c.isalnum() or c == "-"))


@dataclass(frozen=True)
class Name:
    """A parsed personal name (honorifics and titles already removed)."""

    text: str
    given: tuple[str, ...]  # folded given/middle names or initials, in order
    surname: str  # folded surname (particles included, "de gaulle")
    suffix: str = ""

    @property
    def is_full(self) -> bool:
        return bool(self.given)

    @property
    def fullness(self) -> tuple[int, int, int]:
        """Sort key: more names, more of them spelled out, longer text."""
        spelled = sum(1 for g in self.given if len(g) > 1)
        return (len(self.given) + 1, spelled, len(self.text))


def parse_name(text: str) -> Name:
    toks = [t for t in _TOKEN.findall(text.replace("’s", "").replace("'s", ""))]
    folded = [_fold(t) for t in toks]
    pairs = [(t, f) for t, f in zip(toks, folded, strict=True) if f]
    suffix = ""
    if len(pairs) > 2 and pairs[-2][0] == "the" and pairs[-1][0][:1].isupper():
        # an epithet: "Frederick the Great" is Frederick with the suffix "the great"
        return Name(text, (), " ".join(f for _, f in pairs[:-2]), "the " + pairs[-1][1])
    if len(pairs) > 1 and (pairs[-1][1].rstrip(".") in SUFFIXES or is_regnal_numeral(pairs[-1][0])):
        suffix = pairs[-1][1]
        pairs = pairs[:-1]
    if not pairs:
        return Name(text, (), _fold(text))
    # surname = last token plus any lower-case particles right before it
    i = len(pairs) - 1
    while i > 0 and pairs[i - 1][0] in PARTICLES:
        i -= 1
    surname = " ".join(f for _, f in pairs[i:])
    given = tuple(f for _, f in pairs[:i])
    return Name(text, given, surname, suffix)


@dataclass(frozen=True)
class Byname:
    """A ruler's or a medieval name: given names, a regnal number, a designation of place
    and an epithet ("Harald III Hardrada", "William of Normandy", "Catherine the Great",
    "Franz Joseph I"). Such a name has no surname: two of them name one person when the
    given name and the number agree, or when the same office says so."""

    given: str  # the first given name's variant key
    numeral: str  # "III", or ""
    place: str  # folded "of" designation ("normandy"), or ""
    epithet: str  # folded epithet ("hardrada", "the great"), or ""


#: the words that open a designation of place and an epithet in a byname
_BYNAME_OF = frozenset({"of"})  # "von Bismarck", "de Gaulle" are surnames
_BYNAME_THE = frozenset({"the"})


def byname(text: str) -> Byname | None:
    """The byname reading of a name as written, or None for an ordinary given name and
    surname ("Harold Godwinson") or a single word."""
    words = [w for w in text.replace(",", " ").split() if w]
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    k = next((i for i in (1, 2) if i < len(words) and is_regnal_numeral(words[i])), 0)
    numeral = words[k] if k else ""
    rest = words[k + 1 :] if k else words[1:]
    epithet = place = ""
    if numeral and rest and rest[0][:1].isupper():
        epithet = _fold(rest[0])  # "Harald III Hardrada"
        rest = rest[1:]
    if rest and rest[0] in _BYNAME_THE and len(rest) > 1:
        epithet = " ".join(_fold(w) for w in rest)
        rest = []
    elif rest and rest[0] in _BYNAME_OF and len(rest) > 1 and rest[1][:1].isupper():
        place = " ".join(_fold(w) for w in rest[1:] if w not in _BYNAME_OF)
        rest = []
    if rest or not (numeral or place or epithet):
        return None
    if not numeral and k == 0 and len(words) > 1 and words[1][:1].isupper() and not epithet:
        return None
    return Byname(given_variant(words[0]), numeral, place, epithet)


def given_variant(a: str) -> str:
    """The group key of a given name's spellings ("aleksandr" -> "alexander"), from
    ``names.yaml``; the folded name itself when it has no listed variants."""
    from .lexicon import name_words

    f = _fold(a).replace("-", "")
    return name_words().given_variants.get(f, f)


def _given_compatible(a: str, b: str, translit: bool) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if given_variant(a) == given_variant(b):
        return True  # "Alexander" / "Aleksandr", "Joseph" / "Iosif"
    return translit and translit_key(a) == translit_key(b)


def given_compatible(a: Name, b: Name, *, translit: bool = False) -> bool:
    """Given names agree: the first ones match (or one is an initial of the other), and
    middle names, where both have them, match too; a missing middle name is fine."""
    if not a.given or not b.given:
        return True
    if not _given_compatible(a.given[0], b.given[0], translit):
        # known by a middle name: "Woodrow Wilson" ~ "Thomas Woodrow Wilson", "Abdel Nasser"
        # ~ "Gamal Abdel Nasser" (the shorter's given names spelled out, the longer's last ones)
        short, long_ = (a.given, b.given) if len(a.given) < len(b.given) else (b.given, a.given)
        return (
            len(short) < len(long_)
            and all(len(g) > 1 for g in short)
            and all(
                _given_compatible(x, y, translit)
                for x, y in zip(short, long_[len(long_) - len(short) :], strict=True)
            )
        )
    ma, mb = a.given[1:], b.given[1:]
    if ma and mb:
        return all(_given_compatible(x, y, translit) for x, y in zip(ma, mb, strict=False))
    return True


def first_name_of(single: Name, full: Name) -> bool:
    """``single`` (a one-word name, "Dean") is the spelled-out first given name of ``full``
    ("Dean Rusk"); initials do not count."""
    if single.is_full or single.suffix or not full.given or len(full.given[0]) < 2:
        return False
    a, b = single.surname, full.given[0]
    return " " not in a and len(a) > 1 and (a == b or given_variant(a) == given_variant(b))


def compatible(a: Name, b: Name, *, translit: bool = False) -> bool:
    """True when ``a`` and ``b`` can name the same person (same surname, given names agree,
    suffixes agree)."""
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return False
    if a.surname != b.surname and not (
        translit and translit_key(a.surname) == translit_key(b.surname)
    ):
        return False
    return given_compatible(a, b, translit=translit)


#: spelling variants of romanised (mostly Slavic) names, applied to word endings and letters
_TRANSLIT_END = (
    ("ievich", "evich"),
    ("iewicz", "evich"),
    ("ewicz", "evich"),
    ("owicz", "ovich"),
    ("ovitch", "ovich"),
    ("evitch", "evich"),
    ("skii", "sky"),
    ("skiy", "sky"),
    ("skij", "sky"),
    ("ski", "sky"),
    ("kii", "ky"),
    ("kiy", "ky"),
    ("kij", "ky"),
    ("iy", "y"),
    ("ii", "y"),
    ("ij", "y"),
    ("yi", "y"),
    ("off", "ov"),
    ("eff", "ev"),
    ("ow", "ov"),
    ("ew", "ev"),
    ("of", "ov"),
    ("ef", "ev"),
)
_TRANSLIT_IN = (
    ("tch", "ch"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("shch", "sch"),
    ("zh", "j"),
    ("kh", "h"),
    ("ks", "x"),
    ("ya", "ia"),
    ("yu", "iu"),
    ("ja", "ia"),
    ("ju", "iu"),
    ("ye", "e"),
    ("je", "e"),
    ("w", "v"),
    ("ff", "f"),
    ("y", "i"),
    ("j", "i"),
)


_KEY_SPLIT = re.compile(r"[\s\-\u2010-\u2015_]+")


def name_variants_key(name: str) -> str:
    """One key for the spellings of one personal name: accents, case, dots, apostrophes and
    hyphens do not count ("Zia-ul-Haq" = "Zia ul Haq"), Arabic articles and connectors are
    one word each ("al-" = "el-" = "ul-", "bin" = "ibn", "Abdel" = "Abd el"), given names
    in one ``names.yaml`` group are one name ("Maksim" = "Maxim"), and every word is reduced
    by :func:`translit_key` ("Litvinoff" = "Litvinov").

    Pure and cached by nothing: the merge stage calls it to group people. Titles are not
    removed; pass the name without them. An empty or wordless name gives ``""``.
    """
    from .lexicon import name_words

    words = name_words()
    out: list[str] = []
    for raw in _KEY_SPLIT.split(name.replace("’s", "").replace("'s", "")):
        w = _fold(raw).replace("-", "")
        if not w:
            continue
        w = words.particle_variants.get(w, w)
        w = words.given_variants.get(w, w)
        out.append(translit_key(w))
    return "".join(out)


def translit_key(s: str) -> str:
    """A loose key under which romanisations of one name coincide."""
    s = _fold(s)
    for old, new in _TRANSLIT_END:
        if s.endswith(old):
            s = s[: -len(old)] + new
            break
    for old, new in _TRANSLIT_IN:
        s = s.replace(old, new)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s
