"""Cloud Storage buckets, Filestore instances and BigQuery tables."""

from __future__ import annotations

from cloudexit.connectors.gcp.registry import Facts, declare
from cloudexit.jsonvalues import number


def bucket(facts: Facts) -> None:
    facts.set(storage_class=(facts.get("storageClass") or "").lower() or None)
    facts.location = (facts.get("location") or "").lower() or None
    facts.note(
        location_type=facts.get("locationType"),
        versioning=facts.get("versioning.enabled") or None,
        lifecycle_rules=len(facts.get("lifecycle.rule", [])) or None,
        public_access_prevention=facts.get("iamConfiguration.publicAccessPrevention"),
    )


def filestore(facts: Facts) -> None:
    shares = facts.get("fileShares", [])
    facts.set(
        storage_gib=sum(number(s.get("capacityGb")) or 0 for s in shares) or None,
        storage_class=(facts.get("tier") or "").lower() or None,
        state=(facts.get("state") or "").lower() or None,
    )
    facts.note(shares=sorted(str(s.get("name")) for s in shares))
    for net in facts.get("networks", []):
        facts.depend(net.get("network"))


def bigquery_table(facts: Facts) -> None:
    """A table's stored bytes: its dataset, which it is part of, carries the sum."""
    stored = number(facts.get("numBytes"))
    facts.set(storage_gib=round(stored / 2**30, 3) if stored else None)
    facts.note(rows=facts.get("numRows"), table_type=facts.get("type"))


TYPES = [
    declare("storage.googleapis.com/Bucket", bucket),
    declare("file.googleapis.com/Instance", filestore),
    declare("bigquery.googleapis.com/Table", bigquery_table),
]
