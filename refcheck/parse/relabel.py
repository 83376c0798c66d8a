"""The labeller's labels mended where the model is weakest, before the spans become fields.

Each rule moves labels between tokens on evidence the model does not weigh enough: a connector
ending a run of names, initials after a surname, italics closing a title, the label words of a
number (``Vol.``, ``pp.``), a statement of responsibility after ``/``, a group author's name. The
spans layer (:mod:`refcheck.parse.spans`) reads fields from what this returns.
"""

from __future__ import annotations

import re

from refcheck.labels import IN_PRESS_WORDS, NAME_PARTICLES
from refcheck.parse.dates import _month
from refcheck.parse.names import _ORG_HINT, has_org_stem

_INITIAL_TOKEN = re.compile(r"^(?:[^\W\d_]{1,2}\.){1,3}[,;]?$")
_INITIALS_COLON = re.compile(r"^(?:[^\W\d_]{1,2}\.){1,3}:$")
_CONNECTOR = frozenset(
    ["и", "and", "&", "ve", "və", "und", "et", "y", "e", "og", "och", "And", "AND"]
)


def mend_labels(tokens: list[str], labels: list[str]) -> list[str]:
    """Mend the author boundary where the model is weakest; a list of names cannot end with a
    connector, and initials belong to the name before them:
    ``Петров, И., и | В. Сидорова.`` and ``Петров П. | П. Название`` are moved into the
    authors."""
    out = list(labels)
    n = len(tokens)
    i = 0
    while i < n:
        lab = out[i]
        if lab != "author":
            i += 1
            continue
        j = i
        while j + 1 < n and out[j + 1] == lab:
            j += 1
        # j: last token of this name run
        k = j + 1
        last = tokens[j]
        if k < n and last in _CONNECTOR:  # as typed: "И." is an initial, "и" a connector
            # take the next name: initials and one family name, or one family and initials
            m = k
            while m < n and _INITIAL_TOKEN.match(tokens[m]) and m - k < 3:
                m += 1
            if m < n and m - k <= 3 and tokens[m][:1].isupper():
                end = m
                while end + 1 < n and _INITIAL_TOKEN.match(tokens[end + 1]) and end - m < 3:
                    end += 1
                for x in range(k, end + 1):
                    out[x] = lab
                j = end
        elif k < n and _INITIAL_TOKEN.match(tokens[k]) and _INITIAL_TOKEN.match(last):
            out[k] = lab  # "Петров П. | П." : the second initial of the same name
            j = k
        elif (
            k < n
            and last.endswith(",")
            and _INITIALS_COLON.match(tokens[k])
            and tokens[k][0].isupper()
        ):
            out[k] = lab  # Springer's "Keller, | M.:" : the last author's initials, then the title
            j = k
        i = j + 1
    if out and out[0] == "editor":
        _editors_without_a_role_word(tokens, out)
    _site_then_page_then_kind(tokens, out)
    _a_opens_a_cura_di(tokens, out)
    if "date" in out:
        _month_after_the_year(tokens, out)
    if "container" not in out and "journal" not in out:
        _en_opens_the_book(tokens, out)
    _italic_ends_title(tokens, out)
    _heading_then_statement(tokens, out)
    _statement_before_source(tokens, out)
    _numbers_after_their_labels(tokens, out)
    _author_before_quoted_title(tokens, out)
    _group_author_before_title(tokens, out)
    if "author" not in out and "editor" not in out:
        _capitals_word_then_title(tokens, out)
    if "title" not in out:
        _guillemets_open_the_journal(tokens, out)
    _group_author_runs_on(tokens, out)
    _name_then_year_then_title(tokens, out)
    _publisher_after_book_title(tokens, out)
    if out and out[0] in ("author", "title"):
        _title_then_names_then_source(tokens, out)
    if out and out[0] == "author":
        if "title" not in out:
            _words_after_the_initials_are_the_title(tokens, out)
        if "title" not in out and "date" not in out:
            _words_before_a_bare_link_are_the_title(tokens, out)
        _role_closes_the_names(tokens, out)
        _given_first_names_after_the_first(tokens, out)
        _capitals_surname_closes_the_names(tokens, out)
    if "date" not in out:
        _in_press_date(tokens, out)
    if "date" not in out:
        _bare_initials_then_year(tokens, out)
    else:
        _bare_initials_before_the_date(tokens, out)
    _note_opening_title(tokens, out)
    if "title" in out:
        _title_cannot_end_on_a_joiner(tokens, out)
    if out.count("date") > 1:
        _year_inside_a_name(tokens, out)
    if "volume" in out and "journal" not in out and "container" not in out:
        _journal_before_internet(tokens, out)
    if "editor" in out and "translator" in out:
        _names_after_the_editor_word(tokens, out)
    return out


# a word that makes the names beside it editors, compilers or translators
_ROLE_WORD = re.compile(
    r"^\(?(?:eds?\.?|editors?|edited|hrsg\.?|hg\.?|hgg\.?|red\.?|ред\.?|под|сост\.?|der\.?|"
    r"haz\.?|derleyen|hazırlayan|tərt\.?|redaktor|comp\.?|compiled|coord\.?|dir\.?|éds?\.?|"
    r"trans\.?|translated|transl\.?|tr\.|çev\.?|пер\.?|intro\.?)[.,:;)]*$",
    re.IGNORECASE,
)


