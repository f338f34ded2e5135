"""A planned GCP balancer chain whose links are unknown until apply (``after_unknown``) is joined
by the configuration's references; where none names a link, each part says what it lacks."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory

# the detail a part holds its unjoined links under, as inventory.json writes it
UNKNOWN_AT_PLAN = "links_unknown_at_plan"
EXPORT = "tfplan-gcp-network-checkov.json"
# forwarding rule -> HTTP proxy -> URL map -> backend service -> managed instance group
_CHAIN = [
    ("google_compute_global_forwarding_rule", {"port_range": "80"}, "target"),
    ("google_compute_target_http_proxy", {}, "url_map"),
    ("google_compute_url_map", {}, "default_service"),
    ("google_compute_backend_service", {"protocol": "HTTP"}, "backend"),
    ("google_compute_instance_group_manager", {"zone": "europe-west1-b", "target_size": 2}, None),
]


def _with_chain(plan: dict[str, Any], through_local: bool) -> dict[str, Any]:
    """The real plan with a balancer chain added as Terraform 0.13 writes a planned one: each
    link unknown until apply; the configuration names it by reference, or through a local,
    which ``terraform show -json`` does not export."""
    out = copy.deepcopy(plan)
    for n, (tf_type, after, link) in enumerate(_CHAIN):
        unknown: dict[str, Any] = {"id": True, "self_link": True}
        expressions: dict[str, Any] = {}
        if link is not None:
            unknown[link] = [{"group": True}] if link == "backend" else True
            following = f"{_CHAIN[n + 1][0]}.web"
            refs = ["local.next"] if through_local else [f"{following}.id", following]
            expressions[link] = (
                [{"group": {"references": refs}}] if link == "backend" else {"references": refs}
            )
        out["resource_changes"].append(
            {
                "address": f"{tf_type}.web",
                "mode": "managed",
                "type": tf_type,
                "name": "web",
                "provider_name": "registry.terraform.io/hashicorp/google",
                "change": {
                    "actions": ["create"],
                    "before": None,
                    "after": {"name": f"web-{n}", **after},
                    "after_unknown": unknown,
                },
            }
        )
        out["configuration"]["root_module"]["resources"].append(
            {
                "address": f"{tf_type}.web",
                "mode": "managed",
                "type": tf_type,
                "name": "web",
                "provider_config_key": "google",
                "expressions": expressions,
                "schema_version": 0,
            }
        )
    return out


def _import(shared_dir: Path, tmp_path: Path, through_local: bool) -> Inventory:
    source = json.loads((shared_dir / "corpus" / EXPORT).read_text())
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(_with_chain(source, through_local)))
    return import_files([path], planned=True)


def test_the_real_plan_s_unknown_links_are_resolved_by_its_references(shared_dir: Path) -> None:
    inventory = import_files([shared_dir / "corpus" / EXPORT], planned=True)
    peerings = [r for r in inventory.resources if r.type == "google_compute_network_peering"]
    assert len(peerings) == 4
    networks = {r.id for r in inventory.resources if r.type == "google_compute_network"}
    assert all(len(set(p.depends_on) & networks) == 1 for p in peerings)
    assert not [r for r in inventory.resources if UNKNOWN_AT_PLAN in r.attributes.details]


def test_a_chain_named_by_references_is_one_balancer(shared_dir: Path, tmp_path: Path) -> None:
    inventory = _import(shared_dir, tmp_path, through_local=False)
    balancers = [r for r in inventory.resources if r.kind.value == "network.load_balancer"]
    assert [b.name for b in balancers] == ["web-0"]
    assert not [r for r in inventory.resources if UNKNOWN_AT_PLAN in r.attributes.details]


def _two_chains(shared_dir: Path, tmp_path: Path) -> Inventory:
    """The chain added twice through locals, as ``web`` and ``api``: no part can be told apart."""
    source = json.loads((shared_dir / "corpus" / EXPORT).read_text())
    out = _with_chain(source, through_local=True)
    for key, held in (
        ("resource_changes", out),
        ("resources", out["configuration"]["root_module"]),
    ):
        added = held[key][-len(_CHAIN) :]
        held[key] += json.loads(json.dumps(added).replace(".web", ".api").replace("web-", "api-"))
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(out))
    return import_files([path], planned=True)


def test_a_chain_through_locals_is_one_balancer_priced_once(
    shared_dir: Path, tmp_path: Path
) -> None:
    """Each link goes through a local: the rule, proxy and URL map were three balancers priced
    three times; each names the only part its link may name, so they are one."""
    inventory = _import(shared_dir, tmp_path, through_local=True)
    balancers = [r for r in inventory.resources if r.kind.value == "network.load_balancer"]
    assert [b.name for b in balancers] == ["web-0"]
    assert not [r for r in inventory.resources if UNKNOWN_AT_PLAN in r.attributes.details]
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["scaleway"], min_providers=1))
    priced = [p for p in plan.placements if p.kind == "network.load_balancer"]
    assert len(priced) == 1 and priced[0].choice.monthly_cost > 0


@pytest.mark.parametrize("target", ["scaleway", "ovhcloud"])
def test_chains_the_configuration_cannot_join_say_so_for_every_part(
    shared_dir: Path, tmp_path: Path, target: str
) -> None:
    inventory = _two_chains(shared_dir, tmp_path)
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=[target], min_providers=1))
    said = [w for w in plan.warnings if "unknown until the plan is applied" in w]
    for chain in ("web", "api"):
        for n, (_, _, link) in enumerate(_CHAIN[:-1]):
            (warning,) = [w for w in said if f"{link} of {chain}-{n}" in w]
            if n < 3:
                assert "the balancers priced for such parts are an upper bound" in warning


@pytest.mark.parametrize(
    ("proxy", "protocol"),
    [("google_compute_target_http_proxy", "HTTP"), ("google_compute_target_https_proxy", "HTTPS")],
)
def test_a_planned_rule_in_front_of_an_http_proxy_listens_as_the_proxy_speaks(
    shared_dir: Path, tmp_path: Path, proxy: str, protocol: str
) -> None:
    """The real plan with the chain added: the rule's target is unknown at plan time, the
    configuration's reference names the proxy, as a Cloud Asset export's target URL does."""
    source = json.loads((shared_dir / "corpus" / EXPORT).read_text())
    text = json.dumps(_with_chain(source, through_local=False))
    path = tmp_path / "plan.json"
    path.write_text(text.replace("google_compute_target_http_proxy", proxy))
    inventory = import_files([path], planned=True)
    (balancer,) = [r for r in inventory.resources if r.kind.value == "network.load_balancer"]
    assert [(x.protocol, x.port) for x in balancer.topology.listeners] == [(protocol, 80)]


def test_a_planned_instance_group_runs_its_template_s_machine_type(
    shared_dir: Path, tmp_path: Path
) -> None:
    """The real plan with the chain and an instance template added: the group names its
    template by a reference only (``version.instance_template`` is unknown at plan time)."""
    out = _with_chain(json.loads((shared_dir / "corpus" / EXPORT).read_text()), False)
    template = "google_compute_instance_template"
    out["resource_changes"].append(
        {
            "address": f"{template}.web",
            "mode": "managed",
            "type": template,
            "name": "web",
            "provider_name": "registry.terraform.io/hashicorp/google",
            "change": {
                "actions": ["create"],
                "before": None,
                "after": {"machine_type": "n2-standard-4", "name_prefix": "web-"},
                "after_unknown": {"id": True, "self_link": True},
            },
        }
    )
    config = out["configuration"]["root_module"]["resources"]
    config.append(
        {
            "address": f"{template}.web",
            "mode": "managed",
            "type": template,
            "name": "web",
            "provider_config_key": "google",
            "expressions": {"machine_type": {"constant_value": "n2-standard-4"}},
            "schema_version": 1,
        }
    )
    (group,) = [c for c in config if c["address"] == "google_compute_instance_group_manager.web"]
    group["expressions"]["version"] = [
        {"instance_template": {"references": [f"{template}.web.id", f"{template}.web"]}}
    ]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(out))
    inventory = import_files([path], planned=True)
    (igm,) = [r for r in inventory.resources if r.type == "google_compute_instance_group_manager"]
    a = igm.attributes
    assert (a.instance_type, a.vcpu, a.memory_gib, a.node_count) == ("n2-standard-4", 4, 16, 2)
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["ovhcloud"], min_providers=1))
    (placed,) = [p for p in plan.placements if p.resource_id == igm.id]
    assert placed.size_basis == "reported" and placed.choice.quantity == 2


def test_a_joined_chain_whose_backends_are_unknown_is_not_told_it_is_cut(
    shared_dir: Path, tmp_path: Path
) -> None:
    plan_json = _with_chain(json.loads((shared_dir / "corpus" / EXPORT).read_text()), False)
    service = next(
        r
        for r in plan_json["configuration"]["root_module"]["resources"]
        if r["address"] == "google_compute_backend_service.web"
    )
    service["expressions"]["backend"] = [{"group": {"references": ["local.next"]}}]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan_json))
    inventory = import_files([path], planned=True)
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["ovhcloud"], min_providers=1))
    about = [w for w in plan.warnings if "backend of web-3" in w]
    assert len(about) == 1
    assert "its backends are unknown until the plan is applied" in about[0]
    assert "not joined to the rest of its chain" not in about[0]
