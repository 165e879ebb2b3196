#!/usr/bin/env bash
# Regenerates the initial migrations that `modelproject` ships, with EF Core's own scaffolder, and the
# docs/model.md diagram of each set (content/ModelProject/_diagrams/<Database>/<Variant>.md) with dotnet strata.
#
# The template ships one migration set per database provider and model variant, under
# content/ModelProject/_migrations/<Database>/<Variant>/, and renames the chosen set into
# src/<Name>/Migrations/ when a project is created. Run this after changing anything that
# affects the model (base entity, conventions, sample entities); the test suite fails with
# "has pending model changes" until you do.
#
# Usage: build/regenerate-migrations.sh [Database ...]   (default: Sqlite SqlServer PostgreSql)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template_dir="$repo_root/content/ModelProject"
databases=("$@")
[[ ${#databases[@]} -gt 0 ]] || databases=(Sqlite SqlServer PostgreSql)

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
hive="$work_dir/hive"

# Runs a command quietly; on failure shows its output and stops.
run() {
  if ! "$@" >"$work_dir/last.log" 2>&1; then
    cat "$work_dir/last.log" >&2
    echo "error: '$*' failed in $(pwd); nothing under _migrations/ was changed for this set." >&2
    exit 1
  fi
}

run dotnet new install "$template_dir" --debug:custom-hive "$hive"
# The generated tool manifest pins dotnet-strata beside dotnet-ef: pack the tool so the restore finds it.
# `dotnet strata diagram` runs below, so evict a cached copy of the same version (NuGet would serve the old
# build from the global packages folder) and the resolver cache that points at it, as quickstart.sh does.
run dotnet pack "$repo_root/src/Strata.Tool" -c Release -o "$work_dir/packages" --nologo
tool_version=$(sed -n 's:.*<StrataVersion>\(.*\)</StrataVersion>.*:\1:p' "$repo_root/Directory.Build.props")
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/strata.tool/$tool_version"
rm -f "${DOTNET_CLI_HOME:-$HOME}"/.dotnet/toolResolverCache/*/strata.tool

# A fixed migration id keeps the shipped files stable across regenerations (as ASP.NET Core
# Identity's templates do with 00000000000000_CreateIdentitySchema).
migration_id="00000000000000_InitialCreate"

for database in "${databases[@]}"; do
  for variant in Empty Sample SampleAuditUser SampleSoftDelete SampleAuditUserSoftDelete; do
    case "$variant" in
      Empty) options=(--no-sample) ;;
      Sample) options=() ;;
      SampleAuditUser) options=(--audit-user) ;;
      SampleSoftDelete) options=(--soft-delete) ;;
      SampleAuditUserSoftDelete) options=(--audit-user --soft-delete) ;;
    esac

    project_root="$work_dir/$database-$variant"
    echo "==> $database / $variant"
    run timeout 300 dotnet new modelproject -n Contoso.Shop -o "$project_root" --database "$database" "${options[@]}" \
      --debug:custom-hive "$hive"
    (
      cd "$project_root"
      run dotnet tool restore --add-source "$work_dir/packages"
      run dotnet build --nologo -v quiet
      cd src/Contoso.Shop
      rm -rf Migrations
      run dotnet ef migrations add InitialCreate
    )

    destination="$template_dir/_migrations/$database/$variant"
    rm -rf "$destination"
    mkdir -p "$destination"
    source_dir="$project_root/src/Contoso.Shop/Migrations"
    for file in "$source_dir"/*_InitialCreate.cs "$source_dir"/*_InitialCreate.Designer.cs; do
      name="$(basename "$file")"
      sed -E "s/\[Migration\(\"[0-9]+_InitialCreate\"\)\]/[Migration(\"$migration_id\")]/" "$file" \
        > "$destination/$migration_id${name#*_InitialCreate}"
    done
    cp "$source_dir/ContosoShopDbContextModelSnapshot.cs" "$destination/"

    # docs/model.md of this set (issue 12): drawn by the tool from the project just built, so a fresh
    # project's ModelDiagramTests passes. One small file per set, selected like the migrations.
    (cd "$project_root/src/Contoso.Shop" && run dotnet strata diagram --no-build)
    mkdir -p "$template_dir/_diagrams/$database"
    cp "$project_root/docs/model.md" "$template_dir/_diagrams/$database/$variant.md"
  done
done

echo "Migrations regenerated under ${template_dir#"$repo_root"/}/_migrations/, diagrams under _diagrams/"
