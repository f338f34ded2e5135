"""Reading the supplier register from YAML or CSV (one row per supplier and hosting site)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from cloudexit.errors import InputError
from cloudexit.model.io import read_text, read_yaml, validate
from cloudexit.model.suppliers import SupplierRegister

CSV_COLUMNS = (
    "supplier",
    "name",
    "service",
    "functions",
    "resources",
    "provider",
    "region",
    "country",
    "jurisdiction",
    "evidence_kind",
    "evidence_source",
    "evidence_date",
    "offline_hours",
    "notice_days",
    "data_export",
    "contact",
    "function_name",
    "criticality",
    "tolerable_downtime_hours",
)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]


def _csv_register(path: Path) -> dict[str, Any]:
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    header = reader.fieldnames or []
    missing = [c for c in ("supplier", "name") if c not in header]
    if missing:
        raise InputError(
            f"{path}: CSV header lacks column(s) {', '.join(missing)}; columns: {', '.join(CSV_COLUMNS)}"
        )
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        raise InputError(
            f"{path}: unknown CSV column {unknown[0]!r}; columns: {', '.join(CSV_COLUMNS)}"
        )
    suppliers: dict[str, dict[str, Any]] = {}
    functions: dict[str, dict[str, Any]] = {}
    for line, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise InputError(
                f"{path}: line {line} has {len(header)} columns expected, found another count"
            )
        cells = {k: (v or "").strip() for k, v in row.items()}
        sid = cells["supplier"]
        if not sid:
            raise InputError(f"{path}: line {line}: empty 'supplier'")
        entry = suppliers.setdefault(
            sid,
            {
                "id": sid,
                "name": cells["name"],
                "service": cells.get("service", ""),
                "functions": [],
                "resources": [],
                "hosting": [],
                "exit_terms": {},
            },
        )
        for key in ("functions", "resources"):
            entry[key] = sorted(set(entry[key]) | set(_split(cells.get(key, ""))))
        for key in ("offline_hours", "contact"):
            if cells.get(key):
                entry[key] = cells[key]
        for key in ("notice_days", "data_export"):
            if cells.get(key):
                entry["exit_terms"][key] = cells[key]
        if cells.get("provider"):
            evidence = {
                k: cells[f"evidence_{k}"]
                for k in ("kind", "source", "date")
                if cells.get(f"evidence_{k}")
            }
            hosting = {
                k: cells[k]
                for k in ("provider", "region", "country", "jurisdiction")
                if cells.get(k)
            }
            entry["hosting"].append({**hosting, "evidence": evidence})
        if (
            cells.get("criticality")
            or cells.get("function_name")
            or cells.get("tolerable_downtime_hours")
        ):
            for fid in _split(cells.get("functions", "")):
                function = {"id": fid, "name": cells.get("function_name") or fid}
                if cells.get("criticality"):
                    function["criticality"] = cells["criticality"]
                if cells.get("tolerable_downtime_hours"):
                    function["tolerable_downtime_hours"] = cells["tolerable_downtime_hours"]
                if functions.setdefault(fid, function) != function:
                    raise InputError(
                        f"{path}: line {line}: function {fid!r} is described differently on an earlier line"
                    )
    return {"functions": list(functions.values()), "suppliers": list(suppliers.values())}


def load_register(*paths: Path) -> SupplierRegister:
    """One register from YAML and CSV files; functions a CSV names must be described somewhere."""
    functions: list[dict[str, Any]] = []
    suppliers: list[dict[str, Any]] = []
    for path in paths:
        if path.suffix.lower() == ".csv":
            data = _csv_register(path)
        else:
            data = read_yaml(path)
            if not isinstance(data, dict):
                raise InputError(
                    f"{path}: a supplier register is a YAML mapping with 'functions' and 'suppliers'"
                )
        if len(paths) == 1:
            return validate(SupplierRegister, data, path)
        functions += data.get("functions") or []
        suppliers += data.get("suppliers") or []
    label = " + ".join(str(p) for p in paths)
    return validate(SupplierRegister, {"functions": functions, "suppliers": suppliers}, label)
