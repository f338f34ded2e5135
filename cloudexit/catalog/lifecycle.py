"""End of life of engine release lines (MySQL 5.7, PostgreSQL 11 ...), from
``mappings/end-of-life.yaml``: a plan warns when the version it puts on a target, managed or
installed on the target's VMs, is past its end of life on the plan's start date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from cloudexit.catalog import runtimes
from cloudexit.catalog.schema import SourceRef
from cloudexit.catalog.versions import version_key
from cloudexit.datafiles import data_dir
from cloudexit.model.defaults import empty_list
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.plan import EngineVersionChoice, Placement
from cloudexit.wording import first_few


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReleaseLine(_Data):
    line: str = Field(min_length=1, description="As the source names it: '5.7', '14', '7'")
    eol: dt.date


class EngineLifecycle(_Data):
    engine: str = Field(description="Canonical engine name, as versions.py names engines")
    column: str = Field(description="Which support the dates end, as the source calls it")
    source: SourceRef
    lines: list[ReleaseLine] = Field(min_length=1)

    @model_validator(mode="after")
    def _dated(self) -> EngineLifecycle:
        if self.source.published is None or self.source.evidence is None:
            raise ValueError(f"{self.engine}: an end-of-life source needs published and evidence")
        return self


class EndOfLife(_Data):
    """What the catalogue says of one version: the line it belongs to and when that ended."""

    engine: str
    line: str
    eol: dt.date
    source: SourceRef
    older_than: str | None = Field(
        None, description="Set when the version is older than every listed line: the oldest"
    )
    among: list[ReleaseLine] = Field(
        default_factory=empty_list,
        description=(
            "Set when the version names several listed lines (MySQL '8': 8.0 to 8.4): each, "
            "newest first; ``line`` is then the version as named and ``eol`` the earliest"
        ),
    )


class Lifecycles(BaseModel):
    model_config = ConfigDict(extra="forbid")

    engines: list[EngineLifecycle]
    _by_engine: dict[str, EngineLifecycle] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object) -> None:
        self._by_engine = {e.engine: e for e in self.engines}

    def find(self, engine: str | None, version: str | None) -> EndOfLife | None:
        """The listed line a version belongs to (the longest that prefixes it: 8.19 before 8).
        A version older than every listed line ended no later than the oldest of them (the
        source drops lines long out of support: Elasticsearch 2.3 is older than 6). A version
        naming a line's leading part is that line when one line has it (Redis '6' is 6.2 if
        only 6.2 is listed), or every line that has it, in ``among`` (MySQL '8': 8.0 to 8.4).
        None for an engine the source does not list, or a version it cannot place."""
        known = self._by_engine.get((engine or "").lower())
        wanted = version_key(version)
        if known is None or wanted is None:
            return None
        keyed = [(version_key(e.line) or (), e) for e in known.lines]
        matches = [(key, e) for key, e in keyed if key == wanted[: len(key)]]
        if matches:
            entry = max(matches, key=lambda m: len(m[0]))[1]
            return EndOfLife(
                engine=known.engine, line=entry.line, eol=entry.eol, source=known.source
            )
        named = sorted(
            (e for key, e in keyed if key[: len(wanted)] == wanted),
            key=lambda e: version_key(e.line) or (),
            reverse=True,
        )
        if len(named) == 1:
            (entry,) = named
            return EndOfLife(
                engine=known.engine, line=entry.line, eol=entry.eol, source=known.source
            )
        if named:
            return EndOfLife(
                engine=known.engine,
                line=version or "",
                eol=min(e.eol for e in named),
                source=known.source,
                among=named,
            )
        oldest_key, oldest = min(keyed, key=lambda m: m[0])
        if wanted[: len(oldest_key)] < oldest_key[: len(wanted)]:
            return EndOfLife(
                engine=known.engine,
                line=version or "",
                eol=oldest.eol,
                source=known.source,
                older_than=oldest.line,
            )
        return None


@lru_cache(maxsize=4)
def load_lifecycles(path: Path | None = None) -> Lifecycles:
    path = path or data_dir("mappings") / "end-of-life.yaml"
    return validate(Lifecycles, read_yaml(path), path)


def _when(found: EndOfLife, on: dt.date) -> str:
    if found.older_than:
        return f"is older than {found.older_than}, whose end of life was {found.eol}"
    if not found.among:
        return f"reached its end of life on {found.eol}"
    lines = ", ".join(f"{e.line} (end of life {e.eol})" for e in found.among)
    ended = [e for e in found.among if e.eol < on]
    if len(ended) == len(found.among):
        return f"names release lines {lines}, every one past its end of life"
    return (
        f"is ambiguous: it names release lines {lines}, {len(ended)} of "
        f"{len(found.among)} past their end of life"
    )


def past_end_of_life(on: dt.date) -> Callable[[str, str], bool]:
    """Whether an engine's release line is past its end of life on ``on``; unknown lines are
    not."""
    facts = load_lifecycles()

    def ended(engine: str, version: str) -> bool:
        found = facts.find(engine, version)
        if found is None:
            return False
        # A version naming several lines has ended only when every one of them has.
        return max((e.eol for e in found.among), default=found.eol) < on

    return ended


def _judged(choice: EngineVersionChoice) -> tuple[str, str]:
    """The engine and version a target's line is judged on: a functions service's runtime name
    ('python39', 'node20') as its language's release line ('3.9', '20')."""
    language, version = runtimes.parse(choice.version)
    if language is not None and language == choice.engine and version:
        return choice.engine, ".".join(str(part) for part in version)
    return choice.engine, choice.version or ""


