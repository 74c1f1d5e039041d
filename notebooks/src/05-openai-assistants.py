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
# # 05 · OpenAI assistants become agents
#
# **What you will learn:** where code written for OpenAI's beta Assistants goes now
# that OpenAI has shut that API down.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("05")

# %% [markdown]
# ## Why it changed
#
# OpenAI shut the Assistants API down on 2026-08-26: `client.beta.assistants` and
# `client.beta.threads` answer 404, and thread histories can no longer be read there.
# On Microsoft Foundry the same ideas continue as agents, conversations and responses,
# reached through the OpenAI client that the project hands out, so most of your code
# keeps its shape. Authentication changes: Foundry uses Microsoft Entra ID through the
# project client instead of an API key.

# %%
lesson = course.lesson("openai-assistants")
course.side_by_side(lesson.before, lesson.after)

# %% [markdown]
# ## Run both
#
# The local service still answers the beta Assistants calls, so the left side runs
# here even though it fails against OpenAI today.

# %%
course.run_both(lesson.before, lesson.after, session)

# %%
from helpers.widgets import converter

converter(lesson.before)

# %% [markdown]
# ## Exercise
#
# Move an assistant yourself. **Check** asks Foundry's side of the service for the agent.

# %%
course.exercise("assistants", session)

# %%
course.navigation("05")
