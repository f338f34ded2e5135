"""Stranded commitments: the fees of Savings Plans, reservations and committed-use discounts that a
move leaves without use until their term ends, dated by the waves.

The bill (``cloudexit inventory bill``) says which resource's usage took which part of each
commitment's monthly fee. A resource that moves strands its part from the day its source stops
running to the end of the term; a retired one from the migration's start; one kept on the
source, or left running unplaced, keeps using it. Usage the bill does not attribute to a
resource of the inventory is stranded only when the plan leaves nothing of the inventory running
on that provider (a full exit); fees unused today are owed whatever the plan does, so they are
never counted as a cost of the move.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from cloudexit.catalog.sizing import to_eur
from cloudexit.model.bill import Commitment
from cloudexit.model.inventory import Inventory
from cloudexit.model.money import quantize
from cloudexit.model.plan import Placement, StrandedLine, Unplaced
from cloudexit.model.policy import Policy
from cloudexit.optimise.parallel import DAYS_PER_MONTH
from cloudexit.wording import counted

NO_END = (
    "no end date: give it with `cloudexit inventory bill --commitment-end ID=YYYY-MM-DD`; "
    "its fees are not in the one-off cost"
)


def _eur(amount: Decimal, inventory: Inventory, policy: Policy) -> Decimal:
    currency = inventory.bill.currency if inventory.bill else "EUR"
    return to_eur(amount, currency, policy.exchange_rates) or Decimal(0)


def months_between(start: dt.date, end: dt.date) -> Decimal:
    return max(Decimal(0), Decimal((end - start).days) / DAYS_PER_MONTH)


def monthly_by_resource(
    inventory: Inventory, policy: Policy
) -> dict[str, list[tuple[Commitment, Decimal]]]:
    """resource id -> (commitment, EUR a month of its fee the resource's usage takes)."""
    found: dict[str, list[tuple[Commitment, Decimal]]] = {}
    for c in inventory.bill.commitments if inventory.bill else []:
        for rid, amount in sorted(c.used_by.items()):
            found.setdefault(rid, []).append((c, _eur(amount, inventory, policy)))
    return found


def estimate(commitments: list[tuple[Commitment, Decimal]], stops: dt.date) -> Decimal:
    """EUR of fees a resource strands if its source stops on ``stops`` (terms with an end date)."""
    total = Decimal(0)
    for c, monthly in commitments:
        if c.ends is not None:
            total += monthly * months_between(stops, c.ends)
    return quantize(total)


def _line(
    c: Commitment, rid: str | None, monthly: Decimal, stops: dt.date | None, basis: str
) -> StrandedLine:
    months = months_between(stops, c.ends) if stops is not None and c.ends is not None else None
    return StrandedLine(
        commitment=c.id,
        name=c.name,
        provider=c.provider,
        resource_id=rid,
        monthly=quantize(monthly),
        from_date=stops.isoformat() if stops else None,
        ends=c.ends.isoformat() if c.ends else None,
        months=round(float(months), 2) if months is not None else None,
        amount=quantize(monthly * months) if months is not None else None,
        counted=months is not None,
        basis=NO_END if stops is not None and c.ends is None else basis,
    )


def date_stranded(
    inventory: Inventory,
    policy: Policy,
    placements: list[Placement],
    unplaced: list[Unplaced],
    source_stops: Mapping[str, dt.date],
    start: dt.date,
) -> list[StrandedLine]:
    """One line per commitment and resource whose usage it paid, plus one for usage the bill does
    not attribute; ``counted`` lines are part of the one-off cost."""
    bill = inventory.bill
    if bill is None or not bill.commitments:
        return []
    moved = {p.resource_id for p in placements if not p.choice.retain}
    retired = {u.resource_id for u in unplaced if u.code == "retired"}
    provider_of = {r.id: r.provider for r in inventory.resources}
    staying: dict[str, int] = {}
    for r in inventory.resources:
        if r.id not in moved and r.id not in retired:
            staying[r.provider] = staying.get(r.provider, 0) + 1
    lines: list[StrandedLine] = []
    for c in bill.commitments:
        attributed = Decimal(0)
        for rid, amount in sorted(c.used_by.items()):
            monthly = _eur(amount, inventory, policy)
            attributed += monthly
            if rid in moved:
                stops = source_stops.get(rid, start)
                lines.append(
                    _line(
                        c,
                        rid,
                        monthly,
                        stops,
                        "moved: its usage stops when the source stops running",
                    )
                )
            elif rid in retired:
                lines.append(_line(c, rid, monthly, start, "retired at the migration's start"))
            else:
                lines.append(
                    _line(
                        c, rid, monthly, None, "stays on the source and keeps using the commitment"
                    )
                )
        rest = _eur(c.monthly_fee - c.unused_monthly, inventory, policy) - attributed
        if rest > 0:
            kept = staying.get(c.provider, 0)
            if kept:
                lines.append(
                    _line(
                        c,
                        None,
                        rest,
                        None,
                        f"usage the bill does not attribute to the inventory; the plan keeps "
                        f"{counted(kept, 'resource')} running on {c.provider}, which may use it",
                    )
                )
            else:
                last = max(
                    (d for rid, d in source_stops.items() if provider_of.get(rid) == c.provider),
                    default=start,
                )
                lines.append(
                    _line(
                        c,
                        None,
                        rest,
                        last,
                        f"usage the bill does not attribute to the inventory; nothing of the inventory "
                        f"runs on {c.provider} after the plan, so it is stranded from the last source stop",
                    )
                )
    return lines
