"""plan.json: every placement and why, what could not be placed, totals and solver facts."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from cloudexit.model.defaults import empty_list
from cloudexit.model.inventory import Inventory
from cloudexit.model.money import Amount
from cloudexit.model.policy import Policy
from cloudexit.model.sharing import SharedFieldsSet, share_fields_set, share_keys, shared_keys
from cloudexit.model.sovereignty import EstateSovereignty, SovereigntyGrade

PLAN_SCHEMA_VERSION: Literal["1.0"] = "1.0"


class _Strict(SharedFieldsSet):
    model_config = ConfigDict(defer_build=True, extra="forbid")


class SolveStatus(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    NOT_SOLVED = "not_solved"
    TRIVIAL = "trivial"


class Risk(_Strict):
    jurisdiction: float = 0
    certification: float = Field(0, description="Baseline certifications the site lacks")
    fidelity: float = 0
    concentration: float = Field(
        0, description="From the provider's and region's share of the plan's target spend"
    )
    total: float = 0
    stake: float = Field(
        1,
        description="Multiplies the weighted risk: today's cost against the reference, times criticality",
    )


class Option(_Strict):
    provider: str
    region: str
    product: str | None = Field(
        None, description="Product id in providers/, None when nothing is bought"
    )
    product_name: str | None = None
    quantity: float = Field(1, description="Units of the product's price unit per month")
    monthly_cost: Amount
    migration_cost: Amount
    effort_days: float = Field(0, ge=0, description="Engineer days the move takes (mapping hint)")
    risk: Risk
    strategy: str
    fidelity: str
    terraform: str | None = None
    retain: bool = False
    unverified_prices: list[str] = Field(default_factory=empty_list)
    switching_egress: Amount = Field(
        Decimal(0),
        description="Part of migration_cost: egress of the switch under the rule of its date",
    )
    second_hand_prices: list[str] = Field(
        default_factory=empty_list,
        description="Products whose price rests on a second-hand, undated or over-12-month-old source",
    )
    second_hand_monthly: Amount = Field(
        Decimal(0), description="The part of monthly_cost priced from those sources"
    )
    replicas: int = Field(
        1, ge=1, description="Nodes run on the target: 2 or more for an HA or multi-node source"
    )
    storage_product: str | None = Field(
        None,
        description="Block-storage product the data is priced on beside the instance (a "
        "self-managed service's data disk, a managed database's storage), which the Terraform "
        "writes",
    )
    assumed_storage_gib: float | None = Field(
        None,
        description="Data size priced and written per node when the source reported none (the "
        "policy's running_costs.assumed_data_gib); None: the source's size",
    )
    unpriced_parts: list[str] = Field(
        default_factory=empty_list,
        description="Parts the option needs that have no list price (an IONOS server's boot "
        "volume): left out of monthly_cost, never counted as zero",
    )
    stand_ins: dict[str, Amount] | None = Field(
        None,
        description="Per unpriced part, the EUR a month the choice counted in its stead: the "
        "highest price the catalogue knows for it at any site of the provider, so a missing price "
        "never makes an option look cheaper. An assumption of the comparison only: in no cost "
        "figure of the plan",
    )
    costs: dict[str, Amount] = Field(
        default_factory=dict,
        description="monthly_cost by part: compute, replicas, storage, operations (self-managed), egress, "
        "requests and duration (serverless)",
    )
    sovereignty: SovereigntyGrade | None = Field(
        None,
        description="EU Cloud Sovereignty Framework levels where the option runs; None: not assessed",
    )
    one_off: dict[str, Amount] = Field(
        default_factory=dict,
        description="migration_cost by part: engineering (effort days x day rate), switching_egress, "
        "parallel_egress (keeping the target in sync while both run), double_running (the source's "
        "cost while both run), stranded_commitments (commitment fees the move leaves unused)",
    )
    egress_unpriced: bool | None = Field(
        None,
        description="True when the source has no egress price here: switching_egress and "
        "parallel_egress leave out the egress of copying the data, never counting it as zero",
    )


class Alternative(_Strict):
    provider: str
    region: str
    product: str | None = None
    monthly_cost_delta: Amount
    risk_delta: float
    score_delta: Amount | None = Field(
        None, description="Horizon cost plus weighted risk of the runner-up minus the choice's"
    )
    retain: bool = Field(False, description="The runner-up is keeping the resource on its source")


class EngineVersionChoice(_Strict):
    """The engine version the target's Terraform asks for, and how it relates to the source's."""

    engine: str = Field(description="The engine the target runs")
    source_engine: str | None = None
    source_version: str | None = None
    version: str | None = Field(None, description="Asked for on the target; None: not checked")
    offered: list[str] = Field(default_factory=empty_list, description="Versions the target offers")
    status: Literal[
        "same",
        "upgrade",
        "not_offered",
        "engine_change",
        "source_unknown",
        "unchecked",
        "self_managed",
        "language_not_offered",
    ] = Field(
        description="same version line; upgrade to the closest newer one offered; not_offered: the "
        "source is newer than anything the target offers (a downgrade nobody should make silently); "
        "engine_change: another engine; source_unknown: the source did not report its version; "
        "unchecked: the catalogue holds no version facts for this target service; self_managed: "
        "installed on the target's VMs at the source's release line; language_not_offered: a "
        "function whose language the target's functions service does not run (no runtime chosen)"
    )
    major_change: bool = Field(False, description="The major version differs from the source's")
    note: str
    source: str | None = Field(None, description="Where the offered versions come from")
    published: str | None = None


class Placement(_Strict):
    resource_id: str
    kind: str
    choice: Option
    reason: str
    runner_up: Alternative | None = None
    size_before: str | None = Field(None, description="vCPU and memory today, or 'size unknown'")
    size_source: str | None = Field(
        None, description="Where size_before comes from when the source did not report it"
    )
    size_basis: Literal["reported", "class", "usage", "assumed", "cost", "unknown"] | None = Field(
        None,
        description="What size_before rests on: reported by the source, its class in the catalogue, "
        "usage in the inventory, a stated assumption per service, today's cost, or nothing",
    )
    size_after: str | None = Field(None, description="vCPU and memory of the chosen product")
    size_assumed: str | None = Field(
        None,
        description="Why size_after is an assumption: the source reported no size, so the "
        "smallest product that fits was priced and written (for a Kubernetes pool, the smallest "
        "machine type the target's Kubernetes takes)",
    )
    requirement: str | None = Field(
        None,
        description="vCPU and memory the product was chosen for: the size today, measured peaks plus "
        "headroom, or a burstable size's sustained CPU",
    )
    requirement_basis: Literal["reported", "utilisation", "baseline"] | None = Field(
        None,
        description="What the requirement rests on: the size today, measured utilisation, or the "
        "source's published baseline for a burstable or shared-core size",
    )
    requirement_reason: str | None = Field(
        None, description="Why the requirement differs from the size today, with its source"
    )
    dearer_than_today: str | None = Field(
        None,
        description="When the choice costs more a month than the resource does today: by how much and why",
    )
    engine_version: EngineVersionChoice | None = Field(
        None, description="Managed databases, caches and clusters: the version the target runs"
    )
    inter_site_monthly: Amount = Field(
        Decimal(0),
        description="EUR a month for traffic to dependencies placed on other sites (egress of this site)",
    )
    copies: list[Option] | None = Field(
        None,
        description="A network object (subnet, network, security group) recreated at more than one "
        "site: the other sites, each with its own one-off cost and risk, because resources naming it "
        "land there (choice is the cheapest copy)",
    )
    kept_with: str | None = Field(
        None,
        description="The resource it stays on the source with: a part attached to it, or a network "
        "object (security group, subnet) nothing naming it moves, so no target writes it",
    )

    @model_validator(mode="after")
    def _share_fields_sets(self) -> Placement:
        """Shared as each placement is read, so a large plan never holds every set at once."""
        _share_placement_sets(self)
        return self


def _share_placement_sets(placement: Placement) -> None:
    share_fields_set(placement)
    choice = placement.choice
    share_fields_set(choice)
    share_fields_set(choice.risk)
    for part in (choice.sovereignty, placement.runner_up, placement.engine_version):
        if part is not None:
            share_fields_set(part)


_TEXTS = ("reason", "size_before", "size_after", "requirement", "dearer_than_today")
_AMOUNTS = ("monthly_cost", "migration_cost", "switching_egress", "second_hand_monthly")
_LISTS = ("unverified_prices", "second_hand_prices", "unpriced_parts")


def share_placement_values(placements: list[Placement]) -> None:
    """One object for each amount, figure and text that repeats over the placements, in place:
    some 230,000 amounts at 20,000 resources, a sixth of them distinct, and the same few reasons
    and sizes. The values stay equal, so nothing is validated again. Each model's dictionary of
    fields, and its parts' (costs, one-off parts), then shares its table of names with its likes
    (``model.sharing.shared_keys``): those dictionaries were two thirds of a placement."""
    sharing = PlacementValues()
    for placement in placements:
        sharing.share(placement)


class PlacementValues:
    """``share_placement_values`` one placement at a time, so that a plan's placements can be
    shared as they are made, before the next is built. It tells options it has done by identity:
    the placements it is given must all be alive while it is in use."""

    def __init__(self) -> None:
        self._amounts: dict[str, Decimal] = {}
        self._texts: dict[str, str] = {}
        self._figures: dict[str, float] = {}
        self._done: set[int] = set()
        self._placed: set[int] = set()

    def rest(self, placements: list[Placement]) -> None:
        """``share`` of the placements not given to it yet: with the dated options shared as
        they are dated (``dated``), the same values as ``share_placement_values`` gives a plan
        whose placements this has shared as they were made."""
        placed, done = self._placed, self._done
        for placement in placements:
            # a choice replaced since (a read replica or a copy repriced) is shared too
            if id(placement) not in placed or id(placement.choice) not in done:
                self.share(placement)

    def share(self, placement: Placement) -> None:
        self._placed.add(id(placement))
        # Keyed by the text, not the value: 0 and 0.00 (0.0 and -0.0) are equal but print differently.
        share = self._amounts.setdefault
        word = self._texts.setdefault
        values = placement.__dict__
        for name in _TEXTS:
            text = values[name]
            if text is not None:
                values[name] = word(text, text)
        values["inter_site_monthly"] = share(str(amount := values["inter_site_monthly"]), amount)
        other = placement.runner_up
        if other is not None:
            held = other.__dict__
            held["monthly_cost_delta"] = share(str(amount := held["monthly_cost_delta"]), amount)
            if (amount := held["score_delta"]) is not None:
                held["score_delta"] = share(str(amount), amount)
            share_keys(other)
        for option in (placement.choice, *(placement.copies or ())):
            self.option(option)
        share_keys(placement)

    def dated(self, option: Option, undated: Option) -> None:
        """``option``'s values shared, where it is ``undated`` copied with a dated one-off cost
        (``migration_cost``, ``switching_egress`` and ``one_off`` given anew): when ``undated``
        was shared here, only those and the copy's own dictionary and set of names are left.
        An option let go may leave its identity to one made later, taken then as shared: the
        values are the same either way, only fewer of them are one object."""
        done = self._done
        if id(undated) not in done:
            self.option(option)
            return
        done.add(id(option))
        share = self._amounts.setdefault
        held = option.__dict__
        for name in ("migration_cost", "switching_egress"):
            held[name] = share(str(amount := held[name]), amount)
        parts = held["one_off"]
        for key, amount in parts.items():
            parts[key] = share(str(amount), amount)
        held["one_off"] = shared_keys(parts)
        share_keys(option)
        share_fields_set(option)

    def option(self, option: Option) -> None:
        """The option's values shared (once: it tells the options it has done by identity)."""
        done = self._done
        if id(option) in done:
            return
        done.add(id(option))
        share = self._amounts.setdefault
        word = self._texts.setdefault
        figure = self._figures.setdefault
        held = option.__dict__
        for name in _AMOUNTS:
            held[name] = share(str(amount := held[name]), amount)
        for name in ("costs", "one_off"):
            parts = held[name]
            for key, amount in parts.items():
                parts[key] = share(str(amount), amount)
            held[name] = shared_keys(parts)
        for name in _LISTS:
            items = held[name]
            for at, text in enumerate(items):
                items[at] = word(text, text)
        risk = option.risk
        if id(risk) not in done:
            done.add(id(risk))
            points = risk.__dict__
            for name, value in points.items():
                if type(value) is float:
                    points[name] = figure(repr(value), value)
            share_keys(risk)
            share_fields_set(risk)
        share_keys(option)
        # as a placement's validation does, but before the placements: unshared, the sets of
        # names given were two thirds of an option as built (3 of 4.4 KB)
        share_fields_set(option)


