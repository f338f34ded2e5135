"""What every `cloudexit inventory <cloud>` command does last: write the file, say what happened."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cloudexit.model.io import save

if TYPE_CHECKING:
    from cloudexit.catalog.loader import Catalog
    from cloudexit.model.inventory import Inventory


def catalog_from(folder: Path | None) -> Catalog | None:
    """A user's catalogue folder; None lets the connector load the bundled one once its inputs check out."""
    from cloudexit.catalog.loader import load_catalog_dir

    return load_catalog_dir(folder) if folder else None


def write(inventory: Inventory, output: Path, label: str) -> None:
    save(inventory, output)
    codes = Counter(issue.code for issue in inventory.issues)
    issues = ", ".join(f"{count} {code}" for code, count in sorted(codes.items())) or "none"
    typer.echo(
        f"{label}: {len(inventory.resources)} resources written to {output}; issues: {issues}",
        err=True,
    )
