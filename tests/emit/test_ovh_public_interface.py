"""An OVHcloud server that keeps a public address gets it as a public interface of its own: the
provider takes `auto_assign_public_ip` only on a `networks` entry with no network, subnet or
address, so written beside the private subnet the server would not be created as planned."""

from __future__ import annotations

from pathlib import Path

from cloudexit import api
from tests.emit.test_firewall_appliance import catalog, planned, resources_of


def test_the_public_address_is_its_own_network_entry(tmp_path: Path) -> None:
    # The recorded Azure plan gives its firewalls a public address; onto OVHcloud each becomes an
    # appliance server, the first of which carries the address.
    api.emit(planned("ovhcloud"), tmp_path, catalog=catalog())
    servers = resources_of(tmp_path / "terraform", {"ovh_cloud_instance"})
    entries = [entry for body in servers.values() for entry in body["networks"]]
    public = [e for e in entries if e.get("auto_assign_public_ip")]
    assert len(public) == 1
    for entry in public:
        assert not {"network_id", "subnet_id", "ip"} & set(entry), entry
    # every server still sits on its private subnet
    for body in servers.values():
        assert any("subnet_id" in e for e in body["networks"])
