"""What a command imports before it answers: look-ups and `explain` need neither pydantic nor the
optimiser, a small import none of the solver, emitter or cloud client libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = ["pydantic", "pulp", "highspy", "numpy", "jinja2", "rich", "yaml", "boto3", "azure"]
PROBE = """
import json, sys
from cloudexit.cli.main import run
code = run(sys.argv[1:])
print(json.dumps([code, sorted({m.split(".")[0] for m in sys.modules})]))
"""


def imported(*args: str) -> set[str]:
    """Top-level packages loaded by a fresh process that ran ``cloudexit args``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=REPO, check=True
    )
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, done.stderr
    return set(modules) & set(HEAVY)


def test_catalogue_lookups_import_no_models_once_the_cache_is_warm() -> None:
    imported("catalog", "show", "ovhcloud")  # fills the cache
    assert imported("catalog", "show", "ovhcloud", "b3-8") == set()
    assert imported("catalog", "list", "--provider", "ovhcloud") == set()


def test_explain_imports_no_models(tmp_path: Path) -> None:
    plan = {
        "schema_version": "1.0",
        "policy": {"horizon_months": 36},
        "inventory": {
            "resources": [
                {"id": "vm-1", "name": "web", "kind": "compute.vm", "provider": "aws"}
                | {"region": "eu-west-1", "type": "AWS::EC2::Instance"}
            ]
        },
        "placements": [],
        "unplaced": [
            {"resource_id": "vm-1", "kind": "compute.vm", "code": "no_option", "reason": "none"}
        ],
    }
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    assert imported("explain", str(tmp_path / "plan.json"), "web") == set()


def test_a_small_import_loads_no_solver_emitter_or_cloud_client(tmp_path: Path) -> None:
    out = str(tmp_path / "inventory.json")
    servers = REPO / "tests" / "data" / "imports" / "servers.csv"
    assert imported("inventory", "import", str(servers), "-o", out) == {"pydantic"}


def test_an_aws_import_loads_only_the_service_modules_it_needs(tmp_path: Path) -> None:
    """An RDS answer reads what its databases depend on from the RDS declarations only, not
    from every describer of the AWS connector."""
    out = str(tmp_path / "inventory.json")
    rds = REPO / "tests" / "data" / "imports" / "aws-rds-describe-db-instances.json"
    probe = PROBE.replace('sorted({m.split(".")[0] for m in sys.modules})', "sorted(sys.modules)")
    done = subprocess.run(
        [sys.executable, "-c", probe, "inventory", "import", str(rds), "-o", out],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, done.stderr
    services = {m for m in modules if m.startswith("cloudexit.connectors.aws.")}
    assert "cloudexit.connectors.aws.rds" in services
    assert not services & {"cloudexit.connectors.aws.registry", "cloudexit.connectors.aws.s3"}


def test_check_loads_no_solver_or_emitter_and_no_provider_file_whole(tmp_path: Path) -> None:
    """`check` needs each provider's company and regions, not its products: it reads the
    compiled facts, never the 3 MB of provider files, builds none of the product, kind-mapping
    or version models, and imports none of the optimiser's solvers nor the artefact writers (it
    escapes its Markdown with the emitters' helpers)."""
    estate = REPO / "examples" / "estate"
    args = ("check", str(estate / "inventory.json"), "--policy", str(estate / "policy.yaml"))
    probe = PROBE.replace(
        "code = run(sys.argv[1:])",
        "from cloudexit.catalog import loader\n"
        "loader.ProviderFiles.__getitem__ = None\n"  # reading a provider file whole fails
        "code = run(sys.argv[1:])",
    ).replace('sorted({m.split(".")[0] for m in sys.modules})', "sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, cwd=REPO, check=False)
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=REPO, check=False
    )
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code in (0, 1), done.stderr  # 1: a limit breached, a verdict all the same
    assert "## cloudexit check: " in done.stdout, done.stderr
    assert "share of spend under non-EU jurisdiction" in done.stdout
    assert not {m.split(".")[0] for m in modules} & {"pulp", "highspy", "numpy", "jinja2", "rich"}
    assert not set(modules) & {"cloudexit.catalog.products", "cloudexit.catalog.schema"}


def test_check_of_a_json_inventory_parses_no_yaml() -> None:
    """The control planes come from the compiled cache like the catalogue: a `check` given only
    JSON does not load PyYAML."""
    inventory = REPO / "examples" / "estate" / "inventory.json"
    imported("check", str(inventory))  # fills the cache
    assert imported("check", str(inventory)) == {"pydantic"}


ENV_AT_EXIT = """
import atexit, os, sys
atexit.register(lambda: print(repr(os.environ.get("PYDANTIC_DISABLE_PLUGINS"))))
sys.argv = ["cloudexit", *sys.argv[1:]]
from cloudexit.cli.main import entry_point
entry_point()
"""


def _plugins_setting(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", ENV_AT_EXIT, "--version"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=True,
    )
    return done.stdout.splitlines()[-1]


def test_the_command_keeps_a_plugin_setting_the_user_made() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    assert _plugins_setting({**env, "PYDANTIC_DISABLE_PLUGINS": ""}) == "''"
    assert _plugins_setting(env) == "'__all__'"
    done = subprocess.run(
        [sys.executable, "-m", "cloudexit", "--version"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**env, "PYDANTIC_DISABLE_PLUGINS": ""},
        check=True,
    )
    assert done.stdout.strip()


def test_importing_the_library_leaves_the_environment_alone() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import cloudexit, os; assert 'PYDANTIC_DISABLE_PLUGINS' not in os.environ",
        ],
        cwd=REPO,
        env=env,
        check=True,
    )


