"""EFS file systems."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import ResourceType, gib
from cloudexit.model.inventory import Attributes

FILE_SYSTEM = ResourceType(
    type="AWS::EFS::FileSystem",
    service="efs",
    operation="DescribeFileSystems",
    items="FileSystems[]",
    id=lambda i, s: str(
        i.get("FileSystemArn") or s.arn("elasticfilesystem", f"file-system/{i['FileSystemId']}")
    ),
    name=lambda i: str(i.get("Name") or i["FileSystemId"]),
    attributes=lambda i, s: Attributes(
        storage_gib=gib((i.get("SizeInBytes") or {}).get("Value")),
        storage_class=i.get("PerformanceMode"),
        throughput_mibps=i.get("ProvisionedThroughputInMibps"),
        state=i.get("LifeCycleState"),
        details={
            "encrypted": i.get("Encrypted"),
            "mount_targets": i.get("NumberOfMountTargets"),
            "one_zone": i.get("AvailabilityZoneName"),
            "throughput_mode": i.get("ThroughputMode"),
        },
    ),
)

TYPES = (FILE_SYSTEM,)
