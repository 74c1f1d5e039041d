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
# # 09 · Reading answers, citations and generated files
#
# **What you will learn:** the new shape of an answer, the shortcut for the last one,
# and where citations and files produced by the code interpreter are.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("09")

# %% [markdown]
# ## Why it changed
#
# A classic message's text part was an object: `part.text.value`, with annotations
# beside it. In the new API a message item's content parts hold `.text` as a **plain
# string** (`output_text` parts carry `annotations`), so the legacy read fails with
# `'str' object has no attribute 'value'`. When the code only wants the last answer,
# `response.output_text` is all it needs. Files made by the code interpreter live in
# its container and are downloaded with `openai_client.containers.files.content.retrieve`.

# %%
lesson = course.lesson("answers")
course.side_by_side(lesson.before, lesson.after)

# %%
course.run_both(lesson.before, lesson.after, session)

# %%
from helpers.widgets import converter

converter(lesson.before)

# %% [markdown]
# ## Exercise
#
# Read an answer the new way. **Check** compares what you printed with the answer the service stored.

# %%
course.exercise("answers", session)

# %%
course.navigation("09")
