from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.connectors.openstack.fake_openstack import FakeOpenStack


def clouds_yaml(path, auth_url: str, regions: list[str] | None = None, password: str = "s3cret"):
    regions_line = f"    regions: [{', '.join(regions)}]\n" if regions else ""
    path.write_text(
        "clouds:\n"
        "  ovh-prod:\n"
        "    auth:\n"
        f"      auth_url: {auth_url}\n"
        "      username: reader\n"
        f"      password: {password}\n"
        "      project_name: shop\n"
        "      user_domain_name: Default\n"
        "      project_domain_name: Default\n"
        f"{regions_line}"
        "    identity_api_version: 3\n"
    )
    return path


@pytest.fixture()
def cloud(tmp_path, monkeypatch) -> Iterator[FakeOpenStack]:
    """A loopback cloud named ovh-prod in a clouds.yaml that openstack.connect() reads."""
    for name in list(os.environ):
        if name.startswith("OS_"):
            monkeypatch.delenv(name)
    fake = FakeOpenStack()
    with fake.server.running():
        config = clouds_yaml(
            tmp_path / "clouds.yaml", f"{fake.server.url}/identity/v3", ["GRA11", "SBG5"]
        )
        monkeypatch.setenv("OS_CLIENT_CONFIG_FILE", str(config))
        yield fake
