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
# # 13 · Langdock: the chat request format
#
# **What you will learn:** the AI SDK message shape that `/agent/v1` expects, and how
# attachments move.

# %% tags=["parameters"]
example = "langdock_request"  # or your own request body in `body`
body = ""

# %%
from helpers import course
from helpers import convert_payload
from helpers.examples import get_example

session = course.start()
course.navigation("13")

# %% [markdown]
# ## Messages take the AI SDK shape
#
# `/agent/v1/chat/completions` reads messages the way the Vercel AI SDK writes them:
# each message has an `id`, a `role`, and `parts` (`[{"type": "text", "text": ...}]`)
# instead of one `content` string. Attachment ids move from `attachmentIds` to
# `metadata.attachments`. Real clients create unique ids (a UUID); the converter
# writes `msg_0`, `msg_1`, ... so its output is reproducible, and says so.

# %%
before = body or get_example(example).text
result = convert_payload(before)
course.side_by_side(before, result.output, kind="json")

# %% [markdown]
# What the converter noted:

# %%
for note in result.notes:
    print(f"{note.severity:8} {note.path or ''}: {note.message}")

# %% [markdown]
# ## Try it
#
# Paste one of your request bodies.

# %%
from helpers.widgets import converter

converter(before)

# %% [markdown]
# ## Exercise
#
# Send a chat in the new shape. **Check** asks the service which endpoint your chat reached.

# %%
course.exercise("langdock", session)

# %%
course.navigation("13")
