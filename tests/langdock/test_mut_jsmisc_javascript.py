"""The JavaScript converter's own machinery: syntax-error locations, the grammar
choice (TypeScript falling back to TSX), edits that collide, notes and their
columns, and the safety net for a rewrite that would not parse."""
from __future__ import annotations

import pytest
from _langdock_kit import js_parses

from helpers.errors import InputError
from helpers.langdock import js_rules
from helpers.langdock.javascript import JsContext, convert_javascript, parse
from helpers.langdock.js_rules import JsRule
from helpers.results import Note

LD = "https://api.langdock.com"
OVERLAP = "Two rewrites touched the same code; this one was skipped."
INVALID = ("The rewrite produced invalid code, so the input was returned unchanged; "
           "please report this input.")


# -- syntax errors: what and where (1-based line, column in characters) ------------------
@pytest.mark.parametrize("code,kind,message,line,column", [
    # the column counts characters: `ü` is two bytes but one column
    ("let ü = 1; let b = #;\n", "javascript", "unexpected '#'", 1, 20),
    # a paste that starts with a blank line: every line counts
    ("\n// pasted\nlet b = #;\n", "javascript", "unexpected '#'", 3, 9),
    ("\nlet b = #;\n", "javascript", "unexpected '#'", 2, 9),
    # skipped code holding more skipped code: the innermost is the mistake
    ("if (ready) { send(.); } else { wait(); }\n", "javascript", "unexpected '.'", 1, 19),
    # a long unexpected token is cut to 20 characters
    ("function ask(requestAssistantAnswerFromLangdock requestAssistantAnswerFromLangdock) {}\n",
     "javascript", "unexpected 'requestAssistantAnsw'", 1, 49),
    # ... 20 characters, not bytes: no broken `Ü` at the cut
    ("function frage(gestern antwortÜberDasWetterVonGestern nochEine) {}\n",
     "javascript", "unexpected 'antwortÜberDasWetter'", 1, 24),
    # a token the parser inserted: reported where it is missing
    ('const answer = await fetch(url, { method: "POST", body: JSON.stringify(body) };\n',
     "javascript", "missing ')'", 1, 79),
    # unclosed code: the end of the input, trailing blank lines included
    ("const body = {\n  assistantId: id,\n\n   \n", "typescript",
     "unexpected end of input (something is not closed)", 5, 1),
    # a stray closer on the last line is not unclosed code
    ("const a = 1\nanswer )\n", "javascript", "unexpected ')'", 2, 8),
    ("send(body))\n", "tsx", "unexpected ')'", 1, 11),
    ("const list = [1, 2]]\n", "javascript", "unexpected ']'", 1, 20),
    ("if (ok) { run(); }}\n", "javascript", "unexpected '}'", 1, 19),
    # an unterminated regex: the token it stopped at is blank
    ("const spaces = /   \nvalue = / +/g;\n", "javascript", "unexpected input", 1, 20),
    # both TypeScript grammars fail: the error names the kind asked for
    ("const el = <div>hi</div>;\nlet a: = 1;\n", "typescript", "unexpected '='", 2, 8),
])
def test_syntax_error_says_what_and_where(code, kind, message, line, column):
    with pytest.raises(InputError) as info:
        convert_javascript(code, kind=kind)
    error = info.value
    assert (error.message, error.line, error.column, error.kind) == (
        f"{kind} syntax error: {message}", line, column, kind)


def test_type_annotations_are_a_syntax_error_in_javascript():
    # JavaScript does not fall back to a TypeScript grammar
    with pytest.raises(InputError) as info:
        convert_javascript("let retries: number = 3;\n", kind="javascript")
    assert info.value.message.startswith("javascript syntax error: ")
    assert (info.value.line, info.value.kind) == (1, "javascript")


def test_unknown_kind_is_named_with_the_choices():
    with pytest.raises(InputError) as info:
        convert_javascript("let a = 1;\n", kind="coffeescript")
    assert info.value.message == (
        "unknown code kind 'coffeescript'; expected one of javascript, typescript, tsx")
    assert info.value.kind == "coffeescript"


def test_binary_input_is_refused_with_the_kind_asked_for():
    with pytest.raises(InputError) as info:
        convert_javascript(b"\x89PNG\r\n\x1a\n\x00\x00", kind="typescript")
    assert (info.value.message, info.value.kind) == ("this is binary data, not text",
                                                     "typescript")


@pytest.mark.parametrize("kind", ["typescript", "tsx"])
def test_blank_input_keeps_its_kind(kind):
    result = convert_javascript(" \n\n", kind=kind)
    assert (result.kind, result.source, result.output, result.notes, result.extras) == (
        kind, " \n\n", " \n\n", (), {})


