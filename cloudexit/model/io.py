"""Reading and writing the pipeline's files, with errors that name the file and field."""

from __future__ import annotations

import difflib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from cloudexit.collector import collection_paused
from cloudexit.errors import InputError
from cloudexit.wording import counted

if TYPE_CHECKING:  # imported where used: reading a catalogue file needs neither model
    from pydantic import BaseModel, ValidationError  # reading JSON (explain) needs no pydantic

    from cloudexit.model.inventory import Inventory
    from cloudexit.model.policy import Policy

M = TypeVar("M", bound="BaseModel")


def describe_validation_error(path: str | Path, error: ValidationError, data: Any = None) -> str:
    """One line: the file, the first failing field (with a resource id when there is one) and why."""
    first = error.errors()[0]
    location = first.get("loc", ())
    parts: list[str] = []
    for item in location:
        if isinstance(item, int):
            parts[-1:] = [f"{parts[-1]}[{item}]" if parts else f"[{item}]"]
        else:
            parts.append(str(item))
    field = ".".join(parts) or "(top level)"
    hint = ""
    if data is not None and len(location) >= 2 and location[0] == "resources":
        try:
            rid = data["resources"][location[1]].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            rid = None
        if rid:
            hint = f" (resource {rid})"
    more = len(error.errors()) - 1
    extra = f"; {counted(more, 'more problem')}" if more else ""
    message = first.get("msg", "invalid")
    message = message.removeprefix("Value error, ")
    if first.get("type") == "enum":
        # the full list of kinds is 50 names long: name the closest few instead
        expected = re.findall(r"'([^']*)'", str(first.get("ctx", {}).get("expected", "")))
        near = difflib.get_close_matches(str(first.get("input")), expected, n=3, cutoff=0.5)
        hint_names = f"did you mean {' or '.join(near)}?" if near else "see cloudexit schema"
        message = f"unknown value {first.get('input')!r}; {hint_names}"
    return f"{path}: {field}{hint}: {message}{extra}"


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None


def read_json(path: Path) -> Any:
    text = read_text(path)
    try:
        return json.loads(text)
    except RecursionError:
        # the C decoder gives up at the interpreter's recursion limit, long before memory runs out
        raise InputError(f"{path}: nested too deep (arrays or objects within each other)") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None


@lru_cache(maxsize=1)
def _unique_key_loader() -> Any:
    """The safe loader, refusing a key given twice in one mapping (YAML keeps the last silently).

    Built on first use: commands that read only compiled JSON never import PyYAML."""
    import yaml

    class UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=deep)
                try:
                    duplicate = key in seen
                except TypeError:
                    continue  # an unhashable key: the constructor reports it
                if duplicate:
                    mark = key_node.start_mark
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} is given twice", mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def read_yaml(path: Path) -> Any:
    import yaml

    text = read_text(path)
    try:
        # The C loader reads the large provider files about ten times faster than the pure one.
        return yaml.load(text, Loader=_unique_key_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{path}: invalid YAML{where}: {problem}") from None


def validate(model: type[M], data: Any, path: str | Path) -> M:
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_validation_error(path, exc, data)) from None


def load_inventory(*paths: str | Path) -> Inventory:
    """Load and merge one or more inventory.json files."""
    if not paths:
        raise InputError("no inventory file given")
    with collection_paused():
        return _load_inventories(paths)


def _load_inventories(paths: tuple[str | Path, ...]) -> Inventory:
    from cloudexit.model.inventory import INVENTORY_SCHEMA_VERSION, Inventory
    from cloudexit.model.migrate import migrate_1_0

    merged: Inventory | None = None
    for raw in paths:
        path = Path(raw)
        streamed = _read_resource_by_resource(path)
        if streamed is not None:
            merged = (
                streamed if merged is None else merge_inventories([merged, streamed], str(path))
            )
            continue
        data = read_json(path)
        if not isinstance(data, dict):
            raise InputError(f"{path}: an inventory is a JSON object, found {type(data).__name__}")
        version = data.get("schema_version")
        if version not in (INVENTORY_SCHEMA_VERSION, "1.0"):
            raise InputError(
                f"{path}: schema_version {version!r} is not supported "
                f"(this cloudexit reads {INVENTORY_SCHEMA_VERSION!r} and migrates '1.0')"
            )
        if version == "1.0":
            data = migrate_1_0(data, in_place=True)
        inventory = validate(Inventory, data, path)
        merged = inventory if merged is None else merge_inventories([merged, inventory], str(path))
    assert merged is not None
    return merged


_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, as the json module skips it


def _skip(text: str, at: int) -> int:
    found = _SPACE.match(text, at)
    assert found is not None  # the pattern matches the empty string
    return found.end()


