"""A security group named by an id whose last segment fits two held groups (the same group id
in two accounts) is held, just not told apart: the warning must not say the inventory lacks it."""

from __future__ import annotations

import cloudexit
from cloudexit.importers import link_across
from cloudexit.model import Inventory, Resource
from cloudexit.model.firewall_rules_held import AMBIGUOUS_GROUPS, UNHELD_GROUPS
from tests.helpers import fixture_catalog, inventory, resource

NAMED = "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1"
MISSING = "arn:aws:ec2:us-east-1:123456789012:security-group/sg-9"


def _group(rid: str) -> dict[str, object]:
    return resource(
        rid,
        kind="network.security_group",
        type="AWS::EC2::SecurityGroup",
        attributes={},
        monthly_cost=None,
    )


def _linked() -> dict[str, Resource]:
    items = [
        resource("vm", depends_on=[NAMED, MISSING]),
        _group("arn:aws:ec2:us-east-1:111111111111:security-group/sg-1"),
        _group("arn:aws:ec2:us-east-1:222222222222:security-group/sg-1"),
    ]
    resources = {r["id"]: Resource.model_validate(r) for r in items}
    link_across(resources)
    return resources


def test_only_a_group_fitting_nothing_held_is_not_held() -> None:
    details = _linked()["vm"].attributes.details
    assert details[UNHELD_GROUPS] == [MISSING]
    assert details[AMBIGUOUS_GROUPS] == [NAMED]


def test_the_warnings_tell_a_missing_group_from_one_not_told_apart() -> None:
    resources = _linked()
    estate = Inventory.model_validate(
        inventory(*(r.model_dump(mode="json") for r in resources.values()))
    )
    plan = cloudexit.plan(
        estate, cloudexit.Policy(targets=["ovhcloud", "scaleway"]), catalog=fixture_catalog()
    )
    said = [w for w in plan.warnings if w.startswith("vm (vm)")]
    missing = [w for w in said if "does not hold" in w]
    unsure = [w for w in said if "fits more than one group the inventory holds" in w]
    assert len(missing) == 1 and MISSING in missing[0] and NAMED not in missing[0]
    assert len(unsure) == 1 and NAMED in unsure[0]
