using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Shop.Common.Conventions;

/// <summary>
/// Keeps every <see cref="DateTime"/> in UTC on all providers: values are converted to UTC on the
/// way in, and values read back are marked <see cref="DateTimeKind.Utc"/> (SQLite and SQL Server
/// return <see cref="DateTimeKind.Unspecified"/>, which code then mistakes for local time).
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
