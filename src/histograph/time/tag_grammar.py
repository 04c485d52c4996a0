"""The tagger's grammar: the candidate type (:class:`Cand`), the blank between words
(:data:`S`), and the regular expressions of every rule, compiled once from the language
data (``time/data/lexicon.yaml`` etc.) by :func:`grammar`. The rules' named groups share
one vocabulary (``y`` year, ``mo`` month word, ``dd`` day, ``wd`` weekday, ...) that
:mod:`.tag_fields` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

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
    # an abbreviation is a name that begins a longer name of a month ("Sept", "Sep" of
    # "September"): it may take a full stop ("Sept. 11")
    full_months = [
        n for n in lx.month_names if not any(o != n and o.startswith(n) for o in lx.month_names)
    ]
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
