"""What a cost export says about an inventory: the period, what it matched, what it did not,
and the commitments (Savings Plans, reservations, committed-use discounts) still running."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.model.defaults import empty_list
from cloudexit.model.money import Amount


class _Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")


class UnmatchedSpend(_Strict):
    provider: str
    service: str
    monthly: Amount
    rows: int = Field(ge=0)


class Commitment(_Strict):
    id: str
    name: str | None = None
    provider: str
    type: str | None = Field(None, description="Savings Plan, Reservation, Committed Use ...")
    category: str | None = Field(None, description="Spend or Usage")
    monthly_fee: Amount = Field(description="Effective cost per month, used and unused together")
    unused_monthly: Amount = Field(description="Of which unused")
    ends: dt.date | None = Field(
        None, description="End of the term; None when the export does not say"
    )
    remaining_months: float | None = Field(
        None, ge=0, description="From the end of the export's period"
    )
    stranded: Amount | None = Field(
        None,
        description="Fees still owed after a move at the end of the period: monthly fee x remaining months",
    )
    used_by: dict[str, Amount] = Field(
        default_factory=dict,
        description="Per inventory resource id: the part of the monthly fee its usage took; "
        "what a move of that resource strands",
    )


class Bill(_Strict):
    source: str = Field(description="Files read and their format")
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    period_start: dt.date
    period_end: dt.date
    months: float = Field(gt=0, description="Length of the period in months; costs are per month")
    total_monthly: Amount
    matched_monthly: Amount = Field(description="Spend on resources of the inventory")
    matched_resources: int = Field(0, ge=0)
    commitments_monthly: Amount = Field(description="Commitment fees, used and unused")
    unmatched: list[UnmatchedSpend] = Field(default_factory=empty_list)
    commitments: list[Commitment] = Field(default_factory=empty_list)
    stranded_total: Amount | None = Field(None, description="Sum of known stranded fees")
