"""Kinesis data streams."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import Item, ResourceType, tag_dict
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        summary = reader.call("kinesis", "DescribeStreamSummary", StreamARN=item["StreamARN"])
        item.update(summary.get("StreamDescriptionSummary", {}))
        tags = reader.items(
            "kinesis", "ListTagsForStream", "Tags[]", {"StreamARN": item["StreamARN"]}
        )
        item["_tags"] = tag_dict(list(tags))
    return items


STREAM = ResourceType(
    type="AWS::Kinesis::Stream",
    service="kinesis",
    operation="ListStreams",
    items="StreamSummaries[]",
    id="StreamARN",
    name="StreamName",
    tags="_tags",
    detail=_detail,
    reads=("kinesis:DescribeStreamSummary", "kinesis:ListTagsForStream"),
    attributes=lambda i, s: Attributes(
        node_count=i.get("OpenShardCount"),
        state=i.get("StreamStatus"),
        details={
            "consumers": i.get("ConsumerCount"),
            "mode": (i.get("StreamModeDetails") or {}).get("StreamMode"),
            "retention_hours": i.get("RetentionPeriodHours"),
        },
    ),
)

TYPES = (STREAM,)
