"""Machines a group runs, folded into the group.

An auto scaling group, a managed instance group or a Kubernetes node pool is the unit that
moves: the target builds it with its own count of machines. The machines it launched are listed
by every source too (an EC2 instance tagged with its group, a Compute Engine instance created by
its group manager, the group behind an EKS or GKE node pool, a GCP instance group listing a
manager's instances). Planned as well, each would be built and paid for twice. They are taken
out of the inventory, named on their group (``members``, so a bill line of one still lands on
the group) and reported as skipped with the group they run in. A GCP instance group that only
lists instances the inventory holds is a list, not machines: it is taken out instead.

A database or cache cluster is the same: its member instances (Aurora, DocumentDB and Neptune
cluster instances, ElastiCache nodes of a replication group) serve one data set, and the target
builds one managed cluster with that many nodes, not one database per instance. The cluster takes
their class when it reports none, their count as its nodes, and their list prices when it has no
figure of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cloudexit.model.app_plans import SITES, host_apps, resource_group
from cloudexit.model.attachments import link_attachments
from cloudexit.model.inventory import CollectionIssue, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.parts import (
    keep_reference,
    named_users,
    note_unheld_links,
    part_owners,
    strings_of,
    take_figures,
    take_parts,
    unused_parts,
)
from cloudexit.model.topology import Attachment, Topology

AWS_GROUP_TAG = "aws:autoscaling:groupName"
EKS_POOL_TAG = "eks:nodegroup-name"
EKS_CLUSTER_TAG = "eks:cluster-name"
AKS_POOL_TAG = "aks-managed-poolName"
ACS_CLUSTER = "microsoft.containerservice/containerservices"
ACS_POOL = "microsoft.containerservice/containerservices/agentpools"
_GROUPS = frozenset({Kind.VM_GROUP, Kind.KUBERNETES_NODE_POOL})
# What a machine brings along: folded with it when every owner it is attached to is folded.
_PARTS = frozenset({Kind.BLOCK_VOLUME, Kind.NETWORK_INTERFACE, Kind.PUBLIC_IP})


@dataclass(frozen=True)
class Folded:
    resource: Resource
    group: str
    reason: str


def fold_members(resources: dict[str, Resource]) -> list[Folded]:
    """Take group-run machines (and their disks, interfaces, addresses) out of ``resources``, in
    place; each group names what it took in ``members``. Returns what was taken, sorted by id."""
    link_attachments(list(resources.values()))
    note_unheld_links(resources)
    hosts = host_apps(resources)
    folded = _lists(resources)
    owner = _owners(resources)
    masters = _container_service_nodes(resources, owner)
    parts = {rid: p for rid, p in part_owners(resources).items() if rid not in owner}
    parts.update({rid: h for rid, h in hosts.items() if rid not in owner and rid not in parts})
    owner.update(parts)
    _parts(resources, owner)
    final = {rid: _root(rid, owner) for rid in owner}
    settings = named_users(resources)
    for rid, users in settings.items():
        for root in dict.fromkeys(final.get(u, u) for u in users):
            keep_reference(resources[root], resources[rid])
    for rid, reason in unused_parts(resources, owner).items():
        folded.append(Folded(resources.pop(rid), rid, reason))
    nodes: dict[str, list[Resource]] = {}
    taken: dict[str, list[Resource]] = {}
    for rid in sorted(final):
        group = resources[final[rid]]
        resource = resources.pop(rid)
        if rid in parts:
            taken.setdefault(group.id, []).append(resource)
            group.members = sorted({*group.members, rid, *resource.members})
            # what a part reaches (a backend service's instance groups) the whole now reaches
            group.depends_on = sorted({*group.depends_on, *resource.depends_on} - {group.id})
            what = (
                f"a setting of {group.kind.value} {group.name!r}, built with it and kept on it "
                "as a reference"
                if rid in settings
                else f"part of {group.kind.value} {group.name!r}; planned and billed with it"
            )
            if rid in hosts:
                what = (
                    f"runs on the same App Service plan as app {group.name!r}, which this "
                    "inventory does not hold; planned and billed with it"
                    if group.type.lower() == SITES
                    else f"taken as running on App Service plan {group.name!r}, which shares its "
                    "name and resource group (the export names no plan for it); planned and "
                    "billed with it"
                )
            folded.append(Folded(resource, group.id, what))
            continue
        if _clustered(resource) and _clustered(group):
            nodes.setdefault(group.id, []).append(resource)
        if resource.kind in (Kind.VM, Kind.VM_GROUP):
            missing = set(resource.topology.security_groups) - set(group.topology.security_groups)
            if missing:
                group.topology.security_groups = sorted({*group.topology.security_groups, *missing})
        group.members = sorted({*group.members, rid, *resource.members})
        if rid in masters:
            folded.append(
                Folded(
                    resource,
                    group.id,
                    f"a control-plane machine of {group.kind.value} {group.name!r}: the target's "
                    "managed Kubernetes runs the control plane",
                )
            )
            continue
        what = {Kind.VM: "a machine", Kind.VM_GROUP: "the machine group"}.get(
            resource.kind,
            "a member instance"
            if _clustered(resource)
            else f"a part ({resource.kind.value}) of a machine",
        )
        folded.append(
            Folded(
                resource,
                group.id,
                f"{what} run by {group.kind.value} {group.name!r}; planned and billed with it",
            )
        )
    for cluster_id, instances in nodes.items():
        _take_nodes(resources[cluster_id], instances)
    for parent_id, found in taken.items():
        take_parts(resources[parent_id], found)
    # a setting is no traffic: what named it does not depend on the balancer that took it
    for r in resources.values():
        if any(d in settings for d in r.depends_on):
            r.depends_on = [d for d in r.depends_on if d not in settings]
    _repoint(resources.values(), final)
    return sorted(folded, key=lambda f: f.resource.id)


_CLUSTERED = frozenset({"database", "cache"})


def _clustered(resource: Resource) -> bool:
    return resource.kind.category in _CLUSTERED


def _take_nodes(cluster: Resource, instances: list[Resource]) -> None:
    """The cluster runs its member instances: their count is its node count, the largest one's
    class sizes it when it reports none, and their summed list prices are its cost when it has
    none and every one of them is priced in one currency."""
    a = cluster.attributes
    count = sum(i.attributes.node_count or 1 for i in instances)
    a.node_count = max(a.node_count or 0, count)
    if a.high_availability is None and a.node_count > 1:
        a.high_availability = True
    take_figures(cluster, instances, "member instances'")


def _lists(resources: dict[str, Resource]) -> list[Folded]:
    """A GCP instance group that lists instances the inventory holds runs no machine of its own:
    it is taken out, and what named it names its instances."""
    lists: dict[str, list[str]] = {}
    for r in resources.values():
        listed = strings_of(r.attributes.details.get("instances"))
        if r.provider == "gcp" and r.kind is Kind.VM_GROUP and listed:
            held = [i for i in listed if i in resources and resources[i].kind is Kind.VM]
            if len(held) == len(listed):
                lists[r.id] = held
    if not lists:
        return []
    for r in resources.values():
        if any(d in lists for d in r.depends_on):
            named = (x for d in r.depends_on for x in lists.get(d, [d]))
            r.depends_on = [d for d in dict.fromkeys(named) if d != r.id]
    return [
        Folded(
            resources.pop(rid),
            rid,
            f"a list of {len(held)} instances, each planned on its own",
        )
        for rid, held in lists.items()
    ]


def fold_issues(resources: dict[str, Resource], source: str) -> list[CollectionIssue]:
    """fold_members, each folded resource reported as skipped with the group it runs in."""
    return [
        CollectionIssue(
            code="skipped",
            message=f"{f.resource.type} skipped: {f.reason}",
            source=source,
            scope=f.group,
            resource_id=f.resource.id,
        )
        for f in fold_members(resources)
    ]


def _owners(resources: Mapping[str, Resource]) -> dict[str, str]:
    """Machine or group id -> id of the group that runs it."""
    owner: dict[str, str] = {}
    aws_groups: dict[tuple[str, str, str], str] = {}
    eks_pools: dict[tuple[str, str, str], list[Resource]] = {}
    gcp_by_name: dict[tuple[str, str], str] = {}
    gke_groups: dict[str, str] = {}
    aks_pools: dict[tuple[str, str], list[Resource]] = {}
    for r in resources.values():
        if r.kind is Kind.VM_GROUP and r.provider == "aws":
            aws_groups[(r.account, r.region, r.name)] = r.id
        if r.kind is Kind.KUBERNETES_NODE_POOL and r.provider == "aws":
            eks_pools.setdefault((r.account, r.region, r.name), []).append(r)
        if (
            r.kind is Kind.VM_GROUP
            and r.provider == "gcp"
            and "instancegroupmanagers/" in r.id.lower()
        ):
            gcp_by_name[(r.account, r.name)] = r.id
        if r.kind is Kind.KUBERNETES_NODE_POOL and r.provider == "gcp":
            for group in strings_of(r.attributes.details.get("instance_groups")):
                gke_groups[group] = r.id
        if r.kind is Kind.KUBERNETES_NODE_POOL and r.provider == "azure":
            aks_pools.setdefault((r.account, r.name.lower()), []).append(r)
    for r in resources.values():
        found: str | None = None
        if r.provider == "aws" and r.kind in (Kind.VM, Kind.VM_GROUP):
            found = _eks_pool(r, eks_pools)
            if found is None and r.kind is Kind.VM and AWS_GROUP_TAG in r.tags:
                found = aws_groups.get((r.account, r.region, r.tags[AWS_GROUP_TAG]))
        elif r.provider == "gcp" and r.kind in (Kind.VM, Kind.VM_GROUP):
            found = gke_groups.get(r.id)
            if found is None and r.kind is Kind.VM:
                managed_by = r.attributes.details.get("managed_by")
                found = managed_by if isinstance(managed_by, str) else None
            if found is None and "/instancegroups/" in r.id.lower():
                found = gcp_by_name.get((r.account, r.name))
        elif r.provider == "azure" and r.kind in (Kind.VM, Kind.VM_GROUP) and _aks_pool_name(r):
            found = _aks_pool(r, aks_pools)
        if found is None and _clustered(r):
            found = next(
                (a.to for a in r.topology.attachments if a.relation == "cluster_member"), None
            )
        if found is not None and found != r.id and found in resources:
            owner[r.id] = found
    return owner


def _container_service_nodes(resources: dict[str, Resource], owner: dict[str, str]) -> set[str]:
    """An Azure Container Service (ACS) cluster's machines carry the tags ``poolName`` and
    ``creationSource`` (``acs-<name>``) and live in the cluster's resource group: its masters go
    with the cluster, the target's managed control plane replaces them; its agents are the pool
    of that name (``agentPoolProfiles``), taken from them when the inventory does not list it.
    Returns the masters' ids; ``owner`` gains every machine's owner."""
    clusters: dict[tuple[str, str], list[Resource]] = {}
    for r in resources.values():
        if r.type.lower() == ACS_CLUSTER:
            clusters.setdefault((r.account, resource_group(r.id)), []).append(r)
    masters: set[str] = set()
    agents: dict[str, list[Resource]] = {}
    for r in list(resources.values()):
        pool_name = r.tags.get("poolName", "")
        if (
            r.provider != "azure"
            or r.kind is not Kind.VM
            or r.id in owner
            or not pool_name
            or not r.tags.get("creationSource", "").lower().startswith("acs-")
        ):
            continue
        found = clusters.get((r.account, resource_group(r.id)), [])
        if len(found) != 1:
            continue
        cluster = found[0]
        _version_from_tag(cluster, r.tags.get("orchestrator", ""))
        if pool_name.lower() == "master":
            owner[r.id] = cluster.id
            masters.add(r.id)
            continue
        pool_id = f"{cluster.id}/agentpools/{pool_name.lower()}"
        if pool_id not in resources:
            agents.setdefault(pool_id, []).append(r)
            resources[pool_id] = Resource(
                id=pool_id,
                provider="azure",
                account=cluster.account,
                region=cluster.region,
                type=ACS_POOL,
                kind=Kind.KUBERNETES_NODE_POOL,
                name=pool_name,
                depends_on=[cluster.id],
                topology=Topology(attachments=[Attachment(relation="node_pool", to=cluster.id)]),
            )
            resources[pool_id].attributes.details["known_from"] = (
                "the cluster's agent machines (tag poolName)"
            )
        elif pool_id in agents:
            agents[pool_id].append(r)
        owner[r.id] = pool_id
    for pool_id, machines in agents.items():
        pool = resources[pool_id]
        pool.attributes.node_count = len(machines)
        take_figures(pool, machines, "machines'")
    return masters


def _version_from_tag(cluster: Resource, orchestrator: str) -> None:
    """An ACS machine's ``orchestrator`` tag ('Kubernetes:1.7.7') gives its cluster's engine and
    version when the cluster's own properties were not read."""
    engine, _, version = orchestrator.partition(":")
    if not version or cluster.attributes.engine_version:
        return
    if cluster.attributes.engine in (None, engine.lower()):
        cluster.attributes.engine = engine.lower()
        cluster.attributes.engine_version = version


