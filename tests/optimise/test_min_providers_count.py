"""An infeasible min_providers says how many resources can move: resources, not classes."""

from __future__ import annotations

from tests.optimise.test_no_site_reasons import AZURE_VMS, planned


def test_min_providers_counts_the_resources_that_can_move_not_their_classes() -> None:
    alone = planned(AZURE_VMS, targets=["ionos"])
    moved = len(alone.placements)
    assert moved == 6
    plan = planned(AZURE_VMS, targets=["ionos"], min_providers=moved + 1)
    assert plan.solver.status.value == "infeasible"
    line = next(w for w in plan.warnings if w.startswith("infeasible: min_providers"))
    assert line.endswith(
        f"1 target provider can take resources (ionos); only {moved} resources can move, "
        "fewer than min_providers"
    ), line
    # With no more providers asked for than resources that can move, no such claim is made.
    fewer = planned(AZURE_VMS, targets=["ionos"], min_providers=3)
    assert not any("can move, fewer" in w for w in fewer.warnings)
