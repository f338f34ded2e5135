"""Route 53 hosted zones, with their records for the DNS emitter."""

from __future__ import annotations

import json

from cloudexit.connectors.aws.declare import Item, ResourceType, tag_dict
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes
from cloudexit.topology import aws as aws_topology


def zone_id(item: Item) -> str:
    return str(item["Id"]).rsplit("/", 1)[-1]


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        records = reader.items(
            "route53",
            "ListResourceRecordSets",
            "ResourceRecordSets[]",
            {"HostedZoneId": item["Id"]},
        )
        item["_records"] = sorted(records, key=lambda r: json.dumps(r, sort_keys=True))
        found = reader.call(
            "route53", "ListTagsForResource", ResourceType="hostedzone", ResourceId=zone_id(item)
        )
        item["_tags"] = tag_dict((found.get("ResourceTagSet") or {}).get("Tags"))
    return items


HOSTED_ZONE = ResourceType(
    type="AWS::Route53::HostedZone",
    service="route53",
    operation="ListHostedZones",
    items="HostedZones[]",
    id=lambda i, s: f"arn:{s.partition}:route53:::hostedzone/{zone_id(i)}",
    name="Name",
    tags="_tags",
    detail=_detail,
    reads=("route53:ListResourceRecordSets", "route53:ListTagsForResource"),
    attributes=lambda i, s: Attributes(
        object_count=len(i.get("_records", []))
        if "_records" in i
        else i.get("ResourceRecordSetCount"),
        details={
            "private": (i.get("Config") or {}).get("PrivateZone", False),
            "zone_id": zone_id(i),
        },
    ),
    topology=lambda i: aws_topology.records(str(i.get("Name") or ""), i.get("_records", [])),
    scope="global",
)

TYPES = (HOSTED_ZONE,)
