"""Cloud Asset Inventory over REST, through a transport that only lets reads through.

Imported only once the gcp extra is known to be installed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from google.cloud.asset_v1 import AssetServiceClient, ContentType
from google.cloud.asset_v1.services.asset_service.transports.rest import (
    AssetServiceRestInterceptor,
    AssetServiceRestTransport,
)
from google.protobuf.json_format import MessageToDict  # type: ignore[import-untyped]

from cloudexit.connectors.common import ReadOnlyViolation
from cloudexit.connectors.gcp.calls import with_retries

# The RPCs the connector makes; any other, read or not, is refused before it is sent.
READS = frozenset({"search_all_resources", "list_assets"})


def is_allowed(rpc: str) -> bool:
    return rpc in READS


class ReadOnlyInterceptor(AssetServiceRestInterceptor):
    """Every REST call of the transport passes a ``pre_<rpc>`` hook first: refuse writes there."""

    def __getattribute__(self, name: str) -> Any:
        if name.startswith("pre_"):
            rpc = name[len("pre_") :]

            def guard(request: Any, metadata: Any) -> tuple[Any, Any]:
                if not is_allowed(rpc):
                    raise ReadOnlyViolation(
                        f"refused Cloud Asset RPC {rpc}: the GCP connector makes only "
                        f"{' and '.join(sorted(READS))}"
                    )
                return request, metadata

            return guard
        return super().__getattribute__(name)


def make_client(credentials: Any, endpoint: str | None) -> AssetServiceClient:
    options = {"api_endpoint": endpoint} if endpoint else None
    transport = functools.partial(AssetServiceRestTransport, interceptor=ReadOnlyInterceptor())
    return AssetServiceClient(credentials=credentials, client_options=options, transport=transport)


def _as_dict(message: Any) -> dict[str, Any]:
    return dict(MessageToDict(type(message).pb(message)))


def search(
    client: AssetServiceClient, scope: str, retries: int, page_size: int = 500
) -> Iterator[list[dict[str, Any]]]:
    token = ""
    while True:
        request = {"scope": scope, "page_size": page_size, "page_token": token}
        page = with_retries(
            functools.partial(client.search_all_resources, request=request, retry=None), retries
        )
        yield [_as_dict(result) for result in page.results]
        token = page.next_page_token
        if not token:
            return


def list_assets(
    client: AssetServiceClient,
    scope: str,
    asset_types: list[str],
    retries: int,
    page_size: int = 1000,
) -> Iterator[list[dict[str, Any]]]:
    token = ""
    while True:
        request = {
            "parent": scope,
            "content_type": ContentType.RESOURCE,
            "asset_types": asset_types,
            "page_size": page_size,
            "page_token": token,
        }
        page = with_retries(
            functools.partial(client.list_assets, request=request, retry=None), retries
        )
        yield [_as_dict(asset) for asset in page.assets]
        token = page.next_page_token
        if not token:
            return


def default_credentials() -> Any:
    """Application default credentials, as `gcloud auth application-default login` leaves them."""
    import google.auth
    from google.auth.exceptions import DefaultCredentialsError

    from cloudexit.errors import RuntimeFailure

    try:
        credentials, _ = google.auth.default(
            scopes=["https://www.googleapis.com/auth/cloud-platform"]
        )
    except DefaultCredentialsError as exc:
        raise RuntimeFailure(
            f"no Google application default credentials ({str(exc).splitlines()[0]}): run "
            "`gcloud auth application-default login` or set GOOGLE_APPLICATION_CREDENTIALS"
        ) from None
    return credentials


def anonymous_credentials() -> Any:
    """No credentials at all: for emulators and local test servers."""
    from google.auth.credentials import AnonymousCredentials

    return AnonymousCredentials()  # type: ignore[no-untyped-call]
