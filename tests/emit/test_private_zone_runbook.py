"""A private DNS zone, rebuilt as a resolver server in the private network, is cut over by
pointing its network's clients at the resolver, not by switching a delegation; a public
zone's runbook steps are unchanged."""

from __future__ import annotations

import re

from cloudexit import api
from cloudexit.model.inventory import Inventory
from tests.emit.test_firewall_appliance import catalog
from tests.helpers import inventory, one_target_policy, resource

RG = "/subscriptions/5c1f6e38-2b7a-4f0e-9d41-7e0a3c9b8d21/resourcegroups/shop"
PUBLIC_STEPS = [
    "Lower TTLs on records that will change to 60 s at least two old TTLs before cut-over.",
    (
        "Copy the zone to the target DNS with octoDNS; compare answers with dig against both "
        "name servers."
    ),
    "Change the delegation at the registrar; raise TTLs again after a day.",
]


def zone(name: str, native: str, **details: object) -> dict[str, object]:
    return resource(
        f"{RG}/providers/microsoft.network/{native}/{name}",
        "network.dns_zone",
        provider="azure",
        account="5c1f6e38-2b7a-4f0e-9d41-7e0a3c9b8d21",
        region="westeurope",
        type=f"microsoft.network/{native}",
        name=name,
        attributes={"details": {"record_sets": 4, **details}},
        monthly_cost={"amount": "0.90", "currency": "USD", "source": "test"},
    )


def methods_in(runbook: str) -> dict[str, list[str]]:
    """Each method's title -> its numbered steps, as the waves write them."""
    found = {}
    for title, body in re.findall(
        r"\*\*(.+?)\*\* \(\d+ resources?[^)]*\)\n\n((?:\d+\. .*\n)+)", runbook
    ):
        found[title] = [re.sub(r"^\d+\. ", "", line) for line in body.splitlines()]
    return found


def test_a_private_zone_points_clients_at_its_resolver(tmp_path):
    estate = Inventory.model_validate(
        inventory(
            zone("internal.shop", "privatednszones", zone_type="Private"),
            zone("shop.example", "dnszones", zone_type="Public"),
        )
    )
    plan = api.plan(estate, one_target_policy("scaleway"), catalog())
    api.emit(plan, tmp_path / "out", catalog=catalog())
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    methods = methods_in(runbook)
    private = methods[
        "Serve the private zone from its resolver server and point the network's clients at it"
    ]
    assert any("private network's DHCP" in s and "resolver settings" in s for s in private)
    assert not any("Change the delegation" in s for s in private)
    # the public zone keeps its delegation switch, word for word
    assert methods["Lower TTLs, replicate records, switch the delegation"] == PUBLIC_STEPS
    assert runbook.count("Change the delegation at the registrar") == 1
