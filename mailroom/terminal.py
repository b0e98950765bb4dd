"""What the command modules print with: progress bars on stderr and tables that wrap."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table


def progress_bar() -> Progress:
    """A progress bar on stderr, so that stdout stays the command's result."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )


def wrapping_table(first: str, *columns: str, title: str) -> Table:
    """A table whose cells wrap instead of being cut short with '…'; the first column (an
    id to copy) is never broken."""
    table = Table(title=title)
    table.add_column(first, no_wrap=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table
