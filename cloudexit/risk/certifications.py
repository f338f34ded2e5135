"""Certification names from one canonical list with aliases (mappings/certifications.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.datafiles import data_dir
from cloudexit.model.defaults import empty_list
from cloudexit.model.io import read_yaml, validate


class _Data(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


class CanonicalCertification(_Data):
    name: str
    aliases: list[str] = Field(default_factory=empty_list)
    baseline: bool = False


class CertificationList(_Data):
    certifications: list[CanonicalCertification]


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


@lru_cache(maxsize=4)
def load_certifications(path: Path | None = None) -> CertificationList:
    path = path or data_dir("mappings") / "certifications.yaml"
    return validate(CertificationList, read_yaml(path), path)


@lru_cache(maxsize=4)
def _index(path: Path | None = None) -> dict[str, str]:
    index: dict[str, str] = {}
    for cert in load_certifications(path).certifications:
        for spelling in (cert.name, *cert.aliases):
            index[_key(spelling)] = cert.name
    return index


def canonical(name: str) -> str:
    """The canonical name of a certification; an unknown name stands for itself."""
    return _index().get(_key(name), name.strip())


def baseline() -> frozenset[str]:
    return frozenset(c.name for c in load_certifications().certifications if c.baseline)
