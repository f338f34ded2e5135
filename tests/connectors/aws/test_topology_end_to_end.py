"""AWS topology read through moto's server, planned onto each target, back from the Terraform:
security group rules one for one, none wider, the instance keeps its group; listeners, target
groups and Route 53 records typed and written."""

from __future__ import annotations

import re
from pathlib import Path

from cloudexit.connectors.aws import scan
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from tests.connectors.aws.estate import AMI, MANAGEMENT, Account, clear_default_network
from tests.topology.roundtrip import TARGETS, check_errors, render
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


def test_listeners_target_groups_and_records_from_the_api_reach_every_target(
    moto: str, tmp_path: Path
) -> None:
    account = Account(MANAGEMENT, moto)
    ec2 = account.client("ec2", "eu-west-1")
    clear_default_network(ec2)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=zone)["Subnet"]["SubnetId"]
        for cidr, zone in (("10.0.1.0/24", "eu-west-1a"), ("10.0.2.0/24", "eu-west-1b"))
    ]
    web = [
        i["InstanceId"]
        for i in ec2.run_instances(
            ImageId=AMI, InstanceType="t3.micro", MinCount=2, MaxCount=2, SubnetId=subnets[0]
        )["Instances"]
    ]
    elbv2 = account.client("elbv2", "eu-west-1")
    lb = elbv2.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]
    tg = elbv2.create_target_group(
        Name="shop-web",
        Protocol="HTTP",
        Port=8080,
        VpcId=vpc,
        HealthCheckPath="/healthz",
        HealthCheckPort="traffic-port",
    )["TargetGroups"][0]
    elbv2.register_targets(TargetGroupArn=tg["TargetGroupArn"], Targets=[{"Id": i} for i in web])
    for port in (80, 8443):
        elbv2.create_listener(
            LoadBalancerArn=lb["LoadBalancerArn"],
            Protocol="HTTP",
            Port=port,
            DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}],
        )
    classic_elb = account.client("elb", "eu-west-1")
    classic_elb.create_load_balancer(
        LoadBalancerName="legacy",
        Subnets=[subnets[0]],
        Listeners=[{"Protocol": "TCP", "LoadBalancerPort": 25, "InstancePort": 2525}],
    )
    classic_elb.configure_health_check(
        LoadBalancerName="legacy",
        HealthCheck={
            "Target": "HTTP:2526/ping",
            "Interval": 30,
            "Timeout": 5,
            "UnhealthyThreshold": 2,
            "HealthyThreshold": 2,
        },
    )
    route53 = account.client("route53", "us-east-1")
    zone = route53.create_hosted_zone(Name="shop.example", CallerReference="shop")["HostedZone"]
    plain = [
        ("www.shop.example", "A", 300, ["192.0.2.10", "192.0.2.11"]),
        ("shop.example", "MX", 3600, ["10 mail.shop.example"]),
        ("shop.example", "TXT", 600, ['"v=spf1 -all"']),
    ]
    changes: list[dict[str, object]] = [
        {
            "Action": "CREATE",
            "ResourceRecordSet": {
                "Name": name,
                "Type": rtype,
                "TTL": ttl,
                "ResourceRecords": [{"Value": v} for v in values],
            },
        }
        for name, rtype, ttl, values in plain
    ]
    changes.append(
        {
            "Action": "CREATE",
            "ResourceRecordSet": {
                "Name": "app.shop.example",
                "Type": "A",
                "AliasTarget": {
                    "HostedZoneId": "Z32O12XQLNTSW2",
                    "DNSName": lb["DNSName"],
                    "EvaluateTargetHealth": False,
                },
            },
        }
    )
    changes += [
        {
            "Action": "CREATE",
            "ResourceRecordSet": {
                "Name": "canary.shop.example",
                "Type": "CNAME",
                "SetIdentifier": side,
                "Weight": weight,
                "TTL": 60,
                "ResourceRecords": [{"Value": f"{side}.shop.example"}],
            },
        }
        for side, weight in (("blue", 90), ("green", 10))
    ]
    route53.change_resource_record_sets(HostedZoneId=zone["Id"], ChangeBatch={"Changes": changes})

    inventory = scan(
        endpoint_url=moto,
        regions=["eu-west-1"],
        services=["ec2", "elbv2", "elb", "route53"],
        metrics_days=0,
    )
    by_type: dict[str, list[Resource]] = {}
    for r in inventory.resources:
        by_type.setdefault(r.type, []).append(r)
    alb = by_type["AWS::ElasticLoadBalancingV2::LoadBalancer"][0]
    assert [(x.protocol, x.port) for x in alb.topology.listeners] == [("HTTP", 80), ("HTTP", 8443)]
    assert "listeners" not in alb.attributes.details
    group = by_type["AWS::ElasticLoadBalancingV2::TargetGroup"][0]
    assert group.topology.target_port == 8080
    assert group.topology.health_check is not None
    assert group.topology.health_check.path == "/healthz"
    classic = by_type["AWS::ElasticLoadBalancing::LoadBalancer"][0]
    assert [(x.protocol, x.port, x.target_port) for x in classic.topology.listeners] == [
        ("TCP", 25, 2525)
    ]
    check = classic.topology.health_check
    assert check is not None
    assert (check.protocol, check.port, check.path) == ("HTTP", 2526, "/ping")
    hosted = by_type["AWS::Route53::HostedZone"][0]
    assert hosted.topology.zone_name == "shop.example"
    assert {(r.name, r.type, r.ttl, tuple(r.values)) for r in hosted.topology.records} == {
        (f"{name}.", rtype, ttl, tuple(sorted(values))) for name, rtype, ttl, values in plain
    }
    # The alias and the weighted pair have no plain record: reported, not guessed.
    problems = [i.message for i in inventory.issues if i.resource_id == hosted.id]
    assert any("alias to" in p for p in problems)
    assert sum("routing policy" in p for p in problems) == 2
    # The instances the target group serves move with it and its balancer.
    for instance in (r for r in inventory.resources if r.kind == Kind.VM):
        links = {(a.relation, a.to) for a in instance.topology.attachments}
        assert ("lb_member", group.id) in links

    for provider, region in TARGETS:
        out = tmp_path / provider
        written = render(inventory, provider, region, out)
        assert check_errors(out) == [], provider
        text = "\n".join(t for files in written.values() for t in files.values())
        for value in ("192.0.2.10", "192.0.2.11", "10 mail.shop.example"):
            if provider != "opennebula":  # no DNS or load balancer resources there
                assert value in text, (provider, value)
        if provider == "scaleway":
            ports = re.findall(r"(inbound_port|forward_port)\s+=\s+(\d+)", text)
            assert sorted(set(ports)) == [
                ("forward_port", "2525"),
                ("forward_port", "8080"),
                ("inbound_port", "25"),
                ("inbound_port", "80"),
                ("inbound_port", "8443"),
            ]
            assert 'uri = "/healthz"' in re.sub(r"\s+=", " =", text)