def _eks_pool(r: Resource, pools: Mapping[tuple[str, str, str], list[Resource]]) -> str | None:
    name = r.tags.get(EKS_POOL_TAG)
    if not name:
        return None
    cluster = r.tags.get(EKS_CLUSTER_TAG, "")
    fits = [p.id for p in pools.get((r.account, r.region, name), []) if f"/{cluster}/" in p.id]
    return fits[0] if len(fits) == 1 else None


def _aks_pool_name(r: Resource) -> str:
    """The AKS pool a machine says it runs in: a scale set's ``aks-managed-poolName`` tag, or a
    machine of an availability-set pool, tagged ``poolName`` and made by AKS
    (``creationSource`` ``aks-...``), as the older pools are."""
    if AKS_POOL_TAG in r.tags:
        return r.tags[AKS_POOL_TAG]
    if r.tags.get("creationSource", "").lower().startswith("aks-"):
        return r.tags.get("poolName", "")
    return ""


def _aks_pool(r: Resource, pools: Mapping[tuple[str, str], list[Resource]]) -> str | None:
    """An AKS node pool's scale set, or an availability-set pool's machines, live in the
    cluster's node resource group, ``MC_<group>_<cluster>_<location>``: the pool of that name
    whose cluster fits it."""
    group = r.id.lower().split("/resourcegroups/", 1)[-1].split("/", 1)[0]
    fits = []
    for pool in pools.get((r.account, _aks_pool_name(r).lower()), []):
        rid = pool.id.lower()
        pool_group = rid.split("/resourcegroups/", 1)[-1].split("/", 1)[0]
        cluster = rid.split("/managedclusters/", 1)[-1].split("/", 1)[0]
        if group.startswith(f"mc_{pool_group}_{cluster}_"):
            fits.append(pool.id)
    return fits[0] if len(fits) == 1 else None


