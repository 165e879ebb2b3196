using Shop.Common;

namespace Shop.Entities;

public class Employee : AuditableEntity
{
    public required string Name { get; set; }

    public int? ManagerId { get; set; }

    public Employee? Manager { get; set; }

    public Passport? Passport { get; set; }

    public ICollection<Employee> Reports { get; } = [];

    public ICollection<Note> Notes { get; } = [];
}
