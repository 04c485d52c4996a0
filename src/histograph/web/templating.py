"""The Jinja2 environment of the web app and the static site export: the shared one of
:mod:`histograph.render.templating` plus the web's own globals."""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from ..render.templating import make_environment
from .assets import INSTALL_HINT


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return make_environment(install_hint=INSTALL_HINT)


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def warm() -> None:
    """Compile every template now (a server's start), not on each page's first view."""
    env = environment()
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)
