"""What an OpenStack project can still hold: flavours and quota headroom per region, as data the
optimiser's capacity policy reads (cloudexit.model.policy.Capacity)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from cloudexit.connectors.openstack.compute import flavor_specs
from cloudexit.model.io import write_text_atomic
from cloudexit.model.policy import Capacity


def _headroom(limits: Any, limit: str, used: str, scale: float = 1.0) -> float | None:
    """limit - used; a negative limit means unlimited (None)."""
    most, taken = getattr(limits, limit, None), getattr(limits, used, None) or 0
    if most is None or most < 0:
        return None
    return round(max(0.0, float(most - taken) / scale), 3)


def region_capacity(
    provider: str,
    region: str,
    compute_limits: Any,
    volume_limits: Any,
    flavors: list[str] | None = None,
) -> Capacity:
    """Quota headroom (None where a limit is unlimited or unreadable) and the flavours offered."""
    instances = _headroom(compute_limits, "instances", "instances_used")
    return Capacity(
        provider=provider,
        region=region,
        max_vcpu=_headroom(compute_limits, "total_cores", "total_cores_used"),
        max_memory_gib=_headroom(compute_limits, "total_ram", "total_ram_used", 1024),
        max_instances=int(instances) if instances is not None else None,
        max_storage_gib=_headroom(
            volume_limits, "max_total_volume_gigabytes", "total_gigabytes_used"
        ),
        flavors=sorted({f for f in flavors or []}) or None,
    )


def flavor_row(region: str, flavor: Any) -> dict[str, Any]:
    specs = flavor_specs(flavor)
    return {
        "region": region,
        "name": flavor.name,
        "id": flavor.id,
        "vcpu": specs["vcpu"],
        "memory_gib": specs["memory_gib"],
        "disk_gib": specs["storage_gib"] or 0,
        "gpu_count": specs["gpu_count"] or 0,
        "public": bool(getattr(flavor, "is_public", True)),
    }


def write(
    path: Path, capacities: list[Capacity], flavors: list[dict[str, Any]], source: str
) -> None:
    """``capacity:`` can be pasted into policy.yaml as it is; ``flavors:`` records what each region offers."""
    document = {
        "source": source,
        "capacity": [
            c.model_dump(mode="json", exclude_none=True)
            for c in sorted(capacities, key=lambda c: c.region or "")
        ],
        "flavors": sorted(flavors, key=lambda f: (f["region"], f["name"], f["id"])),
    }
    if path.suffix.lower() in {".yaml", ".yml"}:
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    else:
        text = json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
    write_text_atomic(path, text)
