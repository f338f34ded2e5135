"""How much of a plan's cost rests on planning figures no published source gives (engineer days
per move, operations hours of self-managed services): one warning line each, naming the policy
field that sets them."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.catalog.boot import flavour_disk_gib, load_boot_volumes
from cloudexit.catalog.loader import Catalog
from cloudexit.model.boot_disks import boot_gib, boot_of, boot_rest_gib
from cloudexit.model.data_disks import written_data_disks
from cloudexit.model.inventory import ROOT_DISK_UNKNOWN, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Placement, Totals
from cloudexit.model.policy import Policy
from cloudexit.model.replicas import rebuilt_from_primary
from cloudexit.optimise.candidates import SHARED_PARTS
from cloudexit.optimise.running import RunningCostData
from cloudexit.optimise.switching import size_unknown
from cloudexit.wording import counted, first_few


def _override(data: RunningCostData, figure: str, default: str) -> str:
    found = data.evidence.get(figure)  # type: ignore[call-overload]
    return found.override if found is not None else default


def assumption_warnings(
    placements: list[Placement], figures: Totals, policy: Policy, data: RunningCostData
) -> list[str]:
    moved = [p for p in placements if not p.choice.retain]
    lines = []
    if figures.assumed_one_off:
        kinds = {p.kind for p in moved if p.choice.one_off.get("engineering")}
        bundled = sorted(k for k in kinds if k not in policy.running_costs.effort_days)
        whose = (
            f"the mappings' defaults for {len(bundled)} of {counted(len(kinds), 'kind')}"
            if bundled
            else "the policy's figures for every kind"
        )
        lines.append(
            f"{figures.assumed_one_off_share:.1%} of the one-off (EUR {figures.assumed_one_off} of "
            f"{figures.one_off_migration}) rests on engineer days per move, a user-set planning "
            f"assumption no published source gives ({whose}; set your own per kind in the "
            f"policy's {_override(data, 'effort_days', 'running_costs.effort_days')})"
        )
    if figures.assumed_monthly:
        lines.append(
            f"{figures.assumed_monthly_share:.1%} of target spend (EUR {figures.assumed_monthly} of "
            f"{figures.target_monthly} a month) is operations hours of self-managed services, a "
            "user-set planning assumption no published source gives (set your own per kind in the "
            f"policy's {_override(data, 'operations_hours_month', 'running_costs.operations_hours_month')})"
        )
    lines.extend(shared_deployment_warnings(placements, policy, data))
    return lines


def shared_deployment_warnings(
    placements: list[Placement], policy: Policy, data: RunningCostData
) -> list[str]:
    """Per provider: the self-managed object-storage deployments the plan's stores use, each
    priced as equal shares of the stores sharing it, and what any further site's costs beside."""
    shared = policy.running_costs.object_stores_per_deployment or 1
    sites: dict[str, dict[str, list[Placement]]] = {}
    for p in placements:
        c = p.choice
        if c.retain or c.fidelity != "self_managed" or p.kind not in data.shared_deployment:
            continue
        sites.setdefault(c.provider, {}).setdefault(c.region, []).append(p)
    lines = []
    for provider, held in sorted(sites.items()):
        whole = Decimal(0)
        priced = Decimal(0)
        for stores in held.values():
            one = sum(
                (Decimal(v) for k, v in stores[0].choice.costs.items() if k in SHARED_PARTS),
                Decimal(0),
            )
            whole += one * shared
            priced += one * len(stores)
        missing = whole - priced
        count = sum(len(stores) for stores in held.values())
        left = (
            f"; those cost EUR {whole:.2f} a month, the stores' shares EUR {priced:.2f}: EUR "
            f"{missing:.2f} a month is not in the target cost"
            if missing > 0
            else ""
        )
        lines.append(
            f"self-managed object storage on {provider}: one deployment a site (its gateway VM "
            f"and operations hours) serves every store there, each store priced as a 1/{shared} "
            "share (running_costs.object_stores_per_deployment; an assumption, exact when the "
            f"estate's object stores share one site); {counted(count, 'store')} on "
            f"{counted(len(held), 'site')} ({', '.join(sorted(held))}) use "
            f"{counted(len(held), 'deployment')}{left}"
        )
    return lines


