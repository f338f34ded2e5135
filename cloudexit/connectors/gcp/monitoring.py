"""Cloud Monitoring time series through a channel that only lets reads through.

The Python Monitoring library speaks gRPC only (it has no REST transport), so the guard is a gRPC
client interceptor: every method but List*/Get* is refused before anything is sent.
Imported only once the gcp extra is known to be installed.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import grpc  # type: ignore[import-untyped]
from google.cloud import monitoring_v3
from google.cloud.monitoring_v3.services.metric_service.transports.grpc import (
    MetricServiceGrpcTransport,
)

from cloudexit.connectors.common import ReadOnlyViolation
from cloudexit.connectors.gcp.calls import with_retries
from cloudexit.connectors.gcp.metrics import ALIGNMENT_SECONDS, Metric, Series

DEFAULT_HOST = "monitoring.googleapis.com"
# The one method the connector calls; any other, read or not, is refused before it is sent.
READS = frozenset({"/google.monitoring.v3.MetricService/ListTimeSeries"})


def is_read(method: str | bytes) -> bool:
    name = method.decode() if isinstance(method, bytes) else method
    return name in READS


class ReadOnlyGuard(  # grpc has no type information: its bases are Any
    grpc.UnaryUnaryClientInterceptor,  # type: ignore[misc]
    grpc.UnaryStreamClientInterceptor,  # type: ignore[misc]
    grpc.StreamUnaryClientInterceptor,  # type: ignore[misc]
    grpc.StreamStreamClientInterceptor,  # type: ignore[misc]
):
    @staticmethod
    def _check(details: Any) -> None:
        if not is_read(details.method):
            method = (
                details.method.decode() if isinstance(details.method, bytes) else details.method
            )
            raise ReadOnlyViolation(
                f"refused Cloud Monitoring method {method}: the GCP connector makes only ListTimeSeries"
            )

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        self._check(details)
        return continuation(details, request)

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        self._check(details)
        return continuation(details, request)

    def intercept_stream_unary(self, continuation: Any, details: Any, requests: Any) -> Any:
        self._check(details)
        return continuation(details, requests)

    def intercept_stream_stream(self, continuation: Any, details: Any, requests: Any) -> Any:
        self._check(details)
        return continuation(details, requests)


def make_client(credentials: Any, endpoint: str | None) -> monitoring_v3.MetricServiceClient:
    """TLS with the scan's credentials; an http:// endpoint (local server, emulator) is plain text."""
    target = endpoint or DEFAULT_HOST
    parts = urlsplit(target if "//" in target else f"//{target}")
    if parts.scheme == "http":
        host = parts.netloc
        channel = grpc.insecure_channel(host)
    else:
        host = f"{parts.hostname}:{parts.port or 443}"
        channel = MetricServiceGrpcTransport.create_channel(host, credentials=credentials)
    transport = MetricServiceGrpcTransport(
        host=host, channel=grpc.intercept_channel(channel, ReadOnlyGuard())
    )
    return monitoring_v3.MetricServiceClient(transport=transport)


def _number(value: Any) -> float | None:
    which = type(value).pb(value).WhichOneof("value")
    return float(getattr(value, which)) if which in {"double_value", "int64_value"} else None


def _series(raw: Any) -> Series:
    numbers = (_number(point.value) for point in raw.points)
    return Series(
        dict(raw.resource.labels),
        dict(raw.metric.labels),
        tuple(n for n in numbers if n is not None),
    )


def time_series(
    client: monitoring_v3.MetricServiceClient,
    project: str,
    metric: Metric,
    start: dt.datetime,
    end: dt.datetime,
    retries: int,
) -> Iterator[list[Series]]:
    """One list call (page after page) for one metric type in one project: hourly means of every series."""
    token = ""
    while True:
        request = monitoring_v3.ListTimeSeriesRequest(
            name=f"projects/{project}",
            filter=metric.filter(),
            interval=monitoring_v3.TimeInterval(start_time=start, end_time=end),
            aggregation=monitoring_v3.Aggregation(
                alignment_period=dt.timedelta(seconds=ALIGNMENT_SECONDS),
                per_series_aligner=monitoring_v3.Aggregation.Aligner.ALIGN_MEAN,
            ),
            view=monitoring_v3.ListTimeSeriesRequest.TimeSeriesView.FULL,
            page_token=token,
        )
        page = with_retries(
            functools.partial(client.list_time_series, request=request, retry=None, timeout=60.0),
            retries,
        )
        yield [_series(raw) for raw in page.time_series]
        token = page.next_page_token
        if not token:
            return
