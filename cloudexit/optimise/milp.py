"""The placement MILP, kept behind this one module: build, solve, read.

Variables: an integer count per (unit, option), a binary per target provider ("used"), per
(co-location group, site) and per (followed network object, place) (its copy there), and per
priced dependency and site a share of traffic leaving that site.
Every constraint carries a name that says what it enforces.
"""

from __future__ import annotations

import math
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pulp

from cloudexit.model.plan import SolveStatus
from cloudexit.model.policy import Policy
from cloudexit.optimise import fronts
from cloudexit.optimise.follow import closure
from cloudexit.optimise.units import SOURCE, Link, Replication, Row, Site, Unit, group_site

FAMILIES = (
    "colocation",
    "anti_affinity",
    "balancer",
    "providers",
    "spend_share",
    "capacity",
    "budget",
)


@dataclass
class Solution:
    status: SolveStatus
    counts: dict[tuple[str, int], int] = field(default_factory=dict)
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    variables: int = 0
    constraints: int = 0
    solver: str = "cbc"
    time_limited: bool = False
    """the time limit stopped a step of the search: on another machine or run, the plan (even
    one within the gap) can differ"""

    def __post_init__(self) -> None:
        # A solver stopped before its first bound or plan reports +-inf: that is no figure.
        if self.objective is not None and not math.isfinite(self.objective):
            self.objective = None
        if self.bound is not None and not math.isfinite(self.bound):
            self.bound = None


def _name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", text)[:200]


def _expr(pairs: list[tuple[pulp.LpVariable, float]]) -> pulp.LpAffineExpression:
    # LpAffineExpression from pairs is linear in size; summing expressions is quadratic.
    return pulp.LpAffineExpression(pairs)


