#!/usr/bin/env bash
# Benchmarks of the template pack: prints a table and writes docs/benchmarks.md.
#
#   bash build/bench.sh [--quick] [--skip-scaffolding] [--skip-runtime] [--skip-model] [--no-postgres] [--diagram-only]
#
#   1. Scaffolding (timed here, median of several runs): `dotnet new entity` end to end vs a bare
#      `dotnet ef migrations add` for the same files, without and with 12 fields; `dotnet strata
#      add-fields` vs a bare `dotnet ef migrations add`, and the tool's own work (--skip-migration);
#      `dotnet new modelproject` (files, tool restore, build, initial migration); entity 50 vs entity 1.
#   2. Runtime (BenchmarkDotNet, bench/Strata.Benchmarks): 10,000 rows inserted and updated in
#      batches of 1,000 per SaveChanges, plain DbContext vs the template's, SQLite in memory and
#      a throwaway PostgreSQL cluster (build/postgres.sh).
#   3. Model building: first query on a 200-entity model with and without the template's
#      conventions, and with a compiled model (`dotnet ef dbcontext optimize`).
#
# --quick runs fewer repetitions (a smoke test; its figures are not for the docs).
# Environment: STRATA_BENCH_REPS (scaffolding repetitions, default 5), STRATA_BENCH_STARTS (cold
# starts per model variant, default 15),
# STRATA_BENCH_ITERATIONS (BenchmarkDotNet iterations, default 8), STRATA_BENCH_ROUNDS (interleaved
# runtime rounds, default 40), STRATA_BENCH_WORK (work folder,
# default artifacts/bench/work; emptied first), STRATA_BENCH_OUTPUT (default docs/benchmarks.md).
# --diagram-only times only `dotnet strata diagram` on the 200-entity model (a few minutes). With
# STRATA_BENCH_DIAGRAM_BASELINE=<git ref>, dotnet-strata built from that commit runs interleaved with this
# tree's, on the same project, for before/after figures. STRATA_BENCH_DIAGRAM_PREFIX is put before each timed
# diagram command, e.g. "chrt -f 10" so that other work on a shared machine does not time-slice the runs.
# Takes about 15-20 minutes on 2 cores.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

log() { printf 'bench.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

scaffolding=1 runtime=1 model=1 postgres=1 quick=0 diagram_only=0
while (($# > 0)); do
  case "$1" in
    --quick) quick=1 ;;
    --skip-scaffolding) scaffolding=0 ;;
    --skip-runtime) runtime=0 ;;
    --skip-model) model=0 ;;
    --no-postgres) postgres=0 ;;
    --diagram-only) scaffolding=0 runtime=0 model=0 diagram_only=1 ;;
    -h | --help)
      sed -n '2,26s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
reps=${STRATA_BENCH_REPS:-5}
iterations=${STRATA_BENCH_ITERATIONS:-8}
rounds=${STRATA_BENCH_ROUNDS:-40}
starts=${STRATA_BENCH_STARTS:-15}
if ((quick)); then
  reps=2
  iterations=3
  rounds=2
  starts=2
fi
export STRATA_BENCH_ITERATIONS=$iterations

work=${STRATA_BENCH_WORK:-$repo_root/artifacts/bench/work}
output=${STRATA_BENCH_OUTPUT:-$repo_root/docs/benchmarks.md}
results=$work/results
hive=$work/hive
rm -rf "$work"
mkdir -p "$results" "$hive"
started=$SECONDS
uptime >"$results/load-start.txt"
printf 'STRATA_BENCH_REPS=%s STRATA_BENCH_ITERATIONS=%s STRATA_BENCH_ROUNDS=%s STRATA_BENCH_STARTS=%s\n' \
  "$reps" "$iterations" "$rounds" "$starts" | sed 's/ /, /g; s/^/settings /' >"$results/settings.txt"

