using Shop.Entities;

namespace Shop.Queries;

/// <summary>Scopes for <see cref="Employee"/>: one per indexed column, each answered through that column's index.</summary>
public static class EmployeeQueries
{
    /// <summary>The employees of one manager (<see cref="Employee.ManagerId"/>).</summary>
    public static IQueryable<Employee> ForManager(this IQueryable<Employee> employees, int managerId) =>
        employees.Where(employee => employee.ManagerId == managerId);
}