def build(
    units: list[Unit],
    policy: Policy,
    drop: frozenset[str] = frozenset(),
    objective: str = "score",
    max_jurisdiction: float | None = None,
    links: Sequence[Link] = (),
    egress_eur_gib: Mapping[Site, float] | None = None,
) -> tuple[pulp.LpProblem, dict[tuple[str, int], pulp.LpVariable]]:
    problem = pulp.LpProblem("placement", pulp.LpMinimize)
    x: dict[tuple[str, int], pulp.LpVariable] = {}
    for unit in units:
        for k in range(len(unit.rows)):
            if unit.count == 1:
                x[(unit.key, k)] = pulp.LpVariable(f"x_{unit.key}_{k}", cat=pulp.LpBinary)
            else:
                x[(unit.key, k)] = pulp.LpVariable(
                    f"x_{unit.key}_{k}", 0, unit.count, cat=pulp.LpInteger
                )
    weights: dict[str, Callable[[Row], float]] = {
        "score": lambda r: r.score,
        "monthly": lambda r: r.monthly,
        "jurisdiction": lambda r: r.jurisdiction,
    }
    weight = weights[objective]
    terms = [(x[(u.key, k)], weight(r)) for u in units for k, r in enumerate(u.rows)]
    terms += _follow(problem, units, x, weight)
    sent = _replication(problem, units, x, links)
    if objective != "jurisdiction":
        per_month = 1.0 if objective == "monthly" else float(policy.horizon_months)
        terms += _traffic(problem, units, x, links, egress_eur_gib or {}, per_month)
        terms += [(var, monthly * per_month) for var, monthly, _ in sent]
    # replication billed by a target site is that site's spend
    billed = [(var, monthly, place) for var, monthly, place in sent if place != SOURCE]
    problem += _expr(terms)
    for unit in units:
        problem += (
            _expr([(x[(unit.key, k)], 1.0) for k in range(len(unit.rows))]) == unit.count,
            f"assign_{unit.key}",
        )
    if max_jurisdiction is not None:
        problem += (
            _expr([(x[(u.key, k)], r.jurisdiction) for u in units for k, r in enumerate(u.rows)])
            <= max_jurisdiction,
            "frontier_jurisdiction",
        )
    targets = sorted({r.site[0] for u in units for r in u.rows if r.target})
    used = {p: pulp.LpVariable(f"used_{_name(p)}", cat=pulp.LpBinary) for p in targets}
    for unit in units:
        at: dict[str, list[int]] = defaultdict(list)
        for k, r in enumerate(unit.rows):
            if r.target:
                at[r.site[0]].append(k)
        for provider, ks in sorted(at.items()):
            problem += (
                _expr(
                    [(x[(unit.key, k)], 1.0) for k in ks] + [(used[provider], -float(unit.count))]
                )
                <= 0,
                f"provider_used_{unit.key}_{_name(provider)}",
            )
    for provider in targets:
        # "used" only when something is placed there, or min_providers could count an empty provider.
        problem += (
            _expr(
                [(used[provider], 1.0)]
                + [
                    (x[(u.key, k)], -1.0)
                    for u in units
                    for k, r in enumerate(u.rows)
                    if r.target and r.site[0] == provider
                ]
            )
            <= 0,
            f"provider_used_needs_placement_{_name(provider)}",
        )
    if "providers" not in drop and targets:
        total_used = _expr([(used[p], 1.0) for p in targets])
        if policy.min_providers > 1:
            problem += total_used >= policy.min_providers, "min_providers"
        if policy.max_providers is not None:
            problem += total_used <= policy.max_providers, "max_providers"
    if "spend_share" not in drop and policy.max_spend_share is not None and len(targets) > 0:
        share = policy.max_spend_share
        for provider in targets:
            pairs: list[tuple[pulp.LpVariable, float]] = []
            for u in units:
                for k, r in enumerate(u.rows):
                    if r.target:
                        pairs.append(
                            (
                                x[(u.key, k)],
                                r.monthly * ((1.0 if r.site[0] == provider else 0.0) - share),
                            )
                        )
            pairs += [
                (var, monthly * ((1.0 if place[0] == provider else 0.0) - share))
                for var, monthly, place in billed
            ]
            problem += _expr(pairs) <= 0, f"max_spend_share_{_name(provider)}"
    if "spend_share" not in drop and policy.max_region_spend_share is not None:
        region_share = policy.max_region_spend_share
        sites = sorted(
            {r.site for u in units for r in u.rows if r.target} | {p for *_, p in billed}
        )
        for site in sites:
            pairs = [
                (x[(u.key, k)], r.monthly * ((1.0 if r.site == site else 0.0) - region_share))
                for u in units
                for k, r in enumerate(u.rows)
                if r.target
            ]
            pairs += [
                (var, monthly * ((1.0 if place == site else 0.0) - region_share))
                for var, monthly, place in billed
            ]
            problem += _expr(pairs) <= 0, f"max_region_spend_share_{_name(site[0] + '_' + site[1])}"
    if "capacity" not in drop:
        for index, cap in enumerate(policy.capacity):
            chosen = [
                (u, k, r)
                for u in units
                for k, r in enumerate(u.rows)
                if r.target and cap.covers(r.site)
            ]
            for attribute, limit in cap.limits():
                problem += (
                    _expr([(x[(u.key, k)], float(getattr(r, attribute))) for u, k, r in chosen])
                    <= limit,
                    f"capacity_{index}_{_name(cap.provider)}_{_name(cap.region or 'all')}_{attribute}",
                )
    if "budget" not in drop and policy.monthly_budget is not None:
        problem += (
            _expr(
                [(x[(u.key, k)], r.monthly) for u in units for k, r in enumerate(u.rows)]
                + [(var, monthly) for var, monthly, _ in sent]
            )
            <= float(policy.monthly_budget),
            "monthly_budget",
        )
    if "anti_affinity" not in drop:
        anti_units: dict[str, list[Unit]] = defaultdict(list)
        for u in units:
            for a in u.anti:
                anti_units[a].append(u)
        for name, members in sorted(anti_units.items()):
            if sum(u.count for u in members) < 2:
                continue
            level = name.rsplit("@", 1)[1]
            places: dict[Site | str, list[tuple[Unit, int]]] = defaultdict(list)
            for u in members:
                for k, r in enumerate(u.rows):
                    places[r.site if level == "region" else r.site[0]].append((u, k))
            for place, at_place in sorted(places.items(), key=lambda kv: str(kv[0])):
                if len(at_place) > 1 or any(u.count > 1 for u, _ in at_place):
                    problem += (
                        _expr([(x[(u.key, k)], 1.0) for u, k in at_place]) <= 1,
                        f"anti_affinity_{_name(name)}_{_name(str(place))}",
                    )
    if "balancer" not in drop:
        for balancer, members in fronts.fronting(units):
            for site, ks, theirs in fronts.places(balancer, members, group_site):
                problem += (
                    _expr(
                        [(x[(balancer.key, k)], 1.0) for k in ks]
                        + [(x[(u.key, k)], -float(balancer.count)) for u, k in theirs]
                    )
                    <= 0,
                    f"balancer_{balancer.key}_beside_a_member_{_name(site[0])}_{_name(site[1])}",
                )
    if "colocation" not in drop:
        grouped: dict[str, list[Unit]] = defaultdict(list)
        for u in units:
            if u.group is not None:
                grouped[u.group].append(u)
        for group, members in sorted(grouped.items()):
            # Members kept on their sources count as one place, so a group no target can take stays together.
            sites = sorted({group_site(r) for u in members for r in u.rows})
            y = {
                s: pulp.LpVariable(
                    f"site_{_name(group)}_{_name(s[0])}_{_name(s[1])}", cat=pulp.LpBinary
                )
                for s in sites
            }
            problem += (
                _expr([(v, 1.0) for v in y.values()]) == 1,
                f"colocation_one_site_{_name(group)}",
            )
            for u in members:
                for s in sites:
                    ks = [k for k, r in enumerate(u.rows) if group_site(r) == s]
                    problem += (
                        _expr([(x[(u.key, k)], 1.0) for k in ks] + [(y[s], -float(u.count))]) == 0,
                        f"colocation_{_name(group)}_{u.key}_{_name(s[0])}_{_name(s[1])}",
                    )
    return problem, x


