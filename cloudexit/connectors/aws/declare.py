"""How a resource type is declared: a few fields read by one generic enumerator.

A declaration names the client, the list operation, where the items sit in a page, how to get
the id and name, and small functions for attributes and dependencies. Types that need more
reads per item declare a ``detail`` step and list the operations it makes, so the IAM policy
and the read-only guard are derived from the same place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cloudexit.model.inventory import Attributes
from cloudexit.model.kinds import Kind
from cloudexit.topology import Mapped

if TYPE_CHECKING:
    from cloudexit.connectors.aws.reader import Reader

Item = dict[str, Any]

PARTITION_PREFIXES = (
    ("cn-", "aws-cn"),
    ("us-gov-", "aws-us-gov"),
    ("us-iso-", "aws-iso"),
    ("us-isob-", "aws-iso-b"),
    ("eusc-", "aws-eusc"),
)


def partition_of(region: str) -> str:
    for prefix, partition in PARTITION_PREFIXES:
        if region.startswith(prefix):
            return partition
    return "aws"


@dataclass(frozen=True)
class Scope:
    """Where items come from: the account and region a page was read in."""

    account: str
    region: str

    @property
    def partition(self) -> str:
        return partition_of(self.region)

    def arn(self, service: str, resource: str, *, region: bool = True, account: bool = True) -> str:
        where = self.region if region else ""
        owner = self.account if account else ""
        return f"arn:{self.partition}:{service}:{where}:{owner}:{resource}"


@dataclass(frozen=True)
class Parent:
    """List parents first (clusters, zones); each parent key becomes a parameter of the list call."""

    operation: str
    items: str
    param: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CpuMetric:
    """Where CloudWatch keeps the CPU figure of this type."""

    namespace: str
    dimension: str
    value: Callable[[Item], str]


IdSpec = str | Callable[[Item, Scope], str]
NameSpec = str | Callable[[Item], str]
KindSpec = Kind | Callable[[Item], Kind] | None
TagSpec = str | Callable[[Item], Mapping[str, str]] | None


@dataclass(frozen=True)
class ResourceType:
    type: str
    """CloudFormation name, e.g. AWS::EC2::Instance."""
    service: str
    """boto3 client name."""
    operation: str
    """API operation that lists the items (its IAM action is derived from it)."""
    items: str
    """JMESPath to the items inside one response page."""
    id: IdSpec
    """Field holding the ARN, or a function building it."""
    name: NameSpec
    kind: KindSpec = None
    """None: the kind declared in mappings/sources/aws.yaml."""
    params: Mapping[str, Any] = field(default_factory=dict)
    tags: TagSpec = "Tags"
    attributes: Callable[[Item, Scope], Attributes] | None = None
    depends_on: Callable[[Item, Scope], Iterable[str]] | None = None
    topology: Callable[[Item], Mapped] | None = None
    """Typed topology (rules, ranges) from the item, shared with the importers' mapper."""
    region: Callable[[Item], str] | None = None
    """Region of the item when it differs from the region read (S3); global types say 'global'."""
    include: Callable[[Item], bool] | None = None
    parent: Parent | None = None
    detail: Callable[[Reader, list[Item]], list[Item]] | None = None
    """Further reads per batch of items; runs in the detail pool."""
    detail_batch: int = 1
    reads: tuple[str, ...] = ()
    """Other operations this type makes, as 'client:Operation' (details, metrics, type lookups)."""
    cpu: CpuMetric | None = None
    scope: Literal["regional", "global"] = "regional"
    covers: tuple[str, ...] = ()
    """Native types folded into this one (listeners into load balancers): not listed apart."""
    type_of: Callable[[Item], str] | None = None
    """Native type per item when one list returns several (RDS also lists DocumentDB, Neptune)."""
    finish: Callable[[Reader, list[Item]], list[Item]] | None = None
    """One step over all items after the details (instance type specs, storage metrics)."""
    unsupported: bool = False
    """Items of types without a dedicated reader: each type found is reported as unsupported."""

    def all_reads(self) -> list[tuple[str, str]]:
        calls = [(self.service, self.operation)]
        if self.parent:
            calls.append((self.service, self.parent.operation))
        for read in self.reads:
            client, _, operation = read.partition(":")
            calls.append((client, operation))
        if self.cpu:
            calls.append(("cloudwatch", "GetMetricData"))
        return calls


def tag_dict(tags: Any) -> dict[str, str]:
    """AWS tags come as [{Key, Value}], [{key, value}] or {key: value}; one dict out."""
    if not tags:
        return {}
    if isinstance(tags, Mapping):
        return {str(k): str(v) for k, v in tags.items()}
    out: dict[str, str] = {}
    for tag in tags:
        key = tag.get("Key", tag.get("key"))
        if key is not None:
            out[str(key)] = str(tag.get("Value", tag.get("value", "")))
    return out


def gib(size_bytes: float | None) -> float | None:
    return None if size_bytes is None else round(size_bytes / 1024**3, 3)


def name_tag_or(field_name: str) -> Callable[[Item], str]:
    def name(item: Item) -> str:
        return tag_dict(item.get("Tags")).get("Name") or str(item[field_name])

    return name
