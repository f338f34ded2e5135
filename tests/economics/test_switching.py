"""Switching egress by date: EU Data Act Art. 29, exit programmes, free allowances per account."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import cloudexit
from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.datafiles import data_dir
from cloudexit.importers import import_files
from cloudexit.model import Inventory
from cloudexit.optimise.switching import basis
from tests.helpers import inventory, resource


@pytest.fixture(scope="module")
def catalog():
    return api.load_catalog()


def bucket(rid: str, gib: float, account: str = "111111111111") -> dict:
    return resource(
        rid,
        kind="storage.object",
        type="AWS::S3::Bucket",
        account=account,
        attributes={"storage_gib": gib},
        monthly_cost={"amount": "500", "currency": "USD", "source": "test"},
    )


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(bucket("a", 60), bucket("b", 60), bucket("c", 1000, "222222222222"))
    )


def make_plan(catalog, **switching: object):
    policy = cloudexit.Policy.model_validate(
        {"targets": ["scaleway"], "allow_retain": False, "switching": switching}
    )
    return cloudexit.plan(estate(), policy, catalog=catalog)


def test_a_wave_after_12_january_2027_costs_no_switching_egress(catalog):
    plan = make_plan(catalog, start_date="2027-02-01")
    assert plan.switching and all(line.charged == 0 for line in plan.switching)
    assert all("Art. 29(1)" in line.basis for line in plan.switching)
    assert plan.totals.switching_egress == 0
    assert all(p.choice.switching_egress == 0 for p in plan.placements)


def test_before_the_ban_egress_is_charged_and_waiting_is_priced(catalog, tmp_path):
    before = make_plan(catalog, start_date="2026-11-02")
    after = make_plan(catalog, start_date="2027-02-01")
    assert before.totals.switching_egress > 0
    assert all("Art. 29(2)" in line.basis for line in before.switching)
    # the dated egress is part of the one-off, and is all that differs between the two dates
    assert (
        before.totals.one_off_migration - after.totals.one_off_migration
        == before.totals.switching_egress
    )
    assert sum(line.waiting_saves for line in before.switching) == before.totals.switching_egress
    cloudexit.emit(before, tmp_path, catalog=catalog)
    text = (tmp_path / "runbook.md").read_text()
    assert (
        "### Switching egress by date" in text
        and "Waiting: moving this data on or after 2027-01-12" in text
    )


def test_free_allowance_counts_once_per_account_and_month(catalog):
    plan = make_plan(catalog, start_date="2026-11-02")
    by_account = {line.account: line for line in plan.switching}
    shared = by_account["111111111111"]
    assert shared.data_gib == 120 and shared.free_gib == 100  # not 60 free per bucket
    assert shared.charged == (Decimal(20) * Decimal("0.09") * Decimal("0.86")).quantize(
        Decimal("0.01")
    )
    assert by_account["222222222222"].free_gib == 100


def test_without_the_data_act_rule_list_price_applies(catalog):
    plan = make_plan(catalog, start_date="2027-02-01", data_act=False)
    assert plan.totals.switching_egress > 0
    assert all(line.basis == "list price" for line in plan.switching)


def test_an_exit_programme_waives_the_egress_of_its_provider(catalog):
    plan = make_plan(catalog, start_date="2026-11-02", exit_programmes=["aws"])
    assert plan.totals.switching_egress == 0
    assert all(line.basis.startswith("aws exit programme") for line in plan.switching)


def test_the_rule_follows_the_date():
    policy = cloudexit.Policy()
    assert basis("aws", dt.date(2027, 1, 11), policy).charged
    assert not basis("aws", dt.date(2027, 1, 12), policy).charged
    assert basis("aws", dt.date(2023, 6, 1), policy).text == "list price"


def test_the_optimiser_prices_egress_on_the_inventory_date_as_the_waves_do(catalog):
    later = estate().model_copy(update={"generated_at": "2027-03-01T00:00:00Z"})
    policy = cloudexit.Policy.model_validate({"targets": ["scaleway"], "allow_retain": False})
    plan = cloudexit.plan(later, policy, catalog=catalog)
    assert plan.switching and all(line.date >= "2027-03-01" for line in plan.switching)
    assert all(line.charged == 0 for line in plan.switching)
    # the options the solver compared carried the same rule: nothing to re-date
    units_rows = cloudexit.optimise.units.build_units(later, catalog, policy, later.resources).units
    assert all(row.option.switching_egress == 0 for unit in units_rows for row in unit.rows)


def test_a_global_location_takes_the_egress_price_every_region_shares(catalog):
    image = resource(
        "img",
        kind="storage.image",
        provider="gcp",
        region="global",
        type="compute.googleapis.com/Image",
        attributes={"storage_gib": 100},
    )
    plan = cloudexit.plan(
        Inventory.model_validate(inventory(image)),
        cloudexit.Policy.model_validate({"targets": ["scaleway"], "allow_retain": False}),
        catalog=catalog,
    )
    assert not plan.unplaced
    # 100 GiB at GCP's Premium Tier rate, which is the same in every region the catalogue lists
    assert plan.placements[0].choice.switching_egress > 0


def _without_zurich_egress(root: Path) -> Path:
    """The bundled providers with AWS's internet egress rate for Zurich taken out."""
    providers = data_dir("providers")
    (root / "providers").mkdir()
    for item in providers.iterdir():
        if item.name != "aws.yaml":
            (root / "providers" / item.name).symlink_to(item)
    text = (providers / "aws.yaml").read_text()
    start = text.index("\n- id: internet-egress\n")
    end = text.index("\n- id: ", start + 1)
    block = text[start:end].replace("[eu-central-2, eu-south-2]", "[eu-south-2]")
    block += (
        "\n  unpriced:\n  - {regions: [eu-central-2], reason: 'taken out for the test',"
        " checked: '2026-12-06'}"
    )
    (root / "providers" / "aws.yaml").write_text(text[:start] + block + text[end:])
    return root / "providers"


def test_a_global_location_gets_no_egress_price_where_regions_differ(tmp_path):
    # AWS lists no egress rate for one region here, so a location that is no region has none either
    catalog = load_catalog(_without_zurich_egress(tmp_path), data_dir("mappings"))
    bucket_ = resource("b", kind="storage.object", region="global", attributes={"storage_gib": 100})
    plan = cloudexit.plan(
        Inventory.model_validate(inventory(bucket_)),
        cloudexit.Policy.model_validate({"targets": ["scaleway"], "allow_retain": False}),
        catalog=catalog,
    )
    # placed all the same, its copy's egress named as unpriced, never counted as zero
    assert not plan.unplaced and plan.placements[0].choice.egress_unpriced
    assert plan.totals.one_off_unpriced_egress == ["b"]
    assert any(w.startswith("no egress price for aws/global") for w in plan.warnings)


def test_the_global_images_and_snapshots_of_a_real_export_are_placed(shared_dir, catalog):
    imported = import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])
    plan = cloudexit.plan(
        imported,
        cloudexit.Policy.model_validate({"targets": ["scaleway"], "allow_retain": False}),
        catalog=catalog,
    )
    moved = {
        p.resource_id for p in plan.placements if p.kind in ("storage.image", "storage.snapshot")
    }
    assert len(moved) == 5
    assert not [u for u in plan.unplaced if "no egress price" in u.reason]
