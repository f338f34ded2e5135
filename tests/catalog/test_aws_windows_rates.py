"""A running Windows EC2 instance has today's cost only from a rate that includes its licence:
t3.medium in us-east-1 (USD 0.06 an hour), never the Linux rate; any other Windows size has none.
The instance is one of Cloud Custodian's recorded DescribeInstances answers, made Windows."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.catalog.loader import load_catalog
from cloudexit.connectors.aws.pricing import monthly_cost
from cloudexit.importers import import_files


def _running_instance(shared_dir, size: str):
    recorded = shared_dir / "corpus" / "aws-ec2-describe-instances-c7n-placebo.json"
    instance = next(
        r for r in import_files([recorded]).resources if r.attributes.state == "running"
    )
    instance.attributes.os, instance.attributes.instance_type = "windows", size
    return instance


def test_a_windows_t3_medium_in_us_east_1_is_priced_with_its_licence(shared_dir):
    catalog = load_catalog()
    cost = monthly_cost(_running_instance(shared_dir, "t3.medium"), catalog)
    assert cost is not None and cost.source == "list price: aws/t3.medium/windows us-east-1"
    linux = catalog.list_price("aws", "us-east-1", "t3.medium")
    assert linux is not None and cost.amount > linux.monthly_eur
    # USD 43.80 a month against 30.37 for Linux, at the same exchange rate
    assert abs(cost.amount / linux.monthly_eur - Decimal("0.06") / Decimal("0.0416")) < Decimal(
        "0.001"
    )


def test_a_windows_size_without_a_licence_rate_has_no_cost(shared_dir):
    assert monthly_cost(_running_instance(shared_dir, "t3.large"), load_catalog()) is None
