"""Where an event mention's trigger stands in its sentence: main clause or embedded.

When several mentions of one event merge, the event's title should come from one whose own
main clause states it ("The treaty is signed in Paris"), not from a sentence that tells the
event in passing inside a relative clause ("The envoy, who had signed the treaty a week
before, later said ..."), a parenthesis, or a subordinate clause ("After the treaty was
signed, the army ..."). :func:`embedded` answers that from the words of the sentence alone
(merging has no parse): the clause openers are listed in ``data/clauses.yaml``.

An entry line or heading (a list item, a title) heads its own line, so it is never embedded.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ..datafile import load_yaml
from ..model import EventMention

__all__ = ["embedded"]

_OWN_LINE = frozenset({"title", "heading", "list_item"})
#: the end of the sentence before (a full stop, ! or ? and a space, or a line break)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n")
_WORD = re.compile(r"[A-Za-z]+")


@functools.lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("histograph").joinpath("data", "clauses.yaml").read_text("utf-8")
    data = load_yaml(text)
    return (
        frozenset(str(w).lower() for w in data["relative_openers"]),
        frozenset(str(w).lower() for w in data["subordinators"]),
    )


def _first_word(s: str) -> str:
    w = _WORD.search(s)
    return w.group(0).lower() if w and not s[: w.start()].strip(" \t\"'") else ""


def embedded(text: str, m: EventMention) -> bool:
    """True when ``m``'s trigger sits inside a relative clause, a parenthesis or a
    subordinate clause of its sentence, rather than in the main clause or an entry line."""
    if m.region_kind in _OWN_LINE or not text or m.trigger_start > len(text):
        return False
    relative, subordinate = _words()
    # the sentence holding the trigger, from its start to the trigger
    lo = max(0, min(m.start, m.trigger_start) - 400)
    head = text[lo : m.trigger_start]
    ends = list(_SENTENCE_END.finditer(head))
    prefix = head[ends[-1].end() :] if ends else head
    # an open parenthesis or dash pair before the trigger
    if prefix.count("(") > prefix.count(")"):
        return True
    segments = re.split(r"[,;]|\s[–—]\s", prefix)
    last = segments[-1]
    opener = _first_word(last)
    if len(segments) > 1 and (opener in relative or opener in subordinate):
        return True
    # a fronted subordinate clause that a comma closes after the trigger
    whole = bool(ends) or lo == 0  # the prefix starts where the sentence does
    if len(segments) == 1 and whole and opener in subordinate:
        rest = text[m.trigger_end : m.trigger_end + 300]
        stop = _SENTENCE_END.search(rest)
        return "," in (rest[: stop.start()] if stop else rest)
    return False
