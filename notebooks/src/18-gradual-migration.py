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
# # 18 · A gradual migration checklist
#
# **What you will learn:** an order of work that keeps production running, how to run
# old and new side by side, and how to roll back.
#
# ## The order that works
#
# 1. **Inventory.** `python -m helpers report .` lists every legacy file, what
#    converts by itself and what needs a person, per platform and deadline.
# 2. **History first where it can vanish.** Classic Foundry threads are readable until
#    2027-03-31: migrate the ones you need (notebook 16) before anything else.
# 3. **Agents next.** Create 2.x agent versions from your classic agents; they do not
#    disturb the classic ones, so both can live side by side.
# 4. **Code, one path at a time.** Convert one feature (`convert --write FILE`), run it
#    against the local service (`python -m helpers check FILE`), then against a test
#    project. Keep a flag that picks the old or the new path per request.
# 5. **Shift traffic gradually** with that flag; compare answers and error rates.
# 6. **Guard the result.** Add `convert --check` or the pre-commit hook to CI so no
#    legacy call comes back.
# 7. **Clean up** classic agents and threads only after the new path has run for a while.
#
# ## Rolling back
#
# Classic agents and threads are left untouched by the migration, and converted code
# lives in your version control: rolling back is switching the flag back (while the
# classic service still runs) or reverting the commit. Conversations created meanwhile
# exist only in the new API; note their ids if you may need them.
#
# ## Deadlines

# %% tags=["parameters"]
folder = ""  # a repository of yours: its readiness report follows the deadlines

# %%
from helpers import course
from helpers.readiness import PLATFORMS

course.navigation("18")
for name, deadline in PLATFORMS.values():
    print(f"{name}: {deadline}")

# %%
if folder:
    from helpers.course.repository import command

    display(command("report", ".", cwd=folder))
