"""The `cloudexit` command: a thin Typer layer over the library."""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from types import FrameType
from typing import Annotated, NoReturn

import typer

try:  # typer >= 0.20 vendors click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from cloudexit.cli.lazy import lazy_group
from cloudexit.errors import CloudexitError

COMMANDS = {
    "plan": ("cloudexit.cli.plan", "plan"),
    "exposure": ("cloudexit.cli.exposure", "exposure"),
    "explain": ("cloudexit.cli.explain", "explain"),
    "check": ("cloudexit.cli.check", "check"),
    "drill": ("cloudexit.cli.drill", "drill"),
    "catalog": ("cloudexit.cli.catalog", "app"),
    "inventory": ("cloudexit.cli.inventory", "app"),
    "permissions": ("cloudexit.cli.permissions", "app"),
    "schema": ("cloudexit.cli.schema", "app"),
    "suppliers": ("cloudexit.cli.suppliers", "app"),
    "terraform": ("cloudexit.cli.terraform", "app"),
}
"""Command name -> (module, attribute), imported when the command runs."""

app = typer.Typer(
    name="cloudexit",
    cls=lazy_group(COMMANDS),
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
    # pydantic reads the entry points of every installed distribution for plugins when it
    # builds its first model (6 % of a small import); the command uses none. A value the user
    # set is kept: an empty one loads every plugin again.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # NumPy's OpenBLAS starts a thread per core when imported; nothing here multiplies matrices
    # (vector dot products only), and a process holding a second thread writes its artefacts
    # without the second process (cloudexit.emit.alongside.can_fork).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code = run()
    # The process ends here and its memory goes with it; left to the collector, the walk over
    # everything the run made (typing and pydantic's schemas above all) on the way out was a
    # fifth of a quick command's CPU.
    gc.freeze()
    if threading.active_count() > 1 or not _called_by_the_script(sys._getframe(1)):
        # the interpreter waits for the other threads; a caller's own code (its finally
        # blocks, what follows the call) runs as it would after any SystemExit
        sys.exit(code)
    _exit_now(code)


def _called_by_the_script(caller: FrameType) -> bool:
    """The caller is the top level of the program being run (the installed command's wrapper,
    ``python -m cloudexit``), not a function of some other code."""
    return caller.f_code.co_name == "<module>" and caller.f_globals.get("__name__") == "__main__"


def _exit_now(code: int) -> NoReturn:
    """End the process as the interpreter would, less freeing every object one by one (a tenth
    of a quick command's CPU): run the exit handlers, flush the standard streams, and go."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # the descriptor was closed when the interpreter started
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 120  # the interpreter's status when the streams cannot be flushed
    os._exit(code)