def _editors_without_a_role_word(tokens: list[str], labels: list[str]) -> None:
    """``Гаппоев, М.М. Арочные конструкции / М.М. Гаппоев // …`` read as editors from the first
    token: a heading in an entry with no role word before its source names the authors (the
    rules that follow then find its title and statement)."""
    n = len(tokens)
    j = 0
    while j < n and labels[j] == "editor":
        j += 1
    end = tokens.index("//") if "//" in tokens else n  # the source's own editors do not count
    if any(_ROLE_WORD.match(t) for t in tokens[:end]):
        return
    for x in range(j):
        labels[x] = "author"


_EDITOR_WORD = re.compile(r"^(?:[Ee]ds?\.?|[Ee]dited|[Rr]ed\.|[Hh]rsg\.|[Dd]er\.)$")
_RANGE_TOKEN = re.compile(r"^\d+[-–—]\d+[.,;]?$")


def _names_after_the_editor_word(tokens: list[str], labels: list[str]) -> None:
    """``ed. | Steven E. Lobell vd. 1-41.``: the names right after an editor's word that the
    model called translators are the editors it names, and a page range closing them is the
    pages."""
    n = len(tokens)
    for i in range(n - 1):
        if labels[i] != "editor" or not _EDITOR_WORD.match(tokens[i]):
            continue
        if i and labels[i - 1] == "editor":
            continue  # the word closes a list of editors ("Smith, J. (ed.)"): nothing follows
        j = i + 1
        while j < n and labels[j] == "translator":
            j += 1
        if j == i + 1:
            continue
        end = j
        if _RANGE_TOKEN.match(tokens[end - 1]):
            labels[end - 1] = "pages"
            end -= 1
        for x in range(i + 1, end):
            labels[x] = "editor"


_QUOTES = frozenset('"“”«»„')
_ROLE_PAREN = re.compile(
    r"^\((?:dir|éd|eds?|hrsg|hg|coord|red|ред|сост|haz|der)\.?\)[,.:]?$", re.IGNORECASE
)


def _role_closes_the_names(tokens: list[str], labels: list[str]) -> None:
    """``AGHION Irène (dir.), Caylus, mécène du roi : …``: a role in parentheses ends the names
    (they are editors); the words the model went on calling names are the title's."""
    for k in range(1, min(len(tokens), 30)):
        if labels[k] not in ("author", "editor"):
            return  # "Fraistat, Neil; | Julia Flanders (eds.)": the role is every name's
        if _ROLE_PAREN.match(tokens[k]):
            break
    else:
        return
    for x in range(k + 1):
        labels[x] = "editor"
    x = k + 1
    while x < len(labels) and labels[x] == "author":
        labels[x] = "title"
        x += 1


_BARE_INITIALS = re.compile(r"^[A-Z]{1,3}$")
_YEAR_COMMA = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?,$")


def _initials_then_year(tokens: list[str], labels: list[str], i: int) -> bool:
    """A name's bare initials at ``i`` (``VA``, ``J``), the bare year after them (``2006,``)."""
    return (
        labels[i - 1] == "author"
        and _BARE_INITIALS.match(tokens[i]) is not None
        and _YEAR_COMMA.match(tokens[i + 1]) is not None
    )


def _bare_initials_then_year(tokens: list[str], labels: list[str]) -> None:
    """Harvard (AGPS) ``Danilenko, VA & Nagornyy, VP 2006, ‘Title’``: initials without periods
    then the bare year end the names; the model, seeing no period, runs on."""
    for i in range(1, min(len(tokens) - 1, 60)):
        if _initials_then_year(tokens, labels, i) and labels[i + 1] in ("author", "title"):
            labels[i], labels[i + 1] = "author", "date"
            return


def _bare_initials_before_the_date(tokens: list[str], labels: list[str]) -> None:
    """``Pinka, J, Wittenberger, G & Engel, J 2007, Title``: the last name's bare initials
    before the year the model read; it takes them for a journal's or a title's first word."""
    for i in range(1, min(len(tokens) - 1, 60)):
        if labels[i + 1] == "date" and labels[i] != "author":
            if (
                tokens[i - 1].endswith(",")
                and _initials_then_year(tokens, labels, i)
                and "title" in labels[i + 2 :]  # "Kubis, ZUM 2006, 370": a law journal's name
            ):
                labels[i] = "author"
            return


# words a title cannot end on: the run goes on after them
_JOINERS = frozenset(
    ["and", "of", "the", "for", "in", "on", "with", "to", "a", "an", "und", "et", "и", "в", "на",
     "ve", "ile", "və"]
)  # fmt: skip


def _title_cannot_end_on_a_joiner(tokens: list[str], labels: list[str]) -> None:
    """``… unconventional oil and | gas: Monograph, …``: a title run that ends on "and" or "of"
    goes on to the next word's punctuation (the model gave that word to the note or genre)."""
    j = len(labels) - 1 - labels[::-1].index("title")
    if tokens[j] not in _JOINERS or labels[j - 1 : j] != ["title"]:
        return
    if tokens[j - 1][-1:] in "\"”»’" or tokens[j - 1].endswith((",", ";", ":")):
        return  # '"Introduction: …" in Roger Chartier': the quoted title closed before it
    for k in range(j + 1, min(j + 4, len(tokens))):
        if labels[k] not in ("note", "genre", "publisher", "location"):
            return
        labels[k] = "title"
        if tokens[k][-1:] in ".:,;?!":
            return


