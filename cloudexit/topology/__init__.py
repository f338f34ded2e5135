"""One mapper per source shape: native firewall rules, ranges and attachments to ``Topology``.

Each mapper returns the typed topology and, for every rule it does not understand, one line
saying which rule and why; callers record those lines as ``unsupported_rule`` issues. A rule
is never guessed into a wider one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cloudexit.model.topology import FirewallRule, Topology


@dataclass
class Mapped:
    topology: Topology = field(default_factory=Topology)
    problems: list[str] = field(default_factory=list)


def rule_or_problem(
    build: dict[str, object], label: str, rules: list[FirewallRule], problems: list[str]
) -> None:
    """Validate one built rule; a value the model refuses becomes a problem, not a rule."""
    try:
        rules.append(FirewallRule.model_validate(build))
    except ValueError as exc:
        problems.append(f"{label}: {str(exc).splitlines()[-1].strip()}")
