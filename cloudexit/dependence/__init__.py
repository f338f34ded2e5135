"""Dependence under control: suppliers, business functions, hard limits and outage drills."""
