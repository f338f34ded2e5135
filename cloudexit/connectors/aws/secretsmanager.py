"""Secrets Manager: names and settings only. Values are never read (the guard refuses it too)."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import ResourceType
from cloudexit.model.inventory import Attributes

SECRET = ResourceType(
    type="AWS::SecretsManager::Secret",
    service="secretsmanager",
    operation="ListSecrets",
    items="SecretList[]",
    id="ARN",
    name="Name",
    attributes=lambda i, s: Attributes(
        details={
            "kms_key": i.get("KmsKeyId"),
            "replicated_to": sorted(
                r["Region"] for r in i.get("ReplicationStatus", []) if r.get("Region")
            ),
            "rotation": bool(i.get("RotationEnabled")),
        },
    ),
)

TYPES = (SECRET,)
