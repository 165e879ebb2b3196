#!/usr/bin/env bash
# Quick start: pack and install the templates, then create a sample model project on SQLite with a
# few entities, apply its migrations and run its own tests.
#
# Usage: build/quickstart.sh [output-folder]     (default: artifacts/quickstart)
# Environment: STRATA_HIVE=<dir> installs into a private template hive instead of your own.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="${1:-$repo_root/artifacts/quickstart}"
hive_args=()
[[ -n "${STRATA_HIVE:-}" ]] && hive_args=(--debug:custom-hive "$STRATA_HIVE")

step() { printf '\n==> %s\n' "$*"; }

if [[ -e "$output/Shop" ]]; then
  echo "error: $output/Shop already exists; delete it or pass another folder: build/quickstart.sh <folder>" >&2
  exit 1
fi

step "Packing the templates"
dotnet pack "$repo_root/Templates.csproj" -c Release -o "$repo_root/artifacts/package" --nologo -v quiet
package="$(ls -t "$repo_root"/artifacts/package/Strata.Templates.*.nupkg | head -n 1)"

step "Installing $(basename "$package")"
# Remove earlier installs first: the same package installed from two clones' paths makes
# `dotnet new` fail with "Sequence contains more than one matching element" (exit 70).
for _ in 1 2 3 4 5; do
  dotnet new uninstall Strata.Templates "${hive_args[@]}" >/dev/null 2>&1 || break
done
dotnet new install "$package" "${hive_args[@]}"

step "Creating the model project Shop (SQLite)"
mkdir -p "$output"
cd "$output"
dotnet new modelproject -n Shop "${hive_args[@]}"
cd Shop
dotnet tool restore
dotnet build --nologo -v quiet

step "Adding entities (each one: code files + an EF Core migration)"
cd src/Shop
# --allow-scripts yes: the migration step is a script, and without a terminal dotnet new would wait at its prompt.
dotnet new entity -n Customer --allow-scripts yes "${hive_args[@]}"
dotnet new entity -n Order --parent Customer --allow-scripts yes "${hive_args[@]}"
dotnet new entity -n OrderLine --parent Order --allow-scripts yes "${hive_args[@]}"

step "Applying the migrations to Shop.db"
dotnet ef database update

step "Running the project's own tests"
cd ../..
dotnet test --nologo

step "Done: the project is in $output/Shop"
