"""Time zones: times of day with a zone are instants, and a date read "in Japan" or "local
time" is a clock reading of its own.

- :func:`zone_offset`: minutes east of UTC of a zone written after a time ("EST", "GMT",
  "Moscow time"), from ``time/data/zones.yaml``;
- :func:`instant`: minutes since the epoch of day 0 of a day number, a time of day and a zone,
  so two readings of one moment in two zones compare equal;
- :func:`names_other_clock`: whether a short phrase (the words around a second date, "(8
  December in Japan)") says that date is read on another clock.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..datafile import load_yaml

__all__ = ["instant", "names_other_clock", "zone_offset", "zoned_clock"]


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, int], tuple[str, ...]]:
    raw = load_yaml(
        resources.files("histograph").joinpath("time/data/zones.yaml").read_text("utf-8")
    )
    offsets = {str(k).lower(): int(v) for k, v in raw["offsets"].items()}
    cues = tuple(str(c).lower() for c in raw["cues"])
    return offsets, cues


def zone_offset(name: str) -> int | None:
    """Minutes east of UTC of a written zone ("EST" -> -300), or None when unknown."""
    return _data()[0].get(" ".join(name.lower().replace(".", "").split()))


def instant(day: int, minutes: int, zone: str | None) -> int | None:
    """Minutes since the start of day number 0 in UTC of a clock reading in ``zone``; None
    when the zone is unknown (a time without a zone is no instant)."""
    if zone is None:
        return None
    off = zone_offset(zone)
    if off is None:
        return None
    return day * 1440 + minutes - off


_WORD = re.compile(r"[a-z]+")


def names_other_clock(phrase: str) -> bool:
    """True when ``phrase`` ("8 December in Japan", "local time", "9 a.m. GMT") reads a date or
    time on a named clock: a zone, a cue such as "local time", or "in" + a capitalised place."""
    low = phrase.lower()
    offsets, cues = _data()
    words = _WORD.findall(low)
    joined = " ".join(words)
    if any(re.search(rf"\b{re.escape(z)}\b", joined) for z in offsets if len(z) > 1):
        return True
    multi = [c for c in cues if " " in c]
    if any(c in joined for c in multi):
        return True
    # "in Japan", "in Asian time zones": "in" followed by a capitalised word
    return bool(re.search(r"\bin\s+(?:the\s+)?[A-Z]", phrase))


@lru_cache(maxsize=1)
def _clock_re() -> re.Pattern[str]:
    zones = sorted(_data()[0], key=len, reverse=True)
    names = "|".join(re.escape(z).replace(r"\ ", r"\s+") for z in zones if len(z) > 1)
    return re.compile(
        rf"\b(\d{{1,2}})[:.](\d{{2}})\s*(?:([ap])\.?\s?m\b\.?)?\s*(?:\(\s*)?({names})\b",
        re.I,
    )


def zoned_clock(text: str) -> tuple[int, str, int, int] | None:
    """The first time of day written with a zone in ``text`` ("11:30 p.m. EST", "04:30
    GMT"): (minutes after midnight, zone, start, end), or None."""
    m = _clock_re().search(text)
    if m is None:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if m.group(3):
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m.group(3).lower() == "p" else 0)
    if h > 23 or mi > 59:
        return None
    return h * 60 + mi, m.group(4), m.start(), m.end()
