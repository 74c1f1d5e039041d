"""Legacy values → their 2.x values: statuses, roles, usage fields, reasons, truncation.

Each table maps a legacy value to `(new value or None, note)`; an empty note means
the value carries over as it is. `None` means there is no counterpart.
"""
from __future__ import annotations

Table = dict[str, tuple[str | None, str]]

RUN_STATUS: Table = {
    "queued": ("queued", ""),
    "in_progress": ("in_progress", ""),
    "completed": ("completed", ""),
    "failed": ("failed", ""),
    "cancelled": ("cancelled", ""),
    "incomplete": ("incomplete", ""),
    "requires_action": ("completed", "the response completes with function_call items; answer them "
                                     "with function_call_output items in the next responses.create"),
    "cancelling": ("cancelled", "responses have no cancelling state"),
    "expired": ("failed", "responses do not expire; an expired run reads as failed"),
}

MESSAGE_STATUS: Table = {
    "completed": ("completed", ""),
    "in_progress": ("in_progress", ""),
    "incomplete": ("incomplete", ""),
}

RUN_STEP_STATUS: Table = {
    "completed": ("completed", ""),
    "in_progress": ("in_progress", ""),
    "failed": ("incomplete", "output items have no failed state"),
    "cancelled": ("incomplete", "output items have no cancelled state"),
    "expired": ("incomplete", "output items have no expired state"),
}

ROLE: Table = {
    "user": ("user", "its text becomes input_text content"),
    "assistant": ("assistant", "its text becomes output_text content (MessageRole.AGENT is 'assistant')"),
}

INCOMPLETE_REASON: Table = {
    "max_completion_tokens": ("max_output_tokens", ""),
    "content_filter": ("content_filter", ""),
    "max_prompt_tokens": (None, "responses have no input token cap; the legacy reason is kept under "
                                "`unconverted`"),
}

# Run usage → response usage. Details the legacy usage never reported are filled with 0 (noted).
USAGE: Table = {
    "prompt_tokens": ("input_tokens", ""),
    "completion_tokens": ("output_tokens", ""),
    "total_tokens": ("total_tokens", ""),
    "prompt_token_details.cached_tokens": ("input_tokens_details.cached_tokens", ""),
    "completion_tokens_details.reasoning_tokens": ("output_tokens_details.reasoning_tokens", ""),
}
USAGE_NEW_ONLY: dict[str, str] = {
    "input_tokens_details.cache_write_tokens": "the legacy usage has no count of tokens written to the cache",
}

TRUNCATION: Table = {
    "auto": ("auto", "the service drops the oldest items when the input does not fit"),
    "last_messages": (None, "responses keep no last-N window: trim the conversation yourself"),
}

# Legacy error codes the response error knows; any other code becomes server_error (noted).
ERROR_CODES = ("server_error", "rate_limit_exceeded", "invalid_prompt")


def lookup(table: Table, value: object) -> tuple[str | None, str] | None:
    """`(new, note)` for a legacy value, or None when the value is not in the table."""
    return table.get(value) if isinstance(value, str) else None