class Unplaced(_Strict):
    resource_id: str
    kind: str
    code: Literal[
        "no_mapping",
        "no_option",
        "missing_price",
        "retired",
        "not_migratable",
        "infeasible",
        "size_unknown",
        "windows",
    ]
    reason: str


class SwitchingLine(_Strict):
    """The one-off egress of one wave from one source account, under the rule of the wave's date."""

    wave: int
    wave_name: str
    date: str
    provider: str
    account: str
    data_gib: float
    free_gib: float = Field(
        0, description="Covered by the provider's free allowance (once per account and month)"
    )
    list_cost: Amount = Field(description="At list price after the free allowance")
    charged: Amount = Field(description="What the rule of the date allows to be charged")
    basis: str
    waiting_saves: Amount = Field(
        Decimal(0),
        description="Saved by moving this data once switching charges are banned (EU Data Act Art. 29(1))",
    )
    size_unknown: list[str] = Field(
        default_factory=empty_list,
        description="Resources of the wave whose source reports no data size: their egress is "
        "counted on the policy's assumed size (running_costs.assumed_data_gib), in data_gib and "
        "the costs",
    )
    egress_unpriced: list[str] | None = Field(
        None,
        description="Resources of the wave whose source has no egress price here (an on-premises "
        "or private-cloud source): their data is in data_gib, its egress in no cost (left out, "
        "never counted as zero)",
    )


class ParallelLine(_Strict):
    """Both sides running during one wave from one source account: the source's bill and the
    egress of keeping the target in sync, dated."""

    wave: int
    wave_name: str
    date: str = Field(description="The wave's first day: the target runs from here")
    source_stops: str = Field(
        description="Last day the source runs: the wave's end plus parallel_run_months"
    )
    provider: str
    account: str
    resources: int
    source_monthly: Amount = Field(description="Today's cost of the wave's resources on the source")
    double_running: Amount = Field(description="source_monthly for the days both sides run")
    sync_gib: float = Field(
        0, description="Data written on the source and replicated to the target while both run"
    )
    parallel_egress: Amount = Field(
        Decimal(0), description="sync_gib at the source's egress price, under the rule of the date"
    )
    basis: str


class StrandedLine(_Strict):
    """Commitment fees (Savings Plans, reservations, committed-use discounts) left without use."""

    commitment: str
    name: str | None = None
    provider: str
    resource_id: str | None = Field(
        None,
        description="The resource whose usage it paid; None: usage the bill does not attribute",
    )
    monthly: Amount = Field(description="EUR a month of the fee this line covers")
    from_date: str | None = Field(
        None, description="When the usage stops: the source stops running"
    )
    ends: str | None = Field(None, description="End of the commitment's term; None when not given")
    months: float | None = Field(None, ge=0)
    amount: Amount | None = Field(None, description="monthly x months; None without an end date")
    counted: bool = Field(description="Part of the one-off cost")
    basis: str


class Totals(_Strict):
    """Today and after on one footing: every resource counts on both sides.

    ``after_monthly = target_monthly + retained_monthly + unplaced_monthly``; resources retired
    count today and at 0 after; ``monthly_saving = current_monthly - after_monthly``."""

    currency: str = "EUR"
    current_monthly: Amount
    current_monthly_unpriced: int = Field(
        0,
        description="Resources with no known current cost, less those free after the move that "
        "the source does not bill for either",
    )
    current_monthly_unpriced_kinds: dict[str, int] = Field(
        default_factory=dict, description="current_monthly_unpriced by kind"
    )
    current_monthly_unpriced_moving: dict[str, int] = Field(
        default_factory=dict,
        description="Of current_monthly_unpriced, those that move, by target provider; their "
        "target cost is unpriced_target_monthly",
    )
    target_monthly: Amount
    retained_monthly: Amount
    unplaced_monthly: Amount = Field(
        Decimal(0),
        description="Today's cost of resources not placed that keep running on the source",
    )
    retired_monthly: Amount = Field(
        Decimal(0), description="Today's cost of resources retired (0 after)"
    )
    after_monthly: Amount | None = Field(
        None, description="target + retained + unplaced; None when no plan was found"
    )
    monthly_saving: Amount | None = Field(
        None, description="current_monthly - after_monthly; None when no plan was found"
    )
    unpriced_target_monthly: Amount = Field(
        Decimal(0),
        description="Part of target_monthly for resources with no known cost today (counted after only)",
    )
    one_off_migration: Amount
    switching_egress: Amount = Field(
        Decimal(0),
        description="Part of one_off_migration: egress of the switch under the rule of each wave's date",
    )
    stranded_commitments: Amount = Field(
        Decimal(0),
        description="Part of one_off_migration: commitment fees the plan leaves unused until their term ends",
    )
    one_off_unpriced_egress: list[str] | None = Field(
        None,
        description="Moved resources whose source has no egress price here: one_off_migration "
        "leaves out the egress of copying their data (never counted as zero), so it is a lower "
        "bound, as payback_months is",
    )
    one_off_parts: dict[str, Amount] = Field(
        default_factory=dict,
        description="one_off_migration by part (engineering, switching_egress, parallel_egress, "
        "double_running, stranded_commitments); the parts add up to it",
    )
    horizon_months: int
    horizon_saving: Amount | None = Field(
        None,
        description="monthly saving x horizon - one-off; None where the saving cannot be judged",
    )
    payback_months: Amount | None = Field(
        None, description="one-off / monthly saving; None when there is none"
    )
    payback_note: str | None = Field(
        None, description="Why there is no payback, or what the payback leaves out"
    )
    discount_rate: float = Field(0, description="Yearly rate used for npv")
    npv: Amount | None = Field(None, description="Net present value of the move over the horizon")

    second_hand_monthly: Amount = Field(
        Decimal(0),
        description="Target monthly spend priced from second-hand, undated or over-12-month-old sources",
    )
    second_hand_share: float = Field(
        0, description="second_hand_monthly / target_monthly (0 when nothing is moved)"
    )
    assumed_one_off: Amount = Field(
        Decimal(0),
        description="Part of one_off_migration resting on planning assumptions no published source "
        "gives: engineer days per move (mappings or the policy's running_costs.effort_days) x day rate",
    )
    assumed_one_off_share: float = Field(
        0, description="assumed_one_off / one_off_migration (0 when there is no one-off)"
    )
    assumed_monthly: Amount = Field(
        Decimal(0),
        description="Part of target_monthly resting on such assumptions: operations hours of "
        "self-managed services x day rate",
    )
    assumed_monthly_share: float = Field(
        0, description="assumed_monthly / target_monthly (0 when nothing is moved)"
    )

    no_plan: bool | None = Field(
        None,
        description="True when the solver found no plan: there is no after and no saving, and "
        "retired_monthly is only what the resources the policy retires cost today",
    )

    @model_validator(mode="after")
    def _footing(self) -> Totals:
        if self.no_plan:
            return self
        if self.after_monthly is None:
            self.after_monthly = self.target_monthly + self.retained_monthly + self.unplaced_monthly
        if self.monthly_saving is None:
            self.monthly_saving = self.current_monthly - self.after_monthly
        return self


