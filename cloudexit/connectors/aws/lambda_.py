"""Lambda functions (configuration only: code and environment values are never read)."""

from __future__ import annotations

from collections.abc import Iterable

from cloudexit.connectors.aws.declare import Item, ResourceType, Scope
from cloudexit.connectors.aws.ec2 import architecture, security_group_arn, subnet_arn, vpc_arn
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.function_settings import environment_details
from cloudexit.model.inventory import Attributes


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        item["_tags"] = reader.call("lambda", "ListTags", Resource=item["FunctionArn"]).get(
            "Tags", {}
        )
    return items


def _deps(item: Item, scope: Scope) -> Iterable[str]:
    vpc = item.get("VpcConfig") or {}
    if vpc.get("VpcId"):
        yield vpc_arn(scope, vpc["VpcId"])
    yield from (subnet_arn(scope, s) for s in vpc.get("SubnetIds", []))
    yield from (security_group_arn(scope, g) for g in vpc.get("SecurityGroupIds", []))


FUNCTION = ResourceType(
    type="AWS::Lambda::Function",
    service="lambda",
    operation="ListFunctions",
    items="Functions[]",
    id="FunctionArn",
    name="FunctionName",
    tags="_tags",
    detail=_detail,
    reads=("lambda:ListTags",),
    attributes=lambda i, s: Attributes(
        memory_gib=round(i["MemorySize"] / 1024, 3) if i.get("MemorySize") else None,
        architecture=architecture((i.get("Architectures") or ["x86_64"])[0]),
        storage_gib=round(i["CodeSize"] / 1024**3, 6) if i.get("CodeSize") else None,
        details={
            "ephemeral_storage_mib": (i.get("EphemeralStorage") or {}).get("Size"),
            "handler": i.get("Handler"),
            # whether it sets any: neither values nor names are read
            **environment_details({} if (i.get("Environment") or {}).get("Variables") else None),
            "package_type": i.get("PackageType", "Zip"),
            "runtime": i.get("Runtime"),
            "timeout_seconds": i.get("Timeout"),
            "vpc_id": (i.get("VpcConfig") or {}).get("VpcId") or None,
        },
    ),
    depends_on=_deps,
)

TYPES = (FUNCTION,)
