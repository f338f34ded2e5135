"""Why a policy cannot be met, in words that name the constraint and the resources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Unplaced
from cloudexit.model.policy import Policy
from cloudexit.optimise import milp
from cloudexit.optimise.candidates import (
    CLAIMED,
    HELD_APART,
    UNPRICED_HOLDERS,
    required_certifications,
)
from cloudexit.optimise.units import (
    ATTACHED,
    SOURCE,
    Replication,
    Site,
    Unit,
    Units,
    group_site,
)
from cloudexit.wording import counted, plural


def unplaceable(no_option: dict[str, list[str]], inventory: Inventory, policy: Policy) -> list[str]:
    """One line per kind of resource nothing can take, e.g. "4 resources tagged
    classification=secret need SecNumCloud; no option offers it for kind database.postgresql"."""
    resources = inventory.by_id()
    buckets: dict[tuple[str, tuple[str, ...], str], int] = defaultdict(int)
    apart: dict[tuple[str, tuple[str, ...], str], set[str]] = defaultdict(set)
    gated: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rid, excluded in sorted(no_option.items()):
        r = resources[rid]
        gate_names = sorted(
            {
                e.split("sovereignty gate ", 1)[1].split(":")[0]
                for e in excluded
                if "sovereignty gate " in e
            }
        )
        if gate_names and all("sovereignty gate " in e for e in excluded):
            gated[(", ".join(gate_names), r.kind.value)].append(r.name)
            continue
        needed = tuple(sorted(required_certifications(r, policy)))
        if needed and excluded and all("lacks" in e or f": {CLAIMED} " in e for e in excluded):
            tags = sorted(
                {
                    f"{k}={v}"
                    for rule in policy.certifications
                    for k, v in rule.match.tags.items()
                    if r.tags.get(k) == v
                }
            )
            who = f"tagged {', '.join(tags)}" if tags else "matched by a certification rule"
            buckets[(r.kind.value, needed, who)] += 1
            apart[(r.kind.value, needed, who)].update(_held_apart(excluded))
        else:
            buckets[(r.kind.value, (), _first_few(excluded) or "no target offers this kind")] += 1
    lines = []
    for (gate_list, kind), names in sorted(gated.items()):
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        lines.append(
            f"sovereignty gate {gate_list} leaves no option for {counted(len(names), 'resource')} "
            f"of kind {kind}: {shown}"
        )
    for (kind, needed, who), count in sorted(buckets.items()):
        if needed:
            offers = apart[(kind, needed, who)]
            elsewhere = (
                f"; only these offers hold it, which the plan cannot place: {', '.join(sorted(offers))}"
                if offers
                else ""
            )
            lines.append(
                f"{counted(count, 'resource')} {who} {plural(count, 'needs', 'need')} "
                f"{', '.join(needed)}; no option offers it for kind {kind}{elsewhere}"
            )
        else:
            lines.append(
                f"{counted(count, 'resource')} of kind {kind} {plural(count, 'has', 'have')} "
                f"no option: {who}"
            )
    return lines


def _first_few(excluded: list[str], shown: int = 3) -> str:
    """The first ``shown`` exclusions in their order, then how many more there are."""
    rest = len(excluded) - shown
    return "; ".join(excluded[:shown]) + (f"; and {rest} more" if rest > 0 else "")


def _held_apart(excluded: list[str]) -> set[str]:
    """provider/offer for each offer an exclusion names as holding the lacking certification."""
    found = set()
    for line in excluded:
        where, _, rest = line.partition(": ")
        if HELD_APART in rest:
            provider = where.split("/", 1)[0]
            unpriced = UNPRICED_HOLDERS in rest
            marker = UNPRICED_HOLDERS if unpriced else HELD_APART
            offers = rest.split(marker, 1)[1].partition(": ")[2]
            how = " (no published price)" if unpriced else ""
            for offer in offers.split(";", 1)[0].split(" (", 1)[0].split(", "):
                found.add(f"{provider}/{offer.strip()}{how}")
    return found


def _groups_with_no_common_site(units: Units) -> list[str]:
    lines = []
    members_of: dict[str, list[Unit]] = defaultdict(list)
    for u in units.units:
        if u.group is not None:
            members_of[u.group].append(u)
    for group, members in sorted(members_of.items()):
        common = set.intersection(*({group_site(r) for r in u.rows} for u in members))
        if not common:
            where = "; ".join(
                f"{u.members[0]}{f' and {u.count - 1} like it' if u.count > 1 else ''}: "
                + _sites({group_site(r) for r in u.rows})
                for u in members
            )
            lines.append(
                f"co-location group {group}: its {sum(u.count for u in members)} resources share no "
                f"site that every one of them can use ({where})"
            )
    return lines


