"""The converter's state and logic, without any widget: text and options in, view data out.

`ConverterModel.update()` turns the current input and options into a
`ConverterView`: the detected kind, the converted text, highlighted HTML, the
side-by-side diff, the notes, the SDK verdict, stream headers and download data.
The ipywidgets layout only copies view fields onto widgets, so tests drive this
class directly. Nothing here executes the input: it is only parsed by the converters.
"""

from __future__ import annotations

import html
import logging
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import InputError, InternalError, WorkbookError
from ..inputs import as_text
from ..results import ConversionResult
from ..secrets import redact
from .diff_table import diff_html
from .download import actions_html, data_url, file_name_for
from .highlight import highlight_html, language_of
from .notes_table import NoteRow, note_rows, notes_html
from .verdict import NOT_APPLICABLE, Verdict, verdict_for, verdict_html

log = logging.getLogger(__name__)

STREAM_FORMATS: dict[str, str] = {
    "ui-message-stream": "AI SDK 5 UI message stream",
    "data-stream": "AI SDK 4 data stream",
}
DEFAULT_STREAM_FORMAT = "ui-message-stream"
EMPTY_MESSAGE = (
    "Paste legacy code, a JSON payload or a stream transcript above, or pick an example."
)


def available_kinds() -> dict[str, str]:
    """Every kind with its description; code kinds only while the payload converters are missing."""
    from ..kinds import CODE_KINDS, all_kinds

    try:
        return all_kinds()
    except ImportError:
        return dict(CODE_KINDS)


def is_stream_kind(kind: str | None) -> bool:
    """Streams take a `stream_format` option; their kind or description says "stream"."""
    if not kind:
        return False
    description = available_kinds().get(kind, "")
    return "stream" in kind.lower() or "sse" in kind.lower() or "stream" in description.lower()


@dataclass(frozen=True)
class ConverterView:
    """Everything the page shows for one input. `status`: empty, ok, input-error, internal-error."""

    status: str
    message: str = ""
    kind: str | None = None
    detected: bool = False
    output: str = ""
    changed: bool = False
    notes: list[NoteRow] = field(default_factory=list)
    verdict: Verdict = NOT_APPLICABLE
    headers: dict[str, str] = field(default_factory=dict)
    is_stream: bool = False
    error_line: int | None = None
    error_column: int | None = None
    error_path: str | None = None
    internal_error: str | None = None  # the exception type, never a traceback
    language: str = "text"
    elapsed_ms: float = 0.0
    output_html: str = ""
    diff_html: str = ""
    notes_html: str = ""
    verdict_html: str = ""
    headers_html: str = ""
    actions_html: str = ""
    message_html: str = ""

    @property
    def download_name(self) -> str:
        return file_name_for(self.language)

    @property
    def download_url(self) -> str:
        return data_url(self.output, self.language)


def _excerpt(text: str, line: int | None, column: int | None) -> str:
    """The offending input line with a caret under the column, for error messages."""
    if line is None:
        return ""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    source = lines[line - 1]
    if len(source) > 200:  # a minified line: show the neighbourhood of the column only
        start = max(0, (column or 1) - 80)
        source, column = source[start : start + 160], (column or 1) - start
    caret = "" if column is None else "\n" + " " * (max(column, 1) - 1) + "^"
    return f'<pre class="amw-excerpt">{html.escape(source + caret)}</pre>'


