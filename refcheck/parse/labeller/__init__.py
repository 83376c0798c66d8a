"""The trained sequence labeller: a linear-chain CRF that labels every token of an entry.

The grammar reads the forms it was written for almost exactly; real lists also hold forms no
grammar anticipates (MLA and Vancouver in Cyrillic, GOST typed without spaces, PDF copies). A CRF
(CRFsuite through python-crfsuite, a small C++ library with wheels for every platform) learns
those from labelled examples and runs on the CPU with no download: the model ships inside the
package (``model.crfsuite``, built by ``python scripts/train_labeller.py``).

The model loads lazily, once per process, on the first entry the grammar hands over. A missing
or corrupt model file raises :class:`~refcheck.errors.ModelError` naming the file (the CLI prints
it on one line and exits 2). ``REFCHECK_LABELLER_MODEL`` points at another model file (to try a
retrained model without reinstalling).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from refcheck.errors import ModelError
from refcheck.parse.labeller.features import sequence_features
from refcheck.parse.labeller.tokens import tokenize

__all__ = ["LABELS", "Labelled", "label", "model_path"]

# The labels, AnyStyle's (https://github.com/inukshuk/anystyle) with journal/container kept apart
# and the rare ones folded: director/producer -> author/editor, source/medium -> note.
LABELS = (
    "author", "editor", "translator", "date", "title", "journal", "container", "collection",
    "volume", "pages", "publisher", "location", "edition", "genre", "note", "url", "doi", "isbn",
    "number",
)  # fmt: skip

# The longest real reference holds 258 tokens (tests/data/real): past this many, an "entry" is
# pasted text, not a reference; its tail is labelled ``note`` unread, which keeps the labeller
# linear in memory as in time (a 2 MB entry's features did not fit the caches: 4-5x the time
# of a 0.5 MB one, 5.5x at the end of a long test run).
MAX_TAGGED = 5_000

_MODEL = Path(__file__).with_name("model.crfsuite")
_DEFAULT = str(_MODEL)
_lock = threading.Lock()
_tagger: Any = None
_tagger_path = ""


def model_path() -> Path:
    """The model file in use: ``REFCHECK_LABELLER_MODEL`` or the one shipped in the package."""
    env = os.environ.get("REFCHECK_LABELLER_MODEL", "")
    return Path(env) if env else _MODEL


def _load() -> Any:
    global _tagger, _tagger_path
    if _tagger is not None and _tagger_path == (
        os.environ.get("REFCHECK_LABELLER_MODEL") or _DEFAULT
    ):
        return _tagger  # the common case: no Path built, one dictionary lookup
    path = model_path()
    key = str(path)
    if _tagger is not None and _tagger_path == key:
        return _tagger
    with _lock:
        if _tagger is not None and _tagger_path == key:
            return _tagger
        try:
            import pycrfsuite
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise ModelError(f"python-crfsuite is not installed ({exc})", str(path)) from exc
        if not path.is_file():
            raise ModelError("the labeller's model file is missing (reinstall refcheck)", key)
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(key)
            labels = set(tagger.labels())
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelError(f"the labeller's model file is corrupt ({exc})", key) from exc
        if not labels or not labels <= set(LABELS):
            raise ModelError("the labeller's model file holds unknown labels", key)
        _tagger, _tagger_path = tagger, key
        return tagger


@dataclass(frozen=True, slots=True)
class Labelled:
    """An entry's tokens with their labels: ``spans[i]`` is ``(start, end)`` in the text."""

    text: str
    spans: tuple[tuple[int, int], ...]
    labels: tuple[str, ...]
    # of the whole label sequence, as the model sees it; only when asked for (a second pass over
    # the entry: the parser does not use it, and it costs a tenth of the labelling)
    probability: float | None = None

    def tokens(self) -> list[str]:
        return [self.text[s:e] for s, e in self.spans]


def label(text: str, *, probability: bool = False) -> Labelled:
    """Label every token of one entry (``text`` as the grammar sees it: one line)."""
    spans = tokenize(text)
    if not spans:
        return Labelled(text, (), (), 1.0 if probability else None)
    tokens = [text[s:e] for s, e in spans[:MAX_TAGGED]]
    tagger = _load()
    with _lock:  # a Tagger holds per-call state; pipelines may parse from threads
        labels = list(tagger.tag(sequence_features(tokens)))
        prob = float(tagger.probability(labels)) if probability else None
    labels += ["note"] * (len(spans) - len(tokens))
    return Labelled(text, tuple(spans), tuple(labels), prob)
