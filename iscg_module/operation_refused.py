"""The one kind of error operations raise when a rule of their domain says no."""


class OperationRefused(ValueError):
    """A change the domain's rules do not allow; the message is written for the person.

    Views show the message; every domain's own refusal (e.g. ``MeetingRuleError``) derives
    from this class so that one form flow serves them all.
    """
