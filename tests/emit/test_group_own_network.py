"""Azure's VirtualNetwork tag is the group's own network and its peers, not every range a site
holds; a group only managed databases used is not written as a group nothing enforces, and its
sources reach the database's own access list, as re-addressed at the database's site."""

from __future__ import annotations

from typing import Any

import hcl2

from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, firewall_gaps, render_site
from cloudexit.emit.terraform.addressing import allocate
from cloudexit.emit.terraform.site import Network, Site, Subnet
from cloudexit.model.inventory import Inventory, Resource
from tests.emit.whole_plans import whole_plan

AZ = "/subscriptions/s1/resourcegroups/rg/providers/microsoft.network"
VNET = f"{AZ}/virtualnetworks/vnet-erp"
PEER = f"{AZ}/virtualnetworks/vnet-hub"
NSG = f"{AZ}/networksecuritygroups/nsg-erp"
VPC = "arn:aws:ec2:eu-west-1:1:vpc/vpc-1"
APP = "arn:aws:ec2:eu-west-1:1:subnet/subnet-app"
DATA = "arn:aws:ec2:eu-west-1:1:subnet/subnet-data"
DB_SG = "arn:aws:ec2:eu-west-1:1:security-group/sg-db"

ANY = {"kind": "any", "value": ""}
VIRTUAL_NETWORK = {"kind": "tag", "value": "VirtualNetwork"}


def resource(rid: str, kind: str, provider: str = "azure", **extra: Any) -> Resource:
    body: dict[str, Any] = {
        "id": rid,
        "provider": provider,
        "account": "s1" if provider == "azure" else "1",
        "region": "westeurope" if provider == "azure" else "eu-west-1",
        "type": kind,
        "kind": kind,
        "name": rid.rsplit("/", 1)[-1].rsplit(":", 1)[-1],
        "attributes": {"vcpu": 2, "memory_gib": 4, **extra.pop("attributes", {})},
    }
    body.update(extra)
    return Resource.model_validate(body)


def vnet_rules() -> list[dict[str, Any]]:
    return [
        {
            "direction": direction,
            "action": "allow",
            "priority": 65000,
            "protocol": "any",
            "sources": [VIRTUAL_NETWORK],
            "destinations": [VIRTUAL_NETWORK],
        }
        for direction in ("ingress", "egress")
    ]


def estate(*, vm_in_subnet: bool = True, peered: bool = False) -> Inventory:
    """An Azure VNet with an NSG admitting its VirtualNetwork, and an AWS VPC, on one site."""
    vnet_details = {"peerings": [PEER.upper()]} if peered else {}
    resources = [
        resource(VNET, "network.vpc", topology={"cidrs": ["10.40.0.0/16"]}),
        resource(
            f"{VNET}/subnets/snet-app",
            "network.subnet",
            depends_on=[VNET],
            topology={"cidrs": ["10.40.1.0/24"]},
        ),
        resource(
            PEER, "network.vpc", attributes={"details": {}}, topology={"cidrs": ["10.50.0.0/16"]}
        ),
        resource(NSG, "network.security_group", topology={"firewall_rules": vnet_rules()}),
        resource(
            "/subscriptions/s1/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm-1",
            "compute.vm",
            depends_on=[f"{VNET}/subnets/snet-app"] if vm_in_subnet else [],
            topology={"security_groups": [NSG]},
        ),
        resource(VPC, "network.vpc", "aws", topology={"cidrs": ["10.20.0.0/16"]}),
        resource(
            APP, "network.subnet", "aws", depends_on=[VPC], topology={"cidrs": ["10.20.16.0/20"]}
        ),
        resource(
            DATA, "network.subnet", "aws", depends_on=[VPC], topology={"cidrs": ["10.20.32.0/20"]}
        ),
    ]
    resources[0] = resources[0].model_copy(
        update={"attributes": resources[0].attributes.model_copy(update={"details": vnet_details})}
    )
    return Inventory(resources=resources)


def group_ranges(inventory: Inventory, provider: str = "scaleway") -> tuple[set[str], Site]:
    plan = whole_plan(inventory, provider, "fr-par" if provider == "scaleway" else "GRA11")
    (site,) = build_sites(plan, make_environment())
    (group,) = [i for i in site.items if i.resource.id == NSG]
    assert group.firewall is not None
    return {r.cidr for r in group.firewall.rules}, site


def test_virtual_network_names_only_the_groups_own_network() -> None:
    ranges, _ = group_ranges(estate())
    # the AWS VPC's subnets share the site; the old code admitted them too
    assert ranges == {"10.40.1.0/24"}


