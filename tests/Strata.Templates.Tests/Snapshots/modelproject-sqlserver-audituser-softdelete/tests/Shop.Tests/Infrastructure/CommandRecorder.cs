using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shop.Tests.Infrastructure;

/// <summary>Records the commands a context sends, with their parameter count, for tests that check what reaches the database.</summary>
public sealed class CommandRecorder : DbCommandInterceptor
{
    private readonly List<RecordedCommand> _commands = [];

    /// <summary>The commands that return rows sent so far: queries, and the saves that read generated values back.</summary>
    public IReadOnlyList<RecordedCommand> Commands => _commands;

    /// <summary>The queries (SELECT statements) among <see cref="Commands"/>.</summary>
    public IEnumerable<RecordedCommand> Queries =>
        _commands.Where(command => command.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>Forgets what was recorded so far.</summary>
    public void Clear() => _commands.Clear();

    private void Record(DbCommand command) => _commands.Add(new RecordedCommand(command.CommandText, command.Parameters.Count));
}
