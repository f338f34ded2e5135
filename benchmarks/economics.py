"""Economics of the example estate and the corpus exports under two policy choices: today's cost,
target cost, one-off, payback, the one-off share resting on unsourced assumptions, and how many
depends_on pairs the plan splits across sites.

    PYTHONPATH=. python benchmarks/economics.py [--shared ../shared] [--dependencies]

Without ``--dependencies`` each estate is planned with the policy's own settings; with it, each is
planned twice, ``colocation.from_dependencies`` false and true, to show what pricing the traffic
between dependent resources changes. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cloudexit.catalog import load_catalog
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.io import load_inventory, load_policy
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (
    "aws-ec2-describe-instances-c7n-placebo.json",
    "azure-arm-resources-list-c7n.json",
    "gcp-cai-export-forseti.jsonl",
    "tfplan-aws-55res-checkov.json",
    "tfplan-azure-vms-tfcompliance.json",
    "tfstate-showjson-aws-infracost-v0.14.json",
    "tfstate-v4-openstack-lb-inframap.tfstate.json",
)


def split_pairs(result: Plan) -> tuple[int, int]:
    """depends_on pairs with both ends placed, and those placed on different sites."""
    site = {p.resource_id: (p.choice.provider, p.choice.region) for p in result.placements}
    pairs = {
        (min(r.id, d), max(r.id, d))
        for r in result.inventory.resources
        for d in r.depends_on
        if r.id in site and d in site and d != r.id
    }
    return len(pairs), sum(1 for a, b in pairs if site[a] != site[b])


def row(name: str, inventory: Inventory, policy: Policy, label: str) -> str:
    started = time.perf_counter()
    result = plan(inventory, load_catalog(), policy)
    seconds = time.perf_counter() - started
    t = result.totals
    engineering = t.one_off_parts.get("engineering", 0)
    share = f"{float(engineering) / float(t.one_off_migration):.1%}" if t.one_off_migration else "-"
    pairs, split = split_pairs(result)
    payback = t.payback_months if t.payback_months is not None else "none"
    return (
        f"| {name} | {label} | {len(result.placements)} | {t.current_monthly} | {t.target_monthly} "
        f"| {t.one_off_migration} | {share} | {payback} | {split} of {pairs} | {seconds:.1f} s |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--dependencies", action="store_true")
    args = parser.parse_args()
    example = ROOT / "examples" / "estate"
    estates: list[tuple[str, Inventory, Policy]] = [
        (
            "example",
            load_inventory(example / "inventory.json"),
            load_policy(example / "policy.yaml"),
        )
    ]
    for name in CORPUS:
        path = args.shared / "corpus" / name
        if path.exists():
            estates.append((name, import_files([path]), Policy()))
    print(
        "| estate | from_dependencies | placed | today EUR/month | target EUR/month | one-off EUR "
        "| engineering share of one-off | payback months | depends_on pairs split | plan time |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, inventory, policy in estates:
        settings = (False, True) if args.dependencies else (policy.colocation.from_dependencies,)
        for value in settings:
            chosen = policy.model_copy(
                update={
                    "colocation": policy.colocation.model_copy(update={"from_dependencies": value})
                }
            )
            print(row(name, inventory, chosen, str(value).lower()))


if __name__ == "__main__":
    main()
