"""Money is Decimal with a currency; floats never carry prices."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

HOURS_PER_MONTH = Decimal(730)
"""The billing month every public cloud price list uses (8,760 hours / 12)."""

Amount = Annotated[
    Decimal,
    PlainSerializer(
        lambda d: format(d.normalize(), "f") if d == d.to_integral() else str(d),
        return_type=str,
        when_used="json",
    ),
]
"""A decimal amount, written to JSON as an exact string."""

CENT = Decimal("0.01")

DEFAULT_EXCHANGE_RATES = {"USD": Decimal("0.86")}
"""Units of EUR per unit of each currency when a policy names none (copy before changing)."""


def quantize(value: Decimal, places: Decimal = CENT) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_EVEN)


class Money(BaseModel):
    model_config = ConfigDict(defer_build=True, frozen=True, extra="forbid")

    amount: Amount
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
