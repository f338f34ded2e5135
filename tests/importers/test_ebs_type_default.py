"""An EBS volume whose type a Terraform plan leaves unset is priced today at the AWS provider's
default type, said as an assumption, instead of being left out of today's cost."""

from __future__ import annotations

from cloudexit.importers.terraform_sizing import aws_ebs_volume
from tests.helpers import corpus_inventory

PLAN = "tfplan-aws-55res-checkov.json"


def test_unset_volume_type_takes_the_provider_default() -> None:
    unset = aws_ebs_volume({"size": 1})
    assert unset["storage_class"] == "gp2"
    assert unset["details"]["storage_type_assumed"] == "gp2"
    declared = aws_ebs_volume({"size": 1, "type": "gp3"})
    assert declared["storage_class"] == "gp3"
    assert declared["details"]["storage_type_assumed"] is None
    assert aws_ebs_volume({})["storage_class"] is None


def test_plan_volume_without_type_is_priced_today() -> None:
    volumes = [r for r in corpus_inventory(PLAN).resources if r.type == "aws_ebs_volume"]
    assert len(volumes) == 1
    cost = volumes[0].monthly_cost
    assert cost is not None
    assert cost.amount > 0
    assert "ebs-gp2" in cost.source
    assert "type gp2 assumed" in cost.source
