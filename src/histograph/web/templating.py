"""The Jinja2 environment shared by the web app and the static site export.

Autoescape is on for every template; document text reaches the templates as plain
strings and is escaped there. No template marks document text ``|safe``.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from markupsafe import Markup

from ..render.present import script_json
from .assets import INSTALL_HINT


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("histograph", "web/templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["plural"] = _plural
    # script_json escapes <, > and & as \u escapes: the result cannot close a <script>
    env.filters["script_json"] = lambda v: Markup(script_json(v))
    env.globals["install_hint"] = INSTALL_HINT
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