# -- grammar choice ------------------------------------------------------------------------
def test_typescript_with_jsx_is_converted_with_the_tsx_grammar():
    code = (
        "const Answer = ({ text }: { text: string }) => <p>{text}</p>;\n"
        f'const url: string = "{LD}/assistant/v1/models";\n'
    )
    result = convert_javascript(code, kind="typescript")
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/")
    assert (result.kind, result.extras, result.notes) == ("typescript", {"grammar": "tsx"}, ())
    assert js_parses(result.output, "tsx")


def test_typescript_angle_bracket_cast_stays_on_the_typescript_grammar():
    # `<string>x` is a cast in .ts files and a syntax error in .tsx ones
    code = f'const raw = <string>process.env.URL ?? "{LD}/assistant/v1/models";\n'
    result = convert_javascript(code, kind="typescript")
    assert result.output == code.replace("/assistant/v1/", "/agent/v1/")
    assert (result.kind, result.extras) == ("typescript", {})


@pytest.mark.parametrize("kind", ["javascript", "tsx"])
def test_jsx_needs_no_fallback_in_javascript_and_tsx(kind):
    code = f'const link = <a href="{LD}/assistant/v1/models">models</a>;\n'
    result = convert_javascript(code, kind=kind)
    assert (result.kind, result.extras) == (kind, {})


def test_unchanged_code_comes_back_as_the_same_text():
    code = "// nothing to migrate\nconst total = items.reduce((a, b) => a + b, 0);\n"
    result = convert_javascript(code.encode("utf-8"), kind="typescript")
    assert (result.source, result.output, result.changed, result.notes) == (code, code, False, ())


# -- JsContext: positions, notes, edits ---------------------------------------------------
def _context(code: str, kind: str = "javascript") -> JsContext:
    data = code.encode("utf-8")
    tree, grammar = parse(data, kind)
    return JsContext(data, tree, grammar)


def test_position_is_line_and_character_column():
    ctx = _context("a;\n/* Grüße */ b;\n\nc;")
    assert ctx.position(0) == (1, 1)
    assert ctx.position(2) == (1, 3)  # the newline itself
    assert ctx.position(3) == (2, 1)
    assert ctx.position(ctx.source.index(b"b;")) == (2, 13)  # ü and ß are one column each
    assert ctx.position(ctx.source.index(b"c;")) == (4, 1)


def test_note_column_counts_characters_through_the_public_api():
    code = (f'/* Grüße */ axios.patch("{LD}/assistant/v1/update", '
            '{ assistantId: id, name: "Ü" });\n')
    result = convert_javascript(code)
    assert [(n.line, n.column, n.severity, n.rule) for n in result.notes] == [
        (1, 25, "warning", "langdock-publish-after-update")]


def test_one_note_per_rule_line_and_message():
    ctx = _context("first();\nsecond();\n")
    first, second = ctx.nodes("call_expression")
    ctx.note(first, "warning", "r", "m")
    ctx.note(first.start_byte + 3, "info", "r", "m")  # same rule, line and message
    ctx.note(first, "warning", "r", "other")
    ctx.note(first, "warning", "s", "m")
    ctx.note(second, "warning", "r", "m")
    assert ctx.notes == [
        Note(1, "warning", "r", "m", column=1),
        Note(1, "warning", "r", "other", column=1),
        Note(1, "warning", "s", "m", column=1),
        Note(2, "warning", "r", "m", column=1),
    ]


def test_nodes_of_several_types_come_in_document_order():
    ctx = _context("const a = f();\nfunction g() { const inner = 1; }\nconst b = 1;\n")
    found = [(n.type, ctx.text(n.child_by_field_name("name")))
             for n in ctx.nodes("variable_declarator", "function_declaration")]
    assert found == [("variable_declarator", "a"), ("function_declaration", "g"),
                     ("variable_declarator", "inner"), ("variable_declarator", "b")]
    assert [ctx.text(n) for n in ctx.nodes("identifier")] == ["a", "f", "g", "inner", "b"]
    assert ctx.nodes("class_declaration") == []


def test_overlapping_edit_is_skipped_with_a_warning_where_it_starts():
    ctx = _context("const answer = res.data.result;\n")
    src = ctx.source
    ctx.replace(src.index(b"res"), src.index(b";"), "read(res)", "outer")
    ctx.replace(src.index(b"result"), src.index(b"result") + 6, "messages", "inner")
    ctx.insert(src.index(b".data"), "?", "insert")
    assert ctx.apply() == b"const answer = read(res);\n"
    assert ctx.notes == [Note(1, "warning", "insert", OVERLAP, column=19),
                         Note(1, "warning", "inner", OVERLAP, column=25)]


