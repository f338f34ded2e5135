from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit.catalog.loader import Catalog, load_catalog


@pytest.fixture(scope="session")
def imports_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "imports"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()
