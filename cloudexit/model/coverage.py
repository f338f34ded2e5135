"""What an inventory left out: resources skipped with a reason, and parts of the source it
could not read. A plan is only as complete as its inventory, so both reach the plan's readers."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from cloudexit.model.inventory import CollectionIssue, Inventory
from cloudexit.wording import counted

# Importers write "<type> skipped: <reason>", scans "<n> × <type> skipped: <reason>".
_SKIPPED = re.compile(r"^(?:(\d+) × )?(\S+) skipped: (.+)$", re.DOTALL)
# Codes that mean part of the source was not read, so resources may be missing.
UNREAD = (
    "access_denied",
    "throttled",
    "region_disabled",
    "service_error",
    "invalid_data",
    "unreadable",
)


class SkippedGroup(NamedTuple):
    reason: str
    types: tuple[str, ...]
    resources: int


def skipped_groups(issues: Iterable[CollectionIssue]) -> list[SkippedGroup]:
    """Skipped resources by reason, with the types skipped for it; largest group first."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for issue in issues:
        if issue.code != "skipped":
            continue
        found = _SKIPPED.match(issue.message)
        if found:
            number, native_type, reason = found.groups()
            counts[reason][native_type] += int(number or 1)
        else:
            counts[issue.message]["-"] += 1
    groups = [SkippedGroup(r, tuple(sorted(c)), sum(c.values())) for r, c in counts.items()]
    return sorted(groups, key=lambda g: (-g.resources, g.reason))


def unread(issues: Iterable[CollectionIssue]) -> list[CollectionIssue]:
    """Issues saying part of the source could not be read, in the inventory's order."""
    return [i for i in issues if i.code in UNREAD]


def incomplete_warning(inventory: Inventory) -> str | None:
    """A plan warning when the inventory could not read part of the source."""
    gaps = unread(inventory.issues)
    if not gaps:
        return None
    codes = Counter(i.code for i in gaps)
    listed = ", ".join(f"{code} {codes[code]}" for code in sorted(codes))
    return (
        f"the inventory is incomplete: {counted(len(gaps), 'part')} of the source could not be read "
        f"({listed}); what they hold is not in this plan (the runbook lists them under "
        "'Left out of the inventory')"
    )
