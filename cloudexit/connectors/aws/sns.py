"""SNS topics."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import Item, ResourceType, tag_dict
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        arn = item["TopicArn"]
        item.update(reader.call("sns", "GetTopicAttributes", TopicArn=arn).get("Attributes", {}))
        item["_tags"] = tag_dict(
            reader.call("sns", "ListTagsForResource", ResourceArn=arn).get("Tags")
        )
    return items


def _int(value: object) -> int | None:
    return int(str(value)) if value is not None else None


TOPIC = ResourceType(
    type="AWS::SNS::Topic",
    service="sns",
    operation="ListTopics",
    items="Topics[]",
    id="TopicArn",
    name=lambda i: str(i["TopicArn"]).rsplit(":", 1)[-1],
    tags="_tags",
    detail=_detail,
    reads=("sns:GetTopicAttributes", "sns:ListTagsForResource"),
    attributes=lambda i, s: Attributes(
        details={
            "fifo": i.get("FifoTopic") == "true",
            "subscriptions_confirmed": _int(i.get("SubscriptionsConfirmed")),
            "subscriptions_pending": _int(i.get("SubscriptionsPending")),
        },
    ),
)

TYPES = (TOPIC,)
