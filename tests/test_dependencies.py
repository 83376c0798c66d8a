"""Dependency floors: a fresh install can never pick a release with a known hole we rely on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _spec(name: str) -> Requirement:
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    (req,) = [Requirement(d) for d in deps if Requirement(d).name == name]
    return req


@pytest.mark.parametrize(("name", "vulnerable", "fixed"), [
    ("urllib3", ["2.0.0", "2.5.0", "2.6.0", "2.6.2"], "2.6.3"),  # CVE-2025-66471, CVE-2026-21441
    ("requests", ["2.31.0", "2.32.0", "2.32.3"], "2.32.4"),  # CVE-2024-35195, CVE-2024-47081
])
def test_floors_exclude_known_vulnerable_versions(
    name: str, vulnerable: list[str], fixed: str
) -> None:
    spec = _spec(name).specifier
    assert [v for v in vulnerable if spec.contains(v)] == []
    assert spec.contains(fixed)


def test_installed_urllib3_is_above_the_floor() -> None:
    import urllib3
    from packaging.version import Version

    assert Version(urllib3.__version__) >= Version("2.6.3")
