"""Check a catalogue folder file by file and report every problem, plus every unverified figure."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cloudexit.catalog.coverage import coverage_warnings
from cloudexit.catalog.evidence import STALE_AFTER, standing
from cloudexit.catalog.loader import Catalog, reference_problems
from cloudexit.catalog.mappings import read_kind_mappings
from cloudexit.catalog.schema import (
    ProductSelector,
    ProviderFile,
    SourceRef,
    SourceTypesFile,
    VersionsFile,
)
from cloudexit.catalog.sizing import select_products
from cloudexit.errors import InputError
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.policy import Policy
from cloudexit.tfcheck.facts import load_facts


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    providers: dict[str, ProviderFile] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


# Terraform provider sources whose resource types a target's mappings may name. OVHcloud has no
# resources of its own for some objects (images, ports, pools) and uses the OpenStack provider there.
TERRAFORM_SOURCES: dict[str, tuple[str, ...]] = {
    "ovhcloud": ("ovh/ovh", "terraform-provider-openstack/openstack"),
    "ionos": ("ionos-cloud/ionoscloud",),
    "scaleway": ("scaleway/scaleway",),
    "opennebula": ("OpenNebula/opennebula",),
}


def check_catalog(
    providers_dir: Path,
    mappings_dir: Path,
    schemas: Path | None = None,
    today: dt.date | None = None,
) -> Report:
    """Problems, unverified figures and warnings on the age and standing of prices (judged on
    ``today``, default the current date); ``schemas`` is a provider-schema reference (default:
    the shipped facts)."""
    report = Report()
    today = today or dt.date.today()
    for path in sorted(providers_dir.glob("*.yaml")):
        try:
            provider = validate(ProviderFile, read_yaml(path), path)
        except InputError as exc:
            report.problems.append(str(exc))
            continue
        if provider.id != path.stem:
            report.problems.append(f"{path}: id {provider.id!r} does not match the file name")
            continue
        report.providers[provider.id] = provider
        report.problems.extend(_provider_problems(path, provider))
        report.unverified.extend(_unverified(provider))
        report.warnings.extend(age_warnings(provider, today))
        report.warnings.extend(undated_source_warnings(provider))
        report.warnings.extend(coverage_warnings(provider))
    if not report.providers and not report.problems:
        report.problems.append(f"{providers_dir}: no provider files (*.yaml)")
    kinds, problems = read_kind_mappings(mappings_dir)
    report.problems.extend(problems)
    source_files: list[tuple[str, SourceTypesFile]] = []
    for path in sorted((mappings_dir / "sources").glob("*.yaml")):
        try:
            source_files.append((path.name, validate(SourceTypesFile, read_yaml(path), path)))
        except InputError as exc:
            report.problems.append(str(exc))
    report.warnings.extend(undated_billing_warnings(source_files))
    catalog = Catalog(providers=report.providers, kinds=kinds)
    report.problems.extend(version_problems(catalog, mappings_dir))
    report.warnings.extend(unverified_version_warnings(mappings_dir))
    report.problems.extend(reference_problems(catalog, mappings_dir))
    report.problems.extend(selector_problems(catalog, mappings_dir))
    report.problems.extend(terraform_problems(catalog, mappings_dir, terraform_types(schemas)))
    return report


def unverified_version_warnings(mappings_dir: Path) -> list[str]:
    """One line per managed service whose offered versions no first-hand source gave."""
    lines: list[str] = []
    for path in sorted((mappings_dir / "versions").glob("*.yaml")):
        try:
            versions = validate(VersionsFile, read_yaml(path), path)
        except InputError:
            continue  # reported by version_problems
        lines.extend(
            f"{versions.provider}: engine versions of {u.kind.value} on {u.terraform} unverified "
            f"(checked {u.checked}): {u.reason}"
            for u in versions.unverified
        )
    return lines


def version_problems(catalog: Catalog, mappings_dir: Path) -> list[str]:
    """Version files that do not parse, or whose entries name a service their kind is not
    mapped to on that provider (the plan would never read them)."""
    problems: list[str] = []
    for path in sorted((mappings_dir / "versions").glob("*.yaml")):
        try:
            versions = validate(VersionsFile, read_yaml(path), path)
        except InputError as exc:
            problems.append(str(exc))
            continue
        if versions.provider != path.stem:
            problems.append(f"{path}: provider {versions.provider!r} does not match the file name")
        services = [(e.kind, e.terraform) for e in versions.engines] + [
            (u.kind, u.terraform) for u in versions.unverified
        ]
        for kind, terraform in services:
            mapping = catalog.kinds.get(kind)
            target = mapping.targets.get(versions.provider) if mapping else None
            if target is None or target.terraform != terraform:
                problems.append(
                    f"{path}: {kind.value} on {versions.provider} is not mapped to {terraform}"
                )
    return problems


def _selectors(selector: ProductSelector | None) -> list[ProductSelector]:
    found = []
    while selector is not None:
        found.append(selector)
        selector = selector.storage
    return found


def selector_problems(catalog: Catalog, mappings_dir: Path) -> list[str]:
    """Every mapping selector that matches no product in any region of its provider."""
    problems: list[str] = []
    for kind, mapping in sorted(catalog.kinds.items()):
        for provider_id, target in sorted(mapping.targets.items()):
            provider = catalog.providers.get(provider_id)
            if provider is None:
                continue
            for selector in _selectors(target.select):
                if not any(
                    select_products(provider, selector, region.code) for region in provider.regions
                ):
                    problems.append(
                        f"{mappings_dir}: kind {kind.value} on {provider_id}: selector "
                        f"{selector.model_dump(exclude_none=True, exclude_defaults=True, exclude={'storage'})} "
                        "matches no product in any region"
                    )
    return problems


def terraform_types(schemas: Path | None = None) -> dict[str, set[str]] | None:
    """Resource types per Terraform provider source; None when no schema file can be read."""
    try:
        facts = load_facts(schemas)
    except InputError:
        return None
    return {
        source: set(entry.get("all_resource_types", []))
        for source, entry in facts["providers"].items()
    }


def terraform_problems(
    catalog: Catalog, mappings_dir: Path, known: dict[str, set[str]] | None
) -> list[str]:
    """Every mapped Terraform type its provider's schema does not register (skipped without a schema)."""
    if known is None:
        return []
    problems: list[str] = []
    for kind, mapping in sorted(catalog.kinds.items()):
        for provider_id, target in sorted(mapping.targets.items()):
            sources = TERRAFORM_SOURCES.get(provider_id)
            if target.terraform is None or sources is None or not any(s in known for s in sources):
                continue
            if not any(target.terraform in known.get(source, set()) for source in sources):
                problems.append(
                    f"{mappings_dir}: kind {kind.value} on {provider_id}: Terraform type {target.terraform!r} "
                    f"is not a resource of {' or '.join(sources)}"
                )
    for provider_id in catalog.targets():
        sources = TERRAFORM_SOURCES.get(provider_id)
        if sources is None or not any(s in known for s in sources):
            continue
        for product in catalog.provider(provider_id).products:
            rtype = product.terraform
            if rtype and not any(rtype in known.get(source, set()) for source in sources):
                problems.append(
                    f"{provider_id}: product {product.id}: Terraform type {rtype!r} "
                    f"is not a resource of {' or '.join(sources)}"
                )
    return problems


