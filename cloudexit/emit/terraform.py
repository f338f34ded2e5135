"""Terraform per target provider and region."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from jinja2 import Environment

from cloudexit.model.io import write_text_atomic
from cloudexit.model.plan import Placement, Plan

PROVIDER_SOURCES = {
    "ovhcloud": ("ovh", "ovh/ovh", ">= 2.19.0"),
    "ionos": ("ionoscloud", "ionos-cloud/ionoscloud", ">= 6.7.34"),
    "scaleway": ("scaleway", "scaleway/scaleway", ">= 2.81.0"),
    "opennebula": ("opennebula", "OpenNebula/opennebula", ">= 1.5.0"),
}


def sites(plan: Plan) -> dict[tuple[str, str], list[Placement]]:
    grouped: dict[tuple[str, str], list[Placement]] = defaultdict(list)
    for placement in plan.placements:
        if placement.choice.retain or placement.choice.provider not in PROVIDER_SOURCES:
            continue
        grouped[(placement.choice.provider, placement.choice.region)].append(placement)
    return dict(sorted(grouped.items()))


def write_terraform(plan: Plan, out_dir: Path, env: Environment) -> list[Path]:
    written = []
    for (provider, region) in sites(plan):
        local, source, version = PROVIDER_SOURCES[provider]
        folder = out_dir / "terraform" / provider / region
        text = env.get_template("terraform/common/versions.tf.j2").render(
            local=local, source=source, version=version
        )
        write_text_atomic(folder / "versions.tf", text)
        written.append(folder / "versions.tf")
    return written
