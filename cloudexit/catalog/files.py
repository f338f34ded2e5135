"""Which files make up a catalogue folder pair (providers/, mappings/)."""

from __future__ import annotations

from pathlib import Path


def provider_paths(providers_dir: Path) -> dict[str, Path]:
    """Provider id (the file's name) -> its YAML file, sorted by id."""
    return {path.stem: path for path in sorted(providers_dir.glob("*.yaml"))}


def mapping_files(mappings_dir: Path) -> list[Path]:
    """Every file the kind mappings are read from, in reading order."""
    return [
        *sorted(mappings_dir.glob("kinds*.yaml")),
        *sorted((mappings_dir / "targets").glob("*.yaml")),
    ]


def catalogue_files(providers_dir: Path, mappings_dir: Path) -> list[Path]:
    """Every file a catalogue load reads and checks."""
    return [
        *providers_dir.glob("*.yaml"),
        *mapping_files(mappings_dir),
        *(mappings_dir / "sources").glob("*.yaml"),
        *(mappings_dir / "versions").glob("*.yaml"),
    ]