def _follow(
    problem: pulp.LpProblem,
    units: list[Unit],
    x: dict[tuple[str, int], pulp.LpVariable],
    weight: Callable[[Row], float],
) -> list[tuple[pulp.LpVariable, float]]:
    """Objective terms for network objects' copies (``follow``): a binary per (object, place) it
    has an option at, at least every share of a unit naming it there and every copy of an object
    naming it there; one copy at least. Objects are named by their index (ids are long)."""
    followers = closure({f.id: f for u in units for f in u.follows}.values())
    number = {f.id: i for i, f in enumerate(followers)}

    def at(f_id: str, place: Site) -> str:
        return f"{number[f_id]}_{_name(place[0])}_{_name(place[1])}"

    y = {
        (f.id, place): pulp.LpVariable(f"copy_{at(f.id, place)}", cat=pulp.LpBinary)
        for f in followers
        for place in sorted(f.at)
    }
    for f in followers:
        problem += (
            _expr([(y[(f.id, place)], 1.0) for place in sorted(f.at)]) >= 1,
            f"follow_one_copy_{number[f.id]}",
        )
        for parent in f.parents:
            for place in sorted(f.at):
                if place in parent.at:
                    problem += (
                        _expr([(y[(f.id, place)], 1.0), (y[(parent.id, place)], -1.0)]) <= 0,
                        f"follow_{number[parent.id]}_where_{at(f.id, place)}",
                    )
    for u in units:
        places: dict[Site, list[int]] = defaultdict(list)
        for k, r in enumerate(u.rows):
            places[group_site(r)].append(k)
        for f in u.follows:
            for place, ks in sorted(places.items()):
                if place in f.at:
                    problem += (
                        _expr(
                            [(x[(u.key, k)], 1.0) for k in ks]
                            + [(y[(f.id, place)], -float(u.count))]
                        )
                        <= 0,
                        f"follow_{at(f.id, place)}_where_{u.key}",
                    )
    return [
        (y[(f.id, place)], weight(row)) for f in followers for place, row in sorted(f.at.items())
    ]


