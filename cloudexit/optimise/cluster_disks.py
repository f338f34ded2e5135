"""A processing cluster's node disks (Dataproc, EMR, HDInsight) are not data to copy: the target
builds the nodes afresh, and HDFS on them goes with the cluster; what must outlive a cluster is
kept in object storage, which moves as buckets. The plan says so, per source service, and that
HDFS data which must survive is exported to object storage before the move."""

from __future__ import annotations

from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Placement
from cloudexit.wording import counted, first_few

_DATAPROC = (
    "HDFS, Dataproc's default file system, is kept on the primary workers' boot disks (on "
    "local SSDs where attached; secondary workers keep none) and is deleted with the cluster, "
    "so data meant to outlive it is kept in Cloud Storage, which moves as buckets"
)
_EMR = (
    "HDFS on an EMR cluster's instance store and EBS volumes is lost when the cluster "
    "terminates, so data meant to outlive it is kept in S3 (EMRFS), which moves as buckets"
)
_HDINSIGHT = (
    "deleting an HDInsight cluster deletes its HDFS, while its default storage is an Azure "
    "Storage account outside the cluster, which moves as a storage account"
)
_WHY = {
    "dataproc.googleapis.com/cluster": _DATAPROC,
    "google_dataproc_cluster": _DATAPROC,
    "aws::emr::cluster": _EMR,
    "aws_emr_cluster": _EMR,
    "microsoft.hdinsight/clusters": _HDINSIGHT,
}
_OTHER = (
    "a processing cluster's node disks hold its operating system, HDFS and scratch space, "
    "rebuilt with the cluster, and data meant to outlive it is kept in object storage"
)


def cluster_disk_warnings(
    placements: list[Placement], resources: dict[str, Resource], names: dict[str, str]
) -> list[str]:
    """One line per source service whose moved processing clusters report node disks: none
    of those disks is counted as data to copy (``switching.copied_gib``)."""
    found: dict[str, list[Resource]] = {}
    for p in placements:
        r = resources.get(p.resource_id)
        if (
            p.choice.retain
            or r is None
            or r.planned
            or r.kind is not Kind.DATA_PROCESSING
            or not r.attributes.storage_gib
        ):
            continue
        found.setdefault(_WHY.get(r.type.lower(), _OTHER), []).append(r)
    lines = []
    for why, clusters in found.items():
        gib = sum(r.attributes.storage_gib or 0 for r in clusters)
        lines.append(
            f"node disks not copied for {counted(len(clusters), 'processing cluster')} "
            f"({first_few(names.get(r.id, r.id) for r in clusters)}; {gib:,g} GB of node disks "
            "in all): the target builds the nodes afresh, so the one-off counts no switching or "
            "parallel-run egress and the waves no copy time for them, an assumption: "
            f"{why}; export any HDFS data that must survive to object storage before the move "
            "(hadoop distcp), add that bucket to the inventory and plan again"
        )
    return sorted(lines)
