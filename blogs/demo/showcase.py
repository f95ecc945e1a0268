"""Eagle Class's "Our trip to the farm": the post that shows every kind of block a class uses.

A gallery, a heading, a captioned picture, a recording of a song, a video, the Big Write as a
PDF, a piece of pupil work and a quote; everything is made here, nothing is downloaded. The
words are in ``data/farm_trip.yaml``.
"""

from .data import load, paragraph
from .media import demo_document, demo_image, demo_media, demo_tune_wav, demo_video_webm


def farm_trip_body(class_name: str) -> list:
    trip = load("farm_trip")
    gallery = [
        {
            "image": demo_image(
                f"{class_name} Class farm trip photo {number}", photo["alt"], photo
            ),
            "alt_text": photo["alt"],
            "caption": photo["caption"],
        }
        for number, photo in enumerate(trip["gallery"]["photos"], start=1)
    ]
    farm_map = trip["map"]
    body = [
        ("paragraph", paragraph(trip["intro"])),
        ("gallery", {"title": trip["gallery"]["title"], "images": gallery}),
        ("heading", {"text": trip["heading"], "level": "h2"}),
        (
            "image",
            {
                "image": demo_image(
                    f"{class_name} Class map of the farm", farm_map["alt"], farm_map["picture"]
                ),
                "alt_text": farm_map["alt"],
                "caption": farm_map["caption"],
            },
        ),
    ]
    song = trip["song"]
    audio = demo_media(
        f"{class_name} Class farm song",
        "audio",
        "farm-song.wav",
        lambda: demo_tune_wav(song["notes"]),
        duration=3.2,
    )
    if audio:
        body.append(
            ("audio", {"audio": audio, "title": song["title"], "transcript": song["transcript"]})
        )
    video = demo_media(
        f"{class_name} Class race video",
        "video",
        "race.webm",
        demo_video_webm,
        duration=3,
        width=320,
        height=240,
    )
    if video:
        body.append(
            (
                "video",
                {
                    "video": video,
                    "title": trip["video"]["title"],
                    "description": trip["video"]["description"],
                },
            )
        )
    big_write = trip["big_write"]
    work = trip["pupil_work"]
    body += [
        (
            "document",
            {
                "document": demo_document(
                    f"{class_name} Class Big Write: {big_write['title']}", big_write["lines"]
                ),
                "title": big_write["link"],
            },
        ),
        (
            "pupil_work",
            {
                "image": demo_image(
                    f"{class_name} Class labelled sheep", work["alt"], work["picture"]
                ),
                "alt_text": work["alt"],
                "document": None,
                "what_it_shows": work["what_it_shows"],
            },
        ),
        (
            "quote",
            {
                "quote": trip["quote"]["text"],
                "attribution": f"{trip['quote']['by']}, {class_name} Class",
            },
        ),
    ]
    return body


# The richer bodies a post in a data file can ask for by name (``showcase: farm_trip``).
SHOWCASES = {"farm_trip": farm_trip_body}