def _traffic(
    problem: pulp.LpProblem,
    units: list[Unit],
    x: dict[tuple[str, int], pulp.LpVariable],
    links: Sequence[Link],
    egress: Mapping[Site, float],
    per_month: float,
) -> list[tuple[pulp.LpVariable, float]]:
    """Objective terms for dependencies on different sites: each side's half of the traffic leaves
    its site at that site's egress price. ``out >= here(a) - here(b)`` is 1 exactly when a is at the
    site and b is not; both ends are single-resource units."""
    unit_of = {u.members[0]: u for u in units if u.count == 1}
    terms: list[tuple[pulp.LpVariable, float]] = []
    for index, link in enumerate(links):
        ua, ub = unit_of.get(link.a), unit_of.get(link.b)
        if ua is None or ub is None or isinstance(link, Replication):
            continue
        sites = sorted({r.site for r in ua.rows} | {r.site for r in ub.rows})
        for sender, receiver, side in ((ua, ub, "a"), (ub, ua, "b")):
            for s in sites:
                price = egress.get(s, 0.0) * link.gib_month / 2 * per_month
                here = [(x[(sender.key, k)], 1.0) for k, r in enumerate(sender.rows) if r.site == s]
                if price <= 0 or not here:
                    continue
                out = pulp.LpVariable(f"out_{index}_{side}_{_name(s[0])}_{_name(s[1])}", 0, 1)
                there = [
                    (x[(receiver.key, k)], -1.0) for k, r in enumerate(receiver.rows) if r.site == s
                ]
                problem += (
                    _expr([(out, -1.0), *here, *there]) <= 0,
                    f"traffic_{index}_{side}_{_name(s[0])}_{_name(s[1])}",
                )
                terms.append((out, price))
    return terms


def _replication(
    problem: pulp.LpProblem,
    units: list[Unit],
    x: dict[tuple[str, int], pulp.LpVariable],
    links: Sequence[Link],
) -> list[tuple[pulp.LpVariable, float, Site]]:
    """(variable, EUR a month, place billing it) for each primary's place it sends its copy's
    changes from: ``sent = here(primary) * (1 - here(copy))`` exactly (at most both, at least
    their difference), so no limit can be met by traffic that is not sent. A copy with no unit
    stays on its source. Both ends are single-resource units."""
    unit_of = {u.members[0]: u for u in units if u.count == 1}
    found: list[tuple[pulp.LpVariable, float, Site]] = []
    for index, link in enumerate(links):
        primary = unit_of.get(link.a)
        if not isinstance(link, Replication) or primary is None:
            continue
        copy = unit_of.get(link.b)
        for place, monthly in sorted(link.sent.items()):
            here = [
                (x[(primary.key, k)], 1.0)
                for k, r in enumerate(primary.rows)
                if group_site(r) == place
            ]
            if monthly <= 0 or not here:
                continue
            there = (
                [(x[(copy.key, k)], 1.0) for k, r in enumerate(copy.rows) if group_site(r) == place]
                if copy is not None
                else ([] if place != SOURCE else None)
            )
            if there is None:
                continue  # a copy with no unit stays on its source, where the primary is
            var = pulp.LpVariable(f"sent_{index}_{_name(place[0])}_{_name(place[1])}", 0, 1)
            tag = f"{index}_{_name(place[0])}_{_name(place[1])}"
            problem += (
                _expr([(var, -1.0), *here, *[(v, -c) for v, c in there]]) <= 0,
                f"replication_at_least_{tag}",
            )
            problem += (
                _expr([(var, 1.0), *[(v, -c) for v, c in here]]) <= 0,
                f"replication_here_{tag}",
            )
            if there:
                problem += _expr([(var, 1.0), *there]) <= 1, f"replication_not_there_{tag}"
            found.append((var, monthly, place))
    return found


