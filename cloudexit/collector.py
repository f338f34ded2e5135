"""Keeping a large, finished object graph out of Python's cyclic garbage collector.

A plan of 100,000 resources is tens of millions of objects. Every full collection walks all of
them, and writing the artefacts allocates enough to trigger several, so without this the writes
grow faster than the plan. Objects that exist when the block starts are moved to the
collector's permanent generation for its duration and handed back at its end.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def existing_objects_frozen() -> Iterator[None]:
    """Collect only what the block allocates; what already exists is left alone until the end."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic collection inside the block, for work that builds a large graph it keeps
    and leaves next to no cyclic garbage (planning 20,000 resources leaves 85 objects for the
    collector): each full pass would walk everything built so far for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
