"""The ``refcheck`` command: a thin layer over :mod:`refcheck.api`.

Exit codes are a contract CI scripts rely on: 0 clean, 1 findings at or above ``--fail-on``,
2 unusable input or configuration (one line on stderr naming the file and line, no traceback),
3 network unreachable under ``--require-network``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from refcheck import __version__
from refcheck.errors import RefcheckError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from refcheck.config import Config

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_NETWORK = 3  # --require-network: the services could not be reached, nothing was verified
MANUSCRIPT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".tex")
CHECK_FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "html")


def _csv(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    out: list[str] = []
    for v in values:
        out += [p.strip() for p in v.split(",") if p.strip()]
    return tuple(out)


# refcheck.normalise.LANGUAGE_DETECTORS, spelt out so the CLI starts without importing that stage
_LANGUAGE_DETECTORS = ("builtin", "lingua")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="refcheck",
        description="Check the references of a scholarly manuscript (APA 7, multilingual).",
    )
    p.add_argument("--version", action="version", version=f"refcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("check", help="check citations, the reference list, DOIs and URLs")
    c.add_argument("paths", nargs="+", metavar="FILE", help="manuscripts, directories or globs")
    c.add_argument("--format", "-f", choices=CHECK_FORMATS, default="text")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report here, not stdout")
    c.add_argument("--offline", action="store_true", default=None, help="do not use the network")
    c.add_argument("--select", action="append", metavar="CODES", help="rule codes/prefixes to run")
    c.add_argument("--ignore", action="append", metavar="CODES", help="rule codes/prefixes to skip")
    c.add_argument(
        "--fail-on",
        choices=("info", "warning", "error", "never"),
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    c.add_argument("--config", metavar="FILE", help="refcheck.toml or pyproject.toml to use")
    c.add_argument("--baseline", metavar="FILE", help="ignore the findings recorded in FILE")
    c.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE")
    c.add_argument("--no-cache", action="store_true", help="do not read or write the HTTP cache")
    c.add_argument("--cache-dir", metavar="DIR", help="HTTP cache location")
    c.add_argument("--clear-cache", action="store_true", help="empty the HTTP cache first")
    c.add_argument("--mailto", metavar="EMAIL", help="contact address for Crossref's polite pool")
    c.add_argument("--transliteration", metavar="SCHEME", help="ala-lc (default), bgn-pcgn, iso9 …")
    c.add_argument(
        "--language-detector", choices=_LANGUAGE_DETECTORS,
        help="title languages by builtin rules (default) or lingua (extra: refcheck[lingua])",
    )
    c.add_argument("--references-from", type=int, metavar="LINE", help="the list starts at LINE")
    c.add_argument("--jobs", "-j", type=int, metavar="N", help="check N manuscripts in parallel")
    c.add_argument("--deadline", type=float, metavar="SECONDS", help="stop network checks after")
    c.add_argument("--timeout", type=float, metavar="SECONDS", help="per-request timeout")
    c.add_argument("--no-urls", action="store_true", help="check DOIs but not web pages")
    c.add_argument(
        "--require-network", action="store_true", default=None,
        help="exit 3 when the services cannot be reached (default: report it and go on)",
    )
    color = c.add_mutually_exclusive_group()
    color.add_argument("--color", action="store_true", default=None, help="force colours")
    color.add_argument("--no-color", action="store_true", help="never use colours")
    c.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    c.set_defaults(func=cmd_check)

    pr = sub.add_parser("parse", help="print the parsed reference list")
    pr.add_argument("path", metavar="FILE")
    pr.add_argument(
        "--format", "-f", choices=("csl-json", "table", "json"), default="table",
        help="csl-json: a CSL-JSON array; json: one CSL-JSON object per line; table: readable",
    )
    pr.add_argument("--references-from", type=int, metavar="LINE")
    pr.set_defaults(func=cmd_parse)

    ex = sub.add_parser("export", help="export the reference list")
    ex.add_argument("path", metavar="FILE")
    ex.add_argument("--to", choices=("bibtex", "biblatex", "csl-json", "ris"), default="bibtex")
    ex.add_argument("--output", "-o", metavar="FILE")
    ex.add_argument(
        "--encoding", choices=("utf-8", "ascii"), default="utf-8",
        help="utf-8 for biber/BibLaTeX, ascii for 7-bit LaTeX escapes (classic BibTeX)",
    )
    ex.add_argument("--transliteration", metavar="SCHEME", default="ala-lc")
    ex.add_argument("--language-detector", choices=_LANGUAGE_DETECTORS, default="builtin")
    ex.add_argument("--references-from", type=int, metavar="LINE")
    ex.set_defaults(func=cmd_export)

    ru = sub.add_parser("rules", help="list every rule code")
    ru.add_argument("--format", "-f", choices=("text", "markdown"), default="text")
    ru.set_defaults(func=cmd_rules)

    ca = sub.add_parser("cache", help="show or clear the HTTP cache")
    ca.add_argument("action", choices=("info", "clear"))
    ca.add_argument("--cache-dir", metavar="DIR")
    ca.set_defaults(func=cmd_cache)
    return p


# --------------------------------------------------------------------------- output helpers


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise RefcheckError(f"cannot write report: {exc.strerror}", path=output) from None
    else:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()


class Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal (CI logs stay clean)."""

    def __init__(self, label: str, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.label = label

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        width = 30
        fill = int(width * done / total)
        self.stream.write(f"\r{self.label} [{'#' * fill}{'.' * (width - fill)}] {done}/{total}")
        if done >= total:
            self.stream.write("\r" + " " * (width + len(self.label) + 20) + "\r")
        self.stream.flush()


# --------------------------------------------------------------------------- check


def expand_paths(patterns: Sequence[str]) -> list[str]:
    """Files as given, directories searched for manuscripts, globs expanded (shells may not)."""
    out: list[str] = []
    for pat in patterns:
        path = Path(pat)
        if path.is_dir():
            out += sorted(
                str(f) for f in path.rglob("*")
                if f.suffix.lower() in MANUSCRIPT_SUFFIXES and f.is_file()
            )
        elif not path.exists() and glob.has_magic(pat):
            out += sorted(glob.glob(pat, recursive=True))
        else:
            out.append(pat)
    seen: set[str] = set()
    return [p for p in out if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]


def _config_for(args: argparse.Namespace, start: Path | None) -> Config:
    from refcheck.config import load_config
    from refcheck.findings import Severity

    cfg = load_config(start=start, explicit=Path(args.config) if args.config else None)
    fail_on = args.fail_on
    return cfg.merged(
        select=_csv(args.select),
        ignore=_csv(args.ignore),
        fail_on=None if fail_on in (None, "never") else Severity.parse(fail_on),
        offline=True if args.offline else None,
        use_cache=False if args.no_cache else None,
        cache_dir=args.cache_dir,
        mailto=args.mailto,
        transliteration=args.transliteration,
        language_detector=args.language_detector,
        deadline=args.deadline,
        timeout=args.timeout,
        jobs=args.jobs,
        check_urls=False if args.no_urls else None,
        baseline=args.baseline,
        require_network=True if args.require_network else None,
    )


@dataclass(frozen=True)
class FileResult:
    """What one manuscript's check sends back to the parent (small: batch memory stays flat)."""

    path: str
    output: str  # rendered report (or "" on error)
    failed: bool
    error: str = ""
    summary: tuple[tuple[str, int], ...] = ()
    references: int = 0
    citations: int = 0
    baseline: str = ""  # today's findings as a baseline, when --write-baseline asked for it
    network_down: bool = False  # --require-network and nothing could be reached


def check_file(
    path: str,
    cfg: Config,
    *,
    fmt: str,
    color: bool,
    references_from: int | None,
    progress: Callable[[int, int], None] | None = None,
    fail_never: bool = False,
    want_baseline: bool = False,
) -> FileResult:
    """Check one manuscript and render its report; input errors become a FileResult."""
    from refcheck import api
    from refcheck.report import render

    try:
        doc = api.load(path, references_from=references_from)
        report = api.check(doc, cfg, progress=progress)
        baseline = ""
        if want_baseline:  # recorded before --baseline filters anything out
            from refcheck.report.baseline import write_baseline

            baseline = write_baseline(report)
        if cfg.baseline:
            from refcheck.report.baseline import apply_baseline

            try:
                text = Path(cfg.baseline).read_text(encoding="utf-8")
            except OSError as exc:
                raise RefcheckError(
                    f"cannot read baseline: {exc.strerror}", path=cfg.baseline
                ) from None
            report = apply_baseline(report, text, path=cfg.baseline)
        rendered = render(report, "json" if fmt == "jsonl" else fmt, color=color, config=cfg)
        if fmt == "jsonl":
            rendered = json.dumps(json.loads(rendered), ensure_ascii=False) + "\n"
        return FileResult(
            path=path,
            output=rendered,
            failed=False if fail_never else report.failed(cfg.fail_on),
            summary=tuple(report.counts().items()),
            references=len(report.references),
            citations=len(report.citations),
            baseline=baseline,
            network_down=cfg.require_network and report.network_unreachable,
        )
    except RefcheckError as exc:
        return FileResult(path=path, output="", failed=True, error=str(exc))


def _batch(
    paths: list[str],
    cfg: Config,
    *,
    fmt: str,
    color: bool,
    args: argparse.Namespace,
    fail_never: bool,
) -> Iterator[FileResult]:
    """Results in completion order; at most 2×jobs manuscripts in flight so memory stays flat."""
    jobs = max(1, cfg.jobs)
    common = {
        "fmt": fmt, "color": color, "references_from": args.references_from,
        "fail_never": fail_never, "want_baseline": bool(args.write_baseline),
    }
    if jobs == 1 or len(paths) == 1:
        for p in paths:
            prog = Progress(f"resolving {Path(p).name}", not args.no_progress)
            yield check_file(p, cfg, **common, progress=prog)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        todo = iter(paths)
        running: set[Future[FileResult]] = set()
        for p in todo:
            running.add(pool.submit(check_file, p, cfg, **common))
            if len(running) >= 2 * jobs:
                break
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                yield fut.result()
                nxt = next(todo, None)
                if nxt is not None:
                    running.add(pool.submit(check_file, nxt, cfg, **common))


def _use_color(args: argparse.Namespace) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    if args.color or os.environ.get("FORCE_COLOR"):
        return True
    return args.format == "text" and not args.output and sys.stdout.isatty()


def cmd_check(args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    if not paths:
        raise RefcheckError("no manuscripts found", path=" ".join(args.paths))
    first = Path(paths[0])
    cfg = _config_for(args, first.parent if first.parent != Path("") else Path.cwd())
    if args.clear_cache:
        _clear_cache(cfg.cache_dir)
    color = _use_color(args)
    fmt = args.format
    fail_never = args.fail_on == "never"
    multi = len(paths) > 1
    if args.write_baseline and multi:
        raise RefcheckError("--write-baseline takes exactly one manuscript")
    if multi and fmt == "json":
        fmt = "jsonl"  # one JSON object per manuscript, streamed as each finishes
    if multi and fmt in ("sarif", "junit", "html") and not args.output:
        pass  # concatenated documents would be invalid; written per file below
    status = EXIT_CLEAN
    totals: dict[str, int] = {}
    rows: list[FileResult] = []
    out_stream: TextIO | None = None
    if args.output and (not multi or fmt in ("text", "jsonl", "github")):
        try:
            out_stream = open(args.output, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise RefcheckError(f"cannot write report: {exc.strerror}", path=args.output) from None
    try:
        batch_progress = Progress("checking", multi and not args.no_progress)
        results = _batch(paths, cfg, fmt=fmt, color=color, args=args, fail_never=fail_never)
        for n, res in enumerate(results, 1):
            batch_progress(n, len(paths))
            rows.append(FileResult(res.path, "", res.failed, res.error, res.summary,
                                   res.references, res.citations))
            if res.network_down:
                sys.stderr.write(f"refcheck: error: {res.path}: network unreachable "
                                 "(--require-network)\n")
            if args.write_baseline and not res.error:
                _write(res.baseline, args.write_baseline)
            if res.error:
                sys.stderr.write(f"refcheck: error: {res.error}\n")
                status = EXIT_ERROR
                continue
            for k, v in res.summary:
                totals[k] = totals.get(k, 0) + v
            if res.network_down and status != EXIT_ERROR:
                status = EXIT_NETWORK
            if res.failed and status == EXIT_CLEAN:
                status = EXIT_FINDINGS
            if multi and fmt in ("sarif", "junit", "html"):
                target = Path(args.output or ".") / (Path(res.path).name + f".{fmt}")
                if args.output:
                    target.parent.mkdir(parents=True, exist_ok=True)
                _write(res.output, str(target))
            elif out_stream is not None:
                out_stream.write(res.output)
            else:
                _write(res.output, None)
    finally:
        if out_stream is not None:
            out_stream.close()
    if multi and fmt == "text":
        _print_summary(rows, totals)
    return status


def _print_summary(rows: list[FileResult], totals: dict[str, int]) -> None:
    w = max(len(r.path) for r in rows)
    err = sys.stdout
    err.write("\n" + "manuscript".ljust(w) + "  refs  cites  errors  warnings  infos\n")
    for r in rows:
        if r.error:
            err.write(r.path.ljust(w) + "  input error\n")
            continue
        s = dict(r.summary)
        err.write(
            f"{r.path.ljust(w)}  {r.references:4d}  {r.citations:5d}  {s.get('error', 0):6d}"
            f"  {s.get('warning', 0):8d}  {s.get('info', 0):5d}\n"
        )
    err.write(
        f"{len(rows)} manuscripts: {totals.get('error', 0)} errors, "
        f"{totals.get('warning', 0)} warnings, {totals.get('info', 0)} infos\n"
    )


def _clear_cache(cache_dir: str) -> int:
    """Empty the cache; a path that is not a usable cache is an error (exit 2), not "cleared"."""
    from refcheck.resolve import Resolver, ResolverSettings

    return Resolver(ResolverSettings.from_env(cache_dir=cache_dir)).clear_cache()


# --------------------------------------------------------------------------- parse / export / rules


def cmd_parse(args: argparse.Namespace) -> int:
    from refcheck import api

    doc = api.load(args.path, references_from=args.references_from)
    if args.format == "csl-json":
        from refcheck.exporter.csl import to_csl_json

        _write(to_csl_json(list(doc.references)), None)
    elif args.format == "json":  # one object per line, for line-oriented tools
        from refcheck.exporter.csl import to_csl
        from refcheck.exporter.keys import citation_keys

        keys = citation_keys(list(doc.references), "ala-lc")
        _write(
            "".join(
                json.dumps(to_csl(r, key=k), ensure_ascii=False) + "\n"
                for r, k in zip(doc.references, keys, strict=True)
            ),
            None,
        )
    else:
        _write(format_table(doc.references), None)
    return EXIT_CLEAN


def format_table(refs: Sequence[object]) -> str:
    """A readable fixed-width table of parsed entries (one line each, long fields cut)."""
    from refcheck.model import Reference

    def cut(s: str, n: int) -> str:
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
    from refcheck import api

    doc = api.load(args.path, references_from=args.references_from)
    text = api.export(
        doc,
        args.to,
        encoding=args.encoding,
        scheme=args.transliteration,
        language_detector=args.language_detector,
    )
    _write(text, args.output)
    return EXIT_CLEAN


def cmd_rules(args: argparse.Namespace) -> int:
    from refcheck.rules import all_rules, rules_markdown

    if args.format == "markdown":
        _write(rules_markdown(), None)
    else:
        _write(
            "\n".join(
                f"{r.code}  {r.severity.value:<7}  {r.name}: {r.summary}" for r in all_rules()
            ),
            None,
        )
    return EXIT_CLEAN


def cmd_cache(args: argparse.Namespace) -> int:
    from refcheck.resolve import ResolverSettings

    settings = ResolverSettings.from_env(cache_dir=args.cache_dir or "")
    if args.action == "clear":
        n = _clear_cache(args.cache_dir or "")
        _write(f"cleared {settings.cache_path} ({n} stored answers)", None)
    else:
        _write(str(settings.cache_path), None)
    return EXIT_CLEAN


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except RefcheckError as exc:
        sys.stderr.write(f"refcheck: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("refcheck: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
