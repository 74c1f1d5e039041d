"""The deterministic stand-in model behind every surface of the local service.

It is not a language model and does not pretend to be: it answers by fixed
rules, so tests and lessons can predict what every path produces.

- Plain answer: repeats the last user text (`Local model: you said "..."`).
- Memory: when a conversation has earlier user turns, the answer also names the
  first one (`Earlier you said "..."`), which shows that context is kept.
- Function calling: when function tools are declared and the last user text
  mentions a word of a function's name (longer than three letters, verbs such
  as get/fetch/send ignored; a word also counts by its stem without -ing, -ed,
  -es or -s, so `opening_hours` matches "open"), the model calls that function once with
  arguments filled from its JSON schema; after the outputs come back it answers
  with them (`The tools returned: ...`).
- Code interpreter: when declared and the user asks for a chart, plot, file or
  code, it answers with code it "ran", its printed output and a small PNG file.
- File search: when declared with files, it answers with a quote of the first
  file and a citation of that file.
- Structured output: when asked for a JSON schema (`json_schema=`), the answer
  is a JSON object with every property of the schema, filled as function
  arguments are.

Surfaces translate their wire shapes into `Turn`s and tools (plain dicts in the
OpenAI function shape `{"type": "function", "name", "parameters"}` or
`{"type": "code_interpreter"}` / `{"type": "file_search"}`) and the `Reply`
back into their own shapes.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

IGNORED_WORDS = {"get", "fetch", "send", "make", "call", "using", "with", "from", "the", "and", "for", "name"}
CODE_WORDS = ("chart", "plot", "graph", "file", "code", "csv", "calculate", "compute")
# A 1x1 transparent PNG: what the code interpreter "generates".
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@dataclass
class Turn:
    role: str      # "user", "assistant", "system", "developer"
    text: str


@dataclass
class FunctionCall:
    name: str
    arguments: str  # JSON text, as every wire format carries it


@dataclass
class Citation:
    file_id: str
    filename: str
    quote: str


@dataclass
class CodeRun:
    code: str
    output: str
    file_name: str = "chart.png"
    file_bytes: bytes = PNG_BYTES


@dataclass
class Reply:
    text: str | None = None
    function_calls: list[FunctionCall] = field(default_factory=list)
    code_run: CodeRun | None = None
    citations: list[Citation] = field(default_factory=list)


def reply(turns: list[Turn], tools: list[dict[str, Any]] = (), *, tool_outputs: list[tuple[str, str]] = (),
          files: list[tuple[str, str, str]] = (), json_schema: dict[str, Any] | None = None) -> Reply:
    """The model's answer to `turns`.

    `tool_outputs`: (function name, output) pairs returned for this answer's
    calls, `files`: (file id, filename, text) searchable by file_search,
    `json_schema`: the schema the answer's text must follow.
    """
    user_texts = [t.text for t in turns if t.role == "user"]
    last = user_texts[-1] if user_texts else ""
    if tool_outputs:
        outputs = "; ".join(f"{name} -> {output}" for name, output in tool_outputs)
        return Reply(text=f"The tools returned: {outputs}")
    calls = [FunctionCall(tool["name"], json.dumps(_arguments(tool.get("parameters") or {}, last)))
             for tool in tools if tool.get("type") == "function" and _mentions(last, tool.get("name", ""))]
    if calls:
        return Reply(function_calls=calls)
    if json_schema is not None:
        return Reply(text=json.dumps(_arguments(json_schema, last, every=True)))
    text = f'Local model: you said "{last}"'
    if len(user_texts) > 1:
        text += f'. Earlier you said "{user_texts[0]}"'
    result = Reply(text=text + ".")
    kinds = {tool.get("type") for tool in tools}
    if "code_interpreter" in kinds and any(word in last.lower() for word in CODE_WORDS):
        result.code_run = CodeRun(code="print(sum(range(10)))", output="45")
        result.text += " I ran code and saved chart.png."
    if "file_search" in kinds and files:
        file_id, filename, content = files[0]
        quote = content.strip().splitlines()[0][:200] if content.strip() else ""
        result.citations.append(Citation(file_id, filename, quote))
        result.text += f' From {filename}: "{quote}"'
    return result


def _words(name: str) -> set[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name).replace("_", " ").replace("-", " ")
    return {w.lower() for w in spaced.split() if len(w) > 3 and w.lower() not in IGNORED_WORDS}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _mentions(text: str, function_name: str) -> bool:
    lowered = text.lower()
    return any(_stem(word) in lowered for word in _words(function_name))


def _arguments(schema: dict[str, Any], text: str, every: bool = False) -> dict[str, Any]:
    """Values for the schema's required properties (all of them when `every`; enums take their first value)."""
    properties = schema.get("properties") or {}
    values: dict[str, Any] = {}
    for name in list(properties) if every else schema.get("required") or list(properties)[:1]:
        spec = properties.get(name) or {}
        if spec.get("enum"):
            values[name] = spec["enum"][0]
        elif spec.get("type") in ("integer", "number"):
            values[name] = 1
        elif spec.get("type") == "boolean":
            values[name] = True
        elif spec.get("type") == "array":
            values[name] = []
        elif spec.get("type") == "object":
            values[name] = {}
        else:
            values[name] = _guess_string(name, text)
    return values


def _guess_string(name: str, text: str) -> str:
    # A capitalised word of the user text reads better than a fixed value
    # ("New York" for a location), and stays deterministic. Words that only
    # start a sentence ("When does ...") are not names.
    capitalised = re.findall(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", text.strip())
    return capitalised[-1] if capitalised else name
