"""SHA-256 of the catalogue's data files, remembered between commands.

Every look-up keys what it reads from the cache by the content of the data files (5.5 MB): hashing
them all was a twentieth of a warm `catalog show`. A file's digest is kept in the cache folder
beside its place, size, inode and modification and change times, and read back while all of
them are unchanged: a rewritten file has a new change time, which no one can set back (the
cross-check marker rests on the same). Imports no pydantic.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from cloudexit.catalog.cache_folder import write_atomically

MEMO = "digests.json"


class FileDigests:
    """path -> SHA-256 of its content, from the memo in ``folder`` when the file is unchanged;
    without a folder, each file is read and hashed once per instance."""

    def __init__(self, folder: Path | None) -> None:
        self._folder = folder
        self._memo: dict[str, list[object]] | None = None
        self._known: dict[Path, bytes] = {}

    def __call__(self, path: Path) -> bytes:
        if path not in self._known:
            self._known[path] = self._digest(path)
        return self._known[path]

    def _digest(self, path: Path) -> bytes:
        if self._folder is None:
            return hashlib.sha256(path.read_bytes()).digest()
        seen = path.stat()
        stamp: list[object] = [seen.st_size, seen.st_ino, seen.st_mtime_ns, seen.st_ctime_ns]
        place = str(path.resolve())
        memo = self._read()
        kept = memo.get(place)
        if isinstance(kept, list) and len(kept) == 5 and kept[:4] == stamp:
            try:
                return bytes.fromhex(str(kept[4]))
            except ValueError:
                pass
        content = path.read_bytes()
        digest = hashlib.sha256(content).digest()
        if os.stat(path).st_ctime_ns == seen.st_ctime_ns and len(content) == seen.st_size:
            memo[place] = [*stamp, digest.hex()]
            try:
                write_atomically(self._folder / MEMO, json.dumps(memo, sort_keys=True))
            except OSError:
                pass  # an unwritable cache only costs speed
        return digest

    def _read(self) -> dict[str, list[object]]:
        if self._memo is None:
            assert self._folder is not None
            try:
                found = json.loads((self._folder / MEMO).read_bytes())
            except (OSError, ValueError):
                found = None
            self._memo = found if isinstance(found, dict) else {}
        return self._memo
