#!/usr/bin/env python3
"""Turns the raw results of build/bench.sh into a table (stdout) and docs/benchmarks.md.

    report.py <results-dir> <output.md> <elapsed-seconds>

Reads scaffolding.tsv and model.tsv (seconds / milliseconds per run, one line each), the
BenchmarkDotNet full JSON reports under bdn/results/, and describes the machine.
"""
import datetime
import math
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys

GOALS = {
    "entity": 1.15,
    "entity-fields": 1.05,
    "add-fields": 1.05,
    "tool-own-work": 0.3,
    "growth": 1.5,
    "Auditing": 1.05,
    "AuditingAndValidation": 1.15,
    "conventions": 1.10,
    "diagram": 1.0,
}


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine(results):
    cpu = "unknown"
    cpuinfo = pathlib.Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = match.group(1).strip() if match else cpu
    memory = "unknown"
    meminfo = pathlib.Path("/proc/meminfo")
    if meminfo.exists():
        match = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.M)
        memory = f"{int(match.group(1)) / 1024 / 1024:.1f} GiB" if match else memory
    props = pathlib.Path("content/ModelProject/Directory.Packages.props").read_text()
    ef = re.search(r"<EntityFrameworkCoreVersion>([^<]+)<", props)
    npgsql = re.search(r'"Npgsql.EntityFrameworkCore.PostgreSQL" Version="([^"]+)"', props)
    fluent = re.search(r'"FluentValidation" Version="([^"]+)"', props)
    root_props = pathlib.Path("Directory.Packages.props").read_text()
    bdn = re.search(r'"BenchmarkDotNet" Version="([^"]+)"', root_props)
    load = []
    for name in ("load-start.txt", "load-end.txt"):
        path = results / name
        if path.exists():
            match = re.search(r"load average: (.+)$", path.read_text().strip())
            load.append(match.group(1) if match else "?")
    servers = sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    pg = sh(str(servers[-1]), "--version") if servers else "unknown"
    return [
        ("Date", run_date(results).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", f"{cpu}, {os.cpu_count()} logical cores (nproc {sh('nproc')})"),
        ("Memory", memory),
        ("OS", sh("uname", "-sr")),
        (".NET SDK", sh("dotnet", "--version")),
        ("EF Core", ef.group(1) if ef else "unknown"),
        ("Npgsql EF provider", npgsql.group(1) if npgsql else "unknown"),
        ("FluentValidation", fluent.group(1) if fluent else "unknown"),
        ("PostgreSQL", pg),
        ("BenchmarkDotNet", bdn.group(1) if bdn else "unknown"),
        ("Load average (1/5/15 min) at start / end", " / ".join(load) or "unknown"),
    ]


def read_tsv(path):
    values = {}
    if path.exists():
        for line in path.read_text().splitlines():
            key, _, value = line.partition("\t")
            values.setdefault(key, []).append([float(v) for v in value.split()])
    return values


def median(samples, column=0):
    return statistics.median(sample[column] for sample in samples)


def verdict(ratio, goal):
    return "met" if ratio <= goal else "**missed**"


def run_date(results):
    """When the measurements ended (bench.sh writes load-end.txt last), so re-rendering keeps the run's date."""
    end = results / "load-end.txt"
    stamp = end.stat().st_mtime if end.exists() else None
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc) if stamp else datetime.datetime.now(datetime.timezone.utc)


def median_ci(values, confidence=0.95):
    """The median and a distribution-free confidence interval for it (order statistics, binomial).

    Needs no assumption about the shape of the noise, which on a shared machine is far from normal.
    With fewer than 6 values no 95 % interval exists; the range is returned instead.
    """
    ordered = sorted(values)
    n = len(ordered)
    tail = (1 - confidence) / 2
    k, cumulative = 0, 0.0
    while k < n:
        probability = math.comb(n, k) / 2**n
        if cumulative + probability > tail:
            break
        cumulative += probability
        k += 1
    if k == 0:
        return statistics.median(ordered), ordered[0], ordered[-1]
    return statistics.median(ordered), ordered[k - 1], ordered[n - k]


def paired(base, samples):
    """Per-round ratios: each run against the baseline's run of the same round (same conditions)."""
    return [sample / reference for sample, reference in zip(samples, base)]


VERDICTS = []


