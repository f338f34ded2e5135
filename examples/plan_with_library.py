"""Plan the example estate from Python and print where each application goes.

python examples/plan_with_library.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import cloudexit

HERE = Path(__file__).resolve().parent


def main(out_dir: str = "out-library") -> None:
    inventory = cloudexit.load_inventory(HERE / "estate" / "inventory.json")
    policy = cloudexit.load_policy(HERE / "estate" / "policy.yaml")
    plan = cloudexit.plan(inventory, policy)
    resources = inventory.by_id()
    sites: Counter[tuple[str, str, str]] = Counter()
    for placement in plan.placements:
        app = resources[placement.resource_id].tags.get("app", "-")
        sites[(app, placement.choice.provider, placement.choice.region)] += 1
    for (app, provider, region), count in sorted(sites.items()):
        print(f"{app:10} {provider:11} {region:12} {count:3} resources")
    totals = plan.totals
    print(
        f"EUR/month today {totals.current_monthly}, target {totals.target_monthly}, "
        f"kept {totals.retained_monthly}; one-off {totals.one_off_migration}"
    )
    for written in cloudexit.emit(plan, out_dir):
        print(written)


if __name__ == "__main__":
    main(*sys.argv[1:2])