def test_virtual_network_takes_the_peered_networks() -> None:
    ranges, _ = group_ranges(estate(peered=True))
    assert ranges == {"10.40.1.0/24", "10.50.0.0/16"}


def test_an_unknown_network_is_reported_never_widened() -> None:
    ranges, site = group_ranges(estate(vm_in_subnet=False), "ovhcloud")
    assert ranges == set()
    (group,) = [i for i in site.items if i.resource.id == NSG]
    assert group.firewall is not None
    reasons = [u.reason for u in group.firewall.untranslated]
    assert len(reasons) == 2 and all("own virtual network" in r for r in reasons)


def database_estate() -> Inventory:
    rules = [
        {
            "direction": "ingress",
            "protocol": "tcp",
            "ports": [{"low": 5432, "high": 5432}],
            "sources": [{"kind": "cidr", "value": "10.20.16.0/20"}],
            "destinations": [ANY],
        },
        {
            "direction": "ingress",
            "protocol": "tcp",
            "ports": [{"low": 22, "high": 22}],
            "sources": [{"kind": "cidr", "value": "10.20.48.0/24"}],
            "destinations": [ANY],
        },
    ]
    base = estate()
    extra = [
        resource(
            DB_SG,
            "network.security_group",
            "aws",
            depends_on=[VPC],
            topology={"firewall_rules": rules},
        ),
        resource(
            "arn:aws:rds:eu-west-1:1:db:orders",
            "database.postgresql",
            "aws",
            depends_on=[DATA, DB_SG],
            topology={"security_groups": [DB_SG]},
            attributes={"storage_gib": 20},
        ),
    ]
    return Inventory(resources=[*base.resources, *extra])


def resources_of(files: dict[str, str]) -> dict[str, dict[str, Any]]:
    found = {}
    for name, text in files.items():
        if not name.endswith(".tf"):
            continue
        for entry in hcl2.loads(text).get("resource", []):
            for rtype, bodies in entry.items():
                for local, body in bodies.items():
                    found[f"{rtype.strip(chr(34))}.{local.strip(chr(34))}"] = body
    return found


def test_a_database_group_is_carried_to_its_access_list_not_written_as_a_loose_group() -> None:
    plan = whole_plan(database_estate(), "scaleway", "fr-par")
    env = make_environment()
    (site,) = build_sites(plan, env)
    files = render_site(site, env)
    written = resources_of(files)
    assert "scaleway_instance_security_group.sg_db" not in written
    acl = written["scaleway_rdb_acl.orders"]
    # the rule reaching the database's port, not the SSH one
    assert [r["ip"] for r in acl["acl_rules"]] == ['"10.20.16.0/20"']
    readme = files["README.md"]
    assert "`sg-db`: **not written**" in readme and "orders (database.postgresql)" in readme
    assert "public endpoint only" in readme
    assert "**to decide by hand**: ingress allow tcp 22 from cidr:10.20.48.0/24" in readme
    assert "sg-db`: 2 rules written" not in readme
    gaps = firewall_gaps(plan, env, built=[site])
    assert any(g["group"] == "sg-db" and "not written" in g["reason"] for g in gaps)


def test_a_database_group_is_reported_where_the_database_has_no_access_list() -> None:
    plan = whole_plan(database_estate(), "ionos", "de/fra")
    env = make_environment()
    (site,) = build_sites(plan, env)
    files = render_site(site, env)
    assert "ionoscloud_nsg.sg_db" not in resources_of(files)
    readme = files["README.md"]
    assert "restrict access to them by hand" in readme
    assert "**to decide by hand**: ingress allow tcp 5432 from cidr:10.20.16.0/20" in readme


def test_a_rule_names_the_copy_of_its_range_at_its_own_site() -> None:
    first, second = Site("ovhcloud", "RBX", "RBX", "RBX"), Site("scaleway", "fr-par", "a", "a")
    for s in (first, second):
        net = Network("shop", "shop", "10.20.0.0/16", resource(VPC, "network.vpc", "aws"))
        net.subnets = [Subnet("app", "app", "10.20.16.0/20", net)]
        s.networks.append(net)
    readdress = allocate([first, second])
    moved = second.subnets[0].cidr
    assert moved != "10.20.16.0/20"
    # the plan-wide mapping keeps the first site's range; each site's own names its copy
    assert readdress("10.20.16.0/20") == "10.20.16.0/20"
    assert readdress.first(first.blocks)("10.20.16.0/20") == "10.20.16.0/20"
    assert readdress.first(second.blocks)("10.20.16.0/20") == moved
