"""`terraform init` + `terraform validate` with the user's own terraform or tofu binary."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from cloudexit.errors import InputError, RuntimeFailure
from cloudexit.tfcheck.core import modules

BINARIES = ("terraform", "tofu")


@dataclass(frozen=True)
class ValidateResult:
    module: Path
    ok: bool
    output: str


def find_binary(explicit: str | None = None) -> str:
    if explicit:
        found = shutil.which(explicit)
        if not found:
            raise InputError(f"--binary {explicit}: no such executable")
        return found
    for name in BINARIES:
        found = shutil.which(name)
        if found:
            return found
    raise InputError(
        "no terraform or tofu binary on PATH: install one, or use `cloudexit terraform check` for offline checks"
    )


def validate(folder: Path, binary: str | None = None) -> list[ValidateResult]:
    """Run init (no backend) and validate in every module under ``folder``."""
    try:
        from python_terraform import Terraform
    except ImportError:
        raise InputError(
            "terraform validate needs python-terraform: install cloudexit[terraform]"
        ) from None
    path = find_binary(binary)
    results = []
    for module in modules(folder):
        tf = Terraform(working_dir=str(module), terraform_bin_path=path)
        code, out, err = tf.init(backend=False, input=False, capture_output=True)
        if code != 0:
            results.append(ValidateResult(module, False, (err or out or "").strip()))
            continue
        code, out, err = tf.cmd("validate", "-no-color", capture_output=True)
        if code is None:
            raise RuntimeFailure(f"{path} could not be run in {module}")
        results.append(ValidateResult(module, code == 0, (out + err).strip()))
    return results
