"""Reading and keeping the files of an online sign-off: DI (the document in the exchange XML
format, root element the document type — 函, 簽, 書函, ...) and SI (the sign-off record).

What is checked before a file is kept (each refusal names the problem in the user's language):
- size (at most 5 MB) and encoding (the XML declaration's, UTF-8 by default; Big5 allowed);
- well-formed XML, parsed without DTDs or entities (defusedxml: no external fetches, no entity
  expansion). The DOCTYPE that DI files carry (a DTD reference and attachment entities) is
  dropped before parsing; the file itself is stored verbatim;
- DI: the root is a document type; its 發文字號 must be this document's number when the
  document is the office's own (outgoing or drafted here); an incoming DI carries the sender's
  number, which is recorded. The 主旨 is read.
- SI: only for a document signed off online (online or scanned paper); at least one sign-off
  step (an element 簽核/簽核點/步驟/Step/Sign with a signer); steps are read in order with
  signer, action and time. SI layouts differ between sign-off systems: the reader looks for these
  names at any depth, as elements or attributes.
"""

import hashlib
import re

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mishu.core import permissions as rights

from .choices import ONLINE_MODES, Direction
from .models import Document, DocumentEvent, FileKind, SignoffFile

MAX_BYTES = 5 * 1024 * 1024
DI_ROOTS = {
    "函", "書函", "簽", "稿", "令", "公告", "開會通知單", "會勘通知單", "通知", "便簽", "呈",
    "咨", "公示送達", "移文單", "機密文書", "報告",
}  # fmt: skip
STEP_TAGS = {"簽核", "簽核點", "步驟", "Step", "Sign", "SignStep"}
SIGNER = ("簽核人員", "人員", "姓名", "簽核者", "Signer", "Name")
ACTION = ("動作", "簽核動作", "意見", "Action", "Opinion")
WHEN = ("時間", "簽核時間", "日期時間", "Time", "DateTime")
DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding=[\"']([\w.-]+)[\"'][^>]*\?>")
DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.DOTALL)


def _fail(message):
    raise ValidationError({"file": message})


def decoded(data: bytes) -> str:
    """The file as text in the encoding its XML declaration names (UTF-8 by default)."""
    match = DECLARATION.match(data)
    encoding = match.group(1).decode("ascii").lower() if match else "utf-8"
    if encoding in ("big5", "big-5", "cp950"):
        encoding = "cp950"
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except (LookupError, UnicodeDecodeError):
        _fail(_("The file is not text in its declared encoding (%(e)s).") % {"e": encoding})


def _parsed_part(text: str) -> str:
    """What is parsed: the text without its declaration and DOCTYPE."""
    return DOCTYPE.sub("", re.sub(r"^\s*<\?xml[^>]*\?>", "", text), count=1)


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        _fail(_("The file is larger than 5 MB."))


def parse_xml(data: bytes):
    """(the parsed XML, the file as text): the checks every DI or SI file passes first."""
    _check_size(len(data))
    if not data.strip():
        _fail(_("The file is empty."))
    text = decoded(data)
    try:
        return SafeET.fromstring(_parsed_part(text), forbid_dtd=True), text
    except DefusedXmlException:
        _fail(_("The file declares entities or a DTD inside its content; it was not read."))
    except SafeET.ParseError as exc:
        _fail(_("The file is not well-formed XML (%(e)s).") % {"e": exc})


def _find_text(element, names) -> str:
    for name in names:
        if element.get(name):
            return element.get(name).strip()
        found = element.find(f".//{name}")
        if found is not None:
            text = "".join(found.itertext()).strip()
            if text:
                return text
    return ""


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def read_di(root, doc: Document) -> dict:
    if root.tag not in DI_ROOTS:
        _fail(_("This is not a DI document file: its root element is “%(t)s”.") % {"t": root.tag})
    number = root.find(".//發文字號")
    word = year = serial = ""
    if number is not None:
        word = _find_text(number, ("字",))
        year = _digits(_find_text(number, ("年度",)))
        serial = _digits(_find_text(number, ("流水號",)))
    full = f"{word}字第{year}{serial}號" if word and year and serial else ""
    subject = _find_text(root, ("主旨",))
    own = doc.direction == Direction.OUTGOING or doc.sender_id is None
    if own:
        if not full:
            _fail(_("The DI file has no 發文字號 (字, 年度, 流水號)."))
        if full != doc.number:
            _fail(
                _("The DI file's number %(f)s is not this document's number %(n)s.")
                % {"f": full, "n": doc.number}
            )
    return {"type": root.tag, "number": full, "subject": subject[:500], "sender_number": not own}


def read_si(root, doc: Document) -> dict:
    if doc.handling_mode not in ONLINE_MODES:
        _fail(_("This document is signed off on paper: it has no SI sign-off file."))
    steps = []
    for element in root.iter():
        if element.tag not in STEP_TAGS:
            continue
        signer = _find_text(element, SIGNER)
        if signer:
            steps.append(
                {
                    "signer": signer[:100],
                    "action": _find_text(element, ACTION)[:200],
                    "at": _find_text(element, WHEN)[:40],
                }
            )
    if not steps:
        _fail(_("The SI file holds no sign-off step with a signer."))
    return {"root": root.tag, "steps": steps}


@transaction.atomic
def attach(doc: Document, kind: str, file_name: str, data: bytes, user=None) -> SignoffFile:
    """Check and keep a DI or SI file of `doc`; logged as a document event."""
    if user is not None and not rights.can(user, rights.CHANGE, doc):
        raise PermissionDenied(_("You may not change this document."))
    if kind not in FileKind.values:
        raise ValidationError({"kind": _("Choose DI or SI.")})
    root, text = parse_xml(data)
    summary = read_di(root, doc) if kind == FileKind.DI else read_si(root, doc)
    digest = hashlib.sha256(data).hexdigest()
    if doc.signoff_files.filter(kind=kind, sha256=digest).exists():
        _fail(_("This file is already attached to the document."))
    who = user if getattr(user, "pk", None) else None
    kept = SignoffFile.objects.create(
        document=doc,
        kind=kind,
        file_name=(file_name or f"{doc.number}.{kind}")[:200],
        content=text,
        sha256=digest,
        size=len(data),
        summary=summary,
        uploaded_by=who,
    )
    DocumentEvent.objects.create(
        document=doc,
        name="signoff_file",
        from_state=doc.state,
        to_state=doc.state,
        user=who,
        note=f"{kind.upper()} {kept.file_name} sha256:{digest[:12]}",
    )
    return kept


def attach_upload(doc: Document, kind: str, upload, user=None) -> SignoffFile:
    """`attach` for an uploaded file (form or API): its size is checked before it is read."""
    _check_size(upload.size)
    return attach(doc, kind, upload.name, upload.read(), user)
