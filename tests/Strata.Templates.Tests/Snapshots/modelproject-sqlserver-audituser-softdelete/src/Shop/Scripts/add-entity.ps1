# Windows twin of add-entity.sh (Windows PowerShell 5.1 or PowerShell 7), run by `dotnet new entity`
# right after it has written an entity's files; the working directory is the output folder.
#   1. keeps the files inside this project (-o <subfolder> would misplace them: use --folder);
#   2. checks that the --parent entity exists, and removes the files this run added if not;
#   3. builds once and adds the migration with EF Core's own scaffolder:
#      dotnet build --no-restore, then dotnet ef migrations add Add<Name> --no-build.
# With -Reject it only prints the template's error message (the template wrote nothing).
param(
    [switch] $Reject,
    [string] $Message = '',
    [string] $ProjectDir = '',
    [string] $Name = '',
    [string] $Parent = '',
    [string] $Plural = '',
    [string] $Folder = '',
    [string] $Database = '',
    [string] $SkipMigration = 'False',
    [string] $Files = ''
)

$ErrorActionPreference = 'Stop'

function Fail([string] $text, [int] $code = 1) {
    [Console]::Error.WriteLine("error: $text")
    exit $code
}

if ($Reject) {
    $text = $Message.Replace('@NAME@', $Name).Replace('@PARENT@', $Parent).Replace('@PLURAL@', $Plural).Replace('@FOLDER@', $Folder)
    [Console]::Error.WriteLine($text)
    exit 2
}

$fileList = @($Files -split ',' | Where-Object { $_ })
if (-not $ProjectDir -or -not (Test-Path -LiteralPath $ProjectDir -PathType Container) -or -not $Name -or $fileList.Count -eq 0) {
    Fail "this script is run by 'dotnet new entity' inside a Strata model project; run that instead." 2
}

