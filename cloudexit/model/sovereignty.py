"""Sovereignty results written to plan.json: a grade per option, the estate before and after."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from cloudexit.model.defaults import empty_list
from cloudexit.model.sharing import SharedFieldsSet

Objective = Literal["SOV-1", "SOV-2", "SOV-3", "SOV-4", "SOV-5", "SOV-6", "SOV-7", "SOV-8"]


class _Strict(SharedFieldsSet):
    model_config = ConfigDict(defer_build=True, extra="forbid")


class SovereigntyGrade(_Strict):
    """The EU Cloud Sovereignty Framework levels of the place a resource runs."""

    assessment: str = Field(
        description="Assessment id in providers/sovereignty/<provider>.yaml (provider, site or offer)"
    )
    operator: str
    jurisdiction: str = Field(description="Control and exposure paths in words")
    levels: dict[Objective, int] = Field(
        description="SEAL level 0-4 per objective; unassessed counts as 0"
    )
    unassessed: list[Objective] = Field(default_factory=empty_list)
    score: float = Field(description="Framework-weighted score, 0-100")


class ObjectiveRollup(_Strict):
    objective: Objective
    title: str
    distribution: dict[str, float] = Field(
        description="SEAL level (0-4) -> weighted share of the estate"
    )
    mean_level: float
    below_minimum_share: float = Field(
        description="Weighted share below the policy's gate for the resource"
    )
    weakest_criterion: str | None = Field(
        None, description="The unmet criterion carrying the most weight"
    )


class EstateRollup(_Strict):
    stage: Literal["before", "after"]
    score: float = Field(description="Weighted mean framework score, 0-100")
    weight_total: float
    objectives: list[ObjectiveRollup]


class StayOption(_Strict):
    """A sovereign offer of a source cloud, scored on the same scale: why the plan does not stay there."""

    provider: str
    assessment: str
    name: str
    region: str | None
    levels: dict[Objective, int]
    unassessed: list[Objective] = Field(default_factory=empty_list)
    score: float
    estate_score_after: float
    verdict: str


class EstateSovereignty(_Strict):
    weighting: str = Field(
        description="How resources are weighted: monthly spend times criticality"
    )
    before: EstateRollup
    after: EstateRollup
    stay_options: list[StayOption] = Field(default_factory=empty_list)
