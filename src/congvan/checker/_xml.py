"""The one name for an lxml element in type hints.

lxml's element class is public in use but named ``_Element``; the alias keeps that private-looking
name in one place.
"""

from __future__ import annotations

from typing import TypeAlias, cast

from lxml import etree

# lxml exposes no public name for its element class; etree.Element is a factory function.
Element: TypeAlias = etree._Element  # pyright: ignore[reportPrivateUsage]

__all__ = ["Element", "is_element"]


def is_element(node: Element) -> bool:
    """True for an element, False for a comment or processing instruction.

    lxml gives those a function as ``.tag``, though lxml-stubs types every ``.tag`` as str.
    """
    return isinstance(cast(object, node.tag), str)
