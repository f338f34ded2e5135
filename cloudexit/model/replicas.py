"""Read replicas: the primary a replica names, and whether it is rebuilt from that primary."""

from __future__ import annotations

from collections.abc import Container

from cloudexit.model.inventory import Resource


def primary_of(resource: Resource) -> str | None:
    """The id of the database ``resource`` is a read replica of (``replica_of``), if any."""
    found = resource.attributes.details.get("replica_of")
    return found if isinstance(found, str) else None


def rebuilt_from_primary(resource: Resource, held: Container[str] | None = None) -> bool:
    """A read replica rebuilt on the target from its primary. ``held``: the inventory's ids; a
    replica of a primary the inventory does not hold has no primary moving with it and is
    seeded from the source like any database. Without ``held`` (a resource judged on its own,
    before the plan is known) every replica counts as rebuilt."""
    primary = primary_of(resource)
    return primary is not None and (held is None or primary in held)
