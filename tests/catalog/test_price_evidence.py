"""Every price says when its source was published and what kind of evidence it is; validate
warns on old, undated and second-hand figures; a plan states the share of target spend resting
on them."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import cloudexit
from cloudexit.catalog import load_catalog
from cloudexit.catalog.evidence import standing
from cloudexit.catalog.schema import Price, ProviderFile, SourceRef
from cloudexit.catalog.validate import check_catalog, fact_sources
from cloudexit.datafiles import data_dir
from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory
from tests.helpers import FIXTURE_CATALOG, inventory, resource


def _price(**source: object) -> Price:
    base = {"url": "https://example.invalid/p", "retrieved": "2026-11-23"}
    return Price.model_validate(
        {"amount": "1", "currency": "EUR", "unit": "hour", "source": {**base, **source}}
    )


def test_a_price_without_publication_date_or_evidence_is_refused() -> None:
    with pytest.raises(ValueError, match="published"):
        _price(evidence="provider_api")
    with pytest.raises(ValueError, match="evidence"):
        _price(published="2026-01-01")
    with pytest.raises(ValueError):
        _price(published="January", evidence="provider_api")


def test_an_unknown_publication_date_says_why_and_a_known_one_does_not() -> None:
    with pytest.raises(ValueError, match="undated_reason"):
        _price(published="unknown", evidence="provider_page")
    with pytest.raises(ValueError, match="dated source has no undated_reason"):
        _price(published="2026-01-01", evidence="provider_api", undated_reason="no date shown")
    with pytest.raises(ValueError):
        _price(published="unknown", evidence="provider_page", undated_reason="?")


def test_standing_follows_evidence_and_age() -> None:
    assert standing(_price(published="2026-06-01", evidence="provider_api")) == "first_hand"
    assert standing(_price(published="2025-11-22", evidence="provider_api")) == "stale"
    assert standing(_price(published="2025-11-23", evidence="provider_api")) == "first_hand"
    why = {"undated_reason": "the page shows no date"}
    assert standing(_price(published="unknown", evidence="provider_page", **why)) == "undated"
    assert standing(_price(published="2026-11-01", evidence="second_hand")) == "second_hand"
    assert standing(_price(published="unknown", evidence="user_set", **why)) == "user_set"
    fresh = _price(published="2026-06-01", evidence="provider_api")
    assert standing(fresh, dt.date(2027, 6, 2)) == "stale"


def test_every_bundled_price_is_dated_or_says_unknown() -> None:
    report = check_catalog(data_dir("providers"), data_dir("mappings"), today=dt.date(2026, 12, 5))
    assert report.ok, report.problems[:3]
    for provider in report.providers.values():
        for product in provider.products:
            for price in product.prices:
                published = price.source.published
                assert published == "unknown" or published <= price.source.retrieved, product.id
                assert (published == "unknown") == bool(price.source.undated_reason), product.id
                assert price.source.evidence is not None, product.id


def test_every_bundled_price_states_the_date_its_source_was_published() -> None:
    """No bundled price is of unknown date: Azure's internet egress, the last one, is dated by
    the Retail Prices reading that lists its Zone 1 meter (second-hand, a trimmed copy)."""
    catalog = load_catalog()
    undated = [
        f"{provider_id}/{product.id}"
        for provider_id, provider in catalog.providers.items()
        for product in provider.products
        for price in product.prices
        if price.source.published == "unknown"
    ]
    assert undated == []
    egress = next(p for p in catalog.providers["azure"].products if p.id == "internet-egress")
    (price,) = egress.prices
    assert (price.amount, price.source.published) == (Decimal("0.087"), dt.date(2026, 9, 6))
    assert price.source.evidence == "second_hand"
    assert "9995d93a-7d35-4d3f-9c69-7a7fea447ef4" in (price.source.note or "")


def _all_sources(provider: ProviderFile) -> list[tuple[str, SourceRef]]:
    prices = [
        (f"{product.id} price", price.source)
        for product in provider.products
        for price in product.prices
    ]
    return [*fact_sources(provider), *prices]


def test_a_source_pinned_at_a_commit_is_dated() -> None:
    """A file read at a commit has a knowable date: no such source, for a price, a company, a
    certification or a region, says unknown."""
    report = check_catalog(data_dir("providers"), data_dir("mappings"), today=dt.date(2026, 12, 5))
    pinned = re.compile(r"^https://github\.com/[^/]+/[^/]+/blob/[0-9a-f]{40}")
    undated = [
        f"{provider.id}/{what}"
        for provider in report.providers.values()
        for what, source in _all_sources(provider)
        if source.published == "unknown" and pinned.match(source.url)
    ]
    assert not undated


def test_every_company_certification_and_region_source_is_dated_or_says_why() -> None:
    report = check_catalog(data_dir("providers"), data_dir("mappings"), today=dt.date(2026, 12, 5))
    for provider in report.providers.values():
        assert all(region.source is not None for region in provider.regions), provider.id
        for what, source in fact_sources(provider):
            published = source.published
            assert published is not None, f"{provider.id} {what}"
            assert published == "unknown" or published <= source.retrieved, f"{provider.id} {what}"
            assert (published == "unknown") == bool(source.undated_reason), f"{provider.id} {what}"


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        (
            "  source: *id001\nregions:",
            "  source: {url: 'https://example.invalid/c', retrieved: '2026-11-01'}\nregions:",
            "certification",
        ),
        (
            "  city: Paris\n  country: FR\n",
            "  city: Paris\n  country: FR\n  source: {url: 'https://example.invalid/r', retrieved: '2026-11-01'}\n",
            "region 'PAR'",
        ),
        (
            "    published: '2026-11-01'\n    evidence: provider_api\n    note: test fixture",
            "    evidence: provider_api\n    note: test fixture",
            "company",
        ),
    ],
)
def test_a_fact_source_without_publication_date_is_a_problem(
    tmp_path: Path, old: str, new: str, named: str
) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    path = root / "providers" / "ovhcloud.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    report = check_catalog(root / "providers", root / "mappings", today=dt.date(2026, 12, 5))
    assert any(
        "ovhcloud.yaml" in p and named in p and "needs published" in p for p in report.problems
    ), report.problems
    with pytest.raises(InputError, match="ovhcloud.yaml.*needs published"):
        load_catalog(root / "providers", root / "mappings")


def test_validate_names_undated_fact_sources(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    path = root / "providers" / "ovhcloud.yaml"
    text = path.read_text(encoding="utf-8")
    undated = (
        "  source: {url: 'https://example.invalid/r', retrieved: '2026-11-01', published: unknown, "
        "undated_reason: the page shows no date}\n"
    )
    path.write_text(
        text.replace("  city: Paris\n  country: FR\n", "  city: Paris\n  country: FR\n" + undated),
        encoding="utf-8",
    )
    report = check_catalog(root / "providers", root / "mappings", today=dt.date(2026, 12, 5))
    assert report.ok, report.problems
    assert (
        "ovhcloud: 1 of 3 company, certification and region sources of unknown publication date "
        "(region PAR)" in report.warnings
    )


def _with_billed_type(tmp_path: Path, source: str) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    path = root / "mappings" / "sources" / "aws.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  AWS::NetworkFirewall::Firewall:\n    kind: network.firewall\n    billed:\n"
        + "      basis: per firewall endpoint hour, plus data processed\n"
        + f"      source: {{url: 'https://example.invalid/nfw', retrieved: '2026-11-01', {source}}}\n",
        encoding="utf-8",
    )
    return root


def test_validate_names_undated_billing_sources(tmp_path: Path) -> None:
    root = _with_billed_type(
        tmp_path / "a", "published: unknown, undated_reason: the page shows no date"
    )
    report = check_catalog(root / "providers", root / "mappings", today=dt.date(2026, 12, 5))
    assert report.ok, report.problems
    assert (
        "mappings/sources/aws.yaml: 1 of 1 billing sources of unknown publication date "
        "(AWS::NetworkFirewall::Firewall; 1 page: https://example.invalid/nfw)" in report.warnings
    )
    dated = _with_billed_type(tmp_path / "b", "published: '2026-10-01'")
    report = check_catalog(dated / "providers", dated / "mappings", today=dt.date(2026, 12, 5))
    assert report.ok, report.problems
    assert not [w for w in report.warnings if w.startswith("mappings/sources/")]


# Sources of unknown publication date in the shipped catalogue, each searched for and explained in
# its undated_reason. A new undated source must raise the figure on purpose; dating one lowers it.
UNDATED_FACT_SOURCES = {"aws": 1, "gcp": 3, "ionos": 2, "opennebula": 6, "scaleway": 1}
UNDATED_BILLING_SOURCES = 2


def test_the_shipped_catalogue_adds_no_undated_source() -> None:
    report = check_catalog(data_dir("providers"), data_dir("mappings"), today=dt.date(2026, 12, 7))
    undated = {
        provider.id: sum(1 for _, source in fact_sources(provider) if source.published == "unknown")
        for provider in report.providers.values()
    }
    for provider_id, count in undated.items():
        assert count <= UNDATED_FACT_SOURCES.get(provider_id, 0), (provider_id, count)
    billing = [
        int(line.split(": ", 1)[1].split(" ", 1)[0])
        for line in report.warnings
        if line.startswith("mappings/sources/")
    ]
    assert sum(billing) <= UNDATED_BILLING_SOURCES, billing


def _copy_fixture(tmp_path: Path, evidence: str, published: str) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    path = root / "providers" / "ovhcloud.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "published: '2026-11-01'\n    evidence: provider_api",
        f"published: {published}\n    evidence: {evidence}"
        + ("\n    undated_reason: no date on the page" if published == "unknown" else ""),
    )
    assert f"evidence: {evidence}" in text
    path.write_text(text, encoding="utf-8")
    return root


def test_validate_warns_on_old_undated_and_second_hand_prices(tmp_path: Path) -> None:
    root = _copy_fixture(tmp_path, "provider_api", "'2024-05-01'")
    ovh = yaml.safe_load((root / "providers" / "ovhcloud.yaml").read_text(encoding="utf-8"))
    count = sum(len(p["prices"]) for p in ovh["products"])
    report = check_catalog(root / "providers", root / "mappings", today=dt.date(2026, 12, 5))
    assert (
        f"ovhcloud: of {count} prices, {count} published more than 12 months ago (oldest 2024-05-01)"
        in report.warnings
    )
    assert not any(w.startswith("scaleway:") for w in report.warnings)
    later = check_catalog(root / "providers", root / "mappings", today=dt.date(2027, 12, 5))
    assert any(
        w.startswith("scaleway:") and "published more than 12 months ago" in w
        for w in later.warnings
    )
    root2 = _copy_fixture(tmp_path / "b", "second_hand", "unknown")
    report2 = check_catalog(root2 / "providers", root2 / "mappings", today=dt.date(2026, 12, 5))
    assert f"ovhcloud: of {count} prices, {count} read second-hand" in report2.warnings
    root3 = _copy_fixture(tmp_path / "c", "second_hand", "'2025-06-01'")
    report3 = check_catalog(root3 / "providers", root3 / "mappings", today=dt.date(2026, 12, 5))
    assert (
        f"ovhcloud: of {count} prices, {count} read second-hand "
        f"({count} of them also over 12 months old)" in report3.warnings
    )


def _plan(root: Path) -> cloudexit.Plan:
    catalog = load_catalog(root / "providers", root / "mappings")
    inv = Inventory.model_validate(
        inventory(resource("vm-1"), resource("vm-2", attributes={"vcpu": 4, "memory_gib": 16}))
    )
    return cloudexit.plan(inv, cloudexit.Policy(targets=["ovhcloud"]), catalog=catalog)


def test_plan_states_the_share_of_target_spend_on_second_hand_prices(tmp_path: Path) -> None:
    weak = _plan(_copy_fixture(tmp_path, "second_hand", "'2026-10-01'"))
    assert weak.totals.target_monthly > 0
    assert weak.totals.second_hand_monthly == sum(
        p.choice.second_hand_monthly for p in weak.placements
    )
    assert weak.totals.second_hand_share == round(
        float(weak.totals.second_hand_monthly / weak.totals.target_monthly), 4
    )
    assert weak.totals.second_hand_share > 0.5
    line = next(w for w in weak.warnings if "rests on second-hand" in w)
    assert line.startswith(f"{weak.totals.second_hand_share:.1%} of target spend")
    assert all(p.choice.second_hand_prices for p in weak.placements)

    firm = _plan(_copy_fixture(tmp_path / "b", "provider_api", "'2026-10-01'"))
    assert firm.totals.second_hand_monthly == 0 and firm.totals.second_hand_share == 0
    assert not any("rests on second-hand" in w for w in firm.warnings)


def test_a_catalogue_with_an_undated_price_does_not_load(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    path = root / "providers" / "ovhcloud.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    published: '2026-11-01'\n", "", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="ovhcloud.yaml.*published"):
        load_catalog(root / "providers", root / "mappings")


def test_the_share_counts_egress_priced_second_hand_and_nothing_else(tmp_path: Path) -> None:
    """Instances priced first-hand, internet egress priced from a second-hand reading: the
    second-hand part of target spend is exactly the egress."""
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    path = root / "providers" / "ovhcloud.yaml"
    text = path.read_text(encoding="utf-8")
    plain = "    unit: gib\n    regions: []\n    source: *id001\n"
    assert text.count(plain) == 1
    path.write_text(
        text.replace(
            plain,
            "    unit: gib\n    regions: []\n    source: {url: 'https://example.invalid/survey', "
            "retrieved: '2026-11-23', published: '2026-10-01', evidence: second_hand}\n",
        ),
        encoding="utf-8",
    )
    catalog = load_catalog(root / "providers", root / "mappings")
    attributes = {"vcpu": 2, "memory_gib": 8, "monthly_egress_gib": 300}
    inv = Inventory.model_validate(
        inventory(resource("vm-1", attributes=attributes), resource("vm-2"))
    )
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["ovhcloud"]), catalog=catalog)
    egress = sum((p.choice.costs.get("egress", Decimal(0)) for p in plan.placements), Decimal(0))
    assert egress > 0
    assert plan.totals.second_hand_monthly == egress
    assert plan.totals.second_hand_share == round(float(egress / plan.totals.target_monthly), 4)
    assert [p.choice.second_hand_prices for p in plan.placements if p.resource_id == "vm-2"] == [[]]


def test_aws_region_names_are_those_of_aws_own_endpoints_model() -> None:
    """The AWS region list cites the endpoints model of AWS's SDK; the copy that ships with the
    installed SDK must name every catalogue region the same way."""
    from botocore.loaders import Loader

    endpoints = Loader().load_data("endpoints")
    aws_partition = next(p for p in endpoints["partitions"] if p["partition"] == "aws")
    catalog = load_catalog()
    regions = catalog.provider("aws").regions
    assert regions
    for region in regions:
        assert region.source is not None and "botocore/data/endpoints.json" in region.source.url
        assert aws_partition["regions"][region.code]["description"] == region.name, region.code
