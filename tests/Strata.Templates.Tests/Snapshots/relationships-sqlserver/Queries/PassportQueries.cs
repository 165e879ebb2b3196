using Shop.Entities;

namespace Shop.Queries;

/// <summary>Scopes for <see cref="Passport"/>: one per indexed column, each answered through that column's index.</summary>
public static class PassportQueries
{
    /// <summary>The passport of one employee (<see cref="Passport.EmployeeId"/>; unique: at most one).</summary>
    public static IQueryable<Passport> ForEmployee(this IQueryable<Passport> passports, int employeeId) =>
        passports.Where(passport => passport.EmployeeId == employeeId);
}