# "(to appear).", "(in press).", "(forthcoming).": the date of a work not yet out
_IN_PRESS_WORDS = tuple(tuple(f"({w})".split()) for w in IN_PRESS_WORDS)


def _in_press_date(tokens: list[str], labels: list[str]) -> None:
    """A parenthesised in-press word right after the authors is the date the model has not
    seen often enough to label (``Shagal, Ksenia, and Alena Blinova (to appear). Title``)."""
    for i in range(1, min(len(tokens), 40)):
        if labels[i - 1] != "author":
            continue
        for words in _IN_PRESS_WORDS:
            got = tuple(t.rstrip(".,").lower() for t in tokens[i : i + len(words)])
            if got == words:
                for x in range(i, i + len(words)):
                    labels[x] = "date"
                return


def _note_opening_title(tokens: list[str], labels: list[str]) -> None:
    """``2013. | Abydos: Tor zur | ägyptischen Unterwelt.``: a short note run between the date
    and the title, with no stop, number or quote of its own, is the title's start."""
    n = len(tokens)
    i = 0
    while i < n:
        if labels[i] != "note" or i == 0 or labels[i - 1] != "date":
            i += 1
            continue
        j = i
        while j + 1 < n and labels[j + 1] == "note":
            j += 1
        if (
            j + 1 < n
            and labels[j + 1] == "title"
            and tokens[i - 1].endswith(".")
            and not tokens[j].endswith((".", ";", ")", "]"))
            and j - i < 4
            and not any(c.isdigit() or c in _QUOTES for t in tokens[i : j + 1] for c in t)
        ):
            for x in range(i, j + 1):
                labels[x] = "title"
        i = j + 1


_OPEN_QUOTE = frozenset('"“«„‘')


def _author_before_quoted_title(tokens: list[str], labels: list[str]) -> None:
    """``News.ru. "Title" (2020)`` with no author read: words ending with a period right before
    the title's opening quote are its (group) author."""
    if "author" in labels or "editor" in labels or len(tokens) < 3 or labels[0] != "title":
        return
    for k in range(1, min(9, len(tokens))):
        if tokens[k][:1] in _OPEN_QUOTE:
            if tokens[k - 1].endswith(".") and all(labels[x] == "title" for x in range(k + 1)):
                for x in range(k):
                    labels[x] = "author"
            return


def _group_author_before_title(tokens: list[str], labels: list[str]) -> None:
    """``Antithrombotic Trialists’ Collaboration. Collaborative meta-analysis …`` with no author
    read: a first sentence of the title that names an organisation (a word such as
    Collaboration, Centers, Ministry, Organization, all words capitalised) is its group
    author, as Vancouver and AMA lists put it."""
    if "author" in labels or "editor" in labels or len(tokens) < 4 or labels[0] != "title":
        return
    for k in range(min(10, len(tokens) - 2)):
        if labels[k] != "title":
            return
        # "Bakanlıklararası Prodüktivite Merkezi, İş Tahlilleri, Ankara": a comma after the
        # body's own word ends it too
        ends = tokens[k].endswith(".") or (
            tokens[k].endswith(",") and _ORG_HINT.fullmatch(tokens[k].rstrip(",")) is not None
        )
        if ends and not _INITIAL_TOKEN.match(tokens[k]):
            head = tokens[: k + 1]
            name = " ".join(head).rstrip(".,")
            if (
                k >= 1
                and labels[k + 1] == "title"
                and all(_in_a_body_name(t) for t in head)
                and _ORG_HINT.search(name)
                and has_org_stem(name)
            ):
                for x in range(k + 1):
                    labels[x] = "author"
            return


_ORG_GLUE_WORDS = "of for and the on & in de la du des da do das dos del di für und et y e и"
_ORG_GLUE = frozenset(_ORG_GLUE_WORDS.split())


def _in_a_body_name(token: str) -> bool:
    """A word that can stand in an organisation's name: capitalised, or a joining word."""
    return token[:1].isupper() or token.lower() in _ORG_GLUE


def _group_author_runs_on(tokens: list[str], labels: list[str]) -> None:
    """A group author the model cut at a period or mid-name, the rest read as the title's first
    sentence: ``Brasil. | Ministério da Saúde. Doença …``, ``National Advisory | Committee on
    Immunization. Recommendations …``. The sentence joins the author when the author is a
    group's name (no initials) and the sentence names a body or finishes a name cut mid-way."""
    n = len(tokens)
    j = 0
    while j < n and labels[j] == "author":
        j += 1
    if j == 0 or j > 8 or j + 2 >= n or labels[j] != "title":
        return
    head = tokens[:j]
    if any(_INITIAL_TOKEN.match(t) or not _in_a_body_name(t) for t in head):
        return
    for k in range(j, min(j + 8, n - 1)):
        t = tokens[k]
        if labels[k] != "title" or not _in_a_body_name(t):
            return
        if t.endswith(".") and not _INITIAL_TOKEN.match(t):
            sentence = " ".join(tokens[j : k + 1])
            cut_mid_name = not head[-1].endswith((".", ",", ";", ":"))
            if labels[k + 1] == "title" and (cut_mid_name or has_org_stem(sentence)):
                for x in range(j, k + 1):
                    labels[x] = "author"
            return


