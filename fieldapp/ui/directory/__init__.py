"""The Annuaire: searching the installed directory pack for a place to hand a person over to."""
