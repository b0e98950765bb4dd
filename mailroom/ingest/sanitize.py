"""Active content out of the item PDFs that go to the archive and to the offices.

A born-digital PDF may carry JavaScript, actions that start programs or open other files,
forms with scripts and embedded files. The item's PDF keeps its pages, text and web links
and loses
  - every action that runs or opens something: JavaScript (as an action, in the JavaScript
    name tree, in any additional-actions entry /AA of the document, pages, annotations and
    form fields), Launch, GoToR, GoToE, ImportData, SubmitForm, Rendition,
    RichMediaExecute, and URI actions to anything but http(s) and mailto (file:, smb:,
    javascript: ...);
  - XFA forms and RichMedia and 3D annotations (they carry scripts of their own);
  - embedded files (the EmbeddedFiles name tree, associated files /AF, FileAttachment
    annotations): they are written beside the PDF as `<item>.<file name>`, so an
    e-invoice's XML (ZUGFeRD, Factur-X, XRechnung) travels on as data of its own.
The document-level entries of the original (open action, name trees, forms) are never
copied into an item's PDF; they are read from the original only to say what was left out
and to take its embedded files. The original itself is not touched: it stays byte for
byte in the archive of originals.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, PdfObject, StreamObject

from mailroom.ingest.intake import safe_name
from mailroom.ingest.read import write_atomically

ACTIVE_ACTIONS = {
    "/JavaScript", "/Launch", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm", "/Rendition", "/RichMediaExecute",
}  # fmt: skip
SAFE_URI_SCHEMES = ("http:", "https:", "mailto:")
DOCUMENT_ENTRIES = ("/OpenAction", "/AA", "/Names", "/AF")  # of the original's catalog
PAGE_TYPES = ("/Page", "/Pages")
SCRIPTED_ANNOTATIONS = ("/RichMedia", "/3D")  # may carry JavaScript of their own
RESERVED_NAMES = ("pdf", "json")  # `<item>.pdf` and `<item>.json` are the item's PDF and sidecar
LISTED = 10  # script names listed in the history
PLACES = {"/OpenAction": "beim Öffnen", "/A": "Aktion", "/Next": "Folgeaktion", "/PA": "Aktion"}


@dataclass(frozen=True)
class Cleaned:
    """What `write_clean_pdf` took out of an item's PDF."""

    removed: tuple[str, ...]  # one line per thing, saying what and where, for the item's history
    files: dict[str, Path]  # the embedded files now beside the PDF: their names and where they are


def beside(pdf: Path, name: str) -> Path:
    """Where an embedded file `name` of the item PDF `pdf` is kept."""
    return pdf.with_name(f"{pdf.stem}.{name}")


def write_clean_pdf(writer: PdfWriter, original: Path, target: Path) -> Cleaned:
    """Strip the active content of `writer`'s PDF, write it to `target`, and its embedded
    files, and those of `original` if it is a PDF, beside it."""
    found = _Found()
    for number, page in enumerate(writer.pages, start=1):
        found.clean(page, f"Seite {number}")
    found.clean(writer.root_object, "Dokument")  # what merging other PDFs may have brought along
    if original.suffix == ".pdf":
        catalog = PdfReader(original).root_object  # read into memory: the file stays as it is
        entries = {key: value for key, value in catalog.items() if key in DOCUMENT_ENTRIES}
        form = catalog.get("/AcroForm", DictionaryObject()).get_object()
        if isinstance(form, DictionaryObject) and "/XFA" in form:  # its fields are cleaned on the pages
            entries[NameObject("/XFA")] = form["/XFA"]
        found.clean(DictionaryObject(entries), "Dokument")
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomically(target, buffer.getvalue())
    for name, content in found.files.items():
        write_atomically(beside(target, name), content)
    return Cleaned(tuple(found.removed), {name: beside(target, name) for name in found.files})


