"""mappings/ (kinds.yaml and targets/): every kind is mapped or explained, every mapping resolves and prices on its provider."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.catalog.sizing import select_products
from cloudexit.catalog.validate import TERRAFORM_SOURCES, check_catalog
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import build_candidates

TARGETS = {
    "ovhcloud": "OVHcloud",
    "ionos": "IONOS",
    "scaleway": "Scaleway",
    "opennebula": "OpenNebula",
}
SIZE_FREE = "none"


@pytest.fixture(scope="module")
def catalog(repo_dir: Path) -> Catalog:
    return load_catalog(repo_dir / "providers", repo_dir / "mappings")


def mapped(catalog: Catalog) -> list[tuple[Kind, str]]:
    return [(k, p) for k, m in sorted(catalog.kinds.items()) for p in sorted(m.targets)]


def test_every_kind_is_mapped_or_explained(catalog: Catalog) -> None:
    assert set(catalog.kinds) == set(Kind)
    for kind, mapping in catalog.kinds.items():
        assert mapping.targets or mapping.not_migratable, kind
        assert not (mapping.targets and mapping.not_migratable), kind
        assert set(mapping.targets) <= set(TARGETS), kind


def test_identity_cannot_move_and_says_why(catalog: Catalog) -> None:
    reason = catalog.kinds[Kind.IDENTITY].not_migratable
    assert reason and "rebuilt" in reason


def test_a_provider_left_out_of_a_kind_is_named_in_its_description(catalog: Catalog) -> None:
    for kind, mapping in catalog.kinds.items():
        if not mapping.targets:
            continue
        for pid, name in TARGETS.items():
            if pid not in mapping.targets:
                assert name in mapping.description, (
                    f"{kind.value}: {pid} is neither mapped nor explained"
                )


def test_every_selector_resolves_in_some_region(catalog: Catalog) -> None:
    for kind, pid in mapped(catalog):
        target = catalog.kinds[kind].targets[pid]
        provider = catalog.providers[pid]
        selector = target.select
        while selector is not None:
            assert any(select_products(provider, selector, r.code) for r in provider.regions), (
                f"{kind.value} on {pid}"
            )
            selector = selector.storage


def test_nothing_to_buy_is_exactly_sizing_none(catalog: Catalog) -> None:
    for kind, pid in mapped(catalog):
        target = catalog.kinds[kind].targets[pid]
        assert (target.select is None) == (target.sizing == SIZE_FREE), f"{kind.value} on {pid}"
        if target.select is None:
            assert target.notes, f"{kind.value} on {pid}: say why there is nothing to buy"


def test_self_managed_options_run_on_compute(catalog: Catalog) -> None:
    found = 0
    for kind, pid in mapped(catalog):
        target = catalog.kinds[kind].targets[pid]
        if target.fidelity == "self_managed" and target.select is not None:
            found += 1
            assert target.select.service == "compute", f"{kind.value} on {pid}"
            assert target.sizing in ("instance", "instance_plus_storage", "per_node"), (
                f"{kind.value} on {pid}"
            )
            if target.sizing == "instance_plus_storage":
                storage = target.select.storage
                assert storage is not None and storage.service in (
                    "block_storage",
                    "object_storage",
                )
    assert found


def test_data_kinds_with_a_storage_selector_add_storage_to_the_price(catalog: Catalog) -> None:
    resource = Resource.model_validate(
        {
            "id": "db-1",
            "provider": "aws",
            "account": "1",
            "region": "eu-west-1",
            "type": "AWS::DynamoDB::Table",
            "kind": "database.keyvalue",
            "name": "orders",
            "attributes": {"vcpu": 2, "memory_gib": 8, "storage_gib": 0},
        }
    )
    bigger = resource.model_copy(
        update={"attributes": resource.attributes.model_copy(update={"storage_gib": 500})}
    )
    small = {
        (o.provider, o.region): o.monthly_cost
        for o in build_candidates(resource, catalog, Policy()).options
    }
    large = {
        (o.provider, o.region): o.monthly_cost
        for o in build_candidates(bigger, catalog, Policy()).options
    }
    assert small and set(small) == set(large)
    assert all(large[key] > small[key] for key in small)


def test_terraform_types_exist_in_the_reference_schema(catalog: Catalog, shared_dir: Path) -> None:
    reference = json.loads(
        (shared_dir / "reference" / "terraform-provider-schemas.json").read_text(encoding="utf-8")
    )
    registered = {
        source: set(entry["all_resource_types"]) for source, entry in reference["providers"].items()
    }
    for kind, pid in mapped(catalog):
        tf = catalog.kinds[kind].targets[pid].terraform
        if tf is not None:
            assert any(tf in registered[source] for source in TERRAFORM_SOURCES[pid]), (
                f"{kind.value} on {pid}: {tf}"
            )


def test_every_priced_mapping_gives_an_option_for_a_resource_of_its_kind(catalog: Catalog) -> None:
    policy = Policy()
    for kind in sorted(catalog.kinds):
        mapping = catalog.kinds[kind]
        if not mapping.targets:
            continue
        resource = Resource.model_validate(
            {
                "id": f"r-{kind.value}",
                "provider": "aws",
                "account": "1",
                "region": "eu-west-1",
                "type": "test",
                "kind": kind.value,
                "name": kind.value,
                "attributes": {"storage_gib": 50, "node_count": 2},
            }
        )
        found = build_candidates(resource, catalog, policy)
        offered = {o.provider for o in found.options if not o.retain}
        assert offered == set(mapping.targets), f"{kind.value}: {found.excluded[:3]}"
        for option in found.options:
            assert option.monthly_cost >= 0


def test_per_node_sizing_counts_nodes(catalog: Catalog) -> None:
    def cost(nodes: int) -> dict[tuple[str, str], Decimal]:
        pool = Resource.model_validate(
            {
                "id": "pool",
                "provider": "aws",
                "account": "1",
                "region": "eu-west-1",
                "type": "AWS::EKS::Nodegroup",
                "kind": "kubernetes.node_pool",
                "name": "pool",
                "attributes": {"vcpu": 4, "memory_gib": 16, "node_count": nodes},
            }
        )
        # The machines scale with the nodes; operating a self-managed pool does not.
        return {
            (o.provider, o.region): o.costs.get("compute", o.monthly_cost)
            for o in build_candidates(pool, catalog, Policy()).options
        }

    one, three = cost(1), cost(3)
    assert one
    for key, monthly in one.items():
        assert abs(three[key] - 3 * monthly) <= Decimal("0.03"), key


@pytest.fixture
def catalog_copy(tmp_path: Path, repo_dir: Path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(repo_dir / "providers", root / "providers")
    shutil.copytree(repo_dir / "mappings", root / "mappings")
    return root


def _edit_kinds(root: Path, kind: str, provider: str, **changes: object) -> None:
    path = root / "mappings" / "targets" / f"{provider}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["kinds"][kind].update(changes)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_validate_reports_a_selector_that_matches_nothing(catalog_copy: Path) -> None:
    _edit_kinds(
        catalog_copy,
        "database.postgresql",
        "ionos",
        select={"service": "database", "engine": "oracle"},
    )
    report = check_catalog(catalog_copy / "providers", catalog_copy / "mappings")
    lines = [p for p in report.problems if "matches no product" in p]
    assert len(lines) == 1
    assert "database.postgresql on ionos" in lines[0] and "oracle" in lines[0]


def test_validate_reports_an_unknown_terraform_type_only_when_a_schema_is_readable(
    catalog_copy: Path,
) -> None:
    _edit_kinds(catalog_copy, "compute.vm", "scaleway", terraform="scaleway_instance_serverx")
    report = check_catalog(catalog_copy / "providers", catalog_copy / "mappings")
    expected = (
        f"{catalog_copy / 'mappings'}: kind compute.vm on scaleway: Terraform type 'scaleway_instance_serverx' "
        "is not a resource of scaleway/scaleway"
    )
    assert [p for p in report.problems if "Terraform type" in p] == [expected]
    absent = check_catalog(
        catalog_copy / "providers", catalog_copy / "mappings", catalog_copy / "no-schemas.json"
    )
    assert absent.problems == []


def test_validate_accepts_the_full_reference_file(
    catalog: Catalog, repo_dir: Path, shared_dir: Path
) -> None:
    reference = shared_dir / "reference" / "terraform-provider-schemas.json"
    report = check_catalog(repo_dir / "providers", repo_dir / "mappings", reference)
    assert report.problems == []


def test_every_billed_type_names_its_pricing_page_and_when_it_was_read(catalog: Catalog) -> None:
    assert len(catalog.billed_types()) == 14
    for name in catalog.billed_types():
        billed = catalog.source_types[name].billed
        assert billed is not None
        assert billed.source.url.startswith("https://")
        assert billed.source.published is not None


def test_a_billing_without_a_publication_date_is_refused() -> None:
    from pydantic import ValidationError

    from cloudexit.catalog.schema import SourceType

    with pytest.raises(ValidationError, match="needs published"):
        SourceType.model_validate(
            {
                "kind": "network.router",
                "billed": {
                    "basis": "per gateway hour",
                    "source": {"url": "https://example.com/pricing", "retrieved": "2026-12-06"},
                },
            }
        )
