"""From inventory, catalogue and policy to a Plan."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.model.inventory import Inventory
from cloudexit.model.money import quantize
from cloudexit.model.plan import (
    Alternative,
    Placement,
    Plan,
    SolverInfo,
    SolveStatus,
    Totals,
    Unplaced,
)
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import build_candidates, current_monthly_eur
from cloudexit.optimise.objective import option_score


def plan(inventory: Inventory, catalog: Catalog, policy: Policy) -> Plan:
    placements: list[Placement] = []
    unplaced: list[Unplaced] = []
    warnings: set[str] = set()
    for resource in inventory.resources:
        mapping = catalog.kinds.get(resource.kind)
        if mapping is None:
            unplaced.append(Unplaced(resource_id=resource.id, kind=resource.kind.value, code="no_mapping",
                                     reason=f"no mapping for kind {resource.kind.value}"))
            continue
        if policy.retire_stopped and resource.attributes.state == "stopped":
            unplaced.append(Unplaced(resource_id=resource.id, kind=resource.kind.value, code="retired",
                                     reason="stopped at scan time; retire_stopped is set"))
            continue
        found = build_candidates(resource, catalog, policy)
        if not found.options:
            reason = mapping.not_migratable or "; ".join(found.excluded[:3]) or "no target offers this kind"
            code = "not_migratable" if mapping.not_migratable else "no_option"
            unplaced.append(Unplaced(resource_id=resource.id, kind=resource.kind.value, code=code, reason=reason))
            continue
        ranked = sorted(found.options, key=lambda o: (option_score(o, policy), o.provider, o.region, o.product or ""))
        best = ranked[0]
        runner = ranked[1] if len(ranked) > 1 else None
        for price_id in best.unverified_prices:
            warnings.add(f"unverified price used: {price_id}")
        placements.append(
            Placement(
                resource_id=resource.id,
                kind=resource.kind.value,
                choice=best,
                reason=f"lowest {policy.horizon_months}-month cost plus weighted risk of {len(ranked)} options",
                runner_up=Alternative(
                    provider=runner.provider,
                    region=runner.region,
                    product=runner.product,
                    monthly_cost_delta=runner.monthly_cost - best.monthly_cost,
                    risk_delta=runner.risk.total - best.risk.total,
                ) if runner else None,
            )
        )
    return Plan(
        generated_at=inventory.generated_at,
        policy=policy,
        inventory=inventory,
        placements=placements,
        unplaced=unplaced,
        totals=totals(inventory, placements, policy),
        solver=SolverInfo(solver="greedy", status=SolveStatus.FEASIBLE if placements else SolveStatus.TRIVIAL),
        warnings=sorted(warnings),
    )


def totals(inventory: Inventory, placements: list[Placement], policy: Policy) -> Totals:
    current = Decimal(0)
    unpriced = 0
    for resource in inventory.resources:
        cost = current_monthly_eur(resource, policy)
        if cost is None:
            unpriced += 1
        else:
            current += cost
    target = sum((p.choice.monthly_cost for p in placements if not p.choice.retain), Decimal(0))
    retained = sum((p.choice.monthly_cost for p in placements if p.choice.retain), Decimal(0))
    one_off = sum((p.choice.migration_cost for p in placements), Decimal(0))
    months = Decimal(policy.horizon_months)
    return Totals(
        current_monthly=quantize(current),
        current_monthly_unpriced=unpriced,
        target_monthly=quantize(target),
        retained_monthly=quantize(retained),
        one_off_migration=quantize(one_off),
        horizon_months=policy.horizon_months,
        horizon_saving=quantize((current - target - retained) * months - one_off),
    )
