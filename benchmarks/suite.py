"""The measurements: what each part of the suite runs, and the figures and budgets it reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks import answers, bigbank, importing, imports, limits, startup, timeouts
from benchmarks.figures import Figure, failed, median, megabytes, milliseconds, percentile, seconds
from benchmarks.isolated import in_fresh_process

SECTIONS = ("startup", "answers", "timeouts", "banks", "imports", "repeated-ids", "limits")


@dataclass(frozen=True, slots=True)
class Plan:
    """How much to measure: the full suite, or ``--quick`` (checks that every measurement works)."""

    quick: bool
    runs: int
    """Validate runs of each program (fresh processes of a few seconds each)."""
    startup_runs: int
    """Start-up runs of each program: more than ``runs`` (each is short), as a shared machine's noise
    moves a median of seven by several hundredths of the ratio from one suite to the next."""
    big_questions: int
    answers: int
    timeouts: int
    timeout_baselines: int


FULL = Plan(quick=False, runs=7, startup_runs=21, big_questions=10_000, answers=200, timeouts=50, timeout_baselines=20)
QUICK = Plan(quick=True, runs=1, startup_runs=1, big_questions=500, answers=5, timeouts=2, timeout_baselines=2)


@dataclass(frozen=True, slots=True)
class Places:
    """The temporary folders and banks of one benchmark run."""

    data_dir: Path
    cache_dir: Path
    small_bank: Path
    big_bank: Path
    answers_bank: Path


def measure_startup(plan: Plan, places: Places) -> list[Figure]:
    """Time to the first question, the home screen and a big bank's first question, against a label app."""
    chosen = startup.programs(places.small_bank, places.big_bank)
    times = startup.start_times(chosen, places.data_dir, places.cache_dir, plan.startup_runs)
    baseline = median(times["baseline"])
    rows = (
        ("start-up: first question (play, small bank)", "play", 1.25),
        ("start-up: home screen", "home", 1.25),
        (f"start-up: first question, {plan.big_questions:,}-question bank, warm", "play-big", 1.5),
    )
    figures = []
    for name, program, budget in rows:
        ratio = paired_ratio(times[program], times["baseline"])
        of_medians = median(times[program]) / baseline
        figures.append(
            Figure(
                name,
                seconds(median(times[program])),
                seconds(baseline),
                ratio,
                f"ratio <= {budget:.2f}",
                ratio <= budget,
                note=f"ratio of the two medians: {of_medians:.2f}",
            )
        )
    note = (
        f"median of {plan.startup_runs} runs each, taking turns with a 10-line Textual app showing one label; "
        "ratio: the median of each round's ratio (a run over the baseline's run in the same round)"
    )
    return [replace(figures[0], note=f"{note}; {figures[0].note}"), *figures[1:]]


def paired_ratio(times: Sequence[float], baseline: Sequence[float]) -> float:
    """The median of the ratios of runs taken in the same round: a slow spell of the machine slows both."""
    return median([time / base for time, base in zip(times, baseline, strict=True)])


def measure_answers(plan: Plan, places: Places) -> list[Figure]:
    """Answer latency of the game (which collects garbage only while feedback shows, lunarquiz.ui.collector)."""
    measured = in_fresh_process(answers.answer_times, places.answers_bank, places.data_dir, plan.answers)
    baseline = in_fresh_process(answers.baseline_times, plan.answers)
    base = percentile(baseline, 0.95)
    value = percentile(measured, 0.95)
    note = (
        f"{len(measured)} answers; p50 {milliseconds(median(measured))}, latest {milliseconds(max(measured))}; "
        f"baseline (p50 {milliseconds(median(baseline))}): a bare Textual app switching to a one-label screen"
    )
    name = "answer: key press to feedback frame, p95"
    return [Figure(name, milliseconds(value), milliseconds(base), value / base, "p95 <= 16 ms", value <= 0.016, note)]


def measure_timeouts(plan: Plan, places: Places) -> list[Figure]:
    """Time-out lateness of the game: from the deadline to the time-out frame."""
    bank, data = places.answers_bank, places.data_dir
    late = in_fresh_process(timeouts.lateness, bank, data, plan.timeouts)
    baseline = in_fresh_process(timeouts.baseline_lateness, plan.timeout_baselines)
    base = percentile(baseline, 0.95)
    value = percentile(late, 0.95)
    met = value <= 0.05 and min(late) >= 0
    note = (
        f"{len(late)} questions of 1 s; earliest {milliseconds(min(late))}, latest {milliseconds(max(late))}; "
        f"baseline: a bare Textual app's 1 s set_timer to a new screen ({len(baseline)} runs)"
    )
    name = "time-out: deadline to time-out frame, p95"
    budget = "p95 <= 50 ms, never early"
    return [Figure(name, milliseconds(value), milliseconds(base), value / base, budget, met, note)]


