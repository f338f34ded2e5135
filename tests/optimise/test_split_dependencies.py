"""A plan that puts dependent resources on different sites says how many, and how many across
providers."""

from __future__ import annotations

from typing import Any

from cloudexit.catalog import load_catalog
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from tests.helpers import resource


def _plan(**policy: Any) -> Plan:
    app = Resource.model_validate(
        resource("app", depends_on=["db"], tags={"tier": "app", "app": "shop"})
    )
    db = Resource.model_validate(resource("db", tags={"tier": "db", "app": "shop"}))
    chosen = Policy(targets=["ovhcloud", "scaleway"], allow_retain=False, **policy)
    return plan(Inventory(resources=[app, db]), load_catalog(), chosen)


def _split_lines(result: Plan) -> list[str]:
    return [w for w in result.warnings if "dependent pairs (depends_on)" in w]


def test_dependents_pinned_to_two_providers_are_counted_as_split() -> None:
    result = _plan(
        providers=[
            {"match": {"tags": {"tier": "app"}}, "pin": "ovhcloud"},
            {"match": {"tags": {"tier": "db"}}, "pin": "scaleway"},
        ]
    )
    (line,) = _split_lines(result)
    assert line.startswith("1 of 1 dependent pairs (depends_on) run on different sites, 1 of them")
    assert "colocation.from_dependencies is off" in line


def test_dependents_kept_together_give_no_line() -> None:
    result = _plan(colocation={"tag_keys": ["app"]})
    assert len({(p.choice.provider, p.choice.region) for p in result.placements}) == 1
    assert not _split_lines(result)
