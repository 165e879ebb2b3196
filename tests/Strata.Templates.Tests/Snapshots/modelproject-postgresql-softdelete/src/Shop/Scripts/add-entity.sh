#!/usr/bin/env bash
# Run by `dotnet new entity` right after it has written an entity's files (a run-script post-action;
# the working directory is the output folder). It does what the template engine cannot:
#   1. keeps the files inside this project (-o <subfolder> would misplace them: use --folder);
#   2. checks that the --parent entity exists, and removes the files this run added if not;
#   3. builds once and adds the migration with EF Core's own scaffolder:
#      dotnet build --no-restore, then dotnet ef migrations add Add<Name> --no-build.
# A failing ef command leaves the entity's files in place, no partial migration, and the command to rerun.
set -euo pipefail

project_dir='' name='' parent='' database='' skip_migration=False
files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --project-dir) project_dir=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --parent) parent=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --skip-migration) skip_migration=$2; shift 2 ;;
    --files) shift; files=("$@"); break ;;
    *) echo "error: unknown argument '$1'. This script is run by 'dotnet new entity'." >&2; exit 2 ;;
  esac
done

output_dir=$(pwd -P)

fail() {
  echo "error: $*" >&2
  exit 1
}

# Deletes the files this run added under $1 and the folders it left empty.
remove_added_files() {
  local root=$1 file dir
  for file in "${files[@]}"; do
    rm -f -- "$root/$file"
  done
  for file in "${files[@]}"; do
    dir=$(dirname -- "$file")
    while [[ $dir != . ]] && rmdir -- "$root/$dir" 2>/dev/null; do
      dir=$(dirname -- "$dir")
    done
  done
}

if [[ -z $project_dir || ! -d $project_dir || -z $name || ${#files[@]} -eq 0 ]]; then
  fail "this script is run by 'dotnet new entity' inside a Strata model project; run that instead."
fi
project_dir=$(cd -- "$project_dir" && pwd -P)
project_name=$(basename -- "$project_dir")

# 1. The files belong in the project folder. From a subfolder (-o Entities/Sales) they would land in
#    Entities/Sales/Entities/..., with the project's root namespace: refuse, and leave nothing behind.
#    From outside the project (--project path/to/Model.csproj) move them in.
if [[ $output_dir != "$project_dir" ]]; then
  if [[ $output_dir == "$project_dir"/* ]]; then
    subfolder=${output_dir#"$project_dir"/}
    remove_added_files "$output_dir"
    # Also drop the -o folder itself if dotnet new created it (it was not where the command was run from).
    invoked_from=$(readlink "/proc/$PPID/cwd" 2> /dev/null || true)
    if [[ -n $invoked_from && $invoked_from != "$output_dir" ]]; then
      dir=$output_dir
      while [[ $dir != "$project_dir" ]] && rmdir -- "$dir" 2> /dev/null; do
        dir=$(dirname -- "$dir")
      done
    fi
    fail "dotnet new entity ran in $subfolder (the current folder or -o), which would put $name in $subfolder/Entities with the wrong namespace; nothing was added. Run it in $project_dir and pass --folder ${subfolder#Entities/} for a subfolder."
  fi
  for file in "${files[@]}"; do
    if [[ -e $project_dir/$file ]]; then
      remove_added_files "$output_dir"
      fail "$project_name already has $file; nothing was added. Choose another name (or run in $project_dir with --force to overwrite)."
    fi
  done
  for file in "${files[@]}"; do
    mkdir -p -- "$(dirname -- "$project_dir/$file")"
    mv -- "$output_dir/$file" "$project_dir/$file"
  done
  remove_added_files "$output_dir"
  echo "Moved the files into $project_dir."
fi
cd -- "$project_dir"

# 2. The parent must be an existing class of this project (the template engine cannot look).
if [[ -n $parent ]]; then
  parent_file=$(grep -rlE --include='*.cs' --exclude-dir=bin --exclude-dir=obj --exclude-dir=Migrations \
    "^[[:space:]]*(public |internal )?((sealed|abstract|partial) )*(class|record) $parent([^A-Za-z0-9_]|$)" . | head -n 1 || true)
  if [[ -z $parent_file ]]; then
    remove_added_files "$project_dir"
    fail "--parent $parent: there is no class $parent in $project_name; nothing was added. Add the parent first (dotnet new entity -n $parent) or correct the name."
  fi

  # A parent in another folder's namespace (Entities/Crm while the child is in Entities/Sales) needs a using.
  entity_file=${files[0]}
  parent_namespace=$(sed -n 's/^namespace \([A-Za-z0-9_.]*\);.*/\1/p' "$parent_file" | head -n 1)
  entity_namespace=$(sed -n 's/^namespace \([A-Za-z0-9_.]*\);.*/\1/p' "$entity_file" | head -n 1)
  if [[ -n $parent_namespace && $entity_namespace != "$parent_namespace" && $entity_namespace != "$parent_namespace".* ]]; then
    {
      { grep '^using ' "$entity_file"; echo "using $parent_namespace;"; } | LC_ALL=C sort -fu
      grep -v '^using ' "$entity_file"
    } > "$entity_file.tmp"
    mv -- "$entity_file.tmp" "$entity_file"
  fi
fi

migration=Add$name
suffix=2
while compgen -G "Migrations/*_$migration.cs" > /dev/null; do
  migration=Add$name$suffix
  suffix=$((suffix + 1))
done
rerun="cd \"$project_dir\" && dotnet ef migrations add $migration"

if [[ $skip_migration == True ]]; then
  echo "Added $name without a migration (--skip-migration). When it is ready: $rerun"
  exit 0
fi

# 3. One build, then the scaffolder without a second build.
echo "Building $project_name..."
if ! dotnet build --no-restore -nologo -v q -clp:NoSummary; then
  fail "$project_name does not build (see the errors above), so no migration was added; $name's files were kept. Fix the errors, then run: $rerun"
fi

backup=$(mktemp -d)
trap 'rm -rf -- "$backup"' EXIT
mkdir -p Migrations
find Migrations -type f | sort > "$backup/before.txt"
cp -p Migrations/*.cs "$backup/" 2>/dev/null || true

echo "Adding migration $migration${database:+ ($database)}..."
if ! dotnet ef migrations add "$migration" --no-build; then
  # Leave no half migration: drop files ef created and restore the ones it changed (the model snapshot).
  find Migrations -type f | sort | comm -13 "$backup/before.txt" - | while IFS= read -r created; do rm -f -- "$created"; done
  for saved in "$backup"/*.cs; do
    [[ -e $saved ]] && cp -p -- "$saved" "Migrations/$(basename -- "$saved")"
  done
  rmdir Migrations 2> /dev/null || true
  fail "dotnet ef migrations add failed (see above), so no migration was added; $name's files were kept. Fix the problem (if the tool is missing: dotnet tool restore), then run: $rerun"
fi
echo "Added $name and the migration $migration. Apply it with: dotnet ef database update"
