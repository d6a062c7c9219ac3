"""Getting in: the first-run assistant, the unlock screen, passphrase fields, the recovery sheet."""