def _provider_problems(path: Path, provider: ProviderFile) -> list[str]:
    problems: list[str] = []
    rates = Policy().exchange_rates
    for product in provider.products:
        where = f"{path}: product {product.id}"
        for price in product.prices:
            if price.amount < 0:
                problems.append(f"{where}: negative price {price.amount}")
            if price.currency != "EUR" and price.currency not in rates:
                problems.append(f"{where}: currency {price.currency} has no default exchange rate")
            outside = sorted(set(price.regions) - set(product.regions)) if product.regions else []
            if outside:
                problems.append(f"{where}: priced in {', '.join(outside)} where it is not offered")
    if provider.role == "source" and not any(p.service == "egress" for p in provider.products):
        problems.append(f"{path}: source provider has no internet egress price (service: egress)")
    return problems


def age_warnings(provider: ProviderFile, today: dt.date) -> list[str]:
    """One line per provider with prices over 12 months old on ``today``, of unknown
    publication date, or read second-hand."""
    counts: Counter[str] = Counter()
    oldest: dt.date | None = None
    for product in provider.products:
        for price in product.prices:
            kind = standing(price, today)
            counts[kind] += 1
            published = price.source.published
            if kind == "stale" and isinstance(published, dt.date):
                oldest = min(oldest or published, published)
            if (
                kind == "second_hand"
                and isinstance(published, dt.date)
                and published < today - STALE_AFTER
            ):
                counts["second_hand_stale"] += 1
    parts = []
    if counts["stale"]:
        parts.append(f"{counts['stale']} published more than 12 months ago (oldest {oldest})")
    if counts["undated"]:
        parts.append(f"{counts['undated']} of unknown publication date")
    if counts["second_hand"]:
        old_ones = counts["second_hand_stale"]
        also = f" ({old_ones} of them also over 12 months old)" if old_ones else ""
        parts.append(f"{counts['second_hand']} read second-hand{also}")
    total = sum(n for kind, n in counts.items() if kind != "second_hand_stale")
    return [f"{provider.id}: of {total} prices, {', '.join(parts)}"] if parts else []


