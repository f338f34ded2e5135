"""`catalog show` and `catalog list` answered from the cache print what the catalogue's models say."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from cloudexit.catalog import load_catalog
from cloudexit.catalog.answers import answers_for, list_row, product_text, provider_summary
from cloudexit.catalog.cache_folder import CACHE_ENV
from cloudexit.catalog.lookup import index_products
from cloudexit.catalog.names import find_product
from cloudexit.cli.main import run
from cloudexit.datafiles import data_dir


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def bundled_answers():
    return answers_for(data_dir("providers"), data_dir("mappings"), None, load_catalog)


def test_answers_read_back_match_the_models_for_every_product_of_the_bundled_catalogue(cache):
    made = bundled_answers()
    assert list(cache.glob("answers-*.json"))
    read_back = bundled_answers()
    catalog = load_catalog()
    assert [a.provider for a in read_back] == sorted(catalog.providers)
    for answers, again in zip(made, read_back, strict=True):
        prov = catalog.providers[answers.provider]
        assert again == answers
        assert again.summary == provider_summary(prov)
        assert again.rows == [
            list_row(prov, p) for p in sorted(prov.products, key=lambda p: (p.service, p.id))
        ]
        index = index_products(prov)
        for product in prov.products:
            last = product.id.rsplit("/", 1)[-1]
            for name in (product.id, product.id.upper(), f" {last} ", last):
                expected = find_product(index, name)
                assert expected is not None
                assert again.product(name) == product_text(prov, expected)


def test_a_warm_look_up_imports_no_catalogue_model(cache, repo_dir):
    script = (
        "import sys\n"
        "from cloudexit.cli.main import run\n"
        "code = run(['catalog', 'show', 'ovhcloud', 'b3-8'])\n"
        "print(code, 'cloudexit.catalog.schema' in sys.modules, 'yaml' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", CACHE_ENV: str(cache), "PYTHONPATH": str(repo_dir)}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=repo_dir,
        ).stdout
        for _ in range(2)
    ]
    cold, warm = (o.splitlines() for o in outputs)
    assert cold[0].startswith("ovhcloud/b3-8: ")
    assert cold[:-1] == warm[:-1]
    assert cold[-1] == "0 True True"
    assert warm[-1] == "0 False False"


def test_an_edited_catalogue_is_answered_afresh(cache, small_catalog, capsys):
    args = ("catalog", "show", "aws", "db.t3.large", "--catalog", str(small_catalog))
    code, before, _ = cli(capsys, *args)
    assert code == 0 and "0.136 USD/hour in us-east-1 [unverified]" in before
    path = small_catalog / "providers" / "aws.yaml"
    content = yaml.safe_load(path.read_text())
    for product in content["products"]:
        if product["id"] == "rds/mysql/db.t3.large":
            product["prices"][0]["amount"] = "0.2"
    path.write_text(yaml.safe_dump(content))
    code, after, _ = cli(capsys, *args)
    assert code == 0 and "0.2 USD/hour in us-east-1 [unverified]" in after
    code, listed, _ = cli(capsys, "catalog", "list", "--catalog", str(small_catalog), "-p", "aws")
    assert code == 0 and "0.2 USD/hour" in listed


def test_a_damaged_or_missing_cache_gives_the_same_answers(
    cache, small_catalog, capsys, monkeypatch
):
    args = ("catalog", "list", "--catalog", str(small_catalog))
    code, first, _ = cli(capsys, *args)
    assert code == 0
    entries = sorted(cache.glob("answers-*.json"))
    assert len(entries) == 5
    entries[0].write_text("{not json")
    entries[1].write_text(json.dumps({"provider": "other"}))
    code, again, _ = cli(capsys, *args)
    assert (code, again) == (0, first)
    monkeypatch.setenv(CACHE_ENV, "")
    code, uncached, _ = cli(capsys, *args)
    assert (code, uncached) == (0, first)


def test_unknown_names_and_a_broken_catalogue_still_exit_2_with_one_line(
    cache, small_catalog, capsys
):
    folder = str(small_catalog)
    assert cli(capsys, "catalog", "show", "aws", "--catalog", folder)[0] == 0
    code, _, err = cli(capsys, "catalog", "show", "nope", "--catalog", folder)
    assert code == 2 and err.startswith("cloudexit: error: unknown provider 'nope'; known: aws")
    code, _, err = cli(capsys, "catalog", "show", "aws", "zz9.huge", "--catalog", folder)
    assert code == 2 and "aws: no product 'zz9.huge'" in err
    assert cli(capsys, "catalog", "show", "ovhcloud", "--catalog", folder)[0] == 0
    (small_catalog / "providers" / "ovhcloud.yaml").write_text("id: ovhcloud\nregions: 3\n")
    code, out, err = cli(capsys, "catalog", "show", "ovhcloud", "--catalog", folder)
    assert code == 2 and out == "" and "ovhcloud.yaml" in err
    assert len(err.strip().splitlines()) == 1
