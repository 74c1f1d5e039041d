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
# # 03 · Runs and polling become responses
#
# **What you will learn:** how one `responses.create` call replaces a run and the loop
# that waited for it, and how the response names the agent.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("03")

# %% [markdown]
# ## Why it changed
#
# A classic run was a job: you started it, then asked again and again whether it had
# finished (`queued`, `in_progress`, ...). A **response** returns when the answer is
# ready, so the polling loop goes away. The response runs inside a conversation
# (`conversation=`) and names the agent through an agent reference:
#
# ```python
# extra_body={"agent_reference": {"name": agent.name, "type": "agent_reference"}}
# ```
#
# The February 2026 Microsoft guide shows `extra_body={"agent": ...}` in one example;
# the service rejects that key (notebook 17 shows the error).

# %%
lesson = course.lesson("runs")
course.side_by_side(lesson.before, lesson.after)

# %% [markdown]
# ## Run both

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
# Create an agent version, ask it something in a new conversation with an agent
# reference, and print the response id. **Check** reads the response back.

# %%
course.exercise("runs", session)

# %%
course.navigation("03")
