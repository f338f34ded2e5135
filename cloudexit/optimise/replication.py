"""A database copy kept in another region than its primary (a read replica, a geo-secondary)
replicates from it every month: the primary's place sends the changes to the copy's place as
egress, unless both land on one site (or both stay on their sources, as today).

The cost depends on where both land, so the decision prices it as a pair (``units.Replication``):
at the primary's place's egress rate, in the objective, the budget and the spend of the
provider and site the data leaves, which bills it. The plan carries the same figure in the
primary's costs. A copy whose primary nothing can move carries its source's egress in its own
options, known before the decision."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.sizing import to_eur
from cloudexit.model.inventory import Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import Option, Placement
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
            dict(priced.stand_in),
        )
        return replace(own, priced=added, choice=None)

    return reprice


def sent_monthly(gib: Decimal, rate: Decimal) -> Decimal:
    """EUR a month for ``gib`` a month at ``rate`` EUR per GiB, to the cent."""
    return quantize(gib * rate)


@dataclass(frozen=True)
class Sent:
    primary: str
    copies: tuple[str, ...]
    gib: Decimal
    monthly: Decimal
    where: str


def price_replication(
    resources: Mapping[str, Resource],
    placements: list[Placement],
    links: Iterable[object],
    policy: Policy,
) -> list[str]:
    """Add, in place, what each primary sends its copies (``links``' replications) to its
    placement's costs, the figure the decision counted, and say what it costs."""
    from cloudexit.optimise.units import SOURCE, Replication

    placed = {p.resource_id: p for p in placements}
    added: dict[str, Decimal] = {}
    copies: dict[str, list[str]] = {}
    gib: dict[str, Decimal] = {}
    unknown: list[str] = []
    for link in links:
        if not isinstance(link, Replication) or link.a not in placed:
            continue
        q = placed.get(link.b)
        here = _place(placed[link.a].choice)
        if here == (_place(q.choice) if q is not None else SOURCE):
            continue
        name = resources[link.b].name or link.b
        if here not in link.sent:
            unknown.append(name)
            continue
        cost = quantize(Decimal(str(link.sent[here])))
        if not cost:
            continue
        added[link.a] = added.get(link.a, Decimal(0)) + cost
        copies.setdefault(link.a, []).append(name)
        gib[link.a] = gib.get(link.a, Decimal(0)) + Decimal(str(link.gib_month))
    done: list[Sent] = []
    for rid, cost in sorted(added.items()):
        p = placed[rid]
        costs = {**p.choice.costs, PART: p.choice.costs.get(PART, Decimal(0)) + cost}
        choice = p.choice.model_copy(
            update={
                "costs": dict(sorted(costs.items())),
                "monthly_cost": quantize(p.choice.monthly_cost + cost),
            }
        )
        share_fields_set(choice)
        p.choice = choice
        done.append(
            Sent(
                resources[rid].name or rid,
                tuple(sorted(copies[rid])),
                gib[rid],
                cost,
                f"{choice.provider}/{choice.region}" + (" (kept)" if choice.retain else ""),
            )
        )
    by_copies, left = _sent_by_copies(resources, placements, policy)
    return _warnings(done + by_copies, unknown + left, policy)


def _place(choice: Option) -> tuple[str, str]:
    from cloudexit.optimise.units import SOURCE

    return SOURCE if choice.retain else (choice.provider, choice.region)


def _sent_by_copies(
    resources: Mapping[str, Resource], placements: list[Placement], policy: Policy
) -> tuple[list[Sent], list[str]]:
    """Moved copies that carry their replication themselves (their primary has no option), and
    those whose primary is left where it is with nothing priced (it had no place in the plan)."""
    found, left = [], []
    placed = {p.resource_id for p in placements}
    for p in placements:
        copy = resources.get(p.resource_id)
        primary = replicates_from(copy, resources) if copy is not None else None
        if copy is None or primary is None or p.choice.retain or primary.id in placed:
            continue
        cost = p.choice.costs.get(PART)
        if not cost:
            left.append(copy.name or copy.id)
            continue
        found.append(
            Sent(
                primary.name or primary.id,
                (copy.name or copy.id,),
                monthly_gib(primary, policy),
                cost,
                f"{primary.provider}/{primary.region} (kept)",
            )
        )
    return found, left


def _warnings(done: list[Sent], unknown: list[str], policy: Policy) -> list[str]:
    lines = []
    for s in sorted(done, key=lambda s: (s.primary, s.copies)):
        copies = ", ".join(s.copies)
        lines.append(
            f"database {s.primary}: sends its changes to its {plural(len(s.copies), 'copy', 'copies')} "
            f"in another place ({copies}), about {s.gib:.0f} GiB a month "
            f"({policy.switching.parallel_change_per_day:g} of its data a day, "
            f"switching.parallel_change_per_day): EUR {s.monthly} a month of egress from "
            f"{s.where}, billed there, in the plan's cost and its limits"
        )
    if unknown:
        lines.append(
            "not in the plan's cost, for want of an egress price where the primary is (or of "
            f"a place for it in the plan): replication to {len(unknown)} database "
            f"{plural(len(unknown), 'copy', 'copies')} in another place "
            f"({first_few(sorted(unknown))})"
        )
    return lines
