using Shop.Common;

namespace Shop.Entities;

public class Note : AuditableEntity
{
    public int EmployeeId { get; set; }

    public Employee Employee { get; set; } = null!;

    public required string Text { get; set; }
}
