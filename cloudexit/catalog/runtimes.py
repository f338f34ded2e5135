"""Which runtime a serverless function gets on its target.

A function keeps its language: on a target whose functions service offers that language it runs on
the offered version closest to and not older than the source's (an upgrade the plan and runbook
name); a language the service does not offer is said so, and the Terraform asks for the runtime as
a variable instead of writing another language. On a target without a functions service the code
runs in a function host on VMs (OpenFaaS, Knative) that installs the source's language and version.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import FunctionRuntimes
from cloudexit.model.inventory import Resource
from cloudexit.model.plan import EngineVersionChoice, Option

# runtime text prefix -> language; longer prefixes first ("nodejs" before "node")
_PREFIXES = (
    ("dotnet-isolated", "dotnet"),
    ("dotnetcore", "dotnet"),
    ("dotnet", "dotnet"),
    ("powershell", "powershell"),
    ("provided", "custom"),
    ("nodejs", "nodejs"),
    ("node", "nodejs"),
    ("python", "python"),
    ("golang", "go"),
    ("go", "go"),
    ("php", "php"),
    ("rust", "rust"),
    ("java", "java"),
    ("ruby", "ruby"),
)
NAMES = {
    "nodejs": "Node.js",
    "python": "Python",
    "go": "Go",
    "php": "PHP",
    "rust": "Rust",
    "java": "Java",
    "dotnet": ".NET",
    "ruby": "Ruby",
    "powershell": "PowerShell",
    "custom": "a custom runtime",
}
_DEPTH = {"python": 2, "go": 2, "rust": 2, "php": 2}
"""Numbers that make a release line: Python 3.11, Go 1.22, PHP 8.3; Node.js 20, Java 17."""
_NUMBER = re.compile(r"\d+(?:\.\d+)*")


def parse(text: str | None) -> tuple[str | None, tuple[int, ...] | None]:
    """The language and version of a runtime as a source names it: 'nodejs12.x' -> ('nodejs',
    (12,)), 'python311' -> ('python', (3, 11)), 'PYTHON|3.11' -> ('python', (3, 11)),
    'java8.al2' -> ('java', (8,)), 'JAVA|1.8' -> ('java', (8,)), 'go121' -> ('go', (1, 21)),
    'go1.x' -> ('go', None), 'provided.al2' -> ('custom', None)."""
    value = (text or "").strip().lower()
    for prefix, language in _PREFIXES:
        if not value.startswith(prefix):
            continue
        if language == "custom":
            return language, None
        tail = value[len(prefix) :].lstrip("|-_ :")
        match = _NUMBER.match(tail)
        if match is None:
            return language, None
        digits = match.group(0)
        if (
            tail[len(digits) :].startswith(".x")
            and "." not in digits
            and _DEPTH.get(language, 1) > 1
        ):
            # Lambda's go1.x runs a binary built by any Go 1 release: it names no release line
            return language, None
        if language == "java" and digits.startswith("1."):
            # Java 8 and older are also written 1.8 (Azure's javaVersion)
            digits = digits[2:]
        if "." not in digits and _DEPTH.get(language) == 2 and len(digits) >= 2:
            # GCP and Scaleway write Python 3.11 as python311, Go 1.22 as go122
            return language, (int(digits[0]), int(digits[1:]))
        return language, tuple(int(part) for part in digits.split("."))
    return None, None


def source_runtime(resource: Resource) -> str | None:
    """The runtime the source names: Lambda's and Azure's in details, Cloud Functions' as engine."""
    value = resource.attributes.details.get("runtime") or resource.attributes.engine
    return str(value) if value else None


