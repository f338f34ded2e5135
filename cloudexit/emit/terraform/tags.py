"""Source tags as each target's Terraform takes them: keys and values written whole, as escaped
strings, where the target's argument can hold them; a tag it cannot hold is kept beside the
resource as a comment and listed in the site's README, never altered to fit.

Limits per resource type and argument, each with where it comes from. Where neither the
provider's schema nor its documentation states a limit, the tag is written whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TagRule:
    """What one target argument accepts as a tag key and value."""

    what: str
    """The argument, as a user reads it in the README (``tags list "key=value"``)."""
    key_max: int | None = None
    value_max: int | None = None
    key_pattern: str | None = None
    value_pattern: str | None = None
    value_required: bool = False
    reserved: frozenset[str] = frozenset()
    """Keys that carry a meaning for the target beyond a label (a node taint)."""
    joined: bool = False
    """Written as one "key=value" string, so a key holding '=' would be read up to it."""
    source: str = ""


@dataclass(frozen=True)
class LeftTag:
    """A source tag the target's argument cannot hold, and why."""

    key: str
    value: str
    reason: str

    @property
    def comment(self) -> str:
        return f"warning: source tag {self.key}={self.value} is not written: {self.reason}"


# Kubernetes label syntax (kubernetes.io, "Labels and Selectors", Syntax and character set): a
# name of 63 characters at most, alphanumerics with '-', '_' or '.' between; a key may carry a
# DNS-subdomain prefix and '/'; a value may be empty.
_K8S_NAME = r"(?:[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?)"
_K8S_KEY = rf"(?:(?:[a-z0-9](?:[a-z0-9.-]{{0,251}}[a-z0-9])?)/)?{_K8S_NAME}"
K8S_LABELS = TagRule(
    what="Kubernetes labels map",
    key_pattern=_K8S_KEY,
    value_pattern=rf"(?:{_K8S_NAME})?",
    source="Kubernetes label syntax (kubernetes.io, Labels and Selectors)",
)
# S3 object-storage tagging: keys of 128 characters at most, values of 256, letters, digits,
# spaces and + - = . _ : / @ (the S3 API's documented limits, which S3-compatible stores take
# over; not confirmed for each provider).
S3_TAGS = TagRule(
    what="tags map",
    key_max=128,
    value_max=256,
    key_pattern=r"[\w +\-=.:/@]+",
    value_pattern=r"[\w +\-=.:/@]*",
    source="S3 tagging limits (unverified for this provider)",
)
SCALEWAY_LIST = TagRule(
    what='tags list of "key=value" strings',
    joined=True,
    source="the provider's schema: a list of strings, no limit documented",
)

RULES: dict[str, TagRule] = {
    **{
        rtype: SCALEWAY_LIST
        for rtype in (
            "scaleway_block_volume",
            "scaleway_function",
            "scaleway_instance_ip",
            "scaleway_instance_security_group",
            "scaleway_instance_server",
            "scaleway_k8s_cluster",
            "scaleway_lb",
            "scaleway_lb_ip",
            "scaleway_mongodb_instance",
            "scaleway_rdb_instance",
            "scaleway_redis_cluster",
            "scaleway_secret",
        )
    },
    # Pool tags are read by Scaleway's cloud controller: "taint=..." taints the nodes, and
    # "noprefix=..." sets a node label (scaleway-cloud-controller-manager docs/tags.md, cited by
    # the provider's k8s_pool documentation).
    "scaleway_k8s_pool": TagRule(
        what='tags list of "key=value" strings',
        reserved=frozenset({"taint", "noprefix"}),
        joined=True,
        source="the provider's k8s_pool documentation",
    ),
    "scaleway_object_bucket": S3_TAGS,
    "ovh_cloud_project_storage": S3_TAGS,
    "ionoscloud_s3_bucket": S3_TAGS,
    # label blocks: key and value both Required strings in the provider's schema
    "ionoscloud_server": TagRule(
        what="label blocks",
        value_required=True,
        source="the provider's schema: key and value required, no limit documented",
    ),
    "ionoscloud_k8s_node_pool": K8S_LABELS,
    # OpenNebula writes tags as template attributes, whose names are words (letters, digits,
    # '_', '-', '.'); unverified beyond what its own templates use.
    **{
        rtype: TagRule(
            what="tags map (template attributes)",
            key_pattern=r"[A-Za-z][A-Za-z0-9_.-]*",
            source="OpenNebula template attribute names (unverified)",
        )
        for rtype in (
            "opennebula_image",
            "opennebula_security_group",
            "opennebula_virtual_machine",
        )
    },
}

