"""Settings a function reads at run time that the plan does not carry: its environment
variables. No value is read (a value may be a secret), nor a name that suggests one; the target's
function, or the VM that runs it, is written without them, so the plan says to set them before
the cut-over."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from cloudexit.wording import first_few

if TYPE_CHECKING:
    from cloudexit.model.inventory import Resource
    from cloudexit.model.plan import Placement

ENVIRONMENT = "environment_variables"
"""Detail key: True where the source sets environment variables for the function."""
ENVIRONMENT_NAMES = "environment_names"
"""Detail key: the names of those variables left after redaction (none that suggests a secret)."""


def environment_details(variables: Any) -> dict[str, Any]:
    """The details a source's (redacted) environment variables give: whether it sets any, and
    the names left."""
    if not isinstance(variables, Mapping):
        return {}
    named = sorted(str(name) for name in variables)
    return {ENVIRONMENT: True, **({ENVIRONMENT_NAMES: named} if named else {})}


def environment_warnings(
    placements: Iterable[Placement], resources: Mapping[str, Resource], names: Mapping[str, str]
) -> list[str]:
    """One line per moved function whose source sets environment variables."""
    lines = []
    for p in placements:
        r = resources.get(p.resource_id)
        if p.choice.retain or r is None or not r.attributes.details.get(ENVIRONMENT):
            continue
        named = r.attributes.details.get(ENVIRONMENT_NAMES)
        among = f", among them {first_few(map(str, named))}" if named else ""
        lines.append(
            f"function {names.get(r.id, r.name)} ({r.id}) sets environment variables at the "
            f"source{among}: the plan reads no value and no name that suggests a secret, so its "
            f"{p.choice.provider}/{p.choice.region} copy is written without them; set them on the "
            "target (secrets in its secret store) before the cut-over"
        )
    return sorted(lines)
