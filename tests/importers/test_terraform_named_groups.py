"""A Terraform state's machines and databases name their security groups by id
(``vpc_security_group_ids``); a group the state does not hold is recorded as not held, never
dropped, which would read as a resource behind no group at all."""

from __future__ import annotations

from cloudexit.model.firewall_rules_held import UNHELD_GROUPS
from cloudexit.model.kinds import Kind
from tests.helpers import corpus_inventory

GROUP = "arn:aws:ec2:us-east-1:123123123123:security-group/sg-5277e14a"


def test_a_group_the_state_names_but_does_not_hold_is_recorded() -> None:
    inventory = corpus_inventory("tfstate-showjson-aws-infracost-v0.14.json")
    behind = {
        r.id: r.attributes.details.get(UNHELD_GROUPS)
        for r in inventory.resources
        if r.kind in (Kind.VM, Kind.MYSQL)
    }
    # six t3.nano instances and the demodb database, each naming sg-5277e14a
    assert len(behind) == 7
    assert all(groups == [GROUP] for groups in behind.values()), behind
    # the group is not a dependency the plan could place, only a record
    assert all(GROUP not in r.depends_on for r in inventory.resources)


def test_a_group_the_state_holds_is_not_named_as_missing() -> None:
    inventory = corpus_inventory("tfplan-aws-55res-checkov.json")
    assert not any(UNHELD_GROUPS in r.attributes.details for r in inventory.resources)
