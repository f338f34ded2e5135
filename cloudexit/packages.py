"""Packages whose functions share a name with one of their submodules."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any


def keep_functions_over_submodules(package: str, *names: str) -> None:
    """Importing submodule ``package.name`` binds it on the package over the function ``name``;
    the function stays what ``package.name`` means."""

    class _Package(ModuleType):
        def __setattr__(self, name: str, value: Any) -> None:
            if name in names and isinstance(value, ModuleType):
                return
            super().__setattr__(name, value)

    sys.modules[package].__class__ = _Package
