"""A part with no list price never makes its site the cheaper choice: the choice counts it at the
highest price the catalogue knows for it elsewhere, while the plan still names it as unpriced and
leaves it out of every cost figure.

On IONOS a public address is written as a reserved IP block, which the catalogue prices in the
German locations only: fr/par has no figure for it."""

from __future__ import annotations

import dataclasses
import functools
from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.sizing import monthly_price
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.plan import Placement, Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import FactsMemo, Priced, build_candidates
from cloudexit.optimise.objective import option_score
from cloudexit.optimise.stand_in import NO_STAND_IN
from cloudexit.optimise.switching import DEFAULT_START as START
from cloudexit.optimise.units import _rows
from tests.helpers import EXAMPLE, inventory, resource

BLOCK = "ipblock-ipv4"


def _catalog(*prices: tuple[str, list[str]]) -> Catalog:
    """The catalogue with IONOS's reserved IP block priced per hour as given, per regions."""
    base = load_catalog()
    ionos = base.providers["ionos"]
    products = []
    for product in ionos.products:
        if product.id == BLOCK:
            first = product.prices[0]
            product = product.model_copy(
                update={
                    "prices": [
                        first.model_copy(update={"amount": Decimal(a), "regions": r})
                        for a, r in prices
                    ]
                }
            )
        products.append(product)
    providers = {**base.providers, "ionos": ionos.model_copy(update={"products": products})}
    return dataclasses.replace(base, providers=providers)


@functools.cache
def dearer_elsewhere() -> Catalog:
    """de/fra EUR 2.19 a month, de/fra/2 EUR 2.92, de/txl EUR 4.38; fr/par none."""
    return _catalog(("0.003", ["de/fra"]), ("0.004", ["de/fra/2"]), ("0.006", ["de/txl"]))


def _address(name: str, pair: bool = False) -> Resource:
    return Resource.model_validate(
        resource(
            name,
            kind="network.public_ip",
            type="AWS::EC2::EIP",
            tags={"ha": "one"} if pair else {},
        )
    )


def _addresses(count: int, pair: bool) -> Inventory:
    return Inventory.model_validate(
        inventory(*(_address(f"ip{i}", pair).model_dump(mode="json") for i in range(count)))
    )


def _policy(countries: list[str], solver: str = "highs", **extra: object) -> Policy:
    return Policy.model_validate(
        {
            "targets": ["ionos"],
            "allow_retain": False,
            "residency": {"allowed_countries": countries},
            "solver": {"name": solver},
            **extra,
        }
    )


def _sites(plan: Plan) -> list[str]:
    return sorted(f"{p.choice.provider}/{p.choice.region}" for p in plan.placements)


def test_the_unpriced_site_is_compared_at_the_highest_price_known_elsewhere() -> None:
    found = build_candidates(_address("ip"), dearer_elsewhere(), _policy(["DE", "FR"]))
    paris = next(o for o in found.options if o.region == "fr/par")
    assert paris.monthly_cost == 0  # shown as it is: nothing priced
    (part,) = paris.unpriced_parts
    assert BLOCK in part
    # EUR 0.006 an hour in de/txl, the highest the catalogue knows, 730 hours
    assert paris.stand_ins == {part: Decimal("4.38")}
    frankfurt = next(o for o in found.options if o.region == "de/fra")
    assert frankfurt.monthly_cost == Decimal("2.19") and frankfurt.stand_ins is None


def test_a_site_cheapest_only_by_its_missing_price_is_not_chosen_by_the_greedy() -> None:
    plan = api.plan(_addresses(1, pair=False), _policy(["DE", "FR"]), dearer_elsewhere())
    assert _sites(plan) == ["ionos/de/fra"]


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_a_site_cheapest_only_by_its_missing_price_is_not_chosen_by_the_solvers(
    solver: str,
) -> None:
    # Two addresses that must not share a region: their own best (de/fra) breaks the policy,
    # so the solver decides which second region to take.
    policy = _policy(["DE", "FR"], solver, anti_affinity=[{"tag_key": "ha", "level": "region"}])
    plan = api.plan(_addresses(2, pair=True), policy, dearer_elsewhere())
    assert plan.solver.solver == solver
    assert _sites(plan) == ["ionos/de/fra", "ionos/de/fra/2"]
    assert plan.totals.target_monthly == Decimal("5.11")


