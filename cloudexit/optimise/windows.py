"""Windows VMs: placed only where a Windows licence is priced, with the licence brought from
elsewhere, or left, as the policy's ``windows`` says; never Windows at a Linux price silently."""

from __future__ import annotations

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Product
from cloudexit.errors import InputError
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.labels import named
from cloudexit.model.plan import Option
from cloudexit.model.policy import Policy

WINDOWS_HOSTS = frozenset({Kind.VM, Kind.VM_GROUP})
"""Kinds a Windows OS makes a Windows machine on the target (policy windows: leave keeps them)."""


def runs_windows(resource: Resource) -> bool:
    return (resource.attributes.os or "").casefold().startswith("windows")


def products_for_os(resource: Resource, products: list[Product], policy: Policy) -> list[Product]:
    """The compute products a resource may run on: licence-included Windows products for a Windows
    VM under ``licensed``, products without a licence otherwise."""
    windows = licensed_windows(resource, policy)
    return [p for p in products if (p.specs.os == "windows") == windows]


def licensed_windows(resource: Resource, policy: Policy) -> bool:
    """Whether the resource must run on a product whose price includes a Windows licence."""
    return runs_windows(resource) and policy.windows == "licensed"


def licence_warning(
    resource: Resource, option: Option, catalog: Catalog, policy: Policy
) -> str | None:
    """One line naming a Windows VM placed on a product whose price carries no Windows licence."""
    if option.retain or option.product is None or not runs_windows(resource):
        return None
    try:
        product = catalog.product(option.provider, option.product)
    except (KeyError, InputError):
        return None
    if product.service != "compute" or product.specs.os == "windows":
        return None
    return (
        f"Windows licence for {named(resource)} not priced: {option.provider} {product.id} is priced "
        f"without one (policy windows: {policy.windows})"
    )
