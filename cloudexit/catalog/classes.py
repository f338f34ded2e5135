"""The one size lookup: vCPU and memory of a native size, class or tier name (m5.large,
db.m5.large, db-n1-standard-1, GP_Gen5_4, dc2.large, n2-custom-4-16384), used alike by the
connectors, the importers and the optimiser.

A name resolves through the catalogue, then the catalogue's base compute family, then sourced
class and tier facts in ``mappings/sizes.yaml``, then sizes spelt in the name (Google custom
types); what resolves nowhere stays unknown, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.catalog.compiled import Compiler
from cloudexit.catalog.custom_types import parse_custom, shared_core_custom
from cloudexit.catalog.products import Specs
from cloudexit.datafiles import data_dir
from cloudexit.model.defaults import empty_list


class _Data(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


class SizeSource(_Data):
    url: str = Field(min_length=8)
    published: dt.date | None = None
    retrieved: dt.date
    note: str | None = None


class ClassFact(_Data):
    provider: str
    names: list[str] = Field(min_length=1)
    vcpu: float = Field(gt=0)
    memory_gib: float = Field(gt=0)
    kinds: list[str] = Field(
        default_factory=empty_list,
        description="Kinds the names hold for (S1 is an App Service plan, not an SQL DTU tier); empty: any",
    )
    source: SizeSource
    verified: bool = True


class TierRule(_Data):
    provider: str
    pattern: str = Field(description="Regular expression; group 1 is the vCore count")
    memory_gib_per_vcore: float = Field(gt=0)
    source: SizeSource
    verified: bool = True


class SizeRules(_Data):
    prefixes: dict[str, list[str]] = Field(default_factory=dict)
    suffixes: dict[str, list[str]] = Field(default_factory=dict)
    classes: list[ClassFact] = Field(default_factory=empty_list)
    tiers: list[TierRule] = Field(default_factory=empty_list)


class ClassSize(_Data):
    specs: Specs
    how: str
    """where the size comes from, for warnings and the report"""
    verified: bool = True


class _SpecsLookup(Protocol):
    def specs_for(self, provider_id: str, instance_type: str) -> Specs | None: ...


@lru_cache(maxsize=4)
def load_size_rules(path: Path | None = None) -> SizeRules:
    return Compiler().load(SizeRules, path or data_dir("mappings") / "sizes.yaml")


def base_names(provider: str, name: str, rules: SizeRules) -> list[str]:
    """The compute sizes a class name may stand for: db.m5.large -> m5.large, db-f1-micro -> f1-micro."""
    found: list[str] = []
    bare = name.strip()
    for prefix in rules.prefixes.get(provider, []):
        if bare.lower().startswith(prefix):
            bare = bare[len(prefix) :]
            found.append(bare)
            break
    for suffix in rules.suffixes.get(provider, []):
        if bare.lower().endswith(suffix):
            found.append(bare[: -len(suffix)])
            break
    return found


def class_size(
    catalog: _SpecsLookup,
    provider: str,
    name: str | None,
    rules: SizeRules | None = None,
    kind: str | None = None,
) -> ClassSize | None:
    """vCPU and memory of a native class or tier name, and where they come from; None when unknown."""
    if not name:
        return None
    rules = rules or load_size_rules()
    direct = catalog.specs_for(provider, name)
    if direct is not None and (direct.vcpu or direct.memory_gib):
        return ClassSize(specs=direct, how=f"catalogue size {name}")
    for base in base_names(provider, name, rules):
        specs = catalog.specs_for(provider, base)
        if specs is not None and (specs.vcpu or specs.memory_gib):
            return ClassSize(specs=specs, how=f"class {name} runs on {provider} {base}")
    key = name.strip().lower()
    for fact in rules.classes:
        if fact.kinds and kind not in fact.kinds:
            continue
        if fact.provider == provider and key in {n.lower() for n in fact.names}:
            return ClassSize(
                specs=Specs(vcpu=fact.vcpu, memory_gib=fact.memory_gib),
                how=f"class {name} ({fact.source.url})",
                verified=fact.verified,
            )
    named = _named(provider, name)
    if named is not None:
        return named
    for tier in rules.tiers:
        match = (
            re.match(tier.pattern, name.strip().rsplit("/", 1)[-1], re.IGNORECASE)
            if tier.provider == provider
            else None
        )
        if match:
            vcores = float(match.group(1))
            return ClassSize(
                specs=Specs(vcpu=vcores, memory_gib=vcores * tier.memory_gib_per_vcore),
                how=f"tier {name}: {vcores:g} vCores x {tier.memory_gib_per_vcore:g} GiB ({tier.source.url})",
                verified=tier.verified,
            )
    return None


def _named(provider: str, name: str) -> ClassSize | None:
    """Google custom machine types carry their size in the name (db-custom-2-7680 too)."""
    if provider != "gcp":
        return None
    bare = name.strip().rsplit("/", 1)[-1].lower().removeprefix("db-")
    custom = parse_custom(bare)
    if custom is not None:
        specs = Specs(vcpu=float(custom.vcpu), memory_gib=float(custom.memory_gib))
        return ClassSize(specs=specs, how=f"custom type {name}")
    shared = shared_core_custom(bare)
    if shared is not None:
        return ClassSize(
            specs=Specs(vcpu=shared[0], memory_gib=shared[1]), how=f"shared-core type {name}"
        )
    return None


def size_specs(catalog: _SpecsLookup, provider: str, name: str | None) -> Specs | None:
    """vCPU, memory (and architecture, GPUs) of a native size, class or tier; None when unknown."""
    found = class_size(catalog, provider, name)
    return found.specs if found is not None else None


def fill_sizes(fields: dict[str, Any], catalog: _SpecsLookup, provider: str) -> None:
    """Add the sizes of ``fields["instance_type"]`` the source did not report itself."""
    specs = size_specs(catalog, provider, fields.get("instance_type"))
    if specs is None:
        return
    for key, value in (
        ("vcpu", specs.vcpu),
        ("memory_gib", specs.memory_gib),
        ("architecture", specs.architecture),
        ("gpu_count", specs.gpu_count or None),
    ):
        if fields.get(key) is None and value is not None:
            fields[key] = value
