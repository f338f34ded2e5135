"""inventory.json: what runs today, from any source, in one schema."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from cloudexit.model.attachments import link_attachments
from cloudexit.model.bill import Bill
from cloudexit.model.defaults import empty_list
from cloudexit.model.details import problem as details_problem
from cloudexit.model.kinds import Kind
from cloudexit.model.migrate import migrate_1_0
from cloudexit.model.money import Amount
from cloudexit.model.sharing import (
    SharedFieldsSet,
    share_fields_set,
    share_keys,
    share_strings,
    shared_tags,
)
from cloudexit.model.topology import Topology

INVENTORY_SCHEMA_VERSION: Literal["2.0"] = "2.0"
"""2.0: network facts (rules, listeners, records, ranges, attachments) moved from
``attributes.details`` to the typed ``topology``; 1.0 files are migrated on load."""

SourceProvider = Literal["aws", "azure", "gcp", "openstack", "onprem", "other"]


class _Strict(SharedFieldsSet):
    # 1e400 reads as inf in JSON: refused at load rather than met by the optimiser
    model_config = ConfigDict(defer_build=True, extra="forbid", allow_inf_nan=False)


EBS_BLOCKS = "ebs_block_devices"
"""Detail key: an instance's ebs_block_device volumes (gib, volume_type, volume_id), which its
storage_gib counts with the root volume."""
ROOT_VOLUME = "root_volume_id"
"""Detail key: the id of an instance's root EBS volume, which its storage_gib counts."""
ROOT_DISK_UNKNOWN = "root_disk_unknown"
"""Detail key: the image a planned instance's root disk comes from, whose size the plan leaves
unknown until apply and nothing else in the file shows; its storage_gib leaves the disk out."""
NO_REGION = "no_region"
"""Detail key: why a resource's source names no single region, where its reader knows (a
Spanner instance on a multi-region configuration)."""


def inline_volume_ids(resource: Resource) -> list[str]:
    """The EBS volumes an instance holds inline (root and ebs_block_device) by their ids, which
    a bill names them by."""
    details = resource.attributes.details
    found = [details.get(ROOT_VOLUME)]
    found += [b.get("volume_id") for b in details.get(EBS_BLOCKS) or [] if isinstance(b, dict)]
    return [v for v in found if isinstance(v, str) and v]


class Attributes(_Strict):
    """Typed sizing facts. Every field is optional: sources know different things."""

    instance_type: str | None = Field(
        None, description="Native size name, e.g. m5.large, Standard_D2s_v3"
    )
    vcpu: float | None = Field(None, ge=0)
    memory_gib: float | None = Field(None, ge=0)
    architecture: Literal["x86_64", "arm64"] | None = None
    gpu_count: int | None = Field(None, ge=0)
    gpu_model: str | None = None
    os: str | None = Field(None, description="linux, windows, or a distribution name")
    storage_gib: float | None = Field(None, ge=0, description="Provisioned or used size")
    storage_class: str | None = Field(None, description="ssd, hdd, gp3, Premium_LRS, STANDARD ...")
    iops: int | None = Field(None, ge=0)
    throughput_mibps: float | None = Field(None, ge=0)
    engine: str | None = Field(None, description="postgresql, mysql, redis, dynamodb ...")
    engine_version: str | None = None
    high_availability: bool | None = None
    node_count: int | None = Field(None, ge=0)
    min_nodes: int | None = Field(
        None, ge=0, description="Autoscaling floor the source sets; None: a fixed size"
    )
    max_nodes: int | None = Field(
        None, ge=1, description="Autoscaling ceiling the source sets; None: a fixed size"
    )
    object_count: int | None = Field(None, ge=0)
    item_count: int | None = Field(None, ge=0)
    billing_mode: str | None = None
    read_capacity_units: float | None = Field(
        None, ge=0, description="Provisioned reads a second (DynamoDB read capacity units)"
    )
    write_capacity_units: float | None = Field(
        None, ge=0, description="Provisioned writes a second (DynamoDB write capacity units)"
    )
    request_units: float | None = Field(
        None, ge=0, description="Provisioned request units a second (Cosmos DB RU/s)"
    )
    requests_month: float | None = Field(
        None, ge=0, description="Requests, invocations or messages a month, where measured"
    )
    state: str | None = Field(
        None, description="running, stopped ...; stopped resources are flagged"
    )
    monthly_egress_gib: float | None = Field(None, ge=0)
    details: dict[str, Any] = Field(
        default_factory=dict,
        description="Other native facts kept for reference, never secrets; emitters read `topology`",
    )

    @field_validator("details")
    @classmethod
    def _details_emitters_can_read(cls, value: dict[str, Any]) -> dict[str, Any]:
        wrong = details_problem(value)
        if wrong:
            raise ValueError(wrong)
        return value


class Utilisation(_Strict):
    cpu_mean: float | None = Field(None, ge=0, le=100, description="Percent")
    cpu_p95: float | None = Field(None, ge=0, le=100, description="Percent")
    memory_p95: float | None = Field(None, ge=0, le=100, description="Percent")
    period_days: int | None = Field(None, ge=1)
    source: str | None = None


