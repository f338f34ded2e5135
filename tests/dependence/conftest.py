from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cloudexit.catalog.loader import load_catalog
from cloudexit.model import Inventory
from cloudexit.model.suppliers import SupplierRegister
from tests.helpers import inventory, resource

COST = {"amount": "100", "currency": "EUR", "source": "test"}


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


def small_estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            resource(
                "orders-db",
                kind="database.postgresql",
                type="AWS::RDS::DBInstance",
                tags={"app": "shop"},
                monthly_cost=COST,
            ),
            resource("web", depends_on=["orders-db"], tags={"app": "shop"}, monthly_cost=COST),
            resource(
                "erp-vm",
                provider="azure",
                region="westeurope",
                type="Microsoft.Compute/virtualMachines",
                tags={"app": "erp"},
                monthly_cost=COST,
            ),
            resource(
                "report-vm",
                provider="gcp",
                region="europe-west1",
                type="compute.googleapis.com/Instance",
                tags={"app": "bi"},
                monthly_cost=COST,
            ),
        )
    )


def register(**changes: Any) -> SupplierRegister:
    data: dict[str, Any] = {
        "functions": [
            {
                "id": "sales",
                "name": "online sales",
                "criticality": "critical",
                "tolerable_downtime_hours": 2,
                "resources": [{"tags": {"app": "shop"}}],
            },
            {
                "id": "monitoring",
                "name": "process monitoring",
                "criticality": "critical",
                "tolerable_downtime_hours": 2,
            },
            {
                "id": "finance",
                "name": "finance",
                "criticality": "high",
                "resources": [{"tags": {"app": "erp"}}],
            },
        ],
        "suppliers": [
            {
                "id": "sensors",
                "name": "Sensor SaaS",
                "functions": ["monitoring"],
                "offline_hours": 4,
                "hosting": [{"provider": "azure", "region": "westeurope"}],
            },
            {
                "id": "pay",
                "name": "Payments",
                "functions": ["sales"],
                "hosting": [{"provider": "aws", "region": "us-east-1"}],
            },
            {
                "id": "payroll",
                "name": "Payroll",
                "functions": ["finance"],
                "hosting": [{"provider": "own", "jurisdiction": "EU"}],
            },
        ],
    }
    data.update(changes)
    return SupplierRegister.model_validate(data)


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path
