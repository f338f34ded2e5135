"""A resource whose source names no subnet goes into the copy of its network's subnet in its own
source region, never into whichever subnet sorts first; where several could hold it or none is of
its region, the choice is said in plan.json and above the resource in the Terraform.

Forseti's real Cloud Asset export: its managed instance group igm-1 (us-central1) names only the
`default` network of project1, which every target recreates with a subnet per region; the Cloud
SQL instances and App Engine applications name no network at all."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites
from cloudexit.emit.terraform.subnet_choice import SUBNET_TYPES, region_of
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from tests.helpers import corpus_file, corpus_inventory, inventory, one_target_policy, resource

FORSETI = "gcp-cai-export-forseti.jsonl"
TARGETS = ["scaleway", "ovhcloud", "ionos", "opennebula"]
# per target, the resource type a subnet is written as
SUBNET_RESOURCE = {
    "scaleway": "scaleway_vpc_private_network",
    "ovhcloud": "ovh_cloud_network_private_vrack_subnet",
    "ionos": "ionoscloud_lan",
    "opennebula": "opennebula_virtual_network",
}
IGM = "//compute.googleapis.com/projects/project1/regions/us-central1/instanceGroupManagers/igm-1"
US_CENTRAL1 = "//compute.googleapis.com/projects/project1/regions/us-central1/subnetworks/default"
SPANNER = "//spanner.googleapis.com/projects/project2/instances/test123"
SPANNER_SUBNET = "//compute.googleapis.com/projects/project2/regions/us-east1/subnetworks/default"
TRACE = re.compile(
    r"# cloudexit: from \S+ \S+ (\S+)[^\n]*\n(?:#[^\n]*\n)*resource \"(\w+)\" \"(\w+)\" \{(.*?)\n\}",
    re.DOTALL,
)


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def emitted(target: str, out: Path) -> Path:
    plan = api.plan(corpus_inventory(FORSETI), one_target_policy(target), catalog())
    api.emit(plan, out, catalog=catalog())
    return out


def attachments(site: Path, target: str) -> list[tuple[str, str, str]]:
    """(source id, Terraform address, source id of the subnet it is attached to) per resource
    written in a subnet at one site folder."""
    kind = SUBNET_RESOURCE[target]
    network = (site / "network.tf").read_text(encoding="utf-8")
    subnets = {
        local: source
        for source, local in re.findall(rf"# (\S+)[^\n]*\nresource \"{kind}\" \"(\w+)\"", network)
    }
    found = []
    for path in sorted(site.glob("*.tf")):
        for source, rtype, local, body in TRACE.findall(path.read_text(encoding="utf-8")):
            for subnet in re.findall(rf"\b{kind}\.(\w+)\.id", body):
                if subnet in subnets:  # not the public LAN an IONOS server also joins
                    found.append((source, f"{rtype}.{local}", subnets[subnet]))
    return found


def _subnet_region(source: str) -> str | None:
    match = re.search(r"/regions/([^/]+)/subnetworks/", source)
    return match.group(1) if match else None


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {t: emitted(t, tmp_path_factory.mktemp(t)) for t in TARGETS}


@pytest.mark.parametrize("target", TARGETS)
def test_forseti_resources_go_into_the_subnet_copy_of_their_own_region(outputs, target):
    out = outputs[target]
    inv = corpus_inventory(FORSETI)
    by_id = inv.by_id()
    igm_seen = False
    for site in sorted((out / "terraform" / target).iterdir()):
        network = (site / "network.tf").read_text(encoding="utf-8")
        copies = re.findall(r"# (\S+/subnetworks/\S+)", network)
        for source, address, subnet in attachments(site, target):
            resource = by_id[source]
            region = region_of(resource)
            # a subnet of the resource's own project where the site holds one
            own = [s for s in copies if f"/projects/{resource.account}/" in s] or copies
            written = {_subnet_region(s) for s in own}
            if source == IGM:
                igm_seen = True
                # the old code wrote it into the asia-east1 copy, the network's first subnet
                assert subnet == US_CENTRAL1, (site.name, address)
            if region in written:
                assert _subnet_region(subnet) == region, (site.name, address, subnet)
    assert igm_seen


def test_app_engine_location_is_read_as_its_region():
    inv = corpus_inventory(FORSETI)
    app = inv.by_id()["//appengine.googleapis.com/apps/project3"]
    assert app.region == "us-central"
    assert region_of(app) == "us-central1"


@pytest.mark.parametrize("target", TARGETS)
def test_every_choice_left_open_is_said_in_plan_json_and_the_terraform(outputs, target):
    out = outputs[target]
    warnings = json.loads((out / "plan.json").read_text(encoding="utf-8"))["warnings"]
    said = [w for w in warnings if w.startswith("subnet chosen on ")]
    comments = []
    for path in sorted((out / "terraform" / target).glob("*/*.tf")):
        comments += re.findall(r"^# subnet: .*$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(said) == len(comments)
    for line in said:
        assert "attached to " in line and "name its subnet in the inventory" in line


def test_forseti_spanner_is_placed_by_its_instance_configs_region(outputs):
    # Test123 (Spanner) names no location, but its instance config regional-us-east1 does: it
    # goes into project2's us-east1 subnet, where it used to be "names no region" and the
    # first of twelve subnets (asia-east1)
    spanner = corpus_inventory(FORSETI).by_id()[SPANNER]
    assert spanner.region == "us-east1"
    for target in TARGETS:
        out = outputs[target]
        warnings = json.loads((out / "plan.json").read_text(encoding="utf-8"))["warnings"]
        assert not [w for w in warnings if w.startswith("subnet chosen on") and "Test123" in w]
        seen = []
        for site in sorted((out / "terraform" / target).iterdir()):
            network = (site / "network.tf").read_text(encoding="utf-8")
            for source, _address, subnet in attachments(site, target):
                if source == SPANNER:
                    seen.append(subnet)
                    # its own project's copy where the site holds one, else another's of us-east1
                    own = SPANNER_SUBNET in network
                    assert subnet == SPANNER_SUBNET if own else _subnet_region(subnet) == "us-east1"
        assert len(seen) == 1, (target, seen)


def test_a_multi_region_spanner_keeps_the_warning_and_names_why(tmp_path):
    """On a multi-region configuration (nam3) no single region is the instance's: the subnet is
    still the first in the site's order, and plan.json and the Terraform say why."""
    export = tmp_path / "forseti-nam3.jsonl"
    lines = corpus_file(FORSETI).read_text(encoding="utf-8").splitlines()
    export.write_text(
        "\n".join(
            line.replace("instanceConfigs/regional-us-east1", "instanceConfigs/nam3")
            for line in lines
        )
        + "\n",
        encoding="utf-8",
    )
    inv = import_files([export])
    spanner = inv.by_id()[SPANNER]
    assert spanner.region == "global"
    plan = api.plan(inv, one_target_policy("scaleway"), catalog())
    api.emit(plan, tmp_path / "out", catalog=catalog())
    line = next(w for w in plan.warnings if w.startswith("subnet chosen on") and "Test123" in w)
    assert "its instance config nam3 is not a regional one (regional-<region>) and 12 of" in line
    assert "the first in the site's order; name its subnet in the inventory" in line
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.tf"))
    assert re.search(r"# subnet: Test123 names no subnet and its instance config nam3", text)