_YEAR_ALONE = re.compile(r"^\(?(?:1[5-9]|20)\d\d[a-z]?\)?[.,]$")


def _name_then_year_then_title(tokens: list[str], labels: list[str]) -> None:
    """``Amnistie internationale. 2013. Empty Words …`` with no author read: a short first
    sentence, the year alone, then the title (Chicago author-date) – the sentence before the
    year is the (group) author, as the form puts it."""
    if len(tokens) < 3 or "author" in labels or "editor" in labels or labels[0] != "title":
        return
    n = len(tokens)
    for k in range(min(10, n - 2)):
        if labels[k] != "title" or any(c.isdigit() for c in tokens[k]):
            return
        if tokens[k].endswith("."):
            break
    else:
        return
    if _INITIAL_TOKEN.match(tokens[k]) or not _YEAR_ALONE.match(tokens[k + 1]):
        return
    if labels[k + 1] == "date" and labels[k + 2] == "title":
        for x in range(k + 1):
            labels[x] = "author"


def _publisher_after_book_title(tokens: list[str], labels: list[str]) -> None:
    """``*Title*. Alfred A. Knopf, 5. Edition, 1972.``: a run of capitalised words the model
    left as a note, right after a book's title and before its edition or date, is the
    publisher (a book with no journal, container or publisher read)."""
    if any(lab in ("publisher", "journal", "container") for lab in labels):
        return
    n = len(labels)
    for i in range(1, n):
        if labels[i] == "note" and labels[i - 1] == "title":
            j = i
            while j < n and labels[j] == "note":
                j += 1
            run = tokens[i:j]
            after = labels[j] if j < n else ""
            if (
                after in ("edition", "date", "location")
                and 1 <= len(run) <= 6
                and all(t[:1].isupper() or _INITIAL_TOKEN.match(t) for t in run)
                and not any(ch.isdigit() for t in run for ch in t)
            ):
                for x in range(i, j):
                    labels[x] = "publisher"
            return


# "война 1812 года", "1923 yılı", "1918-ci il": a year named inside a title, in the genitive
_YEAR_WORD_AFTER = re.compile(r"^(?:года|году|годов|гг?\.|yılı|yılında|ili)[.,:;]?$", re.IGNORECASE)


def _year_inside_a_name(tokens: list[str], labels: list[str]) -> None:
    """``// Отечественная война 1812 года: Источники … 2016.``: a year followed by the word
    "year" inside a title or source is part of its name when the entry has another date."""
    for i in range(1, len(tokens) - 1):
        if (
            labels[i] == "date"
            and tokens[i].isdigit()
            and _YEAR_WORD_AFTER.match(tokens[i + 1])
            and labels[i - 1] in ("title", "journal", "container")
            and any(labels[x] == "date" for x in range(len(tokens)) if x not in (i, i + 1))
        ):
            labels[i] = labels[i + 1] = labels[i - 1]


def _journal_before_internet(tokens: list[str], labels: list[str]) -> None:
    """NLM's ``Title. Journal Name [Internet]. 2010 Feb [cited …];28(1):1–27.`` read as one
    title: the sentence right before ``[Internet]`` is the journal when a volume follows and
    the title has a sentence before it (a book's ``Title [Internet]. 10th ed.`` keeps it)."""
    n = len(tokens)
    k = next((i for i in range(1, n) if tokens[i].startswith("[Internet]")), -1)
    if k < 2 or labels[k - 1] != "title" or "volume" not in labels[k:]:
        return
    start = k - 1
    while (
        start > 0
        and labels[start - 1] == "title"
        and not tokens[start - 1].endswith((".", "?", "!"))
    ):
        start -= 1
    if start == 0 or labels[start - 1] != "title" or k - start > 12:
        return  # no sentence of the title before it: the title itself
    for x in range(start, k):
        labels[x] = "journal"


def _heading_then_statement(tokens: list[str], labels: list[str]) -> None:
    """GOST 7.0.100 ``Surname, I.I. Title / I.I. Surname, … // Source`` read as one author run:
    the heading name ends at its initials, the title runs to the ``/``, the statement after it
    names the authors."""
    n = len(tokens)
    if n < 5 or labels[0] != "author" or "/" not in tokens:
        return
    slash = tokens.index("/")
    if any(lab != "author" for lab in labels[:slash]) or slash + 1 >= n:
        return
    if labels[slash + 1] != "author":
        return
    k = 1  # the heading: "Surname," then initials ("I.I.", "I. I.", "A.Y")
    while k < slash and _INITIAL_TOKEN.match(
        tokens[k].rstrip(",") + ("" if tokens[k].endswith(".") else ".")
    ):
        k += 1
    if k == 1 or slash - k < 1:
        return
    for x in range(k, slash):
        labels[x] = "title"
    # the statement names every author up to "//": a name the model left as a note is one more
    end = slash + 1
    while end < n and tokens[end] != "//" and labels[end] in ("author", "note"):
        end += 1
    statement = tokens[slash + 1 : end]
    if end < n and tokens[end] == "//" and all(_NAME_TOKEN.match(t) for t in statement):
        for x in range(slash + 1, end):
            labels[x] = "author"


