"""A database copy kept in another region than its primary (a read replica, a geo-secondary)
replicates from it every month: the primary's site sends the changes to the copy's site as
egress, unless both land on one site.

The decision cannot know where the primary lands when it prices the copy's options, so each of
the copy's target options carries the upper bound: the changes priced at the highest egress rate
of any site the primary can take (``running_costs.parallel_change_per_day`` of its data a day).
The budget and spend-share limits see it. Once the plan is known the part is repriced at the
primary's own site, never above the bound, so a limit the decision held still holds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.sizing import to_eur
from cloudexit.model.inventory import Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import Placement
from cloudexit.model.policy import Policy
from cloudexit.model.sharing import share_fields_set
from cloudexit.optimise.candidates import Priced, SiteFacts
from cloudexit.optimise.parallel import DAYS_PER_MONTH
from cloudexit.optimise.switching import egress_price, moved_gib
from cloudexit.wording import first_few, plural

PART = "replication"
Site = tuple[str, str]


def replicates_from(copy: Resource, by_id: Mapping[str, Resource]) -> Resource | None:
    """The primary a database copy replicates from across source regions: a geo-secondary's, or
    a read replica's held in another region; None otherwise."""
    details = copy.attributes.details
    geo, replica = details.get("geo_secondary_of"), details.get("replica_of")
    if isinstance(geo, str) and geo in by_id:
        return by_id[geo]
    if isinstance(replica, str) and replica in by_id and by_id[replica].region != copy.region:
        return by_id[replica]
    return None


def monthly_gib(primary: Resource, policy: Policy) -> Decimal:
    """GiB a month the primary sends its copy: the share of its data written a day (the
    parallel run's assumption), its assumed size where the source reports none."""
    rate = Decimal(str(policy.switching.parallel_change_per_day))
    return moved_gib(primary, policy) * rate * DAYS_PER_MONTH


def source_rate(primary: Resource, catalog: Catalog, policy: Policy) -> Decimal | None:
    """EUR per GiB out of the primary's source region, where it stays."""
    price = egress_price(primary, catalog)
    if price is None or price.unit != "gib":
        return None
    return to_eur(price.amount, price.currency, policy.exchange_rates)


def upper_rate(
    primary: Resource, catalog: Catalog, policy: Policy, target_rates: Iterable[float]
) -> Decimal:
    """The highest EUR per GiB the primary's changes can leave at: any target site's egress,
    and its source region's where the policy lets it stay."""
    rates = [Decimal(str(r)) for r in target_rates]
    if policy.allow_retain:
        kept = source_rate(primary, catalog, policy)
        if kept is not None:
            rates.append(kept)
    return max(rates, default=Decimal(0))


def with_replication(gib: Decimal, rate: Decimal) -> Callable[[SiteFacts], SiteFacts]:
    """A copy's facts at a site with the replication part at ``rate`` added to its price."""
    cost = gib * rate

    def reprice(own: SiteFacts) -> SiteFacts:
        if not cost:
            return own
        priced = own.priced
        added = Priced(
            priced.product,
            priced.quantity,
            priced.monthly + cost,
            list(priced.unverified),
            {**priced.costs, PART: cost},
            priced.replicas,
            dict(priced.second_hand),
            list(priced.unpriced),
            priced.store,
            priced.assumed_gib,
        )
        return replace(own, priced=added, choice=None)

    return reprice


@dataclass(frozen=True)
class Repriced:
    name: str
    decided: Decimal
    now: Decimal
    gib: Decimal
    where: str


def price_replication(
    resources: Mapping[str, Resource],
    placements: list[Placement],
    catalog: Catalog,
    policy: Policy,
    rate_at: Callable[[Site], float | None],
) -> list[str]:
    """Reprice, in place, each moved copy's replication part at its primary's placed site (none
    where both share a site), and say what it costs. ``rate_at``: EUR per GiB out of a target
    site."""
    placed = {p.resource_id: p for p in placements}
    done: list[Repriced] = []
    unknown: list[str] = []
    for p in placements:
        copy = resources.get(p.resource_id)
        primary = replicates_from(copy, resources) if copy is not None else None
        if copy is None or primary is None or p.choice.retain:
            continue
        gib = monthly_gib(primary, policy)
        q = placed.get(primary.id)
        if q is None or q.choice.retain:
            rate = source_rate(primary, catalog, policy)
            where = f"{primary.provider}/{primary.region} (kept)"
        elif (q.choice.provider, q.choice.region) == (p.choice.provider, p.choice.region):
            rate, where = Decimal(0), "the same site"
        else:
            found = rate_at((q.choice.provider, q.choice.region))
            rate = None if found is None else Decimal(str(found))
            where = f"{q.choice.provider}/{q.choice.region}"
        name = copy.name or copy.id
        decided = p.choice.costs.get(PART, Decimal(0))
        if rate is None:
            unknown.append(name)
            continue
        now = quantize(gib * rate)
        if now != decided:
            costs = {**p.choice.costs, PART: now}
            if not now:
                costs.pop(PART)
            choice = p.choice.model_copy(
                update={
                    "costs": dict(sorted(costs.items())),
                    "monthly_cost": quantize(p.choice.monthly_cost - decided + now),
                }
            )
            share_fields_set(choice)
            p.choice = choice
        done.append(Repriced(name, decided, now, gib, where))
    return _warnings(done, unknown, policy)


def _warnings(done: list[Repriced], unknown: list[str], policy: Policy) -> list[str]:
    lines = []
    for r in sorted(done, key=lambda r: r.name):
        if not r.gib:
            continue
        lines.append(
            f"database {r.name}: replicates from its primary in another source region, about "
            f"{r.gib:.0f} GiB a month ({policy.switching.parallel_change_per_day:g} of the "
            "primary's data a day, switching.parallel_change_per_day); sent from "
            f"{r.where}: EUR {r.now} a month in its cost (the decision counted EUR {r.decided}, "
            "the highest egress rate the primary could leave at)"
        )
    if unknown:
        lines.append(
            "not in the target cost, for want of an egress price at the primary's site: "
            f"replication of {len(unknown)} database {plural(len(unknown), 'copy', 'copies')} "
            f"from a primary in another region ({first_few(sorted(unknown))})"
        )
    return lines
