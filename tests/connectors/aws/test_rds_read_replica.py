"""An RDS read replica read through moto's server names its primary, so it is placed with it."""

from __future__ import annotations

from cloudexit.connectors.aws import scan
from tests.connectors.aws.estate import MANAGEMENT, Account


def test_a_read_replica_names_its_primary(moto: str) -> None:
    rds = Account(MANAGEMENT, moto).client("rds", "eu-west-1")
    primary = rds.create_db_instance(
        DBInstanceIdentifier="orders",
        DBInstanceClass="db.m5.large",
        Engine="postgres",
        AllocatedStorage=200,
        MasterUsername="admin",
        MasterUserPassword="not-a-secret-1",
    )["DBInstance"]["DBInstanceArn"]
    rds.create_db_instance_read_replica(
        DBInstanceIdentifier="orders-ro", SourceDBInstanceIdentifier="orders"
    )
    inventory = scan(endpoint_url=moto, regions=["eu-west-1"], services=["rds"], metrics_days=0)
    by_name = {r.name: r for r in inventory.resources}
    assert by_name["orders-ro"].attributes.details["replica_of"] == primary
    assert primary in by_name["orders-ro"].depends_on
    assert "replica_of" not in by_name["orders"].attributes.details
