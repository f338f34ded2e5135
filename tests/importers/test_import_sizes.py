"""Every instance class or tier the catalogue can size gets vCPU and memory, on real exports,
through the one size lookup the connectors use too."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit.catalog.classes import size_specs
from cloudexit.catalog.loader import load_catalog
from cloudexit.errors import InputError
from cloudexit.importers import import_file


def _exports(shared_dir: Path, imports_dir: Path) -> list[Path]:
    return sorted((shared_dir / "corpus").glob("*.json*")) + sorted(imports_dir.iterdir())


def test_real_exports_carry_the_size_of_every_class_the_catalogue_knows(
    shared_dir: Path, imports_dir: Path
) -> None:
    catalog = load_catalog()
    sized, classes = 0, set()
    for path in _exports(shared_dir, imports_dir):
        try:
            ctx = import_file(path, planned=True)
        except InputError:
            continue  # the broken files of the error tests
        for resource in ctx.resources:
            a = resource.attributes
            specs = size_specs(catalog, resource.provider, a.instance_type)
            if specs is None or specs.vcpu is None or specs.memory_gib is None:
                continue
            assert (a.vcpu, a.memory_gib) != (None, None), (path.name, resource.id)
            assert a.vcpu is not None and a.memory_gib is not None, (path.name, resource.id)
            sized += 1
            classes.add(a.instance_type)
    # database classes sized through their base family or their name, not only machine types
    assert {"db.t3.micro", "db.r6g.xlarge", "db-n1-standard-1", "db-custom-1-3840"} <= classes
    assert sized >= 50


@pytest.mark.parametrize(
    ("provider", "name", "vcpu", "memory"),
    [
        ("aws", "db.m3.medium", 1, 3.75),
        ("aws", "cache.t2.micro", 1, 0.555),
        ("aws", "cache.m3.medium", 1, 2.78),
        ("aws", "kafka.t3.small", 2, 2),
        ("gcp", "db-g1-small", 1, 1.7),
        ("gcp", "db-custom-2-7680", 2, 7.5),
        ("gcp", "zones/europe-west1-b/machineTypes/e2-custom-small-2048", 0.5, 2),
        ("azure", "B_Gen5_1", 1, 2),
    ],
)
def test_the_one_lookup_sizes_classes_tiers_and_custom_types(
    provider: str, name: str, vcpu: float, memory: float
) -> None:
    specs = size_specs(load_catalog(), provider, name)
    assert specs is not None and (specs.vcpu, specs.memory_gib) == (vcpu, memory)
