"""Sustained CPU of burstable and shared-core source sizes (t3.nano, Standard_B1s, e2-micro ...)
and of the managed-service classes that run on them (db.t3.micro, db-f1-micro), from the
provider's published baseline in ``mappings/burstable.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from cloudexit.catalog.facts import SourceRef
from cloudexit.datafiles import data_dir
from cloudexit.model.defaults import empty_list
from cloudexit.model.io import read_yaml, validate


class _Data(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


class BaselineFact(_Data):
    provider: str
    names: list[str] = Field(min_length=1)
    vcpu: float = Field(gt=0, description="vCPUs the size lists, as the source's table states")
    baseline_percent: float | None = Field(
        None, gt=0, le=100, description="Sustained share of each vCPU"
    )
    sustained_vcpu: float | None = Field(
        None, gt=0, description="Fractional vCPU the provider states instead of a share"
    )
    source: SourceRef
    runs_on: str | None = Field(
        None, description="Set on a service class's fact: the size the class runs on"
    )
    class_source: SourceRef | None = Field(
        None, description="Set on a service class's fact: the source saying it runs on that size"
    )

    @model_validator(mode="after")
    def _one_figure(self) -> BaselineFact:
        if (self.baseline_percent is None) == (self.sustained_vcpu is None):
            raise ValueError("give exactly one of baseline_percent and sustained_vcpu")
        return self

    @property
    def sustained(self) -> float:
        if self.sustained_vcpu is not None:
            return self.sustained_vcpu
        assert self.baseline_percent is not None
        return round(self.vcpu * self.baseline_percent / 100, 4)

    def how(self, name: str) -> str:
        """The requirement's reason, as plan.json and the runbook show it."""
        sources = self.source.url
        if self.runs_on and self.class_source is not None:
            name = f"{name} (runs on {self.runs_on})"
            sources = f"{self.class_source.url}; {sources}"
        if self.baseline_percent is not None:
            figure = f"{self.vcpu:g} vCPU at a {self.baseline_percent:g} % baseline each"
        else:
            return (
                f"{name} is shared-core: {self.vcpu:g} vCPU sharing {self.sustained:g} vCPU "
                f"sustained, no measured CPU ({sources})"
            )
        return (
            f"{name} is burstable: {figure} = {self.sustained:g} vCPU sustained, "
            f"no measured CPU ({sources})"
        )


class ServiceClasses(_Data):
    """A managed service whose class names are a prefix and the size they run on."""

    provider: str
    prefix: str = Field(min_length=1)
    source: SourceRef


class BaselineFacts(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    sources: dict[str, SourceRef] = Field(
        default_factory=dict, description="Shared source entries the facts refer to"
    )
    classes: list[ServiceClasses] = Field(default_factory=empty_list)
    facts: list[BaselineFact] = Field(default_factory=empty_list)
    _by_name: dict[tuple[str, str], BaselineFact] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object) -> None:
        self._by_name = {(f.provider, n.lower()): f for f in self.facts for n in f.names}

    def find(self, provider: str, name: str | None) -> BaselineFact | None:
        """The fact for a native size name (a machine-type URL's last part counts), or for a
        service class named after a burstable size (db.t3.micro runs on t3.micro)."""
        if not name:
            return None
        bare = name.strip().rsplit("/", 1)[-1].lower()
        direct = self._by_name.get((provider, bare))
        if direct is not None:
            return direct
        for service in self.classes:
            if service.provider != provider or not bare.startswith(service.prefix):
                continue
            base = bare[len(service.prefix) :]
            fact = self._by_name.get((provider, base))
            if fact is not None:
                return fact.model_copy(update={"runs_on": base, "class_source": service.source})
        return None


@lru_cache(maxsize=4)
def load_baselines(path: Path | None = None) -> BaselineFacts:
    path = path or data_dir("mappings") / "burstable.yaml"
    return validate(BaselineFacts, read_yaml(path), path)
