"""How deep the Python request flow follows a value: a literal at most six steps from
the request (names, `+` operands, function returns, callers' arguments) is converted
in place; one step further it counts as unseen and is converted at run time."""
from __future__ import annotations

from _pymisc_kit import (
    CHAT_NEW,
    CHAT_OLD,
    FORWARDED_BODY,
    FORWARDED_MESSAGES,
    IDS,
    TO_AGENT_REQUEST,
    TO_UI_MESSAGES,
    assert_notes,
    converted,
)

FWD = "langdock-forwarded-request"
PARTS = "langdock-message-parts"
OLD_MSG = '[{"role": "user", "content": "%s"}]'
NEW_MSG = '[{"id": "msg_%d", "role": "user", "parts": [{"type": "text", "text": "%s"}]}]'
OLD_BODY = '{"assistantId": "a1", "messages": [{"role": "user", "content": "Hi"}]}'
NEW_BODY = ('{"agentId": "a1", "messages": [{"id": "msg_0", "role": "user", '
            '"parts": [{"type": "text", "text": "Hi"}]}]}')


def _chain(name: str, steps: int, literal: str) -> str:
    """`name0 = literal`, then `name1 = name0` ... up to `name<steps>`."""
    return f"{name}0 = {literal}\n" + "".join(
        f"{name}{i} = {name}{i - 1}\n" for i in range(1, steps + 1))


def _module(chains: str, call: str) -> str:
    return "import requests\n\n" + CHAT_OLD + chains + call


def test_both_operands_of_a_plus_four_names_away_are_converted_in_place():
    chains = _chain("m", 4, OLD_MSG % "a") + _chain("n", 4, OLD_MSG % "b")
    call = 'requests.post(URL, json={"assistantId": "a1", "messages": m4 + n4})\n'
    result = converted(_module(chains, call))
    assert result.output == ("import requests\n\n" + CHAT_NEW
                             + _chain("m", 4, NEW_MSG % (0, "a"))
                             + _chain("n", 4, NEW_MSG % (1, "b"))
                             + call.replace("assistantId", "agentId"))
    assert_notes(result, [(4, "info", PARTS, IDS)])


def test_a_left_operand_five_names_away_is_unseen():
    chains = _chain("m", 5, OLD_MSG % "a")
    call = 'requests.post(URL, json={"assistantId": "a1", "messages": m5 + []})\n'
    result = converted(_module(chains, call))
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + "\n\n" + CHAT_NEW + chains
        + 'requests.post(URL, json={"agentId": "a1", "messages": to_ui_messages(m5 + [])})\n')
    assert_notes(result, [(10, "warning", FWD, FORWARDED_MESSAGES)])


def test_a_right_operand_five_names_away_is_unseen():
    chains = _chain("m", 5, OLD_MSG % "a")
    call = 'requests.post(URL, json={"assistantId": "a1", "messages": [] + m5})\n'
    result = converted(_module(chains, call))
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + "\n\n" + CHAT_NEW + chains
        + 'requests.post(URL, json={"agentId": "a1", "messages": to_ui_messages([] + m5)})\n')
    assert_notes(result, [(10, "warning", FWD, FORWARDED_MESSAGES)])


def _returned(steps: int) -> str:
    return ("\n\ndef build():\n"
            f"    return b{steps}\n"
            "\n\n"
            "requests.post(URL, json=build())\n")


def test_a_body_a_function_returns_four_names_away_is_converted_in_place():
    result = converted(_module(_chain("b", 4, OLD_BODY), _returned(4)))
    assert result.output == ("import requests\n\n" + CHAT_NEW + _chain("b", 4, NEW_BODY)
                             + _returned(4))
    assert_notes(result, [(4, "info", PARTS, IDS)])


def test_a_body_a_function_returns_five_names_away_is_unseen():
    result = converted(_module(_chain("b", 5, OLD_BODY), _returned(5)))
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + TO_AGENT_REQUEST + "\n\n" + CHAT_NEW
        + _chain("b", 5, OLD_BODY.replace("assistantId", "agentId"))
        + _returned(5).replace("json=build()", "json=to_agent_request(build())"))
    assert_notes(result, [(16, "warning", FWD, FORWARDED_BODY)])


def _caller(steps: int) -> str:
    return ("\n\ndef ask(body):\n"
            "    return requests.post(URL, json=body)\n"
            "\n\n"
            f"ask(p{steps})\n")


def test_a_body_every_caller_passes_four_names_away_is_converted_in_place():
    result = converted(_module(_chain("p", 4, OLD_BODY), _caller(4)))
    assert result.output == ("import requests\n\n" + CHAT_NEW + _chain("p", 4, NEW_BODY)
                             + _caller(4))
    assert_notes(result, [(4, "info", PARTS, IDS)])


def test_a_body_a_caller_passes_five_names_away_is_unseen_and_stays_the_client_s():
    result = converted(_module(_chain("p", 5, OLD_BODY), _caller(5)))
    # the caller's dict plays the client: its key stays `assistantId`
    assert result.output == (
        "import requests\n" + TO_UI_MESSAGES + TO_AGENT_REQUEST + "\n\n" + CHAT_NEW
        + _chain("p", 5, OLD_BODY)
        + _caller(5).replace("json=body", "json=to_agent_request(body)"))
    assert_notes(result, [(13, "warning", FWD, FORWARDED_BODY)])
