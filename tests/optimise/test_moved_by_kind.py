"""The kind-bound placement warnings read the placements of their kind, picked out once: the
same lines as when each reads every placement."""

from __future__ import annotations

from cloudexit.api import load_catalog, load_inventory, load_policy
from cloudexit.api import plan as make_plan
from cloudexit.model.bucket_access import access_warnings
from cloudexit.model.bucket_names import bucket_warnings
from cloudexit.model.kinds import Kind
from cloudexit.model.labels import readable_names
from cloudexit.optimise.assumptions import raised_root_warnings, unwritten_disk_warnings
from cloudexit.optimise.placed_warnings import moved_by_kind
from tests.helpers import EXAMPLE


def test_the_kind_bound_warnings_give_the_same_lines_from_their_kinds_placements() -> None:
    inventory = load_inventory(EXAMPLE / "inventory.json")
    plan = make_plan(inventory, load_policy(EXAMPLE / "policy.yaml"))
    resources = inventory.by_id()
    catalog = load_catalog()
    # lines to compare: disks no volume of their own writes, buckets renamed on their targets
    for r in inventory.resources:
        if r.kind is Kind.BLOCK_VOLUME:
            r.topology.attachments = []
        if r.kind is Kind.OBJECT_BUCKET:
            r.name = f"Upper_Case_{r.name}"
    names = readable_names(resources.values())
    moved = moved_by_kind(plan.placements, resources)
    machines, buckets = moved[Kind.VM], moved[Kind.OBJECT_BUCKET]
    assert machines == [
        p
        for p in plan.placements
        if not p.choice.retain and resources[p.resource_id].kind in (Kind.VM, Kind.VM_GROUP)
    ]
    assert buckets and all(resources[p.resource_id].kind is Kind.OBJECT_BUCKET for p in buckets)
    assert len(machines) < len(plan.placements)
    for lines, picked in (
        (raised_root_warnings, machines),
        (lambda ps, rs: unwritten_disk_warnings(ps, rs, catalog), machines),
        (lambda ps, rs: bucket_warnings(ps, rs, names), buckets),
        (lambda ps, rs: access_warnings(ps, rs, names), buckets),
    ):
        assert lines(picked, resources) == lines(plan.placements, resources)
    assert unwritten_disk_warnings(machines, resources, catalog)
    assert bucket_warnings(buckets, resources, names)
