"""The read-only tree-sitter helpers every JavaScript rule builds on, one contract each."""
from __future__ import annotations

import pytest

from helpers.langdock import jstree
from helpers.langdock.javascript import parse


def _tree(code: str, kind: str = "javascript"):
    data = code.encode("utf-8")
    tree, _ = parse(data, kind)
    return data, tree.root_node


def _first(root, node_type):
    return next(n for n in jstree.walk(root) if n.type == node_type)


def _value(code: str, kind: str = "javascript"):
    """The value of the first variable declarator."""
    data, root = _tree(code, kind)
    return data, _first(root, "variable_declarator").child_by_field_name("value")


def test_walk_visits_every_node_in_document_order_and_stops_at_the_root():
    data, root = _tree("f(a, [b]);\ng(c);\n")
    idents = [jstree.text(data, n) for n in jstree.walk(root) if n.type == "identifier"]
    assert idents == ["f", "a", "b", "g", "c"]
    # anonymous tokens too, and nothing after the subtree of the node walked
    call = _first(root, "call_expression")
    tokens = [jstree.text(data, n) for n in jstree.walk(call) if n.child_count == 0]
    assert tokens == ["f", "(", "a", ",", "[", "b", "]", ")"]
    assert next(iter(jstree.walk(call))) == call


def test_text_decodes_utf8_and_replaces_broken_bytes():
    data, root = _tree('const s = "grüß";\n')
    string = _first(root, "string")
    assert jstree.text(data, string) == '"grüß"'
    data, root = _tree("x;")
    assert jstree.text(b"\xff;", _first(root, "identifier")) == "\ufffd"


@pytest.mark.parametrize("code,kind,expected", [
    ("const v = (await (fetchIt()));", "javascript", "fetchIt()"),
    ("const v = (res as any)!;", "typescript", "res"),
    ("const v = cfg satisfies Config;", "typescript", "cfg"),
    ("const v = plain;", "javascript", "plain"),
])
def test_unwrap_strips_parentheses_await_and_type_wrappers(code, kind, expected):
    data, value = _value(code, kind)
    assert jstree.text(data, jstree.unwrap(value)) == expected


def test_unwrap_of_nothing_is_nothing():
    assert jstree.unwrap(None) is None


@pytest.mark.parametrize("code,expected", [
    ('const v = "https://api.langdock.com";', "https://api.langdock.com"),
    ("const v = `${base}/agent/v1/models`;", None),
    ("const v = `/agent/v1/models`;", "/agent/v1/models"),
    ('const v = "a\\"b";', 'a\\"b'),  # raw inner text, escapes kept
    ("const v = name;", None),
    ("const v = '';", ""),
])
def test_string_value_is_the_raw_inner_text_of_plain_strings(code, expected):
    data, value = _value(code)
    assert jstree.string_value(data, value) == expected


def test_string_value_replaces_broken_bytes():
    data, value = _value('const v = "ab";')
    broken = data[:value.start_byte + 1] + b"\xff\xfe" + data[value.end_byte - 1:]
    assert jstree.string_value(broken, value) == "\ufffd\ufffd"


def test_string_value_of_nothing_is_nothing():
    assert jstree.string_value(b"", None) is None


def test_object_members_and_key_names():
    code = ('const v = { assistantId, "messages": m, \'stream\': true, [key]: 1, ...rest, '
            'assistantId: 2, 3: "n" };')
    data, obj = _value(code)
    members = jstree.object_members(data, obj)
    # the first of two equal keys wins; computed keys and spreads have no name
    assert list(members) == ["assistantId", "messages", "stream"]
    assert members["assistantId"].type == "shorthand_property_identifier"
    assert jstree.member_value(members["assistantId"]) == members["assistantId"]
    assert jstree.text(data, jstree.member_value(members["messages"])) == "m"
    keys = [p.child_by_field_name("key") for p in obj.named_children if p.type == "pair"]
    assert [jstree.key_name(data, k) for k in keys] == [
        "messages", "stream", None, "assistantId", None]  # `3` is a number key
    assert jstree.key_name(data, None) is None


def test_key_name_of_an_identifier():
    data, root = _tree("let agentId = 1;")
    assert jstree.key_name(data, _first(root, "identifier")) == "agentId"


@pytest.mark.parametrize("code,name,holder", [
    ("res.data.result;", "result", "result"),
    ('res.data["result"];', "result", "result"),
    ("res.data['result'];", "result", "result"),
    ("res.data[key];", None, None),
    ("res.data[`result`];", "result", None),
    ('res.data["res\\u0075lt"];', "res\\u0075lt", None),  # escape: two pieces
])
def test_property_name_and_the_node_holding_it(code, name, holder):
    data, root = _tree(code)
    statement = _first(root, "expression_statement")
    access = statement.named_children[0]
    assert jstree.property_name(data, access) == name
    node = jstree.property_node(access)
    assert (jstree.text(data, node) if node is not None else None) == holder


def test_property_name_of_anything_else_is_none():
    data, root = _tree("result;")
    assert jstree.property_name(data, _first(root, "identifier")) is None


@pytest.mark.parametrize("code,name,count", [
    ("fetch(url, opts);", "fetch", 2),
    ("client.chat.send();", "send", 0),
    ("(factory())(x);", None, 1),
    ("handlers[name](x, y);", None, 2),
    ("new Thing(a);", None, 1),
    ("new Date;", None, 0),  # no argument list at all
])
def test_callee_name_and_arguments(code, name, count):
    data, root = _tree(code)
    node = root.named_children[0].named_children[0]
    if node.type != "call_expression":
        assert jstree.callee_name(data, node) is None
        assert len(jstree.call_arguments(node)) == count
        return
    assert jstree.callee_name(data, node) == name
    assert len(jstree.call_arguments(node)) == count


@pytest.mark.parametrize("code,error_type,at", [
    ("let a = 1;\n", None, None),
    ("let a = 1;\nlet b = (;\nlet c = );\n", "ERROR", "= (;"),
    ("if (x) { y(); \n", "}", " \n"),  # a MISSING token right after `y();`
])
def test_first_error_is_the_first_error_or_missing_node(code, error_type, at):
    data, root = _tree(code)
    node = jstree.first_error(root)
    if error_type is None:
        assert node is None
        return
    assert (node.type, node.start_byte) == (error_type, code.index(at))
    assert node.is_error or node.is_missing


def test_key_name_of_a_shorthand_member():
    data, obj = _value("const v = { assistantId, messages };")
    assert [jstree.key_name(data, c) for c in obj.named_children] == ["assistantId", "messages"]
