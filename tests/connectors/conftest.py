from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.catalog.schema import ProviderFile
from cloudexit.model.io import read_yaml, validate

REPO = Path(__file__).resolve().parents[2]


FIXTURE_PROVIDERS = REPO / "tests" / "data" / "connectors" / "providers"


@pytest.fixture(scope="session")
def connector_catalog() -> Catalog:
    """The repository's catalogue with a few known sizes of each source cloud in place of the full lists."""
    fixtures = {
        p.stem: validate(ProviderFile, read_yaml(p), p)
        for p in sorted(FIXTURE_PROVIDERS.glob("*.yaml"))
    }
    bundled = load_catalog()
    return dataclasses.replace(bundled, providers={**bundled.providers, **fixtures})


@pytest.fixture(scope="session")
def priced_catalog(connector_catalog: Catalog) -> Catalog:
    """The connector catalogue with every non-compute product of the bundled source files added, so
    disks, databases, caches and network resources have the list prices a real scan would find."""
    bundled = load_catalog()
    providers = dict(connector_catalog.providers)
    for cloud in ("aws", "azure", "gcp"):
        fixture = providers[cloud]
        known = {p.id for p in fixture.products}
        extra = [
            p
            for p in bundled.providers[cloud].products
            if p.service != "compute" and p.id not in known
        ]
        providers[cloud] = fixture.model_copy(update={"products": [*fixture.products, *extra]})
    return dataclasses.replace(connector_catalog, providers=providers)


@pytest.fixture
def connector_catalog_dir(tmp_path: Path) -> Path:
    """The same catalogue as a folder for `--catalog`: fixture source files over the bundled ones."""
    catalog = tmp_path / "catalog"
    providers = catalog / "providers"
    providers.mkdir(parents=True)
    for path in (REPO / "providers").glob("*.yaml"):
        fixture = FIXTURE_PROVIDERS / path.name
        (providers / path.name).symlink_to(fixture if fixture.exists() else path)
    (catalog / "mappings").symlink_to(REPO / "mappings")
    return catalog
