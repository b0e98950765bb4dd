"""mailroom: a digital mail room for German public administration."""

__version__ = "0.1.0"