WHOLE = TagRule(what="tags", source="no limit known")

# Types whose provider schema has no tag or label argument (checked against each provider's
# schema): a source tag cannot be written on them at all, so each is named as not written.
NO_TAG_ARGUMENT = frozenset(
    {
        "ionoscloud_container_registry",
        "ionoscloud_cube_server",
        "ionoscloud_dns_zone",
        "ionoscloud_inmemorydb_cluster_v2",
        "ionoscloud_ipblock",
        "ionoscloud_k8s_cluster",
        "ionoscloud_mariadb_cluster",
        "ionoscloud_mongo_cluster",
        "ionoscloud_networkloadbalancer",
        "ionoscloud_nsg",
        "ionoscloud_pg_cluster",
        "ionoscloud_volume",
        "ovh_cloud_floating_ip",
        "ovh_cloud_instance",
        "ovh_cloud_project_containerregistry",
        "ovh_cloud_project_database",
        "ovh_cloud_project_kube",
        "ovh_cloud_project_kube_nodepool",
        "ovh_cloud_project_loadbalancer",
        "ovh_cloud_security_group",
        "ovh_cloud_storage_block_volume",
        "ovh_domain_zone",
        "scaleway_mnq_sns_topic",
        "scaleway_mnq_sqs_queue",
        "scaleway_rdb_read_replica",
        "scaleway_registry_namespace",
    }
)


def _fails(rule: TagRule, key: str, value: str) -> str | None:
    if rule.joined and "=" in key:
        return f"a key holding '=', which the target's {rule.what} read as the key's end"
    if key.lower() in rule.reserved:
        return f"the key {key!r} has a meaning of its own in the target's {rule.what}"
    if not key:
        return "an empty key"
    if rule.value_required and not value:
        return f"an empty value, which the target's {rule.what} require"
    if rule.key_max is not None and len(key) > rule.key_max:
        return f"a key longer than {rule.key_max} characters ({rule.source})"
    if rule.value_max is not None and len(value) > rule.value_max:
        return f"a value longer than {rule.value_max} characters ({rule.source})"
    if rule.key_pattern and not re.fullmatch(rule.key_pattern, key):
        return f"characters the target's {rule.what} refuse in a key ({rule.source})"
    if rule.value_pattern and not re.fullmatch(rule.value_pattern, value):
        return f"characters the target's {rule.what} refuse in a value ({rule.source})"
    return None


def carry(
    rtype: str, tags: dict[str, str], own: dict[str, str]
) -> tuple[dict[str, str], list[LeftTag]]:
    """The source tags ``rtype``'s tag argument holds, whole, with ``own`` (cloudexit's own
    tags, which a source tag of the same key does not replace), and those it cannot hold."""
    rule = RULES.get(rtype, WHOLE)
    kept: dict[str, str] = {}
    left: list[LeftTag] = []
    if rtype in NO_TAG_ARGUMENT:
        why = f"{rtype} has no tag or label argument in its provider schema"
        return dict(sorted(own.items())), [LeftTag(k, v, why) for k, v in sorted(tags.items())]
    for key, value in sorted(tags.items()):
        if key in own:
            left.append(LeftTag(key, value, "the key is cloudexit's own trace tag"))
            continue
        reason = _fails(rule, key, value)
        if reason is None:
            kept[key] = value
        else:
            left.append(LeftTag(key, value, reason))
    kept.update(own)
    return dict(sorted(kept.items())), left
