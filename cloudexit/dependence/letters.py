"""Requests to suppliers: for each supplier hosted under non-EU (or unknown) jurisdiction that a
critical function relies on, a short Markdown letter asking where it runs and how to leave."""

from __future__ import annotations

from dataclasses import dataclass

from cloudexit.catalog.loader import Catalog
from cloudexit.dependence.jurisdiction import hosting_jurisdiction
from cloudexit.emit.escape import md_text as md_inline
from cloudexit.model.suppliers import Supplier, SupplierRegister


@dataclass(frozen=True)
class Letter:
    supplier: Supplier
    functions: tuple[str, ...]
    reason: str
    text: str

    @property
    def filename(self) -> str:
        return f"{self.supplier.id}.md"


def _reason(supplier: Supplier, catalog: Catalog) -> str | None:
    if not supplier.hosting:
        return "where the service runs is not known"
    non_eu = sorted(
        {h.provider for h in supplier.hosting if hosting_jurisdiction(h, catalog) == "non-EU"}
    )
    if non_eu:
        return f"the service runs on {', '.join(non_eu)}, under non-EU jurisdiction"
    unknown = sorted(
        {h.provider for h in supplier.hosting if hosting_jurisdiction(h, catalog) == "unknown"}
    )
    if unknown:
        return f"the jurisdiction of {', '.join(unknown)} is not known"
    return None


def letters(register: SupplierRegister, catalog: Catalog, organisation: str) -> list[Letter]:
    critical = {f.id: f for f in register.functions if f.criticality == "critical"}
    found: list[Letter] = []
    for supplier in register.suppliers:
        served = tuple(sorted(critical[f].name for f in supplier.functions if f in critical))
        reason = _reason(supplier, catalog)
        if not served or reason is None:
            continue
        found.append(
            Letter(supplier, served, reason, _text(supplier, served, reason, organisation))
        )
    return found


def _text(supplier: Supplier, functions: tuple[str, ...], reason: str, organisation: str) -> str:
    name = md_inline(supplier.name)
    lines = [
        f"# Request to {name}: hosting, subprocessors, offline and exit options",
        "",
        f"To {name}{' (' + md_inline(supplier.contact) + ')' if supplier.contact else ''},",
        "",
        (
            f"{md_inline(organisation)} relies on {md_inline(supplier.service or 'your service')} for these critical "
            f"business functions: {', '.join(md_inline(f) for f in functions)}. Our records say that {md_inline(reason)}. "
            "To meet our limits on dependence on non-European clouds and to plan for outages, please answer:"
        ),
        "",
        (
            "1. **Hosting**: on which cloud providers and in which regions (countries) does the service, and do "
            "our data and its backups, run? Which legal entity operates each?"
        ),
        (
            "2. **Subprocessors**: your current subprocessor list, with each one's country and role, and how you "
            "notify changes."
        ),
        (
            "3. **Jurisdiction**: can any non-EU authority compel you or a subprocessor to disclose our data (for "
            "example under the US CLOUD Act)? What do you do when it tries?"
        ),
        (
            "4. **Offline operation**: how long do our functions keep working when your service or its cloud region "
            "is unreachable? Is there a local buffer, cache or manual fallback?"
        ),
        (
            "5. **Outage record**: how were we affected by the last major outages of your cloud provider, and what "
            "changed since?"
        ),
        (
            "6. **European option**: can you run our service on an EU-controlled provider or in an EU sovereign "
            "offer, and at what cost and date?"
        ),
        (
            "7. **Exit**: in which format and how fast can we get all our data back, what does it cost, and how "
            "long is the notice period?"
        ),
        "",
    ]
    if supplier.exit_terms.notice_days is not None or supplier.exit_terms.data_export:
        lines += ["What our contract says today:", ""]
        if supplier.exit_terms.notice_days is not None:
            lines.append(f"- notice period: {supplier.exit_terms.notice_days} days")
        if supplier.exit_terms.data_export:
            lines.append(f"- data export: {md_inline(supplier.exit_terms.data_export)}")
        lines.append("")
    lines += [
        "We would be grateful for an answer within 30 days.",
        "",
        f"{md_inline(organisation)}",
        "",
    ]
    return "\n".join(lines)
