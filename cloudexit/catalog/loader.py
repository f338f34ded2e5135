"""Load providers/ and mappings/ into one validated, cross-checked Catalog."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from cloudexit.catalog.compiled import Compiler, LazyFiles, OnFirstUse
from cloudexit.catalog.facts import ProviderFacts, Region
from cloudexit.catalog.files import catalogue_files, mapping_files, provider_paths
from cloudexit.catalog.source_types import SourceType, SourceTypesFile
from cloudexit.datafiles import data_dir
from cloudexit.errors import InputError
from cloudexit.model.kinds import Kind

if TYPE_CHECKING:
    from cloudexit.catalog.lookup import ListPrice
    from cloudexit.catalog.products import (
        PricedEntry,
        Product,
        ProviderFile,
        SizeEntry,
        Specs,
    )
    from cloudexit.catalog.schema import KindMapping, VersionsFile

# The product, mapping and version models are imported where a file of theirs is read: `check`
# reads a provider's facts and the source types only, and builds only their models.


class ProviderFiles(LazyFiles["ProviderFile"]):
    """Provider files read on first use, and beside each its size index and its prices per
    region: a size look-up (an import filling vCPU and memory) reads that small compiled file,
    and a price look-up before the whole file is needed reads one region's prices, not every
    price."""

    def __init__(
        self,
        paths: dict[str, Path],
        read: Callable[[str, Path], ProviderFile],
        sizes: Callable[[str, Path], Mapping[str, list[SizeEntry]]],
        prices: Callable[[str, Path, str], Mapping[str, list[PricedEntry]]],
        facts: Callable[[str, Path], ProviderFacts],
    ) -> None:
        super().__init__(paths, read)
        self._sizes = LazyFiles(paths, sizes)
        self._facts = LazyFiles(paths, facts)
        self._prices = prices
        self._regions: dict[tuple[str, str], Mapping[str, list[PricedEntry]]] = {}

    def size_index(self, provider_id: str) -> Mapping[str, list[SizeEntry]]:
        """Look-up key -> the products it names, with their specs (``SizeIndex.sizes``)."""
        return self._sizes[provider_id]

    def facts(self, provider_id: str) -> ProviderFacts:
        """The provider's company, certifications and regions, without its products."""
        return self._facts[provider_id]

    def read_whole(self, provider_id: str) -> bool:
        return provider_id in self._loaded

    def prices_in(self, provider_id: str, region: str) -> Mapping[str, list[PricedEntry]]:
        """Look-up key -> the products it names, with the prices that apply in ``region``
        (``RegionPrices.products``, made by ``lookup.prices_in``)."""
        key = (provider_id, region)
        if key not in self._regions:
            self._regions[key] = self._prices(provider_id, self._paths[provider_id], region)
        return self._regions[key]


