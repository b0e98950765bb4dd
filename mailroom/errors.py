"""The one error hierarchy of mailroom.

The library raises these; only `mailroom.cli.main` turns them into a message and an
exit code. Every message says what is wrong and, where it can, what to do.
"""

from __future__ import annotations


class MailroomError(Exception):
    """Base of all expected errors. `exit_code` is what the CLI exits with."""

    exit_code = 1


class BadInput(MailroomError):
    """A file, dataset row or argument the user gave cannot be used as it is."""

    exit_code = 2


class BadConfig(MailroomError):
    """A configuration file or MAILROOM_* variable is invalid."""

    exit_code = 3


class MissingDependency(MailroomError):
    """An external program, language pack or font is not installed."""

    exit_code = 4


class IncompatibleModel(MailroomError):
    """A model bundle cannot be used with this version or taxonomy."""

    exit_code = 5


class IntegrityViolation(MailroomError):
    """The audit trail or an archived file is not as it was recorded (`mailroom audit verify`)."""

    exit_code = 6
