"""What the course notebooks call: show a change, run both sides, check an exercise.

Cells stay short because the logic lives here:

    from helpers import course
    session = course.start(live=False)          # the local service (or your project, live)
    course.side_by_side(BEFORE, AFTER)          # highlighted, next to each other
    course.run_both(BEFORE, AFTER, session)     # both run; their outputs next to each other
    course.exercise("threads", session)         # a box, a Check button, a verdict

Lesson code runs as separate Python processes against the service (never
inside the kernel), exactly as `python -m helpers run` runs a script.
"""
from __future__ import annotations

from .display import side_by_side
from .lessons import LESSONS, contents, lesson, navigation
from .running import RunOutcome, Session, run_both, run_code, start

__all__ = ["LESSONS", "RunOutcome", "contents", "Session", "exercise", "lesson", "map_of_changes", "navigation", "run_both",
           "run_code", "side_by_side", "start", "troubleshoot"]


def exercise(name: str, session: Session):
    from .exercises import exercise_widget

    return exercise_widget(name, session)


def troubleshoot(error_text: str):
    from .troubleshooting import diagnose

    return diagnose(error_text)


def map_of_changes(area: str | None = None):
    from .changes import map_of_changes as _map

    return _map(area)
