"""policy.yaml: what the organisation allows, requires and can afford."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from cloudexit.model.defaults import empty_list
from cloudexit.model.kinds import Kind
from cloudexit.model.limits import Limits
from cloudexit.model.money import DEFAULT_EXCHANGE_RATES, Amount
from cloudexit.model.sovereignty import Objective

POLICY_SCHEMA_VERSION: Literal["1.0"] = "1.0"


class _Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", allow_inf_nan=False)


class Selector(_Strict):
    """Which resources a rule applies to. Empty fields match everything; all given must hold."""

    ids: list[str] = Field(default_factory=empty_list)
    tags: dict[str, str] = Field(default_factory=dict, description="Every pair must match")
    kinds: list[Kind] = Field(default_factory=empty_list)
    source_providers: list[str] = Field(default_factory=empty_list)

    def is_empty(self) -> bool:
        return not (self.ids or self.tags or self.kinds or self.source_providers)


class Residency(_Strict):
    allowed_countries: list[str] = Field(
        default_factory=empty_list, description="ISO 3166 alpha-2 codes; empty: any country"
    )
    allowed_regions: list[str] = Field(
        default_factory=empty_list, description="provider/region codes; empty: any region"
    )


class CertificationRule(_Strict):
    match: Selector = Field(default_factory=Selector)
    certifications: list[str] = Field(min_length=1, description="Every one is required")


class ProviderRule(_Strict):
    match: Selector = Field(default_factory=Selector)
    pin: str | None = Field(None, description="provider or provider/region the resources must use")
    forbid: list[str] = Field(default_factory=empty_list, description="providers they must not use")

    @model_validator(mode="after")
    def _says_something(self) -> ProviderRule:
        if self.pin is None and not self.forbid:
            raise ValueError("a provider rule needs 'pin' or 'forbid'")
        return self


class Colocation(_Strict):
    tag_keys: list[str] = Field(
        default_factory=empty_list,
        description="Resources sharing a value of one of these tags share a site",
    )
    from_dependencies: bool = Field(
        False,
        description="Traffic between resources linked by depends_on is priced as egress of the sending site "
        "when they end up on different sites, so the optimiser keeps them together where that pays",
    )
    dependency_traffic_gib: float = Field(
        10,
        ge=0,
        description="GiB a month assumed between two dependent resources, each way together, "
        "when the inventory gives no figure",
    )


class AntiAffinity(_Strict):
    tag_key: str = Field(description="Resources with the same value of this tag...")
    level: Literal["provider", "region"] = Field(
        "region", description="...must differ at this level"
    )


class Capacity(_Strict):
    provider: str
    region: str | None = None
    max_vcpu: float | None = Field(None, ge=0)
    max_memory_gib: float | None = Field(None, ge=0)
    max_storage_gib: float | None = Field(None, ge=0)
    max_instances: int | None = Field(None, ge=0)
    flavors: list[str] | None = Field(
        None,
        description="Compute products (flavour names) offered here, as `cloudexit inventory openstack "
        "--capacity-out` reads them from a project; other compute products are not placed here",
    )

    def covers(self, site: tuple[str, str]) -> bool:
        """Whether a (provider, region) site counts against this entry."""
        return site[0] == self.provider and self.region in (None, site[1])

    def limits(self) -> list[tuple[str, float]]:
        """The set limits as (option attribute, maximum) pairs."""
        pairs = (
            ("vcpu", self.max_vcpu),
            ("memory_gib", self.max_memory_gib),
            ("storage_gib", self.max_storage_gib),
            ("instances", self.max_instances),
        )
        return [(attribute, float(limit)) for attribute, limit in pairs if limit is not None]


class SovereigntyGate(_Strict):
    """A hard floor on the EU Cloud Sovereignty Framework for the resources it matches: an option
    below any minimum is not offered to them, retaining included."""

    name: str = Field(min_length=1, description="Named in exclusions and infeasibility messages")
    match: Selector = Field(default_factory=Selector)
    classifications: list[str] = Field(
        default_factory=empty_list,
        description="Values of sovereignty.classification_tag the gate applies to; empty: any",
    )
    min_levels: dict[Objective, int] = Field(
        default_factory=dict, description="Minimum SEAL level (0-4) per objective SOV-1..SOV-8"
    )
    min_score: float | None = Field(
        None, ge=0, le=100, description="Minimum framework-weighted score, 0-100"
    )

    @model_validator(mode="after")
    def _says_something(self) -> SovereigntyGate:
        for objective, level in self.min_levels.items():
            if not 0 <= level <= 4:
                raise ValueError(
                    f"min_levels.{objective}: SEAL levels run from 0 to 4, not {level}"
                )
        if not self.min_levels and self.min_score is None:
            raise ValueError(f"gate {self.name!r} needs min_levels or min_score")
        return self


class Sovereignty(_Strict):
    """Gates and the weights of the estate roll-up (spend times criticality)."""

    classification_tag: str = Field(
        "data_classification", description="Tag holding a resource's data classification"
    )
    criticality_tag: str = Field("criticality", description="Tag holding a resource's criticality")
    criticality_weights: dict[str, float] = Field(
        default_factory=lambda: {"low": 1.0, "medium": 2.0, "high": 3.0, "critical": 4.0},
        description="Weight per criticality tag value; untagged or unknown values weigh 1",
    )
    gates: list[SovereigntyGate] = Field(default_factory=empty_list)


class RiskWeights(_Strict):
    """Euros per month charged for one point of each risk, so risk and cost add up."""

    jurisdiction: Amount = Field(Decimal(40), ge=0)
    certification: Amount = Field(Decimal(40), ge=0)
    fidelity: Amount = Field(Decimal(10), ge=0)
    concentration: Amount = Field(Decimal(5), ge=0)


class Switching(_Strict):
    """What a switch away from the source costs in egress, by date."""

    start_date: dt.date | None = Field(
        None, description="Day 0 of the migration; default: the inventory's date"
    )
    data_act: bool = Field(
        True,
        description="Apply the EU Data Act (Regulation (EU) 2023/2854) Art. 29 to switching egress",
    )
    exit_programmes: list[str] = Field(
        default_factory=empty_list,
        description="Source providers whose free-egress exit programme is used (it requires a full exit)",
    )
    parallel_change_per_day: float = Field(
        0.02,
        ge=0,
        le=1,
        description="Share of a data store's size written a day, and so replicated from the source to "
        "the target while both run (an assumption; 0 leaves parallel-run egress out)",
    )


class RiskStake(_Strict):
    """How much a resource's risk weighs: today's monthly cost against a reference, times a
    criticality read from a tag."""

    reference_monthly: Amount | None = Field(
        None,
        gt=0,
        description="A resource costing this much a month today carries risk at the plain weights; "
        "default: the estate's mean cost per priced resource, so the weights keep their scale",
    )
    minimum: float = Field(
        0.1, ge=0, description="Floor of the cost factor, so free resources still count"
    )
    unpriced: float = Field(1, ge=0, description="Cost factor of a resource with no known cost")
    criticality_tag: str = "criticality"
    criticality: dict[str, float] = Field(
        default_factory=lambda: {"critical": 4.0, "high": 2.0, "medium": 1.0, "low": 0.5},
        description="Factor per value of the criticality tag (case-insensitive)",
    )


class RunningCosts(_Strict):
    """Overrides of the bundled running-cost assumptions (mappings/running-costs.yaml)."""

    operations_hours_month: dict[Kind, float] = Field(
        default_factory=dict,
        description="Engineer hours a month to run one self-managed service of each kind",
    )
    effort_days: dict[Kind, float] = Field(
        default_factory=dict,
        description="Engineer days to move one resource of each kind, on every target, instead of "
        "the mappings' planning assumptions",
    )
    function_requests_month: float = Field(
        1_000_000,
        ge=0,
        description="Invocations a month assumed for a function whose usage is unknown",
    )
    function_seconds_per_request: float = Field(
        0.2,
        ge=0,
        description="Run time per invocation assumed for a function whose usage is unknown",
    )
    assumed_data_gib: float = Field(
        10,
        gt=0,
        description="GiB of data assumed for a managed database whose source reports no size: "
        "priced on the target's storage and written as its volume, named in a warning",
    )
    object_stores_per_deployment: int | None = Field(
        None,
        ge=1,
        description="Object stores (buckets, storage accounts) one self-managed object-storage "
        "deployment serves where a target runs it on its VMs (OpenNebula): each carries this "
        "share of the deployment's gateway VM and operations hours. Unset: every object store "
        "of the estate, one deployment at the site they land on (plan.json records the value "
        "used; the plan's warning names any further site's deployment left out)",
    )


class SolverOptions(_Strict):
    name: Literal["cbc", "highs"] = Field(
        "highs",
        description="highs: the model as arrays for HiGHS, bound and gap from its result; "
        "cbc: the PuLP model and the CBC bundled with PuLP",
    )
    time_limit_s: float = Field(60, gt=0)
    gap: float = Field(0.001, ge=0, le=1)


class Policy(_Strict):
    schema_version: Literal["1.0"] = POLICY_SCHEMA_VERSION
    targets: list[str] = Field(
        default_factory=lambda: ["ionos", "opennebula", "ovhcloud", "scaleway"],
        description="Target providers considered",
    )
    residency: Residency = Field(default_factory=Residency)
    certifications: list[CertificationRule] = Field(default_factory=empty_list)
    providers: list[ProviderRule] = Field(default_factory=empty_list)
    colocation: Colocation = Field(default_factory=Colocation)
    anti_affinity: list[AntiAffinity] = Field(default_factory=empty_list)
    min_providers: int = Field(1, ge=1)
    max_providers: int | None = Field(None, ge=1)
    max_spend_share: float | None = Field(None, gt=0, le=1, description="Per provider, 0-1")
    max_region_spend_share: float | None = Field(
        None, gt=0, le=1, description="Per provider region, share of target spend, 0-1"
    )
    capacity: list[Capacity] = Field(default_factory=empty_list)
    monthly_budget: Amount | None = Field(None, gt=0)
    monthly_commitment: bool = Field(
        False,
        description="Price a product on its monthly plan where the provider offers one that costs less "
        "than a month of hourly use (each instance is then billed a month at a time)",
    )
    allow_retain: bool = True
    retire_stopped: bool = False
    horizon_months: int = Field(36, ge=1)
    day_rate: Amount = Field(Decimal(800), ge=0, description="EUR per engineer day")
    parallel_run_months: Amount = Field(
        Decimal(1),
        ge=0,
        description="Months the source keeps running after each wave's cut-over (double running)",
    )
    discount_rate: float = Field(
        0.05,
        ge=0,
        le=1,
        description="Yearly rate for the net present value of the move (0.05: 5 %)",
    )
    bandwidth_mbps: float = Field(1000, gt=0)
    headroom: float = Field(0.2, ge=0, le=2, description="Added to observed peak when right-sizing")
    burstable_baseline: bool = Field(
        True,
        description="With no measured CPU, size a burstable or shared-core source machine (t3, B-series, "
        "e2-micro ...) for its published sustained CPU instead of the vCPUs it may burst to",
    )
    size_from_cost: bool = Field(
        True,
        description="Size a resource with no known size or class from today's cost (with a warning)",
    )
    windows: Literal["licensed", "bring_own_licence", "leave"] = Field(
        "licensed",
        description="Windows VMs: only on products whose price includes a Windows licence; on any "
        "product with the licence brought from elsewhere (a warning names each); or left unplaced",
    )
    unknown_size: Literal["place", "leave"] = Field(
        "place",
        description="A resource whose size stays unknown: placed on the smallest product with a warning "
        "naming it, or left unplaced",
    )
    currency: Literal["EUR"] = "EUR"
    exchange_rates: dict[str, Annotated[Amount, Field(gt=0)]] = Field(
        default_factory=lambda: dict(DEFAULT_EXCHANGE_RATES),
        description="Units of EUR per unit of each currency",
    )
    risk_weights: RiskWeights = Field(default_factory=RiskWeights)
    risk_stake: RiskStake = Field(default_factory=RiskStake)
    switching: Switching = Field(default_factory=Switching)
    running_costs: RunningCosts = Field(default_factory=RunningCosts)
    sovereignty: Sovereignty = Field(default_factory=Sovereignty)
    solver: SolverOptions = Field(default_factory=SolverOptions)
    limits: Limits = Field(
        default_factory=Limits, description="Hard limits `cloudexit check` enforces"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        if self.max_providers is not None and self.max_providers < self.min_providers:
            raise ValueError(
                f"max_providers ({self.max_providers}) is below min_providers ({self.min_providers})"
            )
        if not self.targets:
            raise ValueError("targets: at least one target provider is needed")
        return self
