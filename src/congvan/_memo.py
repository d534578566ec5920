"""A small bounded least-recently-used memo for pure functions of text (the body's parse and XML).

A batch renders thousands of documents that share a body: its parse (validation) and its Word XML
(render) are pure functions of the body text, computed once and reused. Only immutable values are
kept (tuples, frozen dataclasses, str); a caller that hands out something mutable copies it on the
way out. Values larger than the memo's `max_weight` are not kept, so memory stays bounded.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["Memo"]

V = TypeVar("V")


class Memo(Generic[V]):
    """At most `maxsize` values, the least recently used dropped first; thread-safe (a race
    between threads at worst drops or recomputes a value, never mixes two up)."""

    def __init__(self, maxsize: int) -> None:
        self._maxsize = maxsize
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        """Return the value kept for `key`, or None."""
        value = self._items.get(key)
        if value is not None:
            # A try, not contextlib.suppress: a batch asks about 40 times per document.
            try:  # noqa: SIM105
                self._items.move_to_end(key)
            except KeyError:  # dropped meanwhile by another thread: the value is still right
                pass
        return value

    def put(self, key: Hashable, value: V) -> None:
        """Keep `value` for `key`, dropping the least recently used value beyond maxsize."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._maxsize:
                self._items.popitem(last=False)

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        """Return the value kept for `key`, made with `make` and kept first if there is none."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
