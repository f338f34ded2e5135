"""Money is Decimal with a currency; floats never carry prices."""

from __future__ import annotations

from collections.abc import Mapping
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


def parts_to_the_cent(parts: dict[str, Decimal]) -> dict[str, Decimal]:
    """Each part to the cent, adding up to their whole rounded once: the cents lost or gained
    by rounding each go to the parts rounding moved most (ties by name), so an exact part (an
    hours x rate figure) keeps its value and no line differs from its total by a cent."""
    rounded = {k: quantize(v) for k, v in parts.items()}
    missing = quantize(sum(parts.values(), Decimal(0))) - sum(rounded.values(), Decimal(0))
    if not missing or not parts:
        return rounded
    sign = 1 if missing > 0 else -1
    order = sorted(parts, key=lambda k: (-(parts[k] - rounded[k]) * sign, k))
    for i in range(int(abs(missing) / CENT)):
        rounded[order[i % len(order)]] += CENT * sign
    return rounded


class Money(BaseModel):
    model_config = ConfigDict(defer_build=True, frozen=True, extra="forbid")

    amount: Amount
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")


def to_eur(amount: Decimal, currency: str, rates: Mapping[str, Decimal]) -> Decimal | None:
    if currency == "EUR":
        return amount
    rate = rates.get(currency)
    return None if rate is None else amount * rate
