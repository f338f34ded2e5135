"""One Terraform resource instance -> one inventory Resource (or a skip with its reason).

Shared by the ``terraform show -json`` reader and the raw state reader. Instances are mapped as
they stream past; only their small Resource fields wait until the end, when dependencies (which
may point at resources later in the file) are resolved to ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cloudexit.catalog.classes import fill_sizes
from cloudexit.connectors.azure.registry import arm_id
from cloudexit.importers.context import ImportContext
from cloudexit.importers.refine import engine_kind
from cloudexit.importers.terraform_buckets import SETTINGS as BUCKET_SETTINGS
from cloudexit.importers.terraform_buckets import setting as bucket_setting
from cloudexit.importers.terraform_chains import (
    BACKEND_LINKS,
    CHAIN_LINKS,
    PROXY_PROTOCOLS,
    REPLICA_MODES,
    REPLICA_SOURCES,
    RULES,
    TEMPLATE_OF_GROUP,
    unresolved,
)
from cloudexit.importers.terraform_declared import declared
from cloudexit.importers.terraform_refs import config_address
from cloudexit.importers.terraform_sizing import clean_fields, sizing, text
from cloudexit.model.inventory import EBS_BLOCKS, ROOT_DISK_UNKNOWN, Attributes, SourceProvider
from cloudexit.model.kinds import Kind
from cloudexit.model.parts import BACKENDS_UNKNOWN_AT_PLAN, UNKNOWN_AT_PLAN
from cloudexit.topology import Mapped
from cloudexit.topology.terraform import GROUP_OF_RULE, PARENT_OF_PART, RULE_TYPES
from cloudexit.topology.terraform import part as terraform_part
from cloudexit.topology.terraform import topology as terraform_topology

_PROVIDERS: tuple[tuple[str, SourceProvider, str], ...] = (
    ("aws_", "aws", "aws"),
    ("azurerm_", "azure", "azure"),
    ("azuread_", "azure", "azure"),
    ("azapi_", "azure", "azure"),
    ("google_", "gcp", "gcp"),
    ("openstack_", "openstack", "openstack"),
)
_AWS_GLOBAL = re.compile(r"^aws_(iam_|route53_|cloudfront_|organizations_|waf_|budgets_)")
# Azure holds these at location global; their Terraform resources take no location
_AZURE_GLOBAL = frozenset({"azurerm_dns_zone", "azurerm_private_dns_zone"})
_AWS_ZONE = re.compile(r"^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)")
_GCP_ZONE = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")
_GCP_SELF_LINK = re.compile(
    r"^https://([a-z0-9-]+)\.googleapis\.com/(?:([a-z0-9-]+)/)?v[0-9a-z.]+/(.+)$"
)
_TERMINATED = frozenset({"terminated", "shutting-down", "deleted", "deleting"})
_ENGINE_FIELD = {
    "aws_db_instance": "engine",
    "aws_rds_cluster": "engine",
    "aws_rds_cluster_instance": "engine",
    "aws_elasticache_cluster": "engine",
    "aws_elasticache_replication_group": "engine",
    "google_sql_database_instance": "database_version",
    "openstack_db_instance_v1": "datastore",
}


def provider_of(tf_type: str) -> tuple[SourceProvider, str]:
    """The inventory provider and catalogue provider id of a Terraform resource type."""
    for prefix, provider, catalog_id in _PROVIDERS:
        if tf_type.startswith(prefix):
            return provider, catalog_id
    return "other", "other"


@dataclass
class TerraformInstance:
    address: str
    type: str
    values: dict[str, Any]
    planned: bool = False
    depends_on: list[str] = field(default_factory=list)
    action: str | None = None
    unknown_links: list[str] = field(default_factory=list)
    """chain and backend arguments the plan does not know yet (``after_unknown``)"""


@dataclass
class _Pending:
    fields: dict[str, Any]
    address: str
    config_address: str
    depends_on: list[str]
    module: str
    group: str | None = None
    mapped: Mapped | None = None
    declared: set[str] = field(default_factory=set)
    """ids the scan's declaration of the type names as dependencies"""
    values: dict[str, Any] = field(default_factory=dict)
    """a listener's or DNS record's own attributes, kept to fold it into its parent"""
    unknown_links: list[str] = field(default_factory=list)
    """chain and backend arguments the plan does not know yet (``after_unknown``)"""
    replica: bool = False
    """an azurerm database whose create_mode keeps it in step with its source"""
    group_ids: list[str] = field(default_factory=list)
    """the AWS security group ids it names (``vpc_security_group_ids``)"""


