"""The library API: the same steps the CLI runs, callable from scripts."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.loader import load_catalog as _load_catalog
from cloudexit.catalog.loader import load_catalog_dir as _load_catalog_dir
from cloudexit.emit import OutputFolder
from cloudexit.emit import emit as _emit
from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory
from cloudexit.model.io import load_inventory as _load_inventory
from cloudexit.model.io import load_policy as _load_policy
from cloudexit.model.plan import DrillSummary, Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.worked import Worked

_Scan = TypeVar("_Scan")


def inventory(source: str, *paths: str | Path, **options: Any) -> Inventory:
    """Build an inventory, read-only: ``source`` is a cloud ("aws", "azure", "gcp", "openstack")
    scanned with the options its connector takes, or "import" for export files given as paths.

        cloudexit.inventory("aws", profile="prod", regions=["eu-west-1"])
        cloudexit.inventory("azure", subscriptions=["..."], metrics_days=30)
        cloudexit.inventory("gcp", scope="organizations/123456789")
        cloudexit.inventory("openstack", cloud="ovh-prod", regions=["GRA11"])
        cloudexit.inventory("import", "terraform.tfstate", "assets.jsonl")
    """
    if source == "import":
        from cloudexit.importers import import_files

        return import_files(paths, **options)
    if paths:
        raise InputError(f"inventory {source!r} takes options, not file paths")
    scanners = {
        "aws": _scan_aws,
        "azure": _scan_azure,
        "gcp": _scan_gcp,
        "openstack": _scan_openstack,
    }
    if source not in scanners:
        raise InputError(
            f"unknown inventory source {source!r}; choose from import, {', '.join(sorted(scanners))}"
        )
    return scanners[source](**options)


def _scan_aws(**options: Any) -> Inventory:
    from cloudexit.connectors.aws import scan

    return scan(**options)


def _scan_azure(**options: Any) -> Inventory:
    from cloudexit.connectors.azure import AzureScan, collect

    scan, rest = _split_options("azure", AzureScan, options, {"credential", "catalog", "progress"})
    return collect(scan, **rest)


def _scan_gcp(**options: Any) -> Inventory:
    from cloudexit.connectors.gcp import GcpScan, collect

    scan, rest = _split_options("gcp", GcpScan, options, {"credentials", "catalog", "progress"})
    return collect(scan, **rest)


def _scan_openstack(**options: Any) -> Inventory:
    from cloudexit.connectors.openstack import OpenStackScan, collect

    scan, rest = _split_options("openstack", OpenStackScan, options, {"catalog", "progress"})
    return collect(scan, **rest)


def _split_options(
    source: str, scan_type: type[_Scan], options: dict[str, Any], extra: set[str]
) -> tuple[_Scan, dict[str, Any]]:
    """Options naming a field of the scan description build it; the rest go to the collector."""
    fields = {f.name for f in dataclasses.fields(scan_type)}  # type: ignore[arg-type]
    unknown = sorted(set(options) - fields - extra)
    if unknown:
        raise InputError(
            f"inventory {source!r}: unknown option {', '.join(unknown)}; choose from {', '.join(sorted(fields | extra))}"
        )
    given = {k: tuple(v) if isinstance(v, list) else v for k, v in options.items() if k in fields}
    try:
        scan = scan_type(**given)
    except TypeError as exc:
        raise InputError(f"inventory {source!r}: {exc}") from None
    return scan, {k: v for k, v in options.items() if k in extra}


def load_inventory(*paths: str | Path) -> Inventory:
    """Read and merge inventory.json files; raises InputError naming the file and field."""
    return _load_inventory(*paths)


def load_policy(path: str | Path | None = None) -> Policy:
    """Read policy.yaml; no path gives the default policy."""
    return _load_policy(path)


def load_catalog() -> Catalog:
    """The bundled catalogue."""
    return _load_catalog()


def load_catalog_dir(folder: str | Path) -> Catalog:
    """A catalogue from a folder holding providers/ and mappings/ (a user's own rates)."""
    return _load_catalog_dir(folder)


def plan(
    inventory: Inventory,
    policy: Policy | str | Path | None = None,
    catalog: Catalog | None = None,
    frontier: int = 0,
) -> Plan:
    """Place every resource of the inventory under the policy; ``frontier`` > 0 also computes
    that many points of the cost/sovereignty-risk frontier."""
    if not isinstance(policy, Policy):
        policy = _load_policy(policy)
    from cloudexit.optimise import plan as _plan

    return _plan(inventory, catalog or _load_catalog(), policy, frontier)


def drill(
    plan: Plan,
    drills: str | Path,
    suppliers: Sequence[str | Path] | None = None,
    catalog: Catalog | None = None,
) -> list[DrillSummary]:
    """Run every drill of a drills file before and after the plan, with the supplier register;
    the summaries go into ``plan.drills`` and the runbook's exit strategy."""
    from cloudexit.dependence.drills import load_drills, run_all, summarise
    from cloudexit.dependence.register import load_register
    from cloudexit.model.suppliers import SupplierRegister
    from cloudexit.risk.exposure import load_control_planes

    register = load_register(*(Path(p) for p in suppliers)) if suppliers else SupplierRegister()
    results = run_all(
        load_drills(Path(drills)).drills,
        plan.inventory,
        register,
        load_control_planes(),
        catalog or _load_catalog(),
        plan,
    )
    return [summarise(r) for r in results]


def emit(
    plan: Plan,
    out_dir: str | Path,
    templates: str | Path | None = None,
    catalog: Catalog | None = None,
    output: OutputFolder | None = None,
    worked: Worked | None = None,
) -> list[Path]:
    """Write plan.json, Terraform and the runbook into ``out_dir``, all or nothing; returns the
    files written. ``output``: an OutputFolder opened (and locked) before the solve;
    ``worked``: what planning this plan worked out that the artefacts need again."""
    return _emit(plan, out_dir, templates, catalog, output, worked)