def record(name, ratio, low, high, goal):
    """Records a goal's ratio (and its interval) for the summary; returns the verdict text."""
    VERDICTS.append((name, ratio, low, high, goal))
    return verdict(ratio, goal)


def judge(name, ratios, goal):
    """Median of the paired ratios against the goal, recorded for the summary."""
    middle, low, high = median_ci(ratios)
    return middle, low, high, record(name, middle, low, high, goal)


def bdn_reports(results):
    benchmarks = []
    # BenchmarkDotNet writes under BenchmarkDotNet.Artifacts/ in the working folder (or --artifacts).
    for path in sorted(results.glob("**/results/*-report-full.json")):
        benchmarks.extend(json.loads(path.read_text())["Benchmarks"])
    return benchmarks


def scaffolding_section(results):
    rows = read_tsv(results / "scaffolding.tsv")
    lines = []
    if not rows:
        return ["Not measured in this run."]
    lines += ["| Measurement | Runs | Median | Ratio | Goal |", "|---|---:|---:|---:|---|"]
    if "modelproject" in rows:
        lines.append(f"| `dotnet new modelproject -n X --no-sample` (files, tool restore, build, initial migration) | {len(rows['modelproject'])} | {median(rows['modelproject']):.2f} s | | |")
    if "entity-template" in rows and "entity-bare" in rows:
        template, bare = median(rows["entity-template"]), median(rows["entity-bare"])
        # Run r of each is one pair (they alternate order), so the ratio is taken per pair.
        ratios = paired([run[0] for run in rows["entity-bare"]], [run[0] for run in rows["entity-template"]])
        ratio, low, high, outcome = judge("`dotnet new entity` end to end vs bare `dotnet ef migrations add`", ratios, GOALS["entity"])
        lines.append(f"| `dotnet new entity -n X --allow-scripts yes`, end to end | {len(rows['entity-template'])} | {template:.2f} s | **{ratio:.2f}** (per pair, range {low:.2f}–{high:.2f}) | ≤ {GOALS['entity']} {outcome} |")
        lines.append(f"| bare `dotnet ef migrations add X` after writing the same files | {len(rows['entity-bare'])} | {bare:.2f} s | 1.00 | |")
    # Issue 10: the same pairing for an entity with 12 fields and for add-fields (each pair on one project).
    for key, command, bare_command in (
        ("entity-fields", "`dotnet new entity -n X --fields \"<12 fields>\" --allow-scripts yes`, end to end",
         "bare `dotnet ef migrations add X` after writing the same 12-field code"),
        ("add-fields", "`dotnet strata add-fields X \"<2 fields>\"`, end to end",
         "bare `dotnet ef migrations add X` after writing the same 2 fields"),
    ):
        if key in rows and f"{key}-bare" in rows:
            measured, bare = median(rows[key]), median(rows[f"{key}-bare"])
            ratios = paired([run[0] for run in rows[f"{key}-bare"]], [run[0] for run in rows[key]])
            ratio, low, high, outcome = judge(f"{command} vs bare `dotnet ef migrations add`", ratios, GOALS[key])
            lines.append(f"| {command} | {len(rows[key])} | {measured:.2f} s | **{ratio:.2f}** (per pair, range {low:.2f}–{high:.2f}) | ≤ {GOALS[key]} {outcome} |")
            lines.append(f"| {bare_command} | {len(rows[f'{key}-bare'])} | {bare:.2f} s | 1.00 | |")
    if "tool-own-work" in rows:
        own = median(rows["tool-own-work"])
        outcome = record("the tool's own work: `dotnet strata add-fields --skip-migration` (parse + edit, no build), seconds", own, own, own, GOALS["tool-own-work"])
        lines.append(f"| the tool's own work: `dotnet strata add-fields X \"<2 fields>\" --skip-migration` (start, parse, edit; no build) | {len(rows['tool-own-work'])} | {own:.2f} s | | ≤ {GOALS['tool-own-work']} s {outcome} |")
    if "tool-in-process" in rows:
        lines.append(f"| of which inside the tool (parse, checks, Roslyn edits; `STRATA_TIMING=1`) | {len(rows['tool-in-process'])} | {median(rows['tool-in-process']):.2f} s | | |")
    if "entity-early" in rows and "entity-late" in rows:
        early, late = median(rows["entity-early"]), median(rows["entity-late"])
        ratio = late / early
        outcome = record("the 50th entity vs the 1st (ratio of medians)", ratio, ratio, ratio, GOALS["growth"])
        lines.append(f"| `dotnet new entity`, entities 1-3 of a project | {len(rows['entity-early'])} | {early:.2f} s | 1.00 | |")
        lines.append(f"| `dotnet new entity`, entities 50-52 of a project | {len(rows['entity-late'])} | {late:.2f} s | **{ratio:.2f}** | ≤ {GOALS['growth']} {outcome} |")
    else:
        lines.append("")
        lines.append("`dotnet new entity` was not measured in this run (content/Entity was not there yet).")
    return lines


