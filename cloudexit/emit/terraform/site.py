"""What one target site (provider + region) holds, resolved for the templates.

Every placed resource becomes an Item with an HCL name, a target name, the resource type
its template writes, and references to the items it uses (subnet, security groups,
volumes, public IPs, cluster, backends), so templates only wire names together.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from cloudexit.catalog.boot import flavour_disk_gib, load_boot_volumes
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Product
from cloudexit.catalog.versions import decide as decide_version
from cloudexit.emit.escape import hcl_string
from cloudexit.emit.terraform.addressing import Move
from cloudexit.emit.terraform.db_access import LooseGroup
from cloudexit.emit.terraform.edge_policies import Acl, EdgePolicy
from cloudexit.emit.terraform.firewall import GroupRule, TargetRule, Translation
from cloudexit.emit.terraform.function_entry import source_handler, source_timeout_s
from cloudexit.emit.terraform.probes import writes_monitor
from cloudexit.emit.terraform.subnet_choice import SUBNET_TYPES, Pick, own_network, pick
from cloudexit.emit.terraform.tags import LeftTag, carry
from cloudexit.emit.terraform.targets import (
    DEFAULT_TYPES,
    POOLED_GROUP_TYPES,
    REPLICA_TYPES,
    VOLUME_HOSTS,
)
from cloudexit.errors import InputError
from cloudexit.model.attachments import VOLUME_OWNERS
from cloudexit.model.boot_disks import boot_gib, root_gib
from cloudexit.model.bucket_access import encryption, public_note
from cloudexit.model.bucket_names import BUCKET_RULE, bucket_name, versioned
from cloudexit.model.data_disks import (
    BOOT_REST,
    DataDisk,
    inline_data_gib,
    written_data_disks,
)
from cloudexit.model.firewall_rules_held import AMBIGUOUS_GROUPS, UNHELD_GROUPS
from cloudexit.model.inventory import Attributes, Resource
from cloudexit.model.kinds import DATA_KINDS, Kind
from cloudexit.model.plan import EngineVersionChoice, Option, Placement
from cloudexit.model.topology import HealthCheck, Topology
from cloudexit.optimise.address_hosts import SERVER_ADDRESS, Role, kept_by_server, neighbours, role
from cloudexit.optimise.ceilings import AUTOSCALED, ceiling_monthly
from cloudexit.optimise.inspection import tier

if TYPE_CHECKING:
    from cloudexit.emit.terraform.routes import ApplianceRoute

# Kinds that need a private network at the site.
NETWORKED = {
    Kind.VM,
    Kind.VM_GROUP,
    Kind.KUBERNETES_CLUSTER,
    Kind.KUBERNETES_NODE_POOL,
    Kind.POSTGRESQL,
    Kind.MYSQL,
    Kind.MARIADB,
    Kind.REDIS,
    Kind.DOCUMENT,
    Kind.LOAD_BALANCER,
    Kind.SQLSERVER,
    Kind.ORACLE,
}
NETWORK_KINDS = {Kind.NETWORK, Kind.SUBNET}
# Servers whose self-managed data is written on a volume of its own, of the block-storage product
# it is priced on, beside the boot volume mappings/boot-volumes.yaml prices.
DATA_VOLUMES = {"ionoscloud_server": "ionoscloud_volume"}
BUCKET_TYPES = frozenset(
    {"ionoscloud_s3_bucket", "ovh_cloud_project_storage", "scaleway_object_bucket"}
)
"""Types whose name is a bucket's address: written as the source has it where it is valid."""
SERVICE_DATA_VOLUMES = {**DATA_VOLUMES, "ovh_cloud_instance": "ovh_cloud_storage_block_volume"}
"""Servers whose self-managed service's data (not a machine's inline disks) is written on a
volume of its own; where none is named the server's root volume grows by it (Scaleway,
OpenNebula)."""
ROOT_GIB = 20
"""GB of a server's root volume where the source names no boot disk and the target has no entry
in ``mappings/boot-volumes.yaml``."""
MIGRATED_IMAGES = {
    "scaleway": ("migrated_images", "string"),
    "ionos": ("migrated_images", "string"),
    "ovhcloud": ("migrated_image_ids", "string"),
    "opennebula": ("migrated_image_ids", "number"),
}
"""Per target, the variable mapping each machine's name to the image imported from its source
boot disk, and its value type (the server's image argument's)."""
MACHINE_TYPES = frozenset(
    {
        "ionoscloud_server",
        "opennebula_virtual_machine",
        "ovh_cloud_instance",
        "scaleway_instance_server",
    }
)
"""Types whose template writes one resource per machine (``Item.machines``)."""
COPIED = "copied here: resources placed at this site use it"
APPLIANCES = {
    "firewall": "firewall appliance (OPNsense, pfSense or similar) enforcing the perimeter of "
    "the managed firewall it replaces: boots the image its firewall_appliance_image variable "
    "names; its rules, routes through it and a second one for high availability are set up by "
    "hand (runbook)",
    "resolver": "DNS resolver (Unbound, CoreDNS or similar) serving the private zone's records "
    "to the private network only, never published on the internet: install it and load the "
    "records by hand, then point the network's machines at its address (runbook)",
}
"""What an appliance server runs, for the comment above it."""
GROUP_HOLDERS = MACHINE_TYPES | {"ionoscloud_cube_server"}
"""Types whose template attaches the security groups of the resource it writes."""
ONE_GROUP_PROVIDERS = frozenset({"scaleway"})
"""Targets whose servers take one security group (a Scaleway instance's security_group_id)."""


@lru_cache(maxsize=1 << 16)
def slug(text: str, limit: int = 63) -> str:
    """A target-side name: lower case letters, digits and dashes."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "resource"
    if not value[0].isalpha():
        value = f"r-{value}"
    if len(value) <= limit:
        return value
    # Cut names would clash where two differ only past the cut (two buckets sharing a long
    # prefix): a short hash of the whole text keeps them apart, the same on every run.
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{value[: limit - len(digest) - 1].rstrip('-')}-{digest}"


def identifier(text: str) -> str:
    return slug(text, 60).replace("-", "_")


@dataclass
class Subnet:
    local: str
    name: str
    cidr: str
    network: Network
    source: Resource | None = None
    index: int = 0

    @property
    def block(self) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
        return ipaddress.ip_network(self.cidr, strict=False)

    def host(self, n: int) -> str:
        return str(self.block.network_address + n)

    @property
    def pool(self) -> tuple[int, int]:
        """(first host, how many) of the addresses machines are given: from the eleventh, the
        last ten kept free, where the subnet has room (/27 and wider); else every host after
        the network address and the gateway, the broadcast address left out."""
        return pool_of(self.block)


def pool_of(net: ipaddress.IPv4Network | ipaddress.IPv6Network) -> tuple[int, int]:
    if net.num_addresses >= 32:
        return 10, net.num_addresses - 20
    if net.num_addresses >= 4:
        return 2, net.num_addresses - 3
    return 0, net.num_addresses


@dataclass
class Network:
    local: str
    name: str
    cidr: str | None
    source: Resource | None = None
    subnets: list[Subnet] = field(default_factory=list)
    cloud: str | None = None
    """The source cloud a site network was made for, where no network of that cloud lands here
    (``subnet_choice.own_network``); None for a source network's copy or the shared site network."""


