"""An object of a file the pipeline wrote, read field by field as its model types the field.

`explain` answers about one resource of a plan that may hold 100,000: building every model of
the plan (and importing pydantic to do it) cost more than the answer. A ``JsonView`` reads the
JSON as written, with the field's default where the writer left it out (it omits None), and
raises ``NotAsWritten`` at the first field that is missing or of another type, so the caller
validates the whole file with its model instead (the same answer, or one clear error).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any


class NotAsWritten(Exception):
    """The file is not shaped as this version writes it."""


_MISSING = object()


class JsonView:
    def __init__(self, data: Any) -> None:
        if not isinstance(data, dict):
            raise NotAsWritten("not an object")
        self._data = data

    def _get(self, key: str, default: Any) -> Any:
        value = self._data.get(key, default)
        if value is _MISSING:
            raise NotAsWritten(f"no {key}")
        return value

    def text(self, key: str, default: Any = _MISSING) -> Any:
        """A string; ``default`` (None included) when the field is absent."""
        value = self._get(key, default)
        if value is not default and not isinstance(value, str):
            raise NotAsWritten(f"{key} is not text")
        return value

    def number(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default)
        if value is not default and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise NotAsWritten(f"{key} is not a number")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise NotAsWritten(f"{key} is not true or false")
        return value

    def amount(self, key: str, default: Any = _MISSING) -> Any:
        """A decimal amount, written as an exact string."""
        value = self._get(key, default)
        return value if value is default else _decimal(key, value)

    def amounts(self, key: str) -> dict[str, Decimal]:
        """An object of amounts; empty when absent."""
        value = self._get(key, {})
        if not isinstance(value, dict):
            raise NotAsWritten(f"{key} is not an object")
        return {str(k): _decimal(key, v) for k, v in value.items()}

    def texts(self, key: str) -> list[str]:
        """A list of strings; empty when absent."""
        value = self._get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise NotAsWritten(f"{key} is not a list of text")
        return value

    def numbers(self, key: str) -> dict[str, float]:
        """An object of numbers."""
        value = self._get(key, _MISSING)
        if not isinstance(value, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value.values()
        ):
            raise NotAsWritten(f"{key} is not an object of numbers")
        return value

    def view(self, key: str) -> JsonView:
        return JsonView(self._get(key, _MISSING))

    def optional_view(self, key: str) -> JsonView | None:
        value = self._get(key, None)
        return None if value is None else JsonView(value)

    def views(self, key: str, default: Any = _MISSING) -> Any:
        """A list of objects; ``default`` when absent."""
        value = self._get(key, default)
        if value is default:
            return value
        if not isinstance(value, list):
            raise NotAsWritten(f"{key} is not a list")
        return [JsonView(item) for item in value]


def _decimal(key: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise NotAsWritten(f"{key} is not an exact amount")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise NotAsWritten(f"{key} is not an exact amount") from None
    if not amount.is_finite():
        raise NotAsWritten(f"{key} is not a finite amount")
    return amount
