"""Terraform per target provider and region: OUT/terraform/<provider>/<region>/.

Each placed resource is written by the template named after the Terraform resource type
that the plan's mapping chose (``templates/terraform/<provider>/<type>.tf.j2``); when no
such template exists, the provider's usual type for that kind is used and the README says
so. Resources nothing can write are listed in the README, never dropped silently. Every
file is laid out as `terraform fmt` would write it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from jinja2 import Environment, Template, TemplateNotFound

from cloudexit.catalog.loader import Catalog
from cloudexit.emit.escape import escaped_once, hcl_comment, md_code, md_text
from cloudexit.emit.terraform.addressing import allocate
from cloudexit.emit.terraform.db_access import set_aside
from cloudexit.emit.terraform.edge_policies import edge_reason, edge_warnings, set_aside_edge
from cloudexit.emit.terraform.firewall import (
    CAPABILITIES,
    Readdress,
    Untranslated,
    intersect,
    name_groups,
    translate,
)
from cloudexit.emit.terraform.fixed_addresses import fixed_by_machine
from cloudexit.emit.terraform.fixed_addresses import settle as settle_addresses
from cloudexit.emit.terraform.group_peers import peer_groups
from cloudexit.emit.terraform.hclfmt import format_hcl
from cloudexit.emit.terraform.own_network import (
    group_networks,
    own_ranges,
    site_index,
    source_ranges,
)
from cloudexit.emit.terraform.probes import probe_gaps as gaps_of
from cloudexit.emit.terraform.site import (
    DATA_VOLUMES,
    GROUP_HOLDERS,
    Item,
    Site,
    Skipped,
    backend_servers,
    build_site,
)
from cloudexit.emit.terraform.tags import NO_TAG_ARGUMENT
from cloudexit.emit.terraform.targets import (
    ATTACHED_TYPES,
    DEFAULT_TYPES,
    NEEDS_LINK,
    PROVIDER_SOURCES,
    file_for,
)
from cloudexit.model.balancer_gaps import unread_parts
from cloudexit.model.boot_disks import boot_of
from cloudexit.model.firewall_rules_held import NO_RULES, holds_no_rules
from cloudexit.model.gcp_egress import network_denies
from cloudexit.model.inventory import Resource
from cloudexit.model.io import write_text_atomic
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Placement, Plan
from cloudexit.optimise.inspection import tier

__all__ = [
    "PROVIDER_SOURCES",
    "appliances",
    "backend_gaps",
    "build_sites",
    "edge_warnings",
    "firewall_gaps",
    "probe_gaps",
    "sites",
    "subnet_warnings",
    "write_terraform",
]


def sites(plan: Plan) -> dict[tuple[str, str], list[Placement]]:
    """Placements by target site; a network object recreated at several sites is at each."""
    grouped: dict[tuple[str, str], list[Placement]] = defaultdict(list)
    for placement in plan.placements:
        for choice in [placement.choice, *(placement.copies or [])]:
            if choice.retain or choice.provider not in PROVIDER_SOURCES:
                continue
            here = (
                placement
                if choice is placement.choice
                else placement.model_copy(update={"choice": choice, "copies": None})
            )
            grouped[(choice.provider, choice.region)].append(here)
    return dict(sorted(grouped.items()))


def _has_template(env: Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except TemplateNotFound:
        return False
    return True


def choose_type(
    env: Environment, provider: str, kind: Kind, mapped: str | None
) -> tuple[str | None, str | None]:
    """The resource type to write, and a note for the README when it is not the mapped one."""
    if kind == Kind.TARGET_GROUP:
        return None, "written as the backends of the load balancer that uses it"
    if mapped and _has_template(env, f"terraform/{provider}/{mapped}.tf.j2"):
        return mapped, None
    default = DEFAULT_TYPES.get(provider, {}).get(kind)
    if default and _has_template(env, f"terraform/{provider}/{default}.tf.j2"):
        note = (
            f"the mapping names {mapped}; written as {default}"
            if mapped and mapped != default
            else None
        )
        if kind == Kind.VM_GROUP and note:
            note += (
                ", one per machine the plan priced, a fixed number: the group's autoscaling is "
                "not written"
            )
        return default, note
    if mapped:
        return None, f"no template for {mapped} yet: write it by hand"
    return None, f"no template writes {kind.value} on {provider}: nothing generated"


def _machine_of(nic: Resource, resources: dict[str, Resource], here: set[str]) -> Resource | None:
    """The machine placed on this site that a network interface is attached to: every target's
    server resource writes its interfaces as its own network blocks."""
    if nic.kind != Kind.NETWORK_INTERFACE:
        return None
    for link in nic.topology.attachments:
        vm = resources.get(link.to)
        if link.relation == "network_interface" and vm is not None and vm.id in here:
            return vm
    return None


def _in_machine(machine: Resource) -> str:
    return (
        f"written as a network block of machine {machine.name}, which the target's server "
        "resource holds; its private address is the target's, not the source's"
    )


def _as_root(machine: Resource) -> str:
    return (
        f"the boot disk of machine {machine.name}: written as its root volume, at its size, "
        "booting the image exported from it"
    )


def build_sites(
    plan: Plan,
    env: Environment,
    catalog: Catalog | None = None,
    resources: dict[str, Resource] | None = None,
) -> list[Site]:
    """``resources``: the plan's inventory by id, when the caller already has it."""
    resources = plan.inventory.by_id() if resources is None else resources
    built = []
    # Asked once per provider, kind and mapped type: each answer looks the template up.
    types: dict[tuple[str, Kind, str | None], tuple[str | None, str | None]] = {}
    for (provider, region), placements in sites(plan).items():
        here = {p.resource_id for p in placements}
        rows: list[tuple[Placement, Resource, str | None, str | None]] = []
        for placement in placements:
            resource = resources.get(placement.resource_id)
            if resource is None:
                continue
            if resource.kind in (Kind.NETWORK, Kind.SUBNET):
                rows.append((placement, resource, None, None))
                continue
            machine = _machine_of(resource, resources, here)
            if machine is not None:
                rows.append((placement, resource, None, _in_machine(machine)))
                continue
            machine = resources.get(boot_of(resource) or "")
            if machine is not None and machine.id in here:
                rows.append((placement, resource, None, _as_root(machine)))
                continue
            mapped = placement.choice.terraform
            if tier(resource) is not None and placement.choice.fidelity == "self_managed":
                # the firewall's rules as a security group; its appliance is written beside it
                mapped = DEFAULT_TYPES.get(provider, {}).get(Kind.SECURITY_GROUP, mapped)
            key = (provider, resource.kind, mapped)
            chosen = types.get(key)
            if chosen is None:
                chosen = types[key] = choose_type(env, *key)
            rows.append((placement, resource, *chosen))
        group_type, _ = choose_type(env, provider, Kind.SECURITY_GROUP, None)
        built.append(_finish(build_site(provider, region, rows, resources, catalog, group_type)))
    set_aside_edge(built, resources)
    readdress = allocate(built)
    names = _group_names(resources.values())
    # Google's health checks keep probing where a Google Cloud balancer stays on Google Cloud
    google_balancer_kept = any(
        p.choice.retain
        and (r := resources.get(p.resource_id)) is not None
        and r.provider == "gcp"
        and r.kind in (Kind.LOAD_BALANCER, Kind.TARGET_GROUP)
        for p in plan.placements
    )

    def probes_stop(groups: Iterable[Resource]) -> bool:
        return not google_balancer_kept and all(g.provider == "gcp" for g in groups)

    went = {
        p.resource_id: "kept on the source"
        if p.choice.retain
        else f"{p.choice.provider}/{p.choice.region}"
        for p in plan.placements
    }
    networks = group_networks(resources)
    cut = network_denies(resources)
    elsewhere = source_ranges(resources)
    unread = unread_parts(plan.inventory, resources)
    fixed = fixed_by_machine(resources)

    for site in built:
        site.strays, site.split = _strays(site, resources, went)
        settle_addresses(site, resources, fixed)
        # a rule naming a source range means this site's copy of it, where the site has one
        at_site = readdress.first(site.blocks)
        index = site_index(site)

        def own(
            groups: Iterable[Resource],
            index: dict[str, list[str]] = index,
            at_site: Readdress = at_site,
        ) -> list[str]:
            """The target ranges of the groups' own networks, Azure's VirtualNetwork tag."""
            found = (n for g in groups for n in networks.get(g.id, ()))
            return own_ranges(found, index, elsewhere, at_site)

        set_aside(site, GROUP_HOLDERS, at_site)
        group_type, _ = choose_type(env, site.provider, Kind.SECURITY_GROUP, None)
        used = {id(g) for i in site.items for g in i.security_groups}
        far_groups = peer_groups(site, names, group_type)
        for item in site.items:
            # a source firewall the mapping writes as a security group is one too
            writes_group = item.resource.kind == Kind.SECURITY_GROUP or item.rtype == group_type
            if item.layers and site.provider in CAPABILITIES:
                item.firewall = intersect(
                    [
                        translate(
                            name_groups(
                                [r for g in layer for r in g.resource.topology.firewall_rules],
                                names,
                            ),
                            own(g.resource for g in layer),
                            site.provider,
                            at_site,
                            probes_stop(g.resource for g in layer),
                        )
                        for layer in item.layers
                    ]
                )
            elif writes_group and site.provider in CAPABILITIES:
                members = [m.resource for m in item.members] or [item.resource]
                # the network's egress denies cut a GCP rule's implied allow-all egress
                rules = item.resource.topology.firewall_rules + cut.get(item.resource.id, [])
                item.firewall = translate(
                    name_groups(rules, names),
                    own(members),
                    site.provider,
                    at_site,
                    probes_stop([item.resource]),
                    far_groups.get(id(item)),
                )
                item.unused = id(item) not in used
            if item.firewall is not None:
                _add_unread(item, unread)
        _drop_empty_groups(site)
    return built


