"""ECR repositories, sized by the images they hold."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import Item, ResourceType, gib, tag_dict
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        item["_tags"] = tag_dict(
            reader.call("ecr", "ListTagsForResource", resourceArn=item["repositoryArn"]).get("tags")
        )
        sizes = [
            int(image.get("imageSizeInBytes") or 0)
            for image in reader.items(
                "ecr",
                "DescribeImages",
                "imageDetails[]",
                {"repositoryName": item["repositoryName"], "registryId": item["registryId"]},
            )
        ]
        item["_images"] = len(sizes)
        item["_bytes"] = sum(sizes)
    return items


REPOSITORY = ResourceType(
    type="AWS::ECR::Repository",
    service="ecr",
    operation="DescribeRepositories",
    items="repositories[]",
    id="repositoryArn",
    name="repositoryName",
    tags="_tags",
    detail=_detail,
    reads=("ecr:ListTagsForResource", "ecr:DescribeImages"),
    attributes=lambda i, s: Attributes(
        storage_gib=gib(i.get("_bytes")) if i.get("_images") is not None else None,
        object_count=i.get("_images"),
        details={
            "encryption": (i.get("encryptionConfiguration") or {}).get("encryptionType"),
            "scan_on_push": (i.get("imageScanningConfiguration") or {}).get("scanOnPush"),
            "tag_mutability": i.get("imageTagMutability"),
            "uri": i.get("repositoryUri"),
        },
    ),
)

TYPES = (REPOSITORY,)
