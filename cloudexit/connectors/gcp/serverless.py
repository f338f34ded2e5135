"""Cloud Functions (both generations) and Cloud Run services."""

from __future__ import annotations

import re

from cloudexit.connectors.gcp.registry import Facts, declare
from cloudexit.jsonvalues import dig, number

_QUANTITY = re.compile(r"^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G|m)?$")
_GIB = {
    "Ki": 1 / 1024**2,
    "Mi": 1 / 1024,
    "Gi": 1.0,
    "K": 1e3 / 1024**3,
    "M": 1e6 / 1024**3,
    "G": 1e9 / 1024**3,
}


def memory_gib(value: object) -> float | None:
    """Kubernetes-style quantities as Cloud Run and Functions write them: 512Mi, 1Gi, 256M."""
    match = _QUANTITY.match(str(value or ""))
    if not match or match.group(2) == "m":
        return None
    return round(float(match.group(1)) * _GIB.get(match.group(2) or "", 1 / 1024**3), 3)


def cpu(value: object) -> float | None:
    match = _QUANTITY.match(str(value or ""))
    if not match:
        return None
    return float(match.group(1)) / 1000 if match.group(2) == "m" else float(match.group(1))


def function_v1(facts: Facts) -> None:
    memory_mb = number(facts.get("availableMemoryMb"))
    facts.set(
        memory_gib=round(memory_mb / 1024, 3) if memory_mb else None,
        engine=facts.get("runtime"),
        state=(facts.get("status") or "").lower() or None,
    )
    facts.note(
        trigger="http" if facts.get("httpsTrigger") else facts.get("eventTrigger.eventType"),
        max_instances=facts.get("maxInstances"),
    )
    facts.depend(facts.get("vpcConnector"), service="vpcaccess")


def function_v2(facts: Facts) -> None:
    facts.set(
        memory_gib=memory_gib(facts.get("serviceConfig.availableMemory")),
        vcpu=cpu(facts.get("serviceConfig.availableCpu")),
        engine=facts.get("buildConfig.runtime"),
        state=(facts.get("state") or "").lower() or None,
    )
    facts.note(
        max_instances=facts.get("serviceConfig.maxInstanceCount"),
        trigger=facts.get("eventTrigger.eventType") or "http",
    )
    facts.depend(facts.get("serviceConfig.vpcConnector"), service="vpcaccess")


def run_service(facts: Facts) -> None:
    # Cloud Asset returns the v1 (Knative) shape; the v2 shape is read too.
    containers = dig(facts.data, "spec.template.spec.containers") or facts.get(
        "template.containers", []
    )
    limits = (containers[0].get("resources") or {}).get("limits", {}) if containers else {}
    annotations = dig(facts.data, "spec.template.metadata.annotations", {})
    facts.set(vcpu=cpu(limits.get("cpu")), memory_gib=memory_gib(limits.get("memory")))
    facts.note(
        image=containers[0].get("image") if containers else None,
        max_instances=annotations.get("autoscaling.knative.dev/maxScale")
        or facts.get("template.scaling.maxInstanceCount"),
        min_instances=annotations.get("autoscaling.knative.dev/minScale")
        or facts.get("template.scaling.minInstanceCount"),
        url=facts.get("status.url") or facts.get("uri"),
    )
    facts.location = dig(facts.data, "metadata.labels", {}).get("cloud.googleapis.com/location")


TYPES = [
    declare("cloudfunctions.googleapis.com/CloudFunction", function_v1),
    declare("cloudfunctions.googleapis.com/Function", function_v2),
    declare("run.googleapis.com/Service", run_service),
]
