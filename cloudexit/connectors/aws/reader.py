"""Calls in one account and region: paging, JMESPath item paths and a per-region cache."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from cloudexit.connectors.aws.declare import Item, Scope
from cloudexit.connectors.aws.session import Clients

INSTANCE_TYPE_BATCH = 100


@lru_cache(maxsize=256)
def _compiled(expression: str) -> Any:
    import jmespath

    return jmespath.compile(expression)


def search(expression: str, data: Any) -> Any:
    return _compiled(expression).search(data)


def method_name(operation: str) -> str:
    from botocore import xform_name

    return str(xform_name(operation))


class RegionCache:
    """Facts shared by every type read in one account and region (instance type specs)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.instance_types: dict[str, Item | None] = {}
        self.task_definitions: dict[str, Item] = {}


class Reader:
    def __init__(self, clients: Clients, scope: Scope, cache: RegionCache, days: int = 14) -> None:
        self.clients = clients
        self.scope = scope
        self.cache = cache
        self.metrics_days = days

    def client(self, service: str, region: str | None = None) -> Any:
        return self.clients.get(service, region or self.scope.region)

    def call(self, service: str, operation: str, region: str | None = None, **params: Any) -> Any:
        return getattr(self.client(service, region), method_name(operation))(**params)

    def pages(
        self,
        service: str,
        operation: str,
        params: Mapping[str, Any] | None = None,
        region: str | None = None,
    ) -> Iterator[Any]:
        client = self.client(service, region)
        method = method_name(operation)
        if client.can_paginate(method):
            yield from client.get_paginator(method).paginate(**dict(params or {}))
        else:
            yield getattr(client, method)(**dict(params or {}))

    def items(
        self,
        service: str,
        operation: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        region: str | None = None,
    ) -> Iterator[Any]:
        for page in self.pages(service, operation, params, region):
            yield from search(path, page) or []

    def instance_types(self, names: Iterable[str]) -> dict[str, Item | None]:
        """DescribeInstanceTypes for the names not yet known in this region; unknown names map to None."""
        wanted = sorted({n for n in names if n})
        with self.cache.lock:
            missing = [n for n in wanted if n not in self.cache.instance_types]
        for start in range(0, len(missing), INSTANCE_TYPE_BATCH):
            chunk = missing[start : start + INSTANCE_TYPE_BATCH]
            found = self._describe_types(chunk)
            with self.cache.lock:
                for name in chunk:
                    self.cache.instance_types[name] = found.get(name)
        with self.cache.lock:
            return {n: self.cache.instance_types.get(n) for n in wanted}

    def _describe_types(self, names: list[str]) -> dict[str, Item]:
        from botocore.exceptions import ClientError

        try:
            return {
                t["InstanceType"]: t
                for t in self.items(
                    "ec2", "DescribeInstanceTypes", "InstanceTypes[]", {"InstanceTypes": names}
                )
            }
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "InvalidInstanceType":
                raise
            if len(names) == 1:
                return {}
        found: dict[str, Item] = {}
        for name in names:  # one unknown name spoils a batch: ask one by one
            found.update(self._describe_types([name]))
        return found
