"""checkov's plan creates db_app and web_host with no root_block_device, from images no other
instance of the file uses: the plan does not know their root disks until apply. Today's cost
said nothing of the disk it left out while the target priced one."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.importers import import_files


def test_an_instance_whose_root_disk_is_unknown_is_said_so(shared_dir: Path) -> None:
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    instances = {r.name: r for r in inventory.resources if r.type == "aws_instance"}
    assert set(instances) == {"123456789123-acme-corp-dbapp", "123456789123-acme-corp-ec2"}
    for r in instances.values():
        assert r.attributes.storage_gib is None
        assert r.monthly_cost is not None
        assert r.monthly_cost.source.endswith(
            f"root disk not included: its image {r.attributes.details['ami']} sets its size, "
            "unknown until apply"
        )
    policy = cloudexit.Policy(targets=["scaleway"], min_providers=1, allow_retain=False)
    (line,) = [w for w in cloudexit.plan(inventory, policy).warnings if "root disk" in w]
    assert line.startswith("root disk size unknown for 2 planned instances")
    assert line.endswith(": 123456789123-acme-corp-dbapp, 123456789123-acme-corp-ec2")


def test_an_imported_instance_is_named_only_when_no_volume_of_it_is_held() -> None:
    from cloudexit.model.inventory import Resource
    from cloudexit.optimise.assumptions import unknown_root_warnings

    def vm(rid: str, depends_on: list[str]) -> Resource:
        return Resource.model_validate(
            {
                "id": rid,
                "provider": "aws",
                "account": "1",
                "region": "eu-west-1",
                "type": "AWS::EC2::Instance",
                "kind": "compute.vm",
                "name": rid,
                "depends_on": depends_on,
                "attributes": {"details": {"root_disk_unknown": "ami-1"}},
            }
        )

    volume = Resource.model_validate(
        {
            "id": "vol-1",
            "provider": "aws",
            "account": "1",
            "region": "eu-west-1",
            "type": "AWS::EC2::Volume",
            "kind": "storage.block",
            "name": "vol-1",
            "attributes": {"storage_gib": 8},
        }
    )
    (line,) = unknown_root_warnings([vm("i-1", ["vol-1"]), vm("i-2", []), volume], {})
    assert line.startswith("root disk size unknown for 1 imported instance (")
    assert line.endswith(": i-2")
