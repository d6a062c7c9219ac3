"""A catalogue message kept in a column, so that it is read back in the reader's language.

Rows that tell a person why something failed (the outbox's failures, the coordinator's
quarantine) keep their French `reason` column as it always was, and beside it, in
`reason_message`, the message's code and parameters as JSON: `{"text": code, "params": {…}}`,
a nested message being such an object again. Reading renders that in the current language; a
row written before the column existed (no JSON) shows its French text as it is.
"""

from __future__ import annotations

import json

from fieldapp.errors import RelaisError
from fieldapp.messages import Text

__all__ = ["dump_text", "read_text"]


def dump_text(text: Text | RelaisError) -> str:
    """The JSON kept in a `reason_message` column."""
    return json.dumps(_encode(text), ensure_ascii=False, sort_keys=True)


def read_text(stored: str | None, fallback: str | None) -> str | None:
    """The stored message in the current language; `fallback` (the French column) without one."""
    if not stored:
        return fallback
    try:
        decoded = _decode(json.loads(stored))
    except (ValueError, KeyError, TypeError):
        return fallback  # unreadable JSON is a bug, never a reason to hide the French text
    return decoded.message() if isinstance(decoded, Text) else fallback


def _encode(value: object) -> object:
    if isinstance(value, Text | RelaisError):
        return {"text": value.code, "params": {k: _encode(v) for k, v in value.params.items()}}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # a path, for instance: shown as text in every language


def _decode(value: object) -> object:
    if isinstance(value, dict):
        params = value["params"]
        if not isinstance(params, dict):
            raise TypeError("params")
        return Text(str(value["text"]), **{str(k): _decode(v) for k, v in params.items()})
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value
