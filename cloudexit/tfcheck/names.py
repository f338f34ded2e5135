"""Names a target holds once: two resources written with one of them fail on apply.

An S3-compatible bucket name is unique across its provider's object storage, so across every
site of the folder; a container registry's name is its address in its region, so unique per
site (one module).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from cloudexit.tfcheck.findings import Finding

ACROSS_PROVIDER = frozenset(
    {"scaleway_object_bucket", "ionoscloud_s3_bucket", "ovh_cloud_project_storage"}
)
PER_SITE = frozenset(
    {
        "scaleway_registry_namespace",
        "ionoscloud_container_registry",
        "ovh_cloud_project_containerregistry",
    }
)


def _unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] == '"' else key


def _literal(value: Any) -> str | None:
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        return None if "${" in inner else inner
    return None


class HeldNames:
    """Fed one parsed file at a time (nothing kept but the names): a finding for every resource
    written with a name an earlier one holds."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str, str], str] = {}
        self.findings: list[Finding] = []

    def add(self, file: str, doc: dict[str, Any]) -> None:
        module = str(PurePath(file).parent)
        for entry in doc.get("resource", []):
            for rtype_q, named in entry.items():
                rtype = _unquote(rtype_q)
                if rtype in ACROSS_PROVIDER or rtype in PER_SITE:
                    scope = "" if rtype in ACROSS_PROVIDER else module
                    for name_q, body in named.items():
                        self._one(file, f"{rtype}.{_unquote(name_q)}", rtype, scope, body)

    def _one(self, file: str, where: str, rtype: str, scope: str, body: Any) -> None:
        name = _literal(body.get("name")) if isinstance(body, dict) else None
        if name is None:
            return
        here = f"{file}: {where}"
        first = self.seen.setdefault((rtype, scope, name), here)
        if first != here:
            within = "per site" if scope else "across the provider"
            self.findings.append(
                Finding(
                    file,
                    where,
                    "error",
                    f"name {name!r} is already written by {first}; a {rtype} name is held "
                    f"once {within}, so applying the second fails",
                )
            )