@dataclass
class Item:
    local: str
    name: str
    resource: Resource
    option: Option
    rtype: str
    product: Product | None
    note: str | None = None
    subnet: Subnet | None = None
    subnet_note: str | None = None
    """Why this subnet, where the source names none and the site left a choice (``subnet_choice``)."""
    security_groups: list[Item] = field(default_factory=list)
    volumes: list[Item] = field(default_factory=list)
    public_ips: list[Item] = field(default_factory=list)
    attached_to: Item | None = None
    on_server: bool = False
    """A public address the server it attaches to carries on a public interface of its own
    (``SERVER_ADDRESS``): no address resource of its own is written."""
    cluster: Item | None = None
    primary: Item | None = None
    """The database this one is a read replica of (``replica_of``), where it is written here."""
    backends: list[Item] = field(default_factory=list)
    backend_port: int | None = None
    behind_load_balancer: bool = False
    kept_address: str | None = None
    """The fixed private address of the source interface its first machine keeps, where the
    target reserves it (``fixed_addresses``)."""
    kept_from: str = ""
    """The name of the source interface that held ``kept_address``."""
    secret_local: str = ""
    output: str = ""
    health_check_path: str | None = None
    health_check: HealthCheck | None = None
    """The source's probe of the balancer's backends, whole (see ``probes``)."""
    index: int = 0
    firewall: Translation | None = None
    members: list[Item] = field(default_factory=list)
    """The source groups a combined group holds the rules of (see ``combine_groups``)."""
    layers: list[list[Item]] = field(default_factory=list)
    """Groups a packet must pass one after the other (an Azure VM's NIC NSGs, then its subnet
    NSGs): the group holds only what every layer allows (see ``layer_groups``)."""
    version: EngineVersionChoice | None = None
    """The engine version the plan chose for a managed database, cache or cluster."""
    storage: Product | None = None
    """The block-storage product the plan priced the data on (``Option.storage_product``)."""
    data_local: str = ""
    """Local name of the data volume written beside the server, where one is."""
    machine_locals: list[str] = field(default_factory=list)
    """Site-unique local names of the machines after the first (see ``reserve_machines``)."""
    data_locals: list[str] = field(default_factory=list)
    """Site-unique local names of the data volumes of the machines after the first."""
    spare: list[int] = field(default_factory=list)
    """Site-unique address offsets of the machines after the first (see ``machine_ips``)."""
    disk_volumes: list[list[Item]] = field(default_factory=list)
    """Per machine, the block volumes its inline data disks are written as (``data_disks``)."""
    machine: int = 0
    """Of the server it is attached to, the machine a data-disk volume belongs to."""
    appliance: str | None = None
    """What this server runs for a service no target sells (``APPLIANCES``): a firewall
    appliance, written beside its firewall's security group; a DNS resolver for a private zone."""
    access: list[str] = field(default_factory=list)
    """Source ranges a managed database's own access list admits (``db_access``)."""
    unused: bool = False
    """A security group nothing written at its site uses."""
    edge_acls: list[Acl] = field(default_factory=list)
    """A balancer's client ACLs, from the edge policy guarding its backends (``edge_policies``)."""
    allowed_cidrs: list[str] = field(default_factory=list)
    """A balancer's client allow list, from the edge policy guarding its backends."""
    edge_policy: str | None = None
    """The name of the edge policy whose rules a balancer carries."""

    @property
    def written_disks(self) -> list[DataDisk]:
        """The disks written as volumes beside this machine's server (``model.data_disks``): its
        inline data disks, and the rest of a boot disk its flavour's own disk does not hold."""
        flavour = flavour_disk_gib(self.option.provider, self.rtype, self.product)
        return written_data_disks(self.resource, flavour)

    def volumes_of(self, n: int) -> list[Item]:
        """The volumes machine ``n`` mounts: the inventory's volumes on the first machine, and
        each machine's own data disks."""
        own = self.disk_volumes[n] if n < len(self.disk_volumes) else []
        return [*(self.volumes if not n else []), *own]

    @property
    def host_address(self) -> str:
        """The server (the machine of it) this volume is attached to."""
        assert self.attached_to is not None
        return self.attached_to.machine_address(self.machine)

    @property
    def kind(self) -> str:
        return self.resource.kind.value

    @property
    def renamed(self) -> str | None:
        """Why a bucket's name differs from the source's, for the comment above it."""
        r = self.resource
        if r.kind is not Kind.OBJECT_BUCKET or self.name == r.name:
            return None
        return (
            f"renamed from {r.name}: {BUCKET_RULE}; clients, policies and copy jobs must use "
            "the new name"
        )

    @property
    def versioned(self) -> bool:
        return self.resource.kind is Kind.OBJECT_BUCKET and versioned(self.resource)

    @property
    def encrypted(self) -> str | None:
        """The source bucket's default encryption, where it has one (``bucket_access``)."""
        return encryption(self.resource) if self.resource.kind is Kind.OBJECT_BUCKET else None

    @property
    def public_note(self) -> str | None:
        """Why a bucket open to the public at the source is written private (``bucket_access``)."""
        return public_note(self.resource) if self.resource.kind is Kind.OBJECT_BUCKET else None

    @property
    def probe(self) -> HealthCheck | None:
        """The source's probe where the balancer's Terraform writes one, else None."""
        return (
            self.health_check if writes_monitor(self.option.provider, self.health_check) else None
        )

    @property
    def address(self) -> str:
        return f"{self.rtype}.{self.local}"

    @property
    def vcpu(self) -> int:
        spec = self.product.specs.vcpu if self.product else None
        value = spec or self.resource.attributes.vcpu or 1
        return max(1, round(value))

    @property
    def memory_gib(self) -> int:
        spec = self.product.specs.memory_gib if self.product else None
        value = spec or self.resource.attributes.memory_gib or 1
        return max(1, round(value))

    @property
    def storage_gib(self) -> int:
        value = (
            self.resource.attributes.storage_gib
            or self.option.assumed_storage_gib
            or (self.product.specs.storage_gib if self.product else None)
        )
        return max(1, round(value or 10))

    @property
    def size_note(self) -> str | None:
        """Why the data volume has the size it has, when the source did not report one."""
        gib = self.option.assumed_storage_gib
        if gib is None or self.resource.attributes.storage_gib is not None:
            return None
        return (
            f"data size not reported by the source: {gib:g} GiB assumed and priced "
            "(running_costs.assumed_data_gib in the policy); set the real size before applying"
        )

    @property
    def windows(self) -> bool:
        """The product's price includes a Windows licence, so the machine boots a Windows image."""
        return self.product is not None and self.product.specs.os == "windows"

    @property
    def replicas(self) -> int:
        """Nodes the plan priced: 2 or more for an HA or multi-node source."""
        return max(1, self.option.replicas)

    @property
    def machines(self) -> int:
        """Servers the template writes: each node of a machine group, each replica of an HA
        machine."""
        if self.resource.kind == Kind.VM_GROUP:
            return self.node_count * self.replicas
        return self.replicas

    @property
    def pooled(self) -> int:
        """Of ``machines``, those a balancer in front of it sends to: a group's every machine,
        a single machine's first (its replica stands by)."""
        return self.machines if self.resource.kind == Kind.VM_GROUP else 1

    def machine_local(self, n: int) -> str:
        return self.machine_locals[n - 1] if n else self.local

    def machine_data_local(self, n: int) -> str:
        return self.data_locals[n - 1] if n else self.data_local

    def reserve_machines(self, unique: Callable[[str, str], str]) -> None:
        """Take a site-unique local name for each machine after the first, and for its data
        volume: another resource may already be called what a joined suffix would give."""
        if self.rtype not in MACHINE_TYPES:
            return
        word = self._machine_word
        self.machine_locals = [
            unique(f"{self.local}_{word}_{n}", self.rtype) for n in range(1, self.machines)
        ]
        if self.data_local:
            self.data_locals = [
                unique(f"{self.data_local}_{word}_{n}", self.data_volume_type or "")
                for n in range(1, self.machines)
            ]

    def machine_name(self, n: int) -> str:
        return self.name + (f"-{self._machine_word}-{n}" if n else "")

    def machine_address(self, n: int) -> str:
        return f"{self.rtype}.{self.machine_local(n)}"

    @property
    def _machine_word(self) -> str:
        return "node" if self.resource.kind == Kind.VM_GROUP else "replica"

    @property
    def data_gib(self) -> int:
        """Disk a self-managed service on a VM needs beyond the system disk, as priced (a data
        kind's, or any whose placement priced storage: a Dataproc cluster's disks); on a server
        written with a data volume of its own, a machine's inline data disks."""
        if self.resource.kind in (Kind.VM, Kind.VM_GROUP):
            return round(inline_data_gib(self.resource)) if self.rtype in DATA_VOLUMES else 0
        if self.option.fidelity != "self_managed" or not (
            self.resource.kind in DATA_KINDS or self.option.costs.get("storage")
        ):
            return 0
        return round(self.resource.attributes.storage_gib or self.option.assumed_storage_gib or 0)

    @property
    def data_volume_type(self) -> str | None:
        """The volume type the data is written on beside the server, where it is one."""
        if self.resource.kind in (Kind.VM, Kind.VM_GROUP):
            return DATA_VOLUMES.get(self.rtype)
        return SERVICE_DATA_VOLUMES.get(self.rtype)

    @property
    def merged_note(self) -> str | None:
        """For a cluster of several machines written as one server: what was merged."""
        groups = self.resource.attributes.details.get("groups")
        if self.resource.kind is not Kind.DATA_PROCESSING or not isinstance(groups, list):
            return None
        nodes = sum(int(g.get("count") or 0) for g in groups if isinstance(g, dict))
        if nodes < 2 or self.machines > 1:
            return None
        parts = [
            f"{g.get('role')} {g.get('count')} x {g.get('machine_type') or 'unknown type'}"
            + (f" with a {g['disk_gib']:g} GB disk each" if g.get("disk_gib") else "")
            for g in groups
            if isinstance(g, dict)
        ]
        a = self.resource.attributes
        size = f" ({a.vcpu:g} vCPU, {a.memory_gib:g} GiB)" if a.vcpu and a.memory_gib else ""
        disk = (
            f", with one data volume of {self.data_gib} GB for their disks" if self.data_gib else ""
        )
        return (
            f"its {nodes} machines ({'; '.join(parts)}) are priced and written as one server "
            f"({self.option.product or self.rtype}) sized for their sum{size}{disk}: run the "
            "jobs on it (Spark standalone), or split it into one server per machine by hand"
        )

    @property
    def engine_version(self) -> str | None:
        return self.resource.attributes.engine_version

    @property
    def target_version(self) -> str | None:
        """The version the target offers for this resource (see ``catalog.versions``); None when
        the catalogue holds no version facts for the target service."""
        return self.version.version if self.version else None

    @property
    def version_note(self) -> str | None:
        """Why the version differs from the source's, for a comment beside it."""
        if self.version is None or self.version.status in ("same", "self_managed"):
            return None
        return self.version.note

    @property
    def install_note(self) -> str | None:
        """The engine and version a self-managed database or cache installs on this VM, or what
        an appliance server runs."""
        if self.appliance is not None:
            return APPLIANCES[self.appliance]
        if self.version is None or self.option.fidelity != "self_managed":
            return None
        return self.version.note

    @property
    def function_handler(self) -> str | None:
        """The source function's handler, where the target reads it the same way."""
        return source_handler(self.resource)

    @property
    def unread_handler(self) -> str | None:
        """The source function's handler where the target cannot take it as it is."""
        given = self.resource.attributes.details.get("handler")
        return str(given) if given and not self.function_handler else None

    @property
    def function_timeout_s(self) -> int | None:
        return source_timeout_s(self.resource)

    @property
    def network_default_group(self) -> bool:
        """The machine keeps OpenNebula's default security group (ID 0, which admits all
        traffic) on its interface: its source named no security group, and the group a network
        written here carries admits nothing (``Site.closed_group``). A firewall appliance, and a
        machine whose source groups could not be written or are not in the inventory, are left
        with that closed group; a private zone's resolver keeps group 0, as its network gave it."""
        topology = self.resource.topology
        details = self.resource.attributes.details
        return (
            not self.security_groups
            and self.appliance != "firewall"
            and not topology.security_groups
            and not topology.subnet_security_groups
            and not details.get(UNHELD_GROUPS)
            and not details.get(AMBIGUOUS_GROUPS)
        )

    @property
    def own_image(self) -> bool:
        """The server boots an image the user names (``var.firewall_appliance_image``): no
        target offers a firewall appliance image of its own, so none is guessed, and nothing is
        injected into it (no SSH key, no user data: the appliance is set up from its console)."""
        return self.appliance == "firewall"

    @property
    def root_gib(self) -> int:
        """GB of the root volume each machine is written with, as priced
        (``mappings/boot-volumes.yaml``): the source machine's boot disk where it states one."""
        boot = load_boot_volumes().for_server(self.option.provider, self.rtype)
        return boot.root_of(self.resource) if boot else root_gib(self.resource, ROOT_GIB)

    @property
    def boots_migrated(self) -> bool:
        """The machine boots the image exported from its source boot disk (``model.boot_disks``),
        which the user imports and names per machine (``MIGRATED_IMAGES``), as the runbook's
        method for a machine says. A running machine has a boot disk even where the export names
        none (an OpenStack server state holding only its id): its content is what moves, so it is
        never swapped for a fresh OS image; only a machine a Terraform plan would create boots
        one."""
        r = self.resource
        return r.kind is Kind.VM and not r.planned and not self.own_image

    @property
    def migrated_image(self) -> str:
        """The HCL reference to the machine's own imported image."""
        variable = MIGRATED_IMAGES[self.option.provider][0]
        return f"var.{variable}[{hcl_string(self.name)}]"

    @property
    def boot_note(self) -> str | None:
        """Why the machine boots an image of its own, for a comment beside it."""
        if not self.boots_migrated:
            return None
        found = boot_gib(self.resource)
        flavour = flavour_disk_gib(self.option.provider, self.rtype, self.product)
        if found and flavour and found > flavour:
            # the flavour's disk cannot grow: an image larger than it does not boot
            size = (
                f"{found:g} GB: shrink it to fit the flavour's {flavour:g} GB disk before the "
                f"export and move the rest onto the {BOOT_REST} volume"
            )
        elif found:
            size = f"{found:g} GB, the root volume's size"
        else:
            size = "its size not reported: set the root volume's to it"
        return (
            f"boots the image exported from its source boot disk ({size}), imported on the "
            "target (runbook, compute.vm)"
        )

    @property
    def node_disk_gib(self) -> int | None:
        """GB of the disk each node of a Kubernetes pool is written with, as priced
        (``mappings/boot-volumes.yaml``): the source node's."""
        boot = load_boot_volumes().for_server(self.option.provider, self.rtype)
        if boot is None or not boot.follows_source:
            return None
        return boot.size_for(self.resource.attributes.storage_gib)

    @property
    def node_count(self) -> int:
        return max(1, self.resource.attributes.node_count or int(self.option.quantity or 1) or 1)

    @property
    def scaling(self) -> tuple[int, int] | None:
        """The autoscaling bounds the source sets for a node pool, written as they are; None
        for a fixed pool, written at the size priced (``node_count``) with autoscaling off."""
        a = self.resource.attributes
        if a.min_nodes is None or a.max_nodes is None:
            return None
        return min(a.min_nodes, self.node_count), max(a.max_nodes, self.node_count)

    @property
    def pool_note(self) -> str | None:
        """For the README: the size a node pool is written at, and what it may cost at its
        ceiling when it autoscales."""
        if self.resource.kind != Kind.KUBERNETES_NODE_POOL or self.rtype not in AUTOSCALED:
            return None
        priced = f"EUR {self.option.monthly_cost} a month"
        found = ceiling_monthly(self.option, self.resource)
        if self.scaling is None or found is None:
            return f"{self.node_count} nodes, autoscaling off: the size priced ({priced})"
        low, high = self.scaling
        return (
            f"autoscales from {low} to {high} nodes, as its source does: priced at "
            f"{self.node_count} nodes ({priced}), up to EUR {found[2]} a month at {high} nodes"
        )

    @property
    def trace(self) -> str:
        """One line naming the source resource, for descriptions and comments."""
        r = self.resource
        return f"cloudexit: from {r.provider} {r.type} {r.id}"

    @cached_property
    def _carried(self) -> tuple[dict[str, str], list[LeftTag]]:
        own = {"cloudexit-source": slug(f"{self.resource.provider}-{self.resource.name}", 60)}
        return carry(self.rtype, dict(self.resource.tags), own)

    @property
    def tags(self) -> dict[str, str]:
        """The source's tags as written, whole, with cloudexit's trace tag (see ``tags``)."""
        return self._carried[0]

    @property
    def tags_left(self) -> list[LeftTag]:
        """Source tags the target's tag argument cannot hold: kept as comments."""
        return self._carried[1]

    @property
    def rules(self) -> list[TargetRule]:
        """The security group's rules as the target writes them (see ``firewall.translate``)."""
        return self.firewall.rules if self.firewall else []

    @property
    def group_rules(self) -> list[GroupRule]:
        """Rules naming another group written at the site (see ``group_peers``)."""
        return self.firewall.group_rules if self.firewall else []

    @property
    def zone_name(self) -> str:
        return str(self.resource.topology.zone_name or self.resource.name).rstrip(".").lower()

    @property
    def records(self) -> list[dict[str, Any]]:
        """DNS records, one per value, names relative to the zone ('' for the apex)."""
        zone = self.zone_name
        rows: list[dict[str, Any]] = []
        for record in self.resource.topology.records:
            name = record.name.rstrip(".").lower()
            if name in ("@", zone):
                name = ""
            elif name.endswith("." + zone):
                name = name[: -len(zone) - 1]
            for n, value in enumerate(sorted(record.values)):
                local = identifier(f"{name or 'apex'}-{record.type.lower()}-{n + 1}")
                rows.append(
                    {
                        "local": local,
                        "name": name,
                        "type": record.type.upper(),
                        "ttl": record.ttl or 3600,
                        "value": value,
                    }
                )
        # Different names can make the same identifier (both slug to "resource"): number them.
        rows.sort(key=lambda r: (r["local"], r["name"], r["type"], r["value"]))
        taken: set[str] = set()
        for row in rows:
            base, n = row["local"], 2
            while row["local"] in taken:
                row["local"], n = f"{base}_{n}", n + 1
            taken.add(row["local"])
        return sorted(rows, key=lambda r: r["local"])

    @property
    def listeners(self) -> list[dict[str, Any]]:
        """Listeners with the port their backends take: the listener's own (a classic ELB's
        instance port, an Azure rule's backend port), else an HTTP target group's, else the
        same port. ``key`` names the listener's resources apart (TCP and UDP on one port)."""
        rows = []
        for listener in self.resource.topology.listeners:
            protocol = listener.protocol.upper()
            group_port = self.backend_port if protocol == "HTTP" else None
            rows.append(
                {
                    "port": listener.port,
                    "protocol": protocol,
                    "backend_port": listener.target_port or group_port or listener.port,
                }
            )
        rows.sort(key=lambda r: (r["port"], r["protocol"]))
        shared = {r["port"] for r in rows if sum(o["port"] == r["port"] for o in rows) > 1}
        for row in rows:
            row["key"] = (
                f"{row['port']}-{identifier(str(row['protocol']))}"
                if row["port"] in shared
                else str(row["port"])
            )
        return rows

    @property
    def fixed_ip(self) -> str:
        """A fixed private address in this item's subnet, unique in the site."""
        assert self.subnet is not None
        net = ipaddress.ip_network(self.subnet.cidr, strict=False)
        start, size = pool_of(net)
        return str(net.network_address + start + self.index % size)

    @property
    def machine_ips(self) -> list[str]:
        """A fixed private address per machine written, unique in the site; the first is the
        source's kept address (``fixed_addresses``), else ``fixed_ip``."""
        assert self.subnet is not None
        net = ipaddress.ip_network(self.subnet.cidr, strict=False)
        start, size = pool_of(net)
        first = self.kept_address or self.fixed_ip
        return [first, *(str(net.network_address + start + o % size) for o in self.spare)]

    @property
    def fixed_cidr(self) -> str:
        assert self.subnet is not None
        return f"{self.fixed_ip}/{ipaddress.ip_network(self.subnet.cidr, strict=False).prefixlen}"

    @property
    def tag_list(self) -> list[str]:
        return [f"{k}={v}" for k, v in self.tags.items()]


