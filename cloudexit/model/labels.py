"""Names that tell resources apart where the source gave several the same name.

Two projects each with a ``test-1``, or a state and a plan of the same ``demodb``, are different
resources: the runbook, the report and the Terraform name them by their name plus what tells
them apart (account and region, else the last part of their id, else the whole id). The label
depends only on the resources sharing the name, so it stays the same from run to run and when
unrelated resources come and go.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from cloudexit.model.inventory import Inventory, Resource


def _same_name(name: str) -> str:
    """Names a reader, or a target that keeps letters and digits only, cannot tell apart."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _site(r: Resource) -> str:
    return "/".join(part for part in (r.account, r.region) if part) if r.account else ""


def _tail(r: Resource) -> str:
    if r.id.startswith("terraform:"):
        return r.id.split(":", 2)[-1]
    parts = [p for p in re.split(r"[/:]", r.id) if p]
    return parts[-1] if parts else ""


def _tail_or_site(r: Resource) -> str:
    """A state's and a plan's copy of one name: the ARN ends in the name, the address does not."""
    tail = _tail(r)
    return tail if tail != r.name else _site(r)


def _id(r: Resource) -> str:
    return r.id


_QUALIFIERS: tuple[Callable[[Resource], str], ...] = (_site, _tail, _tail_or_site, _id)


def readable_names(resources: Iterable[Resource]) -> dict[str, str]:
    """Resource id -> its name, with what tells it apart where other resources share the name."""
    groups: dict[str, list[Resource]] = defaultdict(list)
    for r in resources:
        groups[_same_name(r.name)].append(r)
    names: dict[str, str] = {}
    for group in groups.values():
        if len(group) == 1:
            names[group[0].id] = group[0].name
            continue
        for qualifier in _QUALIFIERS:
            found = [qualifier(r) for r in group]
            if len(set(found)) == len(group) and all(
                q and q != r.name for q, r in zip(found, group, strict=True)
            ):
                break
        for r, q in zip(group, found, strict=True):
            names[r.id] = f"{r.name} ({q})"
    return names


def named(resource: Resource) -> str:
    """How a warning names a resource: its name first, then the id that finds it in the inventory."""
    if not resource.name or resource.name == resource.id:
        return resource.id
    return f"{resource.name} ({resource.id})"


def with_readable_names(inventory: Inventory) -> Inventory:
    """The inventory with the resources that share a name renamed by ``readable_names``."""
    names = readable_names(inventory.resources)
    if all(names[r.id] == r.name for r in inventory.resources):
        return inventory
    return inventory.model_copy(
        update={
            "resources": [
                r if names[r.id] == r.name else r.model_copy(update={"name": names[r.id]})
                for r in inventory.resources
            ]
        }
    )
