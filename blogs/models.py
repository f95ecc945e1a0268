"""The app's models, gathered from its domains so that Django finds them under ``blogs``.

Each model lives beside the forms, views and admin of its own domain (``classes``,
``comments``, ``awards``, ``helpsheets``); this module only collects them.
"""

from .awards.models import AwardCategory, AwardIndexPage, AwardPage
from .awards.visits import PageVisit
from .classes.authors import AuthorProfile, public_author_name
from .classes.class_blogs import ClassBlogIndexPage
from .classes.posts import BlogPostPage, BlogPostTag
from .classes.subjects import Subject
from .classes.timeline import TimelinePage
from .comments.counters import DefenceCounter
from .comments.models import Comment, CommentSettings
from .consent.approval import ConsentCheckedApprovalTask
from .consent.models import ConsentPolicy, ConsentRecord, ImagePeople, MediaPeople, Withdrawal
from .helpsheets.models import HelpSheetLibraryPage, HelpSheetPage, HelpSheetTopic
from .reports.signins import SignInDay
from .reports.surveys.models import (
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRespondent,
    SurveyResponse,
    SurveyRun,
)
from .reports.terms import TermDates
from .review.models import Feedback, ReviewNotice
from .subscriptions.models import Subscriber

__all__ = [
    "AuthorProfile",
    "AwardCategory",
    "AwardIndexPage",
    "AwardPage",
    "BlogPostPage",
    "BlogPostTag",
    "ClassBlogIndexPage",
    "Comment",
    "CommentSettings",
    "ConsentCheckedApprovalTask",
    "ConsentPolicy",
    "ConsentRecord",
    "DefenceCounter",
    "Feedback",
    "HelpSheetLibraryPage",
    "HelpSheetPage",
    "HelpSheetTopic",
    "ImagePeople",
    "MediaPeople",
    "PageVisit",
    "ReviewNotice",
    "SignInDay",
    "Subject",
    "Subscriber",
    "Survey",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyRespondent",
    "SurveyResponse",
    "SurveyRun",
    "TermDates",
    "TimelinePage",
    "Withdrawal",
    "public_author_name",
]