# Stores priced by an assumed size, as the warning names them; any other kind is a managed
# database, whose storage is priced per node beside its instance.
_STORES: dict[str, str] = {
    Kind.BLOCK_VOLUME.value: "volume",
    Kind.OBJECT_BUCKET.value: "bucket",
    Kind.STORAGE_ACCOUNT.value: "storage account",
    Kind.FILE_SHARE.value: "file share",
    Kind.SNAPSHOT.value: "snapshot",
    Kind.IMAGE.value: "image",
}


def assumed_storage_warnings(placements: list[Placement], names: dict[str, str]) -> list[str]:
    """One line per target, kind and assumed size for the stores and managed databases whose
    source reported no data size: what was priced (and written) instead, and how to replace it."""
    groups: dict[tuple[str, str, float, str], list[str]] = {}
    for p in placements:
        gib = p.choice.assumed_storage_gib
        if gib is None or p.choice.retain:
            continue
        noun = _STORES.get(p.kind, "managed database")
        store = p.choice.product if p.kind in _STORES else p.choice.storage_product
        key = (p.choice.provider, noun, gib, store or "storage")
        groups.setdefault(key, []).append(names.get(p.resource_id, p.resource_id))
    lines = []
    for (provider, noun, gib, store), who in sorted(groups.items()):
        shown = first_few(who)
        if noun == "volume":
            how = "priced and written as"
        elif noun == "managed database":
            how = "priced and written as"
            store += " per node"
        else:
            how = "priced as"  # nothing the Terraform writes has a size
        lines.append(
            f"data size unknown for {counted(len(who), noun)} on {provider}: {how} {gib:g} GiB "
            f"of {store}, an assumption (set the size in the inventory, or "
            f"running_costs.assumed_data_gib in the policy): {shown}"
        )
    return lines


def unknown_copy_warnings(
    placements: list[Placement],
    resources: dict[str, Resource],
    names: dict[str, str],
    assumed_gib: float,
) -> list[str]:
    """One line for the moved stores whose source reports no data size: their egress is counted
    on the policy's assumed size, never as none, and so are their copy times; the switching
    lines and waves name them."""
    who = sorted(
        names.get(p.resource_id, p.resource_id)
        for p in placements
        if not p.choice.retain
        and (r := resources.get(p.resource_id)) is not None
        and size_unknown(r)
        and not r.planned
        and not rebuilt_from_primary(r, resources)
    )
    if not who:
        return []
    line = (
        f"egress counted on an assumed {assumed_gib:g} GiB each for "
        f"{counted(len(who), 'store')} whose source reports no data size "
        "(running_costs.assumed_data_gib; set the size in the inventory): switching and "
        "parallel-run egress include it, and so do the waves' data and copy times, which name "
        "them: "
        f"{first_few(who)}"
    )
    return [line]


def unknown_root_warnings(resources: list[Resource], names: dict[str, str]) -> list[str]:
    """One line for the planned instances whose root disk size the plan leaves unknown, one for
    the imported instances whose export gives no volume size: today's cost leaves their root
    disks out, so it is understated beside a target that prices one."""
    unknown = [r for r in resources if r.attributes.details.get(ROOT_DISK_UNKNOWN)]
    lines = []
    planned = sorted(names.get(r.id, r.id) for r in unknown if r.planned)
    if planned:
        lines.append(
            f"root disk size unknown for {counted(len(planned), 'planned instance')} (no "
            "root_block_device, and no instance of the file from the same image shows its size "
            "until apply): today's cost leaves the root disk out, so the saving is overstated by "
            f"its price; set root_block_device volume_size to count it: {first_few(planned)}"
        )
    volumes = {r.id for r in resources if r.kind == Kind.BLOCK_VOLUME}
    held = sorted(
        names.get(r.id, r.id)
        for r in unknown
        if not r.planned and not volumes.intersection(r.depends_on)
    )
    if held:
        lines.append(
            f"root disk size unknown for {counted(len(held), 'imported instance')} (the export "
            "names no size for the root EBS volume, and holds no volume of the instance): today's "
            "cost leaves the root disk out while the target prices a system disk, so the saving "
            f"is overstated by its price; import the volumes (DescribeVolumes) to count it: "
            f"{first_few(held)}"
        )
    return lines


# The system disk the target templates write where neither a boot-volume mapping nor the
# product's own disk says otherwise (templates/terraform/opennebula/opennebula_virtual_machine).
_WRITTEN_SYSTEM_GIB = 20


