from __future__ import annotations

import pytest

from histograph.pipeline import DEFAULT_STAGES, build
from histograph.registry import registered


def test_default_pipeline_validates() -> None:
    assert build().names == list(DEFAULT_STAGES)


def test_stage_order_is_checked() -> None:
    with pytest.raises(ValueError, match="E002"):
        build(["histograph.events.v1", "histograph.clean.v1"])


def test_unknown_stage_is_named() -> None:
    with pytest.raises(KeyError, match=r"histograph\.nope\.v9"):
        build(["histograph.nope.v9"])


def test_every_stage_declares_io() -> None:
    for name, info in registered().items():
        assert name.startswith("histograph.") and name.rsplit(".", 1)[-1].startswith("v")
        assert info.assigns, name