$outputDir = (Get-Location).ProviderPath
$ProjectDir = (Resolve-Path -LiteralPath $ProjectDir).ProviderPath.TrimEnd('\', '/')
$projectName = Split-Path -Leaf $ProjectDir

# Deletes the files this run added under $root and the folders it left empty.
function Remove-AddedFiles([string] $root) {
    foreach ($file in $fileList) {
        $path = Join-Path $root $file
        if (Test-Path -LiteralPath $path) { Remove-Item -LiteralPath $path -Force }
    }
    foreach ($file in $fileList) {
        $dir = Split-Path -Parent (Join-Path $root $file)
        while ($dir -and ($dir.TrimEnd('\', '/') -ne $root.TrimEnd('\', '/')) -and (Test-Path -LiteralPath $dir) -and
               -not (Get-ChildItem -LiteralPath $dir -Force | Select-Object -First 1)) {
            Remove-Item -LiteralPath $dir -Force
            $dir = Split-Path -Parent $dir
        }
    }
}

# 1. The files belong in the project folder (see add-entity.sh).
if ($outputDir.TrimEnd('\', '/') -ne $ProjectDir) {
    if ($outputDir.StartsWith($ProjectDir + [IO.Path]::DirectorySeparatorChar, [StringComparison]::OrdinalIgnoreCase)) {
        $subfolder = $outputDir.Substring($ProjectDir.Length + 1).Replace('\', '/')
        Remove-AddedFiles $outputDir
        $suggested = $subfolder -replace '^Entities/', ''
        Fail "dotnet new entity ran in $subfolder (the current folder or -o), which would put $Name in $subfolder/Entities with the wrong namespace; nothing was added. Run it in $ProjectDir and pass --folder $suggested for a subfolder."
    }
    foreach ($file in $fileList) {
        if (Test-Path -LiteralPath (Join-Path $ProjectDir $file)) {
            Remove-AddedFiles $outputDir
            Fail "$projectName already has $file; nothing was added. Choose another name (or run in $ProjectDir with --force to overwrite)."
        }
    }
    foreach ($file in $fileList) {
        $target = Join-Path $ProjectDir $file
        New-Item -ItemType Directory -Force -Path (Split-Path -Parent $target) | Out-Null
        Move-Item -LiteralPath (Join-Path $outputDir $file) -Destination $target
    }
    Remove-AddedFiles $outputDir
    Write-Output "Moved the files into $ProjectDir."
}
Set-Location -LiteralPath $ProjectDir

# 2. The parent must be an existing class of this project.
if ($Parent) {
    $pattern = "^\s*(public |internal )?((sealed|abstract|partial) )*(class|record) $Parent([^A-Za-z0-9_]|$)"
    $parentFile = Get-ChildItem -Recurse -Filter *.cs -File |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj|Migrations)[\\/]' } |
        Where-Object { Select-String -LiteralPath $_.FullName -Pattern $pattern -CaseSensitive -Quiet } |
        Select-Object -First 1
    if (-not $parentFile) {
        Remove-AddedFiles $ProjectDir
        Fail "--parent ${Parent}: there is no class $Parent in $projectName; nothing was added. Add the parent first (dotnet new entity -n $Parent) or correct the name."
    }

    # A parent in another folder's namespace needs a using in the entity file.
    $entityFile = Join-Path $ProjectDir $fileList[0]
    $namespaceOf = { param($path) (Select-String -LiteralPath $path -Pattern '^namespace ([A-Za-z0-9_.]+);' | Select-Object -First 1).Matches[0].Groups[1].Value }
    $parentNamespace = & $namespaceOf $parentFile.FullName
    $entityNamespace = & $namespaceOf $entityFile
    if ($parentNamespace -and $entityNamespace -ne $parentNamespace -and -not $entityNamespace.StartsWith("$parentNamespace.")) {
        $lines = [IO.File]::ReadAllLines($entityFile)
        $usings = @($lines | Where-Object { $_ -like 'using *' }) + "using $parentNamespace;" | Sort-Object -Unique
        $rest = @($lines | Where-Object { $_ -notlike 'using *' })
        [IO.File]::WriteAllText($entityFile, ((@($usings) + $rest) -join "`n") + "`n")
    }
}

$migration = "Add$Name"
$suffix = 2
while (Get-ChildItem -Path Migrations -Filter "*_$migration.cs" -ErrorAction SilentlyContinue) {
    $migration = "Add$Name$suffix"
    $suffix++
}
$rerun = "cd `"$ProjectDir`"; dotnet ef migrations add $migration"

if ($SkipMigration -eq 'True') {
    Write-Output "Added $Name without a migration (--skip-migration). When it is ready: $rerun"
    exit 0
}

# 3. One build, then the scaffolder without a second build.
Write-Output "Building $projectName..."
& dotnet build --no-restore -nologo -v q -clp:NoSummary
if ($LASTEXITCODE -ne 0) {
    Fail "$projectName does not build (see the errors above), so no migration was added; $Name's files were kept. Fix the errors, then run: $rerun"
}

$backup = Join-Path ([IO.Path]::GetTempPath()) ([Guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $backup | Out-Null
$hadMigrations = Test-Path -LiteralPath Migrations
$before = @()
if ($hadMigrations) {
    $before = @(Get-ChildItem -LiteralPath Migrations -Recurse -File | ForEach-Object { $_.FullName })
    Copy-Item -Path (Join-Path Migrations '*.cs') -Destination $backup -ErrorAction SilentlyContinue
}

try {
    if ($Database) { Write-Output "Adding migration $migration ($Database)..." } else { Write-Output "Adding migration $migration..." }
    & dotnet ef migrations add $migration --no-build
    if ($LASTEXITCODE -ne 0) {
        # Leave no half migration: drop files ef created and restore the ones it changed (the model snapshot).
        if (Test-Path -LiteralPath Migrations) {
            Get-ChildItem -LiteralPath Migrations -Recurse -File | Where-Object { $before -notcontains $_.FullName } | Remove-Item -Force
            Copy-Item -Path (Join-Path $backup '*.cs') -Destination Migrations -ErrorAction SilentlyContinue
            if (-not $hadMigrations) { Remove-Item -LiteralPath Migrations -Recurse -Force }
        }
        Fail "dotnet ef migrations add failed (see above), so no migration was added; $Name's files were kept. Fix the problem (if the tool is missing: dotnet tool restore), then run: $rerun"
    }
}
finally {
    Remove-Item -LiteralPath $backup -Recurse -Force -ErrorAction SilentlyContinue
}
Write-Output "Added $Name and the migration $migration. Apply it with: dotnet ef database update"
