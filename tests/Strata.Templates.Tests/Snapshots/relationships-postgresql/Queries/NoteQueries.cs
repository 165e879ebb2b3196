using Shop.Entities;

namespace Shop.Queries;

/// <summary>Scopes for <see cref="Note"/>: one per indexed column, each answered through that column's index.</summary>
public static class NoteQueries
{
    /// <summary>The notes of one employee (<see cref="Note.EmployeeId"/>).</summary>
    public static IQueryable<Note> ForEmployee(this IQueryable<Note> notes, int employeeId) =>
        notes.Where(note => note.EmployeeId == employeeId);
}
