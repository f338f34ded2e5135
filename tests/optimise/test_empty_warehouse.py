"""A BigQuery project whose datasets hold no table and no data runs nothing: it is not priced as
a warehouse cluster on the target. Forseti's Cloud Asset export: project 1042's one dataset
bq_test_ds holds nothing, and was a c3-4 with 20 hours of operations a month (EUR 1,633.36) on
OVHcloud; project 1043's datasets hold a table and still move."""

from __future__ import annotations

from cloudexit import api
from cloudexit.model.policy import Policy
from tests.helpers import corpus_inventory

EMPTY = "//bigquery.googleapis.com/projects/1042/datasets/bq_test_ds"
HELD = "//bigquery.googleapis.com/projects/1043/datasets/dataset1"


def test_an_empty_bigquery_project_is_nothing_to_run() -> None:
    policy = Policy.model_validate({"targets": ["ovhcloud"], "allow_retain": False})
    plan = api.plan(corpus_inventory("gcp-cai-export-forseti.jsonl"), policy)
    placed = {p.resource_id for p in plan.placements}
    assert EMPTY not in placed and HELD in placed
    (left,) = [u for u in plan.unplaced if u.resource_id == EMPTY]
    assert left.code == "retired" and "nothing to run until it holds data" in left.reason
    said = [w for w in plan.warnings if w.startswith("1 BigQuery warehouse with no table")]
    assert len(said) == 1 and "bq_test_ds" in said[0]
