"""Shapes found in real exports that used to import wrongly or silently."""

from __future__ import annotations

import json

from cloudexit.importers import import_file
from tests.importers.faults import fault_of


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_resource_graph_page_short_of_its_announced_total_is_an_issue(tmp_path):
    vm = {
        "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.compute/virtualmachines",
        "location": "westeurope",
    }
    ctx = import_file(write(tmp_path, "page.json", {"totalRecords": 18, "count": 1, "data": [vm]}))
    assert len(ctx.resources) == 1
    (issue,) = [i for i in ctx.issues if i.code == "invalid_data"]
    assert "announces 18 records and holds 1" in issue.message


def test_a_complete_resource_graph_export_has_no_such_issue(tmp_path):
    vm = {
        "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.compute/virtualmachines",
        "location": "westeurope",
    }
    ctx = import_file(write(tmp_path, "page.json", {"totalRecords": 1, "count": 1, "data": [vm]}))
    assert not [i for i in ctx.issues if i.code == "invalid_data"]


def test_server_parameters_are_settings_of_their_server_not_resources(tmp_path):
    base = (
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg"
    )
    items = [
        {
            "id": base,
            "name": "pg",
            "type": "Microsoft.DBforPostgreSQL/flexibleServers",
            "location": "westeurope",
            "properties": {"storage": {"storageSizeGB": 128}},
        }
    ]
    items += [
        {
            "id": f"{base}/configurations/p{i}",
            "name": f"p{i}",
            "type": "Microsoft.DBforPostgreSQL/flexibleServers/configurations",
        }
        for i in range(5)
    ]
    ctx = import_file(write(tmp_path, "arm.json", {"value": items}))
    assert [r.name for r in ctx.resources] == ["pg"]
    assert ctx.skipped == 5


def test_single_server_storage_in_megabytes(tmp_path):
    item = {
        "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/old",
        "name": "old",
        "type": "Microsoft.DBforPostgreSQL/servers",
        "location": "westeurope",
        "properties": {"storageProfile": {"storageMB": 102400}, "version": "11"},
    }
    (resource,) = import_file(write(tmp_path, "arm.json", {"value": [item]})).resources
    assert resource.attributes.storage_gib == 100


def test_classic_load_balancers_of_two_regions_stay_apart(tmp_path):
    data = {
        "LoadBalancerDescriptions": [
            {
                "LoadBalancerName": "web",
                "DNSName": "web-1.eu-west-1.elb.amazonaws.com",
                "AvailabilityZones": ["eu-west-1a"],
            },
            {
                "LoadBalancerName": "web",
                "DNSName": "web-9.us-east-1.elb.amazonaws.com",
                "AvailabilityZones": [],
            },
        ]
    }
    ctx = import_file(write(tmp_path, "elb.json", data))
    assert sorted(r.region for r in ctx.resources) == ["eu-west-1", "us-east-1"]
    assert len({r.id for r in ctx.resources}) == 2


def test_eks_version_from_the_cli(tmp_path):
    data = {
        "cluster": {
            "name": "prod",
            "arn": "arn:aws:eks:eu-west-1:111122223333:cluster/prod",
            "version": "1.29",
            "status": "ACTIVE",
        }
    }
    (cluster,) = import_file(write(tmp_path, "eks.json", data)).resources
    assert cluster.attributes.engine_version == "1.29"


def test_errors_in_a_top_level_list_name_it_once(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(
        '[{"assetType": "compute.googleapis.com/Instance", "name": "//x"}, {"name": ',
        encoding="utf-8",
    )
    message = fault_of(path, "cloud-asset")
    assert "item item" not in message and "b'" not in message and "byte" not in message


def test_msk_clusters_from_aws_kafka_list_clusters(tmp_path):
    data = {
        "ClusterInfoList": [
            {
                "ClusterArn": "arn:aws:kafka:eu-central-1:111122223333:cluster/events/abc-1",
                "ClusterName": "events",
                "State": "ACTIVE",
                "NumberOfBrokerNodes": 3,
                "BrokerNodeGroupInfo": {
                    "InstanceType": "kafka.m5.large",
                    "StorageInfo": {"EbsStorageInfo": {"VolumeSize": 1000}},
                },
                "CurrentBrokerSoftwareInfo": {"KafkaVersion": "3.6.0"},
            }
        ]
    }
    (cluster,) = import_file(write(tmp_path, "kafka.json", data)).resources
    assert (cluster.kind.value, cluster.region, cluster.account) == (
        "messaging.stream",
        "eu-central-1",
        "111122223333",
    )
    assert cluster.attributes.node_count == 3 and cluster.attributes.storage_gib == 3000
    assert cluster.attributes.instance_type == "kafka.m5.large"


def test_gcloud_asset_get_history_keeps_each_assets_last_window(tmp_path):
    vm = "//compute.googleapis.com/projects/p/zones/europe-west1-b/instances/vm1"

    def version(start, machine):
        return {
            "window": {"startTime": start},
            "asset": {
                "name": vm,
                "assetType": "compute.googleapis.com/Instance",
                "resource": {
                    "location": "europe-west1-b",
                    "data": {
                        "name": "vm1",
                        "status": "RUNNING",
                        "machineType": f"https://www.googleapis.com/compute/v1/projects/p/zones/europe-west1-b/machineTypes/{machine}",
                    },
                },
            },
        }

    gone = {
        "window": {"startTime": "2026-10-02T00:00:00Z"},
        "deleted": True,
        "asset": {"name": vm.replace("vm1", "old"), "assetType": "compute.googleapis.com/Instance"},
    }
    path = write(
        tmp_path,
        "history.json",
        [
            version("2026-10-05T00:00:00Z", "n2-standard-4"),
            gone,
            version("2026-10-01T00:00:00Z", "n2-standard-2"),
        ],
    )
    ctx = import_file(path)
    assert ctx.format == "cloud-asset"
    (instance,) = ctx.resources
    assert instance.attributes.instance_type == "n2-standard-4"
    assert ctx.skipped == 1


def test_dependencies_link_across_files_and_adopt_the_full_arn(tmp_path):
    instances = write(
        tmp_path,
        "instances.json",
        {
            "Reservations": [
                {
                    "OwnerId": "111122223333",
                    "Instances": [
                        {
                            "InstanceId": "i-0abc",
                            "InstanceType": "m5.large",
                            "State": {"Name": "running"},
                            "Placement": {"AvailabilityZone": "eu-west-1a"},
                            "SubnetId": "subnet-1",
                            "VpcId": "vpc-1",
                            "SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web"}],
                            "BlockDeviceMappings": [
                                {"DeviceName": "/dev/xvda", "Ebs": {"VolumeId": "vol-1"}}
                            ],
                        }
                    ],
                }
            ]
        },
    )
    volumes = write(
        tmp_path,
        "volumes.json",
        {
            "Volumes": [
                {
                    "VolumeId": "vol-1",
                    "Size": 100,
                    "VolumeType": "gp3",
                    "AvailabilityZone": "eu-west-1a",
                    "State": "in-use",
                }
            ]
        },
    )
    groups = write(
        tmp_path,
        "groups.json",
        {
            "SecurityGroups": [
                {"GroupId": "sg-1", "GroupName": "web", "VpcId": "vpc-1", "IpPermissions": []}
            ]
        },
    )
    from cloudexit.importers import import_files

    inventory = import_files([instances, volumes, groups])
    by_id = inventory.by_id()
    volume = by_id["arn:aws:ec2:eu-west-1:111122223333:volume/vol-1"]
    assert (volume.account, volume.region) == ("111122223333", "eu-west-1")
    group = by_id["arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1"]
    assert group.region == "eu-west-1"
    instance = by_id["arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc"]
    assert instance.depends_on == sorted([group.id, volume.id])


