"""Full-text search of the SQLite store: FTS5 over the sentences (an external-content
index, migrations 2 and 6), with a fallback to the plain words of a query FTS5 cannot parse."""

from __future__ import annotations

import sqlite3
from typing import Any

from .common import fts_safe_query


class FTS:
    """Full-text search over sentences: SQLite FTS5 (external-content index)."""

    SQL = """
        SELECT s.doc_id, s.start, s."end", s.text, s.region_kind, d.uri, d.title,
               -bm25(sentences_fts) AS score
        FROM sentences_fts
        JOIN sentences s ON s.id = sentences_fts.rowid
        JOIN documents d ON d.id = s.doc_id
        WHERE sentences_fts MATCH ?
        ORDER BY bm25(sentences_fts), s.doc_id, s.start
        LIMIT ? OFFSET ?
    """

    @classmethod
    def search(
        cls, conn: sqlite3.Connection, query: str, limit: int, offset: int
    ) -> list[dict[str, Any]]:
        if not query.strip():
            return []
        try:
            return conn.execute(cls.SQL, (query, limit, offset)).fetchall()
        except sqlite3.OperationalError:
            # FTS5 syntax error ("foo, AND, col:x, ...): search the plain words instead;
            # a real database error will recur below and propagate
            safe = fts_safe_query(query)
            if not safe:
                return []
            return conn.execute(cls.SQL, (safe, limit, offset)).fetchall()