def raised_root_warnings(placements: list[Placement], resources: dict[str, Resource]) -> list[str]:
    """One line per target and minimum: the moved machines whose source boot disk is smaller than
    the smallest root volume the target creates, written and priced at that minimum instead."""
    groups: dict[tuple[str, int], list[str]] = {}
    for p in placements:
        r = resources.get(p.resource_id)
        c = p.choice
        if c.retain or r is None or r.kind not in (Kind.VM, Kind.VM_GROUP):
            continue
        boot = load_boot_volumes().for_server(c.provider, c.terraform)
        found = boot.raised(r) if boot is not None else None
        if boot is None or found is None or boot.min_gib is None:
            continue
        groups.setdefault((c.provider, boot.min_gib), []).append(f"{r.name or r.id} ({found:g} GB)")
    return [
        f"root volume raised to {provider}'s minimum of {gib} GB for "
        f"{counted(len(who), 'machine')} whose source boot disk is smaller, written and priced at "
        f"{gib} GB (a smaller size is refused at apply; mappings/boot-volumes.yaml gives the "
        f"source): {first_few(sorted(who))}"
        for (provider, gib), who in sorted(groups.items())
    ]


def split_boot_warnings(
    placements: list[Placement], resources: dict[str, Resource], catalog: Catalog
) -> list[str]:
    """One line per target: the moved machines whose source boot disk is larger than the own disk
    of every flavour that fits them, the rest written and priced as a volume beside the server."""
    groups: dict[str, list[str]] = {}
    for p in placements:
        r = resources.get(p.resource_id)
        c = p.choice
        if c.retain or r is None or r.kind not in (Kind.VM, Kind.VM_GROUP) or not c.product:
            continue
        product = catalog.product(c.provider, c.product)
        flavour = flavour_disk_gib(c.provider, c.terraform, product)
        rest = boot_rest_gib(r, flavour)
        if rest:
            groups.setdefault(c.provider, []).append(
                f"{r.name or r.id} ({boot_gib(r) or 0:g} GB on {c.product}'s {flavour or 0:g} GB, "
                f"{rest:g} GB on the volume)"
            )
    return [
        f"boot disk larger than its flavour's own disk for {counted(len(who), 'machine')} on "
        f"{provider} (no flavour that fits holds it): the rest is written and priced as a volume "
        "attached to the server, and the copy must move the data beyond the flavour's disk onto "
        f"it: {first_few(sorted(who))}"
        for provider, who in sorted(groups.items())
    ]


def unwritten_disk_warnings(
    placements: list[Placement], resources: dict[str, Resource], catalog: Catalog
) -> list[str]:
    """One line per moved machine whose source reports more disk than its target server is
    priced and written with: the rest is neither in the target cost nor in the Terraform."""
    own_volumes: dict[str, float] = {}
    for v in resources.values():
        # a boot disk is written as the root volume, which ``written`` below counts
        if v.kind is Kind.BLOCK_VOLUME and v.attributes.storage_gib and not boot_of(v):
            for a in v.topology.attachments:
                if a.relation == "volume":
                    own_volumes[a.to] = own_volumes.get(a.to, 0.0) + v.attributes.storage_gib
    lines = []
    for p in placements:
        r = resources.get(p.resource_id)
        c = p.choice
        if c.retain or r is None or r.kind not in (Kind.VM, Kind.VM_GROUP):
            continue
        product = catalog.product(c.provider, c.product) if c.product else None
        # Inline data disks, the rest of a boot disk the flavour's disk does not hold and volumes
        # the inventory lists on their own are written as volumes of their own, and priced (or
        # named unpriced).
        flavour = flavour_disk_gib(c.provider, c.terraform, product)
        volumes = sum(d.gib for d in written_data_disks(r, flavour))
        reported = (r.attributes.storage_gib or 0.0) - volumes - own_volumes.get(r.id, 0.0)
        if reported <= 0:
            continue
        boot = load_boot_volumes().for_server(c.provider, c.terraform)
        if boot is not None:
            written = float(boot.root_of(r))
        elif product is not None and (product.specs.local_storage_gib or product.specs.storage_gib):
            written = product.specs.local_storage_gib or product.specs.storage_gib or 0.0
        else:
            written = float(_WRITTEN_SYSTEM_GIB)
        if reported <= written:
            continue
        lines.append(
            f"disk not carried over for {r.name or r.id} ({r.id}): the source reports "
            f"{reported:g} GiB on the machine, its {c.provider}/{c.region} server "
            f"{c.product or c.terraform} is priced and written with {written:g} GiB; the other "
            f"{reported - written:g} GiB is in neither the target cost nor the Terraform: add a "
            "volume for it before copying the disks"
        )
    return lines
