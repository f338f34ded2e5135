"""A Kubernetes cluster on a target whose offered versions the catalogue cannot check is written
without a version, never with the source's build string (GKE's "1.7.11-gke.1" fails the apply)."""

from __future__ import annotations

import re

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from tests.helpers import corpus_inventory, one_target_policy


def test_forseti_clusters_on_ionos_leave_the_version_to_ionos_and_say_so(tmp_path):
    inventory = corpus_inventory("gcp-cai-export-forseti.jsonl")
    sources = {
        r.name: r.attributes.engine_version
        for r in inventory.resources
        if r.kind.value == "kubernetes.cluster"
    }
    assert any(v and "gke" in v for v in sources.values())
    catalog = load_catalog()
    plan = api.plan(inventory, one_target_policy("ionos"), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    text = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("kubernetes.tf")))
    clusters = re.findall(r'resource "ionoscloud_k8s_cluster" "[^"]+" \{[^}]*\}', text)
    assert clusters
    assert all("k8s_version" not in c for c in clusters)
    for version in filter(None, sources.values()):
        assert f"the source runs {version}, so test the workloads" in text
