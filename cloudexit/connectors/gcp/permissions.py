"""The IAM roles a GCP scan needs, and the ones it deliberately does not."""

from __future__ import annotations

ROLES = (
    (
        "roles/cloudasset.viewer",
        "required",
        (
            "cloudasset.assets.searchAllResources and cloudasset.assets.listResource: every resource in the scope "
            "with its configuration"
        ),
    ),
    (
        "roles/browser",
        "optional",
        "resourcemanager.projects/folders get and list, so project numbers resolve to project ids",
    ),
    (
        "roles/dns.reader",
        "optional",
        (
            "dns.resourceRecordSets.list: the records of each Cloud DNS managed zone, which Cloud Asset does "
            "not list; without it each zone gets one access_denied issue and no records"
        ),
    ),
    (
        "roles/monitoring.viewer",
        "optional",
        (
            "monitoring.timeSeries.list: CPU and memory utilisation of Compute Engine and Cloud SQL instances "
            "over --metrics-days; without it each project gets one access_denied issue and no utilisation"
        ),
    ),
)
PERMISSIONS = (
    "cloudasset.assets.searchAllResources",
    "cloudasset.assets.listResource",
    "resourcemanager.projects.get",
    "resourcemanager.projects.list",
    "dns.resourceRecordSets.list",
    "monitoring.timeSeries.list",
)
NOT_NEEDED = (
    (
        "no data access: the scan never reads objects, table rows, messages or Secret Manager payloads "
        "(secrets are listed by name only)"
    ),
    (
        "no write permission: only search/list/get/query Cloud Asset RPCs, the Cloud DNS record-set list "
        "and list/get Cloud Monitoring methods leave the process; any other is refused before it is sent"
    ),
)


def text() -> str:
    lines = ["GCP: IAM roles for `cloudexit inventory gcp` (read-only)", ""]
    lines.append(
        "Grant on the scanned scope (the organization, folder or project given with --scope):"
    )
    for role, need, why in ROLES:
        lines += [f"- {role} ({need})", f"    why: {why}"]
    lines += ["", "Not needed:"] + [f"- {item}" for item in NOT_NEEDED]
    lines += ["", "Custom role alternative (permissions):"] + [f"- {p}" for p in PERMISSIONS]
    lines += [
        "",
        (
            "The Cloud Asset API (cloudasset.googleapis.com) must be enabled in the quota project; "
            "for DNS records, the Cloud DNS API (dns.googleapis.com); for utilisation, the Cloud Monitoring "
            "API (monitoring.googleapis.com) too."
        ),
        "",
        "Example:",
        (
            "  gcloud organizations add-iam-policy-binding <org-id> --member=user:<you> "
            "--role=roles/cloudasset.viewer"
        ),
    ]
    return "\n".join(lines) + "\n"