def test_an_edit_inside_a_skipped_one_stays_skipped():
    ctx = _context("call(alpha, beta);\n")
    src = ctx.source
    ctx.replace(src.index(b"("), src.index(b")") + 1, "(x)", "wide")  # (alpha, beta)
    ctx.replace(src.index(b"alpha"), src.index(b"alpha") + 5, "a", "a-rule")
    ctx.replace(src.index(b"beta"), src.index(b"beta") + 4, "b", "b-rule")
    assert ctx.apply() == b"call(x);\n"
    assert [(n.rule, n.column) for n in ctx.notes] == [("a-rule", 6), ("b-rule", 13)]


def test_of_two_edits_starting_together_the_shorter_wins():
    ctx = _context("call(alpha, beta);\n")
    src = ctx.source
    ctx.replace(src.index(b"alpha"), src.index(b")"), "x", "wide")  # alpha, beta
    ctx.replace(src.index(b"alpha"), src.index(b"alpha") + 5, "a", "narrow")
    assert ctx.apply() == b"call(a, beta);\n"
    assert ctx.notes == [Note(1, "warning", "wide", OVERLAP, column=6)]


def test_touching_edits_and_inserts_at_one_point_all_apply_in_order():
    ctx = _context("f(a);\n")
    a = ctx.source.index(b"a")
    ctx.insert(a, "[", "first")
    ctx.replace(a, a + 1, "b", "middle")
    ctx.insert(a, "<", "second")  # same point, registered later: after "["
    ctx.insert(a + 1, "]", "after")  # starts where the replacement ends
    assert ctx.apply() == b"f([<b]);\n"
    assert ctx.notes == []


def test_edits_apply_in_byte_order_whatever_order_they_came_in():
    ctx = _context("one; two; three;\n")
    src = ctx.source
    ctx.replace(src.index(b"three"), src.index(b"three") + 5, "3", "r")
    ctx.replace(src.index(b"one"), src.index(b"one") + 3, "1", "r")
    ctx.replace(src.index(b"two"), src.index(b"two") + 3, "2", "r")
    assert ctx.apply() == b"1; 2; 3;\n"


def test_multibyte_replacement_text_is_utf8():
    ctx = _context('greet("hi");\n')
    start = ctx.source.index(b"hi")
    ctx.replace(start, start + 2, "grüß", "r")
    assert ctx.apply() == 'greet("grüß");\n'.encode("utf-8")


# -- the safety nets around the rules -------------------------------------------------------
def _only_rule(monkeypatch, apply) -> None:
    monkeypatch.setattr(js_rules, "RULES", [JsRule("test-rule", apply, "test")])


def test_a_rewrite_that_does_not_parse_returns_the_input_with_an_error_note(monkeypatch):
    def break_the_call(ctx):
        call = ctx.nodes("call_expression")[0]
        ctx.note(call, "info", "test-rule", "about to break it")
        ctx.replace(call.end_byte - 1, call.end_byte, "", "test-rule")  # drops `)`

    _only_rule(monkeypatch, break_the_call)
    code = f'fetch("{LD}/agent/v1/models");\n'
    result = convert_javascript(code)
    assert result.output == code and not result.changed
    assert result.notes == (
        Note(None, "error", "langdock-js", INVALID),
        Note(1, "info", "test-rule", "about to break it", column=1),
    )


def test_a_rewrite_checked_with_the_grammar_that_parsed_the_input(monkeypatch):
    # TypeScript with JSX parsed as TSX: the rewritten code is checked as TSX too
    def rename(ctx):
        name = ctx.nodes("pair")[0].child_by_field_name("key")
        ctx.replace(name.start_byte, name.end_byte, "agentId", "test-rule")

    _only_rule(monkeypatch, rename)
    code = "const el = <Chat assistantId={id} />;\nconst body = { assistantId: id };\n"
    result = convert_javascript(code, kind="typescript")
    assert result.output == code.replace("{ assistantId:", "{ agentId:")
    assert (result.notes, result.extras) == ((), {"grammar": "tsx"})


@pytest.mark.parametrize("exc", [RecursionError, MemoryError, ValueError])
def test_exhaustion_inside_a_rule_is_an_input_error_naming_the_kind(monkeypatch, exc):
    def explode(ctx):
        raise exc("too deep")

    _only_rule(monkeypatch, explode)
    with pytest.raises(InputError) as info:
        convert_javascript("let a = 1;\n", kind="tsx")
    assert info.value.message == f"could not convert this tsx code: {exc.__name__}"
    assert info.value.kind == "tsx"
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_an_edit_at_the_very_first_byte_applies():
    ctx = _context("assistantId;\n")
    ctx.replace(0, len("assistantId"), "agentId", "r")
    ctx.insert(0, "/* moved */ ", "s")
    assert ctx.apply() == b"/* moved */ agentId;\n"
    assert ctx.notes == []
