"""PostgreSQL full-text search for :class:`~.postgres.PostgresStore`: a GIN index over
``to_tsvector('simple', words)`` (``words``: the sentence's words casefolded and without
diacritics, the tokens of :func:`.common.words`, as the in-memory backend matches them),
queried with a tsquery built from the user's words (``word*`` prefixes, ``"quoted
phrases"``, ``OR``): never tsquery syntax from the user."""

from __future__ import annotations

import re

from .common import query_terms, words

_PHRASE = re.compile(r'"([^"]*)"')
_OR = re.compile(r"\s+OR\s+")


def tsquery(query: str) -> str:
    """A ``to_tsquery('simple', ...)`` text for a free-form query; '' when it has no words.

    Upper-case ``OR`` separates alternatives; in each, ``"quoted words"`` must follow one
    another and every other word must occur (``word*``: as a prefix), as in the SQLite and
    in-memory backends. Lexemes are the casefolded, diacritic-free ``\\w+`` tokens of
    :func:`.common.words`, quoted, so no user input is ever tsquery syntax.
    """
    alternatives: list[str] = []
    for group in _OR.split(query):
        parts = [
            "(" + " <-> ".join(f"'{w}'" for w in ws) + ")"
            for ws in (words(m.group(1)) for m in _PHRASE.finditer(group))
            if ws
        ]
        parts += [
            f"'{w}'" + (":*" if prefix else "")
            for w, prefix in query_terms(_PHRASE.sub(" ", group))
        ]
        if parts:
            alternatives.append("(" + " & ".join(parts) + ")")
    return " | ".join(alternatives)


SEARCH_SQL = """
    SELECT s.doc_id, s.start, s."end", s.text, s.region_kind, d.uri, d.title,
           ts_rank(to_tsvector('simple', s.words), q) AS score
    FROM sentences s JOIN documents d ON d.id = s.doc_id,
         to_tsquery('simple', %s) AS q
    WHERE to_tsvector('simple', s.words) @@ q
    ORDER BY score DESC, s.doc_id, s.start
    LIMIT %s OFFSET %s
"""
