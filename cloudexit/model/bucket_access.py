"""Who may read a bucket, and how its objects are encrypted at rest, as the source says.

Readers keep, in a bucket's details, ``acl``: its canned ACL (``private``, ``public-read``,
``public-read-write``, ``authenticated-read``, ``log-delivery-write`` ...), read from the
Terraform ``acl`` argument or worked out from the grants of AWS Config and the S3 API;
``public_access_blocked``: every switch of S3 Block Public Access on, so no ACL opens it; and
``encryption``: the default server-side encryption algorithm (``AES256``, ``aws:kms``).

The targets' Terraform writes every bucket private: a source bucket open to anyone is said, in
the plan and above the bucket, never opened on the target by the plan (narrower, never wider).
Default encryption is written where the target's schema takes a provider-managed default
(OVHcloud ``encryption``, IONOS ``ionoscloud_s3_bucket_server_side_encryption_configuration``,
both AES256) and said where it does not. Scaleway's
``scaleway_object_bucket_server_side_encryption_configuration`` takes AES256 (keys Scaleway
manages) or ``aws:kms`` with a Key Manager key: a source encrypted under keys its owner manages
(``aws:kms``) gets a key of its own there, never less than the source.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cloudexit.model.bucket_names import moved_buckets

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from cloudexit.model.inventory import Resource
    from cloudexit.model.plan import Placement

ACL = "acl"
BLOCKED = "public_access_blocked"
ENCRYPTION = "encryption"

OPEN_ACLS = {
    "public-read": "anyone on the internet may list and read it",
    "public-read-write": "anyone on the internet may list, read and write it",
    "authenticated-read": "any AWS account may list and read it",
}
ENCRYPTION_WRITTEN = frozenset({"ovhcloud", "ionos", "scaleway"})
"""Targets whose bucket Terraform writes a default encryption (AES256, provider-managed keys)."""
OWN_KEY_WRITTEN = frozenset({"scaleway"})
"""Targets whose bucket Terraform writes, for a source encrypted under keys its owner manages, a
key of the bucket's own in the target's key manager (Scaleway Key Manager, ``aws:kms``)."""
_GROUPS = {"allusers": "all", "authenticatedusers": "authenticated"}


def _group(grantee: Any) -> str | None:
    """'all' or 'authenticated' for the two public S3 groups, however the export names them:
    AWS Config's bare name, or the API's group URI."""
    if isinstance(grantee, str):
        return _GROUPS.get(grantee.rsplit("/", 1)[-1].lower())
    if isinstance(grantee, dict):
        for key in ("URI", "Uri", "uri"):
            if isinstance(grantee.get(key), str):
                return _GROUPS.get(grantee[key].rsplit("/", 1)[-1].lower())
    return None


def canned_acl(grants: Any) -> str | None:
    """The canned ACL a grant list amounts to, as far as who outside the owner may read or
    write: None where it is not a list."""
    grants = _parsed(grants)
    if isinstance(grants, dict):
        grants = next(
            (
                grants[k]
                for k in ("grantList", "GrantList", "Grants")
                if isinstance(grants.get(k), list)
            ),
            None,
        )
    if not isinstance(grants, list):
        return None
    rights: dict[str, set[str]] = {"all": set(), "authenticated": set()}
    for grant in grants:
        if not isinstance(grant, dict):
            continue
        who = _group(grant.get("grantee", grant.get("Grantee")))
        permission = str(grant.get("permission", grant.get("Permission")) or "").lower()
        permission = permission.replace("_", "")
        if who is None:
            continue
        if permission in ("read", "fullcontrol"):
            rights[who].add("read")
        if permission in ("write", "fullcontrol"):
            rights[who].add("write")
    if "write" in rights["all"]:
        return "public-read-write"
    if "read" in rights["all"]:
        return "public-read"
    if rights["authenticated"]:
        return "authenticated-read"
    return "private"


def _parsed(value: Any) -> Any:
    """AWS Config writes some supplementary values as JSON strings."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return None
    return value