def _statement_before_source(tokens: list[str], labels: list[str]) -> None:
    """GOST ``Title / I. I. Surname // Source. – 2008.`` where the model took the statement of
    responsibility for the source or a note: the statement goes with the title (``_title`` cuts
    it off and reads its names), and a source the model lost, from ``//`` to the next ``/`` or
    area dash, is the source again (a book's when an imprint follows, else a periodical's)."""
    if "//" not in tokens:
        return
    d = tokens.index("//")
    s = next((i for i in range(d - 1, 0, -1) if tokens[i] == "/"), -1)
    if s < 1 or not 1 <= d - s - 1 <= 12 or labels[s - 1] != "title":
        return
    if not all(_NAME_TOKEN.match(t) for t in tokens[s + 1 : d]):
        return
    if all(labels[x] == "author" for x in range(s + 1, d)):
        return  # read as the authors already (``_heading_then_statement``)
    for x in range(s, d):
        labels[x] = "title"
    n = len(tokens)
    e = d + 1
    # an area dash follows a period (". – М."), a dash in "(1853–1939)" does not
    while e < n and not (
        tokens[e] == "/" or (tokens[e] in ("–", "—", "-") and tokens[e - 1][-1:] in ".,")
    ):
        e += 1
    if e == d + 1 or any(labels[x] in ("journal", "container") for x in range(d + 1, e)):
        return
    book = any(t in (":", "М.", "М.:") or labels[x] in ("location", "publisher")
               for x, t in enumerate(tokens[e:], e))  # fmt: skip
    for x in range(d, e):
        labels[x] = "container" if book else "journal"


