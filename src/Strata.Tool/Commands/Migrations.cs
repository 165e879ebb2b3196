using System.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Strata.Tool.Diagrams;
using Strata.Tool.Editing;
using Strata.Tool.Project;

namespace Strata.Tool.Commands;

/// <summary>One build, then EF Core's own scaffolder without a second build (and docs/model.md beside it); on failure, the project as it was.</summary>
internal static class Migrations
{
    /// <summary><paramref name="name"/>, or with 2, 3... appended when a migration of that name exists.</summary>
    public static string UniqueName(ModelProject project, string name)
    {
        var folder = Path.Combine(project.Directory, "Migrations");
        var candidate = name;
        for (var suffix = 2; Directory.Exists(folder) && Directory.EnumerateFiles(folder, $"*_{candidate}.cs").Any(); suffix++)
        {
            candidate = name + suffix;
        }

        return candidate;
    }

    /// <summary>
    /// Builds the project and adds the migration. Returns the migration's file, or throws a
    /// <see cref="CommandFailedException"/> after undoing <paramref name="changes"/> and any migration files.
    /// </summary>
    public static string Add(ModelProject project, string migration, ChangeSet changes, string rerun, Action<string>? edit = null)
    {
        Console.WriteLine($"Building {project.Name}...");
        if (!Build(project))
        {
            changes.Undo();
            throw new CommandFailedException($"{project.Name} does not build (see the errors above), so nothing was added. Fix the errors, then run: {rerun}");
        }

        // docs/model.md is drawn from the same build while dotnet ef works, and written only if the migration is kept.
        var diagram = PendingDiagram.Start(project);
        var folder = Path.Combine(project.Directory, "Migrations");
        var before = Snapshot(folder);
        Console.WriteLine($"Adding migration {migration}{(project.Database.Length > 0 ? $" ({project.Database})" : "")}...");
        if (Ef(project, "migrations", "add", migration, "--no-build") != 0)
        {
            diagram.Discard();
            Restore(folder, before);
            changes.Undo();
            throw new CommandFailedException($"dotnet ef migrations add failed (see above), so nothing was added. Fix the problem (if the tool is missing: dotnet tool restore), then run: {rerun}");
        }

        var file = Directory.EnumerateFiles(folder, $"*_{migration}.cs").FirstOrDefault(path => !before.ContainsKey(path));
        if (file is null)
        {
            diagram.Discard();
            Restore(folder, before);
            changes.Undo();
            throw new CommandFailedException($"dotnet ef did not write the migration {migration}, so nothing was added. Run: {rerun}");
        }

        try
        {
            edit?.Invoke(file);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException)
        {
            diagram.Discard();
            Restore(folder, before);
            changes.Undo();
            throw new CommandFailedException($"could not finish the migration {migration} ({exception.Message}), so nothing was added. Run: {rerun}");
        }

        diagram.Complete();
        return file;
    }

    /// <summary>Sets <c>defaultValue:</c> of the migration's AddColumn calls: the value existing rows get.</summary>
    public static void SetColumnDefaults(string migrationFile, string table, IReadOnlyDictionary<string, string> defaults)
    {
        var file = SourceFile.Open(migrationFile);
        foreach (var (column, value) in defaults)
        {
            var call = file.Root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(invocation => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddColumn" })
                .Where(invocation => invocation.Ancestors().OfType<MethodDeclarationSyntax>().First().Identifier.ValueText == "Up")
                .FirstOrDefault(invocation => Argument(invocation, "name") == column && Argument(invocation, "table") == table)
                ?? throw new InvalidOperationException($"{migrationFile}: no AddColumn for {table}.{column}.");

            var existing = call.ArgumentList.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "defaultValue");
            if (existing is not null)
            {
                file.Replace(existing.Expression.SpanStart, existing.Expression.Span.Length, value);
            }
            else
            {
                var last = call.ArgumentList.Arguments[^1];
                var indent = last.GetLeadingTrivia().ToFullString();
                file.Replace(last.Span.End, 0, $",\n{indent}defaultValue: {value}");
            }
        }

        File.WriteAllText(migrationFile, file.Text);
    }

    private static string? Argument(InvocationExpressionSyntax invocation, string name) =>
        invocation.ArgumentList.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == name)?.Expression
            is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : null;

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(path => path, File.ReadAllBytes)
            : [];

    /// <summary>Deletes the files ef created and puts back the ones it changed (the model snapshot).</summary>
    public static void Restore(string folder, Dictionary<string, byte[]> before)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (!before.TryGetValue(path, out var bytes))
            {
                File.Delete(path);
            }
            else if (!bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)))
            {
                File.WriteAllBytes(path, bytes);
            }
        }

        if (before.Count == 0 && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>Snapshot of the Migrations folder, for <see cref="Restore"/>.</summary>
    public static Dictionary<string, byte[]> SnapshotOf(ModelProject project) => Snapshot(Path.Combine(project.Directory, "Migrations"));

    /// <summary>Builds the project quietly (its errors on the console); whether it built.</summary>
    public static bool Build(ModelProject project, bool restore = false) =>
        Run(project.Directory, ["build", .. restore ? Array.Empty<string>() : ["--no-restore"], "-nologo", "-v", "q", "-clp:NoSummary"]) == 0;

    /// <summary>
    /// Runs <c>dotnet ef ...</c> in the project; its exit code. With <c>--no-build</c>, ef.dll is started directly as
    /// dotnet-ef would start it (<see cref="EfCommandLine"/>), which saves dotnet-ef's MSBuild evaluation of the project;
    /// when an input for that is missing, plain <c>dotnet ef</c> runs instead.
    /// </summary>
    public static int Ef(ModelProject project, params string[] arguments) =>
        Run(project.Directory, [.. EfCommandLine.For(project, arguments) ?? ["ef", .. arguments]]);

    /// <summary>
    /// The project's migrations as <c>dotnet ef migrations list --json</c> gives them: (id, applied), applied null when
    /// the database could not be asked. Null when the command failed.
    /// </summary>
    public static IReadOnlyList<(string Id, bool? Applied)>? List(ModelProject project)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project.Directory, UseShellExecute = false, RedirectStandardOutput = true };
        string[] command = ["migrations", "list", "--no-build", "--json"];
        foreach (var argument in EfCommandLine.For(project, command) ?? ["ef", .. command])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new CommandFailedException("could not start dotnet; is the .NET SDK on the PATH?");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var json = output.IndexOf('[', StringComparison.Ordinal);
        if (process.ExitCode != 0 || json < 0)
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(output[json..]);
        return document.RootElement.EnumerateArray()
            .Select(migration => (migration.GetProperty("id").GetString()!, migration.TryGetProperty("applied", out var applied) && applied.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? applied.GetBoolean() : (bool?)null))
            .ToList();
    }

    private static int Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new CommandFailedException("could not start dotnet; is the .NET SDK on the PATH?");
        process.WaitForExit();
        return process.ExitCode;
    }
}