def _add_unread(item: Item, unread: dict[str, tuple[str, ...]]) -> None:
    """Rules the import could not read for the group (or the groups it joins) are named as not
    written: the Terraform holds only what the export held, so they are left to write by hand."""
    assert item.firewall is not None
    groups = [g for layer in item.layers for g in layer] or item.members or [item]
    for group in groups:
        for part in unread.get(group.resource.id, ()):
            item.firewall.untranslated.append(
                Untranslated(
                    part if group is item else f"{group.resource.name}: {part}",
                    "not in the inventory, so not written: read them on the source and write "
                    "them by hand, or import an export that holds them",
                )
            )


def _strays(
    site: Site, resources: dict[str, Resource], went: dict[str, str]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Balancers here whose members all run elsewhere (anti-affinity can hold them apart), with
    each member and its site: their Terraform forwards to no server; and balancers here with
    some members elsewhere, with each of those and its site: they are not behind it."""
    here = f"{site.provider}/{site.region}"
    none_here: list[tuple[str, str]] = []
    some_away: list[tuple[str, str]] = []
    for item in site.items:
        if item.resource.kind != Kind.LOAD_BALANCER:
            continue
        members = backend_servers(item.resource, resources)
        away = [m for m in members if went.get(m) != here]
        if not away:
            continue
        where = ", ".join(
            f"{resources[m].name} ({went.get(m, 'not placed on a target')})" for m in away
        )
        (none_here if len(away) == len(members) else some_away).append((item.resource.name, where))
    return none_here, some_away


def _group_names(resources: Iterable[Resource]) -> dict[str, str]:
    """Security group id (whole, or its last segment where that is unique) -> its name."""
    groups = [r for r in resources if r.kind in (Kind.SECURITY_GROUP, Kind.FIREWALL) and r.name]
    shared = {n for n, c in Counter(r.name for r in groups).items() if c > 1}
    names: dict[str, str] = {}
    tails: dict[str, set[str]] = defaultdict(set)
    for r in groups:
        # a name several groups hold ("default" in every network) keeps the id beside it
        names[r.id] = f"{r.name} ({r.id})" if r.name in shared else r.name
        tails[r.id.rsplit("/", 1)[-1]].add(names[r.id])
    for tail, found in tails.items():
        if len(found) == 1:
            names.setdefault(tail, next(iter(found)))
    return names


def firewall_gaps(
    plan: Plan, env: Environment, catalog: Catalog | None = None, built: list[Site] | None = None
) -> list[dict[str, str]]:
    """Source rules no target rule writes, per site and group, for the runbook.

    ``built``: the plan's sites when the caller already built them for the Terraform."""
    rows = []
    for site in built if built is not None else build_sites(plan, env, catalog):
        for item in site.items:
            if item.firewall and holds_no_rules(item.resource):
                rows.append(
                    {
                        "site": f"{site.provider}/{site.region}",
                        "group": item.resource.name,
                        "rule": "none in the export",
                        "reason": NO_RULES,
                    }
                )
            for gap in item.firewall.untranslated if item.firewall else []:
                rows.append(
                    {
                        "site": f"{site.provider}/{site.region}",
                        "group": item.resource.name,
                        "rule": gap.rule,
                        "reason": gap.reason,
                    }
                )
        for policy in site.edge_policies:
            for rule, why in policy.translation.left:
                rows.append(
                    {
                        "site": f"{site.provider}/{site.region}",
                        "group": policy.name,
                        "rule": rule,
                        "reason": f"edge policy (Cloud Armor): {why}",
                    }
                )
            if not policy.carried and not policy.refuses_nothing:
                rows.append(
                    {
                        "site": f"{site.provider}/{site.region}",
                        "group": policy.name,
                        "rule": "; ".join(policy.to_enforce) or "none in the export",
                        "reason": "edge policy (Cloud Armor) not written: " + edge_reason(policy),
                    }
                )
        for loose in site.loose_groups:
            carried = "; ".join(loose.carried)
            rows.append(
                {
                    "site": f"{site.provider}/{site.region}",
                    "group": loose.group.resource.name,
                    "rule": "; ".join(loose.left)
                    or ("none left: see the access lists" if carried else "every rule"),
                    "reason": f"group not written: {loose.reason}"
                    + (f"; carried as {carried}" if carried else ""),
                }
            )
    return rows


def probe_gaps(
    plan: Plan, env: Environment, catalog: Catalog | None = None, built: list[Site] | None = None
) -> list[dict[str, str]]:
    """Parts of a source balancer's health check its target's Terraform cannot carry, per site
    and balancer, for the runbook (``probes``).

    ``built``: the plan's sites when the caller already built them for the Terraform."""
    rows = []
    for site in built if built is not None else build_sites(plan, env, catalog):
        for item in site.items:
            missing = gaps_of(
                site.provider, item.health_check, item.backend_port, bool(item.backends)
            )
            if missing:
                rows.append(
                    {
                        "site": f"{site.provider}/{site.region}",
                        "balancer": item.resource.name,
                        "missing": "; ".join(missing),
                    }
                )
    return rows


def backend_gaps(
    plan: Plan,
    env: Environment,
    catalog: Catalog | None = None,
    built: list[Site] | None = None,
    resources: dict[str, Resource] | None = None,
) -> list[dict[str, str]]:
    """Backends a balancer's Terraform does not hold, per site and balancer, for the runbook: a
    machine group behind a backend service (the target builds its machines, whose addresses no
    pool can name in advance), a machine placed at another site or not placed, every backend
    of a balancer without a listener (pools are written per listener).

    ``built``, ``resources``: the plan's sites and its inventory by id, when the caller already
    has them."""
    resources = plan.inventory.by_id() if resources is None else resources
    placed = {
        p.resource_id: f"{p.choice.provider}/{p.choice.region}"
        for p in plan.placements
        if not p.choice.retain
    }
    rows = []
    for site in built if built is not None else build_sites(plan, env, catalog):
        here = f"{site.provider}/{site.region}"
        for item in site.items:
            if item.resource.kind != Kind.LOAD_BALANCER:
                continue
            # backends are written per listener: with none, no pool holds them
            written = {b.resource.id for b in item.backends} if item.listeners else set()
            skipped = {s.resource.id: s.reason for s in site.skipped}
            missing = []
            for sid in backend_servers(item.resource, resources):
                if sid in written:
                    continue
                server = resources[sid]
                if server.kind == Kind.VM_GROUP and placed.get(sid) == here:
                    why = (
                        f"a machine group not written here, {skipped[sid]}; add its machines "
                        "to the pool once built"
                        if sid in skipped
                        else "a machine group: add the machines the target builds for it to the pool"
                    )
                    if not item.listeners:
                        why += ", written with the listener the inventory lacks"
                elif sid not in placed:
                    why = "not placed on a target"
                elif not item.listeners and placed[sid] == here:
                    why = "no listener, so no pool is written: add it with the listener"
                else:
                    why = f"placed at {placed[sid]}, not here"
                missing.append(f"backend {server.name} ({why})")
            if missing:
                rows.append(
                    {
                        "site": here,
                        "resource_id": item.resource.id,
                        "balancer": item.resource.name,
                        "missing": "; ".join(missing),
                    }
                )
    return rows


def loose_volumes(
    plan: Plan, env: Environment, catalog: Catalog | None = None, built: list[Site] | None = None
) -> list[dict[str, str]]:
    """Block volumes no server at their site mounts, for the runbook: written on their own, or
    not written where the target has no volume without a server.

    ``built``: the plan's sites when the caller already built them for the Terraform."""
    rows = []
    for site in built if built is not None else build_sites(plan, env, catalog):
        mounted = {id(v) for item in site.items for v in item.volumes}
        mounted |= {id(v) for item in site.items for vs in item.disk_volumes for v in vs}
        for item in site.items:
            if item.resource.kind == Kind.BLOCK_VOLUME and id(item) not in mounted:
                rows.append(_loose(site, item.resource, f"written on its own as {item.rtype}"))
        for skipped in site.skipped:
            if skipped.resource.kind == Kind.BLOCK_VOLUME:
                rows.append(_loose(site, skipped.resource, f"not written: {skipped.reason}"))
    return rows


def data_disks(
    plan: Plan, env: Environment, catalog: Catalog | None = None, built: list[Site] | None = None
) -> list[dict[str, str]]:
    """Machines' inline data disks (no resource of their own in the inventory) and the volume
    each is written as, per site, for the runbook: copy their data before cut-over.

    ``built``: the plan's sites when the caller already built them for the Terraform."""
    rows = []
    for site in built if built is not None else build_sites(plan, env, catalog):
        for item in site.items:
            if item.resource.kind not in (Kind.VM, Kind.VM_GROUP):
                continue
            disks = item.written_disks
            if not disks:
                continue
            where = f"{site.provider}/{site.region}"
            store = item.option.storage_product or "block storage (no list price)"
            if item.data_local:
                rows.append(
                    {
                        "site": where,
                        "server": item.resource.name,
                        "disks": ", ".join(f"{d.name} ({d.gib:g} GiB)" for d in disks),
                        "written_as": f"one data volume of {item.data_gib} GiB per machine "
                        f"({DATA_VOLUMES[item.rtype]}, {store})",
                    }
                )
                continue
            for n, volumes in enumerate(item.disk_volumes):
                rows.append(
                    {
                        "site": where,
                        "server": item.machine_name(n),
                        "disks": ", ".join(f"{d.name} ({d.gib:g} GiB)" for d in disks),
                        "written_as": ", ".join(v.address for v in volumes) + f" ({store})",
                    }
                )
            if not item.disk_volumes:
                rows.append(
                    {
                        "site": where,
                        "server": item.resource.name,
                        "disks": ", ".join(f"{d.name} ({d.gib:g} GiB)" for d in disks),
                        "written_as": f"not written: {item.rtype} takes no volume here; add them "
                        "by hand",
                    }
                )
    return rows


INSTALL = {
    "firewall": (
        "a firewall appliance (OPNsense, pfSense or similar): set the image variable "
        "{image} to its image (uploaded to the project, or the target's marketplace one), "
        "apply, then from its console write the rules of the managed firewall it replaces, "
        "enable IP forwarding and point the private network's routes through its address; add "
        "a second one for high availability if the source relied on the managed service's"
    ),
    "resolver": (
        "a DNS resolver (Unbound, CoreDNS or similar) on the image the other servers boot: "
        "install it, load the private zone's {records}, answer on the private network only "
        "(never publish them on the internet), and point the network's machines at its "
        "address (DHCP or resolver settings)"
    ),
}
IMAGE_VARIABLES = {
    "ovhcloud": "firewall_appliance_image_id",
    "opennebula": "firewall_appliance_image_id",
}


def appliances(
    plan: Plan, env: Environment, catalog: Catalog | None = None, built: list[Site] | None = None
) -> list[dict[str, str]]:
    """The servers written for services no target sells, and what to install on each, per site,
    for the runbook.

    ``built``: the plan's sites when the caller already built them for the Terraform."""
    rows = []
    for site in built if built is not None else build_sites(plan, env, catalog):
        image = IMAGE_VARIABLES.get(site.provider, "firewall_appliance_image")
        for item in site.items:
            if item.appliance is None:
                continue
            records = len(item.records) if item.appliance == "resolver" else 0
            install = INSTALL[item.appliance].format(
                image=f"var.{image}",
                records=f"{records} record{'s' if records != 1 else ''} (listed in the inventory)",
            )
            rows.append(
                {
                    "site": f"{site.provider}/{site.region}",
                    "source": item.resource.name,
                    "server": item.address,
                    "size": item.option.product or "",
                    "install": install + _routes_through(site, item),
                }
            )
    return rows


def subnet_comment(item: Item) -> str:
    return f"subnet: {item.resource.name} {item.subnet_note}"


def subnet_warnings(built: Iterable[Site]) -> list[str]:
    """For the plan's warnings: resources written into a subnet their source did not name,
    where the site held several that could be theirs or none of their region."""
    return [
        f"subnet chosen on {site.provider}/{site.region}: {item.resource.name} "
        f"({item.resource.id}) {item.subnet_note}"
        for site in built
        for item in site.items
        if item.subnet_note and item.subnet is not None
    ]


def _routes_through(site: Site, appliance: Item) -> str:
    """The source's routes through this appliance's firewall: those the Terraform writes, and
    those to set by hand with the reason."""
    mine = [r for r in site.routes if r.appliance is appliance]
    if not mine:
        return ""
    written = sorted({f"scaleway_vpc_route.{r.local}" for r in mine if r.reason is None})
    by_hand = [f"{r.label} for subnet {r.subnet.name} ({r.reason})" for r in mine if r.reason]
    parts = []
    if written:
        parts.append(
            f"the source's default routes through it are written ({', '.join(written)}), "
            "received only by the private networks whose source subnets had them"
        )
    if by_hand:
        parts.append(f"set by hand, pointing at its address: {'; '.join(by_hand)}")
    return ". Routes: " + "; ".join(parts)


def _loose(site: Site, volume: Resource, outcome: str) -> dict[str, str]:
    return {"site": f"{site.provider}/{site.region}", "volume": volume.name, "outcome": outcome}


def _drop_empty_groups(site: Site) -> None:
    """OpenNebula security groups need one rule at least: a group with none is not written."""
    if site.provider != "opennebula":
        return
    empty = {id(i): i for i in site.items if i.firewall is not None and not i.firewall.rules}
    if not empty:
        return
    reason = "no rule of this group can be written here, and an OpenNebula group needs one"
    for item in empty.values():
        site.skipped.append(Skipped(item.resource, site.provider, reason))
    site.items[:] = [i for i in site.items if id(i) not in empty]
    for other in site.items:
        other.security_groups[:] = [g for g in other.security_groups if id(g) not in empty]
    site.skipped.sort(key=lambda s: s.resource.id)


def _finish(site: Site) -> Site:
    """Retype items by what they attach to; set aside items missing a link they need."""
    for item in site.items:
        if item.attached_to is not None:
            key = (site.provider, item.resource.kind, item.attached_to.resource.kind)
            item.rtype = ATTACHED_TYPES.get(key, item.rtype)
    attached: dict[int, list[Item]] = defaultdict(list)
    for item in site.items:
        if item.attached_to is not None:
            attached[id(item.attached_to)].append(item)
    removed: set[int] = set()
    changed = True
    while changed:  # removing an item unlinks what was attached to it, which may go in turn
        changed = False
        for item in site.items:
            need = NEEDS_LINK.get(item.rtype)
            if id(item) in removed or not need or getattr(item, need[0]) is not None:
                continue
            removed.add(id(item))
            site.skipped.append(Skipped(item.resource, site.provider, need[1]))
            for other in attached.get(id(item), []):
                if id(other) not in removed:
                    other.attached_to = None
            changed = True
    if removed:
        site.items[:] = [i for i in site.items if id(i) not in removed]
    site.skipped.sort(key=lambda s: s.resource.id)
    return site


def render_site(site: Site, env: Environment) -> dict[str, str]:
    """File name -> text for one site folder."""
    provider = site.provider
    local, source, version = PROVIDER_SOURCES[provider]
    # Looked up once: a server's template reads it for every server of the site.
    ctx = {"site": site, "provider_local": local, "templates": site.templates}
    chunks: dict[str, list[str]] = defaultdict(list)
    chunks["network.tf"].append(
        env.get_template(f"terraform/{provider}/network.tf.j2").render(**ctx)
    )
    if ctx["templates"] and _has_template(env, f"terraform/{provider}/templates.tf.j2"):
        chunks["compute.tf"].append(
            env.get_template(f"terraform/{provider}/templates.tf.j2").render(**ctx)
        )
    by_type: dict[str | None, Template] = {}
    for item in site.items:
        template = by_type.get(item.rtype)
        if template is None:
            template = by_type[item.rtype] = env.get_template(
                f"terraform/{provider}/{item.rtype}.tf.j2"
            )
        text = template.render(item=item, **ctx)
        if item.rtype in NO_TAG_ARGUMENT and item.tags_left:
            # one line: no tag of it can be written, whatever its key or value
            text = f"# {hcl_comment(_untaggable(item))}\n{text}"
        elif item.tags_left:
            # beside the resource: a tag its target cannot hold is kept in view, not altered
            text = "".join(f"# {hcl_comment(t.comment)}\n" for t in item.tags_left) + text
        if item.subnet_note and item.subnet is not None:
            # beside its trace line, below what the template writes first (a password)
            at = max(text.find("# cloudexit: from "), 0)
            text = f"{text[:at]}# {hcl_comment(subnet_comment(item))}\n{text[at:]}"
        chunks[file_for(item.resource.kind)].append(text)
    files = {
        name: "\n\n".join(t.strip("\n") for t in parts if t.strip())
        for name, parts in chunks.items()
    }
    files["providers.tf"] = env.get_template(f"terraform/{provider}/providers.tf.j2").render(**ctx)
    files["variables.tf"] = env.get_template(f"terraform/{provider}/variables.tf.j2").render(**ctx)
    files["outputs.tf"] = env.get_template("terraform/common/outputs.tf.j2").render(**ctx)
    uses_random = any("random_password" in text for text in files.values())
    files["versions.tf"] = env.get_template("terraform/common/versions.tf.j2").render(
        local=local, source=source, version=version, random=uses_random
    )
    out = {name: format_hcl(text) for name, text in files.items() if text.strip()}
    out["README.md"] = env.get_template("terraform/common/README.md.j2").render(
        files=sorted(out), source=source, version=version, item_rows=item_rows(site), **ctx
    )
    return dict(sorted(out.items()))


def item_rows(site: Site) -> list[str]:
    """The README's row per item, made here rather than by the template (attribute look-ups
    and escapes are a template's per-call cost each); providers and kinds are escaped once."""
    md = escaped_once(md_text)

    return [
        f"| {md_code(i.resource.name)} ({md(i.resource.provider)}) | {md(i.kind)} "
        f"| {_written_as(i)} | {_left(i)} |"
        for i in site.items
    ]


def _written_as(item: Item) -> str:
    """The item's Terraform address; for an address a server carries, the server's interface."""
    if item.on_server and item.attached_to is not None:
        return f"public interface of {md_code(item.attached_to.address)} (no resource of its own)"
    return md_code(item.address)


def _untaggable(item: Item) -> str:
    tags = ", ".join(f"{t.key}={t.value}" for t in item.tags_left)
    return f"warning: source tags not written, {item.tags_left[0].reason}: {tags}"


def _left(item: Item) -> str:
    """The README's cell naming the tags the item's Terraform cannot hold, and why."""
    if item.rtype in NO_TAG_ARGUMENT and item.tags_left:
        tags = ", ".join(f"{md_code(t.key)} = {md_code(t.value)}" for t in item.tags_left)
        return f"warning: {md_text(item.tags_left[0].reason)}: {tags}"
    return "; ".join(
        f"warning: {md_code(t.key)} = {md_code(t.value)}: {md_text(t.reason)}"
        for t in item.tags_left
    )


def write_terraform(
    plan: Plan,
    out_dir: Path,
    env: Environment,
    catalog: Catalog | None = None,
    built: list[Site] | None = None,
) -> list[Path]:
    written = []
    for site in built if built is not None else build_sites(plan, env, catalog):
        folder = out_dir / "terraform" / site.provider / site.region.replace("/", "-")
        for name, text in render_site(site, env).items():
            write_text_atomic(folder / name, text)
            written.append(folder / name)
    return written
