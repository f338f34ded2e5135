"""Sizes for services billed per use (key-value tables, document databases), from the throughput
the inventory carries or a stated assumption per service in mappings/usage-sizing.yaml."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.catalog.schema import SourceRef, Specs
from cloudexit.datafiles import data_dir
from cloudexit.model.defaults import empty_list
from cloudexit.model.inventory import Resource
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.kinds import Kind

SECONDS_PER_MONTH = 730 * 3600


class UsageRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    kinds: list[Kind] = Field(min_length=1)
    engines: list[str] = Field(default_factory=empty_list, description="Empty: every engine")
    ops_per_vcpu: float = Field(gt=0)
    request_units_per_op: float = Field(1, gt=0)
    peak_to_average: float = Field(1, ge=1)
    assumed_ops_per_second: float = Field(ge=0)
    min_vcpu: float = Field(1, gt=0)
    min_memory_gib: float = Field(1, gt=0)
    memory_per_data_gib: float = Field(0, ge=0)
    nodes: int = Field(1, ge=1, description="Copies the source keeps of the data")
    source: SourceRef
    verified: bool = True


class UsageSizingFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[UsageRule] = Field(default_factory=empty_list)


@dataclass(frozen=True)
class UsageSize:
    basis: Literal["usage", "assumed"]
    specs: Specs
    nodes: int
    how: str
    rule: str


@lru_cache(maxsize=4)
def _load(path: Path) -> UsageSizingFile:
    return validate(UsageSizingFile, read_yaml(path), path)


def usage_rules(path: Path | None = None) -> UsageSizingFile:
    return _load(path.resolve() if path else _bundled())


@lru_cache(maxsize=1)
def _bundled() -> Path:
    # Resolving the path is most of the cost of a look-up, asked once per resource.
    return (data_dir("mappings") / "usage-sizing.yaml").resolve()


def rule_for(resource: Resource, data: UsageSizingFile | None = None) -> UsageRule | None:
    engine = (resource.attributes.engine or "").casefold()
    for rule in (data or usage_rules()).rules:
        if resource.kind in rule.kinds and (not rule.engines or engine in rule.engines):
            return rule
    return None


def _observed_ops(resource: Resource, rule: UsageRule) -> tuple[float, str] | None:
    """Peak operations a second the inventory reports, and how they were read."""
    a = resource.attributes
    if a.read_capacity_units or a.write_capacity_units:
        reads, writes = a.read_capacity_units or 0, a.write_capacity_units or 0
        return reads + writes, f"{reads:g} read + {writes:g} write capacity units provisioned"
    if a.request_units:
        ops = a.request_units / rule.request_units_per_op
        return ops, f"{a.request_units:g} request units a second provisioned"
    if a.requests_month:
        ops = a.requests_month / SECONDS_PER_MONTH * rule.peak_to_average
        return ops, (
            f"{a.requests_month:g} requests a month, peak {rule.peak_to_average:g} x the average"
        )
    return None


def usage_size(resource: Resource, data: UsageSizingFile | None = None) -> UsageSize | None:
    """The size a per-use service needs on a target sold by vCPU and memory; None without a rule."""
    rule = rule_for(resource, data)
    if rule is None:
        return None
    observed = _observed_ops(resource, rule)
    basis: Literal["usage", "assumed"] = "usage"
    if observed is None:
        ops, basis = rule.assumed_ops_per_second, "assumed"
        read = f"no throughput in the inventory, {ops:,.0f} operations a second assumed"
    else:
        ops, read = observed
    vcpu = max(rule.min_vcpu, float(math.ceil(ops / rule.ops_per_vcpu)))
    data_gib = resource.attributes.storage_gib or 0
    memory = max(rule.min_memory_gib, math.ceil(data_gib * rule.memory_per_data_gib))
    how = (
        f"{read}; {ops:,.0f} ops/s at {rule.ops_per_vcpu:,.0f} a vCPU, {data_gib:g} GiB data at "
        f"{rule.memory_per_data_gib:g} GiB memory a GiB: {vcpu:g} vCPU, {memory:g} GiB "
        f"(at least {rule.min_vcpu:g} vCPU, {rule.min_memory_gib:g} GiB) on each of "
        f"{rule.nodes} nodes (mappings/usage-sizing.yaml: {rule.id})"
    )
    return UsageSize(
        basis=basis,
        specs=Specs(vcpu=vcpu, memory_gib=float(memory)),
        nodes=rule.nodes,
        how=how,
        rule=rule.id,
    )
