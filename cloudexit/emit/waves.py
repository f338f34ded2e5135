"""Migration waves: foundations, data stores, services in dependency order, cut-over."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from jinja2 import Environment
from pydantic import BaseModel, ConfigDict, Field

from cloudexit.catalog.versions import CONVERTED
from cloudexit.errors import InputError
from cloudexit.model.defaults import empty_list
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import DATA_KINDS, Kind
from cloudexit.model.plan import Placement, Plan
from cloudexit.model.replicas import rebuilt_from_primary
from cloudexit.optimise import private_zones, spanner
from cloudexit.optimise.switching import moved_gib, size_unknown

FOUNDATION_CATEGORIES = frozenset({"network", "security", "container"})
SERVICE_IN_FOUNDATION = frozenset({Kind.LOAD_BALANCER, Kind.TARGET_GROUP, Kind.API_GATEWAY})
CUTOVER_KINDS = frozenset({Kind.DNS_ZONE, Kind.CDN})
BUILD_ONLY_OUTSIDE_NETWORK = frozenset({Kind.IDENTITY, Kind.SECRET_STORE})
"""Foundation kinds besides networks that are only built on the target: a registry's images are
copied and its pushes switched, data under a KMS key is re-encrypted."""
PLANNED = "planned"
"""methods.yaml key of the method for resources only a Terraform plan holds."""
PLANNED_KEPT = "planned_kept"
"""methods.yaml key of the method for a network object only a Terraform plan holds that is
also kept on the source, for a resource staying there that names it."""
FIXED_MACHINES = "fixed_machines"
"""methods.yaml key of the method for a machine group written as fixed servers."""
SPANNER = "spanner"
"""methods.yaml key of the method for a Cloud Spanner instance, whose schema and queries are
rewritten for PostgreSQL, never replicated to it."""
TO_POSTGRESQL = ".to_postgresql"
"""methods.yaml key suffix, after the kind, of the method for a database of another engine the
plan converts to PostgreSQL (``catalog.versions.CONVERTED``)."""
PRIVATE_ZONE = "private_dns_zone"
"""methods.yaml key of the method for a private DNS zone, rebuilt as a resolver server: its
clients are pointed at it, no delegation is switched."""


class Method(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    tools: list[str] = Field(default_factory=empty_list)
    steps: list[str] = Field(min_length=1)
    downtime_minutes: int = Field(ge=0)
    portability: str


class Methods(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    methods: dict[str, Method]
    checklists: dict[str, list[str]]
    dora_triggers: list[str]

    def for_kind(self, kind: Kind) -> Method:
        return (
            self.methods.get(kind.value) or self.methods.get(kind.category) or self.methods["other"]
        )

    def for_resource(
        self,
        resource: Resource,
        fixed: bool = False,
        rebuilt: bool = True,
        kept: bool = False,
        converted: bool = False,
    ) -> Method:
        """A resource only a Terraform plan holds has nothing to export or cut over: it is
        built on the target instead (a template folder without a ``planned`` method keeps the
        kind's). A private DNS zone's clients are pointed at its resolver. A read replica is
        rebuilt from its primary on the target, not copied from the source (``rebuilt``: False when its primary does not move with it). ``fixed``: a machine group the Terraform writes as fixed servers, whose
        launch template and scaling rules are not recreated. ``kept``: also kept on the source
        (a copy of a network object a resource staying there names). ``converted``: a SQL Server
        or Oracle database the plan converts to PostgreSQL, which no backup of it restores
        (``<kind>.to_postgresql``)."""
        if resource.planned and kept and PLANNED_KEPT in self.methods:
            return self.methods[PLANNED_KEPT]
        if resource.planned and PLANNED in self.methods:
            return self.methods[PLANNED]
        if fixed and FIXED_MACHINES in self.methods:
            return self.methods[FIXED_MACHINES]
        if PRIVATE_ZONE in self.methods and private_zones.is_private(resource):
            return self.methods[PRIVATE_ZONE]
        if SPANNER in self.methods and spanner.is_spanner(resource):
            return self.methods[SPANNER]
        replica = rebuilt and isinstance(resource.attributes.details.get("replica_of"), str)
        if replica and resource.kind.category == "database" and "database.replica" in self.methods:
            return self.methods["database.replica"]
        if converted and f"{resource.kind.value}{TO_POSTGRESQL}" in self.methods:
            return self.methods[f"{resource.kind.value}{TO_POSTGRESQL}"]
        return self.for_kind(resource.kind)


def load_methods(env: Environment) -> Methods:
    """methods.yaml through the template loader, so a user's template folder can replace it."""
    import yaml

    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, "runbook/methods.yaml")
    try:
        return Methods.model_validate(yaml.safe_load(source))
    except Exception as exc:  # noqa: BLE001 - a user's override is input: report it as such
        raise InputError(
            f"{filename}: invalid runbook methods: {str(exc).splitlines()[0]}"
        ) from None


