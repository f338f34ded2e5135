"""An offer quoted only on request is never priced, never free, and is named when nothing else fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

import cloudexit
from cloudexit.catalog import load_catalog
from cloudexit.catalog.schema import Product, ProviderFile
from cloudexit.model.inventory import Resource
from cloudexit.model.io import load_inventory
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import build_candidates
from cloudexit.risk.score import certifications_in, held_by_products
from tests.helpers import resource

QUOTE = {
    "url": "https://example.org/offer",
    "retrieved": "2026-12-05",
    "published": "unknown",
    "undated_reason": "a test quote, dated by nobody",
}


def test_a_product_needs_a_price_or_a_quote_not_both() -> None:
    base = {"id": "x", "name": "x", "service": "compute", "family": "secnumcloud"}
    with pytest.raises(ValidationError, match="no price and is marked neither price_on_request"):
        Product.model_validate(base)
    # A product no list price could be found for says so, with what was searched and when.
    unpriced = {"regions": ["fr-par"], "reason": "no price found anywhere", "checked": "2026-12-06"}
    assert Product.model_validate({**base, "unpriced": [unpriced]}).prices == []
    price = {
        "amount": "1",
        "currency": "EUR",
        "unit": "hour",
        "source": {**QUOTE, "evidence": "provider_page"},
    }
    with pytest.raises(ValidationError, match="has prices and is marked price_on_request"):
        Product.model_validate({**base, "prices": [price], "price_on_request": QUOTE})
    assert Product.model_validate({**base, "price_on_request": QUOTE}).prices == []


def test_secnumcloud_offers_are_named_never_priced_when_nothing_fits() -> None:
    catalog = load_catalog()
    huge = resource(
        "vm",
        kind="compute.vm",
        type="AWS::EC2::Instance",
        attributes={"vcpu": 4096, "memory_gib": 65536},
    )
    found = build_candidates(
        Resource.model_validate(huge),
        catalog,
        Policy(targets=["ovhcloud"], allow_retain=False),
    )
    assert found.options == []
    french = [r for r in found.excluded if "ovhcloud/GRA11" in r]
    assert french and all(
        "price on request only: bare-metal-pod-snc, hosted-private-cloud-snc" in r for r in french
    )
    canadian = [r for r in found.excluded if "ovhcloud/BHS5" in r]
    assert canadian and not any("price on request" in r for r in canadian)


def test_secret_resources_of_the_example_estate_are_pointed_to_the_secnumcloud_offers(
    repo_dir: Path,
) -> None:
    """The example policy requires SecNumCloud of secret data; no Public Cloud option holds it,
    so each secret resource is unplaced with a reason naming OVHcloud's qualified offers, which
    are quoted on request and never priced."""
    estate = load_inventory(repo_dir / "examples" / "estate" / "inventory.json")
    secret = [r for r in estate.resources if r.tags.get("classification") == "secret"]
    assert {r.kind.value for r in secret} >= {"compute.vm", "database.postgresql"}
    small = estate.model_copy(update={"resources": secret, "issues": []})
    plan = cloudexit.plan(small, repo_dir / "examples" / "estate" / "policy.yaml")

    assert plan.placements == []
    offers = (
        "held there only by offers with no published price, which cannot be placed: "
        "bare-metal-pod-snc, hosted-private-cloud-snc"
    )
    unplaced = {u.resource_id: u for u in plan.unplaced}
    for r in secret:
        assert unplaced[r.id].code == "no_option"
        assert f"ovhcloud: lacks SecNumCloud; {offers}" in unplaced[r.id].reason
    vms = [w for w in plan.warnings if "for kind compute.vm" in w]
    assert vms == [
        (
            f"{sum(r.kind.value == 'compute.vm' for r in secret)} resources tagged "
            "classification=secret need SecNumCloud; no option offers it for kind compute.vm; only "
            "these offers hold it, which the plan cannot place: ovhcloud/bare-metal-pod-snc (no "
            "published price), ovhcloud/hosted-private-cloud-snc (no published price)"
        )
    ]


def test_a_certification_held_by_named_products_is_not_held_by_the_provider() -> None:
    provider = load_catalog().providers["ovhcloud"]
    assert "SecNumCloud" not in certifications_in(provider, "GRA11", "compute")
    assert held_by_products(provider, "GRA11", {"SecNumCloud"}) == [
        "bare-metal-pod-snc",
        "hosted-private-cloud-snc",
    ]
    assert held_by_products(provider, "BHS5", {"SecNumCloud"}) == []
    data = provider.model_dump(mode="json")
    data["certifications"][0]["products"] = ["no-such-offer"]
    with pytest.raises(ValidationError, match="names unknown product 'no-such-offer'"):
        ProviderFile.model_validate(data)
