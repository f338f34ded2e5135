"""Hostile values stay data in every output language."""

from __future__ import annotations

import re

import hcl2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cloudexit.emit.escape import (
    _MD_INLINE,
    _MD_LEADING,
    hcl_comment,
    hcl_list,
    hcl_map,
    hcl_string,
    md_code,
    md_text,
    mermaid_label,
    visible,
)
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.emit.terraform.hclfmt import format_hcl
from cloudexit.model.inventory import Inventory
from tests.emit.whole_plans import whole_plan
from tests.helpers import inventory, resource

# Every character Python, Terraform or a Markdown/Mermaid reader may take as a line end.
LINE_BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
INJECTION = (
    '\nresource "terraform_data" "x" {\n  provisioner "local-exec" {\n    command = "id"\n  }\n}\n'
)


def test_hcl_string_is_one_line_and_never_interpolates():
    for brk in LINE_BREAKS:
        text = hcl_string(f"a{brk}b ${{var.x}} %{{if true}}")
        assert len(text.splitlines()) == 1, repr(text)
        assert "${var" not in text.replace("$${", "") and "%{if" not in text.replace("%%{", "")
        hcl2.loads(f"a = {text}\n")


def test_hcl_string_escapes_quotes_backslashes_and_invisible_characters():
    assert hcl_string('say "hi" \\ \u202e\u200b\t') == '"say \\"hi\\" \\\\ \\u202E\\u200B\\t"'
    assert hcl_string("\U000e0001") == '"\\U000E0001"'
    assert hcl_string("\ud800") == '"\\uFFFD"'
    assert hcl_string("$${x}%{y}") == '"$$\\u007Bx}%\\u007By}"'


def test_hcl_list_and_map_escape_keys_and_values():
    assert hcl_list(["a\nb"]) == '["a\\nb"]'
    assert hcl_map({"k\u2028": "v\x1c"}) == '{\n"k\\u2028" = "v\\u001C"\n}'
    hcl2.loads("m = " + hcl_map({"k\u2028": "v"}) + "\n")


def test_a_comment_cannot_be_ended_by_any_line_break():
    for brk in LINE_BREAKS:
        text = "# " + hcl_comment(f"id{brk}{INJECTION}")
        assert len(text.splitlines()) == 1
        assert set(hcl2.loads(text + "\n")) <= {"__comments__"}


def test_formatter_splits_lines_at_newline_only():
    text = 'a = "x\u2028y"\n# c\x1cd\u0085e\nb = 1\n'
    assert format_hcl(text) == 'a = "x\u2028y"\n# c\x1cd\u0085e\nb = 1\n'


def test_markdown_text_has_no_markup_and_no_line_break():
    for brk in LINE_BREAKS:
        text = md_text(f"x{brk}```mermaid{brk}# heading | cell")
        assert len(text.splitlines()) == 1
        assert not re.search(r"(?<!\\)[`|]", text), text
    assert md_text("<script>") == "\\<script>"
    assert md_text("# title") == "\\# title"
    assert md_text("1. item") == "1\\. item"
    assert md_text("snake_case and 10.0.0.0/8") == "snake_case and 10.0.0.0/8"
    assert (
        md_text("*bold* [link](x) ![img](y) $math$")
        == "\\*bold\\* \\[link\\](x) \\!\\[img\\](y) \\$math\\$"
    )


def test_inline_code_fence_is_longer_than_any_backtick_run():
    assert md_code("plain") == "`plain`"
    assert md_code("a`b") == "``a`b``"
    assert md_code("``x") == "``` ``x ```"
    assert md_code("a|b") == "`a\\|b`"
    assert len(md_code("a\u2029b").splitlines()) == 1


def test_mermaid_label_neutralises_quotes_directives_and_breaks():
    label = mermaid_label('x"]\n%%{init: {"theme": "dark"}}%%\u2028```')
    assert re.fullmatch(r"[\w #;.,/-]*", label)
    assert '"' not in label and "%%" not in label and "```" not in label and "\n" not in label
    assert mermaid_label("web-1 café") == "web-1 café"


@pytest.mark.parametrize("provider", ["scaleway", "ovhcloud", "ionos", "opennebula"])
def test_injected_block_in_ids_and_names_stays_data(provider):
    vpc = "vpc-1" + INJECTION
    subnet = "subnet-1\u2028" + INJECTION
    inv = Inventory.model_validate(
        inventory(
            resource(
                vpc,
                kind="network.vpc",
                type="AWS::EC2::VPC",
                attributes={"details": {"cidr_block": "10.1.0.0/16"}},
            ),
            resource(
                subnet,
                kind="network.subnet",
                type="AWS::EC2::Subnet",
                depends_on=[vpc],
                attributes={"details": {"cidr_block": "10.1.2.0/24"}},
            ),
            resource(
                "i-1" + INJECTION,
                type="AWS::EC2::Instance" + INJECTION,
                name="web" + INJECTION,
                depends_on=[subnet],
                tags={"app\x1e": "shop" + INJECTION},
            ),
            resource(
                "lb-1",
                kind="network.load_balancer",
                type="AWS::ElasticLoadBalancingV2::LoadBalancer",
                name="lb",
                depends_on=[subnet],
                attributes={
                    "details": {"listeners": [{"port": 80, "protocol": "TCP" + INJECTION}]}
                },
            ),
        )
    )
    env = make_environment()
    (site,) = build_sites(
        whole_plan(inv, provider, "fr-par" if provider == "scaleway" else "GRA11"), env
    )
    files = render_site(site, env)
    for name, text in files.items():
        if name.endswith(".tf"):
            parsed = hcl2.loads(text)
            types = {t.strip('"') for entry in parsed.get("resource", []) for t in entry}
            assert "terraform_data" not in types, name
            assert not re.search(
                r"^\s*(resource|provisioner)\s+\"(terraform_data|local-exec)\"", text, re.MULTILINE
            )
    readme = files["README.md"]
    assert not re.search(
        r"^\s*(resource|provisioner|#+ )\s*\"?(terraform_data|local-exec)", readme, re.MULTILINE
    )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \\`*[]<|~&!$_#+=->.)0123456789aZ\u00e9\u0663\t", max_size=14))
def test_markdown_text_skips_only_substitutions_that_change_nothing(text):
    # md_text runs each substitution only when the text can hold what it replaces
    full = _MD_INLINE.sub(r"\\\1", visible(text))
    full = _MD_LEADING.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", full)
    assert md_text(text) == full
