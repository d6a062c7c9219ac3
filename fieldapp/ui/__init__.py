"""The Relais window (PySide6). Only this package imports Qt; it calls `fieldapp.services` only.

Entry point: `fieldapp.ui.main.run(home)`; offscreen rendering for docs: `fieldapp.ui.screenshot`.
"""