def test_single_msk_and_search_domain_descriptions(tmp_path):
    arn = "arn:aws:kafka:eu-west-1:111122223333:cluster/events/0a1b"
    broker = {
        "InstanceType": "kafka.m5.large",
        "StorageInfo": {"EbsStorageInfo": {"VolumeSize": 50}},
    }
    kafka = write(
        tmp_path,
        "kafka.json",
        {
            "ClusterInfo": {
                "ClusterArn": arn,
                "ClusterName": "events",
                "BrokerNodeGroupInfo": broker,
            }
        },
    )
    (cluster,) = import_file(kafka).resources
    assert (cluster.id, cluster.attributes.vcpu, cluster.attributes.memory_gib) == (arn, 2, 8)
    domain_arn = "arn:aws:es:eu-west-1:111122223333:domain/logs"
    search = write(
        tmp_path,
        "es.json",
        {
            "DomainStatus": {
                "ARN": domain_arn,
                "DomainName": "logs",
                "ElasticsearchClusterConfig": {"InstanceType": "m5.large.elasticsearch"},
            }
        },
    )
    (domain,) = import_file(search).resources
    assert (domain.id, domain.region, domain.attributes.vcpu) == (domain_arn, "eu-west-1", 2)


def test_eks_node_group_from_the_cli_keeps_its_size(tmp_path):
    group = {
        "nodegroupName": "workers",
        "nodegroupArn": "arn:aws:eks:eu-west-1:111122223333:nodegroup/c/workers/1",
        "instanceTypes": ["m5.large"],
        "scalingConfig": {"minSize": 1, "maxSize": 5, "desiredSize": 3},
        "diskSize": 40,
        "status": "ACTIVE",
    }
    (pool,) = import_file(write(tmp_path, "ng.json", {"nodegroup": group})).resources
    a = pool.attributes
    assert (a.instance_type, a.node_count, a.storage_gib, a.vcpu) == ("m5.large", 3, 40, 2)


def test_queue_urls_of_legacy_endpoints_name_their_region(tmp_path):
    urls = [
        "https://queue.amazonaws.com/111122223333/first",
        "https://eu-west-3.queue.amazonaws.com/111122223333/second",
        "https://sqs.eu-central-1.amazonaws.com/111122223333/third",
    ]
    found = import_file(write(tmp_path, "queues.json", {"QueueUrls": urls})).resources
    assert {r.name: r.region for r in found} == {
        "first": "us-east-1",
        "second": "eu-west-3",
        "third": "eu-central-1",
    }


def test_classic_load_balancer_takes_its_account_from_its_source_group(tmp_path):
    lb = {
        "LoadBalancerName": "web",
        "DNSName": "web-1.eu-west-1.elb.amazonaws.com",
        "SourceSecurityGroup": {"OwnerAlias": "111122223333", "GroupName": "default"},
    }
    (found,) = import_file(
        write(tmp_path, "elb.json", {"LoadBalancerDescriptions": [lb]})
    ).resources
    assert found.account == "111122223333"
    assert found.id == "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/web"


def test_an_error_past_the_last_resource_names_where_it_is_and_the_text_there(tmp_path):
    path = tmp_path / "instances.json"
    path.write_text(
        '{"Reservations": [{"OwnerId": "111122223333", "Instances": [{"InstanceId": "i-1",'
        ' "Placement": {"AvailabilityZone": "eu-west-1a"}}]}],\n "Marker": {"Note": "caf\x01e"}}',
        encoding="utf-8",
    )
    message = fault_of(path)
    assert "invalid JSON in Marker" in message and "Reservations[]" not in message
    assert "near '" in message and "\x01" not in message
