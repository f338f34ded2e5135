"""Self-managed fallback: a service the target offers managed, run on the target's VMs at a
site where no managed offer fits (too large, unpriced there, or missing a certification)."""

from __future__ import annotations

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import ProductSelector, TargetMapping
from cloudexit.model.kinds import DATA_KINDS, Kind

FALLBACK_CATEGORIES = frozenset({"database", "cache", "messaging"})
NO_FALLBACK = frozenset({Kind.SQLSERVER, Kind.ORACLE})
"""Engines whose licence a VM's price does not include: never run on a bare VM in a plan."""
FIXED_DISK_FAMILIES = frozenset({"cube"})
"""VM families bought as fixed templates whose disk cannot be sized (IONOS Cubes): no home for a
service's data."""
SETUP_DAYS = 2.0
"""Engineering days to install, secure and back up the service on VMs, beyond the managed move."""


def fallback_for(catalog: Catalog, provider: str, kind: Kind) -> TargetMapping | None:
    """The service on the target's VMs, sized for the source (its data on the target's block
    storage); None when the kind does not run on a VM or the target has no VM to run it on."""
    mapping = catalog.kinds.get(kind)
    managed = mapping.targets.get(provider) if mapping else None
    if managed is not None and managed.fidelity in ("self_managed", "none"):
        return None
    if kind in NO_FALLBACK or (kind.category not in FALLBACK_CATEGORIES and kind != Kind.SEARCH):
        return None
    vms = catalog.kinds.get(Kind.VM)
    vm = vms.targets.get(provider) if vms else None
    if vm is None or vm.select is None:
        return None
    blocks = catalog.kinds.get(Kind.BLOCK_VOLUME)
    block = blocks.targets.get(provider) if blocks else None
    storage = block.select if block and kind in DATA_KINDS else None
    name = managed.service if managed else kind.value
    return TargetMapping(
        service=f"{name}, self-managed on {vm.service}",
        select=ProductSelector(
            service=vm.select.service,
            families=[f for f in vm.select.families if not storage or f not in FIXED_DISK_FAMILIES],
            products=vm.select.products,
            storage=storage,
        ),
        sizing="instance_plus_storage" if storage else "instance",
        terraform=vm.terraform,
        fidelity="self_managed",
        strategy="replatform",
        effort_days=(managed.effort_days if managed else vm.effort_days) + SETUP_DAYS,
        loses=[
            *(managed.loses if managed else []),
            "managed patching, backups and failover: run by your team on the VMs",
        ],
        notes="no managed offer of the target fits at this site",
    )
