"""The read-only guard: every API call is checked before it is sent.

A call goes out only if the connector declares it (the same declarations that make the IAM
policy of `cloudexit permissions aws`) or boto3's own credential chain makes it, and it is not
a read that hands out secret values, credentials or customer data, declared or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cloudexit.errors import RuntimeFailure

Call = tuple[str, str]

# boto3's credential chain makes these itself (assume-role and SSO profiles, web identity);
# they return the caller's own temporary credentials and are never granted by the IAM policy.
CREDENTIAL_CHAIN: frozenset[Call] = frozenset(
    {
        ("sts", "AssumeRole"),
        ("sts", "AssumeRoleWithWebIdentity"),
        ("sso", "GetRoleCredentials"),
        ("sso-oidc", "CreateToken"),
    }
)

# Reads that return secrets, credentials, keys or stored customer data. Refused even when a
# declaration names one; the test suite checks each exists in botocore's service models.
SECRET_READS: frozenset[Call] = frozenset(
    {
        ("acm", "ExportCertificate"),
        ("amplify", "GetApp"),
        ("amplify", "GetBranch"),
        ("apigateway", "GetApiKey"),
        ("apigateway", "GetApiKeys"),
        ("apigateway", "GetExport"),
        ("appsync", "ListApiKeys"),
        ("codeartifact", "GetAuthorizationToken"),
        ("codecommit", "GetBlob"),
        ("codecommit", "GetFile"),
        ("cognito-identity", "GetCredentialsForIdentity"),
        ("cognito-identity", "GetId"),
        ("cognito-identity", "GetOpenIdToken"),
        ("cognito-identity", "GetOpenIdTokenForDeveloperIdentity"),
        ("cognito-idp", "DescribeUserPoolClient"),
        ("cognito-idp", "ListUserPoolClientSecrets"),
        ("connect", "GetFederationToken"),
        ("datazone", "GetEnvironmentCredentials"),
        ("dynamodb", "BatchExecuteStatement"),
        ("dynamodb", "BatchGetItem"),
        ("dynamodb", "ExecuteStatement"),
        ("dynamodb", "GetItem"),
        ("dynamodb", "Query"),
        ("dynamodb", "Scan"),
        ("dynamodbstreams", "GetRecords"),
        ("ec2", "DescribeVpnConnections"),  # CustomerGatewayConfiguration holds the pre-shared keys
        ("ec2", "GetConsoleOutput"),
        ("ec2", "GetConsoleScreenshot"),
        ("ec2", "GetLaunchTemplateData"),  # user data
        ("ec2", "GetPasswordData"),
        ("ec2", "GetVpnConnectionDeviceSampleConfiguration"),
        ("ecr", "GetAuthorizationToken"),
        ("ecr", "GetDownloadUrlForLayer"),
        ("ecr-public", "GetAuthorizationToken"),
        ("emr", "GetClusterSessionCredentials"),
        ("emr-containers", "GetManagedEndpointSessionCredentials"),
        ("gamelift", "GetComputeAccess"),
        ("gamelift", "GetComputeAuthToken"),
        ("gamelift", "GetInstanceAccess"),
        ("glue", "GetConnection"),
        ("glue", "GetConnections"),
        ("kinesis", "GetRecords"),
        ("kinesis", "GetShardIterator"),
        ("kms", "Decrypt"),
        ("kms", "DeriveSharedSecret"),
        ("kms", "GenerateDataKey"),
        ("kms", "GenerateDataKeyPair"),
        ("kms", "GetParametersForImport"),
        ("lakeformation", "GetTemporaryGlueTableCredentials"),
        ("lakeformation", "GetTemporaryGluePartitionCredentials"),
        ("lambda", "GetFunction"),  # hands out a download link to the code
        ("lambda", "GetLayerVersion"),
        ("lambda", "GetLayerVersionByArn"),
        ("license-manager", "GetAccessToken"),
        ("lightsail", "DownloadDefaultKeyPair"),
        ("lightsail", "GetInstanceAccessDetails"),
        ("lightsail", "GetRelationalDatabaseMasterUserPassword"),
        ("mediastore-data", "GetObject"),
        ("pca-connector-scep", "GetChallengePassword"),
        ("rds", "DownloadDBLogFilePortion"),
        ("redshift", "GetClusterCredentials"),
        ("redshift", "GetClusterCredentialsWithIAM"),
        ("redshift-data", "GetStatementResult"),
        ("redshift-serverless", "GetCredentials"),
        ("s3", "GetObject"),
        ("s3", "GetObjectTorrent"),
        ("s3", "SelectObjectContent"),
        ("secretsmanager", "BatchGetSecretValue"),
        ("secretsmanager", "GetRandomPassword"),
        ("secretsmanager", "GetSecretValue"),
        ("sqs", "ReceiveMessage"),
        ("ssm", "GetParameter"),
        ("ssm", "GetParameterHistory"),
        ("ssm", "GetParameters"),
        ("ssm", "GetParametersByPath"),
        ("storagegateway", "DescribeChapCredentials"),
        ("sts", "GetFederationToken"),
        ("sts", "GetSessionToken"),
        ("wafv2", "GetDecryptedAPIKey"),
        ("wafv2", "ListAPIKeys"),
    }
)

# Operations named for what they hand out; catches new APIs the list above does not know yet.
SECRET_NAME = re.compile(
    r"Password|SecretValue|Credentials|AuthToken|AuthorizationToken|SessionToken"
    r"|FederationToken|AccessToken|Decrypt|Plaintext|PreSharedKey|DownloadUrl"
)


class ReadOnlyViolation(RuntimeFailure):
    """A call the connector does not declare reached the guard: the scan stops rather than send it."""


def is_secret(service: str, operation: str) -> bool:
    return (service, operation) in SECRET_READS or bool(SECRET_NAME.search(operation))


class Guard:
    """The botocore ``before-call`` handler: admits declared, non-secret reads only."""

    def __init__(self, declared: Iterable[Call]) -> None:
        self.declared = frozenset(declared)

    def admits(self, service: str, operation: str) -> bool:
        call = (service, operation)
        if call in CREDENTIAL_CHAIN:
            return True
        return call in self.declared and not is_secret(service, operation)

    def __call__(self, model: Any, **_: Any) -> None:
        """Raising here stops the request before it is signed."""
        service = model.service_model.service_name
        if self.admits(service, model.name):
            return
        why = (
            "it reads secret values"
            if is_secret(service, model.name)
            else "the AWS inventory makes only the reads it declares (cloudexit permissions aws)"
        )
        raise ReadOnlyViolation(f"refused {service}:{model.name}: {why}")


def install(events: Any, guard: Guard) -> None:
    """Register the guard on a botocore session's (or client's) event system."""
    events.register("before-call", guard, unique_id="cloudexit-read-only")
