"""A conversion as plain text: what the notebook prints in papermill runs."""

from __future__ import annotations

from .model import DEFAULT_STREAM_FORMAT, ConverterModel, ConverterView


def format_view(view: ConverterView) -> str:
    """The view as text: summary, converted output, notes, SDK verdict, stream headers."""
    if view.status != "ok":
        return f"{view.message}\n"
    lines = [view.message, "", "--- converted ---", view.output.rstrip("\n"), ""]
    lines.append(f"--- notes ({len(view.notes)}) ---")
    for row in view.notes:
        lines.append(f"{row.where or '-':>8}  {row.severity:<7}  {row.rule}: {row.message}")
    if view.verdict.status != "not-applicable":
        lines += ["", f"--- SDK check: {view.verdict.status} ---", view.verdict.summary]
        lines += [f"  line {c.line}: {c.call} {c.message}" for c in view.verdict.checks if not c.ok]
    if view.headers:
        lines += ["", "--- response headers ---"]
        lines += [f"{name}: {value}" for name, value in view.headers.items()]
    return "\n".join(lines) + "\n"


def conversion_report(
    text: str, kind: str | None = None, stream_format: str = DEFAULT_STREAM_FORMAT
) -> str:
    """Convert `text` and describe the result as plain text; bad input gives its located message."""
    model = ConverterModel(kind=kind, stream_format=stream_format, prefix="amw-report")
    return format_view(model.update(text))
