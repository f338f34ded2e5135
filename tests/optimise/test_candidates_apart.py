"""From a size on, half the candidates, the later units' weighing, half the chosen options, the
later placements, the warnings read from the placements and the sovereignty roll-up are worked
out by forked children: the same plan either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cloudexit.optimise.apart import Apart
from tests.conftest import REPO
from tests.helpers import inventory, resource

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forks as Linux does")

USAGE = {"period_days": 30}
LIGHT = {"cpu_p95": 10, "memory_p95": 12, **USAGE}


def estate() -> dict[str, object]:
    """The second half repeats the first's signatures (an id apart), and has options equal to
    the first half's from other raw attributes (right-sized to the same size)."""
    return inventory(
        resource("a1", attributes={"vcpu": 2, "memory_gib": 8}),
        resource("a2", attributes={"vcpu": 4, "memory_gib": 16}, tags={"t": "x"}),
        resource(
            "a3",
            attributes={"vcpu": 2, "memory_gib": 8},
            monthly_cost={"amount": "90", "currency": "USD", "source": "test"},
        ),
        resource("a4", "storage.block", attributes={"storage_gib": 100}),
        resource("b1", attributes={"vcpu": 2, "memory_gib": 8}),
        resource("b2", attributes={"vcpu": 8, "memory_gib": 32}, utilisation=LIGHT),
        resource("b3", attributes={"vcpu": 8, "memory_gib": 32}, utilisation=LIGHT),
        resource("b4", "storage.block", attributes={"storage_gib": 100}),
    )


# Run in a process of its own with one BLAS thread, as the command runs: a process holding a
# second thread never forks (``can_fork``).
BOTH_WAYS = """
import json, sys
from contextlib import contextmanager
from cloudexit.model import Inventory, Policy
import cloudexit.optimise.concentration as concentration
import cloudexit.optimise.planner as planner
import cloudexit.optimise.units as units
from cloudexit.optimise.planner import plan
from tests.helpers import fixture_catalog

real, forked = units.apart, []


@contextmanager
def counting(work, fork, parts=0):
    with real(work, fork, parts) as child:
        yield child
    forked.append(child.forked)


units.apart = concentration.apart = planner.apart = counting
estate = Inventory.model_validate_json(open(sys.argv[1]).read())
policy = Policy(targets=["ovhcloud", "scaleway"], max_spend_share=0.6, solver={"name": "highs", "gap": 0})
serial, _ = plan(estate, fixture_catalog(), policy)
two, _ = plan(estate, fixture_catalog(), policy, fork_from=2)
both = list(forked)
# one probe in all: a2, off its best row among the earlier placements, takes it; b3, among the
# later ones the child makes, must not
import cloudexit.optimise.explain as explain
explain.MAX_PROBES = 1
serial_one, _ = plan(estate, fixture_catalog(), policy)
two_one, _ = plan(estate, fixture_catalog(), policy, fork_from=2)
print(json.dumps({"forked": both, "same": two.model_dump_json() == serial.model_dump_json(),
                  "classes": two.solver.classes,
                  "probed": [p.resource_id for p in two.placements if "would break" in p.reason],
                  "probed_once": [p.resource_id for p in two_one.placements if "would break" in p.reason],
                  "same_once": two_one.model_dump_json() == serial_one.model_dump_json()}))
"""


def test_a_plan_whose_candidates_are_built_by_two_processes_is_the_serial_plan(
    tmp_path: Path,
) -> None:
    path = tmp_path / "inventory.json"
    path.write_text(json.dumps(estate()))
    done = subprocess.run(
        [sys.executable, "-c", BOTH_WAYS, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(REPO)},
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    if len(os.sched_getaffinity(0)) > 1:
        # the serial plan's candidates, weighing, placements, roll-up and warnings; then the
        # child's half of the candidates, its later units weighed, its half of the chosen
        # options, the later placements, the roll-up and the warnings (each noted as its block
        # ends)
        assert found["forked"] == [False] * 5 + [True] * 6
    assert found["same"]
    # a placement off its unit's best row names the constraint its best row would break, the
    # later ones too (made by the child); with one probe only the first does
    assert found["probed"] == ["a2", "b3"]
    assert found["probed_once"] == ["a2"]
    assert found["same_once"]
    # a1 with b1 (one signature), b2 and b3 (equal options); a4 with b4: shared across halves
    assert found["classes"] == 4


def test_the_work_apart_runs_in_another_process_and_comes_back() -> None:
    child = Apart(os.getpid, True)
    assert child.started
    assert child.result() != os.getpid()
    assert child.forked
    here = Apart(os.getpid, False)
    assert not here.started
    assert here.result() == os.getpid()
    assert not here.forked


PARENT = os.getpid()


def _fails() -> int:
    if os.getpid() != PARENT:
        raise RuntimeError("only the child fails")
    return 1


def test_work_the_child_could_not_do_is_done_here() -> None:
    child = Apart(_fails, True)
    assert child.started
    assert child.result() == 1
    assert not child.forked


class _Unpicklable:
    """Refuses to be pickled in the child: the child dies part way through handing back."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __reduce__(self) -> tuple[object, ...]:
        if os.getpid() != PARENT:
            raise RuntimeError("not sent from the child")
        return (_Unpicklable, (self.value,))


def _pids() -> list[int]:
    return [os.getpid()] * 7


def _stops_part_way() -> list[object]:
    return [*range(5), _Unpicklable(5), *range(6, 9)]


def test_a_list_handed_back_in_parts_is_the_whole_list() -> None:
    child = Apart(_pids, True, parts=3)
    assert child.started
    given = list(child.each())
    assert len(given) == 7
    assert os.getpid() not in given
    assert child.forked
    here = Apart(_pids, False, parts=3)
    assert list(here.each()) == [os.getpid()] * 7
    assert not here.forked


def test_parts_the_child_could_not_hand_back_are_made_here() -> None:
    # parts of two: 0-1 and 2-3 come from the child, which dies sending 4-5; the rest is made here
    child = Apart(_stops_part_way, True, parts=2)
    assert child.started
    given = list(child.each())
    assert given[:5] == [0, 1, 2, 3, 4]
    assert isinstance(given[5], _Unpicklable)
    assert given[6:] == [6, 7, 8]
    assert not child.forked
