"""The catalogue's data files compiled once to validated JSON, so later commands skip YAML.

Parsing the YAML is what makes a load slow (PyYAML builds every Python object); pydantic reads
the same content back from JSON in a fraction of the time. Each compiled file is keyed by the
SHA-256 of its source file and of the code that reads it, so an edited file, another cloudexit
or another pydantic never reads a stale entry. The cache lives in the user's cache folder
(``CLOUDEXIT_CACHE_DIR`` overrides it); when that folder cannot be written, files are simply
read from YAML every time.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel, ValidationError
from pydantic_core import from_json

from cloudexit.catalog.cache_folder import CACHE_ENV, cache_dir, write_atomically
from cloudexit.catalog.digests import FileDigests
from cloudexit.model.io import read_yaml, validate

M = TypeVar("M", bound=BaseModel)
E = TypeVar("E", bound=BaseModel)

__all__ = ["CACHE_ENV", "Compiler", "LazyFiles", "OnFirstUse", "cache_dir", "file_key"]


def _code_files() -> tuple[Path, ...]:
    # schema.py, facts.py, products.py and source_types.py shape every compiled file; lookup.py
    # builds the size indexes and price views with names.py, custom_types.py, sizing.py and
    # burstable.py; classes.py shapes the size rules; io.py reads the YAML (and refuses repeated keys), defaults.py gives the defaults a
    # compiled file leaves out and money.py writes every amount to JSON. Their hash stands for
    # the package's version: a release with the same code compiles the same files.
    catalog = Path(__file__).parent
    model = catalog.parent / "model"
    return (
        catalog / "schema.py",
        catalog / "facts.py",
        catalog / "products.py",
        catalog / "source_types.py",
        catalog / "lookup.py",
        catalog / "names.py",
        catalog / "custom_types.py",
        catalog / "sizing.py",
        catalog / "burstable.py",
        catalog / "classes.py",
        model / "io.py",
        model / "defaults.py",
        model / "money.py",
    )


@cache
def _code_version() -> str:
    code = b"".join(path.read_bytes() for path in _code_files())
    return f"{pydantic.VERSION}/{hashlib.sha256(code).hexdigest()[:16]}"


@cache
def _module_version(module: str) -> str:
    """The SHA-256 of the source of the module that defines a model, so that a model read
    outside the catalogue's modules (the control planes) is not read back after its code
    changed."""
    source = getattr(sys.modules.get(module), "__file__", None)
    if source is None:
        return module
    return hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]


def file_key(content: bytes, code: str, variant: str = "") -> str:
    """The cache key of a file's compiled form, from the SHA-256 of its content."""
    digest = hashlib.sha256(code.encode())
    digest.update(b"\0" + variant.encode() + b"\0")
    digest.update(content)
    return digest.hexdigest()