class SolverInfo(_Strict):
    solver: str
    status: SolveStatus
    objective: Amount | None = None
    bound: Amount | None = None
    gap: float | None = None
    time_s: float | None = Field(
        None, description="Wall time in seconds; only written with --timings, as it varies by run"
    )
    variables: int = 0
    constraints: int = 0
    classes: int = 0
    pruned_options: int = Field(
        0,
        description="Options left out of the model because another region of the same provider is as good in every respect",
    )


class Baseline(_Strict):
    """The cheapest option per resource under the same policy, ignoring constraints that
    link resources: what optimisation is measured against."""

    objective: Amount
    target_monthly: Amount
    violations: list[str] = Field(
        default_factory=empty_list, description="Policy constraints greedy broke"
    )
    saving: Amount | None = Field(
        None, description="Greedy objective minus plan objective, when greedy is feasible"
    )


class FrontierPoint(_Strict):
    max_jurisdiction_risk: float
    monthly_cost: Amount
    risk: float
    objective: Amount
    placements_changed: int = Field(0, description="Resources placed differently from the plan")


class DrillSummary(_Strict):
    """One outage drill run against the estate (before) or the plan carried out (after)."""

    drill: str
    title: str
    stage: Literal["before", "after"]
    duration_hours: float
    resources_hit: int | None = Field(
        None, description="Down or unreachable; None for a lost supplier"
    )
    spend_share_hit: float | None = None
    suppliers_hit: list[str] = Field(default_factory=empty_list)
    critical_functions_stopped: list[str] = Field(default_factory=empty_list)
    first_stop_hours: float | None = Field(
        None, description="When the first critical function stops"
    )
    breached: list[str] = Field(
        default_factory=empty_list, description="Functions down longer than tolerated"
    )