def transfer_hours(gib: float, bandwidth_mbps: float) -> float:
    """Hours to copy ``gib`` at ``bandwidth_mbps`` (GiB of 2^30 bytes, megabits of 10^6 bits)."""
    return gib * 8 * 2**30 / (bandwidth_mbps * 1e6) / 3600


@dataclass
class Step:
    resource: Resource
    placement: Placement
    method: Method
    data_gib: float
    transfer_hours: float
    size_unknown: bool = False
    """The source reports no data size: ``data_gib`` is the policy's assumed size
    (``running_costs.assumed_data_gib``), which the costing uses too, and the copy time rests on
    it."""


@dataclass
class Wave:
    number: int
    name: str
    purpose: str
    steps: list[Step] = field(default_factory=list)
    start_day: int = 0
    foundation: bool = False
    """Networks, groups, identities: only built on the target, nothing copied or switched"""

    @property
    def only_planned(self) -> bool:
        """Every resource of the wave exists only in a Terraform plan: nothing runs on the
        source to back up, freeze, cut over or roll back to."""
        return bool(self.steps) and all(s.resource.planned for s in self.steps)

    @property
    def duration_days(self) -> int:
        """Steps in a wave run in parallel: the wave's copies over the one link plus the
        longest piece of work."""
        copy = self.transfer_hours / 24
        effort = max((s.placement.choice.effort_days for s in self.steps), default=0.0)
        return max(1, math.ceil(copy + effort))

    @property
    def downtime_minutes(self) -> int:
        return max((s.method.downtime_minutes for s in self.steps), default=0)

    @property
    def data_gib(self) -> float:
        return sum(s.data_gib for s in self.steps)

    @property
    def transfer_hours(self) -> float:
        """Hours to copy the wave's data: its copies share the one link to the target, so
        together they take all their data over its bandwidth, however they run side by side."""
        return sum(s.transfer_hours for s in self.steps)

    @property
    def longest_copy_hours(self) -> float:
        """The longest single copy: the least the wave's copying takes on a link of its own."""
        return max((s.transfer_hours for s in self.steps), default=0.0)


def _service_levels(ids: set[str], resources: Mapping[str, Resource]) -> dict[str, int]:
    """Longest chain of dependencies among the services: a service moves after what it uses."""
    levels: dict[str, int] = {}
    visiting: set[str] = set()

    def level(rid: str) -> int:
        if rid in levels:
            return levels[rid]
        if rid in visiting:  # a cycle: break it where it closes
            return 0
        visiting.add(rid)
        deps = [d for d in resources[rid].depends_on if d in ids]
        value = 1 + max((level(d) for d in deps), default=-1)
        visiting.discard(rid)
        levels[rid] = value
        return value

    for rid in sorted(ids):
        level(rid)
    return levels


def _method(
    methods: Methods,
    r: Resource,
    fixed: Collection[str],
    resources: Mapping[str, Resource],
    p: Placement,
) -> Method:
    kept = any(c.retain for c in p.copies or ())
    return methods.for_resource(
        r, r.id in fixed, rebuilt_from_primary(r, resources), kept, converted(r, p)
    )


def converted(r: Resource, p: Placement) -> bool:
    """Whether the plan converts ``r`` to PostgreSQL (a SQL Server or Oracle database on a
    managed PostgreSQL of the target): a change of engine, no restore of a backup."""
    v = p.engine_version
    return (
        r.kind in CONVERTED
        and v is not None
        and v.status == "engine_change"
        and v.engine.lower() == "postgresql"
    )


