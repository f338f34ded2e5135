"""A database subnet group is written as the subnets it names, never as a private network of its
own with an invented range.

Real exports: checkov's 55-resource AWS plan (`aws_db_subnet_group.default` names the web
subnets 172.16.10.0/24 and 172.16.11.0/24 of `aws_vpc.web_vpc`), and infracost's v0.14 plan
(two modules' DB subnet groups in the default VPC, naming subnets the plan does not declare).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy

NETWORK = re.compile(
    r'resource "scaleway_vpc_private_network" "(\w+)" \{\n(?:.*\n)*?    subnet = "([^"]+)"'
)


def _write(export: Path, out: Path) -> Path:
    catalog = load_catalog()
    inventory = api.inventory("import", export, planned=True)
    plan = api.plan(inventory, Policy(targets=["scaleway"], allow_retain=False), catalog)
    api.emit(plan, out, catalog=catalog)
    (site,) = (out / "terraform" / "scaleway").iterdir()
    return site


def test_the_database_joins_the_subnets_its_group_names(shared_dir: Path, tmp_path: Path) -> None:
    site = _write(shared_dir / "corpus" / "tfplan-aws-55res-checkov.json", tmp_path)
    networks = dict(NETWORK.findall((site / "network.tf").read_text(encoding="utf-8")))
    # Before: a private network "sg_123456789123_acme_corp" in the EKS VPC, 10.10.0.0/16, over
    # both EKS subnets, and the MySQL database in it.
    assert "sg_123456789123_acme_corp" not in networks
    assert sorted(networks.values()) == [
        "10.10.10.0/24",
        "10.10.11.0/24",
        "172.16.10.0/24",
        "172.16.11.0/24",
    ]
    databases = (site / "databases.tf").read_text(encoding="utf-8")
    mysql = databases.split('resource "scaleway_rdb_instance"', 1)[1].split("\n}\n", 1)[0]
    assert "scaleway_vpc_private_network.r_123456789123_acme_corp_subnet.id" in mysql
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "a subnet group, with no range of its own: written as the subnets it names" in readme


def test_two_groups_in_one_network_make_no_clashing_networks(
    shared_dir: Path, tmp_path: Path
) -> None:
    site = _write(shared_dir / "corpus" / "tfplan-aws-infracost-v0.14.json", tmp_path)
    networks = NETWORK.findall((site / "network.tf").read_text(encoding="utf-8"))
    # Before: two private networks of 172.31.0.0/16 each, one per module's DB subnet group.
    assert networks
    assert not [cidr for cidr, n in Counter(c for _, c in networks).items() if n > 1]
