"""OpenSearch Service (and legacy Elasticsearch) domains."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import Item, ResourceType, Scope, tag_dict
from cloudexit.connectors.aws.ec2 import security_group_arn, subnet_arn
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes

DESCRIBE_BATCH = 5  # the DescribeDomains limit


def _detail(reader: Reader, items: list[Item]) -> list[Item]:
    found = reader.call(
        "opensearch", "DescribeDomains", DomainNames=[i["DomainName"] for i in items]
    )
    out = []
    for domain in found.get("DomainStatusList", []):
        domain = dict(domain)
        domain["_tags"] = tag_dict(
            reader.call("opensearch", "ListTags", ARN=domain["ARN"]).get("TagList")
        )
        out.append(domain)
    return out


def _engine(item: Item) -> tuple[str, str | None]:
    version = str(item.get("EngineVersion") or "")
    engine, _, number = version.partition("_")
    return ("elasticsearch" if engine.lower() == "elasticsearch" else "opensearch"), number or None


def _attributes(item: Item, scope: Scope) -> Attributes:
    cluster = item.get("ClusterConfig") or {}
    ebs = item.get("EBSOptions") or {}
    count = cluster.get("InstanceCount")
    engine, version = _engine(item)
    size = ebs.get("VolumeSize") if ebs.get("EBSEnabled") else None
    storage = size * (count or 1) if size else None
    return Attributes(
        instance_type=cluster.get("InstanceType"),
        node_count=count,
        engine=engine,
        engine_version=version,
        storage_gib=storage,
        storage_class=ebs.get("VolumeType"),
        high_availability=cluster.get("ZoneAwarenessEnabled"),
        details={
            "dedicated_master_count": cluster.get("DedicatedMasterCount")
            if cluster.get("DedicatedMasterEnabled")
            else 0,
            "dedicated_master_type": cluster.get("DedicatedMasterType"),
            "warm_nodes": cluster.get("WarmCount") if cluster.get("WarmEnabled") else 0,
        },
    )


DOMAIN = ResourceType(
    type="AWS::OpenSearchService::Domain",
    service="opensearch",
    operation="ListDomainNames",
    items="DomainNames[]",
    id=lambda i, s: str(i.get("ARN") or s.arn("es", f"domain/{i['DomainName']}")),
    name="DomainName",
    tags="_tags",
    detail=_detail,
    detail_batch=DESCRIBE_BATCH,
    reads=("opensearch:DescribeDomains", "opensearch:ListTags"),
    attributes=_attributes,
    depends_on=lambda i, s: [
        *(subnet_arn(s, x) for x in (i.get("VPCOptions") or {}).get("SubnetIds", [])),
        *(
            security_group_arn(s, x)
            for x in (i.get("VPCOptions") or {}).get("SecurityGroupIds", [])
        ),
    ],
    covers=("AWS::Elasticsearch::Domain",),
)

TYPES = (DOMAIN,)