class SplitPair(_Strict):
    """A resource and one it names in depends_on, placed on no common site."""

    resource_id: str
    name: str
    sites: list[str] = Field(description="provider/region, with a copied network object's others")
    depends_on: str
    depends_on_name: str
    depends_on_sites: list[str]
    across_providers: bool = Field(description="On no common provider either")


class SplitPairs(_Strict):
    """Dependent pairs (depends_on) the plan runs on different sites, the first few named."""

    pairs: int = Field(description="Dependent pairs with both resources placed")
    split: int = Field(description="Of them, those on no common site")
    across_providers: int = Field(description="Of the split, those on no common provider")
    named: list[SplitPair] = Field(
        default_factory=empty_list,
        description="The first split pairs in order of resource id, at most a bounded number",
    )


class Plan(_Strict):
    schema_version: Literal["1.0"] = PLAN_SCHEMA_VERSION
    generated_at: str | None = None
    policy: Policy
    inventory: Inventory
    placements: list[Placement] = Field(default_factory=empty_list)
    unplaced: list[Unplaced] = Field(default_factory=empty_list)
    totals: Totals
    solver: SolverInfo
    baseline: Baseline | None = None
    frontier: list[FrontierPoint] = Field(default_factory=empty_list)
    switching: list[SwitchingLine] = Field(
        default_factory=empty_list, description="Dated one-off egress per wave"
    )
    parallel: list[ParallelLine] = Field(
        default_factory=empty_list,
        description="Dated double running and parallel-run egress per wave and source account",
    )
    stranded: list[StrandedLine] = Field(
        default_factory=empty_list,
        description="Commitments of the bill: what the plan leaves unused, from when, until when",
    )
    warnings: list[str] = Field(default_factory=empty_list)
    split_pairs: SplitPairs | None = Field(
        None, description="Dependent resources placed apart: counted, the first named"
    )
    drills: list[DrillSummary] = Field(
        default_factory=empty_list,
        description="Outage drills run with the plan (cloudexit plan --drills)",
    )
    sovereignty: EstateSovereignty | None = Field(
        None,
        description="SEAL distribution per objective before and after, weighted by spend and criticality",
    )

    @model_validator(mode="after")
    def _share_fields_sets(self) -> Plan:
        """Placements and their parts share their sets of given fields with their likes
        (``model.sharing``): those sets were half of a placement's memory. Again here for the
        copies the planner makes of validated placements (``model_copy`` validates nothing)."""
        for placement in self.placements:
            _share_placement_sets(placement)
        for unplaced in self.unplaced:
            share_fields_set(unplaced)
        return self
