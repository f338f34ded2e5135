"""One Cloud Asset as the live scan and the Cloud Asset importer read it: the same project,
region, name, labels, sizes and dependencies, from the same per-type declarations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cloudexit.catalog.products import Specs
from cloudexit.connectors.common import index_types
from cloudexit.connectors.gcp import (
    analytics,
    appengine,
    compute,
    containers,
    databases,
    messaging,
    network,
    security,
    serverless,
    storage,
)
from cloudexit.connectors.gcp.registry import (
    Facts,
    TypeSpec,
    cai_ref,
    last_segment,
    location_in_name,
    region_of,
    state_of,
)
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.topology import Mapped

TYPES: dict[str, TypeSpec] = index_types(
    analytics.TYPES,
    appengine.TYPES,
    compute.TYPES,
    network.TYPES,
    databases.TYPES,
    storage.TYPES,
    containers.TYPES,
    serverless.TYPES,
    messaging.TYPES,
    security.TYPES,
)
PROJECT_TYPE = "cloudresourcemanager.googleapis.com/Project"
_PROJECT_IN_NAME = re.compile(
    r"^//(?:[^/]+/(?:v\d+/)?projects|appengine\.googleapis\.com/apps)/([^/]+)(?:/|$)"
)
# where a resource's own data says where it is, when Cloud Asset gives no location
_LOCATION_KEYS = ("zone", "region", "location", "locationId", "gceZone")

Child = tuple[str, str, dict[str, Any], str | None]


def asset_type_of(entry: dict[str, Any]) -> str:
    """The API spells it assetType; `gcloud asset export` writes asset_type."""
    return str(entry.get("assetType") or entry.get("asset_type") or "")


def data_of(entry: dict[str, Any] | None) -> dict[str, Any]:
    resource = (entry or {}).get("resource")
    data = resource.get("data") if isinstance(resource, dict) else None
    return data if isinstance(data, dict) else {}


def project_ids(entries: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Project number -> project id, from the Project assets listed."""
    found: dict[str, str] = {}
    for entry in entries:
        if asset_type_of(entry) == PROJECT_TYPE:
            data = data_of(entry)
            if data.get("projectNumber") and data.get("projectId"):
                found[str(data["projectNumber"])] = str(data["projectId"])
    return found


def project_of(
    name: str,
    searched: dict[str, Any] | None,
    listed: dict[str, Any] | None,
    projects: dict[str, str],
) -> str | None:
    """The project id an asset belongs to: from its name, else its project number made an id."""
    in_name = _PROJECT_IN_NAME.match(name)
    if in_name and not in_name.group(1).isdigit():
        return in_name.group(1)
    number = in_name.group(1) if in_name else None
    if not number and searched and searched.get("project"):
        number = str(searched["project"]).rsplit("/", 1)[-1]
    if not number and listed:
        ancestors = [a for a in listed.get("ancestors") or [] if a.startswith("projects/")]
        number = (
            ancestors[0].split("/", 1)[1] if ancestors else data_of(listed).get("projectNumber")
        )
    return projects.get(str(number), str(number)) if number else None


@dataclass
class Described:
    region: str
    name: str
    tags: dict[str, Any]
    attributes: dict[str, Any]
    depends_on: set[str]
    kind: Kind | None
    children: list[Child] = field(default_factory=list)
    problem: str | None = None
    topology: Mapped = field(default_factory=Mapped)


def _data_location(data: dict[str, Any]) -> str | None:
    for key in _LOCATION_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value:
            return value
    labels = (data.get("metadata") or {}).get("labels") or {}
    found = labels.get("cloud.googleapis.com/location") if isinstance(labels, dict) else None
    return found if isinstance(found, str) and found else None


def _labels(searched: dict[str, Any] | None, data: dict[str, Any]) -> dict[str, Any]:
    for labels in (
        (searched or {}).get("labels"),
        data.get("labels"),
        data.get("resourceLabels"),
        (data.get("settings") or {}).get("userLabels")
        if isinstance(data.get("settings"), dict)
        else None,
    ):
        if isinstance(labels, dict) and labels:
            return labels
    return {}


