"""Sessions and clients: the AWS credential chain, one guarded session per account.

boto3 is an optional extra and is imported here only, when a scan starts.
"""

from __future__ import annotations

import threading
from typing import Any

from cloudexit.connectors.aws import readonly
from cloudexit.errors import InputError

USER_AGENT = "cloudexit-inventory"
ASSUME_ROLE_SESSION = "cloudexit-inventory"


def require_boto3() -> Any:
    try:
        import boto3
    except ImportError:
        raise InputError("the AWS inventory needs boto3: install cloudexit[aws]") from None
    return boto3


class Clients:
    """Thread-safe cache of botocore clients for one account, each guarded by the read-only hook."""

    def __init__(
        self, session: Any, *, endpoint_url: str | None, max_attempts: int, pool: int
    ) -> None:
        from botocore.config import Config

        self.session = session
        self.endpoint_url = endpoint_url
        self._lock = threading.Lock()
        self._clients: dict[tuple[str, str], Any] = {}
        self._config = Config(
            retries={"mode": "adaptive", "max_attempts": max_attempts},
            max_pool_connections=pool,
            connect_timeout=10,
            read_timeout=60,
            user_agent_extra=USER_AGENT,
            s3={"addressing_style": "path"} if endpoint_url else None,
        )

    def get(self, service: str, region: str) -> Any:
        key = (service, region)
        with self._lock:
            client = self._clients.get(key)
            if client is None:
                client = self.session.create_client(
                    service, region_name=region, endpoint_url=self.endpoint_url, config=self._config
                )
                self._clients[key] = client
            return client


def _keep_timestamps_raw(session: Any) -> None:
    """The inventory records no timestamps; parsing every one (launch, creation times) costs CPU."""
    session.get_component("response_parser_factory").set_parser_defaults(timestamp_parser=_raw)


def _raw(value: Any) -> Any:
    return value


def base_session(profile: str | None, guard: readonly.Guard) -> Any:
    """The caller's session from the default chain or a named (also SSO) profile."""
    require_boto3()
    import botocore.exceptions
    import botocore.session

    session = botocore.session.Session(profile=profile)
    readonly.install(session.get_component("event_emitter"), guard)
    _keep_timestamps_raw(session)
    try:
        session.get_scoped_config()
    except botocore.exceptions.ProfileNotFound:
        raise InputError(
            f"--profile: AWS profile {profile!r} is not in the AWS config files"
        ) from None
    return session


def assumed_session(
    base: Any, clients: Clients, role_arn: str, home_region: str, guard: readonly.Guard
) -> Any:
    """A session whose credentials come from sts:AssumeRole, refreshed when they expire."""
    import botocore.session
    from botocore.credentials import (
        AssumeRoleCredentialFetcher,
        CredentialProvider,
        DeferredRefreshableCredentials,
    )

    def sts_client(service: str, **kwargs: Any) -> Any:
        return base.create_client(
            service, region_name=home_region, endpoint_url=clients.endpoint_url, **kwargs
        )

    fetcher = AssumeRoleCredentialFetcher(
        client_creator=sts_client,
        source_credentials=base.get_credentials(),
        role_arn=role_arn,
        extra_args={"RoleSessionName": ASSUME_ROLE_SESSION},
    )
    credentials = DeferredRefreshableCredentials(
        refresh_using=fetcher.fetch_credentials, method="assume-role"
    )
    credentials.get_frozen_credentials()  # assume now, so a refusal is reported per account

    class _Assumed(CredentialProvider):  # type: ignore[misc]
        METHOD = "assume-role"
        CANONICAL_NAME = "cloudexit-assume-role"

        def load(self) -> Any:
            return credentials

    session = botocore.session.Session()
    session.register_component("data_loader", base.get_component("data_loader"))
    readonly.install(session.get_component("event_emitter"), guard)
    _keep_timestamps_raw(session)
    session.get_component("credential_provider").insert_before("env", _Assumed())
    return session
