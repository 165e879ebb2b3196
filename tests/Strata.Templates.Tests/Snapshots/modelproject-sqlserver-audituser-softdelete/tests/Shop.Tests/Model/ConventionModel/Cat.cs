namespace Shop.Tests.Model.ConventionModel;

public sealed class Cat : Animal
{
    public int Lives { get; set; }
}
