"""Scale of the Azure, GCP and OpenStack connectors: the real SDK clients against the loopback
servers of the test suite, serving a generated estate of N virtual machines (each with a disk and,
for Azure, a network interface). Prints a Markdown table.

    PYTHONPATH=. python benchmarks/connectors_scale.py --vms 2000 --vms 10000

Run from a checkout: the loopback servers live in tests/connectors/.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cloudexit.catalog.loader import load_catalog

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SUB = "5c1f6e38-2b7a-4f0e-9d41-7e0a3c9b8d21"


def _azure_rows(vms: int) -> list[dict[str, Any]]:
    base = f"/subscriptions/{SUB}/resourceGroups/bench/providers"
    rows: list[dict[str, Any]] = []
    for i in range(vms):
        vm, disk, nic = (
            f"{base}/Microsoft.Compute/virtualMachines/vm-{i}",
            f"{base}/Microsoft.Compute/disks/vm-{i}-os",
            f"{base}/Microsoft.Network/networkInterfaces/vm-{i}",
        )
        common = {
            "location": "westeurope",
            "subscriptionId": SUB,
            "resourceGroup": "bench",
            "tags": {"n": str(i)},
            "kind": "",
            "managedBy": "",
            "zones": None,
            "sku": None,
        }
        rows.append(
            {
                **common,
                "id": vm,
                "name": f"vm-{i}",
                "type": "microsoft.compute/virtualmachines",
                "properties": {
                    "hardwareProfile": {"vmSize": "Standard_D2s_v3"},
                    "storageProfile": {
                        "osDisk": {"osType": "Linux", "diskSizeGB": 64, "managedDisk": {"id": disk}}
                    },
                    "networkProfile": {"networkInterfaces": [{"id": nic}]},
                    "extended": {"instanceView": {"powerState": {"code": "PowerState/running"}}},
                },
            }
        )
        rows.append(
            {
                **common,
                "id": disk,
                "name": f"vm-{i}-os",
                "type": "microsoft.compute/disks",
                "sku": {"name": "Premium_LRS"},
                "managedBy": vm,
                "properties": {"diskSizeGB": 64, "diskState": "Attached"},
            }
        )
        rows.append(
            {
                **common,
                "id": nic,
                "name": f"vm-{i}",
                "type": "microsoft.network/networkinterfaces",
                "properties": {
                    "ipConfigurations": [{"properties": {"privateIPAddress": "10.0.0.4"}}]
                },
            }
        )
    return rows


def azure(vms: int) -> tuple[int, int, float]:
    from cloudexit.connectors.azure import AzureScan, collect
    from tests.connectors.azure.fake_arm import FakeArm, StaticToken

    fake = FakeArm(SHARED, page_size=1000)
    fake.graph_rows = _azure_rows(vms)
    catalog = load_catalog()
    with fake.server.running():
        started = time.perf_counter()
        inventory = collect(
            AzureScan(endpoint_url=fake.server.url, subscriptions=(SUB,), metrics=False),
            credential=StaticToken(),
            catalog=catalog,
        )
        elapsed = time.perf_counter() - started
    return len(inventory.resources), len(fake.server.requests), elapsed


def _gcp_assets(vms: int) -> list[dict[str, Any]]:
    zone = "https://www.googleapis.com/compute/v1/projects/bench/zones/europe-west1-b"
    assets = [
        {
            "name": "//cloudresourcemanager.googleapis.com/projects/4242",
            "asset_type": "cloudresourcemanager.googleapis.com/Project",
            "resource": {
                "data": {"projectId": "bench", "projectNumber": "4242"},
                "parent": "//cloudresourcemanager.googleapis.com/organizations/111222333",
            },
        }
    ]
    for i in range(vms):
        parent = "//cloudresourcemanager.googleapis.com/projects/4242"
        assets.append(
            {
                "name": f"//compute.googleapis.com/projects/bench/zones/europe-west1-b/instances/vm-{i}",
                "asset_type": "compute.googleapis.com/Instance",
                "resource": {
                    "parent": parent,
                    "data": {
                        "name": f"vm-{i}",
                        "machineType": f"{zone}/machineTypes/n2-standard-8",
                        "status": "RUNNING",
                        "zone": zone,
                        "disks": [{"source": f"{zone}/disks/vm-{i}"}],
                        "labels": {"n": str(i)},
                    },
                },
            }
        )
        assets.append(
            {
                "name": f"//compute.googleapis.com/projects/bench/zones/europe-west1-b/disks/vm-{i}",
                "asset_type": "compute.googleapis.com/Disk",
                "resource": {
                    "parent": parent,
                    "data": {
                        "name": f"vm-{i}",
                        "sizeGb": "100",
                        "type": f"{zone}/diskTypes/pd-balanced",
                        "zone": zone,
                        "users": [f"{zone}/instances/vm-{i}"],
                    },
                },
            }
        )
    return assets


def gcp(vms: int) -> tuple[int, int, float]:
    from google.auth.credentials import AnonymousCredentials

    from cloudexit.connectors.gcp import GcpScan, collect
    from tests.connectors.gcp.fake_cai import FakeCai

    fake = FakeCai(SHARED, list_page=1000, search_page=500)
    fake.exported = _gcp_assets(vms)
    fake.by_name = {a["name"]: a for a in fake.exported}
    fake.projects = {"4242": "bench"}
    catalog = load_catalog()
    with fake.server.running():
        started = time.perf_counter()
        inventory = collect(
            GcpScan(scope="projects/bench", endpoint_url=fake.server.url),
            credentials=AnonymousCredentials(),
            catalog=catalog,
        )  # type: ignore[no-untyped-call]
        elapsed = time.perf_counter() - started
    return len(inventory.resources), len(fake.server.requests), elapsed


def openstack(vms: int) -> tuple[int, int, float]:
    from cloudexit.connectors.openstack import OpenStackScan, collect
    from tests.connectors.openstack.conftest import clouds_yaml
    from tests.connectors.openstack.fake_openstack import FakeOpenStack

    fake = FakeOpenStack(servers_page=1000)
    gra = fake.regions["GRA11"]
    template, volume = gra["servers"][0], gra["volumes"][0]
    gra["servers"], gra["volumes"] = [], []
    for i in range(vms):
        server = copy.deepcopy(template)
        server.update(id=f"{i:08x}-1111-4000-8000-000000000000", name=f"vm-{i}")
        server["os-extended-volumes:volumes_attached"] = [
            {"id": f"{i:08x}-2222-4000-8000-000000000000"}
        ]
        gra["servers"].append(server)
        gra["volumes"].append(
            {
                **copy.deepcopy(volume),
                "id": f"{i:08x}-2222-4000-8000-000000000000",
                "name": f"vm-{i}-data",
            }
        )
    folder = Path(tempfile.mkdtemp())
    catalog = load_catalog()
    with fake.server.running():
        os.environ["OS_CLIENT_CONFIG_FILE"] = str(
            clouds_yaml(folder / "clouds.yaml", f"{fake.server.url}/identity/v3", ["GRA11"])
        )
        started = time.perf_counter()
        inventory = collect(OpenStackScan(cloud="ovh-prod"), catalog=catalog)
        elapsed = time.perf_counter() - started
    return len(inventory.resources), len(fake.server.requests), elapsed


RUNS: dict[str, Callable[[int], tuple[int, int, float]]] = {
    "azure": azure,
    "gcp": gcp,
    "openstack": openstack,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--vms", type=int, action="append", help="estate sizes (VMs); repeatable")
    parser.add_argument("--cloud", action="append", choices=sorted(RUNS))
    parser.add_argument("--one", nargs=2, metavar=("CLOUD", "VMS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        found, requests, elapsed = RUNS[args.one[0]](int(args.one[1]))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"found": found, "requests": requests, "elapsed": elapsed, "rss": rss}))
        return
    print(
        "| cloud | VMs | resources | HTTP requests | scan time | resources/s | peak RSS (process) |"
    )
    print("|---|---|---|---|---|---|---|")
    for cloud in args.cloud or list(RUNS):
        for vms in args.vms or [2000]:
            # each run in a fresh process, so the peak memory is that run's own
            done = subprocess.run(
                [sys.executable, __file__, "--one", cloud, str(vms)],
                check=True,
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONPATH": str(REPO)},
            )
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"| {cloud} | {vms} | {r['found']} | {r['requests']} | {r['elapsed']:.1f} s | "
                f"{r['found'] / r['elapsed']:,.0f} | {r['rss']:.0f} MiB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
