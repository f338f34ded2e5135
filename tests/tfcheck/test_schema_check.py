from __future__ import annotations

import json
from pathlib import Path

import pytest

from cloudexit.errors import InputError
from cloudexit.tfcheck.facts import SHIPPED, derive, dumps, load_facts
from cloudexit.tfcheck.schema_check import check_schema

BAD = """
resource "scaleway_instance_server" "web" {
  name  = "web"
  bogus = 1
  root_volume = {
    size_in_gb = 20
  }
  private_network {
    zone = "fr-par-1"
  }
  state = "flying"
  id    = "x"
}

resource "ovh_cloud_security_group" "sg" {
  name   = "x"
  region = "GRA11"
  rule {
    direction = "ingress"
  }
}

resource "ovh_cloud_project_kube" "k" {
  region = "GRA11"
}

resource "ionoscloud_vcpu_server" "s" {
  datacenter_id = "d"
  name          = "s"
  cores         = 1
  ram           = 1024
}

resource "nope_thing" "x" {
}

provider "scaleway" {
  region  = "fr-par"
  unknown = 1
}
"""


@pytest.fixture(scope="module")
def reference(shared_dir: Path) -> Path:
    return shared_dir / "reference" / "terraform-provider-schemas.json"


def messages(folder: Path, facts) -> set[str]:
    return {f"{f.where}: {f.message}" for f in check_schema(folder, facts) if f.severity == "error"}


def test_each_kind_of_mistake_is_named(tmp_path, reference):
    (tmp_path / "main.tf").write_text(BAD)
    found = messages(tmp_path, load_facts(reference))
    assert found == {
        "nope_thing.x: unknown resource type 'nope_thing'",
        "scaleway_instance_server.web: required argument 'type' is missing",
        "scaleway_instance_server.web.bogus: unknown argument 'bogus'",
        "scaleway_instance_server.web.id: 'id' is computed by the provider and cannot be set",
        "scaleway_instance_server.web.private_network[0]: required argument 'pn_id' is missing",
        (
            "scaleway_instance_server.web.root_volume: 'root_volume' is a block: write `root_volume { ... }`, "
            "not `root_volume = ...`"
        ),
        "scaleway_instance_server.web.state: 'flying' is not one of the accepted values: standby, started, stopped",
        "ovh_cloud_security_group.sg: required argument 'service_name' is missing",
        "ovh_cloud_security_group.sg.rule: 'rule' is an argument: write `rule = ...`, not a block",
        "ionoscloud_vcpu_server.s: required block 'volume' is missing",
        "provider.scaleway.unknown: unknown argument 'unknown'",
    }


def test_argument_read_from_the_environment_may_be_left_out(tmp_path, reference):
    (tmp_path / "main.tf").write_text(BAD)
    found = messages(tmp_path, load_facts(reference))
    assert not any(m.startswith("ovh_cloud_project_kube.k") for m in found)


def test_shipped_facts_are_derived_from_the_reference(reference):
    expected = dumps(derive(json.loads(reference.read_text())))
    assert SHIPPED.read_text() == expected, (
        "regenerate: python -m cloudexit.tfcheck.facts REFERENCE OUT"
    )


def test_shipped_and_full_reference_give_the_same_findings(tmp_path, reference):
    (tmp_path / "main.tf").write_text(BAD)
    assert check_schema(tmp_path, load_facts()) == check_schema(tmp_path, load_facts(reference))


def test_unreadable_schema_file_is_an_input_error(tmp_path):
    bad = tmp_path / "schemas.json"
    bad.write_text("{")
    with pytest.raises(InputError, match="schemas.json: not JSON"):
        load_facts(bad)
    bad.write_text("[]")
    with pytest.raises(InputError, match="not a provider-schema file"):
        load_facts(bad)


def test_invalid_hcl_names_the_file(tmp_path):
    (tmp_path / "main.tf").write_text('resource "x" "y" {\n  a = \n')
    with pytest.raises(InputError, match="main.tf: not valid HCL"):
        check_schema(tmp_path, load_facts())


COMMANDS = """
resource "terraform_data" "x" {
  provisioner "local-exec" {
    command = "id"
  }
}

resource "null_resource" "n" {}

resource "scaleway_instance_ip" "ip" {
  provisioner "remote-exec" {
    inline = ["id"]
  }
}

data "external" "e" {
  program = ["sh", "-c", "id"]
}
"""


def test_blocks_that_run_commands_are_errors(tmp_path):
    (tmp_path / "main.tf").write_text(COMMANDS)
    found = {
        f"{f.where}: {f.message}"
        for f in check_schema(tmp_path, load_facts())
        if f.severity == "error"
    }
    assert found == {
        "terraform_data.x: terraform_data runs commands on apply: not allowed in generated Terraform",
        (
            "terraform_data.x.provisioner: provisioner 'local-exec' runs commands on apply: "
            "not allowed in generated Terraform"
        ),
        "null_resource.n: null_resource runs commands on apply: not allowed in generated Terraform",
        (
            "scaleway_instance_ip.ip.provisioner: provisioner 'remote-exec' runs commands on apply: "
            "not allowed in generated Terraform"
        ),
        "data.external.e: the external data source runs a program on plan: not allowed in generated Terraform",
    }
