"""Disjoint sets of ids, for co-location groups and the components the solver can split."""

from __future__ import annotations

from collections.abc import Iterable


class Partition:
    """Union-find over string keys; each set is named by its smallest key, so results do not
    depend on the order unions arrive in."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._parent = {k: k for k in keys}

    def find(self, x: str) -> str:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)