@dataclass
class Skipped:
    resource: Resource
    provider: str
    reason: str


@dataclass
class Site:
    provider: str
    region: str
    zone: str
    location: str
    items: list[Item] = field(default_factory=list)
    networks: list[Network] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    blocks: list[tuple[ipaddress.IPv4Network, ipaddress.IPv4Network]] = field(default_factory=list)
    """Each source block of a network written here and the block it has here (moved or not):
    a rule naming a source range means this site's copy of it."""
    edge_policies: list[EdgePolicy] = field(default_factory=list)
    """Cloud Armor policies placed here: not written as groups (``edge_policies``)."""
    loose_groups: list[LooseGroup] = field(default_factory=list)
    """Source groups not written here: only resources taking no security group used them."""
    strays: list[tuple[str, str]] = field(default_factory=list)
    """Balancers with none of their members here, by name: each member and where it went."""
    shared_ips: list[tuple[str, str, list[str]]] = field(default_factory=list)
    """Public addresses several servers here name: the address, the server it is written on,
    the others (Terraform addresses), which are written without one."""
    split: list[tuple[str, str]] = field(default_factory=list)
    """Balancers fronting their members here while others run at other sites, by name: each
    member elsewhere and where it went."""
    routes: list[ApplianceRoute] = field(default_factory=list)
    """Routes the source sends through a firewall whose appliance is written here."""
    propagation: dict[str, bool] = field(default_factory=dict)
    """Private networks (local names) that do or do not take the default routes written here."""
    closed_group: str | None = None
    """OpenNebula: the local name of the group every network written here carries instead of
    the default group (ID 0), which OpenNebula adds to each new network and which admits all
    traffic whatever a machine's own groups say."""

    @property
    def vpc_routes(self) -> list[ApplianceRoute]:
        """One written route per local name (the subnets of one VPC share it)."""
        return list({r.local: r for r in self.routes if r.reason is None}.values())

    @property
    def hand_routes(self) -> list[ApplianceRoute]:
        return [r for r in self.routes if r.reason is not None]

    @property
    def unpooled(self) -> list[tuple[str, list[str]]]:
        """Balancers written with no listener, so with no pool, by name: their backends here,
        which no pool holds."""
        return [
            (i.resource.name, [b.resource.name for b in i.backends])
            for i in self.items
            if i.resource.kind == Kind.LOAD_BALANCER and i.backends and not i.listeners
        ]

    @property
    def short_region(self) -> str:
        """City letters of a numbered region code (GRA11 -> GRA); other codes unchanged."""
        match = re.fullmatch(r"([A-Za-z]+)\d+", self.region)
        return match.group(1) if match else self.region

    @property
    def subnets(self) -> list[Subnet]:
        return [s for n in self.networks for s in n.subnets]

    @property
    def one_group(self) -> bool:
        return self.provider in ONE_GROUP_PROVIDERS

    @property
    def has_windows(self) -> bool:
        return any(i.windows for i in self.items)

    @property
    def migrated_images(self) -> tuple[str, str] | None:
        """The variable and its value type naming, per machine, the image imported from its
        source boot disk, where a server here boots one."""
        if not any(i.boots_migrated for i in self.items):
            return None
        return MIGRATED_IMAGES[self.provider]

    @property
    def has_own_image(self) -> bool:
        """A server here boots an image the user must name (a firewall appliance's)."""
        return any(i.own_image for i in self.items)

    def of_kind(self, *kinds: str) -> list[Item]:
        return [i for i in self.items if i.kind in kinds]

    def of_type(self, *rtypes: str) -> list[Item]:
        return [i for i in self.items if i.rtype in rtypes]

    @property
    def templates(self) -> dict[str, str]:
        """Template name -> data source name, for each fixed shape the site's servers are
        bought as (an IONOS Cube template): looked up by name once per site."""
        names = sorted(
            {i.product.template_name for i in self.items if i.product and i.product.template_name}
        )
        locals_: dict[str, str] = {}
        for name in names:
            base, local, n = identifier(name), identifier(name), 2
            while local in locals_.values():
                local, n = f"{base}_{n}", n + 1
            locals_[name] = local
        return locals_