# `dotnet new` waits at a prompt without a terminal: always a timeout, never stdin.
# Exit code 70 (an engine exception) was seen once right after install while the template cache was
# rebuilt; one retry.
dotnet_new() {
  local rc=0
  timeout 600 dotnet new "$@" --debug:custom-hive "$hive" </dev/null || rc=$?
  if ((rc == 70)); then
    log "dotnet new exited with 70 (engine exception); retrying once"
    rc=0
    timeout 600 dotnet new "$@" --debug:custom-hive "$hive" </dev/null || rc=$?
  fi
  return "$rc"
}

now() { date +%s.%N; }
# Runs a command quietly and prints its wall time in seconds; its output goes to $results/commands.log.
timed() {
  local start end
  start=$(now)
  if ! "$@" >>"$results/commands.log" 2>&1; then
    tail -n 40 "$results/commands.log" >&2
    die "failed: $*"
  fi
  end=$(now)
  python3 -c "print(f'{$end - $start:.3f}')"
}
record() {
  [[ -n "$2" ]] || die "no time recorded for $1 (see $results/commands.log)"
  printf '%s\t%s\n' "$1" "$2" >>"$results/scaffolding.tsv"
}

log "installing the templates into a throwaway hive"
dotnet_new install "$repo_root/content/ModelProject" >/dev/null
entity_ready=0
if [[ -f content/Entity/.template.config/template.json ]]; then
  dotnet_new install "$repo_root/content/Entity" >/dev/null && entity_ready=1
fi

# The generated tool manifest pins dotnet-strata (the entity template's last step) beside dotnet-ef: pack
# it from this tree and restore it from there. NuGet would serve an earlier build of the same version
# from its global packages folder, so that copy is removed first.
log "packing the dotnet-strata tool"
dotnet pack "$repo_root/src/Strata.Tool" -c Release -o "$work/packages" --nologo >"$results/tool-pack.log" 2>&1 ||
  { tail -n 40 "$results/tool-pack.log" >&2; die "the dotnet-strata tool did not pack"; }
