"""The disk each source cloud gives a Kubernetes pool's nodes when the pool sets none: today's
cost of those disks is worked out from it, and a pool at exactly that size states no need of
its workload."""

from __future__ import annotations

from cloudexit.model.inventory import Resource

GKE_DEFAULT_GIB = 100.0
"""GKE's node disk when a pool sets none: the Container API's NodeConfig.diskSizeGb says "If
unspecified, the default disk size is 100GB" (cloud.google.com/kubernetes-engine/docs/reference/
rest/v1/NodeConfig; publication date not shown; read 2026-12-07)."""

AKS_OS_DISK_BY_VCPU = ((8, 128), (16, 256), (64, 512))
"""AKS's managed OS disk when a pool sets none, by the VM's vCPUs: below 8, 128 GB, and so on."""
AKS_OS_DISK_LARGEST = 1024

EKS_DEFAULT_GIB = {"windows": 50, "other": 20}
"""The root disk of each node when an EKS managed node group sets none (CreateNodegroup
diskSize: 20 GiB for Linux and Bottlerocket, 50 GiB for Windows; EKS API reference, read
2026-12-07)."""


def aks_os_disk_gib(vcpu: float) -> int:
    return next((g for below, g in AKS_OS_DISK_BY_VCPU if vcpu < below), AKS_OS_DISK_LARGEST)


def eks_root_gib(resource: Resource) -> int:
    windows = "WINDOWS" in str(resource.attributes.details.get("ami_type") or "").upper()
    return EKS_DEFAULT_GIB["windows" if windows else "other"]


def default_node_disk(resource: Resource) -> tuple[float, str] | None:
    """The node disk the source gives a pool that sets none, and whose default it is; None
    where it is not known (an EKS group's launch template sets its own)."""
    a = resource.attributes
    if resource.provider == "gcp":
        return GKE_DEFAULT_GIB, "GKE's default boot disk"
    if resource.provider == "azure" and a.vcpu:
        return float(aks_os_disk_gib(a.vcpu)), "AKS's default OS disk"
    if resource.provider == "aws" and not a.details.get("launch_template"):
        return float(eks_root_gib(resource)), "the EKS managed node group's default root volume"
    return None
