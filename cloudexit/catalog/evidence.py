"""How much a price can be trusted: who published it and how old it was when read."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from cloudexit.catalog.schema import Price

STALE_AFTER = dt.timedelta(days=365)

Standing = Literal["first_hand", "user_set", "second_hand", "undated", "stale"]


def standing(price: Price, on: dt.date | None = None) -> Standing:
    """``second_hand`` for someone else's reading, ``undated`` when the publication date is not
    known, ``stale`` when published more than 12 months before ``on`` (default: the day the price
    was read, so the same catalogue always gives the same answer)."""
    source = price.source
    if source.evidence == "user_set":
        return "user_set"
    if source.evidence == "second_hand":
        return "second_hand"
    if not isinstance(source.published, dt.date):
        return "undated"
    if source.published < (on or source.retrieved) - STALE_AFTER:
        return "stale"
    return "first_hand"


def is_weak(price: Price) -> bool:
    """True when a plan should say the figure rests on a second-hand, undated or stale source."""
    return standing(price) in ("second_hand", "undated", "stale")
