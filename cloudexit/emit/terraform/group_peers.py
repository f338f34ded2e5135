"""Which security groups a site's group rules can name as their far end (``remote_group_id``).

OpenStack and AWS rules often admit "members of group B" rather than an address range. Where a
target's rules take a group (OVHcloud's ``ovh_cloud_security_group``) and B's copy is written at
the same site, the rule names that copy. A rule naming its own group, a group that names it back
(inline rules would each need the other created first) or a group given to nothing here is
reported with its reason; a group not written at the site stays reported as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from cloudexit.emit.terraform.firewall import CAPABILITIES, Untranslatable
from cloudexit.emit.terraform.site import Item, Site
from cloudexit.model.kinds import Kind

Peers = dict[str, str | Untranslatable]


def peer_groups(site: Site, names: Mapping[str, str], group_type: str | None) -> dict[int, Peers]:
    """Per group item (by ``id``): each group its rules name, as ``name_groups`` says it -> the
    Terraform address of its copy here, or why it cannot be named."""
    caps = CAPABILITIES.get(site.provider)
    if caps is None or not caps.group_peers or group_type is None:
        return {}
    holders = [i for i in site.items if i.rtype == group_type]
    written: dict[str, Item] = {}
    for group in holders:
        if group.resource.kind == Kind.SECURITY_GROUP and not group.members:
            written.setdefault(names.get(group.resource.id, group.resource.id), group)
    used = {id(g) for i in site.items for g in i.security_groups}
    edges: dict[int, set[int]] = defaultdict(set)

    def reaches(start: Item, goal: Item) -> bool:
        seen, todo = set(), [id(start)]
        while todo:
            at = todo.pop()
            if at == id(goal):
                return True
            if at not in seen:
                seen.add(at)
                todo.extend(edges.get(at, ()))
        return False

    found: dict[int, Peers] = {}
    for holder in holders:
        peers: Peers = {}
        for rule in holder.resource.topology.firewall_rules:
            for end in rule.peers:
                if end.kind != "group":
                    continue
                key = names.get(end.value, end.value)
                far = written.get(key)
                if far is None or key in peers:
                    continue
                if far is holder:
                    peers[key] = Untranslatable(
                        f"it names its own group {key!r}; a {group_type} cannot refer to itself "
                        "in its own rules"
                    )
                elif id(far) not in used:
                    peers[key] = Untranslatable(
                        f"the group it names, {key!r}, is written here but given to no resource, "
                        "so naming it would admit nothing"
                    )
                elif reaches(far, holder):
                    peers[key] = Untranslatable(
                        f"the group it names, {key!r}, names this group back; rules written inside "
                        f"each {group_type} cannot refer to each other"
                    )
                else:
                    edges[id(holder)].add(id(far))
                    peers[key] = far.address
        if peers:
            found[id(holder)] = peers
    return found