# Resources that only link two others: (the user's field, the used resource's field). Skipped as
# resources of their own; the link becomes a dependency of the user, so placement and the
# targets' security groups see it.
LINKS: dict[str, tuple[str, str]] = {
    "azurerm_network_interface_security_group_association": (
        "network_interface_id",
        "network_security_group_id",
    ),
    "azurerm_subnet_network_security_group_association": ("subnet_id", "network_security_group_id"),
    "azurerm_subnet_route_table_association": ("subnet_id", "route_table_id"),
    "aws_route_table_association": ("subnet_id", "route_table_id"),
    "azurerm_virtual_machine_data_disk_attachment": ("virtual_machine_id", "managed_disk_id"),
    "aws_network_interface_sg_attachment": ("network_interface_id", "security_group_id"),
    "aws_volume_attachment": ("instance_id", "volume_id"),
    "openstack_compute_volume_attach_v2": ("instance_id", "volume_id"),
    "openstack_networking_port_secgroup_associate_v2": ("port_id", "security_group_ids"),
    "aws_lb_target_group_attachment": ("target_id", "target_group_arn"),
    "aws_alb_target_group_attachment": ("target_id", "target_group_arn"),
    "azurerm_network_interface_backend_address_pool_association": (
        "network_interface_id",
        "backend_address_pool_id",
    ),
}
_EC2_ID = re.compile(r"[a-z]+-[0-9a-f]{8,17}")
_USED_KINDS = frozenset({Kind.SECURITY_GROUP, Kind.BLOCK_VOLUME, Kind.TARGET_GROUP, Kind.ROUTER})


@dataclass
class _Link:
    config_address: str
    depends_on: list[str]
    module: str
    values: list[str]


