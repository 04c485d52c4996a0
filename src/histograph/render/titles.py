"""Event headlines and plain text for readers.

:func:`plain` turns a source's Markdown (list markers, ``**bold**``, ``[links](…)``,
headings) into the text a reader sees, using markdown-it-py's parser rather than patterns.
:func:`headline` turns the clause that states an event into a short headline in the manner
of an on-this-day page: its own words, without the date label or connective in front, with
the event's agent in place of a pronoun or a missing subject, cut at a clause boundary.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from importlib import resources
from typing import Any

from markdown_it import MarkdownIt

from ..datafile import load_yaml
from ..model import Event, EventMention

QuoteFn = Callable[[str, int, int], str]

#: longest headline before it is cut (at a word boundary, with an ellipsis)
MAX_CHARS = 110
_MONTHS = {m.lower() for m in calendar.month_name if m} | {
    m.lower().rstrip(".") for m in calendar.month_abbr if m
}


@functools.lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark")


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    text = resources.files("histograph").joinpath("data", "headlines.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list)}


def _inline_text(children: list[Any]) -> str:
    out: list[str] = []
    for t in children:
        if t.type in ("text", "code_inline", "html_inline"):
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif t.type == "image":
            out.append(t.content)
    return "".join(out)


@functools.lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """Text as a reader sees it: Markdown syntax removed, whitespace collapsed.

    A ``- **October 1933:** …`` list item reads ``October 1933: …``; ``[a](url)`` reads
    ``a``. Offsets are not kept: this is for display only (quotes keep their source span)."""
    if not any(c in text for c in "*_`[#>-+|!<\\") and not re.search(r"^\s*\d+[.)]\s", text):
        return " ".join(text.split())
    tokens = _md().parse(text)
    parts = [_inline_text(t.children or []) for t in tokens if t.type == "inline"]
    shown = " ".join(p for p in parts if p.strip())
    return " ".join(shown.split()) if shown.strip() else " ".join(text.split())


def _first_word(s: str) -> str:
    m = re.match(r"[\w’']+", s)
    return m.group(0).lower() if m else ""


def _drop_word(s: str) -> str:
    return re.sub(r"^[\w’']+[,]?\s*", "", s, count=1)


def _is_date_word(w: str) -> bool:
    w = w.lower().strip(",.")
    return (
        bool(re.fullmatch(r"\d{1,4}(?:s|st|nd|rd|th)?|\d{1,2}[-–]\d{1,2}", w))
        or w in _MONTHS
        or w in _words()["date_words"]
    )


def _strip_label(s: str) -> str:
    """``November 15, 1933: Roosevelt …`` / ``Formal Recognition: On …`` -> the rest."""
    m = re.match(r"^([^:.;!?]{1,40}):\s+(?=\S)", s)
    if m and len(m.group(1).split()) <= 5 and len(s[m.end():].split()) >= 3:
        return s[m.end():]
    return s


def _strip_date_phrase(s: str) -> str:
    """``In October 1933, Roosevelt …`` / ``in 1987 President Reagan …`` /
    ``Within a year, on 3 October 1990, …`` -> the clause."""
    words = s.split()
    preps = _words()["date_prepositions"]
    n = 0
    has_date = False
    ended_by_comma = False
    while n < len(words) and words[n].lower() in preps:
        n += 1
        ended_by_comma = False
        last = n  # the phrase ends after its last number, month or comma
        while n < len(words) and n < 14 and _is_date_word(words[n]):
            w = words[n].lower().strip(",.")
            dated = bool(re.search(r"\d", w)) or w in _MONTHS
            has_date = has_date or dated
            n += 1
            if dated or words[n - 1].endswith(","):
                last = n
            if words[n - 1].endswith(","):
                ended_by_comma = True
                # "November 16, 1933," goes on to the year; "a year, on …" to the next phrase
                if n < len(words) and re.fullmatch(r"\d{3,4},?", words[n]):
                    continue
                break
        if not ended_by_comma:
            n = last
            break
    if not has_date or n == 0 or n >= len(words) - 1:
        return s
    rest = " ".join(words[n:])
    if ended_by_comma or rest[:1].isupper():
        return rest
    return s


def _strip_framing(s: str) -> str:
    """``Thirty years ago tonight, on 9 November 1989, …`` -> ``on 9 November 1989, …``."""
    m = re.match(r"^([^,;:]{1,50}),\s+(?=\S)", s)
    if not m or len(m.group(1).split()) > 6 or len(s[m.end():].split()) < 3:
        return s
    words = {w.lower() for w in re.findall(r"[\w’']+", m.group(1))}
    return s[m.end():] if words & _words()["framing_words"] else s


def _agent(mention: EventMention | None, roles: tuple[str, ...] = ("agent",)) -> str | None:
    if mention is None:
        return None
    for role in roles:
        for p in mention.participants:
            if p.role == role and p.name[:1].isupper() and not p.name.endswith(("’s", "'s")):
                return p.name
    return None


def _cut(s: str) -> str:
    """Cut a long clause at a clause boundary (``, paving``, ``; ``, ``, and``), else at a word."""
    if len(s) <= MAX_CHARS:
        return s
    for m in re.finditer(r"(?:;|:| —| –|, (?:and|but|which|while|paving|ending|marking|making|"
                         r"leading|where|who|after|as|with)\b)", s):
        if 40 <= m.start() <= MAX_CHARS:
            return s[: m.start()].rstrip(",;: ")
    cut = s.rfind(" ", 0, MAX_CHARS - 3)
    return s[: cut if cut > 40 else MAX_CHARS - 3].rstrip(",;: ") + "…"


def _opens_with_verb(s: str, verb: str) -> str | None:
    """How a clause opens with the event's own verb ``verb`` (the trigger's words), lacking
    its subject: ``"active"`` ("declares …"), ``"passive"`` ("was removed …", "was later
    removed …"), else None."""
    words = [w.lower() for w in re.findall(r"[\w’'-]+", s[:80])]
    v = verb.split()[0].lower() if verb.split() else ""
    if not words or not v or not s[:1].islower():
        return None
    if words[0] == v:
        return "active"
    aux = _words()["auxiliaries"]
    k = 0
    while k < len(words) and k < 3 and words[k] in aux:
        k += 1
    if k == 0:
        return None
    if k < len(words) and words[k] != v and len(words) > k + 1 and words[k].endswith("ly"):
        k += 1  # "was later removed"
    if k >= len(words) or words[k] != v:
        return None
    return "passive" if words[k - 1] in _words()["passive_auxiliaries"] else "active"


#: types whose entry may be a bare title ("President of X, 1981–1989": a tenure)
_TENURE_TYPES = frozenset({"took_office", "appoint_ambassador"})


def _entry_head(s: str, verb: str) -> str | None:
    """How a clause that opens an entry (capitalised) starts with the event's own word
    ``verb``: ``"verb"`` for a past or third-person verb form ("Led …", "Serves …"), else
    ``"noun"`` (a title: "President of …"); None when it does not start with it."""
    v = verb.split()[0] if verb.split() else ""
    first = re.match(r"[\w’'-]+", s)
    if not v or first is None or first.group(0) != v or not v[:1].isupper():
        return None
    low = v.lower()
    if low in _words()["past_verbs"] or re.fullmatch(r"[a-z]+(?:ed|es)", low):
        return "verb"
    return "noun"


def sentence_subject(before: str) -> str | None:
    """The noun phrase opening the sentence a clause continues (``before``: the source's
    text before the clause): "The bridge" of "… . The bridge stood for a century and", up to
    the sentence's first verb (an auxiliary, a past tense) and of at most five words."""
    tail = re.split(r"(?:[.!?][\"”’)]?\s+|\n)", before)[-1].strip()
    words = tail.split()
    if len(words) < 3 or not words[0][:1].isupper() or words[-1].lower() not in {"and", "but"}:
        return None
    w = _words()
    for n, word in enumerate(words[:6]):
        low = word.lower()
        if n and (low in w["auxiliaries"] or low in w["past_verbs"] or re.fullmatch(r"[a-z]+ed", word)):
            np = " ".join(words[:n])
            if "," in np or np.split()[0].lower() in w["subject_pronouns"] | w["relative_pronouns"]:
                return None
            return np
    return None


def headline_text(
    clause: str,
    mention: EventMention | None = None,
    verb: str | None = None,
    subject: str | None = None,
) -> str:
    """The headline of one clause (``mention`` gives its participants, for pronouns).

    ``verb`` is the event's trigger as written: a clause opening with it (or with an
    auxiliary and it) lacks its subject, which is the mention's agent (for a passive, what
    was acted on), else ``subject``, the noun phrase the source's sentence opens with."""
    words = _words()
    s = plain(clause).strip().strip("\"“”")
    s = _strip_label(s)
    s = _strip_framing(s)
    s = _strip_date_phrase(s)
    for _ in range(3):  # "and then when …"
        w = _first_word(s)
        if w in words["connectives"] and len(s.split()) > 3:
            s = _drop_word(s)
            s = _strip_date_phrase(s)
        else:
            break
    w = _first_word(s)
    agent = _agent(mention)
    agents = {p.name for p in mention.participants if p.role == "agent"} if mention else set()
    voice = _opens_with_verb(s, verb) if verb else None
    entry = _entry_head(s, verb) if verb and voice is None else None
    if entry == "noun" and (mention is None or mention.type not in _TENURE_TYPES):
        entry = None  # "Elections were held": a nominal event opening a sentence keeps it
    if entry is not None and agent and agent.lower() not in s.lower():
        # a cast-list entry after its label ("Name (…): Led X from 1971", "Name (President
        # of X, 1981–1989)"): the label's person is the subject, the entry's first word
        # lower-cased when it is a verb, an apposition after a comma when it is a title
        s = f"{agent} {s[:1].lower()}{s[1:]}" if entry == "verb" else f"{agent}, {s}"
    elif voice is not None:
        roles = ("patient", "agent") if voice == "passive" else ("agent",)
        if voice == "passive" and re.search(r"\bby\b", s):
            roles = ("patient",)
        who = _agent(mention, roles) or subject
        if who and who.lower() not in s.lower():
            s = f"{who} {s}"
    elif (w in words["relative_pronouns"] and agent) or (w in words["subject_pronouns"] and agent and len(agents) == 1):
        s = agent + " " + _drop_word(s)
    elif w in words["possessive_pronouns"]:
        owner = _agent(mention, ("patient", "agent", "party"))
        if owner:
            s = f"{owner}’s " + _drop_word(s)
    elif (
        s[:1].islower()
        and w not in words["noun_phrase_openers"]
        and w not in words["subject_pronouns"] | words["relative_pronouns"]
        and agent
        and agent.lower() not in s.lower()
        and not re.match(r"^[\w’']+(?:ing|ion|ment|ure|ance|ence|al|s)\b", s)
    ):
        s = agent + " " + s
    s = re.sub(r"(?:,|;|:|\s(?:and|but|or))\s*$", "", s.rstrip(" …")).rstrip(",;: ")
    s = re.sub(r"\s+[-–—]\s+[^-–—]{0,30}\d{3,4}$", "", s)  # "… – November 17, 1933"
    if s.endswith(".") and not re.search(r"(?:\b[A-Z]\.){2,}$|\b(?:St|Jr|Sr|Inc|Co)\.$", s):
        s = s[:-1]
    s = _cut(s)
    return s[:1].upper() + s[1:] if s else s


def representative(e: Event, quote: QuoteFn) -> EventMention | None:
    """The mention whose clause the stored title was made from, if any."""
    head = plain(e.title.rstrip("…")).lower()[:30]
    texts = [(m, plain(quote(m.doc_id, m.start, m.end))) for m in e.mentions]
    exact = plain(e.title.rstrip("…"))[:30]
    for m, text in texts:
        if text.startswith(exact):
            return m
    for m, text in texts:
        if text.lower().startswith(head):
            return m
    return None


def headline(e: Event, quote: QuoteFn | None = None) -> str:
    """The headline of an event, from its own clause; ``quote`` reads source spans (without
    it, the stored title is the clause)."""
    if quote is None:
        m = e.mentions[0] if e.mentions else None
        return headline_text(e.title, m) or e.title
    m = representative(e, quote)
    if m is None:  # the title is not a mention's clause: it is the headline's text
        return headline_text(e.title, e.mentions[0] if e.mentions else None) or plain(e.title)
    clause = quote(m.doc_id, m.start, m.end)
    verb = quote(m.doc_id, m.trigger_start, m.trigger_end) if m.start <= m.trigger_start else ""
    subject = None
    if verb and _opens_with_verb(plain(clause).strip(), verb):
        subject = sentence_subject(quote(m.doc_id, max(0, m.start - 300), m.start))
    return headline_text(clause, m, verb, subject) or plain(e.title)
