"""A plan says what its inventory left out: parts of the source it could not read (a warning and
the runbook) and resources skipped with a reason (the runbook, grouped by reason)."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import CollectionIssue, Inventory
from tests.helpers import fixture_catalog, inventory, resource


def test_unread_scopes_warn_and_reach_the_runbook(tmp_path: Path) -> None:
    inv = Inventory.model_validate(inventory(resource("i-1")))
    inv.issues = [
        CollectionIssue(
            code="access_denied",
            message="rds:DescribeDBInstances denied | needs rds:Describe*",
            source="aws",
            scope="123456789012/eu-west-1/rds",
        ),
        CollectionIssue(
            code="throttled", message="gave up <b>", source="aws", scope="eu-west-3/ec2"
        ),
        CollectionIssue(
            code="skipped", message="3 × AWS::IAM::Role skipped: IAM object", source="aws"
        ),
    ]
    catalog = fixture_catalog()
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"]), catalog=catalog)
    [line] = [w for w in plan.warnings if w.startswith("the inventory is incomplete")]
    assert "2 parts of the source could not be read (access_denied 1, throttled 1)" in line
    cloudexit.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text()
    section = runbook.split("## Left out of the inventory", 1)[1].split("\n## ", 1)[0]
    assert (
        "| access_denied | 123456789012/eu-west-1/rds | rds:DescribeDBInstances denied \\| needs"
        in section
    )
    assert "| 3 | AWS::IAM::Role | IAM object |" in section
    report = (tmp_path / "report.html").read_text()
    assert "<td>throttled</td><td>eu-west-3/ec2</td><td>gave up &lt;b&gt;</td>" in report
    assert '<td class="n">3</td><td>AWS::IAM::Role</td><td>IAM object</td>' in report


def test_complete_inventory_has_no_warning_or_section(tmp_path: Path) -> None:
    inv = Inventory.model_validate(inventory(resource("i-1")))
    catalog = fixture_catalog()
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"]), catalog=catalog)
    assert not any("inventory is incomplete" in w for w in plan.warnings)
    cloudexit.emit(plan, tmp_path, catalog=catalog)
    assert "## Left out of the inventory" not in (tmp_path / "runbook.md").read_text()


def test_real_plan_lists_its_skipped_types_by_reason(shared_dir: Path, tmp_path: Path) -> None:
    inv = import_files([shared_dir / "corpus" / "tfplan-aws-infracost-v0.14.json"])
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"]))
    assert not any("inventory is incomplete" in w for w in plan.warnings)
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text()
    section = runbook.split("## Left out of the inventory", 1)[1].split("\n## ", 1)[0]
    assert (
        "| 2 | aws_db_option_group, aws_db_parameter_group | database settings: a parameter"
        in section
    )
    assert "| 2 | aws_iam_role, aws_iam_role_policy_attachment | IAM object" in section
