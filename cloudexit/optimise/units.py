"""Resources grouped into units the solver sees: identical resources share one integer count.

Two resources aggregate when their options are the same after right-sizing (every option equal:
site, product, quantity, costs, risk, and so every coefficient the solver reads), whatever their
raw attributes, and they sit in the same co-location and anti-affinity groups. Candidates are
built once per set of inputs candidate generation reads. Attached parts (a disk and its VM) form
a co-location group whatever the policy says; resources linked by a priced dependency stay one
per unit so the traffic between them can be charged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from operator import attrgetter
from typing import Any, NamedTuple, cast, overload

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.sizing import price_in, to_eur
from cloudexit.model.balancer_gaps import without_front
from cloudexit.model.bill import Commitment
from cloudexit.model.boot_disks import boot_gib
from cloudexit.model.data_disks import inline_data_disks
from cloudexit.model.inventory import Attributes, Inventory, Resource, Utilisation
from cloudexit.model.money import quantize
from cloudexit.model.plan import Option, PlacementValues
from cloudexit.model.policy import Policy
from cloudexit.model.replicas import primary_of
from cloudexit.optimise.apart import FORK_FROM, PART, apart
from cloudexit.optimise.attachments import attachments, group_reference_links, held_apart
from cloudexit.optimise.candidates import (
    Facts,
    FactsMemo,
    OptionSource,
    Priced,
    RetainFacts,
    SiteFacts,
    Walk,
    _make_room,
    _moved,
    detail_of,
    option_facts,
    priced_for,
    walk,
)
from cloudexit.optimise.follow import (
    Follower,
    copies_of,
    copies_score,
    find_followers,
    named,
    staying,
)
from cloudexit.optimise.fronts import fronted
from cloudexit.optimise.inspection import inspects
from cloudexit.optimise.objective import Scorer, compared_monthly, option_score
from cloudexit.optimise.partition import Partition
from cloudexit.optimise.read_replicas import as_built_beside, placed_with_primary
from cloudexit.optimise.replication import (
    monthly_gib,
    replicates_from,
    sent_monthly,
    source_rate,
    with_replication,
)
from cloudexit.optimise.running import effort_days
from cloudexit.optimise.stranded import monthly_by_resource
from cloudexit.optimise.switching import start_of

Site = tuple[str, str]
WALKS_KEPT = 20_000
"""shared site walks whose rows' shapes are kept, as many as the candidates' memo keeps walks"""
SHAPES_KEPT = 50_000
"""the child's shapes looked up by identity, at most: each part it hands back brings its own"""
SOURCE: Site = ("source", "kept")
"""Where a co-location group stands when every member is kept on its source, wherever that is."""


class Shape(NamedTuple):
    """What an option is wherever a resource takes it: its site, product and the solver's
    resource and risk figures. Many resources' options are the same shape; they share one."""

    site: Site
    target: bool
    product: str | None
    quantity: float
    vcpu: float
    memory_gib: float
    storage_gib: float
    instances: int
    jurisdiction: float
    certification: float
    fidelity: float


class Row:
    """One option with the numbers the solver needs; the full ``Option`` is built on first use
    (from ``source``) or given (``held``), so an estate's many options cost a few numbers each.

    The figures an option has wherever it is taken sit in a ``Shape`` shared with every other
    resource's option of that shape; a row holds only its own score, costs, stake and source:
    a million-resource estate has some sixteen million rows."""

    __slots__ = (
        "concentration",
        "held",
        "migration",
        "monthly",
        "score",
        "shape",
        "source",
        "stake",
    )

    shape: Shape
    score: float
    monthly: float
    stake: float
    migration: float
    concentration: float | None
    """concentration points once weighed; None before"""
    source: OptionSource | None
    held: Option | None

    def __init__(
        self,
        site: Site,
        score: float,
        monthly: float,
        vcpu: float,
        memory_gib: float,
        storage_gib: float,
        instances: int,
        target: bool,
        product: str | None = None,
        quantity: float = 1.0,
        jurisdiction: float = 0.0,
        certification: float = 0.0,
        fidelity: float = 0.0,
        stake: float = 1.0,
        migration: float = 0.0,
        concentration: float | None = None,
        source: OptionSource | None = None,
        held: Option | None = None,
    ) -> None:
        shape = Shape(
            site,
            target,
            product,
            quantity,
            vcpu,
            memory_gib,
            storage_gib,
            instances,
            jurisdiction,
            certification,
            fidelity,
        )
        self._set(shape, score, monthly, stake, migration, concentration, source, held)

    def _set(
        self,
        shape: Shape,
        score: float,
        monthly: float,
        stake: float,
        migration: float,
        concentration: float | None,
        source: OptionSource | None,
        held: Option | None,
    ) -> None:
        _put_shape(self, shape)
        _put_score(self, score)
        _put_monthly(self, monthly)
        _put_stake(self, stake)
        _put_migration(self, migration)
        _put_concentration(self, concentration)
        _put_source(self, source)
        _put_held(self, held)

    @classmethod
    def shaped(
        cls,
        shape: Shape,
        score: float,
        monthly: float,
        stake: float = 1.0,
        migration: float = 0.0,
        concentration: float | None = None,
        source: OptionSource | None = None,
        held: Option | None = None,
    ) -> Row:
        """A row of a shape already made (shared)."""
        row = _new(cls)
        _put_shape(row, shape)
        _put_score(row, score)
        _put_monthly(row, monthly)
        _put_stake(row, stake)
        _put_migration(row, migration)
        _put_concentration(row, concentration)
        _put_source(row, source)
        _put_held(row, held)
        return row

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Row is read-only: cannot set {name}")

    def __reduce__(self) -> tuple[Callable[..., Row], tuple[object, ...]]:
        # copy and pickle would otherwise set slots one by one, which a read-only row refuses.
        return (
            Row.shaped,
            (
                self.shape,
                self.score,
                self.monthly,
                self.stake,
                self.migration,
                self.concentration,
                self.source,
                self.held,
            ),
        )

    def __repr__(self) -> str:
        return (
            f"Row(site={self.site!r}, product={self.product!r}, target={self.target!r}, "
            f"score={self.score!r}, monthly={self.monthly!r})"
        )

    @classmethod
    def of(cls, option: Option, **numbers: Any) -> Row:
        """A row holding its option already built."""
        risk = option.risk
        return cls(
            product=option.product,
            quantity=option.quantity,
            jurisdiction=risk.jurisdiction,
            certification=risk.certification,
            fidelity=risk.fidelity,
            stake=risk.stake,
            migration=float(option.migration_cost),
            held=option,
            **numbers,
        )

    @property
    def site(self) -> Site:
        return self.shape[0]

    @property
    def target(self) -> bool:
        return self.shape[1]

    @property
    def product(self) -> str | None:
        return self.shape[2]

    @property
    def quantity(self) -> float:
        return self.shape[3]

    @property
    def vcpu(self) -> float:
        return self.shape[4]

    @property
    def memory_gib(self) -> float:
        return self.shape[5]

    @property
    def storage_gib(self) -> float:
        return self.shape[6]

    @property
    def instances(self) -> int:
        return self.shape[7]

    @property
    def jurisdiction(self) -> float:
        return self.shape[8]

    @property
    def certification(self) -> float:
        return self.shape[9]

    @property
    def fidelity(self) -> float:
        return self.shape[10]

    @property
    def retain(self) -> bool:
        return not self.shape[1]

    @property
    def risk_total(self) -> float:
        if self.held is not None:
            return self.held.risk.total
        total = self.jurisdiction + self.certification + self.fidelity
        return total if self.concentration is None else total + self.concentration

    @property
    def monthly_cost(self) -> Decimal:
        """The monthly cost the choice compares (``objective.compared_monthly``)."""
        if self.held is not None:
            return compared_monthly(self.held)
        return quantize(Decimal(repr(self.monthly)))

    @property
    def option(self) -> Option:
        if self.held is None:
            assert self.source is not None
            option = self.source.option(self.site, self.target, self.concentration)
            _put_held(self, option)
        assert self.held is not None
        return self.held

    def weighed(self, points: float, policy: Policy, scorer: Scorer | None = None) -> Row:
        """The row with its concentration points and the score they give (``scorer``: the
        run's, keeping what repeats; the same score)."""
        if self.held is not None:
            option = with_concentration(self.held, points)
            return Row.shaped(
                self.shape,
                float(option_score(option, policy)),
                self.monthly,
                self.stake,
                self.migration,
                points,
                self.source,
                option,
            )
        scorer = scorer or Scorer(policy)
        risk = scorer.risk(self.jurisdiction, self.certification, self.fidelity, points, self.stake)
        score = scorer.score(scorer.cents(self.monthly), scorer.cents(self.migration), risk)
        return Row.shaped(
            self.shape, float(score), self.monthly, self.stake, self.migration, points, self.source
        )