def fact_sources(provider: ProviderFile) -> list[tuple[str, SourceRef]]:
    """The company, certification and region sources of a provider file, each with what it backs."""
    found = [("company", provider.company.source)]
    found += [(f"certification {c.name}", c.source) for c in provider.certifications]
    found += [(f"region {r.code}", r.source) for r in provider.regions if r.source is not None]
    return found


def undated_source_warnings(provider: ProviderFile) -> list[str]:
    """One line per provider whose company, certification or region sources include some of
    unknown publication date (the loader refuses one with no date at all)."""
    sources = fact_sources(provider)
    undated = sorted({what for what, source in sources if source.published == "unknown"})
    if not undated:
        return []
    shown = ", ".join(undated[:4]) + (", ..." if len(undated) > 4 else "")
    line = (
        f"{provider.id}: {len(undated)} of {len(sources)} company, certification and region "
        f"sources of unknown publication date ({shown})"
    )
    return [line]


def undated_billing_warnings(files: list[tuple[str, SourceTypesFile]]) -> list[str]:
    """One line for the source types whose billing page (``billed``) is of unknown publication
    date, per mapping file, naming the pages: the loader refuses one with no date at all."""
    lines: list[str] = []
    for name, types_file in files:
        billed = [
            (native, entry.billed.source)
            for native, entry in sorted(types_file.types.items())
            if entry.billed is not None
        ]
        undated = [(native, source) for native, source in billed if source.published == "unknown"]
        if not undated:
            continue
        pages = sorted({source.url for _, source in undated})
        lines.append(
            f"mappings/sources/{name}: {len(undated)} of {len(billed)} billing sources of unknown "
            f"publication date ({', '.join(native for native, _ in undated)}; "
            f"{len(pages)} page{'s' if len(pages) != 1 else ''}: {', '.join(pages)})"
        )
    return lines


def _unverified(provider: ProviderFile) -> list[str]:
    lines: list[str] = []
    for cert in provider.certifications:
        if not cert.verified:
            lines.append(f"{provider.id}: certification {cert.name} ({cert.source.url})")
    for product in provider.products:
        for price in product.prices:
            if not price.verified:
                where = ", ".join(price.regions) or "all regions"
                lines.append(
                    f"{provider.id}/{product.id}: {price.amount} {price.currency}/{price.unit} in {where} "
                    f"({price.source.url})"
                )
    return lines
