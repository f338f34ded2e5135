from __future__ import annotations

import json
from pathlib import Path

from cloudexit.cli.main import run
from cloudexit.dependence.discover import (
    IpRanges,
    load_patterns,
    parse_records,
    read_ip_ranges,
    suggest,
)
from cloudexit.dependence.letters import letters
from tests.dependence.conftest import register
from tests.helpers import EXAMPLE

DATA = Path(__file__).resolve().parents[1] / "data" / "dependence"


def suggestions():
    records = parse_records((DATA / "zone.txt").read_text(encoding="utf-8"))
    ranges = IpRanges(read_ip_ranges(DATA / "ip-ranges.json"))
    return {
        s.record.split()[0] + " " + s.record.split()[1]: s
        for s in suggest(records, load_patterns(), ranges)
    }


def test_cname_chains_are_followed_to_the_cloud_and_region():
    found = suggestions()
    sensors = found["sensors.example.com CNAME"]
    assert (sensors.provider, sensors.region, sensors.confidence) == ("azure", "westeurope", "high")
    assert sensors.supplier_hint == "sensorview.example"
    pick = found["pick.example.com CNAME"]
    assert (pick.provider, pick.region) == ("aws", "us-east-1")


def test_addresses_match_the_longest_published_prefix():
    shop = suggestions()["shopfront.example.com A"]
    assert (shop.provider, shop.region, shop.confidence) == ("aws", "us-west-2", "high")
    assert "52.94.76.0/22" in shop.evidence


def test_mail_and_spf_are_low_confidence_and_unmatched_hosts_are_left_out():
    found = suggestions()
    assert found["example.com MX"].confidence == "low"
    assert found["example.com SPF"].provider in {"azure", "aws"}
    assert "payroll.example.com CNAME" not in found


def test_discover_command_prints_json(capsys):
    code = run(
        [
            "suppliers",
            "discover",
            "--dns",
            str(DATA / "zone.txt"),
            "--ip-ranges",
            str(DATA / "ip-ranges.json"),
            "--format",
            "json",
        ]
    )
    assert code == 0
    providers = {s["provider"] for s in json.loads(capsys.readouterr().out)}
    assert providers == {"aws", "azure"}


def test_discover_refuses_an_unknown_range_file(tmp_path, capsys):
    bad = tmp_path / "r.json"
    bad.write_text("{}", encoding="utf-8")
    assert (
        run(["suppliers", "discover", "--dns", str(DATA / "zone.txt"), "--ip-ranges", str(bad)])
        == 2
    )
    assert "not an AWS ip-ranges.json" in capsys.readouterr().err


def test_letters_go_to_suppliers_on_non_eu_clouds_serving_critical_functions(catalog):
    found = {letter.supplier.id: letter for letter in letters(register(), catalog, "Acme")}
    assert set(found) == {"sensors", "pay"}
    assert "runs on azure" in found["sensors"].reason
    assert "**Exit**" in found["pay"].text


def test_letters_escape_what_suppliers_are_called(catalog):
    hostile = register(
        suppliers=[{"id": "x", "name": "Evil\n# Heading <script>", "functions": ["sales"]}]
    )
    text = letters(hostile, catalog, "Acme")[0].text
    assert "\n# Heading" not in text
    assert text.count("<script>") == text.count("\\<script>") > 0


def test_letters_command_writes_one_file_per_supplier(tmp_path, capsys):
    assert (
        run(["suppliers", "letters", str(EXAMPLE / "suppliers.yaml"), "--out", str(tmp_path)]) == 0
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "payfast.md",
        "pickmaster.md",
        "sensorview.md",
    ]
    assert "PickMaster Warehouse Systems" in (tmp_path / "pickmaster.md").read_text(
        encoding="utf-8"
    )
