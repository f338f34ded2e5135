"""Which cloud a supplier's service runs on, suggested from DNS records the user supplies and the
clouds' published IP-range files. Nothing is looked up: no account access, no network."""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.datafiles import data_dir
from cloudexit.errors import InputError
from cloudexit.model.io import read_json, read_text, read_yaml, validate

Confidence = Literal["high", "medium", "low"]
RecordType = Literal["A", "AAAA", "CNAME", "MX", "SPF"]


class _Data(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


class HostSource(_Data):
    url: str
    published: dt.date | Literal["unknown"]
    retrieved: dt.date
    verified: bool
    note: str | None = None


class HostPattern(_Data):
    pattern: str
    provider: str
    service: str
    record_types: list[RecordType]
    confidence: Confidence
    source: HostSource


class HostPatterns(_Data):
    hosts: list[HostPattern]


class Record(_Data):
    name: str
    type: RecordType
    value: str


class Suggestion(_Data):
    record: str = Field(description="The record as given: name, type, value")
    supplier_hint: str = Field(
        description="The registrable domain the record points to: a likely supplier"
    )
    provider: str
    region: str | None = None
    service: str
    confidence: Confidence
    evidence: str


def load_patterns(path: Path | None = None) -> HostPatterns:
    path = path or data_dir("mappings") / "dns-hosts.yaml"
    return validate(HostPatterns, read_yaml(path), path)


def parse_records(text: str, origin: str | None = None) -> list[Record]:
    """Records from a zone file, or `name [ttl] [IN] TYPE value` lines; relative names take $ORIGIN
    or the given origin. The `include:` terms of SPF TXT records become SPF records."""
    import dns.exception
    import dns.rdatatype
    import dns.zone

    if origin:
        text = f"$ORIGIN {origin.rstrip('.')}.\n{text}"
    try:
        zone = dns.zone.from_text(text, origin=".", relativize=False, check_origin=False)
    except dns.exception.DNSException as exc:
        raise InputError(f"DNS records: {exc}") from None
    records: list[Record] = []
    for name, node in zone.nodes.items():
        owner = name.to_text().rstrip(".").lower()
        for rdataset in node.rdatasets:
            rtype = dns.rdatatype.to_text(rdataset.rdtype)
            for rdata in rdataset:
                if rtype in ("A", "AAAA"):
                    records.append(Record(name=owner, type=rtype, value=rdata.to_text()))
                elif rtype == "CNAME":
                    records.append(
                        Record(
                            name=owner,
                            type="CNAME",
                            value=rdata.target.to_text().rstrip(".").lower(),
                        )
                    )
                elif rtype == "MX":
                    records.append(
                        Record(
                            name=owner,
                            type="MX",
                            value=rdata.exchange.to_text().rstrip(".").lower(),
                        )
                    )
                elif rtype == "TXT":
                    txt = b"".join(rdata.strings).decode("utf-8", "replace")
                    if txt.startswith("v=spf1"):
                        records += [
                            Record(
                                name=owner,
                                type="SPF",
                                value=term.removeprefix("include:").rstrip(".").lower(),
                            )
                            for term in txt.split()
                            if term.startswith("include:")
                        ]
    return sorted(records, key=lambda r: (r.name, r.type, r.value))


@dataclass(frozen=True)
class _Range:
    network: ipaddress.IPv4Network | ipaddress.IPv6Network
    provider: str
    region: str | None
    service: str
    source: str


class IpRanges:
    """Published address ranges, searchable by address (longest prefix wins)."""

    def __init__(self, ranges: list[_Range]) -> None:
        self._ranges = sorted(
            ranges, key=lambda r: (r.network.version, int(r.network.network_address))
        )
        self._keys = [(r.network.version, int(r.network.network_address)) for r in self._ranges]

    def find(self, address: str) -> _Range | None:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return None
        best: _Range | None = None
        index = bisect_right(self._keys, (ip.version, int(ip)))
        for candidate in reversed(self._ranges[max(0, index - 64) : index]):
            if ip in candidate.network and (
                best is None or candidate.network.prefixlen > best.network.prefixlen
            ):
                best = candidate
        return best

    def __len__(self) -> int:
        return len(self._ranges)


def _net(text: str, path: Path) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise InputError(f"{path}: {text!r} is not an address range") from None


def read_ip_ranges(path: Path) -> list[_Range]:
    """AWS ip-ranges.json, Azure Service Tags or Google cloud.json, recognised by their keys."""
    data: Any = read_json(path)
    if not isinstance(data, dict):
        raise InputError(f"{path}: not an IP-range file (a JSON object is expected)")
    found: list[_Range] = []
    if "prefixes" in data and "syncToken" in data:
        stamp = data.get("createDate", "")
        label = f"AWS ip-ranges.json {stamp}".strip()
        for entry in [*data.get("prefixes", []), *data.get("ipv6_prefixes", [])]:
            prefix = entry.get("ip_prefix") or entry.get("ipv6_prefix")
            region = entry.get("region")
            found.append(
                _Range(
                    _net(prefix, path),
                    "aws",
                    None if region == "GLOBAL" else region,
                    entry.get("service", ""),
                    label,
                )
            )
    elif "values" in data and "changeNumber" in data:
        label = f"Azure Service Tags change {data.get('changeNumber')}"
        for value in data.get("values", []):
            props = value.get("properties", {})
            region = props.get("region") or None
            for prefix in props.get("addressPrefixes", []):
                found.append(
                    _Range(
                        _net(prefix, path),
                        "azure",
                        region,
                        props.get("systemService") or value.get("name", ""),
                        label,
                    )
                )
    elif "prefixes" in data and "creationTime" in data:
        label = f"Google cloud.json {data.get('creationTime')}"
        for entry in data.get("prefixes", []):
            prefix = entry.get("ipv4Prefix") or entry.get("ipv6Prefix")
            found.append(
                _Range(
                    _net(prefix, path), "gcp", entry.get("scope"), entry.get("service", ""), label
                )
            )
    else:
        raise InputError(
            f"{path}: not an AWS ip-ranges.json, Azure Service Tags or Google cloud.json file"
        )
    return found


def _registrable(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[-3:]) if len(parts) > 2 and len(parts[-2]) <= 3 else ".".join(parts[-2:])


def suggest(
    records: list[Record], patterns: HostPatterns, ranges: IpRanges | None = None
) -> list[Suggestion]:
    """One suggestion per record whose target (after following the given CNAME chain) or address
    points into a cloud."""
    compiled = [(re.compile(p.pattern), p) for p in patterns.hosts]
    cnames = {r.name: r.value for r in records if r.type == "CNAME"}
    addresses: dict[str, list[str]] = {}
    for r in records:
        if r.type in ("A", "AAAA"):
            addresses.setdefault(r.name, []).append(r.value)
    suggestions: list[Suggestion] = []
    for record in records:
        label = f"{record.name} {record.type} {record.value}"
        chain = [record.value] if record.type != "A" and record.type != "AAAA" else []
        while chain and chain[-1] in cnames and len(chain) < 16 and cnames[chain[-1]] not in chain:
            chain.append(cnames[chain[-1]])
        match = None
        for host in reversed(chain):
            for regex, pattern in compiled:
                found = regex.fullmatch(host)
                if found and record.type in pattern.record_types:
                    region = found.groupdict().get("region")
                    match = Suggestion(
                        record=label,
                        supplier_hint=_registrable(chain[0]),
                        provider=pattern.provider,
                        region=region,
                        service=pattern.service,
                        confidence=pattern.confidence,
                        evidence=f"{host} matches {pattern.service} ({pattern.source.url})",
                    )
                    break
            if match:
                break
        if match is None and ranges is not None and record.type in ("A", "AAAA", "CNAME"):
            ips = (
                [record.value]
                if record.type in ("A", "AAAA")
                else [ip for host in chain for ip in addresses.get(host, [])]
            )
            for ip in ips:
                hit = ranges.find(ip)
                if hit is not None:
                    host = chain[0] if chain else record.name
                    match = Suggestion(
                        record=label,
                        supplier_hint=_registrable(host),
                        provider=hit.provider,
                        region=hit.region,
                        service=hit.service or "published range",
                        confidence="high",
                        evidence=f"{ip} in {hit.network} ({hit.source})",
                    )
                    break
        if match is not None:
            suggestions.append(match)
    return sorted(suggestions, key=lambda s: (s.supplier_hint, s.record))


def read_records(path: Path, origin: str | None) -> list[Record]:
    records = parse_records(read_text(path), origin)
    if not records:
        raise InputError(
            f"{path}: no A, AAAA, CNAME, MX or TXT record found (zone file or 'name TYPE value' lines)"
        )
    return records
