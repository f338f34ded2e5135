"""Command groups whose sub-commands are imported when they run (or for --help).

`catalog show` should not import the optimiser, the emitters, the connectors and every
pydantic model before answering; each sub-command names the module that holds it.
"""

from __future__ import annotations

from importlib import import_module
from typing import ClassVar

import typer
from typer.core import TyperGroup

from cloudexit.cli.plain_values import convert_plainly

try:  # typer >= 0.20 vendors click
    import typer._click as click
except ImportError:  # pragma: no cover - older typer
    import click  # type: ignore[no-redef]


class LazyCommands(TyperGroup):
    """A group whose ``commands`` table maps a name to (module, attribute): a function for one
    command, a Typer for a group."""

    commands_from: ClassVar[dict[str, tuple[str, str]]] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(dict.fromkeys([*self.commands_from, *super().list_commands(ctx)]))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        convert_plainly([self], ctx)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is not None or cmd_name not in self.commands_from:
            return found
        module, attribute = self.commands_from[cmd_name]
        target = getattr(import_module(module), attribute)
        holder = typer.Typer(add_completion=False)  # built as app.command / app.add_typer would
        if isinstance(target, typer.Typer):
            holder.add_typer(target, name=cmd_name)
        else:
            holder.command(cmd_name)(target)
        command = typer.main.get_group(holder).commands[cmd_name]
        convert_plainly([command], ctx)
        self.add_command(command, cmd_name)
        return command


def lazy_group(commands: dict[str, tuple[str, str]]) -> type[LazyCommands]:
    """A LazyCommands class over ``commands`` (Typer takes the group's class, not an instance)."""
    return type("LazyCommands", (LazyCommands,), {"commands_from": commands})
