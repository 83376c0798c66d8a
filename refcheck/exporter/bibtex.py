"""BibTeX and BibLaTeX through pybtex's database model (BibliographyData / Entry / Person).

The entries are pybtex objects and pybtex's writer lays them out; only two of its habits are
replaced (see :class:`SafeWriter`): values are escaped by :mod:`refcheck.exporter.latex` instead of
latexcodec (which loses Turkish letters and rejects ə and Cyrillic), and every value is braced.
A manuscript is untrusted input, so nothing from it reaches the file as live LaTeX: text fields
are escaped, URL/DOI fields (verbatim in biblatex) only have braces, backslashes and spaces
percent-encoded, and ``%`` comments refcheck adds are stripped of ``@`` and line breaks.
"""

from __future__ import annotations

import io
import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TextIO

from pybtex.database import BibliographyData, Entry
from pybtex.database import Person as BibPerson
from pybtex.database.output.bibtex import Writer
from pybtex.utils import OrderedCaseInsensitiveDict

from refcheck.exporter import latex
from refcheck.exporter.keys import citation_keys, romanise, title_forms, trusted_language
from refcheck.model import Agent, Organization, ParseStatus, Reference

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# ISO 639-1 → babel/polyglossia language name, what biblatex's ``langid`` and classic styles'
# ``language`` expect (every language babel ships a name for that a detector can report).
# Azerbaijani is babel's ``azerbaijani`` (babel-azerbaijani; polyglossia and biblatex have no
# localisation for it, so biblatex falls back to English strings). A code without a babel
# name is left out with a comment above the entry, never silently.
LANGIDS: dict[str, str] = {
    "af": "afrikaans", "ar": "arabic", "az": "azerbaijani", "be": "belarusian",
    "bg": "bulgarian", "ca": "catalan", "cs": "czech", "cy": "welsh", "da": "danish",
    "de": "ngerman", "el": "greek", "en": "english", "eo": "esperanto", "es": "spanish",
    "et": "estonian", "eu": "basque", "fa": "persian", "fi": "finnish", "fr": "french",
    "ga": "irish", "gl": "galician", "he": "hebrew", "hi": "hindi", "hr": "croatian",
    "hu": "magyar", "hy": "armenian", "id": "indonesian", "is": "icelandic", "it": "italian",
    "ka": "georgian", "kk": "kazakh", "ku": "kurmanji", "la": "latin", "lt": "lithuanian",
    "lv": "latvian", "mk": "macedonian", "mn": "mongolian", "ms": "malay", "nb": "norsk",
    "nl": "dutch", "nn": "nynorsk", "no": "norsk", "pl": "polish", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sk": "slovak", "sl": "slovene", "sq": "albanian",
    "sr": "serbian", "sv": "swedish", "th": "thai", "tk": "turkmen", "tr": "turkish",
    "uk": "ukrainian", "ur": "urdu", "uz": "uzbek", "vi": "vietnamese",
}  # fmt: skip
# (bibtex type, biblatex type) per CSL type; anything else is misc/misc.
ENTRY_TYPES: dict[str, tuple[str, str]] = {
    "article-journal": ("article", "article"),
    "article": ("article", "article"),
    "article-magazine": ("article", "article"),
    "article-newspaper": ("article", "article"),
    "book": ("book", "book"),
    "chapter": ("incollection", "incollection"),
    "report": ("techreport", "report"),
    "webpage": ("misc", "online"),
    "post": ("misc", "online"),
    "post-weblog": ("misc", "online"),
    "thesis": ("phdthesis", "thesis"),
    "paper-conference": ("inproceedings", "inproceedings"),
}
# biblatex-apa's subtype for periodicals that are not journals: it prints the full date and no
# bracketed "[newspaper]" (a subtype it does not know is printed as a description)
_SUBTYPES = {"article-magazine": "nonacademic", "article-newspaper": "nonacademic"}
# " and " inside biblatex's list fields (publisher, location, institution, organization)
# separates items ("Simon; Schuster"): the word is braced there
_AND = re.compile(r"(?<=\s)(and|others)(?=\s|$)", re.IGNORECASE)
_INITIALS = re.compile(r"(?<=[^\W\d_]\.)(?=[^\W\d_])")

