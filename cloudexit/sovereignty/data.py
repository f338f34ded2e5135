"""Load sovereignty/*.yaml and resolve which assessment holds where a resource runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cloudexit.datafiles import data_dir
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.sovereignty import SovereigntyGrade
from cloudexit.sovereignty.schema import (
    OBJECTIVES,
    Assessment,
    ExposurePath,
    Fact,
    Framework,
    Grade,
    Operator,
    ProviderSovereignty,
    Source,
)


@dataclass(frozen=True)
class Resolved:
    """An assessment with what it inherits filled in."""

    provider: str
    id: str
    kind: str
    name: str
    operator: Operator
    exposures: tuple[ExposurePath, ...]
    objectives: dict[str, Grade]
    sources: dict[str, Source]
    regions: tuple[str, ...]
    products: tuple[str, ...]
    placeable: bool

    def level(self, objective: str) -> int | None:
        return self.objectives[objective].level

    def facts(self, objective: str) -> list[Fact]:
        return list(self.objectives[objective].facts)


@dataclass(frozen=True)
class SovereigntyData:
    framework: Framework
    providers: dict[str, ProviderSovereignty]
    resolved: dict[str, dict[str, Resolved]]
    grades: dict[tuple[str, str, str | None], SovereigntyGrade | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Grades already computed per (provider, region, product): every option of a site shares one."""

    def assessments(self, provider: str) -> list[Resolved]:
        return list(self.resolved.get(provider, {}).values())

    def for_site(self, provider: str, region: str, product: str | None = None) -> Resolved | None:
        """The most specific placeable assessment: an offer for the product there, a site, the provider."""
        found = self.resolved.get(provider)
        if not found:
            return None
        best: Resolved | None = None
        rank = -1
        for a in found.values():
            if not a.placeable or (a.regions and region not in a.regions):
                continue
            if a.products and (product is None or product not in a.products):
                continue
            score = {"provider": 0, "site": 1, "offer": 2}[a.kind]
            if score > rank:
                best, rank = a, score
        return best


def _resolve(file: ProviderSovereignty) -> dict[str, Resolved]:
    by_id = {a.id: a for a in file.assessments}
    done: dict[str, Resolved] = {}

    def resolve(a: Assessment) -> Resolved:
        if a.id in done:
            return done[a.id]
        parent = resolve(by_id[a.inherits]) if a.inherits else None
        objectives: dict[str, Grade] = dict(parent.objectives) if parent else {}
        objectives.update({str(k): v for k, v in a.objectives.items()})
        result = Resolved(
            provider=file.provider,
            id=a.id,
            kind=a.kind,
            name=a.name,
            operator=a.operator or (parent.operator if parent else None),  # type: ignore[arg-type]
            exposures=tuple(
                a.exposures if a.exposures is not None else (parent.exposures if parent else ())
            ),
            objectives={o: objectives[o] for o in OBJECTIVES},
            sources=dict(file.sources),
            regions=tuple(a.scope.regions),
            products=tuple(a.scope.products),
            placeable=a.placeable,
        )
        done[a.id] = result
        return result

    for a in file.assessments:
        resolve(a)
    return done


@lru_cache(maxsize=4)
def load_sovereignty(folder: Path | None = None) -> SovereigntyData:
    folder = folder or data_dir("providers") / "sovereignty"
    framework_path = folder / "framework.yaml"
    framework = validate(Framework, read_yaml(framework_path), framework_path)
    providers: dict[str, ProviderSovereignty] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "framework.yaml":
            continue
        file = validate(ProviderSovereignty, read_yaml(path), path)
        providers[file.provider] = file
    return SovereigntyData(framework, providers, {p: _resolve(f) for p, f in providers.items()})
