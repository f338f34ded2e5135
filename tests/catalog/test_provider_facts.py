"""Who runs a provider and where, answered from a compiled view without the provider's products."""

from __future__ import annotations

import json

import pytest
import yaml

from cloudexit.catalog import loader
from cloudexit.catalog.loader import load_catalog_dir
from cloudexit.catalog.schema import ProviderFacts
from cloudexit.dependence.jurisdiction import provider_jurisdiction
from cloudexit.errors import InputError
from cloudexit.risk.exposure import known_sites


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLOUDEXIT_CACHE_DIR", str(folder))
    loader._load_catalog.cache_clear()
    yield folder
    loader._load_catalog.cache_clear()


def _whole_facts(catalog):
    return {
        pid: (f.name, f.role, f.currency, f.company, f.certifications, f.regions)
        for pid, f in catalog.providers.items()
    }


def _facts(catalog):
    found = {pid: catalog.facts(pid) for pid in catalog.providers}
    return {
        pid: (f.name, f.role, f.currency, f.company, f.certifications, f.regions)
        for pid, f in found.items()
    }


def _no_provider_file(monkeypatch):
    def no_provider(self, provider_id):
        raise AssertionError(f"provider {provider_id} read whole for its facts")

    monkeypatch.setattr(loader.ProviderFiles, "__getitem__", no_provider)


def test_facts_come_from_the_compiled_view_with_the_whole_files_answers(
    small_catalog, cache, monkeypatch
):
    expected = _whole_facts(load_catalog_dir(small_catalog))
    loader._load_catalog.cache_clear()
    assert _facts(load_catalog_dir(small_catalog)) == expected  # compiles the views
    assert len(list(cache.glob("ProviderFacts-*.json"))) == len(expected)
    loader._load_catalog.cache_clear()  # as a new process would
    with monkeypatch.context() as patched:
        _no_provider_file(patched)
        again = load_catalog_dir(small_catalog)
        assert _facts(again) == expected
        assert provider_jurisdiction("ovhcloud", again) == "EU"
        assert known_sites(again)["gcp"] == {"us-central1", "europe-west1"}


def test_a_damaged_view_is_rebuilt_from_the_provider_file(small_catalog, cache):
    expected = _facts(load_catalog_dir(small_catalog))
    for entry in cache.glob("ProviderFacts-*.json"):
        raw = json.loads(entry.read_text())
        raw["company"]["eu_controlled"] = "perhaps"
        entry.write_text(json.dumps(raw))
    loader._load_catalog.cache_clear()
    assert _facts(load_catalog_dir(small_catalog)) == expected
    for entry in cache.glob("ProviderFacts-*.json"):  # written again, readable
        assert ProviderFacts.model_validate_json(entry.read_bytes()).company.eu_controlled is True


def test_an_edited_provider_file_is_not_answered_from_the_old_view(small_catalog, cache):
    catalog = load_catalog_dir(small_catalog)
    assert provider_jurisdiction("scaleway", catalog) == "EU"
    path = small_catalog / "providers" / "scaleway.yaml"
    data = yaml.safe_load(path.read_text())
    data["company"]["eu_controlled"] = False
    data["regions"].append(
        {"code": "nl-ams", "name": "Amsterdam", "city": "Amsterdam", "country": "NL"}
    )
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    loader._load_catalog.cache_clear()
    edited = load_catalog_dir(small_catalog)
    assert provider_jurisdiction("scaleway", edited) == "non-EU"
    assert {r.code for r in edited.facts("scaleway").regions} == {"fr-par", "nl-ams"}
    assert len(list(cache.glob("ProviderFacts-*.json"))) == 2


def test_an_unknown_provider_is_named(small_catalog, cache):
    catalog = load_catalog_dir(small_catalog)
    with pytest.raises(InputError, match="unknown provider 'nowhere'"):
        catalog.facts("nowhere")
    assert provider_jurisdiction("nowhere", catalog) == "unknown"
