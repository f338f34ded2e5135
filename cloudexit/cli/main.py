"""The `cloudexit` command: a thin Typer layer over the library."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from types import FrameType
from typing import Annotated

import typer

try:  # typer >= 0.20 vendors click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from cloudexit.cli import catalog as catalog_cmd
from cloudexit.cli import check as check_cmd
from cloudexit.cli import drill as drill_cmd
from cloudexit.cli import explain as explain_cmd
from cloudexit.cli import exposure as exposure_cmd
from cloudexit.cli import inventory as inventory_cmd
from cloudexit.cli import permissions as permissions_cmd
from cloudexit.cli import plan as plan_cmd
from cloudexit.cli import schema as schema_cmd
from cloudexit.cli import suppliers as suppliers_cmd
from cloudexit.cli import terraform as terraform_cmd
from cloudexit.errors import CloudexitError

app = typer.Typer(
    name="cloudexit",
    help="Plan an exit from the US hyperscalers to European clouds.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from cloudexit import __version__

        typer.echo(f"cloudexit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on failure.")] = False,
) -> None:
    """Inventory, catalogue, optimiser and artefacts for a move to European clouds."""


app.command("plan")(plan_cmd.plan)
app.command("exposure")(exposure_cmd.exposure)
app.command("explain")(explain_cmd.explain)
app.command("check")(check_cmd.check)
app.command("drill")(drill_cmd.drill)
app.add_typer(catalog_cmd.app, name="catalog")
app.add_typer(inventory_cmd.app, name="inventory")
app.add_typer(permissions_cmd.app, name="permissions")
app.add_typer(schema_cmd.app, name="schema")
app.add_typer(suppliers_cmd.app, name="suppliers")
app.add_typer(terraform_cmd.app, name="terraform")


class Interrupted(BaseException):
    """SIGINT or SIGTERM, raised where the program is, so staging is removed on the way out.

    Not a KeyboardInterrupt: click would turn that into Abort before ``run`` sees it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


def _interrupt(signum: int, _frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run(argv: list[str] | None = None) -> int:
    """Entry point: maps errors to exit codes (1 runtime, 2 input, 128 + signal when
    interrupted) and one line on stderr."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        with _signals_raise():
            result = app(args=args, prog_name="cloudexit", standalone_mode=False)
    except Interrupted as stop:
        typer.echo("cloudexit: interrupted", err=True)
        return stop.exit_code
    except typer.Exit as done:
        return done.exit_code
    except click_exceptions.ClickException as exc:
        exc.show()
        return 2
    except typer.Abort:
        typer.echo("cloudexit: aborted", err=True)
        return 1
    except CloudexitError as exc:
        if debug:
            traceback.print_exc()
        typer.echo(f"cloudexit: error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        typer.echo("cloudexit: interrupted", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - last resort: one line unless --debug
        if debug:
            traceback.print_exc()
        typer.echo(
            f"cloudexit: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", err=True
        )
        return 1
    return result if isinstance(result, int) else 0


def entry_point() -> None:
    sys.exit(run())
