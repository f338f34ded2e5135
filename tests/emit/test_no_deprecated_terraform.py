"""No generated Terraform uses a resource type, block or argument its provider deprecates: the
schema reference's deprecation messages name what replaces them (IONOS's In-Memory DB cluster
v2, OpenNebula's virtual network address range), and that is what is written."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit.api import load_inventory
from cloudexit.catalog.loader import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from tests.emit.whole_plans import whole_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "estate"
SITES = {"scaleway": "fr-par", "ovhcloud": "GRA11", "ionos": "de/fra", "opennebula": "default"}


@functools.cache
def written(provider: str) -> list[tuple[str, str, dict[str, Any]]]:
    env = make_environment()
    plan = whole_plan(load_inventory(EXAMPLE / "inventory.json"), provider, SITES[provider])
    (site,) = build_sites(plan, env, load_catalog())
    found = []
    for name, text in render_site(site, env).items():
        if name.endswith(".tf"):
            for entry in hcl2.loads(text).get("resource", []):
                for rtype, bodies in entry.items():
                    for local, body in bodies.items():
                        found.append((rtype.strip('"'), local.strip('"'), body))
    return found


def deprecated_uses(schema: dict[str, Any], body: dict[str, Any], where: str) -> list[str]:
    found = [f"{where}.{name}" for name in schema.get("deprecated", {}) if name in body]
    for name, block in (schema.get("blocks") or schema.get("nested_blocks") or {}).items():
        if name not in body:
            continue
        if block.get("block_deprecated"):
            found.append(f"{where}.{name} (block)")
        items = body[name] if isinstance(body[name], list) else [body[name]]
        for item in items:
            if isinstance(item, dict):
                found += deprecated_uses(block, item, f"{where}.{name}")
    return found


@pytest.mark.parametrize("provider", sorted(SITES))
def test_nothing_deprecated_is_written(provider, shared_dir):
    reference = json.loads(
        (shared_dir / "reference" / "terraform-provider-schemas.json").read_text("utf-8")
    )
    schemas = {
        rtype: schema
        for source in reference["providers"].values()
        for rtype, schema in source.get("resources", {}).items()
    }
    problems = []
    for rtype, local, body in written(provider):
        if rtype.startswith("random_"):
            continue
        schema = schemas[rtype]
        if schema.get("resource_deprecated"):
            problems.append(f"{rtype}.{local}: {schema['resource_deprecated']}")
        problems += deprecated_uses(schema, body, f"{rtype}.{local}")
    assert problems == []


def test_opennebula_networks_take_their_range_as_a_resource():
    found = written("opennebula")
    networks = {local for rtype, local, _ in found if rtype == "opennebula_virtual_network"}
    ranges = {
        local: body
        for rtype, local, body in found
        if rtype == "opennebula_virtual_network_address_range"
    }
    assert networks and set(ranges) == networks
    for local, body in ranges.items():
        assert body["virtual_network_id"] == f"${{opennebula_virtual_network.{local}.id}}"
        assert body["ar_type"] == '"IP4"' and body["size"] >= 1
    for rtype, _, body in found:
        if rtype == "opennebula_virtual_machine":
            # a machine's address is leased from the range: it waits for it
            assert any("address_range" in d for d in body["depends_on"])


def test_ionos_caches_are_in_memory_db_v2_clusters_with_a_hashed_password():
    caches = [(r, b) for r, _, b in written("ionos") if "inmemorydb" in r]
    assert caches
    for rtype, body in caches:
        assert rtype == "ionoscloud_inmemorydb_cluster_v2"
        password = body["credentials"]["password"]
        assert password["algorithm"] == '"SHA-256"'
        assert password["hash"].startswith("${sha256(random_password.")
