"""Remove location and camera metadata from JPEG, PNG, GIF and WebP bytes.

Each format is a list of segments or chunks; the picture is kept byte for byte and only the
parts that describe it are dropped: EXIF (GPS position, camera make and model, time, serial
numbers, an embedded thumbnail), XMP, IPTC, comments and text. What drawing the picture needs
stays (colour tables, ICC colour profiles, transparency, animation timing). Nothing is
re-encoded, so quality is untouched and the result is the same however often it runs.

Data after a picture's end marker goes too: phones append further images there (Multi-Picture
Format, "motion photo" video), each with its own EXIF.

A phone photo taken sideways says so in EXIF ("orientation"). ``upright`` turns such a picture
the right way up first (the one case that re-encodes, at high quality), so that dropping EXIF
cannot leave it on its side.
"""

from collections.abc import Callable
from io import BytesIO

from PIL import ExifTags, Image, ImageOps, JpegImagePlugin

JPEG_QUALITY = 95

# JPEG APPn segments that drawing needs, by marker: JFIF, the ICC colour profile, Adobe's
# colour transform. Every other APPn segment (EXIF, XMP, IPTC/Photoshop, MPF …) and every
# comment (COM) is dropped.
JPEG_KEPT_APPS = {0xE0: b"JFIF\x00", 0xE2: b"ICC_PROFILE\x00", 0xEE: b"Adobe"}
JPEG_COMMENT = 0xFE
JPEG_START_OF_SCAN = 0xDA
JPEG_END = 0xD9

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Everything a PNG or APNG decoder draws with; text (tEXt, zTXt, iTXt), eXIf, tIME and any
# private ancillary chunk is dropped. Unknown critical chunks are kept: the picture needs them.
PNG_KEPT_CHUNKS = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
    b"cICP", b"mDCV", b"cLLI", b"bKGD", b"hIST", b"pHYs", b"sPLT", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip

GIF_GRAPHIC_CONTROL, GIF_PLAIN_TEXT, GIF_APPLICATION = 0xF9, 0x01, 0xFF
# The application extensions that only say how often an animation loops.
GIF_KEPT_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")

WEBP_KEPT_CHUNKS = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
WEBP_EXIF_AND_XMP_FLAGS = 0x08 | 0x04


def strip_metadata(data: bytes) -> bytes:
    """The same picture without its metadata. Bytes of other formats come back unchanged."""
    strip = _stripper(data)
    return strip(data) if strip else data


def upright(data: bytes) -> bytes:
    """The picture turned as its EXIF orientation says, or ``data`` if it needs no turning.

    Animations are left as they are: no camera writes an orientation into one. So is what
    Pillow cannot read whole (``strip_metadata`` still applies to it).
    """
    try:
        return _turned(data)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return data


def _turned(data: bytes) -> bytes:
    with Image.open(BytesIO(data)) as picture:
        orientation = picture.getexif().get(ExifTags.Base.Orientation, 1)
        # Phones save a photo with extra pictures as MPO; its first frame is the photo.
        picture_format = "JPEG" if picture.format == "MPO" else picture.format
        animated = picture_format != "JPEG" and getattr(picture, "n_frames", 1) > 1
        if orientation in (None, 1) or animated or picture_format not in SAVE_OPTIONS:
            return data
        options = SAVE_OPTIONS[picture_format](picture, data)
        turned = ImageOps.exif_transpose(picture)
    buffer = BytesIO()
    turned.save(buffer, picture_format, **options)
    return buffer.getvalue()


def clean_picture(data: bytes) -> bytes:
    """Upright and without metadata: what an original picture is stored as."""
    return strip_metadata(upright(data))


def _jpeg_options(picture: Image.Image, data: bytes) -> dict:
    options = {"quality": JPEG_QUALITY, "icc_profile": picture.info.get("icc_profile")}
    sampling = JpegImagePlugin.get_sampling(picture)
    if sampling >= 0:
        options["subsampling"] = sampling  # keep the photo's colour detail
    return options


def _png_options(picture: Image.Image, data: bytes) -> dict:
    return {"icc_profile": picture.info.get("icc_profile")}


def _webp_options(picture: Image.Image, data: bytes) -> dict:
    lossless = data[12:16] == b"VP8L"
    return {
        "lossless": lossless,
        "quality": 100 if lossless else JPEG_QUALITY,
        "icc_profile": picture.info.get("icc_profile"),
    }


SAVE_OPTIONS: dict[str, Callable[[Image.Image, bytes], dict]] = {
    "JPEG": _jpeg_options,
    "PNG": _png_options,
    "WEBP": _webp_options,
}


