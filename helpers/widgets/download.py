"""Copy and download controls for the converted text, as self-contained HTML.

A data: URL needs no server route, so the link works the same in JupyterLab,
Voila and an exported page. The copy button reads a hidden textarea next to it.
"""

from __future__ import annotations

import base64
import html

_EXTENSIONS = {
    "python": ("py", "text/x-python"),
    "javascript": ("js", "text/javascript"),
    "typescript": ("ts", "text/typescript"),
    "json": ("json", "application/json"),
    "text": ("txt", "text/plain"),
}


def file_name_for(language: str) -> str:
    return f"converted.{_EXTENSIONS.get(language, _EXTENSIONS['text'])[0]}"


def data_url(text: str, language: str) -> str:
    mime = _EXTENSIONS.get(language, _EXTENSIONS["text"])[1]
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{mime};charset=utf-8;base64,{encoded}"


_COPY_JS = (
    "var b=this,t=b.parentElement.querySelector('textarea.amw-copy-source');"
    "function done(m){b.textContent=m;setTimeout(function(){b.textContent='Copy'},1500);}"
    "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(t.value)"
    ".then(function(){done('Copied')},function(){done('Copy failed')});}"
    "else{t.style.display='block';t.select();try{document.execCommand('copy');done('Copied')}"
    "catch(e){done('Copy failed')}t.style.display='none';}return false;"
)


def actions_html(text: str, language: str) -> str:
    """A Copy button and a Download link for `text`."""
    name = file_name_for(language)
    return (
        '<div class="amw-actions">'
        f'<button class="amw-copy" type="button" onclick="{html.escape(_COPY_JS)}">Copy</button> '
        f'<a class="amw-download" download="{name}" href="{data_url(text, language)}">'
        f"Download {name}</a>"
        '<textarea class="amw-copy-source" style="display:none" readonly>'
        f"{html.escape(text)}</textarea>"
        "</div>"
    )
