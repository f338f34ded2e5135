"""How a service module declares what it reads: Heat type -> proxy listing and extractor."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cloudexit.model.kinds import Kind
from cloudexit.topology import Mapped

GIB = 1024**3
_STOPPED = frozenset({"SHUTOFF", "SUSPENDED", "PAUSED", "SHELVED", "SHELVED_OFFLOADED", "STOPPED"})


def state_of(status: Any) -> str | None:
    if not isinstance(status, str) or not status:
        return None
    if status.upper() in _STOPPED:
        return "stopped"
    return "running" if status.upper() == "ACTIVE" else status.lower()


@dataclass
class Context:
    """One region's look-ups that extractors share: flavours, ports, images, names -> ids."""

    cloud: str
    region: str
    project_id: str
    flavors: dict[str, Any] = field(default_factory=dict)
    ports: list[Any] = field(default_factory=list)
    images: dict[str, Any] = field(default_factory=dict)
    floating_ips: list[Any] = field(default_factory=list)
    connection: Any = None

    def rid(self, short_type: str, native_id: Any) -> str:
        return f"{self.cloud}/{self.region}/{short_type}/{native_id}"

    def ports_of(self, device_id: str) -> list[Any]:
        return [p for p in self.ports if p.device_id == device_id]

    def devices_at(self, address: str) -> list[str]:
        return sorted(
            {
                p.device_id
                for p in self.ports
                for ip in p.fixed_ips or []
                if ip.get("ip_address") == address and p.device_id
            }
        )


@dataclass
class Facts:
    item: Any
    context: Context
    attributes: dict[str, Any] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    depends_on: set[str] = field(default_factory=set)
    kind: Kind | None = None
    skip: str | None = None
    region: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    topology: Mapped = field(default_factory=Mapped)

    def set(self, **values: Any) -> None:
        self.attributes.update({k: v for k, v in values.items() if v is not None})

    def note(self, **values: Any) -> None:
        self.details.update({k: v for k, v in values.items() if v not in (None, [], {}, "")})

    def map(self, mapper: Callable[[], Mapped]) -> None:
        """Typed topology from the shared mapper; data it cannot read is a problem, not a guess."""
        try:
            self.topology = mapper()
        except (ValueError, TypeError) as exc:
            self.topology = Mapped(
                problems=[f"topology not understood ({str(exc).splitlines()[-1].strip()})"]
            )

    def depend(self, short_type: str, *native_ids: Any) -> None:
        for native_id in native_ids:
            if native_id:
                self.depends_on.add(self.context.rid(short_type, native_id))


Extractor = Callable[[Facts], None]
Lister = Callable[[Any, Context], Iterable[Any]]


@dataclass(frozen=True)
class TypeSpec:
    type: str
    short: str
    service: str
    list: Lister
    extract: Extractor
    key: Callable[[Any], str] = lambda item: str(item.id)


def declare(
    heat_type: str,
    short: str,
    service: str,
    lister: Lister,
    extract: Extractor,
    key: Callable[[Any], str] | None = None,
) -> TypeSpec:
    return TypeSpec(heat_type, short, service, lister, extract, key or (lambda item: str(item.id)))


def tags_of(item: Any) -> dict[str, str]:
    """Metadata pairs and bare tags (as keys with empty values)."""
    tags = {str(t): "" for t in (getattr(item, "tags", None) or [])}
    tags.update({str(k): str(v) for k, v in (getattr(item, "metadata", None) or {}).items()})
    return tags


def join(*groups: Iterable[TypeSpec]) -> list[TypeSpec]:
    return [spec for group in groups for spec in group]
