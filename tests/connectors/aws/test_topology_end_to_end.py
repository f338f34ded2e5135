"""AWS security groups read through moto's server, planned onto each target, back from the
Terraform: ingress and egress rules one for one, none wider, the instance keeps its group."""

from __future__ import annotations

from pathlib import Path

from cloudexit.connectors.aws import scan
from cloudexit.model.kinds import Kind
from tests.connectors.aws.estate import AMI, MANAGEMENT, Account, clear_default_network
from tests.topology.test_end_to_end import assert_faithful, assert_sites_apart


def test_security_groups_from_the_api_reach_every_target(moto: str, tmp_path: Path) -> None:
    ec2 = Account(MANAGEMENT, moto).client("ec2", "eu-west-1")
    clear_default_network(ec2)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=group,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            },
            {
                "IpProtocol": "tcp",
                "FromPort": 8000,
                "ToPort": 8100,
                "IpRanges": [{"CidrIp": "10.0.0.0/16"}],
            },
            {
                "IpProtocol": "udp",
                "FromPort": 53,
                "ToPort": 53,
                "IpRanges": [{"CidrIp": "192.0.2.0/24"}],
            },
            {
                "IpProtocol": "tcp",
                "FromPort": 5432,
                "ToPort": 5432,
                "UserIdGroupPairs": [{"GroupId": group}],
            },
        ],
    )
    ec2.revoke_security_group_egress(
        GroupId=group,
        IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
    )
    ec2.authorize_security_group_egress(
        GroupId=group,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            }
        ],
    )
    ec2.run_instances(
        ImageId=AMI,
        InstanceType="t3.micro",
        MinCount=1,
        MaxCount=1,
        SubnetId=subnet,
        SecurityGroupIds=[group],
    )

    inventory = scan(endpoint_url=moto, regions=["eu-west-1"], services=["ec2"], metrics_days=0)

    sg = next(r for r in inventory.resources if r.kind == Kind.SECURITY_GROUP and r.name == "web")
    rules = {
        (r.direction, r.protocol, tuple((p.low, p.high) for p in r.ports), r.peers[0].text)
        for r in sg.topology.firewall_rules
    }
    assert rules == {
        ("ingress", "tcp", ((443, 443),), "cidr:0.0.0.0/0"),
        ("ingress", "tcp", ((8000, 8100),), "cidr:10.0.0.0/16"),
        ("ingress", "udp", ((53, 53),), "cidr:192.0.2.0/24"),
        ("ingress", "tcp", ((5432, 5432),), f"group:{group}"),
        ("egress", "tcp", ((443, 443),), "cidr:0.0.0.0/0"),
    }
    vm = next(r for r in inventory.resources if r.kind == Kind.VM)
    assert sg.id in vm.topology.security_groups
    assert_faithful(inventory, tmp_path)
    assert_sites_apart(inventory)
