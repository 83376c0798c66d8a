"""Ctrl-C ends a run within a second, a single run or a ``--jobs`` batch, with no second Ctrl-C.

Before, the resolver's thread pool waited for its queued requests (25-37 s against slow services)
and ``--jobs`` workers printed their own tracebacks. Here the services are a local server that
accepts connections and never answers, so the run is stuck in the network stage when the signal
comes.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


class BlackHole:
    """Accepts every connection and never sends a byte."""

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


@pytest.fixture
def hole() -> Iterator[BlackHole]:
    h = BlackHole()
    yield h
    h.close()


def _env(hole: BlackHole, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFCHECK_")}
    env.update(
        REFCHECK_CROSSREF_URL=hole.url,
        REFCHECK_DOI_URL=hole.url,
        REFCHECK_DATACITE_URL=hole.url,
        REFCHECK_ALLOW_LOCAL_URLS="1",
        REFCHECK_CACHE_DIR=str(tmp_path / "cache"),
    )
    return env


def _alive_with(marker: str) -> list[int]:
    """Processes whose command line names ``marker`` (the run's own folder)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


@pytest.mark.parametrize(
    ("jobs", "to_group"),
    [(1, False), (2, False), (2, True)],
    ids=["single-run", "jobs-batch-signal-to-parent", "jobs-batch-ctrl-c-to-the-group"],
)
def test_ctrl_c_ends_the_run_within_a_second(
    hole: BlackHole, tmp_path: Path, seed_path: Path, jobs: int, to_group: bool
) -> None:
    if not Path("/proc").is_dir():
        pytest.skip("needs /proc")
    run_dir = tmp_path / "run-under-test"
    run_dir.mkdir()
    copies = []
    for i in range(1 if jobs == 1 else 4):
        p = run_dir / f"paper{i}.txt"
        p.write_text(seed_path.read_text("utf-8"), "utf-8")
        copies.append(str(p))
    report = run_dir / "report.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "refcheck", "check", *copies, "--jobs", str(jobs),
         "--timeout", "60", "--deadline", "600", "--no-progress", "-f", "json", "-o", str(report)],
        env=_env(hole, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        assert hole.accepted.wait(60), "the run never reached the network stage"
        time.sleep(0.5)  # requests queued behind the stuck ones
        assert proc.poll() is None
        t0 = time.monotonic()
        if to_group:  # a terminal's Ctrl-C: the parent and its workers all get SIGINT
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        elapsed = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert elapsed <= 1.0, f"took {elapsed:.2f} s to stop"
    assert proc.returncode == 130
    assert err.splitlines() == ["refcheck: interrupted"]
    assert out == ""
    assert sorted(p.name for p in run_dir.iterdir()) == sorted(Path(c).name for c in copies)
    deadline = time.monotonic() + 1.0
    while _alive_with(str(run_dir)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _alive_with(str(run_dir)) == []  # no worker left behind


def test_sigterm_also_leaves_no_half_written_report(
    hole: BlackHole, tmp_path: Path, seed_path: Path
) -> None:
    ms = tmp_path / "paper.txt"
    ms.write_text(seed_path.read_text("utf-8"), "utf-8")
    report = tmp_path / "report.sarif"
    report.write_text("previous report\n", "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "refcheck", "check", str(ms), "-f", "sarif", "-o", str(report),
         "--timeout", "60"],
        env=_env(hole, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert hole.accepted.wait(60)
        proc.terminate()
        _, err = proc.communicate(timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.splitlines() == ["refcheck: interrupted"]
    assert report.read_text("utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "paper.txt", "report.sarif"]
