"""Hard limits on cloud dependence (policy.yaml `limits:`), checked by `cloudexit check`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", allow_inf_nan=False)


Share = float


class ShareLimit(_Strict):
    max_spend_share: Share | None = Field(None, ge=0, le=1)
    max_resource_share: Share | None = Field(None, ge=0, le=1)


class DrillLimit(_Strict):
    max_spend_share: Share | None = Field(
        None, ge=0, le=1, description="Largest share of spend down or unreachable"
    )
    max_critical_functions: int | None = Field(
        None, ge=0, description="Most critical functions hit"
    )
    min_hours_to_impact: float | None = Field(
        None, ge=0, description="Critical functions must keep working at least this long"
    )


class Limits(_Strict):
    """Largest tolerated dependence. Every share is 0-1 of the estate's known monthly spend or resources."""

    max_non_eu_spend_share: Share | None = Field(None, ge=0, le=1)
    max_non_eu_resource_share: Share | None = Field(None, ge=0, le=1)
    max_non_eu_critical_function_share: Share | None = Field(
        None,
        ge=0,
        le=1,
        description="Share of critical functions running on resources under non-EU jurisdiction",
    )
    max_critical_functions_on_non_eu_suppliers: int | None = Field(
        None,
        ge=0,
        description="Critical functions relying on a supplier hosted under non-EU jurisdiction",
    )
    providers: dict[str, ShareLimit] = Field(default_factory=dict, description="Per provider id")
    regions: dict[str, ShareLimit] = Field(default_factory=dict, description="Per provider/region")
    drills: dict[str, DrillLimit] = Field(
        default_factory=dict,
        description="Per scenario (as `cloudexit exposure --scenario` takes it, or a drill id)",
    )
    max_exit_cost: float | None = Field(
        None, ge=0, description="EUR of one-off migration cost, from a plan"
    )
    min_sovereignty_score: float | None = Field(
        None,
        ge=0,
        le=100,
        description="Weighted EU Cloud Sovereignty Framework score of the estate after a plan",
    )
    max_below_seal_share: dict[str, Share] = Field(
        default_factory=dict,
        description="Per objective (SOV-1 ... SOV-8): largest weighted share of the estate below the "
        "policy's minimum SEAL level, after a plan",
    )

    def is_empty(self) -> bool:
        return self == Limits()