def describe(
    name: str,
    asset_type: str,
    data: dict[str, Any],
    project: str | None,
    sizes: Callable[[str], Specs | None],
    lookup: Callable[[str], dict[str, Any] | None],
    *,
    listed: dict[str, Any] | None = None,
    searched: dict[str, Any] | None = None,
    parent_location: str | None = None,
) -> Described:
    """What the type's declaration reads from an asset's data, with its place and labels."""
    facts = Facts(name, project, data, sizes, lookup)
    problem = None
    spec = TYPES.get(asset_type)
    if spec is not None and data:
        try:
            spec.extract(facts)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            problem = f"{asset_type}: unexpected configuration ({exc})"
            facts = Facts(name, project, data, sizes, lookup)
    elif spec is not None:
        facts.details["configuration_unavailable"] = True
        # a search result still names the machine type in its summary
        summary = (searched or {}).get("additionalAttributes") or {}
        if isinstance(summary, dict):
            facts.size(last_segment(summary.get("machineType")))
    resource = (listed or {}).get("resource")
    location = (
        facts.location
        or (resource.get("location") if isinstance(resource, dict) else None)
        or (searched or {}).get("location")
        or parent_location
        or _data_location(data)
        or location_in_name(name)
    )
    if "state" not in facts.attributes and searched and searched.get("state"):
        facts.set(state=state_of(searched["state"]))
    display = (searched or {}).get("displayName") or data.get("displayName") or data.get("name")
    return Described(
        region=region_of(str(location) if location else None),
        name=str(display or name).rsplit("/", 1)[-1],
        tags=_labels(searched, data),
        attributes={**facts.attributes, "details": dict(sorted(facts.details.items()))},
        depends_on=facts.depends_on,
        kind=facts.kind,
        children=facts.children,
        problem=problem,
        topology=facts.topology,
    )


FIREWALL_TYPE = "compute.googleapis.com/Firewall"
INSTANCE_TYPE = "compute.googleapis.com/Instance"
GROUP_TYPES = frozenset(
    {
        "compute.googleapis.com/InstanceGroupManager",
        "compute.googleapis.com/RegionInstanceGroupManager",
    }
)


def _machine(
    resource: Resource, data_of: Callable[[str], dict[str, Any] | None]
) -> dict[str, Any] | None:
    """What a firewall rule is matched against: an instance's own data, or for a managed
    instance group the properties of the template every machine of the group is made from."""
    if resource.type == INSTANCE_TYPE:
        return data_of(resource.id)
    if resource.type not in GROUP_TYPES:
        return None
    template = cai_ref((data_of(resource.id) or {}).get("instanceTemplate"))
    found = data_of(template) if template else None
    properties = (found or {}).get("properties")
    return properties if isinstance(properties, dict) else None


def _applies(
    firewall: dict[str, Any], networks: set[str], tags: set[str], accounts: set[str]
) -> bool:
    """A VPC firewall rule applies to an instance of its network: every instance when it names
    no target, else those with one of its target tags or service accounts."""
    if firewall.get("disabled") or cai_ref(firewall.get("network")) not in networks:
        return False
    target_tags = {str(t) for t in firewall.get("targetTags") or []}
    target_accounts = {str(a) for a in firewall.get("targetServiceAccounts") or []}
    if not target_tags and not target_accounts:
        return True
    return bool(target_tags & tags or target_accounts & accounts)


def link_firewalls(
    resources: Iterable[Resource], data_of: Callable[[str], dict[str, Any] | None]
) -> None:
    """Give each instance, and each managed group's machines, the firewall rules of their
    networks that apply to them, as security groups, in place: GCP applies rules by network and
    target, not by a link on the instance."""
    listed = list(resources)
    firewalls = [
        (r.id, data)
        for r in listed
        if r.type == FIREWALL_TYPE and (data := data_of(r.id)) is not None
    ]
    if not firewalls:
        return
    for resource in listed:
        data = _machine(resource, data_of)
        if not data:
            continue
        nics = [n for n in data.get("networkInterfaces") or [] if isinstance(n, dict)]
        networks = {ref for n in nics if (ref := cai_ref(n.get("network")))}
        tags = {str(t) for t in (data.get("tags") or {}).get("items") or []}
        accounts = {
            str(a.get("email"))
            for a in data.get("serviceAccounts") or []
            if isinstance(a, dict) and a.get("email")
        }
        applied = {fid for fid, fw in firewalls if _applies(fw, networks, tags, accounts)}
        if applied:
            resource.topology.security_groups = sorted(
                {*resource.topology.security_groups, *applied}
            )