LABELS = {"Plain": "plain (timestamps by hand)", "Auditing": "template: auditing", "AuditingAndValidation": "template: auditing + validation"}
DATABASES = {"Sqlite": "SQLite (in memory)", "PostgreSql": "PostgreSQL"}


def paired_section(results):
    path = results / "paired.tsv"
    if not path.exists():
        return []
    runs = {}
    for line in path.read_text().splitlines():
        database, operation, variant, _, wall, cpu = line.split("\t")
        runs.setdefault((database, operation, variant), []).append((float(wall), float(cpu)))
    if not runs:
        return []
    count = len(next(iter(runs.values())))
    lines = [
        f"**Interleaved (the verdicts).** The three DbContexts take turns, {count} rounds, in a random order drawn",
        "for every batch, each inserting then updating 10,000 rows (10 × 1,000 per SaveChanges); collections are",
        "not forced between batches, so one lands in a batch in proportion to what the batch allocated. The verdict is",
        "on elapsed time, what the application waits for: the **median of the per-round ratios** (each run",
        "against the plain DbContext's run in the same round, so both saw the same machine), with its 95 %",
        "confidence interval. Beside it, the same for the CPU time of the thread doing the work: on",
        "PostgreSQL that is the client's share only, so it shows what the interceptors cost without the",
        "server's (equal) work diluting it.",
        "",
        "| Database | Operation | DbContext | Elapsed, median | Paired ratio | 95 % CI | Goal | Client CPU, median | CPU ratio | 95 % CI |",
        "|---|---|---|---:|---:|---|---|---:|---:|---|",
    ]
    for database in ("Sqlite", "PostgreSql"):
        for operation in ("Insert", "Update"):
            base = runs.get((database, operation, "Plain"))
            if not base:
                continue
            base_wall = [sample[0] for sample in base]
            base_cpu = [sample[1] for sample in base]
            for variant in ("Plain", "Auditing", "AuditingAndValidation"):
                samples = runs.get((database, operation, variant))
                if not samples:
                    continue
                wall = [sample[0] for sample in samples]
                cpu = [sample[1] for sample in samples]
                if variant == "Plain":
                    lines.append(
                        f"| {DATABASES[database]} | {operation} | {LABELS[variant]} | {statistics.median(wall):.0f} ms | 1.00 | | | "
                        f"{statistics.median(cpu):.0f} ms | 1.00 | |")
                    continue
                name = f"{DATABASES[database]}, {operation.lower()}, {LABELS[variant].removeprefix('template: ')}"
                middle, low, high, outcome = judge(name, paired(base_wall, wall), GOALS[variant])
                cpu_middle, cpu_low, cpu_high = median_ci(paired(base_cpu, cpu))
                lines.append(
                    f"| {DATABASES[database]} | {operation} | {LABELS[variant]} | {statistics.median(wall):.0f} ms | **{middle:.3f}** | "
                    f"{low:.3f}–{high:.3f} | ≤ {GOALS[variant]} {outcome} | {statistics.median(cpu):.0f} ms | {cpu_middle:.3f} | "
                    f"{cpu_low:.3f}–{cpu_high:.3f} |")
    return lines + [""]


