"""Storage accounts; blob capacity comes from Azure Monitor (see metrics.py)."""

from __future__ import annotations

from cloudexit.connectors.azure.registry import Facts, declare


def storage_account(facts: Facts) -> None:
    facts.set(
        storage_class=facts.sku(), state=(facts.prop("statusOfPrimary") or "").lower() or None
    )
    facts.details.update(
        {
            k: v
            for k, v in (
                ("account_kind", facts.item.get("kind")),
                ("access_tier", facts.prop("accessTier")),
                ("hierarchical_namespace", facts.prop("isHnsEnabled")),
                ("sftp", facts.prop("isSftpEnabled")),
            )
            if v is not None
        }
    )
    for rule in facts.prop("networkAcls.virtualNetworkRules", []):
        facts.depend(rule)


TYPES = [
    declare("microsoft.storage/storageaccounts", "2023-05-01", storage_account, metrics="blob")
]
