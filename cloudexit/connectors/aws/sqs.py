"""SQS queues."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import Item, ResourceType
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes

PAGE = 1000  # without MaxResults ListQueues stops at 1,000 queues and gives no token


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    import json

    for item in items:
        url = item["_key"]
        attributes = reader.call(
            "sqs", "GetQueueAttributes", QueueUrl=url, AttributeNames=["All"]
        ).get("Attributes", {})
        item.update(attributes)
        item["_tags"] = reader.call("sqs", "ListQueueTags", QueueUrl=url).get("Tags", {})
        redrive = attributes.get("RedrivePolicy")
        item["_dead_letter"] = json.loads(redrive).get("deadLetterTargetArn") if redrive else None
    return items


def _name(item: Item) -> str:
    return str(item["_key"]).rstrip("/").rsplit("/", 1)[-1]


def _int(value: object) -> int | None:
    return int(str(value)) if value is not None else None


QUEUE = ResourceType(
    type="AWS::SQS::Queue",
    service="sqs",
    operation="ListQueues",
    items="QueueUrls[]",
    params={"MaxResults": PAGE},
    id=lambda i, s: str(i.get("QueueArn") or s.arn("sqs", _name(i))),
    name=_name,
    tags="_tags",
    detail=_detail,
    reads=("sqs:GetQueueAttributes", "sqs:ListQueueTags"),
    attributes=lambda i, s: Attributes(
        object_count=_int(i.get("ApproximateNumberOfMessages")),
        details={
            "dead_letter_queue": i.get("_dead_letter"),
            "fifo": i.get("FifoQueue") == "true",
            "retention_seconds": _int(i.get("MessageRetentionPeriod")),
            "url": i["_key"],
            "visibility_timeout_seconds": _int(i.get("VisibilityTimeout")),
        },
    ),
    depends_on=lambda i, s: [i["_dead_letter"]] if i.get("_dead_letter") else [],
)

TYPES = (QUEUE,)
