"""The consent register: what the school may publish about each child (first name, photo or
video, work, voice) on each channel, who said so and when; who is in each photo and post; and
the rule that nothing goes public against it, by any path, with withdrawal acted on at once."""
