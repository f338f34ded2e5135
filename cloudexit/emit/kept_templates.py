"""The bundled templates' compiled code, kept in the cache folder instead of compiled by every run.

Compiling the templates a plan writes with was 0.3 s of the example's 4 s of CPU. Jinja keeps
each template's code under its name and file and reads it back only for the same source, Jinja
format and Python version. The folder is also named by the source of the modules that set up
the environment and its filters, since the code depends on their options (a filter's arguments,
whitespace control): code compiled under other ones is never read. A damaged file or a folder
that cannot be written only means compiling as before.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from types import ModuleType

import jinja2
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache

from cloudexit.catalog.cache_folder import cache_dir


class _Kept(FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged file: the template is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # not kept: compiled again next time


def kept_bytecode(setup: list[ModuleType]) -> BytecodeCache | None:
    """Compiled templates kept under the cache folder, for an environment set up by the
    modules ``setup``; None when there is no cache folder or it cannot be made."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{jinja2.__version__}\0{sys.version}".encode())
    for module in setup:
        if module.__file__ is None:
            return None
        digest.update(Path(module.__file__).read_bytes())
    where = folder / "templates" / digest.hexdigest()[:24]
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Kept(str(where))