@dataclass(frozen=True)
class Catalog:
    providers: Mapping[str, ProviderFile]
    """id -> provider file; a loaded catalogue reads each file on first use"""
    kinds: Mapping[Kind, KindMapping]
    """kind -> its targets; a loaded catalogue reads the mapping files on first use"""
    source_types: dict[str, SourceType] = field(default_factory=dict)
    versions: Mapping[str, VersionsFile] = field(default_factory=dict)
    """target provider -> the engine versions its managed services offer"""

    def provider(self, provider_id: str) -> ProviderFile:
        try:
            return self.providers[provider_id]
        except KeyError:
            raise InputError(
                f"unknown provider {provider_id!r}; known: {', '.join(sorted(self.providers))}"
            ) from None

    def product(self, provider_id: str, product_id: str) -> Product:
        for product in self.provider(provider_id).products:
            if product.id == product_id:
                return product
        raise KeyError(f"{provider_id}/{product_id}")

    def region(self, provider_id: str, code: str) -> Region:
        for region in self.provider(provider_id).regions:
            if region.code == code:
                return region
        raise KeyError(f"{provider_id}/{code}")

    def targets(self) -> list[str]:
        return sorted(p for p, f in self.providers.items() if f.role == "target")

    def skip_reason(self, native_type: str) -> str | None:
        """Why a native type is not an exit workload (IAM object, account container), if so."""
        entry = self.source_types.get(native_type.lower())
        return entry.skip if entry else None

    def not_migratable_reason(self, native_type: str) -> str | None:
        """Why nothing takes this native type, where the type says more than its kind."""
        entry = self.source_types.get(native_type.lower())
        return entry.not_migratable if entry else None

    def billed_types(self) -> frozenset[str]:
        """Native types (lower case) the source bills for, though their target buys nothing."""
        return frozenset(name for name, entry in self.source_types.items() if entry.billed)

    def kind_for(self, native_type: str) -> Kind:
        """Canonical kind of a native type (case-insensitive); OTHER when unknown."""
        entry = self.source_types.get(native_type.lower())
        return entry.kind if entry else Kind.OTHER

    @cached_property
    def _built_indexes(self) -> dict[str, dict[str, list[Product]]]:
        return {}

    def _index(self, provider_id: str) -> dict[str, list[Product]]:
        from cloudexit.catalog import lookup

        built = self._built_indexes
        if provider_id not in built:
            built[provider_id] = lookup.index_products(self.providers[provider_id])
        return built[provider_id]

    def facts(self, provider_id: str) -> ProviderFacts:
        """Who runs a provider and where (company, certifications, regions), without reading its
        products; ``provider`` gives the whole file. Unknown providers raise as ``provider`` does."""
        if isinstance(self.providers, ProviderFiles) and provider_id in self.providers:
            return self.providers.facts(provider_id)
        from cloudexit.catalog import lookup

        built = self._built_facts
        if provider_id not in built:
            built[provider_id] = lookup.facts_of(self.provider(provider_id))
        return built[provider_id]

    @cached_property
    def _built_facts(self) -> dict[str, ProviderFacts]:
        return {}

    def specs_for(self, provider_id: str, instance_type: str) -> Specs | None:
        """Specs of a native size name (m5.large, Standard_D2s_v3, n2-custom-4-16384); None if unknown."""
        if provider_id not in self.providers:
            return None
        from cloudexit.catalog import lookup

        return lookup.specs_for(provider_id, self._sizes(provider_id), instance_type)

    @cached_property
    def _built_sizes(self) -> dict[str, Mapping[str, list[SizeEntry]]]:
        return {}

    def _sizes(self, provider_id: str) -> Mapping[str, list[SizeEntry]]:
        if isinstance(self.providers, ProviderFiles):
            return self.providers.size_index(provider_id)
        from cloudexit.catalog import lookup

        built = self._built_sizes
        if provider_id not in built:
            built[provider_id] = lookup.size_index(self.providers[provider_id]).sizes
        return built[provider_id]

    def list_price(
        self,
        provider_id: str,
        region: str,
        product_id: str,
        quantity: Decimal = Decimal(1),
        rates: Mapping[str, Decimal] | None = None,
    ) -> ListPrice | None:
        """Today's list price in EUR a month and where it comes from; None when no price is known.

        ``quantity`` counts the product's unit (GiB for storage, 1 for an instance); ``rates`` are
        EUR per unit of currency, the default policy's when not given.
        """
        if provider_id not in self.providers:
            return None
        from cloudexit.catalog import lookup

        if isinstance(self.providers, ProviderFiles) and not self.providers.read_whole(provider_id):
            view = self.providers.prices_in(provider_id, region)
            return lookup.list_price(provider_id, view, region, product_id, quantity, rates)
        index = self._index(provider_id)
        return lookup.list_price(provider_id, index, region, product_id, quantity, rates)


def load_catalog(providers_dir: Path | None = None, mappings_dir: Path | None = None) -> Catalog:
    """Load and cross-check the catalogue. The result is immutable, so loads of unchanged files
    are shared within a process (parsing and validating the bundled data takes seconds)."""
    providers_dir = (providers_dir or data_dir("providers")).resolve()
    mappings_dir = (mappings_dir or data_dir("mappings")).resolve()
    files = catalogue_files(providers_dir, mappings_dir)
    signature = tuple(sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))
    return _load_catalog(providers_dir, mappings_dir, signature)


def load_catalog_dir(folder: str | Path) -> Catalog:
    """A catalogue from a folder holding providers/ and mappings/ (a user's own rates)."""
    folder = Path(folder)
    for sub in ("providers", "mappings"):
        if not (folder / sub).is_dir():
            raise InputError(f"{folder}: catalogue folder has no {sub}/ subfolder")
    return load_catalog(folder / "providers", folder / "mappings")


