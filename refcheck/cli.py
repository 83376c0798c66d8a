"""The ``refcheck`` command: a thin layer over :mod:`refcheck.api`.

Exit codes are a contract CI scripts rely on: 0 clean, 1 findings at or above ``--fail-on``,
2 unusable input or configuration (one line on stderr naming the file and line, no traceback),
3 network unreachable under ``--require-network``, 130 interrupted (Ctrl-C; 143 for SIGTERM).

Safe to run unattended: every option is checked by :mod:`refcheck.options` before any work;
:func:`main` is the one place any exception becomes one line and exit 2
(:func:`refcheck.errors.describe`); reports and exports go through :mod:`refcheck.output`
(written to a temporary file, renamed when the run succeeds, never over an input); everything
printed passes :mod:`refcheck.safetext`.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from refcheck import __version__
from refcheck.errors import NoReferencesError, RefcheckError, describe
from refcheck.safetext import json_safe, one_line, visible, visible_lines, xml_safe

if TYPE_CHECKING:
    from concurrent.futures import Future

    from refcheck.config import Config
    from refcheck.report import Item, Style
    from refcheck.report.baseline import Baseline

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_NETWORK = 3  # --require-network: the services could not be reached, nothing was verified
MANUSCRIPT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".tex")
# folders never searched for manuscripts (hidden ones, .git and .venv among them, neither)
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})


class UsageError(RefcheckError):
    """A command line argparse cannot read (unknown option, missing argument)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad command line is one line naming the problem, not the usage text."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every option comes from :data:`refcheck.options.OPTIONS`."""
    from refcheck import options

    p = _Parser(
        prog="refcheck",
        description="Check the references of a scholarly manuscript (APA 7, multilingual).",
    )
    p.add_argument("--version", action="version", version=f"refcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("check", help="check citations, the reference list, DOIs and URLs")
    c.add_argument("paths", nargs="+", metavar="FILE", help="manuscripts, directories or globs")
    options.add_arguments(c, options.CHECK)
    c.set_defaults(func=cmd_check)

    pr = sub.add_parser("parse", help="print the parsed reference list")
    pr.add_argument("path", metavar="FILE")
    options.add_arguments(pr, options.PARSE)
    pr.set_defaults(func=cmd_parse)

    ex = sub.add_parser("export", help="export the reference list")
    ex.add_argument("path", metavar="FILE")
    options.add_arguments(ex, options.EXPORT)
    ex.set_defaults(func=cmd_export)

    ru = sub.add_parser("rules", help="list every rule code")
    options.add_arguments(ru, options.RULES)
    ru.set_defaults(func=cmd_rules)

    fx = sub.add_parser(
        "fix",
        help="print the fixes as a unified diff; --write applies them (a backup is kept)",
    )
    fx.add_argument("path", metavar="FILE", help="a .txt, .md, .tex or .docx manuscript")
    options.add_arguments(fx, options.FIX)
    fx.set_defaults(func=cmd_fix)

    ca = sub.add_parser("cache", help="show or clear the HTTP cache")
    ca.add_argument("action", choices=("info", "clear"))
    options.add_arguments(ca, options.CACHE)
    ca.set_defaults(func=cmd_cache)
    return p


# --------------------------------------------------------------------------- output helpers


def say(message: str) -> None:
    """One line on stderr, ``refcheck: <message>``: the one boundary every diagnostic passes
    (file names and manuscript text in it are shown, never obeyed)."""
    sys.stderr.write(f"refcheck: {visible(message)}\n")
    sys.stderr.flush()


def _print(text: str) -> None:
    """Text for standard output (already neutralised by its producer)."""
    from refcheck.output import Destination

    if text and not text.endswith("\n"):
        text += "\n"
    Destination(None, option="stdout").write(text)


class Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal (CI logs stay clean)."""

    def __init__(self, label: str, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.label = visible(label)

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        width = 30
        fill = int(width * done / total)
        self.stream.write(f"\r{self.label} [{'#' * fill}{'.' * (width - fill)}] {done}/{total}")
        if done >= total:
            self.stream.write("\r" + " " * (width + len(self.label) + 20) + "\r")
        self.stream.flush()


# --------------------------------------------------------------------------- which files


def _skipped_folder(name: str, path: Path) -> bool:
    """Hidden folders (.git, .venv, .tox …), dependency and cache folders, and virtualenvs."""
    return name.startswith(".") or name in SKIPPED_FOLDERS or (path / "pyvenv.cfg").is_file()


def _walk(folder: Path) -> list[str]:
    """Manuscript files below ``folder`` in name order, without hidden or tool folders."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _skipped_folder(d, here / d))
        for name in sorted(filenames):
            p = here / name
            if (
                not name.startswith(".")
                and p.suffix.lower() in MANUSCRIPT_SUFFIXES
                and p.is_file()  # regular files only: no pipes, no devices
            ):
                found.append(str(p))
    return found


def expand_paths(patterns: Sequence[str]) -> list[str]:
    """Files as given, directories searched for manuscripts, globs expanded (shells may not)."""
    out: list[str] = []
    for pat in patterns:
        path = Path(pat)
        if path.is_dir():
            out += _walk(path)
        elif not path.exists() and glob.has_magic(pat):
            out += sorted(glob.glob(pat, recursive=True))
        else:
            out.append(pat)
    seen: set[str] = set()
    return [p for p in out if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]


def _is_batch(patterns: Sequence[str]) -> bool:
    """Several files named, or a folder or a glob: the report covers a set of manuscripts."""
    return len(patterns) > 1 or any(
        Path(p).is_dir() or (not Path(p).exists() and glob.has_magic(p)) for p in patterns
    )


# --------------------------------------------------------------------------- configuration


def _folder_of(path: str) -> Path:
    parent = Path(path).parent
    return parent if parent != Path("") else Path.cwd()


def _config_for(args: argparse.Namespace, start: Path | None) -> Config:
    """The configuration found from ``start`` (or ``--config``), the environment, then the
    settings given on the command line (``args.overrides``, already checked)."""
    from refcheck.config import load_config

    config = getattr(args, "config", None)
    cfg = load_config(start=start, explicit=Path(config) if config else None)
    # replace, not merged: the values are checked, and None is a value here (--fail-on never)
    return replace(cfg, **args.overrides)


class _Configs:
    """Each manuscript's configuration: the file nearest to *it* (not to the first manuscript),
    read once per file found."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._by_source: dict[str, Config] = {}

    def for_folder(self, folder: Path) -> Config:
        from refcheck.config import find_config_file, load_config

        if self.args.config:
            found: Path | None = Path(self.args.config)
        else:
            found = find_config_file(folder)
        key = str(found or "")
        if key not in self._by_source:
            base = load_config(explicit=found) if found else load_config(start=folder)
            self._by_source[key] = replace(base, **self.args.overrides)
        return self._by_source[key]

    def sources(self) -> list[str]:
        return [c.source for c in self._by_source.values() if c.source]


# --------------------------------------------------------------------------- one manuscript


@dataclass(frozen=True)
class FileResult:
    """What one manuscript's check sends back to the parent (small: batch memory stays flat)."""

    path: str
    item: Item | None  # None when skipped
    error: str = ""
    skipped: bool = False  # no reference list, and the run skips such files
    failed: bool = False
    baseline: tuple[dict[str, str], ...] = ()  # today's findings, when --write-baseline asked
    inputs: tuple[str, ...] = ()  # files read besides the manuscript (a LaTeX .bib)
    network_down: bool = False  # --require-network and no service could be reached


@dataclass(frozen=True)
class Job:
    """How to check one manuscript: everything a worker process needs, picklable."""

    path: str
    cfg: Config
    fmt: str
    style: Style
    references_from: int | None
    skip_missing: bool
    known: frozenset[str] | None = None  # baseline fingerprints (None: no baseline applies)
    baseline: str = ""  # the baseline file's name, for notes; "" when none is configured
    want_baseline: bool = False


def check_file(job: Job, progress: Callable[[int, int], None] | None = None) -> FileResult:
    """Check one manuscript and render its share of the report; any failure is a FileResult
    with a one-line reason (:func:`refcheck.errors.describe`), never an exception."""
    from refcheck import api
    from refcheck.report import item as report_item

    try:
        doc = api.load(job.path, references_from=job.references_from)
        inputs = tuple(p.path for p in doc.parts)
        report = api.check(doc, job.cfg, progress=progress)
        rows: tuple[dict[str, str], ...] = ()
        if job.want_baseline or job.baseline:
            from refcheck.report.baseline import baseline_rows, hide_known

            rows = tuple(baseline_rows(report)) if job.want_baseline else ()
            if job.baseline:  # recorded before the baseline hides anything
                report = hide_known(report, job.known, baseline=job.baseline)
        it = report_item(report, job.fmt, config=job.cfg, style=job.style)
        down = job.cfg.require_network and report.network_unreachable
        return FileResult(
            job.path, it, failed=it.failed, baseline=rows, inputs=inputs, network_down=down
        )
    except NoReferencesError as exc:
        if job.skip_missing:
            return FileResult(job.path, None, skipped=True)
        return FileResult(job.path, None, error=describe(exc, job.path), failed=True)
    except Exception as exc:  # one line per manuscript; the batch goes on
        return FileResult(job.path, None, error=describe(exc, job.path), failed=True)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which ends them: no tracebacks from each of them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _results(jobs: list[Job], workers: int, no_progress: bool) -> Iterator[FileResult]:
    """Results in the order the manuscripts were given (so two runs print the same), with at
    most ``2 × workers`` manuscripts in flight or waiting: memory stays flat."""
    if workers == 1 or len(jobs) == 1:
        for job in jobs:
            yield check_file(job, Progress(f"resolving {Path(job.path).name}", not no_progress))
        return
    from concurrent.futures import ProcessPoolExecutor

    window = 2 * workers
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
        pending: dict[int, Future[FileResult]] = {}
        submitted = 0
        for i in range(len(jobs)):
            while submitted < len(jobs) and submitted < i + window:
                pending[submitted] = pool.submit(check_file, jobs[submitted])
                submitted += 1
            yield pending.pop(i).result()


# --------------------------------------------------------------------------- check


def _use_color(args: argparse.Namespace) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    if args.color or os.environ.get("FORCE_COLOR"):
        return True
    return args.format == "text" and not args.output and sys.stdout.isatty()


def _width(args: argparse.Namespace) -> int:
    """Columns to wrap the text report at: ``COLUMNS``, else the terminal's, else 100."""
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if args.output or not sys.stdout.isatty():
        return max(40, int(columns)) if columns.isdigit() else 100
    return max(40, shutil.get_terminal_size((100, 24)).columns)


def cmd_check(args: argparse.Namespace) -> int:
    from refcheck.output import Destination
    from refcheck.report import Style, error_item, writer

    paths = expand_paths(args.paths)
    if not paths:
        raise RefcheckError("no manuscripts found", path=" ".join(args.paths))
    batch = _is_batch(args.paths)
    configs = _Configs(args)
    folders = [_folder_of(p) for p in paths]
    file_cfgs = [configs.for_folder(f) for f in folders]
    # run-wide settings (jobs, the cache to clear): from the folder all manuscripts share
    common = Path(os.path.commonpath([str(f.resolve()) for f in folders]))
    run_cfg = configs.for_folder(common)

    baselines: dict[str, Baseline] = {}
    for cfg in file_cfgs:
        if cfg.baseline and cfg.baseline not in baselines:
            from refcheck.report.baseline import read_baseline

            baselines[cfg.baseline] = read_baseline(cfg.baseline)
    inputs = [*paths, *configs.sources(), *baselines]
    out = Destination(args.output, option="--output", inputs=inputs)
    record = Destination(
        args.write_baseline,
        option="--write-baseline",
        inputs=[*paths, *configs.sources(), *([args.output] if args.output else [])],
    )
    if args.clear_cache:
        _clear_cache(run_cfg)

    style = Style(verbose=args.verbose, width=_width(args), color=_use_color(args), batch=batch)
    jobs = []
    for k, (path, cfg) in enumerate(zip(paths, file_cfgs, strict=True), 1):
        base = baselines.get(cfg.baseline)
        jobs.append(
            Job(
                path=path,
                cfg=cfg,
                fmt=args.format,
                style=replace(style, anchor=f"m{k}-" if batch else ""),
                references_from=args.references_from,
                skip_missing=cfg.missing_list == "skip" or (cfg.missing_list == "auto" and batch),
                known=base.known_for(path) if base else None,
                baseline=cfg.baseline,
                want_baseline=bool(args.write_baseline),
            )
        )
    workers = min(run_cfg.jobs, len(jobs))
    report_writer = writer(args.format, style, config=run_cfg)
    status = EXIT_CLEAN
    skipped: list[str] = []
    recorded: dict[str, list[dict[str, str]]] = {}
    batch_progress = Progress("checking", batch and not args.no_progress)
    with out.open() as stream:
        stream.write(report_writer.start())
        for n, res in enumerate(_results(jobs, workers, args.no_progress), 1):
            batch_progress(n, len(jobs))
            if res.skipped:
                skipped.append(res.path)
                continue
            out.refuse(res.inputs)  # a LaTeX manuscript's .bib is an input too
            record.refuse(res.inputs)
            if res.error:
                if not batch:
                    raise RefcheckError(res.error)  # nothing to report: nothing is written
                say(f"error: {res.error}")
                status = EXIT_ERROR
                stream.write(report_writer.add(error_item(res.path, res.error)))
                continue
            assert res.item is not None
            if res.network_down:
                say(f"error: {res.path}: network unreachable (--require-network)")
                if status != EXIT_ERROR:
                    status = EXIT_NETWORK
            if args.write_baseline:
                from refcheck.report.baseline import manuscript_key

                recorded[manuscript_key(res.path, args.write_baseline)] = list(res.baseline)
            if res.failed and status == EXIT_CLEAN:
                status = EXIT_FINDINGS
            stream.write(report_writer.add(res.item))
        stream.write(report_writer.end())
    if args.write_baseline and recorded:
        from refcheck.report.baseline import baseline_document

        record.write(baseline_document(recorded))
    if skipped:
        more = len(skipped) - 5
        shown = ", ".join(skipped[:5]) + (f" and {more} more" if more > 0 else "")
        say(
            f"no reference list found in {shown}: skipped "
            f"({'not a manuscript' if len(skipped) == 1 else 'not manuscripts'}?)"
        )
    return status


def _clear_cache(cfg: Config) -> int:
    """Empty the cache; a path that is not a usable cache is an error (exit 2), not "cleared"."""
    from refcheck.api import resolver_settings
    from refcheck.resolve import Resolver

    return Resolver(resolver_settings(cfg)).clear_cache()


# --------------------------------------------------------------------------- parse / export / rules


def cmd_parse(args: argparse.Namespace) -> int:
    from refcheck import api

    doc = api.load(args.path, references_from=args.references_from)
    if args.format == "csl-json":
        from refcheck.exporter.csl import to_csl_json

        _print(json_safe(to_csl_json(list(doc.references))))
    elif args.format == "json":  # one object per line, for line-oriented tools
        from refcheck.exporter.csl import to_csl
        from refcheck.exporter.keys import citation_keys

        keys = citation_keys(list(doc.references), "ala-lc")
        _print(
            "".join(
                json_safe(json.dumps(to_csl(r, key=k), ensure_ascii=False)) + "\n"
                for r, k in zip(doc.references, keys, strict=True)
            )
        )
    else:
        _print(format_table(doc.references))
    return EXIT_CLEAN


def format_table(refs: Sequence[object]) -> str:
    """A readable fixed-width table of parsed entries (one line each, long fields cut)."""
    from refcheck.model import Reference

    def cut(s: str, n: int) -> str:
        s = one_line(s)
        return s if len(s) <= n else s[: n - 1] + "…"

    head = f"{'#':>3} {'line':>5} {'type':<17} {'authors':<28} {'year':<9} {'title':<44} {'status'}"
    lines = [head, "-" * len(head)]
    for r in refs:
        assert isinstance(r, Reference)
        authors = "; ".join(a.display for a in r.authors[:2]) + (" …" if len(r.authors) > 2 else "")
        status = r.status.value + ("" if r.apa_conformant else ", not APA")
        lines.append(
            f"{r.index:>3} {r.line:>5} {cut(r.type, 17):<17} {cut(authors, 28):<28} "
            f"{cut(r.year_label, 9):<9} {cut(r.title, 44):<44} {status}"
        )
    return "\n".join(lines) + "\n"


def cmd_export(args: argparse.Namespace) -> int:
    """Export as ``check`` would read the manuscript: its folder's configuration and the
    environment apply (transliteration, language detector), then the command line."""
    from refcheck import api
    from refcheck.output import Destination

    cfg = _config_for(args, _folder_of(args.path))
    dest = Destination(args.output, option="--output", inputs=[args.path, cfg.source])
    doc = api.load(args.path, references_from=args.references_from)
    dest.refuse(p.path for p in doc.parts)
    text = api.export(
        doc,
        args.to,
        encoding=args.encoding,
        scheme=cfg.transliteration,
        language_detector=cfg.language_detector,
        script=args.script,
    )
    if not args.output:  # a terminal must not obey what an entry contains
        head = text.lstrip()[:1]
        if head in ("[", "{"):  # JSON: escapes are the same characters (lossless)
            text = json_safe(text)
        elif head == "<":  # XML: character references are too
            text = xml_safe(text)
        else:
            text = visible_lines(text)
    dest.write(text)
    return EXIT_CLEAN


def cmd_fix(args: argparse.Namespace) -> int:
    """``refcheck fix FILE``: the diff of the fixes on stdout (exit 1 when there is one, 0 when
    nothing needs fixing); ``--write`` applies them (exit 0), ``--unsafe`` adds the unsafe ones.
    A summary goes to stderr. docs/fix.md is the guide."""
    from refcheck import api
    from refcheck.fixes.files import applicable, snapshot, write_patch
    from refcheck.fixes.patch import build

    snap = snapshot(args.path)  # the bytes the patch is made from, compared again on writing
    cfg = _config_for(args, _folder_of(args.path))
    doc = api.load(args.path, references_from=args.references_from)
    report = api.check(doc, cfg)
    patch = applicable(build(report, unsafe=args.unsafe), snap)
    if patch and (args.diff or not args.write):
        _print(visible_lines(patch.diff()))
    held = sum(1 for f in report.findings if f.fix is not None and not f.fix.safe)
    hint = f"; {held} unsafe fix{'es' if held != 1 else ''} not applied (--unsafe)" if (
        held and not args.unsafe) else ""
    if not patch:
        say(f"{args.path}: nothing to fix{hint}")
        return EXIT_CLEAN
    n = len(patch.edits)
    what = f"{n} edit{'s' if n != 1 else ''} ({', '.join(patch.codes())})"
    if not args.write:
        say(f"{args.path}: {what} would be made (--write applies them){hint}")
        return EXIT_FINDINGS
    if patch.left_out and any("does not" in why or "matched" in why for _, why in patch.left_out):
        say(f"{args.path}: {len(patch.left_out)} edit(s) left out (see refcheck fix --diff)")
    written = write_patch(patch, snap, backup=args.backup)
    backup = f"; the original is in {written[0]}" if args.backup and len(written) > 1 else ""
    say(f"{args.path}: {what} made{backup}{hint}")
    return EXIT_CLEAN


def cmd_rules(args: argparse.Namespace) -> int:
    from refcheck.rules import all_rules, rules_markdown

    if args.format == "markdown":
        _print(rules_markdown())
    else:
        _print(
            "\n".join(
                f"{r.code}  {r.severity.value:<7}  {r.name}: {r.summary}" for r in all_rules()
            )
        )
    return EXIT_CLEAN


def cmd_cache(args: argparse.Namespace) -> int:
    from refcheck.api import resolver_settings

    cfg = _config_for(args, Path.cwd())
    settings = resolver_settings(cfg)
    if args.action == "clear":
        n = _clear_cache(cfg)
        _print(f"cleared {visible(settings.cache_path)} ({n} stored answers)")
    else:
        _print(visible(settings.cache_path))
    return EXIT_CLEAN


# --------------------------------------------------------------------------- entry point


def _interrupted(signum: int, frame: FrameType | None) -> None:  # pragma: no cover - subprocess
    """Ctrl-C or SIGTERM: stop now, whatever the threads and workers are waiting for.

    Temporary output files are removed (the previous report stays as it was), worker processes
    are ended, and the process exits at once with 128 + the signal number: waiting for queued
    network work took 25-37 s and sometimes a second Ctrl-C.
    """
    from refcheck.output import remove_temporaries

    remove_temporaries()
    mp = sys.modules.get("multiprocessing")
    if mp is not None:
        for child in mp.active_children():
            child.kill()
    try:
        sys.stderr.write(("\n" if sys.stderr.isatty() else "") + "refcheck: interrupted\n")
        sys.stderr.flush()
    finally:
        os._exit(128 + signum)


def _install_signal_handlers() -> dict[int, Any]:
    previous: dict[int, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        # not the main thread (ValueError): Python's own handling stays
        with contextlib.suppress(ValueError, OSError):
            previous[sig] = signal.signal(sig, _interrupted)
    return previous


def main(argv: Sequence[str] | None = None) -> int:
    """The ``refcheck`` command. Every exception that reaches here is one line on stderr and
    exit 2 (:func:`refcheck.errors.describe`); none is a traceback.

    Run as a command (``argv`` None), Ctrl-C and SIGTERM end the process within a second; called
    from Python with an argument list, signal handling is left to the caller.
    """
    from refcheck import options
    from refcheck.output import silence_stdout

    previous = _install_signal_handlers() if argv is None else {}
    try:
        args = build_parser().parse_args(argv)
        args.overrides = options.from_command_line(args.command, args)
        code: int = args.func(args)
        return code
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_CLEAN
    except KeyboardInterrupt:
        say("interrupted")
        return 128 + signal.SIGINT
    except BrokenPipeError:  # `refcheck … | head`: the reader has all it wanted
        silence_stdout()
        return EXIT_CLEAN
    except Exception as exc:
        say(f"error: {describe(exc)}")
        return EXIT_ERROR
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


if __name__ == "__main__":
    sys.exit(main())