def _anti_affinity_conflicts(units: Units, structural: bool) -> list[str]:
    """``structural``: only the sets with fewer places than members, a proof on their own."""
    anti: dict[str, list[Unit]] = defaultdict(list)
    for u in units.units:
        for a in u.anti:
            anti[a].append(u)
    lines = []
    for name, members in sorted(anti.items()):
        level = name.rsplit("@", 1)[1]
        places = {r.site if level == "region" else r.site[0] for u in members for r in u.rows}
        count = sum(u.count for u in members)
        grouped = any(u.group for u in members)
        if len(places) < count or (grouped and not structural):
            lines.append(
                f"anti-affinity {name.split('@')[0]}: {count} resources must use different "
                f"{level}s{' but share a co-location group' if grouped else ''}"
            )
    return lines


def _cheapest(u: Unit) -> float:
    """The unit's monthly cost at its cheapest target option, for every member."""
    return min((r.monthly for r in u.rows if r.target), default=0.0) * u.count


def _group_label(group: str, names: Mapping[str, str]) -> str:
    if not group.startswith(ATTACHED):
        return f"co-location group {group}"
    _, _, joined = group[len(ATTACHED) :].partition(" (")
    return "attached group" + (f" ({joined}" if joined else "")


def _colocation_conflicts(
    units: Units, policy: Policy, names: Mapping[str, str], alone_with: list[str]
) -> list[str]:
    """The groups that must share one site, largest share of the target spend first, and the
    limits each breaks on its own; ``alone_with``: the families the solver found cannot be met
    together with co-location alone, named where no share explains the conflict."""
    members_of: dict[str, list[Unit]] = defaultdict(list)
    for u in units.units:
        if u.group is not None and any(r.target for r in u.rows):
            members_of[u.group].append(u)
    total = sum(_cheapest(u) for u in units.units if any(r.target for r in u.rows))
    outside = {
        group: not any(u.group != group and any(r.target for r in u.rows) for u in units.units)
        for group in members_of
    }
    shares = sorted(
        (
            (sum(_cheapest(u) for u in m) / total if total else 0.0, g)
            for g, m in members_of.items()
        ),
        key=lambda item: (-item[0], item[1]),
    )
    lines = []
    for share, group in shares[:3]:
        broken = []
        if policy.max_region_spend_share is not None and share > policy.max_region_spend_share:
            broken.append(f"max_region_spend_share {policy.max_region_spend_share} (one site)")
        if policy.max_spend_share is not None and share > policy.max_spend_share:
            broken.append(f"max_spend_share {policy.max_spend_share} (one provider)")
        if policy.min_providers > 1 and outside[group]:
            broken.append(f"min_providers {policy.min_providers} (nothing else can move)")
        if not broken:
            continue
        members = sorted(names.get(m, m) for u in members_of[group] for m in u.members)
        shown = ", ".join(members[:4]) + (
            f" and {len(members) - 4} more" if len(members) > 4 else ""
        )
        fix = (
            "attached parts cannot be split: raise these limits or keep part of the estate"
            if group.startswith(ATTACHED)
            else "drop the co-location tag or raise these limits"
        )
        lines.append(
            f"{_group_label(group, names)} ({counted(len(members), 'resource')}: {shown}) must "
            f"share one site, {share:.0%} of the target spend at the cheapest options, which "
            f"breaks {', '.join(broken)}; {fix}"
        )
    if not lines and members_of:
        share, group = shares[0]
        others = ", ".join(alone_with) or "the other limits together"
        lines.append(
            f"{_group_label(group, names)} must share one site ({share:.0%} of the target spend "
            f"at the cheapest options) and cannot also meet {others}"
        )
    return lines


