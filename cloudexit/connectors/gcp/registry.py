"""How a service module declares what it reads: Cloud Asset type -> extractor of the resource data."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cloudexit.catalog.products import Specs
from cloudexit.jsonvalues import dig
from cloudexit.model.kinds import Kind
from cloudexit.topology import Mapped

_SELF_LINK = re.compile(
    r"^https://(?:www\.googleapis\.com/compute|compute\.googleapis\.com/compute)/(?:v1|beta|alpha)/(.+)$"
)
_API_LINK = re.compile(r"^https://([a-z0-9-]+)\.googleapis\.com/(?:v\d[a-z0-9]*/)?(.+)$")
_ZONE = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")


def cai_ref(value: Any, service: str = "compute", project: str | None = None) -> str | None:
    """A self link or relative name as the Cloud Asset full resource name it refers to."""
    if not isinstance(value, str) or not value:
        return None
    if value.startswith("//"):
        return value
    link = _SELF_LINK.match(value)
    if link:
        return f"//compute.googleapis.com/{link.group(1)}"
    api = _API_LINK.match(value)
    if api:
        return f"//{api.group(1)}.googleapis.com/{api.group(2)}"
    if value.startswith("projects/"):
        return f"//{service}.googleapis.com/{value}"
    if project and "/" not in value:
        return f"//compute.googleapis.com/projects/{project}/global/networks/{value}"
    return None


def last_segment(value: Any) -> str | None:
    return value.rstrip("/").rsplit("/", 1)[-1] if isinstance(value, str) and value else None


_NAMED_LOCATION = re.compile(r"/(?:locations|regions|zones)/([^/]+)/")


def location_in_name(name: str) -> str | None:
    found = _NAMED_LOCATION.search(name)
    return found.group(1) if found else None


def region_of(location: str | None) -> str:
    """Zone -> region (us-central1-c -> us-central1); multi-regions and 'global' as given."""
    if not location:
        return "global"
    location = location.lower().rsplit("/", 1)[-1]
    zone = _ZONE.match(location)
    return zone.group(1) if zone else location


_STOPPED = frozenset({"TERMINATED", "STOPPED", "SUSPENDED", "STOPPING", "SUSPENDING"})


def state_of(value: Any) -> str | None:
    """A native lifecycle state in lower case, with every stopped spelling as 'stopped'."""
    if not isinstance(value, str) or not value:
        return None
    return "stopped" if value.upper() in _STOPPED else value.lower()


@dataclass
class Facts:
    """What an extractor learns about one asset."""

    name: str
    project: str | None
    data: dict[str, Any]
    sizes: Callable[[str], Specs | None]
    lookup: Callable[[str], dict[str, Any] | None]
    attributes: dict[str, Any] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    depends_on: set[str] = field(default_factory=set)
    kind: Kind | None = None
    location: str | None = None
    children: list[tuple[str, str, dict[str, Any], str | None]] = field(default_factory=list)
    topology: Mapped = field(default_factory=Mapped)

    def get(self, path: str, default: Any = None) -> Any:
        return dig(self.data, path, default)

    def set(self, **values: Any) -> None:
        self.attributes.update({k: v for k, v in values.items() if v is not None})

    def note(self, **values: Any) -> None:
        self.details.update({k: v for k, v in values.items() if v not in (None, [], {}, "")})

    def depend(self, *refs: Any, service: str = "compute") -> None:
        for ref in refs:
            found = cai_ref(ref, service, self.project)
            if found and found != self.name:
                self.depends_on.add(found)

    def size(self, machine_type: str | None) -> None:
        """A machine type (or Cloud SQL tier) with its vCPU and memory from the one size lookup."""
        if not machine_type:
            return
        self.set(instance_type=machine_type)
        specs = self.sizes(machine_type)
        if specs is None:
            self.details["size_unresolved"] = True
            return
        self.set(
            vcpu=specs.vcpu,
            memory_gib=specs.memory_gib,
            architecture=specs.architecture,
            gpu_count=specs.gpu_count or None,
        )

    def map(self, mapper: Callable[[dict[str, Any]], Mapped]) -> None:
        """Typed topology from the shared mapper; data it cannot read is a problem, not a guess."""
        try:
            self.topology = mapper(self.data)
        except (ValueError, TypeError) as exc:
            self.topology = Mapped(
                problems=[f"topology not understood ({str(exc).splitlines()[-1].strip()})"]
            )

    def child(self, name: str, asset_type: str, data: dict[str, Any]) -> None:
        """A nested resource (a GKE node pool) reported as a resource of its own, where its parent is."""
        self.children.append((name, asset_type, data, self.location))


Extractor = Callable[[Facts], None]


@dataclass(frozen=True)
class TypeSpec:
    type: str
    extract: Extractor


def declare(asset_type: str, extract: Extractor) -> TypeSpec:
    return TypeSpec(asset_type, extract)
