using Shop.Common;

namespace Shop.Entities;

public class Passport : AuditableEntity
{
    public required string Number { get; set; }

    public int EmployeeId { get; set; }

    public Employee Employee { get; set; } = null!;
}
