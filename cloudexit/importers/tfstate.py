"""Raw ``terraform.tfstate`` files, state format version 4 (Terraform 0.12 and later).

Read one resource instance at a time: a resource's header fields (module, mode, type, name)
come before its ``instances`` in every state Terraform writes, so an instance is mapped as soon
as it is complete. Version 3 and older (Terraform 0.11) store attributes flattened and are
refused with the command that converts them.
"""

from __future__ import annotations

import json
from typing import Any

from cloudexit.errors import InputError
from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import walk
from cloudexit.importers.redact import mask_from_paths, redact
from cloudexit.importers.terraform_resources import TerraformInstance, TerraformMapper

_HEADER = ("module", "mode", "type", "name", "each", "provider")
_WANTED = frozenset(
    {"version", "resources.item.instances.item", *(f"resources.item.{k}" for k in _HEADER)}
)
SUPPORTED_VERSION = 4


def _want(prefix: str) -> bool:
    return prefix in _WANTED


class _Resource:
    def __init__(self) -> None:
        self.header: dict[str, Any] = {}
        self.waiting: list[Any] = []

    @property
    def complete(self) -> bool:
        return all(k in self.header for k in ("mode", "type", "name"))


def read(ctx: ImportContext) -> None:
    mapper = TerraformMapper(ctx)
    version: Any = None
    current = _Resource()
    ordinal = 0
    for prefix, value in ctx.until_fault(walk(ctx.path, _want)):
        if prefix == "version":
            version = value
            _check_version(ctx, version)
            continue
        if prefix == "resources.item.instances.item":
            if current.complete:
                _add(ctx, mapper, current.header, value, ordinal)
            else:
                current.waiting.append(value)
            continue
        key = prefix.rsplit(".", 1)[-1]
        if key in current.header or (key == "module" and "mode" in current.header):
            _flush(ctx, mapper, current, ordinal)
            current = _Resource()
        if not current.header:
            ordinal += 1
        current.header[key] = value
    _flush(ctx, mapper, current, ordinal)
    if version is None:
        raise InputError(f"{ctx.path}: no state version: not a terraform.tfstate file")
    mapper.finish()


def _check_version(ctx: ImportContext, version: Any) -> None:
    if version == SUPPORTED_VERSION:
        return
    if isinstance(version, (int, float)) and version < SUPPORTED_VERSION:
        raise InputError(
            f"{ctx.path}: state format version {int(version)} (Terraform 0.11 or older) is not supported: "
            "upgrade the state with Terraform 0.12 or later, then import the output of "
            "`terraform show -json`"
        )
    raise InputError(
        f"{ctx.path}: state format version {version!r} is not supported (this cloudexit reads 4)"
    )


def _flush(ctx: ImportContext, mapper: TerraformMapper, resource: _Resource, ordinal: int) -> None:
    if resource.waiting:
        if not resource.complete:
            missing = [k for k in ("mode", "type", "name") if k not in resource.header]
            raise InputError(f"{ctx.path}: resources[{ordinal - 1}]: missing {', '.join(missing)}")
        for instance in resource.waiting:
            _add(ctx, mapper, resource.header, instance, ordinal)
        resource.waiting.clear()


def _add(
    ctx: ImportContext, mapper: TerraformMapper, header: dict[str, Any], instance: Any, ordinal: int
) -> None:
    if header.get("mode") != "managed":
        return
    if not isinstance(instance, dict):
        raise InputError(
            f"{ctx.path}: resources[{ordinal - 1}].instances[]: an instance is not an object"
        )
    address = _address(header, instance.get("index_key"))
    attributes = instance.get("attributes")
    if attributes is None and isinstance(instance.get("attributes_flat"), dict):
        raise InputError(
            f"{ctx.path}: {address}: attributes are stored flat (an old provider schema): "
            "refresh the state with a current provider, or import the output of `terraform show -json`"
        )
    if not isinstance(attributes, dict):
        raise InputError(f"{ctx.path}: {address}: attributes missing or not an object")
    if instance.get("deposed"):
        ctx.skip(
            mapper.fallback_id(f"{address} (deposed {instance['deposed']})"),
            str(header["type"]),
            "deposed object awaiting destruction, replaced by the current instance",
            address,
        )
        return
    values = redact(attributes, mask_from_paths(instance.get("sensitive_attributes")))
    depends = instance.get("dependencies") or instance.get("depends_on") or []
    mapper.add(
        TerraformInstance(
            address=address,
            type=str(header["type"]),
            values=values,
            depends_on=[d for d in depends if isinstance(d, str)],
        )
    )


def _address(header: dict[str, Any], index_key: Any) -> str:
    base = f"{header['type']}.{header['name']}"
    module = header.get("module")
    if isinstance(module, str) and module:
        base = f"{module}.{base}"
    if index_key is None:
        return base
    if isinstance(index_key, (int, float)) and not isinstance(index_key, bool):
        return f"{base}[{int(index_key)}]"
    return f"{base}[{json.dumps(str(index_key))}]"
