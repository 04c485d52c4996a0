"""Real Chromium against `histograph serve` on the sample corpus plus hostile pages.

Debian's ``chromium`` (headless) driven by ``playwright-core`` from npm (tests/browser/ui.mjs,
run by node). ``make test`` installs both when it can (``make browser-deps``); this test
skips, saying why, only when Chromium, node or the npm packages are not there.
Screenshots go to ``test-output/browser/``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from histograph.render.present import script_json
from test_web import write_hostile

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "berlin_wall"
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM = os.environ.get("HISTOGRAPH_CHROMIUM", "/usr/bin/chromium")
BIN = Path(sys.executable).parent

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _why_not() -> str | None:
    if not Path(CHROMIUM).is_file():
        return (
            f"{CHROMIUM} is missing: install Debian's chromium (`make browser-deps` does "
            "it when run as root with apt and network)"
        )
    if shutil.which("node") is None:
        return "node is missing (install nodejs and npm, then `npm ci`)"
    if not (ROOT / "node_modules" / "playwright-core").is_dir():
        return "node_modules/playwright-core is missing: run `npm ci` (or `make browser-deps`)"
    if not (ROOT / "node_modules" / "vis-timeline").is_dir():
        return "node_modules/vis-timeline is missing: run `npm ci`"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(*args: str) -> str:
    r = subprocess.run(
        [str(BIN / "histograph"), *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert r.returncode == 0, r.stderr + r.stdout
    return r.stdout


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read().decode("utf-8"))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    reason = _why_not()
    if reason:
        pytest.skip(f"browser test skipped: {reason}")
    tmp = tmp_path_factory.mktemp("browser")
    hostile = write_hostile(tmp / "hostile")
    db = tmp / "kb.db"
    _run("ingest", str(SAMPLES), str(hostile), "--db", str(db))
    site = tmp / "site"
    _run("export", "--format", "site", "-o", str(site), "--db", str(db))
    tl_json = tmp / "timeline.json"
    _run("export", "--format", "timelinejs", "-o", str(tl_json), "--db", str(db))
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "histograph"), "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # wait until it answers (not a timed assertion)
            if server.poll() is not None:
                pytest.fail(
                    f"histograph serve exited: {server.stderr.read() if server.stderr else ''}"
                )
            try:
                _get(f"{base}/api/stats")
                break
            except OSError:
                time.sleep(0.1)
        yield {"base": base, "tmp": tmp, "db": db, "site": site, "tl_json": tl_json}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _harness(tmp: Path, tl_json: Path) -> Path:
    """A page that loads the TimelineJS export in TimelineJS from node_modules."""
    dist = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    data = json.loads(tl_json.read_text(encoding="utf-8"))
    page = tmp / "timelinejs-export.html"
    page.write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<link rel='stylesheet' href='{(dist / 'css' / 'timeline.css').as_uri()}'>"
        f"<script src='{(dist / 'js' / 'timeline.js').as_uri()}'></script></head>"
        "<body style='margin:0'><div id='tl' style='width:100%;height:640px'></div>"
        f"<script type='application/json' id='data'>{script_json(data)}</script>"
        "<script>new TL.Timeline('tl', JSON.parse(document.getElementById('data').textContent),"
        f" {{font: null, script_path: '{(dist / 'js').as_uri()}/'}});</script>"
        "</body></html>",
        encoding="utf-8",
    )
    return page


def test_the_ui_in_chromium(served: dict[str, Any]) -> None:
    base = served["base"]
    docs = _get(f"{base}/api/sources?limit=500")["items"]
    hostile = [d["id"] for d in docs if "hostile" in d["uri"]]
    assert len(hostile) == 3, [d["uri"] for d in docs]
    people = _get(f"{base}/api/people?limit=500")["items"]
    person = max(people, key=lambda p: (len(p["roles"]), len(p["sources"])))
    events = _get(f"{base}/api/timeline?limit=50")["items"]
    conflicted = next((e["id"] for e in events if e["conflicts"]), None)
    config = {
        "base": base,
        "chromium": CHROMIUM,
        "screenshots": str(SHOTS),
        "hostileDocs": hostile,
        "personName": person["name"],
        "personId": person["id"],
        "searchWord": "Wall",
        "conflictEvent": conflicted,
        "anyEvent": max(events, key=lambda e: (e["support"], e["id"]))["id"] if events else None,
        "anyConflict": bool(_get(f"{base}/api/conflicts?limit=1")["items"]),
        "timelinejsHarness": _harness(served["tmp"], served["tl_json"]).as_uri(),
        "siteIndex": (served["site"] / "index.html").as_uri(),
    }
    cfg = served["tmp"] / "config.json"
    cfg.write_text(json.dumps(config), encoding="utf-8")
    r = subprocess.run(
        ["node", str(Path(__file__).with_name("ui.mjs")), str(cfg)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=180,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout)
    (SHOTS / "result.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    steps = result["steps"]
    failed = {k: v.get("error") for k, v in steps.items() if v.get("ok") is False}
    assert not failed, failed

    # nothing from a document ran: no alert, no page error, no markup, no handler
    assert result["dialogs"] == []
    assert result["pageErrors"] == []
    for name, found in steps.items():
        if name.startswith("xss:"):
            assert found["xss"] is None, (name, found)
            assert found["inlineScripts"] == 0 and found["handlers"] == [], (name, found)
            assert found["jsLinks"] == [] and found["foreign"] == 0, (name, found)
    assert steps["hostile"]["visited"] == 3

    t = steps["timeline"]
    assert t["items"] >= 1 and t["zoomed"]
    assert t["rowsAfter"] <= t["rowsBefore"]
    # no label drawn over another, on the first view and after a zoom (regression: items of
    # other years were left stacked at the window's edge; a short range's label overflowed)
    assert t["overlapsFirst"] == [] and t["overlapsZoomed"] == [], t
    e = steps["click-event"]
    assert "/events/" in e["url"] and e["mentions"] >= 1 and e["sourceLinks"] >= 1
    c = steps["conflict"]
    if config["anyConflict"]:  # the sample corpus's conflicts come and go as the merge evolves
        assert c["conflicts"] >= 1 and c["values"] >= 2 and c["explanation"]
    else:
        assert c["skipped"]
    p = steps["person"]
    assert p["name"] == person["name"] and p["roles"] == len(person["roles"])
    s = steps["search"]
    assert s["hits"] >= 1 and s["focus"] >= 1 and s["highlights"] >= 1
    tl = steps["timelinejs-export"]
    assert tl["slides"] >= 2 and tl["markers"] >= 1
    assert steps["overflow"]["wide"] == [], steps["overflow"]["wide"]  # 1,280 and 390 px
    site = steps["static-site"]
    assert site["mentions"] >= 1 and site["hits"] >= 1
    shots = ["conflict"] if config["anyConflict"] else ["conflicts"]
    for name in (
        *shots,
        "timeline",
        "event",
        "person",
        "search",
        "source",
        "hostile-source",
        "timelinejs-export",
        "site-timeline",
        "site-timelinejs",
    ):
        assert (SHOTS / f"{name}.png").stat().st_size > 5000, name
    # only local files and our own server were asked for
    offsite = [
        u for u in result["failedRequests"] if not u.startswith(("http://127.0.0.1", "file:"))
    ]
    assert offsite == [], offsite
