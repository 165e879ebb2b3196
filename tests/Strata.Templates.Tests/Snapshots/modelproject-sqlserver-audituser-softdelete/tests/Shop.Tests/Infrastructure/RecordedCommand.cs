namespace Shop.Tests.Infrastructure;

/// <summary>One command a context sent: its SQL and how many parameters it carried.</summary>
public sealed record RecordedCommand(string Sql, int ParameterCount);
