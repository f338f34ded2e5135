"""Which accounts to scan: the caller's, a given list, or every member of the organisation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

from cloudexit.connectors.aws.declare import partition_of
from cloudexit.connectors.aws.issues import SOURCE, issue
from cloudexit.connectors.aws.permissions import ROLE_NEEDED
from cloudexit.connectors.aws.readonly import Guard
from cloudexit.connectors.aws.session import Clients, assumed_session
from cloudexit.errors import InputError, RuntimeFailure
from cloudexit.model.inventory import CollectionIssue


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    clients: Clients


def caller_account(clients: Clients, home_region: str, profile: str | None) -> str:
    """The caller's account id; credential problems stop the scan with one clear line."""
    import botocore.exceptions as bx

    try:
        return str(clients.get("sts", home_region).get_caller_identity()["Account"])
    except bx.NoCredentialsError:
        raise InputError(
            "no AWS credentials found: use --profile, AWS_PROFILE, environment variables or an SSO login"
        ) from None
    except (bx.SSOTokenLoadError, bx.UnauthorizedSSOTokenError, bx.TokenRetrievalError) as error:
        raise InputError(
            f"AWS SSO login needed ({error}): run aws sso login --profile {profile or 'default'}"
        ) from None
    except bx.ClientError as error:
        raise InputError(f"AWS credentials were refused: {error}") from None
    except (bx.EndpointConnectionError, bx.ConnectTimeoutError) as error:
        raise RuntimeFailure(f"cannot reach AWS: {error}") from None


def organisation_accounts(
    clients: Clients, home_region: str, issues: list[CollectionIssue]
) -> list[tuple[str, str]]:
    """(id, name) of the organisation's active accounts; a refusal is an issue, not a stop."""
    from botocore.exceptions import BotoCoreError, ClientError

    client = clients.get("organizations", home_region)
    found: list[tuple[str, str]] = []
    try:
        for page in client.get_paginator("list_accounts").paginate():
            for account in page.get("Accounts", []):
                status = account.get("State") or account.get("Status")
                if str(status).upper() == "ACTIVE":
                    found.append((str(account["Id"]), str(account.get("Name") or account["Id"])))
    except (ClientError, BotoCoreError) as error:
        issues.append(
            issue(
                error,
                "organization",
                "organizations:ListAccounts (scanning the caller's account only)",
            )
        )
        return []
    return sorted(found)


def resolve(
    *,
    base: Any,
    base_clients: Clients,
    make_clients: Callable[[Any], Clients],
    home_region: str,
    own: str,
    org: bool,
    accounts: Sequence[str] | None,
    role_name: str | None,
    guard: Guard,
    pool: Executor,
    issues: list[CollectionIssue],
) -> list[Account]:
    if org:
        listed = organisation_accounts(base_clients, home_region, issues) or [(own, own)]
    else:
        listed = [(a, a) for a in (accounts or [own])]
    if org and accounts:
        wanted = set(accounts)
        for missing in sorted(wanted - {a for a, _ in listed}):
            issues.append(
                CollectionIssue(
                    code="not_found",
                    message=f"account {missing} given in --accounts is not an active member of the organisation",
                    source=SOURCE,
                    scope=missing,
                )
            )
        listed = [(a, n) for a, n in listed if a in wanted]
    if not role_name and any(a != own for a, _ in listed):
        raise InputError(ROLE_NEEDED)

    def open_account(entry: tuple[str, str]) -> Account | CollectionIssue:
        account_id, name = entry
        if account_id == own:
            return Account(own, name, base_clients)
        from botocore.exceptions import BotoCoreError, ClientError

        role = f"arn:{partition_of(home_region)}:iam::{account_id}:role/{role_name}"
        try:
            session = assumed_session(base, base_clients, role, home_region, guard)
        except (ClientError, BotoCoreError) as error:
            return issue(error, account_id, f"sts:AssumeRole {role} (account skipped)")
        return Account(account_id, name, make_clients(session))

    out: list[Account] = []
    for result in pool.map(open_account, listed):
        if isinstance(result, Account):
            out.append(result)
        else:
            issues.append(result)
    return out
