"""Google Cloud custom machine types: sizes read from the name, priced per vCPU and per GiB."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_CUSTOM = re.compile(
    r"^(?:(?P<series>[a-z0-9]+)-)?custom-(?P<vcpu>\d+)-(?P<mib>\d+)(?P<ext>-ext)?$"
)


@dataclass(frozen=True)
class CustomType:
    series: str
    vcpu: int
    memory_gib: Decimal


def parse_custom(name: str) -> CustomType | None:
    """``n2-custom-4-16384`` -> (n2, 4 vCPU, 16 GiB); a bare ``custom-2-7680`` is an N1 type."""
    match = _CUSTOM.match(name.rsplit("/", 1)[-1].lower())
    if match is None:
        return None
    return CustomType(
        series=match.group("series") or "n1",
        vcpu=int(match.group("vcpu")),
        memory_gib=Decimal(match.group("mib")) / 1024,
    )


# Shared-core E2 custom types: a fraction of a vCPU, as Google documents the e2 shared-core sizes.
_SHARED_CORE = {"micro": 0.25, "small": 0.5, "medium": 1.0}
_SHARED_CORE_CUSTOM = re.compile(r"^e2-custom-(?P<share>micro|small|medium)-(?P<mib>\d+)$")


def shared_core_custom(name: str) -> tuple[float, float] | None:
    """``e2-custom-small-2048`` -> (0.5 vCPU, 2 GiB)."""
    match = _SHARED_CORE_CUSTOM.match(name.rsplit("/", 1)[-1].lower())
    if match is None:
        return None
    return _SHARED_CORE[match.group("share")], round(int(match.group("mib")) / 1024, 3)


def unit_product_ids(custom: CustomType) -> tuple[str, str]:
    """The catalogue products holding the per-vCPU and per-GiB hourly prices of the series."""
    return f"custom/{custom.series}/vcpu", f"custom/{custom.series}/memory"
