"""Where reports and exports go: standard output, or a file replaced only when the run succeeds.

A file is never opened for writing before the run is done with its inputs: the text goes to a
temporary file beside the target (same folder, so the final ``os.replace`` is atomic) and replaces
the target only when everything was written. A failed or interrupted run leaves the old file as it
was, and no half-written report. A target that is one of the run's inputs (the manuscript, its
.bib, the configuration, the baseline) is refused before any work: ``refcheck check v.txt -o
v.txt`` once emptied the manuscript.

Targets that are not regular files (``/dev/stdout``, ``/dev/full``, a named pipe) are written to
directly: renaming over a device node would replace it. Every write error becomes an
:class:`~refcheck.errors.OutputError` naming the target, so the CLI prints one line.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from refcheck.errors import OutputError

__all__ = ["Destination", "Sink", "remove_temporaries", "silence_stdout"]

# temporary files being written: removed by remove_temporaries() when a signal ends the run
_LIVE: set[str] = set()


def remove_temporaries() -> None:
    """Delete every temporary file still being written (Ctrl-C, SIGTERM): no debris is left."""
    for tmp in list(_LIVE):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _LIVE.discard(tmp)


def _same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class Destination:
    """One output of a run: ``path=None`` is standard output.

    Constructing it checks the target (its folder exists, it is not a folder, it is none of
    ``inputs``) so a bad ``-o`` fails before any work; :meth:`refuse` adds inputs found later
    (a LaTeX manuscript's .bib files).
    """

    def __init__(self, path: str | None, *, option: str, inputs: Iterable[str] = ()) -> None:
        self.path = path
        self.option = option
        self.direct = False  # write in place (a device or pipe), not via a temporary file
        if path is None:
            return
        if path == "":
            raise OutputError(f"{option} must name a file")
        self.real = os.path.realpath(path)
        try:
            st = os.stat(self.real)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise OutputError(f"{option}: cannot use {path}: {exc.strerror}") from None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{option}: {path} is a folder, not a file")
        self.direct = st is not None and not stat.S_ISREG(st.st_mode)
        folder = os.path.dirname(self.real) or "."
        if not os.path.exists(folder):
            raise OutputError(f"{option}: the folder {os.path.dirname(path) or '.'} does not exist")
        if not os.path.isdir(folder):
            raise OutputError(f"{option}: {os.path.dirname(path)} is not a folder")
        if not self.direct and not os.access(folder, os.W_OK):
            raise OutputError(f"{option}: cannot write in {os.path.dirname(path) or '.'}")
        self.refuse(inputs)

    def refuse(self, inputs: Iterable[str]) -> None:
        """Refuse to write over any of ``inputs`` (files this run reads)."""
        if self.path is None:
            return
        for item in inputs:
            if item and _same_file(self.path, item):
                raise OutputError(
                    f"{self.option}: {self.path} is an input of this run; refusing to overwrite it"
                )

    @contextlib.contextmanager
    def open(self) -> Iterator[Sink]:
        """A text stream to write to; the file is replaced when the block ends without error."""
        if self.path is None:
            yield Sink(sys.stdout, "standard output", stdout=True)
            return
        if self.direct:
            try:
                with open(self.real, "w", encoding="utf-8", newline="") as fh:
                    yield Sink(fh, self.path)
            except OSError as exc:
                raise _error(self.path, exc) from None
            return
        import tempfile  # here: most runs print to standard output

        folder = os.path.dirname(self.real) or "."
        try:
            fd, tmp = tempfile.mkstemp(
                dir=folder, prefix=f".{os.path.basename(self.real)}.", suffix=".refcheck-tmp"
            )
        except OSError as exc:
            raise _error(self.path, exc) from None
        _LIVE.add(tmp)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                yield Sink(fh, self.path)
            os.chmod(tmp, _mode_for(self.real))
            os.replace(tmp, self.real)
        except OSError as exc:
            raise _error(self.path, exc) from None
        finally:
            _LIVE.discard(tmp)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)

    def write(self, text: str) -> None:
        """Write ``text`` as the whole output."""
        with self.open() as fh:
            fh.write(text)


def _mode_for(target: str) -> int:
    """The permissions the target has, or a new file's (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _error(name: str, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {name}: {exc.strerror or exc}")


class Sink:
    """A text stream whose write errors are :class:`OutputError` naming the target."""

    def __init__(self, stream: TextIO, name: str, *, stdout: bool = False) -> None:
        self._stream = stream
        self._name = name
        self._stdout = stdout

    def write(self, text: str) -> int:
        try:
            n = self._stream.write(text)
            if self._stdout:
                self._stream.flush()  # report a full disk now, not at interpreter exit
            return n
        except BrokenPipeError:
            raise
        except OSError as exc:
            if self._stdout:
                silence_stdout()
            raise _error(self._name, exc) from None

    def flush(self) -> None:
        with contextlib.suppress(BrokenPipeError):
            self.write("")

    def isatty(self) -> bool:
        return self._stream.isatty()


def silence_stdout() -> None:
    """Point standard output at /dev/null: after a write failed (a full disk, a closed pipe),
    Python's flush at exit would otherwise print a second error."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
