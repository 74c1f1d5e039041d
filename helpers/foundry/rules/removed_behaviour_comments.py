"""Rule removed_behaviour_comments: comments that describe what the converted code no longer does.

Before:
    # Poll the run as long as run status is queued or in progress
    while run.status in ["queued", "in_progress"]: ...
After:
    # Poll the run as long as run status is queued or in progress
    (the loop is gone; the comment stays, with a note that it describes polling)

Comments are the user's words, so they are never changed: a note on each one
that talks about polling, runs waiting for tool outputs, or functions the SDK
called by itself says that this no longer happens.
"""
from __future__ import annotations

import ast
import io
import re
import tokenize

from ..context import Context
from ..registry import rule
from ...results import Note

RULE = rule("removed_behaviour_comments", "comments about polling / auto function calls -> a note")

TOPICS = (
    (re.compile(r"\bpoll(s|ed|ing)?\b|run status|wait(s|ing)? (for|until) the run", re.I),
     "polling: responses.create returns the finished response, nothing is polled any more"),
    (re.compile(r"requires_action|submit(ting)?[ _]tool[ _]outputs|tool outputs", re.I),
     "runs that wait for tool outputs: a response returns `function_call` items and your code sends "
     "`function_call_output` items in the next responses.create"),
    (re.compile(r"auto(matic(ally)?)?[ _-]?(function|tool)[ _]?call|enable_auto_function_calls|"
                r"(function|tool)[\w ]{0,30}automatically|automatically[\w ]{0,30}(function|tool)", re.I),
     "functions the SDK called by itself: 2.x never runs your functions; your code runs them"),
)
PREFILTER = re.compile(r"poll|run status|wait|requires_action|tool.outputs|auto", re.I)


@RULE.after
def note_comments(output: str, tree: ast.Module, ctx: Context) -> None:
    source = ctx.src.text
    if not PREFILTER.search(source):
        return
    noted: set[str] = set()  # topics noted in the current block of consecutive comment lines
    quotes = 0  # triple quotes before this line: odd means inside a string
    for number, line in enumerate(ctx.src.lines, 1):
        inside, quotes = quotes % 2, quotes + line.count('"""') + line.count("'''")
        if not line.lstrip().startswith("#"):
            noted = set()  # a code line ends the block (a trailing comment starts a new one)
        comment = None if inside else _comment(line)
        if comment is None or comment not in output:  # gone with removed code
            continue
        topic = next((topic for pattern, topic in TOPICS if pattern.search(comment)), None)
        if topic is not None and topic not in noted:
            noted.add(topic)
            column = len(line) - len(line.lstrip()) + 1 if line.lstrip().startswith("#") else line.index(comment) + 1
            ctx.notes.append(Note(number, "info", ctx.rule, f"This comment describes {topic}. "
                                  "Update or remove it.", column))


def _comment(line: str) -> str | None:
    """The comment on `line` when it may talk about removed behaviour, else None."""
    hash_at = line.find("#")
    if hash_at < 0 or not PREFILTER.search(line, hash_at):
        return None
    try:
        for token in tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline):
            if token.type == tokenize.COMMENT:
                return token.string
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    return None
