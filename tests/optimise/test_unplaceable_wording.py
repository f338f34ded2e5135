"""The warning for resources no target takes names every target's exclusion, or says how many more."""

from __future__ import annotations

from cloudexit.model.policy import Policy
from cloudexit.optimise.diagnose import unplaceable
from tests.helpers import corpus_inventory
from tests.optimise.test_no_site_reasons import AZURE_VMS


def test_every_excluded_provider_is_counted_in_the_warning() -> None:
    inventory = corpus_inventory(AZURE_VMS)
    rid = inventory.resources[0].id
    excluded = [f"{p}: residency.allowed_countries [JP] leaves no region" for p in "abcde"]
    [line] = unplaceable({rid: excluded}, inventory, Policy())
    assert "a: " in line and "c: " in line
    assert line.endswith("; and 2 more"), line