def _parts(resources: Mapping[str, Resource], owner: dict[str, str]) -> None:
    """Disks, interfaces and addresses attached only to folded machines go with them."""
    for r in resources.values():
        if r.kind not in _PARTS or r.id in owner:
            continue
        attached = {a.to for a in r.topology.attachments if a.to in resources}
        if attached and attached <= owner.keys():
            owner[r.id] = min(attached)


def _root(rid: str, owner: Mapping[str, str]) -> str:
    seen = {rid}
    while rid in owner and owner[rid] not in seen:
        rid = owner[rid]
        seen.add(rid)
    return rid


def _repoint(resources: Iterable[Resource], final: Mapping[str, str]) -> None:
    """Links to a folded machine now name its group."""
    for r in resources:
        if any(d in final for d in r.depends_on):
            named = (final.get(d, d) for d in r.depends_on)
            r.depends_on = [d for d in dict.fromkeys(named) if d != r.id]
        if any(a.to in final for a in r.topology.attachments):
            kept = {
                (a.relation, final.get(a.to, a.to)): a.model_copy(
                    update={"to": final.get(a.to, a.to)}
                )
                for a in r.topology.attachments
                if final.get(a.to, a.to) != r.id
            }
            r.topology.attachments = [kept[k] for k in sorted(kept)]
