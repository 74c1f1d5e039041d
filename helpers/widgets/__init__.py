"""Presentation of the converters inside Jupyter: the converter widget and its parts.

Two lines in any notebook:

    from helpers.widgets import converter
    converter(example="threads")

`ConverterModel` holds the logic without widgets (tests drive it directly);
`conversion_report` prints a conversion as plain text for papermill runs.
"""

from __future__ import annotations

from .model import STREAM_FORMATS, ConverterModel, ConverterView
from .plain import conversion_report


def converter(
    source: str | None = None,
    *,
    example: str | None = None,
    kind: str | None = None,
    stream_format: str = "ui-message-stream",
):
    """The converter widget (an ipywidgets VBox); see `layout.converter`."""
    from .layout import converter as _converter  # ipywidgets is imported only when a page is shown

    return _converter(source, example=example, kind=kind, stream_format=stream_format)


__all__ = ["converter", "ConverterModel", "ConverterView", "STREAM_FORMATS", "conversion_report"]
