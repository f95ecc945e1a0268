"""Writing posts quickly: the pupil's writing screen and the teacher's quick post.

Both make and edit the same ``BlogPostPage`` as Wagtail's editor, through Wagtail's own
revisions, permissions and the class's approval workflow; they only ask fewer, plainer
questions. Wagtail's full editor stays for teachers (and for anything these screens don't do).
"""
