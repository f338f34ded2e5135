"""Names cut to a target's length limit stay apart, and the check flags a name written twice.

Forseti's Cloud Asset export with its two buckets given long valid GCS names that differ only
past 63 characters: cut plainly, both became one Scaleway bucket name, and the apply of the
second fails."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from cloudexit import api
from cloudexit.emit.terraform.site import slug
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy
from cloudexit.tfcheck.run import check_folder
from tests.helpers import corpus_file

PREFIX = "exports.analytics.eu-west1.example-company-production-data.com."
LONG = {"bucket1": PREFIX + "raw", "bucket2": PREFIX + "curated"}
EU4 = Policy.model_validate(
    {
        "targets": ["ionos", "opennebula", "ovhcloud", "scaleway"],
        "residency": {
            "allowed_countries": ["DE", "FR", "NL", "BE", "ES", "IT", "PL", "AT", "LU", "IE"]
        },
        "allow_retain": False,
    }
)
BUCKET_TYPES = ("scaleway_object_bucket", "ionoscloud_s3_bucket", "ovh_cloud_project_storage")


@cache
def renamed() -> Inventory:
    inventory = import_files([corpus_file("gcp-cai-export-forseti.jsonl")])
    resources = [
        r.model_copy(update={"name": LONG.get(r.name, r.name)}) for r in inventory.resources
    ]
    assert sum(r.name in LONG.values() for r in resources) == 2
    return inventory.model_copy(update={"resources": resources})


def bucket_names(folder: Path) -> list[str]:
    pattern = re.compile(
        r'resource "(?:' + "|".join(BUCKET_TYPES) + r')" "[^"]+" \{\n  name\s+= "([^"]+)"'
    )
    return [m for tf in sorted(folder.rglob("*.tf")) for m in pattern.findall(tf.read_text())]


def test_two_long_bucket_names_sharing_63_characters_are_written_apart(tmp_path: Path) -> None:
    plan = api.plan(renamed(), EU4)
    for run in ("a", "b"):
        api.emit(plan, tmp_path / run)
    written = bucket_names(tmp_path / "a" / "terraform")
    assert len(set(written)) == len(written), written
    names = [n for n in written if n.startswith("exports-")]
    assert len(names) == 2
    assert len(set(names)) == 2, names
    assert all(len(n) <= 63 and re.fullmatch(r"[a-z][a-z0-9-]*[a-z0-9]", n) for n in names)
    # the shared prefix is kept, so a reader still knows the bucket
    assert all(n.startswith("exports-analytics-eu-west1-example-company") for n in names)
    assert written == bucket_names(tmp_path / "b" / "terraform")
    report = check_folder(tmp_path / "a" / "terraform", terraform_core=False)
    assert report.errors == []


def test_a_name_within_the_limit_is_written_as_it_was() -> None:
    assert slug("bucket1") == "bucket1"
    assert slug("x" * 63) == "x" * 63
    cut = slug("x" * 64)
    assert len(cut) == 63 and cut != "x" * 63 and cut == slug("x" * 64)


def bucket(local: str, name: str, rtype: str = "scaleway_object_bucket") -> str:
    return f'resource "{rtype}" "{local}" {{\n  name = "{name}"\n}}\n'


def test_the_check_flags_a_bucket_name_written_twice(tmp_path: Path) -> None:
    cut = "exports-analytics-eu-west1-example-company-production-data-com"
    for region in ("pl-waw", "it-mil"):
        (tmp_path / region).mkdir()
    (tmp_path / "pl-waw" / "main.tf").write_text(
        bucket("raw", cut) + bucket("curated", cut) + bucket("logs", "logs")
    )
    # a bucket name is held once across the provider's object storage, not per region
    (tmp_path / "it-mil" / "main.tf").write_text(bucket("logs", "logs"))
    errors = check_folder(tmp_path, terraform_core=False).errors
    assert [(e.file, e.where) for e in errors] == [
        ("pl-waw/main.tf", "scaleway_object_bucket.curated"),
        ("pl-waw/main.tf", "scaleway_object_bucket.logs"),
    ]
    assert all("already written by" in e.message for e in errors)


def test_a_registry_name_is_held_once_per_site_only(tmp_path: Path) -> None:
    rtype = "scaleway_registry_namespace"
    for region in ("pl-waw", "it-mil"):
        (tmp_path / region).mkdir()
        (tmp_path / region / "main.tf").write_text(bucket("images", "images", rtype))
    assert check_folder(tmp_path, terraform_core=False).errors == []
    (tmp_path / "it-mil" / "main.tf").write_text(
        bucket("images", "images", rtype) + bucket("images_2", "images", rtype)
    )
    errors = check_folder(tmp_path, terraform_core=False).errors
    assert [(e.file, e.where) for e in errors] == [("it-mil/main.tf", f"{rtype}.images_2")]
