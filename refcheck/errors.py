"""The exception tree: unusable input and bad configuration, never manuscript defects.

Manuscript defects are findings. Input refcheck cannot use (a binary file, no reference heading,
an unknown config key) raises a ``RefcheckError`` subclass naming the file and, where there is one,
the line. :func:`describe` is the one place that turns *any* exception into the one line the
command prints before exiting 2: ``RefcheckError`` as it is, ``OSError`` with its file, and a bug
(anything else) as "internal error" with where it happened, never a traceback.
"""

from __future__ import annotations

import os


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
class OutputError(RefcheckError):
    """A report or export cannot be written (full disk, missing folder, an input as output)."""


def describe(exc: BaseException, path: str | None = None) -> str:
    """``exc`` as one line of text; ``path`` names the manuscript being worked on, if any.

    The CLI prints this after ``refcheck: error:``; batch runs use it per manuscript. Messages
    are not neutralised here: the printing boundary does that (refcheck.safetext).
    """
    if isinstance(exc, RefcheckError):
        text = str(exc)
        return text if path is None or exc.path else f"{path}: {text}"
    where = f"{path}: " if path else ""
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename is not None else path
        reason = exc.strerror or str(exc) or type(exc).__name__
        return f"{name}: {reason}" if name else reason
    if isinstance(exc, MemoryError):
        return f"{where}out of memory"
    if isinstance(exc, RecursionError):
        return f"{where}input nested too deeply to process ({_origin(exc)})"
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return (
        f"{where}internal error: {type(exc).__name__}"
        + (f": {detail}" if detail else "")
        + f" ({_origin(exc)}); please report it"
    )


def _origin(exc: BaseException) -> str:
    """``module.py:LINE`` of the innermost refcheck frame (else the innermost frame)."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    if not frames:
        return "no traceback"
    ours = [f for f in frames if f"{os.sep}refcheck{os.sep}" in f.filename]
    frame = (ours or frames)[-1]
    name = frame.filename
    cut = name.rfind(f"{os.sep}refcheck{os.sep}")
    short = name[cut + 1 :] if cut >= 0 else os.path.basename(name)
    return f"at {short.replace(os.sep, '/')}:{frame.lineno}"
