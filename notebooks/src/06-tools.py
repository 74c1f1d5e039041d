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
# # 06 · Tools
#
# **What you will learn:** how each classic tool is declared in a 2.x agent definition,
# and where its resources (files, vector stores, indexes) went.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("06")

# %% [markdown]
# ## Why it changed
#
# Classic agents split a tool in two: its definition in `tools` and its data in
# `tool_resources`. In 2.x each tool carries its own settings: the code interpreter
# gets a `container` with its file ids, file search gets its `vector_store_ids`,
# Azure AI Search its indexes. The table below is the converters' own map of tools,
# the same one the code and the JSON converters read.

# %%
course.map_of_changes("tool")

# %% [markdown]
# ## Try the converter
#
# Paste a `create_agent(...)` call with `CodeInterpreterTool`, `FileSearchTool`,
# `BingGroundingTool` or `OpenApiTool` and read the definition it becomes.

# %%
from helpers.widgets import converter

converter(example="create_agent")

# %% [markdown]
# ## Exercise
#
# Give an agent the code interpreter. **Check** reads the agent's definition back from the service.

# %%
course.exercise("tools", session)

# %%
course.navigation("06")
