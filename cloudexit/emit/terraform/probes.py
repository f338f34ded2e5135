"""A source health check as each target balancer can write it, and what it cannot.

The templates write the probe's protocol, port, path, interval, timeout and thresholds into the
arguments the provider schema has for them; every part of the probe a target has no argument
for is named here, so the runbook says so instead of the probe silently changing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cloudexit.model.topology import HealthCheck


@dataclass(frozen=True)
class ProbeSupport:
    """What a target balancer's health check can say."""

    protocols: frozenset[str]
    own_port: bool
    """The probe may use a port other than the backend's."""
    fields: frozenset[str]
    """Which of interval_s, timeout_s, healthy_threshold, unhealthy_threshold it writes."""
    path_protocols: frozenset[str] = frozenset({"HTTP", "HTTPS"})
    needs_all: bool = False
    """The balancer's monitor needs interval, timeout and thresholds all set to be written."""
    on_targets: bool = False
    """The check is written on each backend: a balancer with none written has no probe."""


SUPPORT: dict[str, ProbeSupport] = {
    # scaleway_lb_backend: health_check_{tcp,http,https}, _port, _delay, _timeout, _max_retries
    # (failures before a server is down); no count of passes before it is up again.
    "scaleway": ProbeSupport(
        frozenset({"TCP", "HTTP", "HTTPS"}),
        own_port=True,
        fields=frozenset({"interval_s", "timeout_s", "unhealthy_threshold"}),
    ),
    # ovh_cloud_project_loadbalancer pool.health_monitor: monitor_type, delay, timeout,
    # max_retries (passes before online), max_retries_down, http_configuration.url_path; it
    # probes the member's port.
    "ovhcloud": ProbeSupport(
        frozenset({"TCP", "HTTP", "HTTPS"}),
        own_port=False,
        fields=frozenset({"interval_s", "timeout_s", "healthy_threshold", "unhealthy_threshold"}),
        needs_all=True,
    ),
    # ionoscloud_networkloadbalancer_forwardingrule targets.health_check: a layer-4 check of
    # the target's port every check_interval milliseconds, nothing more.
    "ionos": ProbeSupport(
        frozenset({"TCP"}),
        own_port=False,
        fields=frozenset({"interval_s"}),
        path_protocols=frozenset(),
        on_targets=True,
    ),
}
_LABELS = {
    "interval_s": "interval {} s",
    "timeout_s": "timeout {} s",
    "healthy_threshold": "healthy after {} passes",
    "unhealthy_threshold": "unhealthy after {} failures",
}


def protocol_of(check: HealthCheck) -> str | None:
    """The probe's protocol in capitals (Azure writes 'Http'), or None."""
    return check.protocol.upper() if check.protocol else None


def writes_monitor(provider: str, check: HealthCheck | None) -> bool:
    """The target balancer's Terraform carries a health check for ``check``."""
    support = SUPPORT.get(provider)
    if check is None or support is None:
        return False
    if provider == "ionos":
        return True  # a layer-4 check of the target runs whatever the source's protocol
    if protocol_of(check) not in support.protocols:
        return False
    return not support.needs_all or all(getattr(check, f) is not None for f in _LABELS)


def probe_gaps(
    provider: str, check: HealthCheck | None, backend_port: int | None, backends: bool = True
) -> list[str]:
    """The parts of ``check`` the target's balancer Terraform does not carry, one phrase each;
    ``backends``: the balancer has backends written."""
    if check is None:
        return []
    support = SUPPORT.get(provider)
    if support is None:
        return ["the whole probe: no health check is written for this target's balancer"]
    if support.on_targets and not backends:
        return ["the whole probe: it is written on each backend, and none is written here"]
    written = writes_monitor(provider, check)
    protocol = protocol_of(check)
    gaps = []
    if protocol and protocol not in support.protocols:
        gaps.append(
            f"protocol {protocol} (a TCP connection is checked instead)"
            if written
            else f"protocol {protocol}"
        )
    if check.path and not (written and protocol in support.path_protocols):
        gaps.append(f"path {check.path}")
    if check.port and check.port != backend_port and not (written and support.own_port):
        gaps.append(f"port {check.port}" + (" (the backend port is checked)" if written else ""))
    for name, label in _LABELS.items():
        value = getattr(check, name)
        if value is not None and not (written and name in support.fields):
            gaps.append(label.format(value))
    if not written and protocol in support.protocols:
        gaps.append("no monitor written: it needs interval, timeout and both thresholds")
    return gaps
