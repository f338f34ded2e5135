"""Server lists in the Azure Migrate import template."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit.importers import import_file
from cloudexit.model.boot_disks import BOOT_GIB
from cloudexit.model.data_disks import DATA_DISKS
from tests.importers.faults import fault_of


def test_servers_csv(imports_dir: Path) -> None:
    ctx = import_file(imports_dir / "servers.csv")
    assert ctx.format == "migrate-csv"
    found = {r.name: r for r in ctx.resources}
    app = found["erp-app-01"]
    assert (app.provider, app.attributes.vcpu, app.attributes.memory_gib) == ("onprem", 8, 32)
    assert (app.attributes.os, app.attributes.storage_gib, app.attributes.architecture) == (
        "windows",
        700,
        "x86_64",
    )
    assert app.utilisation is not None and (
        app.utilisation.cpu_p95,
        app.utilisation.memory_p95,
    ) == (35, 60)
    assert app.attributes.details["os_version"] == "10.0.17763"
    assert found["erp-db-01"].attributes.os == "linux"
    assert found["print-01"].utilisation is None
    [repeat] = [i for i in ctx.issues if i.code == "skipped"]
    assert "line 6" in repeat.message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bad-number.csv", "bad-number.csv: line 3: column Cores: 'four' is not a number"),
        ("missing-column.csv", "missing-column.csv: line 1: missing column Memory (In MB)"),
    ],
)
def test_bad_rows_name_the_line_and_column(imports_dir: Path, name: str, expected: str) -> None:
    assert fault_of(imports_dir / name).endswith(expected)


def test_storage_in_use_sizes_servers_without_disk_sizes(tmp_path: Path) -> None:
    path = tmp_path / "servers.csv"
    path.write_text(
        "*Server name,*Cores,*Memory (In MB),*OS name,Number of disks,Storage in use (In GB),"
        "Disk 1 size (In GB)\n"
        "files-01,4,8192,Ubuntu,1,750,\n"
        "files-02,4,8192,Ubuntu,1,120,300\n",
        encoding="utf-8",
    )
    found = {r.name: r.attributes for r in import_file(path).resources}
    assert found["files-01"].storage_gib == 750
    assert found["files-02"].storage_gib == 300
    assert found["files-02"].details["storage_in_use_gib"] == 120


def test_disk_1_is_the_boot_disk_and_the_others_are_data_disks(imports_dir: Path) -> None:
    found = {r.name: r.attributes for r in import_file(imports_dir / "servers.csv").resources}
    app, db = found["erp-app-01"], found["erp-db-01"]
    assert app.details[BOOT_GIB] == 200
    assert app.details[DATA_DISKS] == [{"name": "disk-2", "gib": 500}]
    assert db.details[BOOT_GIB] == 1024 and DATA_DISKS not in db.details


def test_disks_are_read_in_their_number_order_and_storage_in_use_alone_is_the_boot_disk(
    tmp_path: Path,
) -> None:
    path = tmp_path / "servers.csv"
    path.write_text(
        "*Server name,*Cores,*Memory (In MB),*OS name,Storage in use (In GB),"
        "Disk 10 size (In GB),Disk 2 size (In GB),Disk 1 size (In GB)\n"
        "files-01,4,8192,Ubuntu,750,,,\n"
        "files-02,4,8192,Ubuntu,120,30,20,10\n",
        encoding="utf-8",
    )
    found = {r.name: r.attributes for r in import_file(path).resources}
    assert found["files-01"].details[BOOT_GIB] == 750
    assert DATA_DISKS not in found["files-01"].details
    assert found["files-02"].details[BOOT_GIB] == 10
    assert found["files-02"].details[DATA_DISKS] == [
        {"name": "disk-2", "gib": 20},
        {"name": "disk-10", "gib": 30},
    ]
