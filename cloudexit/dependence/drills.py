"""Outage drills: a scenario (a region, provider, service, named outage or supplier) run against
the estate and its suppliers, before and after a plan: which functions stop, and when."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from cloudexit.catalog.loader import Catalog
from cloudexit.dependence.estate import Stage
from cloudexit.dependence.functions import ResolvedFunction, resolve
from cloudexit.dependence.jurisdiction import hosting_jurisdiction
from cloudexit.errors import InputError
from cloudexit.model.defaults import empty_list
from cloudexit.model.inventory import Inventory
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.plan import DrillSummary, Plan
from cloudexit.model.suppliers import Supplier, SupplierRegister
from cloudexit.risk.exposure import (
    ControlPlanes,
    Exposure,
    Scenario,
    assess,
    assess_plan,
    known_sites,
    parse_scenario,
)

DRILLS_SCHEMA_VERSION: Literal["1.0"] = "1.0"
_SHOWN = 5


class _Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")


class Drill(_Strict):
    id: str = Field(min_length=1)
    title: str | None = None
    scenario: str | None = Field(None, description="As `cloudexit exposure --scenario` takes it")
    supplier: str | None = Field(
        None, description="A supplier id of the register: that supplier is lost"
    )
    duration_hours: float = Field(24, gt=0, description="How long the outage lasts")

    @model_validator(mode="after")
    def _one_cause(self) -> Drill:
        if (self.scenario is None) == (self.supplier is None):
            raise ValueError(f"drill {self.id!r}: give exactly one of 'scenario' or 'supplier'")
        return self


class DrillFile(_Strict):
    schema_version: Literal["1.0"] = DRILLS_SCHEMA_VERSION
    drills: list[Drill] = Field(min_length=1)


SupplierStatus = Literal["down", "possibly_down"]


class SupplierImpact(_Strict):
    id: str
    name: str
    status: SupplierStatus
    jurisdiction: str
    via: str


class FunctionImpact(_Strict):
    id: str
    name: str
    criticality: str
    status: Literal["stopped", "possibly_stopped"]
    stops_after_hours: float = Field(
        description="Hours from the start of the outage until the function stops"
    )
    down_hours: float = Field(description="Hours the function is down during the drill")
    tolerable_downtime_hours: float | None
    breached: bool = Field(description="Down longer than the business tolerates")
    causes: list[str]


class DrillResult(_Strict):
    drill: str
    title: str
    stage: Stage
    duration_hours: float
    exposure: Exposure | None = None
    suppliers: list[SupplierImpact] = Field(default_factory=empty_list)
    functions: list[FunctionImpact] = Field(default_factory=empty_list)

    @property
    def critical_hit(self) -> list[FunctionImpact]:
        return [f for f in self.functions if f.criticality == "critical" and f.status == "stopped"]


def load_drills(path: Path) -> DrillFile:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise InputError(f"{path}: a drills file is a YAML mapping with a 'drills' list")
    drills = validate(DrillFile, data, path)
    ids = [d.id for d in drills.drills]
    for drill_id in ids:
        if ids.count(drill_id) > 1:
            raise InputError(f"{path}: drill id {drill_id!r} appears twice")
    return drills


def _supplier_status(supplier: Supplier, scenario: Scenario) -> tuple[SupplierStatus, str] | None:
    """Whether the scenario takes the supplier down: certain when it runs in the failed region (or
    anywhere on a failed provider), possible when its region or the services it uses are unknown."""
    for hosting in supplier.hosting:
        if hosting.provider != scenario.provider:
            continue
        where = f"{hosting.provider}/{hosting.region}" if hosting.region else hosting.provider
        if (
            scenario.region is not None
            and hosting.region is not None
            and hosting.region != scenario.region
        ):
            continue
        if scenario.region is not None and hosting.region is None:
            return "possibly_down", f"runs on {hosting.provider}, region not known"
        if scenario.services:
            names = ", ".join(s.service for s in scenario.services)
            return "possibly_down", f"runs on {where}; whether it uses {names} is not known"
        return "down", f"runs on {where}"
    return None


def _functions(
    inventory: Inventory,
    functions: list[ResolvedFunction],
    exposure: Exposure | None,
    suppliers: dict[str, SupplierImpact],
    register: SupplierRegister,
    duration: float,
) -> list[FunctionImpact]:
    hit_resources = (
        {}
        if exposure is None
        else {a.resource_id: a for a in exposure.affected if a.impact != "control_plane"}
    )
    callers: dict[str, list[str]] = {}
    for supplier in register.suppliers:
        for rid in supplier.resources:
            callers.setdefault(rid, []).append(supplier.id)
    by_id = {s.id: s for s in register.suppliers}
    impacts: list[FunctionImpact] = []
    names = {r.id: r.name for r in inventory.resources}
    for resolved in functions:
        causes: list[tuple[float, bool, str]] = []
        hit = sorted(hit_resources[rid].name for rid in resolved.resources if rid in hit_resources)
        if hit:
            shown = ", ".join(hit[:_SHOWN]) + (
                f" and {len(hit) - _SHOWN} more" if len(hit) > _SHOWN else ""
            )
            causes.append((0.0, True, f"{len(hit)} of its resources down or unreachable ({shown})"))
        via_callers = [
            (sid, names[rid]) for rid in resolved.resources for sid in callers.get(rid, [])
        ]
        via_register = [(s.id, "") for s in resolved.suppliers]
        for sid, caller in [*via_callers, *via_register]:
            lost = suppliers.get(sid)
            if lost is None:
                continue
            state = lost.status.replace("_", " ")
            text = (
                f"{caller} calls {lost.name}, {state}"
                if caller
                else f"supplier {lost.name} {state}"
            )
            causes.append(
                (by_id[sid].offline_hours or 0.0, lost.status == "down", f"{text}: {lost.via}")
            )
        if not causes:
            continue
        certain = [c for c in causes if c[1]]
        stops_after = min(c[0] for c in (certain or causes))
        down = max(0.0, duration - stops_after)
        tolerance = resolved.function.tolerable_downtime_hours
        impacts.append(
            FunctionImpact(
                id=resolved.function.id,
                name=resolved.function.name,
                criticality=resolved.function.criticality,
                status="stopped" if certain else "possibly_stopped",
                stops_after_hours=stops_after,
                down_hours=down,
                tolerable_downtime_hours=tolerance,
                breached=down > 0 and tolerance is not None and down > tolerance,
                causes=sorted({c[2] for c in causes}),
            )
        )
    return sorted(impacts, key=lambda f: (f.stops_after_hours, f.id))


def run_drill(
    drill: Drill,
    inventory: Inventory,
    register: SupplierRegister,
    functions: list[ResolvedFunction],
    data: ControlPlanes,
    catalog: Catalog,
    plan: Plan | None = None,
) -> DrillResult:
    """One drill at one stage: before when no plan is given, after (the plan carried out) otherwise."""
    stage: Stage = "before" if plan is None else "after"
    exposure: Exposure | None = None
    suppliers: dict[str, SupplierImpact] = {}
    if drill.scenario is not None:
        scenario = parse_scenario(drill.scenario, data, known_sites(catalog, inventory, plan))
        exposure = (
            assess(inventory, scenario, data) if plan is None else assess_plan(plan, scenario, data)
        )
        title = drill.title or scenario.title
        for supplier in register.suppliers:
            status = _supplier_status(supplier, scenario)
            if status is not None:
                suppliers[supplier.id] = SupplierImpact(
                    id=supplier.id,
                    name=supplier.name,
                    status=status[0],
                    via=status[1],
                    jurisdiction=_jurisdictions(supplier, catalog),
                )
    else:
        lost = next((s for s in register.suppliers if s.id == drill.supplier), None)
        if lost is None:
            known = ", ".join(s.id for s in register.suppliers) or "none"
            raise InputError(
                f"drill {drill.id!r}: unknown supplier {drill.supplier!r} (known: {known})"
            )
        title = drill.title or f"{lost.name} unavailable"
        suppliers[lost.id] = SupplierImpact(
            id=lost.id,
            name=lost.name,
            status="down",
            via="supplier lost",
            jurisdiction=_jurisdictions(lost, catalog),
        )
    return DrillResult(
        drill=drill.id,
        title=title,
        stage=stage,
        duration_hours=drill.duration_hours,
        exposure=exposure,
        suppliers=sorted(suppliers.values(), key=lambda s: s.id),
        functions=_functions(
            inventory, functions, exposure, suppliers, register, drill.duration_hours
        ),
    )


def _jurisdictions(supplier: Supplier, catalog: Catalog) -> str:
    found = sorted({hosting_jurisdiction(h, catalog) for h in supplier.hosting}) or ["unknown"]
    return ", ".join(found)


def summarise(result: DrillResult) -> DrillSummary:
    exposure = result.exposure
    stopped = result.critical_hit
    return DrillSummary(
        drill=result.drill,
        title=result.title,
        stage=result.stage,
        duration_hours=result.duration_hours,
        resources_hit=None if exposure is None else exposure.down + exposure.unreachable,
        spend_share_hit=None if exposure is None else exposure.spend_share,
        suppliers_hit=[s.name for s in result.suppliers if s.status == "down"],
        critical_functions_stopped=[f.name for f in stopped],
        first_stop_hours=min((f.stops_after_hours for f in stopped), default=None),
        breached=[f.name for f in result.functions if f.breached],
    )


def run_all(
    drills: list[Drill],
    inventory: Inventory,
    register: SupplierRegister,
    data: ControlPlanes,
    catalog: Catalog,
    plan: Plan | None = None,
) -> list[DrillResult]:
    """Every drill before, and after the plan when one is given, in the file's order."""
    functions = resolve(register, inventory)
    results: list[DrillResult] = []
    for drill in drills:
        results.append(run_drill(drill, inventory, register, functions, data, catalog))
        if plan is not None:
            results.append(run_drill(drill, inventory, register, functions, data, catalog, plan))
    return results
