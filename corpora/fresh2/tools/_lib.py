"""Path setup shared by the fresh2 gold generators: they reuse the builders of ../wide/tools/gold_lib.py
and write into this corpus's gold/ folder."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent / "wide" / "tools"))
