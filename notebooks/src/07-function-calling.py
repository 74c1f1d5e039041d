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
# # 07 · Function calling
#
# **What you will learn:** how `requires_action` and `submit_tool_outputs` become
# function-call items and their outputs, and why you now write the loop yourself.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("07")

# %% [markdown]
# ## Why it changed
#
# A classic run stopped in `requires_action` and waited for `submit_tool_outputs`.
# A response instead **returns** its `function_call` items in `response.output`; you
# run the functions and send their results back as `function_call_output` items in
# the next `responses.create` call. The 2.x SDK does not call your functions for you
# (`enable_auto_function_calls` has no counterpart), so the loop is written out. A
# `FunctionTool` now carries its JSON schema explicitly, with `strict`.

# %%
lesson = course.lesson("functions")
course.side_by_side(lesson.before, lesson.after)

# %%
course.run_both(lesson.before, lesson.after, session)

# %%
from helpers.widgets import converter

converter(lesson.before)

# %% [markdown]
# ## Exercise
#
# Finish the loop: answer the function call and print the id of the response that answers. **Check** reads that response back.

# %%
course.exercise("functions", session)

# %%
course.navigation("07")
