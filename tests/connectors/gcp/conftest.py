from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.connectors.gcp.fake_cai import FakeCai


@pytest.fixture()
def cai(shared_dir) -> Iterator[FakeCai]:
    fake = FakeCai(shared_dir)
    with fake.server.running(), fake.monitoring.running(), fake.dns.server.running():
        yield fake


@pytest.fixture()
def own_cai() -> Iterator[FakeCai]:
    """The same servers with the recorded assets kept in this repository only."""
    fake = FakeCai(None)
    with fake.server.running(), fake.monitoring.running(), fake.dns.server.running():
        yield fake
