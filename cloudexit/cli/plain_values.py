"""Text, choice and path arguments converted without a pydantic validator.

Typer 0.2x converts each parameter's value through a pydantic ``TypeAdapter`` built when the
command runs. The first one imports pydantic and builds its schema machinery, about 0.1 s of
CPU: more than `explain` or `catalog show` needs for its whole answer. A ``str`` value needs no
conversion, nor one of a ``Literal`` of strings, and a ``Path`` one only ``Path(value)`` after
Typer's own checks (exists, readable, file or folder), so those parameters get a converter that
does just that. Any other annotation or value, and a Typer without this hook, keep Typer's
conversion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal, cast, get_args, get_origin

try:  # typer >= 0.20 vendors click
    import typer._click as click
except ImportError:  # pragma: no cover - older typer
    import click  # type: ignore[no-redef]

Convert = Callable[[Any, Any, Any], Any]
"""(value, parameter, context) -> the converted value, or ``_TYPER`` to let Typer convert it"""

_TYPER = object()


class PlainValue:
    """What Typer keeps as a parameter's runtime converter (``coerce``), for text and paths."""

    def __init__(self, convert: Convert, descriptor: Any) -> None:
        self._convert = convert
        self._descriptor = descriptor

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multiple = param.multiple or param.nargs == -1
        if value is None:
            return () if multiple else None
        if multiple and not isinstance(value, list | tuple):
            return self._typer(value, param, ctx)
        items = list(value) if multiple else [value]
        converted = [self._convert(item, param, ctx) for item in items]
        if any(item is _TYPER for item in converted):
            return self._typer(value, param, ctx)
        return converted if multiple else converted[0]

    def _typer(self, value: Any, param: Any, ctx: Any) -> Any:
        from typer._coercion import build_runtime_param

        return build_runtime_param(self._descriptor).coerce(value, param=param, ctx=ctx)


def _text(value: Any, _param: Any, _ctx: Any) -> Any:
    return value if isinstance(value, str) else _TYPER


def _flag(value: Any, _param: Any, _ctx: Any) -> Any:
    return value if isinstance(value, bool) else _TYPER


def _choice_of(choices: tuple[str, ...]) -> Convert:
    def convert(value: Any, _param: Any, _ctx: Any) -> Any:
        return value if value in choices else _TYPER  # Typer words the refusal

    return convert


def _path_of(path_type: type[Path], info: Any) -> Convert:
    from typer._param_types import coerce_cli_path

    def convert(value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, str):
            return _TYPER
        # path_type None: Typer checks the path as given and returns it unconverted
        checked = coerce_cli_path(value, info, path_type=None, param=param, ctx=ctx)
        return path_type(cast(str, checked))

    return convert


def _converter(descriptor: Any, multiple: bool) -> Convert | None:
    info = descriptor.parameter_info
    if info.parser is not None or descriptor.file_annotation is not None:
        return None
    annotation = descriptor.annotation
    if (get_origin(annotation) is list) != multiple:
        return None
    if multiple:
        (annotation,) = get_args(annotation)
    if annotation is str:
        return _text
    if annotation is bool:
        return _flag
    if get_origin(annotation) is Literal and all(isinstance(a, str) for a in get_args(annotation)):
        return _choice_of(get_args(annotation))
    plain_path = info.path_type is None and not info.allow_dash
    if isinstance(annotation, type) and issubclass(annotation, Path) and plain_path:
        return _path_of(annotation, info)
    return None


def convert_plainly(commands: Iterable[click.Command], ctx: click.Context) -> None:
    """Give the text, flag and path parameters of ``commands`` and their sub-commands (those
    built already) the plain converter; a lazy group calls this again for the ones it builds.
    ``ctx`` names the help option, which a sub-command's context inherits."""
    for command in commands:
        for param in command.get_params(ctx):
            if getattr(param, "_runtime_param", _TYPER) is not None:
                continue  # an older Typer, or a converter already built
            descriptor = getattr(param, "type_descriptor", None)
            multiple = param.multiple or param.nargs == -1
            try:
                convert = None if descriptor is None else _converter(descriptor, multiple)
            except ImportError:  # pragma: no cover - a Typer without coerce_cli_path
                convert = None
            if convert is not None:
                param._runtime_param = PlainValue(convert, descriptor)  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)  # a group
        if isinstance(subcommands, dict):
            convert_plainly(subcommands.values(), ctx)
