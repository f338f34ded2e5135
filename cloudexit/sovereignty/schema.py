"""The shape of sovereignty/*.yaml: the framework, and per provider the assessments of its
sites and offers, every level backed by dated, sourced criteria facts."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cloudexit.model.defaults import empty_list
from cloudexit.model.sovereignty import Objective

OBJECTIVES: tuple[Objective, ...] = (
    "SOV-1",
    "SOV-2",
    "SOV-3",
    "SOV-4",
    "SOV-5",
    "SOV-6",
    "SOV-7",
    "SOV-8",
)
EvidenceKind = Literal[
    "statute",
    "regulator",
    "certificate",
    "company_filing",
    "provider_statement",
    "contract",
    "press",
    "third_party_reading",
    "catalogue",
    "inferred",
]


class _Data(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


class Source(_Data):
    url: str = Field(min_length=8)
    title: str
    published: str = Field(
        pattern=r"^(\d{4}(-\d{2}){0,2}|undated)$",
        description="When the source was published (YYYY, YYYY-MM or YYYY-MM-DD), or 'undated'",
    )
    retrieved: dt.date
    kind: EvidenceKind

    @field_validator("published", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        # YAML reads 2026-04-27 as a date and 2025 as a number
        return (
            value.isoformat()
            if isinstance(value, dt.date)
            else str(value)
            if isinstance(value, int)
            else value
        )


class SealLevel(_Data):
    level: int = Field(ge=0, le=4)
    name: str


class ObjectiveDef(_Data):
    id: Objective
    title: str
    weight: float = Field(gt=0, le=1)
    c3a: bool = Field(description="BSI C3A gives verifiable criteria for this objective")


class Framework(_Data):
    name: str
    version: str
    source: Source
    c3a: Source
    objectives: list[ObjectiveDef]
    seal: list[SealLevel]

    @model_validator(mode="after")
    def _complete(self) -> Framework:
        if tuple(o.id for o in self.objectives) != OBJECTIVES:
            raise ValueError(f"objectives must be {', '.join(OBJECTIVES)} in order")
        if abs(sum(o.weight for o in self.objectives) - 1) > 1e-9:
            raise ValueError("objective weights must add up to 1")
        if [s.level for s in self.seal] != [0, 1, 2, 3, 4]:
            raise ValueError("seal levels must be 0 to 4 in order")
        return self

    def weight(self, objective: str) -> float:
        return next(o.weight for o in self.objectives if o.id == objective)

    def title(self, objective: str) -> str:
        return next(o.title for o in self.objectives if o.id == objective)


class Fact(_Data):
    criterion: str = Field(
        description="C3A criterion id (SOV-1-02-C1) or CSF contributing factor (CSF SOV-2)"
    )
    holds: bool
    statement: str
    source: str = Field(description="Key into the file's sources")


class Grade(_Data):
    level: int | None = Field(
        ge=0, le=4, description="SEAL level; null: not assessed (counts as 0)"
    )
    facts: list[Fact] = Field(default_factory=empty_list)
    note: str | None = None

    @model_validator(mode="after")
    def _backed(self) -> Grade:
        if self.level is not None and not self.facts:
            raise ValueError("a SEAL level needs at least one criteria fact")
        if self.level is None and not self.note:
            raise ValueError("an unassessed objective needs a note saying why")
        return self


Control = Literal["EU", "non-EU", "customer", "unknown"]


class Operator(_Data):
    name: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    controlled_from: Control = Field(
        description="Where the operator's ultimate control sits; customer: you run it"
    )
    parent: str | None = None


class ExposurePath(_Data):
    via: str = Field(description="The entity through which the law reaches, e.g. a subsidiary")
    law: str
    locations: list[str] = Field(
        default_factory=empty_list,
        description="Region codes the path reaches; empty: every location",
    )
    source: str


class Scope(_Data):
    regions: list[str] = Field(default_factory=empty_list, description="Empty: every region")
    products: list[str] = Field(default_factory=empty_list, description="Empty: every product")


class Assessment(_Data):
    id: str
    kind: Literal["provider", "site", "offer"]
    name: str
    inherits: str | None = Field(
        None, description="Assessment whose objectives and exposures apply unless given"
    )
    scope: Scope = Field(default_factory=Scope)
    operator: Operator | None = None
    exposures: list[ExposurePath] | None = None
    objectives: dict[Objective, Grade] = Field(default_factory=dict)
    placeable: bool = Field(
        True, description="False: an offer the catalogue cannot place (scored for comparison)"
    )


class ProviderSovereignty(_Data):
    provider: str
    sources: dict[str, Source]
    assessments: list[Assessment] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> ProviderSovereignty:
        ids = [a.id for a in self.assessments]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate assessment id")
        if self.assessments[0].kind != "provider" or self.assessments[0].inherits is not None:
            raise ValueError("the first assessment must be the provider's own, inheriting nothing")
        for a in self.assessments:
            if a.inherits is not None and a.inherits not in ids:
                raise ValueError(f"assessment {a.id!r} inherits unknown {a.inherits!r}")
            for objective, grade in a.objectives.items():
                for fact in grade.facts:
                    if fact.source not in self.sources:
                        raise ValueError(f"{a.id} {objective}: unknown source {fact.source!r}")
                    if not (
                        fact.criterion.startswith(objective + "-")
                        or fact.criterion == f"CSF {objective}"
                    ):
                        raise ValueError(
                            f"{a.id} {objective}: criterion {fact.criterion!r} belongs to another objective"
                        )
            for path in a.exposures or []:
                if path.source not in self.sources:
                    raise ValueError(
                        f"{a.id}: exposure via {path.via}: unknown source {path.source!r}"
                    )
        own = self.assessments[0]
        missing = [o for o in OBJECTIVES if o not in own.objectives]
        if missing:
            raise ValueError(f"{own.id}: objectives missing: {', '.join(missing)}")
        if own.operator is None or own.exposures is None:
            raise ValueError(f"{own.id}: the provider's assessment needs an operator and exposures")
        return self
