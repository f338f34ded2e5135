"""Small builders shared by tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from cloudexit.api import inventory as import_inventory
from cloudexit.catalog import Catalog, load_catalog
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Placement
from cloudexit.model.policy import Policy

FIXTURE_CATALOG = Path(__file__).resolve().parent / "data" / "catalog"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "estate"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
"""Real public exports kept beside the repository, wherever the tests are run from."""


def fixture_catalog() -> Catalog:
    return load_catalog(FIXTURE_CATALOG / "providers", FIXTURE_CATALOG / "mappings")


def corpus_file(name: str) -> Path:
    """A recorded export of the shared corpus; skipped where the corpus is not beside the
    repository."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{path} not present (the shared corpus sits beside the repository)")
    return path


@cache
def corpus_inventory(name: str) -> Inventory:
    """A recorded export of the shared corpus, imported once per test run (a Terraform plan
    with what it would create)."""
    return import_inventory("import", corpus_file(name), planned=name.startswith("tfplan"))


def resource(rid: str, kind: str = "compute.vm", **overrides: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": rid,
        "provider": "aws",
        "account": "123456789012",
        "region": "us-east-1",
        "type": "AWS::EC2::Instance",
        "kind": kind,
        "name": rid,
        "attributes": {"vcpu": 2, "memory_gib": 8},
        "monthly_cost": {"amount": "70.08", "currency": "USD", "source": "test"},
    }
    item.update(overrides)
    return item


def inventory(*resources: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema_version": "1.0",
        "generated_at": "2026-11-01T00:00:00Z",
        "resources": list(resources),
    }


# Per target: the server resource type and the marker that keeps two replicas apart.
KEPT_APART = [
    ("opennebula", "opennebula_virtual_machine", '"ANTI_AFFINED"'),
    ("scaleway", "scaleway_instance_server", '"max_availability"'),
    ("ovhcloud", "ovh_cloud_instance", '"ANTI_AFFINITY"'),
    ("ionos", "ionoscloud_server", '"ZONE_2"'),
]


def tfstate(resources: list[dict[str, Any]]) -> dict[str, Any]:
    """A raw version-4 terraform.tfstate holding ``resources``."""
    return {
        "version": 4,
        "terraform_version": "1.9.0",
        "serial": 1,
        "lineage": "00000000-0000-0000-0000-000000000000",
        "resources": resources,
    }


def tfstate_resource(
    provider: str, tf_type: str, name: str, values: dict[str, Any], deps: list[str]
) -> dict[str, Any]:
    """One resource of a raw version-4 terraform.tfstate, as Terraform writes it."""
    return {
        "mode": "managed",
        "type": tf_type,
        "name": name,
        "provider": f'provider["registry.terraform.io/hashicorp/{provider}"]',
        "instances": [{"attributes": values, "dependencies": deps}],
    }


def v1_security_group(rid: str, *rules: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    """An AWS security group as schema 1.0 wrote it: its rules in details, not in topology."""
    return resource(
        rid,
        kind="network.security_group",
        type="AWS::EC2::SecurityGroup",
        attributes={"details": {"rules": list(rules)}},
        **overrides,
    )


def https_in(cidr: str) -> dict[str, Any]:
    """A 1.0 ingress rule: TCP 443 from ``cidr``."""
    return {
        "direction": "ingress",
        "protocol": "tcp",
        "from_port": 443,
        "to_port": 443,
        "cidr": cidr,
    }


def split_pairs(pairs: list[tuple[str, str]], placements: list[Placement]) -> list[tuple[str, str]]:
    """Attached pairs placed apart, or one end placed and the other not. A network object
    recreated at several sites is at each: a subnet and its network are together when one's
    sites hold the other's."""
    sites = {
        p.resource_id: {(o.provider, o.region, o.retain) for o in [p.choice, *(p.copies or [])]}
        for p in placements
    }
    return [
        (a, b)
        for a, b in pairs
        if (a in sites) != (b in sites)
        or (a in sites and not (sites[a] <= sites[b] or sites[b] <= sites[a]))
    ]


def replica_written_beside_primary(
    plan: Any, primary: str, replica: str, shared_dir: Path, out: Path
) -> str:
    """Check a read replica sits on its primary's site and copies none of its data, emit the
    plan into ``out`` and check its Terraform: the written Terraform, every file joined."""
    from decimal import Decimal

    from cloudexit.emit import emit
    from cloudexit.tfcheck.run import check_folder

    placed = {p.resource_id: p.choice for p in plan.placements}
    assert (placed[replica].provider, placed[replica].region) == (
        placed[primary].provider,
        placed[primary].region,
    )
    assert placed[primary].one_off.get("switching_egress", Decimal(0)) > 0
    for part in ("switching_egress", "parallel_egress"):
        assert placed[replica].one_off.get(part, Decimal(0)) == 0
    emit(plan, out)
    root = out / "terraform"
    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []
    return "".join(p.read_text() for p in sorted(root.rglob("*.tf")))


def one_target_policy(target: str, **extra: Any) -> Policy:
    """Everything onto ``target`` alone: nothing kept on the source, no spread required;
    ``extra`` sets further policy fields."""
    return Policy.model_validate(
        {
            "targets": [target],
            "min_providers": 1,
            "max_providers": 1,
            "allow_retain": False,
            "max_spend_share": 1,
            "max_region_spend_share": 1,
            **extra,
        }
    )
