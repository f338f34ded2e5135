"""Cloud Monitoring utilisation: the metric types read, how their series find resources, p95 and mean.

No SDK here: the series arrive as plain values from the monitoring module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from cloudexit.connectors.common import percentile
from cloudexit.model.inventory import Resource, Utilisation

VM = "compute.googleapis.com/Instance"
SQL = "sqladmin.googleapis.com/Instance"
ALIGNMENT_SECONDS = 3600
SOURCE = "gcp-cloud-monitoring"
_VM_NAME = re.compile(r"/projects/[^/]+/zones/([^/]+)/instances/([^/]+)$")
_SQL_NAME = re.compile(r"/projects/([^/]+)/instances/([^/]+)$")

Key = tuple[str, ...]


@dataclass(frozen=True)
class Metric:
    type: str
    asset_type: str
    monitored_resource: str
    measure: Literal["cpu", "memory"]
    percent_per_unit: float
    metric_labels: tuple[tuple[str, str], ...] = ()

    def filter(self) -> str:
        parts = [f'metric.type = "{self.type}"', f'resource.type = "{self.monitored_resource}"']
        parts += [f'metric.labels.{key} = "{value}"' for key, value in self.metric_labels]
        return " AND ".join(parts)


# Compute Engine and Cloud SQL report utilisation as a ratio (0..1); the Ops Agent in percent.
# Memory of a VM is only known where the Ops Agent runs in it.
METRICS = (
    Metric("compute.googleapis.com/instance/cpu/utilization", VM, "gce_instance", "cpu", 100.0),
    Metric(
        "agent.googleapis.com/memory/percent_used",
        VM,
        "gce_instance",
        "memory",
        1.0,
        (("state", "used"),),
    ),
    Metric(
        "cloudsql.googleapis.com/database/cpu/utilization", SQL, "cloudsql_database", "cpu", 100.0
    ),
    Metric(
        "cloudsql.googleapis.com/database/memory/utilization",
        SQL,
        "cloudsql_database",
        "memory",
        100.0,
    ),
)
ASSET_TYPES = frozenset(m.asset_type for m in METRICS)


@dataclass(frozen=True)
class Series:
    resource_labels: Mapping[str, str]
    metric_labels: Mapping[str, str]
    values: tuple[float, ...]


def _series_keys(series: Series) -> list[Key]:
    resource, metric = series.resource_labels, series.metric_labels
    keys: list[Key] = []
    if resource.get("instance_id"):
        keys.append(("instance", resource["instance_id"]))
    if resource.get("zone") and metric.get("instance_name"):
        keys.append(("named", resource["zone"], metric["instance_name"]))
    if resource.get("database_id"):
        keys.append(("database", resource["database_id"]))
    return keys


def values_by_key(series: Iterable[Series], metric: Metric) -> dict[Key, list[float]]:
    """Percentages per resource key; a series split over pages comes together again."""
    out: dict[Key, list[float]] = {}
    for one in series:
        percent = [min(100.0, max(0.0, v * metric.percent_per_unit)) for v in one.values]
        for key in _series_keys(one):
            out.setdefault(key, []).extend(percent)
    return out


def resource_keys(resource: Resource, instance_id: str | None) -> list[Key]:
    """The numeric instance id first; zone and name when the configuration (and so the id) is missing."""
    keys: list[Key] = []
    if resource.type == VM:
        if instance_id:
            keys.append(("instance", instance_id))
        named = _VM_NAME.search(resource.id)
        if named:
            keys.append(("named", named.group(1), named.group(2)))
    elif resource.type == SQL:
        found = _SQL_NAME.search(resource.id)
        if found:
            keys.append(("database", f"{found.group(1)}:{found.group(2)}"))
    return keys


def first_match(values: Mapping[Key, list[float]], keys: list[Key]) -> list[float]:
    return next((values[key] for key in keys if values.get(key)), [])


def utilisation(cpu: list[float], memory: list[float], days: int) -> Utilisation | None:
    if not cpu and not memory:
        return None
    return Utilisation(
        cpu_mean=round(sum(cpu) / len(cpu), 2) if cpu else None,
        cpu_p95=round(percentile(cpu, 0.95), 2) if cpu else None,
        memory_p95=round(percentile(memory, 0.95), 2) if memory else None,
        period_days=days,
        source=SOURCE,
    )
