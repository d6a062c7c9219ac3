"""The coordinator's window: workspace dialogs, the coordination view, the dashboard, the PDF."""
