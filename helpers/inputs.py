"""Guards every converter puts in front of user input.

Users paste anything: bytes, binary files, a megabyte of text. These checks turn
that into a located `InputError` before any parser sees it.
"""
from __future__ import annotations

from .errors import InputError

# Large enough for a 1 MB message list with room to spare, small enough that a
# pasted log file cannot stall the kernel.
MAX_INPUT_BYTES = 5 * 1024 * 1024


def as_text(data: str | bytes, *, kind: str | None = None) -> str:
    """Return `data` as text, or raise `InputError` saying why it is not text."""
    if isinstance(data, bytes):
        if b"\x00" in data[:8192]:
            raise InputError("this is binary data, not text", kind=kind)
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise InputError(
                "this is not UTF-8 text", line=line, column=column, kind=kind
            ) from None
    if not isinstance(data, str):
        raise InputError(f"expected text, got {type(data).__name__}", kind=kind)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"the input has {len(data):,} characters; the limit is {MAX_INPUT_BYTES:,}",
            kind=kind,
        )
    nul = data.find("\x00")
    if nul != -1:
        line = data.count("\n", 0, nul) + 1
        column = nul - (data.rfind("\n", 0, nul) + 1) + 1
        raise InputError(
            "this is binary data, not text (NUL character)", line=line, column=column, kind=kind
        )
    return data


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
