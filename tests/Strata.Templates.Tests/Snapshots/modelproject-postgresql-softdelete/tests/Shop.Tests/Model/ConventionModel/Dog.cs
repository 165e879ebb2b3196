namespace Shop.Tests.Model.ConventionModel;

public sealed class Dog : Animal
{
    public bool IsTrained { get; set; }
}
