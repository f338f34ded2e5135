"""The one-off egress of a switch, dated: the EU Data Act, exit programmes, free tiers per account.

The optimiser prices each move's egress under the rule in force on the migration's start date;
once the plan is known, the waves give each data store its move date, the rule of that date
applies, and a provider's free monthly allowance is counted once per account and month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.catalog.classes import SizeSource
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Price
from cloudexit.catalog.sizing import price_in, to_eur
from cloudexit.datafiles import data_dir
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.kinds import Kind
from cloudexit.model.labels import readable_names
from cloudexit.model.money import quantize
from cloudexit.model.plan import Plan, SwitchingLine
from cloudexit.model.policy import Policy
from cloudexit.model.replicas import rebuilt_from_primary
from cloudexit.wording import counted, first_few

if TYPE_CHECKING:
    from cloudexit.emit.waves import Wave

DEFAULT_START = dt.date(2027, 1, 4)
"""Day 0 when neither the policy nor the inventory gives a date (the schedule's default too)."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DataActRule(_Data):
    regulation: str
    reduced_from: dt.date
    no_charges_from: dt.date
    source: SizeSource


class ExitProgramme(_Data):
    announced: dt.date
    conditions: str
    source: SizeSource
    verified: bool = True


class SwitchingRules(_Data):
    data_act: DataActRule
    exit_programmes: dict[str, ExitProgramme] = Field(default_factory=dict)


@lru_cache(maxsize=4)
def load_switching_rules(path: Path | None = None) -> SwitchingRules:
    path = path or data_dir("mappings") / "switching.yaml"
    return validate(SwitchingRules, read_yaml(path), path)


@dataclass(frozen=True)
class Basis:
    charged: bool
    text: str


def start_of(policy: Policy, inventory: Inventory) -> dt.date:
    """Day 0 of the migration: the policy's date, else the inventory's, else a fixed default."""
    if policy.switching.start_date is not None:
        return policy.switching.start_date
    if inventory.generated_at:
        try:
            return dt.date.fromisoformat(inventory.generated_at[:10])
        except ValueError:
            pass
    return DEFAULT_START


def basis(provider: str, on: dt.date, policy: Policy, rules: SwitchingRules | None = None) -> Basis:
    """Which rule prices the egress of a switch away from ``provider`` on ``on``."""
    rules = rules or load_switching_rules()
    programme = rules.exit_programmes.get(provider)
    if programme is not None and provider in policy.switching.exit_programmes:
        return Basis(
            False,
            f"{provider} exit programme (announced {programme.announced}): {programme.conditions}",
        )
    act = rules.data_act
    if policy.switching.data_act and on >= act.no_charges_from:
        return Basis(
            False,
            f"EU Data Act Art. 29(1): no switching charges, egress included, from {act.no_charges_from}",
        )
    if policy.switching.data_act and on >= act.reduced_from:
        return Basis(
            True,
            f"EU Data Act Art. 29(2)-(3): until {act.no_charges_from} at most the provider's cost; "
            "list price taken as the upper bound",
        )
    return Basis(True, "list price")


def egress_price(resource: Resource, catalog: Catalog) -> Price | None:
    """The source's internet egress price where the resource is. A location that is not one of
    the provider's regions (``global``, a multi-region such as ``us``) takes the price only when
    it is the same in every region the provider lists: then it cannot matter which region the
    data leaves from."""
    source = catalog.providers.get(resource.provider)
    if source is None:
        return None
    codes = sorted(r.code for r in source.regions)
    one_region = resource.region in codes
    for product in source.products:
        if product.service != "egress":
            continue
        if one_region:
            price = price_in(product, resource.region)
            if price is not None:
                return price
            continue
        prices = [price_in(product, code) for code in codes]
        if prices and all(p is not None for p in prices):
            rates = {(p.amount, p.currency, p.unit) for p in prices if p is not None}
            if len(rates) == 1:
                return prices[0]
    return None


class EgressPrices:
    """``egress_price`` looked up once per source provider and location: a plan asks it of
    every moved resource, and each look-up walks the provider's products."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.known: dict[tuple[str, str], Price | None] = {}
        self.policy: Policy | None = None
        self.bases: dict[tuple[str, dt.date], bool] = {}

    def __call__(self, resource: Resource) -> Price | None:
        key = (resource.provider, resource.region)
        if key not in self.known:
            self.known[key] = egress_price(resource, self.catalog)
        return self.known[key]

    def charged(self, provider: str, on: dt.date, policy: Policy) -> bool:
        """``basis(provider, on, policy).charged``, kept per source provider and day for the
        run's one policy."""
        if self.policy is not policy:
            self.policy, self.bases = policy, {}
        key = (provider, on)
        found = self.bases.get(key)
        if found is None:
            found = self.bases[key] = basis(provider, on, policy).charged
        return found


def egress_cost(
    resource: Resource,
    gib: Decimal,
    catalog: Catalog,
    policy: Policy,
    prices: EgressPrices | None = None,
) -> Decimal | None:
    """EUR at list price for ``gib`` leaving the resource's source, before free allowances;
    None when the source has no egress price (or no exchange rate for it). ``prices``: the
    run's look-ups kept."""
    price = prices(resource) if prices is not None else egress_price(resource, catalog)
    if price is None:
        return None
    return to_eur(price.amount * gib, price.currency, policy.exchange_rates)


def data_gib(resource: Resource) -> Decimal:
    return Decimal(str(resource.attributes.storage_gib or 0))


# Kinds that are their data: priced by its size, copied whole.
_SIZED_BY_DATA = frozenset(
    {
        Kind.BLOCK_VOLUME,
        Kind.OBJECT_BUCKET,
        Kind.FILE_SHARE,
        Kind.STORAGE_ACCOUNT,
        Kind.SNAPSHOT,
        Kind.IMAGE,
    }
)


# Kinds that hold data beside what they are priced by (a managed database's instance): their data
# is copied out of the source all the same.
_HOLDING_DATA = frozenset(k for k in Kind if k.value.startswith("database."))


def size_unknown(resource: Resource) -> bool:
    """A store whose source reports no data size: its price and egress rest on the policy's
    assumed size and its copy time is unknown, not nothing."""
    return (
        resource.kind in _SIZED_BY_DATA or resource.kind in _HOLDING_DATA
    ) and resource.attributes.storage_gib is None


# Kinds whose disks are their nodes': a Kubernetes pool, a processing cluster (Dataproc, EMR,
# HDInsight). The target builds the nodes afresh; what must outlive them is in object storage.
NODE_DISKS = frozenset({Kind.KUBERNETES_NODE_POOL, Kind.DATA_PROCESSING})


def copied_gib(resource: Resource, held: Container[str] | None = None) -> Decimal:
    """GiB copied out of the source: none for a read replica rebuilt from its primary on the
    target, so its primary's data is not counted twice (``held``: see rebuilt_from_primary), and
    none for a Kubernetes pool or a processing cluster, whose nodes the target builds afresh
    (``cluster_disks`` says why for the clusters)."""
    if resource.kind in NODE_DISKS or rebuilt_from_primary(resource, held):
        return Decimal(0)
    return data_gib(resource)


def moved_gib(resource: Resource, policy: Policy, held: Container[str] | None = None) -> Decimal:
    """``copied_gib``, with the policy's assumed size (``running_costs.assumed_data_gib``, the
    size its target is priced on) for a store whose source reports none: an unknown size is
    never counted as no data."""
    if size_unknown(resource) and not rebuilt_from_primary(resource, held):
        return Decimal(str(policy.running_costs.assumed_data_gib))
    return copied_gib(resource, held)


def estimate(
    resource: Resource,
    catalog: Catalog,
    policy: Policy,
    on: dt.date | None = None,
    prices: EgressPrices | None = None,
) -> Decimal | None:
    """Egress of moving the resource's data on ``on`` (default: the policy's start date), before
    free allowances. ``prices``: the run's look-ups kept.

    Only the priced part: 0 when the source has no egress price (or no exchange rate for it),
    which ``date_switching`` then records as unpriced, never as no cost."""
    gib = moved_gib(resource, policy)
    if gib == 0 or resource.planned:  # only a Terraform plan holds it: no data to move yet
        return Decimal(0)
    gross = egress_cost(resource, gib, catalog, policy, prices)
    if gross is None:
        return Decimal(0)
    on = on or policy.switching.start_date or DEFAULT_START
    charged = (
        prices.charged(resource.provider, on, policy)
        if prices is not None
        else basis(resource.provider, on, policy).charged
    )
    return gross if charged else Decimal(0)


@dataclass
class _Line:
    wave_name: str
    date: dt.date
    basis: str
    data_gib: Decimal = Decimal(0)
    free_gib: Decimal = Decimal(0)
    list_cost: Decimal = Decimal(0)
    charged: Decimal = Decimal(0)
    size_unknown: list[str] = field(default_factory=list)
    unpriced: list[str] = field(default_factory=list)


def plan_waves_of(plan: Plan, resources: Mapping[str, Resource] | None = None) -> list[Wave]:
    """The runbook's waves of the plan (the bundled methods: only dates and copies matter here);
    ``resources``: the plan's inventory by id, when the caller has it."""
    from cloudexit.emit.jinja import make_environment
    from cloudexit.emit.waves import load_methods, plan_waves

    return plan_waves(plan, load_methods(make_environment()), (), resources)


def date_switching(
    plan: Plan,
    catalog: Catalog,
    waves: Sequence[Wave] | None = None,
    resources: Mapping[str, Resource] | None = None,
) -> dict[str, Decimal]:
    """Each moved resource's egress repriced on its wave's date, free allowances once per account
    and month, by resource id; the plan's ``switching`` lines. The placements are left as they
    are: ``oneoff.date_one_off`` gives each its dated option once every part is known."""
    policy = plan.policy
    start = start_of(policy, plan.inventory)
    resources = plan.inventory.by_id() if resources is None else resources
    if waves is None:
        waves = plan_waves_of(plan, resources)
    moved_on = {
        s.resource.id: (w, start + dt.timedelta(days=w.start_day)) for w in waves for s in w.steps
    }
    rules = load_switching_rules()
    prices = EgressPrices(catalog)
    free_left: dict[tuple[str, str, str], Decimal] = {}
    lines: dict[tuple[int, str, str], _Line] = {}
    dated: dict[str, Decimal] = {}
    for rid, (wave, on) in sorted(moved_on.items(), key=lambda kv: (kv[1][1], kv[0])):
        r = resources[rid]
        gib = moved_gib(r, policy, resources)
        price = prices(r)
        if r.planned:
            continue
        if size_unknown(r) and not rebuilt_from_primary(r, resources):
            rule = basis(r.provider, on, policy, rules)
            line = lines.setdefault(
                (wave.number, r.provider, r.account), _Line(wave.name, on, rule.text)
            )
            line.size_unknown.append(rid)
        if gib and price is None:
            line = lines.setdefault(
                (wave.number, r.provider, r.account),
                _Line(wave.name, on, unpriced_basis(r)),
            )
            line.data_gib += gib
            line.unpriced.append(rid)
            continue
        if gib == 0 or price is None:
            continue
        key = (r.provider, r.account, on.strftime("%Y-%m"))
        free = free_left.setdefault(key, price.free_quantity or Decimal(0))
        used = min(free, gib)
        free_left[key] = free - used
        listed = quantize(
            to_eur(price.amount * (gib - used), price.currency, policy.exchange_rates) or Decimal(0)
        )
        rule = basis(r.provider, on, policy, rules)
        charged = listed if rule.charged else Decimal(0)
        dated[rid] = charged
        line = lines.setdefault(
            (wave.number, r.provider, r.account), _Line(wave.name, on, rule.text)
        )
        line.data_gib += gib
        line.free_gib += used
        line.list_cost += listed
        line.charged += charged
    waits = policy.switching.data_act
    plan.switching = [
        SwitchingLine(
            wave=number,
            wave_name=v.wave_name,
            date=v.date.isoformat(),
            provider=provider,
            account=account,
            data_gib=float(v.data_gib),
            free_gib=float(v.free_gib),
            list_cost=quantize(v.list_cost),
            charged=quantize(v.charged),
            basis=v.basis,
            waiting_saves=quantize(v.charged)
            if waits and v.date < rules.data_act.no_charges_from
            else Decimal(0),
            size_unknown=sorted(v.size_unknown),
            egress_unpriced=sorted(v.unpriced) or None,
        )
        for (number, provider, account), v in sorted(lines.items())
    ]
    found = unpriced_warnings(plan.switching, resources, policy)
    if found:
        plan.warnings = sorted({*plan.warnings, *found})
    return {rid: quantize(dated.get(rid, Decimal(0))) for rid in moved_on}


OWN_LINE = frozenset({"onprem"})
"""Sources whose data leaves over the company's own internet line, not a cloud's metered egress."""


def unpriced_basis(resource: Resource) -> str:
    """The basis of a switching line whose source has no egress price here."""
    if resource.provider in OWN_LINE:
        return "the company's own internet line: paid on its own line or contract, not priced"
    return f"no egress price for {resource.provider}/{resource.region}: not priced"


def unpriced_warnings(
    lines: Sequence[SwitchingLine], resources: Mapping[str, Resource], policy: Policy
) -> list[str]:
    """One line per source whose egress has no price here, naming what its copy leaves out of the
    one-off cost: the copy's egress and the parallel run's, left out, never counted as zero."""
    who: dict[tuple[str, str], list[str]] = {}
    for line in lines:
        for rid in line.egress_unpriced or []:
            r = resources[rid]
            who.setdefault((r.provider, r.region), []).append(rid)
    found = []
    for (provider, region), ids in sorted(who.items()):
        gib = sum((moved_gib(resources[i], policy, resources) for i in ids), Decimal(0))
        names = first_few(sorted(readable_names(resources[i] for i in ids).values()))
        if provider in OWN_LINE:
            why = (
                f"copying the data of {counted(len(ids), 'resource')} ({float(gib):g} GiB) out of "
                f"{provider}/{region} leaves over the company's own internet line: that egress "
                "is paid on the company's own line or contract and not priced here"
            )
        else:
            why = (
                f"no egress price for {provider}/{region} (no price list of the source here): "
                f"copying the data of {counted(len(ids), 'resource')} ({float(gib):g} GiB) is not priced"
            )
        found.append(
            f"{why}; the one-off cost leaves out its egress and the parallel run's (not "
            "counted as zero), so the one-off is incomplete and any payback a lower bound, and "
            f"the choice counted none for it: {names}"
        )
    return found
