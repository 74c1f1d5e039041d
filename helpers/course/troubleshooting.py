"""Paste an error message, get the cause and the fix.

Covers the errors migrating code meets most (the Microsoft guide's
troubleshooting table, in our words, and what the local service answers when
a request is wrong). Matching is by the message's tell-tale words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnosis:
    title: str
    cause: str
    fix: str


_KNOWN: list[tuple[str, Diagnosis]] = [
    (r"'AIProjectClient' object has no attribute '(conversations|responses|threads)'", Diagnosis(
        "Conversations live on the OpenAI client",
        "In azure-ai-projects 2.x the project client only manages agents and project resources; "
        "conversations and responses belong to the OpenAI client it hands out.",
        "openai_client = project_client.get_openai_client(), then openai_client.conversations / .responses.")),
    (r"has no attribute 'create_agent'|has no attribute 'threads'", Diagnosis(
        "The 2.x project client has no classic agent calls",
        "create_agent, threads, messages and runs were the classic (1.x) surface.",
        "Use project_client.agents.create_version(agent_name=..., definition=PromptAgentDefinition(...)) and the "
        "OpenAI client's conversations and responses.")),
    (r"'str' object has no attribute 'value'", Diagnosis(
        "Reading an answer the legacy way",
        "A content part's .text is a plain string in the new API; the legacy .text.value is gone.",
        "Use response.output_text for the last answer, or part.text on output_text parts.")),
    (r"(?i)invalid.*(agent )?name|name.*(must|should) (start|only)|alphanumeric", Diagnosis(
        "The agent name breaks the 2.x rule",
        "2.x names start and end with a letter or digit, may hold hyphens inside, and have at most 63 characters; "
        "legacy names such as 'Math Tutor' are not valid as they are.",
        "Rename it, for example 'Math Tutor' -> 'math-tutor'; the converter does this and notes the mapping.")),
    (r"(?i)unknown parameter: 'agent'|unrecognized request argument.*agent", Diagnosis(
        "The agent reference has the wrong key",
        "One example of the February 2026 Microsoft guide sends extra_body={'agent': {...}}; the service wants "
        "'agent_reference'.",
        'extra_body={"agent_reference": {"name": agent.name, "type": "agent_reference"}}')),
    (r"(?i)bearer token authentication is not permitted for non-tls", Diagnosis(
        "Tokens over plain http",
        "azure-core refuses to send bearer tokens to http:// endpoints.",
        "Use the https endpoint (the local service speaks TLS; `python -m helpers run` trusts its CA for you).")),
    (r"(?i)(404|not found).*(assistants|threads)|/v1/assistants.*404", Diagnosis(
        "The OpenAI Assistants API is gone",
        "OpenAI shut the Assistants API down on 2026-08-26; its endpoints answer 404.",
        "Convert the code (python -m helpers convert --write FILE) to Foundry agents, conversations and responses.")),
    (r"(?i)getOpenAIClient is not a function", Diagnosis(
        "JavaScript: @azure/ai-projects is too old",
        "getOpenAIClient arrived with @azure/ai-projects 2.x.",
        "npm install @azure/ai-projects@^2 and call await projectClient.getOpenAIClient().")),
    (r"(?i)assistantId|/assistant/v1.*(400|deprecated)|agentId.*required", Diagnosis(
        "Langdock: a mixed request",
        "The /agent/v1 endpoints want agentId (or a temporary agent) and UI messages with parts; "
        "assistantId and content strings belong to /assistant/v1.",
        "Convert the body too: python -m helpers convert FILE shows both the URL and the body changes.")),
    (r"(?i)no endpoint lists conversations|has no attribute 'list'.*conversations", Diagnosis(
        "Conversations cannot be listed",
        "There is no endpoint that lists conversations, unlike threads.list().",
        "Keep the conversation ids you create (for example in your database), or tag them with metadata.")),
]


def diagnose(error_text: str) -> list[Diagnosis]:
    """Every known cause whose pattern matches the text (most specific first); empty when none does."""
    return [diagnosis for pattern, diagnosis in _KNOWN if re.search(pattern, error_text)]
