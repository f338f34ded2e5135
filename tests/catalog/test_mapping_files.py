"""mappings/ split per target provider: the split files read the same as one inline kinds.yaml,
and the problems a split invites (a stray kind, a provider twice, a misnamed file) are reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from cloudexit.catalog import load_catalog
from cloudexit.catalog.mappings import read_kind_mappings
from cloudexit.catalog.validate import check_catalog
from cloudexit.errors import InputError


def _inline(mappings: Path, into: Path) -> None:
    """Write the split mappings back as one kinds.yaml with targets inline (the former layout)."""
    shutil.copytree(mappings / "sources", into / "sources")
    kinds = yaml.safe_load((mappings / "kinds.yaml").read_text(encoding="utf-8"))["kinds"]
    for path in sorted((mappings / "targets").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in kinds:
            if entry["kind"] in data["kinds"]:
                entry.setdefault("targets", {})[data["provider"]] = data["kinds"][entry["kind"]]
    (into / "kinds.yaml").write_text(
        yaml.safe_dump({"kinds": kinds}, sort_keys=False), encoding="utf-8"
    )


@pytest.fixture
def mappings_copy(tmp_path: Path, repo_dir: Path) -> Path:
    shutil.copytree(repo_dir / "mappings", tmp_path / "mappings")
    return tmp_path / "mappings"


def test_split_files_read_like_one_inline_file(tmp_path: Path, repo_dir: Path) -> None:
    inline = tmp_path / "inline"
    _inline(repo_dir / "mappings", inline)
    split = load_catalog(repo_dir / "providers", repo_dir / "mappings")
    joined = load_catalog(repo_dir / "providers", inline)
    assert not (inline / "targets").exists()
    assert split.kinds == joined.kinds
    assert [list(m.targets) for m in split.kinds.values()] == [
        list(m.targets) for m in joined.kinds.values()
    ]
    assert sum(len(m.targets) for m in split.kinds.values()) == sum(
        len(yaml.safe_load(p.read_text(encoding="utf-8"))["kinds"])
        for p in (repo_dir / "mappings" / "targets").glob("*.yaml")
    )


def test_each_target_file_holds_one_provider(repo_dir: Path) -> None:
    files = sorted((repo_dir / "mappings" / "targets").glob("*.yaml"))
    assert [p.stem for p in files] == ["ionos", "opennebula", "ovhcloud", "scaleway"]
    kinds = yaml.safe_load((repo_dir / "mappings" / "kinds.yaml").read_text(encoding="utf-8"))[
        "kinds"
    ]
    assert not any("targets" in entry for entry in kinds)


def test_a_target_for_an_undescribed_kind_is_reported(mappings_copy: Path, repo_dir: Path) -> None:
    path = mappings_copy / "kinds.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["kinds"] = [k for k in data["kinds"] if k["kind"] != "compute.vm"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    _, problems = read_kind_mappings(mappings_copy)
    assert sorted(problems) == [
        f"{mappings_copy / 'targets' / p}.yaml: kind compute.vm is not described in kinds.yaml"
        for p in ("ionos", "opennebula", "ovhcloud", "scaleway")
    ]
    with pytest.raises(InputError, match="compute.vm is not described"):
        load_catalog(repo_dir / "providers", mappings_copy)


def test_a_provider_mapped_inline_and_in_its_file_is_reported(mappings_copy: Path) -> None:
    path = mappings_copy / "kinds.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    scaleway = yaml.safe_load(
        (mappings_copy / "targets" / "scaleway.yaml").read_text(encoding="utf-8")
    )
    data["kinds"][0]["targets"] = {"scaleway": scaleway["kinds"][data["kinds"][0]["kind"]]}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    _, problems = read_kind_mappings(mappings_copy)
    assert problems == [
        f"{mappings_copy / 'targets' / 'scaleway.yaml'}: kind compute.vm on scaleway is mapped twice"
    ]


def test_a_target_file_named_for_another_provider_is_reported(
    mappings_copy: Path, repo_dir: Path
) -> None:
    (mappings_copy / "targets" / "ionos.yaml").rename(mappings_copy / "targets" / "ionoscloud.yaml")
    report = check_catalog(repo_dir / "providers", mappings_copy)
    assert (
        f"{mappings_copy / 'targets' / 'ionoscloud.yaml'}: provider 'ionos' does not match the file name"
        in report.problems
    )


def test_a_kind_left_with_neither_target_nor_reason_is_reported(mappings_copy: Path) -> None:
    for path in (mappings_copy / "targets").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["kinds"].pop("network.dns_zone", None)
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    kinds, problems = read_kind_mappings(mappings_copy)
    assert problems == [f"{mappings_copy}: kind network.dns_zone has no target and no reason why"]
    assert all(k.value != "network.dns_zone" for k in kinds)
