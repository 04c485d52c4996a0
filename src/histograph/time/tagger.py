"""The tagger: find temporal expressions with regular expressions compiled from the
language data (``time/data/lexicon.yaml`` etc.) and parse them into fields.

It does not resolve anything: :mod:`histograph.time.normalise` turns the candidates into
values using the document context. Each rule is a regular expression whose named groups
share one vocabulary (``y`` year, ``mo`` month word, ``dd`` day, ``wd`` weekday, ...), so
that one field reader (:func:`_fields`) serves every rule.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .calendars import julian_to_gregorian
from .lexicon import Lexicon, alternation, lexicon

#: a blank between two words: spaces, or one line break (never a blank line)
S = r"(?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)"


@dataclass
class Cand:
    """One temporal expression found in the text, with the fields its rule parsed."""

    start: int
    end: int
    rule: str
    f: dict[str, Any] = field(default_factory=dict)
    #: sub-expressions (for ranges "1933-1945": the two ends, TIMEX3 tags them apart)
    parts: list[Cand] = field(default_factory=list)

    @property
    def length(self) -> int:
        return self.end - self.start


def _cased(words: tuple[str, ...] | list[str], abbrev_dot: bool = False) -> str:
    """Alternation of capitalised words (Title or UPPER case only), longest first."""
    forms: list[str] = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        for v in {w, w.upper(), w[0].upper() + w[1:]}:
            e = re.escape(v).replace(r"\ ", S)
            if abbrev_dot and len(w) <= 4:
                e += r"\.?"
            forms.append(e)
    return "(?:" + "|".join(forms) + r")(?![A-Za-z])"


def _ci(words: tuple[str, ...] | list[str]) -> str:
    """Case-insensitive alternation of words (whole words)."""
    return r"(?i:" + alternation(list(words)).replace(r"\s+", S) + r")(?![A-Za-z])"


@dataclass(frozen=True)
class Grammar:
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    lx: Lexicon


def _number_words(lx: Lexicon) -> str:
    units = [w for w, v in lx.cardinals.items() if 1 <= v <= 9 and " " not in w and len(w) > 2]
    tens = [w for w, v in lx.cardinals.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    others = [w for w in lx.cardinals if w not in tens]
    comp = "(?:" + "|".join(tens) + r")(?:[-\s](?:" + "|".join(units) + "))?"
    return r"(?i:" + comp + "|" + alternation(others).replace(r"\s+", S) + r")(?![A-Za-z])"


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    lx = lexicon()
    full_months = [n for n in lx.month_names if len(n) > 3 or n == "May"]
    abbr_months = [n for n in lx.month_names if n not in full_months]
    MONTH = (
        "(?:"
        + _cased(full_months)
        + "|"
        + "(?:"
        + "|".join(
            re.escape(v) + r"\.?"
            for w in sorted(abbr_months, key=lambda s: -len(s))
            for v in (w, w.upper())
        )
        + r")(?![A-Za-z])"
        + ")"
    )
    MONTHF = _cased(full_months)
    full_wd = [n for n in lx.weekday_names if len(n) > 4]
    abbr_wd = [n for n in lx.weekday_names if n not in full_wd]
    WD = "(?:" + _cased(full_wd) + "|(?:" + "|".join(re.escape(a) + r"\." for a in abbr_wd) + "))"
    WDF = _cased(full_wd)
    ORDW = _ci([w for w, v in lx.ordinals.items() if v > 0])
    ORDD = _ci([w for w, v in lx.ordinals.items() if 1 <= v <= 31])
    DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)?(?!\d|:\d|[A-Za-z])"
    ERA = _cased(list(lx.era_bc) + list(lx.era_ad)).replace(r"(?![A-Za-z])", r"(?![A-Za-z])")
    # era markers end in a dot sometimes: "B.C." -- _cased handles escapes
    YEAR4 = r"(?:1\d{3}|20\d{2}|2100)(?![\d])"
    YEARX = rf"(?:\d{{1,4}}{S}?{ERA}|{ERA}{S}?\d{{1,4}}(?!\d)|{YEAR4})"
    NUMW = _number_words(lx)
    NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{NUMW})"
    VAGUE = _ci(list(lx.vague))
    UNIT = _ci(list(lx.units))
    UNITPL = _ci([u for u in lx.units if u.endswith("s") and len(u) > 3])
    APPROX = _ci(list(lx.approximators))
    SEASON = _ci(list(lx.seasons))
    POD = _ci(list(lx.parts_of_day))
    MODP = (
        r"(?P<mod>(?i:(?:the"
        + S
        + r")?(?:very"
        + S
        + r")?(?:early|mid|middle|late)(?:"
        + S
        + r"in"
        + S
        + r"|-|"
        + S
        + r"|-"
        + S
        + r")"
        r"|(?:the"
        + S
        + r")?(?:beginning|start|end|middle|close|turn|dawn|outset|spring|summer|autumn|fall|winter)"
        + S
        + r"of"
        + S
        + r"(?:the"
        + S
        + r")?"
        r"|(?:the"
        + S
        + r")?(?:first|second|latter|last)"
        + S
        + r"(?:half|part|quarter|months?|weeks?|days?)"
        + S
        + r"of"
        + S
        + r"(?:the"
        + S
        + r")?))"
    )
    AMPM = r"(?i:a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b)"
    TZ = r"(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|MSK|IST|JST|ET|PT)(?![A-Za-z])"
    HOL = _cased(list(lx.holiday_names))
    PER = _ci(list(lx.period_names))
    PRES = _ci(list(lx.present_ref))
    PAST = _ci(list(lx.past_ref))
    FUT = _ci(list(lx.future_ref))
    REL_DCT = (
        r"(?i:last|next|this|coming|past|previous|current|the"
        + S
        + r"(?:past|coming|current|last|next|previous|following|same|preceding|subsequent|prior|ensuing)|this"
        + S
        + r"past|that|the"
        + S
        + r"very"
        + S
        + r"same)"
    )
    RELUNIT = (
        r"(?i:day|week|weekend|month|year|decade|century|quarter|fiscal"
        + S
        + r"year|season|spring|summer|autumn|fall|winter|morning|afternoon|evening|night|millennium)(?![A-Za-z])"
    )
    B = r"(?<![\w$£€#@/.,-])"
    NARR = _ci(list(lx.narrative_refs))
    ROMAN = _ci(list(lx.roman_days)) if lx.roman_days else r"(?!x)x"
    NSEA = _ci(list(lx.named_seasons))

    rules: list[tuple[str, str]] = [
        (
            "iso",
            r"(?<![\w/.-])(?P<y>\d{4})-(?P<mo>[01]?\d)-(?P<dd>[0-3]?\d)(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w/-])",
        ),
        (
            "numeric",
            r"(?<![\w/.-])(?P<n1>[0-3]?\d)(?P<sep>[/.])(?P<n2>[0-3]?\d)(?P=sep)(?P<ny>\d{4}|\d{2})(?![\w/]|\.\d)",
        ),
        (
            # "07.07–29.07.1987": two dotted days (day first) sharing the year
            "numeric_range",
            r"(?<![\w/.-])(?P<n1>[0-3]?\d)\.(?P<n2>[01]?\d)\.?[ \t]*[-–—][ \t]*(?P<n3>[0-3]?\d)\.(?P<n4>[01]?\d)\.(?P<ny>\d{4})(?![\w/]|\.\d)",
        ),
        (
            "dmy_range",
            rf"(?<![\w.,])(?P<dd>{DAY})(?:{S}?[-–—]{S}?|{S}(?i:and|to|or|until|through){S})(?P<dd2>{DAY}){S}(?:(?i:of){S})?(?P<mo>{MONTH})(?:(?:,?{S}|,)(?P<y>{YEARX}))?",
        ),
        (
            "mdy_range",
            rf"(?<![\w.])(?P<mo>{MONTH}){S}?(?P<dd>{DAY})(?:{S}?[-–—]{S}?|{S}(?i:and|to|or|until|through){S})(?P<dd2>{DAY})(?!\w|:\d|\.\d|,\d)(?:(?:,{S}?|{S})(?P<y>{YEARX}))?",
        ),
        (
            "dmy",
            rf"(?<![\w.,])(?:(?P<wd>{WD}),?{S})?(?:(?i:the){S})?(?P<dd>{DAY}|{ORDD})(?:{S}(?i:of){S}|{S}|-)(?P<mo>{MONTH})(?:(?:,?{S}|,)(?P<y>{YEARX}))?",
        ),
        (
            # Roman days: "the Ides of March, 44 BC", "the Kalends of January"
            "dmy",
            rf"(?<![\w])(?:(?i:the){S})?(?P<rd>{ROMAN}){S}(?i:of){S}(?P<mo>{MONTH})(?:(?:,?{S}|,)(?P<y>{YEARX}))?",
        ),
        (
            "mdy",
            rf"(?<![\w.])(?:(?P<wd>{WD}),?{S})?(?P<mo>{MONTH}){S}?(?:(?i:the){S})?(?P<dd>{DAY}|{ORDD})(?!\w|:\d|\.\d|,\d)(?:(?:,{S}?|{S}(?i:of){S}|{S})(?P<y>{YEARX}))?",
        ),
        (
            "month_of_rel",
            rf"(?<![\w.])(?:{MODP})?(?P<mo>{MONTH})(?:{S}(?P<dd>{DAY}))?{S}(?i:of){S}(?P<rel>(?i:that|the{S}same|the{S}following|the{S}next|the{S}previous|the{S}preceding|this|last|next)){S}(?P<u>(?i:year))(?![\w])",
        ),
        (
            # "on 15 June that year", "on June 15 that same year", "15 June of that year"
            "month_of_rel",
            rf"(?<![\w.])(?:(?P<dd>{DAY}){S}(?:(?i:of){S})?(?P<mo>{MONTH})|(?P<mo2>{MONTH}){S}?(?P<dd2x>{DAY}))(?:{S}(?i:of))?{S}(?P<rel>(?i:that(?:{S}same)?|the{S}same)){S}(?P<u>(?i:year))(?![\w])",
        ),
        ("my", rf"(?<![\w.])(?:{MODP})?(?P<mo>{MONTH})(?:{S}(?i:of){S}|,?{S}|,)(?P<y>{YEARX})"),
        ("month", rf"(?<![\w.])(?:{MODP})?(?P<mo>{MONTHF})(?![\w-])"),
        (
            "year",
            rf"{B}(?:(?P<ap>(?i:circa|c\.|ca\.|c|ca)){S}?)?(?:{MODP})?(?P<y>{YEAR4})(?![\w%°]|[.,:]\d)",
        ),
        (
            "year_era",
            rf"{B}(?:(?P<ap>(?i:circa|c\.|ca\.|c|ca)){S}?)?(?:{MODP})?(?:(?P<y>\d{{1,4}}){S}?(?P<era>{ERA})|(?P<era2>{ERA}){S}?(?P<y2>\d{{1,4}})(?!\d))",
        ),
        ("year_range", rf"{B}(?P<y>{YEAR4}){S}?[-–—]{S}?(?P<ye>\d{{4}}|\d{{2}})(?![\w%]|[.,]\d)"),
        (
            "year_range_era",
            rf"{B}(?P<y>\d{{1,4}})(?:{S}?[-–—]{S}?|{S}(?i:to|and|until|till){S})(?P<ye>\d{{1,4}}){S}?(?P<era>{ERA})",
        ),
        ("apos_year", r"(?<![\w'’])['’](?P<y2d>\d\d)(?![\w'’%])"),
        (
            "decade",
            rf"(?<![\w$£€])(?:(?i:the){S})?(?:{MODP})?(?:(?P<dec>\d{{3}}0)['’]?s|['’](?P<dec2>\d0)['’]?s)(?![\w])",
        ),
        (
            "decade_word",
            rf"(?<![\w])(?i:the){S}(?:{MODP})?(?P<decw>(?i:(?:nineteen|eighteen|seventeen)[-\s]?)?(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
        ),
        (
            "century",
            rf"(?<![\w])(?:(?i:the){S})?(?:{MODP})?(?P<cen>\d{{1,2}}(?i:st|nd|rd|th)|{ORDW})(?:{S}|-)(?i:century|centuries)(?![A-Za-z])(?:{S}?(?P<era>{ERA}))?",
        ),
        (
            "millennium",
            rf"(?<![\w])(?:(?i:the){S})?(?:{MODP})?(?P<mil>\d(?i:st|nd|rd|th)|{ORDW})(?:{S}|-)(?i:millennium)(?![A-Za-z])(?:{S}?(?P<era>{ERA}))?",
        ),
        (
            "season",
            rf"(?<![\w])(?:(?P<the>(?i:the)){S})?(?:{MODP})?(?P<sea>{SEASON})(?:(?:{S}(?i:of){S}|,?{S})(?P<y>{YEARX}))?(?![\w])",
        ),
        (
            "quarter",
            rf"(?<![\w])(?:(?i:the){S})?(?P<qo>{ORDW}|\d(?i:st|nd|rd|th)){S}(?:(?i:fiscal|calendar){S})?(?i:quarter)(?![\w])(?:{S}(?i:of){S}(?:(?i:fiscal){S})?(?P<y>{YEARX}))?",
        ),
        ("quarter_q", rf"(?<![\w])(?P<qn>Q[1-4]){S}?(?P<y>{YEAR4})"),
        (
            "clock",
            rf"(?<![\w:.,])(?P<hh>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?:{S}?(?P<ampm>{AMPM}))?|{S}?(?P<ampm2>{AMPM})|{S}(?i:o['’]clock))(?:hrs|hours|h(?![\w]))?(?:{S}?(?P<tz>{TZ}))?",
        ),
        (
            "clock_word",
            rf"(?<![\w])(?:(?P<offn>{NUM}|(?i:a{S}quarter|half|quarter)){S}(?:(?P<offu>(?i:minutes?|hours?|seconds?)){S})?(?P<offd>(?i:before|to|after|past)){S})?(?P<cw>(?i:noon|midnight|midday))(?![\w])",
        ),
        ("clock_oclock", rf"(?<![\w])(?P<hw>{NUMW}){S}(?i:o['’]clock)"),
        (
            "pod_day",
            rf"(?<![\w])(?P<wd>{WDF}|(?P<dw>(?i:yesterday|today|tomorrow|tonight))){S}(?P<pod>{POD})",
        ),
        (
            "pod_rel",
            rf"(?<![\w])(?P<rel>(?i:this|last|that|the{S}same|the{S}next|the{S}following|the{S}previous|tomorrow|yesterday)){S}(?P<pod>{POD})",
        ),
        (
            "pod_bare",
            rf"(?<![\w])(?:(?P<podpre>(?i:the|that|one|same|the{S}same|the{S}following|the{S}next|the{S}previous)){S})?(?P<pod>(?i:night|daytime|morning|evening|afternoon))(?![\w-])",
        ),
        ("narr", rf"(?<![\w])(?P<narr>{NARR})(?![\w])"),
        ("named_season", rf"(?<![\w])(?:(?i:the){S})?(?P<nsea>{NSEA})(?![\w])"),
        ("tonight", r"(?<![\w])(?P<dw>(?i:tonight|overnight))(?![\w])"),
        (
            "weekday",
            rf"(?<![\w])(?:(?P<rel>(?i:last|next|this|coming|past|previous|that)){S})?(?P<wd>{WDF})(?![\w])",
        ),
        ("rel_unit", rf"(?<![\w])(?:{MODP})?(?P<rel>{REL_DCT}){S}(?P<u>{RELUNIT}|{MONTHF}|{WDF})"),
        (
            "rel_within",
            rf"(?<![\w])(?P<rel>(?i:later|earlier|early|late)){S}(?P<rel2>(?i:that|this|in{S}the|the{S}same|the{S}following|the{S}next|the{S}previous|in{S}that|in{S}the{S}same)){S}(?P<u>(?i:year|month|day|week|decade|century|morning|evening|night|afternoon))(?![\w])",
        ),
        (
            "mod_unit",
            rf"(?<![\w])(?:{MODP})(?:(?P<rel>(?i:the|that|this|next|last)){S})?(?P<u>(?i:year|month|week|decade|century|day))(?![\w])",
        ),
        (
            "ago",
            rf"(?<![\w])(?:(?P<ap>{APPROX}){S})?(?P<n>{NUM}|{VAGUE})(?:{S}|-)(?:(?i:more|full|long|whole|additional){S})?(?P<u>{UNIT})(?:{S}(?i:and{S}a{S}half))?{S}(?P<rel>(?i:ago|later|earlier|before|after|afterwards?|hence|from{S}now|prior{S}to|previously|back|since|on))(?![\w])",
        ),
        (
            # "weeks later", "months afterwards": an offset of unknown size (no number)
            "ago",
            rf"(?<![\w-])(?P<bare>(?P<u>(?i:days|weeks|months|years|decades))){S}(?P<rel>(?i:later|earlier|afterwards?))(?![\w])",
        ),
        (
            "the_unit_rel",
            rf"(?<![\w])(?i:the){S}(?P<u>(?i:day|week|month|year|night|morning|evening))(?P<rel>{S}(?i:before|after|earlier|later))(?![\w])",
        ),
        (
            "dctword",
            r"(?<![\w])(?P<dw>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow))(?![\w])",
        ),
        (
            "anniv",
            rf"(?<![\w])(?:(?i:the){S})?(?P<ord>\d{{1,4}}(?i:st|nd|rd|th)|{ORDW}){S}(?i:anniversary)(?![\w])",
        ),
        (
            "duration",
            rf"(?<![\w])(?:(?P<pre>(?i:the{S}(?:past|last|next|first|previous|coming|following|final|remaining|same|initial)|another|a{S}further)){S})?(?:(?P<ap>{APPROX}){S}(?!(?i:the)\b))?(?P<n>{NUM}|{VAGUE})(?:{S}|-)(?:(?i:more|full|long|additional|consecutive|straight|whole|odd|extra|calendar|short|bloody|long{S}and{S}bloody){S})?(?P<u>{UNIT})(?P<half>{S}(?i:and{S}a{S}half))?(?:(?P<long>-(?i:long))|{S}(?i:old|of{S}age)(?![\w-]))?(?![\w-])",
        ),
        (
            "duration_half",
            rf"(?<![\w])(?:(?P<ap>{APPROX}){S})?(?i:half{S}(?:an?|one){S})(?P<u>{UNIT})(?![\w])",
        ),
        (
            "duration_pl",
            rf"(?<![\w])(?:(?P<pre>(?i:recent|the{S}past|the{S}last|the{S}next|the{S}coming|the{S}following)){S})?(?P<u>{UNITPL})(?:-(?i:long))?(?![\w])",
        ),
        ("duration_long", rf"(?<![\w])(?P<u>{UNIT})-(?i:long)(?![\w-])"),
        (
            "set_every",
            rf"(?<![\w])(?P<every>(?i:every|each|per)){S}(?:(?i:other){S})?(?:(?P<n>{NUM}){S})?(?P<u>{RELUNIT}|{MONTHF}|{WDF}|{SEASON})",
        ),
        (
            "set_times",
            rf"(?<![\w])(?P<freq>(?i:once|twice|thrice|\d+{S}times|{NUMW}{S}times)){S}(?i:a|an|per|every|each){S}(?P<u>{RELUNIT})",
        ),
        (
            "set_adv",
            r"(?<![\w])(?P<adv>(?i:annually|yearly|monthly|weekly|daily|nightly|hourly|biannually|biennially|quarterly|fortnightly))(?![\w])",
        ),
        ("present", rf"(?<![\w])(?P<pres>{PRES})(?!['’]s)"),
        ("past", rf"(?<![\w])(?P<past>{PAST})"),
        ("future", rf"(?<![\w])(?P<fut>{FUT})"),
        ("holiday", rf"(?<![\w])(?P<hol>{HOL})(?:(?:{S}(?i:of){S}|,?{S})(?P<y>{YEARX}))?"),
        ("period", rf"(?<![\w])(?:(?i:the){S})?(?P<per>{PER})"),
    ]
    compiled = tuple((name, re.compile(p)) for name, p in rules)
    return Grammar(rules=compiled, lx=lx)


# ----------------------------------------------------------------- field reading
_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s.strip()).lower()


def parse_number(s: str, lx: Lexicon) -> int | str | None:
    """'16' -> 16, 'twenty-five' -> 25, 'a' -> 1, 'several' -> 'X'."""
    t = _norm(s).replace(",", "")
    if not t:
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return t  # fractional: kept as written
    if t in lx.cardinals:
        return lx.cardinals[t]
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", t)
    if m and m.group(1) in lx.cardinals and m.group(2) in lx.cardinals:
        return lx.cardinals[m.group(1)] + lx.cardinals[m.group(2)]
    if t in {v.lower() for v in lx.vague}:
        return "X"
    return None


def parse_ordinal(s: str, lx: Lexicon) -> int | None:
    t = _norm(s)
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th|d)?", t)
    if m:
        return int(m.group(1))
    t = t.replace(" ", "-")
    return lx.ordinals.get(t)


def _era_bc(s: str, lx: Lexicon) -> bool:
    t = _norm(s).rstrip(".")
    return t in {e.lower().rstrip(".") for e in lx.era_bc}


def _year_value(s: str, lx: Lexicon) -> tuple[int, bool] | None:
    """'1933' -> (1933, False); '550 BC' -> (-549, True); 'AD 79' -> (79, True)."""
    m = re.match(r"^(\d{1,4})\s*(.*)$", s.strip())
    era = ""
    if m:
        num, era = int(m.group(1)), m.group(2)
    else:
        m2 = re.match(r"^(.*?)\s*(\d{1,4})$", s.strip())
        if not m2:
            return None
        era, num = m2.group(1), int(m2.group(2))
    if era:
        if num == 0:
            return None
        return (1 - num, True) if _era_bc(era, lx) else (num, True)
    return num, False


_PREP_MONTH = re.compile(
    r"(?i:\b(?:in|on|of|since|until|till|by|from|to|through|during|before|after|early|late|mid|"
    r"last|next|this|that|each|every|between|and|or|around|about|throughout|into|the|following|"
    r"previous|until|till|as\s+of|starting|beginning|ending|end|beginning\s+of|end\s+of)\s*[-]?\s*$)"
)


def _fields(name: str, m: re.Match[str], lx: Lexicon) -> dict[str, Any] | None:
    g = m.groupdict()
    f: dict[str, Any] = {}
    if g.get("mod"):
        f["mod"] = _mod_of(g["mod"])
    if g.get("ap"):
        f["approx"] = True
    if name == "iso":
        f.update(y=int(g["y"]), m=int(g["mo"]), d=int(g["dd"]))
        if g.get("hh"):
            f.update(hh=int(g["hh"]), mi=int(g["mi"]))
        return f
    if name == "numeric_range":
        days = [int(g[k]) for k in ("n1", "n2", "n3", "n4")]
        if not (1 <= days[0] <= 31 and 1 <= days[1] <= 12 and 1 <= days[2] <= 31):
            return None
        if not 1 <= days[3] <= 12:
            return None
        f.update(y=int(g["ny"]), m=days[1], d=days[0], m2=days[3], d2=days[2])
        f["n2_start"] = m.start("n3")
        return f
    if name == "numeric":
        a, b, ny = int(g["n1"]), int(g["n2"]), g["ny"]
        f.update(num=(a, b), y=int(ny), y2d=len(ny) == 2, dotted=g.get("sep") == ".")
        return f
    if g.get("mo2"):
        g = {**g, "mo": g["mo2"], "dd": g.get("dd2x")}
    if g.get("mo"):
        mo = lx.months.get(_norm(g["mo"]).rstrip("."))
        if mo is None:
            return None
        f["m"] = mo
    if g.get("rd") and "m" in f:
        short, long_ = lx.roman_days[_norm(g["rd"])]
        f["d"] = long_ if f["m"] in lx.roman_long_months else short
    if g.get("dd"):
        d = parse_ordinal(g["dd"], lx)
        if d is None or not 1 <= d <= 31:
            return None
        f["d"] = d
    if g.get("dd2"):
        f["dd_end"] = m.end("dd")
        f["dd2_start"] = m.start("dd2")
        f["mo_start"] = m.start("mo")
        d2 = parse_ordinal(g["dd2"], lx)
        if d2 is None or not 1 <= d2 <= 31:
            return None
        f["d2"] = d2
    if g.get("wd") and name not in ("set_every",):
        w = lx.weekdays.get(_norm(g["wd"]).rstrip(".").removesuffix("'s").removesuffix("’s"))
        if w is None:
            return None
        f["wd"] = w
    if name in ("year_era",):
        ys = (g["y"] + " " + g["era"]) if g.get("y") else (g["era2"] + " " + g["y2"])
        yv = _year_value(ys, lx)
        if yv is None:
            return None
        f.update(y=yv[0], era=True)
        return f
    if name in ("year_range", "year_range_era"):
        y1, ye = g["y"], g["ye"]
        era_bc = bool(g.get("era")) and _era_bc(g["era"], lx)
        a = int(y1)
        b = int(ye) if len(ye) == len(y1) or len(ye) > 2 else int(y1[: len(y1) - len(ye)] + ye)
        if era_bc:
            if b >= a:  # "264-146 BC": BC years run downwards
                return None
            f.update(y=1 - a, ye=1 - b, era=True)
        else:
            if b <= a or (not g.get("era") and (b - a > 200)):
                return None
            f.update(y=a, ye=b)
        f["ye_start"] = m.start("ye")
        f["y_end"] = m.end("y")
        f["era_span"] = (m.start("era"), m.end("era")) if g.get("era") else None
        return f
    if g.get("y"):
        yv = _year_value(g["y"], lx)
        if yv is None:
            return None
        f["y"] = yv[0]
        if yv[1]:
            f["era"] = True
    if g.get("y2d"):
        f.update(y=int(g["y2d"]), y2d=True)
    if g.get("dec"):
        f["decade"] = int(g["dec"])
    if g.get("dec2"):
        f.update(decade=int(g["dec2"]), dec2d=True)
    if g.get("decw"):
        words = _norm(g["decw"]).replace("-", " ")
        tens = {
            "twenties": 2,
            "thirties": 3,
            "forties": 4,
            "fifties": 5,
            "sixties": 6,
            "seventies": 7,
            "eighties": 8,
            "nineties": 9,
        }
        parts = words.split()
        glued = re.fullmatch(r"(nineteen|eighteen|seventeen)(\w+)", parts[-1])
        if glued:
            parts = [glued.group(1), glued.group(2)]
        f.update(decade=tens[parts[-1]] * 10, dec2d=True)
        if len(parts) == 2:
            f["decade"] += {"nineteen": 1900, "eighteen": 1800, "seventeen": 1700}[parts[0]]
            f["dec2d"] = False
    if g.get("cen"):
        c = parse_ordinal(g["cen"], lx)
        if c is None or not 1 <= c <= 30:
            return None
        f["century"] = c
        if g.get("era"):
            f["bc"] = _era_bc(g["era"], lx)
    if g.get("mil"):
        c = parse_ordinal(g["mil"], lx)
        if c is None or not 1 <= c <= 3:
            return None
        f["millennium"] = c
        if g.get("era"):
            f["bc"] = _era_bc(g["era"], lx)
    if g.get("sea"):
        f["season"] = lx.seasons[_norm(g["sea"])]
        f["season_word"] = _norm(g["sea"])
        if g.get("the"):
            f["the"] = True
    if g.get("qo"):
        q = parse_ordinal(g["qo"], lx)
        if q is None or not 1 <= q <= 4:
            if q == -1:
                q = 4
            else:
                return None
        f["quarter"] = q
    if g.get("qn"):
        f["quarter"] = int(g["qn"][1])
    if name == "clock":
        hh = int(g["hh"])
        mi = int(g["mi"]) if g.get("mi") else None
        ampm = (g.get("ampm") or g.get("ampm2") or "").lower().replace(".", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        if not ampm and mi is None and "clock" not in m.group(0).lower():
            return None
        if (
            not ampm
            and "." in m.group(0)
            and ":" not in m.group(0)
            and re.match(
                r"\s*(?:[/%]|(?i:million|billion|thousand|per\b|percent|bn\b|m\b))",
                m.string[m.end() : m.end() + 12],
            )
        ):
            return None  # "1.09 million", "3.14/day": a decimal number, not a clock time
        if hh > 24:
            return None
        f.update(hh=hh, mi=mi, kind="TIME")
        if ampm:
            f["ampm"] = ampm
        if g.get("ss"):
            f["ss"] = int(g["ss"])
        if g.get("tz"):
            f["tz"] = g["tz"]
        return f
    if name == "clock_word":
        hm = lx.clock_words[_norm(g["cw"])]
        hh, mi = int(hm[:2]), int(hm[3:])
        if g.get("offd"):
            raw = _norm(g["offn"])
            if raw in ("a quarter", "quarter"):
                off = 15
            elif raw == "half":
                off = 30
            else:
                n = parse_number(raw, lx)
                if not isinstance(n, int):
                    return None
                unit = _norm(g.get("offu") or "minutes")
                off = n * 60 if unit.startswith("hour") else n
            sign = -1 if _norm(g["offd"]) in ("before", "to") else 1
            total = hh * 60 + mi + sign * off
            if not 0 <= total <= 24 * 60:
                return None
            hh, mi = divmod(total, 60)
        f.update(hh=hh, mi=mi, kind="TIME")
        return f
    if name == "clock_oclock":
        n = parse_number(g["hw"], lx)
        if not isinstance(n, int) or not 1 <= n <= 12:
            return None
        f.update(hh=n, mi=None, kind="TIME")
        return f
    if g.get("podpre"):
        f["podpre"] = _norm(g["podpre"])
    if g.get("pod"):
        f["pod"] = lx.parts_of_day[_norm(g["pod"])]
        f["kind"] = "TIME"
    if g.get("narr"):
        f["narr"] = _norm(g["narr"])
    if g.get("nsea"):
        f["nsea"] = _norm(g["nsea"])
    if g.get("dw"):
        f["dw"] = _norm(g["dw"])
        if f["dw"] in ("tonight", "overnight"):
            f.update(pod="NI", kind="TIME", dw="today", dw_word=f["dw"])
    if g.get("rel"):
        f["rel"] = _norm(g["rel"])
        f["rel_start"] = m.start("rel")
    if g.get("rel2"):
        f["rel2"] = _norm(g["rel2"])
    if g.get("u"):
        u = _norm(g["u"])
        if u in lx.units:
            f["unit"] = lx.units[u]
        elif u in lx.months:
            f["m"] = lx.months[u]
        elif u.removesuffix("'s").removesuffix("’s") in lx.weekdays:
            f["wd"] = lx.weekdays[u.removesuffix("'s").removesuffix("’s")]
        elif u in lx.seasons:
            f["season"] = lx.seasons[u]
        elif u in lx.parts_of_day:
            f["pod"] = lx.parts_of_day[u]
        elif u == "weekend":
            f["unit"] = "WE"
        elif u.endswith("year"):  # fiscal year
            f["unit"] = "Y"
        elif u == "season":
            f["unit"] = "SEASON"
        else:
            return None
    if g.get("n"):
        n = parse_number(g["n"], lx)
        if n is None:
            return None
        f["n"] = n
        if g.get("long") and _norm(g["n"]) in ("a", "an"):
            return None  # "a month-long siege": the adjective is "month-long"
    elif g.get("bare"):
        f["n"] = "X"  # "weeks later": some weeks, how many unknown
    if g.get("u"):
        f["u_plural"] = _norm(g["u"]).endswith("s")
    if g.get("half"):
        f["half"] = True
    if g.get("pre"):
        f["pre"] = _norm(g["pre"])
    if g.get("ord"):
        o = parse_ordinal(g["ord"], lx)
        if o is None or o < 1:
            return None
        f["anniv"] = o
    if g.get("every"):
        f["every"] = _norm(g["every"])
    if g.get("freq"):
        f["freq"] = _norm(g["freq"])
    if g.get("adv"):
        f["adv"] = _norm(g["adv"])
    if g.get("pres"):
        f["ref"] = "PRESENT_REF"
    if g.get("past"):
        f["ref"] = "PAST_REF"
    if g.get("fut"):
        f["ref"] = "FUTURE_REF"
    if g.get("hol"):
        f["hol"] = _norm(g["hol"])
    if g.get("per"):
        f["per"] = _norm(g["per"])
    return f


def _mod_of(s: str) -> str:
    t = _norm(s)
    for key, mod in (
        ("first half", "half:1"),
        ("second half", "half:2"),
        ("latter half", "half:2"),
        ("last half", "half:2"),
        ("early", "early"),
        ("beginning", "start"),
        ("start", "start"),
        ("dawn", "start"),
        ("outset", "start"),
        ("turn", "turn"),
        ("first half", "early"),
        ("first part", "early"),
        ("mid", "mid"),
        ("middle", "mid"),
        ("late", "late"),
        ("end", "end"),
        ("close", "end"),
        ("latter", "late"),
        ("second half", "late"),
        ("last", "end"),
        ("spring", "season:SP"),
        ("summer", "season:SU"),
        ("autumn", "season:FA"),
        ("fall", "season:FA"),
        ("winter", "season:WI"),
    ):
        if key in t:
            return mod
    return "mid"


# ----------------------------------------------------------------- guards
_COUNT_AFTER = re.compile(r"[\s\u00a0]*(?:-\s*)?([A-Za-z][A-Za-z-]*|%)")
_TEMPORAL_BEFORE = _PREP_MONTH


def m_has(c: Cand, key: str) -> bool:
    return bool(c.f.get(key))


def _next_word(text: str, end: int) -> str:
    m = _COUNT_AFTER.match(text, end, min(len(text), end + 40))
    return m.group(1).lower() if m else ""


def _prev_text(text: str, start: int, n: int = 30) -> str:
    return text[max(0, start - n) : start]


def _keep(name: str, c: Cand, text: str, lx: Lexicon) -> bool:
    """Context guards that reject readings which are not temporal."""
    f = c.f
    s = text[c.start : c.end]
    if name in ("year", "year_range"):
        nxt = _next_word(text, c.end)
        if nxt in lx.count_nouns:
            return False
        prev = _prev_text(text, c.start, 12)
        if re.search(r"(?:No\.|no\.|#|\$|£|€|page|p\.|pp\.|Nr\.)\s*$", prev):
            return False
        pw = re.search(r"([A-Z][A-Za-z]*)\.?[ \t]+$", prev)
        if pw and pw.group(1) in lx.identifier_nouns:
            return False  # "Resolution 1483", "Flight 1400"
        if name == "year" and not f.get("mod") and not f.get("approx"):
            y = f["y"]
            if not 1000 <= y <= 2100:
                return False
    if name == "apos_year":
        nxt = _next_word(text, c.end)
        if nxt in lx.count_nouns:
            return False
        # a two-digit year needs a temporal context: "in '99", "class of '58"
        if not re.search(
            r"(?i:\b(?:in|of|since|until|by|from|to|and|summer|spring|winter|fall|autumn|season|year)\s*)$",
            _prev_text(text, c.start, 20),
        ):
            return False
    if name == "month":
        word = text[c.start : c.end].split()[-1].strip(".")
        if "mod" not in f:
            prev = _prev_text(text, c.start, 25)
            if word in lx.ambiguous_months or word.lower() in {
                a.lower() for a in lx.ambiguous_months
            }:
                if not _TEMPORAL_BEFORE.search(prev):
                    return False
                if word in ("May", "March") and re.match(
                    r"\s+(?:be|have|not|also|well)\b", text[c.end : c.end + 10]
                ):
                    return False
            # "October Revolution": a month word naming something else
            nx = re.match(r"[ \t]+([A-Z][a-z]+)", text[c.end : c.end + 30])
            names_other = nx and nx.group(1) not in lx.month_names
            if names_other and not _TEMPORAL_BEFORE.search(prev):
                return False
        if re.match(
            r"[ \t]+(?i:revolution|uprising|manifesto|crisis|offensive|days|theses|war|coup|putsch|events)\b",
            text[c.end : c.end + 20],
        ):
            return False
    if name in ("mdy",):
        nxt = _next_word(text, c.end)
        if "y" not in f and (nxt in lx.count_nouns or nxt in lx.units):
            return False
    pod_prev = r"(?i:\b(?:at|by|during|in|through|overnight|all|every|that|of)\s+)$"
    if (
        name == "pod_bare"
        and not m_has(c, "podpre")
        and not re.search(pod_prev, _prev_text(text, c.start, 12))
    ):
        return False
    if name == "season":
        w = f.get("season_word", "")
        if "y" not in f and re.match(
            r"[ \t]+(?i:quarters|palace|residence|games|olympics|wheat|coat|clothing)\b",
            text[c.end : c.end + 14],
        ):
            return False  # "winter quarters": a place or a thing named after the season
        if "y" not in f and "mod" not in f:
            prev = _prev_text(text, c.start, 25)
            ok_prev = re.search(
                r"(?i:\b(?:in|during|by|until|till|that|this|last|next|the|through|throughout|since|before|after|each|every|of|early|late|mid|following|previous|same|and|or)\s*)$",
                prev,
            )
            if w == "fall":
                if not f.get("the") and not ok_prev:
                    return False
                if re.match(r"\s+of\b", text[c.end : c.end + 5]):
                    return False
                if not ok_prev:
                    return False
            elif w == "spring":
                verb_like = re.match(r"\s+(?:of|up|from|into|back)\b", text[c.end : c.end + 8])
                if not (f.get("the") or ok_prev) or verb_like:
                    return False
            if w in ("fall", "spring") and not (f.get("the") or ok_prev or s[0].isupper()):
                return False
            if f.get("the") and re.match(r"\s+of\b", text[c.end : c.end + 5]):
                return False
    if name == "present":
        t = _norm(s)
        if t in ("date",) and not re.search(r"(?i:\bto\s*)$", _prev_text(text, c.start, 6)):
            return False
        if t in ("current", "contemporary", "the present", "the moment"):
            nxt = _next_word(text, c.end)
            if t == "the present" and nxt in ("day",):
                return False
        if t == "this time" and re.match(r"\s+(?:of|around|the)\b", text[c.end : c.end + 8]):
            return False
    if name in ("present", "past", "future") and s[:1].isupper():
        # Title Case inside a line ("Most Recent Beyond The Headlines") is a label
        before = text[max(0, c.start - 3) : c.start]
        if before.strip() and not re.search(r"[.!?:\n\"“]\s*$", before):
            return False
    if name == "past":
        t = _norm(s)
        if t in ("once", "earlier"):
            return False
    if name == "future" and _norm(s) in ("one day", "some day"):
        return False
    if name in ("duration", "duration_pl") and f.get("unit") == "Q":
        # "three quarters of the troops", "in some quarters": a fraction or a place
        if re.match(r"\s+of\b(?!\s+(?:a|the)\s+(?:year|century))", text[c.end : c.end + 20]):
            return False
        pw2 = re.search(r"([A-Za-z]+)\s*$", _prev_text(text, c.start, 20))
        if pw2 and pw2.group(1).lower() in lx.quarter_not_time_before:
            return False
        if re.match(r"(?i)(?:some|certain|many|other|these|those|all)\b", text[c.start : c.end]):
            return False
    if name == "duration_pl" and "pre" not in f:
        prev = _prev_text(text, c.start, 12)
        if not re.search(r"(?i:\b(?:for|within|in|over|after|took|lasted|spent|than)\s+)$", prev):
            return False
    if name in ("duration", "ago", "set_every") and isinstance(f.get("n"), int):
        n = f["n"]
        raw = text[c.start : c.end]
        if n > 10000 and f.get("unit") in ("Y", "DE", "CE"):
            return False
        if re.match(r"(?i)\s*(?:an?|the)\b", raw) and f.get("unit") in ("S", "MIN"):
            return False
    if name == "rel_unit" and f.get("rel", "") == "that" and ("m" in f or "wd" in f):
        return False
    ambiguous_holiday = s.split()[0].lower() in ("independence", "victory", "flag")
    if name == "holiday" and ambiguous_holiday and "y" not in f:
        prev = _prev_text(text, c.start, 10)
        if not re.search(r"(?i:\b(?:on|by|until|since|before|after)\s*)$", prev):
            return False
    return True


def _year_range(c: Cand) -> Cand:
    """'1933-1945' -> a range of two years (TIMEX3 tags each end)."""
    f = c.f
    era = {"era": True} if f.get("era") else {}
    a = Cand(c.start, f["y_end"], "year", {"y": f["y"], **era})
    b = Cand(f["ye_start"], c.end, "year", {"y": f["ye"], **era})
    r = Cand(c.start, c.end, "range", {})
    r.parts = [a, b]
    return r


#: a line this short (stripped) that ends in a single line break is a line of the page's
#: structure (a heading, a date line, an entry), not a line of wrapped prose
_SHORT_LINE = 50
#: stands for a structural line break while matching: no blank (``S``) crosses it, and it
#: is one character, so offsets are kept
_HARD_BREAK = "\x0b"


def _mask_structural_breaks(text: str) -> str:
    """``text`` with each line break that ends a short line ("Also on July 28", a date line
    "25.04.1986" above timed entries) replaced by a character no blank crosses: a date on
    such a line never joins the next line's year or clock time ("July 28\n1914 – ...").
    Wrapped prose keeps its breaks (its lines are long)."""
    if "\n" not in text:
        return text
    out = list(text)
    pos = 0
    for line in text.split("\n")[:-1]:
        end = pos + len(line)
        if line.strip() and len(line.strip()) < _SHORT_LINE:
            out[end] = _HARD_BREAK
        pos = end + 1
    return "".join(out)


def _numeric_range(c: Cand) -> Cand:
    """'07.07–29.07.1987' -> a range of two days of one year."""
    f = c.f
    a = Cand(c.start, f["n2_start"], "dmy", {"y": f["y"], "m": f["m"], "d": f["d"]})
    b = Cand(f["n2_start"], c.end, "dmy", {"y": f["y"], "m": f["m2"], "d": f["d2"]})
    r = Cand(c.start, c.end, "range", {})
    r.parts = [a, b]
    return r


def find_candidates(text: str) -> list[Cand]:
    """All non-overlapping temporal expressions of ``text``, in order (longest match wins)."""
    gr = grammar()
    lx = gr.lx
    found: list[tuple[int, int, int, Cand]] = []
    masked = _mask_structural_breaks(text)
    for prio, (name, rx) in enumerate(gr.rules):
        for m in rx.finditer(masked):
            if m.end() <= m.start():
                continue
            f = _fields(name, m, lx)
            if f is None:
                continue
            c = Cand(m.start(), m.end(), name, f)
            # strip trailing blanks (S may swallow them)
            while c.end > c.start and text[c.end - 1].isspace():
                c.end -= 1
            if not _keep(name, c, text, lx):
                continue
            if name in ("year_range", "year_range_era"):
                c = _year_range(c)
            elif name == "numeric_range":
                c = _numeric_range(c)
            found.append((-(c.end - c.start), prio, c.start, c))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    taken: list[Cand] = []
    # what the longer candidates took, as marks per character (not a sorted list of
    # intervals: inserting into one is quadratic on a page of a hundred thousand dates)
    occupied = bytearray(len(text) + 1)  # 1 where a taken candidate covers the char
    starts = bytearray(len(text) + 1)  # 1 where a taken candidate starts
    empties: list[int] = []  # taken candidates of no length (sorted)
    for _, _, _, c in found:
        a, e = c.start, c.end
        if e > a:
            if occupied.find(1, a, e) >= 0:
                continue
            k = bisect.bisect_left(empties, a)
            if k < len(empties) and empties[k] < e:
                continue
            occupied[a:e] = b"\x01" * (e - a)
            starts[a] = 1
        else:  # taken unless strictly inside a taken candidate
            if 0 < a < len(text) and occupied[a - 1] and occupied[a] and not starts[a]:
                continue
            bisect.insort(empties, a)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return _merge(_dual_dates(taken, masked), masked, lx)


# ----------------------------------------------------------------- merging
_RANGE_SEP = re.compile(rf"^{S}?[-–—]{S}?$|^{S}(?i:to|until|till|through|thru|and|or){S}$")
_FROM_BEFORE = re.compile(r"(?i:\b(?:from|between|since)\s*)$")
_TIME_DATE_SEP = re.compile(
    rf"^(?:{S}(?:[A-Z][a-z]+|(?i:local)){S}(?i:time))?(?:,?{S}(?i:on|of)?{S}?|,{S}?|{S})$"
)
_DATE_TIME_SEP = re.compile(rf"^(?:,?{S}(?i:at|about|around|by)?{S}?|,{S}?|{S}|{S}?-{S}?)$")
_CAL_WORD = (
    r"O\.\s?S\.|N\.\s?S\.|O\.S|N\.S|Old\s+Style|New\s+Style|(?:old|new)\s+style|Julian|Gregorian"
)
#: a calendar mark after a date: "(O.S.)", "[N.S.]", "Old Style" (a bracket must close:
#: "9 October [O.S. 28 September] 1708" is a pair of datings, see :func:`_dual_dates`)
_OS_MARK = re.compile(
    rf"[ \t]*(?:[\(\[][ \t]*(?P<mk>{_CAL_WORD})(?:\s+(?:calendar|date))?[ \t]*[\)\]]"
    rf"|(?P<mk2>{_CAL_WORD})(?:\s+(?:calendar|date))?(?![\w\]\)]))"
)
_DUAL_OPEN = re.compile(rf"[ \t]*[\(\[][ \t]*(?:(?P<mk>{_CAL_WORD})[ \t]*[:,]?[ \t]*)?")
_DUAL_CLOSE = re.compile(rf"[ \t]*(?:(?P<mk>{_CAL_WORD})[ \t]*)?[\)\]]")
_OLD_WORDS = ("o.s", "os", "old", "julian")

_DATEISH = {
    "iso",
    "dmy",
    "mdy",
    "my",
    "month",
    "year",
    "year_era",
    "season",
    "decade",
    "century",
    "numeric",
    "holiday",
    "weekday",
    "dctword",
    "quarter",
    "quarter_q",
    "apos_year",
    "decade_word",
    "millennium",
}
_DAYISH = {"iso", "dmy", "mdy", "numeric", "weekday", "dctword", "holiday"}


def _ns_reading(
    a: Cand, b: Cand, ya: int, yb: int, mark: str | None
) -> tuple[Cand, int, Cand, int] | None:
    """Of two datings of one day, (New Style, its year, Old Style, its year): by the mark
    ("[O.S. 28 September]": the bracket is Old Style), else by the calendars' offset (the
    bracketed day must be the other's Julian reading, either way round)."""
    if mark is not None:
        old = mark.lower().replace(" ", "").startswith(_OLD_WORDS)
        return (a, ya, b, yb) if old else (b, yb, a, ya)
    try:
        if julian_to_gregorian(ya, a.f["m"], a.f["d"]) == (yb, b.f["m"], b.f["d"]):
            return b, yb, a, ya
        if julian_to_gregorian(yb, b.f["m"], b.f["d"]) == (ya, a.f["m"], a.f["d"]):
            return a, ya, b, yb
    except (ValueError, KeyError):
        return None
    return None


