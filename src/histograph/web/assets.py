"""Third-party browser assets: found in ``node_modules`` (installed by ``npm ci``), never
copied into the repository.

The web app serves only the folders named in :data:`VENDOR` (``/vendor/<name>/...``), and
the static site export copies only those files into its output folder.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

#: environment variable naming a node_modules folder to use
ENV = "HISTOGRAPH_NODE_MODULES"

INSTALL_HINT = (
    "The interactive timeline needs the npm packages of this project: run `npm ci` in the "
    "histograph checkout (or set HISTOGRAPH_NODE_MODULES to a node_modules folder holding "
    "vis-timeline and @knight-lab/timelinejs), then restart `histograph serve`."
)


@dataclass(frozen=True)
class VendorDir:
    """A folder of one npm package served under ``/vendor/<name>/`` (``files`` = the files
    the pages use; the site export copies just those, or the whole folder when empty)."""

    name: str
    package: str
    folder: str
    files: tuple[str, ...] = ()


VENDOR: tuple[VendorDir, ...] = (
    VendorDir("vis-timeline", "vis-timeline", "standalone/umd", ("vis-timeline-graph2d.min.js",)),
    VendorDir("vis-timeline-css", "vis-timeline", "styles", ("vis-timeline-graph2d.min.css",)),
    VendorDir("timelinejs", "@knight-lab/timelinejs", "dist"),
)

#: the files a page needs, by role
VIS_JS = "vis-timeline/vis-timeline-graph2d.min.js"
VIS_CSS = "vis-timeline-css/vis-timeline-graph2d.min.css"
TIMELINEJS_JS = "timelinejs/js/timeline.js"
TIMELINEJS_CSS = "timelinejs/css/timeline.css"


def _candidates() -> list[Path]:
    out: list[Path] = []
    env = os.environ.get(ENV)
    if env:
        out.append(Path(env))
    here = Path(__file__).resolve()
    # an editable install or a checkout: <repo>/src/histograph/web/assets.py
    out.extend(parent / "node_modules" for parent in here.parents[2:4])
    out.append(Path.cwd() / "node_modules")
    return out


def find_node_modules(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The first node_modules folder holding vis-timeline, or None."""
    paths = [Path(explicit)] if explicit else _candidates()
    for p in paths:
        if (p / "vis-timeline" / "standalone" / "umd" / "vis-timeline-graph2d.min.js").is_file():
            return p.resolve()
    return None


def vendor_dirs(node_modules: Path | None) -> dict[str, Path]:
    """``{name: folder}`` for every vendored package present under ``node_modules``."""
    if node_modules is None:
        return {}
    out: dict[str, Path] = {}
    for v in VENDOR:
        folder = node_modules / v.package / v.folder
        if folder.is_dir():
            out[v.name] = folder
    return out


def has_timelinejs(node_modules: Path | None) -> bool:
    return "timelinejs" in vendor_dirs(node_modules)


def copy_vendor(node_modules: Path | None, dest: Path) -> list[str]:
    """Copy the vendored files into ``dest/<name>/``; returns the names copied."""
    copied: list[str] = []
    for v in VENDOR:
        if node_modules is None:
            break
        src = node_modules / v.package / v.folder
        if not src.is_dir():
            continue
        target = dest / v.name
        if v.files:
            target.mkdir(parents=True, exist_ok=True)
            for f in v.files:
                if (src / f).is_file():
                    shutil.copy2(src / f, target / f)
        else:
            shutil.copytree(
                src, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.map", "embed")
            )
        copied.append(v.name)
    return copied
