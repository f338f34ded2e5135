"""A public address several servers name is written on the first of them; the site README names
the others, which are written without one (they were left without a word)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cloudexit import api
from tests.emit.test_firewall_appliance import catalog, planned


@pytest.mark.parametrize("target", ["scaleway", "ovhcloud", "ionos"])
def test_the_appliances_left_without_the_shared_address_are_named(target, tmp_path: Path) -> None:
    # The recorded Azure plan gives five firewalls one public address.
    api.emit(planned(target), tmp_path, catalog=catalog())
    (readme,) = [
        p
        for p in (tmp_path / "terraform" / target).glob("*/README.md")
        if "## Public addresses several servers name" in p.read_text(encoding="utf-8")
    ]
    section = readme.read_text(encoding="utf-8").split("## Public addresses several servers name")
    (line,) = [x for x in section[1].splitlines() if x.startswith("- `testpip`")]
    first, others = re.fullmatch(r"- `testpip`: on `([^`]+)`; not on (.+)", line).groups()
    away = re.findall(r"`([^`]+)`", others)
    assert first.endswith("_appliance") and len(away) == 4
    assert all(a.endswith("_appliance") for a in away) and first not in away
    text = "\n".join(p.read_text(encoding="utf-8") for p in readme.parent.glob("*.tf"))
    for address in (first, *away):
        assert f'resource "{address.split(".")[0]}" "{address.split(".")[1]}"' in text
