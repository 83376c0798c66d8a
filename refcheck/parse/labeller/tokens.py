"""Tokens the labeller labels: words as typed, split further where real lists run parts together.

Whitespace separates most tokens, but real lists (PDF copies, GOST typed without spaces) glue
parts that belong to different fields: ``R.M.Əliyev.Kitabın adı.-Bakı, «Maarif»,1991.``,
``2019;12(2):40-51``, ``adı//Jurnal``. Each token keeps its offsets so that labels map back to
the entry text exactly.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")
# a cut needs punctuation inside the word (not at its end), or two words glued by a PDF copy
_LOWER = "a-zà-ÿа-яёəğışöüç"
_UPPER = "A-ZÀ-ÞА-ЯЁƏĞİŞÖÜÇ"
_INNER = re.compile(rf"[/.,;:](?=.)|[{_LOWER}]{{3}}[{_UPPER}][{_LOWER}]")
_LINK = re.compile(r"://|^(?:www\.|doi:|https?:|\(?10\.\d{4,9}/)", re.IGNORECASE)

# Places inside a whitespace-free run where a new token starts (zero-width, after the match):
# - after "//" or before it;
# - after ".", "," or ";" that is followed by a dash and a letter (".-Bakı") -> before the dash;
# - after a word of 2+ lower-case letters and a period, before an upper-case letter or a quote
#   ("Əliyev.Kitabın", "adı.«Maarif»");
# - after an initial's period before a capitalised word of 2+ letters ("M.Əliyev", "J.Smith");
# - after a comma before a letter or a 4-digit year (",1991", ",Bakı");
# - after ";" or ":" between digits and a digit ("2019;12(2):40-51"), or an article number
#   ("2020;370:m3032", "2(4):e179-91").
# - between a word of 3+ lower-case letters and a capitalised word glued to it by a PDF copy
#   ("spacesAdvances in Nonlinear Analysis").
_CUT = re.compile(
    r"(?<=//)(?=[^/])"
    r"|(?<=[^/\s])(?=//)"
    r"|(?<=[.,;])(?=[-–—][\w№])"
    r"|(?<=[^\W\d_]{2}\.)(?=[«\"“„'‘(]?[^\W\d_]{3})(?<=[a-zà-ÿа-яёəğışöüç]\.)"
    r"|(?<=\b[^\W\d_]\.)(?=[^\W\d_][^\W\d_\s.]{2})"
    r"|(?<=[^\d\s,],)(?=[^\W\d_]|\d{4}\b)"
    r"|(?<=\d[;:])(?=\d)"
    r"|(?<=[)\]][;:])(?=\d)"
    r"|(?<=[\d)][;:])(?=[A-Za-z]{1,3}\d)"
    rf"|(?<=[{_LOWER}]{{3}})(?=[{_UPPER}][{_LOWER}])"
)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` offsets of the tokens of ``text``, in order."""
    out: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        s, e = m.span()
        word = m.group()
        if len(word) < 4 or not _INNER.search(word) or _LINK.search(word):
            out.append((s, e))
            continue
        prev = 0
        for c in _CUT.finditer(word):
            k = c.start()
            if 0 < k < len(word) and k != prev:
                out.append((s + prev, s + k))
                prev = k
        out.append((s + prev, e))
    return out
