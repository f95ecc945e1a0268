"""Media a test makes for itself (nothing is downloaded): pictures, phone photos that carry a
location and a camera, and short recordings."""

import io
import wave

from PIL import ExifTags, Image

MAKE, MODEL = "PhoneCo", "Pixel Kids 9"
COMMENT = b"Oakfield field trip, 51.5072N"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,30.43N"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
# Text that may not survive anywhere in a stored file.
TELLTALES = (MAKE.encode(), MODEL.encode(), COMMENT, b"xmpmeta", b"GPSLatitude")
RED, BLUE = (220, 30, 30), (30, 30, 220)


def camera_exif(orientation: int | None = None) -> Image.Exif:
    """What a phone writes: its make and model, and where the photo was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = MAKE
    exif[ExifTags.Base.Model] = MODEL
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (51.0, 30.0, 26.0),
            ExifTags.GPS.GPSLongitudeRef: "W",
            ExifTags.GPS.GPSLongitude: (0.0, 7.0, 39.0),
        }
    )
    return exif


def sideways_picture() -> Image.Image:
    """80 × 40, red on the left and blue on the right: as a phone held upright stores a photo
    whose top is red (EXIF orientation 6 says "turn it a quarter clockwise")."""
    picture = Image.new("RGB", (80, 40), BLUE)
    picture.paste(RED, (0, 0, 40, 40))
    return picture


def phone_jpeg(orientation: int | None = None, size: tuple[int, int] = (160, 120)) -> bytes:
    """A photo as a phone takes it: with its location, camera, XMP and a comment."""
    buffer = io.BytesIO()
    picture = sideways_picture() if orientation else Image.effect_noise(size, 40)
    picture.convert("RGB").save(
        buffer, "JPEG", exif=camera_exif(orientation), xmp=XMP, comment=COMMENT, quality=90
    )
    data = buffer.getvalue()
    assert gps_of(data) and MODEL.encode() in data  # the test photo does carry it all
    return data


def gps_of(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as picture:
        return dict(picture.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def assert_clean(data: bytes) -> None:
    """``data`` says nothing of where or with what it was taken."""
    for telltale in TELLTALES:
        assert telltale not in data
    with Image.open(io.BytesIO(data)) as picture:
        assert not dict(picture.getexif())
        assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp"} & set(picture.info)


def picture(format_: str = "PNG", size=(300, 200), frames: int = 1) -> bytes:
    buffer = io.BytesIO()
    # Frames that differ one from the next, so Pillow keeps every one.
    images = [Image.new("RGB", size, ("#1e6b34", "#f0c020")[n % 2]) for n in range(frames)]
    images[0].save(buffer, format_, save_all=frames > 1, append_images=images[1:])
    return buffer.getvalue()


def wav(frames: int = 800) -> bytes:
    """A tenth of a second of silence, as a WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(8000)
        recording.writeframes(b"\x00\x00" * frames)
    return buffer.getvalue()
