"""The engine version a managed database, cache or cluster gets on its target."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.catalog.schema import EngineVersions, SourceRef, VersionsFile
from cloudexit.catalog.versions import decide, install, version_key, version_warnings
from cloudexit.model.inventory import Resource
from cloudexit.model.plan import Option, Placement, Risk

SOURCE = SourceRef(
    url="https://example.org/versions",
    retrieved=dt.date(2026, 12, 6),
    published=dt.date(2026, 6, 1),
    evidence="provider_page",
)


def facts(kind: str, engine: str, same_line: list[str], versions: list[str]) -> EngineVersions:
    return EngineVersions.model_validate(
        {
            "kind": kind,
            "terraform": "target_database",
            "engine": engine,
            "same_line": same_line,
            "versions": versions,
            "source": SOURCE,
        }
    )


CATALOG = Catalog(
    providers={},
    kinds={},
    versions={
        "target": VersionsFile(
            provider="target",
            engines=[
                facts("database.mysql", "mysql", ["mysql"], ["8"]),
                facts("database.postgresql", "postgresql", ["postgresql"], ["17", "14", "15"]),
                facts("database.mariadb", "mysql", ["mysql"], ["8"]),
                facts("cache.redis", "valkey", ["redis"], ["7.2", "8.0"]),
                facts("kubernetes.cluster", "kubernetes", ["kubernetes"], ["1.32", "1.33"]),
            ],
        )
    },
)


def db(kind: str, engine: str | None, version: str | None) -> Resource:
    return Resource.model_validate(
        {
            "id": f"db-{engine}-{version}",
            "provider": "aws",
            "account": "1",
            "region": "eu-west-1",
            "type": "aws_db_instance",
            "kind": kind,
            "name": "orders",
            "attributes": {"engine": engine, "engine_version": version},
        }
    )


def option(fidelity: str = "native", terraform: str | None = "target_database") -> Option:
    zero = Decimal(0)
    return Option(
        provider="target",
        region="r1",
        monthly_cost=zero,
        migration_cost=zero,
        risk=Risk(),
        strategy="replatform",
        fidelity=fidelity,
        terraform=terraform,
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("5.7.19", (5, 7, 19)),
        ("5.7.mysql_aurora.2.11.2", (5, 7)),
        ("POSTGRES_14", (14,)),
        ("v1.30.2-eks", (1, 30, 2)),
        ("8", (8,)),
        ("latest", None),
        (None, None),
    ],
)
def test_version_key_reads_the_leading_number(text, key):
    assert version_key(text) == key


def test_mysql_5_7_moves_to_the_8_the_target_offers_as_a_major_upgrade():
    choice = decide(CATALOG, db("database.mysql", "mysql", "5.7.19"), option())
    assert choice is not None
    assert (choice.version, choice.status, choice.major_change) == ("8", "upgrade", True)
    assert choice.source_version == "5.7.19"
    assert choice.offered == ["8"]
    assert choice.source == SOURCE.url and choice.published == "2026-06-01"
    assert "major version jump" in choice.note


def test_a_version_the_target_offers_is_kept():
    choice = decide(CATALOG, db("database.mysql", "mysql", "8.0.35"), option())
    assert choice is not None
    assert (choice.version, choice.status, choice.major_change) == ("8", "same", False)


@pytest.mark.parametrize(
    ("source", "target"),
    [("13.7", "14"), ("14", "14"), ("15.4", "15"), ("16.1", "17"), ("9.6", "14")],
)
def test_postgresql_takes_the_closest_offered_version_not_older(source, target):
    choice = decide(CATALOG, db("database.postgresql", "postgres", source), option())
    assert choice is not None and choice.version == target
    assert choice.offered == ["14", "15", "17"]


def test_a_source_newer_than_every_offered_version_is_reported_not_rewritten_silently():
    choice = decide(CATALOG, db("database.postgresql", "postgres", "18.1"), option())
    assert choice is not None
    assert choice.status == "not_offered"
    assert choice.version == "17"
    assert "newer than every version offered" in choice.note and "downgrade" in choice.note
    placement = Placement(
        resource_id="db-1",
        kind="database.postgresql",
        choice=option(),
        reason="r",
        engine_version=choice,
    )
    (line,) = version_warnings([placement], {"db-1": "orders"})
    assert "postgresql 18.1 -> postgresql 17" in line and "downgrade" in line and "orders" in line


def test_a_minor_step_on_the_same_line_is_an_upgrade_but_not_major():
    choice = decide(CATALOG, db("cache.redis", "redis", "7.0.7"), option())
    assert choice is not None
    assert (choice.engine, choice.version, choice.status, choice.major_change) == (
        "valkey",
        "7.2",
        "upgrade",
        False,
    )


def test_kubernetes_minor_versions_are_release_lines():
    resource = db("kubernetes.cluster", None, "1.30")
    choice = decide(CATALOG, resource, option())
    assert choice is not None
    assert (choice.version, choice.status, choice.major_change) == ("1.32", "upgrade", True)
    assert "removed APIs" in choice.note
    same = decide(CATALOG, db("kubernetes.cluster", None, "1.33.4"), option())
    assert same is not None and (same.version, same.status) == ("1.33", "same")


def test_another_engine_is_an_engine_change_on_the_newest_version():
    choice = decide(CATALOG, db("database.mariadb", "mariadb", "10.6.14"), option())
    assert choice is not None
    assert (choice.engine, choice.version, choice.status) == ("mysql", "8", "engine_change")


@pytest.mark.parametrize(
    ("kind", "engine", "version", "source"),
    [
        ("database.sqlserver", "sqlserver-se", "13.00.6300.2.v1", "sqlserver"),
        ("database.oracle", "oracle-ee", "19.0.0.0.ru-2023-04.rur-2023-04.r1", "oracle"),
        ("database.sqlserver", None, None, "sqlserver"),
    ],
)
def test_a_database_converted_to_postgresql_records_the_engine_change(
    kind, engine, version, source
):
    choice = decide(CATALOG, db(kind, engine, version), option())
    assert choice is not None
    assert (choice.engine, choice.version, choice.status) == ("postgresql", "17", "engine_change")
    assert choice.major_change and choice.source_engine == source
    assert "becomes postgresql 17" in choice.note


def test_an_unreported_source_version_is_said_so():
    choice = decide(CATALOG, db("database.postgresql", "postgres", None), option())
    assert choice is not None
    assert (choice.version, choice.status) == ("17", "source_unknown")


def test_a_service_without_facts_is_unchecked_and_names_no_version():
    choice = decide(CATALOG, db("database.postgresql", "postgres", "15"), option(terraform="other"))
    assert choice is not None
    assert (choice.version, choice.status) == (None, "unchecked")
    assert choice.offered == []


def test_unversioned_kinds_get_no_choice():
    assert decide(CATALOG, db("compute.vm", None, None), option()) is None
    assert decide(CATALOG, db("compute.vm", None, None), option("self_managed")) is None
    assert decide(CATALOG, db("messaging.queue", None, None), option("self_managed")) is None


@pytest.mark.parametrize(
    ("kind", "engine", "version", "installed"),
    [
        ("database.mysql", "mysql", "5.7.19", ("mysql", "5.7")),
        ("database.mysql", "aurora-mysql", "8.0.mysql_aurora.3.04.0", ("mysql", "8.0")),
        ("database.postgresql", "postgres", "14.9", ("postgresql", "14")),
        ("database.postgresql", "POSTGRES_15", None, ("postgresql", None)),
        ("database.postgresql", "postgres", "9.6.24", ("postgresql", "9.6")),
        ("database.document", "docdb", "5.0.0", ("mongodb", "5.0")),
        ("cache.redis", "redis", "7.1", ("redis", "7.1")),
        ("messaging.stream", "kafka", "3.5.1", ("kafka", "3.5")),
    ],
)
def test_a_self_managed_engine_installs_the_sources_release_line(kind, engine, version, installed):
    choice = decide(CATALOG, db(kind, engine, version), option("self_managed", "target_vm"))
    assert choice is not None
    assert (choice.engine, choice.version) == installed
    if version is None:
        assert choice.status == "source_unknown" and "did not report" in choice.note
    else:
        assert choice.status == "self_managed" and not choice.major_change
        assert choice.note.startswith(f"install {installed[0]} {installed[1]} on the VMs")
        assert version in choice.note
    # Installing is not a change of version: no warning asks anyone to look at it.
    placed = Placement(
        resource_id="db", kind=kind, choice=option("self_managed"), reason="", engine_version=choice
    )
    assert bool(version_warnings([placed], {})) == (version is None)


def test_an_engine_with_no_build_to_install_names_the_replacement():
    graph = decide(CATALOG, db("database.graph", "neptune", "1.2.0.2"), option("self_managed"))
    assert graph is not None and graph.status == "engine_change" and graph.version is None
    assert graph.note.startswith("neptune 1.2.0.2 has no build to install on the VMs")


def test_a_fact_without_publication_date_is_refused():
    with pytest.raises(ValidationError, match="published"):
        facts_without_date = SOURCE.model_copy(update={"published": None})
        EngineVersions.model_validate(
            {
                "kind": "database.mysql",
                "terraform": "t",
                "engine": "mysql",
                "same_line": ["mysql"],
                "versions": ["8"],
                "source": facts_without_date,
            }
        )


def test_bundled_facts_name_versions_the_templates_can_write():
    catalog = load_catalog()
    assert {"ovhcloud", "scaleway", "ionos"} <= set(catalog.versions)
    for provider, file in catalog.versions.items():
        for entry in file.engines:
            mapping = catalog.kinds[entry.kind].targets[provider]
            assert mapping.terraform == entry.terraform, (provider, entry.kind)
            assert all(version_key(v) is not None for v in entry.versions), (provider, entry)


def test_catalog_validate_reports_version_facts_for_a_service_the_kind_is_not_mapped_to(
    tmp_path, repo_dir
):
    import shutil

    from cloudexit.catalog.validate import check_catalog

    mappings = tmp_path / "mappings"
    shutil.copytree(repo_dir / "mappings", mappings)
    assert check_catalog(repo_dir / "providers", mappings).problems == []
    path = mappings / "versions" / "scaleway.yaml"
    path.write_text(
        path.read_text().replace("terraform: scaleway_redis_cluster", "terraform: scaleway_rdb"),
        encoding="utf-8",
    )
    problems = check_catalog(repo_dir / "providers", mappings).problems
    assert problems == [f"{path}: cache.redis on scaleway is not mapped to scaleway_rdb"]


def test_ovhcloud_kubernetes_and_mongodb_versions_are_sourced_first_hand():
    catalog = load_catalog()
    found = {(e.kind.value, e.terraform): e for e in catalog.versions["ovhcloud"].engines}
    kube = found[("kubernetes.cluster", "ovh_cloud_project_kube")]
    mongo = found[("database.document", "ovh_cloud_project_database")]
    for entry in (kube, mongo):
        assert entry.source.evidence == "provider_page"
        assert entry.source.url.startswith("https://github.com/ovh/docs/blob/")
        assert isinstance(entry.source.published, dt.date)
    eks = db("kubernetes.cluster", None, "1.33.4")
    choice = decide(
        catalog,
        eks,
        option(terraform="ovh_cloud_project_kube").model_copy(update={"provider": "ovhcloud"}),
    )
    assert choice is not None and (choice.version, choice.status) == ("1.33", "same")
    documentdb = db("database.document", "docdb", "5.0.0")
    moved = decide(
        catalog,
        documentdb,
        option(terraform="ovh_cloud_project_database").model_copy(update={"provider": "ovhcloud"}),
    )
    assert moved is not None and (moved.engine, moved.version) == ("mongodb", "6.0")
    assert moved.status == "upgrade" and moved.major_change


def test_a_service_whose_versions_are_unverified_says_what_was_searched():
    catalog = load_catalog()
    (entry,) = [
        u for u in catalog.versions["ionos"].unverified if u.kind.value == "kubernetes.cluster"
    ]
    assert entry.terraform == "ionoscloud_k8s_cluster"
    choice = decide(
        catalog,
        db("kubernetes.cluster", None, "1.31.2"),
        option(terraform="ionoscloud_k8s_cluster").model_copy(update={"provider": "ionos"}),
    )
    assert choice is not None and choice.status == "unchecked" and choice.version is None
    assert "(unverified: no first-hand list of the versions IONOS offers" in choice.note
    assert choice.note.endswith("check the version before applying")


def test_catalog_validate_warns_of_services_whose_versions_are_unverified():
    from cloudexit.catalog.validate import unverified_version_warnings
    from cloudexit.datafiles import data_dir

    (line,) = unverified_version_warnings(data_dir("mappings"))
    assert line.startswith(
        "ionos: engine versions of kubernetes.cluster on ionoscloud_k8s_cluster unverified "
        "(checked 2026-12-06): no first-hand list"
    )


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        ("1.7.7", "1.35", "an upgrade of 28 minor versions within major version 1"),
        ("1.34", "1.35", "an upgrade of 1 minor version within major version 1"),
        ("5.7", "8.0", "a major version upgrade"),
        ("12", "20", "a major version upgrade"),
    ],
)
def test_an_upgrade_is_called_major_only_when_its_major_version_changes(before, after, said):
    from cloudexit.catalog.versions import upgrade_size

    assert upgrade_size(before, after) == said


def test_a_planned_store_past_its_end_of_life_is_not_installed_at_the_old_line() -> None:
    """Only a Terraform plan holds it: no data to copy, so no reason to install the ended line
    on the target's VMs."""
    planned = db("analytics.search", "elasticsearch", "2.3").model_copy(update={"planned": True})
    choice = install(CATALOG, planned, option("self_managed"), ended=lambda *_: True)
    assert choice.status == "self_managed"
    assert choice.version is None
    assert "only to copy the data across" not in choice.note
    assert "supported elasticsearch release line" in choice.note
    running = install(
        CATALOG, planned.model_copy(update={"planned": False}), option(), lambda *_: True
    )
    assert running.version == "2.3" and "only to copy the data across" in running.note
