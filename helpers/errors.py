"""The only exceptions the public API raises.

Every failure that comes from the input (not Python, invalid JSON, binary, too
large, a kind we cannot convert) is an `InputError` that says where: a line and
column for text, a JSON path for payloads. A failure of the converter itself (a
bug, not the input's fault) is an `InternalError`, whose message asks for a
report. Callers catch `WorkbookError`.
"""
from __future__ import annotations


class WorkbookError(Exception):
    """Base class of every error the `helpers` package raises on purpose."""


class InputError(WorkbookError):
    """The input cannot be converted; `where` says which place is at fault."""

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        kind: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        self.kind = kind
        super().__init__(self.located())

    @property
    def where(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
            if self.column is not None:
                parts.append(f"column {self.column}")
        if self.path:
            parts.append(self.path)
        return ", ".join(parts)

    def located(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def to_dict(self) -> dict[str, object]:
        return {
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "kind": self.kind,
        }


class UnknownKindError(InputError):
    """A kind was asked for that no converter handles."""


class InternalError(WorkbookError):
    """The converter failed on input it should have handled: a bug, not bad input.

    `cause` names the exception type behind it; the original exception is chained
    (`__cause__`) for whoever debugs it, and never shown to the user as a traceback.
    """

    def __init__(self, cause: BaseException, *, kind: str | None = None) -> None:
        self.cause = type(cause).__name__
        self.kind = kind
        self.message = (
            f"internal error in the converter ({self.cause}); this is a bug, not a problem with "
            "your input: please report it together with the input"
        )
        super().__init__(self.message)
