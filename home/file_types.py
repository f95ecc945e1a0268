"""What a file really is, read from its first bytes, whatever its name says.

An upload called ``homework.pdf`` must be a PDF: a program or a web page given a harmless
name would otherwise be served from the school's own address. ``matches`` answers whether a
file's content fits its extension; ``describe`` says in plain words what it is instead.

Hand-written rather than a magic-number library on purpose: the checks are a short allow-list
for the extensions the settings accept, and telling a Word document from a spreadsheet or an
OpenDocument text needs the ZIP archive's table of contents, which signature libraries do not
read (puremagic 1.30 names every OOXML file alike and misses OpenDocument; ``filetype`` reads
8 KB only and is unmaintained; python-magic needs the system's libmagic).
"""

import zipfile
from collections.abc import Callable
from typing import IO

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

HEAD_SIZE = 8192

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word, Excel, PowerPoint before 2007
EBML = b"\x1a\x45\xdf\xa3"  # WebM and Matroska
QUICKTIME_ATOMS = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
MARKUP = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg")
PROGRAMS = {
    b"MZ": _("a Windows program"),
    b"\x7fELF": _("a Linux program"),
    b"\xfe\xed\xfa\xce": _("a Mac program"),
    b"\xfe\xed\xfa\xcf": _("a Mac program"),
    b"\xce\xfa\xed\xfe": _("a Mac program"),
    b"\xcf\xfa\xed\xfe": _("a Mac program"),
    b"\xca\xfe\xba\xbe": _("a program"),
    b"#!": _("a script (a small program)"),
}
ARCHIVES = (b"Rar!", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")
PICTURES = (b"\xff\xd8\xff", b"\x89PNG", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")

Check = Callable[[bytes, IO[bytes]], bool]


def read_head(file: IO[bytes]) -> bytes:
    """The first bytes of ``file``, leaving it ready to be read from the start."""
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    return head


def can_check(extension: str) -> bool:
    """Whether files with this extension can be checked (and so accepted at all)."""
    return extension.lower() in CHECKS


def matches(extension: str, file: IO[bytes]) -> bool:
    """Whether ``file``'s content is what its ``extension`` promises.

    An extension without a check never matches: nothing unchecked is accepted.
    """
    check = CHECKS.get(extension.lower())
    return bool(check and check(read_head(file), file))


def describe(file: IO[bytes]) -> Promise:
    """What ``file`` is, in words for a teacher: "a Windows program", "a web page" …"""
    head = read_head(file)
    for signature, kind in PROGRAMS.items():
        if head.startswith(signature):
            return kind
    if _is_markup(head):
        return _("a web page")
    if _is_pdf(head, file):
        return _("a PDF document")
    if head.startswith(b"PK\x03\x04"):
        return next(
            (kind for check, kind in ARCHIVE_KINDS if check(head, file)), _("a ZIP archive")
        )
    if head.startswith(OLE2):
        return _("an older Microsoft Office file")
    if head.startswith(b"{\\rtf"):
        return _("a rich text document")
    if head.startswith(PICTURES) or head[8:12] == b"WEBP":
        return _("a picture")
    if head[4:12] == b"ftypM4A ":
        return _("a sound recording")
    if _is_audio(head, file):
        return _("a sound recording")
    if head[4:8] in QUICKTIME_ATOMS or head.startswith(EBML):
        return _("a video")
    if head.startswith(ARCHIVES):
        return _("a compressed archive")
    if _is_text(head, file):
        return _("a plain text file")
    return _("a file of a kind this site does not know")


def _is_markup(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()[:1024]
    return start.startswith(b"<") and any(tag in start for tag in MARKUP)


def _is_pdf(head: bytes, file: IO[bytes]) -> bool:
    # Readers accept the header anywhere in the first kilobyte, but not after a program's or
    # a web page's opening.
    return b"%PDF-" in head[:1024] and not head.startswith(tuple(PROGRAMS)) and not _is_markup(head)


def _is_text(head: bytes, file: IO[bytes]) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NUL bytes of its own
        return True
    return b"\x00" not in head and not head.startswith(tuple(PROGRAMS)) and not _is_markup(head)


def _is_rtf(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith(b"{\\rtf")


def _is_ole2(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith(OLE2)


def _zip_names(file: IO[bytes]) -> list[str]:
    """The archive's table of contents (nothing is unpacked), or [] if it is not a ZIP file."""
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return []
    finally:
        file.seek(0)


def _office_open_xml(folder: str) -> Check:
    """Word, Excel and PowerPoint files: a ZIP archive with the parts in ``folder``."""

    def check(head: bytes, file: IO[bytes]) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(file)
        return "[Content_Types].xml" in names and any(n.startswith(f"{folder}/") for n in names)

    return check


def _opendocument(kind: str) -> Check:
    """OpenDocument files: a ZIP archive whose first entry, "mimetype", names the kind."""
    expected = f"application/vnd.oasis.opendocument.{kind}".encode()

    def check(head: bytes, file: IO[bytes]) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(file) as archive:
                first = archive.infolist()[0]
                # A short entry by the specification; a long one is not read at all.
                return (
                    first.filename == "mimetype"
                    and first.file_size <= len(expected)
                    and archive.read(first) == expected
                )
        except (zipfile.BadZipFile, IndexError, OSError, ValueError, EOFError):
            return False
        finally:
            file.seek(0)

    return check


def _is_mp3(head: bytes, file: IO[bytes]) -> bool:
    if head.startswith(b"ID3"):
        return True
    # An MPEG audio frame: 11 sync bits, then a layer other than "reserved".
    return len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06 != 0


def _is_aac(head: bytes, file: IO[bytes]) -> bool:
    adts = len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0
    return adts or head.startswith((b"ID3", b"ADIF"))


def _is_iso_media(head: bytes, file: IO[bytes]) -> bool:
    return head[4:8] == b"ftyp"


def _is_quicktime(head: bytes, file: IO[bytes]) -> bool:
    return head[4:8] in QUICKTIME_ATOMS


def _is_ogg(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith(b"OggS")


def _is_wav(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WAVE"


def _is_webm(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith(EBML) and b"webm" in head[:64]


def _is_audio(head: bytes, file: IO[bytes]) -> bool:
    audio = (_is_mp3, _is_ogg, _is_wav)
    return any(check(head, file) for check in audio) or head.startswith(b"fLaC")


def _is_jpeg(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _is_png(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _is_gif(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith((b"GIF87a", b"GIF89a"))


def _is_webp(head: bytes, file: IO[bytes]) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


CHECKS: dict[str, Check] = {
    "jpg": _is_jpeg,
    "jpeg": _is_jpeg,
    "png": _is_png,
    "gif": _is_gif,
    "webp": _is_webp,
    "pdf": _is_pdf,
    "docx": _office_open_xml("word"),
    "xlsx": _office_open_xml("xl"),
    "pptx": _office_open_xml("ppt"),
    "odt": _opendocument("text"),
    "ods": _opendocument("spreadsheet"),
    "odp": _opendocument("presentation"),
    "odg": _opendocument("graphics"),
    "doc": _is_ole2,
    "xls": _is_ole2,
    "ppt": _is_ole2,
    "txt": _is_text,
    "csv": _is_text,
    "rtf": _is_rtf,
    "mp3": _is_mp3,
    "aac": _is_aac,
    "m4a": _is_iso_media,
    "mp4": _is_iso_media,
    "m4v": _is_iso_media,
    "mov": _is_quicktime,
    "ogg": _is_ogg,
    "oga": _is_ogg,
    "ogv": _is_ogg,
    "wav": _is_wav,
    "webm": _is_webm,
}

ARCHIVE_KINDS: list[tuple[Check, Promise]] = [
    (CHECKS["docx"], _("a Word document")),
    (CHECKS["xlsx"], _("an Excel spreadsheet")),
    (CHECKS["pptx"], _("a PowerPoint presentation")),
    (CHECKS["odt"], _("an OpenDocument text document")),
    (CHECKS["ods"], _("an OpenDocument spreadsheet")),
    (CHECKS["odp"], _("an OpenDocument presentation")),
]