def _stripper(data: bytes) -> Callable[[bytes], bytes] | None:
    if data[:3] == b"\xff\xd8\xff":
        return _strip_jpeg
    if data[:8] == PNG_SIGNATURE:
        return _strip_png
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _strip_gif
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _strip_webp
    return None


def _strip_jpeg(data: bytes) -> bytes:
    kept = bytearray(data[:2])
    position, size = 2, len(data)
    while position + 1 < size:
        if data[position] != 0xFF:
            # Stray bytes between segments, which decoders skip too.
            position = data.find(b"\xff", position)
            if position < 0:
                break
            continue
        marker = data[position + 1]
        if marker == 0xFF:  # a fill byte before a marker
            position += 1
            continue
        if marker == JPEG_END:
            kept += b"\xff\xd9"
            break  # whatever follows the picture is not kept
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            kept += data[position : position + 2]
            position += 2
            continue
        end = position + 2 + int.from_bytes(data[position + 2 : position + 4], "big")
        if _keep_jpeg_segment(marker, data[position + 4 : end]):
            kept += data[position:end]
        position = end
        if marker == JPEG_START_OF_SCAN:
            scan_end = _jpeg_scan_end(data, position)
            kept += data[position:scan_end]
            position = scan_end
    return bytes(kept)


def _keep_jpeg_segment(marker: int, payload: bytes) -> bool:
    if marker == JPEG_COMMENT:
        return False
    if 0xE0 <= marker <= 0xEF:
        signature = JPEG_KEPT_APPS.get(marker)
        return signature is not None and payload.startswith(signature)
    return True


def _jpeg_scan_end(data: bytes, position: int) -> int:
    """Where the compressed picture data after a start-of-scan ends: the next real marker."""
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            return len(data)
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # an escaped 0xFF, a restart
            position += 2
        elif following == 0xFF:
            position += 1
        else:
            return position


def _strip_png(data: bytes) -> bytes:
    kept = bytearray(PNG_SIGNATURE)
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        kind = data[position + 4 : position + 8]
        end = position + 12 + int.from_bytes(data[position : position + 4], "big")
        if kind in PNG_KEPT_CHUNKS or kind[:1].isupper():
            kept += data[position:end]
        if kind == b"IEND":
            break
        position = end
    return bytes(kept)


def _strip_gif(data: bytes) -> bytes:
    if len(data) < 13:
        return data
    position = 13 + _gif_colour_table_size(data[10])
    kept = bytearray(data[:position])
    while position < len(data):
        block = data[position]
        if block == 0x3B:  # the trailer: whatever follows is not kept
            kept.append(block)
            break
        if block == 0x21:
            end = _gif_sub_blocks_end(data, position + 2)
            if _keep_gif_extension(data[position + 1], data[position + 2 : end]):
                kept += data[position:end]
        elif block == 0x2C:
            # An image: its descriptor, local colour table, LZW code size, then the data.
            table_end = position + 10 + _gif_colour_table_size(data[position + 9])
            end = _gif_sub_blocks_end(data, table_end + 1)
            kept += data[position:end]
        else:
            break  # not a GIF block: decoders stop here too
        position = end
    return bytes(kept)


def _gif_colour_table_size(flags: int) -> int:
    return 3 * (2 << (flags & 0x07)) if flags & 0x80 else 0


def _gif_sub_blocks_end(data: bytes, position: int) -> int:
    while position < len(data):
        length = data[position]
        position += 1 + length
        if length == 0:
            break
    return min(position, len(data))


def _keep_gif_extension(label: int, payload: bytes) -> bool:
    if label in (GIF_GRAPHIC_CONTROL, GIF_PLAIN_TEXT):
        return True
    return label == GIF_APPLICATION and payload[1:12] in GIF_KEPT_APPLICATIONS


def _strip_webp(data: bytes) -> bytes:
    kept = bytearray()
    position = 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        length = int.from_bytes(data[position + 4 : position + 8], "little")
        end = position + 8 + length + (length & 1)  # chunks are padded to an even length
        if kind in WEBP_KEPT_CHUNKS:
            chunk = bytearray(data[position:end])
            if kind == b"VP8X" and len(chunk) > 8:
                chunk[8] &= ~WEBP_EXIF_AND_XMP_FLAGS & 0xFF  # no longer says it has them
            kept += chunk
        position = end
    return b"RIFF" + (len(kept) + 4).to_bytes(4, "little") + b"WEBP" + bytes(kept)
