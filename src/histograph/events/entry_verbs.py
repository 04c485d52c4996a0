"""The historical present of a dated chronology entry that the tagger read as a noun.

"1630 – Swedish forces land in Pomerania", "1918 – The emperor abdicates", "1631 – Imperial
troops sack the town": after a leading date label the entry is a clause in the present tense,
but a small tagger reads the plural subject as a compound of a noun "land", the verb
"abdicates" as a plural noun, or hangs the object as the root. Such an entry then has no
verbal trigger, and the fallback makes it an untyped act.

The signal is narrow: only on a line that opens with a date label, only the first word after
a subject (a run of determiners, adjectives, nouns and names ending in a noun or name), only
when that word is a present-tense form of a verb lemma that ``event_types.yaml`` lists, and
only when the parse gave that word no trigger of its own. The verb's spec is checked against
the words of the entry (its subject run, the words after it, the objects of a preposition it
names), since the parse's arcs are the ones that went wrong.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .triggers import LabelOf, Trigger, expand_labels, trigger_index
from .types import EventTypes, VerbSpec

#: tags a subject run may hold ("Swedish forces", "The Holy Roman Emperor", "Parliament")
_SUBJECT_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "HYPH", "PRP$"})
#: tags of the word that ends a subject run
_SUBJECT_END = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})
#: tags a present-tense verb may wrongly carry in such an entry (or rightly, but unparsed)
_VERB_TAGS = frozenset({"NN", "NNS", "VBP", "VBZ", "VB"})
#: the longest subject run read (words)
_MAX_SUBJECT = 6


def _lemma_of(t: Token, verbs: dict[str, list[tuple[int, str, int, VerbSpec]]]) -> str | None:
    """The verb lemma a present-tense form names ("abdicates" -> abdicate, "carries" ->
    carry, "marches" -> march, "land" -> land), if the YAML lists it."""
    w = t.lower_
    for cand in (
        w,
        w[:-3] + "y" if w.endswith("ies") else "",
        w[:-2] if w.endswith("es") else "",
        w[:-1] if w.endswith("s") else "",
    ):
        if cand and cand in verbs:
            return cand
    return None


def _words_ok(
    toks: list[Token], words: frozenset[str], labels: frozenset[str], label_of: LabelOf
) -> bool:
    wanted = expand_labels(labels) if labels else frozenset()
    return any(
        x.lower_ in words or x.lemma_.lower() in words or (wanted and label_of(x) in wanted)
        for x in toks
    )


def _window(toks: list[Token], k: int) -> list[Token]:
    """The words from ``k`` up to the next preposition or punctuation."""
    out: list[Token] = []
    for x in toks[k:]:
        if x.is_punct or x.tag_ in {"IN", "TO"}:
            break
        out.append(x)
    return out


def _spec_ok(
    spec: VerbSpec, subj: list[Token], toks: list[Token], k: int, label_of: LabelOf
) -> bool:
    if spec.passive_only or spec.subject_modifiers:
        return False
    after = toks[k + 1 :]
    if spec.particle and not any(x.lower_ in spec.particle for x in after[:2]):
        return False
    obj = _window(toks, k + 1)
    if spec.intransitive and obj:
        return False
    if (spec.objects or spec.object_labels) and not _words_ok(
        obj, spec.objects, spec.object_labels, label_of
    ):
        return False
    if (spec.subjects or spec.subject_labels) and not _words_ok(
        subj, spec.subjects, spec.subject_labels, label_of
    ):
        return False
    if spec.preps:
        for j, x in enumerate(after):
            wanted = spec.preps.get(x.lower_)
            if wanted is None:
                continue
            words = frozenset(w for w in wanted if not w.isupper())
            labels = frozenset(w for w in wanted if w.isupper())
            if _words_ok(_window(after, j + 1), words, labels, label_of):
                return True
        return False
    return True


def _best_trigger(
    et: EventTypes,
    specs: list[tuple[int, str, int, VerbSpec]],
    toks: list[Token],
    k: int,
    label_of: LabelOf,
) -> Trigger | None:
    """The verbal trigger at ``toks[k]`` of the highest-ranked type among ``specs`` (a
    lemma's verb specs) whose spec fits the subject ``toks[:k]`` and the entry's words."""
    t = toks[k]
    best: tuple[int, str] | None = None
    for _n, tid, _j, spec in specs:
        if _spec_ok(spec, toks[:k], toks, k, label_of):
            rank = et.types[tid].priority + spec.priority + 10 * spec.constrained
            if best is None or rank > best[0]:
                best = (rank, tid)
    return None if best is None else Trigger(best[1], t.i, t.i, t.i + 1, "verbal", True)


def entry_present_verb(
    sent: Span, entry_start: int, et: EventTypes, label_of: LabelOf, taken: set[int]
) -> Trigger | None:
    """The typed present-tense verb of a dated entry whose text starts at character
    ``entry_start`` of the sentence's doc (after its date label), when the parse gave it no
    trigger (its index not in ``taken``); None otherwise."""
    toks = [t for t in sent if t.idx >= entry_start and not t.is_space]
    while toks and (toks[0].is_punct or toks[0].text in {"**", "__"}):
        toks = toks[1:]
    verbs, _nouns = trigger_index(et)
    if not toks or toks[0].tag_ not in _SUBJECT_TAGS | _SUBJECT_END:
        return None
    for k in range(1, min(len(toks), _MAX_SUBJECT + 1)):
        t = toks[k]
        prev = toks[k - 1]
        if t.tag_ in _VERB_TAGS and prev.tag_ in _SUBJECT_END and t.i not in taken:
            lemma = _lemma_of(t, verbs)
            if lemma is not None and not (t.text[:1].isupper() and prev.tag_ in {"NNP", "NNPS"}):
                trigger = _best_trigger(et, verbs[lemma], toks, k, label_of)
                if trigger is not None:
                    return trigger
        if t.tag_ not in _SUBJECT_TAGS and not (t.lower_ == "of" and k > 0):
            break
    return None


#: tags a word left in lower case by a Title Case headline may carry ("on", "the", "and", "to")
_HEADLINE_SMALL_TAGS = frozenset({"DT", "IN", "CC", "TO", "RP", "POS", "PRP$"})
#: tags the verb of a headline may carry when the tagger read it as part of a name
_HEADLINE_VERB_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "VBZ", "VBP", "VBD", "VB"})
#: the longest headline read (words)
_MAX_HEADLINE = 14


def _headline_lemma(
    t: Token, verbs: dict[str, list[tuple[int, str, int, VerbSpec]]], plural: bool
) -> str | None:
    """The verb lemma a headline's capitalised word names: a third-person present
    ("Declares", "Carries"), a bare present after a plural subject ("Rebels Seize") or a
    regular past with an object ("Stormed the Fort", "Occupied", "Stopped")."""
    w = t.lower_
    if w.endswith("s"):
        return _lemma_of(t, verbs)
    cands = [w] if plural else []
    if w.endswith("ed"):
        cands += [w[:-3] + "y" if w.endswith("ied") else "", w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            cands.append(w[:-3])  # "stopped" -> stop
    return next((c for c in cands if c and c in verbs), None)


def headline_tokens(sent: Span, start: int = 0) -> list[Token]:
    """The words of the sentence's first line (from character ``start`` of its doc, after
    an entry's date label) when that line is written in Title Case ("Army Storms the Fort -
    3 May 1701"): every word capitalised but the small function words; [] for any other
    line (a sentence in prose case, a long line)."""
    toks: list[Token] = []
    for t in sent:
        if "\n" in t.text:
            break
        if not t.is_space and t.idx >= start and (toks or not t.is_punct):
            toks.append(t)
    words = [t for t in toks if t.is_alpha]
    if not 2 <= len(words) <= _MAX_HEADLINE or toks[-1].text == ".":
        return []
    if any(not t.text[0].isupper() and t.tag_ not in _HEADLINE_SMALL_TAGS for t in words):
        return []
    return toks


def headline_verb(
    sent: Span, et: EventTypes, label_of: LabelOf, taken: set[int], start: int = 0
) -> Trigger | None:
    """The typed verb of a Title Case headline ("X Declares War on Y", "Parliament Passes
    Reform Act", "Rebels Seize the Capital") that the tagger read as part of a name: the
    first word after a subject run that is an inflected form of a verb lemma
    ``event_types.yaml`` lists and whose spec the headline's words satisfy. A headline that
    is a name only ("The Siege of X", "Fall of Y") has no subject before its head word and
    gives None. ``start``: where a dated entry's text begins (after its label)."""
    toks = headline_tokens(sent, start)
    verbs, _nouns = trigger_index(et)
    if not toks or toks[0].tag_ not in _SUBJECT_TAGS | _SUBJECT_END:
        return None
    for k in range(1, min(len(toks), _MAX_SUBJECT + 1)):
        t = toks[k]
        prev = toks[k - 1]
        if t.tag_ in _HEADLINE_VERB_TAGS and prev.tag_ in _SUBJECT_END and t.i not in taken:
            lemma = _headline_lemma(t, verbs, prev.tag_ in {"NNS", "NNPS"})
            if lemma is not None and t.lower_.endswith("ed") and k + 1 == len(toks):
                # "Treaty of X Signed", "Parliament Dissolved": a past with nothing after it
                # is a passive without its auxiliary, its subject the patient
                lemma = None
            if lemma is not None:
                trigger = _best_trigger(et, verbs[lemma], toks, k, label_of)
                if trigger is not None:
                    return trigger
        if t.tag_ not in _SUBJECT_TAGS | _SUBJECT_END and not (t.lower_ == "of" and k > 0):
            break
    return None
