"""Secrets go to Scaleway Secret Manager, priced per version kept and marked unverified; the
Terraform creates the secret without its value."""

from __future__ import annotations

from pathlib import Path

from cloudexit.catalog import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import write_terraform
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from tests.helpers import resource


def _secret() -> Resource:
    return Resource.model_validate(
        {
            **resource("db-password", kind="security.secrets", type="AWS::SecretsManager::Secret"),
            "attributes": {},
            "monthly_cost": {"amount": "0.40", "currency": "USD", "source": "test"},
        }
    )


def test_a_secret_is_placed_on_scaleway_secret_manager_without_its_value(tmp_path: Path) -> None:
    catalog = load_catalog()
    result = plan(
        Inventory(resources=[_secret()]), catalog, Policy(targets=["scaleway"], allow_retain=False)
    )
    (placed,) = result.placements
    assert placed.choice.product == "secret-manager-version"
    assert placed.choice.monthly_cost > 0
    assert placed.choice.unverified_prices == ["scaleway/secret-manager-version"]
    write_terraform(result, tmp_path, make_environment(), catalog)
    written = "\n".join(f.read_text() for f in sorted(tmp_path.rglob("*.tf")))
    assert 'resource "scaleway_secret"' in written
    assert "scaleway_secret_version" not in written


def test_without_scaleway_a_secret_stays_unplaced_with_a_reason() -> None:
    result = plan(
        Inventory(resources=[_secret()]),
        load_catalog(),
        Policy(targets=["ovhcloud"], allow_retain=False),
    )
    assert result.placements == []
    assert [u.code for u in result.unplaced] == ["no_option"]
