"""The role assignments an Azure scan needs, and the ones it deliberately does not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grant:
    role: str
    scope: str
    why: str
    required: bool = True


SCOPES = (
    "each subscription (/subscriptions/<id>) or, for --management-group, the management group "
    "(/providers/Microsoft.Management/managementGroups/<id>)"
)

GRANTS = (
    Grant(
        "Reader",
        SCOPES,
        "list subscriptions, query Resource Graph, list and read resources (*/read), read Azure Monitor "
        "platform metrics",
    ),
    Grant(
        "Monitoring Reader",
        SCOPES,
        "Azure Monitor metrics (Microsoft.Insights/metrics/read) for CPU, memory and blob capacity; already "
        "inside Reader, needed only where Reader is replaced by a narrower custom role; skip with --no-metrics",
        required=False,
    ),
)

NOT_NEEDED = (
    "no data-plane role: the scan never reads blobs, tables, queues or Key Vault secrets, keys or certificates",
    (
        "no write, action or role-assignment permission: every request other than GET (and the Resource "
        "Graph query POST) is refused inside the client before it is sent"
    ),
)

ACTIONS = (
    "Microsoft.Resources/subscriptions/read",
    "Microsoft.Resources/subscriptions/resources/read",
    "Microsoft.ResourceGraph/resources/read",
    "Microsoft.Management/managementGroups/descendants/read",
    "Microsoft.Insights/metrics/read",
    "*/read",
)


def text() -> str:
    lines = ["Azure: role assignments for `cloudexit inventory azure` (read-only)", ""]
    for grant in GRANTS:
        need = "required" if grant.required else "optional"
        lines += [
            f"- {grant.role} ({need})",
            f"    scope: {grant.scope}",
            f"    why:   {grant.why}",
        ]
    lines += ["", "Not needed:"] + [f"- {item}" for item in NOT_NEEDED]
    lines += ["", "Custom role alternative (Actions):"] + [f"- {action}" for action in ACTIONS]
    lines += [
        "",
        "Example:",
        (
            "  az role assignment create --assignee <principal-id> --role Reader "
            "--scope /subscriptions/<subscription-id>"
        ),
    ]
    return "\n".join(lines) + "\n"
