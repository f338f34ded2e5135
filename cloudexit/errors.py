"""Errors as data: each knows its exit code and prints as one line."""

from __future__ import annotations


class CloudexitError(Exception):
    """Base class. ``str(error)`` is the one line a user sees."""

    exit_code = 1


class InputError(CloudexitError):
    """Bad input or usage: a file, field or option the user can fix. Exit 2."""

    exit_code = 2


class RuntimeFailure(CloudexitError):
    """The input was fine but the work failed (cloud unreachable, solver crashed). Exit 1."""

    exit_code = 1
