"""Jinja2 for everything rendered as HTML: the briefs here, the web pages in
:mod:`histograph.web` (which adds its own globals). The templates are package data
(``histograph/web/templates``); loading them does not import the web package.

Autoescape is on for every template; document text reaches the templates as plain
strings and is escaped there. No template marks document text ``|safe``.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from markupsafe import Markup

from .present import script_json


def _number(n: int) -> str:
    """A count as a publication prints it: 1,234,567."""
    return f"{n:,}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{_number(n)} {word if n == 1 else (plural or word + 's')}"


def make_environment(**globals_: Any) -> jinja2.Environment:
    """A new environment over the package's templates, with our filters and ``globals_``."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("histograph", "web/templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["plural"] = _plural
    env.filters["number"] = _number
    # script_json escapes <, > and & as \u escapes: the result cannot close a <script>
    env.filters["script_json"] = lambda v: Markup(script_json(v))
    env.globals.update(globals_)
    return env


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return make_environment()


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
