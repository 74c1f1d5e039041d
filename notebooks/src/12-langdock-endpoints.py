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
# # 12 · Langdock: endpoints and parameters
#
# **What you will learn:** which Langdock URLs and parameter names change, and which
# stay.

# %% tags=["parameters"]
live = False  # True: send the requests to Langdock (LANGDOCK_API_KEY, LANGDOCK_BASE_URL) instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("12")

# %% [markdown]
# ## What changes
#
# Langdock is retiring its Assistants API. Every `/assistant/v1/...` path has an
# `/agent/v1/...` counterpart, and every `assistantId` becomes `agentId` (the value,
# the agent's UUID, stays the same). A temporary configuration sent with a chat
# request is now called `agent` instead of `assistant`. Your API key and the
# `Authorization: Bearer ...` header do not change.
#
# | Legacy | New |
# | --- | --- |
# | `POST /assistant/v1/chat/completions` | `POST /agent/v1/chat/completions` |
# | `GET /assistant/v1/get?assistantId=...` | `GET /agent/v1/get?agentId=...` |
# | `POST /assistant/v1/create`, `PATCH /assistant/v1/update` | `POST /agent/v1/create`, `PATCH /agent/v1/update` |
# | `assistantId`, `assistant: {...}` | `agentId`, `agent: {...}` |

# %%
lesson = course.lesson("langdock-request")
course.side_by_side(lesson.before, lesson.after)

# %% [markdown]
# ## Run both
#
# The local service answers both generations and, like Langdock, refuses an
# `/agent/v1` request whose body is still in the legacy shape.

# %%
course.run_both(lesson.before, lesson.after, session, titles=("/assistant/v1", "/agent/v1"))

# %% [markdown]
# ## Try the converter: JavaScript too
#
# The converter reads JavaScript and TypeScript (`fetch`, `axios`) as well as Python.

# %%
from helpers.widgets import converter

converter(example="langdock_axios")

# %% [markdown]
# ## Exercise
#
# Call the new endpoint yourself. **Check** asks the service which endpoint your chat reached.

# %%
course.exercise("langdock", session)

# %%
course.navigation("12")