def _version_text(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


def _said(language: str | None, version: tuple[int, ...] | None, raw: str | None) -> str:
    name = NAMES.get(language or "", language or "the source runtime")
    shown = f"{name} {_version_text(version)}" if version else name
    return f"{shown} ({raw})" if raw else shown


def service_type(catalog: Catalog, resource: Resource, option: Option) -> str | None:
    """The Terraform resource type of the managed service ``option`` buys: its own, else the
    mapping's."""
    if option.terraform is not None:
        return option.terraform
    mapping = catalog.kinds.get(resource.kind)
    target = mapping.targets.get(option.provider) if mapping else None
    return target.terraform if target else None


def offered(catalog: Catalog, resource: Resource, option: Option) -> list[FunctionRuntimes]:
    """The runtimes of the functions service ``option`` buys, if the catalogue lists them."""
    facts = catalog.versions.get(option.provider)
    terraform = service_type(catalog, resource, option)
    if facts is None or terraform is None:
        return []
    return [r for r in facts.runtimes if r.terraform == terraform]


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _still_ended(
    language: str,
    version: str,
    supported: list[tuple[str, str]],
    ended: Callable[[str, str], bool] | None,
) -> str:
    """What a function kept on its source's release line is told when that line is past its end of
    life: the code runs unchanged on it, and the closest supported runtime offered, if any."""
    if ended is None or not ended(language, version):
        return ""
    name = NAMES.get(language, language)
    told = ", a release line past its end of life when the plan starts, as at the source"
    if not supported:
        return f"{told}: no supported {name} line is offered, so plan a newer one by hand"
    later_version, later = supported[0]
    return (
        f"{told}: {later} ({name} {later_version}) is the closest supported runtime offered, "
        "an upgrade to plan with the move"
    )


def decide(
    catalog: Catalog,
    resource: Resource,
    option: Option,
    ended: Callable[[str, str], bool] | None = None,
) -> EngineVersionChoice | None:
    """The runtime choice for a placed function; None for a retained one. ``ended(language,
    version)`` says whether a release line is past its end of life when the plan starts: an
    upgrade skips offered lines that are, when a newer offered one is not, and a function only a
    Terraform plan holds is not installed on VMs at such a line."""
    if option.retain:
        return None
    raw = source_runtime(resource)
    language, version = parse(raw)
    said = _said(language, version, raw)
    if option.fidelity == "self_managed":
        if language is not None and version is not None and resource.planned and ended:
            line = _version_text(version[: _DEPTH.get(language, 1)])
            if ended(language, line):
                name = NAMES.get(language, language)
                return EngineVersionChoice(
                    engine=language,
                    source_engine=language,
                    source_version=_version_text(version),
                    status="self_managed",
                    note=f"install a supported {name} release line in the function host "
                    f"(OpenFaaS or Knative) on the VMs: only a Terraform plan holds the source "
                    f"({said}), so no code runs on it yet and there is no reason to install "
                    f"{name} {line}, past its end of life when the plan starts",
                )
        if language is None or version is None:
            return EngineVersionChoice(
                engine=NAMES.get(language or "", "the source runtime"),
                source_engine=language,
                source_version=raw,
                status="source_unknown",
                note=f"install the function's runtime in the function host (OpenFaaS or Knative) on "
                f"the VMs: the source did not report its version ({said}), confirm it",
            )
        line = _version_text(version[: _DEPTH.get(language, 1)])
        return EngineVersionChoice(
            engine=language,
            source_engine=language,
            source_version=_version_text(version),
            version=line,
            status="self_managed",
            note=f"install {NAMES.get(language, language)} {line} in the function host (OpenFaaS or "
            f"Knative) on the VMs: the language and release line of the source "
            f"({said}), so the code runs unchanged",
        )
    services = offered(catalog, resource, option)
    if not services:
        return None
    languages = sorted(NAMES.get(s.language, s.language) for s in services)
    source = services[0].source
    common: dict[str, Any] = {
        "source_engine": language,
        "source_version": _version_text(version) if version else raw,
        "source": source.url,
        "published": str(source.published),
    }
    if language is None:
        return EngineVersionChoice(
            **common,
            engine="unknown",
            offered=sorted(v for s in services for v in s.runtimes.values()),
            status="source_unknown",
            note=f"the source did not report the function's runtime: {option.provider} "
            f"{services[0].terraform} runs {', '.join(languages)}; the Terraform asks for the runtime "
            "as a variable",
        )
    service = next((s for s in services if s.language == language), None)
    if service is None:
        return EngineVersionChoice(
            **common,
            engine=language or "unknown",
            offered=sorted(v for s in services for v in s.runtimes.values()),
            status="language_not_offered",
            major_change=True,
            note=f"{said}: {option.provider} {services[0].terraform} runs {', '.join(languages)} only, "
            "so no runtime is chosen for it: rewrite the function in one of them or run it as a "
            "container; the Terraform asks for the runtime as a variable",
        )
    ordered = sorted(service.runtimes.items(), key=lambda item: _key(item[0]))
    names = [runtime for _, runtime in ordered]
    common["offered"] = names
    target = NAMES.get(service.language, service.language)
    if version is None:
        newest_version, newest = ordered[-1]
        return EngineVersionChoice(
            **common,
            engine=service.language,
            version=newest,
            status="source_unknown",
            note=f"the source did not report its {target} version ({said}); {newest} "
            f"({target} {newest_version}) is the newest offered: confirm the code runs on it",
        )
    depth = _DEPTH.get(service.language, 1)
    wanted = version[:depth]
    newer = [(v, runtime) for v, runtime in ordered if _key(v)[:depth] >= wanted]
    supported = [(v, r) for v, r in newer if ended is None or not ended(service.language, v)]
    if newer:
        same_line = [(v, r) for v, r in newer if _key(v)[:depth] == wanted]
        # only a Terraform plan holds the function: no code runs on its ended line yet, so the
        # closest supported line is written instead of the one offered at the source's
        if resource.planned and same_line and supported and not set(same_line) & set(supported):
            chosen_version, chosen = supported[0]
            return EngineVersionChoice(
                **common,
                engine=service.language,
                version=chosen,
                status="upgrade",
                major_change=_key(chosen_version)[:1] != wanted[:1]
                or (depth == 2 and _key(chosen_version)[:2] != wanted[:2]),
                note=f"{said} is past its end of life when the plan starts, and only a Terraform "
                f"plan holds the function, so no code runs on it yet: {chosen} ({target} "
                f"{chosen_version}) is the closest supported runtime offered, the one to build "
                "and test the code on",
            )
        chosen_version, chosen = (same_line or supported or newer)[0]
        skipped = [r for v, r in newer if _key(v) < _key(chosen_version)]
        past = f" ({', '.join(skipped)} past end of life when the plan starts)" if skipped else ""
        same = _key(chosen_version)[:depth] == wanted
        major = _key(chosen_version)[:1] != wanted[:1] or (
            depth == 2 and _key(chosen_version)[:2] != wanted[:2]
        )
        return EngineVersionChoice(
            **common,
            engine=service.language,
            version=chosen,
            status="same" if same else "upgrade",
            major_change=major and not same,
            note=(
                f"{said} runs as {chosen}"
                + _still_ended(service.language, chosen_version, supported, ended)
                if same
                else f"{said} is not offered: {chosen} ({target} {chosen_version}) is the closest "
                f"newer {'supported ' if ended and supported else ''}runtime offered{past}"
                + (
                    f", itself past its end of life when the plan starts: no supported {target} "
                    "line is offered"
                    if ended and not supported
                    else ""
                )
                + ", an upgrade to test the function's code and dependencies on"
            ),
        )
    newest_version, newest = ordered[-1]
    return EngineVersionChoice(
        **common,
        engine=service.language,
        version=newest,
        status="not_offered",
        major_change=True,
        note=f"{said} is newer than every runtime offered ({', '.join(names)}): the Terraform "
        f"names {newest} ({target} {newest_version}), a downgrade to check before applying",
    )
