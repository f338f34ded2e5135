"""``terraform show -json`` output of a plan or of a state.

A state lists what exists. A plan lists in ``resource_changes`` every managed instance with
its actions: instances that exist (no-op, update, delete, replace) are imported from their
``before`` values; instances the plan would create are planned and imported only when asked
(``planned=True``), otherwise reported as skipped. Every module level, ``count`` and
``for_each`` instance is walked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cloudexit.errors import InputError
from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import walk, wrapper_key
from cloudexit.importers.redact import redact
from cloudexit.importers.terraform_chains import unknown_links
from cloudexit.importers.terraform_refs import ConfigGraph
from cloudexit.importers.terraform_resources import TerraformInstance, TerraformMapper

_STATE_RESOURCE = re.compile(
    r"^(values|prior_state\.values)\.root_module(\.child_modules\.item)*\.resources\.item$"
)
_CONFIG_MODULE = r"configuration\.root_module((?:\.module_calls\.[^.]+\.module)*)"
_CONFIG_RESOURCE = re.compile(rf"^{_CONFIG_MODULE}\.resources\.item$")
_CONFIG_OUTPUTS = re.compile(rf"^{_CONFIG_MODULE}\.outputs$")
_CONFIG_CALL = re.compile(rf"^{_CONFIG_MODULE}\.module_calls\.([^.]+)\.expressions$")
_SCALARS = frozenset({"format_version", "terraform_version"})
_WHOLE = frozenset({"resource_changes.item", "configuration.provider_config", "variables"})


def _want(prefix: str) -> bool:
    if prefix in _SCALARS or prefix in _WHOLE:
        return True
    if not prefix.startswith(("values", "prior_state", "configuration")):
        return False
    return bool(
        _STATE_RESOURCE.match(prefix)
        or _CONFIG_RESOURCE.match(prefix)
        or _CONFIG_OUTPUTS.match(prefix)
        or _CONFIG_CALL.match(prefix)
    )


def _module_path(calls: str) -> str:
    """``.module_calls.a.module.module_calls.b.module`` -> ``module.a.module.b``."""
    names = re.findall(r"\.module_calls\.([^.]+)\.module", calls)
    return ".".join(f"module.{n}" for n in names)


def _wrapped(path: Path) -> tuple[str, Callable[[str], bool]]:
    """The prefix of a document wrapped in one key (``{"tfplan": {...}}``), and the filter."""
    key = wrapper_key(path, frozenset({"format_version", "terraform_version"}))
    if key is None:
        return "", _want
    root = f"{key}."
    return root, lambda prefix: prefix.startswith(root) and _want(prefix[len(root) :])


def read(ctx: ImportContext) -> None:
    mapper = TerraformMapper(ctx)
    graph = ConfigGraph()
    prior_depends: dict[str, list[str]] = {}
    state_entries: list[TerraformInstance] = []
    variables: dict[str, Any] = {}
    provider_config: dict[str, Any] = {}
    seen_format = False
    is_plan = False
    root, want = _wrapped(ctx.path)
    for prefix, value in ctx.until_fault(walk(ctx.path, want)):
        prefix = prefix[len(root) :]
        if prefix == "format_version":
            seen_format = True
        elif prefix == "terraform_version":
            continue
        elif prefix == "resource_changes.item":
            is_plan = True
            instance = _from_change(value, ctx)
            if instance is not None:
                mapper.add(instance)
        elif prefix == "variables":
            variables = value if isinstance(value, dict) else {}
        elif prefix == "configuration.provider_config":
            provider_config = value if isinstance(value, dict) else {}
        elif prefix.startswith("configuration"):
            _add_config(graph, prefix, value)
        elif isinstance(value, dict) and value.get("mode", "managed") == "managed":
            address = value.get("address")
            if not isinstance(address, str):
                raise InputError(
                    f"{ctx.path}: {prefix.replace('.item', '[]')}: a resource without an address"
                )
            depends = [d for d in value.get("depends_on") or [] if isinstance(d, str)]
            if prefix.startswith("prior_state"):
                prior_depends[address] = depends
            else:
                values = redact(value.get("values") or {}, value.get("sensitive_values"))
                state_entries.append(
                    TerraformInstance(
                        address=address,
                        type=str(value.get("type")),
                        values=values,
                        depends_on=depends,
                    )
                )
    if not seen_format:
        raise InputError(f"{ctx.path}: no format_version: not the output of `terraform show -json`")
    if not is_plan:
        for entry in state_entries:
            mapper.add(entry)
    mapper.provider_regions = _provider_regions(provider_config, variables)
    mapper.references = graph.dependencies()
    mapper.state_depends = prior_depends
    mapper.finish()


def _from_change(change: Any, ctx: ImportContext) -> TerraformInstance | None:
    if not isinstance(change, dict) or change.get("mode", "managed") != "managed":
        return None
    address, tf_type = change.get("address"), change.get("type")
    body = change.get("change")
    if not isinstance(address, str) or not isinstance(tf_type, str) or not isinstance(body, dict):
        raise InputError(
            f"{ctx.path}: resource_changes[]: an entry without address, type or change"
        )
    actions = [a for a in body.get("actions") or [] if isinstance(a, str)]
    if not actions:
        raise InputError(f"{ctx.path}: resource_changes[] {address}: change.actions is missing")
    if actions == ["create"]:
        values = redact(body.get("after") or {}, body.get("after_sensitive"))
        return TerraformInstance(
            address=address,
            type=tf_type,
            values=values,
            planned=True,
            action="create",
            unknown_links=unknown_links(tf_type, body.get("after_unknown")),
        )
    if body.get("before") is None:
        # a read, a forget, or a no-op on an instance the state does not hold: nothing exists
        # to import, but the file named it, so it is reported
        ctx.skip(
            f"terraform:{ctx.path.name}:{address}",
            tf_type,
            f"plan action {'/'.join(actions)} without prior values: nothing exists to import",
            address,
        )
        return None
    values = redact(body.get("before") or {}, body.get("before_sensitive"))
    action = "replace" if "create" in actions and "delete" in actions else actions[0]
    return TerraformInstance(address=address, type=tf_type, values=values, action=action)


def _add_config(graph: ConfigGraph, prefix: str, value: Any) -> None:
    match = _CONFIG_RESOURCE.match(prefix)
    if match:
        if isinstance(value, dict):
            graph.add_resource(_module_path(match.group(1)), value)
        return
    match = _CONFIG_OUTPUTS.match(prefix)
    if match:
        graph.add_outputs(_module_path(match.group(1)), value)
        return
    match = _CONFIG_CALL.match(prefix)
    if match:
        graph.add_module_call(_module_path(match.group(1)), match.group(2), value)


def _provider_regions(provider_config: dict[str, Any], variables: dict[str, Any]) -> dict[str, str]:
    """Region (or location) set on each root, unaliased provider block, directly or by variable."""
    regions: dict[str, str] = {}
    for key, config in sorted(provider_config.items()):
        if not isinstance(config, dict) or ":" in key or config.get("alias"):
            continue
        expressions = config.get("expressions") or {}
        for field in ("region", "location"):
            expression = expressions.get(field) if isinstance(expressions, dict) else None
            if not isinstance(expression, dict):
                continue
            value = expression.get("constant_value")
            if value is None:
                for ref in expression.get("references") or []:
                    if isinstance(ref, str) and ref.startswith("var."):
                        variable = variables.get(ref[4:])
                        if isinstance(variable, dict):
                            value = variable.get("value")
                            break
            if isinstance(value, str) and value:
                regions[str(config.get("name") or key)] = value
                break
    return regions