def test_where_only_the_unpriced_site_is_allowed_it_is_placed_named_and_never_counted(
    tmp_path: Path,
) -> None:
    plan = api.plan(_addresses(1, pair=False), _policy(["FR"]), dearer_elsewhere())
    (placed,) = plan.placements
    assert (placed.choice.region, placed.choice.monthly_cost) == ("fr/par", Decimal(0))
    assert placed.choice.unpriced_parts and placed.choice.stand_ins
    assert plan.totals.target_monthly == 0  # the stand-in is in no figure
    (line,) = [w for w in plan.warnings if "want of a list price" in w]
    assert "EUR 4.38 a month in all" in line and "highest price" in line
    api.emit(plan, tmp_path)
    assert "EUR 4.38 a month in all" in (tmp_path / "runbook.md").read_text()
    assert 'id="stand-ins"' in (tmp_path / "report.html").read_text()


def test_a_part_the_provider_prices_nowhere_stands_in_at_the_service_s_highest_elsewhere() -> None:
    found = build_candidates(_address("ip"), _catalog(), _policy(["DE", "FR"]))
    ionos = [o for o in found.options if o.provider == "ionos"]
    assert ionos and all(o.monthly_cost == 0 and o.unpriced_parts for o in ionos)
    catalog = load_catalog()
    highest = max(
        monthly_price(price, Decimal(1), {}) or Decimal(0)
        for target in catalog.targets()
        for product in catalog.providers[target].products
        if product.service == "public_ip" and product.id != BLOCK
        for price in product.prices
    )
    assert highest > 0
    assert {sum((o.stand_ins or {}).values()) for o in ionos} == {highest.quantize(Decimal("0.01"))}


def test_a_part_priced_nowhere_in_the_catalogue_keeps_the_option_out_with_the_reason() -> None:
    priced = Priced(None, Decimal(1), Decimal(0))
    priced.missing("a part", None, "no-such-service")
    priced.settle(load_catalog(), {})
    assert priced.incomparable() == "a part"
    assert "anywhere in the catalogue" in NO_STAND_IN


def _placed(plan: Plan, name: str) -> Placement:
    (found,) = [p for p in plan.placements if p.resource_id.endswith(name)]
    return found


def test_the_example_places_no_part_that_only_a_missing_price_made_cheapest() -> None:
    plan = api.plan(
        api.load_inventory(EXAMPLE / "inventory.json"), api.load_policy(EXAMPLE / "policy.yaml")
    )
    nat = _placed(plan, "eipalloc-0shopnat")
    assert not nat.choice.unpriced_parts, nat.choice
    for p in plan.placements:
        assert set(p.choice.stand_ins or {}) == set(p.choice.unpriced_parts), p.resource_id


def test_every_solver_row_and_its_option_compare_the_same_figure() -> None:
    """The rows the solvers, the greedy and the reference model read count the stand-in, as the
    built option's score does: alone, and handed another resource's site walk."""
    policy = _policy(["DE", "FR"])
    memo = FactsMemo()
    for name in ("ip0", "ip1"):
        rows, _, _ = _rows(_address(name), dearer_elsewhere(), policy, None, START, memo)
        paris = next(r for r in rows if r.site == ("ionos", "fr/par"))
        assert paris.monthly == 4.38 and paris.monthly_cost == Decimal("4.38")
        assert paris.score == float(option_score(paris.option, policy))
        assert paris.option.monthly_cost == 0
        assert rows[0].site == ("ionos", "de/fra")