def measure_banks(plan: Plan, places: Places) -> list[Figure]:
    """``lunarquiz validate`` on the big bank, cold and warm, against a bare parse; the cache's format."""
    found = bigbank.validations(places.big_bank, places.data_dir, plan.runs)
    bare_time = median([run.seconds for run in found.bare])
    bare_memory = median([run.max_rss for run in found.bare])
    size = places.big_bank.stat().st_size
    label = f"{plan.big_questions:,} questions, {size / 1e6:.1f} MB"
    figures = []
    for name, runs, budget in (
        (f"big bank: validate, cold ({label})", found.cold, 1.3),
        ("big bank: validate, warm cache", found.warm, 0.2),
    ):
        value = median([run.seconds for run in runs])
        figures.append(
            Figure(
                name,
                seconds(value),
                seconds(bare_time),
                value / bare_time,
                f"ratio <= {budget:.2f}",
                value / bare_time <= budget,
            )
        )
    for name, runs, memory_budget in (
        ("big bank: peak memory, validate cold", found.cold, 1.3),
        ("big bank: peak memory, validate warm", found.warm, None),
    ):
        value = median([run.max_rss for run in runs])
        figures.append(
            Figure(
                name,
                megabytes(value),
                megabytes(bare_memory),
                value / bare_memory,
                "-" if memory_budget is None else f"ratio <= {memory_budget:.2f}",
                None if memory_budget is None else value / bare_memory <= memory_budget,
            )
        )
    figures[0] = replace(
        figures[0],
        note=f"median of {plan.runs} fresh processes each, in turn; "
        "baseline: yaml.load(file, Loader=yaml.CSafeLoader) in a fresh process",
    )
    formats = bigbank.cache_formats(places.big_bank)
    figures.append(
        Figure(
            "bank cache: load the entry, marshal (baseline: pickle)",
            milliseconds(formats.marshal_load),
            milliseconds(formats.pickle_load),
            formats.marshal_load / formats.pickle_load,
            note=f"the same plain tuples, best of {formats.repeats}; writing: marshal "
            f"{milliseconds(formats.marshal_dump)}, pickle {milliseconds(formats.pickle_dump)}; "
            "lunarquiz.banks.cache uses marshal (no code runs while it loads)",
        )
    )
    return figures


def measure_imports(plan: Plan, places: Places) -> list[Figure]:
    """Whether each command that draws no screen imports Textual."""
    folder = places.data_dir / "commands"
    folder.mkdir(exist_ok=True)
    figures = []
    for command, argv in imports.command_lines(places.small_bank, folder).items():
        name = f"no Textual: lunarquiz {command}"
        try:
            found = imports.probe(command, argv, places.data_dir, places.cache_dir)
        except Exception as error:
            figures.append(failed(name, error))
            continue
        if found.missing:
            figures.append(Figure(name, "no such command yet", note="lunarquiz has no such command (yet)"))
        else:
            value = "Textual imported" if found.textual else "no Textual"
            note = "" if found.code == 0 else f"exit {found.code}: {found.output.strip()[-200:]}"
            figures.append(Figure(name, value, budget="no Textual", ok=not found.textual, note=note))
    return figures


REPEATED_PROMPTS = 20_000
"""Questions sharing one prompt in the import figure (the number the issue that made ids linear named)."""


def measure_repeated_ids(plan: Plan, places: Places) -> list[Figure]:
    """``lunarquiz import`` of questions sharing one prompt, against as many with different prompts."""
    questions = 1_000 if plan.quick else REPEATED_PROMPTS
    folder = places.data_dir / "repeated-ids"
    folder.mkdir(exist_ok=True)
    sources = importing.write_sources(folder, questions)
    pairs = importing.import_times(sources, places.data_dir, places.cache_dir, min(plan.runs, 3))
    same = median([pair[0] for pair in pairs])
    different = median([pair[1] for pair in pairs])
    ratio = median([pair[0] / pair[1] for pair in pairs])
    return [
        Figure(
            f"import: {questions:,} questions with one prompt",
            seconds(same),
            seconds(different),
            ratio,
            "ratio <= 1.50",
            ratio <= 1.5,
            note=f"baseline: {questions:,} questions with different prompts; median of {len(pairs)} fresh "
            "processes each, in turn; ids made from one prompt get -2, -3, ... (once 42-60 s against 2 s)",
        )
    ]


def measure_limits(plan: Plan, places: Places) -> list[Figure]:
    """Worst-case banks at every limit of a bank: validate, the first question in the game and in plain mode."""
    folder = places.data_dir / "limits"
    folder.mkdir(exist_ok=True)
    return limits.figures(folder, places.data_dir, min(plan.runs, 3), quick=plan.quick)


MEASURES: dict[str, Callable[[Plan, Places], list[Figure]]] = {
    "startup": measure_startup,
    "answers": measure_answers,
    "timeouts": measure_timeouts,
    "banks": measure_banks,
    "imports": measure_imports,
    "repeated-ids": measure_repeated_ids,
    "limits": measure_limits,
}
