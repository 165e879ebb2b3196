#!/usr/bin/env bash
# Runs the whole test suite and ends with one line: `N passed, N failed, N skipped`.
#
#   bash build/test.sh [--no-postgres | --require-postgres] [-- <extra dotnet test arguments>]
#
# A throwaway PostgreSQL cluster (build/postgres.sh) is started for the run and removed on exit.
# If it can't start, PostgreSQL tests are skipped with a warning, unless --require-postgres or
# STRATA_REQUIRE_POSTGRES=1 makes that fatal. Exits non-zero when a test failed or none ran.
# TRX results are left in artifacts/test-results/.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

log() { printf 'test.sh: %s\n' "$*" >&2; }

postgres_mode=auto
if [[ "${STRATA_REQUIRE_POSTGRES:-}" == 1 ]]; then
  postgres_mode=require
fi
extra_test_args=()
while (($# > 0)); do
  case "$1" in
    --no-postgres) postgres_mode=off ;;
    --require-postgres) postgres_mode=require ;;
    --)
      shift
      extra_test_args=("$@")
      break
      ;;
    -h | --help)
      sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *)
      log "unknown argument: $1 (see --help)"
      exit 2
      ;;
  esac
  shift
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -f .config/dotnet-tools.json ]]; then
  dotnet tool restore
fi

case "$postgres_mode" in
  off)
    unset STRATA_TEST_POSTGRES
    log "PostgreSQL disabled (--no-postgres): its tests will be skipped"
    ;;
  *)
    trap 'bash build/postgres.sh stop || true' EXIT
    if postgres_exports=$(bash build/postgres.sh start); then
      eval "$postgres_exports"
    elif [[ "$postgres_mode" == require ]]; then
      log "error: PostgreSQL is required (--require-postgres or STRATA_REQUIRE_POSTGRES=1) but did not start"
      exit 1
    else
      log "warning: PostgreSQL did not start: its tests will be skipped"
    fi
    ;;
esac
if [[ "$postgres_mode" == require ]]; then
  export STRATA_REQUIRE_POSTGRES=1
fi

# The real Mermaid parser for the docs/model.md tests (node + npm packages mermaid and jsdom, pinned by
# tests/mermaid-check/package-lock.json). Without node those tests report themselves skipped.
if command -v node >/dev/null && command -v npm >/dev/null; then
  if ! npm ci --prefix tests/mermaid-check --no-audit --no-fund --loglevel=error >/dev/null; then
    log "warning: npm ci in tests/mermaid-check failed: the Mermaid parse tests will be skipped"
  fi
else
  log "node/npm not found: the Mermaid parse tests will be skipped"
fi

results_dir="$repo_root/artifacts/test-results"
rm -rf "$results_dir"
mkdir -p "$results_dir"

test_status=0
dotnet test Templates.sln -c Release \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results_dir" \
  ${extra_test_args[@]+"${extra_test_args[@]}"} || test_status=$?

# Sum the counters of every TRX file. VSTest counts a skipped test in total but not in executed.
summary=$(python3 - "$results_dir" <<'PY'
import pathlib
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for trx in pathlib.Path(sys.argv[1]).rglob("*.trx"):
    counters = ET.parse(trx).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    def count(*names):
        return sum(int(counters.get(name, 0)) for name in names)
    passed += count("passed")
    failed += count("failed", "error", "timeout", "aborted")
    skipped += count("total") - count("executed")
print(passed, failed, skipped)
PY
)
read -r passed failed skipped <<<"$summary"

echo "$passed passed, $failed failed, $skipped skipped"

if ((failed > 0)); then
  exit 1
fi
if ((passed == 0)); then
  log "error: no test ran"
  exit 1
fi
if ((test_status != 0)); then
  log "error: dotnet test exited with code $test_status"
  exit "$test_status"
fi
