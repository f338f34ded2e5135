"""Every real export in the shared corpus imports, and every resource in it is accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit.importers import import_file, import_files
from cloudexit.model.io import dumps
from cloudexit.model.kinds import Kind

# resource counts as the corpus README lists them (every module level, count/for_each instance)
CORPUS = {
    "tfplan-aws-infracost-v0.14.json": ("terraform-json", 26),
    "tfstate-showjson-aws-infracost-v0.14.json": ("terraform-json", 14),
    "tfplan-azure-firewall-infracost.json": ("terraform-json", 11),
    "tfplan-aws-55res-checkov.json": ("terraform-json", 55),
    "tfplan-gcp-network-checkov.json": ("terraform-json", 11),
    "tfplan-azure-vms-tfcompliance.json": ("terraform-json", 18),
    "tfstate-v4-openstack-lb-inframap.tfstate.json": ("tfstate", 12),
    # 133 assets, and the node pool the GKE cluster holds, read from it as the live scan does
    "gcp-cai-export-forseti.jsonl": ("cloud-asset", 134),
    "azure-arm-resources-list-c7n.json": ("resource-graph", 78),
    "azure-resourcegraph-table-response-c7n.json": ("resource-graph", 1),
    "aws-ec2-describe-instances-c7n-placebo.json": ("aws-cli", 13),
}
FAKE_SECRETS = (
    "Aa1234321Bb",
    "AKIAIOSFODNN7EXAMPLE",
    "AKIAIOSFODNN7EXAMAAA",
    "wJalrXUtnFEMI",
    "ComplxP@ssw0rd!",
    "YourPwdShouldBeLongAndSecure!",
    "ssh-rsa AAAA",
)


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_resource_is_imported_or_skipped_with_a_reason(corpus: Path, name: str) -> None:
    expected_format, count = CORPUS[name]
    inventory = import_files([corpus / name], planned=True)
    skipped = [i for i in inventory.issues if i.code == "skipped"]
    assert inventory.sources[0].kind == f"import:{expected_format}"
    # a pool known only from its machines' tags (an ACS agent pool) is not in the source
    made = [r for r in inventory.resources if "known_from" in r.attributes.details]
    assert len(inventory.resources) - len(made) + len(skipped) == count
    assert all(i.resource_id and ": " in i.message for i in skipped)


@pytest.mark.parametrize("name", sorted(n for n in CORPUS if n.startswith("tfplan")))
def test_plans_without_planned_keep_creations_apart(corpus: Path, name: str) -> None:
    ctx = import_file(corpus / name)
    assert not any(r.planned for r in ctx.resources)
    assert len(ctx.resources) + ctx.skipped == CORPUS[name][1]
    with_planned = import_file(corpus / name, planned=True)
    assert any(r.planned for r in with_planned.resources)


def test_infracost_plan_separates_existing_from_planned(corpus: Path) -> None:
    ctx = import_file(corpus / "tfplan-aws-infracost-v0.14.json", planned=True)
    existing = [r for r in ctx.resources if not r.planned]
    planned = [r for r in ctx.resources if r.planned]
    # 13 no-op + 1 update exist; 12 would be created (4 IAM among all, 1 default VPC seen twice);
    # option and parameter groups are database settings, skipped with their reason
    assert {r.type for r in planned} == {"aws_instance", "aws_db_instance", "aws_db_subnet_group"}
    db = next(r for r in existing if r.type == "aws_db_instance")
    assert db.kind is Kind.MYSQL
    assert db.attributes.instance_type == "db.t3.micro"
    assert db.id == "arn:aws:rds:us-east-1:123123123123:db:demodb"
    assert db.region == "us-east-1" and db.account == "123123123123"
    # dependencies from prior state: VPC and subnet group (the settings groups are skipped),
    # and the security group it names, which the file does not hold (resolved across files)
    assert len(db.depends_on) == 3
    assert "arn:aws:ec2:us-east-1:123123123123:security-group/sg-5277e14a" in db.depends_on
    counted = [
        r
        for r in existing
        if r.attributes.details.get("terraform_address", "").startswith(
            "aws_instance.instance_counted"
        )
    ]
    assert counted and counted[0].attributes.vcpu == 2


def test_state_and_plan_of_one_estate_merge_once(corpus: Path) -> None:
    inventory = import_files(
        [
            corpus / "tfstate-showjson-aws-infracost-v0.14.json",
            corpus / "tfplan-aws-infracost-v0.14.json",
        ]
    )
    ids = [r.id for r in inventory.resources]
    assert len(ids) == len(set(ids))
    assert any("already imported from an earlier file" in i.message for i in inventory.issues)


def test_terminated_instances_are_excluded(corpus: Path) -> None:
    ctx = import_file(corpus / "aws-ec2-describe-instances-c7n-placebo.json")
    assert len(ctx.resources) == 3
    assert all(
        r.attributes.state == "running" and r.attributes.instance_type == "t2.micro"
        for r in ctx.resources
    )
    assert sum("terminated" in i.message for i in ctx.issues if i.code == "skipped") == 10
    assert all(
        r.id.startswith("arn:aws:ec2:us-east-1:644160558196:instance/") for r in ctx.resources
    )


@pytest.mark.parametrize(
    "name",
    [
        "tfplan-aws-55res-checkov.json",
        "tfplan-azure-vms-tfcompliance.json",
        "tfplan-aws-infracost-v0.14.json",
    ],
)
def test_fake_credentials_never_reach_the_inventory(corpus: Path, name: str) -> None:
    text = dumps(import_files([corpus / name], planned=True))
    for secret in FAKE_SECRETS:
        assert secret not in text


def test_cloud_asset_export_skips_containers_and_iam(corpus: Path) -> None:
    inventory = import_files([corpus / "gcp-cai-export-forseti.jsonl"])
    reasons = [i.message for i in inventory.issues if i.code == "skipped"]
    assert sum("cloudresourcemanager.googleapis.com/Project" in m for m in reasons) == 4
    assert any("iam.googleapis.com/ServiceAccount" in m for m in reasons)
    sql = [r for r in inventory.resources if r.type == "sqladmin.googleapis.com/Instance"]
    assert {r.kind for r in sql} == {Kind.MYSQL, Kind.POSTGRESQL}
    custom = next(r for r in sql if r.attributes.instance_type == "db-custom-1-3840")
    assert (custom.attributes.vcpu, custom.attributes.memory_gib) == (1.0, 3.75)
    instance = next(r for r in inventory.resources if r.name == "iap_instance1")
    assert any(d.endswith("/disks/iap_instance1") for d in instance.depends_on)

    # A DNS server policy is resolver settings of its networks, no target resource: skipped,
    # saying what to set by hand, never kept as an unplaceable 'other'.
    assert not [r.name for r in inventory.resources if r.kind == Kind.OTHER]
    (policy,) = [m for m in reasons if m.startswith("dns.googleapis.com/Policy skipped: ")]
    assert "inbound forwarding, alternative name servers, query logging" in policy


def test_resource_graph_table_format(corpus: Path) -> None:
    [vm] = import_files([corpus / "azure-resourcegraph-table-response-c7n.json"]).resources
    assert vm.kind is Kind.VM
    assert vm.attributes.instance_type == "Basic_A0"
    assert vm.attributes.os == "linux"
    assert vm.attributes.storage_gib == 30 + 1023
    assert vm.tags["testtag"] == "testvalue"


def test_arm_list_maps_every_type(corpus: Path) -> None:
    inventory = import_files([corpus / "azure-arm-resources-list-c7n.json"])
    assert not [i for i in inventory.issues if i.code == "unsupported_type"]
    # five machines, four of them the ACS cluster's (a master, three agents)
    assert sum(r.kind is Kind.VM for r in inventory.resources) == 1
    assert sum(r.kind is Kind.STORAGE_ACCOUNT for r in inventory.resources) == 8
    assert len({r.region for r in inventory.resources}) == 7


def test_arm_list_plans_an_azure_sql_database_once(corpus: Path) -> None:
    # Azure bills the user database; the logical server and its master database are not units
    inventory = import_files([corpus / "azure-arm-resources-list-c7n.json"])
    sql = [r for r in inventory.resources if r.type.startswith("microsoft.sql/")]
    assert [r.id.rsplit("/", 1)[-1] for r in sql] == ["cctestdb"]
    assert sql[0].depends_on == []
    skipped = {i.resource_id.rsplit("/", 1)[-1]: i.message for i in inventory.issues}
    assert "free container" in skipped["cctestsqlserverj6y6cbbtaphs4"]
    assert "system database" in skipped["master"]


def test_openstack_state_keeps_dependencies(corpus: Path) -> None:
    ctx = import_file(corpus / "tfstate-v4-openstack-lb-inframap.tfstate.json")
    by_address = {r.attributes.details["terraform_address"]: r for r in ctx.resources}
    member = by_address["openstack_lb_member_v2.FbSow"]
    assert set(member.depends_on) == {
        by_address["openstack_compute_instance_v2.gZfYc"].id,
        by_address["openstack_lb_pool_v2.nwYyz"].id,
    }
    assert sum(r.kind is Kind.VM for r in ctx.resources) == 2


def test_an_openstack_rule_joins_its_group_not_the_group_it_admits(corpus: Path) -> None:
    """uzQon depends on ilWCI (its group) and KFnza (the remote group it admits traffic from);
    it was kept as a security group of its own, empty on the target."""
    ctx = import_file(corpus / "tfstate-v4-openstack-lb-inframap.tfstate.json")
    by_address = {r.attributes.details["terraform_address"]: r for r in ctx.resources}
    assert "openstack_networking_secgroup_rule_v2.uzQon" not in by_address
    group = by_address["openstack_networking_secgroup_v2.ilWCI"]
    remote = by_address["openstack_networking_secgroup_v2.KFnza"]
    ingress = [r for r in group.topology.firewall_rules if r.direction == "ingress"]
    assert [(e.kind, e.value) for r in ingress for e in r.sources] == [("group", remote.id)]
    assert not [r for r in remote.topology.firewall_rules if r.direction == "ingress"]
    (skipped,) = [i for i in ctx.issues if i.resource_id == "a938046d-3cad-475c-b3b6-fa43c5728dfb"]
    assert "part of openstack_networking_secgroup_v2.ilWCI" in skipped.message


def test_import_is_deterministic(corpus: Path) -> None:
    files = [corpus / n for n in sorted(CORPUS)]
    assert dumps(import_files(files, planned=True)) == dumps(import_files(files, planned=True))


def test_a_planned_estate_is_priced_as_it_would_run_and_the_plan_says_so(corpus: Path) -> None:
    import cloudexit
    from cloudexit.model import Policy

    ctx = import_files([corpus / "tfplan-aws-55res-checkov.json"], planned=True)
    machines = [r for r in ctx.resources if r.planned and r.type == "aws_instance"]
    assert machines and all(r.attributes.instance_type == "t2.nano" for r in machines)
    # t2.nano in us-west-2 is listed at USD 0.0058 an hour: a few euros a month, never nothing
    assert all(r.monthly_cost is not None and 2 < r.monthly_cost.amount < 10 for r in machines)
    plan = cloudexit.plan(
        ctx,
        Policy(targets=["ovhcloud"], min_providers=1, allow_retain=False),
    )
    assert plan.totals.current_monthly > 0
    line = next(w for w in plan.warnings if "a Terraform plan would create" in w)
    assert (
        f"counts {sum(1 for r in ctx.resources if r.planned and r.monthly_cost)} resources" in line
    )
