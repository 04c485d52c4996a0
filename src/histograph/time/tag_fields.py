"""The tagger's field reader: turns one rule's match into fields (year, month, day,
weekday, era, modifier, numbers in words or figures, ordinals) with one function,
:func:`_fields`, for every rule, since all rules share the group vocabulary of
:mod:`.tag_grammar`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .lexicon import Lexicon

# ----------------------------------------------------------------- field reading
_WS = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 14)
def _norm(s: str) -> str:
    """``s`` in lower case with its blanks one space (a match's groups repeat: "May",
    "the", "early", each read many times a page)."""
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