def _error_view(exc: WorkbookError, text: str, started: float) -> ConverterView:
    if isinstance(exc, InputError):
        message, line, column, path = exc.located(), exc.line, exc.column, exc.path
    else:
        message, line, column, path = str(exc), None, None, None
    body = f'<div class="amw-error"><b>Cannot convert this input.</b> {html.escape(message)}'
    body += _excerpt(text, line, column) + "</div>"
    return ConverterView(
        status="input-error",
        message=message,
        kind=getattr(exc, "kind", None),
        error_line=line,
        error_column=column,
        error_path=path,
        message_html=body,
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


def _internal_view(exc: BaseException, started: float) -> ConverterView:
    name = type(exc).__name__
    body = (
        '<details class="amw-internal"><summary>internal error: the converter failed on this '
        "input (not your fault)</summary>"
        f"<p>Exception type: <code>{html.escape(name)}</code>. Please report it with the input "
        "that caused it.</p></details>"
    )
    return ConverterView(
        status="internal-error",
        message=f"internal error: {name} (a bug in the workbook, not in your input: please report it)",
        internal_error=name,
        message_html=body,
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


def _headers_html(headers: dict[str, str], stream_format: str) -> str:
    if not headers:
        return ""
    rows = "".join(
        f"<tr><td><code>{html.escape(str(k))}</code></td>"
        f"<td><code>{html.escape(str(v))}</code></td></tr>"
        for k, v in headers.items()
    )
    label = STREAM_FORMATS.get(stream_format, stream_format)
    return (
        f'<div class="amw-headers"><b>Response headers for the {html.escape(label)}:</b>'
        f"<table>{rows}</table></div>"
    )


class ConverterModel:
    """Converts the current input with the current options and keeps the last view.

    `convert` is the conversion function (defaults to `helpers.convert`); tests
    pass another to drive the error paths. `prefix` makes HTML ids unique per widget.
    """

    def __init__(
        self,
        *,
        kind: str | None = None,
        stream_format: str = DEFAULT_STREAM_FORMAT,
        convert: Callable[..., ConversionResult] | None = None,
        prefix: str | None = None,
    ) -> None:
        if stream_format not in STREAM_FORMATS:
            raise ValueError(f"stream_format must be one of {', '.join(STREAM_FORMATS)}")
        self.text = ""
        self.kind = kind
        self.stream_format = stream_format
        self.prefix = prefix or f"amw-{uuid.uuid4().hex[:8]}"
        self._convert = convert
        self._key: tuple[Any, ...] | None = None
        self.view = ConverterView(
            status="empty",
            message=EMPTY_MESSAGE,
            message_html=f'<p class="amw-muted">{EMPTY_MESSAGE}</p>',
        )

    def update(
        self, text: str | bytes | None = None, *, kind: Any = ..., stream_format: str | None = None
    ) -> ConverterView:
        """Set any of input, kind (None = detect) and stream format; return the new view."""
        if text is not None:
            self.text = text
        if kind is not ...:
            self.kind = kind or None
        if stream_format is not None:
            if stream_format not in STREAM_FORMATS:
                raise ValueError(f"stream_format must be one of {', '.join(STREAM_FORMATS)}")
            self.stream_format = stream_format
        key = (self.text, self.kind, self.stream_format)
        if key != self._key:
            self.view = self._render()
            self._key = key
        return self.view

    def _render(self) -> ConverterView:
        started = time.perf_counter()
        try:
            text = as_text(self.text)
            if not text.strip():
                return ConverterView(
                    status="empty",
                    message=EMPTY_MESSAGE,
                    message_html=f'<p class="amw-muted">{EMPTY_MESSAGE}</p>',
                )
            result = self._run(text)
        except InternalError as exc:  # a bug of ours, not the input's fault
            log.debug("conversion failed", exc_info=True)
            return _internal_view(exc.__cause__ or exc, started)
        except WorkbookError as exc:
            return _error_view(exc, self.text if isinstance(self.text, str) else "", started)
        except Exception as exc:  # noqa: BLE001 - shown as a collapsed internal error, logged at DEBUG
            log.debug("conversion failed", exc_info=True)
            return _internal_view(exc, started)
        try:
            return self._result_view(result, started)
        except Exception as exc:  # noqa: BLE001 - a rendering bug must not break the page either
            log.debug("rendering failed", exc_info=True)
            return _internal_view(exc, started)

    def _run(self, text: str) -> ConversionResult:
        from ..kinds import detect_kind

        convert = self._convert
        if convert is None:
            from ..api import convert
        effective = self.kind or detect_kind(text)
        options = {"stream_format": self.stream_format} if is_stream_kind(effective) else {}
        return convert(text, kind=self.kind, **options)

    def _result_view(self, result: ConversionResult, started: float) -> ConverterView:
        language = language_of(result.kind, result.output)
        rows = note_rows(result.notes)
        verdict = (
            verdict_for(result.output, result.notes, result.source)
            if result.kind == "python"
            else NOT_APPLICABLE
        )
        headers = dict(result.extras.get("headers") or {})
        stream = bool(headers) or is_stream_kind(result.kind)
        detected = "detected" if result.detected else "chosen"
        summary = f"{result.kind} ({detected}): " + (
            f"converted, {len(rows)} note{'s' * (len(rows) != 1)}"
            if result.changed
            else f"already up to date, nothing changed, {len(rows)} note{'s' * (len(rows) != 1)}"
        )
        return ConverterView(
            status="ok",
            message=summary,
            kind=result.kind,
            detected=result.detected,
            output=result.output,
            changed=result.changed,
            notes=rows,
            verdict=verdict,
            headers=headers,
            is_stream=stream,
            language=language,
            output_html=highlight_html(result.output, language),
            diff_html=diff_html(redact(result.source), result.output, self.prefix),
            notes_html=notes_html(rows, self.prefix),
            verdict_html=verdict_html(verdict) if result.kind == "python" else "",
            headers_html=_headers_html(headers, self.stream_format) if stream else "",
            actions_html=actions_html(result.output, language),
            message_html=f'<p class="amw-summary">{html.escape(summary)}</p>',
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )
