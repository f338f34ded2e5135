"""Sustained CPU of burstable and shared-core source sizes (t3.nano, Standard_B1s, e2-micro ...),
from the provider's published baseline in ``mappings/burstable.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from cloudexit.catalog.schema import SourceRef
from cloudexit.datafiles import data_dir
from cloudexit.model.io import read_yaml, validate


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
        if self.baseline_percent is not None:
            figure = f"{self.vcpu:g} vCPU at a {self.baseline_percent:g} % baseline each"
        else:
            return (
                f"{name} is shared-core: {self.vcpu:g} vCPU sharing {self.sustained:g} vCPU "
                f"sustained, no measured CPU ({self.source.url})"
            )
        return (
            f"{name} is burstable: {figure} = {self.sustained:g} vCPU sustained, "
            f"no measured CPU ({self.source.url})"
        )


class BaselineFacts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: dict[str, SourceRef] = Field(
        default_factory=dict, description="Shared source entries the facts refer to"
    )
    facts: list[BaselineFact] = Field(default_factory=list)
    _by_name: dict[tuple[str, str], BaselineFact] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object) -> None:
        self._by_name = {(f.provider, n.lower()): f for f in self.facts for n in f.names}

    def find(self, provider: str, name: str | None) -> BaselineFact | None:
        """The fact for a native size name (a machine-type URL's last part counts)."""
        if not name:
            return None
        return self._by_name.get((provider, name.strip().rsplit("/", 1)[-1].lower()))


@lru_cache(maxsize=4)
def load_baselines(path: Path | None = None) -> BaselineFacts:
    path = path or data_dir("mappings") / "burstable.yaml"
    return validate(BaselineFacts, read_yaml(path), path)
