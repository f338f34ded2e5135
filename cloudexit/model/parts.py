"""Child resources that are parts of their parent, not units that move on their own.

Every source lists a service's children beside it: a BigQuery dataset's tables (and a project's
datasets, namespaces of its one warehouse), a Bigtable
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

_GCP_MANAGERS = frozenset(
    {
        "compute.googleapis.com/instancegroupmanager",
        "compute.googleapis.com/regioninstancegroupmanager",
    }
)
_GCP_BACKENDS = frozenset(
    {
        "compute.googleapis.com/backendservice",
        "compute.googleapis.com/regionbackendservice",
        "compute.googleapis.com/targetpool",
    }
)
_GCP_TLS_PROXIES = frozenset(
    {
        "compute.googleapis.com/targethttpsproxy",
        "compute.googleapis.com/regiontargethttpsproxy",
        "compute.googleapis.com/targetsslproxy",
    }
)
_TF_BACKENDS = frozenset(
    {
        "google_compute_backend_service",
        "google_compute_region_backend_service",
        "google_compute_target_pool",
    }
)
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
    "spanner.googleapis.com/database": frozenset({"spanner.googleapis.com/instance"}),
    "google_spanner_database": frozenset({"google_spanner_instance"}),
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
    "compute.googleapis.com/autoscaler": _GCP_MANAGERS,
    "google_compute_autoscaler": frozenset({"google_compute_instance_group_manager"}),
    # Azure bills an App Service plan; the web and function apps it runs cost nothing more
    "microsoft.web/sites": frozenset({"microsoft.web/serverfarms"}),
    **{
        app: frozenset({"azurerm_service_plan", "azurerm_app_service_plan"})
        for app in (
            "azurerm_app_service",
            "azurerm_function_app",
            "azurerm_linux_web_app",
            "azurerm_windows_web_app",
            "azurerm_linux_function_app",
            "azurerm_windows_function_app",
        )
    },
    # a VM extension is software its machine runs
    "microsoft.compute/virtualmachines/extensions": frozenset(
        {"microsoft.compute/virtualmachines"}
    ),
    "microsoft.compute/virtualmachinescalesets/extensions": frozenset(
        {"microsoft.compute/virtualmachinescalesets"}
    ),
    "azurerm_virtual_machine_extension": frozenset(
        {
            "azurerm_virtual_machine",
            "azurerm_linux_virtual_machine",
            "azurerm_windows_virtual_machine",
            "azurerm_linux_virtual_machine_scale_set",
            "azurerm_windows_virtual_machine_scale_set",
        }
    ),
    # an Octavia balancer's pools, their members and health monitors are the balancer
    "openstack_lb_pool_v2": frozenset({"openstack_lb_loadbalancer_v2", "openstack_lb_listener_v2"}),
    "openstack_lb_member_v2": frozenset({"openstack_lb_pool_v2"}),
    "openstack_lb_members_v2": frozenset({"openstack_lb_pool_v2"}),
    "openstack_lb_monitor_v2": frozenset({"openstack_lb_pool_v2"}),
    "os::octavia::pool": frozenset({"os::octavia::loadbalancer", "os::octavia::listener"}),
    "os::octavia::poolmember": frozenset({"os::octavia::pool"}),
}
# Settings a parent names (a backend service its health checks, a group manager its instance
# template, a TLS proxy its certificates): built with the first parent naming it, and kept as a
# reference (under the key given) on every parent naming it. Named by none, nothing here uses it.
_PROBE_UNUSED = (
    "that no backend service or target pool in this inventory uses it: nothing here is probed by it; "
    "a target balancer gets its own health check with the backends it checks"
)
_TEMPLATE_UNUSED = (
    "that no managed instance group in this inventory uses it: a machine recipe, not a machine; "
    "machines made from it are listed as instances"
)
NAMED_BY: dict[str, tuple[frozenset[str], str, str]] = {
    "compute.googleapis.com/healthcheck": (
        _GCP_BACKENDS,
        "health_checks",
        f"a health check {_PROBE_UNUSED}",
    ),
    "compute.googleapis.com/httphealthcheck": (
        _GCP_BACKENDS,
        "health_checks",
        f"a legacy HTTP health check {_PROBE_UNUSED}",
    ),
    "compute.googleapis.com/httpshealthcheck": (
        _GCP_BACKENDS,
        "health_checks",
        f"a legacy HTTPS health check {_PROBE_UNUSED}",
    ),
    "google_compute_health_check": (
        _TF_BACKENDS,
        "health_checks",
        f"a health check {_PROBE_UNUSED}",
    ),
    "compute.googleapis.com/instancetemplate": (
        _GCP_MANAGERS,
        "instance_templates",
        f"an instance template {_TEMPLATE_UNUSED}",
    ),
    "google_compute_instance_template": (
        frozenset(
            {
                "google_compute_instance_group_manager",
                "google_compute_region_instance_group_manager",
            }
        ),
        "instance_templates",
        f"an instance template {_TEMPLATE_UNUSED}",
    ),
    "compute.googleapis.com/sslcertificate": (
        _GCP_TLS_PROXIES,
        "certificates",
        (
            "a TLS certificate that no HTTPS or SSL proxy in this inventory serves: nothing here "
            "terminates TLS with it; a certificate is issued or imported again where it is served"
        ),
    ),
}
GUARDING_DETAILS = ("security_policy", "edge_security_policy", "security_policies")
"""Details naming the edge policies (Cloud Armor) that filter a backend service's clients."""
# the details in which a parent names its settings, beside depends_on
_NAMING_DETAILS = ("health_checks", "instance_template", "ssl_certificates")
# parts that name their parent, with what is said when the parent is not in the inventory
_UNPARENTED: dict[str, str] = {
    "compute.googleapis.com/autoscaler": "an autoscaler of {target}, which this inventory does "
    "not hold: nothing here is scaled by it",
    "google_compute_autoscaler": "an autoscaler of {target}, which this inventory does not "
    "hold: nothing here is scaled by it",
}
# GCP allows one App Engine application a project: its services and versions belong to it even
# when nothing names it (a Terraform version names its service by a plain string).
_ONE_A_PROJECT = frozenset(
    {"appengine.googleapis.com/application", "google_app_engine_application"}
)
# A BigQuery dataset is a namespace of tables, not a warehouse: a project's datasets in one
# location are parts of one warehouse (headed by the first by id), sized and priced once.
_ONE_WAREHOUSE = frozenset({"bigquery.googleapis.com/dataset", "google_bigquery_dataset"})
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
# a GCP chain's parts, as Cloud Asset and Terraform name them
PROXIES = frozenset(
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
URL_MAPS = frozenset(
    {
        "compute.googleapis.com/urlmap",
        "compute.googleapis.com/regionurlmap",
        "google_compute_url_map",
        "google_compute_region_url_map",
    }
)
BACKEND_SERVICES = frozenset(
    {
        "compute.googleapis.com/backendservice",
        "compute.googleapis.com/regionbackendservice",
        "google_compute_backend_service",
        "google_compute_region_backend_service",
    }
)
# a forwarding rule's target, but a set of backends, not a proxy
TARGET_POOLS = frozenset({"compute.googleapis.com/targetpool", "google_compute_target_pool"})
# backends join the chain that reaches them, but do not join two chains into one
_BACKEND = BACKEND_SERVICES | TARGET_POOLS


def _rank(resource: Resource) -> int | None:
    native = resource.type.lower()
    for rank, types in enumerate((_FRONT, PROXIES, URL_MAPS)):
        if native in types:
            return rank
    return None


def chain_rank(resource: Resource) -> int | None:
    """0 for a GCP forwarding rule, 1 for a target proxy or target instance, 2 for a URL map."""
    return _rank(resource)


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
    owner.update(
        {part: users[0] for part, users in named_users(resources).items() if part not in owner}
    )
    owner.update(_chains(resources, set(owner)))
    owner.update(_warehouses(resources, set(owner)))
    return owner


def _warehouses(resources: Mapping[str, Resource], taken: set[str]) -> dict[str, str]:
    """Each dataset -> the first dataset (by id) of its project and location, the warehouse's head."""
    groups: dict[tuple[str, str], list[str]] = {}
    for rid, r in resources.items():
        if rid not in taken and r.type.lower() in _ONE_WAREHOUSE:
            groups.setdefault((r.account, r.region), []).append(rid)
    found: dict[str, str] = {}
    for members in groups.values():
        head, *rest = sorted(members)
        found.update(dict.fromkeys(rest, head))
    return found


def named_users(resources: Mapping[str, Resource]) -> dict[str, list[str]]:
    """Id of each setting a parent names (NAMED_BY) -> the ids of the parents naming it, sorted."""
    users: dict[str, set[str]] = {}
    for r in resources.values():
        named = set(r.depends_on)
        for key in _NAMING_DETAILS:
            value = r.attributes.details.get(key)
            named.update(_named_id(v) for v in (value if isinstance(value, list) else [value]) if v)
        for ref in named:
            part = resources.get(ref) if isinstance(ref, str) else None
            spec = NAMED_BY.get(part.type.lower()) if part is not None else None
            if spec is not None and r.type.lower() in spec[0]:
                users.setdefault(ref, set()).add(r.id)
    return {part: sorted(found) for part, found in sorted(users.items())}


def unused_parts(resources: Mapping[str, Resource], owner: Mapping[str, str]) -> dict[str, str]:
    """Parts no resource of the inventory takes, each with why it is not planned on its own:
    a setting nothing names, an autoscaler of a group the inventory does not hold."""
    loose: dict[str, str] = {}
    for rid in sorted(resources):
        if rid in owner:
            continue
        native = resources[rid].type.lower()
        if native in NAMED_BY:
            loose[rid] = NAMED_BY[native][2]
        elif native in _UNPARENTED:
            target = resources[rid].attributes.details.get("target")
            what = f"{str(target).rstrip('/').rsplit('/', 1)[-1]!r}" if target else "no group"
            loose[rid] = _UNPARENTED[native].format(target=what)
    return loose


def keep_reference(parent: Resource, part: Resource) -> None:
    """A setting's facts on a parent that names it (its id, name and what the source says of it:
    a probe's port and path, a certificate's domains and expiry; never a key), under NAMED_BY's key."""
    spec = NAMED_BY.get(part.type.lower())
    if spec is None:
        return
    key = spec[1]
    facts: dict[str, object] = {"id": part.id, "name": part.name, **part.attributes.details}
    check = part.topology.health_check
    if check is not None:
        facts.update(check.model_dump(exclude_none=True))
    if part.attributes.instance_type:
        facts["machine_type"] = part.attributes.instance_type
    held = parent.attributes.details.get(key)
    kept = [x for x in (held if isinstance(held, list) else []) if _named_id(x) != part.id]
    parent.attributes.details[key] = sorted([*kept, facts], key=_named_id)


def _named_id(value: object) -> str:
    return str(value.get("id")) if isinstance(value, dict) else str(value)


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


# Links that make one balancer of what they join, whether or not the inventory holds what they
# name: a forwarding rule's target (an internal rule's backend service), a proxy's URL map or, for
# a TCP or SSL proxy, its backend service, which is that balancer's identity.
_JOINING = ("target", "backend_service", "url_map", "service")
# Every link of a chain, for saying which of them the inventory does not hold.
CHAIN_LINKS = (*_JOINING, "services", "backend_groups")


def chain_links(resource: Resource, keys: Sequence[str] = CHAIN_LINKS) -> list[str]:
    """The ids a GCP balancer part names under ``keys`` of its details, in order."""
    found: list[str] = []
    for key in keys:
        value = resource.attributes.details.get(key)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and v and v not in found:
                found.append(v)
    return found


def _chains(resources: Mapping[str, Resource], taken: set[str]) -> dict[str, str]:
    """Each connected chain of forwarding rules, proxies and URL maps is one balancer headed by
    its first forwarding rule (or its highest part when the file has no rule); parts naming the
    same target, URL map or proxy backend service are one chain even when the inventory does not
    hold it. A backend service or target pool joins the first chain that reaches it."""
    ranks = {
        rid: rank
        for rid, r in resources.items()
        if rid not in taken and (rank := _rank(r)) is not None
    }
    root: dict[str, str] = {}

    def find(rid: str) -> str:
        root.setdefault(rid, rid)
        while root[rid] != rid:
            root[rid] = root[root[rid]]
            rid = root[rid]
        return rid

    for rid in sorted(ranks):
        r = resources[rid]
        linked = [d for d in r.depends_on if d in ranks]
        linked += [ref for ref in chain_links(r, _JOINING) if ref not in taken]
        for dep in linked:
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


UNHELD = "links_not_in_inventory"
"""Detail key: the ids a balancer's chain names that the inventory does not hold."""
UNKNOWN_AT_PLAN = "links_unknown_at_plan"
"""Detail key: the links of a planned chain ('url_map of web-proxy') unknown until the plan is
applied, which no reference of its configuration resolves: the chain is not joined there."""
BACKENDS_UNKNOWN_AT_PLAN = "backends_unknown_at_plan"
"""Detail key: a planned backend set's links to its backends ('instances of web-pool') unknown
until the plan is applied, which no reference of its configuration resolves."""


def _tail(ref: str) -> str:
    return ref.rstrip("/").rsplit("/", 1)[-1].lower()


def note_unheld_links(resources: Mapping[str, Resource]) -> None:
    """Each GCP balancer part names, under ``UNHELD``, the links of its chain (target proxy, URL
    map, backend service, instance group) the inventory does not hold: the balancer built from
    it lacks what they hold, and says so. A link is held as the importers resolve it: by its id,
    or by a last segment that names exactly one resource (a zonal and a regional spelling of one
    instance group, a group by its manager)."""
    tails: dict[str, int] = {}
    for rid in resources:
        tails[_tail(rid)] = tails.get(_tail(rid), 0) + 1
    for r in resources.values():
        if _rank(r) is None and r.type.lower() not in _BACKEND:
            continue
        unheld = sorted(
            ref for ref in chain_links(r) if ref not in resources and tails.get(_tail(ref), 0) != 1
        )
        if unheld:
            r.attributes.details[UNHELD] = unheld


def take_parts(parent: Resource, parts: Sequence[Resource]) -> None:
    """What the parent carries from its parts: known storage sizes summed, a Bigtable instance's
    cluster nodes as its node count, the largest part's class when it reports none, a health
    check's probe and a backend's port when it has none, an autoscaler's policy, listeners, and their summed figures
    when it has none and every part is priced in one currency."""
    a = parent.attributes
    sizes = [p.attributes.storage_gib for p in parts if p.attributes.storage_gib is not None]
    if sizes:
        a.storage_gib = (a.storage_gib or 0) + sum(sizes)
    nodes = [p for p in parts if p.type.lower() in _NODES]
    if nodes:
        a.node_count = max(a.node_count or 0, sum(p.attributes.node_count or 1 for p in nodes))
    if parent.topology.health_check is None:
        parent.topology.health_check = next(
            (p.topology.health_check for p in parts if p.topology.health_check), None
        )
    if parent.topology.target_port is None:
        parent.topology.target_port = next(
            (p.topology.target_port for p in parts if p.topology.target_port), None
        )
    scaled = [p.attributes.details for p in parts if p.type.lower() in _UNPARENTED]
    if scaled:
        a.details["autoscaling"] = {
            k: v
            for k, v in scaled[0].items()
            if k in ("min_replicas", "max_replicas", "cpu_target", "mode")
        }
    # the edge policies (Cloud Armor) guarding a backend service guard the balancer taking it
    guards = {
        ref
        for r in (parent, *parts)
        for key in GUARDING_DETAILS
        for ref in guarding(r.attributes.details.get(key))
    }
    if guards:
        a.details["security_policies"] = sorted(guards)
    for key in (UNHELD, UNKNOWN_AT_PLAN, BACKENDS_UNKNOWN_AT_PLAN):
        found = {ref for r in (parent, *parts) for ref in strings_of(r.attributes.details.get(key))}
        if found:
            a.details[key] = sorted(found)
    listeners = {(x.port, x.protocol): x for p in parts for x in p.topology.listeners}
    if listeners:
        own = {(x.port, x.protocol): x for x in parent.topology.listeners}
        merged = {**listeners, **own}
        parent.topology.listeners = [merged[k] for k in sorted(merged)]
    dialects = sorted(
        {str(d).upper() for p in parts if (d := p.attributes.details.get("database_dialect"))}
    )
    if dialects:
        a.details["database_dialects"] = dialects
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


def guarding(value: object) -> list[str]:
    """One policy id or a list of them, as a list."""
    return [value] if isinstance(value, str) else strings_of(value)


def strings_of(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
