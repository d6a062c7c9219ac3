"""The Relais window (PySide6). Only this package imports Qt; it calls `fieldapp.services` only.

Entry point: `fieldapp.ui.app.main.run(home)`; offscreen rendering for docs:
`fieldapp.ui.app.screenshot`. Feature packages: app, kit, onboarding, notebook, directory, sync,
coordination (docs/architecture.md).
"""

from fieldapp.ui.app.compat import shield_singletons

# Before any widget exists: see app/compat.py (PySide6 6.12.0 + CPython 3.11 refcount defect).
_SHIELDED = shield_singletons()
