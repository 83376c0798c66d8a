"""The parse stage in linear time up to the size limit: 0.5 MB against 2 MB (issue 19, row 3).

Why: one entry holding a long run of initials (``A. A. A. …``) took 1.9 s at 0.4 MB and over
300 s at 5 MB when a reader matched ``re.match(p, s[pos:])`` (a copy of the rest per token).
Both readers run here (the grammar, and the labeller with the spans layer after it), on the
worst cases aimed at their patterns; ``REFCHECK_SLOW=1`` runs every case of
``test_pathological.WORST`` through both. The measuring rule is tests/test_linear_time.py's.
"""

from __future__ import annotations

import os

import pytest
from test_linear_time import CASES, _assert_linear

from refcheck.parse import parse_string

SLOW = bool(os.environ.get("REFCHECK_SLOW"))

CASES.update({
    "cyrillic-initials": lambda n: "И. " * (n // 3),
    "inverted-names": lambda n: "Smith, A. " * (n // 10),
    "vancouver-names": lambda n: "Orlov AV, " * (n // 10),
    "gost-areas": lambda n: "Название // Журнал. – 2015. – № 3. – С. 5–9. " * (n // 48),
    "glued-gost": lambda n: "R.M.Əliyev.Kitabın.-Bakı," * (n // 25),
    "quoted-runs": lambda n: "“Title”, Journal, 7, s. 1-2, " * (n // 29),
    "role-words": lambda n: "под ред. А. В. Петрова, " * (n // 24),
})  # fmt: skip

# CI: the cases aimed at this stage's patterns, where a reader spent most (the rest, and every
# WORST case, under REFCHECK_SLOW=1; the 2 MB run of a run of initials takes ~8 s CPU)
AIMED = ["initials", "vancouver-names", "gost-areas", "glued-gost", "quoted-runs",
         "comma-space-year"]  # fmt: skip


@pytest.mark.parametrize("reader", ["grammar", "labeller"])
@pytest.mark.parametrize("case", sorted(CASES) if SLOW else AIMED)
def test_parse_is_linear_in_the_entry_length(case: str, reader: str) -> None:
    _assert_linear(lambda t: parse_string(t, reader=reader), case)
