"""Reading the YAML under ``data/``: one loader for every stage.

The language and domain knowledge of every stage is YAML. PyYAML's pure-Python parser takes
about two seconds for all of it, which every process (every CLI command, every worker) paid
before its first document; libyaml's C parser (``CSafeLoader``, shipped in PyYAML's wheels)
reads the same files to the same objects in a fraction of that. This module imports nothing
of histograph, so any stage may use it.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

__all__ = ["load_yaml"]

#: libyaml's safe loader where PyYAML was built with it, else the pure-Python one
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str | bytes | IO[str] | IO[bytes]) -> Any:
    """Parse one YAML document safely (no arbitrary objects), as ``yaml.safe_load`` does."""
    return yaml.load(source, Loader=_Loader)