ENDS_WITH = """
import atexit, sys, threading, time
sys.argv = ["cloudexit", *sys.argv[1:]]
if sys.argv[-1] == "--thread":
    sys.argv.pop()
    def after_main():
        while threading.main_thread().is_alive():
            time.sleep(0.01)
        print("thread done")
    threading.Thread(target=after_main).start()
atexit.register(lambda: sys.stdout.write("written at exit, not flushed"))
from cloudexit.cli.main import entry_point
entry_point()
"""


def _ended(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ENDS_WITH, *args],
        capture_output=True,
        check=False,
        text=True,
        cwd=REPO,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # a pipe buffers
    )


def test_the_command_ends_with_its_status_and_every_line_written() -> None:
    listed = _ended("catalog", "list", "--provider", "ovhcloud")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count("\n") > 20
    assert listed.stdout.endswith("\nwritten at exit, not flushed")
    unknown = _ended("catalog", "show", "nowhere")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("cloudexit: error: unknown provider 'nowhere'")


def test_the_command_waits_for_a_thread_still_running() -> None:
    done = _ended("--version", "--thread")
    assert done.returncode == 0, done.stderr
    assert "thread done" in done.stdout.splitlines()


def test_the_command_ends_quietly_when_its_output_is_closed() -> None:
    """A descriptor closed before start leaves Python's stream at None; the ending skips it."""
    done = subprocess.run(
        [sys.executable, "-m", "cloudexit", "plan", "--help"],
        stdin=subprocess.DEVNULL,
        stdout=None,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
        check=False,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


CALLED_FROM_LIBRARY = """
import sys
sys.argv = ["cloudexit", "--version"]
sys.path.insert(0, {where!r})
import caller
caller.call()
"""

CALLER = """
import sys
from cloudexit.cli.main import entry_point


def call():
    try:
        entry_point()
    except SystemExit as done:
        sys.stdout.write(f"status {done.code}\\n")
    finally:
        sys.stdout.write("finally ran\\n")
"""


def test_the_command_called_from_other_code_returns_to_it(tmp_path) -> None:
    """Only the program's own top level ends the process at once; other code calling the
    entry keeps its handlers and finally blocks."""
    (tmp_path / "caller.py").write_text(CALLER)
    done = subprocess.run(
        [sys.executable, "-c", CALLED_FROM_LIBRARY.format(where=str(tmp_path))],
        capture_output=True,
        check=False,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == ["status 0", "finally ran"]