_URL_UNSAFE = re.compile(r"[{}\\\s\"\x00-\x1f\x7f]")
_URL_UNSAFE_ASCII = re.compile(r"[{}\\\s\"\x00-\x1f\x7f-\U0010ffff]")
_COMMENT_UNSAFE = re.compile(r"[@\r\n]+")


def _url(value: str, ascii: bool = False) -> str:
    """URL/DOI for a verbatim field: percent-encode only what could break or escape the field.

    In 7-bit output non-ASCII characters (an IRI's "Türkiye") are percent-encoded as UTF-8 too,
    which is the URI form of the same address.
    """
    pattern = _URL_UNSAFE_ASCII if ascii else _URL_UNSAFE
    return pattern.sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass")), value
    )


@dataclass(frozen=True)
class BibOptions:
    """How to write: ``biblatex`` field names or classic BibTeX, UTF-8 or 7-bit, romanisation."""

    biblatex: bool = False
    ascii: bool = False
    scheme: str = "ala-lc"
    script: str = "romanised"  # or "original": non-Latin entries in their own script

    @property
    def text_scheme(self) -> str:
        """The scheme for field text: "" (no romanisation) when the original script is wanted."""
        return self.scheme if self.script == "romanised" else ""


@dataclass
class _Notes:
    """Comments refcheck writes above entries, and file-level needs (schwa support)."""

    per_key: dict[str, list[str]] = field(default_factory=dict)
    schwa: bool = False

    def add(self, key: str, text: str) -> None:
        self.per_key.setdefault(key, []).append(text)


class SafeWriter(Writer):  # type: ignore[misc]  # pybtex is untyped
    """pybtex's BibTeX writer with values already escaped and always braced.

    pybtex's own ``_encode`` runs latexcodec (lossy here, and it lets ``\\input`` through) and its
    ``quote`` picks ``"…"`` or ``{…}``; ours passes the pre-escaped value through and always braces.
    """

    def __init__(self, notes: _Notes | None = None, header: Sequence[str] = ()) -> None:
        super().__init__(encoding="utf-8")
        self.notes = notes or _Notes()
        self.header = list(header)

    def _encode(self, text: str) -> str:
        return text

    def quote(self, s: str) -> str:
        # values come from latex.escape, which only emits balanced groups; pybtex's full
        # check_braces scan costs more than the rest of the writer, so count instead
        if s.count("{") != s.count("}"):
            self.check_braces(s)
        return "{" + s + "}"

    def _field(self, type: str, value: str) -> str:
        """One ``name = {value}`` line of an entry, as pybtex's ``_write_field`` writes it."""
        if type == "month" and value in MONTHS:
            # the standard month macro (jan … dec), what BibTeX styles and biber expect
            return f",\n    {type} = {value[:3].lower()}"
        return f",\n    {type} = {self.quote(value)}"

    def _write_field(self, stream: TextIO, type: str, value: str) -> None:
        stream.write(self._field(type, value))

    def _format_name(self, stream: TextIO | None, person: BibPerson) -> str:
        """pybtex's ``_format_name`` ("von Last, Jr, First Middle"), reading the parts directly."""
        first = " ".join(person.first_names)
        middle = " ".join(person.middle_names)
        last = " ".join(person.last_names)
        lineage = " ".join(person.lineage_names)
        s = ""
        if last:
            prelast = " ".join(person.prelast_names)
            s += f"{prelast} {last}" if prelast else last
        if lineage:
            s += f", {lineage}"
        if first or middle:
            s += ", " + (f"{first} {middle}" if first and middle else first or middle)
        return s

    def write_stream(self, bib_data: BibliographyData, stream: TextIO) -> None:
        # the file is assembled as a list of strings and written once: per-field stream writes
        # and pybtex's per-person helpers were a large share of the export time
        out: list[str] = [comment(line) + "\n" for line in self.header]
        if self.header:
            out.append("\n")
        if bib_data.preamble:
            out.append("@preamble{" + self.quote(bib_data.preamble) + "}\n\n")
        per_key = self.notes.per_key
        field = self._field
        name_of = self._format_name
        entries = bib_data.entries
        for n, key in enumerate(entries):
            entry = entries[key]
            if n:
                out.append("\n")
            for note in per_key.get(key, ()):
                # notes quote the manuscript (a parser's reason): escaped like any field
                out.append(comment(latex.escape(note, ascii=True)) + "\n")
            out.append(f"@{entry.original_type}{{{key}")
            persons = entry.persons
            for role in persons:
                if plist := persons[role]:
                    out.append(field(role, " and ".join([name_of(None, p) for p in plist])))
            fields = entry.fields
            for name in fields:
                value = fields[name]
                if value.count("{") == value.count("}") and name != "month":
                    out.append(f",\n    {name} = {{{value}}}")  # _field, inlined: the common case
                else:
                    out.append(field(name, value))
            out.append("\n}\n")
        stream.write("".join(out))

    def _write_preamble(self, stream: TextIO, preamble: str) -> None:
        if preamble:
            stream.write("@preamble{" + self.quote(preamble) + "}\n\n")


