"""System disks a target server needs beside its product (``mappings/boot-volumes.yaml``): an
IONOS Dedicated Core or vCPU server is written with a 20 GB SSD Standard boot volume its core and
RAM prices leave out."""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.catalog.schema import Product, ProductSelector
from cloudexit.datafiles import data_dir
from cloudexit.model.boot_disks import boot_gib, root_gib
from cloudexit.model.defaults import empty_list
from cloudexit.model.inventory import Resource
from cloudexit.model.io import read_yaml, validate


class BootVolume(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    provider: str
    terraform: str = Field(description="The server type the Terraform writes the disk on")
    gib: int = Field(
        gt=0, description="Size of the disk on each node (with follows_source: when none is known)"
    )
    follows_source: bool = Field(
        False,
        description="Each node gets the source node's disk size (a Kubernetes pool's node disk)",
    )
    min_gib: int | None = Field(
        None,
        gt=0,
        description="The smallest disk the target creates (sourced in ``why``): a smaller source "
        "boot disk is written and priced at this size, and the plan says so",
    )
    select: ProductSelector = Field(description="The block-storage product it is written as")
    written_as: str = Field(description="The disk type the Terraform names")
    why: str = Field(min_length=8)

    def size_for(self, storage_gib: float | None) -> int:
        """GB of the disk written on each node."""
        return math.ceil(storage_gib) if self.follows_source and storage_gib else self.gib

    def root_of(self, resource: Resource) -> int:
        """GB of the disk written on each node of this resource: a machine's own boot disk where
        the source states it (``model.boot_disks``), else ``size_for``; never under the
        target's minimum."""
        if self.follows_source:
            return self.size_for(resource.attributes.storage_gib)
        return max(root_gib(resource, self.gib), self.min_gib or 0)

    def raised(self, resource: Resource) -> float | None:
        """The source boot disk's GB where the target's minimum raises it, else None."""
        found = boot_gib(resource)
        if self.follows_source or not found or not self.min_gib:
            return None
        return found if math.ceil(found) < self.min_gib else None


class BootVolumes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    boot_volumes: list[BootVolume] = Field(default_factory=empty_list)

    def for_server(self, provider: str, terraform: str | None) -> BootVolume | None:
        return next(
            (b for b in self.boot_volumes if (b.provider, b.terraform) == (provider, terraform)),
            None,
        )


@lru_cache(maxsize=4)
def load_boot_volumes(path: Path | None = None) -> BootVolumes:
    path = path or data_dir("mappings") / "boot-volumes.yaml"
    return validate(BootVolumes, read_yaml(path), path)


def flavour_disk_gib(provider: str, terraform: str | None, product: Product | None) -> float | None:
    """GB of the flavour's own disk a server of ``product`` boots from, where it is written with
    no root volume of its own (none in ``mappings/boot-volumes.yaml``); else None."""
    if product is None or load_boot_volumes().for_server(provider, terraform) is not None:
        return None
    return product.specs.local_storage_gib
