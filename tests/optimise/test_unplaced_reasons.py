"""Why a resource is not placed, on real exports: each source type says what it is, and a type
the mappings do not know is named rather than given another type's reason."""

from __future__ import annotations

from pathlib import Path

import pytest

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from tests.helpers import inventory, resource

POLICY = cloudexit.Policy(
    targets=["ionos", "opennebula", "ovhcloud", "scaleway"],
    residency={"allowed_countries": ["DE", "FR", "NL", "BE", "ES", "IT", "PL", "AT", "LU", "IE"]},
)


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


def reasons(inv: Inventory) -> dict[str, str]:
    plan = cloudexit.plan(inv, POLICY)
    by_id = inv.by_id()
    return {by_id[u.resource_id].type: u.reason for u in plan.unplaced}


def test_database_settings_groups_are_skipped_with_their_reason(corpus: Path) -> None:
    imported = import_files([corpus / "tfplan-aws-infracost-v0.14.json"])
    types = {r.type for r in imported.resources}
    assert "aws_db_instance" in types
    assert not types & {"aws_db_option_group", "aws_db_parameter_group"}
    skipped = " ".join(i.message for i in imported.issues)
    assert "database settings: a parameter or option group" in skipped
    assert reasons(imported) == {}


def test_azure_types_carry_their_own_reason(corpus: Path) -> None:
    imported = import_files([corpus / "azure-arm-resources-list-c7n.json"])
    types = {r.type for r in imported.resources}
    assert not types & {"microsoft.compute/availabilitysets", "microsoft.network/networkwatchers"}
    why = reasons(imported)
    assert why["microsoft.insights/components"].startswith("application monitoring:")
    assert why["microsoft.cognitiveservices/accounts"].startswith("AI service account")
    assert not any("Prometheus, Grafana, OpenSearch for logs" in r for r in why.values())


def test_a_type_without_mapping_is_named() -> None:
    inv = Inventory.model_validate(
        inventory(resource("x-1", kind="other", type="AWS::Made::Up", monthly_cost=None))
    )
    assert reasons(inv)["AWS::Made::Up"].startswith("AWS::Made::Up: No canonical kind")
