"""Ctrl-C: seconds from SIGINT to the end of ``refcheck check``, one run and a ``--jobs`` batch.

The services are a local server that accepts connections and never answers, so the run is stuck
in the network stage with requests queued when the signal comes (the case that took 25-37 s, and
120 s at the default deadline, before the CLI ended the process itself). The target is ≤ 1 s;
tests/test_interrupt.py pins the behaviour (exit 130, one line, no worker or temporary file
left), this module measures it.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "turan-2025-asya-studies.txt"


class BlackHole:
    """A local server that accepts every connection and never sends a byte."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.accepted = threading.Event()
        self.conns: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._run, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def env(self, cache_dir: str) -> dict[str, str]:
        """The environment that points every service at this server."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("REFCHECK_")}
        env.update(
            REFCHECK_CROSSREF_URL=self.url,
            REFCHECK_DOI_URL=self.url,
            REFCHECK_DATACITE_URL=self.url,
            REFCHECK_ALLOW_LOCAL_URLS="1",
            REFCHECK_CACHE_DIR=cache_dir,
        )
        return env

    def _run(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.conns.append(conn)
            self.accepted.set()

    def close(self) -> None:
        self._stop = True
        for c in self.conns:
            c.close()
        self.sock.close()


def stop_time(jobs: int, manuscripts: int) -> float:
    """Seconds from SIGINT (to the process group, as a terminal sends it) to the exit."""
    hole = BlackHole()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for i in range(manuscripts):
                p = Path(tmp, f"paper{i}.txt")
                p.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
                files.append(str(p))
            proc = subprocess.Popen(
                [sys.executable, "-m", "refcheck", "check", *files, "--jobs", str(jobs),
                 "--no-urls", "--no-progress", "--timeout", "60", "--deadline", "600"],
                env=hole.env(str(Path(tmp, "cache"))), stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True, cwd=ROOT,
            )  # fmt: skip
            try:
                if not hole.accepted.wait(60):
                    raise RuntimeError("the run never reached the network stage")
                time.sleep(0.5)  # requests queue up behind the stuck ones
                t0 = time.perf_counter()
                os.killpg(proc.pid, signal.SIGINT)
                proc.wait(300)
                return time.perf_counter() - t0
            finally:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGKILL)
    finally:
        hole.close()


def run(quick: bool = False) -> list[dict[str, Any]]:
    if os.name != "posix":  # pragma: no cover
        return []
    runs = 1 if quick else 5
    rows = []
    for jobs, n in ((1, 1), (2, 4)):
        value = statistics.median(stop_time(jobs, n) for _ in range(runs))
        what = "single run" if jobs == 1 else f"--jobs {jobs}, {n} manuscripts"
        rows.append({
            "metric": f"Ctrl-C to exit, {what}",
            "value": value, "unit": "s",
            "note": f"target ≤ 1 s; services never answer; median of {runs}",
        })  # fmt: skip
    return rows
