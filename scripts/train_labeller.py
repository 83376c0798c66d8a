"""Train the parser's sequence labeller: one deterministic command.

    pip install -e '.[train]'            # citeproc-py and the CSL styles, for rendered data
    python scripts/train_labeller.py     # writes refcheck/parse/labeller/model.crfsuite

Training data (docs/parser.md, "The labeller"):

1. AnyStyle's labelled references, core.xml and good.xml (BSD-2-Clause; ``shared/data/anystyle``
   beside the work tree). gold.xml is never used: it is held out for measurement.
2. Our real corpus (``tests/data/real/refs.jsonl``, field labels aligned to tokens by
   ``labeller_data.align_record``): the train and dev splits for the shipped model, the train
   split alone with ``--holdout`` (choices are made on dev with such a model). The test split
   is never trained on.
3. Our written batches (``tests/data/refs_multilingual.jsonl``), aligned the same way.
4. The records of 2 and 3 rendered through real CSL styles with real-world noise
   (``render_csl.py``), which gives Turkish, Azerbaijani and Russian works in MLA, Chicago,
   Harvard, Vancouver and IEEE forms.

Everything is seeded and read in a fixed order, and CRFsuite's L-BFGS is deterministic, so the
same inputs give the same model file byte for byte.

``--holdout`` is the development mode: the real train split only, and AnyStyle's odd sequences
kept out of training with token accuracy reported on them; ``--out`` writes elsewhere.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from labeller_data import (  # noqa: E402
    Seq,
    aligned_sequences,
    anystyle_sequences,
    jsonl_records,
    tokens_from_chars,
)

from refcheck.parse.labeller import LABELS  # noqa: E402
from refcheck.parse.labeller.features import sequence_features  # noqa: E402

MODEL = ROOT / "refcheck" / "parse" / "labeller" / "model.crfsuite"
REAL = ROOT / "tests" / "data" / "real" / "refs.jsonl"
WRITTEN = ROOT / "tests" / "data" / "refs_multilingual.jsonl"
PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


def anystyle_dir() -> Path | None:
    for cand in (ROOT.parent / "shared", Path("/work/shared")):
        d = cand / "data" / "anystyle"
        if (d / "core.xml").is_file() and (d / "good.xml").is_file():
            return d
    return None


def build(
    holdout: bool,
    rendered: bool,
    seed: int,
    real_weight: int = 2,
    style_weight: dict[str, int] | None = None,
) -> tuple[list[Seq], list[Seq]]:
    train: list[Seq] = []
    held: list[Seq] = []
    base = anystyle_dir()
    if base is None:
        raise SystemExit("AnyStyle data not found (shared/data/anystyle)")
    for i, seq in enumerate(anystyle_sequences([base / "core.xml", base / "good.xml"])):
        (held if holdout and i % 2 else train).append(seq)
    written = list(jsonl_records(WRITTEN))
    splits = ("train",) if holdout else ("train", "dev")
    real = list(jsonl_records(REAL, splits=splits)) if REAL.is_file() else []
    records = written + real
    aligned, skipped = aligned_sequences(written)
    train.extend(aligned)
    real_seqs, real_skipped = aligned_sequences(real)
    # real strings are what the parser meets: each counts real_weight times (CRFsuite has no
    # per-sequence weights; a repeated sequence is one)
    for _ in range(real_weight):
        train.extend(real_seqs)
    # a style family that the corpus holds few of can count more, so that families growing
    # round by round do not wash out a small one (MLA lost fields to each retraining)
    for style, weight in sorted((style_weight or {}).items()):
        few, _ = aligned_sequences(r for r in real if r["style"] == style)
        for _ in range(weight - real_weight):
            train.extend(few)
        print(f"style {style}: {len(few)} real records, weight {weight}")
    print(
        f"aligned {len(aligned)} written and {len(real_seqs)} real {'+'.join(splits)} records "
        f"({skipped + real_skipped} skipped: fields not found); real weight {real_weight}"
    )
    if rendered:
        from render_csl import render

        n = 0
        for text, labs, _style in render(records, seed=seed):
            train.append(tokens_from_chars(text, labs))
            n += 1
        print(f"rendered {n} strings through CSL styles")
    for toks, labs in train:
        bad = set(labs) - set(LABELS)
        if bad:
            raise SystemExit(f"unknown labels {bad} in {' '.join(toks)[:80]}")
    return train, held


def main(argv: list[str] | None = None) -> int:
    import pycrfsuite

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--holdout", action="store_true")
    ap.add_argument("--no-rendered", action="store_true")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--real-weight", type=int, default=2)
    ap.add_argument(
        "--style-weight",
        action="append",
        default=[],
        metavar="STYLE=N",
        help="count the real records of one style N times instead of --real-weight",
    )
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--max-iterations", type=int, default=PARAMS["max_iterations"])
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    style_weight = {k: int(v) for k, v in (w.split("=", 1) for w in args.style_weight)}
    train, held = build(
        args.holdout, not args.no_rendered, args.seed, args.real_weight, style_weight
    )
    counts = Counter(lab for _, labs in train for lab in labs)
    print(f"{len(train)} training sequences, {sum(counts.values())} tokens")
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, labs in train:
        trainer.append(sequence_features(toks), labs)
    trainer.set_params(
        {**PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations}
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(args.out)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]
    size = args.out.stat().st_size
    took = time.perf_counter() - t0
    print(f"wrote {args.out} ({size / 1e6:.2f} MB, sha256 {digest}) in {took:.0f} s")
    if held:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(args.out))
        ok = tot = 0
        for toks, labs in held:
            got = tagger.tag(sequence_features(toks))
            ok += sum(a == b for a, b in zip(got, labs, strict=True))
            tot += len(labs)
        print(f"held-out AnyStyle token accuracy {ok / tot:.4f} ({tot} tokens)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
