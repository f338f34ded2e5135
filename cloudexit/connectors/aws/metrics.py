"""CloudWatch reads: CPU for right-sizing, and the storage figures S3 and Aurora publish there."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Utilisation

QUERIES_PER_CALL = 500  # the GetMetricData limit


@dataclass(frozen=True)
class Query:
    key: str
    namespace: str
    metric: str
    dimensions: tuple[tuple[str, str], ...]
    stat: str = "Average"


def series(
    reader: Reader,
    queries: Sequence[Query],
    *,
    days: int,
    period: int,
    region: str | None = None,
) -> dict[str, list[float]]:
    """Values per query key, oldest first, over the last ``days``."""
    end = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    start = end - dt.timedelta(days=days)
    out: dict[str, list[float]] = {q.key: [] for q in queries}
    for first in range(0, len(queries), QUERIES_PER_CALL):
        chunk = queries[first : first + QUERIES_PER_CALL]
        by_id = {f"q{i}": q.key for i, q in enumerate(chunk)}
        request = [
            {
                "Id": f"q{i}",
                "MetricStat": {
                    "Metric": {
                        "Namespace": q.namespace,
                        "MetricName": q.metric,
                        "Dimensions": [{"Name": n, "Value": v} for n, v in q.dimensions],
                    },
                    "Period": period,
                    "Stat": q.stat,
                },
                "ReturnData": True,
            }
            for i, q in enumerate(chunk)
        ]
        params = {
            "MetricDataQueries": request,
            "StartTime": start,
            "EndTime": end,
            "ScanBy": "TimestampAscending",
        }
        for page in reader.pages("cloudwatch", "GetMetricData", params, region):
            for result in page.get("MetricDataResults", []):
                pairs = sorted(
                    zip(result.get("Timestamps", []), result.get("Values", []), strict=False)
                )
                out[by_id[result["Id"]]].extend(float(v) for _, v in pairs)
    return out


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def cpu_utilisation(
    reader: Reader, namespace: str, dimension: str, targets: Sequence[tuple[str, str]]
) -> dict[str, Utilisation]:
    """Mean and p95 of hourly CPU averages per resource id; resources without data are absent."""
    queries = [
        Query(rid, namespace, "CPUUtilization", ((dimension, value),)) for rid, value in targets
    ]
    days = reader.metrics_days
    found = series(reader, queries, days=days, period=3600)
    out: dict[str, Utilisation] = {}
    for rid, values in found.items():
        if not values:
            continue
        clipped = [min(100.0, max(0.0, v)) for v in values]
        out[rid] = Utilisation(
            cpu_mean=round(sum(clipped) / len(clipped), 2),
            cpu_p95=round(p95(clipped), 2),
            period_days=days,
            source=f"CloudWatch {namespace} CPUUtilization, hourly averages over {days} days",
        )
    return out


def latest(
    reader: Reader, queries: Sequence[Query], *, region: str, days: int = 3
) -> dict[str, float]:
    """The most recent daily value per key (storage metrics are published once a day)."""
    found = series(reader, queries, days=days, period=86400, region=region)
    return {key: values[-1] for key, values in found.items() if values}
