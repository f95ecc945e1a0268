"""The forms of comments: a visitor's comment, and a teacher's moderation of it."""

import time

from django import forms
from django.core import signing
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .defences import client_hash
from .models import MAX_COMMENT_LENGTH, Comment, CommentSettings

MIN_SECONDS_TO_WRITE = 3
TIMESTAMP_SALT = "blogs.comment-form-started"


class CommentForm(forms.ModelForm):
    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this box empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["name", "relation", "email", "body"]
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
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)

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

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Sorry, your comment looks automated and was not sent."))
        try:
            started = signing.loads(cleaned.get("started", ""), salt=TIMESTAMP_SALT)
        except signing.BadSignature:
            started = None
        if started is None or time.time() - float(started) < MIN_SECONDS_TO_WRITE:
            raise forms.ValidationError(
                _("That was very quick! Please check your comment and press Send again.")
            )
        return cleaned

    def save_for(self, post, request) -> Comment:
        """Store the comment on ``post``, waiting for a teacher, with its spam signals."""
        comment = self.save(commit=False)
        comment.post = post
        comment.client_hash = client_hash(request)
        comment.language = get_language()
        words = CommentSettings.for_request(request).flagged_in(comment.name, comment.body)
        comment.flagged_words = ", ".join(words)[:200]
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
