"""Read-only by construction: under the keystoneauth session only GETs and the token POST go out."""

from __future__ import annotations

import pytest

from cloudexit.connectors.common import ReadOnlyViolation
from cloudexit.connectors.openstack.session import connect, is_allowed


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("GET", "https://compute.gra11.cloud.ovh.net/v2.1/servers/detail", True),
        ("POST", "https://auth.cloud.ovh.net/v3/auth/tokens", True),
        ("POST", "https://compute.gra11.cloud.ovh.net/v2.1/servers", False),
        ("POST", "https://compute.gra11.cloud.ovh.net/v2.1/servers/x/action", False),
        ("PUT", "https://storage.gra.cloud.ovh.net/v1/AUTH_x/container", False),
        ("DELETE", "https://network.compute.gra11.cloud.ovh.net/v2.0/networks/x", False),
        ("PATCH", "https://image.compute.gra11.cloud.ovh.net/v2/images/x", False),
        ("HEAD", "https://storage.gra.cloud.ovh.net/v1/AUTH_x", False),
    ],
)
def test_only_get_and_the_token_post_are_allowed(method, url, allowed):
    assert is_allowed(method, url) is allowed


def test_sdk_writes_are_refused_before_they_are_sent(cloud):
    conn = connect("ovh-prod", "GRA11", retries=0)
    signed_in = len(cloud.server.requests)
    with pytest.raises(ReadOnlyViolation, match="refused POST /GRA11/compute/v2.1/servers"):
        conn.compute.create_server(name="x", flavor_id="b2-7-id", image_id="i", networks="none")
    with pytest.raises(ReadOnlyViolation, match="refused DELETE"):
        conn.network.delete_network("00000001-0000-4000-8000-000000000001")
    with pytest.raises(ReadOnlyViolation, match="refused PUT"):
        conn.object_store.create_container(name="evil")
    with pytest.raises(ReadOnlyViolation, match="refused POST .*/action"):
        conn.compute.stop_server("00000001-0000-4000-8000-000000000001")
    assert {r.method for r in cloud.server.requests[signed_in:]} <= {"GET"}
    assert [r.path for r in cloud.server.requests if r.method == "POST"] == [
        "/identity/v3/auth/tokens"
    ]
