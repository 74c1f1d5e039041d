"""JSON text in and out: located parse errors, layout-preserving dumps, path lookup.

Payload rules work on plain Python values; this module is the only place that
knows about the text around them. Parsing uses the C `json` module (fast), and
line numbers for notes are found afterwards, only for the paths that need them,
by one tokenising pass that stops as soon as every wanted path is found.
"""
from __future__ import annotations

import json
import re
from json.encoder import encode_basestring
from typing import Any, Iterable

from ..errors import InputError
from ..inputs import line_column

Path = tuple[str | int, ...]


def parse_json(text: str, *, kind: str | None = None) -> Any:
    """The JSON value of `text`, or `InputError` with the line and column at fault."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno, kind=kind) from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply to convert", kind=kind) from None


def format_path(path: Iterable[str | int]) -> str:
    """`("messages", 2, "content")` -> `messages[2].content` (the root is `$`)."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        elif re.fullmatch(r"[A-Za-z_$][\w$-]*", step):
            out += f".{step}" if out else step
        else:
            out += f"[{json.dumps(step, ensure_ascii=False)}]"
    return out or "$"


_LAYOUT_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:\n]')
_LAYOUT_SAMPLE = 65536
_encode = json.JSONEncoder(ensure_ascii=False).encode
_encode_str = encode_basestring  # the C function json uses for str with ensure_ascii=False


def _container_styles(text: str) -> tuple[dict[Path, bool], int | None]:
    """How the input lays out its containers, from its first 64 KB.

    Returns {generalised path: written on one line?} (array indexes become "*", so
    `messages.*` stands for every message) and the smallest depth at which a non-empty
    container was written on one line (None when every container was expanded).
    """
    styles: dict[Path, bool] = {}
    min_inline: int | None = None
    stack: list[list[Any]] = []  # [gpath, is_object, key, expecting_key, start_line, start_offset]
    line = 1
    for match in _LAYOUT_TOKEN.finditer(text, 0, _LAYOUT_SAMPLE):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in ("{", "["):
            if stack:
                parent = stack[-1]
                gpath = (*parent[0], parent[2] if parent[1] else "*")
            else:
                gpath = ()
            stack.append([gpath, token == "{", None, token == "{", line, match.end()])
        elif token in ("}", "]"):
            if not stack:  # only where the 64 KB sample cuts a string full of brackets
                break
            frame = stack.pop()
            gap = match.start() - frame[5]
            if gap > 8 or text[frame[5] : match.start()].strip():
                inline = frame[4] == line
                styles.setdefault(frame[0], inline)
                if inline and (min_inline is None or len(stack) < min_inline):
                    min_inline = len(stack)
        elif token == ",":
            if stack and stack[-1][1]:
                stack[-1][3] = True
        elif token != ":" and stack and stack[-1][1] and stack[-1][3]:
            try:
                stack[-1][2] = json.loads(token)
            except ValueError:
                stack[-1][2] = token[1:-1]
            stack[-1][3] = False
    for frame in stack:  # containers still open where the sample ends
        if frame[4] != line:
            styles.setdefault(frame[0], False)
    return styles, min_inline


def dump_like(value: Any, source: str) -> str:
    """`value` as JSON laid out like `source`; keeps a trailing newline if it had one.

    Compact input gives compact output (with the input's separators). Indented input keeps
    its indent, and containers the input wrote on one line (say, each message of a list)
    are written on one line again; containers new to the output follow the nearest
    comparable ones.
    """
    match = re.search(r"\n([ \t]+)\S", source[:_LAYOUT_SAMPLE])
    if match is None or "\n" not in source.strip():
        sample = source[:4096]
        compact = bool(re.search(r'"\s*:\S', sample)) and not re.search(r'":\s', sample)
        out = json.dumps(value, ensure_ascii=False, separators=(",", ":") if compact else (", ", ": "))
    else:
        styles, min_inline = _container_styles(source)
        out = _write(value, (), 0, match.group(1), styles, min_inline)
    return out + "\n" if source.endswith("\n") else out