@dataclass
class _Found:
    removed: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)

    def clean(self, start: PdfObject, where: str) -> None:
        """Take the active content out of `start` and everything it refers to, each object
        once, pages excepted (each page is cleaned on its own, under its number)."""
        stack: list[tuple[PdfObject | None, str]] = [(start.get_object(), where)]
        while stack:
            obj, place = stack.pop()
            if isinstance(obj, ArrayObject):
                children = self._clean_array(obj, place)
            elif isinstance(obj, DictionaryObject):
                children = self._clean_dictionary(obj, place)
            else:
                continue
            for reference, child_place in children:
                child = reference.get_object()
                if id(child) in self.seen or (
                    isinstance(child, DictionaryObject) and child.get("/Type") in PAGE_TYPES
                ):
                    continue
                self.seen.add(id(child))
                stack.append((child, child_place))

    def _clean_array(self, array: ArrayObject, where: str) -> list[tuple[PdfObject, str]]:
        for index in reversed(range(len(array))):
            if self._drops(array[index].get_object(), where, ""):
                del array[index]
        return [(element, _inside(element.get_object(), where)) for element in array]

    def _clean_dictionary(self, dictionary: DictionaryObject, where: str) -> list[tuple[PdfObject, str]]:
        for key in list(dictionary.keys()):
            if self._drops(dictionary[key].get_object(), where, key):
                del dictionary[key]
        return [(value, _inside(value.get_object(), where)) for value in dictionary.values()]

    def _drops(self, value: PdfObject | None, where: str, key: str) -> bool:
        """Note what goes; True if the entry `key` (or array element) holding `value` goes."""
        place = f"{where}, {PLACES.get(key, key.lstrip('/'))}" if key else where
        if key == "/AA" and isinstance(value, DictionaryObject):
            for trigger, action in value.items():
                self.removed.append(
                    f"{_action(action.get_object())} ({where}, Zusatzaktion {trigger.lstrip('/')})"
                )
            return True
        if isinstance(value, DictionaryObject) and _is_active(value):
            self.removed.append(f"{_action(value)} ({place})")
            return True
        if key == "/JavaScript" and isinstance(value, DictionaryObject):  # the document's name tree
            names = [str(n) for n, _ in _name_tree(value)]
            shown = ", ".join(names[:LISTED]) + (
                f" und {len(names) - LISTED} weitere" if len(names) > LISTED else ""
            )
            self.removed.append(f"JavaScript {shown} ({where}, Namensbaum)")
            return True
        if key == "/XFA":
            self.removed.append(f"XFA-Formular mit möglichen Skripten ({where})")
            return True
        if key == "/EmbeddedFiles" and isinstance(value, DictionaryObject):
            for _, spec in _name_tree(value):
                self._keep_file(spec.get_object(), where)
            return True
        if key == "/AF" and isinstance(value, ArrayObject):
            for spec in value:
                self._keep_file(spec.get_object(), where)
            return True
        if isinstance(value, DictionaryObject) and value.get("/Subtype") in SCRIPTED_ANNOTATIONS:
            self.removed.append(f"Annotation {str(value['/Subtype']).lstrip('/')} ({where})")
            return True
        if isinstance(value, DictionaryObject) and value.get("/Subtype") == "/FileAttachment":
            self._keep_file(
                value.get("/FS", DictionaryObject()).get_object(), f"{where}, Dateianhang-Annotation"
            )
            return True
        return False

    def _keep_file(self, spec: PdfObject | None, where: str) -> None:
        if not isinstance(spec, DictionaryObject):
            return
        streams = spec.get("/EF", DictionaryObject()).get_object()
        stream = (streams.get("/UF") or streams.get("/F")) if isinstance(streams, DictionaryObject) else None
        stream = stream.get_object() if stream is not None else None
        if not isinstance(stream, StreamObject):
            return
        name = safe_name(PureWindowsPath(str(spec.get("/UF") or spec.get("/F") or "anhang")).name)
        if name.lower() in RESERVED_NAMES or name.lower().endswith(
            ".json"
        ):  # never the item's PDF or sidecar
            name += ".bin"
        try:
            content = stream.get_data()
        except (
            Exception
        ) as exc:  # a damaged or oversized stream must not stop the item; the original keeps it
            self.removed.append(f"eingebettete Datei {name} ({where}), nicht lesbar ({exc}), nur im Original")
            return
        if self.files.get(name) == content:  # the same file listed twice (name tree and /AF)
            return
        while name in self.files:
            name = f"_{name}"
        self.files[name] = content
        self.removed.append(f"eingebettete Datei {name} ({where}), neben dem PDF abgelegt")


def _is_active(action: DictionaryObject) -> bool:
    kind = action.get("/S")
    if kind == "/URI":
        return not str(action.get("/URI", "")).lower().startswith(SAFE_URI_SCHEMES)
    return kind in ACTIVE_ACTIONS or "/JS" in action


def _action(action: PdfObject) -> str:
    """An action as the history names it: its kind and, for files and addresses, its target."""
    if not isinstance(action, DictionaryObject):
        return "Aktion"
    kind = "JavaScript" if "/JS" in action else str(action.get("/S", "/Aktion")).lstrip("/")
    target = action.get("/URI") or action.get("/F")
    target = target.get_object() if target is not None else None
    if isinstance(target, DictionaryObject):  # a file specification
        target = target.get("/UF") or target.get("/F")
    return f"{kind} {target}" if target is not None else kind


def _name_tree(root: DictionaryObject) -> list[tuple[PdfObject, PdfObject]]:
    """The (name, value) pairs of a PDF name tree (each node once, however it is linked)."""
    pairs: list[tuple[PdfObject, PdfObject]] = []
    nodes, seen = [root], {id(root)}
    while nodes:
        node = nodes.pop()
        names = node.get("/Names", ArrayObject()).get_object()
        if isinstance(names, ArrayObject):
            pairs += list(zip(names[::2], names[1::2], strict=False))
        kids = node.get("/Kids", ArrayObject()).get_object()
        for kid in kids if isinstance(kids, ArrayObject) else []:
            kid = kid.get_object()
            if isinstance(kid, DictionaryObject) and id(kid) not in seen:
                seen.add(id(kid))
                nodes.append(kid)
    return pairs


def _inside(value: PdfObject, where: str) -> str:
    """`where`, and which annotation or form field it is if `value` is one."""
    if not isinstance(value, DictionaryObject) or "/Subtype" not in value or "/Rect" not in value:
        return where
    name = f" „{value['/T']}“" if "/T" in value else ""
    return f"{where}, Annotation {str(value['/Subtype']).lstrip('/')}{name}"
