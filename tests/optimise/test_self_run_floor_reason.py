"""A self-run service planned on its kind's minimum machine says so beside its size: the checkov
plan's t2.small.elasticsearch domain (1 vCPU, 2 GiB) is planned on 4 vCPU and 16 GiB, the floor
mappings/running-costs.yaml sets for a self-run search cluster, and nothing else explains it."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import cloudexit
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.importers import import_files
from cloudexit.model.policy import Policy


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


@pytest.mark.parametrize("target", ["ovhcloud", "opennebula"])
def test_a_search_domain_raised_to_the_self_run_floor_says_why(shared_dir: Path, target: str):
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    plan = cloudexit.plan(inventory, Policy(targets=[target]), catalog=catalog())
    (search,) = [p for p in plan.placements if p.kind == "analytics.search"]
    assert search.choice.fidelity == "self_managed"
    assert search.requirement is not None and search.requirement.startswith("4 vCPU")
    assert search.requirement_reason is not None
    assert "minimum_size" in search.requirement_reason
    assert "raised to the 4 vCPU, 16 GiB" in search.requirement_reason


def test_a_machine_no_floor_applies_to_keeps_its_own_reason(shared_dir: Path):
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    plan = cloudexit.plan(inventory, Policy(targets=["ovhcloud"]), catalog=catalog())
    machines = [p for p in plan.placements if p.kind == "compute.vm" and p.requirement_reason]
    assert machines
    assert all("minimum_size" not in (p.requirement_reason or "") for p in machines)
