"""Bad input stops `cloudexit plan` before the solve: exit 2 and one line naming the field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cloudexit.cli.main import run
from tests.helpers import FIXTURE_CATALOG, inventory, resource


def plan(capsys, tmp_path: Path, inv: dict | str, policy: str | None = None, *extra: str):
    inv_path = tmp_path / "inventory.json"
    inv_path.write_text(inv if isinstance(inv, str) else json.dumps(inv))
    args = ["plan", str(inv_path), "--out", str(tmp_path / "out")]
    if "--catalog" not in extra:
        args += ["--catalog", str(FIXTURE_CATALOG)]
    if policy is not None:
        (tmp_path / "policy.yaml").write_text(policy)
        args += ["--policy", str(tmp_path / "policy.yaml")]
    code = run([*args, *extra])
    return code, capsys.readouterr().err


def one_line_error(code: int, err: str) -> str:
    assert code == 2, err
    assert err.startswith("cloudexit: error: ") and err.count("\n") == 1, err
    return err


def estate() -> dict:
    return inventory(resource("i-1"), resource("i-2", attributes={"vcpu": 4, "memory_gib": 16}))


def test_a_number_too_large_for_a_float_names_the_field(capsys, tmp_path):
    text = json.dumps(estate()).replace('"vcpu": 4', '"vcpu": 1e400')
    err = one_line_error(*plan(capsys, tmp_path, text))
    assert "resources[1].attributes.vcpu (resource i-2)" in err and "finite" in err


def test_json_nested_ten_thousand_deep_is_refused_in_one_line(capsys, tmp_path):
    text = '{"schema_version": "1.0", "resources": ' + "[" * 10_000 + "]" * 10_000 + "}"
    err = one_line_error(*plan(capsys, tmp_path, text))
    assert "nested too deep" in err


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("exchange_rates: {USD: -0.86}\n", "exchange_rates.USD: Input should be greater than 0"),
        ("exchange_rates: {USD: 0}\n", "exchange_rates.USD: Input should be greater than 0"),
        ("risk_weights: {jurisdiction: -40}\n", "risk_weights.jurisdiction: Input should be"),
        ("solver: {time_limit_s: 1e400}\n", "solver.time_limit_s: Input should be a finite"),
        (
            "targets: [ovh, scaleway]\n",
            "targets[0]: unknown target provider 'ovh'; did you mean ovhcloud?",
        ),
        (
            "providers:\n  - match: {}\n    pin: scaleway/fr-paris\n",
            "providers[0].pin: unknown region 'scaleway/fr-paris'; did you mean scaleway/fr-par?",
        ),
        (
            "providers:\n  - match: {}\n    pin: scalway\n",
            "providers[0].pin: 'scalway' is not a provider; did you mean scaleway?",
        ),
        (
            "providers:\n  - match: {}\n    forbid: [ovhclod]\n",
            "providers[0].forbid[0]: unknown provider 'ovhclod'; did you mean ovhcloud?",
        ),
        (
            "providers:\n  - match: {kinds: [compute.vn]}\n    pin: scaleway\n",
            "providers[0].match.kinds[0]: unknown value 'compute.vn'; did you mean compute.vm",
        ),
        (
            "residency: {allowed_regions: [scaleway/nl-amsterdam]}\n",
            (
                "residency.allowed_regions[0]: unknown region 'scaleway/nl-amsterdam'; "
                "did you mean scaleway/nl-ams?"
            ),
        ),
        (
            "capacity:\n  - {provider: ovhcloud, region: GRA7, max_vcpu: 8}\n",
            "capacity[0].region: ovhcloud has no region 'GRA7'; did you mean GRA?",
        ),
        (
            "residency: {allowed_countries: [NL]}\nproviders:\n  - match: {}\n    pin: scaleway/fr-par\n",
            "providers[0].pin: scaleway/fr-par is outside the residency rules",
        ),
        (
            "max_providers: 1\nmax_spend_share: 0.6\n",
            "max_spend_share 0.6 with max_providers 1 cannot hold",
        ),
        (
            "targets: [scaleway]\ntargets: [ovhcloud]\n",
            "invalid YAML at line 2 column 1: key 'targets' is given twice",
        ),
        (
            "exchange_rates: {GBP: 1.15}\n",
            "exchange_rates: no rate for USD (used by resource i-1)",
        ),
    ],
)
def test_policy_values_the_catalogue_cannot_honour_exit_2(capsys, tmp_path, policy, expected):
    err = one_line_error(*plan(capsys, tmp_path, estate(), policy))
    assert f"{tmp_path / 'policy.yaml'}: {expected}" in err
    assert not (tmp_path / "out" / "plan.json").exists()  # stopped before the solve


def test_a_pin_no_option_can_satisfy_is_a_warning_naming_what_is_missing(capsys, tmp_path):
    inv = inventory(resource("i-1"), resource("big", attributes={"vcpu": 4096, "memory_gib": 8}))
    code, err = plan(
        capsys, tmp_path, inv, "providers:\n  - match: {ids: [big]}\n    pin: scaleway\n"
    )
    assert code == 0, err
    warning = next(line for line in err.splitlines() if "pin scaleway" in line)
    assert "not honoured for 1 resource (first big)" in warning
    assert "scaleway/fr-par: no compute product" in warning
    plan_json = json.loads((tmp_path / "out" / "plan.json").read_text())
    assert any("pin scaleway not honoured" in w for w in plan_json["warnings"])


def test_a_pin_that_holds_gives_no_warning(capsys, tmp_path):
    code, err = plan(capsys, tmp_path, estate(), "providers:\n  - match: {}\n    pin: scaleway\n")
    assert code == 0, err
    assert "pin " not in err


def test_a_negative_catalogue_price_names_the_file_and_field(capsys, tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, catalog)
    scaleway = catalog / "providers" / "scaleway.yaml"
    scaleway.write_text(scaleway.read_text().replace("amount: '0.045'", "amount: '-0.045'", 1))
    err = one_line_error(*plan(capsys, tmp_path, estate(), None, "--catalog", str(catalog)))
    assert "scaleway.yaml" in err and "amount" in err and "greater than or equal to 0" in err


def test_a_negative_monthly_cost_in_the_inventory_is_refused(capsys, tmp_path):
    inv = estate()
    inv["resources"][0]["monthly_cost"]["amount"] = "-11680.68"
    err = one_line_error(*plan(capsys, tmp_path, inv))
    assert "resources[0].monthly_cost.amount (resource i-1)" in err


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ({"listeners": [{"port": "http"}]}, "listeners[0].port: 'http' is not a port number"),
        ({"rules": "allow all"}, "rules: 'allow all' is not a list of objects"),
        ({"rules": [{"cidr": "everywhere"}]}, "rules[0].cidr: 'everywhere' is not a CIDR block"),
        ({"cidr_block": "10.0.0.0/33"}, "cidr_block: '10.0.0.0/33' is not a CIDR block"),
        ({"records": [{"ttl": "soon"}]}, "records[0].ttl: 'soon' is not whole seconds"),
        ({"odd": json.loads("[" * 20 + "]" * 20)}, "nested more than 16 levels"),
    ],
)
def test_details_emitters_cannot_read_are_refused_before_the_solve(
    capsys, tmp_path, details, expected
):
    inv = estate()
    inv["resources"][1]["attributes"]["details"] = details
    err = one_line_error(*plan(capsys, tmp_path, inv))
    assert "resources[1].attributes.details (resource i-2)" in err and expected in err


def test_details_as_other_sources_write_them_are_accepted(capsys, tmp_path):
    inv = estate()
    inv["resources"][1]["attributes"]["details"] = {
        "port": 80.0,  # protobuf numbers arrive as floats
        "listeners": [{"port": "443", "protocol": "HTTPS"}],
        "rules": [{"from_port": -1, "cidr": "10.0.0.0/8"}],
        "records": [{"ttl": 86400}],
    }
    code, err = plan(capsys, tmp_path, inv)
    assert code == 0, err


def test_a_missing_templates_folder_exits_2_before_the_solve(capsys, tmp_path):
    err = one_line_error(
        *plan(capsys, tmp_path, estate(), None, "--templates", str(tmp_path / "nope"))
    )
    assert f"--templates: {tmp_path / 'nope'} is not a folder" in err
    assert not (tmp_path / "out").exists()


def test_user_templates_run_in_the_sandbox(capsys, tmp_path):
    user = tmp_path / "templates" / "runbook"
    user.mkdir(parents=True)
    # reaching Python internals from a template: the classic way out to os.system
    (user / "runbook.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    err = one_line_error(
        *plan(capsys, tmp_path, estate(), None, "--templates", str(tmp_path / "templates"))
    )
    assert "--templates: runbook/runbook.md.j2 line 1: SecurityError" in err and "unsafe" in err
    assert not (tmp_path / "out" / "runbook.md").exists()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ok\n{% for x in %}", "runbook/runbook.md.j2 line 2: Expected an expression"),
        ("ok\n\n{{ no_such_value.name }}", "runbook/runbook.md.j2 line 3: UndefinedError"),
    ],
)
def test_a_broken_user_template_names_its_file_and_line(capsys, tmp_path, text, said):
    user = tmp_path / "templates" / "runbook"
    user.mkdir(parents=True)
    (user / "runbook.md.j2").write_text(text)
    err = one_line_error(
        *plan(capsys, tmp_path, estate(), None, "--templates", str(tmp_path / "templates"))
    )
    assert f"--templates: {said}" in err
    assert not (tmp_path / "out").exists()


def test_bundled_templates_still_render_with_user_templates_given(capsys, tmp_path):
    (tmp_path / "templates").mkdir()
    code, err = plan(capsys, tmp_path, estate(), None, "--templates", str(tmp_path / "templates"))
    assert code == 0, err
    assert (tmp_path / "out" / "runbook.md").exists()