def _read_resource_by_resource(path: Path) -> Inventory | None:
    """A current-schema inventory read with each resource validated as soon as its text is
    decoded, so that a million resources never exist as JSON objects all at once beside their
    models (5.1 GiB at a million resources, about half of it the decoded JSON).

    The json module's decoder reads every value, so numbers, strings and repeated keys read as
    ``read_json`` reads them. Anything else (another schema version, invalid JSON or data, a
    repeated top-level key) gives None, and the whole-file read says what is wrong as before."""
    from pydantic import ValidationError

    from cloudexit.model.inventory import (
        INVENTORY_SCHEMA_VERSION,
        Inventory,
        Resource,
        unique_ids,
    )

    text = read_text(path)
    decode = json.JSONDecoder().raw_decode
    try:
        at = _skip(text, 0)
        if text[at : at + 1] != "{":
            return None
        at = _skip(text, at + 1)
        rest: dict[str, Any] = {}
        while text[at : at + 1] != "}":
            key, at = decode(text, at)
            at = _skip(text, at)
            if not isinstance(key, str) or key in rest or text[at : at + 1] != ":":
                return None
            at = _skip(text, at + 1)
            if key == "resources":
                if text[at : at + 1] != "[":
                    return None
                resources: list[Resource] = []
                at = _skip(text, at + 1)
                while text[at : at + 1] != "]":
                    item, at = decode(text, at)
                    resources.append(Resource.model_validate(item))
                    at = _skip(text, at)
                    if text[at : at + 1] == ",":
                        at = _skip(text, at + 1)
                        if text[at : at + 1] == "]":
                            return None  # a trailing comma: not JSON
                    elif text[at : at + 1] != "]":
                        return None
                rest[key], at = resources, at + 1
            else:
                rest[key], at = decode(text, at)
                if key == "schema_version" and rest[key] != INVENTORY_SCHEMA_VERSION:
                    return None
            at = _skip(text, at)
            if text[at : at + 1] == ",":
                at = _skip(text, at + 1)
                if text[at : at + 1] == "}":
                    return None
            elif text[at : at + 1] != "}":
                return None
        if (
            _skip(text, at + 1) != len(text)
            or rest.get("schema_version") != INVENTORY_SCHEMA_VERSION
        ):
            return None
        del text
        # The resources are validated already: the shell is validated without them, and what
        # validating the whole would do with them (ids checked, order, attachments) done once.
        resources = rest.pop("resources", None)
        inventory = Inventory.model_validate(rest)
        if resources is None:
            return inventory
        inventory.resources = unique_ids(resources)
        return inventory.settled()
    except (ValueError, ValidationError, RecursionError):
        return None


def merge_inventories(inventories: Sequence[Inventory], label: str = "inventory") -> Inventory:
    from cloudexit.model.inventory import Inventory

    seen: set[str] = set()
    for inventory in inventories:
        for resource in inventory.resources:
            if resource.id in seen:
                raise InputError(
                    f"{label}: duplicate resource id {resource.id!r} across inventories"
                )
            seen.add(resource.id)
    bills = [i.bill for i in inventories if i.bill is not None]
    if len(bills) > 1:
        raise InputError(
            f"{label}: several inventories carry a bill; merge them first, then run "
            "`cloudexit inventory bill` once on the merged inventory"
        )
    stamps = sorted(i.generated_at for i in inventories if i.generated_at)
    return Inventory(
        generated_at=stamps[-1] if stamps else None,
        sources=[s for i in inventories for s in i.sources],
        resources=[r for i in inventories for r in i.resources],
        issues=[x for i in inventories for x in i.issues],
        bill=bills[0] if bills else None,
    )


def load_policy(path: str | Path | None) -> Policy:
    from cloudexit.model.policy import Policy

    if path is None:
        return Policy()
    path = Path(path)
    data = read_yaml(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: a policy is a YAML mapping, found {type(data).__name__}")
    return validate(Policy, data, path)


def dumps(model: BaseModel) -> str:
    """Deterministic JSON: fixed field order, two-space indent, trailing newline."""
    # Serialised by pydantic-core straight to text: a 100,000-resource plan never exists as a dict.
    # Field order is the models' own, and lists are sorted by the models, so output is stable.
    return model.model_dump_json(indent=2, exclude_none=True) + "\n"


PARTIAL_SUFFIX = ".partial"
"""Ends the name of a file ``write_text_atomic`` has not finished writing."""


def write_text_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, one after the other) to ``path`` whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PARTIAL_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                for piece in text:
                    handle.write(piece)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; artefacts are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_partial_writes(folder: Path) -> None:
    """Remove what a ``write_text_atomic`` killed mid-write (SIGKILL runs no cleanup) left in
    ``folder`` or below it."""
    for path in sorted(folder.rglob(f".*{PARTIAL_SUFFIX}")):
        path.unlink(missing_ok=True)


def save(model: BaseModel, path: str | Path) -> None:
    write_text_atomic(Path(path), dumps(model))


def iter_files(paths: Iterable[str | Path]) -> list[Path]:
    return sorted(Path(p) for p in paths)
