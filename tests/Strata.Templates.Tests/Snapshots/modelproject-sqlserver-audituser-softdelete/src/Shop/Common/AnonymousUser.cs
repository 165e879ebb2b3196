namespace Shop.Common;

/// <summary>The <see cref="ICurrentUser"/> used when the application registers none.</summary>
public sealed class AnonymousUser : ICurrentUser
{
    public static AnonymousUser Instance { get; } = new();

    public string? UserId => null;
}
