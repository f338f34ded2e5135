"""Where two sources disagree on a price, the catalogue keeps both: plans use the upper figure
and say so."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import cloudexit
from cloudexit.catalog import load_catalog
from cloudexit.catalog.schema import Price
from cloudexit.datafiles import data_dir
from cloudexit.model.inventory import Inventory
from tests.helpers import FIXTURE_CATALOG, inventory, resource

_SOURCE = {
    "url": "https://example.invalid/p",
    "retrieved": "2026-11-23",
    "published": "2026-10-10",
    "evidence": "second_hand",
}


def _price(**fields: object) -> Price:
    return Price.model_validate(
        {"amount": "0.05", "currency": "EUR", "unit": "hour", "source": _SOURCE, **fields}
    )


def test_a_range_needs_its_source_and_a_lower_figure_below_the_price() -> None:
    assert _price(low="0.04", low_source=_SOURCE).low == Decimal("0.04")
    with pytest.raises(ValueError, match="both low and low_source"):
        _price(low="0.04")
    with pytest.raises(ValueError, match="both low and low_source"):
        _price(low_source=_SOURCE)
    with pytest.raises(ValueError, match="upper bound"):
        _price(low="0.06", low_source=_SOURCE)


def test_bundled_ranges_are_second_hand_and_use_the_upper_figure() -> None:
    ionos = load_catalog(data_dir("providers"), data_dir("mappings")).provider("ionos")
    ranged = [(p.id, price) for p in ionos.products for price in p.prices if price.low is not None]
    assert ranged, "the IONOS figures that disagree are kept as ranges"
    for product_id, price in ranged:
        assert price.low is not None and price.low_source is not None
        assert price.low < price.amount, product_id
        assert price.source.evidence == "second_hand" and not price.verified, product_id
        assert price.low_source.evidence == "second_hand", product_id


def _catalog_with_range(tmp_path: Path, low: str | None) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    path = root / "providers" / "ovhcloud.yaml"
    text = path.read_text(encoding="utf-8")
    head = "- id: b-2-8\n"
    start = text.index(head)
    end = text.index("- id: b-4-16\n")
    block = text[start:end]
    if low is not None:
        block = block.replace(
            "    verified: true\n",
            f"    verified: true\n    low: '{low}'\n    low_source:\n"
            "      url: https://example.invalid/other-list\n      retrieved: '2026-11-23'\n"
            "      published: '2026-10-10'\n      evidence: second_hand\n",
        )
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return root


def _plan(root: Path) -> cloudexit.Plan:
    catalog = load_catalog(root / "providers", root / "mappings")
    inv = Inventory.model_validate(
        inventory(resource("vm-1", attributes={"vcpu": 2, "memory_gib": 8}))
    )
    return cloudexit.plan(inv, cloudexit.Policy(targets=["ovhcloud"]), catalog=catalog)


def test_a_plan_names_target_prices_taken_from_the_top_of_a_range(tmp_path: Path) -> None:
    ranged = _plan(_catalog_with_range(tmp_path, "0.03"))
    chosen = ranged.placements[0].choice
    assert (chosen.provider, chosen.product) == ("ovhcloud", "b-2-8")
    line = next(w for w in ranged.warnings if "upper of two disagreeing" in w)
    assert line.startswith("1 target price is the upper of two disagreeing"), line
    assert "ovhcloud/b-2-8 EUR 0.05 (other source 0.03)" in line

    plain = _plan(_catalog_with_range(tmp_path / "b", None))
    assert plain.placements[0].choice.product == "b-2-8"
    assert plain.totals.target_monthly == ranged.totals.target_monthly
    assert not any("upper of two disagreeing" in w for w in plain.warnings)


def test_the_second_hand_share_counts_its_products_in_agreement() -> None:
    from types import SimpleNamespace

    from cloudexit.optimise.planner import second_hand_warning

    def placed(*products: str) -> SimpleNamespace:
        return SimpleNamespace(choice=SimpleNamespace(retain=False, second_hand_prices=products))

    figures = SimpleNamespace(
        second_hand_monthly=Decimal("6.00"),
        second_hand_share=0.283,
        target_monthly=Decimal("21.18"),
    )
    one = second_hand_warning([placed("ovhcloud/loadbalancer-s")], figures)  # type: ignore[arg-type]
    assert one is not None and "(1 product: ovhcloud/loadbalancer-s)" in one
    two = second_hand_warning([placed("a/x", "a/y")], figures)  # type: ignore[arg-type]
    assert two is not None and "(2 products: a/x, a/y)" in two
