"""What the import could not read of a balancer is said in full, and only what concerns a
listener is given as why no listener could be read."""

from __future__ import annotations

from cloudexit.model.balancer_gaps import missing_parts, unread_parts
from cloudexit.model.inventory import Inventory
from tests.helpers import inventory, resource

RULE = "//compute.googleapis.com/projects/shop/global/forwardingRules/web"
TYPE = "google_compute_global_forwarding_rule"


def _inventory(*messages: str) -> Inventory:
    data = inventory(
        resource(
            RULE,
            "network.load_balancer",
            provider="gcp",
            account="shop",
            region="global",
            type=TYPE,
            name="web",
            attributes={},
            monthly_cost=None,
        )
    )
    data["issues"] = [
        {"code": "unsupported_rule", "message": m, "source": "test", "resource_id": RULE}
        for m in messages
    ]
    return Inventory.model_validate(data)


def test_a_migrated_problem_without_a_type_in_front_keeps_its_first_word() -> None:
    said = "rule 1 not migrated (no protocol): re-run the inventory to read it"
    assert unread_parts(_inventory(said)) == {RULE: (said,)}


def test_only_listener_problems_say_why_no_listener_could_be_read() -> None:
    inv = _inventory(
        f"{TYPE} forwarding every port: no single listener says that: not translated",
        "rule 1 not migrated (no protocol): re-run the inventory to read it",
    )
    (lb,) = inv.resources
    (said,) = missing_parts(lb, set(), {}, unread_parts(inv)[RULE])
    assert said == (
        "no listener could be read from the export (not translated: forwarding every port: "
        "no single listener says that): its ports are unknown"
    )


def test_no_listener_problem_leaves_the_plain_no_listener_sentence() -> None:
    inv = _inventory("rule 1 not migrated (no protocol): re-run the inventory to read it")
    (lb,) = inv.resources
    (said,) = missing_parts(lb, set(), {}, unread_parts(inv)[RULE])
    assert said.startswith("no listener: no forwarding rule in the inventory")
