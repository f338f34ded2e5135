"""Compare fetched prices with the catalogue and write the differences as sorted YAML for review."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from cloudexit.catalog.lookup import index_products
from cloudexit.catalog.names import find_product
from cloudexit.catalog.refresh.observed import Observed
from cloudexit.catalog.schema import Price, Product, ProviderFile
from cloudexit.model.io import write_text_atomic


@dataclass
class Changes:
    provider: str
    endpoint: str
    fetched: int = 0
    unchanged: int = 0
    changed: list[dict[str, str]] = field(default_factory=list)
    new_prices: list[dict[str, str]] = field(default_factory=list)
    new_products: list[dict[str, str]] = field(default_factory=list)
    ambiguous: list[dict[str, str]] = field(default_factory=list)
    retired: list[dict[str, str]] = field(default_factory=list)
    """Products the price list marks retired: never proposed as new, flagged when still offered."""
    at_low: list[dict[str, str]] = field(default_factory=list)
    """Figures at the lower bound of a range the catalogue records: listed, never proposed over the
    upper bound plans use (any other figure, below the range too, is a change)."""
    retrieved: str = ""
    """The day the price list was read, to copy into ``retrieved`` with the new figures."""
    published: str = "unknown"
    """The price list's own publication date when it states one (a range when its rows differ;
    each row then carries its own)."""

    def summary(self) -> str:
        return (
            f"{self.provider}: {self.fetched} prices fetched, {self.unchanged} unchanged, "
            f"{len(self.changed)} changed, {len(self.new_prices)} new for known products, "
            f"{len(self.new_products)} for products not in the catalogue, {len(self.ambiguous)} ambiguous, "
            f"{len(self.retired)} retired, {len(self.at_low)} at a recorded range's lower bound"
        )

    def as_data(self) -> dict[str, Any]:
        def ordered(rows: list[dict[str, str]]) -> list[dict[str, str]]:
            return sorted(
                rows, key=lambda r: (r["product"], r["region"], r["unit"], r.get("fetched", ""))
            )

        return {
            "provider": self.provider,
            "endpoint": self.endpoint,
            "retrieved": self.retrieved,
            "published": self.published,
            "counts": {
                "fetched": self.fetched,
                "unchanged": self.unchanged,
                "changed": len(self.changed),
                "new_prices": len(self.new_prices),
                "new_products": len(self.new_products),
                "ambiguous": len(self.ambiguous),
                "retired": len(self.retired),
                "at_low": len(self.at_low),
            },
            "changed": ordered(self.changed),
            "new_prices": ordered(self.new_prices),
            "new_products": ordered(self.new_products),
            "ambiguous": ordered(self.ambiguous),
            "retired": ordered(self.retired),
            "at_low": ordered(self.at_low),
        }


def _catalogue_region(provider: ProviderFile | None, region: str) -> str:
    if provider is None or not region:
        return region
    codes = {r.code for r in provider.regions}
    for candidate in (
        region,
        region.lower(),
        region.rsplit("-", 1)[0],
        re.sub(r"\d+$", "", region).lower(),
    ):
        if candidate in codes:
            return candidate
    return region


def _row(obs: Observed, region: str, product: str | None = None) -> dict[str, str]:
    row = {
        "product": product or obs.product,
        "region": region,
        "unit": obs.stated_unit or obs.unit,
        "fetched": format(obs.amount, "f"),
        "currency": obs.currency,
    }
    if obs.published:
        row["published"] = obs.published
    if obs.variant:
        row["variant"] = obs.variant
    if product and product != obs.product:
        row["listed_as"] = obs.product
    return row


def _match(index: dict[str, list[Product]], obs: Observed) -> Product | None:
    for name in (obs.product, *obs.keys):
        product = find_product(index, name)
        if product is not None:
            return product
    return None


def _price_for(product: Product, region: str, unit: str) -> Price | None:
    """The product's price in a region in this unit (a region-specific price wins)."""
    for prices in (
        [p for p in product.prices if region in p.regions],
        [p for p in product.prices if not p.regions],
    ):
        for price in prices:
            if price.unit == unit:
                return price
    return None


TIME_UNITS = frozenset({"hour", "month"})


def _unit_clash(product: Product, unit: str) -> str:
    """Why a figure in this unit cannot be a price of this product: the catalogue prices it only
    per quantity (GiB-month, million requests ...) and the list per hour or month, or the other way
    round; '' when the units can meet."""
    units = sorted({price.unit for price in product.prices})
    if not units or unit in units:
        return ""
    if (unit in TIME_UNITS) == any(u in TIME_UNITS for u in units):
        return ""
    return (
        f"listed per {unit}, the catalogue prices {product.id} per {' and '.join(units)}: "
        "not compared"
    )


