"""Private address plans for the sites of one plan, kept apart so the sites can be joined
without NAT.

Each site network keeps its source's ranges when no other site (or other network of the same
site) already uses them; otherwise it moves to the first free block of the same size in the
private ranges, and its subnets move with it at the same offsets. Networks with no source
range get a free /16. The moves are recorded for the site README and for firewall rules that
name the moved ranges.
"""

from __future__ import annotations

import bisect
import ipaddress
from collections.abc import Sequence
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
        # The first move of each source block: a range maps through the earliest move whose
        # block holds it, found by looking its 33 possible enclosing blocks up.
        self._first: dict[IPv4, int] = {}
        for index, (old, _) in enumerate(self._moves):
            self._first.setdefault(old, index)

    def first(self, moves: Sequence[tuple[IPv4, IPv4]]) -> Readdressing:
        """This readdressing with ``moves`` looked at before its own: one site's own copies of
        the source ranges (a network recreated at several sites has another range at each)."""
        return Readdressing([*moves, *self._moves])

    def __call__(self, cidr: str) -> str:
        block = ipaddress.ip_network(cidr, strict=False)
        if not isinstance(block, IPv4) or not self._moves:
            return cidr
        found = [
            self._first[outer]
            for prefix in range(block.prefixlen, -1, -1)
            if (outer := block.supernet(new_prefix=prefix)) in self._first
        ]
        if not found:
            return cidr
        old, new = self._moves[min(found)]
        offset = int(block.network_address) - int(old.network_address)
        return str(IPv4((int(new.network_address) + offset, block.prefixlen)))


class _Taken:
    """Blocks in use, kept sorted: a clash is one binary search, not a scan of every block."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        # Where the search for a free block of a size last stopped: everything below was in use
        # then and still is (blocks are never given back).
        self._cursor: dict[tuple[IPv4, int], int] = {}

    def clash(self, block: IPv4) -> tuple[int, int] | None:
        """A block in use that overlaps ``block`` (they are disjoint, so the one starting last
        at or before its end is the only one that can)."""
        low, high = int(block.network_address), int(block.broadcast_address)
        at = bisect.bisect_right(self._starts, high)
        if at and self._ends[at - 1] >= low:
            return self._starts[at - 1], self._ends[at - 1]
        return None

    def add(self, block: IPv4) -> None:
        at = bisect.bisect_left(self._starts, int(block.network_address))
        self._starts.insert(at, int(block.network_address))
        self._ends.insert(at, int(block.broadcast_address))

    def free(self, prefix: int) -> IPv4:
        """The first block of that size in the private ranges that overlaps none in use."""
        for pool in POOLS:
            if prefix < pool.prefixlen:
                continue
            step = 1 << (32 - prefix)
            address = self._cursor.get((pool, prefix), int(pool.network_address))
            end = int(pool.broadcast_address)
            while address + step - 1 <= end:
                candidate = IPv4((address, prefix))
                clash = self.clash(candidate)
                if clash is None:
                    self._cursor[(pool, prefix)] = address
                    return candidate
                # Jump past the clashing block, aligned to the candidate size.
                address = max(address + step, (clash[1] + 1 + step - 1) // step * step)
            self._cursor[(pool, prefix)] = address
        raise ValueError(f"no free /{prefix} left in the private ranges")


def _shift(cidr: str, old: IPv4, new: IPv4) -> str:
    block = ipaddress.ip_network(cidr, strict=False)
    if not isinstance(block, IPv4) or not block.subnet_of(old):
        return cidr
    offset = int(block.network_address) - int(old.network_address)
    return str(IPv4((int(new.network_address) + offset, block.prefixlen)))


def allocate(sites: Sequence[Site]) -> Readdressing:
    """Give every site network ranges no other network of the plan uses; in place.

    Source ranges are placed first, so a network without one never takes a source's range."""
    taken = _Taken()
    moves: list[tuple[IPv4, IPv4]] = []
    # Source networks recreated at several sites (follow) keep their range at the first; a rule
    # naming that range still means the copy there, so the others' moves do not rewrite rules.
    kept: set[tuple[str, IPv4]] = set()
    for site in sites:
        for net in site.networks:
            source = net.source.id if net.source is not None else None
            for old in _blocks(net.cidr, [s.cidr for s in net.subnets if s.cidr]):
                if taken.clash(old) is None:
                    taken.add(old)
                    site.blocks.append((old, old))
                    if source is not None:
                        kept.add((source, old))
                    continue
                new = taken.free(old.prefixlen)
                taken.add(new)
                site.blocks.append((old, new))
                if source is None or (source, old) not in kept:
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
                new = taken.free(DEFAULT_PREFIX)
                taken.add(new)
                net.cidr = str(new)
                if len(empty) == 1:
                    empty[0].cidr = str(new)
                    continue
                parts = list(new.subnets(new_prefix=min(DEFAULT_PREFIX + 8, 32)))
                for sub, part in zip(empty, parts, strict=False):
                    sub.cidr = str(part)
                continue
            for sub in empty:
                block = taken.free(24)
                taken.add(block)
                sub.cidr = str(block)
    return Readdressing(moves)


def _blocks(network: str | None, subnets: list[str]) -> list[IPv4]:
    """The IPv4 blocks a network occupies: its own range, or its subnets' when it has none."""
    raw = [network] if network else subnets
    blocks = [
        b for b in (ipaddress.ip_network(c, strict=False) for c in raw) if isinstance(b, IPv4)
    ]
    return sorted(set(blocks))
