"""The tagger: find temporal expressions with regular expressions compiled from the
language data (``time/data/lexicon.yaml`` etc.) and parse them into fields.

It does not resolve anything: :mod:`histograph.time.normalise` turns the candidates into
values using the document context. Each rule is a regular expression whose named groups
share one vocabulary (``y`` year, ``mo`` month word, ``dd`` day, ``wd`` weekday, ...), so
that one field reader (:func:`_fields`) serves every rule.

This module holds the entry point, :func:`find_candidates`, and the guards that drop
matches that are not dates (counts, scores, ...). The grammar is in :mod:`.tag_grammar`,
the field reader in :mod:`.tag_fields`, the merging of neighbours in :mod:`.tag_merge`.
"""

from __future__ import annotations

import bisect
import re

from .lexicon import Lexicon
from .prefilter import folded, gate, may_match
from .tag_fields import _PREP_MONTH, _fields, _norm
from .tag_grammar import Cand, Grammar, S, grammar
from .tag_merge import _dual_dates, _merge

# the names other modules and tests import from here (the pieces moved out stay importable)
__all__ = [
    "Cand",
    "Grammar",
    "S",
    "_dual_dates",
    "_fields",
    "_keep",
    "_mask_structural_breaks",
    "_merge",
    "_numeric_range",
    "_year_range",
    "find_candidates",
    "grammar",
]


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


#: a Markdown heading's marker right before the text ("## 1849"): a heading, not a number sign
_MD_HEADING_MARK = re.compile(r"(?:^|\n)[ \t]*#{1,6}[ \t]+$")


def _keep(name: str, c: Cand, text: str, lx: Lexicon) -> bool:
    """Context guards that reject readings which are not temporal."""
    f = c.f
    s = text[c.start : c.end]
    if name in ("year", "year_range"):
        nxt = _next_word(text, c.end)
        if nxt in lx.count_nouns:
            return False
        prev = _prev_text(text, c.start, 12)
        if re.search(r"(?:No\.|no\.|#|\$|£|€|page|p\.|pp\.|Nr\.)\s*$", prev) and not (
            _MD_HEADING_MARK.search(_prev_text(text, c.start, 12))
            and (c.start <= 12 or "\n" in _prev_text(text, c.start, 12))
        ):
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
    low = folded(masked)
    for prio, (name, rx) in enumerate(gr.rules):
        if not may_match(gate(rx), low):
            continue  # the page holds none of the words every match of the rule needs
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
