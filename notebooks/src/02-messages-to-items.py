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
# # 02 · Messages become conversation items
#
# **What you will learn:** how messages are added to a conversation now, why one call
# can add several, and what a message item looks like.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("02")

# %% [markdown]
# ## Why it changed
#
# A conversation holds **items**, and a message is one type of item next to function
# calls, their outputs and tool results. That is why adding a message names its type:
# `{"type": "message", "role": "user", "content": "..."}`. `items.create` takes a list,
# so a batch of up to 20 messages goes in one request instead of one request each.
#
# | Classic | Agents API |
# | --- | --- |
# | `client.messages.create(thread_id=..., role=..., content=...)` | `openai_client.conversations.items.create(conversation_id=..., items=[{...}])` |
# | `client.messages.list(thread_id=...)` | `openai_client.conversations.items.list(conversation_id=...)` |
# | `client.messages.get(thread_id=..., message_id=...)` | `openai_client.conversations.items.retrieve(item_id, conversation_id=...)` |

# %%
lesson = course.lesson("messages")
course.side_by_side(lesson.before, lesson.after)

# %% [markdown]
# ## Run both
#
# Each side creates its container, adds two messages and counts what it holds.

# %%
course.run_both(lesson.before, lesson.after, session)

# %% [markdown]
# ## Try the converter

# %%
from helpers.widgets import converter

converter(lesson.before)

# %% [markdown]
# ## Exercise
#
# Add two messages to a new conversation (in one call if you like) and print its id;
# **Check** counts the items the service holds.

# %%
course.exercise("messages", session)

# %% [markdown]
# ## What next
#
# Messages alone get no answer: the next notebook replaces runs and their polling.

# %%
course.navigation("02")
