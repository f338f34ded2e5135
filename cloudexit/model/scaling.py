"""A node pool's autoscaling bounds as the source sets them, or none for a fixed size."""

from __future__ import annotations

from typing import Any

from cloudexit.jsonvalues import number


def _whole(value: Any) -> int | None:
    found = number(value)
    return int(found) if found is not None and found >= 0 else None


def scaling_bounds(node_count: Any, low: Any, high: Any, enabled: Any = True) -> dict[str, Any]:
    """``min_nodes`` and ``max_nodes`` for a pool whose source autoscales it between ``low``
    and ``high``, widened to hold its current ``node_count``; empty when autoscaling is off,
    a bound is missing, or the bounds allow one size only (the pool is fixed)."""
    if enabled is not True:
        return {}
    floor, ceiling, now = _whole(low), _whole(high), _whole(node_count)
    if floor is None or ceiling is None:
        return {}
    if now is not None:
        floor, ceiling = min(floor, now), max(ceiling, now)
    if ceiling <= floor or ceiling < 1:
        return {}
    return {"min_nodes": floor, "max_nodes": ceiling}