class Compiler:
    """Reads data files through the cache; one per catalogue load."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_dir()
        self.code = _code_version()
        self._digests = FileDigests(self.folder)

    def digest(self, path: Path) -> bytes:
        """SHA-256 of a file's content, read once per compiler (or remembered from an earlier
        command while the file is unchanged): a provider file keys its compiled views."""
        return self._digests(path)

    def load(self, model: type[M], path: Path) -> M:
        """The validated content of ``path``: from its compiled copy when there is one."""
        return self.derived(model, path, lambda: validate(model, read_yaml(path), path))

    def derived(self, model: type[M], path: Path, build: Callable[[], M], variant: str = "") -> M:
        """What ``build`` makes from ``path`` (its content, or a smaller view of it, one per
        ``variant``), kept in the cache under the file's key so that later processes read it
        instead of building it."""
        if self.folder is None:
            return build()
        entry = self._entry(model, path, variant)
        try:
            return model.model_validate_json(entry.read_bytes())
        except (OSError, ValidationError, ValueError):
            pass
        return self._keep(entry, build())

    def table(
        self,
        model: type[M],
        field: str,
        entry_model: type[E],
        path: Path,
        build: Callable[[], M],
        variant: str = "",
    ) -> Mapping[str, list[E]]:
        """The look-up table ``field`` (key -> list of ``entry_model``) of what ``build`` makes,
        kept in the cache keyed by the file's key, and read back key by key: a look-up parses
        and validates the entries of the keys it asks for, not the megabytes of a provider's
        table (``KEYED`` describes the layout)."""
        if self.folder is None:
            return getattr(build(), field)  # type: ignore[no-any-return]
        entry = self._entry(model, path, variant).with_suffix(".keyed")

        def whole() -> Mapping[str, list[E]]:
            made = build()
            try:
                write_atomically(entry, keyed_text(made, field))
            except OSError:
                pass  # an unwritable cache only costs speed
            return getattr(made, field)  # type: ignore[no-any-return]

        try:
            slices = KeyedSlices.read(entry)
            model.model_validate({**slices.fields, field: {}})  # every other field checked
            return KeyedEntries(slices, entry_model, whole)
        except (OSError, ValidationError, ValueError, TypeError, KeyError):
            return whole()

    def _entry(self, model: type[BaseModel], path: Path, variant: str) -> Path:
        assert self.folder is not None
        code = f"{self.code}/{_module_version(model.__module__)}"
        return self.folder / f"{model.__name__}-{file_key(self.digest(path), code, variant)}.json"

    @staticmethod
    def _keep(entry: Path, made: M) -> M:
        try:
            write_atomically(entry, made.model_dump_json(exclude_defaults=True))
        except OSError:
            pass  # an unwritable cache only costs speed
        return made

    def marker(self, name: str, paths: list[Path]) -> Path | None:
        """A file whose presence records a check passed on exactly these files. Each is named by
        its place, size, modification and change times: a rewritten file (the system sets its
        change time) is checked again, and an unchanged catalogue is not read whole to find out."""
        if self.folder is None:
            return None
        digest = hashlib.sha256(self.code.encode())
        for path in sorted(paths):
            seen = path.stat()
            digest.update(
                f"{path.resolve()}\0{seen.st_size}\0{seen.st_mtime_ns}\0{seen.st_ctime_ns}\0".encode()
            )
        return self.folder / f"{name}-{digest.hexdigest()}.ok"

    @staticmethod
    def record(marker: Path | None) -> None:
        if marker is None:
            return
        try:
            write_atomically(marker, "")
        except OSError:
            pass


KEYED = """A keyed table's compiled file: one line of JSON, ``{"fields": the model's other
fields, "keys": {key: [start, end]}}``, then each key's entries as a JSON list at those byte
offsets of the rest of the file."""


def keyed_text(made: BaseModel, field: str) -> str:
    """``made`` in the layout of ``KEYED``, its table being the field ``field``."""
    body = bytearray()
    keys: dict[str, list[int]] = {}
    for key, entries in getattr(made, field).items():
        start = len(body)
        body += b"[" + b",".join(e.model_dump_json(exclude_defaults=True).encode() for e in entries)
        body += b"]"
        keys[key] = [start, len(body)]
    fields = made.model_dump(mode="json", exclude={field}, exclude_defaults=True)
    header = json.dumps({"fields": fields, "keys": keys}, ensure_ascii=False)
    return header + "\n" + body.decode()


class KeyedSlices(Mapping[str, Any]):
    """A file of the ``KEYED`` layout: key -> its entries parsed as JSON when asked for."""

    def __init__(self, fields: dict[str, Any], keys: dict[str, Any], body: bytes) -> None:
        self.fields = fields
        self._keys = keys
        self._body = body

    @classmethod
    def read(cls, path: Path) -> KeyedSlices:
        data = path.read_bytes()
        end = data.index(b"\n")
        header = from_json(data[:end])
        if not isinstance(header["fields"], dict) or not isinstance(header["keys"], dict):
            raise TypeError(f"{path}: not a keyed table")
        return cls(header["fields"], header["keys"], data[end + 1 :])

    def __getitem__(self, key: str) -> Any:
        start, end = self._keys[key]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            raise TypeError(f"{key}: no place in the file")
        return from_json(self._body[start:end])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys


class KeyedEntries(Mapping[str, list[E]]):
    """A compiled look-up table whose entries are parsed and validated per key when first asked
    for. An entry that does not parse or that the model refuses (a damaged cache file) makes the
    table read whole, through ``whole``, which builds it again as a load does."""

    def __init__(
        self,
        raw: Mapping[str, Any],
        entry_model: type[E],
        whole: Callable[[], Mapping[str, list[E]]],
    ) -> None:
        self._raw = raw
        self._entry_model = entry_model
        self._whole = whole
        self._read: Mapping[str, list[E]] | None = None
        self._checked: dict[str, list[E]] = {}

    def __getitem__(self, key: str) -> list[E]:
        if self._read is not None:
            return self._read[key]
        if key not in self._checked:
            try:
                items = self._raw[key]
                if not isinstance(items, list):
                    raise TypeError(f"{key}: not a list")
                self._checked[key] = [self._entry_model.model_validate(i) for i in items]
            except KeyError:
                raise
            except (ValidationError, ValueError, TypeError):
                self._read = self._whole()
                return self._read[key]
        return self._checked[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw if self._read is None else self._read)

    def __len__(self) -> int:
        return len(self._raw if self._read is None else self._read)

    def __contains__(self, key: object) -> bool:
        return key in (self._raw if self._read is None else self._read)


K = TypeVar("K")
V = TypeVar("V")


class OnFirstUse(Mapping[K, V]):
    """A mapping read when it is first looked at: an import, which names no target, does not
    read and validate the kind mappings."""

    def __init__(self, read: Callable[[], Mapping[K, V]]) -> None:
        self._read = read
        self._content: Mapping[K, V] | None = None

    def _got(self) -> Mapping[K, V]:
        if self._content is None:
            self._content = self._read()
        return self._content

    def __getitem__(self, key: K) -> V:
        return self._got()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._got())

    def __len__(self) -> int:
        return len(self._got())

    def __contains__(self, key: object) -> bool:
        return key in self._got()

    def __repr__(self) -> str:
        return f"OnFirstUse({self._got()!r})"


class LazyFiles(Mapping[str, V]):
    """id -> content, each read on first use: a command about one provider reads one file."""

    def __init__(self, paths: dict[str, Path], read: Callable[[str, Path], V]) -> None:
        self._paths = dict(sorted(paths.items()))
        self._read = read
        self._loaded: dict[str, V] = {}

    def __getitem__(self, key: str) -> V:
        if key not in self._loaded:
            path = self._paths[key]
            self._loaded[key] = self._read(key, path)
        return self._loaded[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, key: object) -> bool:
        return key in self._paths

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyFiles({sorted(self._paths)})"