def test_azure_resources_without_subnet_take_a_network_of_their_region():
    """The Azure ARM list holds seven VNets in four regions and no link from a machine to
    one: a machine goes into a VNet of its own region where the site holds one."""
    inv: Inventory = corpus_inventory("azure-arm-resources-list-c7n.json")
    env = make_environment()
    checked = 0
    for target in TARGETS:
        plan = api.plan(inv, one_target_policy(target), catalog())
        for site in build_sites(plan, env, catalog()):
            regions = {
                region_of(s.network.source) for s in site.subnets if s.network.source is not None
            }
            for item in site.items:
                if item.rtype not in SUBNET_TYPES or item.subnet is None:
                    continue
                region = region_of(item.resource)
                source = item.subnet.network.source
                if region in regions:
                    checked += 1
                    assert source is not None and region_of(source) == region, item.address
                elif region is not None and regions:
                    assert item.subnet_note and "in its source region" in item.subnet_note
    assert checked


def test_subnet_types_are_the_templates_that_attach_to_a_subnet():
    root = Path(__file__).resolve().parents[2] / "templates" / "terraform"
    attaching = set()
    for path in root.glob("*/*.tf.j2"):
        text = path.read_text(encoding="utf-8")
        if "item.subnet" in text or "m.lan_cidr(" in text:
            attaching.add(path.name.removesuffix(".tf.j2"))
    assert attaching == SUBNET_TYPES


def _aws(rid: str, kind: str, rtype: str, **extra: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "type": rtype,
        "region": "eu-west-1",
        "monthly_cost": {"amount": "0", "currency": "USD", "source": "test"},
        "attributes": {},
    }
    return resource(rid, kind, **(fields | extra))


def test_a_database_in_a_group_spanning_zones_joins_the_subnet_of_its_zone():
    """An RDS instance in eu-west-1b whose subnet group names a subnet in each zone: the
    target's single private network is the copy of the eu-west-1b subnet, not the first named."""
    vpc = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1"
    subnets = {
        zone: f"arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-{zone}"
        for zone in ("eu-west-1a", "eu-west-1b")
    }
    group = "arn:aws:rds:eu-west-1:123456789012:subgrp:db-group"
    db = "arn:aws:rds:eu-west-1:123456789012:db:orders"
    inv = Inventory.model_validate(
        inventory(
            _aws(vpc, "network.vpc", "AWS::EC2::VPC", topology={"cidrs": ["10.0.0.0/16"]}),
            *(
                _aws(
                    sid,
                    "network.subnet",
                    "AWS::EC2::Subnet",
                    depends_on=[vpc],
                    topology={"cidrs": [f"10.0.{n}.0/24"]},
                    attributes={"details": {"availability_zone": zone}},
                )
                for n, (zone, sid) in enumerate(subnets.items())
            ),
            _aws(
                group,
                "network.subnet",
                "AWS::RDS::DBSubnetGroup",
                depends_on=list(subnets.values()),
            ),
            _aws(
                db,
                "database.postgresql",
                "AWS::RDS::DBInstance",
                depends_on=[group],
                attributes={
                    "engine": "postgres",
                    "engine_version": "16",
                    "instance_type": "db.t3.medium",
                    "vcpu": 2,
                    "memory_gib": 4,
                    "storage_gib": 20,
                    "details": {"availability_zone": "eu-west-1b"},
                },
                monthly_cost={"amount": "60", "currency": "USD", "source": "test"},
            ),
        )
    )
    plan = api.plan(inv, one_target_policy("scaleway"), catalog())
    (site,) = build_sites(plan, make_environment(), catalog())
    (item,) = [i for i in site.items if i.resource.id == db]
    assert item.subnet is not None and item.subnet.source is not None
    # the old code took the group's first subnet, eu-west-1a
    assert item.subnet.source.id == subnets["eu-west-1b"]
    assert item.subnet_note is None
