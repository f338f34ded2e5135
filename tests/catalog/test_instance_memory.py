"""Source-cloud sizes carry their memory as published, fractions of a GiB included."""

from __future__ import annotations

import pytest

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.optimise.sizes import SizeFinding


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog()


@pytest.mark.parametrize(
    ("provider", "size", "vcpu", "memory_gib"),
    [
        ("azure", "Standard_B1ls", 1, 0.5),
        ("azure", "Standard_D1_v2", 1, 3.5),
        ("azure", "Standard_DS1_v2", 1, 3.5),
        ("azure", "Standard_D1", 1, 3.5),
        ("azure", "Standard_DS1", 1, 3.5),
        ("azure", "Standard_D1_v2/windows", 1, 3.5),
        ("azure", "Standard_M8ms", 8, 218.75),
        ("azure", "Standard_M16-4ms", 16, 437.5),
        ("azure", "Standard_D2s_v5", 2, 8),
        ("aws", "t3.nano", 2, 0.5),
        ("aws", "t3.micro", 2, 1),
        ("gcp", "n1-standard-1", 1, 3.75),
        ("gcp", "g1-small", 1, 1.7),
        ("gcp", "f1-micro", 1, 0.6),
        ("gcp", "e2-small", 2, 2),
    ],
)
def test_a_size_has_its_published_memory(bundled, provider, size, vcpu, memory_gib):
    specs = bundled.product(provider, size).specs
    assert (specs.vcpu, specs.memory_gib) == (vcpu, memory_gib)


@pytest.mark.parametrize("provider", ["aws", "azure"])
def test_every_sized_vm_has_a_memory(bundled, provider):
    missing = [
        product.id
        for product in bundled.provider(provider).products
        if product.service == "compute" and product.specs.vcpu and product.specs.memory_gib is None
    ]
    assert missing == []


def test_a_fractional_memory_reads_as_published_in_a_plan(bundled):
    specs = bundled.product("azure", "Standard_D1_v2").specs
    assert SizeFinding(state="reported", specs=specs, how="").label() == "1 vCPU, 3.5 GiB"
