"""An estate exported with the AWS CLI and imported equals the live scan of the same estate."""

from __future__ import annotations

import json

import boto3

from cloudexit.connectors.aws import scan
from cloudexit.importers import import_files

REGION = "eu-west-1"


def _export(client, operation: str, path):
    body = getattr(client, operation)()
    body.pop("ResponseMetadata", None)
    path.write_text(json.dumps(body, default=str), encoding="utf-8")
    return path


def test_cli_exports_import_as_the_scan_reads_them(moto, tmp_path):
    ec2 = boto3.client("ec2", region_name=REGION, endpoint_url=moto)
    vpc = ec2.create_vpc(CidrBlock="10.8.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.8.1.0/24", AvailabilityZone=f"{REGION}a")[
        "Subnet"
    ]["SubnetId"]
    group = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc)["GroupId"]
    instance = ec2.run_instances(
        ImageId="ami-12c6146b",
        InstanceType="m5.large",
        MinCount=1,
        MaxCount=1,
        SubnetId=subnet,
        SecurityGroupIds=[group],
        TagSpecifications=[
            {"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web-1"}]}
        ],
    )["Instances"][0]["InstanceId"]
    volume = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=50, VolumeType="gp3")["VolumeId"]
    ec2.attach_volume(VolumeId=volume, InstanceId=instance, Device="/dev/sdf")

    scanned = scan(regions=[REGION], endpoint_url=moto, workers=2, metrics_days=0)
    files = [
        _export(ec2, "describe_instances", tmp_path / "instances.json"),
        _export(ec2, "describe_volumes", tmp_path / "volumes.json"),
        _export(ec2, "describe_security_groups", tmp_path / "groups.json"),
        _export(ec2, "describe_subnets", tmp_path / "subnets.json"),
    ]
    imported = import_files(files)

    live = {r.id: r for r in scanned.resources if r.type == "AWS::EC2::Instance"}
    (instance_id,) = [rid for rid in live if rid.endswith(instance)]
    mine = imported.by_id()[instance_id]
    theirs = live[instance_id]
    assert (mine.kind, mine.account, mine.region, mine.name) == (
        theirs.kind,
        theirs.account,
        theirs.region,
        theirs.name,
    )
    for field in ("instance_type", "vcpu", "memory_gib", "architecture"):
        assert getattr(mine.attributes, field) == getattr(theirs.attributes, field), field
    assert mine.depends_on == theirs.depends_on
    assert any(dep.endswith(volume) for dep in mine.depends_on)
    # today's cost is the same list price whichever way the estate was read
    assert mine.monthly_cost is not None and mine.monthly_cost == theirs.monthly_cost
    disk = next(r for r in imported.resources if r.id.endswith(volume))
    scanned_disk = next(r for r in scanned.resources if r.id.endswith(volume))
    assert disk.monthly_cost is not None and disk.monthly_cost == scanned_disk.monthly_cost