def _product(catalog: Catalog | None, option: Option, product: str | None) -> Product | None:
    if catalog is None or product is None:
        return None
    try:
        return catalog.product(option.provider, product)
    except (KeyError, InputError):  # an unknown product just means no specs
        return None


def _zone(catalog: Catalog | None, provider: str, region: str) -> str:
    if catalog is not None:
        try:
            zones = catalog.region(provider, region).zones
        except (KeyError, InputError):  # region not in the catalogue
            zones = []
        if zones:
            return min(zones)
    return region


def build_site(
    provider: str,
    region: str,
    placements: list[tuple[Placement, Resource, str | None, str | None]],
    resources: dict[str, Resource],
    catalog: Catalog | None,
    group_type: str | None = None,
) -> Site:
    """``placements``: (placement, resource, resource type to write or None, note).

    ``group_type``: the type that writes a security group here; a placed resource whose source
    security group is placed elsewhere gets a copy of it at this site."""
    site = Site(provider, region, _zone(catalog, provider, region), region)
    taken: dict[str, set[str]] = defaultdict(set)
    # The next suffix to try per (space, base): every lower one was taken, and names are never
    # freed, so a thousand resources called "web" cost a thousand look-ups, not half a million.
    suffix: dict[tuple[str, str], int] = {}

    def unique(base: str, space: str = "network") -> str:
        """A name not yet used in ``space`` (one Terraform resource type, or the networks)."""
        name, n = base, suffix.get((space, base), 2)
        if n > 2:
            name = f"{base}_{n}"
        while name in taken[space]:
            name, n = f"{base}_{n}", n + 1
        taken[space].add(name)
        suffix[(space, base)] = n
        return name

    ordered = sorted(placements, key=lambda p: p[1].id)
    vpcs = [(p, r) for p, r, _, _ in ordered if r.kind == Kind.NETWORK]
    subnets = [(p, r) for p, r, _, _ in ordered if r.kind == Kind.SUBNET]
    by_source_net: dict[str, Network] = {}
    for _, r in vpcs:
        net = Network(unique(identifier(r.name)), slug(r.name), _first_v4(r), r)
        site.networks.append(net)
        by_source_net[r.id] = net
    needs_network = bool(subnets) or any(
        r.kind in NETWORKED
        or (t or "").endswith(("instance_server", "_instance", "_server", "virtual_machine"))
        for _, r, t, _ in ordered
    )
    if needs_network and not site.networks:
        site.networks.append(Network(unique("main"), "main", None))
    if provider == "opennebula" and site.networks:
        site.closed_group = unique("network_default_closed", "opennebula_security_group")
    by_source_subnet: dict[str, Subnet] = {}
    # a subnet group -> the subnets it names here: its users go into the one of their zone
    spans: dict[str, list[Subnet]] = {}
    placed_subnets = {r.id for _, r in subnets}
    # A subnet group (an RDS DB subnet group) has no range of its own and names the subnets it
    # spans: its users go into its first member here, or its network's first subnet, not into a
    # network invented for it with its network's whole range (two groups made two clashing ones).
    groups = [
        (r, [d for d in r.depends_on if d in placed_subnets and d != r.id])
        for _, r in subnets
        if _first_v4(r) is None and _subnet_group(r)
    ]
    grouped = {r.id for r, _ in groups}
    for _, r in subnets:
        if r.id in grouped:
            continue
        parent = next(
            (by_source_net[d] for d in r.depends_on if d in by_source_net), site.networks[0]
        )
        cidr = _first_v4(r) or parent.cidr
        sub = Subnet(unique(identifier(r.name)), slug(r.name), cidr or "", parent, r)
        parent.subnets.append(sub)
        by_source_subnet[r.id] = sub
    for net in site.networks:
        if not net.subnets:
            # No source subnet lands here: one subnet spanning the network; a network without
            # a range gets one when the plan's sites are addressed (addressing.allocate).
            net.subnets.append(
                Subnet(unique(f"{net.local}_default"), f"{net.name}-default", net.cidr or "", net)
            )
    for r, members in groups:
        if members:
            spans[r.id] = [by_source_subnet[m] for m in members]
            into = spans[r.id][0]
            why = "written as the subnets it names"
        else:
            net = next(
                (by_source_net[d] for d in r.depends_on if d in by_source_net), site.networks[0]
            )
            found = pick(r, net.subnets, f"the subnets of network {net.name} written here")
            assert found is not None  # every network has a subnet by now
            into = found.subnet
            spans[r.id] = [into]
            why = "none of the subnets it names is in the inventory"
        by_source_subnet[r.id] = into
        site.skipped.append(
            Skipped(
                r,
                provider,
                f"a subnet group, with no range of its own: {why}; its users are placed in "
                f"{into.name}",
            )
        )
    for index, sub in enumerate(site.subnets):
        sub.index = index

    # The catalogue finds a product by reading its provider's list: each is looked up once here.
    products: dict[tuple[str, str | None], Product | None] = {}

    def product_of(option: Option, product: str | None) -> Product | None:
        key = (option.provider, product)
        if key not in products:
            products[key] = _product(catalog, option, product)
        return products[key]

    by_id: dict[str, Item] = {}
    for placement, r, rtype, note in ordered:
        if r.kind in NETWORK_KINDS:
            continue
        if rtype is None:
            site.skipped.append(Skipped(r, provider, note or "no template"))
            continue
        item = Item(
            local=unique(identifier(r.name), rtype),
            name=bucket_name(r.name) if rtype in BUCKET_TYPES else slug(r.name),
            resource=r,
            option=placement.choice,
            rtype=rtype,
            product=product_of(placement.choice, placement.choice.product),
            note=note,
            version=placement.engine_version
            or (decide_version(catalog, r, placement.choice) if catalog else None),
            storage=product_of(placement.choice, placement.choice.storage_product),
        )
        if item.data_volume_type and item.data_gib:
            item.data_local = unique(f"{item.local}_data", item.data_volume_type)
        if item.note is None:
            item.note = item.merged_note
        if r.kind == Kind.DNS_ZONE and rtype in VOLUME_HOSTS:  # a server type
            item.appliance = "resolver"
        item.reserve_machines(unique)
        site.items.append(item)
        by_id[r.id] = item
        site.items.extend(_disk_volumes(item, provider, unique))
        appliance = _firewall_appliance(item, provider, unique, product_of)
        if appliance is not None:
            site.items.append(appliance)
    if group_type is not None:
        for item in list(site.items):
            topology = item.resource.topology
            for sg_id in [*topology.security_groups, *topology.subnet_security_groups]:
                group = resources.get(sg_id)
                if sg_id in by_id or group is None or group.kind != Kind.SECURITY_GROUP:
                    continue
                copy = Item(
                    local=unique(identifier(group.name), group_type),
                    name=slug(group.name),
                    resource=group,
                    option=item.option,
                    rtype=group_type,
                    product=None,
                    note=COPIED,
                )
                site.items.append(copy)
                by_id[sg_id] = copy
    for index, item in enumerate(site.items):
        item.index = index
        item.secret_local = unique(item.local, "random_password")
        item.output = unique(f"{item.local}_id", "output")

    # Items that depend on each resource, in site order: the look-ups below are by id, not scans.
    users_of: dict[str, list[Item]] = defaultdict(list)
    for item in site.items:
        for dep in dict.fromkeys(item.resource.depends_on):
            users_of[dep].append(item)

    naming: dict[str, list[Item]] = defaultdict(list)  # server id -> volumes naming it
    for item in site.items:
        if item.resource.kind == Kind.BLOCK_VOLUME:
            for link in item.resource.topology.attachments:
                if link.relation == "volume":
                    naming[link.to].append(item)
    for item in site.items:
        r = item.resource
        named = [
            s
            for d in dict.fromkeys(_through_nics(r, resources))
            for s in spans.get(d, [by_source_subnet[d]] if d in by_source_subnet else [])
        ]
        if named:
            # the source says: of several (a group spanning zones), the one of its zone
            found = pick(r, named, "the subnets it names")
            item.subnet = found.subnet if found is not None else None
        else:
            owner = next((by_source_net[d] for d in r.depends_on if d in by_source_net), None)
            if owner is not None:
                _attach(item, pick(r, owner.subnets, f"the subnets of its network {owner.name}"))
        if item.appliance == "firewall":
            # its firewall's group: the rules the export gives, on the machine that enforces them
            item.security_groups = [by_id[r.id]] if r.id in by_id else []
            continue
        item.security_groups = [by_id[d] for d in r.topology.security_groups if d in by_id]
        below = [
            by_id[d]
            for d in r.topology.subnet_security_groups
            if d in by_id and d not in r.topology.security_groups
        ]
        if below and item.security_groups:
            item.layers = [item.security_groups, below]
        elif below:
            item.security_groups = below
        item.volumes = _volumes_of(item, by_id, naming)
        item.cluster = next(
            (
                by_id[d]
                for d in r.depends_on
                if d in by_id and by_id[d].resource.kind == Kind.KUBERNETES_CLUSTER
            ),
            None,
        )
        primary = r.attributes.details.get("replica_of")
        # A replica of a replica is written as a database of its own: no target here makes a
        # replica of one, and its primary may already be written as a replica.
        if (
            isinstance(primary, str)
            and primary in by_id
            and not isinstance(by_id[primary].resource.attributes.details.get("replica_of"), str)
            and by_id[primary].rtype == item.rtype in REPLICA_TYPES
        ):
            item.primary = by_id[primary]
            item.rtype = REPLICA_TYPES[item.rtype]
    for combined in [*layer_groups(site, unique), *combine_groups(site, unique)]:
        combined.index = len(site.items)
        combined.secret_local = unique(combined.local, "random_password")
        combined.output = unique(f"{combined.local}_id", "output")
        site.items.append(combined)
    used = {id(g) for item in site.items for g in item.security_groups}
    site.items = [i for i in site.items if i.note != COPIED or id(i) in used]
    for item in site.items:
        if item.resource.kind == Kind.LOAD_BALANCER:
            _wire_backends(item, by_id, resources)
    every = site.subnets
    for item in site.items:
        r = item.resource
        if item.subnet is None and item.cluster is not None:
            item.subnet = item.cluster.subnet
        if item.subnet is None and item.backends:
            held = [b.subnet for b in item.backends if b.subnet is not None]
            _attach(item, pick(r, held, "its backends' subnets"))
        if item.subnet is None:
            # Where the resources that use it are, else the site's subnet of its region.
            users = [i.subnet for i in users_of.get(r.id, []) if i.subnet is not None]
            if users:
                _attach(item, pick(r, users, "the subnets of the resources using it"))
        if item.subnet is None:
            _attach(item, pick(r, every, "the subnets written here"))
        if item.subnet is None and every and item.rtype in SUBNET_TYPES:
            _attach(item, own_network(site, r, unique))
    for index, sub in enumerate(site.subnets):
        sub.index = index
    # a machine after an item's first takes an address past every item's own (``fixed_ip``)
    offset = max((i.index for i in site.items), default=0) + 1
    for item in site.items:
        if not item.behind_load_balancer:
            continue
        item.spare = list(range(offset, offset + item.machines - 1))
        offset += len(item.spare)
    # What an address can attach to, by source id: a firewall's is the appliance written for it.
    hosts_of: dict[str, Item] = {}
    hosts_role: dict[int, Role] = {}
    for item in site.items:
        taking = role(item.resource, item.option)
        if taking is None or (item.resource.kind == Kind.FIREWALL and item.appliance != "firewall"):
            continue
        hosts_of.setdefault(item.resource.id, item)
        hosts_role[id(item)] = taking
    volume_owner: dict[int, Item] = {}
    for item in site.items:
        for volume in [*item.volumes, *(v for vs in item.disk_volumes for v in vs)]:
            volume_owner.setdefault(id(volume), item)
    for item in site.items:
        kind = item.resource.kind
        if kind == Kind.BLOCK_VOLUME:
            item.attached_to = volume_owner.get(id(item))
        if kind == Kind.PUBLIC_IP:
            # The first host in site order that uses it or that it uses (``address_hosts``); an
            # address of a type only a load balancer takes goes to a balancer holding it.
            address = item.resource
            named_by = {address.id: [i.resource.id for i in users_of.get(address.id, [])]}
            hosts = [
                hosts_of[rid]
                for rid in neighbours(address, resources, named_by)
                if rid in hosts_of and hosts_of[rid] is not item
            ]
            item.on_server = kept_by_server(
                item.option.terraform, [hosts_role[id(h)] for h in hosts]
            )
            balancers = [h for h in hosts if hosts_role[id(h)] == "balancer"]
            takers = balancers if item.option.terraform in SERVER_ADDRESS and balancers else hosts
            item.attached_to = min(takers, key=lambda i: i.index, default=None)
            if item.attached_to is not None:
                item.attached_to.public_ips.append(item)
                # an address attaches to one server: the others naming it are said to have none
                others = sorted(
                    {id(i): i for i in hosts if i is not item.attached_to}.values(),
                    key=lambda i: i.index,
                )
                if others:
                    site.shared_ips.append(
                        (
                            item.resource.name,
                            item.attached_to.address,
                            [i.address for i in others],
                        )
                    )
    from cloudexit.emit.terraform.routes import appliance_routes, propagation

    site.routes = appliance_routes(site, resources, by_source_subnet, unique)
    site.propagation = propagation(site.routes)
    return site


