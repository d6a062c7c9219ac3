"""Where a view puts an error: a `RelaisError` is advice, shown where the action was; anything
else is a bug, handed to the process's excepthook (the bug dialog, `app/bugs.py`).

Every view that shows an error calls `show_failure(error, show)`, so none decides for itself
whether an exception's text is fit to read: a bug's text may hold what was typed, or be a
programmer's words, and neither is advice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from fieldapp.errors import RelaisError
from fieldapp.ui.kit.i18n import current_language


def user_message(error: BaseException) -> str | None:
    """The message a view shows for `error`, in the window's language; None: it is a bug."""
    if isinstance(error, RelaisError):
        return error.message(current_language())
    return None


def show_failure(error: BaseException, show: Callable[[str], object]) -> None:
    """`show(message)` for a user error; the bug path for anything else (`show` not called)."""
    message = user_message(error)
    if message is None:
        uncaught(error)
    else:
        show(message)


def uncaught(error: BaseException) -> None:
    """As if nobody had caught `error`: a bug gets the bug dialog, a RelaisError a message box."""
    # Through sys.excepthook rather than the dialog itself: the kit stays below the app, which
    # installs the hook at start-up; under pytest-qt the hook fails the test instead.
    sys.excepthook(type(error), error, error.__traceback__)
