"""Syntax-highlighted HTML for a converted text, chosen by its kind.

Pygments with inline styles, so the HTML looks the same in JupyterLab, Voila
and a saved notebook without a stylesheet.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import JavascriptLexer, JsonLexer, PythonLexer, TextLexer, TypeScriptLexer

# Above this many characters highlighting costs more than it helps: show plain text.
HIGHLIGHT_LIMIT = 200_000

_CODE_LEXERS = {"python": PythonLexer, "javascript": JavascriptLexer, "typescript": TypeScriptLexer}


@lru_cache(maxsize=8)
def _lexer(name: str) -> Lexer:
    return {**_CODE_LEXERS, "json": JsonLexer, "text": TextLexer}[name]()


@lru_cache(maxsize=1)
def _formatter() -> HtmlFormatter:
    return HtmlFormatter(noclasses=True, nowrap=True, style="default")


def language_of(kind: str, text: str) -> str:
    """The lexer name for a kind: code kinds by name, payloads by whether they are JSON."""
    if kind in _CODE_LEXERS:
        return kind
    stripped = text.lstrip()
    if stripped[:1] in "{[":
        try:
            json.loads(text)
            return "json"
        except ValueError:
            pass
    return "text"


def highlight_html(text: str, kind: str) -> str:
    """A `<pre>` with the highlighted text, or the escaped plain text when it is huge."""
    if len(text) > HIGHLIGHT_LIMIT:
        body = html.escape(text)
        return f'<pre class="amw-code amw-plain">{body}</pre>'
    body = highlight(text, _lexer(language_of(kind, text)), _formatter())
    return f'<pre class="amw-code">{body}</pre>'
