namespace Shop.Common;

/// <summary>
/// Who is making the current change, for <see cref="IAuditable.CreatedBy"/> and
/// <see cref="IAuditable.UpdatedBy"/>. Register your own implementation (for example one that
/// reads <c>HttpContext.User</c>) before calling <c>AddShopModel</c>.
/// </summary>
public interface ICurrentUser
{
    /// <summary>A stable identifier of the user, or <see langword="null"/> when nobody is signed in.</summary>
    string? UserId { get; }
}
