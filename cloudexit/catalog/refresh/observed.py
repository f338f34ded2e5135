"""One price as a public price list states it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cloudexit.catalog.schema import Unit


@dataclass(frozen=True, order=True)
class Observed:
    product: str = ""
    region: str = ""
    unit: Unit = "hour"
    amount: Decimal = Decimal(0)
    currency: str = "USD"
    keys: tuple[str, ...] = ()
    """Other names the product may have in the catalogue (plan code, commercial type ...)."""
    variant: str = ""
    """A deployment variant priced apart from the plain product (OVHcloud 3-AZ, Local Zone)."""
    flag: str = ""
    """Why the row cannot be compared as it stands; flagged rows are listed for review only."""
    stated_unit: str = ""
    """The list's own unit where it is none the catalogue prices in (a minute, 3 months ...): the
    written row names it, so a flagged figure never reads as priced in ``unit``."""
    retired: str = ""
    """The price list's own word that the product is retired or past its end of life, if it says so."""
    published: str = ""
    """The date the price list gives the figure (publication or effective date), if it gives one."""