tool_version=$(basename "$(ls "$work"/packages/Strata.Tool.[0-9]*.nupkg)" .nupkg)
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/strata.tool/${tool_version#Strata.Tool.}"
# `dotnet tool restore` also skips a tool its resolver cache locates elsewhere (an earlier restore's copy).
rm -f "${DOTNET_CLI_HOME:-$HOME}"/.dotnet/toolResolverCache/*/strata.tool
tool_restore() { dotnet tool restore --add-source "$work/packages"; }
# `dotnet new modelproject` restores the tools itself (its first post-action, a plain `dotnet tool restore`):
# every project generated under $work finds the packed tool through this NuGet.config.
cat >"$work/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="strata-bench-packed" value="$work/packages" />
  </packageSources>
</configuration>
EOF

# A fresh model project (SQLite, no sample), restored and built, with its local tools.
new_model_project() { # name folder [extra options]
  local name=$1 folder=$2
  shift 2
  (cd "$folder" && dotnet_new modelproject -n "$name" --no-sample --allow-scripts yes "$@" >/dev/null)
  (cd "$folder/$name" && tool_restore >/dev/null && dotnet build "src/$name" >/dev/null) ||
    die "the generated project $name did not build"
}

# ---------------------------------------------------------------- 2./3. generated projects for BenchmarkDotNet
if ((runtime || model)); then
  log "generating BenchModel (SQLite), BenchModelPg (PostgreSQL) and BenchWide (SQLite, 200 entities)"
  (cd "$work" && dotnet_new modelproject -n BenchModel --no-sample --allow-scripts yes >/dev/null)
  (cd "$work" && dotnet_new modelproject -n BenchModelPg --database PostgreSql --no-sample --allow-scripts yes >/dev/null)
  # The same two with guid keys (--id-type guid, issue 13): KeyTypeBenchmarks compares their inserts.
  (cd "$work" && dotnet_new modelproject -n BenchModelGuid --id-type guid --no-sample --allow-scripts yes >/dev/null)
  (cd "$work" && dotnet_new modelproject -n BenchModelPgGuid --id-type guid --database PostgreSql --no-sample --allow-scripts yes >/dev/null)
  (cd "$work" && dotnet_new modelproject -n BenchWide --no-sample --allow-scripts yes >/dev/null)
  python3 bench/generate-entities.py "$work/BenchModel/src/BenchModel" bench-item
  python3 bench/generate-entities.py "$work/BenchModelPg/src/BenchModelPg" bench-item
  python3 bench/generate-entities.py "$work/BenchModelGuid/src/BenchModelGuid" bench-item
  python3 bench/generate-entities.py "$work/BenchModelPgGuid/src/BenchModelPgGuid" bench-item
  python3 bench/generate-entities.py "$work/BenchWide/src/BenchWide" wide 200

  log "compiling the 200-entity model: dotnet ef dbcontext optimize"
  # dotnet ef needs a restored project; build it once so the timing below is optimize's own.
  (cd "$work/BenchWide" && tool_restore >/dev/null && dotnet build src/BenchWide >"$results/benchwide-build.log" 2>&1) ||
    { tail -n 40 "$results/benchwide-build.log" >&2; die "the 200-entity project did not build"; }
  optimize_seconds=$(cd "$work/BenchWide/src/BenchWide" &&
    timed dotnet ef dbcontext optimize --output-dir "$work/compiled" --namespace Strata.Benchmarks.CompiledModels)
  printf 'optimize\t%s\n' "$optimize_seconds" >>"$results/model.tsv"

  log "building bench/Strata.Benchmarks"
  dotnet build bench/Strata.Benchmarks -c Release -p:StrataBenchWork="$work/" >"$results/build.log" 2>&1 ||
    { tail -n 40 "$results/build.log" >&2; die "the benchmark project did not build"; }
  bench_dll=$repo_root/bench/Strata.Benchmarks/bin/Release/net10.0/Strata.Benchmarks.dll
fi

export STRATA_BENCH_DATA=$work/data
mkdir -p "$STRATA_BENCH_DATA"
unset STRATA_BENCH_POSTGRES
if ((runtime)); then
  if ((postgres)); then
    export STRATA_POSTGRES_STATE=$work/postgres.state
    trap 'bash build/postgres.sh stop || true' EXIT
    if exports=$(bash build/postgres.sh start); then
      eval "$exports"
      export STRATA_BENCH_POSTGRES=$STRATA_TEST_POSTGRES
    else
      log "warning: PostgreSQL did not start: SQLite only"
    fi
  fi
  log "runtime: BenchmarkDotNet SaveChangesBenchmarks ($iterations iterations)"
  (cd "$results" && dotnet "$bench_dll" --filter '*SaveChangesBenchmarks*' --artifacts "$results/bdn" >"$results/runtime.log" 2>&1) ||
    { tail -n 40 "$results/runtime.log" >&2; die "the runtime benchmarks failed"; }
  log "runtime: BenchmarkDotNet KeyTypeBenchmarks, guid vs int keys ($iterations iterations)"
  (cd "$results" && dotnet "$bench_dll" --filter '*KeyTypeBenchmarks*' --artifacts "$results/bdn" >"$results/keytype.log" 2>&1) ||
    { tail -n 40 "$results/keytype.log" >&2; die "the key-type benchmarks failed"; }
  log "runtime: the same workloads interleaved, wall and CPU time, $rounds rounds"
  dotnet "$bench_dll" paired "$rounds" >"$results/paired.tsv" 2>"$results/paired.log" ||
    { tail -n 40 "$results/paired.log" >&2; die "the paired runtime measurement failed"; }
  log "runtime: int and guid key inserts interleaved, wall and CPU time, $rounds rounds"
  dotnet "$bench_dll" keytypes "$rounds" >"$results/keytypes.tsv" 2>"$results/keytypes.log" ||
    { tail -n 40 "$results/keytypes.log" >&2; die "the paired key-type measurement failed"; }
fi

if ((model)); then
  log "model building: BenchmarkDotNet ModelBuildingBenchmarks ($iterations iterations)"
  (cd "$results" && dotnet "$bench_dll" --filter '*ModelBuildingBenchmarks*' --artifacts "$results/bdn" >"$results/model.log" 2>&1) ||
    { tail -n 40 "$results/model.log" >&2; die "the model-building benchmarks failed"; }

  log "model building: cold start, a new process per run, x$starts per variant (interleaved)"
  dotnet "$bench_dll" startup prepare
  for ((r = 1; r <= starts; r++)); do
    for variant in Plain Conventions Template Compiled; do
      printf 'startup-%s\t%s\n' "$variant" "$(dotnet "$bench_dll" startup "$variant")" >>"$results/model.tsv"
    done
  done
fi

# docs/model.md (issue 12): the whole command on the built 200-entity project (tool start, strata-agent in the
# project's dependency context, EF Core's design-time model, drawing), then the drawing alone.
if ((model || diagram_only)); then
  wide=$work/BenchWide/src/BenchWide
  if ((diagram_only)); then
    log "generating BenchWide (SQLite, 200 entities)"
    (cd "$work" && dotnet_new modelproject -n BenchWide --no-sample --allow-scripts yes >/dev/null)
    python3 bench/generate-entities.py "$wide" wide 200
    (cd "$work/BenchWide" && tool_restore >/dev/null && dotnet build src/BenchWide >"$results/benchwide-build.log" 2>&1) ||
      { tail -n 40 "$results/benchwide-build.log" >&2; die "the 200-entity project did not build"; }
  fi

  # Before/after: the tool of this tree (the one packed and restored above) and the one of
  # $STRATA_BENCH_DIAGRAM_BASELINE, each started as `dotnet <dll>` (the same way, so only the tools differ),
  # alternating which goes first. The packed copy itself, not a second build: it is the one users run.
  baseline=${STRATA_BENCH_DIAGRAM_BASELINE:-}
  read -r -a prefix <<<"${STRATA_BENCH_DIAGRAM_PREFIX:-}"
  if [[ -n "$baseline" ]]; then
    log "diagram: building dotnet-strata from $baseline and from this tree"
    mkdir -p "$work/baseline-src"
    git -C "$repo_root" archive "$baseline" | tar -x -C "$work/baseline-src" || die "git archive $baseline failed"
    dotnet build "$work/baseline-src/src/Strata.Tool" -c Release -o "$work/baseline-tool" >"$results/baseline-tool.log" 2>&1 ||
      { tail -n 40 "$results/baseline-tool.log" >&2; die "dotnet-strata at $baseline did not build"; }
    current_tool=$(ls "${NUGET_PACKAGES:-$HOME/.nuget/packages}/strata.tool/${tool_version#Strata.Tool.}"/tools/*/any/dotnet-strata.dll)
    printf '%s\n' "$(git -C "$repo_root" rev-parse --short "$baseline")" >"$results/diagram-baseline.txt"
  fi
  if ((${#prefix[@]})); then
    printf '%s\n' "${prefix[*]}" >"$results/diagram-prefix.txt"
  fi

  log "diagram: dotnet strata diagram --no-build on the 200-entity model x$starts, each after a model change and its build${baseline:+, interleaved with the tool of $baseline}"
  # Each round changes the model (one property of Entity001 in, then out again) and builds it, untimed: the run right
  # after a build is the one every scaffolder command makes ("first"); a second run on the same build is timed too.
  # strata-agent keeps a multi-core JIT profile in obj/. With a baseline, each tool keeps its own copy of it (swapped
  # in before its runs and saved after, with its time: strata-agent compares it with the build's), so neither replays
  # the profile the other recorded.
  changed_entity=$wide/Entities/Entity001.cs
  profile=$wide/obj/strata-agent.jitprofile
  diagram_runs() { # <label suffix> <command...>: the first and the second run of one tool on this build
    local suffix=$1
    shift
    if [[ -n "$baseline" ]]; then
      rm -f "$profile"
      if [[ -f "$work/jitprofile$suffix" ]]; then cp -p "$work/jitprofile$suffix" "$profile"; fi
    fi
    printf 'diagram-first%s\t%s\n' "$suffix" "$(cd "$wide" && timed "${prefix[@]}" "$@" diagram --no-build)"
    printf 'diagram%s\t%s\n' "$suffix" "$(cd "$wide" && timed "${prefix[@]}" "$@" diagram --no-build)"
    if [[ -n "$baseline" ]]; then cp -p "$profile" "$work/jitprofile$suffix"; fi
  }
  # A first round records the profiles on this build (untimed).
  (cd "$wide" && dotnet strata diagram --no-build >/dev/null)
  if [[ -n "$baseline" ]]; then
    cp -p "$profile" "$work/jitprofile-current"
    (cd "$wide" && dotnet "$work/baseline-tool/dotnet-strata.dll" diagram --no-build >/dev/null)
    cp -p "$profile" "$work/jitprofile-baseline"
  fi
  for ((r = 1; r <= starts; r++)); do
    if grep -q 'BenchChange' "$changed_entity"; then
      sed -i '/BenchChange/d' "$changed_entity"
    else
      sed -i 's/^}$/    public int BenchChange { get; set; }\n}/' "$changed_entity"
    fi
    dotnet build "$wide" --no-restore >"$results/benchwide-change.log" 2>&1 ||
      { tail -n 40 "$results/benchwide-change.log" >&2; die "the 200-entity project did not build after a model change"; }
    if [[ -z "$baseline" ]]; then
      diagram_runs "" dotnet strata >>"$results/model.tsv"
    elif ((r % 2)); then
      { diagram_runs -current dotnet "$current_tool" && diagram_runs -baseline dotnet "$work/baseline-tool/dotnet-strata.dll"; } >>"$results/model.tsv"
    else
      { diagram_runs -baseline dotnet "$work/baseline-tool/dotnet-strata.dll" && diagram_runs -current dotnet "$current_tool"; } >>"$results/model.tsv"
    fi
  done
  sed -i '/BenchChange/d' "$changed_entity"
  if ((model)); then
    (cd "$results" && dotnet "$bench_dll" --filter '*DiagramBenchmarks*' --artifacts "$results/bdn" >"$results/diagram.log" 2>&1) ||
      { tail -n 40 "$results/diagram.log" >&2; die "the diagram benchmark failed"; }
  fi
fi

# ---------------------------------------------------------------- 1. scaffolding (last: it is the slowest to fail)
if ((scaffolding)); then
  scaffold=$work/scaffold
  mkdir -p "$scaffold"
  log "scaffolding: dotnet new modelproject x$reps (the files, then its post-actions: tool restore, dotnet strata init)"
  for ((r = 1; r <= reps; r++)); do
    record modelproject "$(cd "$scaffold" && timed dotnet_new modelproject -n "Wall$r" --no-sample --allow-scripts yes)"
  done

  if ((entity_ready)); then
    # In a subshell: a failing entity template (work in progress) costs this section, not the run.
    (
    new_model_project Scaffold "$scaffold"
    project=$scaffold/Scaffold/src/Scaffold
    log "scaffolding: dotnet new entity end to end vs bare dotnet ef migrations add, x$reps (interleaved)"
    for ((r = 1; r <= reps; r++)); do
      template() { record entity-template "$(cd "$project" && timed dotnet_new entity -n "Template$r" --allow-scripts yes)"; }
      bare() {
        # The same files the template writes, written without timing; then EF's own command, timed.
        (cd "$project" && dotnet_new entity -n "Bare$r" --skip-migration --allow-scripts yes >>"$results/commands.log" 2>&1) ||
          die "dotnet new entity --skip-migration failed (see $results/commands.log)"
        record entity-bare "$(cd "$project" && timed dotnet ef migrations add "AddBare$r")"
      }
      # Alternate the order so neither side always runs on a warmer build.
      if ((r % 2)); then template; bare; else bare; template; fi
    done

    # Issue 10: twelve fields (one per type), end to end vs bare ef, and add-fields vs bare ef; the
    # same pairing and alternating order as above. Each round gets its own entities (a reference target
    # exists from the start).
    fields12='Sku:string{32}:uniq Title:string{200} Notes:text? Price:decimal{10,2}:min(0) Stock:int:min(0) Views:long Rank:short Score:double Active:bool SoldAt:datetime? OpensAt:time? Owner:references{Anchor}'
    added2='Weight:decimal{8,3}? Barcode:string{13}?:uniq'
    (cd "$project" && dotnet_new entity -n Anchor --allow-scripts yes >>"$results/commands.log" 2>&1) || die "dotnet new entity Anchor failed"
    log "scaffolding: dotnet new entity with 12 fields end to end vs bare dotnet ef migrations add, x$reps (interleaved)"
    for ((r = 1; r <= reps; r++)); do
      template() { record entity-fields "$(cd "$project" && timed dotnet_new entity -n "Fields$r" --fields "$fields12" --allow-scripts yes)"; }
      bare() {
        (cd "$project" && dotnet_new entity -n "FieldsBare$r" --fields "$fields12" --skip-migration --allow-scripts yes >>"$results/commands.log" 2>&1) ||
          die "dotnet new entity --fields --skip-migration failed (see $results/commands.log)"
        record entity-fields-bare "$(cd "$project" && timed dotnet ef migrations add "AddFieldsBare$r")"
      }
      if ((r % 2)); then template; bare; else bare; template; fi
    done
    log "scaffolding: dotnet strata add-fields end to end vs bare dotnet ef migrations add, x$reps (interleaved)"
    for ((r = 1; r <= reps; r++)); do
      for entity in "Grown$r" "GrownBare$r"; do
        (cd "$project" && dotnet_new entity -n "$entity" --allow-scripts yes >>"$results/commands.log" 2>&1) || die "dotnet new entity $entity failed"
      done
      added() { record add-fields "$(cd "$project" && timed dotnet strata add-fields "Grown$r" "$added2")"; }
      bare() {
        # The tool's own work alone (start, parse, edit; no build), timed too, then EF's own command.
        # STRATA_TIMING=1 also makes the tool report its in-process time (without the host's start-up).
        record tool-own-work "$(cd "$project" && timed env STRATA_TIMING=1 dotnet strata add-fields "GrownBare$r" "$added2" --skip-migration)"
        in_tool=$(grep -o 'strata: [0-9]* ms in the tool' "$results/commands.log" | tail -n 1 | grep -o '[0-9][0-9]*')
        record tool-in-process "$(python3 -c "print(f'{${in_tool:-0} / 1000:.3f}')")"
        record add-fields-bare "$(cd "$project" && timed dotnet ef migrations add "AddWeightToGrownBare$r")"
      }
      if ((r % 2)); then added; bare; else bare; added; fi
    done

    new_model_project Grow "$scaffold"
    project=$scaffold/Grow/src/Grow
    log "scaffolding: entities 1-3 on an empty project vs entities 50-52"
    for r in 1 2 3; do
      record entity-early "$(cd "$project" && timed dotnet_new entity -n "Early$r" --allow-scripts yes)"
    done
    for ((r = 4; r <= 49; r++)); do
      (cd "$project" && dotnet_new entity -n "Filler$r" --skip-migration --allow-scripts yes >>"$results/commands.log" 2>&1) ||
        die "dotnet new entity Filler$r failed (see $results/commands.log)"
    done
    (cd "$project" && dotnet ef migrations add AddFillers >>"$results/commands.log" 2>&1) || die "migrations add AddFillers failed"
    for r in 50 51 52; do
      record entity-late "$(cd "$project" && timed dotnet_new entity -n "Late$r" --allow-scripts yes)"
    done
    ) || log "warning: entity scaffolding failed part way (see $results/commands.log)"
  else
    log "warning: content/Entity is not there yet: entity scaffolding not measured"
  fi
fi

uptime >"$results/load-end.txt"
if ((quick)); then
  output=$results/benchmarks.md
  log "--quick: writing $output instead of the docs"
fi
python3 bench/report.py "$results" "$output" "$((SECONDS - started))"
log "done in $((SECONDS - started)) s; results in $results"
