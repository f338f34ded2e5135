"""Both sides of a machine's cost count its disks: the Scaleway root volume the Terraform writes
(a Block Storage sbs_volume, billed per GB) is priced after, and the EBS volumes a Terraform
``aws_instance`` declares inline are priced today.

Real exports: Cloud Custodian's EC2 placebo response (three running t2.micro) and infracost's
v0.14 AWS plan (t3.nano machines with an 8 GiB gp2 root_block_device).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.boot_disks import BOOT_GIB
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy
from tests.helpers import inventory as helpers_inventory
from tests.helpers import one_target_policy, resource


def test_the_root_volume_written_is_priced(shared_dir: Path, tmp_path: Path) -> None:
    catalog = load_catalog()
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "aws-ec2-describe-instances-c7n-placebo.json"
    )
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    assert len(plan.placements) == 3
    for p in plan.placements:
        # Before: costs {"compute": 0.44}, the 20 GB sbs_volume root disk left out.
        assert p.choice.costs["boot_volume"] > 0
        assert p.choice.monthly_cost == p.choice.costs["compute"] + p.choice.costs["boot_volume"]
    api.emit(plan, tmp_path, catalog=catalog)
    compute = next((tmp_path / "terraform" / "scaleway").glob("*/compute.tf")).read_text()
    assert compute.count("size_in_gb  = 20") == 3 and 'volume_type = "sbs_volume"' in compute


def test_inline_ebs_of_a_terraform_instance_counts_today(shared_dir: Path) -> None:
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "tfplan-aws-infracost-v0.14.json", planned=True
    )
    (vm,) = [r for r in inventory.resources if r.name == "aws_instance.instance_1"]
    assert vm.attributes.storage_gib == 8 and vm.monthly_cost is not None
    # Before: the t3.nano's hours only, EUR 3.26; now with 8 GiB of gp2 at USD 0.10 a GiB-month.
    assert "ebs-gp2" in vm.monthly_cost.source
    assert vm.monthly_cost.amount > Decimal("3.26")


def test_a_boot_disk_under_scaleway_minimum_is_raised_to_it(tmp_path: Path) -> None:
    """A Scaleway Block Storage volume is at least 5 GB (mappings/boot-volumes.yaml): a 2 GB
    source boot disk is written and priced at 5 GB, and the plan says so, where 2 GB was written
    and refused at apply."""
    catalog = load_catalog()
    small = resource("tiny", attributes={"vcpu": 2, "memory_gib": 8, "details": {BOOT_GIB: 2}})
    large = resource("large", attributes={"vcpu": 2, "memory_gib": 8, "details": {BOOT_GIB: 30}})
    inventory = Inventory.model_validate(helpers_inventory(small, large))
    plan = api.plan(inventory, one_target_policy("scaleway"), catalog)
    by_id = {p.resource_id: p for p in plan.placements}
    rate = by_id["large"].choice.costs["boot_volume"] / 30
    assert by_id["tiny"].choice.costs["boot_volume"] == rate * 5
    (line,) = [w for w in plan.warnings if w.startswith("root volume raised")]
    assert "scaleway's minimum of 5 GB" in line and "tiny (2 GB)" in line
    assert "large" not in line
    api.emit(plan, tmp_path, catalog=catalog)
    compute = "".join(
        f.read_text() for f in sorted((tmp_path / "terraform" / "scaleway").glob("*/compute.tf"))
    )
    assert "size_in_gb  = 5" in compute and "size_in_gb  = 2\n" not in compute
    assert "size_in_gb  = 30" in compute


def test_machines_differing_only_by_boot_disk_are_priced_each_at_its_own() -> None:
    """The boot disk's size is held in details: two machines alike but for it were one class
    and both priced at the first one's root volume."""
    ten = resource("ten", attributes={"vcpu": 2, "memory_gib": 8, "details": {BOOT_GIB: 10}})
    thirty = resource("thirty", attributes={"vcpu": 2, "memory_gib": 8, "details": {BOOT_GIB: 30}})
    inventory = Inventory.model_validate(helpers_inventory(ten, thirty))
    plan = api.plan(inventory, one_target_policy("scaleway"), load_catalog())
    by_id = {p.resource_id: p.choice.costs["boot_volume"] for p in plan.placements}
    assert by_id["thirty"] == by_id["ten"] * 3
