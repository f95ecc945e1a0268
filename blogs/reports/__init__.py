"""How blogging is going: the ICT leader's and teachers' reports, pupil surveys, and the
governors' one-page summary.

Every figure comes from the records the site already keeps (posts, comments, the private daily
visit counts) and one more: how many times each pupil signed in each day (``signins``).
"""
