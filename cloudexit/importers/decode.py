"""Export files as people have them: gzip-compressed, with a byte-order mark, in UTF-16, or
captured through the setup-terraform wrapper. Every reader gets plain UTF-8 bytes."""

from __future__ import annotations

import codecs
import gzip
import io
from pathlib import Path
from typing import IO, cast

from cloudexit.errors import InputError

_GZIP = b"\x1f\x8b"
_ZIP = b"PK\x03\x04"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WRAPPER = b"[command]"


class _Recoded(io.RawIOBase):
    """A text stream in some encoding, read as UTF-8 bytes."""

    def __init__(self, raw: IO[bytes], encoding: str, path: Path) -> None:
        self._text = codecs.getreader(encoding)(raw)
        self._raw = raw
        self._pending = b""
        self._path = path
        self._encoding = encoding

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                chunk = self._text.read(16384)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{self._path}: not valid {self._encoding} text: {exc.reason}"
                ) from None
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def close(self) -> None:
        self._raw.close()
        super().close()


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def open_input(path: Path) -> IO[bytes]:
    """The file's content as UTF-8 bytes, whatever wrapping it arrived in."""
    handle = _open(path)
    head = handle.read(4)
    handle.seek(0)
    if head.startswith(_GZIP):
        handle.close()
        unpacked = gzip.GzipFile(path, "rb")
        handle = cast(IO[bytes], unpacked)
        try:
            head = unpacked.peek(4)[:4]
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: not a readable gzip file: {exc}") from None
    if head.startswith(_ZIP):
        handle.close()
        raise InputError(
            f"{path}: a binary Terraform plan (or another zip archive); run "
            "`terraform show -json PLANFILE > plan.json` and import plan.json"
        )
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            handle.read(len(bom))
            if encoding == "utf-8":
                return handle
            return io.BufferedReader(_Recoded(handle, encoding, path))
    if head[:2] in (b"\x00{", b"{\x00", b"\x00[", b"[\x00"):
        encoding = "utf-16-be" if head[:1] == b"\x00" else "utf-16-le"
        return io.BufferedReader(_Recoded(handle, encoding, path))
    if head.startswith(b"[com"):
        return _unwrap(handle, path)
    return handle


def _unwrap(handle: IO[bytes], path: Path) -> IO[bytes]:
    """Output captured through the setup-terraform wrapper: a `[command]...` line, the JSON on
    one line, then `::debug::` and `::set-output` lines. Only the JSON line is kept."""
    with handle:
        first = handle.readline()
        if not first.startswith(_WRAPPER):
            handle.seek(0)
            return io.BytesIO(handle.read())
        for line in handle:
            stripped = line.strip()
            if stripped.startswith((b"{", b"[")):
                return io.BytesIO(stripped)
    raise InputError(f"{path}: output of the setup-terraform wrapper holds no JSON line")