class MonthlyCost(_Strict):
    amount: Amount = Field(ge=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    source: str = Field(
        description="Where the figure comes from: billing export, catalogue entry ..."
    )


class Resource(_Strict):
    id: str = Field(min_length=1, description="Native, globally unique id (ARN, ARM id, CAI name)")
    provider: SourceProvider
    account: str = Field(
        description="AWS account, Azure subscription, GCP project, OpenStack project"
    )
    region: str = Field(description="Native region code; 'global' for global services")
    type: str = Field(
        min_length=1, description="Native type, e.g. AWS::EC2::Instance, aws_instance"
    )
    kind: Kind
    name: str
    tags: dict[str, str] = Field(default_factory=dict)
    attributes: Attributes = Field(default_factory=Attributes)
    topology: Topology = Field(default_factory=Topology)
    utilisation: Utilisation | None = None
    monthly_cost: MonthlyCost | None = None
    depends_on: list[str] = Field(default_factory=empty_list)
    planned: bool = Field(False, description="Exists only in a Terraform plan, not yet created")
    members: list[str] = Field(
        default_factory=empty_list,
        description="Ids of the machines (and their disks) this group runs, folded into it: "
        "not planned or billed apart",
    )

    @model_validator(mode="after")
    def _share_repeated_values(self) -> Resource:
        """Strings, field sets and tables of field names that repeat across resources kept once
        (``model.sharing``)."""
        share_strings(self, ("provider", "account", "region", "type"))
        if self.tags:
            self.__dict__["tags"] = shared_tags(self.tags)
        share_strings(self.attributes, _ATTRIBUTE_TEXTS)
        share_fields_set(self)
        share_fields_set(self.attributes)
        share_fields_set(self.topology)
        if self.utilisation is not None:
            share_strings(self.utilisation, ("source",))
            share_fields_set(self.utilisation)
        if self.monthly_cost is not None:
            share_strings(self.monthly_cost, ("currency", "source"))
            share_fields_set(self.monthly_cost)
        # every field is in each dictionary, so one table of names per model: a third the size
        for model in (self, self.attributes, self.topology, self.utilisation, self.monthly_cost):
            if model is not None:
                share_keys(model)
        return self


_ATTRIBUTE_TEXTS = (
    "instance_type",
    "architecture",
    "os",
    "storage_class",
    "engine",
    "engine_version",
    "billing_mode",
    "state",
    "gpu_model",
)


class Source(_Strict):
    kind: str = Field(description="aws, azure, gcp, openstack, or import:<format>")
    location: str = Field(description="Accounts, subscriptions, scope or file name scanned")
    resources: int = Field(0, ge=0)


IssueCode = Literal[
    "access_denied",
    "throttled",
    "region_disabled",
    "service_error",
    "unsupported_type",
    "skipped",
    "invalid_data",
    "not_found",
    "unsupported_rule",
    "unreadable",
]


class CollectionIssue(_Strict):
    code: IssueCode
    message: str
    source: str = Field(description="Which source produced the issue")
    scope: str = Field("", description="account/region/service, or file and position")
    resource_id: str | None = None


class Inventory(_Strict):
    schema_version: Literal["2.0"] = INVENTORY_SCHEMA_VERSION
    generated_at: str | None = Field(None, description="ISO 8601; the only timestamp in the file")
    sources: list[Source] = Field(default_factory=empty_list)
    resources: list[Resource] = Field(default_factory=empty_list)
    issues: list[CollectionIssue] = Field(default_factory=empty_list)
    bill: Bill | None = Field(
        None, description="Today's bill from a cost export (cloudexit inventory bill)"
    )

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("schema_version") == "1.0":
            return migrate_1_0(data)
        return data

    @field_validator("resources")
    @classmethod
    def _unique_ids(cls, resources: list[Resource]) -> list[Resource]:
        return unique_ids(resources)

    @model_validator(mode="after")
    def _sorted(self) -> Inventory:
        return self.settled()

    def settled(self) -> Inventory:
        """Resources, their dependencies, issues and sources in their fixed order, attachments
        linked: what validation does once every field is read."""
        self.resources.sort(key=lambda r: r.id)
        for r in self.resources:
            r.depends_on.sort()
        link_attachments(self.resources)
        self.issues.sort(key=lambda i: (i.source, i.scope, i.code, i.resource_id or "", i.message))
        self.sources.sort(key=lambda s: (s.kind, s.location))
        return self

    def by_id(self) -> dict[str, Resource]:
        return {r.id: r for r in self.resources}


def unique_ids(resources: list[Resource]) -> list[Resource]:
    seen: set[str] = set()
    for index, resource in enumerate(resources):
        if resource.id in seen:
            raise ValueError(f"duplicate resource id {resource.id!r} at resources[{index}]")
        seen.add(resource.id)
    return resources
