"""Cross-document event merging: coreference, claims, consensus, conflicts, copies.

Hand-built mentions (no spaCy, no date engine): sentences about other episodes."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from events_helpers import tm, tv
from histograph.merge.events import _consensus, merge_events
from histograph.model import (
    Analysis,
    CopyLink,
    Document,
    EntityMention,
    EventMention,
    Participant,
    Person,
    RegionKind,
    TimeMention,
)


class Doc:
    """A document under construction: text, event mentions and date mentions."""

    def __init__(self, doc_id: str, text: str) -> None:
        self.id, self.text = doc_id, text
        self.events: list[EventMention] = []
        self.times: list[TimeMention] = []
        self.entities: list[EntityMention] = []

    def event(
        self,
        evidence: str,
        trigger: str,
        type_: str,
        date: str | None = None,
        date_phrase: str | None = None,
        timex: str | None = None,
        parts: tuple[tuple[str, str], ...] = (),
        modality: str = "asserted",
        region: RegionKind = "narrative",
        confidence: float = 1.0,
        place: str | None = None,
    ) -> EventMention:
        s = self.text.index(evidence)
        ts = self.text.index(trigger, s)
        t_start = t_end = None
        value = None
        if date_phrase is not None:
            mention = tm(self.text, date_phrase, date, self.id, timex=timex)
            self.times.append(mention)
            t_start, t_end, value = mention.start, mention.end, mention.value
        participants = []
        for name, role in parts:
            ps = self.text.index(name, s)
            participants.append(Participant(name, role, ps, ps + len(name), key=name))
            self.entities.append(EntityMention(self.id, ps, ps + len(name), name, "PERSON", name))
        m = EventMention(
            self.id,
            s,
            s + len(evidence),
            ts,
            ts + len(trigger),
            type_,
            time=value,
            time_start=t_start,
            time_end=t_end,
            place=place,
            participants=tuple(participants),
            modality=modality,  # type: ignore[arg-type]
            region_kind=region,
            confidence=confidence,
        )
        self.events.append(m)
        return m

    def analysis(self) -> Analysis:
        return Analysis(
            document=Document(self.id, self.id + ".txt", self.text, "txt"),
            times=tuple(self.times),
            entities=tuple(self.entities),
            events=tuple(self.events),
        )


def people_of(docs: list[Doc]) -> list[Person]:
    """One Person per participant surname, with every mention of it."""
    by: dict[str, list[EntityMention]] = {}
    for d in docs:
        for em in d.entities:
            by.setdefault(em.text.split()[-1], []).append(em)
    return [Person("p-" + k.lower(), k, (k,), tuple(v)) for k, v in sorted(by.items())]


def merge(docs: list[Doc], copies: tuple[CopyLink, ...] = ()):  # type: ignore[no-untyped-def]
    return merge_events([d.analysis() for d in docs], people_of(docs), copies)


def israel_docs() -> list[Doc]:
    a = Doc(
        "a", "On May 15, 1948, Truman recognized Israel de facto, minutes after Ben-Gurion spoke."
    )
    a.event(
        "Truman recognized Israel de facto",
        "recognized",
        "recognition",
        "1948-05-15",
        "May 15, 1948",
        parts=(("Truman", "agent"), ("Ben-Gurion", "party")),
    )
    b = Doc("b", "On May 15, President Truman extended recognition to the new state of Ben-Gurion.")
    b.event(
        "President Truman extended recognition",
        "recognition",
        "recognition",
        None,
        "May 15",
        timex="XXXX-05-15",
        parts=(("Truman", "agent"), ("Ben-Gurion", "party")),
        confidence=0.4,
    )
    c = Doc("c", "In 1948 Truman established relations with the government of Ben-Gurion.")
    c.event(
        "Truman established relations",
        "established",
        "establish_relations",
        "1948",
        "1948",
        parts=(("Truman", "agent"), ("Ben-Gurion", "party")),
    )
    return [a, b, c]


def test_same_event_across_documents_with_year_less_date() -> None:
    events, conflicts = merge(israel_docs())
    assert len(events) == 1
    ev = events[0]
    assert ev.type == "recognition"
    assert ev.date is not None and ev.date.value == "1948-05-15"
    assert ev.support == 3 and ev.independent_support == 3
    assert {m.doc_id for m in ev.mentions} == {"a", "b", "c"}
    dates = sorted(c.value for c in ev.claims if c.attribute == "date")
    assert dates == ["1948", "1948-05-15", "XXXX-05-15"]
    # a coarser date (1948) and a year-less one are not conflicts
    assert conflicts == []
    assert ev.id.startswith("ev-")


def test_claims_carry_spans() -> None:
    docs = israel_docs()
    events, _ = merge(docs)
    text = {d.id: d.text for d in docs}
    for c in events[0].claims:
        assert 0 <= c.start < c.end <= len(text[c.doc_id])
        if c.attribute == "date":
            assert text[c.doc_id][c.start : c.end] in {"May 15, 1948", "May 15", "1948"}


def test_different_events_on_the_same_day_stay_apart() -> None:
    a = Doc(
        "a",
        "On 23 August 1939 Molotov and Ribbentrop signed a pact. The same day Molotov recognized the new regime.",
    )
    a.event(
        "Molotov and Ribbentrop signed a pact",
        "signed",
        "treaty_signed",
        "1939-08-23",
        "23 August 1939",
        parts=(("Molotov", "agent"), ("Ribbentrop", "agent")),
    )
    a.event(
        "Molotov recognized the new regime",
        "recognized",
        "recognition",
        "1939-08-23",
        "23 August 1939",
        parts=(("Molotov", "agent"),),
    )
    b = Doc(
        "b",
        "The battle at Kursk began on 5 July 1943; the battle at Orel began on 5 July 1943 too.",
    )
    b.event(
        "The battle at Kursk began", "battle", "battle", "1943-07-05", "5 July 1943", place="Kursk"
    )
    b.event(
        "the battle at Orel began", "battle", "battle", "1943-07-05", "5 July 1943", place="Orel"
    )
    b.times[1] = tm(b.text, "5 July 1943", "1943-07-05", "b", nth=1)
    events, _ = merge([a, b])
    assert sorted(e.type for e in events) == ["battle", "battle", "recognition", "treaty_signed"]


def test_title_date_vs_body_date_is_a_hard_conflict_with_both_sources() -> None:
    a = Doc(
        "a",
        "Britain Recognizes the Kingdom - March 9, 1921\nOn March 8, 1921, Britain recognized the kingdom.",
    )
    a.event(
        "Britain Recognizes the Kingdom - March 9, 1921",
        "Recognizes",
        "recognition",
        "1921-03-09",
        "March 9, 1921",
        region="title",
    )
    a.event(
        "On March 8, 1921, Britain recognized the kingdom.",
        "recognized",
        "recognition",
        "1921-03-08",
        "March 8, 1921",
    )
    b = Doc("b", "Britain recognized the kingdom on March 8, 1921, after long talks.")
    b.event(
        "Britain recognized the kingdom on March 8, 1921",
        "recognized",
        "recognition",
        "1921-03-08",
        "March 8, 1921",
    )
    events, conflicts = merge([a, b])
    assert len(events) == 1
    ev = events[0]
    assert ev.date is not None and ev.date.value == "1921-03-08"
    assert len(conflicts) == 1
    c = conflicts[0]
    assert c.subject == ev.id and c.subject_kind == "event" and c.attribute == "date"
    assert c.severity == "hard"
    assert c.kind == "announced_vs_occurred"
    values = {v.value: v for v in c.values}
    assert set(values) == {"1921-03-08", "1921-03-09"}
    assert {cl.doc_id for cl in values["1921-03-08"].claims} == {"a", "b"}
    assert [cl.doc_id for cl in values["1921-03-09"].claims] == ["a"]
    assert (
        a.text[values["1921-03-09"].claims[0].start : values["1921-03-09"].claims[0].end]
        == "March 9, 1921"
    )


def test_two_far_apart_days_do_not_merge() -> None:
    a = Doc("a", "Britain recognized the kingdom on March 8, 1921.")
    a.event(
        "Britain recognized the kingdom on March 8, 1921",
        "recognized",
        "recognition",
        "1921-03-08",
        "March 8, 1921",
    )
    b = Doc("b", "Britain recognized the kingdom on June 20, 1921.")
    b.event(
        "Britain recognized the kingdom on June 20, 1921",
        "recognized",
        "recognition",
        "1921-06-20",
        "June 20, 1921",
    )
    events, conflicts = merge([a, b])
    assert len(events) == 2 and conflicts == []


def test_copies_count_once() -> None:
    text = "In May 1948 Truman recognized Israel."
    a, b = Doc("a", text), Doc("b", text + " ")
    for d in (a, b):
        d.event(
            "Truman recognized Israel",
            "recognized",
            "recognition",
            "1948-05",
            "May 1948",
            parts=(("Truman", "agent"),),
        )
    c = Doc("c", "On May 14, 1948, Truman recognized Israel.")
    c.event(
        "Truman recognized Israel",
        "recognized",
        "recognition",
        "1948-05-14",
        "May 14, 1948",
        parts=(("Truman", "agent"),),
    )
    events, _ = merge([a, b, c], (CopyLink("b", "a", 0.97),))
    assert len(events) == 1
    ev = events[0]
    assert ev.support == 3 and ev.independent_support == 2
    indep = {(cl.doc_id, cl.independent) for cl in ev.claims if cl.attribute == "date"}
    assert ("b", False) in indep and ("a", True) in indep and ("c", True) in indep


def test_consensus_counts_independent_sources_not_copies() -> None:
    d13, d14 = tv("1921-03-08"), tv("1921-03-09")
    # two copies of one source say the 9th, two independent sources say the 8th
    claims = [(d14, "g1"), (d14, "g1"), (d13, "g2"), (d13, "g3")]
    best = _consensus(claims)
    assert best is not None and best.value == "1921-03-08"
    # the finest date consistent with the most sources wins over a coarser one
    best = _consensus([(tv("1921"), "g1"), (tv("1921-03-08"), "g2")])
    assert best is not None and best.value == "1921-03-08"


def test_negated_mentions_never_found_events() -> None:
    a = Doc("a", "In 1920 France refused to recognize the republic.")
    a.event(
        "France refused to recognize the republic",
        "recognize",
        "recognition",
        "1920",
        "1920",
        modality="negated",
    )
    events, _ = merge([a])
    assert events == []
    b = Doc("b", "On 2 May 1924 France recognized the republic.")
    b.event(
        "France recognized the republic", "recognized", "recognition", "1924-05-02", "2 May 1924"
    )
    b.event("France recognized the republic", "recognized", "recognition")  # restated, undated
    a2 = Doc("a", a.text)
    a2.event(
        "France refused to recognize the republic",
        "recognize",
        "recognition",
        "1920",
        "1920",
        modality="negated",
    )
    events, conflicts = merge([a2, b])
    assert len(events) == 1
    assert all(c.doc_id == "b" for c in events[0].claims)
    assert conflicts == []


def test_undated_mention_needs_strong_evidence_across_documents() -> None:
    a = Doc("a", "In 1936 Davies was appointed ambassador.")
    a.event(
        "Davies was appointed ambassador",
        "appointed",
        "appoint_ambassador",
        "1936",
        "1936",
        parts=(("Davies", "patient"),),
    )
    b = Doc("b", "Kennan was appointed ambassador.")
    b.event(
        "Kennan was appointed ambassador",
        "appointed",
        "appoint_ambassador",
        parts=(("Kennan", "patient"),),
    )
    c = Doc("c", "Davies became ambassador.")
    c.event(
        "Davies became ambassador", "became", "appoint_ambassador", parts=(("Davies", "patient"),)
    )
    events, _ = merge([a, b, c])
    assert len(events) == 2
    davies = next(e for e in events if e.date is not None)
    assert {m.doc_id for m in davies.mentions} == {"a", "c"}


def _random_docs(seed: int) -> list[Doc]:
    rnd = random.Random(seed)
    docs = []
    for k in range(6):
        day = rnd.choice([8, 8, 9, 20])
        text = f"On March {day}, 1921, Britain recognized the kingdom; Curzon signed a pact."
        d = Doc(f"d{k}", text)
        d.event(
            "Britain recognized the kingdom",
            "recognized",
            "recognition",
            f"1921-03-{day:02d}",
            f"March {day}, 1921",
            region=rnd.choice(["narrative", "title"]),
        )
        d.event(
            "Curzon signed a pact", "signed", "treaty_signed", None, parts=(("Curzon", "agent"),)
        )
        docs.append(d)
    return docs


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.randoms(use_true_random=False))
def test_merge_is_deterministic_and_order_free(seed: int, rnd: random.Random) -> None:
    docs = _random_docs(seed)
    first = merge(docs)
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    assert merge(shuffled) == first
    events, conflicts = first
    assert len({e.id for e in events}) == len(events)
    for c in conflicts:
        assert len({v.value for v in c.values}) >= 2


def test_consensus_keeps_the_best_supported_day_when_days_disagree() -> None:
    # Regression: three pages say 9 November, one says 10 November, one says only
    # "November": the month was chosen (consistent with all) and the day was lost.
    claims = [
        (tv("1989-11-09"), "g1"),
        (tv("1989-11-09"), "g2"),
        (tv("1989-11-09"), "g3"),
        (tv("1989-11-10"), "g4"),
        (tv("1989-11"), "g5"),
    ]
    best = _consensus(claims)
    assert best is not None and best.value == "1989-11-09"
    # a stated interval that every source fits is kept as it is
    span = [(tv("1947/1948"), "g1"), (tv("1947"), "g2"), (tv("1948"), "g3")]
    best = _consensus(span)
    assert best is not None and best.value == "1947/1948"
