"""Device synchronisation: the outbox model, the status badge, the retry scheduler and the view."""