def _through_nics(resource: Resource, resources: dict[str, Resource]) -> list[str]:
    """What ``resource`` depends on, a network interface's subnet after the interface: an Azure
    VM names its NICs, and each NIC its subnet."""
    found: list[str] = []
    for d in resource.depends_on:
        found.append(d)
        nic = resources.get(d)
        if nic is not None and nic.kind == Kind.NETWORK_INTERFACE:
            found.extend(nic.depends_on)
    return found


def _attach(item: Item, found: Pick | None) -> None:
    """Put ``item`` into the subnet found; keep the note where its template attaches it."""
    if found is None:
        return
    item.subnet = found.subnet
    if item.rtype in SUBNET_TYPES:
        item.subnet_note = found.note


def _disk_volumes(item: Item, provider: str, unique: Callable[[str, str], str]) -> list[Item]:
    """Block volumes for a machine's inline data disks (``model.data_disks``) and the rest of a
    boot disk its flavour's disk does not hold, one per disk and machine, on the block-storage
    product the plan priced them on; a server written with a data volume of its own
    (``DATA_VOLUMES``) holds them there instead."""
    r = item.resource
    rtype = DEFAULT_TYPES.get(provider, {}).get(Kind.BLOCK_VOLUME)
    if (
        r.kind not in (Kind.VM, Kind.VM_GROUP)
        or item.rtype not in VOLUME_HOSTS
        or item.rtype in DATA_VOLUMES
        or rtype is None
    ):
        return []
    disks = item.written_disks
    if not disks:
        return []
    option = item.option.model_copy(update={"product": item.option.storage_product})
    made: list[Item] = []
    for n in range(item.machines):
        mine = []
        for disk in disks:
            name = f"{item.machine_name(n)}-{disk.name}"
            volume = Resource(
                id=f"{r.id}#data-disk/{n}/{disk.name}",
                provider=r.provider,
                account=r.account,
                region=r.region,
                type=r.type,
                kind=Kind.BLOCK_VOLUME,
                name=name,
                tags=dict(r.tags),
                attributes=Attributes(storage_gib=disk.gib),
            )
            mine.append(
                Item(
                    local=unique(identifier(name), rtype),
                    name=slug(name),
                    resource=volume,
                    option=option,
                    rtype=rtype,
                    product=item.storage,
                    note=_disk_note(item, disk),
                    machine=n,
                )
            )
        item.disk_volumes.append(mine)
        made.extend(mine)
    return made


