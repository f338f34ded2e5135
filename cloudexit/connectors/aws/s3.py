"""S3 buckets: listed once per account, placed in their own region, sized from CloudWatch."""

from __future__ import annotations

from collections import defaultdict

from cloudexit.connectors.aws import metrics
from cloudexit.connectors.aws.declare import Item, ResourceType, gib, tag_dict
from cloudexit.connectors.aws.issues import code_of
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.bucket_access import (
    ACL,
    BLOCKED,
    ENCRYPTION,
    blocked,
    canned_acl,
    default_encryption,
)
from cloudexit.model.inventory import Attributes

LEGACY_LOCATIONS = {"": "us-east-1", "EU": "eu-west-1"}


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    from botocore.exceptions import ClientError

    for item in items:
        name = item["Name"]
        region = item.get("BucketRegion")
        if not region:
            location = (
                reader.call("s3", "GetBucketLocation", Bucket=name).get("LocationConstraint") or ""
            )
            region = LEGACY_LOCATIONS.get(location, location)
        item["_region"] = region
        item["_versioning"] = reader.call(
            "s3", "GetBucketVersioning", region=region, Bucket=name
        ).get("Status", "Disabled")
        try:
            item["_tags"] = tag_dict(
                reader.call("s3", "GetBucketTagging", region=region, Bucket=name)["TagSet"]
            )
        except ClientError as error:
            if code_of(error) != "NoSuchTagSet":
                raise
            item["_tags"] = {}
        item["_grants"] = reader.call("s3", "GetBucketAcl", region=region, Bucket=name).get(
            "Grants"
        )
        item["_block"] = _optional(
            reader, "GetPublicAccessBlock", region, name, "NoSuchPublicAccessBlockConfiguration"
        ).get("PublicAccessBlockConfiguration")
        item["_encryption"] = _optional(
            reader,
            "GetBucketEncryption",
            region,
            name,
            "ServerSideEncryptionConfigurationNotFoundError",
        ).get("ServerSideEncryptionConfiguration")
    return items


def _optional(reader: Reader, operation: str, region: str, bucket: str, absent: str) -> Item:
    """The answer, or an empty one where S3 says the bucket has no such configuration."""
    from botocore.exceptions import ClientError

    try:
        answer: Item = reader.call("s3", operation, region=region, Bucket=bucket)
    except ClientError as error:
        if code_of(error) != absent:
            raise
        return {}
    return answer


def _storage(reader: Reader, items: list[Item]) -> list[Item]:
    """BucketSizeBytes per storage class and NumberOfObjects, daily figures CloudWatch keeps per region."""
    if not reader.metrics_days:
        return items
    by_region: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_region[item["_region"]].append(item)
    for region, buckets in sorted(by_region.items()):
        wanted = {b["Name"] for b in buckets}
        series: list[tuple[str, str]] = []
        for metric in reader.items(
            "cloudwatch",
            "ListMetrics",
            "Metrics[]",
            {"Namespace": "AWS/S3", "MetricName": "BucketSizeBytes"},
            region=region,
        ):
            dims = {d["Name"]: d["Value"] for d in metric.get("Dimensions", [])}
            if dims.get("BucketName") in wanted and dims.get("StorageType"):
                series.append((dims["BucketName"], dims["StorageType"]))
        queries = [
            metrics.Query(
                f"size/{bucket}/{storage}",
                "AWS/S3",
                "BucketSizeBytes",
                (("BucketName", bucket), ("StorageType", storage)),
            )
            for bucket, storage in sorted(set(series))
        ] + [
            metrics.Query(
                f"count/{bucket}",
                "AWS/S3",
                "NumberOfObjects",
                (("BucketName", bucket), ("StorageType", "AllStorageTypes")),
            )
            for bucket in sorted(wanted)
        ]
        values = metrics.latest(reader, queries, region=region)
        for bucket in buckets:
            sizes = {
                key.rsplit("/", 1)[1]: value
                for key, value in values.items()
                if key.startswith(f"size/{bucket['Name']}/")
            }
            bucket["_bytes_by_class"] = sizes
            count = values.get(f"count/{bucket['Name']}")
            bucket["_objects"] = int(count) if count is not None else None
    return items


def _attributes(item: Item, scope: object) -> Attributes:
    sizes = item.get("_bytes_by_class") or {}
    return Attributes(
        storage_gib=gib(sum(sizes.values())) if sizes else None,
        object_count=item.get("_objects"),
        details={
            "bytes_by_storage_class": {k: int(v) for k, v in sorted(sizes.items())},
            "versioning": item.get("_versioning"),
            ACL: canned_acl(item.get("_grants")),
            BLOCKED: blocked(item.get("_block")),
            ENCRYPTION: default_encryption(item.get("_encryption")),
        },
    )


BUCKET = ResourceType(
    type="AWS::S3::Bucket",
    service="s3",
    operation="ListBuckets",
    items="Buckets[]",
    params={"MaxBuckets": 1000},
    id=lambda i, s: f"arn:{s.partition}:s3:::{i['Name']}",
    name="Name",
    tags="_tags",
    region=lambda i: str(i.get("_region") or i.get("BucketRegion") or ""),
    detail=_detail,
    finish=_storage,
    reads=(
        "s3:GetBucketLocation",
        "s3:GetBucketVersioning",
        "s3:GetBucketTagging",
        "s3:GetBucketAcl",
        "s3:GetPublicAccessBlock",
        "s3:GetBucketEncryption",
        "cloudwatch:ListMetrics",
        "cloudwatch:GetMetricData",
    ),
    attributes=_attributes,
    scope="global",
)

TYPES = (BUCKET,)