@dataclass
class TerraformMapper:
    """Maps instances of one file; ``finish`` adds them to the context with their dependencies."""

    ctx: ImportContext
    provider_regions: dict[str, str] = field(default_factory=dict)
    """Provider local name (aws, google, openstack) -> region set in its root configuration."""
    references: dict[str, set[str]] = field(default_factory=dict)
    """Config address -> config addresses its configuration expressions reference."""
    state_depends: dict[str, list[str]] = field(default_factory=dict)
    """Instance address -> dependencies recorded in a plan's prior state."""
    _pending: list[_Pending] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)
    _group_locations: dict[str, str] = field(default_factory=dict)
    _links: list[_Link] = field(default_factory=list)
    _bucket_settings: list[tuple[str | None, list[str], dict[str, Any]]] = field(
        default_factory=list
    )
    """(bucket named, config addresses depended on, details) of each S3 bucket setting"""
    _volume_ids: set[str] = field(default_factory=set)
    """native ids of the export's aws_ebs_volume resources"""

    def fallback_id(self, address: str) -> str:
        return f"terraform:{self.ctx.path.name}:{address}"

    def add(self, instance: TerraformInstance) -> None:
        values = instance.values if isinstance(instance.values, dict) else {}
        tf_type = instance.type
        rid = self._id(tf_type, values) or self.fallback_id(instance.address)
        if (
            tf_type == "azurerm_resource_group"
            and text(values.get("name"))
            and text(values.get("location"))
        ):
            self._group_locations[values["name"]] = values["location"].replace(" ", "").lower()
        scope = instance.address
        if tf_type in LINKS:
            self._remember_link(instance, values)
        if tf_type in BUCKET_SETTINGS:
            found_setting = bucket_setting(tf_type, values)
            if found_setting:
                self._bucket_settings.append(
                    (
                        text(values.get("bucket")),
                        [config_address(d) for d in instance.depends_on],
                        found_setting,
                    )
                )
        if instance.planned and not self.ctx.planned:
            self.ctx.skip(
                rid, tf_type, "planned, not created yet (pass --planned to include it)", scope
            )
            return
        kind = self.ctx.classify(tf_type, rid, scope)
        if kind is None:
            return
        state = (text(values.get("instance_state")) or text(values.get("status")) or "").lower()
        if state in _TERMINATED:
            self.ctx.skip(rid, tf_type, f"resource is {state}", scope)
            return
        if rid in self._ids:
            self.ctx.skip(
                rid, tf_type, "the same resource appears again under another address", scope
            )
            return
        self._ids.add(rid)
        if tf_type == "aws_ebs_volume" and text(values.get("id")):
            self._volume_ids.add(values["id"])
        provider, catalog_id = provider_of(tf_type)
        found = declared(tf_type, values, rid, self.ctx.catalog)
        if found is not None:
            if found.problem:
                self.ctx.issue("invalid_data", found.problem, scope, rid)
            if found.skip:
                self.ctx.skip(rid, tf_type, found.skip, scope)
                return
            fields = clean_fields(found.attributes)
            kind = found.kind or kind
        else:
            fields = sizing(tf_type, values)
        engine_field = _ENGINE_FIELD.get(tf_type)
        if engine_field:
            engine = values.get(engine_field)
            if isinstance(engine, list) and engine and isinstance(engine[0], dict):
                engine = engine[0].get("type")
            kind = engine_kind(engine if isinstance(engine, str) else None, kind)
        if tf_type.endswith("_function_app"):
            kind = Kind.FUNCTION
        fill_sizes(fields, self.ctx.catalog, catalog_id)
        details = fields.setdefault("details", {})
        details["terraform_address"] = instance.address
        if instance.action and instance.action not in ("no-op", "create"):
            details["terraform_action"] = instance.action
        account = self._account(provider, values, rid)
        region = self._region(provider, tf_type, values, rid)
        self._pending.append(
            _Pending(
                fields={
                    "id": rid,
                    "provider": provider,
                    "account": account,
                    "region": region,
                    "type": tf_type,
                    "kind": kind,
                    "name": self._name(values) or instance.address,
                    "tags": _tags(values),
                    "attributes": Attributes.model_validate(fields),
                    "planned": instance.planned,
                },
                address=instance.address,
                config_address=config_address(instance.address),
                depends_on=instance.depends_on,
                module=_module_of(instance.address),
                group=text(values.get("resource_group_name")),
                mapped=_topology(tf_type, values),
                declared=found.depends_on if found else set(),
                values=values if tf_type in PARENT_OF_PART else {},
                unknown_links=instance.unknown_links,
                replica=(text(values.get("create_mode")) or "").lower() in REPLICA_MODES,
                group_ids=_group_ids(provider, values),
            )
        )
        for child_id, child_type, child_fields, child_deps in found.children if found else []:
            child_kind = self.ctx.classify(child_type, child_id, scope)
            if child_kind is None or child_id in self._ids:
                continue
            self._ids.add(child_id)
            child_fields = clean_fields(child_fields)
            child_fields.setdefault("details", {})["terraform_address"] = instance.address
            self._pending.append(
                _Pending(
                    fields={
                        "id": child_id,
                        "provider": provider,
                        "account": account,
                        "region": region,
                        "type": child_type,
                        "kind": child_kind,
                        "name": child_id.rsplit("/", 1)[-1],
                        "tags": {},
                        "attributes": Attributes.model_validate(child_fields),
                        "planned": instance.planned,
                    },
                    address=instance.address,
                    config_address=config_address(instance.address),
                    depends_on=[],
                    module=_module_of(instance.address),
                    group=text(values.get("resource_group_name")),
                    declared=child_deps,
                )
            )

    def finish(self) -> None:
        self._fill_accounts()
        by_config: dict[str, list[str]] = {}
        for item in self._pending:
            by_config.setdefault(item.config_address, []).append(item.fields["id"])
        for item in self._pending:
            if item.fields["region"] == "unknown":
                configured = self.provider_regions.get(str(item.fields["type"]).split("_", 1)[0])
                if item.group:
                    configured = self._group_locations.get(item.group, configured)
                item.fields["region"] = configured or "unknown"
            targets = set(self.references.get(item.config_address, set()))
            for dep in [*item.depends_on, *self.state_depends.get(item.address, [])]:
                dep = config_address(dep)
                if dep not in by_config and item.module and not dep.startswith("module."):
                    dep = f"{item.module}.{dep}"
                targets.add(dep)
            targets.discard(item.config_address)
            item.depends_on = sorted(
                ({rid for t in targets for rid in by_config.get(t, [])} | item.declared)
                - {item.fields["id"]}
            )
        self._apply_links(by_config)
        self._name_unlinked_groups()
        self._name_primaries()
        self._drop_held_volumes()
        self._root_from_image()
        self._join_by_elimination()
        self._note_unknown_links()
        self._speak_proxy_protocols()
        self._size_groups_by_template()
        self._apply_bucket_settings()
        folded = self._fold_rules() | self._fold_parts()
        for item in self._pending:
            if item.fields["id"] in folded:
                continue
            mapped = item.mapped or Mapped()
            self.ctx.add(
                **item.fields,
                depends_on=item.depends_on,
                topology=mapped.topology,
                rule_problems=mapped.problems,
            )
        self._pending.clear()

    def _name_unlinked_groups(self) -> None:
        """A security group a resource names by id that is not in the file: named by its ARN
        among the resource's dependencies, so the import records it as a group the inventory
        does not hold (or links it to one another file holds) instead of dropping it, which
        would read as a resource behind no group."""
        held = {
            str(item.fields["id"]).rsplit("/", 1)[-1].lower()
            for item in self._pending
            if item.fields["kind"] == Kind.SECURITY_GROUP
        }
        for item in self._pending:
            region, account = item.fields["region"], item.fields["account"]
            for group in item.group_ids:
                if group.lower() in held or group.startswith("arn:"):
                    continue
                arn = f"arn:aws:ec2:{region}:{account}:security-group/{group}"
                item.depends_on = sorted({*item.depends_on, arn})

    def _name_primaries(self) -> None:
        """A read replica names the database it copies (``replica_of``) by that database's id,
        so it is placed with it and rebuilt from it. A state names the primary by its
        identifier (or its ARN in another region); a plan that does not know it yet names it
        by the one database of the type its configuration refers to."""
        by_id = {str(item.fields["id"]): item for item in self._pending}
        by_key: dict[str, str] = {}
        for rid, item in by_id.items():
            if item.fields["type"] in REPLICA_SOURCES:
                identifier = item.fields["attributes"].details.get("identifier")
                for key in (rid, rid.rsplit(":", 1)[-1], identifier):
                    if isinstance(key, str) and key:
                        by_key.setdefault(key.lower(), rid)
        for rid, item in by_id.items():
            tf_type = str(item.fields["type"])
            if tf_type not in REPLICA_SOURCES:
                continue
            details = item.fields["attributes"].details
            source = details.pop("replicate_source_db", None)
            primary: str | None = None
            if isinstance(source, str) and source:
                primary = by_key.get(source.lower())
                if primary is None and source.startswith("arn:"):
                    primary = source
                elif primary is None and rid.startswith("arn:") and rid.count(":") >= 5:
                    primary = f"{rid.rsplit(':', 2)[0]}:db:{source}"
            elif REPLICA_SOURCES[tf_type] in item.unknown_links and (
                item.replica or tf_type == "aws_db_instance"
            ):
                named = [
                    d
                    for d in item.depends_on
                    if by_id.get(d) and by_id[d].fields["type"] == tf_type
                ]
                primary = named[0] if len(named) == 1 else None
            if primary and primary != rid:
                details["replica_of"] = primary
                if primary in by_id:
                    item.depends_on = sorted({*item.depends_on, primary})

    def _drop_held_volumes(self) -> None:
        """After a refresh an instance's ebs_block_device also lists a volume attached by
        aws_volume_attachment; that volume is its own aws_ebs_volume here, so the instance
        neither sizes nor prices it a second time."""
        for item in self._pending:
            attributes = item.fields["attributes"]
            listed = attributes.details.get(EBS_BLOCKS)
            if item.fields["type"] != "aws_instance" or not listed:
                continue
            kept = [b for b in listed if b.get("volume_id") not in self._volume_ids]
            if len(kept) == len(listed):
                continue
            dropped = sum(b["gib"] for b in listed) - sum(b["gib"] for b in kept)
            attributes.storage_gib = (attributes.storage_gib or 0) - dropped or None
            if kept:
                attributes.details[EBS_BLOCKS] = kept
            else:
                del attributes.details[EBS_BLOCKS]

    def _root_from_image(self) -> None:
        """A planned instance that sets no root_block_device gets its image's root disk, whose
        size the plan leaves unknown until apply; an instance of the file from the same image
        shows it. Otherwise its source cost left out the root disk its target is priced with;
        without such an instance, it says its root disk is unknown."""
        roots: dict[str, tuple[float, str]] = {}
        for item in self._pending:
            attributes = item.fields["attributes"]
            ami = attributes.details.get("ami")
            if item.fields["type"] != "aws_instance" or not ami or not attributes.storage_class:
                continue
            listed = sum(b["gib"] for b in attributes.details.get(EBS_BLOCKS) or [])
            root = (attributes.storage_gib or 0) - listed
            if root > 0:
                roots.setdefault(str(ami), (root, attributes.storage_class))
        for item in self._pending:
            attributes = item.fields["attributes"]
            ami = attributes.details.get("ami")
            if (
                item.fields["type"] != "aws_instance"
                or not item.fields.get("planned")
                or attributes.storage_class
            ):
                continue
            if str(ami) not in roots:
                attributes.details[ROOT_DISK_UNKNOWN] = str(ami) if ami else "unknown image"
                continue
            gib, volume_type = roots[str(ami)]
            attributes.storage_gib = (attributes.storage_gib or 0) + gib
            attributes.storage_class = volume_type
            attributes.details["root_disk"] = f"{gib:g} GiB {volume_type}, as its image {ami} has"

    def _join_by_elimination(self) -> None:
        """A planned chain part whose link is unknown and that no reference joins names the one
        part of the plan the link may name that nothing names yet, where no other unjoined link
        may name it either: a chain written through locals is then one balancer, priced once,
        not a balancer per part."""
        by_id = {str(item.fields["id"]): item for item in self._pending}
        named = {d for item in self._pending for d in item.depends_on}
        open_links: list[tuple[_Pending, frozenset[str]]] = []
        for item in self._pending:
            if not item.unknown_links:
                continue
            tf_type = str(item.fields["type"])
            links = CHAIN_LINKS.get(tf_type, {})
            held = (str(by_id[d].fields["type"]) for d in item.depends_on if d in by_id)
            for argument in unresolved(tf_type, item.unknown_links, held):
                if argument in links:
                    open_links.append((item, links[argument]))
        for item, allowed in open_links:
            free = [
                rid
                for rid, other in by_id.items()
                if other.fields["type"] in allowed and rid not in named and other is not item
            ]
            if len(free) != 1:
                continue
            wanted = str(by_id[free[0]].fields["type"])
            if sum(wanted in types for _, types in open_links) == 1:
                item.depends_on = sorted({*item.depends_on, free[0]})

    def _note_unknown_links(self) -> None:
        """A planned chain part whose link is unknown until apply, and which no reference of
        the configuration joins to a part that link may name, says which link it lacks."""
        types = {str(item.fields["id"]): str(item.fields["type"]) for item in self._pending}
        for item in self._pending:
            if not item.unknown_links:
                continue
            named = (types[d] for d in item.depends_on if d in types)
            tf_type = str(item.fields["type"])
            lacking = unresolved(tf_type, item.unknown_links, named)
            backends = BACKEND_LINKS.get(tf_type, {})
            name = item.fields["name"]
            details = item.fields["attributes"].details
            for key, links in (
                (UNKNOWN_AT_PLAN, [a for a in lacking if a not in backends]),
                (BACKENDS_UNKNOWN_AT_PLAN, [a for a in lacking if a in backends]),
            ):
                if links:
                    details[key] = [f"{argument} of {name}" for argument in links]

    def _fill_accounts(self) -> None:
        """A resource a plan would create names no account yet; where the file's other resources
        of its provider name exactly one, it is that one. Otherwise a wave's egress would count
        a second free allowance for an account that does not exist, and tables would read "aws/"."""
        known: dict[str, set[str]] = {}
        for item in self._pending:
            if item.fields["account"]:
                known.setdefault(item.fields["provider"], set()).add(item.fields["account"])
        for item in self._pending:
            accounts = known.get(item.fields["provider"], set())
            if not item.fields["account"] and len(accounts) == 1:
                item.fields["account"] = next(iter(accounts))

    def _speak_proxy_protocols(self) -> None:
        """A planned forwarding rule names its proxy by an id the plan does not know yet, so its
        listeners were typed by its IP protocol (TCP); the HTTP(S) proxy its configuration
        references says what they speak, as the rule's target would once applied."""
        types = {str(item.fields["id"]): str(item.fields["type"]) for item in self._pending}
        for item in self._pending:
            if item.fields["type"] not in RULES or item.mapped is None:
                continue
            spoken = {PROXY_PROTOCOLS.get(types.get(d, "")) for d in item.depends_on} - {None}
            if len(spoken) != 1:
                continue
            protocol = str(spoken.pop())
            topology = item.mapped.topology
            listeners = [x.model_copy(update={"protocol": protocol}) for x in topology.listeners]
            item.mapped.topology = topology.model_copy(update={"listeners": listeners})

    def _size_groups_by_template(self) -> None:
        """A managed instance group runs the machine type of the instance template it names (in
        a plan, by a reference: the template's id is unknown until apply); a group whose
        templates disagree on it stays of unknown size."""
        by_id = {str(item.fields["id"]): item for item in self._pending}
        for item in self._pending:
            templates = TEMPLATE_OF_GROUP.get(str(item.fields["type"]))
            attributes: Attributes = item.fields["attributes"]
            if templates is None or attributes.instance_type:
                continue
            found = {
                by_id[d].fields["attributes"].instance_type
                for d in item.depends_on
                if d in by_id and by_id[d].fields["type"] in templates
            } - {None}
            if len(found) != 1:
                continue
            fields: dict[str, Any] = {"instance_type": found.pop()}
            fill_sizes(fields, self.ctx.catalog, "gcp")
            item.fields["attributes"] = attributes.model_copy(update=fields)

    def _remember_link(self, instance: TerraformInstance, values: dict[str, Any]) -> None:
        found: list[str] = []
        for key in LINKS[instance.type]:
            value = values.get(key)
            for one in value if isinstance(value, list) else [value]:
                if text(one):
                    found.append(str(one))
        self._links.append(
            _Link(
                config_address(instance.address),
                list(instance.depends_on),
                _module_of(instance.address),
                found,
            )
        )

    def _apply_links(self, by_config: dict[str, list[str]]) -> None:
        """Each linked resource that uses a security group, volume or target group depends on it."""
        by_id = {str(item.fields["id"]): item for item in self._pending}
        by_native: dict[str, str] = {}
        for rid in by_id:
            by_native.setdefault(rid.lower(), rid)
            by_native.setdefault(rid.rsplit(":", 1)[-1].lower(), rid)
            # EC2 ids (i-..., vol-..., eni-...) are what links name; the resource id is an ARN.
            if rid.startswith("arn:") and _EC2_ID.fullmatch(rid.rsplit("/", 1)[-1]):
                by_native.setdefault(rid.rsplit("/", 1)[-1].lower(), rid)
        for link in self._links:
            linked = {
                by_native[key]
                for v in link.values
                for key in (v.lower(), (arm_id(v) or "").lower())
                if key in by_native
            }
            targets = set(self.references.get(link.config_address, set()))
            for dep in link.depends_on:
                dep = config_address(dep)
                if dep not in by_config and link.module and not dep.startswith("module."):
                    dep = f"{link.module}.{dep}"
                targets.add(dep)
            linked |= {rid for t in targets for rid in by_config.get(t, [])}
            used = sorted(r for r in linked if by_id[r].fields["kind"] in _USED_KINDS)
            for rid in sorted(linked - set(used)):
                item = by_id[rid]
                item.depends_on = sorted({*item.depends_on, *used} - {rid})

    def _apply_bucket_settings(self) -> None:
        """Each setting resource's details onto the bucket it names (by name, else the one
        bucket it depends on); a setting naming no bucket of the file is left out."""
        buckets = [item for item in self._pending if item.fields["type"] == "aws_s3_bucket"]
        for named, deps, details in self._bucket_settings:
            found = [
                b
                for b in buckets
                if named is not None
                and named in (b.fields["name"], b.fields["attributes"].details.get("bucket"))
            ] or [b for b in buckets if b.config_address in deps]
            if len(found) == 1:
                found[0].fields["attributes"].details.update(details)

    def _fold_rules(self) -> set[str]:
        """Rules written as their own resources join the group they depend on; their ids."""
        by_id = {item.fields["id"]: item for item in self._pending}
        folded: set[str] = set()
        for item in self._pending:
            tf_type = str(item.fields["type"])
            if tf_type not in RULE_TYPES or item.mapped is None:
                continue
            groups = [
                by_id[d]
                for d in item.depends_on
                if d in by_id and by_id[d].fields["type"] == GROUP_OF_RULE[tf_type]
            ]
            if len(groups) > 1:  # a rule also depends on the group it admits traffic from
                remote = {
                    e.value
                    for rule in item.mapped.topology.firewall_rules
                    for e in (*rule.sources, *rule.destinations)
                    if e.kind == "group"
                }
                groups = [
                    g
                    for g in groups
                    if not {str(g.fields["id"]), str(g.fields["id"]).rsplit("/", 1)[-1]} & remote
                ]
            if len(groups) != 1:
                continue  # kept as its own group: the one it belongs to is not in this file
            group = groups[0]
            mapped = group.mapped or Mapped()
            rules = [*mapped.topology.firewall_rules, *item.mapped.topology.firewall_rules]
            mapped.topology = mapped.topology.model_copy(update={"firewall_rules": rules})
            mapped.problems += item.mapped.problems
            group.mapped = mapped
            folded.add(str(item.fields["id"]))
            self.ctx.skip(
                str(item.fields["id"]),
                tf_type,
                f"its rule is part of {group.address}",
                item.address,
            )
        return folded

    def _fold_parts(self) -> set[str]:
        """Listeners, health probes and DNS records written as their own resources join the
        balancer or zone they depend on, as the scans read them (a listener written as a load balancer of its
        own would be a second balancer on the target); what named a part names its parent."""
        by_id = {item.fields["id"]: item for item in self._pending}
        parent_of: dict[str, str] = {}
        for item in self._pending:
            tf_type = str(item.fields["type"])
            if tf_type not in PARENT_OF_PART:
                continue
            parents = [
                by_id[d]
                for d in item.depends_on
                if d in by_id and by_id[d].fields["type"] in PARENT_OF_PART[tf_type]
            ]
            if len(parents) != 1:
                continue  # kept as it is: the parent is not in this file
            parent = parents[0]
            try:
                found = terraform_part(tf_type, item.values, str(parent.fields["name"]))
            except (TypeError, ValueError) as exc:
                found = Mapped(problems=[f"{tf_type}: {str(exc).splitlines()[-1].strip()}"])
            mapped = parent.mapped or Mapped()
            topology = mapped.topology
            mapped.topology = topology.model_copy(
                update={
                    "listeners": sorted(
                        [*topology.listeners, *found.topology.listeners],
                        key=lambda x: (x.port, x.protocol),
                    ),
                    "records": sorted(
                        [*topology.records, *found.topology.records],
                        key=lambda r: (r.name, r.type),
                    ),
                    "zone_name": topology.zone_name or found.topology.zone_name,
                    "health_check": topology.health_check or found.topology.health_check,
                }
            )
            mapped.problems += [f"{item.address}: {p}" for p in found.problems]
            parent.mapped = mapped
            parent_of[str(item.fields["id"])] = str(parent.fields["id"])
            self.ctx.skip(
                str(item.fields["id"]), tf_type, f"part of {parent.address}", item.address
            )
        for item in self._pending:
            if any(d in parent_of for d in item.depends_on):
                own = str(item.fields["id"])
                item.depends_on = sorted(
                    {parent_of.get(d, d) for d in item.depends_on} - {own, parent_of.get(own, "")}
                )
        return set(parent_of)

    # -- identity ---------------------------------------------------------------------------

    def _id(self, tf_type: str, values: dict[str, Any]) -> str | None:
        arn = text(values.get("arn"))
        if arn and arn.startswith("arn:"):
            return arn
        native = text(values.get("id"))
        if native and native.lower().startswith("/subscriptions/"):
            # the spelling the Azure scan and the Resource Graph import use, so the same
            # resource merges across them
            return arm_id(native)
        link = text(values.get("self_link"))
        if link:
            match = _GCP_SELF_LINK.match(link)
            if match:
                service = (
                    match.group(2) if match.group(1) == "www" and match.group(2) else match.group(1)
                )
                return f"//{service}.googleapis.com/{match.group(3)}"
        if not native:
            return None
        if tf_type.startswith("openstack_") and re.fullmatch(r"[0-9a-f-]{32,36}", native):
            return native
        return f"{tf_type}:{native}"

    def _account(self, provider: str, values: dict[str, Any], rid: str) -> str:
        if rid.startswith("arn:"):
            parts = rid.split(":")
            if len(parts) > 4 and parts[4]:
                return parts[4]
        if provider == "aws":
            return text(values.get("owner_id")) or ""
        if provider == "azure":
            match = re.match(r"^/subscriptions/([^/]+)", rid, re.IGNORECASE)
            return match.group(1) if match else ""
        if provider == "gcp":
            project = text(values.get("project"))
            if project:
                return project
            match = re.search(r"/projects/([^/]+)", rid)
            return match.group(1) if match else ""
        if provider == "openstack":
            return text(values.get("tenant_id")) or text(values.get("project_id")) or ""
        return ""

    def _region(self, provider: str, tf_type: str, values: dict[str, Any], rid: str) -> str:
        configured = self.provider_regions.get(tf_type.split("_", 1)[0])
        if provider == "aws":
            if _AWS_GLOBAL.match(tf_type):
                return "global"
            if rid.startswith("arn:"):
                region = rid.split(":")[3] if rid.count(":") >= 4 else ""
                if region:
                    return region
            zone = text(values.get("availability_zone"))
            match = _AWS_ZONE.match(zone) if zone else None
            return (
                text(values.get("region"))
                or (match.group(1) if match else None)
                or configured
                or "unknown"
            )
        if provider == "azure":
            if tf_type in _AZURE_GLOBAL:
                return "global"
            location = text(values.get("location"))
            return location.replace(" ", "").lower() if location else configured or "unknown"
        if provider == "gcp":
            for key in ("region", "zone", "location"):
                found = text(values.get(key))
                if found:
                    last = found.rsplit("/", 1)[-1]
                    match = _GCP_ZONE.match(last)
                    return match.group(1) if match else last.lower()
            if "/global/" in rid:
                return "global"
            return configured or "unknown"
        if provider == "openstack":
            return text(values.get("region")) or configured or "unknown"
        return "global"

    def _name(self, values: dict[str, Any]) -> str | None:
        tags = values.get("tags")
        if isinstance(tags, dict) and isinstance(tags.get("Name"), str) and tags["Name"]:
            return str(tags["Name"])
        for key in (
            "name",
            "identifier",
            "bucket",
            "function_name",
            "domain_name",
            "cluster_identifier",
            "display_name",
        ):
            found = text(values.get(key))
            if found:
                return found
        return None


