"""Which regions to scan in an account: the enabled ones, or those asked for."""

from __future__ import annotations

from collections.abc import Sequence

from cloudexit.connectors.aws.issues import SOURCE, issue
from cloudexit.connectors.aws.session import Clients
from cloudexit.model.inventory import CollectionIssue

ENABLED = frozenset({"opt-in-not-required", "opted-in"})


def regions_for(
    clients: Clients,
    account: str,
    home_region: str,
    requested: Sequence[str] | None,
    issues: list[CollectionIssue],
) -> list[str]:
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        found = clients.get("ec2", home_region).describe_regions(AllRegions=True).get("Regions", [])
    except (ClientError, BotoCoreError) as error:
        if requested:
            issues.append(
                issue(
                    error,
                    f"{account}/{home_region}",
                    "ec2:DescribeRegions (using the regions given)",
                )
            )
            return sorted(set(requested))
        issues.append(
            issue(
                error,
                f"{account}/{home_region}",
                "ec2:DescribeRegions (scanning the home region only)",
            )
        )
        return [home_region]
    status = {r["RegionName"]: r.get("OptInStatus", "opt-in-not-required") for r in found}
    enabled = sorted(name for name, state in status.items() if state in ENABLED)
    if not requested:
        return enabled
    chosen = []
    for region in sorted(set(requested)):
        if region in enabled:
            chosen.append(region)
            continue
        why = (
            "is not enabled in this account"
            if region in status
            else "is not a region this account knows"
        )
        issues.append(
            CollectionIssue(
                code="region_disabled",
                message=f"region {region} {why}: not scanned",
                source=SOURCE,
                scope=f"{account}/{region}",
            )
        )
    return chosen
