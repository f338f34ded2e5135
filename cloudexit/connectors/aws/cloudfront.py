"""CloudFront distributions."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cloudexit.connectors.aws.declare import Item, ResourceType, Scope, tag_dict
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes

S3_ORIGIN = re.compile(
    r"^(?P<bucket>[a-z0-9][a-z0-9.\-]*?)\.s3(?:[.\-][a-z0-9\-]+)?\.amazonaws\.com$"
)


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        found = reader.call("cloudfront", "ListTagsForResource", Resource=item["ARN"])
        item["_tags"] = tag_dict((found.get("Tags") or {}).get("Items"))
    return items


def _origins(item: Item) -> list[str]:
    return sorted(o["DomainName"] for o in (item.get("Origins") or {}).get("Items", []))


def _deps(item: Item, scope: Scope) -> Iterable[str]:
    for domain in _origins(item):
        match = S3_ORIGIN.match(domain)
        if match:
            yield f"arn:{scope.partition}:s3:::{match['bucket']}"


def _aliases(item: Item) -> list[str]:
    return sorted((item.get("Aliases") or {}).get("Items", []))


DISTRIBUTION = ResourceType(
    type="AWS::CloudFront::Distribution",
    service="cloudfront",
    operation="ListDistributions",
    items="DistributionList.Items[]",
    id="ARN",
    name=lambda i: (_aliases(i) or [str(i.get("DomainName") or i["Id"])])[0],
    tags="_tags",
    detail=_detail,
    reads=("cloudfront:ListTagsForResource",),
    attributes=lambda i, s: Attributes(
        state="enabled" if i.get("Enabled") else "disabled",
        details={
            "aliases": _aliases(i),
            "certificate": (i.get("ViewerCertificate") or {}).get("ACMCertificateArn"),
            "domain_name": i.get("DomainName"),
            "origins": _origins(i),
            "price_class": i.get("PriceClass"),
            "web_acl": i.get("WebACLId") or None,
        },
    ),
    depends_on=_deps,
    scope="global",
)

TYPES = (DISTRIBUTION,)
