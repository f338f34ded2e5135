"""A bucket's name on the target, and the versioning it carries.

A bucket's name is its address: every client, policy and copy job names it, so it is kept as the
source has it wherever the target accepts it. Scaleway, OVHcloud and IONOS object storage are
S3-compatible and take the S3 rule for general-purpose buckets: 3 to 63 characters, lower-case
letters, digits, dots and hyphens, beginning and ending with a letter or digit, no two dots in a
row, not an IP address, no ``xn--`` prefix. A leading digit is allowed (AWS account-numbered
names such as ``123456789123-logs`` are common). Only a name outside that rule (a GCS name with
an underscore or over 63 characters, an upper-case name) is changed, and the change is said.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from typing import TYPE_CHECKING

from cloudexit.model.kinds import Kind

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from cloudexit.model.inventory import Resource
    from cloudexit.model.plan import Placement

BUCKET_RULE = (
    "an S3-compatible bucket name has 3 to 63 characters, only lower-case letters, digits, "
    "dots and hyphens, and begins and ends with a letter or digit"
)
VERSIONING_WRITTEN = frozenset({"ionos", "ovhcloud", "scaleway"})
"""Targets whose bucket Terraform writes versioning (scaleway_object_bucket ``versioning``,
ovh_cloud_project_storage ``versioning``, ionoscloud_s3_bucket_versioning)."""

_VALID = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")


def valid_bucket_name(name: str) -> bool:
    if not _VALID.fullmatch(name) or ".." in name or name.startswith("xn--"):
        return False
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return True
    return False


def bucket_name(name: str) -> str:
    """The source's name where it is a valid bucket name, else the nearest one: lower case,
    other characters as hyphens, cut to 63 with a short hash of the whole name so that two
    names sharing a long prefix stay apart, the same on every run."""
    if valid_bucket_name(name):
        return name
    value = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "bucket"
    if value.startswith("xn--"):
        value = f"b-{value}"
    if len(value) < 3:
        value = f"{value}-bucket"
    if len(value) > 63:
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
        value = f"{value[: 63 - len(digest) - 1].rstrip('-')}-{digest}"
    return value


def versioned(resource: Resource) -> bool:
    """The inventory records the bucket's versioning as on (true, or AWS's status Enabled)."""
    value = resource.attributes.details.get("versioning")
    if isinstance(value, str):
        return value.lower() == "enabled"
    return value is True


def moved_buckets(
    placements: Iterable[Placement], resources: Mapping[str, Resource], names: Mapping[str, str]
) -> Iterator[tuple[Placement, Resource, str]]:
    """Each bucket the plan moves, with its placement and the name the plan's warnings give it."""
    for p in placements:
        r = resources.get(p.resource_id)
        if r is not None and r.kind is Kind.OBJECT_BUCKET and not p.choice.retain:
            yield p, r, names.get(r.id, r.name)


def bucket_warnings(
    placements: Iterable[Placement], resources: Mapping[str, Resource], names: Mapping[str, str]
) -> list[str]:
    """One line per moved bucket renamed on its target, one per versioning not carried."""
    found = []
    for p, r, label in moved_buckets(placements, resources, names):
        written = p.choice.terraform is not None
        new = bucket_name(r.name)
        if written and new != r.name:
            found.append(
                f"bucket {label} is created as {new} on {p.choice.provider}: {BUCKET_RULE}; "
                "every client, policy, DNS record and copy job that names the bucket must be "
                "changed to the new name"
            )
        if versioned(r) and not (written and p.choice.provider in VERSIONING_WRITTEN):
            found.append(
                f"bucket {label} has versioning on at the source, not carried by the plan's "
                f"Terraform on {p.choice.provider}: turn it on by hand before the copy, or the "
                "target keeps no earlier version of an object overwritten or deleted"
            )
    return found
