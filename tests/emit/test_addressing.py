"""Site address plans never overlap across the sites of a plan."""

from __future__ import annotations

import ipaddress
import itertools

from cloudexit.emit.terraform.addressing import allocate
from cloudexit.emit.terraform.site import Network, Site, Subnet


def site(name: str, *networks: tuple[str | None, list[str]]) -> Site:
    s = Site("scaleway", name, name, name)
    for n, (cidr, subnets) in enumerate(networks):
        net = Network(f"n{n}", f"{name}-net{n}", cidr)
        net.subnets = [
            Subnet(f"s{n}_{i}", f"sub{i}", c, net) for i, c in enumerate(subnets or [""])
        ]
        s.networks.append(net)
    return s


def test_overlapping_sources_are_moved_and_recorded() -> None:
    a = site("a", ("10.0.0.0/16", ["10.0.1.0/24", "10.0.2.0/24"]))
    b = site("b", ("10.0.0.0/16", ["10.0.1.0/24"]), (None, []))
    readdress = allocate([a, b])
    blocks = [ipaddress.ip_network(sub.cidr) for s in (a, b) for sub in s.subnets]
    nets = [ipaddress.ip_network(n.cidr) for s in (a, b) for n in s.networks if n.cidr]
    assert a.subnets[0].cidr == "10.0.1.0/24" and not a.moves
    assert len(b.moves) == 1 and b.moves[0].old == "10.0.0.0/16"
    moved = ipaddress.ip_network(b.moves[0].new)
    assert b.subnets[0].cidr == str(list(moved.subnets(new_prefix=24))[1])
    assert readdress("10.0.1.0/24") == b.subnets[0].cidr
    for i, x in enumerate(nets):
        for y in nets[i + 1 :]:
            assert not x.overlaps(y), (x, y)
    assert all(not blocks[0].overlaps(x) for x in blocks[2:])


def test_a_network_without_a_range_never_takes_a_source_range() -> None:
    first = site("a", (None, []))
    second = site("b", ("10.0.0.0/16", []))
    allocate([first, second])
    assert second.networks[0].cidr == "10.0.0.0/16" and not second.moves
    assert not ipaddress.ip_network(first.networks[0].cidr).overlaps(
        ipaddress.ip_network("10.0.0.0/16")
    )


def test_many_networks_on_one_range_each_get_their_own_block() -> None:
    sites = [
        site(f"s{k}", *[("10.0.1.0/24", ["10.0.1.0/26"]) for _ in range(60)]) for k in range(5)
    ]
    readdress = allocate(sites)
    nets = sorted(ipaddress.ip_network(n.cidr) for s in sites for n in s.networks)
    assert len(nets) == 300 and nets[0] == ipaddress.ip_network("10.0.0.0/24")
    assert all(not x.overlaps(y) for x, y in itertools.pairwise(nets))
    assert sites[0].networks[0].cidr == "10.0.1.0/24"
    first_move = sites[0].moves[0]
    assert readdress("10.0.1.0/26") == str(
        ipaddress.ip_network(first_move.new).subnets(2).__next__()
    )
    for s in sites:
        for net in s.networks:
            assert all(
                ipaddress.ip_network(sub.cidr).subnet_of(ipaddress.ip_network(net.cidr))
                for sub in net.subnets
            )
