#!/usr/bin/env python3
"""Turns the raw results of build/bench.sh into a table (stdout) and docs/benchmarks.md.

    report.py <results-dir> <output.md> <elapsed-seconds>

Reads scaffolding.tsv and model.tsv (seconds / milliseconds per run, one line each), the
BenchmarkDotNet full JSON reports under bdn/results/, and describes the machine.
"""
import datetime
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys

GOALS = {
    "entity": 1.15,
    "growth": 1.5,
    "Auditing": 1.05,
    "AuditingAndValidation": 1.15,
    "conventions": 1.10,
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
        ("Date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
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
        lines.append(f"| `dotnet new modelproject -n X --no-sample` (files only, no restore) | {len(rows['modelproject'])} | {median(rows['modelproject']):.2f} s | | |")
    if "entity-template" in rows and "entity-bare" in rows:
        template, bare = median(rows["entity-template"]), median(rows["entity-bare"])
        ratio = template / bare
        lines.append(f"| `dotnet new entity -n X --allow-scripts yes`, end to end | {len(rows['entity-template'])} | {template:.2f} s | **{ratio:.2f}** | ≤ {GOALS['entity']} {verdict(ratio, GOALS['entity'])} |")
        lines.append(f"| bare `dotnet ef migrations add X` after writing the same files | {len(rows['entity-bare'])} | {bare:.2f} s | 1.00 | |")
    if "entity-early" in rows and "entity-late" in rows:
        early, late = median(rows["entity-early"]), median(rows["entity-late"])
        ratio = late / early
        lines.append(f"| `dotnet new entity`, entities 1-3 of a project | {len(rows['entity-early'])} | {early:.2f} s | 1.00 | |")
        lines.append(f"| `dotnet new entity`, entities 50-52 of a project | {len(rows['entity-late'])} | {late:.2f} s | **{ratio:.2f}** | ≤ {GOALS['growth']} {verdict(ratio, GOALS['growth'])} |")
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
        f"**Interleaved, CPU time (the verdicts).** The three DbContexts in turn, {count} rounds, each inserting",
        "then updating 10,000 rows (10 × 1,000 per SaveChanges). CPU time of the working thread per 10,000",
        "rows: what the interceptors add. Other load on the machine only ever adds time, so the verdict uses",
        "the fastest run of each (the least disturbed); medians are shown beside it. On PostgreSQL CPU time",
        "is the client's share only (the server's work is the same for all three).",
        "",
        "| Database | Operation | DbContext | CPU, fastest | Ratio | Goal | CPU, median | Ratio | Wall, median | Ratio |",
        "|---|---|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for database in ("Sqlite", "PostgreSql"):
        for operation in ("Insert", "Update"):
            base = runs.get((database, operation, "Plain"))
            if not base:
                continue
            base_wall, base_cpu = median(base, 0), median(base, 1)
            base_min = min(sample[1] for sample in base)
            for variant in ("Plain", "Auditing", "AuditingAndValidation"):
                samples = runs.get((database, operation, variant))
                if not samples:
                    continue
                wall, cpu = median(samples, 0), median(samples, 1)
                fastest = min(sample[1] for sample in samples)
                ratio = fastest / base_min
                goal = f"≤ {GOALS[variant]} {verdict(ratio, GOALS[variant])}" if variant in GOALS else ""
                shown = "1.00" if variant == "Plain" else f"**{ratio:.2f}**"
                lines.append(
                    f"| {DATABASES[database]} | {operation} | {LABELS[variant]} | {fastest:.0f} ms | {shown} | {goal} | "
                    f"{cpu:.0f} ms | {cpu / base_cpu:.2f} | {wall:.0f} ms | {wall / base_wall:.2f} |")
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
        has_cpu = all(len(sample) > 2 for samples in startup.values() for sample in samples)
        base = median(startup["Plain"], 2 if has_cpu else 0)
        lines += [
            "Cold start: a new process per run, runs interleaved, medians. Wall time from `Main` to the end of",
            "the first query (JIT, model building, query compilation) and to `context.Model` being ready; CPU",
            "time of the whole process at that point (runtime start-up included, the same for all). The",
            "ratio (the verdict) is on CPU time, which a loaded machine disturbs least.",
            "",
            "| DbContext | Runs | First query (wall) | Model ready (wall) | Process CPU | CPU ratio | Goal |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for variant in ("Plain", "Conventions", "Template", "Compiled"):
            if variant not in startup:
                continue
            total, ready = median(startup[variant]), median(startup[variant], 1)
            cpu = median(startup[variant], 2) if has_cpu else total
            ratio = cpu / base
            goal = f"≤ {GOALS['conventions']} {verdict(ratio, GOALS['conventions'])}" if variant == "Conventions" else ""
            shown = "1.00" if variant == "Plain" else f"**{ratio:.2f}**"
            lines.append(f"| {labels[variant]} | {len(startup[variant])} | {total:.0f} ms | {ready:.0f} ms | {cpu:.0f} ms | {shown} | {goal} |")
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
    return lines or ["Not measured in this run."]


def main():
    results = pathlib.Path(sys.argv[1])
    output = pathlib.Path(sys.argv[2])
    elapsed = int(sys.argv[3])
    benchmarks = bdn_reports(results)
    doc = [
        "# Benchmarks",
        "",
        "What the pack costs its users, measured side by side in one run of `bash build/bench.sh`",
        f"(this run took {elapsed // 60} min {elapsed % 60} s). Regenerate this page with that command; the",
        "figures below are from the machine described here, so compare ratios, not absolute times.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
    ]
    doc += [f"| {key} | {value} |" for key, value in machine(results)]
    doc += ["", "## 1. Scaffolding", ""] + scaffolding_section(results)
    doc += ["", "## 2. Runtime overhead of auditing and validation", ""] + runtime_section(results, benchmarks)
    doc += ["", "## 3. Model building: 200 entities", ""] + model_section(results, benchmarks)
    notes = pathlib.Path("bench/benchmarks-notes.md")
    if notes.exists():
        doc += ["", notes.read_text().rstrip()]
    text = "\n".join(doc) + "\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
