"""Import a generated Terraform state of a chosen size and report time and peak memory.

    python benchmarks/import_stream.py --size-mb 500
    python benchmarks/import_stream.py --size-mb 50 --size-mb 500 --baseline

The state is written to a temporary folder (deleted afterwards unless --keep): aws_instance
resources whose attributes carry the bulky values real states hold (user data, policies,
dozens of settings), some with ``count`` instances, inside modules. Each import runs in a
fresh process; peak memory is that process's maximum resident set size. ``--baseline`` also
measures ``json.load`` of the same file, which is what a non-streaming reader would pay.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CHILD_IMPORT = """
import resource, sys, time
from cloudexit.importers import import_file
start = time.perf_counter()
ctx = import_file(sys.argv[1])
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(ctx.resources), ctx.skipped, f"{elapsed:.1f}", peak)
"""
_CHILD_LOAD = """
import json, resource, sys, time
start = time.perf_counter()
with open(sys.argv[1], "rb") as handle:
    data = json.load(handle)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(data["resources"]), 0, f"{elapsed:.1f}", peak)
"""


def _instance(number: int, index: int | None, bulk: int) -> dict[str, object]:
    settings = {f"setting_{k:02d}": f"value-{number}-{k}" for k in range(40)}
    return {
        "index_key": index,
        "schema_version": 1,
        "attributes": {
            "arn": f"arn:aws:ec2:eu-west-1:111122223333:instance/i-{number:08x}{index or 0:04x}",
            "id": f"i-{number:08x}{index or 0:04x}",
            "availability_zone": "eu-west-1a",
            "instance_type": ("m5.large", "c6i.xlarge", "r6g.2xlarge")[number % 3],
            "cpu_core_count": 2,
            "cpu_threads_per_core": 2,
            "instance_state": "running",
            "root_block_device": [{"volume_size": 50, "volume_type": "gp3", "iops": 3000}],
            "user_data": "#!/bin/bash\n" + "echo provisioning step\n" * bulk,
            "iam_policy_document": json.dumps(
                {"Statement": [{"Effect": "Allow", "Action": f"s3:Get{k}"} for k in range(120)]}
            ),
            "tags": {"Name": f"web-{number}", "team": f"team-{number % 17}"},
            **settings,
        },
        "sensitive_attributes": [],
        "dependencies": ["aws_vpc.main"],
    }


def generate(path: Path, size_mb: int, bulk: int = 400) -> int:
    """Write a state of about ``size_mb`` MB; returns the number of resource instances."""
    target = size_mb * 1_000_000
    instances = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '{"version": 4, "terraform_version": "1.7.5", "serial": 1, "lineage": "bench", "outputs": {},\n'
        )
        out.write(' "resources": [\n')
        vpc = {
            "mode": "managed",
            "type": "aws_vpc",
            "name": "main",
            "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
            "instances": [
                {
                    "schema_version": 1,
                    "attributes": {
                        "arn": "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1",
                        "id": "vpc-1",
                    },
                }
            ],
        }
        out.write(json.dumps(vpc))
        instances += 1
        number = 0
        while out.tell() < target:
            counted = number % 5 == 0
            resource = {
                "module": f"module.app_{number % 50}",
                "mode": "managed",
                "type": "aws_instance",
                "name": f"web_{number}",
                "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
                "instances": [_instance(number, i, bulk) for i in range(4)]
                if counted
                else [_instance(number, None, bulk)],
            }
            out.write(",\n")
            out.write(json.dumps(resource))
            instances += 4 if counted else 1
            number += 1
        out.write("\n]}\n")
    return instances


def measure(code: str, path: Path) -> tuple[int, int, float, int]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env, check=True
    )
    imported, skipped, seconds, peak_kib = result.stdout.split()
    return int(imported), int(skipped), float(seconds), int(peak_kib)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size-mb", type=int, action="append", help="state size in MB (repeatable; default 500)"
    )
    parser.add_argument(
        "--baseline", action="store_true", help="also measure json.load of the same file"
    )
    parser.add_argument(
        "--user-data-lines",
        type=int,
        default=400,
        help="bulk per instance (400 lines: about 17 kB an instance)",
    )
    parser.add_argument("--keep", type=Path, help="write the states into this folder and keep them")
    args = parser.parse_args()
    sizes = args.size_mb or [500]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cloudexit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        "| state size | instances | imported | import time | import peak RSS | json.load peak RSS |"
    )
    print("|---|---|---|---|---|---|")
    try:
        for size in sizes:
            path = folder / f"state-{size}mb.tfstate"
            started = time.perf_counter()
            instances = generate(path, size, args.user_data_lines)
            written = time.perf_counter() - started
            actual_mb = path.stat().st_size / 1_000_000
            imported, _, seconds, peak = measure(_CHILD_IMPORT, path)
            baseline = "not measured"
            if args.baseline:
                _, _, _, load_peak = measure(_CHILD_LOAD, path)
                baseline = f"{load_peak / 1024:.0f} MiB"
            print(
                f"| {actual_mb:.0f} MB | {instances} | {imported} | {seconds:.1f} s | {peak / 1024:.0f} MiB | {baseline} |",
                flush=True,
            )
            print(f"(generated in {written:.1f} s)", file=sys.stderr)
            if not args.keep:
                path.unlink()
    finally:
        if not args.keep:
            for leftover in folder.glob("*.tfstate"):
                leftover.unlink()
            folder.rmdir()


if __name__ == "__main__":
    main()
