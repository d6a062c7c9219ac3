"""What every feature shares: widgets, the one palette and style sheet, labels, placeholders,
the background-task helper, table helpers and the row-model base."""
