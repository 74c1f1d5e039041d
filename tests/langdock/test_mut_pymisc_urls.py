"""`helpers.langdock.urls.analyse` on the literal shapes the rules meet: hosts behind an
interpolation, `/api/public` prefixes, query keys with and without Langdock context."""
from __future__ import annotations

from helpers.langdock.urls import Finding, TextEdit, analyse

QUERY = TextEdit(0, 0, 13, "?agentId=")


def test_a_query_string_alone_is_renamed_only_in_langdock_code():
    assert analyse(["?assistantId="]).edits == []
    assert analyse(["?assistantId="], query_context=True).edits == [QUERY]


def test_a_legacy_or_new_path_makes_the_query_key_langdock_s():
    legacy = analyse(["https://api.langdock.com/assistant/v1/get?assistantId=1"])
    assert legacy.edits == [TextEdit(0, 24, 38, "/agent/v1/"), TextEdit(0, 41, 54, "?agentId=")]
    # the key sits in a later piece: `f"{BASE_URL}/assistant/v1/get" f"...&assistantId={x}"`
    split = analyse([None, "/assistant/v1/get?x=1", None, "&assistantId=", None])
    assert split.findings == [Finding("unknown-host", "get", None)]
    assert split.edits == [TextEdit(1, 0, 14, "/agent/v1/"), TextEdit(3, 0, 13, "&agentId=")]
    # a partly migrated URL: the path is new, the key is not
    half = analyse(["https://api.langdock.com/agent/v1/get?assistantId=1"])
    assert half.has_new_path and half.findings == []
    assert half.edits == [TextEdit(0, 37, 50, "?agentId=")]


def test_a_foreign_host_keeps_its_query_key_even_in_langdock_code():
    result = analyse(["https://gw.example/assistant/v1/get?assistantId=1"], query_context=True)
    assert result.findings == [Finding("foreign", "get", "gw.example")]
    assert result.edits == []


def test_api_public_prefixes_are_langdock_with_or_without_a_host():
    # a dedicated deployment whose base ends in a slash, joined with one more
    assert analyse(["https://ai.acme.example/api/public//assistant/v1/get"]).findings == [
        Finding("langdock", "get", "ai.acme.example")]
    # the host is an interpolation, the prefix is not: no need to note the host
    assert analyse([None, "/api/public/assistant/v1/get"]).findings == [
        Finding("langdock", "get", None)]
    assert analyse(["/api/public/assistant/v1/models"]).findings == [
        Finding("langdock", "models", None)]


def test_text_before_an_interpolation_still_counts_for_the_host():
    # `f"https://api.langdock.com{prefix}/v2{suffix}/assistant/v1/get"`
    result = analyse(["https://api.langdock.com", None, "/v2", None, "/assistant/v1/get"])
    assert result.findings == [Finding("langdock", "get", "api.langdock.com")]
    # a subdomain that is an interpolation: the host cannot be checked
    sub = analyse(["https://", None, ".langdock.com/assistant/v1/chat/completions"])
    assert sub.findings == [Finding("unknown-host", "chat/completions", None)]
    assert sub.edits == [TextEdit(2, 13, 27, "/agent/v1/")]


def test_a_base_url_without_the_slash_makes_the_query_key_langdock_s():
    # `f"https://api.langdock.com/assistant/v1{path}?assistantId={aid}"`
    result = analyse(["https://api.langdock.com/assistant/v1", None, "?assistantId=", None])
    assert result.findings == [Finding("langdock", None, "api.langdock.com")]
    assert result.edits == [TextEdit(0, 24, 37, "/agent/v1"), TextEdit(2, 0, 13, "?agentId=")]


def test_an_unknown_endpoint_is_named_without_its_query_or_fragment():
    def endpoint(rest: str) -> str | None:
        [finding] = analyse([f"https://api.langdock.com/assistant/v1/{rest}"]).findings
        assert finding.status == "unknown-endpoint"
        return finding.endpoint

    assert endpoint("files#a b#c") == "files"
    assert endpoint("files?a b?c") == "files"
    assert endpoint("?x=1") is None


def test_every_legacy_path_in_one_literal_is_found():
    text = "docs: https://api.langdock.com/assistant/v1/get and /assistant/v1/create"
    result = analyse([text])
    # the second path has no host of its own: the one before it counts
    assert result.findings == [Finding("langdock", "get", "api.langdock.com"),
                               Finding("langdock", "create", "api.langdock.com")]
    assert result.edits == [TextEdit(0, 30, 44, "/agent/v1/"), TextEdit(0, 52, 66, "/agent/v1/")]