def runtime_section(results, benchmarks):
    runtime = [b for b in benchmarks if b["Type"] == "SaveChangesBenchmarks"]
    paired = paired_section(results)
    if not runtime:
        return paired or ["Not measured in this run."]
    lines = paired + [
        "**BenchmarkDotNet (wall time, allocations).** In-process; one variant's iterations after another, so",
        "on a loaded machine its time ratios drift more than the interleaved ones above; its allocation",
        "figures are exact.",
        "",
        "Per `SaveChanges` of 1,000 rows (10 per invocation, one DbContext each); median over the iterations.",
        "Ratio = median / median of the plain DbContext in the same database and operation.",
        "",
        "| Database | Operation | DbContext | Median per SaveChanges | 10,000 rows | Ratio | Allocated per SaveChanges | Alloc ratio |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    by_key = {}
    for b in runtime:
        database = re.search(r"Database=(\w+)", b["Parameters"]).group(1)
        operation, variant = re.match(r"(Insert|Update)(\w+)", b["Method"]).groups()
        by_key[(database, operation, variant)] = b
    labels = LABELS
    for database in ("Sqlite", "PostgreSql"):
        for operation in ("Insert", "Update"):
            base = by_key.get((database, operation, "Plain"))
            if base is None:
                continue
            for variant in ("Plain", "Auditing", "AuditingAndValidation"):
                b = by_key.get((database, operation, variant))
                if b is None:
                    continue
                ms = b["Statistics"]["Median"] / 1e6
                ratio = b["Statistics"]["Median"] / base["Statistics"]["Median"]
                alloc = b["Memory"]["BytesAllocatedPerOperation"]
                alloc_ratio = alloc / base["Memory"]["BytesAllocatedPerOperation"]
                lines.append(
                    f"| {DATABASES[database]} | {operation} | {labels[variant]} | {ms:.1f} ms | {ms * 10:.0f} ms | "
                    f"{format(ratio, '.2f') if variant != 'Plain' else '1.00'} | "
                    f"{alloc / 1024 / 1024:.2f} MB | {alloc_ratio:.2f} |")
    return lines


def model_section(results, benchmarks):
    lines = []
    rows = read_tsv(results / "model.tsv")
    startup = {k.removeprefix("startup-"): v for k, v in rows.items() if k.startswith("startup-")}
    labels = {
        "Plain": "plain DbContext, same entities and configurations, stock conventions",
        "Conventions": "template DbContext (its conventions), plain `UseSqlite`",
        "Template": "template DbContext with `Use…Model` (conventions + interceptors + validators)",
        "Compiled": "as above, with the compiled model (`dotnet ef dbcontext optimize`)",
    }
    if startup:
        base_cpu = [sample[2] for sample in startup["Plain"]]
        lines += [
            "Cold start: a new process per run; the four variants take turns, round after round. Wall time from",
            "`Main` to the end of the first query (JIT, model building, query compilation) and to `context.Model`",
            "being ready (medians); CPU time of the whole process at that point (runtime start-up included, the",
            "same for all). The verdict is the median of the per-round CPU ratios against the plain DbContext,",
            "with its 95 % confidence interval.",
            "",
            "| DbContext | Runs | First query (wall) | Model ready (wall) | Process CPU | Paired CPU ratio | 95 % CI | Goal | Fastest ratio |",
            "|---|---:|---:|---:|---:|---:|---|---|---:|",
        ]
        for variant in ("Plain", "Conventions", "Template", "Compiled"):
            if variant not in startup:
                continue
            samples = startup[variant]
            total, ready, cpu = median(samples), median(samples, 1), median(samples, 2)
            if variant == "Plain":
                lines.append(f"| {labels[variant]} | {len(samples)} | {total:.0f} ms | {ready:.0f} ms | {cpu:.0f} ms | 1.00 | | | 1.00 |")
                continue
            ratios = paired(base_cpu, [sample[2] for sample in samples])
            if variant == "Conventions":
                middle, low, high, outcome = judge("cold start, 200 entities, with our conventions", ratios, GOALS["conventions"])
                goal = f"≤ {GOALS['conventions']} {outcome}"
            else:
                middle, low, high = median_ci(ratios)
                goal = ""
            fastest = min(sample[2] for sample in samples) / min(base_cpu)
            lines.append(
                f"| {labels[variant]} | {len(samples)} | {total:.0f} ms | {ready:.0f} ms | {cpu:.0f} ms | **{middle:.3f}** | "
                f"{low:.3f}–{high:.3f} | {goal} | {fastest:.3f} |")
        lines.append("")
    warm = {b["Method"]: b for b in benchmarks if b["Type"] == "ModelBuildingBenchmarks"}
    if warm:
        methods = {"WithoutConventions": "Plain", "WithConventions": "Conventions", "TemplateOptions": "Template", "CompiledModel": "Compiled"}
        base = warm["WithoutConventions"]["Statistics"]["Median"]
        lines += [
            "Warm (BenchmarkDotNet, in-process, JIT done): a new EF internal service provider per invocation,",
            "so the model is built again each time; then the first query.",
            "",
            "| DbContext | Median | Ratio | Allocated |",
            "|---|---:|---:|---:|",
        ]
        for method, variant in methods.items():
            if method in warm:
                b = warm[method]
                lines.append(f"| {labels[variant]} | {b['Statistics']['Median'] / 1e6:.0f} ms | {b['Statistics']['Median'] / base:.2f} | {b['Memory']['BytesAllocatedPerOperation'] / 1024 / 1024:.1f} MB |")
        lines.append("")
    if "optimize" in rows:
        lines.append(f"`dotnet ef dbcontext optimize` for the 200-entity model took {median(rows['optimize']):.1f} s.")
    if "diagram-first" in rows:
        lines.append("")
        first, second = [sample[0] for sample in rows["diagram-first"]], [sample[0] for sample in rows["diagram"]]
        first_median, first_low, first_high = median_ci(first)
        second_median, second_low, second_high = median_ci(second)
        first_outcome = record("`dotnet strata diagram --no-build`, 200 entities, the first run after a model change and its build, seconds",
                               first_median, first_low, first_high, GOALS["diagram"])
        second_outcome = record("`dotnet strata diagram --no-build`, 200 entities, a second run on the same build, seconds",
                                second_median, second_low, second_high, GOALS["diagram"])
        lines += [
            f"`dotnet strata diagram --no-build` (docs/model.md) for the 200-entity model, {len(first)} rounds. Each round changes the model "
            "(a property of Entity001 in or out) and builds it, untimed; then the first run (the one every scaffolder command makes "
            "after its build) and a second run are timed. EF Core building the design-time model is most of a run.",
            "",
            "| Run | Rounds | Median | 95 % CI | Fastest | Goal |",
            "|---|---:|---:|---|---:|---|",
            f"| first after the build | {len(first)} | {first_median:.2f} s | {first_low:.2f}–{first_high:.2f} s | {min(first):.2f} s | ≤ 1 s {first_outcome} |",
            f"| second on the same build | {len(second)} | {second_median:.2f} s | {second_low:.2f}–{second_high:.2f} s | {min(second):.2f} s | ≤ 1 s {second_outcome} |",
            "",
            "strata-agent keeps a multi-core JIT profile in obj/ and carries the rebuilt assembly's identity into it before the "
            "runtime reads it, so the first run after a build replays it as well (finding 8).",
        ]
        prefix_path = results / "diagram-prefix.txt"
        if prefix_path.exists():
            lines.append(f"Each timed run was started as `{prefix_path.read_text().strip()} …` (`STRATA_BENCH_DIAGRAM_PREFIX`), so other work on the machine did not time-slice it.")
    if "diagram-first-current" in rows and "diagram-first-baseline" in rows:
        baseline_path = results / "diagram-baseline.txt"
        baseline = baseline_path.read_text().strip() if baseline_path.exists() else "the baseline"
        lines += [
            "",
            f"Before/after (`STRATA_BENCH_DIAGRAM_BASELINE`): dotnet-strata of this tree vs of {baseline}, both started as "
            "`dotnet <dll> diagram --no-build` on the same project after the same build, alternating which goes first, each with "
            "its own JIT profile.",
            "",
            "| Run | Tool | Rounds | Median | Fastest | Paired ratio to baseline (95 % CI) |",
            "|---|---|---:|---:|---:|---:|",
        ]
        for label, key in (("first after the build", "diagram-first"), ("second on the same build", "diagram")):
            current, before = [sample[0] for sample in rows[f"{key}-current"]], [sample[0] for sample in rows[f"{key}-baseline"]]
            ratio, low, high = median_ci(paired(before, current))
            lines += [
                f"| {label} | {baseline} | {len(before)} | {statistics.median(before):.3f} s | {min(before):.3f} s | |",
                f"| {label} | this tree | {len(current)} | {statistics.median(current):.3f} s | {min(current):.3f} s | **{ratio:.3f}** ({low:.3f}–{high:.3f}) |",
            ]
    drawing = [b for b in benchmarks if b["Type"] == "DiagramBenchmarks"]
    if drawing:
        lines += ["", f"Drawing the erDiagram from the built model (ModelDiagram.ErDiagram, warm): {drawing[0]['Statistics']['Median'] / 1e6:.1f} ms."]
    return lines or ["Not measured in this run."]


def key_type_section(results):
    """--id-type guid vs int (issue 13): the interleaved inserts of `keytypes` (KeyTypePairedRunner)."""
    path = results / "keytypes.tsv"
    if not path.exists():
        return ["Not measured in this run."]
    runs = {}
    for line in path.read_text().splitlines():
        database, key_type, _, wall, cpu = line.split("\t")
        runs.setdefault((database, key_type), []).append((float(wall), float(cpu)))
    count = len(next(iter(runs.values()), []))
    lines = [
        "Inserting 10,000 rows (10 × 1,000 per SaveChanges) through the template's DbContext into an empty table,",
        "the project generated with `--id-type int` (keys made by the database) and with `--id-type guid` (time-ordered",
        f"keys made by the application, 16 bytes), taking turns batch by batch in a random order, {count} rounds. The",
        "ratio is guid over int, per round, with its 95 % confidence interval; no goal: it is the price of the option.",
        "",
        "| Database | Keys | Elapsed, median | Ratio to int | 95 % CI | Client CPU, median | CPU ratio | 95 % CI |",
        "|---|---|---:|---:|---|---:|---:|---|",
    ]
    for database in ("Sqlite", "PostgreSql"):
        base, guid = runs.get((database, "int")), runs.get((database, "guid"))
        if not base or not guid:
            continue
        base_wall, base_cpu = [s[0] for s in base], [s[1] for s in base]
        wall, cpu = [s[0] for s in guid], [s[1] for s in guid]
        middle, low, high = median_ci(paired(base_wall, wall))
        cpu_middle, cpu_low, cpu_high = median_ci(paired(base_cpu, cpu))
        lines.append(f"| {DATABASES[database]} | int | {statistics.median(base_wall):.0f} ms | 1.00 | | {statistics.median(base_cpu):.0f} ms | 1.00 | |")
        lines.append(f"| {DATABASES[database]} | guid | {statistics.median(wall):.0f} ms | **{middle:.3f}** | {low:.3f}–{high:.3f} | "
                     f"{statistics.median(cpu):.0f} ms | {cpu_middle:.3f} | {cpu_low:.3f}–{cpu_high:.3f} |")
    return lines


def settings(results):
    path = results / "settings.txt"
    return path.read_text().strip() if path.exists() else "default settings"


def summary():
    if not VERDICTS:
        return ["No goal was measured in this run."]
    met = sum(ratio <= goal for _, ratio, _, _, goal in VERDICTS)
    lines = [
        f"**{met} of {len(VERDICTS)} goals met in this run.** A ratio is the pack's time over",
        "the baseline's (1.05 = 5 % slower). Where the 95 % confidence interval reaches past the limit, this",
        "run cannot tell the ratio from the limit at that margin.",
        "",
        "| Goal | Ratio | 95 % CI | Limit | Verdict |",
        "|---|---:|---|---:|---|",
    ]
    for name, ratio, low, high, goal in VERDICTS:
        interval = "" if low == high else f"{low:.3f}–{high:.3f}"
        lines.append(f"| {name} | {ratio:.3f} | {interval} | ≤ {goal} | {verdict(ratio, goal)} |")
    return lines


def main():
    results = pathlib.Path(sys.argv[1])
    output = pathlib.Path(sys.argv[2])
    elapsed = int(sys.argv[3])
    benchmarks = bdn_reports(results)
    body = ["", "## 1. Scaffolding", ""] + scaffolding_section(results)
    body += ["", "## 2. Runtime overhead of auditing and validation", ""] + runtime_section(results, benchmarks)
    body += ["", "## Key type: `--id-type guid` vs `int`", ""] + key_type_section(results)
    body += ["", "## 3. Model building: 200 entities", ""] + model_section(results, benchmarks)
    doc = [
        "# Benchmarks",
        "",
        "What the pack costs its users, measured side by side in one run of `bash build/bench.sh`",
        f"(this run took {elapsed // 60} min {elapsed % 60} s, {settings(results)}). Regenerate this page with",
        "that command; the figures below are from the machine described here, so compare ratios, not",
        "absolute times.",
        "",
    ]
    doc += summary()
    doc += ["", "## Machine", "", "| | |", "|---|---|"]
    doc += [f"| {key} | {value} |" for key, value in machine(results)]
    doc += body
    notes = pathlib.Path("bench/benchmarks-notes.md")
    if notes.exists():
        doc += ["", notes.read_text().rstrip()]
    text = "\n".join(doc) + "\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
