"""What the writing screens' scripts say, translated here like every other string on the page
and handed to them as JSON (``json_script``)."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .uploads import photo_limit_text


def screen_strings(voice_limit: int) -> dict[str, str]:
    limit = {"limit": photo_limit_text()}
    return {
        "saving": _("Saving…"),
        "saved": _("Saved"),
        "keptOnDevice": _("Not connected to school: your writing is kept on this device."),
        "sending": _("Sending…"),
        "notConnected": _(
            "We could not reach school. Everything is kept on this device: press the button "
            "again when you are connected."
        ),
        "photoTooBig": _("This photo is too big to send. Photos can be up to %(limit)s.") % limit,
        "photoWrongType": _(
            "This is not a photo we can use. Choose a photo (JPG, PNG, GIF or WebP)."
        ),
        "startRecording": _("Start recording"),
        "stopRecording": _("Stop recording"),
        "recordAgain": _("Record again"),
        "recording": _("Recording… %(time)s"),
        "recorded": _("Your recording is ready. Press play to listen to it."),
        "micRefused": _(
            "We can't use the microphone, so you can't record now. You can still write and "
            "send your post."
        ),
        "voiceTooBig": _("This recording is too long to send. Try a shorter one.")
        + " "
        + _("Recordings can be up to %(limit)s.") % {"limit": filesizeformat(voice_limit)},
        "notReady": _("Your post is not ready to send yet:"),
        "publishing": _("Publishing…"),
        "needText": _("Write a sentence or two about the learning."),
        "needDescription": _("Describe this photo for people who cannot see it."),
        "needWho": _("Say who is in this photo."),
    }