def _tags(values: dict[str, Any]) -> dict[str, str]:
    raw = values.get("tags_all") if isinstance(values.get("tags_all"), dict) else values.get("tags")
    if raw is None:
        raw = values.get("labels")
    if isinstance(raw, list):
        return {str(t): "" for t in raw if isinstance(t, str)}
    if not isinstance(raw, dict):
        return {}
    return {
        str(k): str(v) for k, v in raw.items() if v is not None and not isinstance(v, (dict, list))
    }


def _topology(tf_type: str, values: dict[str, Any]) -> Mapped | None:
    try:
        return terraform_topology(tf_type, values)
    except (ValueError, TypeError) as exc:
        return Mapped(problems=[f"topology not understood ({str(exc).splitlines()[-1].strip()})"])


def _module_of(address: str) -> str:
    """``module.a[0].module.b.aws_x.y[1]`` -> ``module.a.module.b``."""
    parts = config_address(address).split(".")
    module: list[str] = []
    index = 0
    while index + 1 < len(parts) and parts[index] == "module":
        module += parts[index : index + 2]
        index += 2
    return ".".join(module)


def _group_ids(provider: str, values: dict[str, Any]) -> list[str]:
    """The security group ids an AWS resource names in ``vpc_security_group_ids``."""
    ids = values.get("vpc_security_group_ids") if provider == "aws" else None
    return sorted({str(i) for i in ids if text(i)}) if isinstance(ids, list) else []
