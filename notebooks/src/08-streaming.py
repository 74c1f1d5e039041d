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
# # 08 · Streaming
#
# **What you will learn:** how an event handler class keeps working when the stream
# becomes a sequence of response events.

# %% tags=["parameters"]
live = False  # True: run the examples against the project in PROJECT_ENDPOINT instead

# %%
from helpers import course

session = course.start(live=live)
course.navigation("08")

# %% [markdown]
# ## Why it changed
#
# `runs.stream(..., event_handler=...)` called your handler's methods for you. With
# `responses.create(..., stream=True)` you iterate over events yourself: text comes as
# `response.output_text.delta`, the end as `response.completed`. The converter keeps
# your handler as a plain class and writes the loop that calls it; run and step events
# with no counterpart are listed in the notes.

# %%
lesson = course.lesson("streaming")
course.side_by_side(lesson.before, lesson.after)

# %%
course.run_both(lesson.before, lesson.after, session)

# %%
from helpers.widgets import converter

converter(lesson.before)

# %% [markdown]
# ## Exercise
#
# Stream a response yourself. **Check** compares what you printed with the answer the service stored.

# %%
course.exercise("streaming", session)

# %%
course.navigation("08")