def comment(text: str) -> str:
    """A ``%`` comment line that cannot start an entry (no ``@``) or span lines."""
    return "% " + _COMMENT_UNSAFE.sub(" ", text).strip()


@lru_cache(maxsize=16384)
def _name_part(text: str, scheme: str, ascii: bool) -> str:
    """One name part, escaped; ``and``/``others`` braced so BibTeX does not split on them.

    Cached: a reference list repeats its authors and their given names many times (the key is
    plain strings: hashing the frozen ``BibOptions`` dataclass would cost a Python call).
    """
    words = []
    # "D.R." is one name part to BibTeX and biber ("Lee, D."): initials are spaced first
    for w in _INITIALS.sub(" ", romanise(text, scheme)).split():
        enc = latex.escape(w, ascii=ascii)
        # "and", "others" and commas are name-list syntax to BibTeX: brace them as text
        words.append("{" + enc + "}" if w.lower() in ("and", "others") or "," in enc else enc)
    return " ".join(words)


@lru_cache(maxsize=16384)
def _short_text(value: str, scheme: str, ascii: bool) -> str:
    """A short field (journal, publisher, place, volume …) romanised and escaped.

    Cached: these strings repeat across a reference list (the same journals and publishers).
    """
    return latex.escape(latex.smart_quotes(romanise(value, scheme)), ascii=ascii) if value else ""


def _list_literal(value: str) -> str:
    """An escaped publisher/location/organization with "and"/"others" braced as text."""
    return _AND.sub(r"{\1}", value) if " " in value else value


def _person(
    last: Sequence[str],
    first: Sequence[str] = (),
    prelast: Sequence[str] = (),
    lineage: Sequence[str] = (),
) -> BibPerson:
    """A pybtex Person from parts that are already split and escaped.

    ``Person(first=…, last=…)`` would re-split every part with ``split_tex_string`` (and runs
    it five times even for empty parts), which was the largest cost of building the entries;
    the parts here are final, so they are set directly, as ``Person`` itself stores them.
    """
    p: BibPerson = BibPerson.__new__(BibPerson)
    p.first_names = list(first)
    p.middle_names = []
    p.prelast_names = list(prelast)
    p.last_names = list(last)
    p.lineage_names = list(lineage)
    return p


def bib_person(agent: Agent, opts: BibOptions) -> BibPerson:
    """A pybtex Person: particles in ``prelast``, suffix in ``lineage``, groups braced whole."""
    if isinstance(agent, Organization):
        return _person(["{" + _short_text(agent.name, opts.text_scheme, opts.ascii) + "}"])
    scheme, ascii = opts.text_scheme, opts.ascii
    family = _name_part(agent.family or agent.given, scheme, ascii)  # a lone given name is the name
    if " " in family:
        family = "{" + family + "}"  # "García Márquez" is one family name, not given + family
    given = agent.given.replace(",", " ") if agent.given and agent.family else ""
    return _person(
        [family] if family else (),
        first=[_name_part(given, scheme, ascii)] if given else (),
        prelast=[_name_part(agent.particle, scheme, ascii)] if agent.particle else (),
        lineage=[_name_part(agent.suffix, scheme, ascii)] if agent.suffix else (),
    )


