"""The forms of comments: a visitor's comment, and a teacher's moderation of it."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .bot_defences import BotDefencesForm
from .defences import client_hash
from .models import MAX_COMMENT_LENGTH, Comment, CommentSettings
from .plain_text import strip_controls


class SingleLineTextField(forms.CharField):
    """Text on one line, without control or format characters (see :mod:`.plain_text`).

    They are removed before the length and required checks, which then see what is stored.
    """

    def to_python(self, value):
        return strip_controls(super().to_python(value)).strip()


class MultiLineTextField(forms.CharField):
    """Like :class:`SingleLineTextField`, keeping line breaks and tabs."""

    def to_python(self, value):
        return strip_controls(super().to_python(value), multiline=True).strip()


class CommentForm(BotDefencesForm, forms.ModelForm):
    automated_message = gettext_lazy("Sorry, your comment looks automated and was not sent.")
    too_quick_message = gettext_lazy(
        "That was very quick! Please check your comment and press Send again."
    )
    open_too_long_message = gettext_lazy(
        "This page was open for a long time. Please check your comment and press Send again."
    )
    missing_token_message = gettext_lazy("Please check your comment and press Send again.")

    class Meta:
        model = Comment
        fields = ["name", "relation", "email", "body"]
        field_classes = {"name": SingleLineTextField, "body": MultiLineTextField}
        labels = {"name": gettext_lazy("Your name"), "email": gettext_lazy("Your email (optional)")}
        help_texts = {
            "name": gettext_lazy("Children: first name only, please."),
            "email": gettext_lazy(
                "We only use it to tell you when your comment is published. It is never shown."
            ),
        }
        error_messages = {
            "name": {"required": gettext_lazy("Please tell us your name.")},
            "relation": {"required": gettext_lazy("Please tell us who you are.")},
            "body": {"required": gettext_lazy("Please write a comment.")},
        }
        widgets = {
            "body": forms.Textarea(
                attrs={"rows": 5, "maxlength": Comment._meta.get_field("body").max_length}
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relation"].choices = [
            choice for choice in Comment.Relation.choices if choice[0] != Comment.Relation.TEACHER
        ]
        self.fields["body"].label = _("Your comment")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please tell us your name."))
        return name

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Please write a comment."))
        return body

    def save_for(self, post, request) -> Comment:
        """Store the comment on ``post``, waiting for a teacher, with its spam signals."""
        comment = self.save(commit=False)
        comment.post = post
        comment.client_hash = client_hash(request)
        comment.language = get_language()
        # Reasons are for the school's staff, so in the site's language, not the visitor's.
        with translation.override(settings.LANGUAGE_CODE):
            reasons = CommentSettings.for_request(request).flagged_in(comment.name, comment.body)
        comment.flagged_words = ", ".join(reasons)[:200]
        comment.save()
        return comment


class CommentAdminForm(WagtailAdminModelForm):
    """A teacher's moderation form: change the status, allow links, and reply.

    The change goes through :meth:`Comment.moderate`, like every other way of moderating.
    """

    reply = forms.CharField(
        label=gettext_lazy("Reply"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Published under the comment with your public name."),
    )

    def save(self, commit=True):
        comment = self.instance
        user = getattr(self, "for_user", None)
        if {"status", "links_allowed"} & set(self.changed_data):
            comment.moderate(
                self.cleaned_data["status"], user, links_allowed=self.cleaned_data["links_allowed"]
            )
        if reply := self.cleaned_data.get("reply", "").strip():
            comment.reply(user, reply)
        return comment
