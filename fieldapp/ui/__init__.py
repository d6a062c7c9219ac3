"""The Relais window (PySide6). Only this package imports Qt; it calls `fieldapp.services` only.

Entry point: `fieldapp.ui.main.run(home)`; offscreen rendering for docs: `fieldapp.ui.screenshot`.
"""

from fieldapp.ui.compat import shield_singletons

# Before any widget exists: see compat.py (PySide6 6.12.0 + CPython 3.11 refcount defect).
_SHIELDED = shield_singletons()