# A read-only row's slots are written through their descriptors: a third of the time of
# ``object.__setattr__`` by name, and rows are made by the million.
_new = object.__new__
_slots = Row.__dict__
_put_shape = _slots["shape"].__set__
_put_score = _slots["score"].__set__
_put_monthly = _slots["monthly"].__set__
_put_stake = _slots["stake"].__set__
_put_migration = _slots["migration"].__set__
_put_concentration = _slots["concentration"].__set__
_put_source = _slots["source"].__set__
_put_held = _slots["held"].__set__


class Options(Sequence[Row]):
    """A class's options as candidate building makes them, held as columns until they are
    weighed: the shapes, monthly and migration costs (figures shared over the estate, see
    ``Repeats``) and each option's score in an array of floats; the stake and the source are the
    resource's, one for all. A row is made when one is read and not kept: a million-resource
    estate's rows were most of its memory before the decision, and the plan reads the rows the
    weighing makes, not these."""

    __slots__ = ("migration", "monthly", "scores", "shapes", "source", "stake")

    def __init__(self, rows: Sequence[Row]) -> None:
        self.shapes = tuple(row.shape for row in rows)
        self.scores = array("d", [row.score for row in rows])
        self.monthly = tuple(row.monthly for row in rows)
        self.migration = tuple(row.migration for row in rows)
        self.stake = rows[0].stake
        self.source = rows[0].source

    @classmethod
    def columns(
        cls,
        shapes: tuple[Shape, ...],
        scores: array[float],
        monthly: tuple[float, ...],
        migration: tuple[float, ...],
        stake: float,
        source: OptionSource | None,
    ) -> Options:
        """The options of rows never made: what ``Options(rows)`` holds for rows of these
        figures."""
        made = object.__new__(cls)
        made.shapes, made.scores, made.monthly, made.migration = shapes, scores, monthly, migration
        made.stake, made.source = stake, source
        return made

    @staticmethod
    def fit(rows: Sequence[Row]) -> bool:
        """Whether the rows are what columns hold: not weighed nor built, one stake and source."""
        first = rows[0]
        return all(
            row.held is None
            and row.concentration is None
            and row.stake == first.stake
            and row.source is first.source
            and type(row.score) is float
            for row in rows
        )

    def __len__(self) -> int:
        return len(self.shapes)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        at = range(len(self.shapes))[index]
        return Row.shaped(
            self.shapes[at],
            self.scores[at],
            self.monthly[at],
            self.stake,
            self.migration[at],
            None,
            self.source,
        )

    def __iter__(self) -> Iterator[Row]:
        stake, source, shaped = self.stake, self.source, Row.shaped
        for shape, score, monthly, migration in zip(
            self.shapes, self.scores, self.monthly, self.migration, strict=True
        ):
            yield shaped(shape, score, monthly, stake, migration, None, source)

    def rows(self) -> list[Row]:
        return list(self)


def build_options(rows: list[Row], fork: bool, sharing: PlacementValues | None = None) -> None:
    """Each row's full option (``Row.option``), the second half of the distinct rows built by a
    forked child when ``fork`` while this process builds the first's: the same options.
    Without ``fork`` nothing is done here: each is built on first use. ``sharing``: each option's
    values are shared as it is made or taken, before the next (an option as built is some 6 KB,
    1.4 KB shared)."""
    if not fork:
        return
    distinct = list({id(row): row for row in rows if row.held is None}.values())
    half = len(distinct) // 2
    cut = len(distinct) - half
    share = sharing.option if sharing is not None else _keep
    # Handed back a part at a time, each part its own pickle, shared as it comes: one pickle
    # (or one pickle stream) keeps every object it made, the replaced ones too, to its end.
    with apart(partial(_options, distinct[cut:]), half > 0, PART) as child:
        for row in distinct[:cut]:
            share(row.option)
        if child.started:
            for row, option in zip(distinct[cut:], child.each(), strict=True):
                _put_held(row, option)
                share(option)


def _keep(_: Option) -> None:
    """options left as built"""


def _options(rows: list[Row]) -> list[Option]:
    return [row.option for row in rows]


def with_concentration(option: Option, points: float) -> Option:
    risk = option.risk
    base = risk.total - risk.concentration
    return option.model_copy(
        update={
            "risk": risk.model_copy(
                update={"concentration": points, "total": round(base + points, 6)}
            )
        }
    )