def infeasibility(
    units: Units, policy: Policy, names: Mapping[str, str] | None = None
) -> list[str]:
    """Which constraint families conflict, with specifics. A co-location group with no site in
    common, or an anti-affinity set with fewer places than members, proves it alone and is read
    off the options; otherwise each family is dropped in turn to see which ones conflict."""
    proven = _groups_with_no_common_site(units) + _anti_affinity_conflicts(units, structural=True)
    if proven:
        return proven
    # what databases send their copies counts in the budget and the spend shares
    sent = [link for link in units.links if isinstance(link, Replication)]

    def feasible_without(families: frozenset[str]) -> bool:
        return milp.solve(
            units.units,
            policy,
            drop=families,
            time_limit=min(10.0, policy.solver.time_limit_s),
            links=sent,
        ).status.value in ("optimal", "feasible")

    culprits = [family for family in milp.FAMILIES if feasible_without(frozenset({family}))]
    # Two families can each be satisfiable alone yet exclude each other (one resource cannot
    # meet min_providers 2 and a 70 % spend share at once); name such pairs rather than give up.
    pairs = (
        []
        if culprits
        else [pair for pair in combinations(milp.FAMILIES, 2) if feasible_without(frozenset(pair))]
    )
    lines: list[str] = []
    if pairs:
        lines.append(
            "constraint families that conflict together (no single one can be dropped to make the "
            "policy feasible; dropping both of a pair does): "
            + ", ".join(f"{a} with {b}" for a, b in pairs)
        )
        culprits = sorted({family for pair in pairs for family in pair}, key=milp.FAMILIES.index)
    if "anti_affinity" in culprits:
        lines += _anti_affinity_conflicts(units, structural=False)
    if "budget" in culprits and policy.monthly_budget is not None:
        cheapest = milp.solve(
            units.units,
            policy,
            drop=frozenset({"budget"}),
            objective="monthly",
            time_limit=min(10.0, policy.solver.time_limit_s),
            links=sent,
        )
        if cheapest.objective is not None:
            lines.append(
                f"monthly_budget EUR {policy.monthly_budget} is below the cheapest placement that meets the "
                f"other constraints, EUR {cheapest.objective:,.2f} a month"
            )
    if "providers" in culprits:
        available = sorted({r.site[0] for u in units.units for r in u.rows if r.target})
        # Resources, not classes: a class holds every resource like it, and the network objects
        # that follow a moving resource move too.
        movable = sum(u.count for u in units.units if any(r.target for r in u.rows)) + sum(
            1 for f in units.followers.values() if any(r.target for r in f.at.values())
        )
        few = (
            f"; only {counted(movable, 'resource')} can move, fewer than min_providers"
            if movable < policy.min_providers
            else ""
        )
        lines.append(
            f"min_providers {policy.min_providers} / max_providers {policy.max_providers}: "
            f"{counted(len(available), 'target provider')} can take resources "
            f"({', '.join(available)}){few}"
        )
    if "spend_share" in culprits:
        lines.append(
            f"max_spend_share {policy.max_spend_share}: the targets that can take the resources cannot "
            "split the spend that evenly"
        )
    if "colocation" in culprits:
        kept = [f for f in milp.FAMILIES if f != "colocation"]
        alone_with = [
            family
            for family in kept
            if not feasible_without(frozenset(f for f in kept if f != family))
        ]
        lines += _colocation_conflicts(units, policy, names or {}, alone_with)
    if "balancer" in culprits:
        lines.append(
            "load balancers whose members anti-affinity keeps apart stand at a site holding one "
            "of them: no such site fits the other limits"
        )
    if "capacity" in culprits:
        lines.append(
            "capacity limits: the listed provider/region quotas cannot hold the resources that must go there"
        )
    if not lines and len(culprits) != 1:
        lines.append(
            "the constraints conflict only in combination: "
            + (
                " with ".join(culprits)
                or "neither one constraint family nor any pair of them can be dropped to make the "
                "policy feasible"
            )
        )
    elif not lines:
        lines.append(f"the {culprits[0]} constraints cannot be met with the others")
    return lines


def _sites(sites: set[Site], shown: int = 4) -> str:
    names = sorted("kept on the source" if s == SOURCE else f"{s[0]}/{s[1]}" for s in sites)
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ("only " if len(names) == 1 else "") + ", ".join(names[:shown]) + more


def dedicated_link_warnings(
    unplaced: list[Unplaced], inventory: Inventory, resources: Mapping[str, Resource] | None = None
) -> list[str]:
    """One line per dedicated link (an interconnect, an ExpressRoute circuit) the plan cannot
    build: a circuit is ordered, not written, and the move needs it in place before cut-over."""
    # Imported here: the emit package imports the optimiser.
    from cloudexit.emit.escape import visible

    resources = inventory.by_id() if resources is None else resources
    return [
        f"dedicated link not migrated: {visible(resources[u.resource_id].name)} "
        f"({visible(resources[u.resource_id].type)}) is a circuit, not a machine, and nothing is "
        "written for it; order the target's dedicated connection where it has one (OVHcloud "
        "Connect, Scaleway InterLink) and peer it over BGP before the cut-over (the runbook's "
        "'Not migrated' says more)"
        for u in unplaced
        if u.kind == Kind.INTERCONNECT.value and u.resource_id in resources
    ]