def _write(value: Any, gpath: Path, depth: int, indent: str, styles: dict[Path, bool],
           min_inline: int | None) -> str:
    if not isinstance(value, (dict, list)) or not value:
        return _encode(value)
    inline = styles.get(gpath)
    if inline is None:
        inline = min_inline is not None and depth >= min_inline
    if inline:
        return _encode(value)
    pad = indent * (depth + 1)
    items = []
    # Scalars are written here directly: most nodes are scalars, and a call per node is slow.
    pairs = value.items() if isinstance(value, dict) else ((None, item) for item in value)
    for key, item in pairs:
        if isinstance(item, str):
            text = _encode_str(item)
        elif isinstance(item, (dict, list)) and item:
            text = _write(item, (*gpath, "*" if key is None else key), depth + 1, indent, styles, min_inline)
        else:
            text = _encode(item)
        items.append(f"{pad}{text}" if key is None else f"{pad}{_encode_str(key)}: {text}")
    if isinstance(value, dict):
        return "{\n" + ",\n".join(items) + "\n" + indent * depth + "}"
    return "[\n" + ",\n".join(items) + "\n" + indent * depth + "]"


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]')
_SPACE = re.compile(r"\s*")
_DECODER = json.JSONDecoder()


def locate(text: str, paths: Iterable[Path]) -> dict[Path, tuple[int, int]]:
    """1-based (line, column) of each wanted path, or of its deepest existing parent.

    Walks the tokens of `text` (strings and punctuation), entering only containers that a
    wanted path goes through; any other container is skipped in one C-speed `raw_decode`.
    Stops as soon as every wanted path has been seen.
    """
    wanted = {tuple(p) for p in paths}
    if not wanted:
        return {}
    enter: set[Path] = set()  # containers a wanted path goes *into*
    targets: set[Path] = set()
    for path in wanted:
        for n in range(len(path) + 1):
            targets.add(path[:n])
            if n < len(path):
                enter.add(path[:n])
    found: dict[Path, int] = {(): _SPACE.match(text).end()}
    missing = {p for p in targets if p not in found}
    # Each frame: [path, is_object, key_or_index, expecting_key]
    stack: list[list[Any]] = []
    pos = 0
    while missing:
        match = _TOKEN.search(text, pos)
        if match is None:
            break
        token = match.group()
        pos = match.end()
        if token in ("{", "["):
            path = (*stack[-1][0], stack[-1][2]) if stack else ()
            if path not in enter:
                try:
                    _, pos = _DECODER.raw_decode(text, match.start())
                except ValueError:
                    break
                continue
            frame = [path, token == "{", 0, token == "{"]
            stack.append(frame)
            if token == "[":
                _mark_element(frame, text, pos, found, missing)
        elif token in ("}", "]"):
            if not stack:
                break
            stack.pop()
        elif token == ",":
            if stack:
                frame = stack[-1]
                if frame[1]:
                    frame[3] = True
                else:
                    frame[2] += 1
                    _mark_element(frame, text, pos, found, missing)
        elif token != ":" and stack and stack[-1][1] and stack[-1][3]:
            frame = stack[-1]
            frame[3] = False
            try:
                frame[2] = json.loads(token)
            except ValueError:
                frame[2] = token[1:-1]
            child = (*frame[0], frame[2])
            if child in missing:
                found[child] = match.start()
                missing.discard(child)
    result = {}
    for path in wanted:
        for n in range(len(path), -1, -1):
            if path[:n] in found:
                result[path] = line_column(text, found[path[:n]])
                break
    return result


def _mark_element(frame: list[Any], text: str, offset: int, found: dict, missing: set) -> None:
    child = (*frame[0], frame[2])
    if child in missing:
        found[child] = _SPACE.match(text, offset).end()
        missing.discard(child)
