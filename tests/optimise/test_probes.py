"""A binding-constraint probe from kept sums says what a whole re-check of the changed plan says."""

from __future__ import annotations

import pytest

from cloudexit.model import Policy
from cloudexit.optimise.checks import Probes, violations
from cloudexit.optimise.decide import assignment_of
from cloudexit.optimise.regret import regret_greedy
from tests.optimise.exactness import Instance, random_instance


def _with_region_share(instance: Instance, share: float) -> Instance:
    data = instance.policy.model_dump(mode="json", exclude_unset=True)
    data["max_region_spend_share"] = share
    return Instance(
        instance.inventory,
        Policy.model_validate(data),
        instance.units,
        instance.rows_of,
        instance.replication,
        instance.balancers,
    )


@pytest.mark.parametrize("seed", range(30))
def test_every_probe_gives_the_lines_of_the_whole_check(seed: int) -> None:
    instance = random_instance(seed, balancer=seed % 3 == 0)
    if seed % 2:
        instance = _with_region_share(instance, 0.45)
    own = {rid: u.rows[0] for u in instance.units.units for rid in u.members}
    counts = regret_greedy(instance.units, instance.policy)
    plans = [own] + ([assignment_of(instance.units, counts)] if counts else [])
    compared = 0
    for assignment in plans:
        probes = Probes(assignment, instance.units, instance.inventory, instance.policy)
        for unit in instance.units.units:
            for rid in unit.members:
                for row in unit.all_rows:
                    changed = dict(assignment)
                    changed[rid] = row
                    whole = violations(
                        changed,
                        instance.units,
                        instance.inventory,
                        instance.policy,
                        near=rid,
                        near_group=unit.group,
                    )
                    assert probes.violations(rid, row, unit.group) == whole
                    compared += bool(whole)
    assert compared  # some probes break something, so the lines themselves were compared
