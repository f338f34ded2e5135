"""Cloud Monitoring v3 ListTimeSeries over loopback gRPC (the Python library speaks only gRPC).

Series are kept in the JSON shape of projects.timeSeries.list (metric.type/labels, resource.type/
labels, points[].interval.endTime, points[].value.doubleValue, newest point first) and become the
protobuf answer through the library's own JSON mapping. Pages count points, as the service does in
the FULL view, so a long series is split over pages. Errors carry gRPC status details: RetryInfo on
RESOURCE_EXHAUSTED is the gRPC form of 429 with Retry-After.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Iterator
from concurrent import futures
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import grpc
from google.cloud import monitoring_v3
from google.protobuf import any_pb2, duration_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

END = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
SERVICE = "google.monitoring.v3.MetricService"
_CLAUSE = re.compile(r'^(metric\.type|resource\.type|metric\.labels\.[a-z_]+) = "([^"]*)"$')


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Fault:
    project: str
    metric_type: str | None
    code: grpc.StatusCode
    message: str
    retry_seconds: float | None
    times: int | None


class FakeMonitoring:
    def __init__(self, page_points: int = 50) -> None:
        self.page_points = page_points
        self.series: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.calls: list[str] = []
        self.requests: list[monitoring_v3.ListTimeSeriesRequest] = []
        self.faults: list[Fault] = []
        self._lock = threading.Lock()
        self._port: int | None = None

    @property
    def url(self) -> str:
        assert self._port is not None
        return f"http://127.0.0.1:{self._port}"

    def add(
        self,
        project: str,
        metric_type: str,
        resource_type: str,
        resource_labels: dict[str, str],
        values: list[float],
        metric_labels: dict[str, str] | None = None,
        end: dt.datetime = END,
    ) -> None:
        """Hourly values, oldest first; the last one ends at ``end``."""
        points = [
            {
                "interval": {
                    "startTime": _iso(end - dt.timedelta(hours=i + 1)),
                    "endTime": _iso(end - dt.timedelta(hours=i)),
                },
                "value": {"doubleValue": value},
            }
            for i, value in enumerate(reversed(values))
        ]
        self.series.setdefault((project, metric_type), []).append(
            {
                "metric": {"type": metric_type, "labels": metric_labels or {}},
                "resource": {
                    "type": resource_type,
                    "labels": {"project_id": project, **resource_labels},
                },
                "metricKind": "GAUGE",
                "valueType": "DOUBLE",
                "points": points,
            }
        )

    def fail(
        self,
        project: str,
        code: grpc.StatusCode,
        message: str,
        *,
        metric_type: str | None = None,
        retry_seconds: float | None = None,
        times: int | None = 1,
    ) -> None:
        self.faults.append(Fault(project, metric_type, code, message, retry_seconds, times))

    # -- the service -----------------------------------------------------------------------

    def _list(
        self, request: monitoring_v3.ListTimeSeriesRequest, context: grpc.ServicerContext
    ) -> Any:
        wanted: dict[str, str] = {}
        for clause in request.filter.split(" AND "):
            match = _CLAUSE.match(clause.strip())
            if not match:
                context.abort(
                    grpc.StatusCode.INVALID_ARGUMENT, f"cannot parse filter clause {clause!r}"
                )
            wanted[match.group(1)] = match.group(2)
        project = request.name.removeprefix("projects/")
        with self._lock:
            self.requests.append(request)
            for fault in self.faults:
                if (
                    fault.project == project
                    and fault.metric_type in (None, wanted.get("metric.type"))
                    and (fault.times is None or fault.times > 0)
                ):
                    if fault.times is not None:
                        fault.times -= 1
                    self._abort(context, fault)
        start, end = request.interval.start_time, request.interval.end_time
        matching = [
            s
            for s in self.series.get((project, wanted.get("metric.type", "")), [])
            if s["resource"]["type"] == wanted.get("resource.type", s["resource"]["type"])
            and all(
                s["metric"]["labels"].get(k.split(".")[-1]) == v
                for k, v in wanted.items()
                if k.startswith("metric.labels.")
            )
        ]
        flat = [
            (index, point)
            for index, series in enumerate(matching)
            for point in series["points"]
            if start < dt.datetime.fromisoformat(point["interval"]["endTime"]) <= end
        ]
        size = min(self.page_points, request.page_size or self.page_points)
        first = int(request.page_token or 0)
        groups: list[tuple[int, list[dict[str, Any]]]] = []
        for index, point in flat[first : first + size]:
            if groups and groups[-1][0] == index:
                groups[-1][1].append(point)
            else:
                groups.append((index, [point]))
        body: dict[str, Any] = {
            "timeSeries": [{**matching[i], "points": points} for i, points in groups]
        }
        if first + size < len(flat):
            body["nextPageToken"] = str(first + size)
        return monitoring_v3.ListTimeSeriesResponse.from_json(json.dumps(body))

    @staticmethod
    def _abort(context: grpc.ServicerContext, fault: Fault) -> None:
        details = []
        if fault.retry_seconds is not None:
            info = error_details_pb2.RetryInfo(
                retry_delay=duration_pb2.Duration(
                    seconds=int(fault.retry_seconds), nanos=int(fault.retry_seconds % 1 * 1e9)
                )
            )
            packed = any_pb2.Any()
            packed.Pack(info)
            details.append(packed)
        status = status_pb2.Status(code=fault.code.value[0], message=fault.message, details=details)
        context.abort_with_status(rpc_status.to_status(status))

    @contextmanager
    def running(self) -> Iterator[FakeMonitoring]:
        fake = self

        class Handler(grpc.GenericRpcHandler):
            def service(self, details: Any) -> Any:
                with fake._lock:
                    fake.calls.append(details.method)
                if details.method != f"/{SERVICE}/ListTimeSeries":
                    return None
                return grpc.unary_unary_rpc_method_handler(
                    fake._list,
                    request_deserializer=monitoring_v3.ListTimeSeriesRequest.deserialize,
                    response_serializer=monitoring_v3.ListTimeSeriesResponse.serialize,
                )

        server = grpc.server(futures.ThreadPoolExecutor(max_workers=8), handlers=[Handler()])
        self._port = server.add_insecure_port("127.0.0.1:0")
        server.start()
        try:
            yield self
        finally:
            server.stop(grace=None)
