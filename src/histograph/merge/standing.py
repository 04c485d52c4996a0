"""Where an event mention's trigger stands in its sentence: main clause or embedded.

When several mentions of one event merge, the event's title should come from one whose own
main clause states it ("The treaty is signed in Paris"), not from a sentence that tells the
event in passing inside a relative clause ("The envoy, who had signed the treaty a week
before, later said ..."), a parenthesis, or a subordinate clause ("After the treaty was
signed, the army ..."). :func:`embedded` answers that from the words of the sentence
alone (merging has no parse); the clause openers are listed in ``data/clauses.yaml``.
:func:`states` adds that the mention is more than a label ("negotiations", "the crisis").

An entry line or heading (a list item, a title) heads its own line, so it is never embedded.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ..datafile import load_yaml
from ..model import EventMention

__all__ = ["embedded", "states"]

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
    # the mention's own clause, cut from the sentence, opens with a relative or subordinator
    if len(prefix) > m.trigger_start - m.start > 0:
        own = _first_word(text[m.start : m.trigger_start])
        if own in relative or own in subordinate:
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


def states(text: str, m: EventMention) -> bool:
    """True when ``m`` states its event in a clause of its own: not :func:`embedded`, and
    more than a label. A label is a span of fewer than three words ("negotiations"), or a
    short one ending at its trigger ("the royal assent", "the economic crisis"); merging has
    no parse to tell such a noun phrase from a short clause ("the bridge fell"), so both are
    labels: they are not preferred, which leaves the choice as it was."""
    words = len(_WORD.findall(text[m.start : m.end]))
    label = words < 3 or (words <= 4 and not _WORD.search(text[m.trigger_end : m.end]))
    return not label and not embedded(text, m)
