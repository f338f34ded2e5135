"""Parts that only work together: cluster instances and their cluster, a load balancer with
its listeners, pools and targets. Each is an attachment, placed as one unit onto every target
whatever ``from_dependencies`` says, and written into one site's Terraform."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cloudexit.catalog import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import write_terraform
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from cloudexit.optimise.attachments import attachments
from tests.helpers import inventory, resource, split_pairs, tfstate_resource
from tests.topology.roundtrip import TARGETS, check_errors
from tests.topology.test_end_to_end import corpus


def _links(inv: Inventory) -> set[tuple[str, str, str]]:
    return {(r.id, a.relation, a.to) for r in inv.resources for a in r.topology.attachments}


def test_cluster_instances_are_members_of_their_cluster_in_every_spelling() -> None:
    inv = Inventory.model_validate(
        inventory(
            resource("neptune", "database.graph", type="aws_neptune_cluster"),
            resource(
                "neptune-1",
                "database.graph",
                type="aws_neptune_cluster_instance",
                depends_on=["neptune"],
            ),
            resource("docdb", "database.document", type="AWS::RDS::DBCluster"),
            resource(
                "docdb-1",
                "database.document",
                type="AWS::DocDB::DBInstance",
                depends_on=["docdb"],
            ),
            # A plan may not know the instance's engine yet: the category is what must agree.
            resource("aurora", "database.postgresql", type="aws_rds_cluster"),
            resource(
                "aurora-1",
                "database.mysql",
                type="aws_rds_cluster_instance",
                depends_on=["aurora"],
            ),
            resource("cache", "cache.redis", type="AWS::ElastiCache::ReplicationGroup"),
            resource(
                "cache-1",
                "cache.redis",
                type="AWS::ElastiCache::CacheCluster",
                depends_on=["cache"],
            ),
            # Two stand-alone databases naming each other are a dependency, no more.
            resource("orders", "database.postgresql", type="aws_db_instance"),
            resource(
                "reports", "database.postgresql", type="aws_db_instance", depends_on=["orders"]
            ),
            # A snapshot of a cluster is not one of its members.
            resource(
                "snap",
                "storage.snapshot",
                type="aws_neptune_cluster_snapshot",
                depends_on=["neptune"],
            ),
        )
    )
    assert _links(inv) == {
        ("neptune-1", "cluster_member", "neptune"),
        ("docdb-1", "cluster_member", "docdb"),
        ("aurora-1", "cluster_member", "aurora"),
        ("cache-1", "cluster_member", "cache"),
    }


def test_a_load_balancer_keeps_its_listeners_pools_and_targets() -> None:
    inv = Inventory.model_validate(
        inventory(
            resource("lb", "network.load_balancer", type="openstack_lb_loadbalancer_v2"),
            resource(
                "listener",
                "network.load_balancer",
                type="openstack_lb_listener_v2",
                depends_on=["lb"],
            ),
            resource(
                "pool",
                "network.target_group",
                type="openstack_lb_pool_v2",
                depends_on=["listener"],
            ),
            resource(
                "member",
                "network.target_group",
                type="openstack_lb_member_v2",
                depends_on=["pool", "web"],
            ),
            resource("web", type="openstack_compute_instance_v2"),
            resource("classic", "network.load_balancer", type="aws_elb", depends_on=["app"]),
            resource("app", type="aws_instance"),
            resource("caller", type="aws_instance", depends_on=["unrelated"]),
            resource("unrelated", type="aws_instance"),
        )
    )
    assert _links(inv) == {
        ("listener", "listener", "lb"),
        ("pool", "target_group", "listener"),
        ("member", "target_group", "pool"),
        ("web", "lb_member", "member"),
        ("app", "lb_member", "classic"),
    }


def test_a_target_group_attachment_in_a_state_makes_the_instance_a_member(
    tmp_path: Path,
) -> None:
    arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012"

    def res(tf_type: str, name: str, values: dict[str, object]) -> dict[str, object]:
        return {
            "address": f"{tf_type}.{name}",
            "mode": "managed",
            "type": tf_type,
            "name": name,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "values": values,
        }

    state = {
        "format_version": "0.1",
        "terraform_version": "1.5.7",
        "values": {
            "root_module": {
                "resources": [
                    res(
                        "aws_instance",
                        "web",
                        {
                            "id": "i-0a1b2c3d4e5f60718",
                            "arn": "arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f60718",
                            "instance_type": "t3.small",
                            "availability_zone": "eu-west-1a",
                        },
                    ),
                    res(
                        "aws_lb",
                        "front",
                        {
                            "id": f"{arn}:loadbalancer/app/front/1",
                            "arn": f"{arn}:loadbalancer/app/front/1",
                        },
                    ),
                    res(
                        "aws_lb_target_group",
                        "web",
                        {
                            "id": f"{arn}:targetgroup/web/2",
                            "arn": f"{arn}:targetgroup/web/2",
                            "port": 80,
                        },
                    ),
                    res(
                        "aws_lb_target_group_attachment",
                        "web",
                        {
                            "target_group_arn": f"{arn}:targetgroup/web/2",
                            "target_id": "i-0a1b2c3d4e5f60718",
                        },
                    ),
                ]
            }
        },
    }
    path = tmp_path / "state.json"
    path.write_text(json.dumps(state), encoding="utf-8")
    inv = import_files([path])
    by_type = {r.type: r for r in inv.resources}
    assert "aws_lb_target_group_attachment" not in by_type
    web, group = by_type["aws_instance"], by_type["aws_lb_target_group"]
    assert (web.id, "lb_member", group.id) in _links(inv)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "tfplan-aws-55res-checkov.json",
            {("aws_instance.web_host", "aws_elb.weblb")},
        ),
        (
            "tfstate-v4-openstack-lb-inframap.tfstate.json",
            # listener, pool and member are folded into the balancer: the member's server is its
            {("openstack_compute_instance_v2", "openstack_lb_loadbalancer_v2")},
        ),
    ],
)
def test_members_of_real_exports_share_a_site_on_each_target_alone(
    tmp_path: Path, name: str, expected: set[tuple[str, str]]
) -> None:
    inv = import_files([corpus(name)], planned=True)
    by_id = inv.by_id()
    pairs = attachments(inv)

    def label(rid: str) -> str:
        r = by_id[rid]
        return rid.rsplit(":", 1)[-1] if rid.startswith("terraform:") else r.type

    assert expected <= {(label(a), label(b)) for a, b in pairs}
    catalog = load_catalog()
    for target, _ in TARGETS:
        policy = Policy(targets=[target], colocation={"from_dependencies": False})
        result = plan(inv, catalog, policy)
        assert result.solver.status.value in ("optimal", "feasible"), target
        site = {p.resource_id: (p.choice.provider, p.choice.region) for p in result.placements}
        members = {
            rid for pair in pairs for rid in pair if label(rid) in {x for e in expected for x in e}
        }
        assert members <= set(site), (target, members - set(site))
        assert split_pairs(pairs, result.placements) == [], target
        out = tmp_path / target
        write_terraform(result, out, make_environment(), catalog)
        assert check_errors(out) == [], target


def test_parts_of_a_vm_no_target_takes_stay_with_it() -> None:
    # OVHcloud prices no Windows licence: the Windows VM of this real plan can only be kept on
    # the source there, so its network interface and public IP are not moved without it. Once
    # the VM's Windows rate was known it had that one option and the whole plan was infeasible.
    inv = import_files([corpus("tfplan-azure-vms-tfcompliance.json")], planned=True)
    result = plan(inv, load_catalog(), Policy(targets=["ovhcloud"]))
    assert result.solver.status == "optimal"
    unplaced = {u.resource_id.rsplit(":", 1)[-1]: u for u in result.unplaced}
    windows = "module.windowsservers-pass.azurerm_virtual_machine.vm-windows[0]"
    kept = {p.resource_id.rsplit(":", 1)[-1] for p in result.placements if p.choice.retain}
    assert windows in kept or unplaced[windows].code == "no_option"
    held = {
        p.resource_id.rsplit(":", 1)[-1]
        for p in result.placements
        if p.kept_with is not None
        and p.reason.endswith("(attached to it), which stays on the source")
    }
    assert held == {
        "module.windowsservers-pass.azurerm_network_interface.vm[0]",
        "module.windowsservers-pass.azurerm_public_ip.vm[0]",
    }
    moved = {p.resource_id for p in result.placements if not p.choice.retain}
    assert [(a, b) for a, b in attachments(inv) if (a in moved) != (b in moved)] == []
    # The Linux VM and its interface still move together.
    assert any(rid.endswith("azurerm_virtual_machine.vm-linux[0]") for rid in moved)


def test_listener_and_record_resources_of_a_state_join_their_balancer_and_zone(
    tmp_path: Path,
) -> None:
    inv = import_files([corpus("tfstate-v4-openstack-lb-inframap.tfstate.json")])
    types = {r.type for r in inv.resources}
    assert "openstack_lb_listener_v2" not in types  # not a second balancer on the target
    lb = next(r for r in inv.resources if r.type == "openstack_lb_loadbalancer_v2")
    # the recorded state keeps no port for its listener: reported, not guessed
    assert lb.topology.listeners == []
    assert any(
        i.resource_id == lb.id and "listener" in i.message and "no port" in i.message
        for i in inv.issues
    )

    def res(
        tf_type: str, name: str, values: dict[str, object], deps: list[str]
    ) -> dict[str, object]:
        return tfstate_resource("aws", tf_type, name, values, deps)

    zone = "arn:aws:route53:::hostedzone/Z0EXAMPLE"
    state = {
        "version": 4,
        "terraform_version": "1.9.8",
        "serial": 1,
        "resources": [
            res(
                "aws_route53_zone",
                "main",
                {"id": "Z0EXAMPLE", "arn": zone, "name": "shop.example"},
                [],
            ),
            res(
                "aws_route53_record",
                "www",
                {
                    "id": "Z0EXAMPLE_www.shop.example_A",
                    "zone_id": "Z0EXAMPLE",
                    "name": "www.shop.example",
                    "fqdn": "www.shop.example",
                    "type": "A",
                    "ttl": 300,
                    "records": ["192.0.2.10"],
                    "alias": [],
                },
                ["aws_route53_zone.main"],
            ),
            res(
                "aws_route53_record",
                "app",
                {
                    "id": "Z0EXAMPLE_app.shop.example_A",
                    "zone_id": "Z0EXAMPLE",
                    "name": "app.shop.example",
                    "type": "A",
                    "records": [],
                    "alias": [
                        {"name": "lb.example.net", "zone_id": "Z1", "evaluate_target_health": False}
                    ],
                },
                ["aws_route53_zone.main"],
            ),
        ],
    }
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(state), encoding="utf-8")
    inv = import_files([path])
    assert [r.type for r in inv.resources] == ["aws_route53_zone"]
    zone_resource = inv.resources[0]
    assert [(r.name, r.type, r.values) for r in zone_resource.topology.records] == [
        ("www.shop.example", "A", ["192.0.2.10"])
    ]
    assert any("alias to lb.example.net" in i.message for i in inv.issues)


def test_a_cluster_instance_of_a_real_export_is_folded_into_its_cluster() -> None:
    inv = import_files([corpus("tfplan-aws-55res-checkov.json")], planned=True)
    by_type = {r.type: r for r in inv.resources}
    assert "aws_neptune_cluster_instance" not in by_type
    cluster = by_type["aws_neptune_cluster"]
    assert [m.rsplit(":", 1)[-1] for m in cluster.members] == [
        "aws_neptune_cluster_instance.default[0]"
    ]
    # the cluster reports no class of its own: it runs its one db.t3.medium instance
    assert (cluster.attributes.instance_type, cluster.attributes.node_count) == ("db.t3.medium", 1)
    assert any(
        i.code == "skipped" and i.resource_id == cluster.members[0] and i.scope == cluster.id
        for i in inv.issues
    )
