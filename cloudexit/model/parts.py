"""Child resources that are parts of their parent, not units that move on their own.

Every source lists a service's children beside it: a BigQuery dataset's tables, a Bigtable
instance's clusters and tables, an App Engine application's services and versions, a Pub/Sub
topic's subscriptions, a VPN gateway's tunnels, an interconnect's attachments, an SNS topic's
subscriptions. Planned as well, each would be built and paid for again beside its parent. A GCP
load balancer is a chain (forwarding rule -> target proxy -> URL map -> backend service): the
chain is one balancer, its head the forwarding rule.

``part_owners`` only says which resource each part belongs to; ``cloudexit.model.members`` takes
the parts out, names them on the parent and repoints what named them. ``take_parts`` carries what
the parent needs from them: sizes, node counts, listeners, figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cloudexit.model.inventory import MonthlyCost, Resource

# child native type -> the native types of the parent it is a part of (lower case)
PART_OF: dict[str, frozenset[str]] = {
    "bigquery.googleapis.com/table": frozenset({"bigquery.googleapis.com/dataset"}),
    "google_bigquery_table": frozenset({"google_bigquery_dataset"}),
    "bigtableadmin.googleapis.com/cluster": frozenset({"bigtableadmin.googleapis.com/instance"}),
    "bigtableadmin.googleapis.com/table": frozenset({"bigtableadmin.googleapis.com/instance"}),
    "google_bigtable_table": frozenset({"google_bigtable_instance"}),
    "appengine.googleapis.com/service": frozenset({"appengine.googleapis.com/application"}),
    "appengine.googleapis.com/version": frozenset(
        {"appengine.googleapis.com/service", "appengine.googleapis.com/application"}
    ),
    "google_app_engine_standard_app_version": frozenset({"google_app_engine_application"}),
    "google_app_engine_flexible_app_version": frozenset({"google_app_engine_application"}),
    "google_app_engine_service_split_traffic": frozenset({"google_app_engine_application"}),
    "pubsub.googleapis.com/subscription": frozenset({"pubsub.googleapis.com/topic"}),
    "google_pubsub_subscription": frozenset({"google_pubsub_topic"}),
    "compute.googleapis.com/vpntunnel": frozenset(
        {"compute.googleapis.com/targetvpngateway", "compute.googleapis.com/vpngateway"}
    ),
    "google_compute_vpn_tunnel": frozenset(
        {"google_compute_vpn_gateway", "google_compute_ha_vpn_gateway"}
    ),
    # a classic VPN gateway takes its ESP and IKE traffic through forwarding rules of its own
    "compute.googleapis.com/forwardingrule": frozenset({"compute.googleapis.com/targetvpngateway"}),
    "google_compute_forwarding_rule": frozenset({"google_compute_vpn_gateway"}),
    "compute.googleapis.com/interconnectattachment": frozenset(
        {"compute.googleapis.com/interconnect"}
    ),
    "aws_sns_topic_subscription": frozenset({"aws_sns_topic"}),
}
# GCP allows one App Engine application a project: its services and versions belong to it even
# when nothing names it (a Terraform version names its service by a plain string).
_ONE_A_PROJECT = frozenset(
    {"appengine.googleapis.com/application", "google_app_engine_application"}
)
# parts whose node counts are the parent's: a Bigtable instance runs its clusters' nodes
_NODES = frozenset({"bigtableadmin.googleapis.com/cluster"})

# the GCP load balancer chain, by rank: the lowest rank present heads the chain
_FRONT = frozenset(
    {
        "compute.googleapis.com/forwardingrule",
        "compute.googleapis.com/globalforwardingrule",
        "google_compute_forwarding_rule",
        "google_compute_global_forwarding_rule",
    }
)
_PROXY = frozenset(
    {
        "compute.googleapis.com/targethttpproxy",
        "compute.googleapis.com/targethttpsproxy",
        "compute.googleapis.com/targetsslproxy",
        "compute.googleapis.com/targettcpproxy",
        "compute.googleapis.com/regiontargethttpproxy",
        "compute.googleapis.com/regiontargethttpsproxy",
        "compute.googleapis.com/regiontargettcpproxy",
        "compute.googleapis.com/targetinstance",
        "google_compute_target_http_proxy",
        "google_compute_target_https_proxy",
        "google_compute_target_ssl_proxy",
        "google_compute_target_tcp_proxy",
        "google_compute_region_target_http_proxy",
        "google_compute_region_target_https_proxy",
        "google_compute_region_target_tcp_proxy",
        "google_compute_target_instance",
    }
)
_URL_MAP = frozenset(
    {
        "compute.googleapis.com/urlmap",
        "compute.googleapis.com/regionurlmap",
        "google_compute_url_map",
        "google_compute_region_url_map",
    }
)
# backends join the chain that reaches them, but do not join two chains into one
_BACKEND = frozenset(
    {
        "compute.googleapis.com/backendservice",
        "compute.googleapis.com/regionbackendservice",
        "compute.googleapis.com/targetpool",
        "google_compute_backend_service",
        "google_compute_region_backend_service",
        "google_compute_target_pool",
    }
)


def _rank(resource: Resource) -> int | None:
    native = resource.type.lower()
    for rank, types in enumerate((_FRONT, _PROXY, _URL_MAP)):
        if native in types:
            return rank
    return None


def part_owners(resources: Mapping[str, Resource]) -> dict[str, str]:
    """Part id -> id of the resource it is a part of (which may itself be a part)."""
    owner: dict[str, str] = {}
    apps: dict[str, list[str]] = {}
    for r in resources.values():
        if r.type.lower() in _ONE_A_PROJECT:
            apps.setdefault(r.account, []).append(r.id)
    for r in resources.values():
        parents = PART_OF.get(r.type.lower())
        if parents is None:
            continue
        found = _parent(r, parents, resources)
        if found is None and parents & _ONE_A_PROJECT and len(apps.get(r.account, [])) == 1:
            found = apps[r.account][0]
        if found is not None:
            owner[r.id] = found
    owner.update(_chains(resources, set(owner)))
    return owner


def _parent(r: Resource, parents: frozenset[str], resources: Mapping[str, Resource]) -> str | None:
    """The one parent it names, else the nearest parent its id is nested under."""
    named = {d for d in r.depends_on if d in resources and resources[d].type.lower() in parents}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    path = r.id
    while path.count("/") > 3:
        path = path.rsplit("/", 2)[0]
        if path in resources and resources[path].type.lower() in parents:
            return path
    return None


def _chains(resources: Mapping[str, Resource], taken: set[str]) -> dict[str, str]:
    """Each connected chain of forwarding rules, proxies and URL maps is one balancer headed by
    its first forwarding rule (or its highest part when the file has no rule); a backend service
    or target pool joins the first chain that reaches it."""
    ranks = {
        rid: rank
        for rid, r in resources.items()
        if rid not in taken and (rank := _rank(r)) is not None
    }
    root = {rid: rid for rid in ranks}

    def find(rid: str) -> str:
        while root[rid] != rid:
            root[rid] = root[root[rid]]
            rid = root[rid]
        return rid

    for rid in sorted(ranks):
        for dep in resources[rid].depends_on:
            if dep in ranks:
                a, b = find(rid), find(dep)
                if a != b:
                    root[max(a, b)] = min(a, b)
    chains: dict[str, list[str]] = {}
    for rid in sorted(ranks):
        chains.setdefault(find(rid), []).append(rid)
    head_of: dict[str, str] = {}
    for members in chains.values():
        head = min(members, key=lambda m: (ranks[m], m))
        for m in members:
            head_of[m] = head
    owner = {rid: head for rid, head in head_of.items() if rid != head}
    for rid in sorted(resources):
        if rid in taken or resources[rid].type.lower() not in _BACKEND:
            continue
        reached = sorted(r for r in ranks if rid in resources[r].depends_on)
        if reached:
            owner[rid] = head_of[reached[0]]
    return owner


def take_parts(parent: Resource, parts: Sequence[Resource]) -> None:
    """What the parent carries from its parts: known storage sizes summed, a Bigtable instance's
    cluster nodes as its node count, the largest part's class when it reports none, listeners,
    and their summed figures when it has none and every part is priced in one currency."""
    a = parent.attributes
    sizes = [p.attributes.storage_gib for p in parts if p.attributes.storage_gib is not None]
    if sizes:
        a.storage_gib = (a.storage_gib or 0) + sum(sizes)
    nodes = [p for p in parts if p.type.lower() in _NODES]
    if nodes:
        a.node_count = max(a.node_count or 0, sum(p.attributes.node_count or 1 for p in nodes))
    listeners = {(x.port, x.protocol): x for p in parts for x in p.topology.listeners}
    if listeners:
        own = {(x.port, x.protocol): x for x in parent.topology.listeners}
        merged = {**listeners, **own}
        parent.topology.listeners = [merged[k] for k in sorted(merged)]
    take_figures(parent, parts, "parts'")


def take_figures(parent: Resource, children: Sequence[Resource], whose: str) -> None:
    """The largest child's class sizes the parent when it reports none, the first engine named is
    its engine, and the children's summed list prices are its cost when it has none and every
    child is priced in one currency (``whose`` names them in that figure's source)."""
    a = parent.attributes
    sized = [c for c in children if c.attributes.instance_type or c.attributes.vcpu]
    if not a.instance_type and sized:
        largest = max(
            sized, key=lambda c: (c.attributes.vcpu or 0, c.attributes.memory_gib or 0, c.id)
        )
        a.instance_type = largest.attributes.instance_type
        a.vcpu = a.vcpu or largest.attributes.vcpu
        a.memory_gib = a.memory_gib or largest.attributes.memory_gib
    a.engine = a.engine or next(
        (c.attributes.engine for c in children if c.attributes.engine), None
    )
    costs = [c.monthly_cost for c in children]
    if parent.monthly_cost is None and costs and all(costs):
        currencies = {c.currency for c in costs if c is not None}
        if len(currencies) == 1:
            parent.monthly_cost = MonthlyCost(
                amount=sum(c.amount for c in costs if c is not None),
                currency=currencies.pop(),
                source=f"sum of its {len(costs)} {whose} figures",
            )
