"""Every risk weight acts, risk follows what is at stake, concentration is measured and limited."""

from __future__ import annotations

import pytest

import cloudexit
from cloudexit import api
from cloudexit.model import Inventory
from cloudexit.optimise.concentration import hhi, spend_after
from cloudexit.risk.certifications import canonical
from tests.helpers import inventory, resource


@pytest.fixture(scope="module")
def catalog():
    return api.load_catalog()


def vm(rid: str, vcpu: int, memory: int, cost: str, **extra: object) -> dict:
    return resource(
        rid,
        attributes={"vcpu": vcpu, "memory_gib": memory},
        monthly_cost={"amount": cost, "currency": "EUR", "source": "test"},
        **extra,
    )


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            *(vm(f"vm{i}", 2 + 2 * (i % 3), 8 * (1 + i % 3), str(40 + 30 * i)) for i in range(8)),
            resource(
                "bucket",
                kind="storage.object",
                type="AWS::S3::Bucket",
                attributes={"storage_gib": 500},
                monthly_cost={"amount": "20", "currency": "EUR", "source": "test"},
            ),
            resource(
                "db",
                kind="database.postgresql",
                type="AWS::RDS::DBInstance",
                attributes={"vcpu": 4, "memory_gib": 16, "storage_gib": 200},
                monthly_cost={"amount": "600", "currency": "EUR", "source": "test"},
            ),
        )
    )


def sites(catalog, **policy: object) -> dict[str, tuple[str, str, str | None]]:
    chosen = cloudexit.Policy.model_validate(
        {"targets": ["opennebula", "ovhcloud", "scaleway"], **policy}
    )
    plan = cloudexit.plan(estate(), chosen, catalog=catalog)
    return {
        p.resource_id: (p.choice.provider, p.choice.region, p.choice.product)
        for p in plan.placements
    }


ZERO = {"jurisdiction": 0, "certification": 0, "fidelity": 0, "concentration": 0}


@pytest.mark.parametrize("weight", ["jurisdiction", "certification", "fidelity", "concentration"])
def test_every_risk_weight_changes_a_plan(catalog, weight):
    base = sites(catalog, risk_weights=ZERO)
    heavy = sites(catalog, risk_weights={**ZERO, weight: 100000})
    assert base != heavy


def test_certification_weight_avoids_sites_without_the_baseline(catalog):
    heavy = sites(catalog, risk_weights={**ZERO, "certification": 100000})
    assert not any(provider == "opennebula" for provider, _, _ in heavy.values())


def test_concentration_weight_spreads_spend(catalog):
    def index(weights: dict) -> int:
        policy = cloudexit.Policy.model_validate(
            {
                "targets": ["ionos", "ovhcloud", "scaleway"],
                "allow_retain": False,
                "risk_weights": weights,
            }
        )
        return hhi(spend_after(cloudexit.plan(estate(), policy, catalog=catalog)))

    assert index({**ZERO, "concentration": 2000}) < index(ZERO)


def test_risk_follows_what_is_at_stake(catalog):
    """The same two machines: only the critical one is worth moving off a high-exposure cloud."""
    twins = Inventory.model_validate(
        inventory(
            vm("plain", 2, 8, "20"),
            vm("erp", 2, 8, "20", tags={"criticality": "critical"}),
            vm("other", 2, 8, "20"),
        )
    )
    policy = cloudexit.Policy.model_validate(
        {"targets": ["scaleway"], "risk_weights": {**ZERO, "jurisdiction": 3}}
    )
    plan = cloudexit.plan(twins, policy, catalog=catalog)
    stakes = {p.resource_id: p.choice.risk.stake for p in plan.placements}
    assert stakes["erp"] == 4 * stakes["plain"]
    moved = {p.resource_id for p in plan.placements if not p.choice.retain}
    assert "erp" in moved and "plain" not in moved


def test_region_concentration_limit_holds(catalog):
    policy = cloudexit.Policy.model_validate(
        {"targets": ["ovhcloud", "scaleway"], "allow_retain": False, "max_region_spend_share": 0.4}
    )
    plan = cloudexit.plan(estate(), policy, catalog=catalog)
    spend: dict[tuple[str, str], float] = {}
    for p in plan.placements:
        key = (p.choice.provider, p.choice.region)
        spend[key] = spend.get(key, 0.0) + float(p.choice.monthly_cost)
    total = sum(spend.values())
    assert len(spend) >= 3 and max(spend.values()) <= 0.4 * total + 1e-6


def test_a_rise_in_concentration_is_reported(catalog):
    spread = Inventory.model_validate(
        inventory(
            vm("a", 2, 8, "100"),
            vm("b", 2, 8, "100", provider="azure", region="westeurope"),
            vm("c", 2, 8, "100", provider="gcp", region="europe-west1"),
        )
    )
    policy = cloudexit.Policy.model_validate({"targets": ["scaleway"], "allow_retain": False})
    plan = cloudexit.plan(spread, policy, catalog=catalog)
    assert any(w.startswith("concentration rises: HHI by provider") for w in plan.warnings)


def test_certification_aliases_name_the_same_certificate(catalog):
    assert canonical("ISO 27001") == canonical("ISO/IEC 27001") == canonical("iso/iec 27001:2022")
    assert canonical("Some Local Seal") == "Some Local Seal"
    policy = cloudexit.Policy.model_validate(
        {
            "targets": ["scaleway"],
            "allow_retain": False,
            "certifications": [{"match": {}, "certifications": ["ISO 27001"]}],
        }
    )
    plan = cloudexit.plan(estate(), policy, catalog=catalog)
    assert len(plan.placements) == len(estate().resources)  # scaleway claims "ISO/IEC 27001"
