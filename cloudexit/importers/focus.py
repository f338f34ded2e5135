"""Today's bill from a FinOps FOCUS 1.x cost export (AWS, Azure, Google Cloud; CSV or Parquet).

Rows join inventory resources by ResourceId; each matched resource gets its effective cost per
month. Commitment discounts (Savings Plans, reservations, committed-use discounts) are summed
per CommitmentDiscountId; spend on nothing the inventory holds is summarised by provider and
service, never dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cloudexit.errors import InputError
from cloudexit.importers.jsonstream import open_binary
from cloudexit.model.bill import Bill, Commitment, UnmatchedSpend
from cloudexit.model.inventory import Inventory, MonthlyCost, Resource, inline_volume_ids
from cloudexit.model.money import quantize

REQUIRED = (
    "BilledCost",
    "BillingCurrency",
    "ChargePeriodStart",
    "ChargePeriodEnd",
    "ChargeCategory",
)
_DAYS_PER_MONTH = Decimal("30.436875")  # 365.2425 / 12
_PROVIDERS = {
    "aws": "aws",
    "amazon": "aws",
    "microsoft": "azure",
    "azure": "azure",
    "google": "gcp",
}


@dataclass
class _Totals:
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    currencies: set[str] = field(default_factory=set)
    total: Decimal = Decimal(0)
    per_resource: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    unmatched: dict[tuple[str, str], list[Decimal]] = field(default_factory=dict)
    commitments: dict[str, dict[str, Any]] = field(default_factory=dict)


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    if path.suffix.lower() == ".parquet":
        yield from _parquet_rows(path)
        return
    with io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: not a FOCUS export: column(s) {', '.join(missing)} missing")
        try:
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    raise InputError(
                        f"{path}: line {reader.line_num}: cell count differs from the header"
                    )
                yield reader.line_num, row
        except csv.Error as exc:
            raise InputError(f"{path}: line {reader.line_num}: invalid CSV: {exc}") from None


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            f'{path}: reading Parquet needs pyarrow: pip install "cloudexit[parquet]"'
        ) from None
    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises many types for a bad file
        raise InputError(f"{path}: not a readable Parquet file: {exc}") from None
    missing = [c for c in REQUIRED if c not in table.schema_arrow.names]
    if missing:
        raise InputError(f"{path}: not a FOCUS export: column(s) {', '.join(missing)} missing")
    number = 0
    for batch in table.iter_batches(batch_size=10000):
        for row in batch.to_pylist():
            number += 1
            yield (
                number,
                {
                    k: "" if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v))
                    for k, v in row.items()
                },
            )


def _decimal(path: Path, line: int, row: dict[str, str], column: str) -> Decimal:
    raw = (row.get(column) or "").strip()
    if not raw:
        return Decimal(0)
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise InputError(f"{path}: line {line}: {column} {raw!r} is not a number") from None
    if not value.is_finite():
        raise InputError(f"{path}: line {line}: {column} {raw!r} is not a finite number")
    return value


def _time(path: Path, line: int, row: dict[str, str], column: str) -> dt.datetime:
    raw = (row.get(column) or "").strip().replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{path}: line {line}: {column} {raw!r} is not a date and time") from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _provider(row: dict[str, str]) -> str:
    name = (row.get("ProviderName") or row.get("ServiceProviderName") or "").lower()
    return next((v for k, v in _PROVIDERS.items() if k in name), name or "unknown")


class _Matcher:
    """ResourceId of a bill row -> inventory id. Exact (case-insensitive) first, then the id
    without the `//service.googleapis.com/` prefix, then a trailing id segment unique in the
    inventory (AWS bills name an EC2 instance `i-...` where the inventory holds its ARN)."""

    def __init__(self, inventory: Inventory) -> None:
        self._exact: dict[str, str] = {}
        tails: dict[str, list[str]] = defaultdict(list)
        # A machine folded into its group bills to the group.
        named = [(r.id, r.id) for r in inventory.resources]
        named += [(m, r.id) for r in inventory.resources for m in r.members]
        # An EBS volume declared inline on its instance bills to the instance, which prices it.
        named += [(v, r.id) for r in inventory.resources for v in inline_volume_ids(r)]
        for name, rid in named:
            self._exact[name.lower()] = rid
            if name.startswith("//"):
                self._exact[name.split("/", 3)[-1].lower()] = rid
            tail = name.replace(":", "/").rsplit("/", 1)[-1].lower()
            if tail and tail != name.lower():
                tails[tail].append(rid)
        self._tails = {k: v[0] for k, v in tails.items() if len(set(v)) == 1}

    def find(self, resource_id: str) -> str | None:
        key = resource_id.strip().lower()
        if not key:
            return None
        found = self._exact.get(key) or self._exact.get(
            key.split("/", 3)[-1] if key.startswith("//") else key
        )
        if found:
            return found
        return self._tails.get(key.replace(":", "/").rsplit("/", 1)[-1])


def _read(paths: Iterable[Path], matcher: _Matcher) -> _Totals:
    totals = _Totals()
    for path in paths:
        for line, row in _rows(path):
            cost = (
                _decimal(path, line, row, "EffectiveCost")
                if row.get("EffectiveCost") not in (None, "")
                else _decimal(path, line, row, "BilledCost")
            )
            if (row.get("ChargeCategory") or "").lower() == "tax":
                continue
            start = _time(path, line, row, "ChargePeriodStart")
            end = _time(path, line, row, "ChargePeriodEnd")
            totals.start = start if totals.start is None else min(totals.start, start)
            totals.end = end if totals.end is None else max(totals.end, end)
            currency = (row.get("BillingCurrency") or "").strip().upper()
            if currency:
                totals.currencies.add(currency)
            totals.total += cost
            commitment = (row.get("CommitmentDiscountId") or "").strip()
            if commitment:
                entry = totals.commitments.setdefault(
                    commitment,
                    {
                        "name": row.get("CommitmentDiscountName") or None,
                        "provider": _provider(row),
                        "type": row.get("CommitmentDiscountType") or None,
                        "category": row.get("CommitmentDiscountCategory") or None,
                        "fee": Decimal(0),
                        "unused": Decimal(0),
                        "used_by": defaultdict(Decimal),
                    },
                )
                entry["fee"] += cost
                if (row.get("CommitmentDiscountStatus") or "").lower() == "unused":
                    entry["unused"] += cost
                    continue
                if (row.get("ResourceId") or "").strip() == commitment:
                    continue  # the commitment's own purchase or fee row
            matched = matcher.find(row.get("ResourceId") or "")
            if matched is not None:
                totals.per_resource[matched] += cost
                if commitment:
                    totals.commitments[commitment]["used_by"][matched] += cost
            else:
                key = (
                    _provider(row),
                    row.get("ServiceName") or row.get("ServiceCategory") or "unnamed service",
                )
                bucket = totals.unmatched.setdefault(key, [Decimal(0), Decimal(0)])
                bucket[0] += cost
                bucket[1] += 1
    return totals


def _months(start: dt.datetime, end: dt.datetime) -> Decimal:
    """Whole calendar months when the period runs from a first of the month to another, else
    days over the mean month length."""
    midnight = dt.time(0, 0)
    if (
        start.day == end.day == 1
        and start.timetz().replace(tzinfo=None) == end.timetz().replace(tzinfo=None) == midnight
    ):
        whole = (end.year - start.year) * 12 + end.month - start.month
        if whole > 0:
            return Decimal(whole)
    days = Decimal(str((end - start).total_seconds() / 86400))
    return days / _DAYS_PER_MONTH if days > 0 else Decimal(1)


def apply_bill(
    inventory: Inventory,
    paths: list[Path],
    commitment_ends: dict[str, dt.date] | None = None,
) -> Inventory:
    """The inventory with today's cost of every matched resource and the bill's summary."""
    if not paths:
        raise InputError("no cost export given")
    totals = _read(paths, _Matcher(inventory))
    if totals.start is None or totals.end is None:
        raise InputError(f"{paths[0]}: the export holds no cost row")
    if len(totals.currencies) > 1:
        raise InputError(
            f"cost exports mix currencies ({', '.join(sorted(totals.currencies))}); "
            "export one billing currency at a time"
        )
    currency = next(iter(totals.currencies), "USD")
    months = _months(totals.start, totals.end)
    label = ", ".join(p.name for p in paths)
    period = f"{totals.start.date()} to {totals.end.date()}"
    resources: list[Resource] = []
    for resource in inventory.resources:
        cost = totals.per_resource.get(resource.id)
        if cost is not None:
            resource = resource.model_copy(
                update={
                    "monthly_cost": MonthlyCost(
                        amount=quantize(cost / months),
                        currency=currency,
                        source=f"FOCUS export {label}, effective cost {period}",
                    )
                }
            )
        resources.append(resource)
    end_date = totals.end.date()
    commitments = []
    for cid, entry in sorted(totals.commitments.items()):
        fee = entry["fee"] / months
        ends = (commitment_ends or {}).get(cid)
        remaining = (
            None if ends is None else max(0.0, (ends - end_date).days / float(_DAYS_PER_MONTH))
        )
        commitments.append(
            Commitment(
                id=cid,
                name=entry["name"],
                provider=entry["provider"],
                type=entry["type"],
                category=entry["category"],
                monthly_fee=quantize(fee),
                unused_monthly=quantize(entry["unused"] / months),
                ends=ends,
                remaining_months=None if remaining is None else round(remaining, 2),
                stranded=None if remaining is None else quantize(fee * Decimal(str(remaining))),
                used_by={
                    rid: quantize(amount / months)
                    for rid, amount in sorted(entry["used_by"].items())
                    if amount
                },
            )
        )
    known = [c.stranded for c in commitments if c.stranded is not None]
    bill = Bill(
        source=f"FOCUS {label}",
        currency=currency,
        period_start=totals.start.date(),
        period_end=end_date,
        months=round(float(months), 4),
        total_monthly=quantize(totals.total / months),
        matched_monthly=quantize(sum(totals.per_resource.values(), Decimal(0)) / months),
        matched_resources=len(totals.per_resource),
        commitments_monthly=quantize(
            sum((e["fee"] for e in totals.commitments.values()), Decimal(0)) / months
        ),
        unmatched=sorted(
            (
                UnmatchedSpend(
                    provider=p, service=s, monthly=quantize(v[0] / months), rows=int(v[1])
                )
                for (p, s), v in totals.unmatched.items()
            ),
            key=lambda u: (-u.monthly, u.provider, u.service),
        ),
        commitments=commitments,
        stranded_total=quantize(sum(known, Decimal(0))) if known else None,
    )
    return inventory.model_copy(update={"resources": resources, "bill": bill})
