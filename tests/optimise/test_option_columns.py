"""Options held as columns (``build_units(compact=True)``) are the rows the plain build makes:
the same options in the same order, pruned alike."""

from __future__ import annotations

from cloudexit.model import Inventory, Policy
from cloudexit.optimise.units import Unit, build_units
from tests.helpers import fixture_catalog, inventory, resource


def estate() -> Inventory:
    # Disks and buckets of many sizes share a site walk each (their sizes are their own); the
    # machines of one size share theirs; one bill makes its keeping option differ.
    return Inventory.model_validate(
        inventory(
            *(
                resource(f"d{n}", "storage.block", attributes={"storage_gib": 50 + 37 * n})
                for n in range(6)
            ),
            *(resource(f"v{n}", attributes={"vcpu": 2, "memory_gib": 8}) for n in range(3)),
            resource(
                "billed",
                attributes={"vcpu": 2, "memory_gib": 8},
                monthly_cost={"amount": "90", "currency": "USD", "source": "test"},
            ),
        )
    )


def _figures(unit: Unit) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    def of(rows: list) -> list[tuple[object, ...]]:
        return [(r.shape, r.score, r.monthly, r.migration, r.stake) for r in rows]

    return of(unit.all_rows), of(unit.rows)


def test_columns_hold_the_rows_the_plain_build_makes_and_prune_alike() -> None:
    inv = estate()
    policy = Policy(targets=["ovhcloud", "scaleway"], allow_retain=True)
    catalog = fixture_catalog()
    plain = build_units(inv, catalog, policy, list(inv.resources), fork_from=10**9)
    held = build_units(inv, catalog, policy, list(inv.resources), fork_from=10**9, compact=True)
    assert any(u.options is not None for u in held.units)
    for unit in held.units:
        unit.settle()
    assert [u.members for u in held.units] == [u.members for u in plain.units]
    assert [_figures(u) for u in held.units] == [_figures(u) for u in plain.units]
    assert held.pruned == plain.pruned
