"""The application: start-up, the main window and its session, single instance, auto-lock,
resources and language, offscreen screenshots and the Qt self-check."""
