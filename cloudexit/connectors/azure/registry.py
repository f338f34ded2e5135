"""How a service module declares what it reads: ARM type -> API version and extractor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cloudexit.catalog.products import Specs
from cloudexit.jsonvalues import dig
from cloudexit.model.kinds import Kind
from cloudexit.topology import Mapped


def arm_id(value: Any) -> str | None:
    """An ARM id in the one spelling used for ids and references: lower case, no trailing slash."""
    if isinstance(value, dict):
        value = value.get("id")
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().rstrip("/").lower()


def parent_id(resource_id: str, levels: int = 1) -> str:
    """The id of the resource ``levels`` child segments up (``.../servers/a/databases/b`` -> server)."""
    parts = resource_id.split("/")
    return "/".join(parts[: len(parts) - 2 * levels])


_SUB_RESOURCES = frozenset(
    {
        "backendaddresspools",
        "frontendipconfigurations",
        "ipconfigurations",
        "gatewayipconfigurations",
    }
)


def owner_of(ref: str) -> str:
    """A load balancer's backend pool or a NIC's IP configuration -> the resource that owns it."""
    parts = ref.split("/")
    if len(parts) > 10 and parts[-2] in _SUB_RESOURCES:
        return "/".join(parts[:-2])
    return ref


@dataclass
class Facts:
    """What an extractor learns about one resource."""

    item: dict[str, Any]
    sizes: Callable[[str], Specs | None]
    attributes: dict[str, Any] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    topology: Mapped | None = None
    depends_on: set[str] = field(default_factory=set)
    kind: Kind | None = None
    children: list[dict[str, Any]] = field(default_factory=list)
    skip: str | None = None

    def prop(self, path: str, default: Any = None) -> Any:
        return dig(self.item.get("properties") or {}, path, default)

    def sku(self, key: str = "name") -> Any:
        sku = self.item.get("sku")
        return sku.get(key) if isinstance(sku, dict) else None

    def set(self, **values: Any) -> None:
        self.attributes.update({k: v for k, v in values.items() if v is not None})

    def depend(self, *refs: Any) -> None:
        for ref in refs:
            found = arm_id(ref)
            if found:
                self.depends_on.add(found)

    def size(self, size: str | None) -> None:
        """Record a VM size with its vCPU and memory from the catalogue."""
        if not size:
            return
        self.set(instance_type=size)
        specs = self.sizes(size)
        if specs is not None:
            self.set(
                vcpu=specs.vcpu,
                memory_gib=specs.memory_gib,
                architecture=specs.architecture,
                gpu_count=specs.gpu_count or None,
            )
        else:
            self.details["size_unresolved"] = True

    def child(self, item: dict[str, Any], child_type: str) -> None:
        """A nested resource (a VNet's subnet) reported as a resource of its own."""
        self.children.append(
            {
                **item,
                "type": child_type,
                "location": self.item.get("location"),
                "subscriptionId": self.item.get("subscriptionId"),
                "resourceGroup": self.item.get("resourceGroup"),
            }
        )


Extractor = Callable[[Facts], None]


@dataclass(frozen=True)
class TypeSpec:
    type: str
    api_version: str
    extract: Extractor
    metrics: str | None = None


def declare(
    type_name: str, api_version: str, extract: Extractor, metrics: str | None = None
) -> TypeSpec:
    return TypeSpec(type_name.lower(), api_version, extract, metrics)