def _dual_dates(cands: list[Cand], text: str) -> list[Cand]:
    """A day given in both calendars is one date, the New Style one ("9 October [O.S. 28
    September] 1708", "27 June (8 July) 1709", "October 25 (November 7), 1917"): the Old
    Style reading is kept in ``f["os"]``. Without a mark, the two days must be a Julian day
    and its Gregorian equivalent."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is None or a.rule not in ("dmy", "mdy") or b.rule not in ("dmy", "mdy"):
            out.append(a)
            i += 1
            continue
        op = _DUAL_OPEN.fullmatch(text, a.end, b.start)
        cl = _DUAL_CLOSE.match(text, b.end)
        if op is None or cl is None or "d" not in a.f or "d" not in b.f:
            out.append(a)
            i += 1
            continue
        end = cl.end()
        year = None
        c = cands[i + 2] if i + 2 < len(cands) else None
        if c is not None and c.rule == "year" and re.fullmatch(r",?[ \t]*", text[end : c.start]):
            year = c.f["y"]
        ya, yb = a.f.get("y", year), b.f.get("y", year)
        if ya is None and yb is not None:
            ya = yb
        if yb is None and ya is not None:
            yb = ya
        if not isinstance(ya, int) or not isinstance(yb, int):
            out.append(a)
            i += 1
            continue
        got = _ns_reading(a, b, ya, yb, op.group("mk") or cl.group("mk"))
        if got is None:
            out.append(a)
            i += 1
            continue
        ns, ny, os_, oy = got
        # the mention keeps the first day's span (the bracket is an aside of it)
        merged = Cand(a.start, a.end, "dmy", {"y": ny, "m": ns.f["m"], "d": ns.f["d"]})
        merged.f["cal"] = "gregorian"
        merged.f["os"] = (oy, os_.f["m"], os_.f["d"])
        skip = 3 if year is not None and "y" not in a.f and "y" not in b.f else 2
        out.append(merged)
        i += skip
    return out


def _merge(cands: list[Cand], text: str, lx: Lexicon) -> list[Cand]:
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        # calendar marker right after a date: "25 October 1917 (O.S.)"
        if c.rule in _DATEISH:
            mk = _OS_MARK.match(text, c.end, min(len(text), c.end + 30))
            if mk and (nxt is None or nxt.start >= mk.end()):
                word = (mk.group("mk") or mk.group("mk2")).lower().replace(" ", "")
                c.f["cal"] = "julian" if word.startswith(_OLD_WORDS) else "gregorian"
                c.end = mk.end()
                if (
                    nxt is not None
                    and nxt.rule == "year"
                    and "y" not in c.f
                    and "d" in c.f
                    and re.fullmatch(r",?[ \t]*", text[c.end : nxt.start])
                ):
                    # "2 March (O.S.) 1917": the year after the mark is the date's
                    c.f["y"] = nxt.f["y"]
                    c.end = nxt.end
                    out.append(c)
                    i += 2
                    continue
        if nxt is not None:
            between = text[c.end : nxt.start]
            # "the night of 10 August 1792", "the morning of April 19"
            if (
                c.rule == "pod_bare"
                and nxt.rule in _DAYISH
                and re.fullmatch(rf"{S}(?i:of){S}", between)
            ):
                merged = Cand(
                    c.start,
                    nxt.end,
                    "pod_date",
                    {**nxt.f, "pod": c.f["pod"], "kind": "TIME", "date_rule": nxt.rule},
                )
                out.append(merged)
                i += 2
                continue
            # time + date: "ten minutes before midnight on Nov. 16"
            if (
                c.f.get("kind") == "TIME"
                and c.rule.startswith("clock")
                and nxt.rule in _DAYISH
                and _TIME_DATE_SEP.match(between)
            ):
                merged = Cand(
                    c.start,
                    nxt.end,
                    "time_date",
                    {
                        **nxt.f,
                        **{k: v for k, v in c.f.items() if k in ("hh", "mi", "ss", "tz", "kind")},
                    },
                )
                merged.f["date_rule"] = nxt.rule
                if re.search(r"(?i)\bon\b", between):
                    merged.f["split"] = (c.end, nxt.start)
                out.append(merged)
                i += 2
                continue
            # date + time: "November 16, 2011 05:00 AM", "Saturday at 3 p.m."
            if (
                c.rule in _DAYISH
                and nxt.rule.startswith("clock")
                and _DATE_TIME_SEP.match(between)
                and "hh" not in c.f
            ):
                merged = Cand(
                    c.start,
                    nxt.end,
                    "time_date",
                    {
                        **c.f,
                        **{k: v for k, v in nxt.f.items() if k in ("hh", "mi", "ss", "tz", "kind")},
                    },
                )
                merged.f["date_rule"] = c.rule
                out.append(merged)
                i += 2
                continue
            # "N days after 16 November 1933"
            if (
                c.rule == "ago"
                and c.f.get("rel") in ("after", "before", "since", "prior to")
                and nxt.rule in _DATEISH
                and re.fullmatch(rf"(?:{S}(?i:the))?{S}?", between)
            ):
                merged = Cand(c.start, nxt.end, "offset_date", dict(c.f))
                merged.parts = [nxt]
                out.append(merged)
                i += 2
                continue
            # two adjacent date cells of a table row ("| X War | 1853 | 1856 |"): its start
            # and end columns
            if (
                c.rule in _DATEISH
                and nxt.rule in _DATEISH
                and _CELL_SEP.fullmatch(between)
                and text[text.rfind("\n", 0, c.start) + 1 :].lstrip().startswith("|")
                and _compatible_range(c, nxt)
                and _cell_is_date(text, c.start, nxt.end)
            ):
                merged = Cand(c.start, nxt.end, "range", {})
                merged.parts = [c, nxt]
                out.append(merged)
                i += 2
                continue
            # "April 18 - 1906" (a heading's dashes): the year completes the day
            if (
                c.rule in ("dmy", "mdy")
                and "y" not in c.f
                and "d" in c.f
                and nxt.rule == "year"
                and re.fullmatch(r"[ \t]*[-–—][ \t]*", between)
            ):
                c.f["y"] = nxt.f["y"]
                c.end = nxt.end
                out.append(c)
                i += 2
                continue
            # ranges: "1936 to 1938", "from March to June 1933", "November 15-16"
            if c.rule in _DATEISH and nxt.rule in _DATEISH and _RANGE_SEP.match(between):
                sep = between.strip().lower()
                has_from = bool(_FROM_BEFORE.search(text[max(0, c.start - 10) : c.start]))
                dash = sep in ("-", "–", "—")
                ok = (
                    has_from
                    and sep in ("to", "until", "till", "through", "thru", "and", "-", "–", "—")
                ) or (dash and c.rule != "weekday")
                if ok and _compatible_range(c, nxt):
                    merged = Cand(c.start, nxt.end, "range", {})
                    merged.parts = [c, nxt]
                    out.append(merged)
                    i += 2
                    continue
        out.append(c)
        i += 1
    return out


_CELL_SEP = re.compile(r"[ \t]*\|[ \t]*")


def _cell_is_date(text: str, start: int, end: int) -> bool:
    """Each of the two cells holds nothing but its date (the row's bars around them)."""
    before = text[max(0, start - 3) : start]
    after = text[end : end + 3]
    return before.rstrip(" \t").endswith("|") and after.lstrip(" \t").startswith("|")


def _compatible_range(a: Cand, b: Cand) -> bool:
    """Both ends name the same kind of thing (two years, two days, month and month...)."""
    if a.rule in ("weekday", "dctword") or b.rule in ("weekday", "dctword"):
        return a.rule == b.rule
    if "y" in a.f and "y" in b.f and isinstance(a.f["y"], int) and isinstance(b.f["y"], int):
        return bool(b.f["y"] >= a.f["y"] or a.f.get("era") or b.f.get("era"))
    return True
