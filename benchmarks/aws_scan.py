"""Scan a 10,000-resource AWS estate spread over 8 regions, behind 50 ms of latency per request.

    python benchmarks/aws_scan.py
    python benchmarks/aws_scan.py --workers 16 --workers 32 --no-sequential

moto runs as its own server process; a local proxy in this process adds the latency to every
request and counts them; each scan runs ``cloudexit inventory aws`` in a fresh process, whose
wall time and peak resident memory are reported. ``--workers 1`` (always run unless
``--no-sequential``) is the sequential baseline: one request at a time.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.connectors.aws.fakes import Proxy

REGIONS = (
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-central-1",
    "eu-north-1",
    "us-east-1",
    "us-east-2",
    "us-west-2",
)
AMI = "ami-12345678"
ENV = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "MOTO_EC2_LOAD_DEFAULT_AMIS": "false",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_moto() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        env={**os.environ, **ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("moto server did not start")


def cpu_seconds(pid: int) -> float:
    """User and system CPU of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def lambda_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handle(event, context):\n    return event\n")
    return buffer.getvalue()


def seed(url: str, scale: int) -> None:
    """Per region: 400 instances (and their 400 root volumes), 100 more volumes, a VPC, 4 subnets,
    30 security groups, 5 Elastic IPs, 100 queues, 50 topics, 20 tables, 60 secrets, 60 tagged log
    groups, 10 functions and 25 buckets; counts times ``scale``."""
    import boto3

    os.environ.update(ENV)
    role = boto3.client("iam", region_name="us-east-1", endpoint_url=url).create_role(
        RoleName="bench", AssumeRolePolicyDocument="{}"
    )["Role"]["Arn"]
    code = lambda_zip()
    jobs: list[Callable[[], Any]] = []
    for region in REGIONS:
        c = {
            s: boto3.client(s, region_name=region, endpoint_url=url)
            for s in ("ec2", "sqs", "sns", "dynamodb", "secretsmanager", "logs", "lambda", "s3")
        }
        vpc = c["ec2"].create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnets = [
            c["ec2"].create_subnet(VpcId=vpc, CidrBlock=f"10.0.{n}.0/24")["Subnet"]["SubnetId"]
            for n in range(4)
        ]
        for n in range(4 * scale):
            jobs.append(
                lambda c=c, s=subnets[n % 4]: c["ec2"].run_instances(
                    ImageId=AMI, MinCount=100, MaxCount=100, InstanceType="m5.large", SubnetId=s
                )
            )
        for n in range(100 * scale):
            jobs.append(
                lambda c=c, r=region: c["ec2"].create_volume(
                    Size=100, VolumeType="gp3", AvailabilityZone=f"{r}a"
                )
            )
        for n in range(30 * scale):
            jobs.append(
                lambda c=c, n=n, v=vpc: c["ec2"].create_security_group(
                    GroupName=f"sg-{n}", Description="bench", VpcId=v
                )
            )
        for _ in range(5 * scale):
            jobs.append(lambda c=c: c["ec2"].allocate_address(Domain="vpc"))
        for n in range(100 * scale):
            jobs.append(lambda c=c, n=n: c["sqs"].create_queue(QueueName=f"queue-{n}"))
        for n in range(50 * scale):
            jobs.append(lambda c=c, n=n: c["sns"].create_topic(Name=f"topic-{n}"))
        for n in range(20 * scale):
            jobs.append(
                lambda c=c, n=n: c["dynamodb"].create_table(
                    TableName=f"table-{n}",
                    BillingMode="PAY_PER_REQUEST",
                    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                )
            )
        for n in range(60 * scale):
            jobs.append(
                lambda c=c, n=n: c["secretsmanager"].create_secret(
                    Name=f"secret-{n}", SecretString="x"
                )
            )
            jobs.append(
                lambda c=c, n=n: c["logs"].create_log_group(
                    logGroupName=f"logs-{n}", tags={"team": "a"}
                )
            )
        for n in range(10 * scale):
            jobs.append(
                lambda c=c, n=n: c["lambda"].create_function(
                    FunctionName=f"fn-{n}",
                    Runtime="python3.12",
                    Role=role,
                    Handler="handler.handle",
                    Code={"ZipFile": code},
                )
            )
        for n in range(25 * scale):
            config = (
                {}
                if region == "us-east-1"
                else {"CreateBucketConfiguration": {"LocationConstraint": region}}
            )
            jobs.append(
                lambda c=c, n=n, r=region, config=config: c["s3"].create_bucket(
                    Bucket=f"bench-{r}-{n}", **config
                )
            )
    with ThreadPoolExecutor(8) as pool:
        for future in [pool.submit(job) for job in jobs]:
            future.result()


