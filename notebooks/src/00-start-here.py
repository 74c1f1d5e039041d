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
# # 00 · Start here
#
# This workbook moves code and data written for the **Assistants API** generation to the
# **Agents API** generation, on Microsoft Foundry and on Langdock. Each numbered notebook
# takes one change: why it happened, the code before and after side by side, both
# versions running, the converter to try your own code, and often an exercise.
#
# ## How to use it
#
# - Run a notebook from the top (**Run → Run All Cells**). Nothing needs a cloud account:
#   the examples run against the workbook's **local service**, which answers the way the
#   real services do (same SDK clients, same errors) with a simple stand-in model that
#   repeats what you say, remembers earlier turns and calls declared functions.
# - **Live mode:** set `live = True` in a notebook's first code cell to run its examples
#   against your own Foundry project (`PROJECT_ENDPOINT`, signed in for
#   `DefaultAzureCredential`) or Langdock (`LANGDOCK_API_KEY`). Live runs create and
#   delete real agents and conversations.
# - Pasted code is never executed by the converter; exercises run only the code you
#   write for them, against the service.

# %% tags=["parameters"]
live = False

# %%
from helpers import course

session = course.start(live=live)
course.navigation("00")

# %% [markdown]
# ## Deadlines
#
# | Platform | What happens |
# | --- | --- |
# | OpenAI Assistants API | shut down on 2026-08-26: its endpoints answer 404 |
# | Classic Foundry agents (`azure-ai-agents` 1.x) | retire on 2027-03-31; threads stay readable until then |
# | Langdock Assistants API | deprecated; Langdock's documents give no firm date |
#
# ## The map of all changes
#
# Every renamed tool, field, status and role, from the one mapping the converters
# themselves read.

# %%
course.map_of_changes()

# %% [markdown]
# ## The notebooks

# %%
course.contents()