# a family name or initials in a GOST statement of responsibility ("Зайцев", "Е.М.,")
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][\w'’-]+|(?:[^\W\d_]{1,2}\.){1,3})[,;]?$")
# a number after its own label word, whatever else the model said it was ("вып. 2", "V.41.",
# "Iss.3", "№ 4"): the label word is the stronger evidence (Ukrainian "Вип." too)
_NUMBER_WORD = r"(?:[ТтVv]|Vol|vol|Cilt|Cild|Iss|Issue|No|no|Nr|Sayı|[Вв][ыи]п|№|núm)"
_NUMBER_LABEL = re.compile(r"^(?:" + _NUMBER_WORD + r"|Том|том)\.?$")
_NUMBER_LABELLED = re.compile(r"^" + _NUMBER_WORD + r"\.?\s*\d+[A-Za-z]?[.,;]?$")
_NUMBER = re.compile(r"^\d+[A-Za-z]?[.,;]?$")
_PAGE_LABEL_TOKEN = re.compile(r"^(?:pp?|Pp?|ss?|[Сс]|стр|səh)\.$")  # Turkish "S." is Sayı
_PAGE_RANGE_TOKEN = re.compile(r"^[A-Za-z]?\d+(?:[-–—][A-Za-z]?\d+)?[.,;]?$")


def _numbers_after_their_labels(tokens: list[str], labels: list[str]) -> None:
    """Volume and issue numbers the model read as a date or pages, taken back by their label
    words: ``т. 7, вып. | 2, март 2019`` and ``— V.41. —`` inside a date run; and pages read
    as the date that follows them (``pp. 273–324, Dec. 1997``)."""
    n = len(tokens)
    movable = ("date", "pages")
    for i in range(n):
        if labels[i] in movable and _NUMBER_LABELLED.match(tokens[i]):
            labels[i] = "volume"
        elif (
            labels[i] in ("date", "volume")
            and i + 1 < n
            and labels[i + 1] == labels[i]
            and _PAGE_LABEL_TOKEN.match(tokens[i])
            and _PAGE_RANGE_TOKEN.match(tokens[i + 1])
        ):
            labels[i] = labels[i + 1] = "pages"  # "pp. 273–324, Dec. 1997": pages before a date
        elif (
            labels[i] in ("date", "volume")
            and i + 1 < n
            and labels[i + 1] == "pages"
            and _PAGE_LABEL_TOKEN.match(tokens[i])
        ):
            labels[i] = "pages"  # "21,1, pp. | 67–93": the page label goes with its pages
        elif (
            labels[i] in (*movable, "volume")
            and i + 1 < n
            and _NUMBER_LABEL.match(tokens[i])
            and _NUMBER.match(tokens[i + 1])
            and labels[i + 1] in (*movable, "volume")
        ):
            labels[i] = labels[i + 1] = "volume"
        elif (
            tokens[i] in ("N", "N.")
            and labels[i] != "volume"
            and i + 1 < n
            and labels[i + 1] == "volume"
            and _NUMBER.match(tokens[i + 1])
            and not (i + 2 < n and tokens[i + 2].startswith("("))
        ):
            # GOST's Latin "N 2" for "№ 2": the sign says the number is an issue; "N 16 (3)"
            # uses it for the volume, so it stays out of the number
            labels[i] = "volume"


_ITALIC_CLOSE = re.compile(r"\*[.,:;)\]]*$")


def _italic_ends_title(tokens: list[str], labels: list[str]) -> None:
    """Markdown italics mark a book's title exactly: a title run that opened with ``*`` ends
    where the italics close, and what the model ran on into it (``*Title*. Alfred A. Knopf,
    1972``) is the publisher when the entry names none, else a note."""
    n = len(tokens)
    i = 0
    while i < n:
        if labels[i] != "title" or not tokens[i].startswith("*"):
            i += 1
            continue
        j = i
        while j < n and labels[j] == "title" and not _ITALIC_CLOSE.search(tokens[j]):
            j += 1
        k = j + 1  # first token after the italic close
        if j < n and k < n and labels[k] == "title":
            has_pub = "publisher" in labels
            while k < n and labels[k] == "title":
                labels[k] = "note" if has_pub else "publisher"
                k += 1
        i = k


# German and French humanities lists print "Vorname NACHNAME, Titel": a surname in capitals
# after the given names (and particles) ends a name; a name of the same shape may follow
# after "/", "und", "et", "and", "&" or a comma
_CAPS_WORD = re.compile(r"^[^\W\d_][^\W\d_’'-]+[,.:]?$")
_VOWELS = frozenset("AEIOUYÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜƏ")
_NAME_JOIN = frozenset({"/", "und", "et", "and", "&", "u."})


def _given_word(t: str) -> bool:
    """``Lisa``, ``Hans-Jürgen``, ``Jūratė``: a capital, then lower-case letters (a hyphen joins
    two such)."""
    return all(p[:1].isupper() and p[1:].isalpha() and p[1:].islower() for p in t.split("-"))


def _last_of_the_names(labels: list[str]) -> int:
    """The last token of the author run the entry opens with."""
    j = 0
    while j + 1 < len(labels) and labels[j + 1] == "author":
        j += 1
    return j


def _words_after_the_initials_are_the_title(tokens: list[str], labels: list[str]) -> None:
    """``Иванов И. И. Статья о науке // Вестник …`` read as names to ``//`` and no title: after
    the last initials of the run, words with a lower-case one among them and no initials are
    no name (a name is capitalised words and initials); they are the title."""
    j = _last_of_the_names(labels)
    last = max((x for x in range(j + 1) if _INITIAL_TOKEN.match(tokens[x])), default=-1)
    if last < 1 or last == j:
        return
    rest = tokens[last + 1 : j + 1]
    if any(t in _CONNECTOR or t.endswith(",") or "." in t.rstrip(".") for t in rest):
        return
    if not rest[0][:1].isupper() or not any(
        t[:1].islower() and t not in NAME_PARTICLES for t in rest
    ):
        return
    for x in range(last + 1, j + 1):
        labels[x] = "title"


def _words_before_a_bare_link_are_the_title(tokens: list[str], labels: list[str]) -> None:
    """``Mobil Oyun Yapımı, https://…, Erişim Tarihi: 2021-01-06`` read as a name, then the
    link: an entry with no title and no date whose few words and comma come before a link
    names the page (its title), not a person; an inverted name or one with initials stays."""
    j = _last_of_the_names(labels)
    if j >= 8 or j + 1 >= len(labels) or labels[j + 1] != "url":
        return
    if not tokens[j].endswith(",") or any(
        t.endswith(",") or _INITIAL_TOKEN.match(t) for t in tokens[:j]
    ):
        return  # "Tarnawsky, Nadia. https://…", "Association. Available at:": a name
    for x in range(j + 1):
        labels[x] = "title"


def _capitals_word_then_title(tokens: list[str], labels: list[str]) -> None:
    """``BRASIL. Base Nacional Comum Curricular. Brasília: MEC, 2017.`` (ABNT's government
    author, "UNESCO. Title."): one word in capitals closed by a full stop, then a capitalised
    title, read as the title's first word; it is the author."""
    if len(tokens) < 4 or labels[0] != "title" or labels[1] != "title":
        return
    word = tokens[0][:-1]
    if not (tokens[0].endswith(".") and len(word) >= 3 and word.isalpha() and word.isupper()):
        return
    if tokens[1][:1].isupper():
        labels[0] = "author"


def _guillemets_open_the_journal(tokens: list[str], labels: list[str]) -> None:
    """``Lettere al direttore. «Bollettino AIB», 43 (2003)`` read as one journal and no title
    (Italian AIB style puts the journal in guillemets): the sentence before ``«`` is the title."""
    for k in range(1, len(tokens)):
        if (
            tokens[k].startswith("«")
            and labels[k] in ("journal", "container")
            and labels[k - 1] == labels[k]
            and tokens[k - 1].endswith(".")
        ):
            x = k - 1
            while x >= 0 and labels[x] == labels[k]:
                labels[x] = "title"
                x -= 1
            return


def _capital_name_end(tokens: list[str], i: int) -> int:
    """Where a ``Given [particle] SURNAME`` name starting at ``i`` ends (its last token), or -1."""
    k = i
    given = 0
    while k < len(tokens) and k - i < 4:
        t = tokens[k]
        if _given_word(t):
            given += 1
        elif t not in NAME_PARTICLES or not given:
            break
        k += 1
    if given == 0 or k >= len(tokens) or not _CAPS_WORD.match(tokens[k]):
        return -1
    if not tokens[k].rstrip(",.:").isupper():
        return -1
    core = tokens[k].rstrip(",.:")
    # a surname, not Vancouver's initials ("Marcusson LL,", "Adam PCG,"): four letters, a vowel
    word = sum(ch.isalpha() for ch in core) >= 4 and any(ch in _VOWELS for ch in core)
    return k if word else -1


def _plain_name_follows(tokens: list[str], k: int) -> bool:
    """``Jūratė Kiaupienė,``: two or three capitalised words, the last closed by a comma."""
    for n in (2, 3):
        words = tokens[k : k + n]
        if (
            len(words) == n
            and all(_given_word(w.rstrip(",")) for w in words)
            and words[-1].endswith(",")
            and not any(w.endswith(",") for w in words[:-1])
        ):
            return True
    return False


def _capitals_surname_closes_the_names(tokens: list[str], labels: list[str]) -> None:
    """``Lisa DITTRICH, Antiklerikalismus in Europa.`` read as one name: the names end at the
    capitals' comma, the words after it are the title."""
    end = _capital_name_end(tokens, 0)
    if end < 0:
        return
    while end + 1 < len(tokens) and labels[end] == "author":
        nxt = end + 1
        if tokens[end].endswith(",") or tokens[nxt] in _NAME_JOIN:
            start = nxt + 1 if tokens[nxt] in _NAME_JOIN else nxt
            more = _capital_name_end(tokens, start)
            if more >= 0:
                end = more
                continue
        break
    if not tokens[end].endswith(","):
        return
    k = end + 1
    if _plain_name_follows(tokens, k):
        return  # "Zigmantas KIAUPA, Jūratė Kiaupienė, …": the others' names not in capitals
    while k < len(tokens) and labels[k] == "author":
        labels[k] = "title"
        k += 1


# the connectors of a Latin-script list, as a name list writes them (lower-case)
_NAME_CONNECTOR = _CONNECTOR - {"и", "And", "AND"}
_CAP_WORD = re.compile(r"^[^\W\d_][\w'’.-]*[,.]?$")


def _given_first_names_after_the_first(tokens: list[str], labels: list[str]) -> None:
    """``Bourassa, Renée, | Lucile Haute, et Gilles Rouhneau. Editions …``: Chicago's later
    names, given name first and joined by a connector in the list's language (French ``et``,
    Spanish ``y``, German ``und``), read as the title; names of one to three capitalised words
    each, the last closed by a period, go back to the authors."""
    n = len(tokens)
    if labels[0] != "author":
        return  # the rules before may have made the opening names a title
    i = _last_of_the_names(labels) + 1
    if not (i < n and tokens[i - 1].endswith(",") and labels[i] == "title"):
        return
    x, words, joined = i, 0, False
    while x < n and labels[x] == "title" and x - i < 16:
        t = tokens[x]
        if t in _NAME_CONNECTOR and words == 0 and x > i:
            joined = True
        elif _CAP_WORD.match(t) and t[0].isupper() and words < 3:
            words += 1
            if t.endswith("."):
                if joined and words >= 2:
                    for y in range(i, x + 1):
                        labels[y] = "author"
                return
            if t.endswith(","):
                words = 0
        else:
            return
        x += 1


_SURNAME = re.compile(r"^[^\W\d_][^\W\d_'’]*(?:-[^\W\d_][^\W\d_'’]*)?$")


def _is_initial(token: str) -> bool:
    """``И.И.,``, ``N.``: capitals with stops (``al.,`` and ``Jr.`` are none)."""
    return (
        _INITIAL_TOKEN.match(token) is not None
        and token[:1].isupper()
        and token.rstrip(".,;")[-1:].isupper()
    )


def _names_at(tokens: list[str], k: int) -> int:
    """The last token of a run of names starting at ``k`` (``Surname I.I.,``, ``Surname, I.,``
    or ``I.I. Surname,``; ``&``/``и`` before the last), or -1."""
    end = -1
    m = k
    n = len(tokens)
    while m + 1 < n:
        if end >= 0 and tokens[m] in _CONNECTOR:
            m += 1
        x = m
        while x < n and x - m < 2 and _is_initial(tokens[x]):
            x += 1
        if x > m:  # initials first: "Т.П. Бойко,"
            if x >= n or not _SURNAME.match(tokens[x].rstrip(".,")) or not tokens[x][:1].isupper():
                break
            end = x
        else:
            if not (tokens[m][:1].isupper() and _SURNAME.match(tokens[m].rstrip(","))):
                break
            x = m + 1
            while x < n and x - m <= 2 and _is_initial(tokens[x]):
                x += 1
            if x == m + 1:
                break
            end = x - 1
        if not tokens[end].endswith(","):
            break
        m = end + 1
    return end


def _title_then_names_then_source(tokens: list[str], labels: list[str]) -> None:
    """``Открытый корпус вепсского языка Муллонен И.И., Новак И.П. Вестник РАН. 2024. № 9.``
    (eLibrary's lists, copied: the title first, no stop after it, then the names, then the
    source) read as one long name: words with no initials among them and a lower-case or an
    all-capitals one, then ``Surname I.I.`` names, are the title; what follows the names up to
    its full stop is the source."""
    if len(tokens) < 7 or "//" in tokens:
        return
    for j in range(1, min(len(tokens) - 3, 40)):
        t = tokens[j - 1]
        if _INITIAL_TOKEN.match(t) or t.endswith((".", ",", ";")) or labels[j - 1] not in (
            "author",
            "title",
        ):
            return  # a stop or a comma before the names: an entry of another shape
        if j < 3:
            continue
        k, end = j, _names_at(tokens, j)
        if end < 0:
            continue
        if end < k + 3 and (later := _names_at(tokens, k + 1)) > end:
            # "языков Карелии Т.П. Бойко, Н.Г. Зайцева": the title's last word and the first
            # initials look like a name; the run that starts at the initials is the longer
            k, end = k + 1, later
        head = [w for w in tokens[:k] if w not in "–—-"]
        if head[-1] in _CONNECTOR or any(w in _CONNECTOR or w == "/" for w in head[-2:]):
            return  # "Robert Bieri and J. R. J. Groves,": names given first, not a title
        words = [w for w in head if w not in _CONNECTOR and w.lower() not in NAME_PARTICLES]
        if sum(w[:1].islower() for w in words) < 2 and not all(
            w.isupper() or not w.isalpha() for w in head
        ):
            return
        if end + 1 >= len(tokens) or not tokens[end + 1][:1].isupper():
            return
        for x in range(k):
            labels[x] = "title"
        if tokens[k - 1].lower() == "by":
            labels[k - 1] = "note"  # '"Adaptive Control" by J. Wang, G. Lin.'
        for x in range(k, end + 1):
            labels[x] = "author"
        x = end + 1
        while x < len(labels) and labels[x] in ("title", "author"):
            labels[x] = "journal"
            if tokens[x].endswith("."):
                break
            x += 1
        return


_SITE_KIND = re.compile(
    r"^\[?(?:сайт|веб-сайт|website|site|sayt|web\s?sayt)\]?[.,]?$", re.IGNORECASE
)


def _site_then_page_then_kind(tokens: list[str], labels: list[str]) -> None:
    """``Политрейд : Хладон 134 : сайт. – Москва, 2020 – . – URL : …`` (GOST R 7.0.100-2018's
    page of a site): the site's name, the page's title, then ``сайт``, the kind of resource;
    no author. Read as a name, a note and a place otherwise."""
    if len(tokens) < 6 or tokens[0] == ":":
        return
    colons = [k for k in range(min(len(tokens), 40)) if tokens[k] == ":"]
    if len(colons) < 2:
        return
    a, b = colons[0], colons[1]
    if a > 8 or b - a < 2 or b + 1 >= len(tokens) or not _SITE_KIND.match(tokens[b + 1]):
        return
    for x in range(a + 1):
        labels[x] = "container"
    for x in range(a + 1, b):
        labels[x] = "title"
    labels[b] = labels[b + 1] = "note"


_OPEN_YEAR_COMMA = re.compile(r"\(?\d{4}[a-z]?,")


def _month_after_the_year(tokens: list[str], labels: list[str]) -> None:
    """Google Scholar's Harvard, ``Qin, C., 2014, October. Room allocation …``: the month after
    the year's comma closes the date (the model opens the title with it)."""
    for k in range(1, len(tokens)):
        if (
            labels[k] == "title"
            and labels[k - 1] == "date"
            and tokens[k].endswith(".")
            and _OPEN_YEAR_COMMA.fullmatch(tokens[k - 1])
            and _month(tokens[k]) is not None
        ):
            labels[k] = "date"
            return


# Spanish and Portuguese for "In" before a chapter's book
_EN_WORDS = frozenset({"En", "En:", "Em", "Em:"})


def _en_opens_the_book(tokens: list[str], labels: list[str]) -> None:
    """``… competencias comunicativas: pp.25-46. En: El poder de las palabras. CDMX: Santillana.``:
    the model, trained on English "In", reads the Spanish "En" as the title going on (or as a
    place, after pages). After the title's end, an ``En`` before a capital (a subtitle would go
    on in lower case, ``En busca de …``) opens the book, which runs to the end of those title
    words."""
    for k in range(1, len(tokens) - 1):
        if (
            tokens[k] in _EN_WORDS
            and labels[k] in ("title", "location")
            and labels[k - 1] in ("title", "pages")
            and tokens[k - 1][-1:] in ".:?!"
            and (tokens[k].endswith(":") or tokens[k + 1][:1].isupper())
            and labels[k + 1] == "title"
            and "title" in labels[:k]
        ):
            labels[k] = "container"
            m = k + 1
            while m < len(tokens) and labels[m] == "title":
                labels[m] = "container"
                m += 1
            return


def _a_opens_a_cura_di(tokens: list[str], labels: list[str]) -> None:
    """``…, a | cura di Piero Innocenti``: the model reads ``cura di`` as the role (the features
    give it ``edited by``) and leaves the ``a`` to the book's title; it opens the role."""
    for k in range(len(tokens) - 2):
        if tokens[k + 1] == "cura" and tokens[k + 2] == "di" and tokens[k].lower() == "a":
            labels[k] = labels[k + 1]
