"""Check resources, arguments and blocks against the providers' schema facts.

Per resource: the type exists; every argument is known and settable; required arguments
and blocks are present (an argument that the provider reads from the environment may be
left out); blocks are written as blocks and attributes as attributes; item counts respect
the block's limits; a literal value of an enumerated argument is one the provider accepts.
Across resources: no two hold a name their target holds once (``names``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cloudexit.errors import InputError
from cloudexit.tfcheck.findings import Finding
from cloudexit.tfcheck.names import HeldNames

META_ARGUMENTS = {
    "count",
    "for_each",
    "depends_on",
    "provider",
    "lifecycle",
    "provisioner",
    "connection",
}
# Blocks that run commands or programs on the machine applying the plan: generated
# Terraform never needs them, so one found there is an injection, not a choice.
COMMAND_RESOURCES = {"terraform_data", "null_resource"}
COMMAND_DATA_SOURCES = {"external"}
MARKERS = ("__is_block__", "__comments__", "__inline_comments__", "__start_line__", "__end_line__")


def _parse(path: Path) -> dict[str, Any]:
    import hcl2  # imported here: the parser's grammar takes a moment to load

    try:
        return dict(hcl2.loads(path.read_text(encoding="utf-8")))
    except Exception as exc:  # noqa: BLE001 - the parser raises lark errors of many kinds
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: not valid HCL: {first}") from None


def _unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] == '"' else key


def _is_block(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and item.get("__is_block__") for item in value)
    )


def _literal(value: Any) -> str | None:
    if (
        isinstance(value, str)
        and value.startswith('"')
        and value.endswith('"')
        and "${" not in value
    ):
        return value[1:-1]
    return None


class _Checker:
    def __init__(self, facts: dict[str, Any]) -> None:
        self.providers: dict[str, Any] = facts["providers"]
        self.owner: dict[str, str] = {}
        for source, provider in sorted(self.providers.items()):
            for rtype in provider["all_resource_types"]:
                self.owner.setdefault(rtype, source)
        self.locals = {source.split("/")[1]: source for source in self.providers}
        self.findings: list[Finding] = []

    def add(self, file: str, where: str, message: str, severity: str = "error") -> None:
        self.findings.append(Finding(file, where, severity, message))  # type: ignore[arg-type]

    def body(
        self, file: str, where: str, node: dict[str, Any], body: dict[str, Any], meta: bool
    ) -> None:
        attributes = node["attributes"]
        blocks = node["blocks"]
        present = {k for k in body if k not in MARKERS}
        for name in sorted(present):
            value = body[name]
            here = f"{where}.{name}"
            if meta and name in META_ARGUMENTS:
                continue
            if name in blocks:
                if not _is_block(value):
                    self.add(
                        file,
                        here,
                        f"{name!r} is a block: write `{name} {{ ... }}`, not `{name} = ...`",
                    )
                    continue
                self.block(file, here, blocks[name], value)
            elif name in attributes:
                facts = attributes[name]
                if _is_block(value):
                    self.add(
                        file, here, f"{name!r} is an argument: write `{name} = ...`, not a block"
                    )
                    continue
                if facts.get("computed"):
                    self.add(file, here, f"{name!r} is computed by the provider and cannot be set")
                    continue
                if facts.get("deprecated"):
                    self.add(file, here, f"{name!r} is deprecated", "warning")
                literal = _literal(value)
                if literal is not None and facts.get("enums") and literal not in facts["enums"]:
                    allowed = ", ".join(facts["enums"])
                    self.add(
                        file, here, f"{literal!r} is not one of the accepted values: {allowed}"
                    )
                if "nested" in facts:
                    self.nested(file, here, facts["nested"], value)
            else:
                kind = "block" if _is_block(value) else "argument"
                self.add(file, here, f"unknown {kind} {name!r}")
        for name, facts in sorted(attributes.items()):
            if facts.get("required") and name not in present and not facts.get("env"):
                self.add(file, where, f"required argument {name!r} is missing")
        for name, block in sorted(blocks.items()):
            needed = block.get("required") or block.get("min_items")
            # the reference reads an optional block with a minimum count as required; a
            # deprecated block is never needed (OpenNebula's `ar`, replaced by a resource)
            if name not in present and needed and not block.get("deprecated"):
                self.add(file, where, f"required block {name!r} is missing")

    def block(
        self, file: str, where: str, node: dict[str, Any], items: list[dict[str, Any]]
    ) -> None:
        count = len(items)
        if node.get("max_items") and count > node["max_items"]:
            self.add(
                file,
                where,
                f"at most {node['max_items']} {where.rsplit('.', 1)[-1]!r} blocks allowed, found {count}",
            )
        if node.get("min_items") and count < node["min_items"]:
            self.add(file, where, f"at least {node['min_items']} blocks needed, found {count}")
        if node.get("nesting") == "single" and count > 1:
            self.add(file, where, "only one such block allowed")
        if node.get("deprecated"):
            self.add(file, where, "block is deprecated", "warning")
        for index, item in enumerate(items):
            self.body(file, f"{where}[{index}]", node, item, meta=False)

    def nested(self, file: str, where: str, node: dict[str, Any], value: Any) -> None:
        if isinstance(value, dict):
            self.body(file, where, node, value, meta=False)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    self.body(file, f"{where}[{index}]", node, item, meta=False)

    def commands(self, file: str, doc: dict[str, Any]) -> None:
        """Provisioners, terraform_data, null_resource and external data sources, as errors."""
        for entry in doc.get("resource", []):
            for rtype_q, named in entry.items():
                rtype = _unquote(rtype_q)
                for name_q, body in named.items():
                    where = f"{rtype}.{_unquote(name_q)}"
                    if rtype in COMMAND_RESOURCES:
                        self.add(
                            file,
                            where,
                            f"{rtype} runs commands on apply: not allowed in generated Terraform",
                        )
                    for provisioner in (
                        body.get("provisioner", []) if isinstance(body, dict) else []
                    ):
                        for kind in provisioner if isinstance(provisioner, dict) else []:
                            if kind not in MARKERS:
                                self.add(
                                    file,
                                    f"{where}.provisioner",
                                    f"provisioner {_unquote(kind)!r} runs commands "
                                    "on apply: not allowed in generated Terraform",
                                )
        for entry in doc.get("data", []):
            for dtype_q, named in entry.items():
                if _unquote(dtype_q) in COMMAND_DATA_SOURCES:
                    for name_q in named:
                        self.add(
                            file,
                            f"data.{_unquote(dtype_q)}.{_unquote(name_q)}",
                            "the external data source runs a program on plan: not allowed in generated Terraform",
                        )

    def document(self, file: str, doc: dict[str, Any]) -> None:
        self.commands(file, doc)
        for entry in doc.get("resource", []):
            for rtype_q, named in entry.items():
                rtype = _unquote(rtype_q)
                for name_q, body in named.items():
                    where = f"{rtype}.{_unquote(name_q)}"
                    if rtype in COMMAND_RESOURCES:
                        continue
                    source = self.owner.get(rtype)
                    if source is None:
                        self.add(file, where, f"unknown resource type {rtype!r}")
                        continue
                    schema = self.providers[source]["resources"].get(rtype)
                    if schema is None:
                        self.add(
                            file,
                            where,
                            f"{rtype} is not described in the schema facts; arguments unchecked",
                            "warning",
                        )
                        continue
                    if schema.get("deprecated"):
                        self.add(file, where, f"resource type {rtype} is deprecated", "warning")
                    self.body(file, where, schema, body, meta=True)
        for entry in doc.get("provider", []):
            for local_q, body in entry.items():
                local = _unquote(local_q)
                source = self.locals.get(local)
                if source is None:
                    self.add(
                        file,
                        f"provider.{local}",
                        f"no schema facts for provider {local!r}",
                        "warning",
                    )
                    continue
                node = self.providers[source]["provider"]
                extra = {k: v for k, v in body.items() if k != "alias"}
                self.body(file, f"provider.{local}", node, extra, meta=False)


def check_schema(folder: Path, facts: dict[str, Any]) -> list[Finding]:
    """Findings for every ``*.tf`` file under ``folder``, sorted."""
    checker = _Checker(facts)
    names = HeldNames()  # names held once (buckets, registries), read from the same parse
    for path in sorted(folder.rglob("*.tf")):
        file, doc = str(path.relative_to(folder)), _parse(path)
        checker.document(file, doc)
        names.add(file, doc)
    return sorted([*checker.findings, *names.findings])
