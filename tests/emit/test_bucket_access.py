"""A bucket's ACL, Block Public Access and default encryption are read from every AWS source and
carried: encryption written where the target's schema takes it (OVHcloud and IONOS with keys the
provider manages; Scaleway with its own managed keys, or a Key Manager key of the bucket's own for a
source under keys its owner manages); a public bucket said, never opened on the target.

Real export: Checkov's AWS plan, whose bucket ``data`` is ``public-read`` and ``logs`` encrypted
with ``aws:kms``. AWS Config: a snapshot shaped as Config writes S3 items (the ACL a JSON string
of grants in the supplementary configuration, ``AllUsers`` as a bare grantee)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.importers import import_files
from cloudexit.model.bucket_access import canned_acl
from tests.emit.test_firewall_appliance import catalog
from tests.helpers import corpus_inventory, one_target_policy, tfstate, tfstate_resource

PLAN = "tfplan-aws-55res-checkov.json"
IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"
DATA = "123456789123-acme-corp-data"
LOGS = "123456789123-acme-corp-logs"
BUCKET_TYPES = {
    "scaleway": "scaleway_object_bucket",
    "ovhcloud": "ovh_cloud_project_storage",
    "ionos": "ionoscloud_s3_bucket",
}


def _emitted(target: str, out: Path) -> tuple[str, list[str]]:
    plan = api.plan(corpus_inventory(PLAN), one_target_policy(target), catalog())
    api.emit(plan, out, catalog=catalog())
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.tf")))
    warnings = json.loads((out / "plan.json").read_text(encoding="utf-8"))["warnings"]
    return text, warnings


def _bucket(text: str, target: str, name: str) -> tuple[str, str]:
    """(comments above, body) of the bucket written for ``name``."""
    match = re.search(
        rf"((?:#[^\n]*\n)*)resource \"{BUCKET_TYPES[target]}\" \"(\w+)\" \{{\n(?:(?!\n\}}\n).)*"
        rf"name += \"{re.escape(name)}\".*?\n\}}\n",
        text,
        re.DOTALL,
    )
    assert match, name
    return match.group(1), match.group(0)


def test_the_terraform_importer_reads_acl_and_encryption():
    by_name = {r.name: r for r in corpus_inventory(PLAN).resources}
    assert by_name[DATA].attributes.details["acl"] == "public-read"
    assert by_name[LOGS].attributes.details["encryption"] == "aws:kms"
    assert "encryption" not in by_name[DATA].attributes.details


@pytest.mark.parametrize("target", ["scaleway", "ovhcloud", "ionos"])
def test_a_public_bucket_is_said_and_written_private(target, tmp_path):
    text, warnings = _emitted(target, tmp_path)
    comments = _bucket(text, target, DATA)[0]
    assert "ACL is public-read" in comments and "written private here" in comments
    # nothing the plan writes opens a bucket
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert not re.search(r"public-read|AllUsers|acl\s*=", code)
    assert any(
        w.startswith(f"bucket {DATA}: the source bucket's ACL is public-read") for w in warnings
    )
    private = _bucket(text, target, "123456789123-acme-corp-financials")[0]
    assert "public" not in private


@pytest.mark.parametrize(
    ("target", "written"),
    [
        ("ovhcloud", r'encryption = \{\n\s+sse_algorithm = "AES256"\n\s+\}'),
        (
            "ionos",
            (
                r'resource "ionoscloud_s3_bucket_server_side_encryption_configuration" "\w+" \{\n'
                r"\s+bucket = ionoscloud_s3_bucket\.\w+\.name\n\s+rule \{\n"
                r'\s+apply_server_side_encryption_by_default \{\n\s+sse_algorithm = "AES256"'
            ),
        ),
    ],
)
def test_encryption_is_written_where_the_schema_takes_it(target, written, tmp_path, shared_dir):
    text, warnings = _emitted(target, tmp_path)
    assert len(re.findall(written, text)) == 1  # the logs bucket only
    if target == "ovhcloud":
        assert re.search(written, _bucket(text, target, LOGS)[1])
    assert any(f"bucket {LOGS} is encrypted at the source with aws:kms" in w for w in warnings)
    from cloudexit.tfcheck.run import check_folder

    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []


def test_scaleway_writes_a_key_of_its_own_for_a_bucket_under_an_owners_key(tmp_path, shared_dir):
    """Checkov's ``logs`` bucket is encrypted with aws:kms: Scaleway's encryption configuration
    takes aws:kms with a Key Manager key, so the bucket gets one, never left unencrypted (the
    plan used to say Scaleway needs such a key and write nothing)."""
    text, warnings = _emitted("scaleway", tmp_path)
    keys = re.findall(r'resource "scaleway_key_manager_key" "(\w+)" \{\n(.*?)\n\}', text, re.DOTALL)
    assert len(keys) == 1  # the logs bucket only
    local, body = keys[0]
    assert f'name        = "{LOGS}-objects"' in body
    assert 'usage       = "asymmetric_encryption"' in body
    (config,) = re.findall(
        r'resource "scaleway_object_bucket_server_side_encryption_configuration" "(\w+)" \{\n'
        r"(.*?)\n\}\n",
        text,
        re.DOTALL,
    )
    assert config[0] == local
    bucket = re.search(rf'resource "scaleway_object_bucket" "{local}" \{{\n\s+name = "(.*?)"', text)
    assert bucket and bucket.group(1) == LOGS
    assert f"bucket = scaleway_object_bucket.{local}.name" in config[1]
    assert 'sse_algorithm     = "aws:kms"' in config[1]
    assert f"kms_master_key_id = scaleway_key_manager_key.{local}.name" in config[1]
    (line,) = [w for w in warnings if w.startswith(f"bucket {LOGS} is encrypted")]
    assert "written with aws:kms under a Key Manager key of its own" in line
    assert "not carried" not in line and "no Key Manager price" in line
    from cloudexit.tfcheck.run import check_folder

    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []


def test_scaleway_writes_its_own_managed_encryption_for_an_aes256_bucket(tmp_path, shared_dir):
    inv = import_files([IMPORTS / "aws-config-buckets.json"])
    plan = api.plan(inv, one_target_policy("scaleway"), catalog())
    api.emit(plan, tmp_path, catalog=catalog())
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.rglob("*.tf")))
    configs = dict(
        re.findall(
            r'resource "scaleway_object_bucket_server_side_encryption_configuration" "(\w+)" '
            r'\{\n.*?sse_algorithm\s+= "(.*?)"',
            text,
            re.DOTALL,
        )
    )
    names = dict(
        re.findall(r'resource "scaleway_object_bucket" "(\w+)" \{\n\s+name = "(.*?)"', text)
    )
    assert {names[local]: algorithm for local, algorithm in configs.items()} == {
        "acme-site-assets": "AES256",
        "acme-ledger": "aws:kms",
    }
    assert len(re.findall(r'resource "scaleway_key_manager_key"', text)) == 1
    assert not [w for w in plan.warnings if "not carried" in w]
    from cloudexit.tfcheck.run import check_folder

    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []


def test_aws_config_buckets_keep_acl_block_and_encryption():
    inv = import_files([IMPORTS / "aws-config-buckets.json"])
    details = {r.name: r.attributes.details for r in inv.resources}
    assert details["acme-site-assets"]["acl"] == "public-read"
    assert details["acme-site-assets"]["encryption"] == "AES256"
    assert "public_access_blocked" not in details["acme-site-assets"]
    assert details["acme-ledger"] == details["acme-ledger"] | {
        "acl": "private",
        "public_access_blocked": True,
        "encryption": "aws:kms",
    }
    # a public ACL that Block Public Access ignores is not public
    assert details["acme-shared-reports"]["public_access_blocked"] is True
    plan = api.plan(inv, one_target_policy("ovhcloud"), catalog())
    said = [w for w in plan.warnings if w.startswith("bucket ") and "ACL is" in w]
    assert [w.split(":")[0] for w in said] == ["bucket acme-site-assets"]


def test_grants_as_the_s3_api_gives_them():
    owner = {"Grantee": {"ID": "abc", "Type": "CanonicalUser"}, "Permission": "FULL_CONTROL"}
    group = "http://acs.amazonaws.com/groups/global/"
    everyone = {"Grantee": {"Type": "Group", "URI": group + "AllUsers"}}
    assert canned_acl([owner]) == "private"
    assert canned_acl([owner, everyone | {"Permission": "READ"}]) == "public-read"
    assert canned_acl([owner, everyone | {"Permission": "FULL_CONTROL"}]) == "public-read-write"
    signed = {
        "Grantee": {"Type": "Group", "URI": group + "AuthenticatedUsers"},
        "Permission": "READ",
    }
    assert canned_acl([owner, signed]) == "authenticated-read"
    logs = {"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/s3/LogDelivery"}}
    assert canned_acl([owner, logs | {"Permission": "WRITE"}]) == "private"


def test_settings_written_as_their_own_resources_join_their_bucket(tmp_path: Path):
    """AWS provider 4 and later write a bucket's ACL, encryption, Block Public Access and
    versioning as resources of their own; they used to be skipped as "carried by its bucket"
    while the bucket carried none of them."""

    def s3(tf_type: str, name: str, values: dict[str, object], deps: list[str]) -> dict:
        return tfstate_resource("aws", tf_type, name, values, deps)

    group = "http://acs.amazonaws.com/groups/global/AllUsers"
    resources = [
        s3(
            "aws_s3_bucket",
            "site",
            {
                "id": "acme-site",
                "bucket": "acme-site",
                "arn": "arn:aws:s3:::acme-site",
                "region": "eu-west-3",
            },
            [],
        ),
        s3(
            "aws_s3_bucket",
            "vault",
            {
                "id": "acme-vault",
                "bucket": "acme-vault",
                "arn": "arn:aws:s3:::acme-vault",
                "region": "eu-west-3",
            },
            [],
        ),
        s3(
            "aws_s3_bucket_acl",
            "site",
            {
                "id": "acme-site",
                "bucket": "acme-site",
                "access_control_policy": [
                    {
                        "grant": [
                            {"grantee": [{"type": "Group", "uri": group}], "permission": "READ"}
                        ],
                        "owner": [{"id": "0a1b2c"}],
                    }
                ],
            },
            ["aws_s3_bucket.site"],
        ),
        s3(
            "aws_s3_bucket_server_side_encryption_configuration",
            "vault",
            {
                "id": "acme-vault",
                "bucket": "acme-vault",
                "rule": [
                    {
                        "apply_server_side_encryption_by_default": [
                            {"sse_algorithm": "aws:kms", "kms_master_key_id": ""}
                        ],
                        "bucket_key_enabled": True,
                    }
                ],
            },
            ["aws_s3_bucket.vault"],
        ),
        s3(
            "aws_s3_bucket_public_access_block",
            "vault",
            {
                "id": "acme-vault",
                "bucket": "acme-vault",
                "block_public_acls": True,
                "ignore_public_acls": True,
                "block_public_policy": True,
                "restrict_public_buckets": True,
            },
            ["aws_s3_bucket.vault"],
        ),
        s3(
            "aws_s3_bucket_versioning",
            "vault",
            {
                "id": "acme-vault",
                "bucket": "acme-vault",
                "versioning_configuration": [{"status": "Enabled", "mfa_delete": ""}],
            },
            ["aws_s3_bucket.vault"],
        ),
    ]
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(tfstate(resources)), encoding="utf-8")
    details = {r.name: r.attributes.details for r in import_files([path]).resources}
    assert sorted(details) == ["acme-site", "acme-vault"]
    assert details["acme-site"]["acl"] == "public-read"
    assert details["acme-vault"]["encryption"] == "aws:kms"
    assert details["acme-vault"]["public_access_blocked"] is True
    assert details["acme-vault"]["versioning"] == "Enabled"