def _same(fetched: Decimal, recorded: Decimal) -> bool:
    """Equal to within a hundredth of the last decimal the catalogue records: a price list's
    0.065075999 is the recorded 0.065076, while 120.11 for a recorded 120 is a change."""
    exponent = recorded.as_tuple().exponent
    if not isinstance(exponent, int):
        return fetched == recorded
    return abs(fetched - recorded) <= Decimal(1).scaleb(exponent - 2)


AT_LOW_REASON = "the recorded range's lower bound; plans use its upper bound {upper}: not proposed"


def _dated(row: dict[str, str], price: Price) -> dict[str, str]:
    row["catalogue"] = f"{format(price.amount, 'f')} {price.currency}/{price.unit}"
    row["catalogue_published"] = str(price.source.published)
    if price.low is not None and price.low_source is not None:
        row["catalogue_low"] = f"{format(price.low, 'f')} {price.currency}/{price.unit}"
        row["catalogue_low_published"] = str(price.low_source.published)
    return row


def compare(
    provider_id: str,
    provider: ProviderFile | None,
    observed: list[Observed],
    endpoint: str,
    retrieved: dt.date | None = None,
) -> Changes:
    """Sort fetched prices into unchanged, changed, new and ambiguous (flagged or variant rows,
    several prices for one product); prices are only compared in the same unit."""
    changes = Changes(
        provider=provider_id,
        endpoint=endpoint,
        fetched=len(observed),
        retrieved=(retrieved or dt.date.today()).isoformat(),
    )
    stated = sorted({o.published for o in observed if o.published})
    if stated:
        changes.published = stated[0] if len(stated) == 1 else f"{stated[0]} to {stated[-1]}"
    index = index_products(provider) if provider is not None else {}
    grouped: dict[tuple[str, str, str], set[Observed]] = defaultdict(set)
    for obs in observed:
        grouped[(obs.product, _catalogue_region(provider, obs.region), obs.unit)].add(obs)
    for (_, region, _), group in sorted(grouped.items()):
        first = min(group)
        product = _match(index, first)
        if first.flag:
            for obs in sorted(group):
                row = _row(obs, region, product.id if product else None)
                row["reason"] = obs.flag
                changes.ambiguous.append(row)
            continue
        if first.retired:
            row = _row(first, region, product.id if product else None)
            if product is None:
                row["reason"] = f"{first.retired}; not in the catalogue, not proposed"
            elif product.deprecated:
                row["reason"] = f"{first.retired}; the catalogue already marks it deprecated"
            else:
                row["reason"] = (
                    f"{first.retired}; the catalogue still offers it: mark it deprecated"
                )
            changes.retired.append(row)
            continue
        if len({(o.amount, o.currency) for o in group}) > 1:
            for obs in sorted(group):
                row = _row(obs, region, product.id if product else None)
                row["reason"] = "the price list states several prices for this product and region"
                changes.ambiguous.append(row)
            continue
        if product is None and first.variant:
            plain = _match(index, Observed(keys=tuple(k.rsplit(".", 1)[0] for k in first.keys)))
            if plain is not None:
                row = _row(first, region)
                row["reason"] = (
                    f"{first.variant} variant of {plain.id}, priced apart; the catalogue "
                    "holds the plain flavour only"
                )
                changes.ambiguous.append(row)
                continue
        if product is None:
            changes.new_products.append(_row(first, region))
            continue
        clash = _unit_clash(product, first.unit)
        if clash:
            row = _row(first, region, product.id)
            row["reason"] = clash
            changes.ambiguous.append(row)
            continue
        price = _price_for(product, region, first.unit)
        if price is None:
            changes.new_prices.append(_row(first, region, product.id))
        elif price.currency != first.currency:
            row = _dated(_row(first, region, product.id), price)
            row["reason"] = (
                f"listed in {first.currency}, the catalogue in {price.currency}: not compared"
            )
            changes.ambiguous.append(row)
        elif _same(first.amount, price.amount):
            changes.unchanged += 1
        elif price.low is not None and _same(first.amount, price.low):
            row = _dated(_row(first, region, product.id), price)
            row["reason"] = AT_LOW_REASON.format(upper=format(price.amount, "f"))
            changes.at_low.append(row)
        else:
            changes.changed.append(_dated(_row(first, region, product.id), price))
    return changes


def write_changes(changes: Changes, out_dir: Path) -> Path:
    target = out_dir / f"{changes.provider}.changes.yaml"
    text = yaml.safe_dump(changes.as_data(), sort_keys=False, allow_unicode=True, width=120)
    write_text_atomic(target, text)
    return target
