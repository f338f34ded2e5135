"""Plans that put a whole inventory on one target site, to exercise every template."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.catalog.versions import decide
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Option, Placement, Plan, Risk, SolverInfo, SolveStatus, Totals
from cloudexit.model.policy import Policy

# Product per kind on each target, as a catalogue of that provider would name it.
PRODUCTS = {
    "scaleway": {
        "compute.vm": "PRO2-S",
        "kubernetes.node_pool": "PRO2-M",
        "database.postgresql": "DB-PRO2-XS",
        "database.mysql": "DB-PRO2-XS",
        "cache.redis": "RED1-S",
        "network.load_balancer": "LB-S",
        "storage.block": "sbs_15k",
    },
    "ovhcloud": {
        "compute.vm": "b3-16",
        "kubernetes.node_pool": "b3-32",
        "database.postgresql": "postgresql-business-b3-16",
        "database.mysql": "mysql-essential-b3-8",
        "cache.redis": "valkey-production-b3-8",
        "database.document": "mongodb-production-b3-16",
        "network.load_balancer": "loadbalancer-m",
    },
    "ionos": {},
    "opennebula": {},
}


def whole_plan(
    inventory: Inventory,
    provider: str,
    region: str,
    terraform: dict[str, str] | None = None,
    products: dict[str, str] | None = None,
) -> Plan:
    """Every resource of ``inventory`` placed on ``provider``/``region``; ``products`` replaces
    the product per kind, written as the product's own Terraform type when it names one."""
    zero = Decimal(0)
    catalog = load_catalog()
    own_types = {p.id: p.terraform for p in catalog.provider(provider).products if p.terraform}
    placements = []
    for resource in inventory.resources:
        kind = resource.kind.value
        product = (products or PRODUCTS[provider]).get(kind)
        own_type = own_types.get(product or "")
        choice = Option(
            provider=provider,
            region=region,
            product=product,
            quantity=1,
            monthly_cost=zero,
            migration_cost=zero,
            risk=Risk(),
            strategy="rehost",
            fidelity="native",
            terraform=own_type or (terraform or {}).get(kind),
        )
        placements.append(
            Placement(
                resource_id=resource.id,
                kind=kind,
                choice=choice,
                reason="test placement",
                engine_version=decide(catalog, resource, choice),
            )
        )
    totals = Totals(
        current_monthly=zero,
        target_monthly=zero,
        retained_monthly=zero,
        one_off_migration=zero,
        horizon_months=36,
        horizon_saving=zero,
    )
    return Plan(
        policy=Policy(),
        inventory=inventory,
        placements=placements,
        totals=totals,
        solver=SolverInfo(solver="test", status=SolveStatus.TRIVIAL),
    )


def planned_export_on_scaleway(export: Path, out: Path) -> Plan:
    """A real Terraform plan export, planned onto Scaleway and emitted into ``out``."""
    catalog = load_catalog()
    inventory = api.inventory("import", export, planned=True)
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    api.emit(plan, out, catalog=catalog)
    return plan
