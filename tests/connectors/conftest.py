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
