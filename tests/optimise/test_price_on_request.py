"""An offer quoted only on request is never priced, never free, and is named when nothing else fits."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cloudexit.catalog import load_catalog
from cloudexit.catalog.schema import Product
from cloudexit.model.inventory import Resource
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import build_candidates
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
