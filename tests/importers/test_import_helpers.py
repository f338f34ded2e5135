"""Redaction, catalogue sizes and engine kinds used by every importer."""

from __future__ import annotations

import datetime as dt

from cloudexit.catalog.classes import fill_sizes, size_specs
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import ProviderFile
from cloudexit.importers.redact import mask_from_paths, redact, secret_name
from cloudexit.importers.refine import engine_kind, engine_name
from cloudexit.model.kinds import Kind


def test_redact_marks_names_and_values() -> None:
    values = {
        "instance_type": "m5.large",
        "password": "x",
        "adminPassword": "y",
        "ConnectionString": "z",
        "tags": {"Name": "web", "token": "t"},
        "env": [{"KEY": "AKIAIOSFODNN7EXAMPLE"}, {"PEM": "-----BEGIN RSA PRIVATE KEY-----\nabc"}],
        "blocks": [{"kept": 1, "marked": "s"}],
    }
    mask = {"blocks": [{"marked": True}]}
    assert redact(values, mask) == {
        "instance_type": "m5.large",
        "tags": {"Name": "web"},
        "env": [{}, {}],
        "blocks": [{"kept": 1}],
    }
    assert redact({"a": 1}, True) is None
    assert (
        secret_name("master_user_password")
        and secret_name("SecretAccessKey")
        and not secret_name("kms_key_id")
    )


def test_raw_state_sensitive_paths_become_a_mask() -> None:
    paths = [
        [{"type": "get_attr", "value": "admin_pass"}],
        [
            {"type": "get_attr", "value": "network"},
            {"type": "index", "value": {"value": 0, "type": "number"}},
        ],
        [{"type": "get_attr", "value": "settings"}, {"type": "get_attr", "value": "key"}],
    ]
    mask = mask_from_paths(paths)
    assert mask == {"admin_pass": True, "network": True, "settings": {"key": True}}
    assert redact(
        {"admin_pass": "p", "network": [{"a": 1}], "settings": {"key": "k", "tier": "db"}}, mask
    ) == {"settings": {"tier": "db"}}


def _catalog_with(instance_type: str, vcpu: float, memory: float) -> Catalog:
    source = {
        "url": "https://example.org/prices",
        "retrieved": dt.date(2024, 1, 1),
        "published": "unknown",
        "undated_reason": "a test figure, dated by nobody",
        "evidence": "user_set",
    }
    provider = ProviderFile.model_validate(
        {
            "id": "aws",
            "name": "AWS",
            "role": "source",
            "currency": "USD",
            "company": {
                "legal_name": "Example",
                "headquarters": "Somewhere",
                "country": "US",
                "eu_controlled": False,
                "exposure": "high",
                "exposure_reason": "test",
                "source": source,
            },
            "regions": [
                {"code": "eu-west-1", "name": "Ireland", "city": "Dublin", "country": "IE"}
            ],
            "products": [
                {
                    "id": instance_type,
                    "name": instance_type,
                    "service": "compute",
                    "family": "general_purpose",
                    "specs": {"vcpu": vcpu, "memory_gib": memory},
                    "prices": [
                        {"amount": "0.1", "currency": "USD", "unit": "hour", "source": source}
                    ],
                }
            ],
        }
    )
    return Catalog(providers={"aws": provider}, kinds={})


def test_sizes_come_from_the_catalogue_then_from_names() -> None:
    catalog = _catalog_with("m5.large", 2, 8)
    fields: dict = {"instance_type": "m5.large"}
    fill_sizes(fields, catalog, "aws")
    assert (fields["vcpu"], fields["memory_gib"]) == (2, 8)
    kept = {"instance_type": "m5.large", "vcpu": 1.0}
    fill_sizes(kept, catalog, "aws")
    assert kept["vcpu"] == 1.0
    assert size_specs(catalog, "aws", "m5.huge") is None
    named = size_specs(catalog, "gcp", "zones/europe-west1-b/machineTypes/n2-custom-6-24576")
    assert named is not None and (named.vcpu, named.memory_gib) == (6, 24)
    vcores = size_specs(catalog, "azure", "GP_Gen5_4")
    assert vcores is not None and (vcores.vcpu, vcores.memory_gib) == (4, 20)


def test_engines_refine_kinds() -> None:
    assert engine_kind("aurora-postgresql", Kind.POSTGRESQL) is Kind.POSTGRESQL
    assert engine_kind("aurora-mysql", Kind.POSTGRESQL) is Kind.MYSQL
    assert engine_kind("sqlserver-ee", Kind.POSTGRESQL) is Kind.SQLSERVER
    assert engine_kind("memcached", Kind.REDIS) is Kind.MEMCACHED
    assert engine_kind("MYSQL_8_0", Kind.POSTGRESQL) is Kind.MYSQL
    assert engine_kind("mysql", Kind.VM) is Kind.VM
    assert engine_name("POSTGRES_14") == "postgresql"
