"""The exception tree: unusable input and bad configuration, never manuscript defects.

Manuscript defects are findings. Input refcheck cannot use (a binary file, no reference heading,
an unknown config key) raises a ``RefcheckError`` subclass naming the file and, where there is one,
the line; the CLI prints it on one line and exits 2. Anything else is a bug and is allowed to raise.
"""

from __future__ import annotations


class RefcheckError(Exception):
    """Base class of every error refcheck raises on purpose."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return f"{where}{self.message}"


class InputError(RefcheckError):
    """The manuscript cannot be read: missing, empty, binary, undecodable, too large, bad zip."""


class NoReferencesError(InputError):
    """No reference-list heading was found; ``--references-from LINE`` says where the list is."""


class ConfigError(RefcheckError):
    """The configuration is invalid: unknown key, bad value, unknown rule code."""


class ExportError(RefcheckError):
    """The references cannot be written in the requested format."""


class ModelError(RefcheckError):
    """The parser's trained model file is missing or corrupt (reinstalling refcheck restores it)."""
