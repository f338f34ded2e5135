"""SEAL levels and score of a place, its jurisdiction in words, and the policy's gates."""

from __future__ import annotations

from cloudexit.model.policy import SovereigntyGate
from cloudexit.model.sovereignty import Objective, SovereigntyGrade
from cloudexit.sovereignty.data import Resolved, SovereigntyData
from cloudexit.sovereignty.schema import OBJECTIVES


def score(levels: dict[Objective, int], data: SovereigntyData) -> float:
    """The framework's weighted score: each objective's level as a share of SEAL-4, times its weight."""
    return round(sum(data.framework.weight(o) * levels[o] / 4 for o in OBJECTIVES) * 100, 1)


def _where(locations: list[str]) -> str:
    return "every location" if not locations else ", ".join(locations)


def jurisdiction(a: Resolved, region: str | None = None) -> str:
    """ "EU-controlled (DE), exposed via IONOS Cloud Inc. to US CLOUD Act for us/ewr" - never a yes/no flip.

    With a region, only the exposure paths that reach it are named."""
    op = a.operator
    if op.controlled_from == "customer":
        head = "operated by you"
    elif op.controlled_from == "unknown":
        head = f"control not established, operated by {op.name} ({op.country})"
    else:
        head = f"{op.controlled_from}-controlled, operated by {op.name} ({op.country})"
    paths = [p for p in a.exposures if region is None or not p.locations or region in p.locations]
    if not paths:
        return head
    return (
        head
        + ", "
        + "; ".join(f"exposed via {p.via} to {p.law} for {_where(p.locations)}" for p in paths)
    )


def grade_of(a: Resolved, data: SovereigntyData, region: str | None = None) -> SovereigntyGrade:
    levels: dict[Objective, int] = {o: a.level(o) or 0 for o in OBJECTIVES}
    return SovereigntyGrade(
        assessment=f"{a.provider}/{a.id}",
        operator=a.operator.name,
        jurisdiction=jurisdiction(a, region),
        levels=levels,
        unassessed=[o for o in OBJECTIVES if a.level(o) is None],
        score=score(levels, data),
    )


def grade_at(
    data: SovereigntyData, provider: str, region: str, product: str | None = None
) -> SovereigntyGrade | None:
    key = (provider, region, product)
    if key not in data.grades:
        a = data.for_site(provider, region, product)
        data.grades[key] = grade_of(a, data, region) if a is not None else None
    return data.grades[key]


def gate_failure(gate: SovereigntyGate, grade: SovereigntyGrade | None) -> str | None:
    """Why an option fails the gate, or None. A place with no assessment fails every gate."""
    if grade is None:
        return f"sovereignty gate {gate.name}: no sovereignty assessment for this place"
    short = [
        f"{o} SEAL-{grade.levels[o]} < {need}"
        for o, need in sorted(gate.min_levels.items())
        if grade.levels[o] < need
    ]
    if gate.min_score is not None and grade.score < gate.min_score:
        short.append(f"score {grade.score:g} < {gate.min_score:g}")
    return f"sovereignty gate {gate.name}: {', '.join(short)}" if short else None


def minimum_for(gates: list[SovereigntyGate], objective: str) -> int:
    """The highest minimum the gates set on the objective (0: no gate)."""
    return max(
        (level for g in gates for o, level in g.min_levels.items() if o == objective), default=0
    )
