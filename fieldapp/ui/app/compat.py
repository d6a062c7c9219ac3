"""Work-arounds for defects of the Qt binding that would crash Relais in the field.

PySide6 6.12.0 on CPython 3.11 drops one reference to `None` on every call of a C++ method that
returns nothing (`widget.update()`, `label.setText(…)`, …). `None` starts with a few thousand
references, so after a few thousand such calls CPython aborts with "Fatal Python error:
none_dealloc" — minutes into a session. (Measured: 600 void calls take `sys.getrefcount(None)`
down by 600 with 6.12.0; 0 with 6.11.3; CPython 3.12+ is immune because `None`, `True` and
`False` are immortal there, PEP 683.) Until the binding is fixed or pinned, `shield_singletons`
gives those three objects the same practically infinite reference count that CPython 3.12 gives
them. They are never freed in a running interpreter anyway, so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_BOOST = 1 << 40  # a trillion leaked references before trouble: years of use


def affected(version: tuple[int, ...], python: tuple[int, ...]) -> bool:
    return python < (3, 12) and version[:2] >= (6, 12)


def shield_singletons() -> bool:
    """Apply the work-around when this binding and interpreter need it; True if applied."""
    version = tuple(int(part) for part in PySide6.__version_info__[:3])
    if not affected(version, sys.version_info[:2]) or hasattr(sys, "gettotalrefcount"):
        return False  # not affected, or a debug build whose object layout differs
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in release builds of CPython < 3.12.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BOOST
    return True