def _runtime_how(choice: EngineVersionChoice, found: EndOfLife, how: str, facts: Lifecycles) -> str:
    """How a function runs on the target, and whether its source runs the ended line already."""
    if choice.status != "self_managed":
        how = f"{how}, as {choice.version}"
    source = facts.find(choice.source_engine, choice.source_version)
    if source is not None and (source.engine, source.line) == (found.engine, found.line):
        name = runtimes.NAMES.get(found.engine, found.engine)
        how = f"{how}; the source runs {name} {found.line} already"
    return how


def end_of_life_warnings(
    placements: list[Placement], names: dict[str, str], on: dt.date
) -> list[str]:
    """One line per engine line the plan puts on a target past its end of life on ``on`` (the
    plan's start date), grouped by provider, engine line and how it runs there; ``names``:
    resource id -> name."""
    facts = load_lifecycles()
    groups: dict[tuple[str, str, str, str, str, str], list[str]] = {}
    upgrade = "plan the upgrade to a supported release line with the move"
    known: dict[tuple[str, str], EndOfLife | None] = {}
    for p in placements:
        choice = p.engine_version
        if choice is None or choice.version is None or p.choice.retain:
            continue
        asked = _judged(choice)
        if asked not in known:
            known[asked] = facts.find(*asked)
        found = known[asked]
        if found is None or found.eol >= on:
            continue
        how = "installed on its VMs" if choice.status == "self_managed" else "managed"
        if choice.engine in runtimes.NAMES:
            how = _runtime_how(choice, found, how, facts)
        unsure = any(e.eol >= on for e in found.among)
        advice = f"confirm which line the target runs, then {upgrade}" if unsure else upgrade
        key = (
            p.choice.provider,
            f"{found.engine} {found.line}",
            how,
            _when(found, on),
            found.source.url,
            advice,
        )
        groups.setdefault(key, []).append(names.get(p.resource_id, p.resource_id))
    lines = []
    for (provider, line, how, when, url, advice), who in sorted(groups.items()):
        shown = first_few(who)
        lines.append(
            f"end of life: {line} on {provider} ({how}) {when}, before the plan starts on {on} "
            f"({url}); {advice}: {shown}"
        )
    return lines