def _disk_note(server: Item, disk: DataDisk) -> str:
    r = server.resource
    if disk.name == BOOT_REST:
        return (
            f"the {disk.gib:g} GB of {r.name}'s {boot_gib(r) or 0:g} GB boot disk its flavour's "
            "own disk does not hold: move the data beyond it onto this volume"
        )
    return (
        f"a data disk of {r.name}, which holds it inline: written as a volume attached to its "
        "server"
    )


def _firewall_appliance(
    group: Item,
    provider: str,
    unique: Callable[[str, str], str],
    product_of: Callable[[Option, str | None], Product | None],
) -> Item | None:
    """The server a managed firewall's perimeter is rebuilt on, beside the security group that
    holds its rules: the plan priced a VM of the target for it (``optimise.inspection``), so the
    Terraform writes that VM, of the priced size, in the firewall's network."""
    r = group.resource
    if (
        r.kind != Kind.FIREWALL
        or tier(r) is None
        or group.option.fidelity != "self_managed"
        or not group.option.product
    ):
        return None
    product = product_of(group.option, group.option.product)
    # the type the priced machine is written as: a fixed shape has its own (an IONOS Cube)
    rtype = (product.terraform if product else None) or DEFAULT_TYPES.get(provider, {}).get(Kind.VM)
    if rtype is None:
        return None
    name = f"{r.name}-appliance"
    item = Item(
        local=unique(identifier(name), rtype),
        name=slug(name),
        resource=r,
        option=group.option,
        rtype=rtype,
        product=product,
        note="the firewall appliance the plan priced for this managed firewall",
        appliance="firewall",
    )
    item.reserve_machines(unique)
    return item


