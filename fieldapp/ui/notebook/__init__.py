"""The field worker's notebook: today, contacts, handovers, import, activity and settings."""
