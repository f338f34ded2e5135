"""Reserved public addresses a target's Terraform buys with a resource, priced with it.

IONOS gives an internet-facing NIC a public IPv4 by DHCP at no charge, but the plan writes a
source's public address as a reserved IP block (``ionoscloud_ipblock``), which keeps it static,
and a Network Load Balancer's listener needs a reserved address of its own: each is one block of
one address, billed by the hour (``ionos/ipblock-ipv4``). Where the catalogue has no price for the
location, the address is named as an unpriced part, never counted as free: the choice counts it
at the highest price known for the block elsewhere (``stand_in``)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from cloudexit.catalog.sizing import monthly_price, price_in
from cloudexit.optimise.stand_in import highest_monthly, product_prices

if TYPE_CHECKING:
    from cloudexit.catalog.schema import ProviderFile
    from cloudexit.optimise.candidates import Priced

RESERVED_IP = {
    ("ionos", "ionoscloud_ipblock"): ("ipblock-ipv4", "reserved_ip"),
    ("ionos", "ionoscloud_networkloadbalancer"): ("ipblock-ipv4", "listener_ip"),
}
"""(provider, type written) -> (product of the reserved address, cost part)."""


def price_reserved_ip(
    priced: Priced,
    provider: ProviderFile,
    region: str,
    written: str | None,
    rates: Mapping[str, Decimal],
) -> None:
    """Add the one reserved address the written type buys, or name it as unpriced."""
    found = RESERVED_IP.get((provider.id, written or ""))
    if found is None:
        return
    product_id, part = found
    product = next((p for p in provider.products if p.id == product_id), None)
    price = price_in(product, region) if product is not None else None
    monthly = monthly_price(price, Decimal(1), rates) if price is not None else None
    if product is None or price is None or monthly is None:
        priced.missing(
            f"reserved IPv4 address (IP block, {provider.id}/{product_id}) of the "
            f"{'balancer listener' if part == 'listener_ip' else 'public address'} "
            f"({provider.id} {region}: no list price)",
            highest_monthly(product_prices(product), Decimal(1), rates),
            "public_ip",
        )
        return
    priced.add(part, f"{provider.id}/{product_id}", price, monthly)
