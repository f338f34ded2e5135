"""What `catalog show` and `catalog list` print about a provider, kept as plain JSON.

The text is made once from the validated, cross-checked provider file and kept in the cache
folder under a key of every catalogue file and of the code that makes it; a later look-up reads
it back with ``json``, so it imports neither pydantic nor the catalogue models. Without a cache
folder, or when the files changed, the catalogue is loaded (and checked) as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from cloudexit.catalog.cache_folder import cache_dir, write_atomically
from cloudexit.catalog.digests import FileDigests
from cloudexit.catalog.files import catalogue_files
from cloudexit.catalog.names import find_product

if TYPE_CHECKING:
    from cloudexit.catalog.loader import Catalog
    from cloudexit.catalog.schema import Price, Product, ProviderFile

LIST_HEADER = [
    "provider",
    "product",
    "service",
    "family",
    "vcpu",
    "memory_gib",
    "from",
    "priced_regions",
    "unverified",
]
SERVICE_COLUMN = LIST_HEADER.index("service")


class _Id(NamedTuple):
    id: str


@dataclass(frozen=True)
class ProviderAnswers:
    provider: str
    summary: str
    """`catalog show PROVIDER`"""
    products: dict[str, str]
    """product id -> `catalog show PROVIDER PRODUCT`"""
    index: dict[str, list[str]]
    """look-up key -> product ids, as ``lookup.index_products`` keys them"""
    rows: list[list[str]]
    """`catalog list` rows, by service and id"""

    def product(self, name: str) -> str | None:
        """The text for a product id or native size name; None when none matches."""
        index = {key: [_Id(i) for i in ids] for key, ids in self.index.items()}
        found = find_product(index, name)
        return None if found is None else self.products[found.id]


def _price_text(price: Price) -> str:
    return f"{format(price.amount, 'f')} {price.currency}/{price.unit}"


def _cheapest(product: Product) -> str:
    if not product.prices:
        return "price on request"
    price = min(product.prices, key=lambda p: (p.unit, p.currency, p.amount))
    return _price_text(price)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def provider_summary(prov: ProviderFile) -> str:
    c = prov.company
    lines = [
        f"{prov.name} ({prov.id}), role {prov.role}, prices in {prov.currency}",
        f"company: {c.legal_name}, {c.headquarters} ({c.country})"
        + (f", parent {c.parent}" if c.parent else ""),
        f"jurisdiction exposure: {c.exposure}; laws: {', '.join(c.extraterritorial_laws) or 'none'}",
        f"  {c.exposure_reason}",
        f"  source: {c.source.url} (retrieved {c.source.retrieved})",
        f"certifications ({len(prov.certifications)}):",
    ]
    for cert in prov.certifications:
        where = ", ".join(cert.regions) or "all regions"
        flag = "" if cert.verified else " [unverified]"
        only = f", held only by {', '.join(cert.products)}" if cert.products else ""
        lines.append(f"  {cert.name}: {where}{only}{flag} - {cert.source.url}")
    lines.append(f"regions ({len(prov.regions)}):")
    for region in prov.regions:
        lines.append(f"  {region.code}: {region.name}, {region.city} ({region.country})")
    services: dict[str, int] = {}
    for p in prov.products:
        services[p.service] = services.get(p.service, 0) + 1
    prices = [price for p in prov.products for price in p.prices]
    unverified = sum(1 for price in prices if not price.verified)
    lines.append(
        f"products ({len(prov.products)}): "
        + ", ".join(f"{s} {n}" for s, n in sorted(services.items()))
    )
    lines.append(f"prices: {len(prices)} entries, {unverified} unverified")
    return "\n".join(lines)


def product_text(prov: ProviderFile, product: Product) -> str:
    specs = product.specs.model_dump(exclude_none=True, exclude_defaults=True)
    lines = [
        f"{prov.id}/{product.id}: {product.name}",
        f"service {product.service}, family {product.family}"
        + (" (deprecated)" if product.deprecated else ""),
        "specs: "
        + (
            ", ".join(f"{k} {_number(v) if isinstance(v, float) else v}" for k, v in specs.items())
            or "none recorded"
        ),
    ]
    if product.regions:
        lines.append("offered in: " + ", ".join(product.regions))
    if product.price_on_request is not None:
        quote = product.price_on_request
        lines.append(f"price on request: {quote.url} (retrieved {quote.retrieved})")
    lines.append(f"prices ({len(product.prices)}):")
    for price in product.prices:
        where = ", ".join(price.regions) or "all regions"
        free = f", first {price.free_quantity} free" if price.free_quantity else ""
        flag = "" if price.verified else " [unverified]"
        lines.append(f"  {_price_text(price)} in {where}{free}{flag}")
        lines.append(f"    source: {price.source.url} (retrieved {price.source.retrieved})")
        if price.source.note:
            lines.append(f"    note: {price.source.note}")
    for gap in product.unpriced:
        lines.append(f"no price in {', '.join(gap.regions)} (checked {gap.checked}): {gap.reason}")
    return "\n".join(lines)


def list_row(prov: ProviderFile, product: Product) -> list[str]:
    regions = sorted({r for p in product.prices for r in p.regions}) or ["all"]
    unverified = sum(1 for p in product.prices if not p.verified)
    return [
        prov.id,
        product.id,
        product.service,
        product.family,
        _number(product.specs.vcpu),
        _number(product.specs.memory_gib),
        _cheapest(product),
        str(len(regions)) if regions != ["all"] else "all",
        str(unverified) if unverified else "",
    ]


def build_answers(prov: ProviderFile) -> ProviderAnswers:
    from cloudexit.catalog.lookup import index_products

    return ProviderAnswers(
        provider=prov.id,
        summary=provider_summary(prov),
        products={p.id: product_text(prov, p) for p in prov.products},
        index={key: [p.id for p in found] for key, found in index_products(prov).items()},
        rows=[list_row(prov, p) for p in sorted(prov.products, key=lambda p: (p.service, p.id))],
    )


def _code_key() -> bytes:
    # These modules shape the text; pydantic parses the values it is made from.
    here = Path(__file__).parent
    code = hashlib.sha256()
    for name in (
        "answers.py",
        "names.py",
        "lookup.py",
        "schema.py",
        "facts.py",
        "products.py",
        "source_types.py",
    ):
        code.update((here / name).read_bytes())
    spec = find_spec("pydantic")
    if spec is not None and spec.origin is not None:
        code.update(Path(spec.origin).with_name("version.py").read_bytes())
    return code.digest()


def catalogue_key(providers_dir: Path, mappings_dir: Path, folder: Path | None = None) -> str:
    """A digest of every file a catalogue load reads and of the code that writes the answers
    (each file's own digest remembered in ``folder`` while the file is unchanged)."""
    digest = hashlib.sha256(_code_key())
    content = FileDigests(folder)
    for path in sorted(catalogue_files(providers_dir, mappings_dir)):
        digest.update(b"\0" + str(path.relative_to(path.parent.parent)).encode() + b"\0")
        digest.update(content(path))
    return digest.hexdigest()


def _entry(folder: Path, key: str, provider_id: str) -> Path:
    name = hashlib.sha256(f"{key}\0{provider_id}".encode()).hexdigest()
    return folder / f"answers-{name}.json"


def _read(entry: Path, provider_id: str) -> ProviderAnswers | None:
    try:
        found = json.loads(entry.read_bytes())
        answers = ProviderAnswers(**found)
    except (OSError, ValueError, TypeError):
        return None
    return answers if answers.provider == provider_id else None


def answers_for(
    providers_dir: Path,
    mappings_dir: Path,
    provider_ids: list[str] | None,
    load: Callable[[], Catalog],
) -> list[ProviderAnswers]:
    """The answers for these providers (every provider when None), each read from the cache
    when this exact catalogue was answered before, else made from ``load()`` and kept."""
    folder = cache_dir()
    key = catalogue_key(providers_dir, mappings_dir, folder) if folder is not None else ""
    wanted = provider_ids
    if wanted is None:
        wanted = sorted(path.stem for path in providers_dir.glob("*.yaml"))
    found: dict[str, ProviderAnswers] = {}
    if folder is not None:
        for provider_id in wanted:
            answers = _read(_entry(folder, key, provider_id), provider_id)
            if answers is not None:
                found[provider_id] = answers
    missing = [p for p in wanted if p not in found]
    if missing:
        catalog = load()
        if provider_ids is None:
            missing = [p for p in sorted(catalog.providers) if p not in found]
        for provider_id in missing:
            answers = build_answers(catalog.provider(provider_id))
            found[provider_id] = answers
            if folder is not None:
                try:
                    write_atomically(
                        _entry(folder, key, provider_id),
                        json.dumps(asdict(answers), ensure_ascii=False),
                    )
                except OSError:
                    pass  # an unwritable cache only costs speed
    order = sorted(found) if provider_ids is None else provider_ids
    return [found[p] for p in order]
