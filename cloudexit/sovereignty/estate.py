"""The estate's SEAL levels before and after a plan, weighted by monthly spend times criticality."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Literal

from cloudexit.model.inventory import Resource
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.model.sovereignty import (
    EstateRollup,
    EstateSovereignty,
    ObjectiveRollup,
    SovereigntyGrade,
    StayOption,
)
from cloudexit.optimise.candidates import sovereignty_gates
from cloudexit.optimise.today import current_monthly_eur
from cloudexit.sovereignty.data import SovereigntyData
from cloudexit.sovereignty.grade import gate_failure, grade_at, grade_of, minimum_for
from cloudexit.sovereignty.schema import OBJECTIVES

WEIGHTING = "monthly EUR spend times the criticality tag's weight"


def criticality(resource: Resource, policy: Policy) -> float:
    value = resource.tags.get(policy.sovereignty.criticality_tag)
    return policy.sovereignty.criticality_weights.get(value, 1.0) if value is not None else 1.0


def _weights(
    resources: list[Resource], spend: dict[str, Decimal | None], policy: Policy
) -> dict[str, float]:
    weights = {r.id: float(spend.get(r.id) or 0) * criticality(r, policy) for r in resources}
    if not any(weights.values()):
        # No known spend at all: criticality alone still ranks the estate.
        weights = {r.id: criticality(r, policy) for r in resources}
    return weights


GradeKey = tuple[str, tuple[int, ...], float]
Group = tuple[GradeKey | None, tuple[int, ...]]


def _key(grade: SovereigntyGrade | None) -> GradeKey | None:
    if grade is None:
        return None
    return grade.assessment, tuple(grade.levels[o] for o in OBJECTIVES), grade.score


def _groups(
    resources: list[Resource],
    grades: dict[str, SovereigntyGrade | None],
    weights: dict[str, float],
    minimums: dict[str, tuple[int, ...]],
) -> list[tuple[Group, float]]:
    """Weights summed per (grade, gate minimums), in a fixed order so sums never vary."""
    summed: dict[Group, float] = defaultdict(float)
    for r in resources:
        summed[(_key(grades[r.id]), minimums[r.id])] += weights[r.id]
    return sorted(summed.items(), key=lambda kv: (kv[0][0] or ("", (), 0.0), kv[0][1]))


def _weakest(
    objective: str, groups: list[tuple[Group, float]], data: SovereigntyData
) -> str | None:
    carried: dict[str, float] = defaultdict(float)
    for (key, _), weight in groups:
        if weight <= 0:
            # Weighted as the mean is: a resource at no spend (a key kept on the source) moves
            # neither, so it cannot be the weakest point of an estate the mean rates higher.
            continue
        if key is None:
            carried["no sovereignty assessment for the place"] += weight
            continue
        provider, _, aid = key[0].partition("/")
        assessment = data.resolved[provider][aid]
        level = assessment.level(objective)
        if level is None:
            note = assessment.objectives[objective].note
            carried[f"{key[0]}: not assessed ({note})"] += weight
            continue
        if level == 4:
            continue
        unmet = [f for f in assessment.facts(objective) if not f.holds]
        for fact in unmet:
            carried[f"{fact.criterion} at {key[0]}: {fact.statement}"] += weight
        if not unmet:
            # below the top level with every recorded fact met: say so rather than name nothing
            carried[f"{key[0]}: SEAL-{level}, no unmet criterion recorded"] += weight
    if not carried:
        return None
    return max(sorted(carried), key=lambda k: carried[k])


def gate_minimums(resources: list[Resource], policy: Policy) -> dict[str, tuple[int, ...]]:
    """Per resource, the highest minimum its gates set on each objective (0: none)."""
    none = (0,) * len(OBJECTIVES)
    if not policy.sovereignty.gates:
        return {r.id: none for r in resources}
    found = {}
    for r in resources:
        gates = sovereignty_gates(r, policy)
        found[r.id] = tuple(minimum_for(gates, o) for o in OBJECTIVES) if gates else none
    return found


def rollup(
    stage: Literal["before", "after"],
    resources: list[Resource],
    grades: dict[str, SovereigntyGrade | None],
    weights: dict[str, float],
    minimums: dict[str, tuple[int, ...]],
    data: SovereigntyData,
) -> EstateRollup:
    groups = _groups(resources, grades, weights, minimums)
    total = sum(w for _, w in groups)
    objectives = []
    for index, objective in enumerate(OBJECTIVES):
        shares = dict.fromkeys(("0", "1", "2", "3", "4"), 0.0)
        below = 0.0
        mean = 0.0
        for (key, minimum), weight in groups:
            level = key[1][index] if key is not None else 0
            share = weight / total if total else 0.0
            shares[str(level)] += share
            mean += level * share
            if level < minimum[index]:
                below += share
        objectives.append(
            ObjectiveRollup(
                objective=objective,
                title=data.framework.title(objective),
                distribution={k: round(v, 4) for k, v in shares.items()},
                mean_level=round(mean, 2),
                below_minimum_share=round(below, 4),
                weakest_criterion=_weakest(objective, groups, data),
            )
        )
    score = sum((key[2] if key is not None else 0.0) * w for (key, _), w in groups)
    return EstateRollup(
        stage=stage,
        score=round(score / total, 1) if total else 0.0,
        weight_total=round(total, 2),
        objectives=objectives,
    )


def _stay_options(
    resources: list[Resource], after: EstateRollup, policy: Policy, data: SovereigntyData
) -> list[StayOption]:
    options = []
    sources = sorted({r.provider for r in resources})
    for provider in sources:
        for assessment in data.assessments(provider):
            if assessment.kind != "offer" or assessment.placeable:
                continue
            grade = grade_of(assessment, data)
            region = assessment.regions[0] if assessment.regions else None
            failing = sorted(
                {
                    failure.split(":")[0]
                    for r in resources
                    if r.provider == provider
                    for gate in sovereignty_gates(r, policy)
                    if (failure := gate_failure(gate, grade)) is not None
                }
            )
            lower = [
                o
                for o in OBJECTIVES
                if grade.levels[o]
                < round(next(x.mean_level for x in after.objectives if x.objective == o))
            ]
            if failing:
                verdict = f"fails {', '.join(failing)}"
            elif grade.score < after.score:
                verdict = (
                    f"scores {grade.score:g} against {after.score:g} for the estate after the plan; "
                    f"lower on {', '.join(lower) or 'the weighted total'}"
                )
            else:
                verdict = (
                    f"scores {grade.score:g}, at least the plan's {after.score:g}: worth pricing"
                )
            options.append(
                StayOption(
                    provider=provider,
                    assessment=f"{provider}/{assessment.id}",
                    name=assessment.name,
                    region=region,
                    levels=grade.levels,
                    unassessed=grade.unassessed,
                    score=grade.score,
                    estate_score_after=after.score,
                    verdict=verdict,
                )
            )
    return options


def estate(plan: Plan, data: SovereigntyData) -> EstateSovereignty:
    resources = plan.inventory.resources
    placed = {p.resource_id: p for p in plan.placements}
    before_grades = {r.id: grade_at(data, r.provider, r.region) for r in resources}
    after_grades = {
        r.id: placed[r.id].choice.sovereignty if r.id in placed else before_grades[r.id]
        for r in resources
    }
    spend_before = {r.id: current_monthly_eur(r, plan.policy) for r in resources}
    spend_after = {
        r.id: placed[r.id].choice.monthly_cost if r.id in placed else spend_before[r.id]
        for r in resources
    }
    minimums = gate_minimums(resources, plan.policy)
    before_weights = _weights(resources, spend_before, plan.policy)
    # A retired resource runs nowhere after the plan: it weighs nothing in the estate after.
    retired = {u.resource_id for u in plan.unplaced if u.code == "retired"}
    remaining = [r for r in resources if r.id not in retired]
    after_weights = _weights(remaining, spend_after, plan.policy)
    before = rollup("before", resources, before_grades, before_weights, minimums, data)
    after = rollup("after", remaining, after_grades, after_weights, minimums, data)
    return EstateSovereignty(
        weighting=WEIGHTING,
        before=before,
        after=after,
        stay_options=_stay_options(resources, after, plan.policy, data),
    )


def lowered_warning(rollup: EstateSovereignty) -> str | None:
    """A line when the plan leaves the estate with a lower framework score than today, naming the
    objectives that fall: an exit meant to gain sovereignty must not lose it unsaid."""
    before, after = rollup.before, rollup.after
    if after.score >= before.score:
        return None
    fallen = [
        f"{b.objective} {b.mean_level:g} -> {a.mean_level:g}"
        for b, a in zip(before.objectives, after.objectives, strict=True)
        if a.mean_level < b.mean_level
    ]
    return (
        f"the plan lowers the estate's sovereignty framework score from {before.score:g} today "
        f"to {after.score:g} after the plan"
        + (f" (mean SEAL level {', '.join(fallen)})" if fallen else "")
        + "; see the sites in the runbook's sovereignty section and compare other regions or targets"
    )
