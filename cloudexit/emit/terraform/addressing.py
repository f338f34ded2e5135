"""Private address plans for the sites of one plan, kept apart so the sites can be joined
without NAT.

Each site network keeps its source's ranges when no other site (or other network of the same
site) already uses them; otherwise it moves to the first free block of the same size in the
private ranges, and its subnets move with it at the same offsets. Networks with no source
range get a free /16. The moves are recorded for the site README and for firewall rules that
name the moved ranges.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cloudexit.emit.terraform.site import Site

IPv4 = ipaddress.IPv4Network
POOLS = (IPv4("10.0.0.0/8"), IPv4("172.16.0.0/12"), IPv4("192.168.0.0/16"))
DEFAULT_PREFIX = 16


@dataclass(frozen=True)
class Move:
    network: str
    old: str
    new: str


class Readdressing:
    """Source ranges that moved, and the function mapping a source range to its target range."""

    def __init__(self, moves: Sequence[tuple[IPv4, IPv4]]) -> None:
        self._moves = list(moves)

    def __call__(self, cidr: str) -> str:
        block = ipaddress.ip_network(cidr, strict=False)
        if not isinstance(block, IPv4):
            return cidr
        for old, new in self._moves:
            if block.subnet_of(old):
                offset = int(block.network_address) - int(old.network_address)
                return str(IPv4((int(new.network_address) + offset, block.prefixlen)))
        return cidr


def _free(prefix: int, taken: list[IPv4]) -> IPv4:
    for pool in POOLS:
        if prefix < pool.prefixlen:
            continue
        for candidate in _candidates(pool, prefix, taken):
            return candidate
    raise ValueError(f"no free /{prefix} left in the private ranges")


def _candidates(pool: IPv4, prefix: int, taken: list[IPv4]) -> Iterator[IPv4]:
    step = 1 << (32 - prefix)
    address = int(pool.network_address)
    end = int(pool.broadcast_address)
    while address + step - 1 <= end:
        candidate = IPv4((address, prefix))
        clash = next((t for t in taken if t.overlaps(candidate)), None)
        if clash is None:
            yield candidate
            address += step
        else:
            # Jump past the clashing block, aligned to the candidate size.
            after = int(clash.broadcast_address) + 1
            address = max(address + step, (after + step - 1) // step * step)


def _shift(cidr: str, old: IPv4, new: IPv4) -> str:
    block = ipaddress.ip_network(cidr, strict=False)
    if not isinstance(block, IPv4) or not block.subnet_of(old):
        return cidr
    offset = int(block.network_address) - int(old.network_address)
    return str(IPv4((int(new.network_address) + offset, block.prefixlen)))


def allocate(sites: Sequence[Site]) -> Readdressing:
    """Give every site network ranges no other network of the plan uses; in place.

    Source ranges are placed first, so a network without one never takes a source's range."""
    taken: list[IPv4] = []
    moves: list[tuple[IPv4, IPv4]] = []
    for site in sites:
        for net in site.networks:
            for old in _blocks(net.cidr, [s.cidr for s in net.subnets if s.cidr]):
                if not any(old.overlaps(t) for t in taken):
                    taken.append(old)
                    continue
                new = _free(old.prefixlen, taken)
                taken.append(new)
                moves.append((old, new))
                site.moves.append(Move(net.name, str(old), str(new)))
                if net.cidr:
                    net.cidr = _shift(net.cidr, old, new)
                for sub in net.subnets:
                    if sub.cidr:
                        sub.cidr = _shift(sub.cidr, old, new)
    for site in sites:
        for net in site.networks:
            empty = [sub for sub in net.subnets if not sub.cidr]
            if not empty:
                continue
            if net.cidr is None and len(empty) == len(net.subnets):
                new = _free(DEFAULT_PREFIX, taken)
                taken.append(new)
                net.cidr = str(new)
                if len(empty) == 1:
                    empty[0].cidr = str(new)
                    continue
                parts = list(new.subnets(new_prefix=min(DEFAULT_PREFIX + 8, 32)))
                for sub, part in zip(empty, parts, strict=False):
                    sub.cidr = str(part)
                continue
            for sub in empty:
                block = _free(24, taken)
                taken.append(block)
                sub.cidr = str(block)
    return Readdressing(moves)


def _blocks(network: str | None, subnets: list[str]) -> list[IPv4]:
    """The IPv4 blocks a network occupies: its own range, or its subnets' when it has none."""
    raw = [network] if network else subnets
    blocks = [
        b for b in (ipaddress.ip_network(c, strict=False) for c in raw) if isinstance(b, IPv4)
    ]
    return sorted(set(blocks))