def _volumes_of(item: Item, by_id: dict[str, Item], naming: dict[str, list[Item]]) -> list[Item]:
    """The block volumes a server mounts: those it names, then those that name it as their
    server. A snapshot, an image or a bucket naming a volume does not own it."""
    if item.rtype not in VOLUME_HOSTS or item.resource.kind not in VOLUME_OWNERS:
        return []
    named = [by_id[d] for d in item.resource.depends_on if d in by_id]
    volumes = [v for v in named if v.resource.kind == Kind.BLOCK_VOLUME]
    volumes += naming.get(item.resource.id, [])
    return list({id(v): v for v in volumes}.values())


def layer_groups(site: Site, unique: Callable[[str, str], str]) -> list[Item]:
    """One group per distinct pair of layers (NIC groups, subnet groups): target groups add up
    their rules, so two groups on a server would let through what either allows, where the
    source lets through only what both allow. Its rules are set when the site is translated
    (``firewall.intersect``)."""
    layered: dict[tuple[tuple[str, ...], ...], Item] = {}
    for item in site.items:
        if not item.layers:
            continue
        layers = [sorted(layer, key=lambda g: g.resource.id) for layer in item.layers]
        key = tuple(tuple(g.resource.id for g in layer) for layer in layers)
        if key not in layered:
            groups = [g for layer in layers for g in layer]
            first = groups[0].resource
            both = Resource(
                id="&".join("+".join(ids) for ids in key),
                provider=first.provider,
                account=first.account,
                region=first.region,
                type=first.type,
                kind=Kind.SECURITY_GROUP,
                name="&".join("+".join(g.resource.name for g in layer) for layer in layers),
            )
            layered[key] = Item(
                local=unique(identifier(both.name), groups[0].rtype),
                name=slug(both.name),
                resource=both,
                option=groups[0].option,
                rtype=groups[0].rtype,
                product=None,
                members=groups,
                layers=layers,
            )
        item.security_groups = [layered[key]]
    return list(layered.values())


