from __future__ import annotations

import pytest
import yaml

from cloudexit.catalog import load_catalog
from cloudexit.datafiles import data_dir
from cloudexit.emit.summary import is_non_eu, jurisdiction_label
from cloudexit.errors import InputError
from cloudexit.model.io import validate
from cloudexit.sovereignty.data import load_sovereignty
from cloudexit.sovereignty.grade import grade_at, grade_of, score
from cloudexit.sovereignty.schema import OBJECTIVES, ProviderSovereignty

EU = {
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
}


def test_every_catalogue_provider_has_all_eight_objectives_each_level_backed_by_dated_facts():
    data = load_sovereignty()
    catalog = load_catalog()
    assert set(catalog.providers) <= set(data.providers)
    for provider, file in data.providers.items():
        for assessment in data.assessments(provider):
            assert set(assessment.objectives) == set(OBJECTIVES)
            for objective, grade in assessment.objectives.items():
                if grade.level is not None:
                    assert grade.facts, f"{provider}/{assessment.id} {objective}"
                for fact in grade.facts:
                    source = file.sources[fact.source]
                    assert source.published and source.retrieved and source.kind


def test_the_framework_weights_give_the_score():
    data = load_sovereignty()
    assert [o.weight for o in data.framework.objectives] == [
        0.15,
        0.10,
        0.10,
        0.15,
        0.20,
        0.15,
        0.10,
        0.05,
    ]
    assert score(dict.fromkeys(OBJECTIVES, 4), data) == 100.0
    assert score({**dict.fromkeys(OBJECTIVES, 0), "SOV-5": 4}, data) == 20.0


def test_a_level_without_facts_is_refused(tmp_path):
    path = data_dir("providers") / "sovereignty" / "scaleway.yaml"
    raw = yaml.safe_load(path.read_text())
    raw["assessments"][0]["objectives"]["SOV-2"]["facts"] = []
    with pytest.raises(InputError, match="SOV-2.*needs at least one criteria fact"):
        validate(ProviderSovereignty, raw, path)


def test_no_eu_headquartered_provider_is_labelled_non_eu_in_any_region():
    catalog = load_catalog()
    for provider, facts in catalog.providers.items():
        if facts.company.country not in EU:
            continue
        for region in facts.regions:
            label = jurisdiction_label(provider, catalog, region.code)
            assert not label.startswith("non-EU"), (provider, region.code, label)
            assert not is_non_eu(provider, catalog, region.code)
        assert not jurisdiction_label(provider, catalog).startswith("non-EU")


def test_an_eu_parent_with_a_foreign_subsidiary_names_the_path_only_where_it_reaches():
    catalog = load_catalog()
    whole = jurisdiction_label("ionos", catalog)
    assert whole.startswith("EU-controlled")
    assert (
        "exposed via IONOS Cloud Inc. (US subsidiary) to US CLOUD Act for us/ewr, us/las, us/mci"
        in whole
    )
    assert "exposed" not in jurisdiction_label("ionos", catalog, "de/fra")
    assert "US CLOUD Act" in jurisdiction_label("ionos", catalog, "us/las")
    assert is_non_eu("aws", catalog, "eu-central-1")


def test_sites_run_by_other_companies_carry_their_operator_not_the_software_vendor():
    data = load_sovereignty()
    own = grade_at(data, "opennebula", "default")
    german = grade_at(data, "opennebula", "virt8ra-de")
    assert own is not None and german is not None
    assert own.operator == "you" and german.operator == "IONOS SE"
    assert german.levels["SOV-1"] == 4 and "SOV-1" in own.unassessed
    us = grade_at(data, "ionos", "us/las")
    eu = grade_at(data, "ionos", "de/fra")
    assert us is not None and eu is not None
    assert us.levels["SOV-2"] < eu.levels["SOV-2"]


def test_sovereign_offers_of_a_source_cloud_are_scored_on_the_same_scale():
    data = load_sovereignty()
    sovereign = grade_of(data.resolved["aws"]["eusc"], data)
    commercial = grade_at(data, "aws", "eu-central-1")
    assert commercial is not None
    assert sovereign.score > commercial.score
    assert sovereign.levels["SOV-4"] > commercial.levels["SOV-4"]
    assert data.for_site("aws", "eu-central-1").id == "aws"


def test_placeable_sites_name_regions_the_catalogue_knows():
    data = load_sovereignty()
    catalog = load_catalog()
    for provider in data.providers:
        codes = {r.code for r in catalog.providers[provider].regions}
        for assessment in data.assessments(provider):
            if assessment.placeable:
                assert set(assessment.regions) <= codes, (provider, assessment.id)


def test_a_gate_outside_the_scale_is_one_clear_error(tmp_path, capsys):
    from cloudexit.cli.main import run

    policy = tmp_path / "policy.yaml"
    policy.write_text("sovereignty:\n  gates:\n    - name: g\n      min_levels: {SOV-2: 5}\n")
    inv = tmp_path / "inventory.json"
    inv.write_text('{"schema_version": "1.0", "resources": []}')
    assert run(["plan", str(inv), "--policy", str(policy), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "SEAL levels run from 0 to 4, not 5" in err and "Traceback" not in err