def solve(
    units: list[Unit],
    policy: Policy,
    drop: frozenset[str] = frozenset(),
    objective: str = "score",
    max_jurisdiction: float | None = None,
    time_limit: float | None = None,
    links: Sequence[Link] = (),
    egress_eur_gib: Mapping[Site, float] | None = None,
) -> Solution:
    problem, x = build(units, policy, drop, objective, max_jurisdiction, links, egress_eur_gib)
    limit = time_limit if time_limit is not None else policy.solver.time_limit_s
    name = policy.solver.name
    if name == "highs":
        try:
            import highspy  # noqa: F401
        except ImportError:
            from cloudexit.errors import InputError

            raise InputError(
                "policy solver.name is 'highs' but HiGHS is not installed: "
                "pip install 'cloudexit[highs]'"
            ) from None
    # CBC reports its proven bound only in its log; the folder goes away whatever the solve does.
    with tempfile.TemporaryDirectory(prefix="cloudexit-cbc-") as folder:
        log = Path(folder) / "cbc.log"
        if name == "highs":
            solver = pulp.HiGHS(msg=False, timeLimit=limit, gapRel=policy.solver.gap)
        else:
            solver = pulp.PULP_CBC_CMD(
                msg=False, timeLimit=limit, gapRel=policy.solver.gap, threads=1, logPath=str(log)
            )
        started = time.perf_counter()
        problem.solve(solver)
        seconds = time.perf_counter() - started
        bound: float | None = None
        if name == "highs":
            try:
                bound = float(problem.solverModel.getInfo().mip_dual_bound)
            except (AttributeError, TypeError, ValueError):
                bound = None
        else:
            bound = _cbc_bound(log)
    # sol_status tells whether a solution exists; status alone can say Optimal after a time limit.
    found = problem.sol_status in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible)
    if problem.status == pulp.LpStatusInfeasible or (
        not found and problem.sol_status == pulp.LpSolutionInfeasible
    ):
        status = SolveStatus.INFEASIBLE
    elif not found:
        status = SolveStatus.NOT_SOLVED
    elif problem.sol_status == pulp.LpSolutionOptimal:
        status = SolveStatus.OPTIMAL
    else:
        status = SolveStatus.FEASIBLE
    counts: dict[tuple[str, int], int] = {}
    if found:
        for key, var in x.items():
            value = round(var.value() or 0)
            if value:
                counts[key] = value
    return Solution(
        status=status,
        counts=counts,
        objective=pulp.value(problem.objective) if found else None,
        bound=bound if found else None,
        seconds=seconds,
        variables=len(problem.variables()),
        constraints=problem.numConstraints(),
        solver=name,
    )


def _cbc_bound(log: Path) -> float | None:
    """CBC's proven bound from the result block it prints when it stops.

    Progress lines ("best possible ...") are bounds of the moment; only the final block says what
    was proven: a "Lower bound" line when it stopped early (time limit, gap tolerance), none when
    the search completed, where the objective is the bound."""
    try:
        text = log.read_text(errors="replace")
    except OSError:
        return None
    _, marker, result = text.rpartition("Result - ")
    if not marker:
        return None
    bound = re.search(r"^Lower bound:\s+(-?[0-9.eE+-]+)", result, re.MULTILINE)
    if bound:
        return float(bound.group(1))
    headline = result.splitlines()[0] if result else ""
    if headline.strip() == "Optimal solution found":
        value = re.search(r"^Objective value:\s+(-?[0-9.eE+-]+)", result, re.MULTILINE)
        return float(value.group(1)) if value else None
    return None


def lp_bound(
    units: list[Unit],
    policy: Policy,
    links: Sequence[Link] = (),
    egress_eur_gib: Mapping[Site, float] | None = None,
) -> float | None:
    """A proven lower bound: the optimum of the LP relaxation of the same model."""
    problem, _ = build(units, policy, links=links, egress_eur_gib=egress_eur_gib)
    for var in problem.variables():
        var.cat = pulp.LpContinuous
    problem.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=policy.solver.time_limit_s))
    if problem.status != pulp.LpStatusOptimal:
        return None
    return float(pulp.value(problem.objective))