def combine_groups(site: Site, unique: Callable[[str, str], str]) -> list[Item]:
    """One group per distinct combination of source groups, where one group must hold them all:
    on a target whose servers take a single group, or when a deny rule of one group has to cut
    the allow rules of another (separate target groups would let that traffic through). Its
    rules are the union of the members' rules, translated as one group, so never wider."""
    combined: dict[tuple[str, ...], Item] = {}
    for item in site.items:
        groups = sorted(item.security_groups, key=lambda g: g.resource.id)
        if len(groups) < 2 or item.layers:
            continue
        rules = [rule for g in groups for rule in g.resource.topology.firewall_rules]
        if site.provider not in ONE_GROUP_PROVIDERS and all(r.action != "deny" for r in rules):
            continue
        key = tuple(g.resource.id for g in groups)
        if key not in combined:
            first = groups[0].resource
            union = Resource(
                id="+".join(key),
                provider=first.provider,
                account=first.account,
                region=first.region,
                type=first.type,
                kind=Kind.SECURITY_GROUP,
                name="+".join(g.resource.name for g in groups),
                topology=Topology(firewall_rules=rules),
            )
            combined[key] = Item(
                local=unique(identifier(union.name), groups[0].rtype),
                name=slug(union.name),
                resource=union,
                option=groups[0].option,
                rtype=groups[0].rtype,
                product=None,
                members=groups,
            )
        item.security_groups = [combined[key]]
    return list(combined.values())


def _subnet_group(resource: Resource) -> bool:
    """A group of subnets a managed database or cache is given (aws_db_subnet_group,
    AWS::RDS::DBSubnetGroup, AWS::ElastiCache::SubnetGroup), not a subnet."""
    return "subnetgroup" in re.sub(r"[^a-z]", "", resource.type.lower())


def _first_v4(resource: Resource) -> str | None:
    for cidr in resource.topology.cidrs:
        if ipaddress.ip_network(cidr).version == 4:
            return cidr
    return None


def target_groups(lb: Resource, resources: dict[str, Resource]) -> list[Resource]:
    return [
        resources[d]
        for d in lb.depends_on
        if d in resources and resources[d].kind == Kind.TARGET_GROUP
    ]


def backend_servers(lb: Resource, resources: dict[str, Resource]) -> list[str]:
    """The machines and machine groups a balancer names, itself or through its target groups, in
    the order it names them."""
    return list(
        dict.fromkeys(
            d
            for r in (lb, *target_groups(lb, resources))
            for d in r.depends_on
            if d in resources and resources[d].kind in (Kind.VM, Kind.VM_GROUP)
        )
    )


def _wire_backends(lb: Item, by_id: dict[str, Item], resources: dict[str, Resource]) -> None:
    groups = target_groups(lb.resource, resources)
    servers = backend_servers(lb.resource, resources)
    found = {id(by_id[d]): by_id[d] for d in servers if d in by_id}
    lb.backends = sorted(
        (
            i
            for i in found.values()
            if i.resource.kind == Kind.VM
            or (i.resource.kind == Kind.VM_GROUP and i.rtype in POOLED_GROUP_TYPES)
        ),
        key=lambda i: i.index,
    )
    if lb.listeners:  # pools are written per listener: with none, no pool names an address
        for backend in lb.backends:
            backend.behind_load_balancer = True
    if groups:
        topology = groups[0].topology
        lb.backend_port = topology.target_port or (
            topology.health_check.port if topology.health_check else None
        )
        lb.health_check_path = topology.health_check.path if topology.health_check else None
        lb.health_check = topology.health_check
    if lb.health_check is None:  # a GCP balancer holds its backend service's probe itself
        lb.health_check = lb.resource.topology.health_check
