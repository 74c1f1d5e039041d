from helpers.widgets.debounce import Debouncer, thread_schedule


def test_first_edit_after_quiet_runs_at_once(timers):
    runs = []
    debouncer = Debouncer(
        lambda: runs.append(timers.now), 0.15, schedule=timers.schedule, clock=timers.clock
    )
    timers.now = 10.0
    debouncer.trigger()
    assert runs == [10.0]
    assert not debouncer.pending


def test_burst_of_edits_runs_once_more_after_the_last(timers):
    state = {"text": ""}
    seen = []
    debouncer = Debouncer(
        lambda: seen.append(state["text"]), 0.15, schedule=timers.schedule, clock=timers.clock
    )
    timers.now = 5.0
    for text in ["a", "ag", "age", "agen", "agent"]:
        state["text"] = text
        debouncer.trigger()
        timers.advance(0.05)
    assert seen == ["a"]  # only the leading edge so far
    timers.advance(0.2)
    assert seen == ["a", "agent"]  # the last edit is never lost
    timers.advance(1.0)
    assert seen == ["a", "agent"]


def test_flush_runs_a_pending_callback_now(timers):
    seen = []
    debouncer = Debouncer(
        lambda: seen.append(1), 0.15, schedule=timers.schedule, clock=timers.clock
    )
    timers.now = 1.0
    debouncer.trigger()
    debouncer.trigger()
    assert debouncer.pending
    debouncer.flush()
    assert seen == [1, 1] and not debouncer.pending
    timers.advance(1.0)
    assert seen == [1, 1]


def test_real_thread_timer_keeps_the_last_edit():
    import time

    state = {"text": ""}
    seen = []
    # A window long enough that a loaded machine still types "fast" in it.
    # Thread timers explicitly: a Playwright sync session earlier in the run leaves an
    # asyncio loop that reports itself running on this thread but is never driven.
    debouncer = Debouncer(lambda: seen.append(state["text"]), 0.3, schedule=thread_schedule)
    for i in range(20):
        state["text"] = f"edit {i}"
        debouncer.trigger()
    deadline = time.monotonic() + 5
    while (not seen or seen[-1] != "edit 19") and time.monotonic() < deadline:
        time.sleep(0.01)
    assert seen[0] == "edit 0"  # the leading edge ran at once
    assert seen[-1] == "edit 19"  # and the last edit was not lost
    assert len(seen) < 20
