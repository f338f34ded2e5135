"""Placement: candidates per resource, then the cost- and risk-minimal choice."""

from cloudexit.optimise.planner import plan

__all__ = ["plan"]
