namespace Shop.Tests;

/// <summary>
/// Values the generic tests cannot derive from the model. <see cref="Infrastructure.TestData"/> fills
/// every entity from its metadata; when one of your validators needs more (an e-mail address, a date
/// in the future), set it here, e.g. <c>case Customer customer: customer.Email = "a@example.com"; break;</c>.
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
