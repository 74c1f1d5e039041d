"""Write notebooks/converter.ipynb from the cells below (no outputs, no execution counts).

The notebook is generated so its cells stay reviewable as plain Python; run
`python scripts/build_converter_notebook.py` after editing a cell.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

INTRO = """\
# Converter: from the Assistants API to the Agents API

Paste legacy code or a payload into the box below and the migrated version appears
underneath while you type. It understands:

- **Python** written for classic Foundry agents (`azure-ai-agents`, `azure-ai-projects` 1.x)
  or for OpenAI's beta Assistants (`client.beta.assistants`, `client.beta.threads`),
  and Python that calls Langdock's `/assistant/v1/...` endpoints;
- **JavaScript and TypeScript** that calls Langdock with `fetch` or `axios`;
- **JSON payloads** (Foundry run and thread objects, Langdock chat requests and responses)
  and **Langdock stream transcripts**, which become an AI SDK 5 UI message stream or an
  AI SDK 4 data stream, whichever you pick.

What you see for each input: the detected kind (override it with *Kind*), the converted
text with Copy and Download, the **notes**, a check of the converted Python against the
installed SDKs, and a side-by-side diff.

**Notes** are the things a converter could not, or should not, decide for you. Each has the
line (or JSON path) in *your input*, a severity (*error*: the result will not work until you
act, *warning*: check this, *info*: what was changed and why), the rule that wrote it, and
advice. Click a line number to jump to it in the diff.

Nothing you paste is executed: the text is only parsed and rewritten.
"""

SETUP = """\
# Find the `helpers` package whether Jupyter was started in the repository root or in
# notebooks/ (Voila and papermill start the kernel next to the notebook). After
# `pip install -e .` the import works directly and this cell changes nothing.
import sys
from pathlib import Path

try:
    import helpers  # noqa: F401
except ImportError:
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / "helpers" / "__init__.py").is_file():
            sys.path.insert(0, str(folder))
            break
    import helpers  # noqa: F401
"""

PARAMETERS = """\
# Parameters (papermill replaces this cell's values): the text to convert, its kind
# (None = detect), the example shown when `source` is empty, and the stream format.
source = ""
kind = None
example = "threads"
stream_format = "ui-message-stream"
"""

WIDGET_INTRO = """\
## Paste here

Pick an example from the menu, load a file, or paste your own code. The result updates as
you type.
"""

WIDGET = """\
from helpers.widgets import converter

converter(source or None, example=example, kind=kind, stream_format=stream_format)
"""

PLAIN_INTRO = """\
## Scripted runs

When the notebook runs with a `source` parameter (for example
`papermill notebooks/converter.ipynb out.ipynb -p source "$(cat legacy.py)"`), the next
cell prints the conversion as plain text.
"""

PLAIN = """\
from helpers.widgets import conversion_report

# Interactive sessions use the widget above; print only for scripted runs with a source.
if source:
    print(conversion_report(source, kind=kind, stream_format=stream_format))
"""

NEXT = """\
## What next

Copy or download the result, work through its notes from the top (errors first), and run
the converted code against a test project before you switch production traffic. The
course notebooks walk through each migration step with this same converter.
"""


def build() -> nbformat.NotebookNode:
    notebook = new_notebook(
        cells=[
            new_markdown_cell(INTRO),
            new_code_cell(SETUP),
            new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
            new_markdown_cell(WIDGET_INTRO),
            new_code_cell(WIDGET),
            new_markdown_cell(PLAIN_INTRO),
            new_code_cell(PLAIN),
            new_markdown_cell(NEXT),
        ],
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"converter-{index}"
    return notebook


def main() -> None:
    target = Path(__file__).resolve().parent.parent / "notebooks" / "converter.ipynb"
    nbformat.write(build(), target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
