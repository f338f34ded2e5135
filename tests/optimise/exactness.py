"""Random small placement instances and an independent one-binary-per-option reference model.

The reference knows nothing of classes, counts or pruning: each resource gets one binary per
option it has, and every policy constraint is written from the resources' own tags.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import pulp

from cloudexit.model import Inventory, Policy
from cloudexit.model.plan import Option, Risk
from cloudexit.optimise.objective import option_score
from cloudexit.optimise.units import SOURCE as KEPT
from cloudexit.optimise.units import Replication, Row, Unit, Units, prune_dominated
from tests.helpers import inventory, resource

REGIONS = {"p1": ["a", "b", "c"], "p2": ["a", "b"], "p3": ["a", "b"]}
JURISDICTION = {"p1": 1.0, "p2": 0.0, "p3": 0.5}
SOURCE = ("aws", "us-east-1")


@dataclass
class Instance:
    inventory: Inventory
    policy: Policy
    units: Units
    rows_of: dict[str, list[Row]]
    """every option of each resource, unpruned"""
    replication: Replication | None = None
    """``r0`` sending its changes to its copy ``r1``, when drawn"""
    balancers: dict[str, list[str]] = field(default_factory=dict)
    """balancer id -> its members: it stands at a site one of them is at"""


def _row(
    policy: Policy, provider: str, region: str, monthly: Decimal, vcpu: int, retain: bool = False
) -> Row:
    j = 4.0 if retain else JURISDICTION[provider]
    option = Option(
        provider=provider,
        region=region,
        product=None if retain else f"vm{vcpu}",
        monthly_cost=monthly,
        migration_cost=Decimal(0 if retain else 900),
        risk=Risk(jurisdiction=j, total=j),
        strategy="retain" if retain else "rehost",
        fidelity="native",
        retain=retain,
    )
    return Row.of(
        option,
        site=(provider, region),
        score=float(option_score(option, policy)),
        monthly=float(monthly),
        vcpu=0.0 if retain else float(vcpu),
        memory_gib=0.0 if retain else 4.0 * vcpu,
        storage_gib=0.0,
        instances=0 if retain else 1,
        target=not retain,
    )


def _option_set(rng: random.Random, policy: Policy) -> list[Row]:
    rows: list[Row] = []
    for provider, regions in REGIONS.items():
        if rng.random() < 0.15:
            continue
        base = rng.choice([40, 55, 70, 90])
        vcpu = rng.choice([2, 4])
        for region in regions:
            if rng.random() < 0.2:
                continue
            # Regions of one provider often differ by a few per cent: dominance the pruning sees.
            factor = rng.choice(["1", "1", "1.05", "1.2", "0.95"])
            rows.append(_row(policy, provider, region, Decimal(base) * Decimal(factor), vcpu))
    if policy.allow_retain and (not rows or rng.random() < 0.5):
        rows.append(_row(policy, *SOURCE, Decimal(rng.choice([60, 80, 100])), 0, retain=True))
    if not rows:
        rows.append(_row(policy, "p2", "a", Decimal(50), 2))
    return sorted(rows, key=lambda r: (r.score, r.site, r.product or ""))


def random_policy(rng: random.Random) -> dict:
    low = rng.choice([1, 1, 2, 3])
    policy: dict = {
        "targets": ["p1", "p2", "p3"],
        "colocation": {"tag_keys": ["app"]},
        "anti_affinity": [{"tag_key": "ha", "level": rng.choice(["region", "provider"])}],
        "min_providers": low,
        "max_providers": rng.choice([None, max(low, 1), max(low, 2), 3]),
        "max_spend_share": rng.choice([None, 0.4, 0.5, 0.5, 0.6, 0.75]),
        "allow_retain": rng.random() < 0.4,
        "solver": {"time_limit_s": 30, "gap": 0},
    }
    capacity = []
    for _ in range(rng.choice([0, 0, 1, 2])):
        provider = rng.choice(sorted(REGIONS))
        if rng.random() < 0.5:
            capacity.append({"provider": provider, "max_vcpu": rng.choice([4, 8, 12])})
        else:
            capacity.append(
                {
                    "provider": provider,
                    "region": rng.choice(REGIONS[provider]),
                    "max_instances": rng.choice([1, 2, 3]),
                }
            )
    policy["capacity"] = capacity
    return policy


def random_instance(
    seed: int, region_share: bool = False, replication: bool = False, balancer: bool = False
) -> Instance:
    """``region_share``: add a ``max_region_spend_share``, drawn apart so that the rest of the
    instance is the one the seed gives without it. ``replication``: ``r0`` sends its changes to
    its copy ``r1`` at a figure drawn apart for each place ``r0`` can take, the two placed as
    classes of their own. ``balancer``: add a balancer that stands beside one of two or three
    members, drawn apart too; it and its members are classes of their own, not pruned."""
    rng = random.Random(seed)
    policy_data = random_policy(rng)
    if region_share:
        policy_data["max_region_spend_share"] = random.Random(-seed).choice([0.3, 0.4, 0.5])
    policy = Policy.model_validate(policy_data)
    option_sets = [_option_set(rng, policy) for _ in range(rng.randint(1, 3))]
    n = rng.randint(4, 10)
    resources = []
    set_of: dict[str, int] = {}
    for i in range(n):
        rid = f"r{i}"
        tags = {}
        if rng.random() < 0.35:
            tags["app"] = rng.choice(["shop", "erp"])
        if rng.random() < 0.3:
            tags["ha"] = rng.choice(["h1", "h2"])
        set_of[rid] = rng.randrange(len(option_sets))
        resources.append(resource(rid, tags=tags))
    sent = None
    if replication:
        drawn = random.Random(seed * 7 + 1)
        places = sorted({KEPT if r.retain else r.site for r in option_sets[set_of["r0"]]})
        sent = Replication(
            "r0", "r1", 100.0, {p: drawn.choice([0.0, 5.0, 12.5, 30.0, 45.0]) for p in places}
        )
    if rng.random() < 0.5:
        cheapest = sum(min(r.monthly for r in option_sets[set_of[x["id"]]]) for x in resources)
        policy_data["monthly_budget"] = str(round(cheapest * rng.choice([1.0, 1.05, 1.15, 1.3]), 2))
        policy = Policy.model_validate(policy_data)
        option_sets = [
            [
                _row(policy, *r.site, r.option.monthly_cost, int(r.vcpu), r.option.retain)
                for r in rows
            ]
            for rows in option_sets
        ]
    balancers: dict[str, list[str]] = {}
    if balancer:
        drawn = random.Random(seed * 7919 + 1)
        members = sorted(drawn.sample([r["id"] for r in resources], min(n, drawn.randint(2, 3))))
        rows = _option_set(drawn, policy)
        theirs = {row.site for m in members for row in option_sets[set_of[m]]}
        if not theirs & {row.site for row in rows}:
            # a balancer with no site in common with its members is left free by the planner
            site = min(theirs)
            if site != SOURCE:
                rows.append(_row(policy, *site, Decimal(drawn.choice([5, 15, 25])), 1))
                rows.sort(key=lambda r: (r.score, r.site, r.product or ""))
            elif policy.allow_retain:
                rows.append(_row(policy, *SOURCE, Decimal(20), 0, retain=True))
        tags = {"app": drawn.choice(["shop", "erp"])} if drawn.random() < 0.3 else {}
        resources.append(resource("lb", tags=tags))
        option_sets.append(rows)
        set_of["lb"] = len(option_sets) - 1
        balancers["lb"] = members
    inv = Inventory.model_validate(inventory(*resources))
    rows_of = {r.id: option_sets[set_of[r.id]] for r in inv.resources}
    app_members: dict[str, list[str]] = defaultdict(list)
    for r in inv.resources:
        if "app" in r.tags:
            app_members[r.tags["app"]].append(r.id)
    group_of = {rid: f"app={v}" for v, ids in app_members.items() if len(ids) > 1 for rid in ids}
    level = policy.anti_affinity[0].level
    fronting = {*balancers, *(m for ids in balancers.values() for m in ids)}
    buckets: dict[tuple[int, str | None, tuple[str, ...], str], list[str]] = defaultdict(list)
    for r in inv.resources:
        anti = (f"ha={r.tags['ha']}@{level}",) if "ha" in r.tags else ()
        linked = sent is not None and r.id in ("r0", "r1")
        alone = f"{'linked' if linked else 'fronting'}:{r.id}" if linked or r.id in fronting else ""
        buckets[(set_of[r.id], group_of.get(r.id), anti, alone)].append(r.id)
    units = []
    for index, ((set_index, group, anti, alone), members) in enumerate(
        sorted(buckets.items(), key=lambda kv: kv[1][0])
    ):
        rows = option_sets[set_index]
        units.append(
            Unit(
                key=f"u{index}",
                members=members,
                rows=rows,
                group=group,
                anti=list(anti),
                all_rows=rows,
                linked=alone.startswith("linked:"),
                fronts=tuple(balancers.get(members[0], ())),
            )
        )
    pruned = 0
    for unit in units:
        if unit.members[0] in fronting:
            continue
        unit.rows = prune_dominated(unit, policy)
        pruned += len(unit.all_rows) - len(unit.rows)
    groups: dict[str, list[str]] = defaultdict(list)
    for rid, name in group_of.items():
        groups[name].append(rid)
    chosen = Units(
        units=units,
        pruned=pruned,
        no_option={},
        groups=dict(groups),
        links=[sent] if sent is not None else [],
        horizon_months=policy.horizon_months,
    )
    return Instance(inv, policy, chosen, rows_of, sent, balancers)


def reference_optimum(instance: Instance) -> float | None:
    """The optimum of the one-binary model, or None when the policy cannot be met."""
    policy = instance.policy
    tags = {r.id: r.tags for r in instance.inventory.resources}
    problem = pulp.LpProblem("reference", pulp.LpMinimize)
    x = {
        (rid, k): pulp.LpVariable(f"x_{rid}_{k}", cat=pulp.LpBinary)
        for rid, rows in instance.rows_of.items()
        for k in range(len(rows))
    }
    options = [
        (rid, k, row) for rid, rows in instance.rows_of.items() for k, row in enumerate(rows)
    ]
    # Replication: a binary per (primary's option, copy's option) pair, 1 exactly when both
    # are taken, paid when they are at different places (kept ones are all one place).
    paid: list[tuple[pulp.LpVariable, float, Row]] = []
    sent = instance.replication
    if sent is not None:
        for k, a in enumerate(instance.rows_of[sent.a]):
            for m, b in enumerate(instance.rows_of[sent.b]):
                where = KEPT if a.retain else a.site
                cost = sent.sent.get(where, 0.0)
                if cost and where != (KEPT if b.retain else b.site):
                    both = pulp.LpVariable(f"both_{k}_{m}", cat=pulp.LpBinary)
                    problem += both <= x[(sent.a, k)]
                    problem += both <= x[(sent.b, m)]
                    problem += both >= x[(sent.a, k)] + x[(sent.b, m)] - 1
                    paid.append((both, cost, a))
    problem += pulp.lpSum(row.score * x[(rid, k)] for rid, k, row in options) + pulp.lpSum(
        cost * policy.horizon_months * both for both, cost, _ in paid
    )
    for rid, rows in instance.rows_of.items():
        problem += pulp.lpSum(x[(rid, k)] for k in range(len(rows))) == 1
    by_app: dict[str, list[str]] = defaultdict(list)
    by_ha: dict[str, list[str]] = defaultdict(list)
    for rid in instance.rows_of:
        if "app" in tags[rid]:
            by_app[tags[rid]["app"]].append(rid)
        if "ha" in tags[rid]:
            by_ha[tags[rid]["ha"]].append(rid)
    for value, members in by_app.items():
        sites = sorted({row.site for rid in members for row in instance.rows_of[rid]})
        z = {s: pulp.LpVariable(f"z_{value}_{s[0]}_{s[1]}", cat=pulp.LpBinary) for s in sites}
        problem += pulp.lpSum(z.values()) == 1
        for rid in members:
            for s in sites:
                problem += (
                    pulp.lpSum(
                        x[(rid, k)] for k, row in enumerate(instance.rows_of[rid]) if row.site == s
                    )
                    == z[s]
                )
    level = policy.anti_affinity[0].level
    for members in by_ha.values():
        at: dict[object, list[tuple[str, int]]] = defaultdict(list)
        for rid in members:
            for k, row in enumerate(instance.rows_of[rid]):
                at[row.site if level == "region" else row.site[0]].append((rid, k))
        for pairs in at.values():
            problem += pulp.lpSum(x[p] for p in pairs) <= 1
    for balancer, members in instance.balancers.items():
        for s in sorted({row.site for row in instance.rows_of[balancer]}):
            problem += pulp.lpSum(
                x[(balancer, k)]
                for k, row in enumerate(instance.rows_of[balancer])
                if row.site == s
            ) <= pulp.lpSum(
                x[(m, k)]
                for m in members
                for k, row in enumerate(instance.rows_of[m])
                if row.site == s
            )
    targets = sorted({row.site[0] for _, _, row in options if row.target})
    used = {p: pulp.LpVariable(f"used_{p}", cat=pulp.LpBinary) for p in targets}
    for p in targets:
        at_p = [x[(rid, k)] for rid, k, row in options if row.target and row.site[0] == p]
        for var in at_p:
            problem += var <= used[p]
        problem += used[p] <= pulp.lpSum(at_p)
    if targets and policy.min_providers > 1:
        problem += pulp.lpSum(used.values()) >= policy.min_providers
    if policy.max_providers is not None:
        problem += pulp.lpSum(used.values()) <= policy.max_providers
    # billed where the data leaves: the primary's site, when it is a target's
    billed = [(both, cost, a.site) for both, cost, a in paid if a.target]
    if policy.max_spend_share is not None:
        total = pulp.lpSum(
            row.monthly * x[(rid, k)] for rid, k, row in options if row.target
        ) + pulp.lpSum(cost * both for both, cost, _ in billed)
        for p in targets:
            spend = pulp.lpSum(
                row.monthly * x[(rid, k)]
                for rid, k, row in options
                if row.target and row.site[0] == p
            ) + pulp.lpSum(cost * both for both, cost, site in billed if site[0] == p)
            problem += spend <= policy.max_spend_share * total
    if policy.max_region_spend_share is not None:
        total = pulp.lpSum(
            row.monthly * x[(rid, k)] for rid, k, row in options if row.target
        ) + pulp.lpSum(cost * both for both, cost, _ in billed)
        for site in sorted({row.site for _, _, row in options if row.target}):
            spend = pulp.lpSum(
                row.monthly * x[(rid, k)]
                for rid, k, row in options
                if row.target and row.site == site
            ) + pulp.lpSum(cost * both for both, cost, where in billed if where == site)
            problem += spend <= policy.max_region_spend_share * total
    for cap in policy.capacity:
        chosen = [
            (rid, k, row)
            for rid, k, row in options
            if row.target and row.site[0] == cap.provider and cap.region in (None, row.site[1])
        ]
        for attribute, limit in (("vcpu", cap.max_vcpu), ("instances", cap.max_instances)):
            if limit is not None:
                problem += (
                    pulp.lpSum(
                        float(getattr(row, attribute)) * x[(rid, k)] for rid, k, row in chosen
                    )
                    <= limit
                )
    if policy.monthly_budget is not None:
        problem += pulp.lpSum(row.monthly * x[(rid, k)] for rid, k, row in options) + pulp.lpSum(
            cost * both for both, cost, _ in paid
        ) <= float(policy.monthly_budget)
    problem.solve(pulp.PULP_CBC_CMD(msg=False, gapRel=0, threads=1))
    if problem.sol_status != pulp.LpSolutionOptimal:
        assert problem.status == pulp.LpStatusInfeasible, pulp.LpStatus[problem.status]
        return None
    return float(pulp.value(problem.objective))
