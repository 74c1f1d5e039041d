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
# # 04 · Classic agents become versioned agents
#
# **What you will learn:** what `create_version` does that `create_agent` did not, the
# new naming rule, and how updates become new versions.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("04")

# %% [markdown]
# ## Why it changed
#
# A classic agent was one mutable object with a generated id (`asst_...`). A 2.x agent
# is addressed **by name**, and each change is a new immutable **version**: you can
# pin a version in production while trying the next one. The definition (model,
# instructions, tools, temperature) moves into `PromptAgentDefinition`.
#
# Names follow a rule: start and end with a letter or digit, hyphens allowed inside,
# at most 63 characters. "Math Tutor" is not valid; the converter writes a valid name
# and notes the mapping. `update_agent` becomes a new version that copies the fields
# the update left out, as the old call kept them.

# %%
lesson = course.lesson("agents")
course.side_by_side(lesson.before, lesson.after)

# %%
course.run_both(lesson.before, lesson.after, session)

# %% [markdown]
# ## Try the converter
#
# Try a name with a space, or `client.update_agent(...)`, and read the notes.

# %%
from helpers.widgets import converter

converter(lesson.before)

# %% [markdown]
# ## Exercise
#
# Create a version of `tea-sommelier` yourself. **Check** asks the service for the agent's latest version.

# %%
course.exercise("agents", session)

# %%
course.navigation("04")
