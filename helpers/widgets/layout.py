"""The ipywidgets page of the converter: one input box, the options, and the results.

All logic lives in `ConverterModel`; this module wires widgets to it and copies
its `ConverterView` onto the page. Edits are debounced (see `debounce.py`) so the
page converts as you type without converting on every keystroke.
"""

from __future__ import annotations

import html
import logging
from contextlib import contextmanager

import ipywidgets as widgets

from ..errors import UnknownKindError, WorkbookError
from ..examples import EXAMPLES, get_example
from ..inputs import as_text
from .debounce import Debouncer
from .model import STREAM_FORMATS, ConverterModel, ConverterView, available_kinds, is_stream_kind
from .styles import CSS
from .warm import start_warm_up

log = logging.getLogger(__name__)

# Inputs longer than this show "working..." while they convert.
LONG_INPUT = 20_000
DEBOUNCE_SECONDS = 0.15


def _full() -> widgets.Layout:
    # A fresh Layout per widget: a shared one would hide the whole page with the results.
    return widgets.Layout(width="100%")


def _section(title: str) -> widgets.HTML:
    return widgets.HTML(f'<div class="amw-section">{html.escape(title)}</div>')


class ConverterWidget(widgets.VBox):
    """The converter page; `model` holds the logic, `view` the last rendered data."""

    def __init__(
        self,
        model: ConverterModel,
        *,
        text: str = "",
        example: str | None = None,
        debounce: Debouncer | None = None,
    ) -> None:
        self.model = model
        self._quiet = False
        self.examples = widgets.Dropdown(
            options=[("Examples...", "")] + [(e.title, e.name) for e in EXAMPLES.values()],
            value=example or "",
            layout=widgets.Layout(width="22em"),
        )
        self.kind_choice = widgets.Dropdown(
            options=[("auto (detect)", "")] + [(k, k) for k in available_kinds()],
            value=model.kind or "",
            description="Kind",
            layout=widgets.Layout(width="20em"),
        )
        self.stream_choice = widgets.ToggleButtons(
            options=[(label, key) for key, label in STREAM_FORMATS.items()],
            value=model.stream_format,
            description="Stream",
            style={"button_width": "15em"},
        )
        self.upload = widgets.FileUpload(accept="", multiple=False, description="Load file")
        self.input = widgets.Textarea(
            value=text,
            continuous_update=True,
            layout=widgets.Layout(width="100%", height="16em"),
            placeholder="Paste legacy Assistants-API code, a JSON payload or a stream transcript",
        )
        self.input.add_class("amw-input")
        self.working = widgets.HTML("")
        self.status = widgets.HTML("")
        self.status.add_class("amw-status")
        self.actions = widgets.HTML("")
        self.output = widgets.HTML("", layout=_full())
        self.output.add_class("amw-output")
        self.headers = widgets.HTML("")
        self.verdict = widgets.HTML("")
        self.verdict.add_class("amw-verdict-box")
        self.notes = widgets.HTML("", layout=_full())
        self.notes.add_class("amw-notes-box")
        self.diff = widgets.HTML("", layout=_full())
        self.diff.add_class("amw-diff-box")
        self.run_button = widgets.Button(
            description="Run both", icon="play",
            tooltip="Run the original and the converted Python, each as its own process, against a fresh local service",
        )
        self.run_output = widgets.HTML("", layout=_full())
        self.run_box = widgets.VBox([
            _section("Run both"),
            widgets.HTML("<small>Only when you press the button: the original runs against the local service's "
                         "legacy side, the conversion against its new side, each in its own process with the "
                         "service's settings (never your real endpoints or keys).</small>"),
            self.run_button, self.run_output,
        ], layout=_full())
        self._results = widgets.VBox(
            [
                _section("Converted"),
                self.actions,
                self.output,
                self.headers,
                self.verdict,
                _section("Notes"),
                self.notes,
                _section("Side by side"),
                self.diff,
                self.run_box,
            ],
            layout=_full(),
        )
        toolbar = widgets.HBox(
            [self.examples, self.kind_choice, self.upload],
            layout=widgets.Layout(flex_flow="row wrap", grid_gap="8px"),
        )
        super().__init__(
            [
                widgets.HTML(CSS),
                toolbar,
                self.stream_choice,
                self.input,
                widgets.HBox([self.status, self.working]),
                self._results,
            ],
            layout=_full(),
        )
        self.add_class("amw-root")

        self.debouncer = debounce or Debouncer(self.refresh, DEBOUNCE_SECONDS)
        self.input.observe(self._on_text, names="value")
        self.kind_choice.observe(self._on_option, names="value")
        self.stream_choice.observe(self._on_option, names="value")
        self.examples.observe(self._on_example, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.run_button.on_click(self._on_run)
        self.refresh()

    @property
    def view(self) -> ConverterView:
        return self.model.view

    # --- events -------------------------------------------------------------------
    def _on_text(self, change) -> None:
        if self._quiet:
            return
        if self.examples.value and change["new"] != EXAMPLES[self.examples.value].text:
            with self._batch():  # the box no longer holds the example: do not claim it does
                self.examples.value = ""
        if len(change["new"]) > LONG_INPUT:
            self.working.value = '<span class="amw-working">working...</span>'
        self.debouncer.trigger()

    def _on_option(self, change) -> None:
        if not self._quiet:
            self.refresh()

    def _on_example(self, change) -> None:
        if self._quiet or not change["new"]:
            return
        self.load_text(get_example(change["new"]).text, kind=None)

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        name = upload.get("name", "file")
        with self._batch():
            self.upload.value = ()  # so that loading the same file again is a change too
        try:
            text = as_text(bytes(upload["content"]))
        except WorkbookError as exc:
            located = exc.located() if hasattr(exc, "located") else str(exc)
            self.status.value = (
                f'<div class="amw-error"><b>Cannot load {html.escape(name)}.</b> '
                f"{html.escape(located)}</div>"
            )
            return
        self.load_text(text, kind=None)

    # --- actions ------------------------------------------------------------------
    @contextmanager
    def _batch(self):
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def load_text(self, text: str, *, kind: str | None = None) -> None:
        """Replace the input (and the kind) and convert at once."""
        with self._batch():
            self.kind_choice.value = kind or ""
            self.input.value = text
        self.refresh()

    def refresh(self) -> None:
        """Convert the current input with the current options and show the result."""
        try:
            if len(self.input.value) > LONG_INPUT:
                self.working.value = '<span class="amw-working">working...</span>'
            view = self.model.update(
                self.input.value,
                kind=self.kind_choice.value or None,
                stream_format=self.stream_choice.value,
            )
            self._show(view)
        except Exception as exc:  # noqa: BLE001 - never a traceback on the page
            log.debug("refresh failed", exc_info=True)
            self.status.value = (
                f'<details class="amw-internal"><summary>internal error</summary>'
                f"<code>{html.escape(type(exc).__name__)}</code></details>"
            )
        finally:
            self.working.value = ""

    def _on_run(self, _button=None) -> None:
        import html

        from ..errors import WorkbookError
        from ..local.check import check_script

        self.run_button.disabled = True
        self.run_output.value = "<i>Running both versions against a fresh local service…</i>"
        try:
            report = check_script(self.input.value, timeout=60)
            mark = "✔" if report.ok else "✘"
            self.run_output.value = (f"<div class='amw-run'><b>{mark} {'both ran' if report.ok else 'problems found'}"
                                     f"</b><pre>{html.escape(report.text())}</pre></div>")
        except WorkbookError as exc:
            self.run_output.value = f"<div class='amw-run'>✘ {html.escape(str(exc))}</div>"
        finally:
            self.run_button.disabled = False

    def _show(self, view: ConverterView) -> None:
        ok = view.status == "ok"
        self.status.value = view.message_html
        self._results.layout.display = "" if ok else "none"
        stream = view.is_stream or is_stream_kind(self.kind_choice.value or None)
        self.stream_choice.layout.display = "" if stream else "none"
        if not ok:
            return
        self.actions.value = view.actions_html
        self.output.value = view.output_html
        self.headers.value = view.headers_html
        self.verdict.value = view.verdict_html
        self.notes.value = view.notes_html
        self.diff.value = view.diff_html
        self.run_box.layout.display = "" if view.kind == "python" else "none"
        self.run_output.value = ""


def converter(
    source: str | None = None,
    *,
    example: str | None = None,
    kind: str | None = None,
    stream_format: str = "ui-message-stream",
) -> ConverterWidget:
    """The converter widget, filled with `source` or the example called `example`.

    `kind=None` detects the kind of each input; `stream_format` picks the AI SDK
    format for Langdock streams ("ui-message-stream" for AI SDK 5, "data-stream"
    for AI SDK 4). Pasted text is parsed, never executed.
    """
    if kind is not None and kind not in available_kinds():
        raise UnknownKindError(
            f"unknown kind {kind!r}; choose one of: {', '.join(available_kinds())}", kind=kind
        )
    start_warm_up()  # pays the first conversion's imports before the first paste
    text = source if source is not None else (get_example(example).text if example else "")
    model = ConverterModel(kind=kind, stream_format=stream_format)
    chosen = example if (example and source is None) else None
    return ConverterWidget(model, text=text, example=chosen)