def _title(ref: Reference, opts: BibOptions) -> tuple[str, str]:
    """(main title, the title in the other script) for the chosen ``script``.

    Romanised (APA): the romanised title is the title. biblatex-apa prints ``origtitle`` as the
    title and ``title`` after it in brackets, as for a translation, so the other form goes to
    ``usera``, a field of biblatex's data model that no standard style prints.
    """
    roman, original = title_forms(ref, opts.scheme)
    if not original or opts.script == "romanised":
        return roman, original
    return original, roman


def _date_fields(ref: Reference, opts: BibOptions) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if ref.in_press:
        if opts.biblatex:
            out.append(("pubstate", "inpress"))
        else:
            out.append(("year", "in press"))
        return out
    if ref.no_date or ref.year is None:
        if not opts.biblatex:
            out.append(("year", "n.d."))
        return out
    d = ref.date if ref.date is not None and ref.date.year == ref.year else None
    if opts.biblatex:
        out.append(("date", d.iso() if d is not None else f"{ref.year:04d}"))
    else:
        out.append(("year", str(ref.year)))
        if d is not None and d.month is not None and 1 <= d.month <= 12:
            out.append(("month", MONTHS[d.month - 1]))
    return out


def bib_entry(ref: Reference, key: str, opts: BibOptions, notes: _Notes) -> Entry:
    """One pybtex Entry for one reference (unparsed ones as ``misc`` with the raw text in note)."""
    a = opts.ascii
    unparsed = ref.status is ParseStatus.UNPARSED
    bib_type, bl_type = ENTRY_TYPES.get(ref.type, ("misc", "misc"))
    etype = "misc" if unparsed else (bl_type if opts.biblatex else bib_type)
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str) -> None:
        if value:
            fields.append((name, value))

    def text(value: str) -> str:
        return _short_text(value, opts.text_scheme, a) if value else ""

    def titled(value: str) -> str:
        return latex.protect_case(latex.smart_quotes(value), ascii=a)

    if opts.biblatex and ref.type in _SUBTYPES and not unparsed:
        add("entrysubtype", _SUBTYPES[ref.type])
    title, other = _title(ref, opts)
    add("title", titled(title))
    if other:
        if a:
            notes.add(key, "original Cyrillic title omitted in 7-bit output (use encoding utf-8)")
        else:
            add("usera", titled(other))
    if ref.title_translation:
        add("titleaddon", titled(romanise(ref.title_translation, opts.text_scheme)))
    container = text(ref.container_title)
    if container:
        if etype == "article":
            add("journaltitle" if opts.biblatex else "journal", container)
        elif etype in ("incollection", "inproceedings"):
            # biblatex-apa sentence-cases booktitle: capitals are protected as in titles
            add("booktitle", titled(romanise(ref.container_title, opts.text_scheme)))
        elif etype == "online":
            add("organization", _list_literal(container))
        else:
            add("howpublished", container)
    for name, value in _date_fields(ref, opts):
        add(name, value)
    if ref.original_year is not None:
        add("origdate", f"{ref.original_year:04d}")
    add("edition", text(ref.edition))
    add("volume", text(ref.volume))
    add("number", text(ref.issue))
    add("pages", latex.pages(ref.pages, ascii=a) if ref.pages else "")
    publisher = _list_literal(text(ref.publisher))
    if etype in ("techreport", "report"):
        if not publisher and ref.authors and isinstance(ref.authors[0], Organization):
            # APA drops the publisher when it is the group author; BibTeX and biblatex require
            # a report's institution, and it is that author
            publisher = _list_literal(text(ref.authors[0].name))
        add("institution", publisher)
    elif etype in ("phdthesis", "thesis"):
        add("institution" if opts.biblatex else "school", publisher)
    else:
        add("publisher", publisher)
    add("location" if opts.biblatex else "address", _list_literal(text(ref.place)))
    add("type", text(ref.genre))
    add("doi", _url(ref.doi, a))
    add("url", _url(ref.url, a))
    if ref.accessed is not None and ref.accessed.year is not None:
        add("urldate", ref.accessed.iso())
    code = trusted_language(ref)
    lang = LANGIDS.get(code, "")
    if code and not lang:
        notes.add(key, f"language {code!r} has no babel name: langid left out")
    add("langid" if opts.biblatex else "language", lang)
    if ref.status is not ParseStatus.PARSED:
        add("note", latex.escape(latex.smart_quotes(romanise(ref.raw, opts.text_scheme)), ascii=a))
        why = f": {ref.reason}" if ref.reason else ""
        notes.add(key, f"refcheck: {ref.status.value} entry {ref.index} (line {ref.line}){why}")
    if a:
        sources = [title, ref.title_translation, ref.container_title, ref.edition, ref.volume]
        sources += [ref.issue, ref.pages, ref.publisher, ref.place, ref.genre]
        sources += [_agent_text(ag) for ag in ref.authors + ref.editors]
        if ref.status is not ParseStatus.PARSED:
            sources.append(ref.raw)
        lossy = latex.unmappable(" ".join(romanise(x, opts.text_scheme) for x in sources if x))
        if lossy:
            from unidecode import unidecode

            notes.add(key, f"characters transliterated (no 7-bit LaTeX form): {unidecode(lossy)}")
        if not notes.schwa and (
            any(_has_schwa(t) for t in (ref.raw, ref.title, ref.container_title))
            or any(_has_schwa(_agent_text(ag)) for ag in ref.authors + ref.editors)
        ):
            notes.schwa = True
    persons: dict[str, list[Any]] = {}
    if ref.authors or ref.et_al:
        persons["author"] = [bib_person(x, opts) for x in ref.authors if _agent_text(x).strip()]
        if ref.et_al:
            persons["author"].append(_person(["others"]))  # what Person("others") parses to
    if ref.editors:
        persons["editor"] = [bib_person(x, opts) for x in ref.editors if _agent_text(x).strip()]
    return _entry(etype, fields, [(role, plist) for role, plist in persons.items() if plist])


def _lower_keyed(pairs: Iterable[tuple[str, Any]]) -> OrderedCaseInsensitiveDict:
    """pybtex's ordered case-insensitive dict of ``pairs`` whose keys are already lower case.

    ``OrderedCaseInsensitiveDict(pairs)`` copies its input three times, twice through Python
    generators, and ``Entry()`` builds two of them per entry: about a fifth of the time spent
    building the entries. This fills the same two tables in C; :data:`_FAST_PYBTEX` (checked at
    import against pybtex's own constructors) turns it off should pybtex ever store them
    differently.
    """
    d = OrderedCaseInsensitiveDict.__new__(OrderedCaseInsensitiveDict)
    d._dict = values = dict(pairs)
    d._keys = OrderedDict(zip(values, values, strict=True))
    return d


def _entry_fast(
    etype: str, fields: list[tuple[str, str]], persons: list[tuple[str, list[Any]]]
) -> Entry:
    """What ``Entry(etype, fields=fields, persons=persons)`` builds, for lower-case keys."""
    e: Entry = Entry.__new__(Entry)
    e.type = etype.lower()
    e.original_type = etype
    e.fields = _lower_keyed(fields)
    e.persons = _lower_keyed(persons)
    return e


def _state(obj: object) -> object:
    """An object's attributes, recursively for pybtex's dicts, with their types: for comparing."""
    if isinstance(obj, (Entry, OrderedCaseInsensitiveDict)):
        return type(obj), {k: _state(v) for k, v in vars(obj).items()}
    if isinstance(obj, dict):
        return type(obj), list(obj.items())  # OrderedDict and dict: order matters too
    return type(obj), obj


def _fast_pybtex_ok() -> bool:
    """Whether :func:`_entry_fast` builds exactly what pybtex's ``Entry`` constructor builds."""
    fields = [("title", "T"), ("journal", "J"), ("title", "U")]
    persons = [("author", [_person(["A"])]), ("editor", [_person(["E"])])]
    try:
        fast = _entry_fast("Article", fields, persons)
        slow = Entry("Article", fields=fields, persons=dict(persons))
        return _state(fast) == _state(slow) and list(fast.fields.items()) == [
            ("title", "U"),
            ("journal", "J"),
        ]
    except Exception:  # pragma: no cover - a pybtex whose internals differ
        return False


_FAST_PYBTEX = _fast_pybtex_ok()


def _entry(
    etype: str, fields: list[tuple[str, str]], persons: list[tuple[str, list[Any]]]
) -> Entry:
    """A pybtex Entry (field names and roles are refcheck's own, all lower case)."""
    if _FAST_PYBTEX:
        return _entry_fast(etype, fields, persons)
    return Entry(etype, fields=fields, persons=dict(persons))  # pragma: no cover


def _has_schwa(text: str) -> bool:
    return "ə" in text or "Ə" in text


def _agent_text(agent: Agent) -> str:
    if isinstance(agent, Organization):
        return agent.name
    return f"{agent.particle} {agent.family} {agent.given} {agent.suffix}"


# The capital schwa: T2A's glyph (\CYRSCHWA, the same shape) when the document loads that font
# encoding, else the argument, tipa's lower-case schwa; decoders that skip unknown macros read the
# argument, so the letter survives a round trip through pylatexenc/bibtexparser.
SCHWA_PREAMBLE = (
    r"\providecommand{\textSchwa}[1]{\ifcsname T2A\string\CYRSCHWA\endcsname"
    r"{\fontencoding{T2A}\selectfont\CYRSCHWA}\else#1\fi}"
)


def to_bibliography(
    refs: Sequence[Reference], opts: BibOptions | None = None
) -> tuple[BibliographyData, _Notes]:
    """The pybtex database for the references, plus refcheck's per-entry comments."""
    opts = opts or BibOptions()
    notes = _Notes()
    keys = citation_keys(refs, opts.scheme)
    data = BibliographyData()
    for ref, key in zip(refs, keys, strict=True):
        data.add_entry(key, bib_entry(ref, key, opts, notes))
    if notes.schwa:
        data.add_to_preamble(SCHWA_PREAMBLE)
    return data, notes


def to_bibtex(
    refs: Sequence[Reference],
    *,
    biblatex: bool = False,
    encoding: str = "utf-8",
    scheme: str = "ala-lc",
    script: str = "romanised",
) -> str:
    """Write the references as a .bib file (BibTeX or BibLaTeX field names)."""
    from refcheck.errors import ExportError
    from refcheck.exporter.keys import check_script

    enc = encoding.lower().replace("_", "-")
    if enc not in ("utf-8", "utf8", "ascii"):
        raise ExportError(f"unknown encoding {encoding!r} (expected utf-8 or ascii)")
    check_script(script)
    if script == "original" and enc == "ascii":
        raise ExportError("--script original needs --encoding utf-8 (7-bit LaTeX has no Cyrillic)")
    opts = BibOptions(biblatex=biblatex, ascii=enc == "ascii", scheme=scheme, script=script)
    data, notes = to_bibliography(refs, opts)
    header = [
        f"refcheck export: {len(refs)} entries, {'biblatex' if biblatex else 'bibtex'}, "
        f"{'7-bit ascii' if opts.ascii else 'utf-8'}, romanisation {scheme}, script {script}"
    ]
    if notes.schwa:
        header.append(
            r"uses \textschwa for the Azerbaijani schwa: load \usepackage{tipa}, and "
            r"\usepackage[T2A,T1]{fontenc} for a capital schwa"
        )
    stream = io.StringIO()
    SafeWriter(notes, header).write_stream(data, stream)
    return stream.getvalue()
