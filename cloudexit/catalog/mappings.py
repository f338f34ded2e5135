"""Read mappings/: kinds described in ``kinds*.yaml``, each target provider's mappings in
``targets/<provider>.yaml``, merged into one KindMapping per kind.

Targets live in one file per provider so that work on one target's mappings does not touch
another's; a small catalogue may still write its targets inline in ``kinds.yaml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from cloudexit.catalog.schema import KindEntry, KindMapping, KindsFile, TargetMapping, TargetsFile
from cloudexit.errors import InputError
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.kinds import Kind

M = TypeVar("M", bound=BaseModel)


class Reader(Protocol):
    def __call__(self, model: type[M], path: Path) -> M: ...


def _read(model: type[M], path: Path) -> M:
    return validate(model, read_yaml(path), path)


def read_kind_mappings(
    mappings_dir: Path, load: Reader = _read
) -> tuple[dict[Kind, KindMapping], list[str]]:
    """The merged mappings and every problem found (a file that does not parse, a kind described
    or mapped twice, a target for an undescribed kind, a kind with neither target nor reason).

    ``load`` reads one file into its model (the catalogue loader passes its compiled cache)."""
    problems: list[str] = []
    entries: dict[Kind, KindEntry] = {}
    targets: dict[Kind, dict[str, TargetMapping]] = {}
    for path in sorted(mappings_dir.glob("kinds*.yaml")):
        try:
            kinds_file = load(KindsFile, path)
        except InputError as exc:
            problems.append(str(exc))
            continue
        for entry in kinds_file.kinds:
            if entry.kind in entries:
                problems.append(f"{path}: kind {entry.kind.value} is mapped twice")
                continue
            entries[entry.kind] = entry
            targets[entry.kind] = dict(entry.targets)
    for path in sorted((mappings_dir / "targets").glob("*.yaml")):
        try:
            targets_file = load(TargetsFile, path)
        except InputError as exc:
            problems.append(str(exc))
            continue
        if targets_file.provider != path.stem:
            problems.append(
                f"{path}: provider {targets_file.provider!r} does not match the file name"
            )
            continue
        for kind, target in targets_file.kinds.items():
            if kind not in entries:
                problems.append(f"{path}: kind {kind.value} is not described in kinds.yaml")
            elif targets_file.provider in targets[kind]:
                problems.append(
                    f"{path}: kind {kind.value} on {targets_file.provider} is mapped twice"
                )
            else:
                targets[kind][targets_file.provider] = target
    kinds: dict[Kind, KindMapping] = {}
    for kind, entry in entries.items():
        try:
            kinds[kind] = KindMapping(
                kind=kind,
                description=entry.description,
                targets=dict(sorted(targets[kind].items())),
                not_migratable=entry.not_migratable,
            )
        except ValidationError as exc:
            message = exc.errors()[0].get("msg", "invalid").removeprefix("Value error, ")
            problems.append(f"{mappings_dir}: {message}")
    return kinds, problems
