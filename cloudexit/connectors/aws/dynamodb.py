"""DynamoDB tables."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import Item, ResourceType, gib, tag_dict
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    out = []
    for item in items:
        table = reader.call("dynamodb", "DescribeTable", TableName=item["_key"])["Table"]
        table["_tags"] = tag_dict(
            [
                t
                for t in reader.items(
                    "dynamodb", "ListTagsOfResource", "Tags[]", {"ResourceArn": table["TableArn"]}
                )
            ]
        )
        out.append(table)
    return out


def _attributes(item: Item, scope: object) -> Attributes:
    throughput = item.get("ProvisionedThroughput") or {}
    billing = (item.get("BillingModeSummary") or {}).get("BillingMode") or "PROVISIONED"
    return Attributes(
        engine="dynamodb",
        storage_gib=gib(item.get("TableSizeBytes")),
        item_count=item.get("ItemCount"),
        billing_mode=billing,
        read_capacity_units=throughput.get("ReadCapacityUnits")
        if billing == "PROVISIONED"
        else None,
        write_capacity_units=throughput.get("WriteCapacityUnits")
        if billing == "PROVISIONED"
        else None,
        state=item.get("TableStatus"),
        details={
            "global_table_regions": sorted(r["RegionName"] for r in item.get("Replicas", [])),
            "indexes": len(item.get("GlobalSecondaryIndexes", []))
            + len(item.get("LocalSecondaryIndexes", [])),
            "read_capacity": throughput.get("ReadCapacityUnits")
            if billing == "PROVISIONED"
            else None,
            "stream": (item.get("StreamSpecification") or {}).get("StreamViewType"),
            "table_class": (item.get("TableClassSummary") or {}).get("TableClass", "STANDARD"),
            "write_capacity": throughput.get("WriteCapacityUnits")
            if billing == "PROVISIONED"
            else None,
        },
    )


TABLE = ResourceType(
    type="AWS::DynamoDB::Table",
    service="dynamodb",
    operation="ListTables",
    items="TableNames[]",
    id=lambda i, s: str(
        i.get("TableArn") or s.arn("dynamodb", f"table/{i.get('TableName') or i['_key']}")
    ),
    name=lambda i: str(i.get("TableName") or i["_key"]),
    tags="_tags",
    detail=_detail,
    reads=("dynamodb:DescribeTable", "dynamodb:ListTagsOfResource"),
    attributes=_attributes,
)

TYPES = (TABLE,)