def plan_waves(
    plan: Plan,
    methods: Methods,
    fixed: Collection[str] = (),
    resources: Mapping[str, Resource] | None = None,
) -> list[Wave]:
    """``fixed``: ids of the machine groups the Terraform writes as fixed servers;
    ``resources``: the plan's inventory by id, when the caller has it."""
    resources = plan.inventory.by_id() if resources is None else resources
    moving = [p for p in plan.placements if not p.choice.retain]
    bandwidth = plan.policy.bandwidth_mbps

    def step(p: Placement) -> Step:
        r = resources[p.resource_id]
        # what the egress table charges: every kind's disks, a machine's as much as a database's,
        # and a store of unknown size at the assumed size its target is priced on
        gib = 0.0 if r.planned else float(moved_gib(r, plan.policy, resources))
        rebuilt = rebuilt_from_primary(r, resources)
        kept = any(c.retain for c in p.copies or ())
        method = methods.for_resource(r, r.id in fixed, rebuilt, kept, converted(r, p))
        unknown = size_unknown(r) and not r.planned and not rebuilt
        return Step(r, p, method, gib, transfer_hours(gib, bandwidth), unknown)

    foundation, data, services, cutover = [], [], [], []
    for p in moving:
        kind = resources[p.resource_id].kind
        if kind in CUTOVER_KINDS:
            cutover.append(p)
        elif kind in DATA_KINDS:
            data.append(p)
        elif kind.category in FOUNDATION_CATEGORIES and kind not in SERVICE_IN_FOUNDATION:
            foundation.append(p)
        else:
            services.append(p)
    waves: list[Wave] = []

    def add(name: str, purpose: str, items: list[Placement], foundation: bool = False) -> None:
        if items:
            wave = Wave(
                len(waves) + 1,
                name,
                purpose,
                [step(p) for p in sorted(items, key=lambda p: p.resource_id)],
                foundation=foundation,
            )
            waves.append(wave)

    add(
        "Foundations",
        "Networks, security groups, registries and secret stores on the target; VPN to the source.",
        foundation,
        foundation=all(
            resources[p.resource_id].kind.category == "network"
            or resources[p.resource_id].kind in BUILD_ONLY_OUTSIDE_NETWORK
            for p in foundation
        ),
    )
    add(
        "Data replication",
        "Copy or replicate every data store while the source keeps serving.",
        data,
    )
    levels = _service_levels({p.resource_id for p in services}, resources)
    for level in sorted(set(levels.values())):
        batch = [p for p in services if levels[p.resource_id] == level]
        add(
            f"Services tier {level + 1}",
            "Deploy and cut over the services"
            + (
                " that only use data stores and foundations."
                if level == 0
                else " that call the tier before."
            ),
            batch,
        )
    add(
        "DNS and CDN cut-over",
        "Switch names and edge caching to the target; keep TTLs low until sign-off.",
        cutover,
    )
    day = 0
    for wave in waves:
        wave.start_day = day
        day += wave.duration_days
    return waves


def with_methods(
    waves: list[Wave],
    plan: Plan,
    methods: Methods,
    fixed: Collection[str] = (),
    resources: Mapping[str, Resource] | None = None,
) -> list[Wave]:
    """``plan_waves(plan, methods, fixed)`` from the waves made for the same placements with
    other methods, fixed groups or names: what moves when depends on none of them, so only each
    step's resource (as ``plan`` names it) and method are taken again."""
    resources = plan.inventory.by_id() if resources is None else resources

    def step(s: Step) -> Step:
        r = resources[s.resource.id]
        method = _method(methods, r, fixed, resources, s.placement)
        return Step(r, s.placement, method, s.data_gib, s.transfer_hours, s.size_unknown)

    return [replace(w, steps=[step(s) for s in w.steps]) for w in waves]


def wave_of(waves: list[Wave]) -> dict[str, int]:
    return {s.resource.id: w.number for w in waves for s in w.steps}


def as_dict(wave: Wave) -> dict[str, Any]:
    return {
        "number": wave.number,
        "name": wave.name,
        "start_day": wave.start_day,
        "duration_days": wave.duration_days,
        "resources": [s.resource.id for s in wave.steps],
    }
