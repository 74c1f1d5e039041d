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
# # 14 · Langdock: the response format
#
# **What you will learn:** where the answer is in a `/agent/v1` response, and how to
# read it so that both shapes you may meet work.

# %% tags=["parameters"]
example = "langdock_response"  # or your own response body in `body`
body = ""

# %%
from helpers import course
from helpers import convert_payload
from helpers.examples import get_example

course.navigation("14")

# %% [markdown]
# ## `result` becomes `messages`
#
# Legacy responses put the new messages under `result`; `/agent/v1` puts them under
# `messages`. Langdock's guide shows each message's `content` as a string, while its
# API reference describes UI messages with `parts`. Real responses have been seen in
# both forms, so converted reading code accepts both (the converter writes a small
# helper for that).

# %%
before = body or get_example(example).text
result = convert_payload(before)
course.side_by_side(before, result.output, kind="json")

# %%
for note in result.notes:
    print(f"{note.severity:8} {note.path or ''}: {note.message}")

# %% [markdown]
# ## Try it

# %%
from helpers.widgets import converter

converter(before)

# %%
course.navigation("14")
