"""The application shell: start-up concerns shared by every window."""
