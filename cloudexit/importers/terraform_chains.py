"""Links of a GCP balancer chain a Terraform plan does not know yet.

A planned forwarding rule names its proxy by an id only known once the proxy exists: the plan
marks that argument in ``after_unknown``. The chain is then joined by the configuration's
reference expressions (``cloudexit.importers.terraform_refs``); where none names the link (a
reference through a local, a literal built from variables), the part stands alone and says so,
rather than being priced as a balancer of its own without a word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from cloudexit.model.parts import BACKEND_SERVICES, PROXIES, TARGET_POOLS, URL_MAPS

_GROUPS = frozenset(
    {
        "google_compute_instance_group",
        "google_compute_instance_group_manager",
        "google_compute_region_instance_group_manager",
        "google_compute_network_endpoint_group",
        "google_compute_region_network_endpoint_group",
    }
)
RULES = frozenset({"google_compute_forwarding_rule", "google_compute_global_forwarding_rule"})
# what a forwarding rule's listeners speak behind a proxy of this type
PROXY_PROTOCOLS = {
    "google_compute_target_http_proxy": "HTTP",
    "google_compute_region_target_http_proxy": "HTTP",
    "google_compute_target_https_proxy": "HTTPS",
    "google_compute_region_target_https_proxy": "HTTPS",
}
# a managed instance group's machines are its instance template's
TEMPLATE_OF_GROUP = {
    "google_compute_instance_group_manager": frozenset(
        {"google_compute_instance_template", "google_compute_region_instance_template"}
    ),
    "google_compute_region_instance_group_manager": frozenset(
        {"google_compute_instance_template", "google_compute_region_instance_template"}
    ),
}
_RULE_LINKS = {"target": PROXIES | TARGET_POOLS, "backend_service": BACKEND_SERVICES}
_TO_BACKENDS = {"backend_service": BACKEND_SERVICES}
# chain part type -> argument naming the next part of the chain -> the types it may name
CHAIN_LINKS: dict[str, dict[str, frozenset[str]]] = {
    "google_compute_forwarding_rule": _RULE_LINKS,
    "google_compute_global_forwarding_rule": _RULE_LINKS,
    **{
        proxy: {"url_map": URL_MAPS}
        for proxy in (
            "google_compute_target_http_proxy",
            "google_compute_target_https_proxy",
            "google_compute_region_target_http_proxy",
            "google_compute_region_target_https_proxy",
        )
    },
    "google_compute_target_ssl_proxy": _TO_BACKENDS,
    "google_compute_target_tcp_proxy": _TO_BACKENDS,
    "google_compute_region_target_tcp_proxy": _TO_BACKENDS,
    "google_compute_url_map": {"default_service": BACKEND_SERVICES},
    "google_compute_region_url_map": {"default_service": BACKEND_SERVICES},
}
# backend set type -> argument naming its backends -> the types it may name
BACKEND_LINKS: dict[str, dict[str, frozenset[str]]] = {
    "google_compute_backend_service": {"backend": _GROUPS},
    "google_compute_region_backend_service": {"backend": _GROUPS},
    "google_compute_target_pool": {"instances": frozenset({"google_compute_instance"})},
    "google_compute_target_instance": {"instance": frozenset({"google_compute_instance"})},
}


def _arguments(tf_type: str) -> Mapping[str, frozenset[str]]:
    return {**CHAIN_LINKS.get(tf_type, {}), **BACKEND_LINKS.get(tf_type, {})}


def _unknown(value: Any) -> bool:
    if value is True:
        return True
    if isinstance(value, list):
        return any(_unknown(v) for v in value)
    if isinstance(value, dict):
        return any(_unknown(v) for v in value.values())
    return False


# type -> the argument naming the database a planned read replica copies
REPLICA_SOURCES = {
    "aws_db_instance": "replicate_source_db",
    "azurerm_postgresql_flexible_server": "source_server_id",
    "azurerm_mysql_flexible_server": "source_server_id",
    "azurerm_postgresql_server": "creation_source_server_id",
    "azurerm_mysql_server": "creation_source_server_id",
    "azurerm_mariadb_server": "creation_source_server_id",
    "azurerm_mssql_database": "creation_source_database_id",
    "azurerm_sql_database": "source_database_id",
}
# create_mode values of an azurerm database kept in step with its source (the same argument
# also names the source of a one-off restore or copy, which is a database of its own)
REPLICA_MODES = frozenset({"replica", "secondary", "onlinesecondary"})


def unknown_links(tf_type: str, after_unknown: Any) -> list[str]:
    """The chain, backend and replica-source arguments of a planned part the plan does not
    know yet."""
    arguments = [
        *_arguments(tf_type),
        *([REPLICA_SOURCES[tf_type]] if tf_type in REPLICA_SOURCES else []),
    ]
    if not arguments or not isinstance(after_unknown, dict):
        return []
    return sorted(a for a in arguments if _unknown(after_unknown.get(a)))


def unresolved(tf_type: str, unknown: Iterable[str], named_types: Iterable[str]) -> list[str]:
    """Of ``unknown``, the chain and backend arguments no resource the part depends on can
    stand for."""
    arguments = _arguments(tf_type)
    named = set(named_types)
    return [a for a in unknown if a in arguments and not (arguments[a] & named)]
