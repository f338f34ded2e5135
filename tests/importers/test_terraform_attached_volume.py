"""An EBS volume attached with aws_volume_attachment is listed again, after a refresh, in its
instance's ebs_block_device: it is sized and priced once, as its own volume, and each inline
block is priced at its own volume type."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from tests.helpers import tfstate

ACCOUNT_ARN = "arn:aws:ec2:eu-central-1:123456789012"


def _state(tmp_path: Path, blocks: list[dict], volumes: list[dict]) -> Path:
    instance = {
        "id": "i-0123456789abcdef0",
        "arn": f"{ACCOUNT_ARN}:instance/i-0123456789abcdef0",
        "instance_type": "t3.micro",
        "instance_state": "running",
        "availability_zone": "eu-central-1a",
        "root_block_device": [{"volume_size": 8, "volume_type": "gp3"}],
        "ebs_block_device": blocks,
    }
    resources = [("aws_instance", "app", instance)]
    resources += [
        (
            "aws_ebs_volume",
            f"data{n}",
            {
                "id": v["volume_id"],
                "arn": f"{ACCOUNT_ARN}:volume/{v['volume_id']}",
                "availability_zone": "eu-central-1a",
                "size": v["volume_size"],
                "type": v["volume_type"],
            },
        )
        for n, v in enumerate(volumes)
    ]
    data = tfstate(
        [
            {
                "mode": "managed",
                "type": tf_type,
                "name": name,
                "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
                "instances": [{"schema_version": 1, "attributes": values}],
            }
            for tf_type, name, values in resources
        ]
    )
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _ebs(catalog: cloudexit.Catalog, volume: str, gib: int) -> Decimal:
    price = catalog.list_price("aws", "eu-central-1", f"ebs-{volume}", Decimal(gib))
    assert price is not None
    return price.monthly_eur


def test_an_attached_volume_is_priced_once_as_its_own_resource(tmp_path: Path) -> None:
    attached = {"volume_id": "vol-0aaaaaaaaaaaaaaa1", "volume_size": 500, "volume_type": "gp3"}
    inventory = import_files([_state(tmp_path, [attached], [attached])])
    instance = next(r for r in inventory.resources if r.type == "aws_instance")
    volume = next(r for r in inventory.resources if r.type == "aws_ebs_volume")
    assert instance.attributes.storage_gib == 8
    assert volume.attributes.storage_gib == 500
    assert instance.monthly_cost is not None and "500" not in instance.monthly_cost.source
    catalog = cloudexit.load_catalog()
    hours = instance.monthly_cost.amount - _ebs(catalog, "gp3", 8)
    assert hours > 0 and "ebs-gp3 eu-central-1, 8.0 GiB" in instance.monthly_cost.source


def test_each_inline_block_is_priced_at_its_own_volume_type(tmp_path: Path) -> None:
    inline = {"volume_id": "vol-0bbbbbbbbbbbbbbb2", "volume_size": 100, "volume_type": "st1"}
    inventory = import_files([_state(tmp_path, [inline], [])])
    instance = next(r for r in inventory.resources if r.type == "aws_instance")
    assert instance.attributes.storage_gib == 108
    assert instance.monthly_cost is not None
    source = instance.monthly_cost.source
    assert "ebs-gp3 eu-central-1, 8.0 GiB" in source
    assert "ebs-st1 eu-central-1, 100.0 GiB" in source