@dataclass(slots=True)
class Unit:
    key: str
    members: list[str]
    rows: list[Row]
    """the options the solver chooses from, dominated ones pruned"""
    group: str | None = None
    anti: Sequence[str] = ()
    all_rows: list[Row] = field(default_factory=list)
    """every option, for runner-ups and explanations"""
    linked: bool = False
    """its traffic to a dependency is priced, so every site of its options matters"""
    follows: Sequence[Follower] = ()
    """the network objects its members name: recreated wherever a member lands"""
    options: Options | None = None
    """every option as columns until the options are weighed (``build_units(compact=True)``);
    ``rows`` and ``all_rows`` are empty until then (``settle``)"""
    kept: array[int] | None = None
    """which of ``options`` pruning keeps, in order; None: every one"""
    fronts: tuple[str, ...] = ()
    """a balancer's members the policy holds apart: it stands where one of them is (``fronts``)"""

    def settle(self, pruned_only: bool = False) -> None:
        """Rows made from ``options``: the solver's, and (unless ``pruned_only``, which keeps
        the columns for the weighing) every one."""
        options = self.options
        if options is None:
            return
        kept = self.kept
        if pruned_only:
            self.rows = options.rows() if kept is None else [options[i] for i in kept]
            return
        self.all_rows = options.rows()
        self.rows = self.all_rows if kept is None else [self.all_rows[i] for i in kept]
        self.options = self.kept = None

    @property
    def count(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Link:
    """Two dependent resources; when they are on different sites each sends half the traffic."""

    a: str
    b: str
    gib_month: float


@dataclass(frozen=True)
class Replication(Link):
    """A database (``a``) sending its changes to its copy in another source region (``b``, which
    may have no option and stay): paid unless both are at one place (two kept ones are the
    source's bill today, as before), billed where the data leaves, so counted in the budget and
    in the primary's provider's and site's spend."""

    sent: Mapping[Site, float] = field(default_factory=dict, compare=False, hash=False)
    """EUR a month by the primary's place: a target site, or ``SOURCE`` where it stays; a place
    with no egress price is absent (nothing counted, the plan says so)"""


@dataclass
class Units:
    units: list[Unit]
    pruned: int
    """options dropped because another option of the same provider is at least as good in every respect"""
    no_option: dict[str, list[str]]
    """resource id -> why nothing can take it"""
    groups: dict[str, list[str]]
    """co-location group -> member resource ids (only resources with options)"""
    links: list[Link] = field(default_factory=list)
    """dependencies whose traffic is priced when split (colocation.from_dependencies)"""
    egress_eur_gib: dict[Site, float] = field(default_factory=dict)
    """EUR per GiB leaving each site the links can use"""
    horizon_months: int = 36
    held: dict[str, str] = field(default_factory=dict)
    """resource id -> the resource it is attached to that nothing can take: it stays with it"""
    followers: dict[str, Follower] = field(default_factory=dict)
    """network objects recreated where the resources naming them land (``follow``), by id"""
    stay_with: dict[str, str] = field(default_factory=dict)
    """network object id -> the resource it stays on the source with: nothing naming it moves"""
    beside: dict[str, str] = field(default_factory=dict)
    """resource id -> the resource it is attached to that only keeping can take: kept with it"""
    stays: dict[str, list[str]] = field(default_factory=dict)
    """resource id -> why each target site is out, for resources only keeping can take"""
    held_follows: dict[str, tuple[Follower, ...]] = field(default_factory=dict)
    """resource id in ``held`` -> the network objects recreated elsewhere that it names: their
    source copy stays for it where what it is held with stays"""

    def named_at(self, assignment: dict[str, Row]) -> list[tuple[Site, Sequence[Follower]]]:
        """Each placed resource that names network objects: its place and what it names."""
        return [
            (group_site(assignment[rid]), u.follows)
            for u in self.units
            if u.follows
            for rid in u.members
            if rid in assignment
        ]

    def kept_named(self, assignment: dict[str, Row]) -> list[tuple[Site, Sequence[Follower]]]:
        """Each resource held with a kept one that names network objects another resource
        takes elsewhere: the source, and what it names there."""
        return [
            (SOURCE, follows)
            for rid, follows in sorted(self.held_follows.items())
            if (row := assignment.get(self.held.get(self.held[rid], self.held[rid]))) is not None
            and row.retain
        ]

    def copies(self, assignment: dict[str, Row]) -> dict[str, list[tuple[Site, Row]]]:
        """Follower id -> the (place, option) of each of its copies under ``assignment``."""
        if not self.followers:
            return {}
        return copies_of(self.named_at(assignment), self.followers.values())


def group_site(row: Row) -> Site:
    """The place a co-location group is counted at: its site, or the source for a kept member."""
    return SOURCE if row.retain else row.site


def link_monthly(assignment: dict[str, Row], units: Units) -> dict[str, float]:
    """Resource id -> EUR a month its traffic to dependencies on other sites costs."""
    cost: dict[str, float] = defaultdict(float)
    for link in units.links:
        if isinstance(link, Replication):
            continue
        ra, rb = assignment.get(link.a), assignment.get(link.b)
        if ra is None or rb is None or ra.site == rb.site:
            continue
        cost[link.a] += units.egress_eur_gib.get(ra.site, 0.0) * link.gib_month / 2
        cost[link.b] += units.egress_eur_gib.get(rb.site, 0.0) * link.gib_month / 2
    return dict(cost)


def replication_sent(
    assignment: Mapping[str, Row], links: Sequence[Link]
) -> dict[str, tuple[Site, float]]:
    """Primary id -> (its place, EUR a month) its copies' replication costs under ``assignment``:
    nothing where the copy is at the primary's place; a copy without a row stays on its source."""
    sent: dict[str, tuple[Site, float]] = {}
    for link in links:
        if not isinstance(link, Replication):
            continue
        ra = assignment.get(link.a)
        if ra is None:
            continue
        rb = assignment.get(link.b)
        here = group_site(ra)
        if here == (group_site(rb) if rb is not None else SOURCE):
            continue
        cost = link.sent.get(here, 0.0)
        if cost:
            sent[link.a] = (here, sent.get(link.a, (here, 0.0))[1] + cost)
    return sent


def assignment_objective(assignment: dict[str, Row], units: Units) -> float:
    """The solver's objective for a finished assignment: scores plus priced inter-site traffic
    and replication."""
    traffic = sum(link_monthly(assignment, units).values())
    traffic += sum(cost for _, cost in replication_sent(assignment, units.links).values())
    return (
        sum(r.score for r in assignment.values())
        + traffic * units.horizon_months
        + copies_score(units.copies(assignment))
    )


def _policy_tag_keys(policy: Policy) -> set[str]:
    keys: set[str] = set(policy.colocation.tag_keys) | {a.tag_key for a in policy.anti_affinity}
    keys.add(policy.risk_stake.criticality_tag)
    for selector in [
        *(c.match for c in policy.certifications),
        *(p.match for p in policy.providers),
        *(g.match for g in policy.sovereignty.gates),
    ]:
        keys.update(selector.tags)
    if policy.sovereignty.gates:
        keys.add(policy.sovereignty.classification_tag)
    return keys


def _policy_ids(policy: Policy) -> set[str]:
    selectors = [
        *(c.match for c in policy.certifications),
        *(p.match for p in policy.providers),
        *(g.match for g in policy.sovereignty.gates),
    ]
    return {i for selector in selectors for i in selector.ids}


_ATTRIBUTES = attrgetter(*(name for name in Attributes.model_fields if name != "details"))
_UTILISATION = attrgetter(*Utilisation.model_fields)


def candidate_signature(resource: Resource, tag_keys: set[str], ids: set[str]) -> str:
    """Everything candidate generation reads, so equal signatures give equal candidates.

    Two resources have equal signatures exactly when their JSON dumps of these fields are equal
    (a float, int, string, flag or kind reads the same in ``repr`` as in JSON, and an amount is
    written as its JSON form); read from the fields directly, a dump per resource cost more than
    the candidates it saved."""
    utilisation, cost = resource.utilisation, resource.monthly_cost
    return repr(
        (
            resource.kind.value,
            resource.provider,
            resource.region,
            _ATTRIBUTES(resource.attributes),
            _UTILISATION(utilisation) if utilisation is not None else None,
            (_amount_json(cost.amount), cost.currency, cost.source) if cost is not None else None,
            inspects(resource),
            primary_of(resource) is not None,  # a replica copies no data: its egress differs
            # held in details, priced apart, on a class matched to the source's where it says
            tuple((d.gib, d.solid_state) for d in inline_data_disks(resource)),
            boot_gib(resource),  # held in details: the root volume written and priced
            tuple((k, v) for k, v in sorted(resource.tags.items()) if k in tag_keys),
            resource.id if resource.id in ids else None,
        )
    )


def _amount_json(amount: Decimal) -> str:
    """An amount as ``Amount`` writes it to JSON."""
    return format(amount.normalize(), "f") if amount == amount.to_integral() else str(amount)


def solver_key(rows: Sequence[Row]) -> tuple[object, ...]:
    """What the solver reads of each option (its shape, score and monthly cost); equal keys are
    then compared option by option, so only resources with the very same options share a class."""
    return tuple((r.shape, r.score, r.monthly) for r in rows)


ATTACHED = "attached:"
"""Key prefix of a group formed only by attachment (a disk and its VM), never by a policy tag."""


def colocation_groups(inventory: Inventory, policy: Policy, placeable: set[str]) -> dict[str, str]:
    """resource id -> group name: attached parts always, and resources sharing a policy tag value."""
    sets = Partition(placeable)
    find, union = sets.find, sets.union

    label: dict[str, str] = {}
    for key in policy.colocation.tag_keys:
        by_value: dict[str, list[str]] = defaultdict(list)
        for r in inventory.resources:
            if r.id in placeable and key in r.tags:
                by_value[r.tags[key]].append(r.id)
        for value, members in sorted(by_value.items()):
            for other in members[1:]:
                union(members[0], other)
            label.setdefault(find(members[0]), f"{key}={value}")
    references, via = group_reference_links(inventory, policy)
    for part, whole in [*attachments(inventory, policy), *references]:
        if part in placeable and whole in placeable:
            union(part, whole)
    by_root: dict[str, list[str]] = defaultdict(list)
    for rid in sorted(placeable):
        by_root[find(rid)].append(rid)
    groups: dict[str, str] = {}
    for root, ids in by_root.items():
        if len(ids) > 1:
            name = label.get(root) or f"{ATTACHED}{root}"
            # a diagnosis of the group names the security-group references that joined it
            joined = sorted({ref for rid in ids for ref in via.get(rid, ())})
            if joined:
                name += f" (joined by security-group reference {', '.join(joined)})"
            for rid in ids:
                groups[rid] = name
    return groups


def dependency_links(
    inventory: Inventory, policy: Policy, placeable: set[str], groups: dict[str, str]
) -> list[Link]:
    """The depends_on pairs whose split is priced; none unless colocation.from_dependencies."""
    if not policy.colocation.from_dependencies:
        return []
    pairs: set[tuple[str, str]] = set()
    for r in inventory.resources:
        for dep in r.depends_on:
            if r.id in placeable and dep in placeable and dep != r.id:
                same_group = r.id in groups and groups.get(dep) == groups[r.id]
                if not same_group:
                    pairs.add((min(r.id, dep), max(r.id, dep)))
    gib = float(policy.colocation.dependency_traffic_gib)
    return [Link(a, b, gib) for a, b in sorted(pairs)] if gib > 0 else []


def replication_links(
    inventory: Inventory, catalog: Catalog, policy: Policy, rows_of: Mapping[str, Sequence[Row]]
) -> list[Link]:
    """A ``Replication`` for each database copy in another source region than its primary,
    where the primary has options: the copy's own options carry nothing of it. The source
    clouds charge nothing for data coming in, so the sending site's egress is the whole cost."""
    by_id = inventory.by_id()
    found: list[Link] = []
    for copy in inventory.resources:
        primary = replicates_from(copy, by_id)
        if primary is None or primary.id not in rows_of:
            continue
        gib = monthly_gib(primary, policy)
        sites = {r.site for r in rows_of[primary.id] if r.target}
        rates = {s: Decimal(str(v)) for s, v in egress_per_gib(catalog, policy, sites).items()}
        kept = source_rate(primary, catalog, policy)
        if kept is not None and any(r.retain for r in rows_of[primary.id]):
            rates[SOURCE] = kept
        found.append(
            Replication(
                primary.id,
                copy.id,
                float(gib),
                {place: float(sent_monthly(gib, rate)) for place, rate in sorted(rates.items())},
            )
        )
    return found


def egress_per_gib(catalog: Catalog, policy: Policy, sites: set[Site]) -> dict[Site, float]:
    """EUR per GiB out of each site: its provider's internet or instance egress price there."""
    prices: dict[Site, float] = {}
    for provider_id, region in sorted(sites):
        provider = catalog.providers.get(provider_id)
        if provider is None:
            continue
        products = sorted(
            (p for p in provider.products if p.service == "egress"),
            key=lambda p: (p.family not in ("internet", "instance"), p.id),
        )
        for product in products:
            price = price_in(product, region)
            if price is not None and price.unit == "gib":
                eur = to_eur(price.amount, price.currency, policy.exchange_rates)
                if eur is not None:
                    prices[(provider_id, region)] = float(eur)
                    break
    return prices


class Repeats:
    """One object for each site and figure that repeats over an estate's option rows: a
    million-resource estate has some twenty million rows but a few dozen sites and a few thousand
    distinct sizes and prices, and a tuple or float apiece was most of a row's memory."""

    def __init__(self, walks_kept: int = WALKS_KEPT) -> None:
        self._walks_kept = walks_kept
        self._sites: dict[Site, Site] = {}
        self._figures: dict[float, float] = {}
        self._shapes: dict[tuple[type, ...], dict[Shape, Shape]] = {}
        """equal shapes by the types of their figures: 1 and 1.0 are equal keys"""
        self._walks: dict[tuple[object, ...], list[tuple[Shape, Decimal, float, float]]] = {}

    def site(self, provider: str, region: str) -> Site:
        site = (provider, region)
        return self._sites.setdefault(site, site)

    def figure(self, value: float) -> float:
        if type(value) is not float or not value or math.isnan(value):
            return value  # 0.0 and -0.0 are equal keys, NaN no key: kept as given
        return self._figures.setdefault(value, value)

    def walked(self, walked: Walk) -> list[tuple[Shape, Decimal, float, float]]:
        """Each site of a shared walk as (shape, monthly cost, its figure, engineering days),
        kept per walk while the candidates' memo would keep the walk itself."""
        assert walked.shared is not None and walked.key is not None
        ctx = walked.ctx
        key = (walked.key, ctx.sizes())
        found = self._walks.get(key)
        if found is None:
            _make_room(self._walks, self._walks_kept)
            kind, policy = ctx.resource.kind, ctx.policy
            found = []
            for facts in walked.shared:
                if isinstance(facts, str):
                    continue
                priced = priced_for(ctx, facts)
                monthly = priced.counted()
                found.append(
                    (
                        self.shape(_site_shape(facts, priced)),
                        monthly,
                        self.figure(float(monthly)),
                        effort_days(facts.target, kind, policy),
                    )
                )
            self._walks[key] = found
        return found

    def shape(self, shape: Shape) -> Shape:
        """One object for equal shapes. Equal means every figure compares equal and is of the
        same type, so that a shared shape reads exactly as the one it stands for."""
        types = tuple(map(type, shape))
        same = self._shapes.get(types)
        if same is None:
            same = self._shapes[types] = {}
        found = same.get(shape)
        if found is None:
            # Only a shape not seen yet has its site and sizes shared. It is its own key: the
            # one asked about is not kept.
            one = self.figure
            found = shape._replace(
                site=self.site(*shape.site),
                quantity=one(shape.quantity),
                vcpu=one(shape.vcpu),
                memory_gib=one(shape.memory_gib),
                storage_gib=one(shape.storage_gib),
            )
            same[found] = found
        return found


def _rows(
    resource: Resource,
    catalog: Catalog,
    policy: Policy,
    held: list[tuple[Commitment, Decimal]] | None,
    start: dt.date,
    memo: FactsMemo | None = None,
    scorer: Scorer | None = None,
    later: FactsMemo | None = None,
    repeats: Repeats | None = None,
    reprice: Callable[[SiteFacts], SiteFacts] | None = None,
    columns: bool = False,
) -> tuple[list[Row] | Options, list[str], Callable[[], int]]:
    """The resource's options as solver rows, why the other sites are out, and a digest of what
    the options hold beyond the rows' numbers (two resources share a class only when it is
    equal), made when asked: only resources whose rows equal another's need it. ``reprice``:
    what the target builds at each site instead (``OptionSource.reprice``). ``columns``: a
    resource handed another's site walk has its options as columns (``Options``), the very
    ones ``Options(rows)`` would hold."""
    source = OptionSource(resource, catalog, policy, held, start, later, reprice)
    scorer = scorer or Scorer(policy)
    repeats = repeats or Repeats()
    one = repeats.figure
    if memo is None or reprice is not None:
        found = option_facts(resource, catalog, policy, held, start, memo)
        if reprice is not None:
            found.sites = [reprice(facts) for facts in found.sites]
    else:
        walked = walk(resource, catalog, policy, held, start, memo)
        if walked.shared is not None:
            if columns:
                options, excluded = _walked_columns(walked, source, scorer, repeats)
                return options, excluded, walked_digest(walked)
            shared, excluded = _walked_rows(walked, source, scorer, repeats)
            return shared, excluded, walked_digest(walked)
        assert walked.facts is not None
        found = walked.facts
    rows: list[Row] = []
    for facts in found.sites:
        monthly = facts.priced.counted()
        risk = scorer.risk(facts.jurisdiction, facts.certification, facts.fidelity, 0, found.stake)
        rows.append(
            Row.shaped(
                repeats.shape(_site_shape(facts)),
                float(scorer.score(monthly, facts.migration, risk)),
                one(float(monthly)),
                found.stake,
                one(float(facts.migration)),
                source=source,
            )
        )
    if found.kept is not None:
        rows.append(_kept_row(resource, found.kept, found.stake, source, scorer, repeats))
    rows.sort(key=_row_order)
    return rows, found.excluded, lambda: facts_digest(found)


def _row_order(row: Row) -> tuple[float, Site, str]:
    """Best first: score, then site and product."""
    shape = row.shape
    return (row.score, shape[0], shape[2] or "")


def _site_shape(facts: SiteFacts, priced: Priced | None = None) -> Shape:
    priced = facts.priced if priced is None else priced
    product = priced.product
    quantity = float(priced.quantity)
    vcpu = memory = storage = 0.0
    instances = 0
    if product is not None:
        specs = product.specs
        if specs.vcpu:
            vcpu = specs.vcpu * quantity
            memory = (specs.memory_gib or 0) * quantity
            instances = int(quantity)
        storage = quantity if specs.vcpu is None and specs.memory_gib is None else 0.0
    return Shape(
        (facts.provider.id, facts.region),
        True,
        product.id if product else None,
        quantity,
        vcpu,
        memory,
        storage,
        instances,
        facts.jurisdiction,
        facts.certification,
        facts.fidelity,
    )


def _kept_row(
    resource: Resource,
    kept: RetainFacts,
    stake: float,
    source: OptionSource,
    scorer: Scorer,
    repeats: Repeats,
) -> Row:
    risk = scorer.risk(kept.jurisdiction, kept.certification, 0.0, 0, stake)
    shape = Shape(
        (resource.provider, resource.region),
        False,
        None,
        1.0,
        0.0,
        0.0,
        0.0,
        0,
        kept.jurisdiction,
        kept.certification,
        0.0,
    )
    return Row.shaped(
        repeats.shape(shape),
        float(scorer.score(kept.monthly, Decimal(0), risk)),
        float(kept.monthly),
        stake,
        source=source,
    )


def _walked_rows(
    walked: Walk, source: OptionSource, scorer: Scorer, repeats: Repeats
) -> tuple[list[Row], list[str]]:
    """The rows of a resource handed another's site walk: each site's shape and monthly cost are
    that walk's (kept per walk), the one-off costs and stake this resource's; the same rows
    ``_rows`` makes from the resource's own facts."""
    ctx = walked.ctx
    stake = ctx.stake
    one = repeats.figure
    rows: list[Row] = []
    for shape, monthly, monthly_figure, days in repeats.walked(walked):
        migration = ctx.migration(days)
        risk = scorer.risk(shape[8], shape[9], shape[10], 0, stake)
        rows.append(
            Row.shaped(
                shape,
                float(scorer.score(monthly, migration, risk)),
                monthly_figure,
                stake,
                one(float(migration)),
                source=source,
            )
        )
    kept, excluded = walked.kept()
    if kept is not None:
        rows.append(_kept_row(ctx.resource, kept, stake, source, scorer, repeats))
    rows.sort(key=_row_order)
    return rows, excluded


def _walked_columns(
    walked: Walk, source: OptionSource, scorer: Scorer, repeats: Repeats
) -> tuple[Options | list[Row], list[str]]:
    """``_walked_rows`` as the columns ``Options`` holds of them, in the same order (score,
    then site and product, ties as the walk gives them), with no row made for each option."""
    ctx = walked.ctx
    stake = ctx.stake
    one = repeats.figure
    shapes: list[Shape] = []
    scores: list[float] = []
    monthly: list[float] = []
    migrations: list[float] = []
    for shape, cost, figure, days in repeats.walked(walked):
        migration = ctx.migration(days)
        risk = scorer.risk(shape[8], shape[9], shape[10], 0, stake)
        shapes.append(shape)
        scores.append(float(scorer.score(cost, migration, risk)))
        monthly.append(figure)
        migrations.append(one(float(migration)))
    kept, excluded = walked.kept()
    if kept is not None:
        row = _kept_row(ctx.resource, kept, stake, source, scorer, repeats)
        shapes.append(row.shape)
        scores.append(row.score)
        monthly.append(row.monthly)
        migrations.append(row.migration)
    if not shapes:
        return [], excluded
    order = sorted(range(len(shapes)), key=lambda i: (scores[i], shapes[i][0], shapes[i][2] or ""))
    return Options.columns(
        tuple([shapes[i] for i in order]),
        array("d", [scores[i] for i in order]),
        tuple([monthly[i] for i in order]),
        tuple([migrations[i] for i in order]),
        stake,
        source,
    ), excluded


def facts_digest(found: Facts) -> int:
    """A digest of what the options hold beyond the rows' numbers."""
    details: list[object] = [found.stake, *(detail_of(facts) for facts in found.sites)]
    if found.kept is not None:
        details.append(("kept", found.kept.certification))
    return hash(tuple(details))


def walked_digest(walked: Walk) -> Callable[[], int]:
    """The digest of a resource handed another's site walk, from that walk with its own one-off
    costs (what ``option_facts`` would give it again), made when first asked and then kept."""
    made: list[int] = []

    def once() -> int:
        if not made:
            assert walked.shared is not None
            ctx = walked.ctx
            sites = [_moved(ctx, f) for f in walked.shared if not isinstance(f, str)]
            kept, excluded = walked.kept()
            made.append(facts_digest(Facts(sites, kept, excluded, ctx.stake)))
        return made[0]

    return once


def kept_digest(source: OptionSource, memo: FactsMemo) -> Callable[[], int]:
    """The digest of a resource whose rows are kept, made again from it when first asked and
    then kept: holding every resource's facts until then would cost more than the rare remake."""
    made: list[int] = []

    def once() -> int:
        if not made:
            found = option_facts(
                source.resource,
                source.catalog,
                source.policy,
                source.commitments,
                source.start,
                memo,
            )
            made.append(facts_digest(found))
        return made[0]

    return once


Held = list[tuple[Commitment, Decimal]] | None
Reprice = Callable[[SiteFacts], SiteFacts] | None
Figures = tuple[tuple[Shape, ...], "array[float]", "array[float]", "array[float]", float]
"""a resource's rows as the child hands them back: shapes, scores, monthly and migration costs
as columns (8 bytes a figure through the pipe and back, where a float apiece took 32), and the
stake they share"""
Made = tuple[bytes, Figures | list[tuple[Shape, float, float, float, float]] | None, list[str]]
"""One resource's candidates as the child hands them back: its signature, its rows' figures (None
when an earlier resource of the child's share had the signature) and why sites are out"""


class _Candidates:
    """What building one run's candidates reads and keeps: the resources' signatures, the
    options already built by signature, and equal options shared (``share``)."""

    def __init__(
        self,
        inventory: Inventory,
        catalog: Catalog,
        policy: Policy,
        aggregate: bool,
        compact: bool,
    ) -> None:
        self.catalog, self.policy = catalog, policy
        self.aggregate, self.compact = aggregate, compact
        self.tag_keys, self.ids = _policy_tag_keys(policy), _policy_ids(policy)
        # A resource's rows, or why nothing takes it: a pair for each of a million was 100 MB.
        self.cache: dict[bytes, Sequence[Row] | list[str]] = {}
        self.same: dict[int, list[Sequence[Row]]] = defaultdict(list)
        """options already seen, by the hash of what the solver reads: equal ones are shared"""
        self.digests: dict[int, int] = {}
        """the digest of options already seen, by the identity of their rows, once asked: made
        again from their resource (``kept_digest``) rather than kept ready for every class"""
        self.memo = FactsMemo()
        self.scorer = Scorer(policy)
        # The plan's options are built after the decision, through a memo of their own: the
        # candidates' is let go before it.
        self.later = FactsMemo()
        self.repeats = Repeats()
        self.commitments = monthly_by_resource(inventory, policy)
        self.start = start_of(policy, inventory)
        self.by_id = inventory.by_id()
        self.moving: set[str] = set()
        """the resources candidates are built for"""
        self._shapes: dict[int, tuple[Shape, Shape]] = {}
        """the child's shapes by identity (each held, so no identity is reused) and this
        process's equal one"""
        self.stays: dict[bytes, list[str]] = {}
        """why every target site is out, by signature, for resources only keeping can take"""

    def signed(self, resource: Resource) -> tuple[bytes, Held, Reprice]:
        """The resource's signature, its commitments and what it is repriced at (a replica)."""
        text = candidate_signature(resource, self.tag_keys, self.ids)
        held = self.commitments.get(resource.id)
        if held:
            text += "|" + resource.id  # its stranded fees are its own
        said, reprice = self._repriced(resource)
        text += said
        # A 128-bit digest stands for the text: a million resources' texts were half a
        # gigabyte, and two different texts giving one digest is not a practical risk.
        return hashlib.blake2b(text.encode(), digest_size=16).digest(), held, reprice

    def _repriced(self, resource: Resource) -> tuple[str, Reprice]:
        """What a database copy's options are repriced at, and what its signature says of it."""
        primary = placed_with_primary(resource, self.by_id)
        if primary is not None:
            # priced at what its primary runs at each site, so its options are its own
            return "|replica of " + primary.id, self._beside(primary)
        source = replicates_from(resource, self.by_id)
        if source is not None and source.id not in self.moving:
            # a primary nothing can move sends from its source: known now, priced here
            return "|replicates from " + source.id, self._replicating(source)
        return "", None

    def _beside(self, primary: Resource) -> Callable[[SiteFacts], SiteFacts]:
        return as_built_beside(
            OptionSource(
                primary,
                self.catalog,
                self.policy,
                self.commitments.get(primary.id),
                self.start,
                self.later,
            )
        )

    def _replicating(self, primary: Resource) -> Callable[[SiteFacts], SiteFacts]:
        """A database copy's target options with the monthly replication from its ``primary``,
        which stays on its source, at the source's egress rate (``replication``)."""
        rate = source_rate(primary, self.catalog, self.policy) or Decimal(0)
        return with_replication(monthly_gib(primary, self.policy), rate)

    def rows(
        self,
        resource: Resource,
        held: Held,
        reprice: Reprice,
    ) -> tuple[list[Row] | Options, list[str], Callable[[], int]]:
        return _rows(
            resource,
            self.catalog,
            self.policy,
            held,
            self.start,
            self.memo,
            self.scorer,
            self.later,
            self.repeats,
            reprice,
            self.compact,
        )

    def digest_of(self, rows: Sequence[Row]) -> int:
        made = self.digests.get(id(rows))
        if made is None:
            assert rows[0].source is not None
            made = self.digests[id(rows)] = kept_digest(rows[0].source, self.memo)()
        return made

    def share(
        self,
        listed: list[Row] | Options,
        digest: Callable[[], int],
        held: Held,
        reprice: Reprice,
    ) -> Sequence[Row]:
        """The options of an earlier resource equal to ``listed`` (the same object: one class),
        or ``listed`` (as columns when ``compact``), kept for the resources after it."""
        rows: Sequence[Row] = listed
        if isinstance(listed, list) and self.compact and listed and Options.fit(listed):
            rows = Options(listed)
        if not (listed and self.aggregate and not held and reprice is None):
            return rows
        if isinstance(listed, Options):
            key = tuple(zip(listed.shapes, listed.scores, listed.monthly, strict=True))
            return self._shared(rows, key, digest)
        return self._shared(rows, solver_key(listed), digest)

    def _shared(
        self, rows: Sequence[Row], key: tuple[object, ...], digest: Callable[[], int]
    ) -> Sequence[Row]:
        """The first options seen with the solver key ``key`` and an equal digest, else
        ``rows``, kept for the resources after it."""
        seen = self.same[hash(key)]
        for earlier in seen:
            if solver_key(earlier) == key and self.digest_of(earlier) == digest():
                return earlier
        seen.append(rows)
        return rows

    def built(self, resource: Resource) -> Sequence[Row] | list[str]:
        """The resource's options, or why sites are out, built once per signature."""
        signature, held, reprice = self.signed(resource)
        if signature not in self.cache:
            listed, excluded, digest = self.rows(resource, held, reprice)
            # Why sites are out is read only for resources no target can take.
            self.cache[signature] = self.share(listed, digest, held, reprice) or excluded
            self._stays(signature, listed, excluded)
        return self.cache[signature]

    def _stays(self, signature: bytes, rows: Sequence[Row] | None, excluded: list[str]) -> None:
        """Keeps why the target sites are out for a resource whose only option is keeping."""
        if rows and excluded and all(row.retain for row in rows):
            self.stays[signature] = excluded

    def why_kept(self, resource: Resource) -> list[str] | None:
        """Why no target site can take the resource, when only keeping it can."""
        if not self.stays:
            return None
        return self.stays.get(self.signed(resource)[0])

    def made(self, resources: list[Resource]) -> list[Made]:
        """The child's share: each resource's signature and, at its signature's first resource,
        its rows' figures, for ``taken`` to make the same rows again."""
        found: list[Made] = []
        seen: set[bytes] = set()
        for resource in resources:
            signature, held, reprice = self.signed(resource)
            if signature in seen:
                found.append((signature, None, []))
                continue
            seen.add(signature)
            rows, excluded, _ = self.rows(resource, held, reprice)
            kept_only = all(row.retain for row in rows)
            found.append((signature, _figures(rows), excluded if kept_only else []))
        return found

    def taken(self, resource: Resource, made: Made) -> Sequence[Row] | list[str]:
        """The resource's options from the child's figures, as ``built`` gives them: the same
        rows, shared with an earlier resource's as they would have been."""
        signature, figures, excluded = made
        if signature not in self.cache:
            assert figures is not None, "the child's first resource of a signature has its rows"
            held = self.commitments.get(resource.id)
            reprice = self._repriced(resource)[1]
            source = OptionSource(
                resource, self.catalog, self.policy, held, self.start, self.later, reprice
            )
            one, shapes = self.repeats.figure, self._shapes
            # the digest ``built`` would give, made again here from the resource if asked
            digest = kept_digest(source, self.memo)
            if excluded:
                # only keeping takes it (or nothing does): why the target sites are out
                self.stays[signature] = excluded
            if isinstance(figures, tuple) and self.compact:
                # columns in, columns out: the rows ``share`` would make them from are not made
                self.cache[signature] = self._columns(figures, source, digest, held, reprice)
                return self.cache[signature]
            rows: list[Row] = []
            if isinstance(figures, tuple):
                stake = figures[4]
                figures = [
                    (shape, score, monthly, stake, migration)
                    for shape, score, monthly, migration in zip(*figures[:4], strict=True)
                ]
            for shape, score, monthly, stake, migration in figures:
                # the child's shapes are shared as its own were: one look-up per distinct shape
                mine = shapes.get(id(shape))
                if mine is None:
                    mine = shapes[id(shape)] = (shape, self.repeats.shape(shape))
                rows.append(
                    Row.shaped(mine[1], score, one(monthly), stake, one(migration), source=source)
                )
            self.cache[signature] = self.share(rows, digest, held, reprice) or excluded
        return self.cache[signature]

    def _columns(
        self,
        figures: Figures,
        source: OptionSource,
        digest: Callable[[], int],
        held: Held,
        reprice: Reprice,
    ) -> Sequence[Row]:
        """``share`` of the rows the child's columns give (never empty, one stake, every figure
        a float: ``Options.fit``), with the options held as columns from the start."""
        given, scores, monthly, migration, stake = figures
        one, shapes, repeats = self.repeats.figure, self._shapes, self.repeats
        mine: list[Shape] = []
        if len(shapes) >= SHAPES_KEPT:
            # only a memo: a part handed back later holds copies of its own, never these
            shapes.clear()
        for shape in given:
            # the child's shapes are shared as its own were: one look-up per distinct shape
            pair = shapes.get(id(shape))
            if pair is None:
                pair = shapes[id(shape)] = (shape, repeats.shape(shape))
            mine.append(pair[1])
        held_shapes = tuple(mine)
        costs = tuple(map(one, monthly))
        options = Options.columns(
            held_shapes, scores, costs, tuple(map(one, migration)), stake, source
        )
        if not (self.aggregate and not held and reprice is None):
            return options
        key = tuple(zip(held_shapes, scores, costs, strict=True))
        return self._shared(options, key, digest)


def _figures(
    rows: list[Row] | Options,
) -> Figures | list[tuple[Shape, float, float, float, float]]:
    """The rows' figures for ``_Candidates.taken``: as columns when every figure is a float and
    the stake one object, as tuples otherwise, so that each reads back as it was."""
    if isinstance(rows, Options):
        # every figure a float and one stake (``_walked_columns``)
        return (
            rows.shapes,
            rows.scores,
            array("d", rows.monthly),
            array("d", rows.migration),
            rows.stake,
        )
    if rows and all(
        type(r.score) is float
        and type(r.monthly) is float
        and type(r.migration) is float
        and r.stake is rows[0].stake
        for r in rows
    ):
        return (
            tuple(r.shape for r in rows),
            array("d", [r.score for r in rows]),
            array("d", [r.monthly for r in rows]),
            array("d", [r.migration for r in rows]),
            rows[0].stake,
        )
    return [(r.shape, r.score, r.monthly, r.stake, r.migration) for r in rows]


BUILT_APART = 0.55
"""The later resources' share of the candidates the child builds: a resource costs the child
about a fifth less than this process, which warms the memos both start from (at 100,000, 0.32
and 0.25 ms), so the two are done at about the same time when the child builds a little more."""


def build_units(
    inventory: Inventory,
    catalog: Catalog,
    policy: Policy,
    candidates_for: list[Resource],
    aggregate: bool = True,
    fork_from: int = FORK_FROM,
    compact: bool = False,
) -> Units:
    """``aggregate=False`` gives one unit per resource: the plain one-binary-per-option model.
    From ``fork_from`` resources the later resources' candidates (``BUILT_APART``) are built by a
    forked child (``apart``) while this process builds the earlier ones': the same units either
    way.
    ``compact``: each unit's options are left as columns (``Unit.options``) for
    ``concentration.weigh``, which makes the rows the plan reads."""
    building = _Candidates(inventory, catalog, policy, aggregate, compact)
    building.moving = {r.id for r in candidates_for}
    commitments, by_id = building.commitments, building.by_id
    rows_of: dict[str, Sequence[Row]] = {}
    no_option: dict[str, list[str]] = {}

    def keep(resource: Resource, found: Sequence[Row] | list[str]) -> None:
        if isinstance(found, Options) or (found and isinstance(found[0], Row)):
            rows_of[resource.id] = cast(Sequence[Row], found)
        else:
            no_option[resource.id] = cast(list[str], found)

    half = (
        round(len(candidates_for) * BUILT_APART) if len(candidates_for) >= max(2, fork_from) else 0
    )
    first, second = (
        candidates_for[: len(candidates_for) - half],
        candidates_for[len(candidates_for) - half :],
    )
    # handed back a part at a time: the half's answers and their pickled bytes were held whole
    with apart(partial(building.made, second), bool(second), PART) as child:
        for resource in first:
            keep(resource, building.built(resource))
        if child.started:
            for resource, made in zip(second, child.each(), strict=True):
                keep(resource, building.taken(resource, made))
        else:
            for resource in second:
                keep(resource, building.built(resource))
    stays = _why_kept(building, rows_of)
    del building
    beside: dict[str, str] = {}
    kept_back = held_with_stranded(inventory, policy, rows_of, beside)
    for rid in kept_back:
        del rows_of[rid]
    followers = find_followers(inventory, rows_of, group_site)
    for rid in followers:
        del rows_of[rid]
    stay_with = staying(inventory, followers, rows_of, kept_back) if followers else {}
    for rid in stay_with:
        del followers[rid]
    groups = colocation_groups(inventory, policy, set(rows_of))
    links = dependency_links(inventory, policy, set(rows_of), groups)
    link_sites = {r.site for rid in {i for k in links for i in (k.a, k.b)} for r in rows_of[rid]}
    links += replication_links(inventory, catalog, policy, rows_of)
    linked = {rid for link in links for rid in (link.a, link.b) if rid in rows_of}
    # A balancer held apart from its members and each member are classes of their own: the
    # constraint between them counts resources, not classes.
    fronts = fronted(inventory, policy, rows_of, group_site)
    fronting = {*fronts, *(m for ids in fronts.values() for m in ids)}
    buckets: dict[tuple[object, str | None, tuple[str, ...], tuple[str, ...]], list[str]] = (
        defaultdict(list)
    )
    names: dict[str, tuple[str, ...]] = {}
    for rid in sorted(rows_of):
        resource = by_id[rid]
        names[rid] = tuple(sorted(n for n in named(resource) if n in followers and n != rid))
        anti = tuple(
            sorted(
                f"{a.tag_key}={resource.tags[a.tag_key]}@{a.level}"
                for a in policy.anti_affinity
                if a.tag_key in resource.tags
            )
        )
        single = not aggregate or rid in linked or rid in commitments or rid in fronting
        # Shared option lists are the very same object: equal options, one class.
        key = (rid if single else id(rows_of[rid]), groups.get(rid), anti, names[rid])
        buckets[key].append(rid)
    units = [
        _unit(
            f"u{index}",
            members,
            rows_of[members[0]],
            group,
            anti,
            members[0] in linked,
            tuple(followers[n] for n in names[members[0]]),
            fronts.get(members[0], ()),
        )
        for index, (group, anti, members) in enumerate(
            sorted(
                ((group, anti, members) for (_, group, anti, _), members in buckets.items()),
                key=lambda gam: gam[2][0],
            )
        )
    ]
    pruned = 0
    if aggregate:
        for unit in units:
            if unit.members[0] in fronting:
                # a balancer or its member: every site it can take may be the one they share
                continue
            if unit.options is None:
                unit.rows = prune_dominated(unit, policy)
                pruned += len(unit.all_rows) - len(unit.rows)
                continue
            options = unit.options
            kept = undominated(unit, policy, options.shapes, options.scores, options.monthly)
            if kept is not None and len(kept) < len(options):
                pruned += len(options) - len(kept)
                unit.kept = array("I", kept)
    member_groups: dict[str, list[str]] = defaultdict(list)
    for rid, name in groups.items():
        member_groups[name].append(rid)
    return Units(
        units=units,
        pruned=pruned,
        no_option=no_option,
        groups=dict(sorted(member_groups.items())),
        links=links,
        egress_eur_gib=egress_per_gib(catalog, policy, link_sites),
        horizon_months=policy.horizon_months,
        held=kept_back,
        followers=followers,
        stays={rid: why for rid, why in stays.items() if rid in rows_of},
        stay_with=stay_with,
        beside=beside,
        held_follows={
            rid: follows
            for rid in sorted(kept_back)
            if (follows := tuple(followers[n] for n in named(by_id[rid]) if n in followers))
        },
    )


def _why_kept(building: _Candidates, rows_of: Mapping[str, Sequence[Row]]) -> dict[str, list[str]]:
    """Resource id -> why no target site can take it, for each resource only keeping can."""
    if not building.stays:
        return {}
    found: dict[str, list[str]] = {}
    for rid, rows in rows_of.items():
        if all(row.retain for row in rows):
            why = building.why_kept(building.by_id[rid])
            if why:
                found[rid] = why
    return found


def _unit(
    key: str,
    members: list[str],
    rows: Sequence[Row],
    group: str | None,
    anti: Sequence[str],
    linked: bool,
    follows: Sequence[Follower],
    fronts: tuple[str, ...] = (),
) -> Unit:
    if isinstance(rows, Options):
        return Unit(key, members, [], group, anti, [], linked, follows, options=rows, fronts=fronts)
    assert isinstance(rows, list)
    return Unit(key, members, rows, group, anti, rows, linked, follows, fronts=fronts)


def runner_up_rows(all_rows: list[Row], rows: list[Row]) -> list[Row]:
    """``all_rows`` with only what a plan reads of it: the solver's ``rows`` and the options
    ``explain.runner_up`` can name for any of them. That is the first option on another provider
    than the best one's and the first at another site than the best one's: for a chosen option
    on the best one's provider (or site) the first other is that one, for any other the best one.
    A million-resource estate's pruned options were half its rows, held only for that."""
    if len(all_rows) == len(rows):
        return rows
    best = all_rows[0]
    provider, site = best.site[0], best.site
    wanted = {id(row) for row in rows}
    wanted.add(id(best))
    for row in all_rows:
        if row.site[0] != provider:
            wanted.add(id(row))
            break
    for row in all_rows:
        if row.site != site:
            wanted.add(id(row))
            break
    return [row for row in all_rows if id(row) in wanted]


def drop_unread_rows(units: Units) -> None:
    """Once the options are weighed and pruned for good, each unit keeps of its other options
    only those a runner-up can be (``runner_up_rows``)."""
    for unit in units.units:
        unit.all_rows = runner_up_rows(unit.all_rows, unit.rows)


def held_with_stranded(
    inventory: Inventory,
    policy: Policy,
    rows_of: Mapping[str, Sequence[Row]],
    beside: dict[str, str] | None = None,
) -> dict[str, str]:
    """Resource id -> the part it is attached to (directly or through others) that no target
    can take (no option, Windows left, retired ...). Moving the rest would split an attached
    group: a NIC or disk on a target, its VM left behind. A part whose whole can only be kept
    on the source is held too, unless it can be kept as well: then the solver keeps the two
    together."""
    sets = Partition(r.id for r in inventory.resources)
    for part, whole in attachments(inventory, policy):
        sets.union(part, whole)
    kept_only = {rid for rid, rows in rows_of.items() if all(row.retain for row in rows)}
    stranded: dict[str, str] = {}
    stays: dict[str, str] = {}
    # a chain with no forwarding rule is not built, and holds back none of its machines
    unbuilt = without_front(inventory)
    for r in inventory.resources:
        if r.id in unbuilt:
            continue
        if r.id not in rows_of:
            stranded.setdefault(sets.find(r.id), r.id)
        elif r.id in kept_only:
            stays.setdefault(sets.find(r.id), r.id)
    held: dict[str, str] = {}
    for rid in sorted(rows_of):
        root = sets.find(rid)
        if root in stranded:
            held[rid] = stranded[root]
        elif root in stays and not any(row.retain for row in rows_of[rid]):
            held[rid] = stays[root]
        elif root in stays and beside is not None and stays[root] != rid:
            # kept too, as the solver must keep what is attached to it: said so (``beside``)
            beside[rid] = stays[root]
    held.update(_balancers_left(inventory, policy, rows_of, sets, kept_only, held))
    return held


def _balancers_left(
    inventory: Inventory,
    policy: Policy,
    rows_of: Mapping[str, Sequence[Row]],
    sets: Partition,
    kept_only: set[str],
    held: Mapping[str, str],
) -> dict[str, str]:
    """Balancer id -> its first member, for each balancer held apart from its members
    (``held_apart``) that no target can stand beside: every member stays on the source and
    nothing attached to it moves, and it cannot be kept itself. Left free it took a target
    site and its Terraform fronted nothing there."""
    members: dict[str, list[str]] = defaultdict(list)
    for member, balancer in held_apart(inventory, policy):
        members[balancer].append(member)
    if not members:
        return {}
    movers: dict[str, int] = defaultdict(int)
    for rid in rows_of:
        if rid not in kept_only and rid not in held:
            movers[sets.find(rid)] += 1
    found: dict[str, str] = {}
    for balancer, ids in sorted(members.items()):
        rows = rows_of.get(balancer)
        if rows is None or balancer in held or any(row.retain for row in rows):
            continue
        staying = all(m not in rows_of or m in kept_only or m in held for m in ids)
        if staying and movers[sets.find(balancer)] <= 1:
            found[balancer] = min(ids)
    return found


def prune_dominated(unit: Unit, policy: Policy) -> list[Row]:
    """Drop options another region of the same provider beats or equals on every count.

    Only for units no site-level constraint ties down: no co-location group, anti-affinity, priced
    link or members to stand beside (``build_units`` leaves those members unpruned too), and no
    capacity limit on one region of the provider. Everything else the solver sees
    (provider counts, provider-wide capacity, budget, the frontier's jurisdiction bound, and
    under a spend-share cap the monthly cost exactly) is no worse for the kept option, so any
    plan using the dropped one stays feasible and no dearer with the kept one instead.

    A kept option of the same provider and keeping dominates another when it is as good for the
    objective, the frontier and every constraint a free unit meets: score, monthly cost,
    jurisdiction points and every resource figure no higher. Under a spend-share cap a target
    option's monthly cost also counts towards every other provider's allowance (each row reads
    ``spend_p - share * total <= 0``), so a cheaper option is not better there: only an exact tie
    in monthly cost is."""
    rows = unit.rows
    at = undominated(
        unit, policy, [r.shape for r in rows], [r.score for r in rows], [r.monthly for r in rows]
    )
    return rows if at is None else [rows[i] for i in at]


def undominated(
    unit: Unit,
    policy: Policy,
    shapes: Sequence[Shape],
    scores: Sequence[float],
    monthly: Sequence[float],
) -> list[int] | None:
    """``prune_dominated`` of options given as columns: the index of each option kept, in
    order, or None where the unit is not pruned. Columns held until weighing are read as they
    are, with no row made for each option."""
    if (
        unit.group is not None
        or unit.anti
        or unit.linked
        or unit.follows
        or unit.fronts
        or policy.max_region_spend_share is not None
    ):
        return None
    regional = {cap.provider for cap in policy.capacity if cap.region is not None}
    capped = policy.max_spend_share is not None
    kept: list[int] = []
    # Only an option of the same provider and the same keeping may dominate another; each kept
    # one is held with the figures compared, read once.
    rivals: dict[tuple[str, bool], list[tuple[float, float, float, float, float, float, int]]] = {}
    for index, (shape, score, cost) in enumerate(zip(shapes, scores, monthly, strict=True)):
        provider, target = shape[0][0], shape[1]
        if provider in regional:
            kept.append(index)
            continue
        jurisdiction, vcpu, memory, storage, instances = (
            shape[8],
            shape[4],
            shape[5],
            shape[6],
            shape[7],
        )
        exact = capped and target
        same = rivals.setdefault((provider, target), [])
        for k in same:
            if (
                k[0] <= score
                and (k[1] == cost if exact else k[1] <= cost)
                and k[2] <= jurisdiction
                and k[3] <= vcpu
                and k[4] <= memory
                and k[5] <= storage
                and k[6] <= instances
            ):
                break
        else:
            kept.append(index)
            same.append((score, cost, jurisdiction, vcpu, memory, storage, instances))
    return kept
