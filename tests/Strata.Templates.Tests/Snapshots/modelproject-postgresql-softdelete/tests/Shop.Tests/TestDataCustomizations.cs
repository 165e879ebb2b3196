namespace Shop.Tests;

/// <summary>
/// Values the generic tests cannot derive from the model. <see cref="Infrastructure.TestData"/> fills
/// every entity from its metadata and the validators' rules (lengths, bounds, e-mail addresses, URLs); when one
/// of your validators needs more, set it here, e.g. <c>case Order order: order.DueOn = new DateOnly(2031, 1, 1); break;</c>.
/// </summary>
public static class TestDataCustomizations
{
    public static void Apply(object entity)
    {
        switch (entity)
        {
            default:
                break;
        }
    }
}
