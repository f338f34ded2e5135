"""An RDS instance whose storage type a Terraform plan leaves unset is priced today at the AWS
provider's default type, said as an assumption, so it is compared with its storage on both sides;
the dearer reason says "the target adds storage" only where the source pays none."""

from __future__ import annotations

import cloudexit
from cloudexit.importers.terraform_sizing import aws_db_instance
from cloudexit.model import Resource
from cloudexit.optimise.requirement import storage_today
from tests.helpers import corpus_inventory, resource

PLAN = "tfplan-aws-infracost-v0.14.json"


def test_unset_storage_type_takes_the_provider_default() -> None:
    unset = aws_db_instance({"allocated_storage": 5, "instance_class": "db.t3.micro"})
    assert unset["storage_class"] == "gp2"
    assert unset["details"]["storage_type_assumed"] == "gp2"
    with_iops = aws_db_instance({"allocated_storage": 100, "iops": 1000})
    assert with_iops["storage_class"] == "io1"
    declared = aws_db_instance({"allocated_storage": 5, "storage_type": "gp3"})
    assert declared["storage_class"] == "gp3"
    assert declared["details"]["storage_type_assumed"] is None
    assert aws_db_instance({})["storage_class"] is None


def test_plan_database_without_storage_type_is_priced_with_its_storage() -> None:
    found = {r.id: r for r in corpus_inventory(PLAN).resources if r.type == "aws_db_instance"}
    assert len(found) == 2
    for db in found.values():
        assert db.monthly_cost is not None
        assert "storage not included" not in db.monthly_cost.source
        assert "rds-storage-gp2" in db.monthly_cost.source
    assumed = [r for r in found.values() if "type gp2 assumed" in r.monthly_cost.source]
    assert len(assumed) == 1
    amounts = {r.monthly_cost.amount for r in found.values() if r.monthly_cost}
    assert len(amounts) == 1  # same class and size: the same figure once storage is counted


def test_dearer_reason_does_not_say_the_target_adds_storage_the_source_pays() -> None:
    plan = cloudexit.plan(
        corpus_inventory(PLAN), cloudexit.Policy(targets=["scaleway"], min_providers=1)
    )
    reasons = [
        p.dearer_than_today
        for p in plan.placements
        if "aws_db_instance" in p.resource_id and p.dearer_than_today
    ]
    assert reasons
    for reason in reasons:
        assert "the target adds storage" not in reason
        assert "as today's figure holds its storage too" in reason


def teststorage_today_reads_what_the_figure_holds() -> None:
    def db(source: str, storage: float | None = 5.0) -> Resource:
        return Resource.model_validate(
            resource(
                "db",
                kind="database.postgresql",
                type="aws_db_instance",
                attributes={"vcpu": 2, "memory_gib": 1, "storage_gib": storage},
                monthly_cost={"amount": "10", "currency": "EUR", "source": source},
            )
        )

    left_out = "list price: db.t3.micro; 5.0 GiB standard storage not included (no list price)"
    assert storage_today(db(left_out)) is False
    assert storage_today(db("list price: db.t3.micro + rds-storage-gp2, 5.0 GiB")) is True
    assert storage_today(db("billing", storage=None)) is None
    assert storage_today(Resource.model_validate(resource("vm"))) is None
