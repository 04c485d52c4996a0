"""A headline is a first line standing alone above more text; the first sentence of a post or
a letter is body text (a date it states is no headline date against the body's)."""

from __future__ import annotations

from histograph.merge.mentions import _first_line


def test_a_first_line_alone_is_a_headline() -> None:
    text = "Harbour railway opens\n\nThe line opened on 12 March 1871."
    assert _first_line(text, 0, len("Harbour railway opens"))


def test_the_first_sentence_of_a_post_is_body_text() -> None:
    text = "150 years ago today the harbour railway opened. Crowds lined the quay.\n#history"
    assert not _first_line(text, 0, len("150 years ago today the harbour railway opened."))
    # a one-line document has no headline
    assert not _first_line("The line opened on 12 March 1871.", 0, 10)
    assert not _first_line(text, 4, 20)