def blocked(configuration: Any) -> bool | None:
    """Every switch of an S3 Block Public Access configuration on (any key case)."""
    configuration = _parsed(configuration)
    if not isinstance(configuration, dict) or not configuration:
        return None
    flags = {k.lower().replace("_", ""): v for k, v in configuration.items()}
    keys = ("blockpublicacls", "ignorepublicacls", "blockpublicpolicy", "restrictpublicbuckets")
    return all(flags.get(k) is True for k in keys)


def default_encryption(configuration: Any) -> str | None:
    """The algorithm of an S3 ``ServerSideEncryptionConfiguration`` (API, AWS Config or
    Terraform's ``rule.apply_server_side_encryption_by_default``)."""
    configuration = _parsed(configuration)
    if isinstance(configuration, list):
        configuration = configuration[0] if configuration else None
    if not isinstance(configuration, dict):
        return None
    lowered = {k.lower().replace("_", ""): v for k, v in configuration.items()}
    rules = lowered.get("rules", lowered.get("rule"))
    for rule in rules if isinstance(rules, list) else []:
        if not isinstance(rule, dict):
            continue
        inner = {k.lower().replace("_", ""): v for k, v in rule.items()}
        default = inner.get("applyserversideencryptionbydefault")
        if isinstance(default, list):
            default = default[0] if default else None
        if isinstance(default, dict):
            algorithm = {k.lower().replace("_", ""): v for k, v in default.items()}.get(
                "ssealgorithm"
            )
            if isinstance(algorithm, str) and algorithm:
                return algorithm
    return None


def exposure(resource: Resource) -> str | None:
    """The open canned ACL of a bucket the source lets the public reach, else None."""
    details = resource.attributes.details
    acl = details.get(ACL)
    if not isinstance(acl, str) or acl not in OPEN_ACLS or details.get(BLOCKED) is True:
        return None
    return acl


def encryption(resource: Resource) -> str | None:
    value = resource.attributes.details.get(ENCRYPTION)
    return value if isinstance(value, str) and value else None


def public_note(resource: Resource) -> str | None:
    acl = exposure(resource)
    if acl is None:
        return None
    return (
        f"the source bucket's ACL is {acl} ({OPEN_ACLS[acl]}); written private here, never "
        "opened by the plan: grant public access by hand if it is still meant to be public"
    )


def access_warnings(
    placements: Iterable[Placement], resources: Mapping[str, Resource], names: Mapping[str, str]
) -> list[str]:
    """One line per moved bucket open to the public at the source, one per default encryption
    the target's Terraform does not carry."""
    found = []
    for p, r, label in moved_buckets(placements, resources, names):
        note = public_note(r)
        if note is not None:
            found.append(f"bucket {label}: {note}")
        algorithm = encryption(r)
        written = p.choice.terraform is not None and p.choice.provider in ENCRYPTION_WRITTEN
        if algorithm is not None and not written:
            why = "the plan writes no bucket here"
            found.append(
                f"bucket {label} is encrypted at rest at the source ({algorithm}), not carried "
                f"by the plan's Terraform on {p.choice.provider}: {why}; encrypt it by hand "
                "before the copy"
            )
        elif (
            algorithm is not None and algorithm != "AES256" and p.choice.provider in OWN_KEY_WRITTEN
        ):
            found.append(
                f"bucket {label} is encrypted at the source with {algorithm} (keys the owner "
                f"manages); on {p.choice.provider} it is written with aws:kms under a Key Manager "
                "key of its own the Terraform creates: new key material, since a cloud KMS key "
                "does not leave its cloud, and a key charge the target cost does not hold (no "
                "Key Manager price in the catalogue); objects are encrypted as the copy writes them"
            )
        elif algorithm is not None and algorithm != "AES256":
            found.append(
                f"bucket {label} is encrypted at the source with {algorithm} (keys the owner "
                f"manages); on {p.choice.provider} it is written with AES256, keys the provider "
                "manages"
            )
    return found
