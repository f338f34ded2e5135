"""A moved resource behind security groups the export does not hold is warned about in words
that fit what it becomes: a managed database is not called a server."""

from __future__ import annotations

from cloudexit.catalog import load_catalog
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from tests.helpers import corpus_inventory

STATE = "tfstate-showjson-aws-infracost-v0.14.json"


def _unheld_lines(target: str) -> dict[str, str]:
    result = plan(corpus_inventory(STATE), load_catalog(), Policy(targets=[target]))
    lines = [w for w in result.warnings if "security group the inventory does not hold" in w]
    return {line.split(" ", 1)[0]: line for line in lines}


def test_a_database_behind_an_unheld_group_is_not_called_a_server() -> None:
    lines = _unheld_lines("scaleway")
    database = lines["demodb"]
    assert "server" not in database.split("none of its rules is written", 1)[1]
    assert "database.mysql gets the target's default access for that service" in database
    machines = [line for name, line in lines.items() if name != "demodb"]
    assert machines, lines
    assert all("server gets the target's default firewall" in line for line in machines)
