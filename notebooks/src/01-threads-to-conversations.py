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
# # 01 · Threads become conversations
#
# **What you will learn:** where a thread's job went in the Agents API, which client
# now owns it, and how to move the calls you make on threads today.
#
# Run the cells from the top. Everything runs offline against the workbook's local
# service unless you set `live = True` below.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("01")

# %% [markdown]
# ## Why it changed
#
# A classic thread was a box of messages that only runs could read. In the Agents API
# the same box is a **conversation**, and it belongs to the OpenAI-compatible client
# that your project hands out with `project_client.get_openai_client()`. The project
# client itself keeps only project-level work (agents, connections, deployments).
#
# | Classic (`azure-ai-agents` 1.x) | Agents API (`azure-ai-projects` 2.x) |
# | --- | --- |
# | `client.threads.create(metadata=...)` | `openai_client.conversations.create(metadata=...)` |
# | `client.threads.get(thread_id)` | `openai_client.conversations.retrieve(conversation_id)` |
# | `client.threads.update(...)` | `openai_client.conversations.update(...)` |
# | `client.threads.delete(thread_id)` | `openai_client.conversations.delete(conversation_id)` |
# | `client.threads.list()` | no counterpart: keep the ids you create |

# %% [markdown]
# ## Before and after
#
# On the left a script written for classic agents; on the right what the converter
# makes of it. The variable `thread` keeps its name, so the code around it still works.

# %%
lesson = course.lesson("threads")
course.side_by_side(lesson.before, lesson.after)

# %% [markdown]
# ## Run both
#
# Both scripts run as separate processes: the legacy one through `azure-ai-agents`,
# the converted one through `azure-ai-projects` 2.x. They print the same lines.

# %%
course.run_both(lesson.before, lesson.after, session)

# %% [markdown]
# ## Try the converter
#
# Edit the code in the box: the converted version and its notes update as you type.

# %%
from helpers.widgets import converter

converter(lesson.before)

# %% [markdown]
# ## Exercise
#
# Write the new-API code yourself. **Check** runs it against the service and asks the
# service whether the conversation really exists with your metadata.

# %%
course.exercise("threads", session)

# %% [markdown]
# ## What next
#
# A conversation is empty until you add items to it: the next notebook moves messages.

# %%
course.navigation("01")
