"""Read-only by construction: under the keystoneauth session only the listed GETs and the token
POST go out."""

from __future__ import annotations

import pytest

from cloudexit.connectors.common import ReadOnlyViolation
from cloudexit.connectors.openstack.session import connect, is_allowed


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("GET", "https://compute.gra11.cloud.ovh.net/v2.1/servers/detail", True),
        ("GET", "https://compute.gra11.cloud.ovh.net/v2.1/", True),
        ("GET", "https://auth.cloud.ovh.net/v3", True),
        ("GET", "http://127.0.0.1:5000/GRA11/dns/v2/zones/z1/recordsets", True),
        ("GET", "https://storage.gra.cloud.ovh.net/v1/AUTH_x", True),
        # reads the connector does not make: passwords, key pairs, users, object contents
        ("GET", "https://compute.gra11.cloud.ovh.net/v2.1/servers/x/os-server-password", False),
        ("GET", "https://compute.gra11.cloud.ovh.net/v2.1/os-keypairs", False),
        ("GET", "https://auth.cloud.ovh.net/v3/users", False),
        ("GET", "https://auth.cloud.ovh.net/v3/credentials", False),
        ("GET", "https://storage.gra.cloud.ovh.net/v1/AUTH_x/backups/db.dump", False),
        ("POST", "https://auth.cloud.ovh.net/v3/auth/tokens", True),
        ("POST", "https://compute.gra11.cloud.ovh.net/v2.1/servers", False),
        ("POST", "https://compute.gra11.cloud.ovh.net/v2.1/servers/x/action", False),
        ("PUT", "https://storage.gra.cloud.ovh.net/v1/AUTH_x/container", False),
        ("DELETE", "https://network.compute.gra11.cloud.ovh.net/v2.0/networks/x", False),
        ("PATCH", "https://image.compute.gra11.cloud.ovh.net/v2/images/x", False),
        ("HEAD", "https://storage.gra.cloud.ovh.net/v1/AUTH_x", False),
    ],
)
def test_only_the_listed_reads_and_the_token_post_are_allowed(method, url, allowed):
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


def test_a_read_the_connector_does_not_make_is_refused_before_it_is_sent(cloud):
    conn = connect("ovh-prod", "GRA11", retries=0)
    signed_in = len(cloud.server.requests)
    with pytest.raises(ReadOnlyViolation, match="refused GET .*/os-keypairs"):
        list(conn.compute.keypairs())
    with pytest.raises(ReadOnlyViolation, match="refused GET .*/os-server-password"):
        conn.compute.get_server_password("00000001-0000-4000-8000-000000000001")
    assert cloud.server.requests[signed_in:] == [] or {
        r.path.rstrip("/").rsplit("/", 1)[-1] for r in cloud.server.requests[signed_in:]
    } <= {"v2.1", "compute"}
