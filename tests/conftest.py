from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Read-only reference data and real exports kept beside the repository."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.skip(
            f"reads {path} (Terraform provider schema reference, corpus of real public "
            "exports), which is not beside this clone"
        )
    return path


@pytest.fixture(autouse=True, scope="session")
def _catalogue_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled catalogue files go to a folder of this run, never the user's cache."""
    import os

    os.environ["CLOUDEXIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
