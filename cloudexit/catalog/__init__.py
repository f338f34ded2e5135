"""The catalogue: providers, products, prices and service mappings."""

from cloudexit.catalog.loader import Catalog, load_catalog

__all__ = ["Catalog", "load_catalog"]
