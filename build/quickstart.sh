#!/usr/bin/env bash
# Quick start: pack the templates and the dotnet-strata tool, install the templates, then create a
# sample model project on SQLite (its initial migration written by EF Core as it is created), add
# entities with fields, apply the migrations and run its own tests.
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

step "Packing the templates and the dotnet-strata tool"
packages="$repo_root/artifacts/package"
dotnet pack "$repo_root/Templates.sln" -c Release -o "$packages" --nologo -v quiet
package="$(ls -t "$packages"/Strata.Templates.[0-9]*.nupkg | head -n 1)"
tool_package="$(ls -t "$packages"/Strata.Tool.[0-9]*.nupkg | head -n 1)"
tool_version="$(basename "$tool_package" .nupkg)"
tool_version="${tool_version#Strata.Tool.}"

step "Installing $(basename "$package")"
# Remove earlier installs first: the same package installed from two clones' paths makes
# `dotnet new` fail with "Sequence contains more than one matching element" (exit 70).
for _ in 1 2 3 4 5; do
  dotnet new uninstall Strata.Templates "${hive_args[@]}" >/dev/null 2>&1 || break
done
dotnet new install "$package" "${hive_args[@]}"

step "Creating the model project Shop (SQLite), with its initial migration"
mkdir -p "$output"
cd "$output"
# The post-actions of dotnet new run `dotnet tool restore` (dotnet-ef, and dotnet-strata from the folder just
# packed: this NuGet.config adds it as a package source), then `dotnet strata init`, which builds the model
# project and writes its initial migration with dotnet ef. An earlier build of the same tool version would
# win: NuGet serves it from its global packages folder, and `dotnet tool restore` skips a tool its resolver
# cache already locates (wherever an earlier restore put it). Both are forgotten first.
cat >NuGet.config <<EOF
<?xml version="1.0" encoding="utf-8"?>
<!-- Written by build/quickstart.sh: the templates and the tool packed from this clone. -->
<configuration>
  <packageSources>
    <add key="strata-quickstart" value="$packages" />
  </packageSources>
</configuration>
EOF
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/strata.tool/$tool_version"
rm -f "${DOTNET_CLI_HOME:-$HOME}"/.dotnet/toolResolverCache/*/strata.tool
# --allow-scripts yes: without a terminal, dotnet new would wait at the post-actions' prompt.
dotnet new modelproject -n Shop --allow-scripts yes "${hive_args[@]}"
cd Shop
dotnet build --nologo -v quiet

step "Adding entities with their fields (each one: code files + an EF Core migration)"
cd src/Shop
# --allow-scripts yes: the last step (dotnet strata) is a post-action script, and without a terminal
# dotnet new would wait at its prompt. Product and Supplier are the template's sample entities.
dotnet new entity -n Customer --fields "Name:string{100} Email:email:uniq" --allow-scripts yes "${hive_args[@]}"
dotnet new entity -n Order --parent Customer --fields "Number:string{20}:uniq PlacedOn:date" --allow-scripts yes "${hive_args[@]}"
dotnet new entity -n OrderLine --parent Order \
  --fields "Quantity:int:min(1) UnitPrice:decimal{10,2}:min(0) Product:references" --allow-scripts yes "${hive_args[@]}"

step "Adding fields to an existing entity (code + migration, existing rows kept)"
dotnet strata add-fields Customer "Phone:string{20}? Tier:string{10}:default(Standard)"

step "Applying the migrations to Shop.db"
dotnet ef database update

step "Running the project's own tests"
cd ../..
dotnet test --nologo

step "Done: the project is in $output/Shop"
