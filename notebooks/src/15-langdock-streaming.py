# ---
# jupyter:
#   jupytext:
#     formats: ipynb,src//py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 15 · Langdock: streaming and the AI SDK formats
#
# **What you will learn:** what a `/agent/v1` stream looks like in the AI SDK 5 UI
# message stream and in the older AI SDK 4 data stream, and which headers go with each.

# %% tags=["parameters"]
stream_format = "ui-message-stream"  # or "data-stream" (AI SDK 4)

# %%
from helpers import course
from helpers import convert_payload
from helpers.examples import get_example

course.navigation("15")

# %% [markdown]
# ## From one format to the other
#
# A legacy stream sent `data: {"type": "message", "content": ...}` lines. The new
# endpoints stream the AI SDK's formats: the **UI message stream** (AI SDK 5: `start`,
# `text-start`, `text-delta`, `text-end`, `finish`, then `[DONE]`) or the **data
# stream** (AI SDK 4: `0:"text"` lines and an `e:`/`d:` finish). A client written with
# `useChat` reads them directly; hand-written readers must look for `text-delta`.

# %%
before = get_example("langdock_sse").text
result = convert_payload(before, stream_format=stream_format)
course.side_by_side(before, result.output, kind="text")

# %% [markdown]
# The headers a server must send with this format:

# %%
result.extras.get("headers")

# %%
course.navigation("15")
