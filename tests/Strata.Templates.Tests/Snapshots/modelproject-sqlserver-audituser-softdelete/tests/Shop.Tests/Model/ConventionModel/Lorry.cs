namespace Shop.Tests.Model.ConventionModel;

public sealed class Lorry : Vehicle
{
    public int Axles { get; set; }
}
