"""The one Jinja environment every emitter uses: strict, sorted, user-overridable.

Every value a template writes goes through an escaping filter of its output language
(cloudexit.emit.escape); HTML templates are autoescaped.
"""

from __future__ import annotations

import sys
import traceback
from decimal import Decimal
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.sandbox import SandboxedEnvironment

from cloudexit import wording
from cloudexit.datafiles import data_dir
from cloudexit.emit import escape
from cloudexit.emit.escape import FILTERS
from cloudexit.emit.kept_templates import kept_bytecode
from cloudexit.emit.terraform.edge_policies import edge_reason
from cloudexit.errors import InputError
from cloudexit.model import firewall_rules_held
from cloudexit.model.firewall_rules_held import NO_RULES, holds_no_rules
from cloudexit.wording import counted, engine_named, plural


def money(value: Decimal | str | float) -> str:
    return f"{Decimal(str(value)):,.2f}"


def percent(value: float) -> str:
    return f"{value * 100:.1f} %"


def duration(hours: float) -> str:
    """Hours as a human reads them: minutes under an hour, days above two."""
    if hours < 1:
        return f"{max(1, round(hours * 60))} min"
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} days"


def make_environment(user_templates: Path | None = None) -> Environment:
    """User templates (``--templates``) are someone else's code: they run in Jinja's sandbox,
    which refuses attribute and method access that reaches Python internals."""
    if user_templates is not None and not user_templates.is_dir():
        raise InputError(f"--templates: {user_templates} is not a folder")
    loaders = []
    if user_templates is not None:
        loaders.append(FileSystemLoader(str(user_templates)))
    loaders.append(FileSystemLoader(str(data_dir("templates"))))
    kind = Environment if user_templates is None else SandboxedEnvironment
    # the bundled templates' code is kept between runs; a user's is compiled every time
    setup = [sys.modules[__name__], escape, wording, firewall_rules_held]
    env = kind(
        loader=ChoiceLoader(loaders),
        bytecode_cache=kept_bytecode(setup) if user_templates is None else None,
        undefined=StrictUndefined,
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=False
        ),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.filters["money"] = money
    env.filters["percent"] = percent
    env.filters["duration"] = duration
    env.filters["plural"] = plural
    env.filters["counted"] = counted
    env.filters["engine_named"] = engine_named
    env.filters["holds_no_rules"] = holds_no_rules
    env.filters["edge_reason"] = edge_reason
    env.globals["no_rules_note"] = NO_RULES
    return env


def check_templates(user_templates: Path) -> None:
    """Compile every user template before the solve, so a syntax error costs no solver time."""
    env = make_environment(user_templates)
    for path in sorted(p for p in user_templates.rglob("*") if p.is_file()):
        name = path.relative_to(user_templates).as_posix()
        try:
            env.get_template(name)
        except UnicodeDecodeError:
            raise InputError(f"--templates: {name}: not UTF-8 text") from None
        except TemplateSyntaxError as exc:
            raise InputError(f"--templates: {name} line {exc.lineno}: {exc.message}") from None


def user_template_error(exc: TemplateError, user_templates: Path) -> InputError:
    """A failure while a user template renders, said as the user's input error: the template
    and line it happened at (from the frames Jinja maps back to template lines)."""
    root = str(user_templates.resolve())
    where = "a template"
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.startswith(root):
            where = f"{Path(frame.filename).relative_to(root).as_posix()} line {frame.lineno}"
    return InputError(f"--templates: {where}: {type(exc).__name__}: {exc.message or exc}")