@lru_cache(maxsize=8)
def _load_catalog(
    providers_dir: Path, mappings_dir: Path, signature: tuple[tuple[str, int, int], ...]
) -> Catalog:
    compiler = Compiler()

    def read_provider(provider_id: str, path: Path) -> ProviderFile:
        from cloudexit.catalog.products import ProviderFile

        provider = compiler.load(ProviderFile, path)
        if provider.id != provider_id:
            raise InputError(f"{path}: id {provider.id!r} does not match the file name")
        return provider

    paths = provider_paths(providers_dir)

    def read_sizes(provider_id: str, path: Path) -> Mapping[str, list[SizeEntry]]:
        # Built from the provider file once per file content, then read from the cache.
        from cloudexit.catalog import lookup
        from cloudexit.catalog.products import SizeEntry, SizeIndex

        return compiler.table(
            SizeIndex, "sizes", SizeEntry, path, lambda: lookup.size_index(providers[provider_id])
        )

    def read_prices(provider_id: str, path: Path, region: str) -> Mapping[str, list[PricedEntry]]:
        from cloudexit.catalog import lookup
        from cloudexit.catalog.products import PricedEntry, RegionPrices

        return compiler.table(
            RegionPrices,
            "products",
            PricedEntry,
            path,
            lambda: lookup.prices_in(providers[provider_id], region),
            variant=f"prices in {region}",
        )

    def read_facts(provider_id: str, path: Path) -> ProviderFacts:
        # `check` reads facts only: the look-up modules are imported when a view is built.
        def build() -> ProviderFacts:
            from cloudexit.catalog import lookup

            return lookup.facts_of(providers[provider_id])

        # Kept even when the file was read whole (the cross-check after a change): the next
        # `check` then reads the facts, not the file.
        facts = compiler.derived(ProviderFacts, path, build, variant="facts")
        if facts.id != provider_id:
            raise InputError(f"{path}: id {facts.id!r} does not match the file name")
        return facts

    def read_versions() -> dict[str, VersionsFile]:
        from cloudexit.catalog.schema import VersionsFile

        versions: dict[str, VersionsFile] = {}
        for path in sorted((mappings_dir / "versions").glob("*.yaml")):
            versions_file = compiler.load(VersionsFile, path)
            if versions_file.provider != path.stem:
                raise InputError(
                    f"{path}: provider {versions_file.provider!r} does not match the file name"
                )
            versions[versions_file.provider] = versions_file
        return versions

    def read_kinds() -> dict[Kind, KindMapping]:
        from cloudexit.catalog.mappings import read_kind_mappings

        kinds, problems = read_kind_mappings(mappings_dir, compiler.load)
        if problems:
            raise InputError(problems[0])
        return kinds

    providers = ProviderFiles(paths, read_provider, read_sizes, read_prices, read_facts)
    source_types: dict[str, SourceType] = {}
    for path in sorted((mappings_dir / "sources").glob("*.yaml")):
        types_file = compiler.load(SourceTypesFile, path)
        for name, entry in types_file.types.items():
            key = name.lower()
            if key in source_types and source_types[key] != entry:
                raise InputError(f"{path}: type {name!r} is mapped differently in another file")
            source_types[key] = entry
    catalog = Catalog(
        providers=providers,
        kinds=OnFirstUse(read_kinds),
        source_types=source_types,
        versions=OnFirstUse(read_versions),
    )
    # The cross-check reads every provider and kind mapping, and the versions are read with
    # it, so an edited file's errors still come from the load; a marker records that these
    # exact files passed, and later loads read the mappings only when a command needs them.
    versions_files = sorted((mappings_dir / "versions").glob("*.yaml"))
    checked = compiler.marker(
        "references", [*paths.values(), *mapping_files(mappings_dir), *versions_files]
    )
    if checked is None or not checked.exists():
        _check_references(catalog, mappings_dir)
        dict(catalog.versions)
        compiler.record(checked)
    return catalog


def _check_references(catalog: Catalog, mappings_dir: Path) -> None:
    for problem in reference_problems(catalog, mappings_dir):
        raise InputError(problem)


def reference_problems(catalog: Catalog, mappings_dir: Path) -> Iterator[str]:
    """Every mapping that names a provider or product the catalogue does not have."""
    for kind, mapping in sorted(catalog.kinds.items()):
        for provider_id, target in sorted(mapping.targets.items()):
            if provider_id not in catalog.providers:
                yield f"{mappings_dir}: kind {kind.value} maps to unknown provider {provider_id!r}"
                continue
            selector = target.select
            while selector is not None:
                known = {p.id for p in catalog.providers[provider_id].products}
                for product_id in (*selector.products, *selector.refused):
                    if product_id not in known:
                        yield f"{mappings_dir}: kind {kind.value} on {provider_id} names unknown product {product_id!r}"
                selector = selector.storage
