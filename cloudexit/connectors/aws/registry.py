"""Every AWS resource type the inventory reads, gathered from the service modules."""

from __future__ import annotations

from collections.abc import Iterable

from cloudexit.connectors.aws import (
    apigateway,
    autoscaling,
    cloudfront,
    dynamodb,
    ec2,
    ecr,
    ecs,
    efs,
    eks,
    elasticache,
    elb,
    kinesis,
    lambda_,
    msk,
    opensearch,
    rds,
    route53,
    s3,
    secretsmanager,
    sns,
    sqs,
    tagging,
)
from cloudexit.connectors.aws.declare import ResourceType
from cloudexit.errors import InputError

DEDICATED: tuple[ResourceType, ...] = (
    *ec2.TYPES,
    *elb.TYPES,
    *autoscaling.TYPES,
    *rds.TYPES,
    *dynamodb.TYPES,
    *s3.TYPES,
    *lambda_.TYPES,
    *eks.TYPES,
    *ecs.TYPES,
    *ecr.TYPES,
    *elasticache.TYPES,
    *sqs.TYPES,
    *sns.TYPES,
    *route53.TYPES,
    *cloudfront.TYPES,
    *efs.TYPES,
    *secretsmanager.TYPES,
    *apigateway.TYPES,
    *opensearch.TYPES,
    *msk.TYPES,
    *kinesis.TYPES,
)

COVERED: frozenset[str] = frozenset(
    {rt.type for rt in DEDICATED} | {c for rt in DEDICATED for c in rt.covers}
)

TAGGING = tagging.make_reader(COVERED)

ALL: tuple[ResourceType, ...] = (*DEDICATED, TAGGING)


def services() -> list[str]:
    return sorted({rt.service for rt in ALL})


def select(names: Iterable[str] | None) -> tuple[ResourceType, ...]:
    """The types to read: all, or those of the named clients (ec2, rds ...) or CloudFormation types."""
    wanted = {n.strip() for n in names or [] if n.strip()}
    if not wanted:
        return ALL
    known = set(services()) | {rt.type for rt in ALL}
    unknown = sorted(wanted - known)
    if unknown:
        raise InputError(
            f"--services: unknown {', '.join(unknown)}; known services: {', '.join(services())}"
        )
    return tuple(rt for rt in ALL if rt.service in wanted or rt.type in wanted)