def run_scan(
    endpoint: str, workers: int, out: Path, metrics_days: int
) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MiB and resources of one ``cloudexit inventory aws`` process."""
    command = [
        sys.executable,
        "-m",
        "cloudexit",
        "inventory",
        "aws",
        "--output",
        str(out),
        "--endpoint-url",
        endpoint,
        "--regions",
        ",".join(REGIONS),
        "--workers",
        str(workers),
        "--metrics-days",
        str(metrics_days),
    ]
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        env={**os.environ, **ENV, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    error = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"scan failed: {error}")
    resources = len(json.loads(out.read_text())["resources"])
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, resources


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--workers", type=int, action="append", help="parallel reads (repeatable); default 16"
    )
    parser.add_argument(
        "--latency", type=float, default=0.05, help="seconds added to every request"
    )
    parser.add_argument("--scale", type=int, default=1, help="multiply the estate")
    parser.add_argument(
        "--no-sequential", action="store_true", help="skip the one-at-a-time baseline"
    )
    parser.add_argument(
        "--metrics-days",
        type=int,
        default=0,
        help="CloudWatch days per scan; 0 (default) because moto answers GetMetricData "
        "in seconds of its own CPU, which would measure moto, not the scan",
    )
    args = parser.parse_args()
    runs = sorted(set(args.workers or [16]), reverse=True)
    if not args.no_sequential and 1 not in runs:
        runs.append(1)

    server, url = start_moto()
    try:
        started = time.perf_counter()
        seed(url, args.scale)
        print(f"seeded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        rows = []
        with Proxy(url, latency=args.latency) as proxy, tempfile.TemporaryDirectory() as folder:
            for workers in runs:
                before = sum(proxy.seen.values())
                moto_before = cpu_seconds(server.pid)
                wall, cpu, peak, resources = run_scan(
                    proxy.url,
                    workers,
                    Path(folder) / f"inventory-{workers}.json",
                    args.metrics_days,
                )
                moto_cpu = cpu_seconds(server.pid) - moto_before
                rows.append(
                    (
                        workers,
                        resources,
                        sum(proxy.seen.values()) - before,
                        wall,
                        cpu,
                        moto_cpu,
                        peak,
                    )
                )
                print(f"workers {workers}: {wall:.1f} s", file=sys.stderr)
                for key, seconds in proxy.upstream_seconds.most_common(8):
                    print(
                        f"  moto {key}: {seconds:.1f} s over {proxy.seen[key]} calls",
                        file=sys.stderr,
                    )
                proxy.upstream_seconds.clear()
    finally:
        server.terminate()
        server.wait()
    sequential = next((r[3] for r in rows if r[0] == 1), None)
    print(f"\n{len(REGIONS)} regions, {args.latency * 1000:.0f} ms added to every request\n")
    print(
        "| workers | resources | requests | wall time | speed-up | scan CPU | moto CPU | scan peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for workers, resources, requests, wall, cpu, moto_cpu, peak in rows:
        speedup = f"{sequential / wall:.1f}x" if sequential else "-"
        print(
            f"| {workers} | {resources} | {requests} | {wall:.1f} s | {speedup} | {cpu:.1f} s | {moto_cpu:.1f} s "
            f"| {peak:.0f} MiB |"
        )


if __name__ == "__main__":
    main()
